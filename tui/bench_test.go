package tui

import (
	"fmt"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
	"citydiff/tui/internal/fixture"
)

var (
	bigOnce sync.Once
	bigIns  []segment.Input
	big     *testSet
	bigErr  error
)

// bigCorpus is 200 documents recombined from the seeds' clauses, with the
// fixture analysis (the engine has its own benchmarks).
func bigCorpus(b *testing.B) ([]segment.Input, *testSet) {
	bigOnce.Do(func() {
		bigIns, bigErr = fixture.Synthetic(200)
		if bigErr != nil {
			return
		}
		var docs []*segment.Document
		docs, bigErr = corpus.Parse(bigIns, words.Default())
		if bigErr != nil {
			return
		}
		big = &testSet{docs: docs, an: NewAnalysis(fixture.Analysis(docs))}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigIns, big
}

// BenchmarkFirstFrame measures what stands between having the inputs and
// the first frame: parsing without words, building the model, rendering.
func BenchmarkFirstFrame(b *testing.B) {
	seeds, err := fixture.Inputs(false)
	if err != nil {
		b.Fatal(err)
	}
	many, _ := bigCorpus(b)
	for _, bc := range []struct {
		name string
		ins  []segment.Input
	}{{"seeds", seeds}, {"200docs", many}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				docs, err := corpus.Parse(bc.ins, nil)
				if err != nil {
					b.Fatal(err)
				}
				m := New(Config{Docs: docs, Width: 120, Height: 40})
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeystroke measures keystroke-to-frame: one key through Update
// and the View that follows, with 200 documents.
func BenchmarkKeystroke(b *testing.B) {
	_, c := bigCorpus(b)
	for _, bc := range []struct {
		name  string
		setup []string
		keys  []string
	}{
		{"measures/down", []string{"3"}, []string{"down"}},
		{"measures/filter", []string{"3", "f"}, []string{"法", "backspace"}},
		{"measures/kind", []string{"3"}, []string{"v"}},
		{"measures/columns", []string{"3"}, []string{"right"}},
		{"reader/scroll", []string{"4"}, []string{"down"}},
		{"overview/down", nil, []string{"down"}},
		{"topics/down", []string{"2"}, []string{"down"}},
		{"topic/scroll", []string{"2", "enter"}, []string{"down"}},
		{"measure/down", []string{"3", "enter"}, []string{"down"}},
		// The SSH load test's round of keys: views by number, moves,
		// opening a topic and a measure, the reader's next clause.
		{"round", nil, []string{"2", "j", "j", "enter", "j", "j", "k", "3", "j", "j", "enter", "j", "k", "4", "j", "n", "n", "j", "k", "1", "j", "k"}},
	} {
		for _, sz := range [][2]int{{120, 40}, {213, 60}} {
			b.Run(fmt.Sprintf("%s/%dx%d", bc.name, sz[0], sz[1]), func(b *testing.B) {
				m := send(New(c.config(sz[0], sz[1])), c.ready())
				m = send(m, keys(bc.setup...)...)
				ks := keys(bc.keys...)
				b.ResetTimer()
				for i := 0; b.Loop(); i++ {
					tm, _ := m.Update(ks[i%len(ks)])
					m = tm.(Model)
					_ = m.View()
				}
				if i := len(m.measures.rows); bc.name == "measures/down" && i == 0 {
					b.Fatal("no measures")
				}
			})
		}
	}
}

var _ tea.Model = Model{}
