package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/tui/cjk"
)

// topics lists the aligned section groups: what each is about and which
// cities have a section on it.
type topics struct {
	c             *Common
	list          scroller
	width, height int
}

const topicsListY = 2 // title and header

func newTopics(c *Common) topics { return topics{c: c} }

func (t topics) SetSize(w, h int) topics {
	t.width, t.height = w, h
	t.list.setHeight(h - topicsListY - 1) // the legend below
	return t
}

// analysisReady is called when the analysis arrives.
func (t topics) analysisReady() topics {
	t.list.setN(len(t.c.An.res.Topics))
	return t
}

func (t topics) update(msg tea.Msg) (topics, tea.Cmd, action) {
	k := t.c.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case t.list.navigate(k, msg):
		case key.Matches(msg, k.Open):
			if t.list.n > 0 {
				return t, nil, openTopic{t.list.sel}
			}
		case key.Matches(msg, k.Back):
			return t, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		t.list.move(wheel(msg))
	case tea.MouseClickMsg:
		if t.list.click(msg.Y - topicsListY) {
			return t, nil, openTopic{t.list.sel}
		}
	}
	return t, nil, nil
}

func (t topics) state(s *State) { s.Topic = t.list.sel }
func (t topics) setState(s State) topics {
	t.list.set(s.Topic)
	return t
}

func (t topics) ShortHelp() []key.Binding {
	k := t.c.Keys
	return []key.Binding{k.Up, k.Down, on(k.Open, t.list.n > 0)}
}

func (t topics) FullHelp() [][]key.Binding {
	k := t.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {on(k.Open, t.list.n > 0)}}
}

// coverage draws which documents a topic covers, one dot per document.
func coverage(c *Common, docs []int, width int) string {
	n := len(c.Docs)
	if n > width {
		return cjk.Pad(fmt.Sprintf("%d/%d", len(docs), n), width)
	}
	in := make([]bool, n)
	for _, d := range docs {
		in[d] = true
	}
	var b strings.Builder
	for d := 0; d < n; d++ {
		if in[d] {
			b.WriteString(c.Styles.Present.Render("●"))
		} else {
			b.WriteString(c.Styles.Absent.Render("○"))
		}
	}
	return cjk.Pad(b.String(), width)
}

// bar draws a share 0..1 as a bar of width cells with eighth blocks.
func bar(v float64, width int) string {
	eighths := []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
	n := int(v*float64(width*8) + 0.5)
	n = max(0, min(n, width*8))
	s := strings.Repeat("█", n/8) + eighths[n%8]
	return cjk.Pad(s, width)
}

func (t topics) View() string {
	c, w := t.c, t.width
	st := c.Styles
	if c.An == nil {
		return fit([]string{title(c, "Topics", "sections that talk about the same thing", "", w), "", waiting(c)}, w, t.height)
	}
	res := c.An.res
	lines := []string{title(c, "Topics", fmt.Sprintf("%d groups of aligned sections", len(res.Topics)), "enter: side by side", w)}
	n := len(c.Docs)
	dotsW := min(max(n, 6), 24)
	if n > 24 {
		dotsW = 7
	}
	citiesW := 0
	if w >= 120 {
		citiesW = min(40, w/4)
	}
	if citiesW > 0 {
		citiesW-- // the separating space
	}
	labelW := max(8, w-27-dotsW-citiesW) // bar, id, #, score, spaces, scroll bar
	hdr := spaced(cjk.Pad("ID", 4), cjk.Pad("Topic", labelW), cjk.Pad("Cities", dotsW), cjk.PadLeft("#", 3), cjk.Pad("Score", 11))
	if citiesW > 0 {
		hdr = spaced(hdr, cjk.Pad("", citiesW))
	}
	lines = append(lines, " "+st.Header.Render(" "+hdr))
	if len(res.Topics) == 0 {
		lines = append(lines, "", " "+st.Subtitle.Render("No sections line up across these documents."))
		return fit(lines, w, t.height)
	}
	from, to := t.list.visible()
	for i := from; i < to; i++ {
		sel := i == t.list.sel
		k := rowKey{view: ViewTopics, item: i, sel: sel, w: w, an: c.An, st: st}
		r, ok := c.rows.get(k)
		if !ok {
			tp := res.Topics[i]
			var docs []int
			var names []string
			for _, s := range tp.Sections {
				docs = append(docs, s.Doc)
				names = append(names, c.city(s.Doc))
			}
			cells := []string{st.Muted.Render(cjk.Pad(tp.ID, 4)), cjk.Pad(tp.Label, labelW), coverage(c, docs, dotsW),
				cjk.PadLeft(fmt.Sprint(len(docs)), 3), st.Accent.Render(bar(tp.Score, 6)) + fmt.Sprintf("%5.2f", tp.Score)}
			if citiesW > 0 {
				cells = append(cells, st.Muted.Render(cjk.Pad(strings.Join(names, " "), citiesW)))
			}
			r = row(c, sel, " "+spaced(cells...), w-1)
			c.rows.put(k, r)
		}
		lines = append(lines, r+scrollbar(c, i-from, t.list.height, t.list.n, t.list.top))
	}
	for len(lines) < t.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, legendLine(w, st.Muted.Render("#: cities"),
		st.Muted.Render("Score: mean similarity of its sections, 0–1"), st.Muted.Render("●: has a section")))
	return fit(lines, w, t.height)
}

// waiting is the line a pane shows until the analysis arrives.
func waiting(c *Common) string {
	if c.Err != nil {
		return " " + c.Styles.Error.Render("The comparison failed: "+c.Err.Error()) + "  " + c.Styles.Subtitle.Render("r retries")
	}
	return " " + c.Styles.Subtitle.Render("Comparing the documents… this view fills in when the analysis is done.")
}

// wheel turns a wheel event into a number of rows to move.
func wheel(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelUp:
		return -3
	case tea.MouseWheelDown:
		return 3
	}
	return 0
}
