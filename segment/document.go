// Package segment turns one raw policy document into a clean, structured,
// word-segmented Document whose every piece points back at the exact code
// points of the original text.
//
// The pipeline runs in stages, each in its own package or file:
//
//	decode     bytes → text (UTF-8, UTF-16, GB18030, HTML, .docx, Markdown)  segment/decode
//	normalize  text → comparable text with an offset map back                segment/normalize
//	markdown   Markdown syntax found and hidden, never removed               segment/markdown, markdown.go
//	chrome     web chrome lines marked, never removed                        segment/chrome
//	structure  title, header notes, issuer, dates, preamble, section tree    structure.go, notes.go, numbering.go
//	           regulations: 编/章/节/条 sections, items as clauses            regulation.go
//	clauses    section bodies → one-measure units, unit annotations          clauses.go, units.go
//	words      gse segmentation with a domain dictionary                     segment/words
//
// Structure is recovered on the normalized text (so Traditional headings,
// full-width brackets and odd spaces look like everything else; Markdown
// syntax is hidden from it) and every span is mapped back to the original
// before it is stored. Spans are [start, end) in Unicode code points of the
// decoded original, so Original[start:end] (in runes) is exactly what the
// document says there.
//
// Nothing of the body is dropped: each character after the title is in a
// clause or a heading, or is chrome, Markdown syntax, a header note or a
// unit annotation (coverage_test.go checks it, also on real regulations).
package segment

import (
	"strings"

	"citydiff/segment/words"
)

// Span is a half-open range [Start, End) of code points in a document's
// original decoded text.
type Span struct {
	Start, End int
}

// Len is the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }

// Meta is what is known about a document from outside its text (the
// built-in documents' metadata) or read from it.
type Meta struct {
	City      string
	Province  string
	Issuer    string
	Date      string // the document's own date, YYYY-MM-DD
	Published string // the date a site published it, when stated, or a regulation's promulgation (公布)
	Genre     string
}

// Script is the writing system a document is in.
type Script string

// The scripts citydiff tells apart.
const (
	Simplified  Script = "simplified"
	Traditional Script = "traditional"
)

// SectionKind tells a preamble from numbered and unnumbered sections.
type SectionKind string

// Section kinds.
const (
	Preamble   SectionKind = "preamble"
	Numbered   SectionKind = "numbered"
	Unnumbered SectionKind = "unnumbered"
)

// Section is a node of a document's section tree.
type Section struct {
	ID      string // "<doc>/<n>", n counting from 0 (the preamble) in document order
	Index   int    // position in Document.Sections
	Parent  int    // index of the parent section, -1 at the top
	Level   int    // 1 for top-level parts
	Kind    SectionKind
	Number  string // the numbering as written: "三", "十五", "11"
	Ordinal int    // the number's value, 0 when unnumbered
	Style   Style  // the numbering style
	Heading string // heading text as written in the original, without its number
	// Malformed notes numbering that had to be repaired (Ganzhou's "11开展").
	Malformed   string
	HeadingSpan Span // the heading in the original (number included)
	Span        Span // the whole section, children included
	Children    []int
	Clauses     []int // indexes of the section's own clauses (not its children's)
}

// DisplayNumber writes the section's number the way documents do: 三、,
// (十五), 1., 第二章, 第十条之一. It is empty for unnumbered sections.
func (s *Section) DisplayNumber() string {
	if s.Number == "" {
		return ""
	}
	switch s.Style {
	case HanComma, ArabicComma:
		return s.Number + "、"
	case HanParen, ArabicParen:
		return "(" + s.Number + ")"
	case ArabicDot:
		return s.Number + "."
	case Part:
		return "第" + s.Number + "编"
	case Chapter:
		return "第" + s.Number + "章"
	case SectionStyle:
		return "第" + s.Number + "节"
	case Article:
		if i := strings.Index(s.Number, "之"); i > 0 {
			return "第" + s.Number[:i] + "条" + s.Number[i:]
		}
		return "第" + s.Number + "条"
	}
	return s.Number
}

// Units are the responsible-unit annotations that follow a measure:
// (牵头单位:…;参加单位:…), (责任单位:…), (牵头部门:…).
type Units struct {
	Lead          []string `json:"lead,omitempty"`
	Participating []string `json:"participating,omitempty"`
	Responsible   []string `json:"responsible,omitempty"`
}

// Union returns the units of u and v, each name once per role, in order of
// first mention.
func (u Units) Union(v Units) Units {
	merge := func(a, b []string) []string {
		var out []string
		seen := map[string]bool{}
		for _, list := range [][]string{a, b} {
			for _, n := range list {
				if !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
		return out
	}
	return Units{
		Lead:          merge(u.Lead, v.Lead),
		Participating: merge(u.Participating, v.Participating),
		Responsible:   merge(u.Responsible, v.Responsible),
	}
}

// Empty reports whether no unit is named.
func (u Units) Empty() bool {
	return len(u.Lead) == 0 && len(u.Participating) == 0 && len(u.Responsible) == 0
}

// Clause is the smallest unit that states one measure: a sentence, or a
// part of a long sentence cut at a semicolon or before a new policy verb.
type Clause struct {
	ID      string // "<section id>/<n>", n counting from 1 within the section
	Index   int    // position in Document.Clauses
	Section int    // index of the section that holds it
	Span    Span   // in the original
	Text    string // the original text of Span
	Norm    string // the normalized text used for matching
	Units   Units
	Tokens  []words.Token // words of Norm (offsets in runes of Norm)
	// Marker is the number or bullet that opens the clause as an item: the
	// "（一）" of a regulation's item (项), the "1." of a sub-item (目), a
	// "——" or "•" bullet. It is kept out of Span and Norm, so that items do
	// not match on their numbers; empty for other clauses.
	Marker Span

	// origStart and origEnd map each rune of Norm to its code points in
	// the original (they differ where a phrase changed length).
	origStart, origEnd []int32
}

// OrigSpan maps the runes [a, b) of Norm to their span in the original.
func (c *Clause) OrigSpan(a, b int) Span {
	if len(c.origStart) == 0 || a >= b {
		return Span{c.Span.Start, c.Span.Start}
	}
	a = max(0, min(a, len(c.origStart)-1))
	b = max(a+1, min(b, len(c.origEnd)))
	return Span{int(c.origStart[a]), int(c.origEnd[b-1])}
}

// Note is a line of a regulation's header that says what happened to it
// and when: "2020年8月28日 信阳市第五届人民代表大会常务委员会第二十四次会议通过",
// or the note in brackets under a title (or the title printed again below
// them). Notes are metadata, not clauses.
type Note struct {
	Span Span
	Date string // the first date in the note, YYYY-MM-DD; "" when it has none
	// Act is what the note records, the last of 通过 批准 修正 修订 公布 发布
	// 施行 in it ("…会议通过并经…批准的《…决定》修正" records an amendment);
	// "" when it names none.
	Act string
}

// Document is one parsed policy document.
type Document struct {
	ID       string
	Name     string // file name, or "<id>.txt" for a built-in document
	Meta     Meta
	Format   string // what it was decoded from: utf-8, gb18030, html, docx…
	SHA256   string // of the original bytes
	Original string // the decoded text all spans refer to
	Script   Script

	Title       string // the document's real title, lines joined
	TitleSpan   Span
	NoticeTitle string // the notice that wraps the document, if any (Ganzhou)
	Notes       []Note // the header under the title: adopted, approved, amended…
	Preamble    Span   // between the title (and its notes) and the first heading

	Chrome []Span // web chrome, excluded from analysis
	// Footnotes are a .docx's footnotes, one line each after the body
	// ("[1] …", referenced as "[1]" in the text): kept as notes, not clauses.
	Footnotes []Span
	// Annotations are the responsible-unit annotations ((牵头单位:…)),
	// read into the clauses' Units and left out of their text.
	Annotations []Span
	// Markup is the Markdown syntax of a Markdown document (# of headings,
	// comments, emphasis marks, table pipes…), hidden from analysis.
	Markup   []Span
	Sections []Section
	Clauses  []Clause

	runes []rune
}

// Text returns the original text of a span.
func (d *Document) Text(s Span) string {
	if s.Start < 0 || s.End > len(d.runes) || s.Start >= s.End {
		return ""
	}
	return string(d.runes[s.Start:s.End])
}

// Len is the length of the original in code points.
func (d *Document) Len() int { return len(d.runes) }

// SectionUnits are the units named anywhere in a section's own clauses.
func (d *Document) SectionUnits(section int) Units {
	var u Units
	if section < 0 || section >= len(d.Sections) {
		return u
	}
	for _, c := range d.Sections[section].Clauses {
		u = u.Union(d.Clauses[c].Units)
	}
	return u
}
