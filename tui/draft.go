package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/draftcheck"
	"citydiff/tui/cjk"
)

// draft shows the drafter's check (package draftcheck): the measures k of
// a chosen set of n cities share that the draft lacks, the draft's clauses
// that come from a city with what they added and dropped, and its own
// clauses. The draft is never one of the cities. The list takes the top of
// the pane, the selected item's details the bottom.
type draft struct {
	c       *Common
	which   int    // index into Common.Drafts
	against []bool // per city: in the comparison set
	k       int    // at least k of the set; 0 until the analysis is in
	choose  bool   // choosing the cities of the set
	cursor  int    // the city under the cursor while choosing
	note    string // what the last copy or export did
	gen     int    // counts rebuilds, for the row memo

	check         *draftcheck.Check
	items         []draftItem
	list          scroller // over the selectable items
	selectable    []int    // indexes into items
	noteW         int      // width of the widest note
	width, height int
}

// draftItem is a line of the check: a group heading or an entry.
type draftItem struct {
	heading string
	text    string
	note    string
	glyph   string
	missing *draftcheck.Missing
	borrow  *draftcheck.Borrowed
	own     int // draft clause, for an own item; -1 otherwise
}

func newDraft(c *Common) draft { return draft{c: c} }

func (d draft) SetSize(w, h int) draft {
	d.width, d.height = w, h
	d.list.setHeight(max(1, d.listHeight()))
	return d
}

// detailHeight is how many lines the selected item's details take.
func (d draft) detailHeight() int {
	if d.height < 12 {
		return 0
	}
	return min(7, d.height/3)
}

// listHeight is how many item lines fit above the details.
func (d draft) listHeight() int { return d.height - 3 - d.detailHeight() }

func (d draft) analysisReady() draft {
	n := 0
	if d.c.An != nil {
		n = len(d.c.An.res.Docs)
	}
	if len(d.against) != n {
		d.against = make([]bool, n)
		for i := range d.against {
			d.against[i] = true
		}
		d.k = min(2, n)
	}
	return d.build()
}

// query is the current draft's query, nil until the analysis is in.
func (d draft) query() *draftcheck.Query {
	if d.which < 0 || d.which >= len(d.c.Queries) {
		return nil
	}
	return d.c.Queries[d.which]
}

func (d draft) set() []int {
	var out []int
	for i, in := range d.against {
		if in {
			out = append(out, i)
		}
	}
	return out
}

// build runs the check for the current draft, set and threshold.
func (d draft) build() draft {
	d.items, d.selectable, d.check = nil, nil, nil
	d.gen++
	c := d.c
	d.which = max(0, min(d.which, len(c.Drafts)-1))
	q := d.query()
	if c.An == nil || q == nil {
		d.list.setN(0)
		return d
	}
	ck := q.Check(draftcheck.Options{Against: d.set(), MinCities: d.k})
	d.check, d.k = ck, ck.MinCities
	st := c.Styles
	res := c.An.res
	add := func(it draftItem) {
		if it.heading == "" {
			d.selectable = append(d.selectable, len(d.items))
		}
		d.items = append(d.items, it)
	}
	n := len(ck.Against)
	share := fmt.Sprintf("at least %d of these %s share", ck.MinCities, plural(n, "city"))
	if n == 1 {
		share = c.city(ck.Against[0]) + " has"
	}
	heading := fmt.Sprintf("Missing · %s that %s and %s lacks", plural(len(ck.Missing), "measure"), share, draftName(q))
	if len(ck.Formulas) > 0 {
		heading += fmt.Sprintf(" (%s not counted)", plural(len(ck.Formulas), "stock formula"))
	}
	add(draftItem{heading: heading, own: -1})
	for i := range ck.Missing {
		ms := &ck.Missing[i]
		add(draftItem{text: clauseText(res.Clause(ms.Example).Text), note: fmt.Sprintf("%d of %d: %s", len(ms.Cities), n, c.cities(ms.Cities)), glyph: st.Removed.UnsetStrikethrough().Render("−"), missing: ms, own: -1})
	}
	add(draftItem{heading: fmt.Sprintf("Borrowed · %s of the draft from these cities", plural(len(ck.Borrowed), "clause")), own: -1})
	for i := range ck.Borrowed {
		b := &ck.Borrowed[i]
		add(draftItem{text: clauseText(q.Draft.Clauses[b.Clause].Text), note: string(b.Kind) + " from " + c.city(b.From.Doc), glyph: kindGlyph(st, b.Kind), borrow: b, own: -1})
	}
	add(draftItem{heading: fmt.Sprintf("Its own · %s none of these cities has", plural(len(ck.Own), "clause")), own: -1})
	for _, ci := range ck.Own {
		add(draftItem{text: clauseText(q.Draft.Clauses[ci].Text), note: "own", glyph: kindGlyph(st, compare.Unique), own: ci})
	}
	d.noteW = 0
	for _, it := range d.items {
		d.noteW = max(d.noteW, cjk.Width(it.note))
	}
	d.list.setN(len(d.selectable))
	return d
}

// draftName is the draft's short name: its file's id.
func draftName(q *draftcheck.Query) string { return q.Draft.ID }

// cities names documents, separated by spaces.
func (c *Common) cities(docs []int) string {
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = c.city(d)
	}
	return strings.Join(names, " ")
}

// capturing reports whether the pane takes every key (choosing cities).
func (d draft) capturing() bool { return d.choose }

func (d draft) selected() *draftItem {
	if d.list.sel < len(d.selectable) {
		return &d.items[d.selectable[d.list.sel]]
	}
	return nil
}

func (d draft) update(msg tea.Msg) (draft, tea.Cmd, action) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case exportMsg:
		d.note = msg.note()
		return d, nil, nil
	case tea.KeyPressMsg:
		if d.choose {
			return d.chooseKey(msg), nil, nil
		}
		d.note = ""
		switch {
		case d.list.navigate(k, msg):
		case key.Matches(msg, k.Left):
			if d.which > 0 {
				d.which--
				d = d.build()
			}
		case key.Matches(msg, k.Right):
			if d.which+1 < len(d.c.Drafts) {
				d.which++
				d = d.build()
			}
		case key.Matches(msg, k.MoreShared) && d.check != nil:
			d.k = min(d.k+1, len(d.check.Against))
			d = d.build()
		case key.Matches(msg, k.LessShared) && d.check != nil:
			d.k = max(1, d.k-1)
			d = d.build()
		case key.Matches(msg, k.Cities) && d.check != nil:
			d.choose = true
		case key.Matches(msg, k.Copy):
			if it := d.selected(); it != nil && d.check != nil {
				d.note = "copied the selected item (OSC 52)"
				return d, tea.SetClipboard(d.itemText(it)), nil
			}
		case key.Matches(msg, k.CopyAll) && d.check != nil:
			var b strings.Builder
			draftcheck.WriteMarkdown(&b, d.check)
			d.note = "copied the whole check as Markdown (OSC 52)"
			return d, tea.SetClipboard(b.String()), nil
		case key.Matches(msg, k.Export) && d.check != nil && d.c.ExportDir != "":
			d.note = "writing…"
			return d, exportCmd(d.c.ExportDir, d.check), nil
		case key.Matches(msg, k.Open):
			if it := d.selected(); it != nil {
				switch {
				case it.missing != nil:
					return d, nil, openMeasure{measure: it.missing.Measure, base: -1}
				case it.borrow != nil:
					return d, nil, openReader{doc: it.borrow.From.Doc, clause: it.borrow.From.Clause, pos: -1}
				}
			}
		case key.Matches(msg, k.Back):
			return d, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		d.list.move(wheel(msg))
	}
	return d, nil, nil
}

// chooseKey handles a key while the cities of the set are chosen.
func (d draft) chooseKey(msg tea.KeyPressMsg) draft {
	k := d.c.Keys
	switch {
	case key.Matches(msg, k.Left), key.Matches(msg, k.Up):
		d.cursor = max(0, d.cursor-1)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Down):
		d.cursor = min(len(d.against)-1, d.cursor+1)
	case msg.String() == "space" || msg.String() == "x":
		if d.cursor < len(d.against) {
			d.against[d.cursor] = !d.against[d.cursor]
			d.against = append([]bool(nil), d.against...)
			d = d.build()
		}
	case msg.String() == "a":
		all := make([]bool, len(d.against))
		for i := range all {
			all[i] = true
		}
		d.against = all
		d = d.build()
	case key.Matches(msg, k.Open), key.Matches(msg, k.Back), key.Matches(msg, k.Cities):
		d.choose = false
	}
	return d
}

// itemText is an item as plain text, for the clipboard.
func (d draft) itemText(it *draftItem) string {
	var b strings.Builder
	draftcheck.WriteItem(&b, d.check, it.missing, it.borrow, it.own)
	return b.String()
}

func (d draft) state(s *State) { s.Draft = d.which }
func (d draft) setState(s State) draft {
	if s.Draft != d.which {
		d.which = s.Draft
		d = d.build()
	}
	return d
}

func (d draft) ShortHelp() []key.Binding {
	k := d.c.Keys
	if d.choose {
		return []key.Binding{k.Left, k.Right, k.Toggle, k.All, k.Done}
	}
	ready := d.check != nil
	return []key.Binding{k.Up, k.Down, on(k.Open, d.canOpen()), on(k.AtLeast, ready), on(k.Cities, ready), on(k.Copy, ready && len(d.selectable) > 0), on(k.Export, ready && d.c.ExportDir != "")}
}

func (d draft) canOpen() bool {
	it := d.selected()
	return it != nil && (it.missing != nil || it.borrow != nil)
}

func (d draft) FullHelp() [][]key.Binding {
	k := d.c.Keys
	ready := d.check != nil
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{on(k.Open, d.canOpen()), on(k.Left, len(d.c.Drafts) > 1), on(k.Right, len(d.c.Drafts) > 1)},
		{on(k.AtLeast, ready), on(k.Cities, ready), on(k.Copy, ready), on(k.CopyAll, ready), on(k.Export, ready && d.c.ExportDir != "")},
	}
}

func (d draft) View() string {
	c, w := d.c, d.width
	st := c.Styles
	if len(c.Drafts) == 0 {
		return fit([]string{title(c, "Draft check", "", "", w), "",
			" " + st.Subtitle.Render("Name your own file to check it against the cities:"),
			" " + st.Subtitle.Render("  citydiff mydraft.txt"),
			" " + st.Subtitle.Render("It is never compared as one of the cities."),
		}, w, d.height)
	}
	doc := c.Drafts[max(0, min(d.which, len(c.Drafts)-1))]
	right := d.note
	if right == "" && len(c.Drafts) > 1 {
		right = fmt.Sprintf("draft %d of %d · ←/→", d.which+1, len(c.Drafts))
	}
	lines := []string{title(c, "Draft check", doc.ID+" · "+doc.Title, right, w)}
	if c.An == nil || d.check == nil {
		if c.An != nil && d.query() == nil {
			return fit(append(lines, "", " "+st.Subtitle.Render("The draft was not checked.")), w, d.height)
		}
		return fit(append(lines, "", waiting(c)), w, d.height)
	}
	lines = append(lines, d.setLine(w), st.Rule.Render(strings.Repeat("─", w)))
	// Show the items around the selection; headings stay with their group.
	body := d.listHeight()
	selItem := -1
	if it := d.selected(); it != nil {
		selItem = d.selectable[d.list.sel]
	}
	start := 0
	if selItem >= body-1 {
		start = selItem - body + 2
	}
	noteW := min(d.noteW, w/3)
	textW := max(8, w-noteW-7)
	for i := start; i < len(d.items) && len(lines) < 3+body; i++ {
		k := rowKey{view: ViewDraft, item: i, sel: i == selItem, w: w, a: d.which, b: d.gen, an: c.An, st: st}
		r, ok := c.rows.get(k)
		if !ok {
			it := d.items[i]
			if it.heading != "" {
				r = " " + st.Title.Render(it.heading)
			} else {
				content := " " + it.glyph + " " + cjk.Pad(cjk.Truncate(it.text, textW, "…"), textW) + "  " + st.Muted.Render(cjk.Truncate(it.note, noteW, "…"))
				r = row(c, i == selItem, content, w)
			}
			c.rows.put(k, r)
		}
		lines = append(lines, r)
	}
	if dh := d.detailHeight(); dh > 0 {
		for len(lines) < 3+body {
			lines = append(lines, "")
		}
		lines = append(lines, d.details(dh)...)
	}
	return fit(lines, w, d.height)
}

// setLine says what the draft is checked against, and lets the user
// choose the cities.
func (d draft) setLine(w int) string {
	c, st := d.c, d.c.Styles
	n := len(d.check.Against)
	if d.choose {
		var b strings.Builder
		b.WriteString(" " + st.Accent.Render("Compare with") + " ")
		for i, in := range d.against {
			box := "[ ]"
			if in {
				box = "[x]"
			}
			cell := box + c.city(i)
			if i == d.cursor {
				cell = st.Selected.Render(st.CursorBar.Render(cell))
			}
			b.WriteString(cell + " ")
		}
		return cjk.Truncate(b.String(), w, "…")
	}
	set := "all " + plural(n, "city")
	if n < len(d.against) {
		set = fmt.Sprintf("%d of %d cities: %s", n, len(d.against), c.cities(d.check.Against))
	}
	return cjk.Truncate(" "+st.Muted.Render("Against ")+set+st.Muted.Render(" · missing = in at least ")+fmt.Sprintf("%d of %d", d.check.MinCities, n)+st.Muted.Render(" (+/-) · c cities"), w, "…")
}

// details describes the selected item in h lines: a missing measure's
// best example, the cities that have it and the closest sentence in the
// draft; a borrowed clause's source with a word diff.
func (d draft) details(h int) []string {
	c, st, w := d.c, d.c.Styles, d.width
	it := d.selected()
	out := []string{st.Rule.Render(strings.Repeat("─", w))}
	if it == nil {
		return out
	}
	q := d.check.Query
	res := c.An.res
	wrap := func(prefix string, rs []rune, ms []mark, max int) {
		pw := cjk.Width(prefix)
		for i, r := range cjk.Wrap(string(rs), w-pw-2) {
			if i >= max {
				break
			}
			p := strings.Repeat(" ", pw)
			if i == 0 {
				p = prefix
			}
			out = append(out, " "+p+renderMarked(st, rs[r.Start:r.End], ms[r.Start:r.End]))
		}
	}
	switch {
	case it.missing != nil:
		ms := it.missing
		m := &res.Measures[ms.Measure]
		out = append(out, " "+st.Title.Render(m.ID)+st.Muted.Render(fmt.Sprintf(" · %s · in %d of these %s: ", m.Kind, len(ms.Cities), plural(len(d.check.Against), "city")))+c.cities(ms.Cities))
		rs, mk := plain(clauseText(res.Clause(ms.Example).Text))
		wrap(c.city(ms.Example.Doc)+": ", rs, mk, max(1, h-4))
		if ms.Closest >= 0 {
			rs, mk = plain(clauseText(q.Draft.Clauses[ms.Closest].Text))
			wrap(fmt.Sprintf("closest in the draft (%d%%): ", int(ms.Similarity*100+0.5)), rs, mk, 1)
		} else {
			out = append(out, " "+st.Muted.Render("nothing in the draft comes close"))
		}
	case it.borrow != nil:
		b := it.borrow
		from := c.city(b.From.Doc)
		also := ""
		if len(b.Also) > 0 {
			also = " (also " + c.cities(b.Also) + ")"
		}
		out = append(out, " "+st.Title.Render(string(b.Kind))+st.Muted.Render(fmt.Sprintf(" · from %s%s · %d%% similar · %s", from, also, int(b.Similarity*100+0.5), res.Measures[b.Measure].ID)))
		rs, mk := diffText(q.Draft, &q.Draft.Clauses[b.Clause], res.Docs[b.From.Doc], res.Clause(b.From), true)
		wrap("", rs, mk, max(1, h-3))
		dropped, added := draftcheck.Changes(b.Edits)
		out = append(out, " "+st.Removed.Render("dropped")+" "+orNone(dropped)+st.Muted.Render(" · ")+st.Added.Render("added")+" "+orNone(added))
	default:
		rs, mk := plain(q.Draft.Clauses[it.own].Text)
		out = append(out, " "+st.Title.Render("own")+st.Muted.Render(" · no clause of these cities says this"))
		wrap("", rs, mk, max(1, h-2))
	}
	return out
}

func orNone(words []string) string {
	if len(words) == 0 {
		return "nothing"
	}
	return cjk.Truncate(strings.Join(words, " · "), 200, "…")
}

// exportMsg reports a written export.
type exportMsg struct {
	path string
	err  error
}

func (e exportMsg) note() string {
	if e.err != nil {
		return "export failed: " + e.err.Error()
	}
	return "wrote " + e.path
}

// exportCmd writes the check as Markdown to a new file in dir.
func exportCmd(dir string, ck *draftcheck.Check) tea.Cmd {
	return func() tea.Msg {
		path, err := draftcheck.Export(dir, ck)
		return exportMsg{path: path, err: err}
	}
}

// plural is "1 measure", "2 measures", "1 city", "2 cities".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	if strings.HasSuffix(word, "ch") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
