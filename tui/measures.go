package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/segment/normalize"
	"citydiff/tui/cjk"
)

// measures is the measure × city matrix: one row per measure, ● where a
// city has it. It sorts by how many cities share a measure and filters by
// a minimum number of cities, by kind and by text.
type measures struct {
	c             *Common
	list          scroller
	rows          []int // measure indexes after filtering and sorting
	minShared     int
	kind          compare.Kind // "" for every kind
	sort          string       // "shared", "similarity" or "id"
	filter        input
	city          int // only measures this document has; -1 for all
	col           int // first document column
	width, height int
}

const measuresListY = 2 // title (or filter), header

var sortOrders = []string{"shared", "similarity", "id"}

var kinds = []compare.Kind{"", compare.Verbatim, compare.Near, compare.Paraphrase, compare.Unique}

func newMeasures(c *Common) measures {
	return measures{c: c, minShared: 1, sort: "shared", city: -1}
}

func (m measures) SetSize(w, h int) measures {
	m.width, m.height = w, h
	m.list.setHeight(h - measuresListY - 1)
	m.col = max(0, min(m.col, len(m.c.Docs)-m.visibleDocs()))
	return m
}

func (m measures) analysisReady() measures { return m.refilter() }

// capturing reports whether keys go to the filter field.
func (m measures) capturing() bool { return m.filter.focused }

// refilter recomputes the rows: cheap enough per keystroke on thousands of
// measures, and never done in View.
func (m measures) refilter() measures {
	if m.c.An == nil {
		return m
	}
	res := m.c.An.res
	q := strings.TrimSpace(m.filter.value())
	if q != "" {
		q = normalize.Normalize(q).String()
	}
	sel := -1
	if m.list.sel < len(m.rows) {
		sel = m.rows[m.list.sel]
	}
	m.rows = m.rows[:0:0]
	for i := range res.Measures {
		ms := &res.Measures[i]
		if len(ms.Docs) < m.minShared || m.kind != "" && ms.Kind != m.kind {
			continue
		}
		if m.city >= 0 && !has(ms.Docs, m.city) {
			continue
		}
		if q != "" && !strings.Contains(m.c.An.text[i], q) && !strings.Contains(ms.Label, q) {
			continue
		}
		m.rows = append(m.rows, i)
	}
	switch m.sort {
	case "similarity":
		sort.SliceStable(m.rows, func(a, b int) bool {
			return res.Measures[m.rows[a]].Similarity > res.Measures[m.rows[b]].Similarity
		})
	case "shared":
		sort.SliceStable(m.rows, func(a, b int) bool {
			return len(res.Measures[m.rows[a]].Docs) > len(res.Measures[m.rows[b]].Docs)
		})
	}
	m.list.setN(len(m.rows))
	for i, r := range m.rows {
		if r == sel {
			m.list.set(i)
			break
		}
	}
	return m
}

func (m measures) update(msg tea.Msg) (measures, tea.Cmd, action) {
	k := m.c.Keys
	if m.filter.focused {
		if msg, ok := msg.(tea.KeyPressMsg); ok {
			switch {
			case msg.String() == "enter" || msg.String() == "esc":
				m.filter.focused = false
				return m, nil, nil
			case key.Matches(msg, k.Up) && msg.Text == "", key.Matches(msg, k.Down) && msg.Text == "":
				m.filter.focused = false
				return m.update(msg)
			}
		}
		var changed bool
		m.filter, changed = m.filter.update(msg)
		if changed {
			m = m.refilter()
		}
		return m, nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case m.list.navigate(k, msg):
		case key.Matches(msg, k.Left):
			m.col = max(0, m.col-1)
		case key.Matches(msg, k.Right):
			m.col = max(0, min(m.col+1, len(m.c.Docs)-m.visibleDocs()))
		case key.Matches(msg, k.Sort):
			m.sort = next(sortOrders, m.sort)
			m = m.refilter()
		case key.Matches(msg, k.Kind):
			m.kind = next(kinds, m.kind)
			m = m.refilter()
		case key.Matches(msg, k.UniqueOnly):
			if m.kind == compare.Unique {
				m.kind = ""
			} else {
				m.kind = compare.Unique
			}
			m = m.refilter()
		case key.Matches(msg, k.MoreShared):
			m.minShared = min(m.minShared+1, max(1, len(m.c.Docs)))
			m = m.refilter()
		case key.Matches(msg, k.LessShared):
			m.minShared = max(1, m.minShared-1)
			m = m.refilter()
		case key.Matches(msg, k.Filter):
			m.filter.focused = true
		case key.Matches(msg, k.Cities):
			// all → each city in turn → all
			m.city++
			if m.city >= len(m.c.Docs) {
				m.city = -1
			}
			m = m.refilter()
		case key.Matches(msg, k.Open):
			if len(m.rows) > 0 {
				return m, nil, openMeasure{measure: m.rows[m.list.sel], base: -1}
			}
		case key.Matches(msg, k.Back):
			if m.filtered() {
				m.minShared, m.kind, m.filter, m.city = 1, "", input{}, -1
				return m.refilter(), nil, nil
			}
			return m, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		m.list.move(wheel(msg))
	case tea.MouseClickMsg:
		if m.list.click(msg.Y - measuresListY) {
			return m, nil, openMeasure{measure: m.rows[m.list.sel], base: -1}
		}
	}
	return m, nil, nil
}

func (m measures) filtered() bool {
	return m.minShared > 1 || m.kind != "" || m.filter.value() != "" || m.city >= 0
}

// filters are the active filters and the sort, in words.
func (m measures) filters() []string {
	var out []string
	if m.minShared > 1 {
		out = append(out, fmt.Sprintf("≥%d cities", m.minShared))
	}
	if m.kind != "" {
		out = append(out, string(m.kind)+" only")
	}
	if m.city >= 0 {
		out = append(out, "in "+m.c.city(m.city))
	}
	if q := m.filter.value(); q != "" && !m.filter.focused {
		out = append(out, "text “"+q+"”")
	}
	return out
}

// has reports whether the sorted or unsorted list holds x.
func has(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func next[T comparable](list []T, cur T) T {
	for i, x := range list {
		if x == cur {
			return list[(i+1)%len(list)]
		}
	}
	return list[0]
}

func (m measures) state(s *State) {
	if m.list.sel < len(m.rows) {
		s.Measure = m.rows[m.list.sel]
	}
	s.MinShared, s.Kind, s.Sort, s.Filter = m.minShared, string(m.kind), m.sort, m.filter.value()
	s.MeasureCity = m.city + 1
}

func (m measures) setState(s State) measures {
	m.minShared, m.kind, m.sort = max(1, s.MinShared), compare.Kind(s.Kind), s.Sort
	if m.sort == "" {
		m.sort = "shared"
	}
	m.filter = m.filter.setValue(s.Filter)
	m.filter.focused = false
	m.city = max(-1, min(s.MeasureCity-1, len(m.c.Docs)-1))
	m = m.refilter()
	for i, r := range m.rows {
		if r == s.Measure {
			m.list.set(i)
		}
	}
	return m
}

// selectMeasure moves the selection to measure mi if it is listed.
func (m measures) selectMeasure(mi int) measures {
	for i, r := range m.rows {
		if r == mi {
			m.list.set(i)
		}
	}
	return m
}

func (m measures) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.filter.focused {
		return []key.Binding{on(k.Open, true), k.Back}
	}
	return []key.Binding{k.Up, k.Down, on(k.Open, len(m.rows) > 0), k.MoreShared, k.Kind, k.Filter, k.CityFilter, k.Sort}
}

func (m measures) FullHelp() [][]key.Binding {
	k := m.c.Keys
	wide := len(m.c.Docs) > m.visibleDocs()
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{on(k.Open, len(m.rows) > 0), on(k.Left, wide), on(k.Right, wide), on(k.Back, m.filtered())},
		{k.MoreShared, k.LessShared, k.Kind, k.UniqueOnly, k.Filter, k.CityFilter, k.Sort},
	}
}

// geometry lays the row out: the label's width, each document cell's
// width and how many document columns fit. Cells are wide enough for the
// city names when all fit, else three cells with a number.
func (m measures) geometry() (lw, cw, vd int) {
	n := len(m.c.Docs)
	avail := m.width - 16 // bar, id, kind, #, spaces, scroll bar
	// Cells fit the longest city name and a space; longer names are cut.
	nw := min(max(2, m.c.cityWidth()+1), 7)
	if n*nw+16 <= avail {
		cw = nw
		lw = avail - n*nw
	} else {
		cw = 3
		lw = max(12, min(32, avail-n*cw))
	}
	vd = max(1, min(n, (avail-lw)/cw))
	return lw, cw, vd
}

func (m measures) visibleDocs() int {
	if m.width == 0 {
		return len(m.c.Docs)
	}
	_, _, vd := m.geometry()
	return vd
}

// kindGlyph is the one-cell sign of a kind, coloured and distinct without colour.
func kindGlyph(st *Styles, k compare.Kind) string {
	switch k {
	case compare.Verbatim:
		return st.glyphVerbatim
	case compare.Near:
		return st.glyphNear
	case compare.Paraphrase:
		return st.glyphParaphrase
	}
	return st.glyphUnique
}

func (m measures) View() string {
	c, w := m.c, m.width
	st := c.Styles
	if c.An == nil {
		return fit([]string{title(c, "Measures", "", "", w), "", waiting(c)}, w, m.height)
	}
	res := c.An.res
	// One line says every filter and the sort, whatever is being typed.
	count := fmt.Sprintf("%d of %d", len(m.rows), len(res.Measures))
	state := append(m.filters(), "sort: "+m.sort)
	if vd := m.visibleDocs(); vd < len(c.Docs) {
		state = append(state, fmt.Sprintf("cities %d–%d of %d", m.col+1, m.col+vd, len(c.Docs)))
	}
	var head string
	if m.filter.focused {
		head = " " + st.Title.Render("Filter") + " " + st.Key.Render("›") + " " + m.filter.View(st, max(4, w/3), "text in any clause (简/繁)")
		head += "  " + st.Subtitle.Render(count+" · "+strings.Join(state, " · "))
		head = cjk.Truncate(head, w, "…")
	} else {
		head = title(c, "Measures", count, strings.Join(state, " · "), w)
	}
	lines := []string{head, m.header()}
	if len(m.rows) == 0 {
		why := strings.Join(m.filters(), ", ")
		lines = append(lines, "", " "+st.Subtitle.Render("No measure is "+why+". esc clears the filters."))
		return fit(lines, w, m.height)
	}
	// Rows are drawn once and kept (see memo): a keystroke redraws the
	// rows whose selection changed, and those scrolled in.
	from, to := m.list.visible()
	for i := from; i < to; i++ {
		mi := m.rows[i]
		sel := i == m.list.sel
		k := rowKey{view: ViewMeasures, item: mi, sel: sel, w: w, a: m.col, an: c.An, st: st}
		r, ok := c.rows.get(k)
		if !ok {
			r = m.row(mi, sel)
			c.rows.put(k, r)
		}
		lines = append(lines, r+scrollbar(c, i-from, m.list.height, m.list.n, m.list.top))
	}
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.legend())
	return fit(lines, w, m.height)
}

// header is the matrix's column headings.
func (m measures) header() string {
	c := m.c
	k := rowKey{view: ViewMeasures, item: -1, w: m.width, a: m.col, an: c.An, st: c.Styles}
	if h, ok := c.rows.get(k); ok {
		return h
	}
	lw, cw, vd := m.geometry()
	var hdr strings.Builder
	hdr.WriteString(spaced(cjk.Pad("ID", 5), cjk.Pad("", 1), cjk.PadLeft("#", 3), cjk.Pad("Measure", lw)) + " ")
	for d := m.col; d < m.col+vd; d++ {
		name := c.city(d)
		if cw == 3 {
			name = fmt.Sprintf("%02d", (d+1)%100)
		}
		hdr.WriteString(cjk.Pad(cjk.Truncate(name, cw-1, ""), cw))
	}
	h := " " + c.Styles.Header.Render(" "+hdr.String())
	c.rows.put(k, h)
	return h
}

// row draws measure mi's row, without the scroll bar.
func (m measures) row(mi int, sel bool) string {
	c, st := m.c, m.c.Styles
	res := c.An.res
	lw, cw, vd := m.geometry()
	pad := strings.Repeat(" ", cw-1)
	present, absent := st.Present.Render("●")+pad, st.Absent.Render("○")+pad
	ms := &res.Measures[mi]
	var cells strings.Builder
	k := sort.SearchInts(ms.Docs, m.col) // Docs is ascending
	for d := m.col; d < m.col+vd; d++ {
		if k < len(ms.Docs) && ms.Docs[k] == d {
			cells.WriteString(present)
			k++
		} else {
			cells.WriteString(absent)
		}
	}
	label := cjk.Truncate(measureText(res, mi), lw, "…")
	content := " " + spaced(st.Muted.Render(cjk.Pad(ms.ID, 5)), kindGlyph(st, ms.Kind), cjk.PadLeft(fmt.Sprint(len(ms.Docs)), 3), cjk.Pad(label, lw)) + " " + cells.String()
	return row(c, sel, content, m.width-1)
}

// legend explains the glyphs in one line.
func (m measures) legend() string {
	c := m.c
	k := rowKey{view: ViewMeasures, item: -2, w: m.width, st: c.Styles}
	if l, ok := c.rows.get(k); ok {
		return l
	}
	st := c.Styles
	l := legendLine(m.width,
		st.Muted.Render("#")+st.Muted.Render(" cities sharing"),
		kindGlyph(st, compare.Verbatim)+st.Muted.Render(" verbatim"), kindGlyph(st, compare.Near)+st.Muted.Render(" near"),
		kindGlyph(st, compare.Paraphrase)+st.Muted.Render(" paraphrase"), kindGlyph(st, compare.Unique)+st.Muted.Render(" unique"),
		st.Present.Render("●")+st.Muted.Render(" has it"), st.Absent.Render("○")+st.Muted.Render(" does not"))
	c.rows.put(k, l)
	return l
}

// legendLine joins legend items, two spaces apart, leaving out the items
// that do not fit whole: a legend is never cut in the middle of a word.
func legendLine(width int, items ...string) string {
	l := ""
	for _, it := range items {
		next := l + "  " + it
		if l == "" {
			next = " " + it
		}
		if cjk.Width(next) > width {
			break
		}
		l = next
	}
	return l
}

// measureText names a measure by what it says: its first clause, without
// the comma or semicolon the clause was cut at.
func measureText(res *compare.Result, mi int) string {
	return clauseText(res.Clause(res.Measures[mi].Clauses[0]).Text)
}

// clauseText is a clause's text on one line, without the comma or
// semicolon it was cut at.
func clauseText(s string) string {
	return strings.TrimRight(strings.TrimSpace(clean(s)), ",，;；、:：")
}
