package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"citydiff/segment"
	"citydiff/segment/words"
)

// Analyze compares documents whose clauses have been segmented with seg
// (see segment.Document.Segment). It is deterministic: the same documents
// and Params give the same Result.
//
// It runs in stages, each taking the previous one's output:
//
//	words       features.go    weighted bags of words and character bigrams
//	candidates  index.go       pairs worth comparing, near-copies.go uncapped
//	links       links.go       mutual best pairs above their bar
//	topics      topics.go      sections aligned across documents, from the links
//	links       links.go       again, the bar lowered by section alignment
//	measures    cluster.go     constrained clustering, kinds and labels
func Analyze(docs []*segment.Document, seg *words.Segmenter, p Params) *Result {
	r := &Result{Params: p, Docs: docs}
	f := buildFeatures(r, seg, p)
	cands := f.candidates(p)
	cl := newClusterer(f, p, cands)

	// Clause links without topic knowledge: the sharp evidence for
	// section alignment.
	linked := map[[2]int]bool{}
	for _, l := range cl.links(nil) {
		linked[pairKey(l.a, l.b)] = true
	}
	units := buildSectionUnits(r, f, seg)
	counts := unitLinks(units, linked)
	groups, secSims := alignSections(units, counts, p)
	for k, g := range groups {
		t := Topic{ID: fmt.Sprintf("t%02d", k+1)}
		acc := map[int]float64{}
		count := map[int]int{}
		for _, u := range g {
			t.Sections = append(t.Sections, units[u].ref)
			addInto(acc, units[u].vec, 1)
			for _, e := range units[u].vec {
				count[e.id]++
			}
		}
		t.Score = meanSectionSim(units, g, counts, p)
		t.Label = label(f, acc, count, 3, nil)
		r.Topics = append(r.Topics, t)
	}
	sortTopics(r)

	// Measures, the bar lowered where sections are aligned.
	sets := topicSets(r, r.Topics)
	affinity := sectionAffinity(r, f, units, secSims, sets, p)
	clusters := cl.groups(append(f.copyLinks(), cl.links(affinity)...), affinity)
	r.Measures = make([]Measure, 0, len(clusters))
	for _, g := range clusters {
		r.Measures = append(r.Measures, buildMeasure(f, cl, g, p))
	}
	sortMeasures(r)
	r.Reindex()
	assignTopics(r, sets)
	r.Similarity = DocSimilarity(r.Docs, r.Measures)
	r.Passages = passages(r, f, cands, p)
	return r
}

// sectionAffinity says, for two clauses, how far their sections are
// aligned, in [0, 1]: 1 when they lie in one topic, else the similarity
// of their closest sections relative to AlignedSimilarity.
func sectionAffinity(r *Result, f *features, units []secUnit, secSims []map[int]float64, sets [][]map[int]bool, p Params) func(i, j int) float64 {
	holders := make([][]int, len(f.clauses)) // clause → units whose subtree holds it
	for u := range units {
		for _, c := range units[u].clauses {
			holders[c] = append(holders[c], u)
		}
	}
	return func(i, j int) float64 {
		a, b := f.clauses[i].ref, f.clauses[j].ref
		sa := sets[a.Doc][r.Docs[a.Doc].Clauses[a.Clause].Section]
		sb := sets[b.Doc][r.Docs[b.Doc].Clauses[b.Clause].Section]
		for t := range sa {
			if sb[t] {
				return 1
			}
		}
		best := 0.0
		for _, u := range holders[i] {
			for _, v := range holders[j] {
				best = max(best, secSims[u][v])
			}
		}
		if p.AlignedSimilarity <= 0 {
			return 0
		}
		return min(1, best/p.AlignedSimilarity)
	}
}

func meanSectionSim(units []secUnit, g []int, counts map[[2]int]int, p Params) float64 {
	sum, n := 0.0, 0
	for x := 0; x < len(g); x++ {
		for y := x + 1; y < len(g); y++ {
			sum += sectionSim(&units[g[x]], &units[g[y]], counts[pairKey(g[x], g[y])], p)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// label names a group by its most characteristic words: those used by at
// least two members (when there are two), ranked by summed weight.
//
// Longer words are preferred (行政裁量权 says more than 基准), and when
// order is given (the first clause's words) the chosen words are put back
// in reading order so that the label reads like a phrase.
func label(f *features, acc map[int]float64, count map[int]int, n int, order []int) string {
	type kw struct {
		id int
		w  float64
	}
	var list []kw
	members := 0
	for _, c := range count {
		members = max(members, c)
	}
	for id, w := range acc {
		if members > 1 && count[id] < 2 || !labelWord(f.voc.words[id]) {
			continue
		}
		list = append(list, kw{id, w * (1 + 0.15*float64(utf8.RuneCountInString(f.voc.words[id])-2))})
	}
	if len(list) == 0 {
		for id, w := range acc {
			list = append(list, kw{id, w})
		}
	}
	sort.Slice(list, func(a, b int) bool {
		if list[a].w != list[b].w {
			return list[a].w > list[b].w
		}
		return f.voc.words[list[a].id] < f.voc.words[list[b].id]
	})
	list = list[:min(n, len(list))]
	pos := map[int]int{}
	for k, id := range order {
		if _, ok := pos[id]; !ok {
			pos[id] = k
		}
	}
	sort.SliceStable(list, func(a, b int) bool {
		pa, oka := pos[list[a].id]
		pb, okb := pos[list[b].id]
		return oka && okb && pa < pb || oka && !okb
	})
	out := make([]string, len(list))
	for k, w := range list {
		out[k] = f.voc.words[w.id]
	}
	return strings.Join(out, "·")
}

// labelWord keeps single characters and numbers out of labels: they read
// as noise (习, 十九) even when they weigh much.
func labelWord(w string) bool {
	n := 0
	for _, r := range w {
		if r >= '0' && r <= '9' || strings.ContainsRune(hanDigitChars, r) {
			return false
		}
		n++
	}
	return n >= 2 && !deixis[w]
}

// deixis are words that point at the issuing city rather than say what a
// measure does.
var deixis = map[string]bool{"我市": true, "本市": true, "全市": true, "我省": true, "本省": true, "各级": true, "市域": true}

const hanDigitChars = "一二三四五六七八九十百"

func buildMeasure(f *features, cl *clusterer, g []int, p Params) Measure {
	m := Measure{Topic: -1, Similarity: 1}
	docs := map[int]bool{}
	acc := map[int]float64{}
	count := map[int]int{}
	for _, i := range g {
		cf := &f.clauses[i]
		m.Clauses = append(m.Clauses, cf.ref)
		if !docs[cf.ref.Doc] {
			docs[cf.ref.Doc] = true
			m.Docs = append(m.Docs, cf.ref.Doc)
		}
		addInto(acc, cf.vec, 1)
		for _, e := range cf.vec {
			count[e.id]++
		}
	}
	sort.Ints(m.Docs)
	m.Label = label(f, acc, count, 3, f.clauses[g[0]].seq)
	if len(m.Docs) == 1 {
		m.Kind = Unique
		return m
	}
	sum, diffSum, minDiff, minCover, n := 0.0, 0.0, 1.0, 1.0, 0
	// Kind and similarity from the pairs among the first MaxLinkage
	// clauses: a measure shared by hundreds of documents would otherwise
	// cost the square of its size.
	var sample []int // one clause per document
	seen := map[int]bool{}
	for _, i := range g {
		if d := f.clauses[i].ref.Doc; !seen[d] && len(sample) < p.MaxLinkage {
			seen[d] = true
			sample = append(sample, i)
		}
	}
	for x := 0; x < len(sample); x++ {
		for y := x + 1; y < len(sample); y++ {
			a, b := &f.clauses[sample[x]], &f.clauses[sample[y]]
			sum += cl.sim(sample[x], sample[y])
			d := idSimilarity(a.all, b.all)
			diffSum += d
			minDiff = math.Min(minDiff, d)
			cover := 0.0
			if al := f.localAlign(a, b); al.matched >= p.MinAligned {
				cover = al.norm
			}
			minCover = math.Min(minCover, cover)
			n++
		}
	}
	m.Similarity = sum / float64(n)
	switch {
	case minDiff >= p.VerbatimThreshold:
		m.Kind = Verbatim
	case diffSum/float64(n) >= p.NearThreshold || minCover >= p.NearCover:
		// Lightly edited, or the shorter clause reused nearly whole
		// inside a longer one.
		m.Kind = Near
	default:
		m.Kind = Paraphrase
	}
	return m
}

// idSimilarity is the token-diff similarity of two id sequences:
// 2·LCS / (|a| + |b|).
func idSimilarity(a, b []int) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}

// sortMeasures orders measures by how many documents share them, then by
// their first clause, and numbers them.
func sortMeasures(r *Result) {
	sort.SliceStable(r.Measures, func(a, b int) bool {
		ma, mb := &r.Measures[a], &r.Measures[b]
		if len(ma.Docs) != len(mb.Docs) {
			return len(ma.Docs) > len(mb.Docs)
		}
		ca, cb := ma.Clauses[0], mb.Clauses[0]
		if ca.Doc != cb.Doc {
			return ca.Doc < cb.Doc
		}
		return ca.Clause < cb.Clause
	})
	width := len(fmt.Sprint(len(r.Measures)))
	for i := range r.Measures {
		r.Measures[i].ID = fmt.Sprintf("m%0*d", width, i+1)
	}
}

func sortTopics(r *Result) {
	sort.SliceStable(r.Topics, func(a, b int) bool {
		ta, tb := &r.Topics[a], &r.Topics[b]
		if len(ta.Sections) != len(tb.Sections) {
			return len(ta.Sections) > len(tb.Sections)
		}
		return lessSection(ta.Sections[0], tb.Sections[0])
	})
	for i := range r.Topics {
		r.Topics[i].ID = fmt.Sprintf("t%02d", i+1)
	}
}

// assignTopics files each shared measure under the first topic that holds
// at least two of its clauses.
func assignTopics(r *Result, sets [][]map[int]bool) {
	for mi := range r.Measures {
		m := &r.Measures[mi]
		if len(m.Docs) < 2 {
			continue
		}
		hits := map[int]int{}
		for _, c := range m.Clauses {
			for t := range sets[c.Doc][r.Docs[c.Doc].Clauses[c.Clause].Section] {
				hits[t]++
			}
		}
		best := -1
		for t, n := range hits {
			if n >= 2 && (best < 0 || n > hits[best] || n == hits[best] && t < best) {
				best = t
			}
		}
		if best >= 0 {
			m.Topic = best
			r.Topics[best].Measures = append(r.Topics[best].Measures, mi)
		}
	}
}

// DocSimilarity counts, for every pair of documents, the measures both
// hold, relative to the measures of the smaller document.
func DocSimilarity(docs []*segment.Document, measures []Measure) []Pair {
	n := len(docs)
	per := make([]int, n)
	shared := make([][]int, n)
	for i := range shared {
		shared[i] = make([]int, n)
	}
	for _, m := range measures {
		for _, a := range m.Docs {
			per[a]++
			for _, b := range m.Docs {
				if a < b {
					shared[a][b]++
				}
			}
		}
	}
	var out []Pair
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			p := Pair{A: a, B: b, Shared: shared[a][b]}
			if d := min(per[a], per[b]); d > 0 {
				p.Score = float64(p.Shared) / float64(d)
			}
			out = append(out, p)
		}
	}
	return out
}

// passages reports reused stretches: local alignments of at least
// MinPassage words between clauses of different documents.
func passages(r *Result, f *features, cands [][]scored, p Params) []Passage {
	var out []Passage
	for i, list := range cands {
		for _, s := range list {
			j := s.to
			if j < i || f.clauses[i].ref.Doc == f.clauses[j].ref.Doc || s.al.matched < p.MinPassage {
				continue
			}
			a, b := &f.clauses[i], &f.clauses[j]
			out = append(out, Passage{
				A: a.ref, B: b.ref,
				ASpan:  stretch(r, a, s.al.aStart, s.al.aEnd),
				BSpan:  stretch(r, b, s.al.bStart, s.al.bEnd),
				Tokens: s.al.matched,
				Score:  s.al.norm,
			})
		}
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].A != out[y].A {
			return lessClause(out[x].A, out[y].A)
		}
		return lessClause(out[x].B, out[y].B)
	})
	return out
}

func lessClause(a, b ClauseRef) bool {
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Clause < b.Clause
}

// stretch maps content-word positions [s, e) of a clause to its original span.
func stretch(r *Result, cf *clauseFeat, s, e int) segment.Span {
	c := &r.Docs[cf.ref.Doc].Clauses[cf.ref.Clause]
	first, last := c.Tokens[cf.seqTok[s]], c.Tokens[cf.seqTok[e-1]]
	return c.OrigSpan(first.Start, last.End)
}
