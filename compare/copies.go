package compare

import (
	"hash/fnv"
	"sort"
)

// Near-copies.
//
// The candidate index keeps a bounded number of candidates per clause, so
// that the cost per clause stays flat as the collection grows. A cap like
// that must never drop a copy: once more documents share a clause than the
// cap allows, identical clauses would turn "unique". So copies are found
// apart from the index, without any cap:
//
//   - exact copies by hashing the clause's letters (own city names masked);
//   - near-copies by MinHash over the clause's character n-grams, with
//     locality-sensitive banding (copyBands bands of copyRows hashes): two
//     clauses whose n-gram sets have Jaccard similarity J share a band with
//     probability 1-(1-J^copyRows)^copyBands (0.94 at J = 0.8, 0.41 at 0.5),
//     and every pair found is checked against CopyJaccard exactly.
//
// Each bucket is linked as a star around its first clause, so a clause
// shared by n documents costs n links, not n².

const (
	copyBands = 4
	copyRows  = 3
	// minCopyGrams is the fewest n-grams for the MinHash test; shorter
	// clauses are found as exact copies only.
	minCopyGrams = 3
)

// copyLinks returns links between clauses of different documents that are
// exact or near copies, each pair once, in index order.
func (f *features) copyLinks() []link {
	seen := map[[2]int]bool{}
	var out []link
	add := func(a, b int, sim float64) {
		if f.clauses[a].ref.Doc == f.clauses[b].ref.Doc {
			return
		}
		k := pairKey(a, b)
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, link{k[0], k[1], sim})
	}
	star := func(bucket []int, check func(a, b int) float64) {
		// Each clause links to the first earlier clause of the bucket
		// from another document: one link per member.
		for k := 1; k < len(bucket); k++ {
			for c := 0; c < k; c++ {
				if f.clauses[bucket[c]].ref.Doc != f.clauses[bucket[k]].ref.Doc {
					if sim := check(bucket[c], bucket[k]); sim > 0 {
						add(bucket[c], bucket[k], sim)
					}
					break
				}
			}
		}
	}
	exact := map[uint64][]int{}
	for i := range f.clauses {
		if text := letters(f.clauses[i].masked); len(text) > 0 {
			h := fnv.New64a()
			h.Write([]byte(string(text)))
			exact[h.Sum64()] = append(exact[h.Sum64()], i)
		}
	}
	for _, key := range sortedKeys(exact) {
		star(exact[key], func(a, b int) float64 { return 1 })
	}
	buckets := map[uint64][]int{}
	for i := range f.clauses {
		g := f.clauses[i].grams
		if len(g) < minCopyGrams {
			continue
		}
		sig := minHash(g)
		for b := 0; b < copyBands; b++ {
			h := uint64(b)*0x9e3779b97f4a7c15 + 1
			for _, v := range sig[b*copyRows : (b+1)*copyRows] {
				h = mix64(h ^ v)
			}
			buckets[h] = append(buckets[h], i)
		}
	}
	for _, key := range sortedKeys(buckets) {
		// The Jaccard similarity is the link's strength: cheap, and for
		// copies as good a measure as the full score.
		star(buckets[key], func(a, b int) float64 {
			if j := jaccard(f.clauses[a].grams, f.clauses[b].grams); j >= f.p.CopyJaccard {
				return j
			}
			return 0
		})
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].a != out[y].a {
			return out[x].a < out[y].a
		}
		return out[x].b < out[y].b
	})
	return out
}

func sortedKeys(m map[uint64][]int) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	return keys
}

// minHash is the MinHash signature of a set of n-gram ids.
func minHash(grams []int) [copyBands * copyRows]uint64 {
	var sig [copyBands * copyRows]uint64
	for k := range sig {
		sig[k] = ^uint64(0)
	}
	for _, g := range grams {
		x := uint64(g) + 1
		for k := range sig {
			if v := mix64(x + uint64(k)*0xbf58476d1ce4e5b9); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// mix64 is SplitMix64's finalizer: a fast, well-spread hash of a 64-bit value.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// jaccard of two sorted sets.
func jaccard(a, b []int) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := sharedSorted(a, b)
	return float64(n) / float64(len(a)+len(b)-n)
}
