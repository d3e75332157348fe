package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/segment"
	"citydiff/tui/cjk"
)

// overview lists the documents with their shared and unique measure
// counts, and shows how much each pair of cities shares as a heat map.
type overview struct {
	c      *Common
	list   scroller
	width  int
	height int
	listY  int // first row of the list in the pane, for the mouse
}

func newOverview(c *Common) overview {
	o := overview{c: c, listY: 2}
	o.list.setN(len(c.Docs))
	return o
}

func (o overview) SetSize(w, h int) overview {
	o.width, o.height = w, h
	o.list.setHeight(o.listHeight())
	return o
}

// listHeight gives the document table at most half the pane when there
// are many documents, all it needs otherwise.
func (o overview) listHeight() int {
	n := len(o.c.Docs)
	avail := o.height - 3 - 8 // title, header, blank; the heat map's minimum
	if n <= avail {
		return max(1, n)
	}
	return max(3, min(n, (o.height-3)/2))
}

func (o overview) update(msg tea.Msg) (overview, tea.Cmd, action) {
	k := o.c.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case o.list.navigate(k, msg):
		case key.Matches(msg, k.Open):
			return o, nil, openReader{doc: o.list.sel, clause: -1, pos: -1}
		case key.Matches(msg, k.Back):
			return o, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			o.list.move(-1)
		case tea.MouseWheelDown:
			o.list.move(1)
		}
	case tea.MouseClickMsg:
		if o.list.click(msg.Y - o.listY) {
			return o, nil, openReader{doc: o.list.sel, clause: -1, pos: -1}
		}
	}
	return o, nil, nil
}

func (o overview) state(s *State) { s.Doc = o.list.sel }
func (o overview) setState(s State) overview {
	o.list.set(s.Doc)
	return o
}

func (o overview) ShortHelp() []key.Binding {
	k := o.c.Keys
	return []key.Binding{k.Up, k.Down, on(k.Open, len(o.c.Docs) > 0)}
}

func (o overview) FullHelp() [][]key.Binding {
	k := o.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open}}
}

// columns of the document table at a width.
type ovCols struct{ city, title, issuer, date, script, clauses, shared, unique int }

func overviewCols(w int) ovCols {
	c := ovCols{city: 8, date: 10, script: 2, clauses: 0, shared: 6, unique: 6}
	if w >= 110 {
		c.clauses = 7
	}
	fixed := 1 + c.city + c.date + c.script + c.shared + c.unique + 7
	if c.clauses > 0 {
		fixed += c.clauses + 1
	}
	flex := max(8, w-fixed)
	c.title = flex * 2 / 3
	c.issuer = flex - c.title
	return c
}

func (o overview) View() string {
	c, w := o.c, o.width
	st := c.Styles
	nd := len(c.Docs)
	sub := plural(nd, "document")
	if len(c.Drafts) > 0 {
		sub += fmt.Sprintf(" · %s of yours in Draft check", plural(len(c.Drafts), "draft"))
	}
	right := ""
	if c.An != nil {
		right = fmt.Sprintf("%d measures · %d topics", len(c.An.res.Measures), len(c.An.res.Topics))
	}
	lines := []string{title(c, "Documents", sub, right, w)}
	cols := overviewCols(w - 1)
	hdr := []string{cjk.Pad("City", cols.city), cjk.Pad("Title", cols.title), cjk.Pad("Issuer", cols.issuer), cjk.Pad("Date", cols.date), cjk.Pad("文", cols.script)}
	if cols.clauses > 0 {
		hdr = append(hdr, cjk.PadLeft("Clauses", cols.clauses))
	}
	hdr = append(hdr, cjk.PadLeft("Shared", cols.shared), cjk.PadLeft("Own", cols.unique))
	lines = append(lines, " "+st.Header.Render(" "+spaced(hdr...)))
	from, to := o.list.visible()
	for i := from; i < to; i++ {
		sel := i == o.list.sel
		k := rowKey{view: ViewOverview, item: i, sel: sel, w: w, an: c.An, st: st}
		r, ok := c.rows.get(k)
		if !ok {
			r = o.row(i, sel, cols)
			c.rows.put(k, r)
		}
		lines = append(lines, r+scrollbar(c, i-from, o.list.height, o.list.n, o.list.top))
	}
	lines = append(lines, "")
	rest := o.height - len(lines)
	if c.An == nil {
		lines = append(lines, " "+st.Subtitle.Render("Similarity and shared measures appear when the comparison is done."))
		return fit(lines, w, o.height)
	}
	// What follows the list depends only on the selection and the size.
	k := rowKey{view: ViewOverview, item: o.list.sel, w: w, a: rest, b: o.height, an: c.An, st: st}
	below, ok := c.blocks.get(k)
	if !ok {
		below = o.below(rest)
		c.blocks.put(k, below)
	}
	return fit(append(lines, below...), w, o.height)
}

// row draws document i's row, without the scroll bar.
func (o overview) row(i int, sel bool, cols ovCols) string {
	c := o.c
	d := c.Docs[i]
	city := c.city(i)
	script := "简"
	if d.Script == segment.Traditional {
		script = "繁"
	}
	shared, unique := "…", "…"
	if c.An != nil {
		shared = fmt.Sprint(c.An.shared[i])
		unique = fmt.Sprint(c.An.unique[i])
	}
	cells := []string{cjk.Pad(city, cols.city), cjk.Pad(d.Title, cols.title), cjk.Pad(d.Meta.Issuer, cols.issuer), cjk.Pad(d.Meta.Date, cols.date), cjk.Pad(script, cols.script)}
	if cols.clauses > 0 {
		cells = append(cells, cjk.PadLeft(fmt.Sprint(len(d.Clauses)), cols.clauses))
	}
	cells = append(cells, cjk.PadLeft(shared, cols.shared), cjk.PadLeft(unique, cols.unique))
	return row(c, sel, " "+spaced(cells...), o.width-1)
}

// below is what follows the document list: the heat map (and the bars
// beside it when there is room), then the most shared measures. rest is
// the height left under the list.
func (o overview) below(rest int) []string {
	w := o.width
	var lines []string
	used := o.height - rest // the lines above
	heat := o.heatmap(rest)
	if w >= 120 {
		bars := o.bars(rest, w-cjk.Width(heat[0])-4)
		for i := 0; i < max(len(heat), len(bars)); i++ {
			l := ""
			if i < len(heat) {
				l = heat[i]
			}
			if i < len(bars) {
				l = cjk.Pad(l, cjk.Width(heat[0])+4) + bars[i]
			}
			lines = append(lines, l)
		}
	} else {
		lines = append(lines, heat...)
	}
	if rest := o.height - used - len(lines) - 2; rest >= 3 {
		lines = append(lines, "")
		lines = append(lines, o.mostShared(rest)...)
	}
	return lines
}

// mostShared lists the measures the most cities share: the common core
// a drafter would expect to find.
func (o overview) mostShared(h int) []string {
	c := o.c
	st := c.Styles
	res := c.An.res
	out := []string{" " + st.Title.Render("Most shared measures") + "  " + st.Subtitle.Render("tab to Measures for all of them")}
	n := len(c.Docs)
	dotsW := min(n, 24)
	for i := 0; i < len(res.Measures) && len(out) < h; i++ {
		m := &res.Measures[i]
		if len(m.Docs) < 2 {
			break
		}
		text := measureText(res, i)
		out = append(out, "  "+spaced(st.Muted.Render(cjk.Pad(m.ID, 5)), kindGlyph(st, m.Kind), coverage(c, m.Docs, dotsW),
			cjk.Truncate(text, max(0, o.width-dotsW-13), "…")))
	}
	return out
}

// heatLevel maps a share to one of five shades; the glyph carries the
// level without colour.
func heatLevel(s float64) int {
	switch {
	case s < 0.1:
		return 0
	case s < 0.25:
		return 1
	case s < 0.45:
		return 2
	case s < 0.7:
		return 3
	}
	return 4
}

var heatGlyph = [5]string{"··", "░░", "▒▒", "▓▓", "██"}

// heatmap draws the city × city matrix of shared measures, as many
// columns as fit, centred on the selected document.
func (o overview) heatmap(h int) []string {
	c := o.c
	st := c.Styles
	n := len(c.Docs)
	const cell, label = 6, 8
	ncols := max(1, min(n, (o.width-label-2)/cell))
	nrows := max(1, min(n, h-3))
	first := func(k int) int { return max(0, min(o.list.sel-k/2, n-k)) }
	c0, r0 := first(ncols), first(nrows)
	out := []string{" " + st.Title.Render("Similarity") + "  " + st.Subtitle.Render("share of measures two cities have in common")}
	hdr := strings.Repeat(" ", label+1)
	for j := c0; j < c0+ncols; j++ {
		name := cjk.Center(cjk.Truncate(c.city(j), cell-1, ""), cell)
		if j == o.list.sel {
			name = st.Bold.Render(name)
		} else {
			name = st.Muted.Render(name)
		}
		hdr += name
	}
	out = append(out, hdr)
	for i := r0; i < r0+nrows; i++ {
		lbl := cjk.Pad(c.city(i), label)
		if i == o.list.sel {
			lbl = st.CursorBar.Render("▌") + st.Bold.Render(lbl)
		} else {
			lbl = " " + st.Muted.Render(lbl)
		}
		var b strings.Builder
		b.WriteString(lbl)
		for j := c0; j < c0+ncols; j++ {
			if i == j {
				b.WriteString(st.Rule.Render(cjk.Center("──", cell)))
				continue
			}
			s := c.An.sim[i][j]
			lv := heatLevel(s)
			b.WriteString(" " + st.Heat[lv].Render(heatGlyph[lv]) + fmt.Sprintf("%3.0f", s*100))
		}
		out = append(out, b.String())
	}
	legend := " "
	for lv, lbl := range []string{"<10%", "<25%", "<45%", "<70%", "≥70%"} {
		legend += st.Heat[lv].Render(heatGlyph[lv]) + " " + st.Muted.Render(lbl) + "  "
	}
	out = append(out, legend)
	return out
}

// bars draws, for each city, its measures shared with others and its own
// as a bar: how much of a document is common ground.
func (o overview) bars(h, w int) []string {
	c := o.c
	st := c.Styles
	n := len(c.Docs)
	out := []string{st.Title.Render("Measures per city") + "  " + st.Subtitle.Render("shared █  own ░"), ""}
	most := 1
	for i := 0; i < n; i++ {
		most = max(most, c.An.shared[i]+c.An.unique[i])
	}
	barW := max(4, w-8-18)
	rows := max(1, min(n, h-3))
	r0 := max(0, min(o.list.sel-rows/2, n-rows))
	for i := r0; i < r0+rows; i++ {
		sh, un := c.An.shared[i], c.An.unique[i]
		a := sh * barW / most
		b := un * barW / most
		lbl := cjk.Pad(c.city(i), 8)
		if i == o.list.sel {
			lbl = st.Bold.Render(lbl)
		}
		out = append(out, lbl+st.barShared.Render(strings.Repeat("█", a))+st.barOwn.Render(strings.Repeat("░", b))+
			st.Muted.Render(fmt.Sprintf(" %d+%d", sh, un)))
	}
	return out
}
