package compare

import "sort"

// Candidate generation.
//
// Comparing every clause with every clause grows with the square of the
// collection. Instead an inverted index maps each content word to the
// clauses that use it; a clause meets only the clauses it shares a word
// with, scored by the partial dot product of their vectors. Words used by
// more than MaxDocFreq of all clauses, or by more than maxPosting clauses,
// are left out of the index: they are stock vocabulary that would make
// every clause a candidate of every other, and they weigh little anyway.
// A second index over character n-grams finds verbatim runs of common
// words. The best Candidates clauses of each document are kept (of the
// clause's own document too, where it repeats itself); only those get the
// full similarity (cosine, local alignment, shared n-grams).

// preselectFactor × MaxCandidates best partial scores are looked at to
// find the MaxCandidates that get a full score.
const preselectFactor = 4

// scored is a candidate clause with its similarity to the query.
type scored struct {
	to  int // index into features.clauses
	sim float64
	al  alignment
}

// candidates returns, for every clause, its scored candidates (sorted by
// descending similarity, ties by index).
func (f *features) candidates(p Params) [][]scored {
	limit := int(p.MaxDocFreq * float64(len(f.clauses)))
	limit = max(limit, 8)
	limit = min(limit, p.MaxPosting)
	postings := make([][]posting, len(f.voc.words))
	for i, cf := range f.clauses {
		for _, e := range cf.vec {
			postings[e.id] = append(postings[e.id], posting{i, e.w})
		}
	}
	for id, list := range postings {
		if len(list) > limit {
			postings[id] = nil
		}
	}
	gramPostings := make([][]int, f.ngrams)
	for i, cf := range f.clauses {
		for _, g := range cf.grams {
			gramPostings[g] = append(gramPostings[g], i)
		}
	}
	for g, list := range gramPostings {
		if len(list) > limit {
			gramPostings[g] = nil
		}
	}
	out := make([][]scored, len(f.clauses))
	accs := make([]*accumulator, workers())
	forEach(len(f.clauses), func(w, i int) {
		if accs[w] == nil {
			accs[w] = newAccumulator(len(f.clauses))
		}
		out[i] = f.candidatesOf(i, postings, gramPostings, accs[w], p)
	})
	return out
}

// candidatesOf ranks the clauses that share indexed words or character
// n-grams with clause i by the larger of their partial cosine and the share
// of n-grams they have in common, and fully scores the best of them.
func (f *features) candidatesOf(i int, postings [][]posting, gramPostings [][]int, acc *accumulator, p Params) []scored {
	acc.reset()
	me := &f.clauses[i]
	for _, e := range me.vec {
		for _, q := range postings[e.id] {
			if q.clause != i {
				acc.add(q.clause, e.w*q.w)
			}
		}
	}
	for _, g := range me.grams {
		for _, j := range gramPostings[g] {
			if j != i {
				acc.count(j)
			}
		}
	}
	type pre struct {
		j int
		s float64
	}
	better := func(x, y pre) bool { return x.s > y.s || x.s == y.s && x.j < y.j }
	// The best preselect candidates overall, kept in a bounded heap (its
	// root is the worst kept), so the cost per clause does not grow with
	// the number of documents…
	preselect := preselectFactor * p.MaxCandidates
	top := make([]pre, 0, preselect)
	down := func(k int) {
		for {
			l, m := 2*k+1, k
			if l < len(top) && better(top[m], top[l]) {
				m = l
			}
			if r := l + 1; r < len(top) && better(top[m], top[r]) {
				m = r
			}
			if m == k {
				return
			}
			top[k], top[m] = top[m], top[k]
			k = m
		}
	}
	for _, j := range acc.touched {
		s := acc.dot[j]
		if n := acc.shared[j]; n > 0 {
			s = max(s, float64(n)/float64(min(len(me.grams), len(f.clauses[j].grams))))
		}
		x := pre{j, s}
		switch {
		case len(top) < preselect:
			top = append(top, x)
			for k := len(top) - 1; k > 0 && better(top[(k-1)/2], top[k]); k = (k - 1) / 2 {
				top[k], top[(k-1)/2] = top[(k-1)/2], top[k]
			}
		case better(x, top[0]):
			top[0] = x
			down(0)
		}
	}
	byScore := func(list []pre) {
		sort.Slice(list, func(a, b int) bool { return better(list[a], list[b]) })
	}
	byScore(top)
	// …then at most p.Candidates per document, best first.
	perDoc := map[int]int{}
	kept := top[:0]
	for _, x := range top {
		d := f.clauses[x.j].ref.Doc
		if perDoc[d] < p.Candidates {
			perDoc[d]++
			kept = append(kept, x)
		}
	}
	// Only the best maxCandidates get the full score (local alignment is
	// the costly part): the per-clause cost stays bounded as documents grow.
	kept = kept[:min(len(kept), p.MaxCandidates)]
	res := make([]scored, 0, len(kept))
	for _, k := range kept {
		res = append(res, f.score(i, k.j))
	}
	sort.Slice(res, func(a, b int) bool {
		if res[a].sim != res[b].sim {
			return res[a].sim > res[b].sim
		}
		return res[a].to < res[b].to
	})
	if len(res) > p.MaxCandidates {
		res = res[:p.MaxCandidates]
	}
	return res
}

// posting is one clause that uses a word, with the word's weight in the
// clause's unit vector.
type posting struct {
	clause int
	w      float64
}

// accumulator sums, for one query clause at a time, the partial dot
// products and shared n-grams of the clauses it meets. Dense arrays
// indexed by clause, reset through the list of clauses touched, cost far
// less than maps on large collections.
type accumulator struct {
	dot     []float64
	shared  []int32
	seen    []bool
	touched []int
}

func newAccumulator(n int) *accumulator {
	return &accumulator{dot: make([]float64, n), shared: make([]int32, n), seen: make([]bool, n)}
}

func (a *accumulator) touch(j int) {
	if !a.seen[j] {
		a.seen[j] = true
		a.touched = append(a.touched, j)
	}
}

func (a *accumulator) add(j int, w float64) {
	a.touch(j)
	a.dot[j] += w
}

func (a *accumulator) count(j int) {
	a.touch(j)
	a.shared[j]++
}

func (a *accumulator) reset() {
	for _, j := range a.touched {
		a.dot[j], a.shared[j], a.seen[j] = 0, 0, false
	}
	a.touched = a.touched[:0]
}

// onlySharedWord returns the number of words two vectors share and, when
// there is exactly one, its id.
func (f *features) onlySharedWord(a, b []entry) (id, n int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			id = a[i].id
			n++
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return id, n
}

// sharedSorted counts the values two sorted slices share.
func sharedSorted(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
