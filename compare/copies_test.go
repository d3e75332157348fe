package compare

import (
	"fmt"
	"strings"
	"testing"

	"citydiff/seeds"
	"citydiff/segment"
	"citydiff/segment/words"
)

// copyCities are the city names the copies of a document take.
var copyCities = strings.Fields(`汕头 湘潭 赣州 南阳 信阳 周口 商丘 安阳 许昌 鹤壁 漯河 焦作 新乡 开封 洛阳 平顶山
	三门峡 驻马店 济源 郑州 青岛 济南 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
	杭州 宁波 温州 嘉兴`)

// TestCopiesAreNeverDropped: a document and 39 copies that differ only in
// the city name. Far more documents share each clause than a clause keeps
// candidates, yet every clause must land in one measure holding all 40,
// and every pair of documents must be as similar as can be.
func TestCopiesAreNeverDropped(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	var text string
	for _, s := range all {
		if s.ID == "puyang" {
			text = string(s.Data)
		}
	}
	seg := words.Default()
	const n = 40
	docs := make([]*segment.Document, n)
	for k := 0; k < n; k++ {
		city := "濮阳"
		if k > 0 {
			city = copyCities[k-1]
		}
		docs[k] = segment.FromText(fmt.Sprintf("copy%02d", k), "copy.txt", strings.ReplaceAll(text, "濮阳", city),
			segment.Meta{City: city}, seg)
	}
	r := Analyze(docs, seg, DefaultParams())
	if p := r.Params; p.MaxCandidates >= n || p.MaxPosting >= n*4 {
		t.Fatalf("the caps (%d candidates, postings of %d) must be smaller than the copies for this test to mean anything", p.MaxCandidates, p.MaxPosting)
	}
	unique := 0
	for ci, c := range docs[0].Clauses {
		m := r.Measures[r.MeasureOf(ClauseRef{0, ci})]
		if len(m.Docs) != n {
			t.Errorf("clause %s %q is in %s with %d documents, want %d", c.ID, c.Text, m.ID, len(m.Docs), n)
		}
		if m.Kind == Unique {
			unique++
		}
	}
	if unique > 0 {
		t.Errorf("%d clauses of the original are unique", unique)
	}
	for _, p := range r.Similarity {
		if p.Score != 1 {
			t.Errorf("%s × %s similarity %.2f, want 1", docs[p.A].ID, docs[p.B].ID, p.Score)
			break
		}
	}
}
