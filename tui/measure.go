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

// measure shows one measure: each city's clause, diffed word by word
// against a base clause (words it adds underlined, words of the base it
// lacks struck through), and the units responsible where the document
// names them.
type measure struct {
	c             *Common
	mi            int // measure index, -1 before one is opened
	base          int // index into the measure's clauses
	sel           int // selected clause, index into the measure's clauses
	top           int
	width, height int
	lines         []mline
	blocks        []int // first line of each clause's block
	layoutW       int
}

// mline is one laid-out line of the detail; clause is the index of the
// clause block it belongs to, -1 for none.
type mline struct {
	text   string
	clause int
}

const measureHeader = 2 // title, rule

func newMeasure(c *Common) measure { return measure{c: c, mi: -1} }

func (m measure) SetSize(w, h int) measure {
	m.width, m.height = w, h
	if w != m.layoutW {
		m = m.layout()
	}
	return m
}

func (m measure) valid() bool {
	return m.c.An != nil && m.mi >= 0 && m.mi < len(m.c.An.res.Measures)
}

// open shows measure mi diffed against its clause base (the first when
// base < 0), with clause sel selected.
func (m measure) open(mi, base int) measure {
	if mi != m.mi {
		m.top = 0
	}
	m.mi, m.base, m.sel = mi, max(0, base), max(0, base)
	return m.layout()
}

func (m measure) analysisReady() measure { return m.layout() }

// layout renders the whole detail once per measure, base and width; View
// then only picks the visible lines.
func (m measure) layout() measure {
	m.layoutW = m.width
	m.lines, m.blocks = nil, nil
	if !m.valid() || m.width < 8 {
		return m
	}
	c := m.c
	st := c.Styles
	res := c.An.res
	ms := &res.Measures[m.mi]
	m.base = min(m.base, len(ms.Clauses)-1)
	m.sel = min(m.sel, len(ms.Clauses)-1)
	tw := m.width - 4
	baseRef := ms.Clauses[m.base]
	base := res.Clause(baseRef)
	for k, ref := range ms.Clauses {
		m.blocks = append(m.blocks, len(m.lines))
		d := c.Docs[ref.Doc]
		cl := res.Clause(ref)
		tag := st.Key.Render("base")
		sim := compare.DiffSimilarity(cl.Tokens, base.Tokens)
		if k != m.base {
			tag = st.Muted.Render(fmt.Sprintf("%.0f%% same words", 100*sim))
		}
		head := st.Title.Render(c.city(ref.Doc)) + " " + st.Muted.Render(sectionPath(d, cl.Section))
		gap := tw - cjk.Width(head) - cjk.Width(tag)
		if gap < 2 {
			head = cjk.Truncate(head, tw-cjk.Width(tag)-2, "…")
			gap = tw - cjk.Width(head) - cjk.Width(tag)
		}
		m.lines = append(m.lines, mline{head + strings.Repeat(" ", max(1, gap)) + tag, k})
		var runes []rune
		var marks []mark
		if k == m.base {
			runes, marks = plain(cl.Text)
		} else {
			// Below half the words in common the base's words would
			// bury the clause: only what it says differently is marked.
			runes, marks = diffText(d, cl, c.Docs[baseRef.Doc], base, sim >= 0.5)
		}
		for _, r := range cjk.Wrap(string(runes), tw) {
			m.lines = append(m.lines, mline{"  " + renderMarked(st, runes[r.Start:r.End], marks[r.Start:r.End]), k})
		}
		if u, own := clauseUnits(d, cl); !u.Empty() {
			label := "units"
			if !own {
				label = "units (item)"
			}
			for i, r := range cjk.Lines(formatUnits(u), tw-cjk.Width(label)-1) {
				text := []rune(formatUnits(u))[r.Start:r.End]
				prefix := strings.Repeat(" ", cjk.Width(label)+1)
				if i == 0 {
					prefix = st.Accent.Render(label) + " "
				}
				m.lines = append(m.lines, mline{"  " + prefix + st.Muted.Render(string(text)), k})
			}
		}
		m.lines = append(m.lines, mline{"", -1})
	}
	m.top = max(0, min(m.top, len(m.lines)-1))
	return m
}

// plain is a clause's text, cleaned for the terminal, without marks.
func plain(s string) ([]rune, []mark) {
	rs := []rune(clean(s))
	return rs, make([]mark, len(rs))
}

// clean replaces what a terminal would mis-measure (tabs, newlines,
// control and zero-width characters) with spaces or nothing.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return -1
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			return -1
		}
		return r
	}, s)
}

// diffText is clause cl's original text with the words it adds to base
// marked as added and, when dropped is set, the words of base it lacks
// inserted, marked as removed.
func diffText(d *segment.Document, cl *segment.Clause, bd *segment.Document, base *segment.Clause, dropped bool) ([]rune, []mark) {
	var runes []rune
	var marks []mark
	emit := func(s string, m mark) {
		for _, r := range clean(s) {
			runes = append(runes, r)
			marks = append(marks, m)
		}
	}
	cur := cl.Span.Start
	for _, e := range compare.WordDiff(cl.Tokens, base.Tokens) {
		switch e.Op {
		case compare.Insert: // only in the base
			if dropped {
				emit(bd.Text(base.OrigSpan(e.Start, e.End)), markRemoved)
			}
		default:
			sp := cl.OrigSpan(e.Start, e.End)
			if sp.Start > cur {
				emit(d.Text(segment.Span{Start: cur, End: sp.Start}), 0)
			}
			m := mark(0)
			if e.Op == compare.Delete {
				m = markAdded
			}
			emit(d.Text(segment.Span{Start: max(cur, sp.Start), End: sp.End}), m)
			cur = max(cur, sp.End)
		}
	}
	if cur < cl.Span.End {
		emit(d.Text(segment.Span{Start: cur, End: cl.Span.End}), 0)
	}
	return runes, marks
}

// renderMarked styles runs of runes that share a mark.
func renderMarked(st *Styles, rs []rune, ms []mark) string {
	var b strings.Builder
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && ms[j] == ms[i] {
			j++
		}
		if ms[i] == 0 {
			b.WriteString(string(rs[i:j]))
		} else {
			b.WriteString(st.mark(ms[i]).Render(string(rs[i:j])))
		}
		i = j
	}
	return b.String()
}

// sectionPath is a clause's place in its document: the headings from the
// top, shortened.
func sectionPath(d *segment.Document, si int) string {
	var parts []string
	for si >= 0 && si < len(d.Sections) {
		s := &d.Sections[si]
		label := sectionLabel(d, s)
		if len(parts) > 0 {
			label = cjk.Truncate(label, 16, "…")
		} else {
			label = cjk.Truncate(label, 30, "…")
		}
		parts = append([]string{label}, parts...)
		si = s.Parent
	}
	return strings.Join(parts, " › ")
}

// clauseUnits are the units named for a clause or, when it names none, for
// the item it belongs to (Xiangtan names them once per item).
func clauseUnits(d *segment.Document, cl *segment.Clause) (segment.Units, bool) {
	if !cl.Units.Empty() {
		return cl.Units, true
	}
	return d.SectionUnits(cl.Section), false
}

func formatUnits(u segment.Units) string {
	var parts []string
	if len(u.Lead) > 0 {
		parts = append(parts, "牵头 "+strings.Join(u.Lead, "、"))
	}
	if len(u.Participating) > 0 {
		parts = append(parts, "参加 "+strings.Join(u.Participating, "、"))
	}
	if len(u.Responsible) > 0 {
		parts = append(parts, "责任 "+strings.Join(u.Responsible, "、"))
	}
	return strings.Join(parts, " · ")
}

func (m measure) update(msg tea.Msg) (measure, tea.Cmd, action) {
	if !m.valid() {
		if msg, ok := msg.(tea.KeyPressMsg); ok && key.Matches(msg, m.c.Keys.Back) {
			return m, nil, goBack{}
		}
		return m, nil, nil
	}
	k := m.c.Keys
	ms := &m.c.An.res.Measures[m.mi]
	body := max(1, m.height-measureHeader)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			m.sel = max(0, m.sel-1)
			m = m.showSel()
		case key.Matches(msg, k.Down):
			m.sel = min(len(ms.Clauses)-1, m.sel+1)
			m = m.showSel()
		case key.Matches(msg, k.PageUp):
			m.top -= body - 1
		case key.Matches(msg, k.PageDown):
			m.top += body - 1
		case key.Matches(msg, k.Top):
			m.sel, m.top = 0, 0
		case key.Matches(msg, k.Bottom):
			m.sel = len(ms.Clauses) - 1
			m = m.showSel()
		case key.Matches(msg, k.Base):
			m.base = m.sel
			m = m.layout()
		case key.Matches(msg, k.Open):
			ref := ms.Clauses[m.sel]
			return m, nil, openReader{doc: ref.Doc, clause: ref.Clause, pos: -1}
		case key.Matches(msg, k.Back):
			return m, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		m.top += wheel(msg)
	case tea.MouseClickMsg:
		if i := m.top + msg.Y - measureHeader; msg.Y >= measureHeader && i < len(m.lines) && m.lines[i].clause >= 0 {
			if m.lines[i].clause == m.sel {
				ref := ms.Clauses[m.sel]
				return m, nil, openReader{doc: ref.Doc, clause: ref.Clause, pos: -1}
			}
			m.sel = m.lines[i].clause
		}
	}
	m.top = max(0, min(m.top, len(m.lines)-body))
	return m, nil, nil
}

// showSel scrolls so the selected clause's block is in view.
func (m measure) showSel() measure {
	if m.sel >= len(m.blocks) {
		return m
	}
	body := max(1, m.height-measureHeader)
	start := m.blocks[m.sel]
	end := len(m.lines)
	if m.sel+1 < len(m.blocks) {
		end = m.blocks[m.sel+1]
	}
	if start < m.top {
		m.top = start
	} else if end > m.top+body {
		m.top = min(start, end-body)
	}
	return m
}

func (m measure) state(s *State) {
	if m.mi >= 0 {
		s.Measure = m.mi
	}
	s.MeasureBase = m.base
}

func (m measure) setState(s State) measure {
	if s.Measure != m.mi || s.MeasureBase != m.base {
		m = m.open(s.Measure, s.MeasureBase)
	}
	return m
}

func (m measure) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, on(k.Base, m.sel != m.base), on(k.Open, m.valid()), k.Back}
}

func (m measure) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {on(k.Base, m.sel != m.base), on(k.Open, m.valid()), k.Back}}
}

func (m measure) View() string {
	c, w := m.c, m.width
	st := c.Styles
	if c.An == nil {
		return fit([]string{title(c, "Measure", "", "", w), "", waiting(c)}, w, m.height)
	}
	if !m.valid() {
		return fit([]string{title(c, "Measure", "", "", w), "", " " + st.Subtitle.Render("Pick a measure in the Measures view.")}, w, m.height)
	}
	ms := &c.An.res.Measures[m.mi]
	sub := fmt.Sprintf("%s · %s · similarity %.2f", ms.Kind, plural(len(ms.Docs), "city"), ms.Similarity)
	if ms.Topic >= 0 && ms.Topic < len(c.An.res.Topics) {
		sub += " · topic " + c.An.res.Topics[ms.Topic].ID
	}
	legend := st.mark(markAdded).Render("added") + " " + st.mark(markRemoved).Render("dropped")
	lw := cjk.Width(legend) + 1
	lines := []string{cjk.Pad(title(c, ms.ID+" "+cjk.Truncate(measureText(c.An.res, m.mi), max(8, w/3), "…"), sub, "", w-lw-1), w-lw) + legend,
		st.Rule.Render(strings.Repeat("─", w))}
	body := m.height - measureHeader
	for r := 0; r < body; r++ {
		i := m.top + r
		if i >= len(m.lines) {
			break
		}
		ln := m.lines[i]
		bar := "  "
		if ln.clause >= 0 && ln.clause == m.sel {
			bar = st.barNoBg + " "
		}
		lines = append(lines, bar+ln.text)
	}
	return fit(lines, w, m.height)
}
