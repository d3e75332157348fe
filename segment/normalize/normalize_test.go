package normalize

import (
	"strings"
	"testing"
	"unicode"

	"citydiff/seeds"
)

func seedText(t testing.TB, id string) string {
	t.Helper()
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if s.ID == id {
			return string(s.Data)
		}
	}
	t.Fatalf("no seed %q", id)
	return ""
}

// Real sentences of seeds/shanghai.txt (Traditional, Taiwan wording) and
// their mainland Simplified form.
var shanghaiCases = []struct{ trad, want string }{
	{"關於全面加強和改進基層法治建設的意見", "关于全面加强和改进基层法治建设的意见"},
	{"規範督導檢查程式", "规范督导检查程序"},
	{"許可權", "权限"},
	{"推進行政執法許可權和力量向基層延伸和下沉", "推进行政执法权限和力量向基层延伸和下沉"},
	{"依託城市格線化綜合管理平台推動條塊聯動", "依托城市网格化综合管理平台推动条块联动"},
	{"相關黨內法規和地方性法規、政府規章、規範性檔案更加完備", "相关党内法规和地方性法规、政府规章、规范性文件更加完备"},
	{"聚焦人民民眾反映強烈的基層法治建設薄弱環節", "聚焦人民群众反映强烈的基层法治建设薄弱环节"},
	{"引導基層民眾自覺遵守法律", "引导基层群众自觉遵守法律"},
	{"全面推行行政執法全過程記錄製度", "全面推行行政执法全过程记录制度"},
	{"並有計畫地開展普法宣傳", "并有计划地开展普法宣传"},
	{"大力宣傳報導基層法治建設中的先進人物、典型事跡", "大力宣传报道基层法治建设中的先进人物、典型事迹"},
	{"充分發揮街鎮公職律師和法律顧問作用,著力防範化解法律風險", "充分发挥街镇公职律师和法律顾问作用,着力防范化解法律风险"},
	{"培育一批以居村委會幹部、人民調解員、居民區樓組長", "培育一批以居村委会干部、人民调解员、居民区楼组长"},
	{"紮實推進實施“法律明白人”培養工程", "扎实推进实施“法律明白人”培养工程"},
	{"建立信息聯絡、工作報告等制度", "建立信息联络、工作报告等制度"},
	{"大力推進基層法治信息化建設", "大力推进基层法治信息化建设"},
	{"提高地方立法質量", "提高地方立法质量"},
	{"為更好適應新形勢下全面依法治國", "为更好适应新形势下全面依法治国"},
	// Taiwan wording the seed does not have, in Taiwan sentences.
	{"推動數位政府與資訊軟體產業", "推动数字政府与信息软件产业"},
	{"提升網路服務品質", "提升网络服务质量"},
	{"使用者登入後可查詢網際網路資料", "使用者登录后可查询互联网资料"},
	// Simplified characters inside Traditional text stay as they are.
	{"關於幹部發展後的法治建设、干部、发展、后、里", "关于干部发展后的法治建设、干部、发展、后、里"},
	// Guards: genuine words that contain a Taiwan entry.
	{"檔案館應當加強檔案管理", "档案馆应当加强档案管理"},
	{"依法行使行政許可權", "依法行使行政许可权"},
	{"解這個方程式", "解这个方程式"},
	{"成效顯著重要", "成效显著重要"},
	{"隨著經濟發展,本著作者意願", "随着经济发展,本著作者意愿"},
}

func TestShanghaiSentences(t *testing.T) {
	for _, c := range shanghaiCases {
		if !IsTraditional(c.trad) {
			t.Errorf("IsTraditional(%q) = false", c.trad)
		}
		if got := Simplified(c.trad); got != c.want {
			t.Errorf("Simplified(%q)\n got %q\nwant %q", c.trad, got, c.want)
		}
		if got := Normalize(c.trad).String(); got != c.want {
			t.Errorf("Normalize(%q)\n got %q\nwant %q", c.trad, got, c.want)
		}
	}
}

// The whole Shanghai seed: no Traditional character and no Taiwan word is
// left, and the mainland wording is there.
func TestShanghaiSeed(t *testing.T) {
	d := load()
	orig := seedText(t, "shanghai")
	got := Normalize(orig).String()
	for _, r := range got {
		if in := d.get(r); in.to != 0 && !in.ambiguous {
			t.Errorf("Traditional %q left in normalized Shanghai seed", r)
		}
	}
	for _, w := range []string{"程式", "档案", "许可权", "格线化", "民众", "计画", "报导", "著力"} {
		if strings.Contains(got, w) {
			t.Errorf("Taiwan word %q left in normalized Shanghai seed", w)
		}
	}
	for _, w := range []string{
		"关于全面加强和改进基层法治建设的意见", "规范督导检查程序", "执法权限", "网格化综合管理平台",
		"规范性文件", "人民群众", "记录制度", "有计划地", "宣传报道", "着力防范", "居村委会干部",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("normalized Shanghai seed lacks %q", w)
		}
	}
	if Simplified(orig) != got {
		// The seed has only ASCII punctuation and spaces, so the two agree.
		t.Errorf("Simplified(shanghai) != Normalize(shanghai).String()")
	}
}

// Simplified text must come out with every Han character as it was: the
// seeds below are mainland documents, and only punctuation, spaces and widths
// may change.
func TestSimplifiedSeedsKeepHan(t *testing.T) {
	for _, id := range []string{"shantou", "puyang", "xiangtan", "ganzhou"} {
		orig := seedText(t, id)
		o := []rune(orig)
		n := Normalize(orig)
		for i, r := range n.Runes() {
			s, e := n.Orig(i, i+1)
			if e-s != 1 {
				t.Errorf("%s: rune %d %q maps to %d original runes %q", id, i, r, e-s, string(o[s:e]))
				continue
			}
			if src := o[s]; r != src && (unicode.Is(unicode.Han, src) || unicode.Is(unicode.Han, r)) {
				t.Errorf("%s: Han changed at %d: %q → %q", id, s, src, r)
			}
		}
		if got, want := hanOnly(n.String()), hanOnly(orig); got != want {
			t.Errorf("%s: Han characters differ after Normalize", id)
		}
		if got := Simplified(orig); got != orig {
			t.Errorf("%s: Simplified changed a Simplified seed", id)
		}
	}
}

func hanOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestSimplifiedUnchanged(t *testing.T) {
	for _, s := range []string{
		"法治建设", "发展", "干部", "后", "里", "以后的里程", "面包", "头发", "皇后",
		"哪吒闹海", "乾隆年间", "扭转乾坤", "于是", "特征",
		// Mainland words that are Taiwan entries: Simplified text is not
		// Taiwan text, so the table does not apply.
		"程式化", "建立档案", "人民群众和广大民众", "品质生活", "行政许可权", "信息资讯", "计画",
		// OpenCC phrases made only of Simplified characters.
		"答覆来函", "覆上一层薄膜", "沈默",
		"加强和改进基层法治建设的意见", "智慧城市",
	} {
		if IsTraditional(s) {
			t.Errorf("IsTraditional(%q) = true", s)
		}
		if got := Simplified(s); got != s {
			t.Errorf("Simplified(%q) = %q", s, got)
		}
		if got := Normalize(s).String(); got != s {
			t.Errorf("Normalize(%q) = %q", s, got)
		}
	}
	// A stray unambiguous Traditional character in Simplified text is
	// still converted.
	long := "各街镇要建立健全法治建设领导体制和工作机制,明确负责人以及日常办事机构,以後统筹推进。"
	if IsTraditional(long) {
		t.Fatalf("IsTraditional(%q) = true", long)
	}
	if got, want := Normalize(long).String(), strings.Replace(long, "後", "后", 1); got != want {
		t.Errorf("stray 後: got %q, want %q", got, want)
	}
}

func TestIsTraditionalSeeds(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Fatalf("%d seeds, want 5", len(all))
	}
	for _, s := range all {
		if got, want := IsTraditional(string(s.Data)), s.ID == "shanghai"; got != want {
			t.Errorf("IsTraditional(%s) = %v, want %v", s.ID, got, want)
		}
		if got, want := Normalize(string(s.Data)).Traditional(), s.ID == "shanghai"; got != want {
			t.Errorf("Normalize(%s).Traditional() = %v, want %v", s.ID, got, want)
		}
	}
	for s, want := range map[string]bool{"": false, "abc 123": false, "關於": true, "关于": false} {
		if got := IsTraditional(s); got != want {
			t.Errorf("IsTraditional(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPunctuationAndSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"（一）加强，完善：落实；好！吗？", "(一)加强,完善:落实;好!吗?"},
		{"【通知】〔2020〕3号［附］〖甲〗", "[通知][2020]3号[附][甲]"},
		{"。、《》〈〉“”‘’——―……•", "。、《》〈〉“”‘’——―……•"},
		{"「引號」『內層』", "“引号”‘内层’"},
		{"ＡＢＣｘｙｚ０１２３％＋－＝～", "ABCxyz0123%+-=~"},
		{"￥１００，｡､｢乙｣", "¥100,。、“乙”"},
		{"﹐﹑﹒﹔﹕﹖﹗﹙﹚", ",、.;:?!()"},
		{"马丁‧路德・金･", "马丁·路德·金·"},
		{"a\u00a0b\u3000c\td\u2002e\u2003f\u200ag\u202fh\u205fi\v\fj", "a b c d e f g h i  j"},
		{"\ufeffab\u200bc\u200cd\u200de\u2060f\u00adg\u200eh", "abcdefgh"},
		{"葛\U000E0100城\ufe0f", "葛城"},
		{"a\r\nb\rc\nd\u2028e\u2029f\u0085", "a\nb\nc\nd\ne\nf\n"},
		{"\n\n\n", "\n\n\n"},
		{"", ""},
		{"\ufeff", ""},
		{"程\u200b式設計", "程序设计"}, // invisible characters do not split words
	} {
		if got := Normalize(c.in).String(); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOptions(t *testing.T) {
	in := "關於（一）【程式】，ＡＢ\u3000c\u200bd\r\n"
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{}, "关于(一)[程序],AB cd\n"},
		{Options{KeepTraditional: true}, "關於(一)[程式],AB cd\n"},
		{Options{KeepTaiwan: true}, "关于(一)[程式],AB cd\n"},
		{Options{KeepFullWidth: true}, "关于(一)[程序],ＡＢ cd\n"},
		{Options{KeepPunctuation: true}, "关于(一)【程序】,AB cd\n"},
		{Options{KeepFullWidth: true, KeepPunctuation: true}, "关于（一）【程序】，ＡＢ cd\n"},
		{Options{KeepSpaces: true}, "关于(一)[程序],AB\u3000cd\r\n"},
		{Options{KeepInvisible: true}, "关于(一)[程序],AB c\u200bd\n"},
	} {
		n := c.o.Normalize(in)
		if got := n.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.o, got, c.want)
		}
		checkSpans(t, in, n)
	}
	if Normalize(in).String() != (Options{}).Normalize(in).String() {
		t.Error("Normalize differs from Options{}.Normalize")
	}
}

func TestSimplifiedKeepsTypography(t *testing.T) {
	in := "關於（一）【程式】，ＡＢ\u3000c\u200bd\r\n"
	if got, want := Simplified(in), "关于（一）【程序】，ＡＢ\u3000c\u200bd\r\n"; got != want {
		t.Errorf("Simplified(%q) = %q, want %q", in, got, want)
	}
}

// checkSpans verifies the invariants of Orig on n, normalized from orig.
func checkSpans(t testing.TB, orig string, n *Text) {
	t.Helper()
	total := len([]rune(orig))
	if n.Len() != len(n.Runes()) || n.Len() != len([]rune(n.String())) {
		t.Fatalf("Len %d, Runes %d, String %d runes", n.Len(), len(n.Runes()), len([]rune(n.String())))
	}
	ps, pe := 0, 0
	for i := 0; i < n.Len(); i++ {
		s, e := n.Orig(i, i+1)
		if s < 0 || e > total || s >= e {
			t.Fatalf("%q: rune %d: span [%d,%d) outside [0,%d) or empty", orig, i, s, e, total)
		}
		if s < ps || e < pe {
			t.Fatalf("%q: rune %d: span [%d,%d) goes back from [%d,%d)", orig, i, s, e, ps, pe)
		}
		if es, ee := n.Orig(i, i); es != s || ee != s {
			t.Fatalf("%q: Orig(%d,%d) = [%d,%d), want empty at %d", orig, i, i, es, ee, s)
		}
		ps, pe = s, e
	}
	if s, e := n.Orig(n.Len(), n.Len()); s != total || e != total {
		t.Fatalf("%q: Orig(Len,Len) = [%d,%d), want [%d,%d)", orig, s, e, total, total)
	}
	if n.Len() > 0 {
		if s, e := n.Orig(0, n.Len()); s != 0 || e != total {
			t.Fatalf("%q: Orig(0,Len) = [%d,%d), want [0,%d)", orig, s, e, total)
		}
	}
}

// Every normalized rune of the Shanghai seed maps back to the text it came
// from.
func TestOffsetsShanghai(t *testing.T) {
	d := load()
	orig := seedText(t, "shanghai")
	o := []rune(orig)
	n := Normalize(orig)
	checkSpans(t, orig, n)
	phraseRunes := map[rune]bool{}
	for _, m := range []map[string]*phrase{d.ts, d.tw} {
		for _, p := range m {
			for _, r := range p.to {
				phraseRunes[r] = true
			}
		}
	}
	wide := 0
	for i, r := range n.Runes() {
		s, e := n.Orig(i, i+1)
		src := string(o[s:e])
		if e-s > 1 {
			// A replacement of different length: the rune must be part of
			// what its original span converts to.
			wide++
			if !strings.ContainsRune(Simplified(src), r) {
				t.Errorf("rune %d %q maps to %q, which converts to %q", i, r, src, Simplified(src))
			}
			continue
		}
		c := o[s]
		if r == c || d.get(c).to == r || phraseRunes[r] {
			continue
		}
		if f, _ := (&Options{}).foldRune(c); f == r {
			continue
		}
		t.Errorf("rune %d %q maps to %q", i, r, src)
	}
	if wide == 0 {
		t.Error("no replacement of different length in the Shanghai seed (许可权, 格线化)")
	}
}

// Spans of replacements, by hand.
func TestOffsetsPhrases(t *testing.T) {
	type span struct{ s, e int }
	for _, c := range []struct {
		in, want string
		spans    []span
	}{
		// 許可權→权限: both output runes map to the whole phrase.
		{"行政執法許可權和", "行政执法权限和", []span{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 7}, {4, 7}, {7, 8}}},
		// 格線化→网格化: the shared 化 keeps its own place
		// (the changed middle 格線→网格 keeps its length: rune for rune).
		{"城市格線化管理", "城市网格化管理", []span{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}}},
		// 計畫→计划: same length, rune for rune.
		{"有計畫地", "有计划地", []span{{0, 1}, {1, 2}, {2, 3}, {3, 4}}},
		// 網際網路→互联网: four runes to three.
		{"網際網路時代", "互联网时代", []span{{0, 4}, {0, 4}, {0, 4}, {4, 5}, {5, 6}}},
		// Dropped invisible characters belong to the next rune, trailing
		// ones to the last; "\r\n" is one '\n'.
		{"\ufeff關\u200b於\r\n\u200b", "关于\n", []span{{0, 2}, {2, 4}, {4, 7}}},
	} {
		n := Normalize(c.in)
		if got := n.String(); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			continue
		}
		checkSpans(t, c.in, n)
		for i, sp := range c.spans {
			if s, e := n.Orig(i, i+1); s != sp.s || e != sp.e {
				t.Errorf("%q: rune %d %q: Orig = [%d,%d), want [%d,%d)", c.in, i, n.Runes()[i], s, e, sp.s, sp.e)
			}
		}
	}
	// Orig over a range spans from the first rune's start to the last one's end.
	n := Normalize("推進許可權和力量")
	if s, e := n.Orig(2, 4); s != 2 || e != 5 {
		t.Errorf("Orig(2,4) of 权限 = [%d,%d), want [2,5)", s, e)
	}
	if s, e := n.Orig(3, 3); s != 2 || e != 2 {
		t.Errorf("Orig(3,3) inside 权限 = [%d,%d), want [2,2)", s, e)
	}
}

func TestOrigPanics(t *testing.T) {
	n := Normalize("关于")
	for _, ab := range [][2]int{{-1, 0}, {1, 0}, {0, 3}, {3, 3}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Orig(%d,%d) did not panic", ab[0], ab[1])
				}
			}()
			n.Orig(ab[0], ab[1])
		}()
	}
}

// The dictionaries hold only Han characters, which the per-character stage
// never changes: that is what lets Normalize run that stage first. And every
// Taiwan entry can fire: its key survives the OpenCC conversion, and its
// output is stable.
func TestDataInvariants(t *testing.T) {
	d := load()
	if d.nChars < 3000 || d.nPhrase < 200 || d.nTaiwan < 20 {
		t.Fatalf("data too small: %d characters, %d phrases, %d Taiwan entries", d.nChars, d.nPhrase, d.nTaiwan)
	}
	o := &Options{}
	check := func(what string, s []rune) {
		for _, r := range s {
			if !unicode.Is(unicode.Han, r) {
				t.Errorf("%s %q: %q is not Han", what, string(s), r)
			}
			if f, drop := o.foldRune(r); drop || f != r {
				t.Errorf("%s %q: foldRune changes %q", what, string(s), r)
			}
		}
	}
	for k, p := range d.ts {
		if p.to == nil {
			continue // prefix of longer keys
		}
		check("TSPhrases key", []rune(k))
		check("TSPhrases value", p.to)
	}
	nChars := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if v := d.get(r); v.to != 0 {
			check("TSCharacters", []rune{r, v.to})
			nChars++
		}
	}
	if nChars != d.nChars {
		t.Errorf("index holds %d characters, parsed %d", nChars, d.nChars)
	}
	for k, p := range d.tw {
		if p.to == nil {
			continue
		}
		check("taiwan.tsv key", []rune(k))
		check("taiwan.tsv value", p.to)
		kr := []rune(k)
		if got := string(d.tsPass(seq{r: kr, n: len(kr)}, true).out.r); got != k {
			t.Errorf("taiwan.tsv key %q is not Simplified: OpenCC makes it %q", k, got)
		}
		if got := string(d.tsPass(seq{r: p.to, n: len(p.to)}, true).out.r); got != string(p.to) {
			t.Errorf("taiwan.tsv value %q is not Simplified: OpenCC makes it %q", string(p.to), got)
		}
		if got := string(d.twPass(seq{r: kr, n: len(kr)}).r); got != string(p.to) {
			t.Errorf("taiwan.tsv %q→%q: the table makes it %q", k, string(p.to), got)
		}
	}
}

// Normalizing normalized text changes nothing.
func TestIdempotent(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		once := Normalize(string(s.Data)).String()
		if twice := Normalize(once).String(); twice != once {
			t.Errorf("%s: Normalize is not idempotent", s.ID)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, c := range shanghaiCases {
		f.Add(c.trad, uint8(0))
	}
	for _, s := range []string{
		"", "\ufeff", "\r", "\r\n", "a\u200b", "\u200b\u200b", "\xff\xfe", "關\xff於",
		"（一）【程式】，ＡＢ\u3000c\u200bd\r\n", "網際網路", "許可權", "哪吒乾隆於", "答覆覆上",
		"格\u200b線化", "\U000E0100\ufe0f",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(0x15))
	}
	f.Fuzz(func(t *testing.T, s string, bits uint8) {
		n := Normalize(s)
		checkSpans(t, s, n)
		for _, r := range n.Runes() {
			if r == '\r' || r == '\t' || r == 0xFEFF || r == 0x200B || r == 0x3000 || r == 0xA0 || r == 0xFF0C {
				t.Fatalf("Normalize(%q) = %q keeps %U", s, n.String(), r)
			}
		}
		// Every combination of stages keeps the span invariants.
		o := Options{
			KeepTraditional: bits&1 != 0,
			KeepTaiwan:      bits&2 != 0,
			KeepFullWidth:   bits&4 != 0,
			KeepPunctuation: bits&8 != 0,
			KeepSpaces:      bits&16 != 0,
			KeepInvisible:   bits&32 != 0,
		}
		checkSpans(t, s, o.Normalize(s))
		if all := (Options{KeepTraditional: true, KeepTaiwan: true, KeepFullWidth: true, KeepPunctuation: true, KeepSpaces: true, KeepInvisible: true}).Normalize(s); all.String() != string([]rune(s)) {
			t.Fatalf("all stages kept: %q became %q", s, all.String())
		}
		simp := Simplified(s)
		if IsTraditional(s) && IsTraditional(simp) {
			t.Fatalf("Simplified(%q) = %q is still Traditional", s, simp)
		}
	})
}

func BenchmarkNormalizeShanghai(b *testing.B) {
	orig := seedText(b, "shanghai")
	load()
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(orig)
	}
}

func BenchmarkNormalizeXiangtan(b *testing.B) {
	orig := seedText(b, "xiangtan")
	load()
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(orig)
	}
}

func BenchmarkSimplifiedShanghai(b *testing.B) {
	orig := seedText(b, "shanghai")
	load()
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		Simplified(orig)
	}
}

// BenchmarkLoad measures parsing the embedded data, which load does once.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseData(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConversionIsFinal: no Simplified form the tables give is itself
// converted again (unless it is also valid Simplified, as 乾 or 於 are), so
// one pass yields Simplified text. OpenCC's TSCharacters chains some (薴→苧
// and 苧→苎); issue 14 item 11 found Simplified("薴") == "苧".
func TestConversionIsFinal(t *testing.T) {
	d := load()
	stillTraditional := func(r rune) bool {
		in := d.get(r)
		return in.to != 0 && !in.ambiguous
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		in := d.get(r)
		if in.to == 0 {
			continue
		}
		n++
		if stillTraditional(in.to) {
			t.Errorf("TSCharacters: %q → %q, which converts again to %q", r, in.to, d.get(in.to).to)
		}
		if got := Simplified(string(r)); in.ambiguous == false && got != string(in.to) {
			t.Errorf("Simplified(%q) = %q, want %q", r, got, in.to)
		}
	}
	if n < 3000 {
		t.Fatalf("only %d characters checked", n)
	}
	// A phrase's value is final as it stands: it may keep a character the
	// character table would convert (毕昇 keeps the 昇 of a name), and it is
	// not converted again. (Phrases whose key is plain Simplified text, as
	// 藉此 is, apply only in Traditional text; Simplified alone keeps them.)
	for k, p := range d.ts {
		if p.to != nil && p.simpOK {
			if got := Simplified(k); got != string(p.to) {
				t.Errorf("Simplified(%q) = %q, want the phrase's %q", k, got, string(p.to))
			}
		}
	}
	for in, want := range map[string]string{"薴": "苎", "苧": "苎", "薴麻": "苎麻"} {
		if got := Simplified(in); got != want {
			t.Errorf("Simplified(%q) = %q, want %q", in, got, want)
		}
	}
}
