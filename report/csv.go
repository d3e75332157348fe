package report

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"citydiff/compare"
)

// bom starts every CSV file so that Excel reads it as UTF-8.
const bom = "\uFEFF"

// unitSep joins several unit names in one CSV cell, as the documents do.
const unitSep = "、"

// CSV renders the report as tables for spreadsheets, R or pandas, one
// file each (UTF-8 with BOM, RFC 4180 quoting, "\n" line ends):
//
//	measures.csv    one row per measure: id, label, kind, similarity,
//	                shared, alignment, then one column per document
//	                holding its clause text (several joined by newlines)
//	alignments.csv  one row per aligned section: alignment, label, score,
//	                document, section, number, heading
//	similarity.csv  one row per document pair: a, b, shared_measures, score
//	clauses.csv     one row per clause: document, id, section, measure,
//	                start, end, text, lead, participating, responsible
//	documents.csv   one row per document with its metadata and sha256
//	parameters.csv  tool, version, schema and every parameter
func CSV(r *compare.Result, m Meta) ([]File, error) {
	rep, err := Build(r, m)
	if err != nil {
		return nil, err
	}
	tables := []struct {
		name string
		rows func(*Report) [][]string
	}{
		{"measures.csv", measureRows},
		{"alignments.csv", alignmentRows},
		{"similarity.csv", similarityRows},
		{"clauses.csv", clauseRows},
		{"documents.csv", documentRows},
		{"parameters.csv", parameterRows},
	}
	files := make([]File, 0, len(tables))
	for _, t := range tables {
		var buf bytes.Buffer
		buf.WriteString(bom)
		w := csv.NewWriter(&buf)
		if err := w.WriteAll(t.rows(rep)); err != nil {
			return nil, err
		}
		files = append(files, File{Name: t.name, Data: buf.Bytes()})
	}
	return files, nil
}

func measureRows(rep *Report) [][]string {
	head := []string{"id", "label", "kind", "similarity", "shared", "alignment"}
	col := map[string]int{}
	for i, d := range rep.Documents {
		head = append(head, d.ID)
		col[d.ID] = i
	}
	rows := [][]string{head}
	clauses := clauseIndex(rep)
	for _, m := range rep.Measures {
		row := []string{m.ID, m.Label, m.Kind, m.Similarity.String(), strconv.Itoa(len(m.Documents)), m.Alignment}
		texts := make([][]string, len(rep.Documents))
		for _, id := range m.Clauses {
			i := col[docOf(id)]
			texts[i] = append(texts[i], clauses[id].Text)
		}
		for _, t := range texts {
			row = append(row, strings.Join(t, "\n"))
		}
		rows = append(rows, row)
	}
	return rows
}

func alignmentRows(rep *Report) [][]string {
	rows := [][]string{{"alignment", "label", "score", "document", "section", "number", "heading"}}
	sections := sectionIndex(rep)
	for _, a := range rep.Alignments {
		for _, id := range a.Sections {
			s := sections[id]
			rows = append(rows, []string{a.ID, a.Label, a.Score.String(), docOf(id), id, s.Number, s.Heading})
		}
	}
	return rows
}

func similarityRows(rep *Report) [][]string {
	rows := [][]string{{"a", "b", "shared_measures", "score"}}
	for _, p := range rep.Similarity {
		rows = append(rows, []string{p.A, p.B, strconv.Itoa(p.Shared), p.Score.String()})
	}
	return rows
}

func clauseRows(rep *Report) [][]string {
	rows := [][]string{{"document", "id", "section", "measure", "start", "end", "text", "lead", "participating", "responsible"}}
	for _, d := range rep.Documents {
		for _, c := range d.Clauses {
			rows = append(rows, []string{d.ID, c.ID, c.Section, c.Measure,
				strconv.Itoa(c.Span[0]), strconv.Itoa(c.Span[1]), c.Text,
				strings.Join(c.Units.Lead, unitSep), strings.Join(c.Units.Participating, unitSep),
				strings.Join(c.Units.Responsible, unitSep)})
		}
	}
	return rows
}

func documentRows(rep *Report) [][]string {
	rows := [][]string{{"id", "file", "city", "province", "title", "issuer", "date", "published", "genre",
		"script", "format", "length", "sections", "clauses", "sha256"}}
	for _, d := range rep.Documents {
		rows = append(rows, []string{d.ID, d.File, d.City, d.Province, d.Title, d.Issuer, d.Date, d.Published,
			d.Genre, d.Script, d.Format, strconv.Itoa(d.Length), strconv.Itoa(len(d.Sections)),
			strconv.Itoa(len(d.Clauses)), d.SHA256})
	}
	return rows
}

// parameterRows lists name and value; parameter values are written as in
// the JSON report.
func parameterRows(rep *Report) [][]string {
	rows := [][]string{{"name", "value"}, {"tool", rep.Tool.Name}, {"version", rep.Tool.Version}, {"schema", rep.Schema}}
	for _, p := range paramList(rep.Parameters) {
		rows = append(rows, []string{p.Name, p.Value})
	}
	return rows
}
