package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// coldView draws m's frame with nothing kept from earlier frames, and
// puts back what was kept.
func coldView(m Model) string {
	c := m.c
	rows, blocks, bars := c.rows, c.blocks, c.bars
	c.rows, c.blocks, c.bars = newMemo[rowKey, string](rowMemoSize), newMemo[rowKey, []string](128), newMemo[barKey, string](16)
	var pages []*page
	for _, col := range m.topic.pages {
		pages = append(pages, col...)
	}
	if m.reader.pg != nil {
		pages = append(pages, m.reader.pg)
	}
	drawn := make([]map[drawnKey]string, len(pages))
	for i, p := range pages {
		drawn[i], p.drawn = p.drawn, nil
	}
	v := m.View().Content
	c.rows, c.blocks, c.bars = rows, blocks, bars
	for i, p := range pages {
		p.drawn = drawn[i]
	}
	return v
}

// TestKeptLinesAreCurrent walks every view, resizing and switching
// palettes on the way, and checks after every step that the frame drawn
// with the lines kept from earlier frames is the frame drawn from scratch:
// the memos' keys hold everything a line depends on.
func TestKeptLinesAreCurrent(t *testing.T) {
	round := []string{"2", "j", "j", "enter", "j", "j", "k", "3", "j", "j", "enter", "j", "k", "4", "j", "n", "n", "j", "k", "1", "j", "k"}
	walks := map[string][]string{"load test round": append(append([]string{}, round...), round...)}
	for name, p := range paths {
		walks[name] = p
	}
	for name, walk := range walks {
		for _, sz := range [][2]int{{40, 12}, {120, 36}, {213, 60}} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m := loaded(t, true, sz[0], sz[1])
				check := func(step string) {
					t.Helper()
					if warm, cold := m.View().Content, coldView(m); warm != cold {
						t.Fatalf("after %s, the kept lines differ from fresh ones:\n%s", step, firstDiff(warm, cold))
					}
				}
				check("start")
				for i, k := range walk {
					m, _ = drive(m, keys(k)...)
					check(fmt.Sprintf("key %d %q", i, k))
				}
				for i, msg := range []tea.Msg{
					tea.BackgroundColorMsg{Color: white{}}, tea.KeyPressMsg{Code: tea.KeyDown},
					tea.WindowSizeMsg{Width: sz[0] + 13, Height: sz[1] + 3}, tea.KeyPressMsg{Code: tea.KeyDown},
					tea.ColorProfileMsg{Profile: colorprofile.ASCII}, tea.KeyPressMsg{Code: tea.KeyUp},
					SetStatusMsg{Text: "following 王老师"}, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]},
				} {
					m = send(m, msg)
					check(fmt.Sprintf("message %d %T", i, msg))
				}
			})
		}
	}
}

type white struct{}

func (white) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// firstDiff shows the first line where two frames differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n kept  %q\n fresh %q", i, x, y)
		}
	}
	return "(same lines)"
}

func TestMemoGenerations(t *testing.T) {
	m := newMemo[int, string](2)
	m.put(1, "a")
	m.put(2, "b")
	m.put(3, "c") // 1 and 2 become the old generation
	if v, ok := m.get(1); !ok || v != "a" {
		t.Fatalf("get(1) = %q, %v after one turnover", v, ok)
	}
	m.put(4, "d")
	m.put(5, "e") // 2 was never asked for again: dropped
	if _, ok := m.get(2); ok {
		t.Error("2 outlived two generations")
	}
	if len(m.cur)+len(m.old) > 4 {
		t.Errorf("%d entries kept, at most 4", len(m.cur)+len(m.old))
	}
}
