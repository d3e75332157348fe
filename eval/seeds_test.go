package eval

import (
	"testing"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment/words"
)

// TestSeedLabels scores the engine on the built-in documents' labelled set
// (labels/seeds.csv, docs/eval-labels.md). The floors sit a little below
// what the engine reaches (docs/engine.md), so that a change which loses
// links, or links what must stay apart, fails here. They are floors, not
// targets: raise them when the engine gets better.
func TestSeedLabels(t *testing.T) {
	labels, err := ReadFile("labels/seeds.csv")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := corpus.Load(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	s, err := Score(r, labels)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		got   Tally
		floor float64
	}{
		{"must match", s.MustMatch, 0.44},
		{"verbatim", s.ByRelation[Verbatim], 0.92},
		{"near", s.ByRelation[Near], 0.58},
		{"apart", s.ByRelation[Apart], 0.94},
		{"unique", s.ByRelation[Unique], 0.93},
		{"topic", s.ByRelation[SameTopic], 0.86},
	} {
		if f.got.Labels == 0 {
			t.Fatalf("%s: no labels", f.name)
		}
		t.Logf("%-10s %3d/%3d = %.3f (floor %.2f)", f.name, f.got.OK, f.got.Labels, f.got.Rate(), f.floor)
		if f.got.Rate() < f.floor {
			t.Errorf("%s: %.3f, below the floor %.2f", f.name, f.got.Rate(), f.floor)
		}
	}
}
