package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// visible is src as the reader sees it: marks dropped or replaced.
func visible(src []rune, marks []Mark, a, b int) string {
	var out strings.Builder
	k := 0
	for i := a; i < b; i++ {
		for k < len(marks) && marks[k].End <= i {
			k++
		}
		if k < len(marks) && marks[k].Start <= i {
			if i == marks[k].Start && marks[k].With != 0 {
				out.WriteRune(marks[k].With)
			}
			continue
		}
		out.WriteRune(src[i])
	}
	return out.String()
}

// outline lists the blocks as "kind[level]: visible text".
func outline(src string, d *Doc) []string {
	r := []rune(src)
	var out []string
	for _, b := range d.Blocks {
		s := b.Kind.String()
		if b.Level > 0 {
			s += fmt.Sprint(b.Level)
		}
		if b.Text.End > b.Text.Start {
			s += ": " + visible(r, d.Marks, b.Text.Start, b.Text.End)
		}
		out = append(out, s)
	}
	return out
}

// The fixtures are written for these tests in the shape of LawRefBook's
// regulations and of Markdown found elsewhere; none is a real regulation.
func TestBlocks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"regulation header and chapters",
			"# 某市文明行为促进条例\n\n2021年3月1日 某市第一届人民代表大会常务委员会第三次会议通过\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了促进文明行为，制定本条例。\n\n### 第一节 一般规定 ###\n",
			[]string{"heading1: 某市文明行为促进条例", "paragraph: 2021年3月1日 某市第一届人民代表大会常务委员会第三次会议通过", "comment", "heading2: 第一章  总则", "paragraph: 第一条 为了促进文明行为，制定本条例。", "heading3: 第一节 一般规定"}},
		{"heading without a space after the hashes",
			"#某市条例\n#1 is a tag\n####### seven\n",
			[]string{"heading1: 某市条例", "paragraph: #1 is a tag", "paragraph: ####### seven"}},
		{"a closing hash run needs a space before it",
			"## 第二章 C# 的规定\n## 附则 ##\n",
			[]string{"heading2: 第二章 C# 的规定", "heading2: 附则"}},
		{"emphasis in Chinese text",
			"公民应当**遵守**以下规定：**“文明出行”**活动；_重点_与__难点__，~~删除~~3~5年。\n",
			[]string{"paragraph: 公民应当遵守以下规定：“文明出行”活动；重点与难点，删除3~5年。"}},
		{"unpaired and intraword marks are text",
			"单个*星号，snake_case_name，5 * 3 = 15\n",
			[]string{"paragraph: 单个*星号，snake_case_name，5 * 3 = 15"}},
		{"bullets are syntax, numbers are text",
			"- 第一项；\n* 第二项；\n  + 第三项。\n1. 具有高级职称；\n2) 具有执业资格。\n-不是列表\n",
			[]string{"list item: 第一项；", "list item: 第二项；", "list item: 第三项。", "list item: 1. 具有高级职称；", "list item: 2) 具有执业资格。", "paragraph: -不是列表"}},
		{"a GFM table",
			"附件：收费标准\n\n| 区域 | 税额（元） |\n|:-----|-----:|\n| 东城区 | 80 |\n| 西城区 | 70 \\| 60 |\n\n表后文字。\n",
			[]string{"paragraph: 附件：收费标准", "table row: 区域   税额（元）", "syntax", "table row: 东城区   80", "table row: 西城区   70 | 60", "paragraph: 表后文字。"}},
		{"a table without outer pipes",
			"区域 | 税额\n--- | ---\n东城区 | 80\n",
			[]string{"table row: 区域   税额", "syntax", "table row: 东城区   80"}},
		{"comments on their own lines and inline",
			"<!-- 说明\n多行注释 -->\n第三条 本条例<!-- 注 -->自公布之日起施行。\n",
			[]string{"comment", "comment", "paragraph: 第三条 本条例自公布之日起施行。"}},
		{"HTML tags go, angle brackets in Chinese text stay",
			"《修改<关于议案的若干暂行规定>的决定》<br>第一次修正<sup>1</sup>，见<https://example.org/a>。\n",
			[]string{"paragraph: 《修改<关于议案的若干暂行规定>的决定》第一次修正1，见https://example.org/a。"}},
		{"links, images, code spans and escapes",
			"依照[《某市条例》](https://example.org/x_(1))![图示](a.png)第`3`条\\*不是强调\\*\n",
			[]string{"paragraph: 依照《某市条例》图示第3条*不是强调*"}},
		{"setext headings, breaks, quotes and fences",
			"总则\n===\n\n规定\n---\n\n***\n> 引用的**条文**。\n> ## 引用的标题\n```\n# 代码不是标题\n```\n",
			[]string{"heading1: 总则", "syntax", "heading2: 规定", "syntax", "syntax", "paragraph: 引用的条文。", "heading2: 引用的标题", "syntax", "code: # 代码不是标题", "syntax"}},
		{"front matter",
			"---\nbookCollapseSection: true\n---\n正文。\n",
			[]string{"syntax", "syntax", "syntax", "paragraph: 正文。"}},
		{"indented lines are text, not code",
			"    第一条 为了规范管理，制定本条例。\n\u3000\u3000第二条 本条例适用于本市。\n",
			[]string{"paragraph: 第一条 为了规范管理，制定本条例。", "paragraph: \u3000\u3000第二条 本条例适用于本市。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.src)
			got := outline(tt.src, d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestPositions is the position test: blocks are the source's non-blank
// lines in order, each text and mark lies inside its line, marks are sorted
// and apart, and syntax never holds a Han character of a paragraph.
func TestPositions(t *testing.T) {
	src := "# 某市条例\n\n2021年3月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 **总则**\n\n第一条 为了[规范](u)管理。\n\n- （一）项；\n\n| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n"
	r := []rune(src)
	d := Parse(src)
	lines := 0
	for _, l := range strings.Split(src, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if len(d.Blocks) != lines {
		t.Errorf("%d blocks for %d non-blank lines", len(d.Blocks), lines)
	}
	prev := -1
	for _, b := range d.Blocks {
		if b.Line.Start <= prev || b.Line.End > len(r) || strings.ContainsRune(string(r[b.Line.Start:b.Line.End]), '\n') {
			t.Errorf("block %v: line %v is not a line after %d", b.Kind, b.Line, prev)
		}
		if b.Text.Start < b.Line.Start || b.Text.End > b.Line.End || b.Text.Start > b.Text.End {
			t.Errorf("block %v: text %v outside line %v", b.Kind, b.Text, b.Line)
		}
		if t0 := string(r[b.Text.Start:b.Text.End]); t0 != strings.TrimSpace(t0) {
			t.Errorf("block %v: text %q not trimmed", b.Kind, t0)
		}
		prev = b.Line.Start
	}
	end := 0
	for _, m := range d.Marks {
		if m.Start < end || m.End <= m.Start {
			t.Errorf("mark %v overlaps the previous one or is empty", m.Span)
		}
		end = m.End
		if strings.ContainsRune(string(r[m.Start:m.End]), '\n') {
			t.Errorf("mark %v holds a newline", m.Span)
		}
		for _, b := range d.Blocks {
			if b.Kind == Comment || b.Kind == Syntax || m.End <= b.Text.Start || m.Start >= b.Text.End {
				continue
			}
			for _, c := range r[m.Start:m.End] {
				if unicode.Is(unicode.Han, c) {
					t.Errorf("mark %v hides %q of a %v", m.Span, string(r[m.Start:m.End]), b.Kind)
				}
			}
		}
	}
	if got := visible(r, d.Marks, 0, len(r)); !strings.Contains(got, "第一章 总则") || strings.ContainsAny(got, "#*[]|") {
		t.Errorf("visible text still has syntax:\n%s", got)
	}
}

// FuzzParse checks the invariants the reader relies on, for any input:
// marks sorted, apart, inside the source and never across a line break;
// block texts inside their lines.
func FuzzParse(f *testing.F) {
	f.Add("# 某市条例\n\n<!-- INFO END -->\n\n## 第一章 **总则**\n\n| a | b |\n|---|---|\n| c | d |\n")
	f.Add("- [链接](u(1)) `代码` <br> \\* _x_ ~~y~~\n```\n#\n")
	f.Add("---\na: b\n---\n> > ## 引用 ##\n标题\n===\n<!--\n")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		n := utf8.RuneCountInString(src)
		r := []rune(src)
		d := Parse(src)
		end := 0
		for _, m := range d.Marks {
			if m.Start < end || m.End <= m.Start || m.End > n {
				t.Fatalf("mark %v after %d in %d runes", m.Span, end, n)
			}
			for _, c := range r[m.Start:m.End] {
				if c == '\n' {
					t.Fatalf("mark %v holds a newline", m.Span)
				}
			}
			end = m.End
		}
		for _, b := range d.Blocks {
			if b.Line.Start < 0 || b.Line.End > n || b.Text.Start < b.Line.Start || b.Text.End > b.Line.End || b.Text.Start > b.Text.End {
				t.Fatalf("block %v: text %v, line %v of %d runes", b.Kind, b.Text, b.Line, n)
			}
		}
	})
}

// TestLinearTime: a long line of unpaired syntax is read in linear time (a
// tag or link search from every "<" or "[" to the line's end, or an
// emphasis search down the whole stack, once took seconds for 40,000).
func TestLinearTime(t *testing.T) {
	for _, unit := range []string{"<a", "[", "![", "[a](", "<!--", "``x", "a*_", "*_a_", "~~*"} {
		src := strings.Repeat(unit, 200000/len(unit))
		start := time.Now()
		Parse(src)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q × %d: %v", unit, 200000/len(unit), d)
		}
	}
}
