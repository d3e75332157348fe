package tui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/draftcheck"
	"citydiff/segment/words"
)

// Analysis is a compare.Result with the indexes the panes look things up
// in. It is only read once built, so one Analysis can serve many programs
// at once: the SSH server builds it when it starts and hands it to every
// session's Config.
type Analysis struct {
	res       *compare.Result
	measureOf [][]int // [doc][clause] → measure
	shared    []int   // per document: measures it shares with another
	unique    []int   // per document: measures only it has
	sim       [][]float64
	simShared [][]int
	passages  map[compare.ClauseRef][]int // clause → indexes into res.Passages, either side
	text      []string                    // per measure: its clauses' normalized text, for the filter
	content   func(string) bool           // whether a word carries content

	searchOnce sync.Once
	search     *searchIndex // built on the first search of any program
}

// NewAnalysis indexes a result for the TUI.
func NewAnalysis(res *compare.Result) *Analysis {
	n := len(res.Docs)
	a := &Analysis{
		res:       res,
		measureOf: make([][]int, n),
		shared:    make([]int, n),
		unique:    make([]int, n),
		sim:       make([][]float64, n),
		simShared: make([][]int, n),
		passages:  map[compare.ClauseRef][]int{},
		text:      make([]string, len(res.Measures)),
	}
	for d, doc := range res.Docs {
		a.measureOf[d] = make([]int, len(doc.Clauses))
		for i := range a.measureOf[d] {
			a.measureOf[d][i] = -1
		}
		a.sim[d] = make([]float64, n)
		a.simShared[d] = make([]int, n)
		a.sim[d][d] = 1
	}
	for mi, m := range res.Measures {
		var b strings.Builder
		for _, c := range m.Clauses {
			a.measureOf[c.Doc][c.Clause] = mi
			b.WriteString(res.Clause(c).Norm)
			b.WriteByte('\n')
		}
		a.text[mi] = b.String()
		for _, d := range m.Docs {
			if len(m.Docs) > 1 {
				a.shared[d]++
			} else {
				a.unique[d]++
			}
		}
	}
	for _, p := range res.Similarity {
		a.sim[p.A][p.B], a.sim[p.B][p.A] = p.Score, p.Score
		a.simShared[p.A][p.B], a.simShared[p.B][p.A] = p.Shared, p.Shared
	}
	for i, p := range res.Passages {
		a.passages[p.A] = append(a.passages[p.A], i)
		a.passages[p.B] = append(a.passages[p.B], i)
	}
	seg := words.Default()
	a.content = seg.IsContent
	return a
}

// searchIndex returns the documents' search index, building it the first
// time; safe for concurrent use.
func (a *Analysis) searchIndex() *searchIndex {
	a.searchOnce.Do(func() { a.search = newSearchIndex(a.res.Docs) })
	return a.search
}

// measure returns the measure holding clause c of document d, or nil.
func (a *Analysis) measure(d, c int) (int, *compare.Measure) {
	if a == nil || d >= len(a.measureOf) || c < 0 || c >= len(a.measureOf[d]) {
		return -1, nil
	}
	mi := a.measureOf[d][c]
	if mi < 0 {
		return -1, nil
	}
	return mi, &a.res.Measures[mi]
}

// shareMark is the highlight for text held by k of n documents.
func shareMark(k, n int) mark {
	switch {
	case k <= 1:
		return markUnique
	case n > 2 && k*3 >= n*2, n <= 2 && k >= 2:
		return markSharedMany
	default:
		return markSharedFew
	}
}

// analysisMsg carries the analysis back from its command. gen tags the
// request: a result for an older request is dropped.
type analysisMsg struct {
	gen     int
	an      *Analysis
	queries []*draftcheck.Query // the drafts scored against the cities
	err     error
	took    time.Duration
}

// analyzeCmd runs the engine (and builds the indexes) off the UI goroutine.
// check, when set, scores the drafts against the result in the same command.
func analyzeCmd(gen int, run func() (*compare.Result, error), check func(*compare.Result) ([]*draftcheck.Query, error)) tea.Cmd {
	return func() (msg tea.Msg) {
		start := time.Now()
		defer func() {
			if r := recover(); r != nil {
				msg = analysisMsg{gen: gen, err: fmt.Errorf("the comparison crashed: %v", r)}
			}
		}()
		res, err := run()
		if err != nil {
			return analysisMsg{gen: gen, err: err}
		}
		if res == nil {
			return analysisMsg{gen: gen, err: errNoResult}
		}
		var queries []*draftcheck.Query
		if check != nil {
			if queries, err = check(res); err != nil {
				return analysisMsg{gen: gen, err: fmt.Errorf("checking the draft: %w", err)}
			}
		}
		return analysisMsg{gen: gen, an: NewAnalysis(res), queries: queries, took: time.Since(start)}
	}
}
