package report

import "citydiff/compare"

// Past a handful of documents a similarity matrix in document order is
// noise: the HTML report orders it by clusters, so that documents that
// share much sit together and form dark blocks on the diagonal, and lists
// each document's closest partners, which stays readable at any size.

// heatMapUpTo is the number of documents up to which the HTML report draws
// the matrix: past it a cell would be too small to point at and the
// partner list says more.
const heatMapUpTo = 60

// clusterOrderUpTo bounds the documents ordered by clustering (which costs
// n³); larger reports keep document order.
const clusterOrderUpTo = 400

// partnersShown is how many closest partners the HTML report lists per
// document.
const partnersShown = 5

// clusterOrder orders n documents so that similar ones are neighbours:
// average-linkage agglomerative clustering on the pair scores, the
// documents read off the dendrogram (the earlier-merged, tighter cluster
// first). Ties merge the lowest-numbered clusters, so the order is
// deterministic. sim(i, j) is the score of documents i and j.
func clusterOrder(n int, sim func(i, j int) float64) []int {
	s := make([][]float64, n)
	for i := range s {
		s[i] = make([]float64, n)
		for j := range s[i] {
			if i != j {
				s[i][j] = sim(i, j)
			}
		}
	}
	order := make([][]int, n) // cluster → its documents in order; nil once merged away
	size := make([]float64, n)
	for i := range order {
		order[i] = []int{i}
		size[i] = 1
	}
	for merges := 0; merges < n-1; merges++ {
		a, b, best := -1, -1, -1.0
		for i := 0; i < n; i++ {
			if order[i] == nil {
				continue
			}
			for j := i + 1; j < n; j++ {
				if order[j] != nil && s[i][j] > best {
					a, b, best = i, j, s[i][j]
				}
			}
		}
		for k := 0; k < n; k++ {
			if order[k] != nil && k != a && k != b {
				v := (size[a]*s[a][k] + size[b]*s[b][k]) / (size[a] + size[b])
				s[a][k], s[k][a] = v, v
			}
		}
		order[a] = append(order[a], order[b]...)
		size[a] += size[b]
		order[b] = nil
	}
	for _, o := range order {
		if o != nil {
			return o
		}
	}
	return nil
}

// docOrder is the order the similarity view shows documents in: by
// clusters when there are few enough, else as compared.
func docOrder(r *compare.Result, pairs []compare.Pair) []int {
	n := len(r.Docs)
	if n <= 10 || n > clusterOrderUpTo {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	score := make([][]float64, n)
	for i := range score {
		score[i] = make([]float64, n)
	}
	for _, p := range pairs {
		score[p.A][p.B], score[p.B][p.A] = p.Score, p.Score
	}
	return clusterOrder(n, func(i, j int) float64 { return score[i][j] })
}

// partnerRow is one document's closest partners.
type partnerRow struct {
	ID, Label string
	Partners  []partner
}

type partner struct {
	ID, Label, Score string
	Shared           int
}

// buildPartners lists each document's closest partners among the pairs
// the report lists, in the view's document order.
func buildPartners(r *compare.Result, pairs []compare.Pair, order []int, label map[string]string) []partnerRow {
	keep := make([]bool, len(pairs))
	for i := range keep {
		keep[i] = true
	}
	lists := partnerLists(pairs, keep, len(r.Docs))
	out := make([]partnerRow, 0, len(order))
	for _, d := range order {
		id := r.Docs[d].ID
		row := partnerRow{ID: id, Label: label[id]}
		for _, i := range lists[d] {
			if len(row.Partners) == partnersShown {
				break
			}
			p := pairs[i]
			if p.Shared == 0 {
				break // closest first: the rest share nothing either
			}
			o := p.A
			if o == d {
				o = p.B
			}
			oid := r.Docs[o].ID
			row.Partners = append(row.Partners, partner{ID: oid, Label: label[oid], Score: Score(p.Score).String(), Shared: p.Shared})
		}
		out = append(out, row)
	}
	return out
}
