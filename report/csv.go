package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"citydiff/compare"
)

// bom starts every CSV file so that Excel reads it as UTF-8.
const bom = "\uFEFF"

// unitSep joins several unit names in one CSV cell, as the documents do.
const unitSep = "、"

// Table is one CSV file of a report; Write streams it.
type Table struct {
	Name  string // "measures.csv" …
	Write func(io.Writer) error
}

// CSV renders the report as tables in long form, one row per thing, for
// spreadsheets, R or pandas:
//
//	measures.csv           one row per measure: id, label, kind,
//	                       similarity, shared (documents), clauses, alignment
//	measure_documents.csv  one row per clause of a measure: measure,
//	                       document, clause
//	clauses.csv            one row per clause: document, id, section,
//	                       measure, start, end, text, lead, participating,
//	                       responsible
//	sections.csv           one row per section: document, id, parent,
//	                       level, kind, number, heading, start, end
//	passages.csv           one row per reused passage: a, b, a_start,
//	                       a_end, b_start, b_end, tokens, score, a_text,
//	                       b_text
//	alignments.csv         one row per aligned section: alignment, label,
//	                       score, document, section, number, heading
//	similarity.csv         one row per listed document pair: a, b,
//	                       shared_measures, score
//	documents.csv          one row per document with its metadata and sha256
//	parameters.csv         tool, version, schema and every parameter
//
// Files are UTF-8 with a BOM and "\n" line ends. Every text cell is
// quoted and numbers never are, so a reader that takes quoted cells as
// text (Python's csv.QUOTE_NONNUMERIC) keeps an id like "001" as text; a
// text cell that a spreadsheet would run as a formula (starting with = +
// - @, a tab or a carriage return) gets a leading apostrophe.
func CSV(r *compare.Result, m Meta) ([]Table, error) {
	src, err := newSource(r, m)
	if err != nil {
		return nil, err
	}
	table := func(name string, rows func(*csvWriter) error) Table {
		return Table{Name: name, Write: func(w io.Writer) error {
			cw := &csvWriter{w: bufio.NewWriterSize(w, 64<<10)}
			cw.raw(bom)
			if err := rows(cw); err != nil {
				return err
			}
			return cw.flush()
		}}
	}
	return []Table{
		table("measures.csv", src.measureRows),
		table("measure_documents.csv", src.measureDocumentRows),
		table("clauses.csv", src.clauseRows),
		table("sections.csv", src.sectionRows),
		table("passages.csv", src.passageRows),
		table("alignments.csv", src.alignmentRows),
		table("similarity.csv", src.similarityRows),
		table("documents.csv", src.documentRows),
		table("parameters.csv", src.parameterRows),
	}, nil
}

func (s *source) measureRows(w *csvWriter) error {
	w.header("id", "label", "kind", "similarity", "shared", "clauses", "alignment")
	for i := range s.r.Measures {
		ms := s.measure(i)
		w.text(ms.ID, ms.Label, ms.Kind)
		w.number(ms.Similarity.String())
		w.int(len(ms.Documents), len(ms.Clauses))
		w.text(ms.Alignment)
		w.end()
	}
	return w.err
}

func (s *source) measureDocumentRows(w *csvWriter) error {
	w.header("measure", "document", "clause")
	for i := range s.r.Measures {
		ms := s.measure(i)
		for _, id := range ms.Clauses {
			w.text(ms.ID, docOf(id), id)
			w.end()
		}
	}
	return w.err
}

func (s *source) clauseRows(w *csvWriter) error {
	w.header("document", "id", "section", "measure", "start", "end", "text", "lead", "participating", "responsible")
	return s.eachDocument(func(d *Document) {
		for _, c := range d.Clauses {
			w.text(d.ID, c.ID, c.Section, c.Measure)
			w.int(c.Span[0], c.Span[1])
			w.text(c.Text, strings.Join(c.Units.Lead, unitSep), strings.Join(c.Units.Participating, unitSep),
				strings.Join(c.Units.Responsible, unitSep))
			w.end()
		}
	}, w)
}

func (s *source) sectionRows(w *csvWriter) error {
	w.header("document", "id", "parent", "level", "kind", "number", "heading", "start", "end")
	return s.eachDocument(func(d *Document) {
		for _, sec := range d.Sections {
			w.text(d.ID, sec.ID, sec.Parent)
			w.int(sec.Level)
			w.text(sec.Kind, sec.Number, sec.Heading)
			w.int(sec.Span[0], sec.Span[1])
			w.end()
		}
	}, w)
}

func (s *source) passageRows(w *csvWriter) error {
	w.header("a", "b", "a_start", "a_end", "b_start", "b_end", "tokens", "score", "a_text", "b_text")
	for i := range s.r.Passages {
		p := s.passage(i)
		w.text(p.A, p.B)
		w.int(p.ASpan[0], p.ASpan[1], p.BSpan[0], p.BSpan[1], p.Tokens)
		w.number(p.Score.String())
		w.text(p.AText, p.BText)
		w.end()
	}
	return w.err
}

func (s *source) alignmentRows(w *csvWriter) error {
	w.header("alignment", "label", "score", "document", "section", "number", "heading")
	for i, t := range s.r.Topics {
		a := s.alignment(i)
		for k, ref := range t.Sections {
			sec := s.r.Section(ref)
			w.text(a.ID, a.Label)
			w.number(a.Score.String())
			w.text(s.r.Docs[ref.Doc].ID, a.Sections[k], sec.Number, sec.Heading)
			w.end()
		}
	}
	return w.err
}

func (s *source) similarityRows(w *csvWriter) error {
	w.header("a", "b", "shared_measures", "score")
	for i := range s.pairs {
		p := s.pair(i)
		w.text(p.A, p.B)
		w.int(p.Shared)
		w.number(p.Score.String())
		w.end()
	}
	return w.err
}

func (s *source) documentRows(w *csvWriter) error {
	w.header("id", "file", "city", "province", "title", "issuer", "date", "published", "genre",
		"script", "format", "length", "sections", "clauses", "sha256")
	for i, in := range s.m.Inputs {
		d := documentInfo(s.r.Docs[i], in)
		w.text(d.ID, d.File, d.City, d.Province, d.Title, d.Issuer, d.Date, d.Published, d.Genre, d.Script, d.Format)
		w.int(d.Length, len(s.r.Docs[i].Sections), len(s.r.Docs[i].Clauses))
		w.text(d.SHA256)
		w.end()
	}
	return w.err
}

// parameterRows lists name and value; parameter values are written as in
// the JSON report, as text, since they are of several types.
func (s *source) parameterRows(w *csvWriter) error {
	w.header("name", "value")
	for _, row := range [][2]string{{"tool", s.m.Tool}, {"version", s.m.Version}, {"schema", Schema}} {
		w.text(row[0], row[1])
		w.end()
	}
	for _, p := range paramList(s.m.Parameters()) {
		w.text(p.Name, p.Value)
		w.end()
	}
	return w.err
}

// eachDocument builds each document in turn, one at a time in memory.
func (s *source) eachDocument(rows func(*Document), w *csvWriter) error {
	for i := range s.r.Docs {
		d, err := s.document(i)
		if err != nil {
			return err
		}
		rows(&d)
		if w.err != nil {
			return w.err
		}
	}
	return w.err
}

// csvWriter writes RFC 4180 rows: text cells always quoted, numbers bare.
// It keeps the first error.
type csvWriter struct {
	w     *bufio.Writer
	first bool // the next cell starts a row
	err   error
}

func (w *csvWriter) raw(s string) {
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

func (w *csvWriter) sep() {
	if w.first {
		w.raw(",")
	}
	w.first = true
}

func (w *csvWriter) header(names ...string) {
	w.text(names...)
	w.end()
}

// text writes quoted cells, defusing formulas.
func (w *csvWriter) text(cells ...string) {
	for _, c := range cells {
		w.sep()
		w.raw(`"`)
		if formulaStart(c) {
			w.raw("'")
		}
		w.raw(strings.ReplaceAll(c, `"`, `""`))
		w.raw(`"`)
	}
}

// number writes a cell already formatted as a number.
func (w *csvWriter) number(cells ...string) {
	for _, c := range cells {
		w.sep()
		w.raw(c)
	}
}

func (w *csvWriter) int(cells ...int) {
	for _, c := range cells {
		w.sep()
		w.raw(strconv.Itoa(c))
	}
}

func (w *csvWriter) end() {
	w.raw("\n")
	w.first = false
}

func (w *csvWriter) flush() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

// formulaStart reports whether a spreadsheet would take s as a formula
// (the characters OWASP lists for CSV injection).
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}
