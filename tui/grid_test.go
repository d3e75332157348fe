package tui

import (
	"fmt"
	"testing"
)

func TestAlignRows(t *testing.T) {
	iota := func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	for _, tt := range []struct {
		name string
		ms   [][]int
		want string
	}{
		{"matched side by side", [][]int{{1, 2, 3}, {1, 2, 3}}, "[[0 0] [1 1] [2 2]]"},
		{"unmatched in rows of their own", [][]int{{1, -1, 3}, {1, -1, 3}}, "[[0 0] [1 -1] [-1 1] [2 2]]"},
		{"order kept when measures cross", [][]int{{1, 2}, {2, 1}}, "[[0 -1] [1 0] [-1 1]]"},
		{"second and third columns aligned between pivot rows", [][]int{{1, 9}, {1, 5, 9}, {5, 9}}, "[[0 0 -1] [-1 1 0] [1 2 1]]"},
		{"an empty column", [][]int{{}, {4, 5}}, "[[-1 0] [-1 1]]"},
		{"no match", [][]int{{1}, {2}}, "[[0 -1] [-1 0]]"},
	} {
		idx := make([][]int, len(tt.ms))
		for c := range tt.ms {
			idx[c] = iota(len(tt.ms[c]))
		}
		rows := alignRows(tt.ms, idx)
		if got := fmt.Sprint(rows); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
		// Every item once, each column in order.
		for c := range tt.ms {
			last := -1
			for _, r := range rows {
				if r[c] >= 0 {
					if r[c] != last+1 {
						t.Errorf("%s: column %d out of order: %v", tt.name, c, rows)
					}
					last = r[c]
				}
			}
			if last != len(tt.ms[c])-1 {
				t.Errorf("%s: column %d lost items: %v", tt.name, c, rows)
			}
		}
	}
}
