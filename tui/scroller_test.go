package tui

import "testing"

func TestScrollerClick(t *testing.T) {
	tests := []struct {
		name     string
		row      int
		wantOpen bool
		wantSel  int
	}{
		{"selects an unselected visible row", 2, false, 12},
		{"opens the selected row", 0, true, 10},
		{"ignores a click above the list", -1, false, 10},
		{"ignores a click below the visible rows", 5, false, 10},
		{"ignores a row past the last item", 4, false, 10},
	}
	for _, tt := range tests {
		// 14 items, rows 10…13 visible in a list of 5 rows, 10 selected.
		s := scroller{n: 14, height: 5, sel: 10, top: 10}
		open := s.click(tt.row)
		if open != tt.wantOpen || s.sel != tt.wantSel {
			t.Errorf("%s: click(%d) = %v, sel %d; want %v, sel %d", tt.name, tt.row, open, s.sel, tt.wantOpen, tt.wantSel)
		}
	}
}
