package segment

import (
	"sort"
	"strings"

	"citydiff/segment/markdown"
)

// infoEnd is the comment with which LawRefBook/Laws ends a regulation's
// header ("<!-- INFO END -->"): every line between the title and it is a
// note on the regulation's adoption, approval and amendments.
const infoEnd = "INFO END"

// mdState is what the structure pass knows of a Markdown document.
type mdState struct {
	doc *markdown.Doc
	// infoEnd is where the INFO END comment starts in the original, -1
	// when the document has none.
	infoEnd int
}

// readMarkdown finds the Markdown syntax of the original, records it as
// Markup and hides it from the normalized text the structure pass reads:
// "## 第一章  总则" reads as 第一章  总则, "**遵守**" as 遵守, a table's inner
// pipes as spaces. Spans of the structure pass then never hold syntax.
func (p *parser) readMarkdown() {
	md := markdown.Parse(p.doc.Original)
	p.md = &mdState{doc: md, infoEnd: -1}
	for _, b := range md.Blocks {
		if b.Kind == markdown.Comment && strings.Contains(p.doc.Text(Span(b.Line)), infoEnd) {
			p.md.infoEnd = b.Line.Start
			break
		}
	}
	for _, m := range md.Marks {
		if n := len(p.doc.Markup); n > 0 && p.doc.Markup[n-1].End == m.Start {
			p.doc.Markup[n-1].End = m.End
			continue
		}
		p.doc.Markup = append(p.doc.Markup, Span(m.Span))
	}
	norm, k := p.norm, 0
	p.norm = norm.Edit(func(i int, r rune) rune {
		// A normalized rune is its last code point: invisible characters
		// dropped by normalization join the rune after them.
		_, e := norm.Orig(i, i+1)
		at := e - 1
		for k < len(md.Marks) && md.Marks[k].End <= at {
			k++
		}
		if k == len(md.Marks) || at < md.Marks[k].Start || r == '\n' {
			return r
		}
		if at == md.Marks[k].Start && md.Marks[k].With != 0 {
			return md.Marks[k].With
		}
		return -1
	})
}

// block returns the Markdown block of the line that holds original offset
// pos, or nil for plain text and for offsets outside any block.
func (p *parser) block(pos int) *markdown.Block {
	if p.md == nil {
		return nil
	}
	bs := p.md.doc.Blocks
	i := sort.Search(len(bs), func(i int) bool { return bs[i].Line.End > pos })
	if i < len(bs) && bs[i].Line.Start <= pos {
		return &bs[i]
	}
	return nil
}

// mdHeading returns the level of the Markdown heading a paragraph is, 0
// when it is not one.
func (p *parser) mdHeading(x para) int {
	if b := p.block(p.orig(x.a, x.b).Start); b != nil && b.Kind == markdown.Heading {
		return b.Level
	}
	return 0
}
