package markdown

import (
	"strings"
	"unicode"
)

// delim is a run of emphasis characters that may open or close emphasis.
type delim struct {
	pos, n    int
	c         rune
	open, cls bool
}

// inline marks the inline syntax of the text [a, b): escapes, code spans,
// HTML comments and tags, autolinks, links and images, and emphasis.
//
// It runs in time linear in b-a: brackets are paired in one pass, and a
// search that failed (no closing "-->", no closing run of n backticks) is
// not repeated, since it would fail again further on.
func (p *parser) inline(a, b int) {
	var ds []delim
	skipFrom, skipTo := -1, -1 // a link's "](url)", jumped over once reached
	brackets := p.pairs(a, b, '[', ']', true)
	parens := p.pairs(a, b, '(', ')', false)
	noTicks := map[int]bool{} // lengths of backtick runs that close nowhere further on
	noClose := false          // no "-->" further on
	for i := a; i < b; {
		if i == skipFrom {
			i = skipTo
			continue
		}
		c := p.src[i]
		switch {
		case c == '\\' && i+1 < b && isASCIIPunct(p.src[i+1]):
			p.mark(i, i+1, 0)
			i += 2
		case c == '\\' && i+1 == b: // a hard line break
			p.mark(i, i+1, 0)
			i++
		case c == '`':
			n := p.run(i, b, '`')
			j := -1
			if !noTicks[n] {
				j = p.findRun(i+n, b, '`', n)
			}
			if j >= 0 {
				p.mark(i, i+n, 0)
				p.mark(j, j+n, 0)
				i = j + n
			} else {
				noTicks[n] = true
				i += n
			}
		case c == '<' && p.has(i, b, "<!--"):
			e := -1
			if !noClose {
				e = p.find(i+4, b, "-->")
			}
			if e < 0 {
				noClose = true
				i++
				continue
			}
			p.mark(i, e+3, 0)
			i = e + 3
		case c == '<':
			if e := p.angle(i, b); e > i {
				i = e
			} else {
				i++
			}
		case c == '[' || (c == '!' && i+1 < b && p.src[i+1] == '['):
			open := i
			if c == '!' {
				i++
			}
			// Inside the text of a link already found (i before its
			// "]("), a link must end before that "](": one whose "(url)"
			// ran on past it would overlap the outer link's syntax.
			if close, end := link(brackets, parens, a, i, b); end > 0 && (i > skipFrom || end <= skipFrom) {
				p.mark(open, i+1, 0)
				p.mark(close, end, 0)
				skipFrom, skipTo = close, end
			}
			i++
		case c == '*' || c == '_' || c == '~':
			n := p.run(i, b, c)
			if c != '~' || n == 2 {
				ds = append(ds, p.flanking(i, n, a, b))
			}
			i += n
		default:
			i++
		}
	}
	p.emphasis(ds)
}

// run is the length of the run of c starting at i.
func (p *parser) run(i, b int, c rune) int {
	j := i
	for j < b && p.src[j] == c {
		j++
	}
	return j - i
}

// findRun finds the next run of exactly n c's in [i, b), or -1.
func (p *parser) findRun(i, b int, c rune, n int) int {
	for i < b {
		if p.src[i] != c {
			i++
			continue
		}
		m := p.run(i, b, c)
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// has reports whether the text at i (before b) starts with w.
func (p *parser) has(i, b int, w string) bool {
	for _, c := range w {
		if i >= b || p.src[i] != c {
			return false
		}
		i++
	}
	return true
}

// find returns where w next occurs in [i, b), or -1.
func (p *parser) find(i, b int, w string) int {
	for ; i < b; i++ {
		if p.has(i, b, w) {
			return i
		}
	}
	return -1
}

// angle marks what starts with "<" at i: an HTML tag (wholly syntax) or an
// autolink (its brackets). It returns where scanning goes on, or i when "<"
// is text (as in 《修改<关于议案的若干暂行规定>的决定》). Its scans stop at the
// next "<", so all of them together read each rune once.
func (p *parser) angle(i, b int) int {
	j := i + 1
	if j < b && p.src[j] == '/' {
		j++
	}
	if j >= b || !isASCIILetter(p.src[j]) {
		return i
	}
	k := j
	for k < b && (isASCIILetter(p.src[k]) || (p.src[k] >= '0' && p.src[k] <= '9') || p.src[k] == '-') {
		k++
	}
	if k < b && p.src[k] == ':' && p.src[j-1] == '<' { // an autolink: <https://…>
		for e := k; e < b; e++ {
			switch p.src[e] {
			case '>':
				p.mark(i, i+1, 0)
				p.mark(e, e+1, 0)
				return e + 1
			case ' ', '<':
				return i
			}
		}
		return i
	}
	// A tag: the name, then attributes up to ">" on the same line.
	if k < b && p.src[k] != '>' && p.src[k] != ' ' && p.src[k] != '/' {
		return i
	}
	for e := k; e < b; e++ {
		switch p.src[e] {
		case '>':
			p.mark(i, e+1, 0)
			return e + 1
		case '<':
			return i
		}
	}
	return i
}

// pairs pairs each open rune in [a, b) with the close rune that closes it,
// nesting counted: pairs[i-a] is the index of the closer of the opener at
// i, or -1. With escapes set, a rune after a backslash is text.
func (p *parser) pairs(a, b int, open, close rune, escapes bool) []int {
	out := make([]int, b-a)
	var stack []int
	for i := a; i < b; i++ {
		out[i-a] = -1
		switch p.src[i] {
		case '\\':
			if escapes && i+1 < b {
				i++
				out[i-a] = -1
			}
		case open:
			stack = append(stack, i)
		case close:
			if n := len(stack); n > 0 {
				out[stack[n-1]-a] = i
				stack = stack[:n-1]
			}
		}
	}
	return out
}

// link reads a link or image whose text opens with "[" at i: it returns
// where its "](url)" starts and ends, or end 0 when there is no link.
func link(brackets, parens []int, a, i, b int) (close, end int) {
	j := brackets[i-a]
	if j < 0 || j+1 >= b || parens[j+1-a] < 0 {
		return 0, 0
	}
	return j, parens[j+1-a] + 1
}

// flanking decides whether a run of emphasis characters may open or close:
// it opens before a non-space and closes after one. An underscore inside an
// ASCII word (snake_case) does neither.
func (p *parser) flanking(i, n, a, b int) delim {
	d := delim{pos: i, n: n, c: p.src[i]}
	prev, next := ' ', ' '
	if i > a {
		prev = p.src[i-1]
	}
	if i+n < b {
		next = p.src[i+n]
	}
	d.open = !unicode.IsSpace(next)
	d.cls = !unicode.IsSpace(prev)
	if d.c == '_' {
		d.open = d.open && !isASCIIAlnum(prev)
		d.cls = d.cls && !isASCIIAlnum(next)
	}
	return d
}

// emphasis pairs each closing run with the nearest opening run of the same
// character before it and marks what they share; unpaired runs stay text.
// Like CommonMark's openers_bottom, bottom remembers for each character how
// far down the stack a search already found no opener, so that a long line
// of unpaired runs is read in linear time.
func (p *parser) emphasis(ds []delim) {
	var stack []delim
	bottom := map[rune]int{}
	for _, d := range ds {
		for d.cls && d.n > 0 {
			k := len(stack) - 1
			for k >= bottom[d.c] && stack[k].c != d.c {
				k--
			}
			if k < bottom[d.c] {
				bottom[d.c] = len(stack)
				break
			}
			o := &stack[k]
			use := min(o.n, d.n)
			p.mark(o.pos+o.n-use, o.pos+o.n, 0)
			p.mark(d.pos, d.pos+use, 0)
			o.n -= use
			d.pos, d.n = d.pos+use, d.n-use
			stack = stack[:k+1]
			if o.n == 0 {
				stack = stack[:k]
			}
			for c, h := range bottom {
				bottom[c] = min(h, len(stack))
			}
		}
		if d.open && d.n > 0 {
			stack = append(stack, d)
		}
	}
}

func isASCIIPunct(r rune) bool {
	return r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
}

func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

func isASCIIAlnum(r rune) bool { return isASCIILetter(r) || (r >= '0' && r <= '9') }
