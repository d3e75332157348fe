package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/tui/cjk"
)

// draft checks a user's own document against the others: which measures
// most cities share it lacks, which of its passages come verbatim or
// nearly so from which city, and which measures are its own.
type draft struct {
	c             *Common
	which         int // index into Common.Drafts
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
	act     action
	glyph   string
}

func newDraft(c *Common) draft { return draft{c: c} }

func (d draft) SetSize(w, h int) draft {
	d.width, d.height = w, h
	d.list.setHeight(max(1, h-3))
	return d
}

func (d draft) analysisReady() draft { return d.build() }

// common is how many cities a measure needs before a draft should have
// it: half the other documents, at least two.
func (d draft) common() int {
	others := len(d.c.Docs) - len(d.c.Drafts)
	return max(2, (others+1)/2)
}

// build lists the check's findings for the current draft.
func (d draft) build() draft {
	d.items, d.selectable = nil, nil
	c := d.c
	if c.An == nil || len(c.Drafts) == 0 {
		return d
	}
	d.which = max(0, min(d.which, len(c.Drafts)-1))
	doc := c.Drafts[d.which]
	res := c.An.res
	st := c.Styles
	add := func(it draftItem) {
		if it.heading == "" {
			d.selectable = append(d.selectable, len(d.items))
		}
		d.items = append(d.items, it)
	}
	names := func(docs []int) string {
		var out []string
		for _, x := range docs {
			if x != doc {
				out = append(out, c.city(x))
			}
		}
		return strings.Join(out, " ")
	}

	// Missing: shared by most of the others, absent here.
	var missing []int
	for mi := range res.Measures {
		m := &res.Measures[mi]
		if len(m.Docs) >= d.common() && !has(m.Docs, doc) {
			missing = append(missing, mi)
		}
	}
	sort.SliceStable(missing, func(a, b int) bool { return len(res.Measures[missing[a]].Docs) > len(res.Measures[missing[b]].Docs) })
	add(draftItem{heading: fmt.Sprintf("Missing · %s at least %d cities share that %s lacks", plural(len(missing), "measure"), d.common(), c.city(doc))})
	for _, mi := range missing {
		m := &res.Measures[mi]
		add(draftItem{text: m.Label, note: fmt.Sprintf("%d cities: %s", len(m.Docs), names(m.Docs)), act: openMeasure{measure: mi, base: -1}, glyph: st.Removed.UnsetStrikethrough().Render("−")})
	}

	// Borrowed: its clauses in verbatim or near measures.
	var borrowed []draftItem
	seen := map[int]bool{}
	for ci := range c.Docs[doc].Clauses {
		mi, m := c.An.measure(doc, ci)
		if m == nil || len(m.Docs) < 2 || seen[mi] {
			continue
		}
		if m.Kind != compare.Verbatim && m.Kind != compare.Near {
			continue
		}
		seen[mi] = true
		borrowed = append(borrowed, draftItem{
			text: clean(c.Docs[doc].Clauses[ci].Text), note: string(m.Kind) + " from " + names(m.Docs),
			act: openMeasure{measure: mi, base: indexIn(m, doc, ci)}, glyph: kindGlyph(st, m.Kind),
		})
	}
	for _, p := range res.Passages {
		var ci, from int
		switch {
		case p.A.Doc == doc:
			ci, from = p.A.Clause, p.B.Doc
		case p.B.Doc == doc:
			ci, from = p.B.Clause, p.A.Doc
		default:
			continue
		}
		mi, _ := c.An.measure(doc, ci)
		if seen[mi] {
			continue
		}
		seen[mi] = true
		sp := p.ASpan
		if p.B.Doc == doc {
			sp = p.BSpan
		}
		borrowed = append(borrowed, draftItem{
			text: clean(c.Docs[doc].Text(sp)), note: fmt.Sprintf("passage from %s (%d words)", c.city(from), p.Tokens),
			act: openReader{doc: doc, clause: ci, pos: -1}, glyph: st.mark(markPassage).Render("▌"),
		})
	}
	add(draftItem{heading: fmt.Sprintf("Borrowed · %s verbatim or nearly so from another city", plural(len(borrowed), "passage"))})
	for _, it := range borrowed {
		add(it)
	}

	// Own: unique measures.
	var own []draftItem
	for ci := range c.Docs[doc].Clauses {
		_, m := c.An.measure(doc, ci)
		if m == nil || len(m.Docs) != 1 {
			continue
		}
		own = append(own, draftItem{text: clean(c.Docs[doc].Clauses[ci].Text), note: m.ID, act: openReader{doc: doc, clause: ci, pos: -1}, glyph: kindGlyph(st, compare.Unique)})
	}
	add(draftItem{heading: fmt.Sprintf("Its own · %s no other city has", plural(len(own), "measure"))})
	for _, it := range own {
		add(it)
	}
	d.noteW = 0
	for _, it := range d.items {
		d.noteW = max(d.noteW, cjk.Width(it.note))
	}
	d.list.setN(len(d.selectable))
	return d
}

func has(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (d draft) update(msg tea.Msg) (draft, tea.Cmd, action) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
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
		case key.Matches(msg, k.Open):
			if d.list.sel < len(d.selectable) {
				return d, nil, d.items[d.selectable[d.list.sel]].act
			}
		case key.Matches(msg, k.Back):
			return d, nil, goBack{}
		}
	case tea.MouseWheelMsg:
		d.list.move(wheel(msg))
	}
	return d, nil, nil
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
	return []key.Binding{k.Up, k.Down, on(k.Open, len(d.selectable) > 0), on(k.Right, len(d.c.Drafts) > 1)}
}

func (d draft) FullHelp() [][]key.Binding {
	k := d.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {on(k.Open, len(d.selectable) > 0), on(k.Left, len(d.c.Drafts) > 1), on(k.Right, len(d.c.Drafts) > 1)}}
}

func (d draft) View() string {
	c, w := d.c, d.width
	st := c.Styles
	if len(c.Drafts) == 0 {
		return fit([]string{title(c, "Draft check", "", "", w), "", " " + st.Subtitle.Render("Name your own file to check it against the others: citydiff mydraft.txt")}, w, d.height)
	}
	doc := c.Drafts[max(0, min(d.which, len(c.Drafts)-1))]
	right := ""
	if len(c.Drafts) > 1 {
		right = fmt.Sprintf("draft %d of %d · ←/→", d.which+1, len(c.Drafts))
	}
	lines := []string{title(c, "Draft check", c.city(doc)+" · "+c.Docs[doc].Title, right, w)}
	if c.An == nil {
		return fit(append(lines, "", waiting(c)), w, d.height)
	}
	lines = append(lines, st.Rule.Render(strings.Repeat("─", w)))
	// Show the items around the selection; headings stay with their group.
	body := d.height - 2
	selItem := -1
	if d.list.sel < len(d.selectable) {
		selItem = d.selectable[d.list.sel]
	}
	start := 0
	if selItem >= body-1 {
		start = selItem - body + 2
	}
	noteW := min(d.noteW, w/3)
	textW := max(8, w-noteW-7)
	for i := start; i < len(d.items) && len(lines) < d.height; i++ {
		k := rowKey{view: ViewDraft, item: i, sel: i == selItem, w: w, a: d.which, an: c.An, st: st}
		r, ok := c.rows.get(k)
		if !ok {
			it := d.items[i]
			if it.heading != "" {
				r = " " + st.Title.Render(it.heading)
			} else {
				content := " " + it.glyph + " " + cjk.Pad(it.text, textW) + "  " + st.Muted.Render(cjk.Truncate(it.note, noteW, "…"))
				r = row(c, i == selItem, content, w)
			}
			c.rows.put(k, r)
		}
		lines = append(lines, r)
	}
	return fit(lines, w, d.height)
}

// plural is "1 measure", "2 measures".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
