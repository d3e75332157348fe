package report

import (
	"fmt"
	"math"
	"testing"
)

func TestClusterOrder(t *testing.T) {
	// Two families, interleaved in document order: {0, 2, 4} and {1, 3, 5}.
	sim := func(i, j int) float64 {
		if i%2 == j%2 {
			return 0.5 + 0.01*float64(i+j)
		}
		return 0.05
	}
	order := clusterOrder(6, sim)
	if len(order) != 6 {
		t.Fatalf("order %v", order)
	}
	pos := map[int]int{}
	for k, d := range order {
		pos[d] = k
	}
	for _, family := range [][]int{{0, 2, 4}, {1, 3, 5}} {
		lo, hi := 6, -1
		for _, d := range family {
			lo, hi = min(lo, pos[d]), max(hi, pos[d])
		}
		if hi-lo != 2 {
			t.Errorf("family %v is not contiguous in %v", family, order)
		}
	}
	if again := clusterOrder(6, sim); fmt.Sprint(again) != fmt.Sprint(order) {
		t.Errorf("two runs differ: %v, %v", order, again)
	}
	if got := clusterOrder(3, func(int, int) float64 { return 0 }); fmt.Sprint(got) != "[0 1 2]" {
		t.Errorf("nothing shared: order %v, want document order", got)
	}
}

func TestPartnersFixed(t *testing.T) {
	r, m := fixedResult(t)
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	rows := buildPartners(r, r.Similarity, []int{0, 1, 2}, docLabels(rep))
	got := ""
	for _, row := range rows {
		got += row.Label + ":"
		for _, p := range row.Partners {
			got += fmt.Sprintf(" %s %s (%d)", p.Label, p.Score, p.Shared)
		}
		got += "; "
	}
	want := "甲市: 乙市 1 (2) 丙市 0.5 (1); 乙市: 甲市 1 (2) 丙市 0.5 (1); 丙市: 甲市 0.5 (1) 乙市 0.5 (1); "
	if got != want {
		t.Errorf("partners\n got %s\nwant %s", got, want)
	}
}

// TestHeatMapLabels checks, for matrices of several sizes, that no two
// labels overlap and that every label fits the margin it is drawn in.
func TestHeatMapLabels(t *testing.T) {
	for _, n := range []int{3, 10, 11, 40, heatMapUpTo} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			rep := &Report{}
			label := map[string]string{}
			order := make([]int, n)
			for i := 0; i < n; i++ {
				id := fmt.Sprintf("doc%03d", i)
				rep.Documents = append(rep.Documents, Document{DocumentInfo: DocumentInfo{ID: id}})
				label[id] = fmt.Sprintf("某某自治州某某县第%d号条例", i) // longer than a label may be
				order[i] = i
			}
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					rep.Similarity = append(rep.Similarity, Pair{A: rep.Documents[i].ID, B: rep.Documents[j].ID, Shared: 1, Score: 0.1})
				}
			}
			h := buildHeatMap(rep, label, DefaultTheme(), order)
			if len(h.Cells) != n*n {
				t.Fatalf("%d cells", len(h.Cells))
			}
			// Rows: stacked vertically, one cell apart.
			if h.Cell < h.LabelFont+2 {
				t.Errorf("row labels %dpx high on %dpx rows", h.LabelFont, h.Cell)
			}
			// Columns: turned by Angle, neighbours one cell apart; their
			// distance across the text must exceed the text's height.
			across := float64(h.Cell) * math.Sin(-float64(h.Angle)*math.Pi/180)
			if h.Rotate && across < float64(h.LabelFont)+1 {
				t.Errorf("column labels %dpx high only %.1fpx apart", h.LabelFont, across)
			}
			for _, l := range h.Rows {
				if w := textWidth(l.Text, h.LabelFont); w > h.Rows[0].X {
					t.Errorf("row label %q (%dpx) does not fit %dpx", l.Text, w, h.Rows[0].X)
				}
			}
			if h.Rotate {
				top := h.Cols[0].Y
				for _, l := range h.Cols {
					if w := float64(textWidth(l.Text, h.LabelFont)) * math.Sin(-float64(h.Angle)*math.Pi/180); w > float64(top) {
						t.Errorf("column label %q rises %.0fpx above a %dpx margin", l.Text, w, top)
					}
				}
			}
			if n > 10 && h.Cells[1].Value != "" && h.Cell < 30 {
				t.Errorf("numbers written in %dpx cells", h.Cell)
			}
		})
	}
}
