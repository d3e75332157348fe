package compare

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

var hanNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// synthDocs makes n documents by recombining the seeds' real clauses: each
// takes parts from random seeds, drops some clauses, swaps in another
// city name and sometimes edits a clause, as cities do when they copy.
func synthDocs(tb testing.TB, n int) []*segment.Document {
	tb.Helper()
	seedDocs, err := corpus.Load(corpus.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewSource(int64(n)))
	cities := []string{"汕头", "湘潭", "濮阳", "赣州", "上海"}
	seg := words.Default()
	docs := make([]*segment.Document, n)
	for k := 0; k < n; k++ {
		var b strings.Builder
		city := fmt.Sprintf("第%d市", k)
		fmt.Fprintf(&b, "%s关于加强法治建设的意见\n", city)
		for part := 0; part < 6; part++ {
			src := seedDocs[rng.Intn(len(seedDocs))]
			sec := src.Sections[rng.Intn(len(src.Sections))]
			fmt.Fprintf(&b, "%s、%s\n", hanNumbers[part], strings.TrimSpace(sec.Heading)+"任务")
			for _, ci := range sec.Clauses {
				if rng.Float64() < 0.3 {
					continue
				}
				text := src.Clauses[ci].Norm
				for _, c := range cities {
					text = strings.ReplaceAll(text, c, city)
				}
				if rng.Float64() < 0.3 {
					r := []rune(text)
					cut := rng.Intn(len(r)/3 + 1)
					text = string(r[cut:])
				}
				b.WriteString(strings.TrimRight(text, "。;,") + "。\n")
			}
		}
		docs[k] = segment.FromText(fmt.Sprintf("doc%03d", k), "synthetic", b.String(), segment.Meta{}, seg)
	}
	return docs
}

func benchmarkAnalyze(b *testing.B, n int) {
	docs := synthDocs(b, n)
	clauses := 0
	for _, d := range docs {
		clauses += len(d.Clauses)
	}
	b.ReportMetric(float64(clauses), "clauses")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(docs, words.Default(), DefaultParams())
	}
}

// The engine on 50, 100 and 200 documents: doubling the documents should
// cost at most about 2.3× the time (compare the ns/op side by side).
func BenchmarkAnalyze50(b *testing.B)  { benchmarkAnalyze(b, 50) }
func BenchmarkAnalyze100(b *testing.B) { benchmarkAnalyze(b, 100) }
func BenchmarkAnalyze200(b *testing.B) { benchmarkAnalyze(b, 200) }

// BenchmarkAnalyzeSeeds is the engine alone on the five built-in documents.
func BenchmarkAnalyzeSeeds(b *testing.B) {
	docs, err := corpus.Load(corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(docs, words.Default(), DefaultParams())
	}
}

func TestSynthDocsParse(t *testing.T) {
	docs := synthDocs(t, 3)
	for _, d := range docs {
		if len(d.Sections) < 6 || len(d.Clauses) == 0 {
			t.Errorf("%s: %d sections, %d clauses", d.ID, len(d.Sections), len(d.Clauses))
		}
	}
}
