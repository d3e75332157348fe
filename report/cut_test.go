package report

import (
	"bytes"
	"encoding/json"
	"sort"
	"testing"

	"citydiff/compare"
)

func TestCutFixed(t *testing.T) {
	r, _ := fixedResult(t)
	names := func(pairs []compare.Pair) []string {
		var out []string
		for _, p := range pairs {
			out = append(out, r.Docs[p.A].ID+"-"+r.Docs[p.B].ID)
		}
		return out
	}
	// jia-yi share 2 measures (score 1), jia-bing and yi-bing 1 (0.5 each).
	for _, tc := range []struct {
		name string
		cut  SimilarityCut
		want []string
	}{
		{"every pair", SimilarityCut{}, []string{"jia-yi", "jia-bing", "yi-bing"}},
		{"min shared", SimilarityCut{MinShared: 2}, []string{"jia-yi"}},
		// bing's closest is a tie between jia and yi: document order decides.
		{"top one", SimilarityCut{TopPartners: 1}, []string{"jia-yi", "jia-bing"}},
		{"top two", SimilarityCut{TopPartners: 2}, []string{"jia-yi", "jia-bing", "yi-bing"}},
		{"both", SimilarityCut{MinShared: 2, TopPartners: 1}, []string{"jia-yi"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := names(tc.cut.Select(r.Similarity, len(r.Docs)))
			if len(got) != len(tc.want) {
				t.Fatalf("kept %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("kept %q, want %q", got, tc.want)
				}
			}
		})
	}
}

// TestCutSeeds checks the top-partner cut on the seeds' real result
// against a direct reading of its definition, and that the JSON report
// lists exactly the kept pairs and records the cut.
func TestCutSeeds(t *testing.T) {
	r, m := seedMeta(t)
	m.Cut = SimilarityCut{MinShared: 1, TopPartners: 2}
	// rank[d] lists d's partners sharing ≥ 1 measure, closest first.
	rank := map[int][]int{}
	for _, p := range r.Similarity {
		if p.Shared >= 1 {
			rank[p.A] = append(rank[p.A], p.B)
			rank[p.B] = append(rank[p.B], p.A)
		}
	}
	pairOf := func(a, b int) compare.Pair {
		for _, p := range r.Similarity {
			if p.A == min(a, b) && p.B == max(a, b) {
				return p
			}
		}
		t.Fatalf("no pair %d-%d", a, b)
		return compare.Pair{}
	}
	for d, list := range rank {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := pairOf(d, list[i]), pairOf(d, list[j])
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			if a.Shared != b.Shared {
				return a.Shared > b.Shared
			}
			return list[i] < list[j]
		})
	}
	inTop := func(d, o int) bool {
		for k, x := range rank[d] {
			if k < 2 && x == o {
				return true
			}
		}
		return false
	}
	want := map[[2]string]bool{}
	for _, p := range r.Similarity {
		if p.Shared >= 1 && (inTop(p.A, p.B) || inTop(p.B, p.A)) {
			want[[2]string{r.Docs[p.A].ID, r.Docs[p.B].ID}] = true
		}
	}
	if len(want) == len(r.Similarity) {
		t.Fatal("the cut keeps every pair: the test shows nothing")
	}

	var buf bytes.Buffer
	if err := JSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	validateReport(t, "seeds cut", buf.Bytes())
	var rep struct {
		Parameters map[string]any `json:"parameters"`
		Similarity []Pair         `json:"similarity"`
	}
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Parameters["similarity_min_shared"] != 1.0 || rep.Parameters["similarity_top_partners"] != 2.0 {
		t.Errorf("cut not recorded: %v %v", rep.Parameters["similarity_min_shared"], rep.Parameters["similarity_top_partners"])
	}
	if len(rep.Similarity) != len(want) {
		t.Errorf("%d pairs listed, want %d", len(rep.Similarity), len(want))
	}
	for _, p := range rep.Similarity {
		if !want[[2]string{p.A, p.B}] {
			t.Errorf("pair %s-%s listed, but neither ranks the other in its top 2", p.A, p.B)
		}
	}
}

func TestDefaultCut(t *testing.T) {
	if !DefaultCut(AllPairsUpTo).All() {
		t.Error("a corpus of AllPairsUpTo documents should list every pair")
	}
	if c := DefaultCut(AllPairsUpTo + 1); c != LargeCorpusCut || c.All() {
		t.Errorf("DefaultCut above AllPairsUpTo = %+v", c)
	}
}
