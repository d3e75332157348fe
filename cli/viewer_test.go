package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"citydiff/compare"
	"citydiff/draftcheck"
)

// TestDraftLeavesTheCitiesAlone: issue 13. Adding a draft renumbered the
// cities' measures and topics and changed their shared counts (Shantou ×
// Xiangtan 19 → 13). The draft is now checked against the cities, never
// analysed with them: the cities' result is the same, byte for byte in
// what the viewer shows.
func TestDraftLeavesTheCitiesAlone(t *testing.T) {
	draft, err := os.ReadFile("../draftcheck/testdata/draft.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "draft.txt"), filepath.Join(dir, "other.txt")
	os.WriteFile(a, draft, 0o644)
	os.WriteFile(b, []byte(strings.Replace(string(draft), "江城", "河城", -1)), 0o644)

	plain, err := viewerConfig(viewerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	withDrafts, err := viewerConfig(viewerOptions{drafts: []string{a, b}})
	if err != nil {
		t.Fatal(err)
	}
	if len(withDrafts.Docs) != len(plain.Docs) || len(withDrafts.Drafts) != 2 {
		t.Fatalf("%d cities with drafts, %d without; %d drafts", len(withDrafts.Docs), len(plain.Docs), len(withDrafts.Drafts))
	}
	r1, err := plain.Analyze()
	if err != nil {
		t.Fatal(err)
	}
	r2, err := withDrafts.Analyze()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(r2), summary(r1); got != want {
		t.Errorf("the cities' analysis changed with drafts added")
	}
	qs, err := withDrafts.CheckDrafts(r2)
	if err != nil || len(qs) != 2 {
		t.Fatalf("check: %v, %d queries", err, len(qs))
	}
	// Two user files are not cities of each other: each draft's check
	// names only the built-in cities.
	for _, q := range qs {
		ck := q.Check(draftcheck.Options{MinCities: 1})
		for _, bo := range ck.Borrowed {
			if name := q.City(bo.From.Doc); name == "draft" || name == "other" {
				t.Errorf("%s borrows from the other draft", q.Draft.ID)
			}
		}
		if len(ck.Borrowed) < 10 {
			t.Errorf("%s: only %d borrowed clauses", q.Draft.ID, len(ck.Borrowed))
		}
	}
}

// summary is what the viewer shows of a result: measure and topic ids,
// labels, documents, and the shared counts of every pair.
func summary(r *compare.Result) string {
	var b strings.Builder
	for _, m := range r.Measures {
		fmt.Fprintf(&b, "%s %s %s %v %v\n", m.ID, m.Label, m.Kind, m.Docs, m.Clauses)
	}
	for _, tp := range r.Topics {
		fmt.Fprintf(&b, "%s %s %v %v\n", tp.ID, tp.Label, tp.Sections, tp.Measures)
	}
	for _, p := range r.Similarity {
		fmt.Fprintf(&b, "%d×%d %d\n", p.A, p.B, p.Shared)
	}
	return b.String()
}
