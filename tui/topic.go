package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/tui/cjk"
)

// topic shows one topic's sections side by side, as many columns as the
// width allows, scrolling together. Words the other cities' sections also
// use are highlighted, stronger the more of them do; clauses no other
// city has are marked unique; reused passages are tinted.
type topic struct {
	c             *Common
	ti            int // topic index, -1 before one is opened
	col           int // first column of the rotation
	pin           int // index into the topic's sections of the pinned one, -1 when none
	top           int // first line shown
	row           int // the cursor's row
	cols          int // columns a presenter shows (State.TopicCols), 0: as many as fit
	width, height int

	// The layout of the shown sections (grid.go), rebuilt by layout.
	laidOut []int        // the sections laid out, in column order
	items   [][]gridItem // per column
	pages   [][]*page    // per column, per item
	rows    []gridRow
	lines   []int // per line of the view: its row
}

const topicChrome = 4 // title, column headings, rule; legend below

func newTopic(c *Common) topic { return topic{c: c, ti: -1, pin: -1} }

func (t topic) SetSize(w, h int) topic {
	t.width, t.height = w, h
	return t.layout()
}

func (t topic) open(ti int) topic {
	if ti != t.ti {
		t.col, t.pin, t.top, t.row = 0, -1, 0, 0
	}
	t.ti = ti
	t.cols = 0 // opened here: this terminal's width decides
	return t.layout()
}

func (t topic) analysisReady() topic { return t.layout() }

func (t topic) valid() bool {
	return t.c.An != nil && t.ti >= 0 && t.ti < len(t.c.An.res.Topics)
}

// columns is how many sections fit side by side: about 36 cells each, at
// least two.
func (t topic) columns() int {
	if !t.valid() {
		return 0
	}
	n := len(t.c.An.res.Topics[t.ti].Sections)
	if t.cols > 0 {
		return min(n, t.cols) // a presenter's: followers see the same cities
	}
	return max(1, min(n, max(2, t.width/36)))
}

// colWidth is the width of one column's text (without its gutter).
func (t topic) colWidth() int {
	k := t.columns()
	if k == 0 {
		return 0
	}
	return max(4, (t.width-(k-1))/k-3)
}

// shown lists the topic's sections in the columns: the pinned one first,
// then the others in rotation from col.
func (t topic) shown() []int {
	if !t.valid() {
		return nil
	}
	n := len(t.c.An.res.Topics[t.ti].Sections)
	k := t.columns()
	var out []int
	if t.pin >= 0 {
		out = append(out, t.pin)
	}
	for i := 0; len(out) < k && i < n; i++ {
		s := (t.col + i) % n
		if s != t.pin {
			out = append(out, s)
		}
	}
	return out
}

// layout lays the shown sections out row by row (grid.go) at the column
// width, with their highlights.
func (t topic) layout() topic {
	t.laidOut, t.items, t.pages, t.rows, t.lines = nil, nil, nil, nil, nil
	if !t.valid() {
		return t
	}
	cw := t.colWidth()
	tp := t.c.An.res.Topics[t.ti]
	words := topicWords(t.c, tp)
	shown := t.shown()
	ms, idx := make([][]int, len(shown)), make([][]int, len(shown))
	for col, si := range shown {
		ref := tp.Sections[si]
		items := sectionItems(t.c, ref)
		marks := topicMarks(t.c, tp, si, words)
		pages := make([]*page, len(items))
		for k, it := range items {
			pages[k] = newPage(t.c, ref.Doc, false, it.span.Start, it.span.End, cw)
			pages[k].apply(marks)
			ms[col] = append(ms[col], it.measure)
			idx[col] = append(idx[col], k)
		}
		t.laidOut = append(t.laidOut, si)
		t.items = append(t.items, items)
		t.pages = append(t.pages, pages)
	}
	for _, r := range alignRows(ms, idx) {
		g := gridRow{items: r, height: 1, first: len(t.lines)}
		for col, k := range r {
			if k >= 0 {
				g.height = max(g.height, len(t.pages[col][k].lines))
			}
		}
		for range g.height {
			t.lines = append(t.lines, len(t.rows))
		}
		t.rows = append(t.rows, g)
	}
	t.row = max(0, min(t.row, len(t.rows)-1))
	t.top = max(0, min(t.top, t.maxTop()))
	return t
}

func (t topic) maxTop() int {
	return max(0, len(t.lines)-(t.height-topicChrome))
}

// showRow scrolls so that the cursor's row is in view.
func (t topic) showRow() topic {
	if t.row >= len(t.rows) {
		return t
	}
	body := max(1, t.height-topicChrome)
	g := t.rows[t.row]
	if g.first < t.top {
		t.top = g.first
	}
	if g.first+min(g.height, body) > t.top+body {
		t.top = g.first + min(g.height, body) - body
	}
	return t
}

// follow moves the cursor into view after scrolling.
func (t topic) follow() topic {
	body := max(1, t.height-topicChrome)
	if t.row < len(t.rows) {
		if g := t.rows[t.row]; g.first+g.height > t.top && g.first < t.top+body {
			return t
		}
	}
	if t.top < len(t.lines) {
		t.row = t.lines[t.top]
		if t.rows[t.row].first < t.top && t.row+1 < len(t.rows) {
			t.row++
		}
	}
	return t
}

// rowAction opens the cursor row: its measure, or its clause in the reader.
func (t topic) rowAction() action {
	if t.row >= len(t.rows) {
		return nil
	}
	tp := t.c.An.res.Topics[t.ti]
	var first action
	for col, k := range t.rows[t.row].items {
		if k < 0 {
			continue
		}
		it := t.items[col][k]
		doc := tp.Sections[t.laidOut[col]].Doc
		if it.measure >= 0 {
			return openMeasure{measure: it.measure, base: indexIn(&t.c.An.res.Measures[it.measure], doc, it.clause)}
		}
		if first == nil && it.clause >= 0 {
			first = openReader{doc: doc, clause: it.clause, pos: -1}
		}
	}
	return first
}

// sectionClauses are the clauses inside a section, its subsections' too.
func sectionClauses(d *segment.Document, s *segment.Section) []int {
	var out []int
	for i := range d.Clauses {
		if sp := d.Clauses[i].Span; sp.Start >= s.Span.Start && sp.End <= s.Span.End {
			out = append(out, i)
		}
	}
	return out
}

// topicWords maps each content word of the topic's sections to the set
// of sections (bit i for Sections[i]) that use it.
func topicWords(c *Common, tp compare.Topic) map[string]uint64 {
	out := map[string]uint64{}
	for i, ref := range tp.Sections {
		if i >= 64 {
			break
		}
		d := c.Docs[ref.Doc]
		for _, ci := range sectionClauses(d, &d.Sections[ref.Section]) {
			for _, tok := range d.Clauses[ci].Tokens {
				if c.An.content(tok.Text) {
					out[tok.Text] |= 1 << i
				}
			}
		}
	}
	return out
}

// topicMarks are the highlights of section si of a topic: shared words by
// how many sections use them, unique clauses, reused passages.
func topicMarks(c *Common, tp compare.Topic, si int, words map[string]uint64) []markSpan {
	ref := tp.Sections[si]
	d := c.Docs[ref.Doc]
	n := len(tp.Sections)
	inTopic := map[int]bool{}
	for _, s := range tp.Sections {
		inTopic[s.Doc] = true
	}
	var out []markSpan
	for _, ci := range sectionClauses(d, &d.Sections[ref.Section]) {
		cl := &d.Clauses[ci]
		if _, m := c.An.measure(ref.Doc, ci); m != nil && len(m.Docs) == 1 {
			out = append(out, markSpan{cl.Span, markUnique})
		}
		for _, tok := range cl.Tokens {
			set, ok := words[tok.Text]
			if !ok {
				continue
			}
			k := popcount(set)
			if k < 2 {
				continue
			}
			out = append(out, markSpan{cl.OrigSpan(tok.Start, tok.End), shareMark(k, n)})
		}
		for _, pi := range c.An.passages[compare.ClauseRef{Doc: ref.Doc, Clause: ci}] {
			p := c.An.res.Passages[pi]
			switch {
			case p.A.Doc == ref.Doc && p.A.Clause == ci && inTopic[p.B.Doc]:
				out = append(out, markSpan{p.ASpan, markPassage})
			case p.B.Doc == ref.Doc && p.B.Clause == ci && inTopic[p.A.Doc]:
				out = append(out, markSpan{p.BSpan, markPassage})
			}
		}
	}
	return out
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func (t topic) update(msg tea.Msg) (topic, tea.Cmd, action) {
	k := t.c.Keys
	body := max(1, t.height-topicChrome)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			t.top--
		case key.Matches(msg, k.Down):
			t.top++
		case key.Matches(msg, k.PageUp):
			t.top -= body - 1
		case key.Matches(msg, k.PageDown):
			t.top += body - 1
		case key.Matches(msg, k.Top):
			t.top = 0
		case key.Matches(msg, k.Bottom):
			t.top = t.maxTop()
		case key.Matches(msg, k.NextClause):
			t.row = min(t.row+1, len(t.rows)-1)
			t = t.showRow()
			return t, nil, nil
		case key.Matches(msg, k.PrevClause):
			t.row = max(0, t.row-1)
			t = t.showRow()
			return t, nil, nil
		case key.Matches(msg, k.Open):
			if act := t.rowAction(); act != nil {
				return t, nil, act
			}
		case key.Matches(msg, k.Left):
			t = t.rotate(-1)
		case key.Matches(msg, k.Right):
			t = t.rotate(1)
		case key.Matches(msg, k.Pin):
			if t.pin >= 0 {
				t.pin = -1
			} else if s := t.shown(); len(s) > 0 {
				t.pin = s[0]
				t.col = (s[0] + 1) % len(t.c.An.res.Topics[t.ti].Sections)
			}
			t = t.layout()
		case key.Matches(msg, k.Back):
			return t, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		t.top += wheel(msg)
	}
	t.top = max(0, min(t.top, t.maxTop()))
	return t.follow(), nil, nil
}

// rotate shows the next (or previous) section in the unpinned columns.
func (t topic) rotate(d int) topic {
	if !t.valid() {
		return t
	}
	n := len(t.c.An.res.Topics[t.ti].Sections)
	t.col = ((t.col+d)%n + n) % n
	if t.col == t.pin {
		t.col = ((t.col+d)%n + n) % n
	}
	return t.layout()
}

func (t topic) state(s *State) {
	s.Topic, s.TopicCol, s.TopicPin, s.TopicTop, s.TopicRow = t.ti, t.col, t.pin, t.top, t.row
	s.TopicCols = t.columns()
}

func (t topic) setState(s State) topic {
	t = t.open(s.Topic)
	t.col, t.pin, t.top, t.row = s.TopicCol, s.TopicPin, s.TopicTop, s.TopicRow
	t.cols = 0
	if s.TopicCols > 0 && s.TopicCols != t.columns() {
		t.cols = s.TopicCols
	}
	if t.valid() {
		n := len(t.c.An.res.Topics[t.ti].Sections)
		t.col = max(0, min(t.col, n-1))
		if t.pin >= n {
			t.pin = -1
		}
	}
	return t.layout()
}

func (t topic) ShortHelp() []key.Binding {
	k := t.c.Keys
	more := t.valid() && len(t.c.An.res.Topics[t.ti].Sections) > t.columns()
	return []key.Binding{k.Up, k.Down, on(k.NextClause, len(t.rows) > 1), on(k.Open, t.valid() && t.rowAction() != nil), on(k.Right, more), on(k.Pin, more), k.Back}
}

func (t topic) FullHelp() [][]key.Binding {
	k := t.c.Keys
	more := t.valid() && len(t.c.An.res.Topics[t.ti].Sections) > t.columns()
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.NextClause, k.PrevClause, on(k.Open, t.valid() && t.rowAction() != nil)}, {on(k.Left, more), on(k.Right, more), on(k.Pin, more), k.Back}}
}

func (t topic) View() string {
	c, w := t.c, t.width
	st := c.Styles
	if c.An == nil {
		return fit([]string{title(c, "Topic", "", "", w), "", waiting(c)}, w, t.height)
	}
	if !t.valid() {
		return fit([]string{title(c, "Topic", "", "", w), "", " " + st.Subtitle.Render("Pick a topic in the Topics view.")}, w, t.height)
	}
	tp := c.An.res.Topics[t.ti]
	shown := t.laidOut
	cw := t.colWidth()
	colW := cw + 3 // gutter, text, space: every cell of a column, text or not
	k := rowKey{view: ViewTopic, item: t.ti, w: w, a: t.col, b: t.pin, an: c.An, st: st}
	head, ok := c.blocks.get(k)
	if !ok {
		head = t.head(shown)
		c.blocks.put(k, head)
	}
	lines := append([]string(nil), head...)
	sep := st.Rule.Render("│")
	body := t.height - topicChrome
	for r := 0; r < body; r++ {
		li := t.top + r
		if li >= len(t.lines) {
			lines = append(lines, "")
			continue
		}
		ri := t.lines[li]
		g := t.rows[ri]
		var cells []string
		for col := range t.laidOut {
			k := g.items[col]
			var p *page
			if k >= 0 {
				p = t.pages[col][k]
			}
			pl := li - g.first
			if p == nil || pl >= len(p.lines) {
				cells = append(cells, strings.Repeat(" ", colW))
				continue
			}
			var cursor segment.Span
			if ri == t.row {
				cursor = t.items[col][k].span
			}
			dk := drawnKey{line: pl, w: cw, cursor: cursor}
			cell, ok := p.drawnLine(st, dk)
			if !ok {
				g := gutter(c, tp.Sections[t.laidOut[col]].Doc, p.lines[pl])
				cell = g + cjk.Pad(p.render(st, pl, cursor), cw) + " "
				p.keepDrawn(st, dk, cell)
			}
			cells = append(cells, cell)
		}
		lines = append(lines, strings.Join(cells, sep))
	}
	lines = append(lines, t.legend())
	return fit(lines, w, t.height)
}

// head is the title, the column headings and their rule.
func (t topic) head(shown []int) []string {
	c, w := t.c, t.width
	st := c.Styles
	tp := c.An.res.Topics[t.ti]
	n := len(tp.Sections)
	right := ""
	if n > len(shown) {
		right = fmt.Sprintf("%d of %d · ←/→", len(shown), n)
	}
	lines := []string{title(c, tp.ID+" "+tp.Label, fmt.Sprintf("%s · section similarity %.2f · %s", plural(n, "city"), tp.Score, plural(len(tp.Measures), "shared measure")), right, w)}
	colW := t.colWidth() + 3 // as a text row's cell: gutter, text, space
	var heads, rules []string
	for _, si := range shown {
		ref := tp.Sections[si]
		sec := &c.Docs[ref.Doc].Sections[ref.Section]
		name := st.Title.Render(c.city(ref.Doc))
		if si == t.pin {
			name = st.Key.Render("⊙ ") + name
		}
		h := name + " " + st.Bold.Render(sectionLabel(c.Docs[ref.Doc], sec))
		heads = append(heads, cjk.Pad(" "+h, colW))
		rules = append(rules, st.Rule.Render(strings.Repeat("─", colW)))
	}
	sep := st.Rule.Render("│")
	return append(lines, strings.Join(heads, sep), strings.Join(rules, st.Rule.Render("┼")))
}

// legend explains the highlights in one line.
func (t topic) legend() string {
	st := t.c.Styles
	k := rowKey{view: ViewTopic, item: -1, w: t.width, st: st}
	if l, ok := t.c.rows.get(k); ok {
		return l
	}
	l := legendLine(t.width, st.mark(markSharedMany).Render("most cities")+" "+st.mark(markSharedFew).Render("some")+
		" "+st.mark(markUnique).Render("only here")+" "+st.mark(markPassage).Render("reused"),
		st.Muted.Render("2…9: cities sharing a clause"), st.Muted.Render("◆: no other city"), st.Muted.Render("⊙: pinned (p)"))
	t.c.rows.put(k, l)
	return l
}

// gutter is the two cells in front of a line of text: on a clause's first
// line, how many cities share its measure (◆ when none).
func gutter(c *Common, doc int, ln line) string {
	if ln.clause < 0 || c.An == nil {
		return "  "
	}
	_, m := c.An.measure(doc, ln.clause)
	if m == nil {
		return "  "
	}
	k := len(m.Docs)
	st := c.Styles.mark(shareMark(k, len(c.Docs)))
	switch {
	case ln.first && k == 1:
		return st.Render("◆") + " "
	case ln.first && k < 10:
		return st.Render(fmt.Sprint(k)) + " "
	case ln.first:
		return st.Render("+") + " "
	}
	return "  "
}

// sectionLabel is a section's number and heading as written.
func sectionLabel(d *segment.Document, s *segment.Section) string {
	if s.Kind == segment.Preamble {
		return "前言"
	}
	num := s.DisplayNumber()
	head := s.Heading
	if head == "" && len(s.Clauses) > 0 {
		head = d.Clauses[s.Clauses[0]].Text
	}
	return strings.TrimSpace(num + head)
}
