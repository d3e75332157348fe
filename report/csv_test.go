package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// renderTables renders every table into memory.
func renderTables(t testing.TB, tables []Table) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, tb := range tables {
		var buf bytes.Buffer
		if err := tb.Write(&buf); err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		out[tb.Name] = buf.Bytes()
	}
	return out
}

// readCSV parses one CSV file of a report, checking the BOM, into rows
// keyed by header.
func readCSV(t *testing.T, name string, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	data, ok := bytes.CutPrefix(data, []byte(bom))
	if !ok {
		t.Fatalf("%s: no UTF-8 BOM", name)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return header, rows
}

// asCell is how a text appears in a CSV cell: a would-be formula gets an
// apostrophe.
func asCell(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

// TestCSVMatchesJSON reads every CSV table back and checks it against the
// JSON report of the same result.
func TestCSVMatchesJSON(t *testing.T) {
	r, m := seedMeta(t)
	var buf bytes.Buffer
	if err := JSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	files, err := CSV(r, m)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]map[string]string{}
	for name, data := range renderTables(t, files) {
		_, tables[name] = readCSV(t, name, data)
	}

	t.Run("measures", func(t *testing.T) {
		rows := tables["measures.csv"]
		if len(rows) != len(rep.Measures) {
			t.Fatalf("%d rows for %d measures", len(rows), len(rep.Measures))
		}
		for i, ms := range rep.Measures {
			row := rows[i]
			eq(t, ms.ID, row["id"], ms.ID)
			eq(t, ms.ID+" label", ms.Label, row["label"])
			eq(t, ms.ID+" kind", ms.Kind, row["kind"])
			eq(t, ms.ID+" similarity", ms.Similarity.String(), row["similarity"])
			eq(t, ms.ID+" shared", strconv.Itoa(len(ms.Documents)), row["shared"])
			eq(t, ms.ID+" clauses", strconv.Itoa(len(ms.Clauses)), row["clauses"])
			eq(t, ms.ID+" alignment", ms.Alignment, row["alignment"])
		}
	})
	t.Run("measure_documents", func(t *testing.T) {
		var want []string
		for _, ms := range rep.Measures {
			for _, id := range ms.Clauses {
				want = append(want, ms.ID+" "+docOf(id)+" "+id)
			}
		}
		rows := tables["measure_documents.csv"]
		if len(rows) != len(want) {
			t.Fatalf("%d rows for %d clauses of measures", len(rows), len(want))
		}
		for i, w := range want {
			eq(t, "row "+strconv.Itoa(i), w, rows[i]["measure"]+" "+rows[i]["document"]+" "+rows[i]["clause"])
		}
	})
	t.Run("sections", func(t *testing.T) {
		rows := tables["sections.csv"]
		i := 0
		for _, d := range rep.Documents {
			for _, s := range d.Sections {
				if i >= len(rows) {
					t.Fatalf("only %d section rows", len(rows))
				}
				row := rows[i]
				i++
				eq(t, s.ID, d.ID+" "+s.ID+" "+s.Parent+" "+strconv.Itoa(s.Level)+" "+s.Kind+" "+s.Number,
					row["document"]+" "+row["id"]+" "+row["parent"]+" "+row["level"]+" "+row["kind"]+" "+row["number"])
				eq(t, s.ID+" heading", asCell(s.Heading), row["heading"])
				eq(t, s.ID+" span", strconv.Itoa(s.Span[0])+"-"+strconv.Itoa(s.Span[1]), row["start"]+"-"+row["end"])
			}
		}
		if i != len(rows) {
			t.Errorf("%d section rows for %d sections", len(rows), i)
		}
	})
	t.Run("passages", func(t *testing.T) {
		rows := tables["passages.csv"]
		if len(rows) != len(rep.Passages) || len(rows) == 0 {
			t.Fatalf("%d rows for %d passages", len(rows), len(rep.Passages))
		}
		for i, p := range rep.Passages {
			row := rows[i]
			eq(t, "passage", fmt.Sprintln(p.A, p.B, p.ASpan[0], p.ASpan[1], p.BSpan[0], p.BSpan[1], p.Tokens, p.Score.String()),
				fmt.Sprintln(row["a"], row["b"], row["a_start"], row["a_end"], row["b_start"], row["b_end"], row["tokens"], row["score"]))
			eq(t, "passage text", asCell(p.AText)+"|"+asCell(p.BText), row["a_text"]+"|"+row["b_text"])
		}
	})
	t.Run("alignments", func(t *testing.T) {
		var want [][2]string
		for _, a := range rep.Alignments {
			for _, s := range a.Sections {
				want = append(want, [2]string{a.ID, s})
			}
		}
		rows := tables["alignments.csv"]
		if len(rows) != len(want) {
			t.Fatalf("%d rows for %d aligned sections", len(rows), len(want))
		}
		sections := sectionIndex(&rep)
		for i, w := range want {
			eq(t, "alignment", w[0], rows[i]["alignment"])
			eq(t, "section", w[1], rows[i]["section"])
			eq(t, "document", docOf(w[1]), rows[i]["document"])
			eq(t, "heading", sections[w[1]].Heading, rows[i]["heading"])
		}
	})
	t.Run("similarity", func(t *testing.T) {
		rows := tables["similarity.csv"]
		if len(rows) != len(rep.Similarity) {
			t.Fatalf("%d rows for %d pairs", len(rows), len(rep.Similarity))
		}
		for i, p := range rep.Similarity {
			got := rows[i]
			eq(t, "pair", p.A+" "+p.B+" "+strconv.Itoa(p.Shared)+" "+p.Score.String(),
				got["a"]+" "+got["b"]+" "+got["shared_measures"]+" "+got["score"])
		}
	})
	t.Run("clauses", func(t *testing.T) {
		rows := tables["clauses.csv"]
		i := 0
		for _, d := range rep.Documents {
			for _, c := range d.Clauses {
				if i >= len(rows) {
					t.Fatalf("only %d clause rows", len(rows))
				}
				row := rows[i]
				i++
				eq(t, c.ID, c.ID, row["id"])
				eq(t, c.ID+" document", d.ID, row["document"])
				eq(t, c.ID+" section", c.Section, row["section"])
				eq(t, c.ID+" measure", c.Measure, row["measure"])
				eq(t, c.ID+" text", asCell(c.Text), row["text"])
				eq(t, c.ID+" span", strconv.Itoa(c.Span[0])+"-"+strconv.Itoa(c.Span[1]), row["start"]+"-"+row["end"])
				eq(t, c.ID+" lead", strings.Join(c.Units.Lead, unitSep), row["lead"])
				eq(t, c.ID+" participating", strings.Join(c.Units.Participating, unitSep), row["participating"])
				eq(t, c.ID+" responsible", strings.Join(c.Units.Responsible, unitSep), row["responsible"])
			}
		}
		if i != len(rows) {
			t.Errorf("%d clause rows for %d clauses", len(rows), i)
		}
	})
	t.Run("documents and parameters", func(t *testing.T) {
		rows := tables["documents.csv"]
		if len(rows) != len(rep.Documents) {
			t.Fatalf("%d rows for %d documents", len(rows), len(rep.Documents))
		}
		for i, d := range rep.Documents {
			eq(t, d.ID+" sha256", d.SHA256, rows[i]["sha256"])
			eq(t, d.ID+" title", d.Title, rows[i]["title"])
		}
		params := map[string]string{}
		for _, row := range tables["parameters.csv"] {
			params[row["name"]] = row["value"]
		}
		eq(t, "version", rep.Tool.Version, params["version"])
		raw, _ := json.Marshal(rep.Parameters)
		var want map[string]json.RawMessage
		json.Unmarshal(raw, &want)
		for k, v := range want {
			eq(t, "parameter "+k, string(v), params[k])
		}
	})
}

func eq(t *testing.T, what, want, got string) {
	t.Helper()
	if want != got {
		t.Errorf("%s: CSV has %q, JSON %q", what, got, want)
	}
}

// TestCSVCells checks what a spreadsheet or a reader sees in one row: text
// quoted (so "001" can stay text), numbers bare, quotes doubled, and a cell
// a spreadsheet would run as a formula defused.
func TestCSVCells(t *testing.T) {
	for _, tc := range []struct {
		name string
		text []string
		want string
	}{
		{"id stays text", []string{"001"}, `"001",7,0.25` + "\n"},
		{"formula", []string{"=HYPERLINK(\"x\")"}, `"'=HYPERLINK(""x"")",7,0.25` + "\n"},
		{"plus minus at", []string{"+1", "-2", "@a"}, `"'+1","'-2","'@a",7,0.25` + "\n"},
		{"tab and return", []string{"\tx", "\ry"}, "\"'\tx\",\"'\ry\",7,0.25\n"},
		{"inside is fine", []string{"a=b-c", ""}, `"a=b-c","",7,0.25` + "\n"},
		{"line break kept", []string{"一\n二"}, "\"一\n二\",7,0.25\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := &csvWriter{w: bufio.NewWriter(&buf)}
			w.text(tc.text...)
			w.int(7)
			w.number("0.25")
			w.end()
			if err := w.flush(); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tc.want {
				t.Errorf("row = %q, want %q", buf.String(), tc.want)
			}
			rec, err := csv.NewReader(&buf).Read()
			if err != nil || len(rec) != len(tc.text)+2 {
				t.Fatalf("read back %q, %v", rec, err)
			}
			for i, s := range tc.text {
				if rec[i] != asCell(s) {
					t.Errorf("cell %d read back as %q", i, rec[i])
				}
			}
		})
	}
}
