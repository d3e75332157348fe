package draftcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

var (
	once  sync.Once
	res   *compare.Result
	draft *segment.Document
	setUp error
)

// seedsAndDraft analyses the five built-in documents and parses
// testdata/draft.txt, a draft that copies clauses of Shantou and Puyang
// verbatim and edited and adds one of its own.
func seedsAndDraft(t *testing.T) (*compare.Result, *segment.Document) {
	t.Helper()
	once.Do(func() {
		ins, err := corpus.Inputs(corpus.Options{})
		if err != nil {
			setUp = err
			return
		}
		docs, err := corpus.Parse(ins, words.Default())
		if err != nil {
			setUp = err
			return
		}
		res = compare.Analyze(docs, words.Default(), compare.DefaultParams())
		data, err := os.ReadFile("testdata/draft.txt")
		if err != nil {
			setUp = err
			return
		}
		draft, setUp = segment.Parse(segment.Input{ID: "draft", Name: "draft.txt", Data: data}, words.Default())
	})
	if setUp != nil {
		t.Fatal(setUp)
	}
	return res, draft
}

func cityIndex(t *testing.T, r *compare.Result, city string) int {
	for i, d := range r.Docs {
		if d.Meta.City == city {
			return i
		}
	}
	t.Fatalf("no %s", city)
	return -1
}

func draftClause(t *testing.T, d *segment.Document, prefix string) int {
	for i, c := range d.Clauses {
		if strings.HasPrefix(c.Norm, prefix) {
			return i
		}
	}
	t.Fatalf("no draft clause %q", prefix)
	return -1
}

func TestBorrowedClauses(t *testing.T) {
	r, d := seedsAndDraft(t)
	q := Prepare(r, d, words.Default())
	ck := q.Check(Options{MinCities: 2})
	shantou := cityIndex(t, r, "汕头")
	by := map[int]Borrowed{}
	for _, b := range ck.Borrowed {
		by[b.Clause] = b
	}
	for _, tt := range []struct {
		prefix         string
		kind           compare.Kind
		dropped, added string
	}{
		{"各级人民政府及其工作部门应当恪守", compare.Verbatim, "", ""},
		{"各级人民政府、各级人民法院和江城仲裁委员会", compare.Near, "汕头", "江城"},
		{"推动人民调解、行政调解、司法调解衔接联动", compare.Near, "仲裁调解", ""},
	} {
		i := draftClause(t, d, tt.prefix)
		b, ok := by[i]
		if !ok {
			t.Errorf("%s…: not borrowed", tt.prefix)
			continue
		}
		if b.From.Doc != shantou || b.Kind != tt.kind {
			t.Errorf("%s…: %s from %s, want %s from 汕头", tt.prefix, b.Kind, q.City(b.From.Doc), tt.kind)
		}
		dropped, added := Changes(b.Edits)
		if !strings.Contains(strings.Join(dropped, "|"), tt.dropped) || !strings.Contains(strings.Join(added, "|"), tt.added) {
			t.Errorf("%s…: dropped %q added %q, want %q dropped and %q added", tt.prefix, dropped, added, tt.dropped, tt.added)
		}
		if tt.kind == compare.Verbatim && (len(dropped) > 0 || len(added) > 0) {
			t.Errorf("%s…: verbatim with changes %q %q", tt.prefix, dropped, added)
		}
	}
	own := draftClause(t, d, "建立江河流域水事纠纷联合调处机制")
	if len(ck.Own) != 1 || ck.Own[0] != own {
		t.Errorf("own clauses %v, want only the 水事纠纷 clause %d", ck.Own, own)
	}
}

func TestMissingFollowsTheSetAndThreshold(t *testing.T) {
	r, d := seedsAndDraft(t)
	q := Prepare(r, d, words.Default())
	shantou, puyang := cityIndex(t, r, "汕头"), cityIndex(t, r, "濮阳")
	ids := func(ck *Check) map[int]bool {
		out := map[int]bool{}
		for _, m := range ck.Missing {
			out[m.Measure] = true
		}
		return out
	}
	all1, all2 := q.Check(Options{MinCities: 1}), q.Check(Options{MinCities: 2})
	if len(all2.Missing) == 0 || len(all2.Missing) >= len(all1.Missing) {
		t.Fatalf("missing at k=2: %d, at k=1: %d; want fewer at 2, and some", len(all2.Missing), len(all1.Missing))
	}
	one := ids(all1)
	for m := range ids(all2) {
		if !one[m] {
			t.Errorf("m%d missing at k=2 but not at k=1", m)
		}
	}
	// The two template cities, both required: each listed measure is in
	// both, and none is stated by the draft.
	tmpl := q.Check(Options{Against: []int{puyang, shantou}, MinCities: 5})
	if tmpl.MinCities != 2 || len(tmpl.Against) != 2 || tmpl.Against[0] != shantou {
		t.Fatalf("set %v k=%d, want [汕头 濮阳] and k clamped to 2", tmpl.Against, tmpl.MinCities)
	}
	for _, m := range tmpl.Missing {
		ms := &r.Measures[m.Measure]
		if len(m.Cities) != 2 || !contains(ms.Docs, shantou) || !contains(ms.Docs, puyang) {
			t.Errorf("%s listed with cities %v, not in both templates", ms.ID, m.Cities)
		}
		if m.Example.Doc != shantou && m.Example.Doc != puyang {
			t.Errorf("%s: example from %s, outside the set", ms.ID, q.City(m.Example.Doc))
		}
	}
	// Fixed: a draft clause opening with the same subject as these two
	// (各级人民政府及其工作部门应当…) passed the bar against them and hid
	// them, though it states another measure; by reading, the draft
	// has neither.
	for _, want := range []string{"应当落实行政机关负责人出庭应诉制度", "应当落实法治宣传相关国家规划"} {
		found := false
		for _, m := range tmpl.Missing {
			for _, c := range r.Measures[m.Measure].Clauses {
				found = found || strings.Contains(r.Clause(c).Norm, want)
			}
		}
		if !found {
			t.Errorf("…%s… not listed as missing", want)
		}
	}
	// Measures the draft copies from both templates are never missing.
	copied := r.Measures[0].ID
	for _, b := range tmpl.Borrowed {
		copied = r.Measures[b.Measure].ID
		for _, m := range tmpl.Missing {
			if m.Measure == b.Measure {
				t.Errorf("%s both borrowed and missing", copied)
			}
		}
	}
	t.Logf("%d measures 汕头 and 濮阳 share that the draft lacks", len(tmpl.Missing))
}

// TestClosestSentence: a draft sentence under the bar is shown as the
// closest to a missing measure; over the bar the measure is not missing.
// The scores are set by hand, so the test is about the check, not the
// engine's similarity.
func TestClosestSentence(t *testing.T) {
	r, d := seedsAndDraft(t)
	target := -1 // a measure in 4 cities
	for mi, m := range r.Measures {
		if len(m.Docs) >= 4 {
			target = mi
			break
		}
	}
	if target < 0 {
		t.Fatal("no measure in 4 cities")
	}
	for _, tt := range []struct {
		sim     float64
		missing bool
	}{{0.10, true}, {0.30, true}, {0.50, false}} {
		q := New(r, d, func(i int, c compare.ClauseRef) float64 {
			if i == 2 && c == r.Measures[target].Clauses[1] {
				return tt.sim
			}
			return 0
		})
		var got *Missing
		ck := q.Check(Options{MinCities: 4})
		for k := range ck.Missing {
			if ck.Missing[k].Measure == target {
				got = &ck.Missing[k]
			}
		}
		switch {
		case !tt.missing && got != nil:
			t.Errorf("similarity %.2f: still missing", tt.sim)
		case tt.missing && got == nil:
			t.Errorf("similarity %.2f: not missing", tt.sim)
		case got != nil && tt.sim >= Floor && (got.Closest != 2 || got.Similarity != tt.sim):
			t.Errorf("similarity %.2f: closest %d (%.2f), want draft clause 2", tt.sim, got.Closest, got.Similarity)
		case got != nil && tt.sim < Floor && got.Closest != -1:
			t.Errorf("similarity %.2f: closest %d, want none under the floor", tt.sim, got.Closest)
		}
		if !tt.missing && (len(ck.Borrowed) != 1 || ck.Borrowed[0].Clause != 2 || ck.Borrowed[0].Measure != target) {
			t.Errorf("similarity %.2f: borrowed %+v, want draft clause 2 from the measure", tt.sim, ck.Borrowed)
		}
	}
}

func TestExportNeverOverwrites(t *testing.T) {
	r, d := seedsAndDraft(t)
	ck := Prepare(r, d, words.Default()).Check(Options{MinCities: 2})
	dir := t.TempDir()
	mine := filepath.Join(dir, "draft-check.md")
	os.WriteFile(mine, []byte("my notes"), 0o644)
	path, err := Export(dir, ck)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "draft-check-2.md" {
		t.Errorf("wrote %s", path)
	}
	if b, _ := os.ReadFile(mine); string(b) != "my notes" {
		t.Errorf("the user's file was changed")
	}
	var want bytes.Buffer
	WriteMarkdown(&want, ck)
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, want.Bytes()) || !bytes.Contains(got, []byte("## Missing")) || !bytes.Contains(got, []byte("dropped: 汕头; added: 江城")) {
		t.Errorf("export:\n%s", got)
	}
	var csvOut bytes.Buffer
	if err := WriteCSV(&csvOut, ck); err != nil || strings.Count(csvOut.String(), "\nborrowed,") != len(ck.Borrowed) {
		t.Errorf("csv: %v\n%s", err, csvOut.String())
	}
	if _, err := Export(filepath.Join(dir, "missing-dir"), ck); err == nil || !strings.Contains(err.Error(), "missing-dir") {
		t.Errorf("export to a missing directory: %v", err)
	}
}

func contains(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func TestFormulas(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"本决定自公布之日起施行。", true},
		{"本条例自2021年5月1日起施行。", true},
		{"结合本市实际,作出如下决定:", true},
		{"对玩忽职守、滥用职权、徇私舞弊的,依法给予处分。", true},
		{"本意见由市司法局负责解释。", true},
		{"加强人大监督。", false},
		{"各级人民政府应当建立健全行政监督体系,", false},
		{"建立江河流域水事纠纷联合调处机制,自本决定施行后每季度召开一次研判会。", false},
	} {
		if got := IsFormula(tt.text); got != tt.want {
			t.Errorf("IsFormula(%q) = %v", tt.text, got)
		}
	}
	// A draft lacking the enacting clause does not miss it.
	r, d := seedsAndDraft(t)
	trimmed := *d
	trimmed.Clauses = nil
	for _, c := range d.Clauses {
		if !strings.Contains(c.Norm, "施行") && !strings.Contains(c.Norm, "如下决定") {
			trimmed.Clauses = append(trimmed.Clauses, c)
		}
	}
	ck := Prepare(r, &trimmed, words.Default()).Check(Options{MinCities: 2})
	for _, m := range ck.Missing {
		if IsFormula(r.Clause(m.Example).Norm) {
			t.Errorf("formula listed as missing: %s", r.Clause(m.Example).Text)
		}
	}
	if len(ck.Formulas) == 0 {
		t.Error("no formula set apart")
	}
}
