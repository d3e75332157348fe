package compare

import (
	"math"

	"citydiff/segment"
	"citydiff/segment/normalize"
	"citydiff/segment/words"
	"sort"
)

// Section alignment.
//
// Documents cut their subject differently: Shantou has one part on
// enforcement and justice where Xiangtan has separate parts for government,
// courts and supervision, and Ganzhou's numbered tasks cut across both. So
// the units aligned are all sections down to level 2 (and the preamble),
// each represented by the words of its whole subtree, and a topic may join
// sections of different levels.
//
// Two sections are similar by their weighted word cosine and by how many of
// their clauses are already linked as measures (clause links are the
// sharper evidence). Topics are seeded from mutual best section pairs and
// grown by the same constrained agglomeration as measures (one section per
// document). Then every document not yet in a topic may join it with its
// best section if that section is close enough to the topic's members — a
// broad section (Shantou's 二) can take part in several topics this way.

// headingWords are the content words of a section's heading that the
// collection's clauses use too (others cannot link two sections anyway).
func (f *features) headingWords(s *segment.Section, seg *words.Segmenter) []int {
	var out []int
	for _, t := range seg.Cut(normalize.Normalize(s.Heading).String()) {
		if id, ok := f.voc.ids[t.Text]; ok && seg.IsContent(t.Text) {
			out = append(out, id)
		}
	}
	return out
}

// secUnit is a section taking part in alignment.
type secUnit struct {
	ref     SectionRef
	vec     []entry
	clauses []int // feature indexes of the clauses of its subtree
	tf      map[int]float64
}

func buildSectionUnits(r *Result, f *features, seg *words.Segmenter) []secUnit {
	p := &f.p
	var units []secUnit
	for di, d := range r.Docs {
		// subtree clauses: walk each clause up its ancestors.
		sub := make([][]int, len(d.Sections))
		for k, fi := range f.byDoc[di] {
			for s := d.Clauses[k].Section; s >= 0; s = d.Sections[s].Parent {
				sub[s] = append(sub[s], fi)
			}
		}
		subHeadings := make([][][]int, len(d.Sections))
		for si := range d.Sections {
			words := f.headingWords(&d.Sections[si], seg)
			for a := si; a >= 0; a = d.Sections[a].Parent {
				subHeadings[a] = append(subHeadings[a], words)
			}
		}
		for si, s := range d.Sections {
			if s.Level > p.MaxTopicLevel || len(sub[si]) == 0 {
				continue
			}
			tf := map[int]float64{}
			for _, fi := range sub[si] {
				for _, id := range f.clauses[fi].seq {
					tf[id]++
				}
			}
			// Headings state a section's subject in a few words: count
			// the words of its own and its subsections' headings extra.
			for _, h := range subHeadings[si] {
				for _, id := range h {
					tf[id] += p.HeadingBoost
				}
			}
			units = append(units, secUnit{ref: SectionRef{di, si}, vec: nil, clauses: sub[si], tf: tf})
		}
	}
	// Section vectors weigh words by how few sections use them, not by how
	// few documents do: 立法 is in every document, yet it marks the
	// sections about legislation.
	df := map[int]int{}
	for _, u := range units {
		for id := range u.tf {
			df[id]++
		}
	}
	n := float64(len(units))
	for k := range units {
		acc := make(map[int]float64, len(units[k].tf))
		for id, c := range units[k].tf {
			acc[id] = (1 + math.Log(c)) * math.Log(1+n/float64(df[id])) * f.rarity[id]
		}
		units[k].vec = unit(acc)
		units[k].tf = nil
	}
	return units
}

// unitLinks counts clause links between every pair of section units that
// have any: only such pairs are compared, which keeps alignment linear in
// the collection instead of comparing every section with every section.
func unitLinks(units []secUnit, linked map[[2]int]bool) map[[2]int]int {
	holders := map[int][]int{} // clause → units whose subtree holds it
	for u := range units {
		for _, c := range units[u].clauses {
			holders[c] = append(holders[c], u)
		}
	}
	keys := make([][2]int, 0, len(linked))
	for k := range linked {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		return keys[a][0] < keys[b][0] || keys[a][0] == keys[b][0] && keys[a][1] < keys[b][1]
	})
	out := map[[2]int]int{}
	for _, k := range keys {
		for _, ua := range holders[k[0]] {
			for _, ub := range holders[k[1]] {
				if units[ua].ref.Doc != units[ub].ref.Doc {
					out[pairKey(ua, ub)]++
				}
			}
		}
	}
	return out
}

// sectionPairs lists the unit pairs worth comparing: those with clause
// links between them, and those that share one of their heaviest words
// (found through an index whose posting lists are bounded, so the number
// of pairs grows with the collection, not with its square).
func sectionPairs(units []secUnit, counts map[[2]int]int, p Params) [][2]int {
	seen := map[[2]int]bool{}
	for k := range counts {
		seen[k] = true
	}
	postings := map[int][]int{}
	for u := range units {
		v := append([]entry(nil), units[u].vec...)
		sort.Slice(v, func(a, b int) bool { return v[a].w > v[b].w || v[a].w == v[b].w && v[a].id < v[b].id })
		for _, e := range v[:min(p.TopicWords, len(v))] {
			postings[e.id] = append(postings[e.id], u)
		}
	}
	for _, list := range postings {
		if len(list) > p.MaxPosting {
			continue
		}
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				if units[list[x]].ref.Doc != units[list[y]].ref.Doc {
					seen[pairKey(list[x], list[y])] = true
				}
			}
		}
	}
	out := make([][2]int, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] || out[a][0] == out[b][0] && out[a][1] < out[b][1] })
	return out
}

// sectionSim is the similarity of two section units: their word cosine
// blended with the density of clause links between them.
func sectionSim(a, b *secUnit, links int, p Params) float64 {
	cos := cosine(a.vec, b.vec)
	density := float64(links) / float64(min(len(a.clauses), len(b.clauses)))
	return min(1, cos+p.LinkDensityWeight*min(1, 2*density))
}

// alignSections groups section units into topics. It also returns the
// similarity of every pair of units it compared, the evidence that lowers
// the bar for clause links between those sections.
func alignSections(units []secUnit, counts map[[2]int]int, p Params) ([][]int, []map[int]float64) {
	n := len(units)
	nb := make([]map[int]float64, n) // sparse similarities
	for i := range nb {
		nb[i] = map[int]float64{}
	}
	pairs := sectionPairs(units, counts, p)
	sims := make([]float64, len(pairs))
	forEach(len(pairs), func(_, x int) {
		k := pairs[x]
		sims[x] = sectionSim(&units[k[0]], &units[k[1]], counts[k], p)
	})
	for x, k := range pairs {
		nb[k[0]][k[1]], nb[k[1]][k[0]] = sims[x], sims[x]
	}
	// Each unit's best neighbour in every other document, in one pass.
	best := make([]map[int]int, n)
	for i := range nb {
		best[i] = map[int]int{}
		for j, s := range nb[i] {
			d := units[j].ref.Doc
			b, ok := best[i][d]
			if !ok || s > nb[i][b] || s == nb[i][b] && j < b {
				best[i][d] = j
			}
		}
	}
	var links []link
	for i := 0; i < n; i++ {
		for _, j := range best[i] {
			if j > i && best[j][units[i].ref.Doc] == i && nb[i][j] >= p.SectionThreshold {
				links = append(links, link{i, j, nb[i][j]})
			}
		}
	}
	sort.Slice(links, func(x, y int) bool {
		if links[x].sim != links[y].sim {
			return links[x].sim > links[y].sim
		}
		return links[x].a < links[y].a || links[x].a == links[y].a && links[x].b < links[y].b
	})
	parent := make([]int, n)
	member := make([][]int, n)
	for i := range parent {
		parent[i], member[i] = i, []int{i}
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	hasDoc := func(g []int, doc int) bool {
		for _, u := range g {
			if units[u].ref.Doc == doc {
				return true
			}
		}
		return false
	}
	mean := func(g []int, u int) float64 {
		s := 0.0
		for _, v := range g {
			s += nb[u][v]
		}
		return s / float64(len(g))
	}
	for _, l := range links {
		ra, rb := find(l.a), find(l.b)
		if ra == rb {
			continue
		}
		ok := true
		total := 0.0
		for _, u := range member[rb] {
			if hasDoc(member[ra], units[u].ref.Doc) {
				ok = false
				break
			}
			total += mean(member[ra], u)
		}
		if !ok || total/float64(len(member[rb])) < p.TopicJoinShare*p.SectionThreshold {
			continue
		}
		parent[rb] = ra
		member[ra] = append(member[ra], member[rb]...)
		member[rb] = nil
	}
	var topics [][]int
	for i := 0; i < n; i++ {
		if find(i) == i && len(member[i]) > 1 {
			topics = append(topics, append([]int(nil), member[i]...))
		}
	}
	// Let a document that is missing from a topic join it with its
	// closest section, even one already in another topic.
	for t, g := range topics {
		seed := append([]int(nil), g...)
		cand := map[int]bool{}
		for _, u := range seed {
			for v := range nb[u] {
				if !hasDoc(seed, units[v].ref.Doc) {
					cand[v] = true
				}
			}
		}
		bestOf := map[int]int{}
		bestSim := map[int]float64{}
		for v := range cand {
			d := units[v].ref.Doc
			m := mean(seed, v)
			if b, ok := bestOf[d]; !ok || m > bestSim[d] || m == bestSim[d] && v < b {
				bestOf[d], bestSim[d] = v, m
			}
		}
		for d, v := range bestOf {
			if bestSim[d] >= p.SectionThreshold {
				topics[t] = append(topics[t], v)
			}
		}
		sort.Slice(topics[t], func(a, b int) bool { return lessSection(units[topics[t][a]].ref, units[topics[t][b]].ref) })
	}
	return topics, nb
}

func lessSection(a, b SectionRef) bool {
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Section < b.Section
}

// topicSets returns, for each document and section, the topics that cover
// it directly or through an ancestor.
func topicSets(r *Result, topics []Topic) [][]map[int]bool {
	own := make([][]map[int]bool, len(r.Docs))
	for di, d := range r.Docs {
		own[di] = make([]map[int]bool, len(d.Sections))
	}
	for t, tp := range topics {
		for _, s := range tp.Sections {
			if own[s.Doc][s.Section] == nil {
				own[s.Doc][s.Section] = map[int]bool{}
			}
			own[s.Doc][s.Section][t] = true
		}
	}
	out := make([][]map[int]bool, len(r.Docs))
	for di, d := range r.Docs {
		out[di] = make([]map[int]bool, len(d.Sections))
		for si := range d.Sections {
			set := map[int]bool{}
			for s := si; s >= 0; s = d.Sections[s].Parent {
				for t := range own[di][s] {
					set[t] = true
				}
			}
			out[di][si] = set
		}
	}
	return out
}
