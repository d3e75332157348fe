package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// paths reach every view and the states that change its layout.
var paths = map[string][]string{
	"overview":           {},
	"overview help":      {"?"},
	"topics":             {"2"},
	"topic":              {"2", "enter"},
	"topic rotated":      {"2", "enter", "right", "p", "right", "pgdown"},
	"measures":           {"3"},
	"measures filtered":  {"3", "+", "v", "f", "调解"},
	"measures scrolled":  {"3", "pgdown", "pgdown", "right"},
	"measure":            {"3", "enter"},
	"measure rebased":    {"3", "down", "enter", "down", "b", "pgdown"},
	"reader":             {"4"},
	"reader Traditional": {"4", "right", "right", "pgdown"},
	"reader Simplified":  {"4", "right", "right", "t", "]", "]"},
	"reader no outline":  {"4", "O", "pgdown"},
	"draft":              {"5"},
	"draft scrolled":     {"5", "pgdown", "down"},
	"search typing":      {"/", "法律顾问"},
	"search results":     {"/", "法治", "esc", "pgdown"},
	"search to reader":   {"/", "法律顧問", "enter"},
	"search help":        {"/", "法治", "esc", "?"},
}

var sizes = [][2]int{{20, 6}, {32, 10}, {40, 12}, {60, 18}, {80, 24}, {100, 30}, {120, 40}, {160, 48}, {213, 60}}

// TestNoLineTooWide walks every view at several sizes and checks that no
// rendered line is wider than the terminal, Chinese included, and that
// the view fills the height exactly.
func TestNoLineTooWide(t *testing.T) {
	for name, path := range paths {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m, _ := drive(loaded(t, true, sz[0], sz[1]), keys(path...)...)
				checkFits(t, m, name)
				checkPane(t, m, name)
				// Resizing at any moment re-lays out.
				for _, to := range [][2]int{{sz[1] + 7, sz[0]/2 + 3}, {sz[0] * 2, sz[1]}} {
					m = send(m, tea.WindowSizeMsg{Width: to[0], Height: to[1]})
					checkFits(t, m, name+" resized")
				}
			})
		}
	}
}

func TestNoLineTooWideBeforeAnalysis(t *testing.T) {
	c := testCorpus(t, true)
	for _, sz := range sizes {
		m := New(c.config(sz[0], sz[1]))
		for _, k := range []string{"", "2", "3", "4", "5", "6"} {
			m = send(m, keys(k)...)
			checkFits(t, m, "before analysis "+k)
		}
	}
}

// TestNarrowTerminal: everything still fits, and the tab bar gives up the
// logo and shortens its labels before it loses a tab (issue 13: at 60
// columns the Search tab went).
func TestNarrowTerminal(t *testing.T) {
	m := loaded(t, false, 12, 4)
	checkFits(t, m, "tiny")
	for _, tt := range []struct {
		w    int
		want []string
	}{
		{12, []string{"1 "}},
		{60, []string{"Topics", "Draft", "Find"}},
		{80, []string{"citydiff", "Measures", "Draft", "Search", "measures"}},
		{100, []string{"citydiff", "Draft check", "Search", "5 docs"}},
	} {
		m := loaded(t, false, tt.w, 24)
		head := strings.Split(plainScreen(m), "\n")[0]
		for _, w := range tt.want {
			if !strings.Contains(head, w) {
				t.Errorf("%d columns: tab bar %q lacks %q", tt.w, head, w)
			}
		}
	}
}

// checkPane checks the pane's own output, before the root cuts it to the
// terminal: a pane that relies on the cut loses what it drew last.
func checkPane(t *testing.T, m Model, what string) {
	t.Helper()
	for i, l := range strings.Split(m.paneView(), "\n") {
		if w := ansi.StringWidth(l); w > m.c.Width {
			t.Errorf("%s pane at %dx%d: line %d is %d wide: %q", what, m.c.Width, m.c.Height, i, w, ansi.Strip(l))
		}
	}
	for i, l := range strings.Split(m.header()+"\n"+m.footer(), "\n") {
		if w := ansi.StringWidth(l); w > m.c.Width {
			t.Errorf("%s header/footer at %dx%d: line %d is %d wide: %q", what, m.c.Width, m.c.Height, i, w, ansi.Strip(l))
		}
	}
}

// TestTopicDividersLineUp: issue 13. The column divider sat one cell left
// in the header of every column, so it drifted by the fourth column. Every
// row of the side-by-side view has its dividers in the same cells.
func TestTopicDividersLineUp(t *testing.T) {
	for _, w := range []int{80, 120, 160} {
		m, _ := drive(loaded(t, false, w, 30), keys("2", "enter")...)
		lines := strings.Split(plainScreen(m), "\n")
		var want []int
		rows := 0
		for i, l := range lines {
			var at []int
			x := 0
			for _, r := range l {
				if r == '│' || r == '┼' {
					at = append(at, x)
				}
				x += ansi.StringWidth(string(r))
			}
			if len(at) == 0 {
				continue
			}
			rows++
			if want == nil {
				want = at
				if len(want) < 1 {
					t.Fatalf("%d columns: no divider:\n%s", w, plainScreen(m))
				}
				continue
			}
			if fmt.Sprint(at) != fmt.Sprint(want) {
				t.Errorf("%d columns: line %d has dividers at %v, the header at %v", w, i, at, want)
			}
		}
		if rows < 10 {
			t.Errorf("%d columns: only %d rows with dividers:\n%s", w, rows, plainScreen(m))
		}
	}
}
