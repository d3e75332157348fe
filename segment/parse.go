package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"citydiff/segment/decode"
	"citydiff/segment/normalize"
	"citydiff/segment/words"
)

// ErrNoText is the error Parse wraps for a document that holds no clause:
// only web chrome, or a regulation's title and header with no articles.
var ErrNoText = errors.New("no document text found")

// besides says what a document without text holds instead.
func (d *Document) besides() string {
	var parts []string
	if d.Title != "" {
		parts = append(parts, "a title")
	}
	if n := len(d.Notes); n > 0 {
		parts = append(parts, fmt.Sprintf("%d header notes", n))
	}
	if n := len(d.Chrome); n > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d lines of web chrome", n))
	}
	return "only " + strings.Join(parts, ", ")
}

// Input is one document to parse.
type Input struct {
	ID   string // stable id: a built-in id, or the file name without extension
	Name string // file name, for messages
	Data []byte // the original bytes
	Meta Meta   // known metadata; fields left empty are read from the text
	// Limit bounds the file's size and what a .docx may expand to, in
	// bytes; 0 means decode.DefaultLimit.
	Limit int64
}

// Parse decodes, cleans, structures and segments one document. seg may be
// nil to skip word segmentation (structure only).
func Parse(in Input, seg *words.Segmenter) (*Document, error) {
	res, err := decode.DecodeLimit(in.Name, in.Data, in.Limit)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(in.Data)
	notesAt := -1
	if res.NotesAt >= 0 {
		notesAt = utf8.RuneCountInString(res.Text[:res.NotesAt])
	}
	doc := build(in.ID, in.Name, res.Text, res.Format == decode.FormatMarkdown, notesAt, in.Meta, seg)
	doc.Format = string(res.Format)
	doc.SHA256 = hex.EncodeToString(sum[:])
	if !doc.hasWords() {
		// Punctuation alone makes clauses, thousands of them, and no text.
		return nil, fmt.Errorf("%s: %w (only punctuation and symbols: no clause has a letter or digit)", in.Name, ErrNoText)
	}
	if len(doc.Clauses) == 0 {
		return nil, fmt.Errorf("%s: %w (%s)", in.Name, ErrNoText, doc.besides())
	}
	return doc, nil
}

// hasWords reports whether the document's clauses hold a letter or a
// digit; when it has no clause at all, whether its text does.
func (d *Document) hasWords() bool {
	words := func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	}
	if len(d.Clauses) == 0 {
		return words(d.Original)
	}
	for _, c := range d.Clauses {
		if words(c.Norm) {
			return true
		}
	}
	return false
}

// FromText structures already decoded plain text. Known metadata wins over
// what the text says; what it leaves empty is read from the text.
func FromText(id, name, text string, known Meta, seg *words.Segmenter) *Document {
	return build(id, name, text, false, -1, known, seg)
}

// build structures decoded text, reading it as Markdown when md is set;
// from code point notesAt on (unless -1) the text is footnotes.
func build(id, name, text string, md bool, notesAt int, known Meta, seg *words.Segmenter) *Document {
	doc := &Document{ID: id, Name: name, Original: text, runes: []rune(text), Script: Simplified}
	p := &parser{doc: doc, norm: normalize.Normalize(text), notesAt: notesAt}
	if p.norm.Traditional() {
		doc.Script = Traditional
	}
	if md {
		p.readMarkdown()
	}
	p.nr = p.norm.Runes()
	p.splitParagraphs()
	body := p.findTitle()
	hs := p.findHeadings(body)
	p.buildSections(body, hs)
	p.buildClauses(body, hs)
	doc.Meta = merge(known, doc.Meta)
	if seg != nil {
		doc.Segment(seg)
	}
	return doc
}

func merge(known, read Meta) Meta {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	return Meta{
		City:      pick(known.City, read.City),
		Province:  pick(known.Province, read.Province),
		Issuer:    pick(known.Issuer, read.Issuer),
		Date:      pick(known.Date, read.Date),
		Published: pick(known.Published, read.Published),
		Genre:     pick(known.Genre, read.Genre),
	}
}

// Segment fills every clause's Tokens. It is safe to call from many
// goroutines on different documents once seg is loaded.
func (d *Document) Segment(seg *words.Segmenter) {
	for i := range d.Clauses {
		d.Clauses[i].Tokens = seg.Cut(d.Clauses[i].Norm)
	}
}

// buildSections turns headings into the section tree. Text between the
// title and the first heading becomes the preamble section "<id>/0".
func (p *parser) buildSections(body int, hs []heading) {
	d := p.doc
	firstHead := len(p.paras)
	if len(hs) > 0 {
		firstHead = hs[0].para
	}
	if body < firstHead {
		a, b := p.paras[body].a, p.paras[firstHead-1].b
		d.Preamble = p.orig(a, b)
		d.Sections = append(d.Sections, Section{
			ID: d.ID + "/0", Parent: -1, Level: 1, Kind: Preamble, Span: d.Preamble,
		})
	}
	var stack []int // open sections by level
	for k, h := range hs {
		x := p.paras[h.para]
		end := len(p.paras)
		if k+1 < len(hs) {
			end = hs[k+1].para
		}
		s := Section{
			ID:          d.ID + "/" + strconv.Itoa(k+1),
			Index:       len(d.Sections),
			Parent:      -1,
			Level:       h.level,
			Kind:        h.kind,
			Number:      h.m.number,
			Ordinal:     h.m.ordinal,
			Style:       h.m.style,
			Malformed:   h.malformed,
			HeadingSpan: p.orig(x.a, h.headEnd),
			Span:        p.orig(x.a, p.paras[end-1].b),
		}
		s.Heading = p.visible(p.orig(x.a+h.m.width, h.headEnd))
		for len(stack) > 0 && d.Sections[stack[len(stack)-1]].Level >= h.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			parent := stack[len(stack)-1]
			s.Parent = parent
			d.Sections[parent].Children = append(d.Sections[parent].Children, s.Index)
		}
		d.Sections = append(d.Sections, s)
		stack = append(stack, s.Index)
	}
	for i := range d.Sections {
		d.Sections[i].Index = i
	}
	// A parent's span runs to the end of its last descendant.
	for i := len(d.Sections) - 1; i >= 0; i-- {
		if par := d.Sections[i].Parent; par >= 0 && d.Sections[i].Span.End > d.Sections[par].Span.End {
			d.Sections[par].Span.End = d.Sections[i].Span.End
		}
	}
}

// body is a range of a section's own text. marker, when not empty, is the
// item number that opens it in a regulation ((一), 1.), kept out of the
// clause and recorded as its Marker.
type body struct {
	para
	marker para
}

// buildClauses cuts each section's own body text into clauses.
func (p *parser) buildClauses(from int, hs []heading) {
	d := p.doc
	sec := 0 // current section index
	if len(d.Sections) == 0 {
		return
	}
	if d.Sections[0].Kind != Preamble {
		sec = -1
	}
	next := 0 // next heading
	var ranges []body
	flush := func() {
		if sec >= 0 && len(ranges) > 0 {
			p.addClauses(sec, ranges)
		}
		ranges = nil
	}
	for i := from; i < len(p.paras); i++ {
		x := p.paras[i]
		if next < len(hs) && hs[next].para == i {
			flush()
			h := hs[next]
			sec = p.sectionForHeading(next)
			next++
			if h.bodyStart < x.b {
				if h.kind == Numbered && h.headEnd < h.bodyStart && len(d.Sections[sec].Children) == 0 {
					// The run-in heading of an item states its measure
					// too (19、坚持和发展新时代“枫桥经验”,做大做强“寻乌经验”。…):
					// it is a clause as well as the item's title.
					ranges = append(ranges, body{para: para{x.a + h.m.width, h.bodyStart}})
				}
				ranges = append(ranges, body{para: para{h.bodyStart, x.b}})
			}
			continue
		}
		if m, ok := p.itemMarker(x); ok && p.regulation {
			ranges = append(ranges, body{para{m.b, x.b}, m})
			continue
		}
		ranges = append(ranges, body{para: x})
	}
	flush()
}

// sectionForHeading maps the k-th heading to its section index.
func (p *parser) sectionForHeading(k int) int {
	if len(p.doc.Sections) > 0 && p.doc.Sections[0].Kind == Preamble {
		return k + 1
	}
	return k
}
