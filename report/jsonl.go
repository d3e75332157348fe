package report

import (
	"io"

	"citydiff/compare"
)

// JSONL writes the report as JSON Lines: one record per line, each an
// object whose first field "type" says what it is, streamed record by
// record. The records are the JSON report's objects, so one schema
// describes both (docs/report-schema.md, "JSON Lines"):
//
//	report     schema, tool and parameters (the first line)
//	document   a document's metadata (DocumentInfo)
//	section    one section, with "document"
//	clause     one clause, with "document"
//	alignment  one topic
//	measure    one measure
//	pair       one listed document pair (the JSON "similarity" entries)
//	passage    one reused passage
//
// Each document's sections and clauses follow its document line. A reader
// keeps the lines of the type it wants: pandas, duckdb and R read the
// records of one type as a table.
func JSONL(w io.Writer, r *compare.Result, m Meta) error {
	src, err := newSource(r, m)
	if err != nil {
		return err
	}
	e := newRecordWriter(w)
	line := func(kind, document string, v any) {
		e.raw(`{"type":"` + kind + `",`)
		if document != "" {
			e.raw(`"document":`)
			e.value(document)
			e.raw(",")
		}
		b := e.encode(v)
		if len(b) > 2 {
			e.out = append(e.out, b[1:]...) // the record's fields after its "{"
		} else {
			e.out = e.out[:len(e.out)-1] // an empty record: drop the comma
			e.out = append(e.out, '}')
		}
		e.raw("\n")
	}
	line("report", "", struct {
		Schema     string     `json:"schema"`
		Tool       Tool       `json:"tool"`
		Parameters Parameters `json:"parameters"`
	}{Schema, src.tool(), m.Parameters()})
	for i := range r.Docs {
		d, err := src.document(i)
		if err != nil {
			return err
		}
		line("document", "", d.DocumentInfo)
		for k := range d.Sections {
			line("section", d.ID, d.Sections[k])
		}
		for k := range d.Clauses {
			line("clause", d.ID, d.Clauses[k])
		}
	}
	for i := range r.Topics {
		line("alignment", "", src.alignment(i))
	}
	for i := range r.Measures {
		line("measure", "", src.measure(i))
	}
	for i := range src.pairs {
		line("pair", "", src.pair(i))
	}
	for i := range r.Passages {
		line("passage", "", src.passage(i))
	}
	return e.flush()
}
