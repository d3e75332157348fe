package compare

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"citydiff/segment/words"
)

func TestDbgCands(t *testing.T) {
	ids := strings.Split(os.Getenv("DBG"), ",")
	if ids[0] == "" {
		t.Skip()
	}
	r := seedAnalysis(t)
	f := buildFeatures(r, words.Default(), r.Params)
	cands := f.candidates(r.Params)
	for i, cf := range f.clauses {
		c := r.Clause(cf.ref)
		for _, id := range ids {
			if c.ID != id {
				continue
			}
			fmt.Printf("== %s %s\n", id, c.Text)
			for _, s := range cands[i][:min(8, len(cands[i]))] {
				o := r.Clause(f.clauses[s.to].ref)
				fmt.Printf("   %.3f al=%.2f/%d %s %s\n", s.sim, s.al.norm, s.al.matched, o.ID, trunc(o.Text, 50))
			}
		}
	}
}
