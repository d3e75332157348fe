package compare

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

var (
	seedOnce   sync.Once
	seedResult *Result
	seedErr    error
)

// seedAnalysis analyses the five built-in documents once per test binary.
func seedAnalysis(t testing.TB) *Result {
	t.Helper()
	seedOnce.Do(func() {
		var docs []*segment.Document
		docs, seedErr = corpus.Load(corpus.Options{})
		if seedErr == nil {
			seedResult = Analyze(docs, words.Default(), DefaultParams())
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedResult
}

// TestDump prints the analysis of the seeds with CITYDIFF_DUMP=1, for
// reading the results by eye.
func TestDump(t *testing.T) {
	if os.Getenv("CITYDIFF_DUMP") == "" {
		t.Skip("set CITYDIFF_DUMP=1 to print the seeds' analysis")
	}
	r := seedAnalysis(t)
	var b strings.Builder
	for _, tp := range r.Topics {
		fmt.Fprintf(&b, "TOPIC %s %.2f %s:", tp.ID, tp.Score, tp.Label)
		for _, s := range tp.Sections {
			sec := r.Section(s)
			fmt.Fprintf(&b, " %s(%s)", sec.ID, trunc(sec.Heading, 12))
		}
		fmt.Fprintf(&b, " [%d measures]\n", len(tp.Measures))
	}
	for _, m := range r.Measures {
		if len(m.Docs) < 2 {
			continue
		}
		fmt.Fprintf(&b, "\n%s %s %.2f %s\n", m.ID, m.Kind, m.Similarity, m.Label)
		for _, c := range m.Clauses {
			cl := r.Clause(c)
			fmt.Fprintf(&b, "   %-16s %s\n", cl.ID, trunc(cl.Text, 70))
		}
	}
	for _, p := range r.Similarity {
		fmt.Fprintf(&b, "SIM %s-%s %d %.2f\n", r.Docs[p.A].ID, r.Docs[p.B].ID, p.Shared, p.Score)
	}
	n := map[Kind]int{}
	for _, m := range r.Measures {
		n[m.Kind]++
	}
	fmt.Fprintf(&b, "kinds %v passages %d\n", n, len(r.Passages))
	os.WriteFile(os.Getenv("CITYDIFF_DUMP"), []byte(b.String()), 0o644)
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
