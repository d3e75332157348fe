package segment

import (
	"strings"
	"testing"

	"citydiff/seeds"
)

// seedChrome is how many lines of each built-in document are web chrome:
// the site footers, filing numbers, publication lines, share and comment
// widgets and the encyclopedia infobox, nothing of the documents.
var seedChrome = map[string]int{"shantou": 3, "xiangtan": 5, "shanghai": 7, "puyang": 1, "ganzhou": 5}

// TestChromeKeepsSeedClauses (issue 14 item 10): a body paragraph that
// mentions footer words (版权所有, 联系我们, 网站地图, 发布时间:) is kept,
// however it is written, in every built-in document: the document gains
// its clauses and loses none, and its chrome stays the same lines.
func TestChromeKeepsSeedClauses(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "各级政府网站应当设置联系我们、网站地图栏目,标明版权所有者和发布时间:年月日。"
	const heading = "网站地图与联系我们"
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			parse := func(text string) *Document {
				d, err := Parse(Input{ID: s.ID, Name: s.File, Data: []byte(text)}, nil)
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			orig := string(s.Data)
			base := parse(orig)
			if len(base.Chrome) != seedChrome[s.ID] {
				t.Errorf("%d lines of chrome, want %d: %q", len(base.Chrome), seedChrome[s.ID], spanTexts(base, base.Chrome))
			}
			lines := strings.SplitAfter(orig, "\n")
			var sentences []int // lines holding a sentence
			for i, l := range lines {
				if strings.Contains(l, "。") {
					sentences = append(sentences, i)
				}
			}
			// The sentence goes after one in the middle of the body (before
			// it may be a notice that wraps the document); the heading
			// before the last one.
			first, last := sentences[len(sentences)/2], sentences[len(sentences)-1]
			insert := func(at int, line string) string {
				out := append(append(append([]string{}, lines[:at]...), line+"\n"), lines[at:]...)
				return strings.Join(out, "")
			}
			variants := map[string]string{"sentence": insert(first+1, sentence)}
			if last > first+1 {
				variants["heading"] = insert(last, heading)
			}
			for name, text := range variants {
				d := parse(text)
				if len(d.Chrome) != len(base.Chrome) {
					t.Errorf("%s: %d lines of chrome, want %d: %q", name, len(d.Chrome), len(base.Chrome), spanTexts(d, d.Chrome))
				}
				if len(d.Clauses) < len(base.Clauses) {
					t.Errorf("%s: %d clauses, fewer than the document's %d", name, len(d.Clauses), len(base.Clauses))
				}
				have := map[string]int{}
				for _, c := range d.Clauses {
					have[d.Text(c.Span)]++
				}
				for _, c := range base.Clauses {
					if text := base.Text(c.Span); have[text] == 0 {
						t.Errorf("%s: clause %s lost: %q", name, c.ID, text)
					} else {
						have[text]--
					}
				}
				if name == "sentence" && !strings.Contains(strings.Join(clauseTexts(d), "\n"), "标明版权所有者") {
					t.Errorf("the inserted sentence is in no clause")
				}
				for _, c := range d.Chrome {
					if strings.Contains(d.Text(c), "网站地图栏目") || d.Text(c) == heading {
						t.Errorf("%s: inserted text marked as chrome: %q", name, d.Text(c))
					}
				}
			}
		})
	}
}

func clauseTexts(d *Document) []string {
	var out []string
	for _, c := range d.Clauses {
		out = append(out, d.Text(c.Span))
	}
	return out
}
