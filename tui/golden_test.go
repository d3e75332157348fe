package tui

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// settled is a step of a golden script that waits until the search for
// a query has its results: commands run in their own goroutines, and the
// screen must not be taken before the last one is back.
type settled string

// snapshot is what a probe publishes after each update: plain values, so
// the test goroutine can read them without racing the program's.
type snapshot struct {
	query string
	busy  bool
}

// probe wraps the model to publish a snapshot after each update.
type probe struct {
	Model
	last *atomic.Pointer[snapshot]
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := p.Model.Update(msg)
	p.Model = m.(Model)
	p.last.Store(&snapshot{query: p.search.in.value(), busy: p.search.busy})
	return p, cmd
}

// waitSettled waits until the search for query is done.
func waitSettled(t *testing.T, last *atomic.Pointer[snapshot], query string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s := last.Load(); s != nil && s.query == query && !s.busy {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("search for %q did not settle", query)
}

// goldenViews are the scripts that reach each view, as a user would: real
// key presses (Chinese typed rune by rune) and mouse events.
var goldenViews = []struct {
	name  string
	draft bool
	steps []any // key names (see keys), tea.Msg, or settled
}{
	{"overview", false, nil},
	{"overview_help", false, []any{"?"}},
	{"topics", false, []any{"tab"}},
	{"topic", false, []any{"tab", "enter"}},
	{"topic_pinned", false, []any{"tab", "enter", "p", "right", "j", "j"}},
	{"measures", false, []any{"3"}},
	{"measures_filtered", false, []any{"3", "+", "f", "调解", "enter"}},
	{"measure", false, []any{"3", "enter"}},
	{"measure_mouse", false, []any{
		tea.MouseClickMsg{X: 32, Y: 0, Button: tea.MouseLeft}, // the Measures tab
		tea.MouseWheelMsg{X: 10, Y: 8, Button: tea.MouseWheelDown},
		tea.MouseClickMsg{X: 20, Y: headerHeight + measuresListY + 1, Button: tea.MouseLeft},
		tea.MouseClickMsg{X: 20, Y: headerHeight + measuresListY + 1, Button: tea.MouseLeft},
	}},
	{"reader", false, []any{"4"}},
	{"reader_traditional", false, []any{"4", "right", "right", "]", "]"}},
	{"reader_simplified", false, []any{"4", "right", "right", "]", "]", "t"}},
	{"search", false, []any{"/", "法律顾问", settled("法律顾问")}},
	{"search_reader", false, []any{"/", "法律顾问", settled("法律顾问"), "down", "down", "down", "enter"}},
	{"draft", true, []any{"5"}},
}

// TestGolden renders every view at 80×24 and 160×48 in a real program
// and compares the final screen (colours off, attributes kept) with
// testdata/TestGolden/<view>/<size>.golden. Run with -update to accept
// changes.
func TestGolden(t *testing.T) {
	for _, gv := range goldenViews {
		for _, sz := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", gv.name, sz[0], sz[1]), func(t *testing.T) {
				t.Parallel()
				c := testCorpus(t, gv.draft)
				last := &atomic.Pointer[snapshot]{}
				tm := teatest.NewTestModel(t, probe{New(c.config(sz[0], sz[1])), last},
					teatest.WithInitialTermSize(sz[0], sz[1]),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
				tm.Send(c.ready())
				for _, step := range gv.steps {
					switch s := step.(type) {
					case string:
						for _, k := range keys(s) {
							tm.Send(k)
						}
					case settled:
						waitSettled(t, last, string(s))
					case tea.Msg:
						tm.Send(s)
					}
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe)
				teatest.RequireEqualOutput(t, screen(fm.Model))
			})
		}
	}
}
