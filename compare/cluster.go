package compare

import "sort"

// Constrained clustering of clauses into measures.
//
// One similarity threshold plus connected components chains everything
// together (A~B and B~C make a measure of A, B and C even when A and C say
// different things), and a threshold high enough to stop that misses most
// paraphrases. So the clustering is constrained instead (ENGINE.md):
//
//   - a link is made only between mutual best matches: clause a's best
//     match in b's document is b, and b's best match in a's document is a;
//   - it needs MatchThreshold, lowered towards TopicThreshold as far as
//     the two clauses' sections are aligned (alignment is evidence);
//   - links are taken strongest first, and two groups merge only when they
//     share no document (a measure holds at most one clause per document,
//     except where a document repeats itself: a same-document pair at
//     RepeatThreshold) and the mean similarity across the two groups is at
//     least ClusterLink;
//   - whatever is left alone is a unique measure.

type link struct {
	a, b int
	sim  float64
}

// clusterer groups clauses; sims caches pair similarities.
type clusterer struct {
	f      *features
	p      Params
	cands  [][]scored
	simOf  map[[2]int]float64
	parent []int
	member [][]int
	docsOf []map[int]bool // root → documents of its members
}

func newClusterer(f *features, p Params, cands [][]scored) *clusterer {
	c := &clusterer{f: f, p: p, cands: cands, simOf: map[[2]int]float64{}}
	for i, list := range cands {
		for _, s := range list {
			c.simOf[pairKey(i, s.to)] = s.sim
		}
	}
	return c
}

func pairKey(i, j int) [2]int {
	if i > j {
		i, j = j, i
	}
	return [2]int{i, j}
}

func (c *clusterer) sim(i, j int) float64 {
	k := pairKey(i, j)
	if s, ok := c.simOf[k]; ok {
		return s
	}
	s := c.f.score(i, j).sim
	c.simOf[k] = s
	return s
}

// links returns the mutual-best links that pass their bar, strongest
// first. affinity tells how far two clauses' sections are aligned (0..1);
// the bar falls from MatchThreshold to TopicThreshold with it.
func (c *clusterer) links(affinity func(i, j int) float64) []link {
	f := c.f
	best := make([]map[int]scored, len(f.clauses)) // clause → doc → best candidate
	for i, list := range c.cands {
		best[i] = map[int]scored{}
		for _, s := range list {
			d := f.clauses[s.to].ref.Doc
			if _, ok := best[i][d]; !ok {
				best[i][d] = s
			}
		}
	}
	var out []link
	for i, list := range c.cands {
		di := f.clauses[i].ref.Doc
		for _, s := range list {
			j := s.to
			if j < i {
				continue
			}
			dj := f.clauses[j].ref.Doc
			if di == dj {
				if s.sim >= c.p.RepeatThreshold {
					out = append(out, link{i, j, s.sim})
				}
				continue
			}
			if best[i][dj].to != j || best[j][di].to != i {
				continue
			}
			if s.sim >= c.bar(affinity, i, j) {
				out = append(out, link{i, j, s.sim})
			}
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].sim != out[y].sim {
			return out[x].sim > out[y].sim
		}
		if out[x].a != out[y].a {
			return out[x].a < out[y].a
		}
		return out[x].b < out[y].b
	})
	return out
}

// bar is the similarity clauses i and j of different documents need to be
// linked: MatchThreshold, lowered towards TopicThreshold as far as their
// sections are aligned.
func (c *clusterer) bar(affinity func(i, j int) float64, i, j int) float64 {
	t := c.p.MatchThreshold
	if affinity != nil {
		t -= (c.p.MatchThreshold - c.p.TopicThreshold) * affinity(i, j)
	}
	return t
}

func (c *clusterer) find(i int) int {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// groups runs the constrained clustering, then the second chance for
// clauses left alone, and returns the groups of clause indexes, each
// sorted, in order of their first clause.
//
// Links are taken in the order given: copies first (copyLinks), then the
// rest, strongest first.
func (c *clusterer) groups(links []link, affinity func(i, j int) float64) [][]int {
	n := len(c.f.clauses)
	c.parent = make([]int, n)
	c.member = make([][]int, n)
	c.docsOf = make([]map[int]bool, n)
	for i := range c.parent {
		c.parent[i] = i
		c.member[i] = []int{i}
		c.docsOf[i] = map[int]bool{c.f.clauses[i].ref.Doc: true}
	}
	for _, l := range links {
		ra, rb := c.find(l.a), c.find(l.b)
		if ra == rb {
			continue
		}
		same := c.f.clauses[l.a].ref.Doc == c.f.clauses[l.b].ref.Doc
		if !same && !c.disjointDocs(ra, rb) {
			continue
		}
		if !same && c.linkage(ra, rb) < c.p.ClusterLink {
			continue
		}
		if len(c.member[ra]) < len(c.member[rb]) {
			ra, rb = rb, ra
		}
		c.parent[rb] = ra
		c.member[ra] = append(c.member[ra], c.member[rb]...)
		for d := range c.docsOf[rb] {
			c.docsOf[ra][d] = true
		}
		c.member[rb], c.docsOf[rb] = nil, nil
	}
	if affinity != nil {
		c.attach(affinity)
	}
	var out [][]int
	for i := 0; i < n; i++ {
		if c.find(i) == i {
			g := append([]int(nil), c.member[i]...)
			sort.Ints(g)
			out = append(out, g)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

func (c *clusterer) disjointDocs(ra, rb int) bool {
	a, b := c.docsOf[ra], c.docsOf[rb]
	if len(a) < len(b) {
		a, b = b, a
	}
	for d := range b {
		if a[d] {
			return false
		}
	}
	return true
}

// linkage is the mean similarity between the members of two groups.
func (c *clusterer) linkage(ra, rb int) float64 {
	a, b := c.member[ra], c.member[rb]
	// Sampling MaxLinkage members of each keeps very large measures
	// (hundreds of documents) cheap.
	if len(a) > c.p.MaxLinkage {
		a = a[:c.p.MaxLinkage]
	}
	if len(b) > c.p.MaxLinkage {
		b = b[:c.p.MaxLinkage]
	}
	sum := 0.0
	for _, i := range a {
		for _, j := range b {
			sum += c.sim(i, j)
		}
	}
	return sum / float64(len(a)*len(b))
}

// attach gives clauses still alone a second chance, for the two cases that
// mutual best matching cannot see (docs/engine.md):
//
//   - a third or fourth document joins a measure: its clause's best match
//     is in the measure, but that clause prefers another document's;
//   - granularity: a document states in two clauses of one section what
//     another states in one, which can be the mutual best of only one.
//
// A lone clause proposes to join the measure of its best candidate in each
// other document whose similarity clears the link bar by AttachMargin. The
// proposals of all clauses are taken strongest first; one is accepted when
// the measure either lacks the clause's document or holds it only in the
// same section, and the linkage check passes. A clause whose best proposal
// fails these checks may still join through its next best.
func (c *clusterer) attach(affinity func(i, j int) float64) {
	f := c.f
	type proposal struct {
		y, x int
		sim  float64
	}
	var props []proposal
	for y, list := range c.cands {
		if len(c.member[c.find(y)]) > 1 {
			continue
		}
		dy := f.clauses[y].ref.Doc
		seen := map[int]bool{dy: true}
		for _, s := range list { // best first: its best match in each document
			x := s.to
			dx := f.clauses[x].ref.Doc
			if seen[dx] {
				continue
			}
			seen[dx] = true
			if s.sim >= c.bar(affinity, y, x)+c.p.AttachMargin {
				props = append(props, proposal{y, x, s.sim})
			}
		}
	}
	sort.Slice(props, func(a, b int) bool {
		if props[a].sim != props[b].sim {
			return props[a].sim > props[b].sim
		}
		return props[a].y < props[b].y
	})
	for _, pr := range props {
		ry, rx := c.find(pr.y), c.find(pr.x)
		if ry == rx || len(c.member[ry]) > 1 { // joined already, by a stronger proposal
			continue
		}
		dy := f.clauses[pr.y].ref.Doc
		if c.docsOf[rx][dy] && !c.sameSectionMember(rx, pr.y) {
			continue
		}
		if c.linkage(ry, rx) < c.p.ClusterLink {
			continue
		}
		c.parent[ry] = rx
		c.member[rx] = append(c.member[rx], pr.y)
		c.docsOf[rx][dy] = true
		c.member[ry], c.docsOf[ry] = nil, nil
	}
}

// sameSectionMember reports whether group r holds a clause of y's document
// in y's own section.
func (c *clusterer) sameSectionMember(r, y int) bool {
	cy := &c.f.clauses[y]
	for _, m := range c.member[r] {
		cm := &c.f.clauses[m]
		if cm.ref.Doc == cy.ref.Doc && cm.section == cy.section {
			return true
		}
	}
	return false
}
