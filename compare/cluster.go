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
//   - it needs MatchThreshold, or the lower TopicThreshold when the two
//     clauses lie in sections aligned into one topic;
//   - links are taken strongest first, and two groups merge only when they
//     share no document (a measure holds at most one clause per document,
//     except where a document repeats itself: a same-document pair at
//     repeatThreshold) and the mean similarity across the two groups is at
//     least ClusterLink;
//   - whatever is left alone is a unique measure.

// repeatThreshold is the similarity at which two clauses of one document
// are taken to repeat the same measure.
const repeatThreshold = 0.9

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

// links returns the mutual-best links that pass their threshold, strongest
// first. sameTopic tells whether two clauses lie in aligned sections.
func (c *clusterer) links(sameTopic func(i, j int) bool) []link {
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
				if s.sim >= repeatThreshold {
					out = append(out, link{i, j, s.sim})
				}
				continue
			}
			if best[i][dj].to != j || best[j][di].to != i {
				continue
			}
			t := c.p.MatchThreshold
			if sameTopic != nil && sameTopic(i, j) {
				t = c.p.TopicThreshold
			}
			if s.sim >= t {
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

func (c *clusterer) find(i int) int {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// maxLinkage bounds how many members of each group the linkage check
// samples, so that very large measures (hundreds of documents) stay cheap.
const maxLinkage = 12

// groups runs the constrained clustering and returns the groups of clause
// indexes, each sorted, in order of their first clause.
func (c *clusterer) groups(links []link) [][]int {
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
	if len(a) > maxLinkage {
		a = a[:maxLinkage]
	}
	if len(b) > maxLinkage {
		b = b[:maxLinkage]
	}
	sum := 0.0
	for _, i := range a {
		for _, j := range b {
			sum += c.sim(i, j)
		}
	}
	return sum / float64(len(a)*len(b))
}
