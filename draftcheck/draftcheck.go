// Package draftcheck checks a drafter's document against the cities of a
// finished analysis: which measures k of a chosen set of n cities share
// that the draft lacks, which of its clauses come from a city (verbatim,
// lightly edited or rewritten) and what was added and dropped, and which
// clauses are its own.
//
// The draft is a query, never a member: the cities' analysis
// (compare.Result) is computed without it, so adding a draft changes none
// of the cities' measures, topics, ids or counts. The draft's clauses are
// scored against every clause of the cities once (New, Prepare); a Check
// for a comparison set and a threshold is then a cheap pass over those
// scores, so a viewer can change both as the user types.
package draftcheck

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/words"
)

// ScoreFunc is the similarity (0..1) of clause i of the draft to a clause
// of the cities.
type ScoreFunc func(i int, city compare.ClauseRef) float64

// Link is a clause of the cities and how similar a draft clause is to it.
type Link struct {
	City       compare.ClauseRef
	Similarity float64
}

// Query is a draft scored against every clause of an analysis's cities.
type Query struct {
	Res   *compare.Result
	Draft *segment.Document
	// Bar is the similarity at which a draft clause states a city
	// clause's measure: the engine's MatchThreshold, so that the draft is
	// judged as the cities are judged among themselves.
	Bar float64

	links     [][]Link // per draft clause: city clauses at or above Floor, most similar first
	best      map[compare.ClauseRef]Link
	measureOf map[compare.ClauseRef]int
}

// StatedMargin is how far under its best link a draft clause's link to
// another measure may be and still state it too (a long clause can hold
// two measures).
const StatedMargin = 0.15

// Floor is the least similarity kept: below it a draft sentence is not
// worth showing as "the closest" to a city clause.
const Floor = 0.15

// New scores every clause of draft against every clause of res's
// documents with score. It is the expensive step (one score per pair).
func New(res *compare.Result, draft *segment.Document, score ScoreFunc) *Query {
	q := &Query{Res: res, Draft: draft, Bar: res.Params.MatchThreshold, links: make([][]Link, len(draft.Clauses)), best: map[compare.ClauseRef]Link{}, measureOf: map[compare.ClauseRef]int{}}
	for mi, m := range res.Measures {
		for _, c := range m.Clauses {
			q.measureOf[c] = mi
		}
	}
	for i := range draft.Clauses {
		for d, doc := range res.Docs {
			for c := range doc.Clauses {
				ref := compare.ClauseRef{Doc: d, Clause: c}
				s := score(i, ref)
				if s < Floor {
					continue
				}
				q.links[i] = append(q.links[i], Link{City: ref, Similarity: s})
				if b, ok := q.best[ref]; !ok || s > b.Similarity {
					q.best[ref] = Link{City: compare.ClauseRef{Doc: -1, Clause: i}, Similarity: s}
				}
			}
		}
		sort.SliceStable(q.links[i], func(a, b int) bool { return q.links[i][a].Similarity > q.links[i][b].Similarity })
	}
	return q
}

// Prepare scores draft (segmented with seg) against res's documents with
// the engine's own clause similarity (compare.Scorer). The word weights
// are computed over the cities and the draft together; res is not
// changed.
func Prepare(res *compare.Result, draft *segment.Document, seg *words.Segmenter) *Query {
	docs := append(append([]*segment.Document(nil), res.Docs...), draft)
	sc := compare.NewScorer(&compare.Result{Params: res.Params, Docs: docs}, seg)
	self := len(res.Docs)
	return New(res, draft, func(i int, city compare.ClauseRef) float64 {
		return sc.Similarity(compare.ClauseRef{Doc: self, Clause: i}, city)
	})
}

// Options choose what a Check compares the draft with.
type Options struct {
	// Against are the documents of the comparison set (indexes into
	// Result.Docs); nil means all of them.
	Against []int
	// MinCities is the k of "in at least k of these n cities"; values
	// outside 1..n are clamped.
	MinCities int
}

// Check is what a draft lacks, borrows and adds, against a comparison set.
type Check struct {
	Query     *Query
	Against   []int // the comparison set, ascending
	MinCities int   // k, clamped to 1..len(Against)
	Missing   []Missing
	Borrowed  []Borrowed
	Own       []int // draft clauses stating no measure of the comparison set
	// Formulas are the measures k cities share that the draft lacks but
	// that are stock legal formulas (data/formulas.txt): not listed as
	// missing.
	Formulas []int
}

// formulas are the patterns of data/formulas.txt.
//
//go:embed data/formulas.txt
var formulaText string

var formulas = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, l := range strings.Split(formulaText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, regexp.MustCompile(l))
		}
	}
	return out
}()

// IsFormula reports whether a clause's normalized text is a stock legal
// formula.
func IsFormula(norm string) bool {
	for _, re := range formulas {
		if re.MatchString(norm) {
			return true
		}
	}
	return false
}

// formula reports whether every clause of a measure is a formula.
func formula(res *compare.Result, m *compare.Measure) bool {
	for _, c := range m.Clauses {
		if !IsFormula(res.Clause(c).Norm) {
			return false
		}
	}
	return true
}

// Missing is a measure at least k cities of the set share that no clause
// of the draft states.
type Missing struct {
	Measure int               // index into Result.Measures
	Example compare.ClauseRef // the clause that says it best: the one closest to the others
	Cities  []int             // the documents of the set that have it
	// Closest is the draft clause most similar to any clause of the
	// measure (-1 when none reaches Floor), and its similarity, below Bar.
	Closest    int
	Similarity float64
}

// Borrowed is a draft clause that states a measure of a city of the set.
type Borrowed struct {
	Clause     int               // the draft clause
	From       compare.ClauseRef // the city clause it is closest to
	Measure    int               // the measure of From
	Also       []int             // other documents of the set with a clause of that measure
	Kind       compare.Kind      // verbatim, near or paraphrase
	Similarity float64
	// Edits turn From into the draft clause, word by word: Delete is
	// what the draft dropped, Insert what it added.
	Edits []compare.Edit
}

// Check compares the draft with a comparison set.
func (q *Query) Check(opt Options) *Check {
	res := q.Res
	in := map[int]bool{}
	for _, d := range opt.Against {
		if d >= 0 && d < len(res.Docs) {
			in[d] = true
		}
	}
	if len(in) == 0 {
		for d := range res.Docs {
			in[d] = true
		}
	}
	ck := &Check{Query: q}
	for d := range res.Docs {
		if in[d] {
			ck.Against = append(ck.Against, d)
		}
	}
	ck.MinCities = max(1, min(opt.MinCities, len(ck.Against)))

	// Borrowed: each draft clause's closest clause in the set, when it
	// reaches the bar.
	stated := map[int]bool{} // measures the draft states
	for i := range q.Draft.Clauses {
		// A clause states the measures it is about as close to as its
		// best: "各级人民政府及其工作部门应当恪守…" passes the bar against
		// every clause opening with the same subject, but states one.
		for _, l := range q.links[i] {
			if l.Similarity < q.Bar || l.Similarity < q.links[i][0].Similarity-StatedMargin {
				break
			}
			stated[q.measureOf[l.City]] = true
		}
		var from *Link
		for k := range q.links[i] {
			if l := &q.links[i][k]; in[l.City.Doc] && l.Similarity >= q.Bar {
				from = l
				break
			}
		}
		if from == nil {
			ck.Own = append(ck.Own, i)
			continue
		}
		mi := q.measureOf[from.City]
		b := Borrowed{Clause: i, From: from.City, Measure: mi, Similarity: from.Similarity}
		for _, d := range res.Measures[mi].Docs {
			if d != from.City.Doc && in[d] {
				b.Also = append(b.Also, d)
			}
		}
		b.Kind, b.Edits = kindOf(res.Clause(from.City), &q.Draft.Clauses[i], res.Params)
		ck.Borrowed = append(ck.Borrowed, b)
	}

	// Missing: measures k cities of the set share, none stated.
	for mi := range res.Measures {
		m := &res.Measures[mi]
		if stated[mi] {
			continue
		}
		var cities []int
		for _, d := range m.Docs {
			if in[d] {
				cities = append(cities, d)
			}
		}
		if len(cities) < ck.MinCities || len(cities) == 0 {
			continue
		}
		if formula(res, m) {
			ck.Formulas = append(ck.Formulas, mi)
			continue
		}
		ms := Missing{Measure: mi, Cities: cities, Example: example(res, m, in), Closest: -1}
		for _, c := range m.Clauses {
			if b, ok := q.best[c]; ok && b.Similarity > ms.Similarity {
				ms.Closest, ms.Similarity = b.City.Clause, b.Similarity
			}
		}
		ck.Missing = append(ck.Missing, ms)
	}
	sort.SliceStable(ck.Missing, func(a, b int) bool { return len(ck.Missing[a].Cities) > len(ck.Missing[b].Cities) })
	return ck
}

// kindOf says how a draft clause relates to the city clause it comes
// from, with the engine's thresholds: the same words, lightly edited (or
// one reused nearly whole inside the other), or rewritten.
func kindOf(city, draft *segment.Clause, p compare.Params) (compare.Kind, []compare.Edit) {
	edits := compare.WordDiff(city.Tokens, draft.Tokens)
	sim := compare.DiffSimilarity(city.Tokens, draft.Tokens)
	equal, cityRunes, draftRunes := 0, 0, 0
	for _, e := range edits {
		n := len([]rune(e.Text))
		switch e.Op {
		case compare.Equal:
			equal += n
			cityRunes += n
			draftRunes += n
		case compare.Delete:
			cityRunes += n
		case compare.Insert:
			draftRunes += n
		}
	}
	cover := 0.0
	if s := min(cityRunes, draftRunes); s > 0 {
		cover = float64(equal) / float64(s)
	}
	switch {
	case sim >= p.VerbatimThreshold:
		return compare.Verbatim, edits
	case sim >= p.NearThreshold || cover >= p.NearCover:
		return compare.Near, edits
	}
	return compare.Paraphrase, edits
}

// example picks the clause of a measure, among the documents of the set,
// that has the most words in common with the others: the measure's most
// typical wording.
func example(res *compare.Result, m *compare.Measure, in map[int]bool) compare.ClauseRef {
	var cand []compare.ClauseRef
	for _, c := range m.Clauses {
		if in[c.Doc] {
			cand = append(cand, c)
		}
	}
	if len(cand) == 0 {
		cand = m.Clauses
	}
	cand = cand[:min(len(cand), maxExamples)] // the square of a measure's size otherwise
	best, bestSum := cand[0], -1.0
	for _, a := range cand {
		sum := 0.0
		for _, b := range cand {
			if a != b {
				sum += compare.DiffSimilarity(res.Clause(a).Tokens, res.Clause(b).Tokens)
			}
		}
		if sum > bestSum {
			best, bestSum = a, sum
		}
	}
	return best
}

// maxExamples bounds the clauses example compares.
const maxExamples = 12

// City is the short name of document d of the analysis: its city, or its id.
func (q *Query) City(d int) string {
	if d < 0 || d >= len(q.Res.Docs) {
		return "?"
	}
	if c := q.Res.Docs[d].Meta.City; c != "" {
		return c
	}
	return q.Res.Docs[d].ID
}
