package draftcheck

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"citydiff/compare"
)

// Changes lists what a borrowed clause dropped from its source and what
// it added, word runs in order.
func Changes(edits []compare.Edit) (dropped, added []string) {
	for _, e := range edits {
		switch e.Op {
		case compare.Delete:
			dropped = append(dropped, e.Text)
		case compare.Insert:
			added = append(added, e.Text)
		}
	}
	return dropped, added
}

// oneLine keeps a clause on one line of a table, without the comma or
// semicolon it was cut at.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(strings.NewReplacer("|", "\\|").Replace(s)), " ")
	return strings.TrimRight(s, ",，;；、:：")
}

// percent is a similarity as a whole percentage.
func percent(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }

// Title is a check's one-line description.
func (ck *Check) Title() string {
	return fmt.Sprintf("Draft check: %s against %d %s (missing = in at least %d of them)", ck.Query.Draft.ID, len(ck.Against), cityWord(len(ck.Against)), ck.MinCities)
}

func cityWord(n int) string {
	if n == 1 {
		return "city"
	}
	return "cities"
}

func (ck *Check) cities(docs []int) string {
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = ck.Query.City(d)
	}
	return strings.Join(names, " ")
}

// WriteItem writes one finding as Markdown: the item a viewer copies.
// Exactly one of m, b and own (a draft clause, ≥ 0) is set.
func WriteItem(w io.Writer, ck *Check, m *Missing, b *Borrowed, own int) {
	q := ck.Query
	res := q.Res
	switch {
	case m != nil:
		ms := &res.Measures[m.Measure]
		fmt.Fprintf(w, "- Missing %s (%s, in %d of %d: %s): %s\n", ms.ID, ms.Kind, len(m.Cities), len(ck.Against), ck.cities(m.Cities), oneLine(res.Clause(m.Example).Text))
		if m.Closest >= 0 {
			fmt.Fprintf(w, "  - closest in the draft (%s): %s\n", percent(m.Similarity), oneLine(q.Draft.Clauses[m.Closest].Text))
		}
	case b != nil:
		fmt.Fprintf(w, "- Borrowed, %s from %s (%s similar): %s\n", b.Kind, q.City(b.From.Doc), percent(b.Similarity), oneLine(q.Draft.Clauses[b.Clause].Text))
		fmt.Fprintf(w, "  - %s: %s\n", q.City(b.From.Doc), oneLine(res.Clause(b.From).Text))
		dropped, added := Changes(b.Edits)
		fmt.Fprintf(w, "  - dropped: %s; added: %s\n", orNone(dropped), orNone(added))
	case own >= 0:
		fmt.Fprintf(w, "- Own: %s\n", oneLine(q.Draft.Clauses[own].Text))
	}
}

func orNone(words []string) string {
	if len(words) == 0 {
		return "nothing"
	}
	return oneLine(strings.Join(words, " · "))
}

// WriteMarkdown writes the whole check as Markdown.
func WriteMarkdown(w io.Writer, ck *Check) error {
	q := ck.Query
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", ck.Title())
	fmt.Fprintf(&b, "Draft: %s (%s). Cities: %s.\n\n", q.Draft.Title, q.Draft.Name, ck.cities(ck.Against))
	fmt.Fprintf(&b, "## Missing: %d %s at least %d of these cities share\n\n", len(ck.Missing), measureWord(len(ck.Missing)), ck.MinCities)
	if len(ck.Formulas) > 0 {
		fmt.Fprintf(&b, "Stock legal formulas are not counted (%d).\n\n", len(ck.Formulas))
	}
	for i := range ck.Missing {
		WriteItem(&b, ck, &ck.Missing[i], nil, -1)
	}
	fmt.Fprintf(&b, "\n## Borrowed: %d %s from these cities\n\n", len(ck.Borrowed), clauseWord(len(ck.Borrowed)))
	for i := range ck.Borrowed {
		WriteItem(&b, ck, nil, &ck.Borrowed[i], -1)
	}
	fmt.Fprintf(&b, "\n## Own: %d %s none of these cities has\n\n", len(ck.Own), clauseWord(len(ck.Own)))
	for _, ci := range ck.Own {
		WriteItem(&b, ck, nil, nil, ci)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func measureWord(n int) string {
	if n == 1 {
		return "measure"
	}
	return "measures"
}

func clauseWord(n int) string {
	if n == 1 {
		return "clause"
	}
	return "clauses"
}

// WriteCSV writes the check as one table: a row per finding.
func WriteCSV(w io.Writer, ck *Check) error {
	q := ck.Query
	res := q.Res
	cw := csv.NewWriter(w)
	cw.Write([]string{"finding", "measure", "kind", "cities", "city_text", "draft_text", "similarity", "dropped", "added"})
	for _, m := range ck.Missing {
		closest := ""
		if m.Closest >= 0 {
			closest = oneLine(q.Draft.Clauses[m.Closest].Text)
		}
		cw.Write([]string{"missing", res.Measures[m.Measure].ID, string(res.Measures[m.Measure].Kind), ck.cities(m.Cities), oneLine(res.Clause(m.Example).Text), closest, strconv.FormatFloat(m.Similarity, 'f', 2, 64), "", ""})
	}
	for _, b := range ck.Borrowed {
		dropped, added := Changes(b.Edits)
		cw.Write([]string{"borrowed", res.Measures[b.Measure].ID, string(b.Kind), ck.cities(append([]int{b.From.Doc}, b.Also...)), oneLine(res.Clause(b.From).Text), oneLine(q.Draft.Clauses[b.Clause].Text), strconv.FormatFloat(b.Similarity, 'f', 2, 64), strings.Join(dropped, " · "), strings.Join(added, " · ")})
	}
	for _, ci := range ck.Own {
		cw.Write([]string{"own", "", "unique", "", "", oneLine(q.Draft.Clauses[ci].Text), "", "", ""})
	}
	cw.Flush()
	return cw.Error()
}

// Export writes the check as Markdown to a new file in dir,
// "<draft>-check.md" (or "-2", "-3"… when that exists: nothing the user
// has is overwritten), and returns its path.
func Export(dir string, ck *Check) (string, error) {
	var b strings.Builder
	if err := WriteMarkdown(&b, ck); err != nil {
		return "", err
	}
	base := ck.Query.Draft.ID + "-check"
	for n := 1; n < 1000; n++ {
		name := base + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", base, n)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("export: %w", err)
		}
		_, werr := io.WriteString(f, b.String())
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(path) // never leave half a file
			return "", fmt.Errorf("export %s: %w", path, werr)
		}
		return path, nil
	}
	return "", fmt.Errorf("export: %s has too many %s files", dir, base)
}

// jsonCheck is the JSON form of a Check.
type jsonCheck struct {
	Draft     string        `json:"draft"`
	File      string        `json:"file"`
	Against   []string      `json:"against"`
	MinCities int           `json:"min_cities"`
	Bar       float64       `json:"bar"`
	Missing   []jsonMissing `json:"missing"`
	Borrowed  []jsonBorrow  `json:"borrowed"`
	Own       []string      `json:"own"`
}

type jsonMissing struct {
	Measure     string   `json:"measure"`
	Kind        string   `json:"kind"`
	Cities      []string `json:"cities"`
	ExampleCity string   `json:"example_city"`
	Example     string   `json:"example"`
	Closest     string   `json:"closest,omitempty"`
	Similarity  float64  `json:"similarity"`
}

type jsonBorrow struct {
	Clause     string   `json:"clause"`
	Kind       string   `json:"kind"`
	From       string   `json:"from"`
	FromText   string   `json:"from_text"`
	Also       []string `json:"also"`
	Measure    string   `json:"measure"`
	Similarity float64  `json:"similarity"`
	Dropped    []string `json:"dropped"`
	Added      []string `json:"added"`
}

// round2 keeps two decimals, so that the bytes do not depend on the last
// bits of a float.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func (ck *Check) names(docs []int) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = ck.Query.City(d)
	}
	return out
}

// WriteJSON writes the check as one JSON object.
func WriteJSON(w io.Writer, ck *Check) error {
	q := ck.Query
	res := q.Res
	j := jsonCheck{Draft: q.Draft.ID, File: q.Draft.Name, Against: ck.names(ck.Against), MinCities: ck.MinCities, Bar: q.Bar,
		Missing: []jsonMissing{}, Borrowed: []jsonBorrow{}, Own: []string{}}
	for _, m := range ck.Missing {
		jm := jsonMissing{Measure: res.Measures[m.Measure].ID, Kind: string(res.Measures[m.Measure].Kind), Cities: ck.names(m.Cities),
			ExampleCity: q.City(m.Example.Doc), Example: oneLine(res.Clause(m.Example).Text), Similarity: round2(m.Similarity)}
		if m.Closest >= 0 {
			jm.Closest = oneLine(q.Draft.Clauses[m.Closest].Text)
		}
		j.Missing = append(j.Missing, jm)
	}
	for _, b := range ck.Borrowed {
		dropped, added := Changes(b.Edits)
		j.Borrowed = append(j.Borrowed, jsonBorrow{Clause: oneLine(q.Draft.Clauses[b.Clause].Text), Kind: string(b.Kind), From: q.City(b.From.Doc),
			FromText: oneLine(res.Clause(b.From).Text), Also: append(ck.names(b.Also), []string{}...), Measure: res.Measures[b.Measure].ID,
			Similarity: round2(b.Similarity), Dropped: append(dropped, []string{}...), Added: append(added, []string{}...)})
	}
	for _, ci := range ck.Own {
		j.Own = append(j.Own, oneLine(q.Draft.Clauses[ci].Text))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}
