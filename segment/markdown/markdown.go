// Package markdown finds the syntax of a Markdown document, so that the
// structure pass can read its text without the marks while every span still
// points into the source.
//
// Local regulations reach citydiff as Markdown (LawRefBook/Laws publishes
// some two thousand): a "# title" line, header lines, an HTML comment, "##"
// chapter headings and one paragraph per line. Rendering the Markdown, or
// stripping it into a new string, would lose the offsets the reports and the
// reader rely on. Parse therefore never rewrites: it returns what each line
// is (Blocks) and which runs of code points are syntax (Marks), and the
// caller hides the marks in its normalized copy (normalize.Text.Edit).
//
// The reading is CommonMark's, simplified where Chinese documents need it:
//
//   - Every line is a paragraph of its own, as in plain text. A line break
//     inside a CommonMark paragraph would join two lines, but documents
//     converted to Markdown put one paragraph per line, and an article
//     (第二条 …) directly under the previous one must stay an article.
//   - Lines indented by four spaces are text, not code: Chinese documents
//     indent their paragraphs.
//   - "#标题" with no space is a heading too when a non-ASCII character
//     follows the hashes, as many Chinese editors write it.
//   - Emphasis (* _ ** __ and GFM ~~) opens before a non-space and closes
//     after one, whatever the punctuation around it: the CommonMark flanking
//     rules leave **“重点”**工作 unclosed, which no Chinese author means.
//     A single ~ is text (3~5年 is a range).
//   - An ordered list's number (1. 2.) is the document's own numbering and
//     stays text; a bullet (- * +) is syntax.
//
// Also recognised: setext headings, block quotes, GFM tables (pipes become
// spaces between cells), fenced code (kept as written), thematic breaks,
// HTML comments and tags, front matter, links and images (the text stays,
// the URL is syntax), code spans and backslash escapes. Not recognised:
// reference links and definitions, entity references (&nbsp;), footnotes.
package markdown

import (
	"sort"
	"strings"
)

// Span is a half-open range [Start, End) of code points of the source.
type Span struct {
	Start, End int
}

// Kind is what a line of the source is.
type Kind int

// Kinds of lines.
const (
	Paragraph Kind = iota // ordinary text
	Heading               // ATX (# …) or setext heading, Level 1–6
	ListItem              // a bulleted or numbered list item
	TableRow              // a row of a GFM table (not its delimiter row)
	Code                  // a line inside a fenced code block, kept as written
	Comment               // part of an HTML comment standing on lines of its own
	Syntax                // nothing but syntax: front matter, a fence, a thematic break, a table's delimiter row, a setext underline
)

var kindNames = [...]string{"paragraph", "heading", "list item", "table row", "code", "comment", "syntax"}

func (k Kind) String() string { return kindNames[k] }

// Block is one non-blank line of the source.
type Block struct {
	Kind  Kind
	Level int  // heading level, 1–6; 0 for other kinds
	Line  Span // the whole line, syntax included, newline excluded
	// Text is the line's content without its block syntax (the hashes of a
	// heading, a bullet, a quote's >), spaces trimmed. Inline syntax inside
	// it is listed in Doc.Marks. Empty for Comment and Syntax lines.
	Text Span
}

// Mark is a run of syntax. The reader drops it, or, when With is not 0,
// reads the whole run as the one rune With (a table's inner pipe reads as a
// space between its cells).
type Mark struct {
	Span
	With rune
}

// Doc is what Parse found: one block per non-blank line, in order, and the
// syntax, sorted and not overlapping.
type Doc struct {
	Blocks []Block
	Marks  []Mark
}

// Parse reads the Markdown syntax of src. Offsets are code points of src,
// whose lines end in "\n" (decode has turned CRLF and CR into LF). It runs in
// time linear in the length of src.
func Parse(src string) *Doc {
	p := &parser{src: []rune(src), doc: &Doc{}}
	p.lines()
	sort.Slice(p.doc.Marks, func(i, j int) bool { return p.doc.Marks[i].Start < p.doc.Marks[j].Start })
	p.doc.Marks = apart(p.doc.Marks)
	return p.doc
}

// apart drops each mark that overlaps the one kept before it. Overlaps come
// from readings that disagree (a link found inside another link's text whose
// syntax runs past it); when in doubt the text stays visible.
func apart(ms []Mark) []Mark {
	out := ms[:0]
	end := 0
	for _, m := range ms {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

type parser struct {
	src []rune
	doc *Doc
}

func (p *parser) mark(a, b int, with rune) {
	if a < b {
		p.doc.Marks = append(p.doc.Marks, Mark{Span{a, b}, with})
	}
}

func (p *parser) block(k Kind, level int, line, text Span) {
	p.doc.Blocks = append(p.doc.Blocks, Block{Kind: k, Level: level, Line: line, Text: text})
}

// lines classifies each line and marks its syntax.
func (p *parser) lines() {
	var spans []Span
	start := 0
	for i, r := range p.src {
		if r == '\n' {
			spans = append(spans, Span{start, i})
			start = i + 1
		}
	}
	if start < len(p.src) {
		spans = append(spans, Span{start, len(p.src)})
	}
	first := 0
	if n := p.frontMatter(spans); n > 0 {
		first = n
	}
	var fence string // the opening fence while inside fenced code
	inComment, inTable, afterPara := false, false, false
	for k := first; k < len(spans); k++ {
		ln := spans[k]
		s := p.indent(ln)
		rest := string(p.src[s:ln.End])
		switch {
		case inComment:
			p.wholeLine(Comment, ln)
			inComment = !strings.Contains(rest, "-->")
			continue
		case fence != "":
			if isFenceClose(rest, fence) {
				p.wholeLine(Syntax, ln)
				fence = ""
			} else {
				p.block(Code, 0, ln, ln)
			}
			continue
		case strings.TrimSpace(rest) == "":
			inTable, afterPara = false, false
			continue
		}
		wasPara := afterPara
		afterPara = false
		if s-ln.Start <= 3 {
			switch {
			case strings.HasPrefix(rest, "<!--"):
				p.wholeLine(Comment, ln)
				inComment = !strings.Contains(rest[4:], "-->")
				continue
			case fenceOpen(rest) != "":
				fence = fenceOpen(rest)
				p.wholeLine(Syntax, ln)
				continue
			case wasPara && setextLevel(rest) > 0:
				prev := &p.doc.Blocks[len(p.doc.Blocks)-1]
				prev.Kind, prev.Level = Heading, setextLevel(rest)
				p.wholeLine(Syntax, ln)
				continue
			case isBreak(rest):
				p.wholeLine(Syntax, ln)
				continue
			}
		}
		if inTable || (k+1 < len(spans) && hasPipe(rest) && isDelimiterRow(string(p.src[spans[k+1].Start:spans[k+1].End]))) {
			if isDelimiterRow(rest) {
				p.wholeLine(Syntax, ln)
			} else {
				p.tableRow(ln, s)
			}
			inTable = true
			continue
		}
		afterPara = p.content(ln, s)
	}
}

// content reads a line that is not fenced code, a comment, a break or a
// table: block quote markers, then a heading, a list item or a paragraph.
// It reports whether the line was a paragraph (a setext underline may follow).
func (p *parser) content(ln Span, s int) bool {
	// Block quotes: each > and one space after it are syntax.
	for s < ln.End && p.src[s] == '>' {
		e := s + 1
		if e < ln.End && p.src[e] == ' ' {
			e++
		}
		p.mark(s, e, 0)
		s = p.skipSpaces(e, ln.End)
	}
	if level, e := p.atx(s, ln.End); level > 0 {
		text := p.headingText(e, ln.End)
		p.mark(s, text.Start, 0)
		p.mark(text.End, ln.End, 0)
		p.block(Heading, level, ln, text)
		p.inline(text.Start, text.End)
		return false
	}
	if e := p.bullet(s, ln.End); e > s {
		p.mark(s, e, 0)
		text := p.trim(e, ln.End)
		p.block(ListItem, 0, ln, text)
		p.inline(text.Start, text.End)
		return false
	}
	text := p.trim(s, ln.End)
	kind := Paragraph
	if ordered(p.src[s:ln.End]) {
		kind = ListItem
	}
	p.block(kind, 0, ln, text)
	p.inline(text.Start, text.End)
	return kind == Paragraph
}

// frontMatter returns the number of lines of YAML (---) or TOML (+++) front
// matter at the top of the document, 0 when there is none.
func (p *parser) frontMatter(lines []Span) int {
	if len(lines) < 2 {
		return 0
	}
	open := strings.TrimRight(string(p.src[lines[0].Start:lines[0].End]), " \t")
	if open != "---" && open != "+++" {
		return 0
	}
	for k := 1; k < len(lines); k++ {
		l := strings.TrimRight(string(p.src[lines[k].Start:lines[k].End]), " \t")
		if l == open || (open == "---" && l == "...") {
			for j := 0; j <= k; j++ {
				p.wholeLine(Syntax, lines[j])
			}
			return k + 1
		}
	}
	return 0
}

// wholeLine records a line that is all syntax.
func (p *parser) wholeLine(k Kind, ln Span) {
	if strings.TrimSpace(string(p.src[ln.Start:ln.End])) == "" {
		return
	}
	p.mark(ln.Start, ln.End, 0)
	p.block(k, 0, ln, Span{ln.Start, ln.Start})
}

// tableRow marks the pipes of a table row: the outer ones are dropped, the
// inner ones read as a space between cells. Escaped pipes (\|) are text.
func (p *parser) tableRow(ln Span, s int) {
	text := p.trim(s, ln.End)
	var pipes []int
	for i := text.Start; i < text.End; i++ {
		switch p.src[i] {
		case '\\':
			i++
		case '|':
			pipes = append(pipes, i)
		}
	}
	cellStart := text.Start
	for n, i := range pipes {
		with := ' '
		if i == text.Start || (n == len(pipes)-1 && i == text.End-1) {
			with = 0
		}
		p.mark(i, i+1, with)
		p.inline(cellStart, i)
		cellStart = i + 1
	}
	p.inline(cellStart, text.End)
	if len(pipes) > 0 && pipes[0] == text.Start {
		text.Start = p.skipSpaces(text.Start+1, text.End)
	}
	if n := len(pipes); n > 0 && pipes[n-1] == text.End-1 && text.End-1 >= text.Start {
		text = p.trim(text.Start, text.End-1)
	}
	p.block(TableRow, 0, ln, text)
}

// atx reads the opening hashes of an ATX heading at s and returns its level
// and where its text may start, or level 0.
func (p *parser) atx(s, end int) (level, textStart int) {
	i := s
	for i < end && p.src[i] == '#' {
		i++
	}
	n := i - s
	if n == 0 || n > 6 {
		return 0, 0
	}
	switch {
	case i == end:
	case p.src[i] == ' ' || p.src[i] == '\t':
	case p.src[i] > 0x7F: // "#标题", as Chinese editors write it
	default:
		return 0, 0
	}
	return n, p.skipSpaces(i, end)
}

// headingText is the text of an ATX heading between a and end: spaces
// trimmed, and a closing run of hashes dropped when a space precedes it.
func (p *parser) headingText(a, end int) Span {
	t := p.trim(a, end)
	e := t.End
	for e > t.Start && p.src[e-1] == '#' {
		e--
	}
	if e == t.Start || p.src[e-1] == ' ' || p.src[e-1] == '\t' {
		return p.trim(t.Start, e)
	}
	return t
}

// bullet returns where the text of a bulleted list item starts, or s when
// the line is not one.
func (p *parser) bullet(s, end int) int {
	if s+1 >= end || !strings.ContainsRune("-*+", p.src[s]) || (p.src[s+1] != ' ' && p.src[s+1] != '\t') {
		return s
	}
	return p.skipSpaces(s+1, end)
}

// ordered reports whether a line starts like an ordered list item: up to
// nine digits, "." or ")", and a space.
func ordered(r []rune) bool {
	i := 0
	for i < len(r) && i < 9 && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(r) && (r[i] == '.' || r[i] == ')') && (r[i+1] == ' ' || r[i+1] == '\t')
}

func (p *parser) indent(ln Span) int {
	return p.skipSpaces(ln.Start, ln.End)
}

func (p *parser) skipSpaces(i, end int) int {
	for i < end && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	return i
}

// trim shrinks [a, b) past ASCII spaces and tabs at both ends.
func (p *parser) trim(a, b int) Span {
	a = p.skipSpaces(a, b)
	for b > a && (p.src[b-1] == ' ' || p.src[b-1] == '\t') {
		b--
	}
	return Span{a, b}
}

// fenceOpen returns the fence (``` or ~~~, three or more) a line opens with,
// or "".
func fenceOpen(line string) string {
	for _, c := range []string{"`", "~"} {
		n := len(line) - len(strings.TrimLeft(line, c))
		if n >= 3 && !(c == "`" && strings.Contains(line[n:], "`")) {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

func isFenceClose(line, fence string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

// setextLevel returns 1 for a line of =, 2 for a line of -, else 0.
func setextLevel(line string) int {
	t := strings.TrimRight(line, " \t")
	switch {
	case t != "" && strings.Trim(t, "=") == "":
		return 1
	case t != "" && strings.Trim(t, "-") == "":
		return 2
	}
	return 0
}

// isBreak reports whether a line is a thematic break: three or more of the
// same - * or _, with spaces between allowed.
func isBreak(line string) bool {
	t := strings.ReplaceAll(strings.ReplaceAll(line, " ", ""), "\t", "")
	return len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.ContainsAny(t[:1], "-*_")
}

func hasPipe(line string) bool {
	return strings.Contains(strings.ReplaceAll(line, `\|`, ""), "|")
}

// isDelimiterRow reports whether a line is a GFM table's delimiter row:
// cells of dashes with optional alignment colons, separated by pipes.
func isDelimiterRow(line string) bool {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "-") || (!strings.Contains(t, "|") && !strings.Contains(t, ":")) {
		return false
	}
	t = strings.Trim(t, "|")
	for _, cell := range strings.Split(t, "|") {
		c := strings.Trim(strings.TrimSpace(cell), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}
