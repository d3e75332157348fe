package compare

import "citydiff/segment"

// Kind says how the clauses of a measure relate.
type Kind string

// Measure kinds, from the closest to the loosest.
const (
	Verbatim   Kind = "verbatim"   // the same words (after normalization)
	Near       Kind = "near"       // lightly edited: a place name, a few words added or dropped
	Paraphrase Kind = "paraphrase" // the same action in other words
	Unique     Kind = "unique"     // one document only
)

// ClauseRef points at one clause of one document of the result.
type ClauseRef struct {
	Doc    int // index into Result.Docs
	Clause int // index into Docs[Doc].Clauses
}

// SectionRef points at one section of one document of the result.
type SectionRef struct {
	Doc     int
	Section int // index into Docs[Doc].Sections
}

// Measure is one policy action and the clauses that state it.
type Measure struct {
	ID         string      // "m001"… in a stable order (most documents first, then document order)
	Label      string      // the measure's most characteristic words
	Kind       Kind        // verbatim | near | paraphrase | unique
	Clauses    []ClauseRef // in document order
	Docs       []int       // the documents holding it, each once, ascending
	Similarity float64     // mean pairwise similarity of its clauses (1 for unique)
	Topic      int         // index into Result.Topics of the topic it falls in, -1 when none
}

// Topic is a group of comparable sections across documents.
type Topic struct {
	ID       string // "t01"…
	Label    string
	Sections []SectionRef // at most one per document, in document order
	Score    float64      // mean pairwise section similarity
	Measures []int        // indexes of the shared measures inside the topic's sections
}

// Pair is the similarity of two documents.
type Pair struct {
	A, B   int     // A < B, indexes into Result.Docs
	Shared int     // measures both hold
	Score  float64 // shared / measures of the smaller document (0..1)
}

// Passage is a reused stretch found by local alignment between two clauses.
type Passage struct {
	A, B   ClauseRef
	ASpan  segment.Span // in A's original text
	BSpan  segment.Span // in B's original text
	Tokens int          // length of the aligned stretch in tokens
	Score  float64      // alignment score normalized to the shorter clause (0..1)
}

// Result is everything the engine found about a set of documents.
type Result struct {
	Params     Params
	Docs       []*segment.Document
	Topics     []Topic
	Measures   []Measure
	Similarity []Pair    // every pair of documents, A < B
	Passages   []Passage // reused stretches between clauses of different measures or inside near/paraphrase pairs

	measureOf [][]int // [doc][clause] → measure index
}

// Reindex rebuilds the clause → measure index from Measures. Analyze does
// it; a Result put together by hand (a test fixture) must call it before
// MeasureOf.
func (r *Result) Reindex() {
	r.measureOf = make([][]int, len(r.Docs))
	for di, d := range r.Docs {
		r.measureOf[di] = make([]int, len(d.Clauses))
	}
	for mi, m := range r.Measures {
		for _, c := range m.Clauses {
			r.measureOf[c.Doc][c.Clause] = mi
		}
	}
}

// MeasureOf returns the index of the measure that holds a clause.
func (r *Result) MeasureOf(c ClauseRef) int { return r.measureOf[c.Doc][c.Clause] }

// Clause resolves a reference.
func (r *Result) Clause(c ClauseRef) *segment.Clause { return &r.Docs[c.Doc].Clauses[c.Clause] }

// Section resolves a reference.
func (r *Result) Section(s SectionRef) *segment.Section {
	return &r.Docs[s.Doc].Sections[s.Section]
}
