package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/normalize"
	"citydiff/tui/cjk"
)

// reader shows one document with its outline, in its original script or
// converted to Simplified. The gutter says how many cities share each
// clause's measure; passages other cities reuse are tinted; the cursor is
// on a clause, from which enter opens its measure and o jumps to the same
// measure in another city.
type reader struct {
	c             *Common
	doc           int
	simplified    bool
	showOutline   bool
	pg            *page
	top           int // first line shown
	anchor        int // original code point at the top: where the reader is, whatever the width
	cursor        int // clause under the cursor, -1 for none
	query         string
	outline       []string // section labels in the script shown
	width, height int
}

func newReader(c *Common) reader {
	return reader{c: c, cursor: -1, showOutline: true}
}

func (r reader) SetSize(w, h int) reader {
	r.width, r.height = w, h
	return r.relayout()
}

func (r reader) outlineWidth() int {
	if !r.showOutline || r.width < 70 {
		return 0
	}
	return min(32, r.width/4)
}

// textWidth is the width of the wrapped text: the pane less the outline,
// its separator, the cursor bar, the gutter, a margin and the scroll bar.
func (r reader) textWidth() int {
	w := r.width - 5
	if ow := r.outlineWidth(); ow > 0 {
		w -= ow + 1
	}
	return max(4, w)
}

func (r reader) bodyHeight() int { return max(1, r.height-2) }

// relayout rebuilds the page when the document, script or width changed,
// keeping the same text at the top.
func (r reader) relayout() reader {
	if r.doc < 0 || r.doc >= len(r.c.Docs) || r.width == 0 {
		return r
	}
	if r.pg != nil && r.pg.doc == r.c.Docs[r.doc] && r.pg.width == r.textWidth() {
		return r // already laid out
	}
	r.pg = r.newPage()
	r.top = r.pg.lineOf(r.anchor)
	d := r.c.Docs[r.doc]
	r.outline = make([]string, len(d.Sections))
	for i := range d.Sections {
		r.outline[i] = r.script(strings.Repeat(" ", max(0, d.Sections[i].Level-1)) + sectionLabel(d, &d.Sections[i]))
	}
	return r.clampTop()
}

func (r reader) newPage() *page {
	c := r.c
	d := c.Docs[r.doc]
	p := newPage(c, r.doc, r.simplified, 0, d.Len(), r.textWidth())
	var marks []markSpan
	if c.An != nil {
		for ci := range d.Clauses {
			if _, m := c.An.measure(r.doc, ci); m != nil && (m.Kind == compare.Verbatim || m.Kind == compare.Near) {
				marks = append(marks, markSpan{d.Clauses[ci].Span, markPassage})
			}
			for _, pi := range c.An.passages[compare.ClauseRef{Doc: r.doc, Clause: ci}] {
				ps := c.An.res.Passages[pi]
				if ps.A.Doc == r.doc && ps.A.Clause == ci {
					marks = append(marks, markSpan{ps.ASpan, markPassage})
				} else {
					marks = append(marks, markSpan{ps.BSpan, markPassage})
				}
			}
		}
	}
	for _, s := range findAll(d.Original, r.query) {
		marks = append(marks, markSpan{s, markHit})
	}
	p.apply(marks)
	return p
}

// script converts text to Simplified when the reader shows Simplified.
func (r reader) script(s string) string {
	if r.simplified {
		return normalize.Simplified(s)
	}
	return s
}

// findAll finds a query in a text after normalizing both, so a Simplified
// query finds Traditional text and the other way round; the spans are in
// the original.
func findAll(text, query string) []segment.Span {
	q := normalize.Normalize(strings.TrimSpace(query)).String()
	if q == "" {
		return nil
	}
	t := normalize.Normalize(text)
	return findNorm(t, t.String(), q, 0)
}

// findNorm finds q in the normalized text t (whose string is s), at most
// limit matches (0 for all).
func findNorm(t *normalize.Text, s, q string, limit int) []segment.Span {
	var out []segment.Span
	qn := len([]rune(q))
	byteOff, runeOff := 0, 0
	for {
		i := strings.Index(s[byteOff:], q)
		if i < 0 {
			break
		}
		runeOff += len([]rune(s[byteOff : byteOff+i]))
		a, b := t.Orig(runeOff, runeOff+qn)
		out = append(out, segment.Span{Start: a, End: b})
		if limit > 0 && len(out) >= limit {
			break
		}
		byteOff += i + len(q)
		runeOff += qn
	}
	return out
}

// open shows document doc: at clause (when ≥ 0), else at the original code
// point pos (when ≥ 0), else at the top.
func (r reader) open(doc, clause, pos int, query string) reader {
	if doc < 0 || doc >= len(r.c.Docs) {
		return r
	}
	if doc != r.doc || query != r.query || r.pg == nil {
		r.doc, r.query, r.pg, r.anchor = doc, query, nil, 0
		r = r.relayout()
	}
	if r.pg == nil {
		r.cursor = clause
		return r
	}
	switch {
	case clause >= 0 && clause < len(r.c.Docs[doc].Clauses):
		r.cursor = clause
		r.top = max(0, r.pg.first[clause]-2)
	case pos >= 0:
		r.top = max(0, r.pg.lineOf(pos)-2)
		r.cursor = clauseAt(r.c.Docs[doc], pos)
	default:
		r.top = 0
		r.cursor = r.firstClauseFrom(0)
	}
	return r.clampTop().anchored()
}

// anchored records the text at the top after a scroll.
func (r reader) anchored() reader {
	if r.pg != nil {
		r.anchor = r.pg.origAt(r.top)
	}
	return r
}

func (r reader) analysisReady() reader {
	r.pg = nil
	return r.relayout()
}

func (r reader) clampTop() reader {
	if r.pg != nil {
		r.top = max(0, min(r.top, len(r.pg.lines)-r.bodyHeight()))
	}
	return r
}

// firstClauseFrom is the first clause shown on line li or after.
func (r reader) firstClauseFrom(li int) int {
	if r.pg == nil {
		return -1
	}
	for i := li; i < len(r.pg.lines); i++ {
		if r.pg.lines[i].clause >= 0 {
			return r.pg.lines[i].clause
		}
	}
	return -1
}

// follow moves the cursor into view after scrolling.
func (r reader) follow() reader {
	if r.pg == nil {
		return r
	}
	if f, ok := r.pg.first[r.cursor]; ok && f >= r.top && f < r.top+r.bodyHeight() {
		return r
	}
	r.cursor = r.firstClauseFrom(r.top)
	return r
}

// showCursor scrolls so the cursor's clause is in view.
func (r reader) showCursor() reader {
	if r.pg == nil {
		return r
	}
	f, ok := r.pg.first[r.cursor]
	if !ok {
		return r
	}
	if f < r.top || f >= r.top+r.bodyHeight()-1 {
		r.top = max(0, f-2)
	}
	return r.clampTop()
}

func (r reader) update(msg tea.Msg) (reader, tea.Cmd, action) {
	top := r.top
	r, cmd, act := r.handle(msg)
	if r.top != top {
		r = r.anchored()
	}
	return r, cmd, act
}

func (r reader) handle(msg tea.Msg) (reader, tea.Cmd, action) {
	k := r.c.Keys
	if r.pg == nil {
		if msg, ok := msg.(tea.KeyPressMsg); ok && key.Matches(msg, k.Back) {
			return r, nil, goBack{}
		}
		return r, nil, nil
	}
	d := r.c.Docs[r.doc]
	body := r.bodyHeight()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			r.top--
			r = r.clampTop().follow()
		case key.Matches(msg, k.Down):
			r.top++
			r = r.clampTop().follow()
		case key.Matches(msg, k.PageUp):
			r.top -= body - 1
			r = r.clampTop().follow()
		case key.Matches(msg, k.PageDown):
			r.top += body - 1
			r = r.clampTop().follow()
		case key.Matches(msg, k.Top):
			r.top = 0
			r = r.clampTop().follow()
		case key.Matches(msg, k.Bottom):
			r.top = len(r.pg.lines)
			r = r.clampTop().follow()
		case key.Matches(msg, k.NextClause):
			if r.cursor+1 < len(d.Clauses) {
				r.cursor++
				r = r.showCursor()
			}
		case key.Matches(msg, k.PrevClause):
			if r.cursor > 0 {
				r.cursor--
				r = r.showCursor()
			}
		case key.Matches(msg, k.NextSection), key.Matches(msg, k.PrevSection):
			r = r.jumpSection(key.Matches(msg, k.NextSection))
		case key.Matches(msg, k.Script):
			r.simplified = !r.simplified
			r.pg = nil
			r = r.relayout()
		case key.Matches(msg, k.Outline):
			r.showOutline = !r.showOutline
			r = r.relayout()
		case key.Matches(msg, k.PrevDoc):
			if r.doc > 0 {
				r = r.open(r.doc-1, -1, -1, "")
			}
		case key.Matches(msg, k.NextDoc):
			if r.doc+1 < len(r.c.Docs) {
				r = r.open(r.doc+1, -1, -1, "")
			}
		case key.Matches(msg, k.Open):
			if mi, m := r.c.An.measure(r.doc, r.cursor); m != nil {
				return r, nil, openMeasure{measure: mi, base: indexIn(m, r.doc, r.cursor)}
			}
		case key.Matches(msg, k.OtherCity):
			if ref, ok := r.other(); ok {
				return r, nil, openReader{doc: ref.Doc, clause: ref.Clause, pos: -1}
			}
		case key.Matches(msg, k.Back):
			return r, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		r.top += wheel(msg)
		r = r.clampTop().follow()
	case tea.MouseClickMsg:
		ow := r.outlineWidth()
		li := msg.Y - 1
		if li < 0 || li >= body {
			break
		}
		if ow > 0 && msg.X < ow {
			secs := r.outlineRows()
			if i := r.outlineTop(len(secs)) + li; i < len(secs) {
				r = r.gotoSection(secs[i])
			}
			break
		}
		if i := r.top + li; i < len(r.pg.lines) && r.pg.lines[i].clause >= 0 {
			if r.pg.lines[i].clause == r.cursor {
				if mi, m := r.c.An.measure(r.doc, r.cursor); m != nil {
					return r, nil, openMeasure{measure: mi, base: indexIn(m, r.doc, r.cursor)}
				}
			}
			r.cursor = r.pg.lines[i].clause
		}
	}
	return r, nil, nil
}

// indexIn is the position of a document's clause among a measure's clauses.
func indexIn(m *compare.Measure, doc, clause int) int {
	for i, c := range m.Clauses {
		if c.Doc == doc && c.Clause == clause {
			return i
		}
	}
	return 0
}

// other is the same measure's clause in the next city after this one.
func (r reader) other() (compare.ClauseRef, bool) {
	_, m := r.c.An.measure(r.doc, r.cursor)
	if m == nil || len(m.Docs) < 2 {
		return compare.ClauseRef{}, false
	}
	for _, ref := range m.Clauses {
		if ref.Doc > r.doc {
			return ref, true
		}
	}
	for _, ref := range m.Clauses {
		if ref.Doc != r.doc {
			return ref, true
		}
	}
	return compare.ClauseRef{}, false
}

func (r reader) jumpSection(forward bool) reader {
	d := r.c.Docs[r.doc]
	cur := r.pg.origAt(r.top)
	best := -1
	for i := range d.Sections {
		s := d.Sections[i].Span.Start
		if forward && s > cur && (best < 0 || s < d.Sections[best].Span.Start) {
			best = i
		}
		if !forward && s < cur && (best < 0 || s > d.Sections[best].Span.Start) {
			best = i
		}
	}
	if best < 0 {
		if !forward {
			r.top = 0
		}
		return r.clampTop().follow()
	}
	return r.gotoSection(best)
}

func (r reader) gotoSection(si int) reader {
	d := r.c.Docs[r.doc]
	s := d.Sections[si]
	r.top = r.pg.lineOf(s.Span.Start)
	r.cursor = -1
	for ci := range d.Clauses {
		if d.Clauses[ci].Span.Start >= s.Span.Start {
			r.cursor = ci
			break
		}
	}
	return r.clampTop()
}

// outlineRows are the sections listed in the outline.
func (r reader) outlineRows() []int {
	d := r.c.Docs[r.doc]
	out := make([]int, 0, len(d.Sections))
	for i := range d.Sections {
		out = append(out, i)
	}
	return out
}

// current is the section the reader is in: the cursor's, else the top
// line's.
func (r reader) current() int {
	d := r.c.Docs[r.doc]
	if r.cursor >= 0 && r.cursor < len(d.Clauses) {
		return d.Clauses[r.cursor].Section
	}
	if r.pg != nil && r.top < len(r.pg.lines) {
		return r.pg.lines[r.top].section
	}
	return -1
}

func (r reader) outlineTop(n int) int {
	body := r.bodyHeight()
	return max(0, min(r.current()-body/2, n-body))
}

func (r reader) state(s *State) {
	s.ReaderDoc, s.ReaderClause, s.ReaderAnchor, s.Simplified = r.doc, r.cursor, r.anchor, r.simplified
}

func (r reader) setState(s State) reader {
	if s.Simplified != r.simplified {
		r.simplified = s.Simplified
		r.pg = nil
	}
	r = r.open(s.ReaderDoc, -1, s.ReaderAnchor, r.query)
	r.anchor = s.ReaderAnchor
	if r.pg != nil {
		r.top = r.pg.lineOf(r.anchor)
		r = r.clampTop()
	}
	r.cursor = s.ReaderClause
	return r
}

func (r reader) ShortHelp() []key.Binding {
	k := r.c.Keys
	_, m := r.c.An.measure(r.doc, r.cursor)
	return []key.Binding{k.NextClause, on(k.Open, m != nil), on(k.OtherCity, m != nil && len(m.Docs) > 1), k.Script, k.NextDoc}
}

func (r reader) FullHelp() [][]key.Binding {
	k := r.c.Keys
	_, m := r.c.An.measure(r.doc, r.cursor)
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextClause, k.NextSection, on(k.Open, m != nil), on(k.OtherCity, m != nil && len(m.Docs) > 1)},
		{k.Script, k.NextDoc, k.Outline, k.Back},
	}
}

func (r reader) View() string {
	c, w := r.c, r.width
	st := c.Styles
	if r.doc < 0 || r.doc >= len(c.Docs) || r.pg == nil {
		return fit([]string{title(c, "Reader", "", "", w)}, w, r.height)
	}
	d := c.Docs[r.doc]
	script := "original"
	switch {
	case d.Script == segment.Traditional && !r.simplified:
		script = "繁 original · t: 简"
	case d.Script == segment.Traditional:
		script = "简 converted · t: 繁"
	case r.simplified:
		script = "简 · t: original"
	}
	lines := []string{title(c, c.city(r.doc), r.script(d.Title), script, w)}
	body := r.bodyHeight()
	ow := r.outlineWidth()
	var outline []string
	if ow > 0 {
		outline = r.outlineView(ow, body)
	}
	tw := r.textWidth()
	var cursor segment.Span
	if r.cursor >= 0 && r.cursor < len(d.Clauses) {
		cursor = d.Clauses[r.cursor].Span
	}
	for i := 0; i < body; i++ {
		var b strings.Builder
		if ow > 0 {
			b.WriteString(cjk.Pad(outline[i], ow))
			b.WriteString(st.Rule.Render("│"))
		}
		li := r.top + i
		if li < len(r.pg.lines) {
			// A line the cursor is not on draws as with no cursor.
			on := r.pg.overlaps(li, cursor)
			k := drawnKey{line: li, w: tw}
			if on {
				k.cursor = cursor
			}
			text, ok := r.pg.drawnLine(st, k)
			if !ok {
				bar := " "
				if on {
					bar = st.Key.Render("▌")
				}
				text = bar + gutter(c, r.doc, r.pg.lines[li]) + cjk.Pad(r.pg.render(st, li, k.cursor), tw)
				r.pg.keepDrawn(st, k, text)
			}
			b.WriteString(text)
		} else {
			b.WriteString(strings.Repeat(" ", tw+3))
		}
		b.WriteString(" " + scrollbar(c, i, body, len(r.pg.lines), r.top))
		lines = append(lines, b.String())
	}
	lines = append(lines, r.status(w))
	return fit(lines, w, r.height)
}

func (r reader) outlineView(ow, body int) []string {
	c := r.c
	st := c.Styles
	d := c.Docs[r.doc]
	out := make([]string, body)
	cur := r.current()
	n := len(d.Sections) // the outline lists every section (outlineRows)
	top := r.outlineTop(n)
	simplified := 0
	if r.simplified {
		simplified = 1
	}
	for i := 0; i < body && top+i < n; i++ {
		si := top + i
		k := rowKey{view: rowOutline, item: si, sel: si == cur, w: ow, a: r.doc, b: simplified, an: c.An, st: st}
		if row, ok := c.rows.get(k); ok {
			out[i] = row
			continue
		}
		s := &d.Sections[si]
		label := sectionLabel(d, s)
		if si < len(r.outline) {
			label = r.outline[si]
		}
		if si == cur {
			out[i] = st.CursorBar.Render("▌") + st.Selected.Render(cjk.Pad(label, ow-1))
		} else if s.Level == 1 {
			out[i] = " " + cjk.Truncate(label, ow-1, "…")
		} else {
			out[i] = " " + st.Muted.Render(cjk.Truncate(label, ow-1, "…"))
		}
		c.rows.put(k, out[i])
	}
	return out
}

// status describes the clause under the cursor: its measure and who else
// has it.
func (r reader) status(w int) string {
	c := r.c
	st := c.Styles
	pct := 100
	if n := len(r.pg.lines) - r.bodyHeight(); n > 0 {
		pct = 100 * r.top / n
	}
	k := rowKey{view: rowStatus, item: r.doc, a: r.cursor, b: pct, w: w, an: c.An, st: st}
	if line, ok := c.rows.get(k); ok {
		return line
	}
	right := st.Muted.Render(fmt.Sprintf("%d/%d · %d%%", r.cursor+1, len(c.Docs[r.doc].Clauses), pct))
	left := ""
	switch mi, m := c.An.measure(r.doc, r.cursor); {
	case c.An == nil:
		left = st.Subtitle.Render("comparing…")
	case m == nil:
	case len(m.Docs) == 1:
		left = st.Muted.Render(m.ID+" ") + st.Unique.Render("only "+c.city(r.doc))
	default:
		var names []string
		for _, d := range m.Docs {
			if d != r.doc {
				names = append(names, c.city(d))
			}
		}
		left = st.Muted.Render(c.An.res.Measures[mi].ID+" ") + kindGlyph(st, m.Kind) + " " + string(m.Kind) + st.Muted.Render(" · also in ") + strings.Join(names, " ")
	}
	gap := w - 1 - cjk.Width(right)
	line := " " + cjk.Pad(left, gap-1) + right
	c.rows.put(k, line)
	return line
}
