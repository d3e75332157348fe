package segment

import (
	"strconv"
	"unicode"
)

// Style is a numbering style of headings and items. Which style is which
// level is not fixed: a document's first style is level 1, the next new one
// level 2, and so on, as in Markdown lists.
type Style string

// Numbering styles, as they look after normalization (half-width brackets).
const (
	NoStyle      Style = ""
	Part         Style = "第X编"
	Chapter      Style = "第X章"
	SectionStyle Style = "第X节"
	Article      Style = "第X条"
	HanComma     Style = "一、"
	HanParen     Style = "(一)"
	ArabicComma  Style = "1、"
	ArabicDot    Style = "1."
	ArabicParen  Style = "(1)"
	Circled      Style = "①"
	// ArabicBare is Arabic digits run straight into the text ("11开展"): a
	// typo for ArabicComma, accepted only where the sequence expects it.
	ArabicBare Style = "1"
)

// marker is a numbering found at the start of a paragraph.
type marker struct {
	style   Style
	number  string // as written
	ordinal int
	width   int  // runes taken by the marker, punctuation and spaces after it
	sub     bool // an inserted article: 第十条之一 has the ordinal of 第十条
}

const hanDigits = "零〇一二两三四五六七八九十百"

func isHanDigit(r rune) bool {
	for _, d := range hanDigits {
		if r == d {
			return true
		}
	}
	return false
}

// hanValue parses a Chinese numeral up to the hundreds: 三, 十五, 二十一, 一百零二.
func hanValue(s []rune) int {
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '零', '〇':
			cur = 0
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			cur = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}[r]
		}
	}
	return total + cur
}

// parseMarker reads a numbering at the start of p (a normalized paragraph
// without leading spaces). It reports ok=false when p starts with none.
// ArabicBare is returned for digits followed directly by a Han character;
// the caller decides whether the sequence makes it a number.
func parseMarker(p []rune) (m marker, ok bool) {
	n := len(p)
	if n < 2 {
		return m, false
	}
	skip := func(i int) int {
		for i < n && p[i] == ' ' {
			i++
		}
		return i
	}
	// 第X编 / 第X章 / 第X节 / 第X条 / 第X条之Y
	if p[0] == '第' {
		i := 1
		for i < n && (isHanDigit(p[i]) || unicode.IsDigit(p[i])) {
			i++
		}
		if i > 1 && i < n {
			var st Style
			switch p[i] {
			case '编':
				st = Part
			case '章':
				st = Chapter
			case '节':
				st = SectionStyle
			case '条':
				st = Article
			}
			if st == NoStyle {
				return m, false
			}
			m = marker{style: st, number: string(p[1:i]), ordinal: numeralValue(p[1:i])}
			e := i + 1
			if st == Article && e+1 < n && p[e] == '之' && isHanDigit(p[e+1]) {
				j := e + 1
				for j < n && isHanDigit(p[j]) {
					j++
				}
				m.number, m.sub, e = string(p[1:i])+string(p[e:j]), true, j
			}
			m.width = skip(e)
			return m, true
		}
		return m, false
	}
	// (一) / (1)
	if p[0] == '(' {
		i := 1
		for i < n && i < 6 && (isHanDigit(p[i]) || unicode.IsDigit(p[i])) {
			i++
		}
		if i > 1 && i < n && p[i] == ')' {
			st := HanParen
			if unicode.IsDigit(p[1]) {
				st = ArabicParen
			}
			return marker{style: st, number: string(p[1:i]), ordinal: numeralValue(p[1:i]), width: skip(i + 1)}, true
		}
		return m, false
	}
	// ①…⑳
	if p[0] >= '①' && p[0] <= '⑳' {
		return marker{style: Circled, number: string(p[0]), ordinal: int(p[0]-'①') + 1, width: skip(1)}, true
	}
	// 一、
	if isHanDigit(p[0]) {
		i := 0
		for i < n && i < 5 && isHanDigit(p[i]) {
			i++
		}
		if i < n && p[i] == '、' {
			return marker{style: HanComma, number: string(p[:i]), ordinal: hanValue(p[:i]), width: skip(i + 1)}, true
		}
		return m, false
	}
	// 1、 / 1. / 11开展
	if p[0] >= '0' && p[0] <= '9' {
		i := 0
		for i < n && i < 3 && p[i] >= '0' && p[i] <= '9' {
			i++
		}
		if i >= n {
			return m, false
		}
		v, _ := strconv.Atoi(string(p[:i]))
		switch {
		case p[i] == '、':
			return marker{style: ArabicComma, number: string(p[:i]), ordinal: v, width: skip(i + 1)}, true
		case p[i] == '.' && i+1 < n && !unicode.IsDigit(p[i+1]):
			return marker{style: ArabicDot, number: string(p[:i]), ordinal: v, width: skip(i + 1)}, true
		case unicode.Is(unicode.Han, p[i]) && p[i] != '年' && p[i] != '月' && p[i] != '日' && p[i] != '个' && p[i] != '项' && p[i] != '名' && p[i] != '家' && p[i] != '次' && p[i] != '天' && p[i] != '万' && p[i] != '亿':
			return marker{style: ArabicBare, number: string(p[:i]), ordinal: v, width: i}, true
		}
	}
	return m, false
}

func numeralValue(s []rune) int {
	if len(s) > 0 && unicode.IsDigit(s[0]) {
		v, _ := strconv.Atoi(string(s))
		return v
	}
	return hanValue(s)
}
