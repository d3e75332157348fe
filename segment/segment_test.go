package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"citydiff/seeds"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in      string
		style   Style
		number  string
		ordinal int
	}{
		{"一、加强立法工作", HanComma, "一", 1},
		{"十、强化法治保障", HanComma, "十", 10},
		{"(三十五)强化信息科技支撑。", HanParen, "三十五", 35},
		{"(二十一)完善社会治理体系。", HanParen, "二十一", 21},
		{"12、严格落实行政执法“三项制度”。", ArabicComma, "12", 12},
		{"3. 推进公开", ArabicDot, "3", 3},
		{"(2)依法调解", ArabicParen, "2", 2},
		{"第三章 法律责任", Chapter, "三", 3},
		{"第十二条 本办法自公布之日起施行。", Article, "十二", 12},
		{"②加强监督", Circled, "②", 2},
		{"11开展减环节、减材料", ArabicBare, "11", 11},
		{"一百零二、附则", HanComma, "一百零二", 102},
	}
	for _, tt := range tests {
		m, ok := parseMarker([]rune(tt.in))
		if !ok || m.style != tt.style || m.number != tt.number || m.ordinal != tt.ordinal {
			t.Errorf("parseMarker(%q) = %+v, %v; want %s %s %d", tt.in, m, ok, tt.style, tt.number, tt.ordinal)
		}
	}
	for _, no := range []string{"2021年,全市各级行政机关", "1.5倍", "一是加强", "为贯彻落实", "20个工作日", "(牵头单位:市司法局)", "第一责任人"} {
		if m, ok := parseMarker([]rune(no)); ok && m.style != ArabicBare {
			t.Errorf("parseMarker(%q) found %+v, want no numbering", no, m)
		}
	}
}

func parseText(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Parse(Input{ID: "t", Name: "t.txt", Data: []byte(text)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func headings(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		if s.Kind != Preamble {
			out = append(out, strings.Repeat(">", s.Level)+s.Number+"|"+s.Heading)
		}
	}
	return out
}

func TestStructureStyles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"numbered levels with run-in headings", "关于加强法治建设的意见\n一、总体要求\n坚持依法治市。\n二、主要任务\n(一)推进科学立法。完善立法工作格局。\n(二)严格执法。推行行政执法公示制度。\n",
			[]string{">一|总体要求", ">二|主要任务", ">>一|推进科学立法", ">>二|严格执法"}},
		{"inline headings in one long line", "某市人民代表大会常务委员会关于加强法治的决定 为推进法治建设,作如下决定: 一、加强立法工作,提高立法质量 " + strings.Repeat("市人民政府应当加强立法工作。", 12) + " 二、坚持严格执法 " + strings.Repeat("各级人民政府应当严格执法。", 10),
			[]string{">一|加强立法工作,提高立法质量", ">二|坚持严格执法"}},
		{"unnumbered headings on two levels", "关于加强基层法治建设的意见\n总体要求\n指导思想\n以习近平法治思想为指导,推进基层法治建设。\n基本原则\n坚持党的领导。\n加强队伍建设\n加强司法所建设\n健全司法所工作机制。\n",
			[]string{">|总体要求", ">>|指导思想", ">>|基本原则", ">|加强队伍建设", ">>|加强司法所建设"}},
		{"malformed number repaired", "关于开展主题实践的意见\n三、重点任务\n10、推进减证便民,清理证明事项。\n11开展减环节、减材料、减时间行动。\n12、严格落实行政执法“三项制度”。完善执法程序。\n",
			[]string{">三|重点任务", ">>10|", ">>11|", ">>12|严格落实行政执法“三项制度”"}},
		{"chapters and articles", "某市法治宣传教育条例\n第一章 总则\n第一条 为了加强法治宣传教育,制定本条例。\n第二条 本条例适用于本市。\n第二章 附则\n第三条 本条例自公布之日起施行。\n",
			[]string{">一|总则", ">>一|", ">>二|", ">二|附则", ">>三|"}},
		{"arabic dot and paren", "工作方案\n一、任务\n1. 加强宣传。\n(1)组织培训,开展法治讲座活动。\n(2)编印普法读本。\n2. 完善机制。\n",
			[]string{">一|任务", ">>1|", ">>>1|", ">>>2|", ">>2|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := headings(parseText(t, tt.text))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTitles(t *testing.T) {
	tests := []struct{ name, text, title, notice string }{
		{"genre word", "某市关于加强法治建设的意见\n一、总体要求\n坚持依法治市。\n", "某市关于加强法治建设的意见", ""},
		{"split over lines", "关于开展“践行习近平法治思想 提升\n人民群众法治获得感满意度\n主题实践的意见\n一、总体要求\n坚持依法治市。\n", "关于开展“践行习近平法治思想 提升人民群众法治获得感满意度主题实践的意见", ""},
		{"wrapped by a notice", "某市委关于印发《关于加强法治建设的意见》的通知\n各单位:\n现将《关于加强法治建设的意见》印发给你们。\n关于加强法治建设的意见\n一、总体要求\n坚持依法治市。\n", "关于加强法治建设的意见", "某市委关于印发《关于加强法治建设的意见》的通知"},
		{"no genre word: a short first line", "我的草稿\n一、总体要求\n坚持依法治市。\n", "我的草稿", ""},
		{"no title at all", "坚持依法治市,推进法治建设。\n加强立法工作。\n", "", ""},
	}
	for _, tt := range tests {
		d := parseText(t, tt.text)
		if d.Title != tt.title || d.NoticeTitle != tt.notice {
			t.Errorf("%s: title %q notice %q, want %q %q", tt.name, d.Title, d.NoticeTitle, tt.title, tt.notice)
		}
	}
}

func TestUnitsBecomeFields(t *testing.T) {
	d := parseText(t, "实施方案\n一、任务\n(一)完善立法。健全立法工作机制,加强重点领域立法。(牵头单位:市人大法工委、市司法局;参加单位:市政府其他有关部门)加强公共法律服务中心建设。(责任单位:市司法局、各县〔市、区〕司法局\n")
	// The item's run-in heading is a clause too: 完善立法。
	if len(d.Clauses) != 3 || d.Clauses[0].Text != "完善立法。" {
		t.Fatalf("got %d clauses: %+v", len(d.Clauses), d.Clauses)
	}
	if h := d.Sections[d.Clauses[0].Section].Heading; h != "完善立法" {
		t.Errorf("heading %q, want 完善立法", h)
	}
	c0, c1 := d.Clauses[1], d.Clauses[2]
	if strings.Contains(c0.Text, "牵头") || strings.Contains(c1.Text, "责任单位") {
		t.Errorf("unit annotation left in clause text: %q / %q", c0.Text, c1.Text)
	}
	if strings.Join(c0.Units.Lead, "|") != "市人大法工委|市司法局" || strings.Join(c0.Units.Participating, "|") != "市政府其他有关部门" {
		t.Errorf("clause 0 units %+v", c0.Units)
	}
	if strings.Join(c1.Units.Responsible, "|") != "市司法局|各县〔市、区〕司法局" {
		t.Errorf("unclosed annotation units %+v", c1.Units)
	}
}

func TestClauseSplitting(t *testing.T) {
	long := "完善人民调解、行政调解、司法调解联动工作体系,健全社会矛盾纠纷多元预防调处化解综合机制,推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度,落实行政执法责任制。"
	d := parseText(t, "意见\n一、任务\n加强人大监督。"+long+"\n")
	var got []string
	for _, c := range d.Clauses {
		got = append(got, c.Text)
	}
	if len(got) < 3 || got[0] != "加强人大监督。" || !strings.HasPrefix(got[1], "完善人民调解") || !strings.HasPrefix(got[2], "健全社会矛盾") && !strings.HasPrefix(got[2], "推行行政执法") {
		t.Errorf("clauses %q", got)
	}
}

// TestSpansPointIntoOriginal is the position test: on every seed and on
// the regulations written for the tests (Markdown and plain text) each
// clause and heading is exactly its span of the original, no clause
// overlaps web chrome or a header note or starts or ends on Markdown syntax,
// and an item's marker comes right before its clause.
func TestSpansPointIntoOriginal(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	ins := []Input{
		{ID: "md", Name: "regulation.md", Data: []byte(regulationMD)},
		{ID: "txt", Name: "regulation.txt", Data: []byte(regulationTXT)},
	}
	for _, s := range all {
		ins = append(ins, Input{ID: s.ID, Name: s.File, Data: s.Data})
	}
	overlaps := func(a, b Span) bool { return a.Start < b.End && b.Start < a.End }
	for _, in := range ins {
		d, err := Parse(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		orig := []rune(strings.TrimPrefix(string(in.Data), "\uFEFF"))
		inMarkup := func(i int) bool {
			for _, m := range d.Markup {
				if m.Start <= i && i < m.End {
					return true
				}
			}
			return false
		}
		for _, c := range d.Clauses {
			if c.Span.Start < 0 || c.Span.End > len(orig) || string(orig[c.Span.Start:c.Span.End]) != c.Text {
				t.Errorf("%s: clause %s span %v is not its text %q", in.ID, c.ID, c.Span, c.Text)
			}
			for _, ch := range append(append([]Span{}, d.Chrome...), noteSpans(d)...) {
				if overlaps(c.Span, ch) {
					t.Errorf("%s: clause %s overlaps chrome or a note %q", in.ID, c.ID, d.Text(ch))
				}
			}
			if c.Text == "" || strings.TrimSpace(c.Text) != c.Text || inMarkup(c.Span.Start) || inMarkup(c.Span.End-1) {
				t.Errorf("%s: clause %s not trimmed: %q", in.ID, c.ID, c.Text)
			}
			if c.Marker.Len() > 0 && (c.Marker.End > c.Span.Start || strings.TrimSpace(d.Text(Span{c.Marker.End, c.Span.Start})) != "") {
				t.Errorf("%s: clause %s marker %q is not right before %q", in.ID, c.ID, d.Text(c.Marker), c.Text)
			}
		}
		for _, sec := range d.Sections {
			if sec.Kind == Preamble {
				continue
			}
			h := string(orig[sec.HeadingSpan.Start:sec.HeadingSpan.End])
			if !strings.Contains(h, sec.Heading) && sec.Heading != d.Text(sec.HeadingSpan) {
				t.Errorf("%s: section %s heading span %q lacks heading %q", in.ID, sec.ID, h, sec.Heading)
			}
			if sec.Span.Start > sec.HeadingSpan.Start || sec.Span.End < sec.HeadingSpan.End {
				t.Errorf("%s: section %s span %v does not hold its heading %v", in.ID, sec.ID, sec.Span, sec.HeadingSpan)
			}
			if inMarkup(sec.HeadingSpan.Start) || inMarkup(sec.HeadingSpan.End-1) {
				t.Errorf("%s: section %s heading span %q starts or ends on syntax", in.ID, sec.ID, h)
			}
		}
		if d.TitleSpan.Len() > 0 && (inMarkup(d.TitleSpan.Start) || inMarkup(d.TitleSpan.End-1)) {
			t.Errorf("%s: title span %q starts or ends on syntax", in.ID, d.Text(d.TitleSpan))
		}
	}
}

func noteSpans(d *Document) []Span {
	var out []Span
	for _, n := range d.Notes {
		out = append(out, n.Span)
	}
	return out
}

func TestBadInput(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("关于加强法治建设的意见\n一、总体要求\n坚持依法治市,推进法治建设。\n")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("关于加强法治建设的意见\n一、总体要求\n坚持依法治市,推进法治建设。\n")
	nested := "方案\n"
	for _, m := range []string{"第一章 总则", "第一节 一般规定", "第一条 总体", "一、任务", "(一)立法", "1、立法", "(1)科学立法", "①民主立法"} {
		nested += m + "\n坚持依法治市,推进法治建设。\n"
	}
	big := strings.Repeat("各级人民政府应当坚持依法行政,推进严格规范公正文明执法。\n", 700000) // ~50 MB
	tests := []struct {
		name     string
		data     string
		err      string // "" when it must parse
		sections int    // minimum sections when it parses
	}{
		{"empty", "", "empty", 0},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "t.txt", 0},
		{"invalid utf-8", "关于\xff\xfe\xfd法治\xc3(", "t.txt", 0},
		{"only chrome", "分享到:\n扫码浏览\n", "no document text", 0},
		{"a regulation's header only", "# 某市条例\n\n2021年3月1日 某市人民代表大会常务委员会通过\n\n<!-- INFO END -->\n", "no document text found (only a title, 1 header notes)", 0},
		{"gbk", gbk, "", 1},
		{"utf-16", u16, "", 1},
		{"deeply nested numbering", nested, "", 8},
		{"one million character line", strings.Repeat("法治建设", 250000), "", 0},
		{"50 MB", big, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && len(tt.data) > 1<<20 {
				t.Skip("large input")
			}
			d, err := Parse(Input{ID: "t", Name: "t.txt", Data: []byte(tt.data)}, nil)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "t.txt") {
					t.Fatalf("err = %v, want one naming t.txt and %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Sections) < tt.sections {
				t.Errorf("%d sections, want ≥ %d:\n%v", len(d.Sections), tt.sections, headings(d))
			}
			if tt.name == "deeply nested numbering" {
				max := 0
				for _, s := range d.Sections {
					max = maxInt(max, s.Level)
				}
				if max != 8 {
					t.Errorf("deepest level %d, want 8", max)
				}
			}
		})
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func FuzzParse(f *testing.F) {
	all, _ := seeds.All()
	for _, s := range all {
		f.Add(s.Data[:min(len(s.Data), 3000)])
	}
	f.Add([]byte("一、\n(一)\n11开展\n(牵头单位:"))
	f.Add([]byte(regulationMD))
	f.Add([]byte(regulationTXT))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(Input{ID: "f", Name: "f.txt", Data: data}, nil)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(d.Original)
		for _, c := range d.Clauses {
			if c.Span.Start < 0 || c.Span.End > n || c.Span.Start >= c.Span.End || d.Text(c.Span) != c.Text {
				t.Fatalf("bad clause span %v of %d: %q", c.Span, n, c.Text)
			}
			if c.Section < 0 || c.Section >= len(d.Sections) {
				t.Fatalf("clause %s has no section", c.ID)
			}
			if c.Marker.Len() > 0 && (c.Marker.Start < 0 || c.Marker.End > c.Span.Start) {
				t.Fatalf("clause %s marker %v after its span %v", c.ID, c.Marker, c.Span)
			}
		}
		for _, s := range d.Sections {
			if s.Parent >= s.Index {
				t.Fatalf("section %s parent %d after it", s.ID, s.Parent)
			}
		}
	})
}

// TestShortListsAreCut: a run of short parallel phrases is cut at every
// comma, each phrase a unit with its own span; a sentence whose phrases
// are longer stays whole.
func TestShortListsAreCut(t *testing.T) {
	d := parseText(t, "规范\n一、要求\n市民应当：言行文明，礼貌待人，讲究卫生，文明上网；\n公民在公共场所应当衣着整洁，不大声喧哗。\n")
	var got []string
	for _, c := range d.Clauses {
		got = append(got, c.Text)
		if d.Text(c.Span) != c.Text {
			t.Errorf("clause %q is not its span %q", c.Text, d.Text(c.Span))
		}
	}
	want := []string{"市民应当：", "言行文明，", "礼貌待人，", "讲究卫生，", "文明上网；"}
	found := 0
	for _, w := range want {
		for _, g := range got {
			if g == w {
				found++
			}
		}
	}
	if found != len(want) {
		t.Errorf("list items %q not each a clause: %q", want, got)
	}
	whole := false
	for _, g := range got {
		whole = whole || g == "公民在公共场所应当衣着整洁，不大声喧哗。"
	}
	if !whole {
		t.Errorf("a sentence of two long phrases was cut: %q", got)
	}
}
