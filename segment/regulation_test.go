package segment

import (
	"strings"
	"testing"
)

// regulationTXT is regulationMD as a plain-text file prints it.
const regulationTXT = `某市文明行为促进条例
（2021年3月1日某市第十六届人民代表大会常务委员会第三次会议通过　2021年5月28日某省第十三届人民代表大会常务委员会第二十次会议批准）
第一章　总则
第一条　为了培育和践行社会主义核心价值观，提升社会文明程度，制定本条例。
第二条　本市行政区域内的文明行为促进工作，适用本条例。
第二章　规范与倡导
第三条　公民应当维护公共秩序，遵守下列规定：
（一）在公共场所着装整洁，不大声喧哗；
（二）等候服务依次排队；
（三）法律、法规规定的其他行为。
违反前款规定的，由有关部门予以劝阻。
第一节　文明出行
第四条　驾驶机动车礼让行人。
第三章　附则
第五条　本条例自2021年7月1日起施行。
`

// outlineOf lists sections as ">level number|heading" and, under each,
// its clauses as "  marker|text".
func outlineOf(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		if s.Kind == Preamble {
			out = append(out, "preamble")
		} else {
			out = append(out, strings.Repeat(">", s.Level)+s.DisplayNumber()+"|"+s.Heading)
		}
		for _, c := range s.Clauses {
			out = append(out, "  "+d.Text(d.Clauses[c].Marker)+"|"+d.Clauses[c].Text)
		}
	}
	return out
}

func TestRegulationStructure(t *testing.T) {
	want := func(item1 string) []string {
		return []string{
			">第一章|总则",
			">>第一条|", "  |为了培育和践行社会主义核心价值观，", "  |提升社会文明程度，制定本条例。",
			">>第二条|", "  |本市行政区域内的文明行为促进工作，适用本条例。",
			">第二章|规范与倡导",
			">>第三条|", "  |公民应当维护公共秩序，遵守下列规定：",
			"  （一）|" + item1, "  （二）|等候服务依次排队；", "  （三）|法律、法规规定的其他行为。",
			"  |违反前款规定的，由有关部门予以劝阻。",
			">>第一节|文明出行",
			">>>第四条|", "  |驾驶机动车礼让行人。",
			">第三章|附则",
			">>第五条|", "  |本条例自2021年7月1日起施行。",
		}
	}
	tests := []struct {
		name string
		doc  *Document
		want []string
	}{
		{"markdown", parseMD(t, regulationMD), want("在公共场所**着装整洁**，不大声喧哗；")},
		{"plain text", parseText(t, regulationTXT), want("在公共场所着装整洁，不大声喧哗；")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outlineOf(tt.doc); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// The item's clause is matched without its emphasis marks.
	for _, c := range parseMD(t, regulationMD).Clauses {
		if strings.Contains(c.Norm, "*") {
			t.Errorf("clause %s norm %q keeps emphasis", c.ID, c.Norm)
		}
	}
}

func TestRegulationNumbering(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a paragraph citing an article stays text",
			"某市条例\n第一条 为了规范管理，制定本条例。\n第二条 违反规定的，依法处理。\n第一条规定的情形，由市人民政府认定。\n第三条 本条例自公布之日起施行。\n",
			[]string{">第一条|", "  |为了规范管理，制定本条例。", ">第二条|", "  |违反规定的，依法处理。", "  |第一条规定的情形，由市人民政府认定。", ">第三条|", "  |本条例自公布之日起施行。"}},
		{"articles and chapters missing from the text",
			"某市条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第三条 本条例适用于本市。\n第三章 附则\n第四条 本条例自公布之日起施行。\n",
			[]string{">第一章|总则", ">>第一条|", "  |为了规范管理，制定本条例。", ">>第三条|", "  |本条例适用于本市。", ">第三章|附则", ">>第四条|", "  |本条例自公布之日起施行。"}},
		{"a paragraph citing an article ahead stays text",
			"某市条例\n第一条 为了规范管理，制定本条例。\n第二条 违反规定的，依法处理。\n第四条规定的情形除外。\n第三条 本条例适用于本市。\n第四条 本条例自公布之日起施行。\n",
			[]string{">第一条|", "  |为了规范管理，制定本条例。", ">第二条|", "  |违反规定的，依法处理。", "  |第四条规定的情形除外。", ">第三条|", "  |本条例适用于本市。", ">第四条|", "  |本条例自公布之日起施行。"}},
		{"a table of contents",
			"某市条例\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 附则\n第二条 本条例自公布之日起施行。\n",
			[]string{">第一章|总则", ">第二章|附则", ">第一章|总则", ">>第一条|", "  |为了规范管理，制定本条例。", ">第二章|附则", ">>第二条|", "  |本条例自公布之日起施行。"}},
		{"inserted articles",
			"某市条例\n第一条 为了规范管理，制定本条例。\n第一条之一 本条例所称管理，是指日常管理。\n第二条 本条例自公布之日起施行。\n",
			[]string{">第一条|", "  |为了规范管理，制定本条例。", ">第一条之一|", "  |本条例所称管理，是指日常管理。", ">第二条|", "  |本条例自公布之日起施行。"}},
		{"parts, and sections in some chapters only",
			"某市条例\n第一编 总则\n第一章 一般规定\n第一条 为了规范管理，制定本条例。\n第二章 管理\n第一节 登记\n第二条 应当登记。\n第二节 监督\n第三条 应当监督。\n第三章 附则\n第四条 本条例自公布之日起施行。\n",
			[]string{">第一编|总则", ">>第一章|一般规定", ">>>第一条|", "  |为了规范管理，制定本条例。", ">>第二章|管理", ">>>第一节|登记", ">>>>第二条|", "  |应当登记。", ">>>第二节|监督", ">>>>第三条|", "  |应当监督。", ">>第三章|附则", ">>>第四条|", "  |本条例自公布之日起施行。"}},
		{"items and sub-items are clauses",
			"某市条例\n第一条 申请人应当具备下列条件：\n（一）具有下列资格之一：\n1.具有高级职称；\n2.具有执业资格；\n（二）无不良记录。\n第二条 本条例自公布之日起施行。\n",
			[]string{">第一条|", "  |申请人应当具备下列条件：", "  （一）|具有下列资格之一：", "  1.|具有高级职称；", "  2.|具有执业资格；", "  （二）|无不良记录。", ">第二条|", "  |本条例自公布之日起施行。"}},
		{"a preamble before the articles",
			"某市条例\n为了规范管理，根据有关法律，结合本市实际，制定本条例。\n第一条 本条例适用于本市。\n第二条 本条例自公布之日起施行。\n",
			[]string{"preamble", "  |为了规范管理，根据有关法律，", "  |结合本市实际，制定本条例。", ">第一条|", "  |本条例适用于本市。", ">第二条|", "  |本条例自公布之日起施行。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outlineOf(parseText(t, tt.text)); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Outside regulations, numbered lines that end in a semicolon, or in a
// colon after a clause, are items and lead-ins: body text, not headings.
func TestLeadInsAreText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a lead-in with its items",
			"某市实施方案\n一、主要任务\n(一)各部门应当做好以下工作:\n1.加强宣传;\n2.完善机制。\n",
			[]string{">一、|主要任务", ">>(一)|", "  |各部门应当做好以下工作:", ">>>1.|", "  |加强宣传;", ">>>2.|", "  |完善机制。"}},
		{"a short heading with a colon stays a heading",
			"某市实施方案\n一、总体要求:\n坚持依法治市。\n",
			[]string{">一、|总体要求:", "  |坚持依法治市。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outlineOf(parseText(t, tt.text)); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Markdown headings are headings, numbered or not.
func TestMarkdownHeadings(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a decision with an unnumbered annex",
			"# 某市人民代表大会常务委员会关于加强预算审查监督的决定\n\n为了加强预算审查监督，作如下决定：\n\n## 一、加强全口径审查\n\n市人民政府应当完整编制预算。\n\n## 二、本决定自公布之日起施行\n\n## 附件\n\n| 项目 | 时限 |\n|---|---|\n| 初步审查 | 一个月 |\n",
			[]string{"preamble", "  |为了加强预算审查监督，作如下决定：", ">一、|加强全口径审查", "  |市人民政府应当完整编制预算。", ">二、|本决定自公布之日起施行", ">|附件", "  |项目 | 时限", "  |初步审查 | 一个月"}},
		{"a regulation's chapters at either heading level",
			"# 某市条例\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n\n### 第二章 附则\n\n第二条 本条例自公布之日起施行。\n\n### 附件 名录\n\n甲。\n",
			[]string{">第一章|总则", ">>第一条|", "  |为了规范管理，制定本条例。", ">第二章|附则", ">>第二条|", "  |本条例自公布之日起施行。", ">|附件 名录", "  |甲。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseMD(t, tt.text)
			if got := outlineOf(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, c := range d.Clauses {
				if strings.ContainsAny(c.Norm, "|#") {
					t.Errorf("clause %s norm %q keeps syntax", c.ID, c.Norm)
				}
			}
		})
	}
}

// Fixed bugs: each case once lost text of a real regulation.
func TestRegulationFixedBugs(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		notes int
		want  []string
	}{
		{"an opening bracket on its own line, the note under it below INFO END", // 山东省清洁生产促进条例
			"# 某省条例\n\n<!-- INFO END -->\n\n（\n\n2010年7月30日某省人民代表大会常务委员会第十八次会议通过）\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例自公布之日起施行。\n",
			1, []string{">第一条|", "  |为了规范管理，制定本条例。", ">第二条|", "  |本条例自公布之日起施行。"}},
		{"a closing quote on its own line", // 重庆市林地保护管理条例
			"# 某市条例\n\n<!-- INFO END -->\n\n第一条 在林区张贴“禁止砍伐。\n\n”\n\n第二条 本条例自公布之日起施行。\n",
			0, []string{">第一条|", "  |在林区张贴“禁止砍伐。\n\n”", ">第二条|", "  |本条例自公布之日起施行。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseMD(t, tt.text)
			if len(d.Notes) != tt.notes {
				t.Errorf("notes %q, want %d", noteList(d), tt.notes)
			}
			if got := outlineOf(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if lost, twice := coverage(d); len(lost)+len(twice) > 0 {
				t.Errorf("lost %s, twice %s", describe(d, lost), describe(d, twice))
			}
		})
	}
}
