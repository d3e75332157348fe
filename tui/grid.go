package tui

import (
	"sort"

	"citydiff/compare"
	"citydiff/segment"
)

// The topic view lays a topic's sections out row by row: clauses that
// state one measure side by side, the others in rows of their own, each
// column in its document's order.
//
// The rows come from alignRows: the first column is the pivot, each other
// column is aligned to it by the longest common subsequence of their
// measures (so the order of every column is kept), and what lies between
// two aligned rows is aligned the same way, recursively, among the other
// columns. Sub-headings are items too, never matched.

// gridItem is a clause or a sub-heading of a section.
type gridItem struct {
	span    segment.Span
	clause  int // -1 for a heading
	measure int // shared measure of the clause, -1 for none
}

// gridRow is a row of the side-by-side view: an item per column or -1.
type gridRow struct {
	items  []int // index into the column's items, -1 for none
	height int   // lines, at least one
	first  int   // the row's first line in the view
}

// sectionItems are the clauses and sub-headings of a section, in order.
func sectionItems(c *Common, ref compare.SectionRef) []gridItem {
	d := c.Docs[ref.Doc]
	sec := &d.Sections[ref.Section]
	var out []gridItem
	for i := range d.Sections {
		s := &d.Sections[i]
		if i != ref.Section && s.HeadingSpan.Len() > 0 && s.HeadingSpan.Start >= sec.Span.Start && s.HeadingSpan.End <= sec.Span.End {
			out = append(out, gridItem{span: s.HeadingSpan, clause: -1, measure: -1})
		}
	}
	for _, ci := range sectionClauses(d, sec) {
		it := gridItem{span: d.Clauses[ci].Span, clause: ci, measure: -1}
		if mi, m := c.An.measure(ref.Doc, ci); m != nil && len(m.Docs) > 1 {
			it.measure = mi
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].span.Start < out[b].span.Start })
	return out
}

// alignRows aligns columns of measure ids (-1: matches nothing) into
// rows; idx are the items' indexes that the rows hold.
func alignRows(ms, idx [][]int) [][]int {
	n := len(ms)
	p := -1
	for c := range ms {
		if len(ms[c]) > 0 {
			p = c
			break
		}
	}
	if p < 0 {
		return nil
	}
	match := make([][]int, n)
	for c := range ms {
		if c != p {
			match[c] = lcsMatch(ms[p], ms[c])
		}
	}
	next := make([]int, n)
	var rows [][]int
	gap := func(end func(c int) int) {
		sub, subIdx := make([][]int, n), make([][]int, n)
		for c := range ms {
			if c == p {
				continue
			}
			if e := end(c); e >= 0 {
				sub[c], subIdx[c] = ms[c][next[c]:e], idx[c][next[c]:e]
			}
		}
		rows = append(rows, alignRows(sub, subIdx)...)
	}
	for i := range ms[p] {
		gap(func(c int) int { return match[c][i] })
		row := make([]int, n)
		for c := range row {
			row[c] = -1
		}
		row[p] = idx[p][i]
		for c := range ms {
			if c != p && match[c][i] >= 0 {
				row[c] = idx[c][match[c][i]]
				next[c] = match[c][i] + 1
			}
		}
		rows = append(rows, row)
	}
	gap(func(c int) int { return len(ms[c]) })
	return rows
}

// lcsMatch pairs items of a with items of b by the longest common
// subsequence of their measures: out[i] is the item of b matched with
// a[i], or -1.
func lcsMatch(a, b []int) []int {
	out := make([]int, len(a))
	for i := range out {
		out[i] = -1
	}
	if len(a) == 0 || len(b) == 0 {
		return out
	}
	// L[i][j]: LCS length of a[i:] and b[j:].
	L := make([][]int32, len(a)+1)
	for i := range L {
		L[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i] >= 0 && a[i] == b[j]:
				L[i][j] = L[i+1][j+1] + 1
			case L[i+1][j] >= L[i][j+1]:
				L[i][j] = L[i+1][j]
			default:
				L[i][j] = L[i][j+1]
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] >= 0 && a[i] == b[j]:
			out[i] = j
			i++
			j++
		case L[i+1][j] >= L[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
