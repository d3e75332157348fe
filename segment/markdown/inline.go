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
func (p *parser) inline(a, b int) {
	var ds []delim
	skipFrom, skipTo := -1, -1 // a link's "](url)", jumped over once reached
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
			if j := p.findRun(i+n, b, '`', n); j >= 0 {
				p.mark(i, i+n, 0)
				p.mark(j, j+n, 0)
				i = j + n
			} else {
				i += n
			}
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
			if close, end := p.link(i, b); end > 0 {
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

// angle marks what starts with "<" at i: an HTML comment or tag (wholly
// syntax) or an autolink (its brackets). It returns where scanning goes on,
// or i when "<" is text (as in 《修改<关于议案的若干暂行规定>的决定》).
func (p *parser) angle(i, b int) int {
	rest := string(p.src[i:b])
	if strings.HasPrefix(rest, "<!--") {
		if k := strings.Index(rest[4:], "-->"); k >= 0 {
			e := i + len([]rune(rest[:4+k+3]))
			p.mark(i, e, 0)
			return e
		}
		return i
	}
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

// link reads a link or image whose text opens with "[" at i: it returns
// where "](url)" starts and ends, or end 0 when there is no link.
func (p *parser) link(i, b int) (close, end int) {
	depth := 0
	for j := i + 1; j < b; j++ {
		switch p.src[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
				continue
			}
			if j+1 >= b || p.src[j+1] != '(' {
				return 0, 0
			}
			paren := 0
			for k := j + 2; k < b; k++ {
				switch p.src[k] {
				case '(':
					paren++
				case ')':
					if paren == 0 {
						return j, k + 1
					}
					paren--
				}
			}
			return 0, 0
		}
	}
	return 0, 0
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
func (p *parser) emphasis(ds []delim) {
	var stack []delim
	for _, d := range ds {
		for d.cls && d.n > 0 {
			k := len(stack) - 1
			for k >= 0 && stack[k].c != d.c {
				k--
			}
			if k < 0 {
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
