package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/words"
)

// Two small regulations written for these tests: article 2 is copied,
// article 3 is rewritten, article 4 differs, and each has one article of its
// own.
const (
	regA = `甲市文明行为促进条例

第一条 为了培育和践行社会主义核心价值观，提升社会文明程度，制定本条例。
第二条 公民应当遵守公共秩序，乘坐公共交通工具时主动为老、幼、病、残、孕及怀抱婴儿的乘客让座。
第三条 饲养犬只的，应当为犬只佩戴犬牌，出户时束犬链并由成年人牵领，及时清除犬只排泄物。
第四条 鼓励单位和个人参与志愿服务活动。
第五条 市人民政府应当建立文明行为激励机制，对见义勇为人员给予表彰奖励。
`
	regB = `乙市文明行为促进条例

第一条 为了促进文明行为，提高公民文明素质，根据有关法律法规，制定本条例。
第二条 公民应当遵守公共秩序，乘坐公共交通工具时主动为老、幼、病、残、孕及怀抱婴儿的乘客让座。
第三条 養犬人攜犬外出時，應當為犬隻掛犬牌、束犬鏈，並及時清理犬隻糞便。
第四条 禁止在公共场所吸烟，禁止随地吐痰。
第五条 本条例自2020年1月1日起施行。
`
)

func fixture(t *testing.T) *compare.Result {
	t.Helper()
	seg := words.Default()
	docs := []*segment.Document{
		segment.FromText("jia", "jia.txt", regA, segment.Meta{}, seg),
		segment.FromText("yi", "yi.txt", regB, segment.Meta{}, seg),
	}
	return compare.Analyze(docs, words.Default(), compare.DefaultParams())
}

func writeLabels(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"relation", "relation,doc_a,at_a,quote_a,doc_b,at_b,quote_b,note\nsame,jia,,让座,yi,,让座,\n", "labels.csv:2: relation \"same\""},
		{"fields", "verbatim,jia,,让座\n", "labels.csv:1: 4 fields"},
		{"one document", "verbatim,jia,,让座,jia,,犬牌,\n", "both passages are in jia"},
		{"no place", "unique,jia,,,,,,\n", "neither at_a nor quote_a"},
		{"unique with b", "unique,jia,,让座,yi,,让座,\n", "leave doc_b"},
		{"header", "relation,doc_a,quote_a\n", "header must be"},
		{"empty", "relation,doc_a,at_a,quote_a,doc_b,at_b,quote_b,note\n", "no labels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(writeLabels(t, "labels.csv", tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
	t.Run("json unknown field", func(t *testing.T) {
		_, err := ReadFile(writeLabels(t, "l.json", `[{"relation":"near","a":{"doc":"jia","quote":"让座"},"b":{"doc":"yi","quote":"让座"},"extra":1}]`))
		if err == nil || !strings.Contains(err.Error(), "label 1") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestReadCSVAndJSONAgree(t *testing.T) {
	c, err := ReadFile(writeLabels(t, "l.csv", "\ufeffrelation,doc_a,at_a,quote_a,doc_b,at_b,quote_b,note\n"+
		"# a comment line\nparaphrase,jia,第三条,束犬链,yi,第三条,束犬鏈,\"dogs, leashed\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	j, err := ReadFile(writeLabels(t, "l.json", `[{"relation":"paraphrase","a":{"doc":"jia","at":"第三条","quote":"束犬链"},"b":{"doc":"yi","at":"第三条","quote":"束犬鏈"},"note":"dogs, leashed"}]`))
	if err != nil {
		t.Fatal(err)
	}
	c[0].Where, j[0].Where = "", ""
	if c[0] != j[0] {
		t.Fatalf("csv %+v\njson %+v", c[0], j[0])
	}
}

func TestLocate(t *testing.T) {
	r := fixture(t)
	loc := newLocator(r.Docs)
	for _, tc := range []struct {
		name   string
		a      Anchor
		clause string // the text of the clause it must land in starts with this
		err    string
	}{
		{"quote", Anchor{Doc: "jia", Quote: "见义勇为"}, "市人民政府应当建立", ""},
		{"article scope", Anchor{Doc: "jia", At: "第二条", Quote: "公共秩序"}, "公民应当遵守", ""},
		{"traditional text, simplified quote", Anchor{Doc: "yi", Quote: "携犬外出"}, "養犬人", ""},
		{"spaces and widths ignored", Anchor{Doc: "yi", Quote: "吸 烟,禁止"}, "禁止在公共场所", ""},
		{"article only", Anchor{Doc: "yi", At: "第四条"}, "禁止在公共场所", ""},
		{"ambiguous", Anchor{Doc: "jia", Quote: "应当"}, "", "found 3 times"},
		{"not found", Anchor{Doc: "jia", Quote: "物业服务"}, "", "not found"},
		{"outside the article", Anchor{Doc: "jia", At: "第四条", Quote: "见义勇为"}, "", "not found in 第四条"},
		{"no article", Anchor{Doc: "jia", At: "第九条", Quote: "让座"}, "", "no article or clause"},
		{"no document", Anchor{Doc: "bing", Quote: "让座"}, "", "no document \"bing\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := loc.locate(tc.a)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Clause < 0 {
				t.Fatalf("in no clause: %+v", p)
			}
			got := r.Docs[p.Doc].Clauses[p.Clause].Text
			if !strings.HasPrefix(got, tc.clause) {
				t.Fatalf("landed in %q, want a clause starting %q", got, tc.clause)
			}
			if q := strings.ReplaceAll(tc.a.Quote, " ", ""); q != "" && len([]rune(r.Docs[p.Doc].Text(p.Span))) < len([]rune(q)) {
				t.Fatalf("span %v holds %q", p.Span, r.Docs[p.Doc].Text(p.Span))
			}
		})
	}
}

func TestScore(t *testing.T) {
	r := fixture(t)
	labels, err := ReadFile(writeLabels(t, "l.csv", `relation,doc_a,at_a,quote_a,doc_b,at_b,quote_b,note
verbatim,jia,第二条,怀抱婴儿,yi,第二条,怀抱婴儿,
apart,jia,第四条,志愿服务,yi,第四条,吸烟,
unique,jia,,见义勇为,,,,
unique,yi,,起施行,,,,
`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Score(r, labels)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range s.Outcomes {
		if !o.OK {
			t.Errorf("%s %s: %s (%s / %s)", o.Label.Where, o.Label.Relation, o.Why, o.MeasureA, o.MeasureB)
		}
	}
	if got := s.ByRelation[Verbatim]; got != (Tally{1, 1}) {
		t.Errorf("verbatim tally %+v", got)
	}
	if s.MustMatch.Rate() != 1 || s.ByRelation[Unique].Labels != 2 {
		t.Errorf("scores %+v", s)
	}

	// The same copy labelled as apart is a miss, reported with both texts.
	labels[0].Relation = Apart
	s, err = Score(r, labels[:1])
	if err != nil {
		t.Fatal(err)
	}
	if s.ByRelation[Apart].OK != 0 {
		t.Fatal("a copy was reported as kept apart")
	}
	var text, js bytes.Buffer
	if err := WriteText(&text, r, s, "l.csv"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 misses", "linked into one measure", "l.csv:2", "怀抱婴儿的乘客让座"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
	if err := WriteJSON(&js, r, s, "l.csv"); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Schema string
		Scores map[string]struct{ Labels, OK int }
		Misses []struct {
			Why string
			A   struct{ Text, Measure string }
			B   *struct{ Text string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Schema != Schema || len(back.Misses) != 1 || back.Misses[0].B == nil || back.Misses[0].A.Measure == "" {
		t.Fatalf("json: %s", js.String())
	}
}

func TestScoreReportsEveryBadLabel(t *testing.T) {
	r := fixture(t)
	labels, err := ReadFile(writeLabels(t, "l.csv", `verbatim,jia,,让座,yi,,不存在的话,
unique,bing,,让座,,,,
near,jia,,让座,yi,,让座,
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Score(r, labels)
	if err == nil || !strings.Contains(err.Error(), "2 labels cannot be located") ||
		!strings.Contains(err.Error(), "l.csv:1: yi: quote") || !strings.Contains(err.Error(), "l.csv:2: no document") {
		t.Fatalf("err = %v", err)
	}
}
