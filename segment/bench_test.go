package segment

import (
	"testing"

	"citydiff/seeds"
	"citydiff/segment/words"
)

// BenchmarkPipelineSeeds is the whole pipeline (decode, normalize, chrome,
// structure, clauses, words) on the five built-in documents, once the
// dictionary is loaded. Target ≤ 50 ms.
func BenchmarkPipelineSeeds(b *testing.B) {
	all, err := seeds.All()
	if err != nil {
		b.Fatal(err)
	}
	seg := words.Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range all {
			if _, err := Parse(Input{ID: s.ID, Name: s.File, Data: s.Data}, seg); err != nil {
				b.Fatal(err)
			}
		}
	}
}
