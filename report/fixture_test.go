package report

import (
	"sync"
	"testing"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

var seeds struct {
	once sync.Once
	docs []*segment.Document
	res  *compare.Result
	err  error
}

// seedResult is the engine's result on the five built-in documents, computed
// once per test binary.
func seedResult(t testing.TB) *compare.Result {
	t.Helper()
	seeds.once.Do(func() {
		seeds.docs, seeds.err = corpus.Load(corpus.Options{})
		if seeds.err == nil {
			seeds.res = compare.Analyze(seeds.docs, words.Default(), compare.DefaultParams())
		}
	})
	if seeds.err != nil {
		t.Fatal(seeds.err)
	}
	return seeds.res
}

func seedMeta(t testing.TB) (*compare.Result, Meta) {
	r := seedResult(t)
	return r, NewMeta("citydiff", "test", r)
}
