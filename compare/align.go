package compare

// Local alignment.
//
// Cities copy half-sentences into otherwise different sentences (Shantou
// and Puyang do it throughout), so a bag-of-words score over whole clauses
// under-rates reuse. Smith–Waterman finds the best-scoring local stretch
// that two token sequences share, as text-reuse detection does: a match
// scores the word's weight (rare words count most), a mismatch or a gap
// costs a fraction of the mean weight, and the score never drops below zero,
// so the alignment starts and ends where the shared stretch does.
//
// The score is normalized by the weight mass of the shorter clause: 1 means
// the shorter clause is reused whole inside the longer one.

// alignment is the best local alignment of two clauses.
type alignment struct {
	score        float64 // raw score
	norm         float64 // score / mass of the lighter clause, in [0, 1]
	aStart, aEnd int     // aligned stretch in a.seq, [start, end)
	bStart, bEnd int
	matched      int // tokens matched in the stretch
}

// localAlign runs Smith–Waterman over the content words of two clauses.
// Memory is O(len(b)); the traceback keeps only where each cell's path began.
func (f *features) localAlign(a, b *clauseFeat) alignment {
	n, m := len(a.seq), len(b.seq)
	if n == 0 || m == 0 {
		return alignment{}
	}
	mean := (a.mass + b.mass) / float64(n+m)
	mis, gap := f.p.MismatchCost*mean, f.p.GapCost*mean
	type cell struct {
		h          float64
		si, sj, mt int // where the path began, tokens matched on it
	}
	prev := make([]cell, m+1)
	cur := make([]cell, m+1)
	var best alignment
	for i := 1; i <= n; i++ {
		cur[0] = cell{}
		for j := 1; j <= m; j++ {
			c := cell{}
			d := prev[j-1]
			if a.seq[i-1] == b.seq[j-1] {
				if v := d.h + f.weight[a.seq[i-1]]; v > c.h {
					c = cell{v, d.si, d.sj, d.mt + 1}
					if d.h == 0 {
						c.si, c.sj, c.mt = i-1, j-1, 1
					}
				}
			} else if v := d.h - mis; v > c.h {
				c = cell{v, d.si, d.sj, d.mt}
			}
			if u := prev[j]; u.h-gap > c.h {
				c = cell{u.h - gap, u.si, u.sj, u.mt}
			}
			if l := cur[j-1]; l.h-gap > c.h {
				c = cell{l.h - gap, l.si, l.sj, l.mt}
			}
			cur[j] = c
			if c.h > best.score {
				best = alignment{score: c.h, aStart: c.si, aEnd: i, bStart: c.sj, bEnd: j, matched: c.mt}
			}
		}
		prev, cur = cur, prev
	}
	if lighter := min(a.mass, b.mass); lighter > 0 {
		best.norm = min(1, best.score/lighter)
	}
	return best
}
