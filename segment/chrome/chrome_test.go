package chrome

import (
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"shantou footer", []string{
			"本决定自公布之日起施行。",
			"本网站由 汕头市人民代表大会常务委员会主办 汕头市人民代表大会常务委员会办公室承办 联系邮箱:master@strd.gov.cn",
			"粤公网安备 44051102000389号 技术支持:开普云 网站地图",
			"您访问的链接即将离开“汕头市人民代表大会常务委员会门户网站”,是否继续?",
		}, []bool{false, true, true, true}},
		{"xiangtan comment widget", []string{
			"(八)加强法治宣传教育。", "(责任单位:市司法局)",
			"- 全部留言", "- /", "- 评论", "- 有用()",
		}, []bool{false, false, true, true, true, true}},
		{"ganzhou accessibility and share", []string{
			"无障碍   关怀版 无障碍", "", "来源:发布时间:2021-05-17 15:59:00访问量:",
			"(三)注重宣传引导。积极组织各地各单位向全面依法治省工作简报主题实践专刊投稿。",
			"文章关键词:", "分享到:", "扫码浏览",
		}, []bool{true, false, true, false, true, true, true}},
		{"shanghai infobox (normalized)", []string{
			"基本介绍", "", "  • 中文名:关于全面加强和改进基层法治建设的意见", "  • 颁布时间:2020年3月30日", "  • 区域:上海市", "总体要求",
			"坚持以习近平新时代中国特色社会主义思想为指导。",
		}, []bool{true, false, true, true, true, false, false}},
		{"shanghai related entries", []string{
			"组织开展基层法治建设示范创建活动,大力培育基层法治建设先进典型。", "", "相关词条", "", "热门词条", "", "联络我们",
		}, []bool{false, false, true, false, true, false, true}},
		{"a long sentence ends a tail", []string{
			"上一篇", strings.Repeat("各级人民政府应当依法履行职责,", 6) + "。",
		}, []bool{true, false}},
		{"document text that mentions a pattern word is kept", []string{
			"推进政务公开,按照“五公开”要求,及时公开发布行政规范性文件。",
		}, []bool{false}},
		// Issue 14 item 10: footer words matched anywhere in a line deleted
		// body paragraphs, and a tail opened mid-document swallowed the
		// short lines after it.
		{"body sentences that mention footer words are kept", []string{
			"关于加强政务网站建设的意见",
			"一、规范网站栏目",
			"各级政府网站应当设置联系我们、网站地图栏目,标明版权所有者和发布时间:年月日。",
			"(一)统一栏目",
			"网站地图与联系我们",
			"(二)明确责任",
			"各部门按照职责分工负责。",
		}, []bool{false, false, false, false, false, false, false}},
		{"a lone line mentioning one is a document", []string{
			"版权所有:赣州市人民政府",
		}, []bool{false}},
		{"a page of nothing but footer lines is chrome", []string{
			"版权所有:赣州市人民政府", "网站地图 | 联系我们",
		}, []bool{true, true}},
		{"a run in the middle is chrome, a tail there is not", []string{
			"第一条 为了规范管理,制定本办法。", "分享到:", "上一篇", "第二条", "第三条 本办法自公布之日起施行。",
		}, []bool{false, true, true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Mark(tt.lines)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Errorf("line %d %q: chrome=%v, want %v", i, tt.lines[i], got[i], tt.want[i])
				}
			}
		})
	}
}

func TestPatternsParse(t *testing.T) {
	ps, err := parsePatterns(patternData)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 20 {
		t.Fatalf("only %d patterns", len(ps))
	}
	for _, bad := range []string{"contains", "weird\tx\ty", "regexp\t(unclosed\twhy"} {
		if _, err := parsePatterns(bad); err == nil {
			t.Errorf("parsePatterns(%q) accepted a broken line", bad)
		}
	}
}

// TestEveryPatternHasAnExample keeps patterns.txt honest: each pattern is
// exercised by a real-looking line, and none of them fires on document text.
func TestEveryPatternHasAnExample(t *testing.T) {
	examples := []string{
		"粤公网安备 44051102000389号 技术支持:开普云 网站地图",
		"湘ICP备05002536号",
		"ICP备案号:京ICP备12345678号-1",
		"您访问的链接即将离开“汕头市人民代表大会常务委员会门户网站”,是否继续?",
		"本网站由 汕头市人民代表大会常务委员会主办",
		"主办单位:湘潭市人民政府办公室",
		"技术支持:开普云",
		"网站地图 | 联系我们",
		"联系邮箱:master@strd.gov.cn",
		"版权所有:赣州市人民政府",
		"湘潭市司法局 xtsf.xiangtan.gov.cn 发布时间:2022-11-22 09:15",
		"来源:濮阳人大",
		"来源:发布时间:2021-05-17 15:59:00访问量:",
		"浏览次数:1024",
		"阅读次数:88",
		"字号:大 中 小",
		"无障碍   关怀版 无障碍",
		"分享到:",
		"扫码浏览",
		"打印本页",
		"文章关键词:",
		"有用(3)",
		"基本介绍",
		"全部留言",
		"相关词条",
		"热门词条",
		"联络我们",
		"联系我们",
		"上一篇:关于印发…的通知",
		"下一篇:关于…",
	}
	ps, err := load()
	if err != nil {
		t.Fatal(err)
	}
	hit := make([]bool, len(ps))
	for _, ex := range examples {
		any := false
		for k, p := range ps {
			if p.match(ex) {
				hit[k], any = true, true
			}
		}
		if !any {
			t.Errorf("example %q matches no pattern", ex)
		}
	}
	for k, p := range ps {
		if !hit[k] {
			t.Errorf("pattern %q (%s) has no example", p.text, p.why)
		}
	}
	// Document sentences that mention the same words must stay document.
	for _, line := range []string{
		"各级人民政府应当落实“谁执法谁普法”普法责任制,分享执法经验。",
		"建立健全行政执法信息公示平台,来源可追溯、去向可查证。",
		"完善无障碍环境建设相关法规,保障残疾人合法权益。",
	} {
		for _, p := range ps {
			if p.kind != Tail && p.kind != Block && p.match(line) {
				t.Errorf("pattern %q fires on document text %q", p.text, line)
			}
		}
	}
}
