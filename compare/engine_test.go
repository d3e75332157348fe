package compare

import (
	"reflect"
	"testing"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

// pairing is a pair of clauses checked by reading the documents.
type pairing struct {
	a, b string // clause ids
	why  string
}

// The pairings below were verified by reading the five documents side by
// side (docs/engine.md explains how). mustMatch pairs state the same
// measure; mustSplit pairs are on the same topic but say different things.
var (
	mustMatch = []pairing{
		{"shantou/3/2", "puyang/4/2", "加强人大监督。 verbatim in the near-template pair"},
		{"shantou/3/8", "puyang/4/11", "加强司法监督。 verbatim"},
		{"shantou/2/3", "puyang/3/3", "行政裁量权基准 + 三项制度, copied whole"},
		{"shantou/4/10", "puyang/6/9", "村(社区)法律顾问, copied whole"},
		{"shantou/2/5", "puyang/3/4", "执法力度 list with one item dropped (脱贫攻坚): near"},
		{"shantou/3/7", "puyang/4/10", "监察机关…公职人员, 市域社会治理 → 基层治理"},
		{"shantou/2/9", "shanghai/15/5", "民事民议、民事民办、民事民管, Simplified vs Traditional"},
		{"xiangtan/42/7", "shanghai/20/1", "公职律师和法律顾问, Traditional, other words"},
		{"xiangtan/4/2", "shanghai/3/2", "党领导立法、保证执法、支持司法、带头守法"},
		{"xiangtan/11/2", "shanghai/11/1", "法规规章…立改废释, paraphrase"},
		{"puyang/6/7", "ganzhou/29/2", "多元化纠纷解决机制, paraphrase"},
		{"xiangtan/29/2", "ganzhou/28/1", "实体、热线、网络三大平台"},
		{"xiangtan/24/14", "puyang/4/13", "检察公益诉讼 … 公共利益"},
		{"shantou/2/15", "puyang/3/10", "健全协调联动工作机制, a verbatim run of common words"},
		{"shantou/4/2", "ganzhou/30/1", "落实“谁执法谁普法”普法责任制 … 以案释法"},
		{"ganzhou/18/1", "xiangtan/20/2", "六减一增 vs 压减审批事项流程、成本、材料和时间"},
		{"ganzhou/29/1", "xiangtan/30/2", "坚持和发展新时代“枫桥经验”: an item's run-in heading is a clause too"},
	}
	mustSplit = []pairing{
		{"shantou/3/2", "puyang/4/6", "人大监督 vs 行政监督: same part, different measures"},
		{"shantou/3/6", "puyang/4/11", "监察监督 vs 司法监督"},
		{"shantou/4/1", "puyang/6/9", "法治宣传 vs 纠纷化解 in the same part"},
		{"shantou/3/5", "puyang/4/10", "行政监督体系 vs 监察机关"},
		{"xiangtan/42/7", "shanghai/19/1", "公职律师 vs 司法所 staffing"},
		{"puyang/3/10", "xiangtan/36/5", "courts' coordination vs filing their documents: only the actors are shared"},
		{"xiangtan/43/5", "ganzhou/15/1", "律师行业党的建设 vs 法律服务行业专项整治: one ordinary word (行业) in common"},
	}
	uniqueClauses = []string{
		"ganzhou/32/2",  // 主题实践工作专班: Ganzhou's own
		"xiangtan/44/2", // 涉外法律服务: Xiangtan only
		"shanghai/21/1", // 法律明白人 training: Shanghai only
	}
)

func clauseIndex(t *testing.T, r *Result, id string) ClauseRef {
	t.Helper()
	for di, d := range r.Docs {
		for ci, c := range d.Clauses {
			if c.ID == id {
				return ClauseRef{di, ci}
			}
		}
	}
	t.Fatalf("no clause %s", id)
	return ClauseRef{}
}

func TestVerifiedPairings(t *testing.T) {
	r := seedAnalysis(t)
	for _, p := range mustMatch {
		a, b := clauseIndex(t, r, p.a), clauseIndex(t, r, p.b)
		if r.MeasureOf(a) != r.MeasureOf(b) {
			t.Errorf("%s and %s should share a measure (%s): %s vs %s", p.a, p.b, p.why, r.Clause(a).Text, r.Clause(b).Text)
		}
	}
	for _, p := range mustSplit {
		a, b := clauseIndex(t, r, p.a), clauseIndex(t, r, p.b)
		if r.MeasureOf(a) == r.MeasureOf(b) {
			t.Errorf("%s and %s should stay apart (%s)", p.a, p.b, p.why)
		}
	}
	for _, id := range uniqueClauses {
		c := clauseIndex(t, r, id)
		if m := r.Measures[r.MeasureOf(c)]; m.Kind != Unique {
			t.Errorf("%s (%s) should be unique, is in %s %s with %d documents", id, r.Clause(c).Text, m.ID, m.Kind, len(m.Docs))
		}
	}
}

func TestKinds(t *testing.T) {
	r := seedAnalysis(t)
	tests := []struct {
		clause string
		kinds  []Kind
	}{
		{"shantou/3/2", []Kind{Verbatim}},
		{"shantou/4/10", []Kind{Verbatim}},
		{"shantou/2/5", []Kind{Near}},
		{"shantou/3/7", []Kind{Near}},
		{"puyang/6/7", []Kind{Paraphrase}},
		{"xiangtan/42/7", []Kind{Paraphrase}},
	}
	for _, tt := range tests {
		m := r.Measures[r.MeasureOf(clauseIndex(t, r, tt.clause))]
		ok := false
		for _, k := range tt.kinds {
			ok = ok || m.Kind == k
		}
		if !ok {
			t.Errorf("measure of %s is %s, want %v", tt.clause, m.Kind, tt.kinds)
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

// TestTopics checks that sections on legislation, supervision and legal
// services/dispute resolution are aligned across the cities that have them.
func TestTopics(t *testing.T) {
	r := seedAnalysis(t)
	together := [][]string{
		{"shantou/1", "puyang/2", "xiangtan/9"},  // 立法
		{"shantou/3", "puyang/4", "xiangtan/34"}, // 监督
		{"shantou/4", "puyang/6", "xiangtan/30"}, // 法律服务 and 纠纷化解
		{"shantou/2", "puyang/3", "xiangtan/16"}, // 严格规范公正文明执法
		{"xiangtan/27", "shanghai/12"},           // 普法
		{"xiangtan/15", "shanghai/9"},            // 行政执法体制改革
		{"xiangtan/42", "shanghai/20"},           // 法治工作队伍 / 公职律师
	}
	for _, want := range together {
		found := false
		for _, tp := range r.Topics {
			ids := map[string]bool{}
			for _, s := range tp.Sections {
				ids[r.Section(s).ID] = true
			}
			all := true
			for _, id := range want {
				all = all && ids[id]
			}
			found = found || all
		}
		if !found {
			t.Errorf("no topic joins %v", want)
		}
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
	a := analyze(docs, DefaultParams(), words.Default())
	b := analyze(docs, DefaultParams(), words.Default())
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
	a, b := clauseIndex(t, r, "shantou/4/3"), clauseIndex(t, r, "puyang/6/3")
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
	r := Analyze([]*segment.Document{a, b}, DefaultParams())
	if r.MeasureOf(ClauseRef{0, 0}) != r.MeasureOf(ClauseRef{1, 0}) {
		t.Errorf("%q and %q should share a measure", a.Clauses[0].Text, b.Clauses[0].Text)
	}
	if r.MeasureOf(ClauseRef{0, 1}) == r.MeasureOf(ClauseRef{1, 1}) {
		t.Errorf("%q and %q should not", a.Clauses[1].Text, b.Clauses[1].Text)
	}
}
