package tui

// memo keeps what a frame drew for the next frames: a keystroke usually
// changes a row or two (the selection moves, the text scrolls by a line),
// so most rows of the next frame are already drawn. Keys hold everything
// a row depends on (what it shows, the width, the selection, the
// analysis, the styles), so a stale entry is never wrong, only unused.
//
// It holds two generations of at most size entries: when the current one
// is full it becomes the old one and the older is dropped, and an entry
// found in the old generation moves back to the current one. So what the
// last frames drew stays, and a session's memory stays bounded.
//
// A memo belongs to one program; only its goroutine renders, so it needs
// no lock.
type memo[K comparable, V any] struct {
	cur, old map[K]V
	size     int
}

func newMemo[K comparable, V any](size int) *memo[K, V] {
	return &memo[K, V]{cur: make(map[K]V), size: size}
}

func (m *memo[K, V]) get(k K) (V, bool) {
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.put(k, v)
	}
	return v, ok
}

func (m *memo[K, V]) put(k K, v V) {
	if len(m.cur) >= m.size {
		m.old, m.cur = m.cur, make(map[K]V, m.size)
	}
	m.cur[k] = v
}

// rowKey names a row of a list view: which view, the item it shows and
// everything else its text depends on.
type rowKey struct {
	view       View
	item       int
	sel        bool
	w, a, b, n int // the width, and view-specific layout
	an         *Analysis
	st         *Styles
}

// Rows that are not a view's list rows have keys of their own.
const (
	rowOutline View = "reader outline"
	rowStatus  View = "reader status"
)

// rowMemoSize bounds each generation of the rows memo: several screens of
// the largest terminal.
const rowMemoSize = 256

// barKey names the tab bar or the help line by what they show.
type barKey struct {
	footer bool
	active int    // the tab bar: the active tab
	text   string // the tab bar: the spinner; the help line: its keys and status
	failed bool
	w      int
	an     *Analysis
	st     *Styles
}
