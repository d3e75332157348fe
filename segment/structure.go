package segment

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"citydiff/segment/chrome"
	"citydiff/segment/normalize"
)

// para is a paragraph of the normalized text: [a, b) in normalized runes,
// spaces trimmed.
type para struct{ a, b int }

// parser holds the state of one structure pass over a normalized document.
type parser struct {
	doc   *Document
	norm  *normalize.Text
	nr    []rune
	paras []para
	// chromeParas are the normalized lines chrome marked, kept for their
	// metadata (publication dates).
	chromeLines []para
	md          *mdState // nil for plain text
	lastNote    para     // the last line of the last header note read
	// regulation is set when the body is numbered as a regulation: items
	// are then clauses with a Marker, not sections.
	regulation bool
	// notesAt is where a .docx's footnotes start in the original, in code
	// points; -1 when it has none.
	notesAt int
}

// orig maps a normalized span to the original.
func (p *parser) orig(a, b int) Span {
	s, e := p.norm.Orig(a, b)
	return Span{s, e}
}

func (p *parser) text(x para) string { return string(p.nr[x.a:x.b]) }

// trimSpaces shrinks [a, b) past spaces at both ends.
func trimSpaces(nr []rune, a, b int) (int, int) {
	for a < b && (nr[a] == ' ' || nr[a] == '\t') {
		a++
	}
	for b > a && (nr[b-1] == ' ' || nr[b-1] == '\t') {
		b--
	}
	return a, b
}

// oneLineBody is the length past which a line that holds spaces is taken
// to be several paragraphs joined by spaces (Shantou's whole body is one
// line with its headings inline).
const oneLineBody = 300

// splitParagraphs cuts the normalized text into lines, marks chrome lines,
// and splits over-long lines at their space runs.
func (p *parser) splitParagraphs() {
	var lines []para
	start := 0
	for i, r := range p.nr {
		if r == '\n' {
			lines = append(lines, para{start, i})
			start = i + 1
		}
	}
	lines = append(lines, para{start, len(p.nr)})
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = string(p.nr[l.a:l.b])
	}
	marks := chrome.Mark(texts)
	for i, l := range lines {
		a, b := trimSpaces(p.nr, l.a, l.b)
		if a == b {
			continue
		}
		if p.notesAt >= 0 && p.orig(a, b).Start >= p.notesAt {
			p.doc.Footnotes = append(p.doc.Footnotes, p.orig(a, b))
			continue
		}
		if marks[i] {
			p.doc.Chrome = append(p.doc.Chrome, p.orig(a, b))
			p.chromeLines = append(p.chromeLines, para{a, b})
			continue
		}
		if b-a <= oneLineBody || p.md != nil {
			p.paras = append(p.paras, para{a, b})
			continue
		}
		s := a
		for j := a; j < b; j++ {
			if p.nr[j] != ' ' {
				continue
			}
			if s < j {
				p.paras = append(p.paras, para{s, j})
			}
			for j < b && p.nr[j] == ' ' {
				j++
			}
			s = j
		}
		if s < b {
			p.paras = append(p.paras, para{s, b})
		}
	}
}

var (
	genreStrong = regexp.MustCompile(`(决定|意见|实施方案|方案|办法|规定|条例|规划|决议|纲要|措施|细则|规则|计划|要点)$`)
	genreWeak   = regexp.MustCompile(`(通知|公告|通告|报告|函)$`)
	noticeWrap  = regexp.MustCompile(`(印发|转发|下发)`)
	trailNote   = regexp.MustCompile(`\([^()]*\)$`)
	dateRe      = regexp.MustCompile(`(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?`)
	onlyDateRe  = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$`)
	publishedRe = regexp.MustCompile(`发布(?:时间|日期)[::]\s*(\d{4}-\d{1,2}-\d{1,2})`)
	orgSuffix   = regexp.MustCompile(`(委员会|常委会|人民政府|政府|办公室|办公厅|局|委|院|厅|部|会|中心)$`)
)

const maxTitleLines = 4

// titleScore rates a paragraph as the document's title: 0 means it cannot be.
func titleScore(t string) int {
	if utf8.RuneCountInString(t) > 90 || strings.ContainsAny(t, "。;") {
		return 0
	}
	core := trailNote.ReplaceAllString(t, "")
	score := 0
	switch {
	case genreStrong.MatchString(core):
		score = 3
	case genreWeak.MatchString(core):
		score = 1
	default:
		return 0
	}
	if strings.Contains(core, "关于") {
		score++
	}
	if noticeWrap.MatchString(core) && strings.Contains(core, "《") {
		score = 1 // a notice that wraps the real document
	}
	return score
}

// findTitle picks the title among the opening paragraphs, joining a title
// split over several lines. It returns the index of the first paragraph
// after the title block, or 0 when no title was found.
func (p *parser) findTitle() int {
	if len(p.paras) > 0 && p.mdHeading(p.paras[0]) > 0 {
		// A Markdown document opening with a heading: it is the title,
		// unless it is numbered (## 一、总体要求 of a file without one).
		if _, numbered := parseMarker(p.nr[p.paras[0].a:p.paras[0].b]); !numbered {
			p.setTitle(0, 1)
			p.readFrontMatter(0)
			return p.readNotes(1)
		}
	}
	limit := len(p.paras)
	for i, x := range p.paras {
		if m, ok := parseMarker(p.nr[x.a:x.b]); ok && m.style != ArabicBare {
			limit = i
			break
		}
	}
	if limit > 20 {
		limit = 20
	}
	best, bestScore, bestEnd := -1, 0, 0
	var notice para
	for i := 0; i < limit; i++ {
		if noteStart(p.text(p.paras[i])) {
			continue // a header note is no part of a title
		}
		// Join up to maxTitleLines short lines that end in a genre word.
		joined := ""
		for j := i; j < limit && j < i+maxTitleLines; j++ {
			t := p.text(p.paras[j])
			if j > i && (utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "。,;:")) {
				break
			}
			joined += t
			s := titleScore(joined)
			if s == 1 && (best < 0 || bestScore == 1) {
				// A notice or announcement (通知, 公告) ahead of the real
				// title wraps it.
				notice = para{p.paras[i].a, p.paras[j].b}
			}
			if s > 0 && s >= bestScore && !(best >= 0 && sameText(joined, p.joined(best, bestEnd))) {
				best, bestScore, bestEnd = i, s, j+1
			}
			if s > 0 {
				break
			}
		}
	}
	if best < 0 {
		// No genre word: a short first line that is not numbered and not
		// a sentence still reads as the title (a drafter's own file).
		if len(p.paras) < 2 || limit == 0 {
			return 0
		}
		t := p.text(p.paras[0])
		if utf8.RuneCountInString(t) > 60 || strings.ContainsAny(t, "。;:!?") {
			return 0
		}
		best, bestEnd = 0, 1
	}
	a := p.paras[best].a
	p.setTitle(best, bestEnd)
	if notice.b > notice.a && notice.b <= a {
		p.doc.NoticeTitle = p.doc.Text(p.orig(notice.a, notice.b))
	}
	p.readFrontMatter(best)
	end := p.readNotes(bestEnd)
	if m := &p.doc.Meta; m.Date == "" {
		m.Date = m.Published
	}
	return end
}

// joined is the normalized text of paragraphs [i, j), joined.
func (p *parser) joined(i, j int) string {
	var b strings.Builder
	for _, x := range p.paras[i:j] {
		b.WriteString(p.text(x))
	}
	return b.String()
}

// sameText reports whether two normalized texts differ in spaces at most:
// a title printed again under the header ("某市促进保税维修业务 发展若干规定").
func sameText(a, b string) bool {
	return strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(b, " ", "")
}

// setTitle makes paragraphs [i, j) the title.
func (p *parser) setTitle(i, j int) {
	p.doc.TitleSpan = p.orig(p.paras[i].a, p.paras[j-1].b)
	var parts []string
	for _, x := range p.paras[i:j] {
		parts = append(parts, p.visible(p.orig(x.a, x.b)))
	}
	p.doc.Title = strings.Join(parts, "")
}

// visible is the original text of a span without its Markdown syntax.
func (p *parser) visible(s Span) string {
	if len(p.doc.Markup) == 0 {
		return p.doc.Text(s)
	}
	var b strings.Builder
	at := s.Start
	ms := p.doc.Markup
	for _, m := range ms[sort.Search(len(ms), func(i int) bool { return ms[i].End > at }):] {
		if m.Start >= s.End {
			break
		}
		b.WriteString(p.doc.Text(Span{at, max(at, m.Start)}))
		at = max(at, m.End)
	}
	b.WriteString(p.doc.Text(Span{at, s.End}))
	return b.String()
}

func isoDate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	pad := func(x string) string {
		if len(x) == 1 {
			return "0" + x
		}
		return x
	}
	return m[1] + "-" + pad(m[2]) + "-" + pad(m[3])
}

// readFrontMatter reads issuer and dates from what comes before the title
// (signature lines, "issuer date" lines, publication chrome) and from the
// title itself ("X关于…").
func (p *parser) readFrontMatter(titlePara int) {
	m := &p.doc.Meta
	for _, x := range p.chromeLines {
		if d := publishedRe.FindStringSubmatch(p.text(x)); d != nil && m.Published == "" {
			m.Published = isoDate(d[1])
			if m.Issuer == "" {
				if f := strings.Fields(p.text(x)); len(f) > 1 && orgSuffix.MatchString(f[0]) {
					m.Issuer = p.doc.Text(p.orig(x.a, x.a+utf8.RuneCountInString(f[0])))
				}
			}
		}
	}
	for i := 0; i < titlePara; i++ {
		x := p.paras[i]
		t := p.text(x)
		switch {
		case onlyDateRe.MatchString(t):
			m.Date = isoDate(t)
			if i > 0 && orgSuffix.MatchString(p.text(p.paras[i-1])) {
				prev := p.paras[i-1]
				m.Issuer = p.doc.Text(p.orig(prev.a, prev.b))
			}
		case dateRe.MatchString(t) && m.Date == "":
			loc := dateRe.FindStringIndex(t)
			before := strings.TrimSpace(t[:loc[0]])
			if before != "" && orgSuffix.MatchString(before) && m.Issuer == "" {
				m.Issuer = p.doc.Text(p.orig(x.a, x.a+utf8.RuneCountInString(before)))
			}
			m.Date = isoDate(t)
		}
	}
	if m.Issuer == "" {
		for _, t := range []string{p.doc.Title, p.doc.NoticeTitle} {
			n := normalize.Normalize(t)
			if i := strings.Index(n.String(), "关于"); i > 0 {
				_, end := n.Orig(0, utf8.RuneCountInString(n.String()[:i]))
				m.Issuer = string([]rune(t)[:end])
				break
			}
		}
	}
}

// heading is a paragraph recognised as a heading.
type heading struct {
	para      int
	m         marker
	kind      SectionKind
	level     int
	headEnd   int // normalized offset where the heading text ends
	bodyStart int // normalized offset where run-in body text starts (== para end when none)
	malformed string
}

// maxRunIn is the longest first sentence still read as a run-in heading
// ("(一)深入学习宣传贯彻习近平法治思想。坚持…").
const maxRunIn = 40

// maxBareHeading is the longest unnumbered line read as a heading.
const maxBareHeading = 30

func (p *parser) findHeadings(from int) []heading {
	if p.isRegulation(from) {
		return p.regulationHeadings(from)
	}
	var hs []heading
	var styles []Style      // open numbering styles, outermost first
	last := map[Style]int{} // last ordinal seen per style
	atx := map[int]Style{}  // the numbering style last seen on each level of Markdown heading
	numbered := false
	for i := from; i < len(p.paras); i++ {
		x := p.paras[i]
		md := p.mdHeading(x)
		m, ok := parseMarker(p.nr[x.a:x.b])
		malformed := ""
		if ok && m.style == ArabicBare {
			// Accept digits run into the text only where the list expects
			// exactly that number next (Ganzhou's "11开展").
			want := false
			for _, st := range []Style{ArabicComma, ArabicDot} {
				if len(styles) > 0 && styles[len(styles)-1] == st && last[st]+1 == m.ordinal {
					m.style, want = st, true
				}
			}
			ok = want
			malformed = "number " + m.number + " lacks its 、"
		}
		kind := Numbered
		switch {
		case ok:
			if md > 0 {
				atx[md] = m.style
			}
		case md > 0:
			// An unnumbered Markdown heading (## 附则) sits where the
			// numbered headings of its level do.
			m, malformed, kind = marker{style: atx[md]}, "", Unnumbered
			if m.style == NoStyle {
				m.style = Style(strings.Repeat("#", md))
			}
		default:
			continue
		}
		level := 0
		for k, st := range styles {
			if st == m.style {
				level = k + 1
				styles = styles[:k+1]
				break
			}
		}
		if level == 0 {
			styles = append(styles, m.style)
			level = len(styles)
		}
		if kind == Numbered {
			last[m.style] = m.ordinal
		}
		h := heading{para: i, m: m, kind: kind, level: level, malformed: malformed}
		if md > 0 {
			h.headEnd, h.bodyStart = x.b, x.b // a Markdown heading is all heading
		} else {
			p.splitRunIn(&h)
		}
		hs = append(hs, h)
		numbered = true
	}
	if numbered {
		return hs
	}
	// No numbering and no Markdown headings: unnumbered heading lines (Shanghai). A heading
	// directly followed by another heading is level 1, one followed by body
	// text level 2.
	isBare := func(i int) bool {
		t := p.text(p.paras[i])
		return utf8.RuneCountInString(t) <= maxBareHeading && !strings.ContainsAny(t, "。;:,!?") &&
			!strings.HasPrefix(t, "—") && !strings.HasPrefix(t, "•")
	}
	seenTop := false
	for i := from; i < len(p.paras); i++ {
		if !isBare(i) {
			continue
		}
		level := 2
		if i+1 < len(p.paras) && isBare(i+1) || !seenTop {
			level = 1
			seenTop = true
		}
		x := p.paras[i]
		hs = append(hs, heading{para: i, kind: Unnumbered, level: level, headEnd: x.b, bodyStart: x.b})
	}
	return hs
}

// maxColonHeading is the longest line ending in a colon still read as a
// heading (一、总体要求:); longer ones lead into a list.
const maxColonHeading = 12

// leadInWords announce a list: 遵守下列规定:, 做好以下工作:, 包括:.
var leadInWords = regexp.MustCompile(`下列|以下|如下|包括|应当`)

// leadIn reports whether the text of a numbered line with no sentence end is
// body rather than a heading: an item of a list (…;) or a lead-in to one
// (公民应当遵守下列规定:). Read as headings they would hold no clause and
// their words would be compared nowhere.
func leadIn(t []rune) bool {
	if len(t) == 0 {
		return false
	}
	switch t[len(t)-1] {
	case ';':
		return true
	case ':':
		s := string(t)
		return len(t) > maxColonHeading || strings.ContainsRune(s, ',') || leadInWords.MatchString(s)
	}
	return false
}

// splitRunIn finds where a numbered heading's text ends and its body
// begins when both share the paragraph.
func (p *parser) splitRunIn(h *heading) {
	x := p.paras[h.para]
	start := x.a + h.m.width
	h.headEnd, h.bodyStart = x.b, x.b
	stop := -1
	for j := start; j < x.b; j++ {
		if r := p.nr[j]; r == '。' || r == '!' || r == '?' {
			stop = j
			break
		}
	}
	switch {
	case stop < 0 && leadIn(p.nr[start:x.b]):
		h.headEnd, h.bodyStart = start, start // an item or a lead-in: body text
	case stop < 0 && x.b-start <= 2*maxRunIn:
		// a heading line of its own
	case stop < 0:
		h.headEnd, h.bodyStart = start, start // a numbered paragraph with no heading
	case stop-start <= maxRunIn:
		body := stop + 1
		for body < x.b && (p.nr[body] == ' ' || p.nr[body] == '”') {
			body++
		}
		rest := string(p.nr[body:min(x.b, body+8)])
		if body >= x.b || (strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[")) && unitField.MatchString(rest) {
			// Nothing, or only a unit annotation, follows: the sentence is
			// the measure itself, not a heading over one (Ganzhou's
			// "7、…。(责任单位:…)", "第一条 为了…,制定本条例。").
			h.headEnd, h.bodyStart = start, start
			break
		}
		h.headEnd, h.bodyStart = stop, body
	default:
		h.headEnd, h.bodyStart = start, start
	}
}
