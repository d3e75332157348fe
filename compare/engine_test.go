package compare

import (
	"reflect"
	"strings"
	"testing"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

// clauseWith finds the one clause of a document whose normalized text
// holds quote: tests name clauses by what they say, not by their number,
// which changes whenever sentences are cut differently.
func clauseWith(t *testing.T, r *Result, doc, quote string) ClauseRef {
	t.Helper()
	var found []ClauseRef
	for di, d := range r.Docs {
		if d.ID != doc {
			continue
		}
		for ci, c := range d.Clauses {
			if strings.Contains(c.Norm, quote) {
				found = append(found, ClauseRef{di, ci})
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d clauses of %s hold %q", len(found), doc, quote)
	}
	return found[0]
}

// The pairings that the engine must get right are the labelled sets of
// eval/labels, scored in package eval (TestSeedLabels); the tests here
// check kinds, topics and passages on a few clauses read by hand.

func TestKinds(t *testing.T) {
	r := seedAnalysis(t)
	tests := []struct {
		doc, quote string
		kinds      []Kind
	}{
		{"shantou", "加强人大监督", []Kind{Verbatim}},
		{"shantou", "加强司法监督", []Kind{Verbatim}},
		{"shantou", "配备并发挥好村(社区)法律顾问作用", []Kind{Verbatim}},
		// Puyang's near copy and Xiangtan's longer list of the same
		// enforcement fields: the weakest pair makes it a paraphrase.
		{"shantou", "脱贫攻坚、安全生产", []Kind{Paraphrase}},
		{"puyang", "依法加强对涉及基层治理所有行使公权力", []Kind{Near, Verbatim}},
	}
	for _, tt := range tests {
		m := r.Measures[r.MeasureOf(clauseWith(t, r, tt.doc, tt.quote))]
		ok := false
		for _, k := range tt.kinds {
			ok = ok || m.Kind == k
		}
		if !ok {
			t.Errorf("measure of %s «%s» is %s, want %v", tt.doc, tt.quote, m.Kind, tt.kinds)
		}
	}
}

func TestMeasureInvariants(t *testing.T) {
	r := seedAnalysis(t)
	seen := map[ClauseRef]int{}
	for mi, m := range r.Measures {
		docs := map[int]int{}
		for _, c := range m.Clauses {
			seen[c]++
			docs[c.Doc]++
		}
		if len(docs) != len(m.Docs) {
			t.Errorf("%s: documents %v do not match clauses", m.ID, m.Docs)
		}
		if (m.Kind == Unique) != (len(m.Docs) == 1) {
			t.Errorf("%s: kind %s with %d documents", m.ID, m.Kind, len(m.Docs))
		}
		for _, c := range m.Clauses {
			if r.MeasureOf(c) != mi {
				t.Errorf("%s: MeasureOf disagrees", m.ID)
			}
		}
	}
	for di, d := range r.Docs {
		for ci := range d.Clauses {
			if seen[ClauseRef{di, ci}] != 1 {
				t.Errorf("%s in %d measures", d.Clauses[ci].ID, seen[ClauseRef{di, ci}])
			}
		}
	}
}

// TestTopicInvariants: a topic holds at most one section per document,
// at least two documents, and a label. Which sections belong together is
// in the labelled set (topic rows of eval/labels/seeds.csv).
func TestTopicInvariants(t *testing.T) {
	r := seedAnalysis(t)
	if len(r.Topics) == 0 {
		t.Fatal("no topics")
	}
	for _, tp := range r.Topics {
		docs := map[int]bool{}
		for _, s := range tp.Sections {
			if docs[s.Doc] {
				t.Errorf("topic %s holds two sections of one document", tp.ID)
			}
			docs[s.Doc] = true
		}
		if len(docs) < 2 || tp.Label == "" {
			t.Errorf("topic %s: %d documents, label %q", tp.ID, len(docs), tp.Label)
		}
	}
}

func TestNearTemplatePairIsMostSimilar(t *testing.T) {
	r := seedAnalysis(t)
	best := r.Similarity[0]
	for _, p := range r.Similarity {
		if p.Score > best.Score {
			best = p
		}
	}
	if a, b := r.Docs[best.A].ID, r.Docs[best.B].ID; a != "shantou" || b != "puyang" {
		t.Errorf("most similar pair is %s–%s, want shantou–puyang", a, b)
	}
}

func TestDeterministic(t *testing.T) {
	docs, err := corpus.Load(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(docs, words.Default(), DefaultParams())
	b := Analyze(docs, words.Default(), DefaultParams())
	if !reflect.DeepEqual(a.Measures, b.Measures) || !reflect.DeepEqual(a.Topics, b.Topics) || !reflect.DeepEqual(a.Passages, b.Passages) {
		t.Error("two runs on the same documents differ")
	}
}

func TestWordDiff(t *testing.T) {
	seg := words.Default()
	a := seg.Cut("加大对脱贫攻坚、安全生产、生态环境等领域的执法力度")
	b := seg.Cut("加大对安全生产、生态环境等领域的执法力度")
	edits := WordDiff(a, b)
	var deleted, inserted string
	for _, e := range edits {
		switch e.Op {
		case Delete:
			deleted += e.Text
		case Insert:
			inserted += e.Text
		}
	}
	if deleted != "脱贫攻坚、" || inserted != "" {
		t.Errorf("deleted %q inserted %q, edits %+v", deleted, inserted, edits)
	}
	if s := DiffSimilarity(a, b); s < 0.8 || s >= 1 {
		t.Errorf("DiffSimilarity = %.2f", s)
	}
}

func TestLocalAlignmentFindsReusedHalfSentence(t *testing.T) {
	r := seedAnalysis(t)
	// Puyang reuses Shantou's 办事依法、遇事找法… inside a different sentence.
	a, b := clauseWith(t, r, "shantou", "营造办事依法"), clauseWith(t, r, "puyang", "引导养成办事依法")
	for _, p := range r.Passages {
		if p.A == a && p.B == b {
			text := r.Docs[a.Doc].Text(p.ASpan)
			if p.Tokens < 8 || len([]rune(text)) < 15 {
				t.Errorf("passage too short: %q (%d tokens)", text, p.Tokens)
			}
			return
		}
	}
	t.Errorf("no reused passage between %s and %s", r.Clause(a).ID, r.Clause(b).ID)
}

// TestShorthandMatchesItsExpansion: 三项制度 stands for the three systems
// another city spells out; they share no words, yet state one measure.
func TestShorthandMatchesItsExpansion(t *testing.T) {
	seg := words.Default()
	a := segment.FromText("a", "a.txt", "甲市关于加强法治政府建设的意见\n一、严格执法\n严格落实行政执法“三项制度”。加强食品安全监管。\n二、队伍建设\n加强执法人员培训考核。\n", segment.Meta{}, seg)
	b := segment.FromText("b", "b.txt", "乙市关于推进依法行政的意见\n一、规范执法\n全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。开展普法宣传活动。\n二、保障\n完善经费保障机制。\n", segment.Meta{}, seg)
	r := Analyze([]*segment.Document{a, b}, seg, DefaultParams())
	if r.MeasureOf(ClauseRef{0, 0}) != r.MeasureOf(ClauseRef{1, 0}) {
		t.Errorf("%q and %q should share a measure", a.Clauses[0].Text, b.Clauses[0].Text)
	}
	if r.MeasureOf(ClauseRef{0, 1}) == r.MeasureOf(ClauseRef{1, 1}) {
		t.Errorf("%q and %q should not", a.Clauses[1].Text, b.Clauses[1].Text)
	}
}
