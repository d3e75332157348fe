package tui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/segment"
	"citydiff/segment/normalize"
	"citydiff/tui/cjk"
)

// search finds text across all documents. Query and documents are both
// normalized (Traditional → Simplified, punctuation and width folded), so
// 法治 finds 法治 in Shanghai's Traditional text and 法治 in the others.
// Results open in the reader with the matches marked.
//
// A search costs a pass over every document, so typing must not start one
// per keystroke (issue 14: 2,000 typed characters cost 32 s of CPU). The
// query is at most maxQuery characters; a search starts once typing has
// paused for Common.SearchDelay; one search runs at a time per session,
// and a search whose query has since changed stops at the next document
// (latest) and its results are dropped (gen).
type search struct {
	c       *Common
	in      input
	index   *searchIndex
	gen     int           // generation of the current query
	latest  *atomic.Int64 // gen, for the running search to see; shared by the model's copies
	running bool          // a search is running
	due     bool          // the delay for gen has passed while a search ran: start it when that ends
	started int           // searches started, for tests
	results []hit
	total   int
	docs    int // documents with a result
	list    scroller
	want    int // the result to select when the pending query's results arrive
	busy    bool
	width   int
	height  int
}

// maxQuery is the longest query, in characters: longer than any phrase
// worth searching for in a clause.
const maxQuery = 200

// searchIndex holds every document's normalized text. It is built in a
// command the first time someone searches, then shared by later searches.
type searchIndex struct {
	docs []searchDoc
}

type searchDoc struct {
	text *normalize.Text
	s    string
}

// hit is a match, or several in one clause: the first one's span and how
// many there are.
type hit struct {
	doc  int
	span segment.Span
	n    int
}

// searchMsg carries the results of one query; gen tags it so that results
// of a query typed over are dropped.
type searchMsg struct {
	gen     int
	query   string
	index   *searchIndex
	results []hit
	total   int
	stopped bool // the query changed while it ran: it stopped early
	scanned int  // bytes of normalized text searched: the work it did
}

// searchDueMsg says that typing has paused for gen's query.
type searchDueMsg struct{ gen int }

const maxHits = 500

func newSearchIndex(docs []*segment.Document) *searchIndex {
	idx := &searchIndex{docs: make([]searchDoc, len(docs))}
	for i, d := range docs {
		t := normalize.Normalize(d.Original)
		idx.docs[i] = searchDoc{t, t.String()}
	}
	return idx
}

// searchCmd runs a query off the UI goroutine. The index comes from idx,
// else from the analysis (shared by every program), else it is built. It
// stops between documents once latest no longer holds gen.
func searchCmd(gen int, query string, docs []*segment.Document, idx *searchIndex, an *Analysis, latest *atomic.Int64) tea.Cmd {
	return func() tea.Msg {
		switch {
		case idx != nil:
		case an != nil:
			idx = an.searchIndex()
		default:
			idx = newSearchIndex(docs)
		}
		q := normalize.Normalize(strings.TrimSpace(query)).String()
		msg := searchMsg{gen: gen, query: query, index: idx}
		if q == "" {
			return msg
		}
		for di, sd := range idx.docs {
			if latest.Load() != int64(gen) {
				msg.stopped = true
				return msg
			}
			msg.scanned += len(sd.s)
			spans := findNorm(sd.text, sd.s, q, 0)
			msg.total += len(spans)
			last := -2
			for _, s := range spans {
				cl := clauseAt(docs[di], s.Start)
				if n := len(msg.results); n > 0 && cl >= 0 && cl == last && msg.results[n-1].doc == di {
					msg.results[n-1].n++
					continue
				}
				last = cl
				if len(msg.results) < maxHits {
					msg.results = append(msg.results, hit{di, s, 1})
				}
			}
		}
		return msg
	}
}

const searchListY = 2 // input, rule

func newSearch(c *Common) search {
	return search{c: c, in: input{max: maxQuery}, latest: new(atomic.Int64)}
}

func (s search) SetSize(w, h int) search {
	s.width, s.height = w, h
	s.list.setHeight(max(1, (h-searchListY)/2))
	return s
}

// focus puts the cursor in the query field.
func (s search) focus() search {
	s.in.focused = true
	return s
}

func (s search) capturing() bool { return s.in.focused }

// changed asks for a search of the current query once typing pauses; a
// search still running for an older query stops.
func (s search) changed() (search, tea.Cmd) {
	s.gen++
	s.latest.Store(int64(s.gen))
	s.busy, s.due = true, false
	gen := s.gen
	return s, tea.Tick(s.c.SearchDelay, func(time.Time) tea.Msg { return searchDueMsg{gen} })
}

// dueNow starts the search for gen, unless the query has changed since,
// or waits for the running one to end.
func (s search) dueNow(msg searchDueMsg) (search, tea.Cmd) {
	if msg.gen != s.gen {
		return s, nil // typed over
	}
	if s.running {
		s.due = true
		return s, nil
	}
	return s.start()
}

func (s search) start() (search, tea.Cmd) {
	s.running, s.due = true, false
	s.started++
	return s, searchCmd(s.gen, s.in.value(), s.c.Docs, s.index, s.c.An, s.latest)
}

// gotResults takes the results of a query; when they are stale and the
// current query's delay has passed meanwhile, its search starts now.
func (s search) gotResults(msg searchMsg) (search, tea.Cmd) {
	s.running = false
	if msg.index != nil {
		s.index = msg.index
	}
	if msg.gen != s.gen {
		if s.due {
			return s.start()
		}
		return s, nil // a newer query is on its way
	}
	s.busy = false
	s.results, s.total = msg.results, msg.total
	docs := map[int]bool{}
	for _, h := range s.results {
		docs[h.doc] = true
	}
	s.docs = len(docs)
	s.list.setN(len(s.results))
	s.list.set(s.want)
	s.want = 0
	return s, nil
}

func (s search) open() action {
	if s.list.sel >= len(s.results) {
		return nil
	}
	h := s.results[s.list.sel]
	return openReader{doc: h.doc, clause: -1, pos: h.span.Start, query: s.in.value()}
}

func (s search) update(msg tea.Msg) (search, tea.Cmd, action) {
	k := s.c.Keys
	if s.in.focused {
		if msg, ok := msg.(tea.KeyPressMsg); ok {
			switch msg.String() {
			case "enter":
				if a := s.open(); a != nil {
					s.in.focused = false
					return s, nil, a
				}
				return s, nil, nil
			case "esc":
				if s.in.value() == "" {
					s.in.focused = false
					return s, nil, goBack{}
				}
				s.in.focused = false
				return s, nil, nil
			case "up", "ctrl+p":
				s.list.move(-1)
				return s, nil, nil
			case "down", "ctrl+n":
				s.list.move(1)
				return s, nil, nil
			}
		}
		var changed bool
		s.in, changed = s.in.update(msg)
		if changed {
			var cmd tea.Cmd
			s, cmd = s.changed()
			return s, cmd, nil
		}
		return s, nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Edit):
			s.in.focused = true
		case key.Matches(msg, k.Up):
			s.list.move(-1)
		case key.Matches(msg, k.Down):
			s.list.move(1)
		case key.Matches(msg, k.PageUp):
			s.list.page(-1)
		case key.Matches(msg, k.PageDown):
			s.list.page(1)
		case key.Matches(msg, k.Top):
			s.list.home()
		case key.Matches(msg, k.Bottom):
			s.list.end()
		case key.Matches(msg, k.Open):
			return s, nil, s.open()
		case key.Matches(msg, k.Back):
			return s, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		s.list.move(wheel(msg) / 3)
	case tea.MouseClickMsg:
		if msg.Y >= searchListY && s.list.click((msg.Y-searchListY)/2) {
			return s, nil, s.open()
		}
	}
	return s, nil, nil
}

func (s search) state(st *State) {
	st.Query, st.Result = s.in.value(), s.list.sel
}

func (s search) setState(st State) (search, tea.Cmd) {
	if st.Query == s.in.value() {
		s.list.set(st.Result)
		return s, nil
	}
	s.in = s.in.setValue(st.Query)
	s.in.focused = false
	s.want = st.Result
	return s.changed()
}

func (s search) ShortHelp() []key.Binding {
	k := s.c.Keys
	if s.in.focused {
		return []key.Binding{
			key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "results")),
			on(k.Open, len(s.results) > 0),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done typing")),
		}
	}
	return []key.Binding{k.Up, k.Down, on(k.Open, len(s.results) > 0), k.Edit, k.Back}
}

func (s search) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {on(k.Open, len(s.results) > 0), k.Edit, k.Back}}
}

func (s search) View() string {
	c, w := s.c, s.width
	st := c.Styles
	var count string
	switch {
	case s.busy:
		count = "searching…"
	case s.in.value() == "":
		count = "简体 finds 繁體 too"
	case s.total == 0:
		count = "no matches"
	default:
		count = plural(s.total, "match") + " in " + plural(s.docs, "document")
		if len(s.results) == maxHits {
			count += fmt.Sprintf(" (first %d places)", maxHits)
		}
	}
	prompt := " " + st.Title.Render("Search") + " " + st.Key.Render("›") + " "
	cw := cjk.Width(count) + 2
	field := s.in.View(st, max(4, w-cjk.Width(prompt)-cw-1), "type Chinese, e.g. 法律顾问")
	head := prompt + field
	head = cjk.Pad(head, max(0, w-cw)) + st.Subtitle.Render(count) + " "
	lines := []string{head, st.Rule.Render(strings.Repeat("─", w))}
	from, to := s.list.visible()
	for i := from; i < to; i++ {
		h := s.results[i]
		sel := i == s.list.sel
		k := rowKey{view: ViewSearch, item: h.doc, sel: sel, w: w, a: h.span.Start, b: h.span.End, n: h.n, an: c.An, st: st}
		rows, ok := c.blocks.get(k)
		if !ok {
			d := c.Docs[h.doc]
			where := ""
			if si := sectionAt(d, h.span.Start); si >= 0 {
				where = " · " + sectionLabel(d, &d.Sections[si])
			}
			count := ""
			if h.n > 1 {
				count = st.Key.Render(fmt.Sprintf(" ×%d", h.n))
			}
			rows = []string{row(c, sel, " "+st.Title.Render(c.city(h.doc))+count+st.Muted.Render(where), w),
				row(c, sel, "   "+snippet(st, d, h.span, w-5), w)}
			c.blocks.put(k, rows)
		}
		lines = append(lines, rows...)
	}
	if len(s.results) == 0 && s.in.value() != "" && !s.busy {
		lines = append(lines, "", " "+st.Subtitle.Render("Nothing found. Both scripts are searched, so try fewer characters."))
	}
	return fit(lines, w, s.height)
}

// snippet shows a match in its context, the match centred and marked.
func snippet(st *Styles, d *segment.Document, sp segment.Span, width int) string {
	match := clean(d.Text(sp))
	mw := cjk.Width(match)
	if mw >= width {
		return st.mark(markHit).Render(cjk.Truncate(match, width, "…"))
	}
	side := (width - mw) / 2
	before := []rune(clean(d.Text(segment.Span{Start: max(0, sp.Start-side), End: sp.Start})))
	for len(before) > 0 && cjk.Width(string(before)) > side {
		before = before[1:]
	}
	after := clean(d.Text(segment.Span{Start: sp.End, End: min(d.Len(), sp.End+width)}))
	used := cjk.Width(string(before)) + mw
	return st.Muted.Render(string(before)) + st.mark(markHit).Render(match) + cjk.Truncate(after, width-used, "")
}
