package decode

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility, whose <mc:Fallback> repeats the content of <mc:Choice>.
const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsCompat     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// The parts of a .docx whose text is read.
const (
	partDocument  = "word/document.xml"
	partFootnotes = "word/footnotes.xml"
)

// docxText extracts the text of a Word .docx file: one line per paragraph
// (w:p) and one per table row (w:tr, its cells separated by tabs), text
// from w:t, w:tab as a tab and w:br/w:cr as a newline. A footnote
// reference becomes its number in brackets ("[1]"), and the footnotes
// follow the body, one line each ("[1] …"); notesAt is the byte offset in
// the text where they start (-1 when there are none).
//
// The XML parts are decompressed as a stream against one budget of limit
// bytes in all, so a zip bomb is refused after at most limit bytes of work
// and memory, whatever its headers claim.
func docxText(data []byte, limit int64) (text string, notesAt int, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", -1, fmt.Errorf("corrupt or truncated zip/.docx file (%v)", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		if f.Name == partDocument || f.Name == partFootnotes {
			parts[f.Name] = f
		}
	}
	if parts[partDocument] == nil {
		return "", -1, errors.New("zip archive without word/document.xml, not a .docx document")
	}
	budget := &budgetReader{left: limit, limit: limit}
	var notes map[string]string
	if f := parts[partFootnotes]; f != nil {
		if notes, err = readPart(f, budget, footnotesText); err != nil {
			return "", -1, err
		}
	}
	body, err := readPart(parts[partDocument], budget, func(r io.Reader) (documentBody, error) {
		return documentText(r, notes)
	})
	if err != nil {
		return "", -1, err
	}
	text, notesAt = body.text, -1
	if tail := footnoteLines(body.refs, notes); tail != "" {
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		notesAt = len(text)
		text += tail
	}
	return text, notesAt, nil
}

// readPart opens a part of the archive and reads it with read through the
// shared budget.
func readPart[T any](f *zip.File, budget *budgetReader, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	if f.UncompressedSize64 > uint64(budget.left) {
		// An honest header: refuse before decompressing anything.
		return zero, budget.tooLarge(f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return zero, fmt.Errorf("corrupt .docx: cannot open %s (%v)", f.Name, err)
	}
	defer rc.Close()
	budget.r, budget.name = rc, f.Name
	v, err := read(budget)
	if errors.Is(err, ErrTooLarge) {
		return zero, err
	}
	if err != nil {
		return zero, fmt.Errorf("corrupt .docx: %s: %v", f.Name, err)
	}
	return v, nil
}

// documentBody is the text of word/document.xml and the footnotes it
// refers to, by id in order of first reference.
type documentBody struct {
	text string
	refs []string
}

// docxWriter accumulates the text of a WordprocessingML part.
type docxWriter struct {
	b      strings.Builder
	inRun  int  // w:tab and w:br outside runs (e.g. tab stops) are not text
	inCell int  // depth of table cells: paragraphs inside a row do not end lines
	cells  int  // cells begun on the current (outermost) table row
	cellAt int  // length of b where the current cell's text starts
	gap    bool // a paragraph or break inside a cell ended: a space before more text
}

func (w *docxWriter) text(s []byte) {
	if len(s) == 0 {
		return
	}
	if w.gap && w.b.Len() > w.cellAt {
		w.b.WriteByte(' ')
	}
	w.gap = false
	w.b.Write(s)
}

// lineEnd ends a paragraph or a line break: a newline outside tables, a
// space inside a cell, so that a table row stays one line.
func (w *docxWriter) lineEnd() {
	if w.inCell > 0 {
		w.gap = true
		return
	}
	w.b.WriteByte('\n')
}

// element handles the WordprocessingML start and end tags that shape the
// text.
func (w *docxWriter) element(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
			return
		}
		switch t.Name.Local {
		case "r":
			w.inRun++
		case "tr":
			if w.inCell == 0 {
				w.cells = 0
			}
		case "tc":
			if w.inCell == 0 {
				if w.cells > 0 {
					w.b.WriteByte('\t') // after the cell before it on this row
				}
				w.cells++
			}
			w.inCell++
			w.cellAt, w.gap = w.b.Len(), false
		case "tab":
			if w.inRun > 0 {
				w.b.WriteByte('\t')
			}
		case "br", "cr":
			if w.inRun > 0 {
				w.lineEnd()
			}
		}
	case xml.EndElement:
		if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
			return
		}
		switch t.Name.Local {
		case "r":
			w.inRun = max(w.inRun-1, 0)
		case "p":
			w.lineEnd()
		case "tc":
			w.inCell = max(w.inCell-1, 0)
			w.gap = w.inCell > 0
		case "tr":
			if w.inCell == 0 {
				w.b.WriteByte('\n')
			}
		}
	}
}

// walk reads the XML of a part, handing each token to visit after skipping
// markup-compatibility fallbacks; visit may consume the element's content.
func walk(r io.Reader, visit func(d *xml.Decoder, tok xml.Token) error) error {
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Space == nsCompat && t.Name.Local == "Fallback" {
			if err := d.Skip(); err != nil {
				return err
			}
			continue
		}
		if err := visit(d, tok); err != nil {
			return err
		}
	}
}

func isWord(n xml.Name, local string) bool {
	return (n.Space == nsWord || n.Space == nsWordStrict) && n.Local == local
}

// attr returns the value of the WordprocessingML attribute local.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if isWord(a.Name, local) {
			return a.Value
		}
	}
	return ""
}

// documentText walks the XML of word/document.xml. notes are the footnotes
// by id; a reference to one becomes "[n]", n counting distinct references.
func documentText(r io.Reader, notes map[string]string) (documentBody, error) {
	var w docxWriter
	number := map[string]int{}
	var refs []string
	err := walk(r, func(d *xml.Decoder, tok xml.Token) error {
		if t, ok := tok.(xml.StartElement); ok {
			switch {
			case isWord(t.Name, "t"):
				return appendCharData(d, &w)
			case isWord(t.Name, "footnoteReference"):
				id := attr(t, "id")
				if _, ok := notes[id]; !ok {
					return nil
				}
				if number[id] == 0 {
					refs = append(refs, id)
					number[id] = len(refs)
				}
				w.text([]byte("[" + strconv.Itoa(number[id]) + "]"))
				return nil
			}
		}
		w.element(tok)
		return nil
	})
	return documentBody{text: w.b.String(), refs: refs}, err
}

// footnotesText reads word/footnotes.xml into the text of each footnote by
// id, its paragraphs joined by spaces. The separator "footnotes" Word keeps
// there (w:type separator, continuationSeparator…) hold no text and are
// left out.
func footnotesText(r io.Reader) (map[string]string, error) {
	notes := map[string]string{}
	var w *docxWriter
	var id string
	err := walk(r, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if isWord(t.Name, "footnote") {
				w, id = &docxWriter{inCell: 1}, attr(t, "id") // inCell: one line per note
				if typ := attr(t, "type"); typ != "" && typ != "normal" {
					w = nil
				}
				return nil
			}
			if w != nil && isWord(t.Name, "t") {
				return appendCharData(d, w)
			}
		case xml.EndElement:
			if isWord(t.Name, "footnote") {
				if w != nil {
					if s := strings.TrimSpace(strings.ReplaceAll(w.b.String(), "\n", " ")); s != "" {
						notes[id] = s
					}
				}
				w = nil
				return nil
			}
		}
		if w != nil {
			w.element(tok)
		}
		return nil
	})
	return notes, err
}

// footnoteLines renders the footnotes after the body: the referenced ones
// by number, then any never referenced, by id, so that none is lost.
func footnoteLines(refs []string, notes map[string]string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for i, id := range refs {
		seen[id] = true
		fmt.Fprintf(&b, "[%d] %s\n", i+1, notes[id])
	}
	var rest []string
	for id := range notes {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		a, errA := strconv.Atoi(rest[i])
		b, errB := strconv.Atoi(rest[j])
		if errA == nil && errB == nil {
			return a < b
		}
		return rest[i] < rest[j]
	})
	for _, id := range rest {
		fmt.Fprintf(&b, "[%s] %s\n", id, notes[id])
	}
	return b.String()
}

// appendCharData appends the text content of the element just started, up
// to its end tag.
func appendCharData(d *xml.Decoder, w *docxWriter) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			w.text(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// budgetReader reads the parts of one archive against a single budget of
// decompressed bytes, failing with ErrTooLarge once it is spent.
type budgetReader struct {
	r     io.Reader
	name  string // the part being read, for the error
	left  int64
	limit int64
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// Spent: the part may still end here; any byte more is too many.
		var one [1]byte
		if n, err := b.r.Read(one[:]); n == 0 && err != nil {
			return 0, err
		}
		return 0, b.tooLarge(b.name)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *budgetReader) tooLarge(part string) error {
	return fmt.Errorf("%w: %s expands past %s", ErrTooLarge, part, SizeString(b.limit))
}
