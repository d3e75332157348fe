package segment

import (
	"strings"
	"testing"
)

// regulationMD is a regulation in the Markdown LawRefBook/Laws publishes,
// written for these tests (it is no city's text).
const regulationMD = `# 某市文明行为促进条例

2021年3月1日 某市第十六届人民代表大会常务委员会第三次会议通过

2021年5月28日 某省第十三届人民代表大会常务委员会第二十次会议批准

<!-- INFO END -->

## 第一章  总则

第一条 为了培育和践行社会主义核心价值观，提升社会文明程度，制定本条例。

第二条 本市行政区域内的文明行为促进工作，适用本条例。

## 第二章  规范与倡导

第三条 公民应当维护公共秩序，遵守下列规定：

（一）在公共场所**着装整洁**，不大声喧哗；

（二）等候服务依次排队；

（三）法律、法规规定的其他行为。

违反前款规定的，由有关部门予以劝阻。

### 第一节 *文明出行*

第四条 驾驶机动车礼让行人。

## 第三章  附则

第五条 本条例自2021年7月1日起施行。
`

func parseMD(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Parse(Input{ID: "t", Name: "t.md", Data: []byte(text)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func noteList(d *Document) []string {
	var out []string
	for _, n := range d.Notes {
		out = append(out, n.Date+" "+n.Act+" "+d.Text(n.Span))
	}
	return out
}

// TestMarkdownHeader: the "#" line is the title, the lines before
// <!-- INFO END --> are notes (not clauses), and their dates and adopting
// body fill the metadata.
func TestMarkdownHeader(t *testing.T) {
	d := parseMD(t, regulationMD)
	if d.Format != "markdown" || d.Title != "某市文明行为促进条例" || d.Text(d.TitleSpan) != d.Title {
		t.Errorf("format %q title %q span %q", d.Format, d.Title, d.Text(d.TitleSpan))
	}
	want := []string{
		"2021-03-01 通过 2021年3月1日 某市第十六届人民代表大会常务委员会第三次会议通过",
		"2021-05-28 批准 2021年5月28日 某省第十三届人民代表大会常务委员会第二十次会议批准",
	}
	if got := noteList(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Meta.Date != "2021-05-28" || d.Meta.Issuer != "某市人民代表大会常务委员会" {
		t.Errorf("date %q issuer %q", d.Meta.Date, d.Meta.Issuer)
	}
	for _, c := range d.Clauses {
		if strings.Contains(c.Text, "会议") || strings.Contains(c.Text, "INFO") {
			t.Errorf("header line became clause %s %q", c.ID, c.Text)
		}
	}
	for _, s := range d.Sections {
		h := d.Text(s.HeadingSpan)
		if strings.ContainsAny(s.Heading, "#*") || strings.HasPrefix(h, "#") || strings.HasSuffix(h, "*") {
			t.Errorf("section %s keeps syntax: heading %q span %q", s.ID, s.Heading, h)
		}
	}
	var markup []string
	for _, m := range d.Markup {
		markup = append(markup, d.Text(m))
	}
	if got := strings.Join(markup, "|"); got != "# |<!-- INFO END -->|## |## |**|**|### |*|*|## " {
		t.Errorf("markup %q", got)
	}
}

// Plain-text regulations print the same header in their own ways.
func TestPlainHeader(t *testing.T) {
	tests := []struct {
		name, text string
		notes      []string
		date       string
		published  string
	}{
		{"one bracketed note",
			"某市养犬管理条例\n(2021年3月1日某市第十六届人民代表大会常务委员会第三次会议通过 2021年5月28日某省第十三届人民代表大会常务委员会第二十次会议批准)\n第一条 为了规范养犬行为，制定本条例。\n第二条 本条例自公布之日起施行。\n",
			[]string{"2021-03-01 批准 (2021年3月1日某市第十六届人民代表大会常务委员会第三次会议通过 2021年5月28日某省第十三届人民代表大会常务委员会第二十次会议批准)"},
			"2021-05-28", ""},
		{"dated lines, one broken",
			"某市养犬管理条例\n\n2010年6月1日 某市第十三届人民代表大会常务委员会第九次会议通过\n\n2021年3月1日 某市第十六届人民代表大会常务委员会第三次会议《关于修改〈某市养犬\n管理条例〉的决定》修正\n\n第一条 为了规范养犬行为，制定本条例。\n\n第二条 本条例自公布之日起施行。\n",
			[]string{"2010-06-01 通过 2010年6月1日 某市第十三届人民代表大会常务委员会第九次会议通过", "2021-03-01 修正 2021年3月1日 某市第十六届人民代表大会常务委员会第三次会议《关于修改〈某市养犬\n管理条例〉的决定》修正"},
			"2021-03-01", ""},
		{"promulgation and entry into force are not the text's date",
			"某市养犬管理条例\n(2015年10月30日某市第十二届人民代表大会常务委员会第三十二次会议通过 2015年12月30日某省第十二届人民代表大会常务委员会第二十五次会议批准 2016年1月6日某市人民代表大会常务委员会公告第62号公布 自2016年3月1日起施行)\n第一条 为了规范养犬行为，制定本条例。\n第二条 本条例自公布之日起施行。\n",
			[]string{"2015-10-30 施行 (2015年10月30日某市第十二届人民代表大会常务委员会第三十二次会议通过 2015年12月30日某省第十二届人民代表大会常务委员会第二十五次会议批准 2016年1月6日某市人民代表大会常务委员会公告第62号公布 自2016年3月1日起施行)"},
			"2015-12-30", "2016-01-06"},
		{"a note broken over three lines",
			"某省乡镇人民代表大会工作若干规定\n\n2015年12月3日 某省第十二届人民代表大会常务委员会第十七次会议《关于修改〈某省选举实施细则〉\n\n〈某省实施《代表法》办法〉\n\n〈某省乡镇人民代表大会工作若干规定〉的决定》第二次修正\n\n第一条 根据宪法，制定本规定。\n\n第二条 本规定自公布之日起施行。\n",
			[]string{"2015-12-03 修正 2015年12月3日 某省第十二届人民代表大会常务委员会第十七次会议《关于修改〈某省选举实施细则〉\n\n〈某省实施《代表法》办法〉\n\n〈某省乡镇人民代表大会工作若干规定〉的决定》第二次修正"},
			"2015-12-03", ""},
		{"a note broken inside its date",
			"某市农村公路条例\n\n2014年9月26\n\n日某省第十二届人民代表大会常务委员会第十次会议批准\n\n第一条 为了加强农村公路管理，制定本条例。\n\n第二条 本条例自公布之日起施行。\n",
			[]string{"2014-09-26 批准 2014年9月26\n\n日某省第十二届人民代表大会常务委员会第十次会议批准"},
			"2014-09-26", ""},
		{"the title printed again below the header",
			"某市备案审查条例\n\n2012年9月28日 某市第十三届人民代表大会常务委员会第三十五次会议通过\n\n某市 备案审查条例\n\n第一条 为了规范备案审查，制定本条例。\n\n第二条 本条例自公布之日起施行。\n",
			[]string{"2012-09-28 通过 2012年9月28日 某市第十三届人民代表大会常务委员会第三十五次会议通过", "  某市 备案审查条例"},
			"2012-09-28", ""},
		{"a dated first sentence is body",
			"某市养犬管理条例\n2021年3月1日起，本市施行养犬登记。\n第一条 为了规范养犬行为，制定本条例。\n第二条 本条例自公布之日起施行。\n",
			nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText(t, tt.text)
			if got := noteList(d); strings.Join(got, "\n") != strings.Join(tt.notes, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.notes, "\n"))
			}
			if title := tt.text[:strings.Index(tt.text, "\n")]; d.Title != title {
				t.Errorf("title %q, want %q", d.Title, title)
			}
			if d.Meta.Date != tt.date || d.Meta.Published != tt.published {
				t.Errorf("date %q published %q, want %q %q", d.Meta.Date, d.Meta.Published, tt.date, tt.published)
			}
		})
	}
}
