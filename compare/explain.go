package compare

import "citydiff/segment/words"

// Scorer answers questions about pairs of clauses of a finished analysis:
// how similar the engine finds them, and which clause of another document
// it finds closest. It is for explaining results (citydiff eval prints it
// next to every miss), not for the analysis itself, and rebuilds the word
// weights once when made.
type Scorer struct {
	f   *features
	idx map[ClauseRef]int
}

// NewScorer prepares a Scorer for r's documents and parameters.
func NewScorer(r *Result, seg *words.Segmenter) *Scorer {
	f := buildFeatures(r, seg, r.Params)
	s := &Scorer{f: f, idx: make(map[ClauseRef]int, len(f.clauses))}
	for i, c := range f.clauses {
		s.idx[c.ref] = i
	}
	return s
}

// Similarity is the engine's similarity of two clauses (0..1).
func (s *Scorer) Similarity(a, b ClauseRef) float64 {
	i, ok1 := s.idx[a]
	j, ok2 := s.idx[b]
	if !ok1 || !ok2 {
		return 0
	}
	return s.f.score(i, j).sim
}

// Best is the clause of document doc most similar to a, and its similarity.
func (s *Scorer) Best(a ClauseRef, doc int) (ClauseRef, float64) {
	i, ok := s.idx[a]
	if !ok || doc < 0 || doc >= len(s.f.byDoc) {
		return ClauseRef{-1, -1}, 0
	}
	best, sim := ClauseRef{-1, -1}, -1.0
	for _, j := range s.f.byDoc[doc] {
		if j == i {
			continue
		}
		if v := s.f.score(i, j).sim; v > sim {
			best, sim = s.f.clauses[j].ref, v
		}
	}
	return best, max(sim, 0)
}
