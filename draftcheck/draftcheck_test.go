package draftcheck

import (
	"os"
	"testing"
	"time"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

func TestTiming(t *testing.T) {
	ins, err := corpus.Inputs(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := corpus.Parse(ins, words.Default())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("testdata/draft.txt")
	draft, err := segment.Parse(segment.Input{ID: "draft", Name: "draft.txt", Data: data}, words.Default())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	t.Logf("analyze %v", time.Since(start))
	start = time.Now()
	q := Prepare(res, draft, words.Default())
	t.Logf("prepare %v (%d draft clauses)", time.Since(start), len(draft.Clauses))
	ck := q.Check(Options{MinCities: 2})
	t.Logf("missing %d borrowed %d own %d", len(ck.Missing), len(ck.Borrowed), len(ck.Own))
	for _, b := range ck.Borrowed {
		t.Logf("%s %s ← %s %.2f %s", b.Kind, draft.Clauses[b.Clause].Text, q.City(b.From.Doc), b.Similarity, res.Clause(b.From).Text)
	}
	for _, m := range ck.Missing[:min(10, len(ck.Missing))] {
		t.Logf("missing %v %s closest %d %.2f", m.Cities, res.Clause(m.Example).Text, m.Closest, m.Similarity)
	}
}
