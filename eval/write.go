package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"citydiff/compare"
)

// Schema names the JSON form of an evaluation.
const Schema = "citydiff/eval/v1"

// maxShown caps how much of a clause a miss prints, in code points.
const maxShown = 160

// WriteText prints the scores as a table, then every miss with both texts.
func WriteText(w io.Writer, r *compare.Result, s *Scores, labelsName string) error {
	ew := &errWriter{w: w}
	ew.printf("%s: %d labels on %d documents\n\n", labelsName, len(s.Outcomes), len(r.Docs))
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "relation\tlabels\tright\trate\t\n")
	row := func(name string, t Tally) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t\n", name, t.Labels, t.OK, t.Rate())
	}
	for _, rel := range s.Relations() {
		if rel.MustMatch() {
			row(string(rel)+" (recall)", s.ByRelation[rel])
		}
	}
	if s.MustMatch.Labels > 0 {
		row("must match (recall)", s.MustMatch)
	}
	for _, rel := range s.Relations() {
		switch rel {
		case Apart:
			row("apart (kept apart)", s.ByRelation[rel])
		case Unique:
			row("unique (kept unique)", s.ByRelation[rel])
		case SameTopic:
			row("topic (aligned)", s.ByRelation[rel])
		}
	}
	tw.Flush()
	misses := s.Misses()
	if len(misses) == 0 {
		ew.printf("\nno misses\n")
		return ew.err
	}
	ew.printf("\n%d misses\n", len(misses))
	for _, o := range misses {
		ew.printf("\n%s  %s  %s", o.Label.Relation, o.Label.Where, o.Why)
		if o.Label.Note != "" {
			ew.printf("  (%s)", o.Label.Note)
		}
		ew.printf("\n")
		ew.printf("  %s\n", placeLine(r, o.Label.A, o.A, o.MeasureA))
		if o.Label.Relation.paired() {
			ew.printf("  %s\n", placeLine(r, o.Label.B, o.B, o.MeasureB))
		}
		if o.Explained {
			ew.printf("  similarity %.2f; closest to %s's clause in %s: %s (%s, %.2f)\n",
				o.Similarity, o.Label.A.Doc, o.Label.B.Doc, o.BestClause, o.BestMeasure, o.BestSim)
		}
	}
	return ew.err
}

func placeLine(r *compare.Result, a Anchor, p Place, measure string) string {
	if measure == "" {
		measure = "—"
	}
	return fmt.Sprintf("%-10s %-6s %s", a.Doc, measure, shown(placeText(r, p), maxShown))
}

// placeText is the text of the clause a place stands for, or the quoted
// text itself when it lies in no clause.
func placeText(r *compare.Result, p Place) string {
	d := r.Docs[p.Doc]
	if p.Clause < 0 {
		return "[not in any clause] " + d.Text(p.Span)
	}
	t := strings.Join(strings.Fields(d.Clauses[p.Clause].Text), " ")
	if p.Heading {
		t = "[heading " + strings.Join(strings.Fields(d.Text(p.Span)), " ") + "] " + t
	}
	return t
}

func shown(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

// jsonReport is the machine-readable form; field names are documented in docs/eval.md.
type jsonReport struct {
	Schema     string              `json:"schema"`
	Labels     string              `json:"labels"`
	Documents  []string            `json:"documents"`
	Parameters compare.Params      `json:"parameters"`
	Scores     map[string]jsonRate `json:"scores"`
	Misses     []jsonMiss          `json:"misses"`
}

type jsonRate struct {
	Labels int     `json:"labels"`
	OK     int     `json:"ok"`
	Rate   float64 `json:"rate"`
}

type jsonMiss struct {
	Relation Relation   `json:"relation"`
	Where    string     `json:"where"`
	Why      string     `json:"why"`
	Note     string     `json:"note,omitempty"`
	A        jsonPlace  `json:"a"`
	B        *jsonPlace `json:"b,omitempty"`
	// Similarity is the engine's similarity of the two clauses; Closest
	// is the clause of B's document it finds closest to A.
	Similarity *float64     `json:"similarity,omitempty"`
	Closest    *jsonClosest `json:"closest,omitempty"`
}

type jsonClosest struct {
	Clause     string  `json:"clause"`
	Measure    string  `json:"measure"`
	Similarity float64 `json:"similarity"`
}

type jsonPlace struct {
	Anchor  Anchor `json:"anchor"`
	Clause  string `json:"clause,omitempty"`
	Measure string `json:"measure,omitempty"`
	Span    [2]int `json:"span"`
	Text    string `json:"text"`
}

// WriteJSON writes the scores and the misses as one JSON object.
func WriteJSON(w io.Writer, r *compare.Result, s *Scores, labelsName string) error {
	rep := jsonReport{Schema: Schema, Labels: labelsName, Parameters: r.Params, Scores: map[string]jsonRate{}, Misses: []jsonMiss{}}
	for _, d := range r.Docs {
		rep.Documents = append(rep.Documents, d.ID)
	}
	rate := func(t Tally) jsonRate { return jsonRate{t.Labels, t.OK, round4(t.Rate())} }
	for _, rel := range s.Relations() {
		rep.Scores[string(rel)] = rate(s.ByRelation[rel])
	}
	if s.MustMatch.Labels > 0 {
		rep.Scores["must_match"] = rate(s.MustMatch)
	}
	place := func(a Anchor, p Place, measure string) jsonPlace {
		jp := jsonPlace{Anchor: a, Measure: measure, Span: [2]int{p.Span.Start, p.Span.End}, Text: placeText(r, p)}
		if p.Clause >= 0 {
			jp.Clause = r.Docs[p.Doc].Clauses[p.Clause].ID
		}
		return jp
	}
	for _, o := range s.Misses() {
		m := jsonMiss{Relation: o.Label.Relation, Where: o.Label.Where, Why: o.Why, Note: o.Label.Note,
			A: place(o.Label.A, o.A, o.MeasureA)}
		if o.Label.Relation.paired() {
			b := place(o.Label.B, o.B, o.MeasureB)
			m.B = &b
		}
		if o.Explained {
			sim := round4(o.Similarity)
			m.Similarity = &sim
			m.Closest = &jsonClosest{o.BestClause, o.BestMeasure, round4(o.BestSim)}
		}
		rep.Misses = append(rep.Misses, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }
