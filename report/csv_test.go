package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// readCSV parses one CSV file of a report, checking the BOM, into rows
// keyed by header.
func readCSV(t *testing.T, f File) (header []string, rows []map[string]string) {
	t.Helper()
	data, ok := bytes.CutPrefix(f.Data, []byte(bom))
	if !ok {
		t.Fatalf("%s: no UTF-8 BOM", f.Name)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
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
	headers := map[string][]string{}
	for _, f := range files {
		headers[f.Name], tables[f.Name] = readCSV(t, f)
	}
	clauses := clauseIndex(&rep)

	t.Run("measures", func(t *testing.T) {
		rows := tables["measures.csv"]
		if len(rows) != len(rep.Measures) {
			t.Fatalf("%d rows for %d measures", len(rows), len(rep.Measures))
		}
		if got := headers["measures.csv"][6:]; len(got) != len(rep.Documents) {
			t.Fatalf("document columns %q", got)
		}
		for i, ms := range rep.Measures {
			row := rows[i]
			eq(t, ms.ID, row["id"], ms.ID)
			eq(t, ms.ID+" label", ms.Label, row["label"])
			eq(t, ms.ID+" kind", ms.Kind, row["kind"])
			eq(t, ms.ID+" similarity", ms.Similarity.String(), row["similarity"])
			eq(t, ms.ID+" shared", strconv.Itoa(len(ms.Documents)), row["shared"])
			eq(t, ms.ID+" alignment", ms.Alignment, row["alignment"])
			want := map[string][]string{}
			for _, id := range ms.Clauses {
				want[docOf(id)] = append(want[docOf(id)], clauses[id].Text)
			}
			for _, d := range rep.Documents {
				eq(t, ms.ID+" "+d.ID, strings.Join(want[d.ID], "\n"), row[d.ID])
			}
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
				eq(t, c.ID+" text", c.Text, row["text"])
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
