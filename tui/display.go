package tui

import (
	"errors"
	"sort"
	"strings"
	"unicode"

	"citydiff/segment"
	"citydiff/segment/normalize"
	"citydiff/tui/cjk"
)

var errNoResult = errors.New("the analysis returned no result")

// maxDisplays bounds the display texts a program keeps.
const maxDisplays = 12

// displayKey names a document's text in one script.
type displayKey struct {
	doc        int
	simplified bool
}

// display is a document's text as the terminal shows it: in the original
// script or converted to Simplified, with characters that would upset a
// terminal (tabs, carriage returns, zero-width marks) cleaned up. Every
// display rune remembers the code point of the original it shows, so
// highlights given as spans of the original land on the right characters
// whichever script is shown.
type display struct {
	runes []rune
	orig  []int32 // original code point of runes[i]; non-decreasing
}

// display returns (and caches) a document's display text.
func (c *Common) display(d int, simplified bool) *display {
	k := displayKey{d, simplified}
	if x, ok := c.displays[k]; ok {
		return x
	}
	if len(c.displays) >= maxDisplays {
		clear(c.displays) // cheap to rebuild; bounds a session's memory
	}
	src := c.Docs[d].Original
	var rs []rune
	var orig []int32
	if simplified {
		t := normalize.Options{KeepFullWidth: true, KeepPunctuation: true, KeepSpaces: true, KeepInvisible: true}.Normalize(src)
		rs = t.Runes()
		orig = make([]int32, len(rs))
		for i := range rs {
			s, _ := t.Orig(i, i+1)
			orig[i] = int32(s)
		}
	} else {
		rs = []rune(src)
		orig = make([]int32, len(rs))
		for i := range rs {
			orig[i] = int32(i)
		}
	}
	x := &display{runes: make([]rune, 0, len(rs)), orig: make([]int32, 0, len(rs))}
	for i, r := range rs {
		switch {
		case r == '\n':
		case r == '\r' || unicode.Is(unicode.Cf, r) || r == '\u00ad':
			continue // invisible: never give the terminal a zero-width surprise
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			r = ' '
		}
		x.runes = append(x.runes, r)
		x.orig = append(x.orig, orig[i])
	}
	c.displays[k] = x
	return x
}

// index is the first display rune showing original code point pos or a
// later one.
func (x *display) index(pos int) int {
	return sort.Search(len(x.orig), func(i int) bool { return int(x.orig[i]) >= pos })
}

// markSpan is a highlight on a span of the original.
type markSpan struct {
	span segment.Span
	mark mark
}

// line is one wrapped row of a page.
type line struct {
	a, b    int // display runes [a, b)
	clause  int // clause at the line's start, -1 for none
	first   bool
	section int // innermost section at the line's start, -1 for none
}

// page is a stretch of a document laid out at one width, with the static
// highlights of every rune. Views draw only the lines they show.
type page struct {
	doc   *segment.Document
	disp  *display
	lo    int // first display rune of the page
	lines []line
	bits  []mark // highlight of display rune lo+i
	width int
	first map[int]int // clause → its first line

	drawn   map[drawnKey]string // lines drawn in earlier frames, with drawnSt
	drawnSt *Styles
}

// drawnKey names a line as a view draws it: the line, the cursor span
// when the cursor is on it (else empty) and the width it is padded to.
type drawnKey struct {
	line   int
	cursor segment.Span
	w      int
}

// maxDrawn bounds the lines a page keeps drawn.
const maxDrawn = 256

// drawnLine is a line drawn in an earlier frame with the same styles.
func (p *page) drawnLine(st *Styles, k drawnKey) (string, bool) {
	if p.drawnSt != st {
		return "", false
	}
	s, ok := p.drawn[k]
	return s, ok
}

// keepDrawn keeps a drawn line for the next frames.
func (p *page) keepDrawn(st *Styles, k drawnKey, s string) {
	if p.drawnSt != st || p.drawn == nil || len(p.drawn) >= maxDrawn {
		p.drawn, p.drawnSt = map[drawnKey]string{}, st
	}
	p.drawn[k] = s
}

// newPage lays out the original span [from, to) of document d at width
// cells: paragraphs split at newlines, blank runs collapsed to one empty
// line, each paragraph trimmed and wrapped with CJK line-breaking rules.
func newPage(c *Common, d int, simplified bool, from, to, width int) *page {
	doc := c.Docs[d]
	x := c.display(d, simplified)
	lo, hi := x.index(from), x.index(to)
	p := &page{doc: doc, disp: x, lo: lo, bits: make([]mark, hi-lo), width: width, first: map[int]int{}}
	blank := true // suppress blank lines at the start
	for a := lo; a < hi; {
		b := a
		for b < hi && x.runes[b] != '\n' {
			b++
		}
		pa, pb := a, b
		for pa < pb && unicode.IsSpace(x.runes[pa]) {
			pa++
		}
		for pb > pa && unicode.IsSpace(x.runes[pb-1]) {
			pb--
		}
		if pa == pb {
			if !blank {
				p.lines = append(p.lines, line{a: pa, b: pa, clause: -1, section: -1})
				blank = true
			}
		} else {
			blank = false
			// A document stored as one line (Shantou) would be one
			// paragraph: it is shown a clause per line instead.
			cuts := p.wallCuts(pa, pb)
			for k := 0; k+1 < len(cuts); k++ {
				sa, sb := cuts[k], cuts[k+1]
				for sa < sb && unicode.IsSpace(x.runes[sa]) {
					sa++
				}
				for sb > sa && unicode.IsSpace(x.runes[sb-1]) {
					sb--
				}
				if sa == sb {
					continue
				}
				for _, r := range cjk.Wrap(string(x.runes[sa:sb]), width) {
					p.lines = append(p.lines, p.newLine(sa+r.Start, sa+r.End))
				}
			}
		}
		a = b + 1
	}
	for len(p.lines) > 0 && p.lines[len(p.lines)-1].a == p.lines[len(p.lines)-1].b {
		p.lines = p.lines[:len(p.lines)-1]
	}
	if len(p.lines) == 0 {
		p.lines = []line{{a: lo, b: lo, clause: -1, section: -1}}
	}
	p.index()
	var marks []markSpan
	for _, s := range doc.Chrome {
		marks = append(marks, markSpan{s, markChrome})
	}
	for _, s := range doc.Sections {
		if s.HeadingSpan.Len() > 0 {
			marks = append(marks, markSpan{s.HeadingSpan, markHeading})
		}
	}
	if doc.TitleSpan.Len() > 0 {
		marks = append(marks, markSpan{doc.TitleSpan, markHeading})
	}
	p.apply(marks)
	return p
}

// wallCuts are where display paragraph [pa, pb) is cut into the stretches
// laid out apart: nowhere (pa, pb) for an ordinary paragraph; at every
// heading and clause for a paragraph that holds a section heading after
// its start, the sign of a document stored as one line.
func (p *page) wallCuts(pa, pb int) []int {
	x, d := p.disp, p.doc
	from, to := int(x.orig[pa]), int(x.orig[pb-1])+1
	wall := false
	for i := range d.Sections {
		if h := d.Sections[i].HeadingSpan; h.Len() > 0 && h.Start > from && h.Start < to {
			wall = true
			break
		}
	}
	if !wall {
		return []int{pa, pb}
	}
	var at []int
	for i := range d.Sections {
		if h := d.Sections[i].HeadingSpan; h.Len() > 0 && h.Start > from && h.Start < to {
			at = append(at, h.Start)
		}
	}
	for i := range d.Clauses {
		if s := d.Clauses[i].Span.Start; s > from && s < to {
			at = append(at, s)
		}
	}
	sort.Ints(at)
	cuts := []int{pa}
	for _, pos := range at {
		if k := x.index(pos); k > cuts[len(cuts)-1] && k < pb {
			cuts = append(cuts, k)
		}
	}
	return append(cuts, pb)
}

func (p *page) newLine(a, b int) line {
	pos := int(p.disp.orig[a])
	return line{a: a, b: b, clause: clauseAt(p.doc, pos), section: sectionAt(p.doc, pos)}
}

// index records the first line of every clause the page shows, including
// clauses that start in the middle of a line.
func (p *page) index() {
	cl := p.doc.Clauses
	ci := 0
	for li := range p.lines {
		ln := &p.lines[li]
		if ln.a == ln.b {
			continue
		}
		s, e := int(p.disp.orig[ln.a]), int(p.disp.orig[ln.b-1])
		for ci < len(cl) && cl[ci].Span.End <= s {
			ci++
		}
		for k := ci; k < len(cl) && cl[k].Span.Start <= e; k++ {
			if _, ok := p.first[k]; !ok {
				p.first[k] = li
			}
		}
		if ln.clause >= 0 {
			ln.first = p.first[ln.clause] == li
		}
	}
}

// apply adds highlights to the runes they cover.
func (p *page) apply(marks []markSpan) {
	for _, m := range marks {
		a, b := p.disp.index(m.span.Start), p.disp.index(m.span.End)
		a, b = max(a, p.lo), min(b, p.lo+len(p.bits))
		for i := a; i < b; i++ {
			p.bits[i-p.lo] |= m.mark
		}
	}
}

// render draws line i, with the runes inside cursor also marked as the
// cursor.
func (p *page) render(st *Styles, i int, cursor segment.Span) string {
	if i < 0 || i >= len(p.lines) {
		return ""
	}
	ln := p.lines[i]
	var b strings.Builder
	var run []rune
	cur := mark(0)
	flush := func() {
		if len(run) == 0 {
			return
		}
		if cur == 0 {
			b.WriteString(string(run))
		} else {
			b.WriteString(st.mark(cur).Render(string(run)))
		}
		run = run[:0]
	}
	for k := ln.a; k < ln.b; k++ {
		m := p.bits[k-p.lo]
		if o := int(p.disp.orig[k]); o >= cursor.Start && o < cursor.End {
			m |= markCursor
		}
		if m != cur {
			flush()
			cur = m
		}
		run = append(run, p.disp.runes[k])
	}
	flush()
	return b.String()
}

// overlaps reports whether line i shows part of the original span s.
func (p *page) overlaps(i int, s segment.Span) bool {
	if i < 0 || i >= len(p.lines) || s.Len() <= 0 {
		return false
	}
	ln := p.lines[i]
	if ln.a == ln.b {
		return false
	}
	return int(p.disp.orig[ln.a]) < s.End && int(p.disp.orig[ln.b-1]) >= s.Start
}

// lineOf is the line showing original code point pos (the last line
// starting at or before it).
func (p *page) lineOf(pos int) int {
	k := p.disp.index(pos)
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].a > k })
	return max(0, i-1)
}

// origAt is the original code point at the start of line i.
func (p *page) origAt(i int) int {
	if i < 0 || i >= len(p.lines) || p.lines[i].a >= len(p.disp.orig) {
		return p.doc.Len()
	}
	return int(p.disp.orig[p.lines[i].a])
}

// clauseAt is the clause holding original code point pos, or -1.
func clauseAt(d *segment.Document, pos int) int {
	i := sort.Search(len(d.Clauses), func(i int) bool { return d.Clauses[i].Span.End > pos })
	if i < len(d.Clauses) && d.Clauses[i].Span.Start <= pos {
		return i
	}
	return -1
}

// sectionAt is the innermost section holding pos, or -1.
func sectionAt(d *segment.Document, pos int) int {
	best := -1
	for i := range d.Sections {
		s := d.Sections[i].Span
		if s.Start <= pos && pos < s.End && (best < 0 || d.Sections[i].Level >= d.Sections[best].Level) {
			best = i
		}
	}
	return best
}
