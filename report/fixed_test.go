package report

import (
	"fmt"
	"strings"
	"testing"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/words"
)

// The golden files test the output formats, not the engine: they render a
// small Result put together by hand over three short documents written for
// the tests, so that tuning the engine never rewrites them.
var fixedTexts = []struct{ id, city, province, date, text string }{
	{"jia", "甲市", "甲省", "2020-05-01", `甲市关于加强基层法治建设的意见

一、严格执法
推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。加强执法人员培训。
二、普法
落实“谁执法谁普法”普法责任制。建设法治文化阵地。
`},
	{"yi", "乙市", "乙省", "2021-06-01", `乙市法治建设实施方案

一、规范执法
全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
二、法治宣传
落实“谁执法谁普法”的普法责任制,开展以案释法。
`},
	{"bing", "丙市", "丙省", "", `丙市关于推进依法治理的通知

一、执法
严格落实行政执法“三项制度”,规范执法行为。
二、服务
健全公共法律服务体系, 方便群众办事。
`},
}

// fixedResult is the hand-made analysis of fixedTexts.
func fixedResult(t testing.TB) (*compare.Result, Meta) {
	t.Helper()
	seg := words.Default()
	var docs []*segment.Document
	for _, f := range fixedTexts {
		docs = append(docs, segment.FromText(f.id, f.id+".txt", f.text, segment.Meta{City: f.city, Province: f.province, Date: f.date}, seg))
	}
	at := func(doc int, quote string) compare.ClauseRef {
		for ci, c := range docs[doc].Clauses {
			if strings.Contains(c.Norm, quote) {
				return compare.ClauseRef{Doc: doc, Clause: ci}
			}
		}
		t.Fatalf("%s: no clause holds %q", docs[doc].ID, quote)
		return compare.ClauseRef{}
	}
	sec := func(doc int, heading string) compare.SectionRef {
		for si, s := range docs[doc].Sections {
			if s.Heading == heading {
				return compare.SectionRef{Doc: doc, Section: si}
			}
		}
		t.Fatalf("%s: no section %q", docs[doc].ID, heading)
		return compare.SectionRef{}
	}
	r := &compare.Result{Params: compare.DefaultParams(), Docs: docs}
	r.Topics = []compare.Topic{
		{ID: "t01", Label: "行政执法·公示", Sections: []compare.SectionRef{sec(0, "严格执法"), sec(1, "规范执法"), sec(2, "执法")}, Score: 0.62, Measures: []int{0}},
		{ID: "t02", Label: "普法·责任制", Sections: []compare.SectionRef{sec(0, "普法"), sec(1, "法治宣传")}, Score: 0.48, Measures: []int{1}},
	}
	shared := map[compare.ClauseRef]bool{}
	r.Measures = []compare.Measure{
		{ID: "m1", Label: "行政执法·公示·审核", Kind: compare.Paraphrase, Similarity: 0.71, Topic: 0,
			Clauses: []compare.ClauseRef{at(0, "推行行政执法公示制度"), at(1, "全面推行行政执法公示制度"), at(2, "三项制度")}, Docs: []int{0, 1, 2}},
		{ID: "m2", Label: "谁执法谁普法·责任制", Kind: compare.Near, Similarity: 0.83, Topic: 1,
			Clauses: []compare.ClauseRef{at(0, "普法责任制"), at(1, "普法责任制")}, Docs: []int{0, 1}},
	}
	for _, m := range r.Measures {
		for _, c := range m.Clauses {
			shared[c] = true
		}
	}
	n := len(r.Measures)
	for di, d := range docs {
		for ci := range d.Clauses {
			c := compare.ClauseRef{Doc: di, Clause: ci}
			if !shared[c] {
				n++
				r.Measures = append(r.Measures, compare.Measure{ID: fmt.Sprintf("m%d", n),
					Label: "unique", Kind: compare.Unique, Similarity: 1, Topic: -1, Clauses: []compare.ClauseRef{c}, Docs: []int{di}})
			}
		}
	}
	r.Reindex()
	r.Similarity = compare.DocSimilarity(docs, r.Measures)
	a, b := at(0, "推行行政执法公示制度"), at(1, "全面推行行政执法公示制度")
	ca, cb := r.Clause(a), r.Clause(b)
	r.Passages = []compare.Passage{{A: a, B: b, ASpan: ca.Span, BSpan: segment.Span{Start: cb.Span.Start + 2, End: cb.Span.End}, Tokens: 12, Score: 0.95}}
	return r, NewMeta("citydiff", "test", r)
}
