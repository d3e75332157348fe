package eval

import (
	"fmt"
	"strings"
	"unicode"

	"citydiff/segment"
	"citydiff/segment/normalize"
)

// Place is where an anchor lies in an analysed document.
type Place struct {
	Doc    int          // index into the documents
	Clause int          // index into the document's clauses; -1 when the text is in none
	Span   segment.Span // the quote (or the scope) in the original
	// Heading is set when the quote lies in a section heading. A heading
	// names what its section's clauses spell out, so the place stands for
	// all of them (Clause is the first): a label on a heading is met when
	// any of them is.
	Heading bool
	Under   []int // with Heading: the clauses of the section (its own, else its subtree's)
}

// clauses are the clauses a place stands for.
func (p Place) clauses() []int {
	if p.Heading {
		return p.Under
	}
	if p.Clause < 0 {
		return nil
	}
	return []int{p.Clause}
}

// folded is a document's normalized text without white space, with the
// way back to the original and the places where a line starts (articles
// start lines).
type folded struct {
	runes     []rune
	orig      []segment.Span // folded rune → span in the original
	lineStart []bool
}

func fold(original string) folded {
	n := normalize.Normalize(original)
	var f folded
	start := true
	for i, r := range n.Runes() {
		if r == '\n' {
			start = true
			continue
		}
		if unicode.IsSpace(r) {
			continue
		}
		s, e := n.Orig(i, i+1)
		f.runes = append(f.runes, r)
		f.orig = append(f.orig, segment.Span{Start: s, End: e})
		f.lineStart = append(f.lineStart, start)
		start = false
	}
	return f
}

// foldQuote is a quote as the folded text would hold it.
func foldQuote(q string) []rune {
	var out []rune
	for _, r := range normalize.Normalize(q).Runes() {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

func (f *folded) find(q []rune, from, to int) []int {
	var hits []int
	for i := from; i+len(q) <= to; i++ {
		if f.runes[i] == q[0] && string(f.runes[i:i+len(q)]) == string(q) {
			hits = append(hits, i)
		}
	}
	return hits
}

// articleStart reports whether a line of the folded text starting at i
// opens an article, chapter or section (第…条/章/节) or is a Markdown heading.
func (f *folded) articleStart(i int) bool {
	if !f.lineStart[i] {
		return false
	}
	if f.runes[i] == '#' {
		return true
	}
	if f.runes[i] != '第' {
		return false
	}
	for k := i + 1; k < len(f.runes) && k < i+8; k++ {
		switch r := f.runes[k]; {
		case r == '条' || r == '章' || r == '节' || r == '编':
			return k > i+1
		case strings.ContainsRune("零〇一二三四五六七八九十百千", r) || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return false
}

// locator finds anchors in the documents of one analysis.
type locator struct {
	docs  []*segment.Document
	byID  map[string]int
	texts map[int]*folded
}

func newLocator(docs []*segment.Document) *locator {
	l := &locator{docs: docs, byID: map[string]int{}, texts: map[int]*folded{}}
	for i, d := range docs {
		l.byID[d.ID] = i
	}
	return l
}

func (l *locator) text(doc int) *folded {
	if f, ok := l.texts[doc]; ok {
		return f
	}
	f := fold(l.docs[doc].Original)
	l.texts[doc] = &f
	return &f
}

// locate finds an anchor. Its errors say what is wrong with the label.
func (l *locator) locate(a Anchor) (Place, error) {
	di, ok := l.byID[a.Doc]
	if !ok {
		return Place{}, fmt.Errorf("no document %q among the inputs", a.Doc)
	}
	d := l.docs[di]
	f := l.text(di)
	from, to := 0, len(f.runes)
	scope := ""
	if a.At != "" {
		if ci := clauseByID(d, a.At); ci >= 0 {
			if a.Quote == "" {
				return Place{Doc: di, Clause: ci, Span: d.Clauses[ci].Span}, nil
			}
			from, to = f.within(d.Clauses[ci].Span)
		} else {
			at := foldQuote(a.At)
			var starts []int
			for _, h := range f.find(at, 0, len(f.runes)) {
				if f.articleStart(h) {
					starts = append(starts, h)
				}
			}
			switch len(starts) {
			case 0:
				return Place{}, fmt.Errorf("%s: no article or clause %q", a.Doc, a.At)
			case 1:
			default:
				return Place{}, fmt.Errorf("%s: %q starts %d articles", a.Doc, a.At, len(starts))
			}
			from, to = starts[0], len(f.runes)
			for k := from + 1; k < len(f.runes); k++ {
				if f.articleStart(k) {
					to = k
					break
				}
			}
		}
		scope = " in " + a.At
	}
	if a.Quote == "" {
		span := segment.Span{Start: f.orig[from].Start, End: f.orig[to-1].End}
		return placeAt(di, d, span), nil
	}
	q := foldQuote(a.Quote)
	if len(q) == 0 {
		return Place{}, fmt.Errorf("%s: the quote is only white space", a.Doc)
	}
	hits := f.find(q, from, to)
	switch len(hits) {
	case 0:
		return Place{}, fmt.Errorf("%s: quote %q not found%s", a.Doc, a.Quote, scope)
	case 1:
	default:
		return Place{}, fmt.Errorf("%s: quote %q found %d times%s; quote more, or give at_", a.Doc, a.Quote, len(hits), scope)
	}
	span := segment.Span{Start: f.orig[hits[0]].Start, End: f.orig[hits[0]+len(q)-1].End}
	return placeAt(di, d, span), nil
}

// within maps a span of the original to the folded runes inside it.
func (f *folded) within(s segment.Span) (from, to int) {
	from, to = len(f.runes), 0
	for i, o := range f.orig {
		if o.Start >= s.Start && o.End <= s.End {
			from, to = min(from, i), max(to, i+1)
		}
	}
	if from > to {
		return 0, 0
	}
	return from, to
}

func clauseByID(d *segment.Document, id string) int {
	for i := range d.Clauses {
		if d.Clauses[i].ID == id {
			return i
		}
	}
	return -1
}

// clauseAt is the clause holding most of a span of the original: the
// clause that holds its middle, else the one that overlaps it most; -1 when
// the text is in no clause (a heading, or text the engine dropped).
func clauseAt(d *segment.Document, s segment.Span) int {
	mid := (s.Start + s.End) / 2
	best, overlap := -1, 0
	for i := range d.Clauses {
		c := d.Clauses[i].Span
		if c.Start <= mid && mid < c.End {
			return i
		}
		if o := min(c.End, s.End) - max(c.Start, s.Start); o > overlap {
			best, overlap = i, o
		}
	}
	return best
}

// placeAt resolves a span to its clause, or, for a quote in a section
// heading, to the first clause under that heading.
func placeAt(di int, d *segment.Document, s segment.Span) Place {
	p := Place{Doc: di, Clause: clauseAt(d, s), Span: s}
	if p.Clause >= 0 {
		return p
	}
	for si := range d.Sections {
		h := d.Sections[si].HeadingSpan
		if h.Start <= s.Start && s.End <= h.End {
			p.Under = clausesUnder(d, si)
			if len(p.Under) > 0 {
				p.Heading = true
				p.Clause = p.Under[0]
			}
			return p
		}
	}
	return p
}

// clausesUnder are a section's own clauses, or when it has none (a part
// made only of numbered items), the clauses of its whole subtree.
func clausesUnder(d *segment.Document, si int) []int {
	if own := d.Sections[si].Clauses; len(own) > 0 {
		return own
	}
	var out []int
	var walk func(int)
	walk = func(s int) {
		out = append(out, d.Sections[s].Clauses...)
		for _, c := range d.Sections[s].Children {
			walk(c)
		}
	}
	walk(si)
	return out
}
