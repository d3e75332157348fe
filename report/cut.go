package report

import (
	"sort"

	"citydiff/compare"
)

// SimilarityCut says which document pairs a report lists. The engine
// scores every pair, but n documents make n(n-1)/2 pairs: 1.8 million for
// the 1,911 local regulations of LawRefBook/Laws, most sharing a
// boilerplate clause or two. Reports record the cut with the parameters,
// so a reader knows what an absent pair means.
type SimilarityCut struct {
	// MinShared leaves out pairs that share fewer measures; 0 keeps pairs
	// that share none.
	MinShared int `json:"similarity_min_shared"`
	// TopPartners keeps a pair only when one of its documents ranks the
	// other among its TopPartners closest (by score, then shared measures,
	// then document order); 0 keeps every pair.
	TopPartners int `json:"similarity_top_partners"`
}

// AllPairsUpTo is the number of documents up to which reports list every
// pair by default (124,750 pairs at most); larger corpora get
// LargeCorpusCut.
const AllPairsUpTo = 500

// LargeCorpusCut is the default cut above AllPairsUpTo documents: each
// document's 50 closest partners among those it shares a measure with.
var LargeCorpusCut = SimilarityCut{MinShared: 1, TopPartners: 50}

// DefaultCut is the cut a report over n documents gets unless one is asked
// for: every pair when that is few enough to read, else LargeCorpusCut.
func DefaultCut(n int) SimilarityCut {
	if n <= AllPairsUpTo {
		return SimilarityCut{}
	}
	return LargeCorpusCut
}

// All reports whether the cut keeps every pair.
func (c SimilarityCut) All() bool { return c.MinShared <= 0 && c.TopPartners <= 0 }

// Select returns the pairs the cut keeps, in their given order. n is the
// number of documents.
func (c SimilarityCut) Select(pairs []compare.Pair, n int) []compare.Pair {
	if c.All() {
		return pairs
	}
	keep := make([]bool, len(pairs))
	for i, p := range pairs {
		keep[i] = p.Shared >= c.MinShared
	}
	if c.TopPartners > 0 {
		top := make([]bool, len(pairs))
		for _, list := range partnerLists(pairs, keep, n) {
			for k, i := range list {
				if k == c.TopPartners {
					break
				}
				top[i] = true
			}
		}
		keep = top
	}
	var out []compare.Pair
	for i, p := range pairs {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// partnerLists gives, for each document, the indexes of its kept pairs,
// closest partner first.
func partnerLists(pairs []compare.Pair, keep []bool, n int) [][]int {
	lists := make([][]int, n)
	for i, p := range pairs {
		if keep[i] {
			lists[p.A] = append(lists[p.A], i)
			lists[p.B] = append(lists[p.B], i)
		}
	}
	for d, list := range lists {
		other := func(i int) int {
			if pairs[i].A == d {
				return pairs[i].B
			}
			return pairs[i].A
		}
		sort.SliceStable(list, func(x, y int) bool {
			a, b := pairs[list[x]], pairs[list[y]]
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			if a.Shared != b.Shared {
				return a.Shared > b.Shared
			}
			return other(list[x]) < other(list[y])
		})
	}
	return lists
}
