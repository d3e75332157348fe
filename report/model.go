package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"citydiff/compare"
	"citydiff/segment"
)

// Report is the JSON report, version 1. Field order is output order; every
// list is in a fixed order (documents as compared, sections and clauses in
// document order, the engine's order for the rest) so output is
// deterministic. docs/report-schema.md describes each field.
type Report struct {
	Schema     string      `json:"schema"`
	Tool       Tool        `json:"tool"`
	Parameters Parameters  `json:"parameters"`
	Documents  []Document  `json:"documents"`
	Alignments []Alignment `json:"alignments"`
	Measures   []Measure   `json:"measures"`
	Similarity []Pair      `json:"similarity"`
	Passages   []Passage   `json:"passages"`
}

// Parameters are everything that shaped a report: the engine's settings
// and which document pairs the report lists. encoding/json flattens the
// two into one object.
type Parameters struct {
	compare.Params
	SimilarityCut
}

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Document is one compared document with its section tree and clauses.
type Document struct {
	DocumentInfo
	Sections []Section `json:"sections"`
	Clauses  []Clause  `json:"clauses"`
}

// DocumentInfo is what a report says about a document apart from its
// sections and clauses (the JSONL "document" record).
type DocumentInfo struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	City      string `json:"city"`
	Province  string `json:"province"`
	Title     string `json:"title"`
	Issuer    string `json:"issuer"`
	Date      string `json:"date"`
	Published string `json:"published"`
	Genre     string `json:"genre"`
	Script    string `json:"script"`
	SHA256    string `json:"sha256"`
	Format    string `json:"format"`
	Length    int    `json:"length"`
}

// Span is [start, end) in code points of a document's original text.
type Span [2]int

// Section is one node of a document's section tree.
type Section struct {
	ID      string `json:"id"`
	Parent  string `json:"parent"`
	Level   int    `json:"level"`
	Kind    string `json:"kind"`
	Number  string `json:"number"`
	Heading string `json:"heading"`
	Span    Span   `json:"span"`

	title string // number and heading as written, for people (not in JSON)
}

// Clause is one clause, its text exactly as in the original.
type Clause struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Measure string `json:"measure"`
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Units   Units  `json:"units"`
}

// Units are the responsible units named after a clause; each list is
// present, possibly empty.
type Units struct {
	Lead          []string `json:"lead"`
	Participating []string `json:"participating"`
	Responsible   []string `json:"responsible"`
}

// Alignment is a topic: comparable sections across documents.
type Alignment struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Sections []string `json:"sections"`
	Score    Score    `json:"score"`
	Measures []string `json:"measures"`
}

// Measure is one policy action and the clauses that state it.
type Measure struct {
	ID         string   `json:"id"`
	Label      string   `json:"label"`
	Kind       string   `json:"kind"`
	Clauses    []string `json:"clauses"`
	Documents  []string `json:"documents"`
	Similarity Score    `json:"similarity"`
	Alignment  string   `json:"alignment"`
}

// Pair is the similarity of two documents, a before b in document order.
type Pair struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Shared int    `json:"shared_measures"`
	Score  Score  `json:"score"`
}

// Passage is a reused stretch found by local alignment between two clauses.
type Passage struct {
	A      string `json:"a"`
	B      string `json:"b"`
	ASpan  Span   `json:"a_span"`
	BSpan  Span   `json:"b_span"`
	AText  string `json:"a_text"`
	BText  string `json:"b_text"`
	Tokens int    `json:"tokens"`
	Score  Score  `json:"score"`
}

// Score is a number in [0, 1], written with at most four decimals so that
// floating-point noise never changes a report's bytes.
type Score float64

// Round4 rounds x to four decimals.
func Round4(x float64) float64 {
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// String formats the score as it appears in every report format.
func (s Score) String() string {
	return strconv.FormatFloat(Round4(float64(s)), 'f', -1, 64)
}

// MarshalJSON writes the rounded score.
func (s Score) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(s)) || math.IsInf(float64(s), 0) {
		return nil, fmt.Errorf("report: score %v is not a number", float64(s))
	}
	return []byte(s.String()), nil
}

// Build turns a result into the report model that Markdown and HTML
// render. JSON, JSONL and CSV stream the same records from a source
// instead, so a large corpus is never held twice in memory.
func Build(r *compare.Result, m Meta) (*Report, error) {
	src, err := newSource(r, m)
	if err != nil {
		return nil, err
	}
	rep := &Report{
		Schema:     Schema,
		Tool:       src.tool(),
		Parameters: m.Parameters(),
		Documents:  make([]Document, len(r.Docs)),
		Alignments: make([]Alignment, len(r.Topics)),
		Measures:   make([]Measure, len(r.Measures)),
		Similarity: make([]Pair, len(src.pairs)),
		Passages:   make([]Passage, len(r.Passages)),
	}
	for i := range r.Docs {
		if rep.Documents[i], err = src.document(i); err != nil {
			return nil, err
		}
	}
	for i := range r.Topics {
		rep.Alignments[i] = src.alignment(i)
	}
	for i := range r.Measures {
		rep.Measures[i] = src.measure(i)
	}
	for i := range src.pairs {
		rep.Similarity[i] = src.pair(i)
	}
	for i := range r.Passages {
		rep.Passages[i] = src.passage(i)
	}
	return rep, nil
}

// source makes a report's records one at a time from a Result: every
// format gets each record from here, so a CSV row never disagrees with
// the JSON, and the streaming writers hold one record at a time.
type source struct {
	r         *compare.Result
	m         Meta
	measureOf [][]int
	pairs     []compare.Pair // the pairs the cut keeps, in the engine's order
}

// newSource checks that m describes r and that every score is a number,
// so that a writer that has started writing does not fail half-way.
func newSource(r *compare.Result, m Meta) (*source, error) {
	if len(m.Inputs) != len(r.Docs) {
		return nil, fmt.Errorf("report: meta lists %d inputs for %d documents", len(m.Inputs), len(r.Docs))
	}
	for i, d := range r.Docs {
		if m.Inputs[i].ID != d.ID {
			return nil, fmt.Errorf("report: meta input %d is %q, document is %q", i, m.Inputs[i].ID, d.ID)
		}
	}
	src := &source{r: r, m: m, measureOf: clauseMeasures(r), pairs: m.Cut.Select(r.Similarity, len(r.Docs))}
	for di, d := range r.Docs {
		for ci, c := range d.Clauses {
			if src.measureOf[di][ci] < 0 {
				return nil, fmt.Errorf("report: clause %s is in no measure", c.ID)
			}
		}
	}
	if err := checkScores(r); err != nil {
		return nil, err
	}
	return src, nil
}

// checkScores finds a score that JSON cannot write.
func checkScores(r *compare.Result) error {
	bad := func(what string, x float64) error {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("report: %s: score %v is not a number", what, x)
		}
		return nil
	}
	for _, t := range r.Topics {
		if err := bad("topic "+t.ID, t.Score); err != nil {
			return err
		}
	}
	for _, ms := range r.Measures {
		if err := bad("measure "+ms.ID, ms.Similarity); err != nil {
			return err
		}
	}
	for _, p := range r.Similarity {
		if err := bad("similarity of "+r.Docs[p.A].ID+" and "+r.Docs[p.B].ID, p.Score); err != nil {
			return err
		}
	}
	for _, p := range r.Passages {
		if err := bad("passage of "+r.Clause(p.A).ID, p.Score); err != nil {
			return err
		}
	}
	return nil
}

func (s *source) tool() Tool { return Tool{Name: s.m.Tool, Version: s.m.Version} }

func (s *source) document(i int) (Document, error) {
	return buildDocument(s.r.Docs[i], s.m.Inputs[i], s.r, s.measureOf[i])
}

func (s *source) alignment(i int) Alignment {
	t := s.r.Topics[i]
	a := Alignment{ID: t.ID, Label: t.Label, Score: Score(t.Score), Sections: []string{}, Measures: []string{}}
	for _, sec := range t.Sections {
		a.Sections = append(a.Sections, s.r.Section(sec).ID)
	}
	for _, mi := range t.Measures {
		a.Measures = append(a.Measures, s.r.Measures[mi].ID)
	}
	return a
}

func (s *source) measure(i int) Measure {
	ms := s.r.Measures[i]
	alignment := ""
	if ms.Topic >= 0 && ms.Topic < len(s.r.Topics) {
		alignment = s.r.Topics[ms.Topic].ID
	}
	out := Measure{ID: ms.ID, Label: ms.Label, Kind: string(ms.Kind), Similarity: Score(ms.Similarity),
		Alignment: alignment, Clauses: make([]string, 0, len(ms.Clauses)), Documents: make([]string, 0, len(ms.Docs))}
	for _, c := range ms.Clauses {
		out.Clauses = append(out.Clauses, s.r.Clause(c).ID)
	}
	for _, d := range ms.Docs {
		out.Documents = append(out.Documents, s.r.Docs[d].ID)
	}
	return out
}

func (s *source) pair(i int) Pair {
	p := s.pairs[i]
	return Pair{A: s.r.Docs[p.A].ID, B: s.r.Docs[p.B].ID, Shared: p.Shared, Score: Score(p.Score)}
}

// passage resolves a passage's texts only when it is written: they are
// slices of the originals, kept once in memory as spans.
func (s *source) passage(i int) Passage {
	p := s.r.Passages[i]
	return Passage{
		A: s.r.Clause(p.A).ID, B: s.r.Clause(p.B).ID,
		ASpan: span(p.ASpan), BSpan: span(p.BSpan),
		AText: s.r.Docs[p.A.Doc].Text(p.ASpan), BText: s.r.Docs[p.B.Doc].Text(p.BSpan),
		Tokens: p.Tokens, Score: Score(p.Score),
	}
}

func documentInfo(d *segment.Document, in Input) DocumentInfo {
	return DocumentInfo{ID: d.ID, File: in.File, City: d.Meta.City, Province: d.Meta.Province,
		Title: d.Title, Issuer: d.Meta.Issuer, Date: d.Meta.Date, Published: d.Meta.Published,
		Genre: d.Meta.Genre, Script: string(d.Script), SHA256: in.SHA256, Format: d.Format,
		Length: d.Len()}
}

func buildDocument(d *segment.Document, in Input, r *compare.Result, measureOf []int) (Document, error) {
	doc := Document{
		DocumentInfo: documentInfo(d, in),
		Sections:     make([]Section, len(d.Sections)),
		Clauses:      make([]Clause, len(d.Clauses)),
	}
	for i, s := range d.Sections {
		parent := ""
		if s.Parent >= 0 {
			parent = d.Sections[s.Parent].ID
		}
		doc.Sections[i] = Section{ID: s.ID, Parent: parent, Level: s.Level, Kind: string(s.Kind),
			Number: s.Number, Heading: s.Heading, Span: span(s.Span), title: asWritten(d, &s)}
	}
	for i, c := range d.Clauses {
		mi := measureOf[i]
		if mi < 0 {
			return Document{}, fmt.Errorf("report: clause %s is in no measure", c.ID)
		}
		doc.Clauses[i] = Clause{ID: c.ID, Section: d.Sections[c.Section].ID, Measure: r.Measures[mi].ID,
			Text: c.Text, Span: span(c.Span), Units: units(c.Units)}
	}
	return doc, nil
}

// clauseMeasures maps every clause to its measure index (-1 for none)
// from the measures themselves, so the report does not depend on how the
// engine indexes them.
func clauseMeasures(r *compare.Result) [][]int {
	out := make([][]int, len(r.Docs))
	for i, d := range r.Docs {
		out[i] = make([]int, len(d.Clauses))
		for j := range out[i] {
			out[i][j] = -1
		}
	}
	for mi, m := range r.Measures {
		for _, c := range m.Clauses {
			out[c.Doc][c.Clause] = mi
		}
	}
	return out
}

func span(s segment.Span) Span { return Span{s.Start, s.End} }

func units(u segment.Units) Units {
	list := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	return Units{Lead: list(u.Lead), Participating: list(u.Participating), Responsible: list(u.Responsible)}
}

// asWritten is a section's number and heading as the original writes them
// ("(二)加强…", "第三章 …", Traditional kept); a section whose heading is
// its first sentence gets the start of that sentence.
func asWritten(d *segment.Document, s *segment.Section) string {
	t := strings.TrimSpace(d.Text(s.HeadingSpan))
	if s.Heading == "" && len(s.Clauses) > 0 {
		t += truncate(d.Clauses[s.Clauses[0]].Text, 24)
	}
	return oneLine(t)
}
