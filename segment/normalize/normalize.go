// Package normalize makes text comparable across scripts and typography while
// keeping a map back to the original, so that a difference found in the
// normalized text can be shown at its exact place in the source document.
//
// Normalize converts Traditional characters to Simplified with OpenCC's
// dictionaries (embedded, see data/NOTICE), replaces Taiwan-style wording
// that such a conversion leaves behind (data/taiwan.tsv), folds full-width
// ASCII to half-width, unifies Chinese punctuation and spaces, and drops
// invisible characters. Every normalized rune remembers the span of original
// code points it came from (Text.Orig).
//
// Simplified input is left alone: the Traditional-only parts of the
// conversion (characters that are also valid Simplified such as 乾 or 於,
// OpenCC phrases made only of Simplified characters such as 答覆, and the
// whole Taiwan table, whose words 档案, 民众, 品质 are ordinary mainland
// words) apply only to text that IsTraditional reports as Traditional.
//
// The embedded data is parsed once, on first use.
package normalize

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Text is normalized text plus, for every normalized rune, the span of
// original code points it came from.
type Text struct {
	runes       []rune
	start, end  []int32 // span in original code points of runes[i]
	n           int     // number of code points of the original
	traditional bool
}

// Traditional reports whether the original was Traditional text (as
// IsTraditional decides), known once Normalize has run.
func (t *Text) Traditional() bool { return t.traditional }

// String returns the normalized text.
func (t *Text) String() string { return string(t.runes) }

// Runes returns the normalized text as runes. The slice is shared with t and
// must not be modified.
func (t *Text) Runes() []rune { return t.runes }

// Len returns the number of normalized runes.
func (t *Text) Len() int { return len(t.runes) }

// Orig maps the normalized rune span [a,b) to the original code point span
// [start,end); code points are counted as in []rune(original), so an invalid
// UTF-8 byte counts as one. a==b gives an empty span at the right place:
// where normalized rune a starts, or the end of the original when a==Len().
//
// Spans are monotone: Orig(i,i+1) never starts or ends before
// Orig(i-1,i). Each normalized rune maps to a non-empty span. A rune produced
// by a phrase replacement of different length (許可權→权限) maps to the whole
// span of the part of the phrase that changed; invisible characters that were
// dropped belong to the next rune (the last one for those at the end), so
// Orig(0, Len()) is [0, number of original code points) whenever Len() > 0.
//
// Orig panics unless 0 <= a <= b <= Len().
func (t *Text) Orig(a, b int) (start, end int) {
	if a < 0 || b < a || b > len(t.runes) {
		panic(fmt.Sprintf("normalize: Orig(%d, %d) out of range [0, %d]", a, b, len(t.runes)))
	}
	if a == b {
		if a == len(t.runes) {
			return t.n, t.n
		}
		s := int(t.start[a])
		return s, s
	}
	return int(t.start[a]), int(t.end[b-1])
}

// Options select the stages; the zero value means all on. Use it as
// Options{KeepPunctuation: true}.Normalize(s).
type Options struct {
	KeepTraditional bool // no Traditional→Simplified conversion (nor the Taiwan table)
	KeepTaiwan      bool // no Taiwan wording table
	KeepFullWidth   bool // no full-width → half-width folding (Ａ, ０, （ and ， stay)
	KeepPunctuation bool // no punctuation unification (【】, 「」 stay; full-width （，still fold unless KeepFullWidth)
	KeepSpaces      bool // no space unification: NBSP, U+3000, tabs, "\r\n" stay
	KeepInvisible   bool // no removal of zero-width characters, BOM and other invisible ones
}

// Normalize runs these stages: Traditional→Simplified (OpenCC phrases
// first, longest match, then characters) and, for text that IsTraditional,
// the Taiwan wording table (許可權→权限, 程式→程序, 格線化→网格化);
// full-width ASCII → half-width (Ａ→A, ０→0); Chinese punctuation unified to
// one canonical form each (（→( ）→) ，→, ：→: ；→; ！→! ？→? 【】〔〕〖〗→[]
// 「」→“” 『』→‘’ ‧・→·; 。、《》“” and the dashes ―— are kept); every space
// character (NBSP, U+2000–U+200A, U+202F, U+3000, tabs ...) → ASCII space;
// zero-width characters, BOM and other invisible formatting characters
// (Unicode Cf, variation selectors) removed. Newlines are kept as '\n', each
// mapping to itself; "\r\n" and a lone '\r' become one '\n'.
//
// The per-character stages never touch Han characters and the dictionaries
// hold only Han characters (a test checks both), so the stages commute; they
// are run first so that an invisible character inside a word does not stop
// the word from being converted (程\u200b式 → 程序).
func Normalize(original string) *Text {
	return Options{}.Normalize(original)
}

// Normalize is Normalize with the stages that o keeps left out.
func (o Options) Normalize(original string) *Text {
	d := load()
	in := o.fold(original)
	out, trad := in, false
	if !o.KeepTraditional {
		out, trad = d.simplify(in, !o.KeepTaiwan)
	}
	return &Text{runes: out.r, start: out.s, end: out.e, n: in.n, traditional: trad}
}

// Simplified converts Traditional to Simplified (OpenCC phrases and
// characters, then the Taiwan wording table) without the other stages; for
// display toggles and search. Simplified input comes back unchanged but for
// stray unambiguous Traditional characters (後→后).
//
// As with Normalize, whether s counts as Traditional, and so gets the Taiwan
// table and the conversions that would harm Simplified text, is decided on s
// alone: pass sentences or whole documents, not isolated words.
// Simplified("規範督導檢查程式") is "规范督导检查程序", but Simplified("程式")
// is "程式", a word of Simplified text too.
func Simplified(s string) string {
	d := load()
	r := []rune(s)
	out, _ := d.simplify(seq{r: r, n: len(r)}, true)
	return string(out.r)
}

// IsTraditional reports whether s is written in Traditional characters: more
// than 5% of its Han characters are ones that OpenCC's TSCharacters converts
// (not counting characters that are valid Simplified too, such as 乾 or 於,
// nor those inside phrases that OpenCC keeps, such as 哪吒).
func IsTraditional(s string) bool {
	d := load()
	r := []rune(s)
	st := d.tsPass(seq{r: r, n: len(r)}, true)
	return st.traditional()
}

// tradPercent is the share of Han characters above which text is Traditional.
const tradPercent = 5

// seq is a run of runes with, when s is not nil, the original span [s[i],
// e[i]) of each; n is the number of original code points.
type seq struct {
	r    []rune
	s, e []int32
	n    int
}

func (q *seq) tracked() bool { return q.s != nil }

// emit appends rune r with span [s,e); the span is ignored when q does not
// track spans.
func (q *seq) emit(r rune, s, e int32) {
	q.r = append(q.r, r)
	if q.s != nil {
		q.s = append(q.s, s)
		q.e = append(q.e, e)
	}
}

// copyRune appends in.r[i] (or r in its place) with the span of in.r[i].
func (q *seq) copyRune(in *seq, i int, r rune) {
	q.r = append(q.r, r)
	if q.s != nil {
		q.s = append(q.s, in.s[i])
		q.e = append(q.e, in.e[i])
	}
}

// fold applies the per-character stage to the original string and sets up
// the spans.
func (o *Options) fold(original string) seq {
	q := newSeq(utf8.RuneCountInString(original), true, 0)
	i := int32(0)        // code point index in the original
	pending := int32(-1) // first dropped code point not yet attached, or -1
	for j := 0; j < len(original); {
		r, size := rune(original[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(original[j:])
		}
		j += size
		out, drop := r, false
		switch {
		case r != '\r':
			out, drop = o.foldRune(r)
		case o.KeepSpaces:
		case j < len(original) && original[j] == '\n':
			drop = true // "\r\n": the '\n' stands for both
		default:
			out = '\n'
		}
		if drop {
			if pending < 0 {
				pending = i
			}
		} else {
			s := i
			if pending >= 0 {
				s, pending = pending, -1
			}
			q.r = append(q.r, out)
			q.s = append(q.s, s)
			q.e = append(q.e, i+1)
		}
		i++
	}
	q.n = int(i)
	if pending >= 0 && len(q.e) > 0 {
		q.e[len(q.e)-1] = i // trailing invisibles belong to the last rune
	}
	return q
}

// stats counts what the Traditional→Simplified pass saw.
type stats struct {
	out seq
	han int // Han characters in the input
	// trad counts Han characters converted by TSCharacters that are not
	// valid Simplified characters (and not kept by an identity phrase).
	trad int
	// tradOnly reports that the pass did something that only Traditional
	// text gets (an ambiguous character or a phrase without simpOK).
	tradOnly bool
}

func (st *stats) traditional() bool {
	return st.han > 0 && st.trad*100 > st.han*tradPercent
}

// simplify runs Traditional→Simplified and, for Traditional text when
// taiwan is set, the Taiwan table.
// It reports whether in was Traditional.
func (d *dicts) simplify(in seq, taiwan bool) (seq, bool) {
	st := d.tsPass(in, true)
	if st.traditional() {
		if taiwan {
			return d.twPass(st.out), true
		}
		return st.out, true
	}
	if !st.tradOnly {
		return st.out, false // the Simplified-mode pass would give the same result
	}
	return d.tsPass(in, false).out, false
}

// tsPass converts in with TSPhrases (longest match first) and TSCharacters.
// When trad is false only the parts safe for Simplified text apply.
func (d *dicts) tsPass(in seq, trad bool) stats {
	st := stats{out: newSeq(len(in.r), in.tracked(), in.n)}
	out := &st.out
	var buf []byte
	for i := 0; i < len(in.r); {
		r := in.r[i]
		if r < 0x2E80 { // below every CJK block: nothing to convert
			out.copyRune(&in, i, r)
			i++
			continue
		}
		han := isHan(r)
		if han {
			st.han++
		}
		info := d.get(r)
		if info == (runeInfo{}) {
			out.copyRune(&in, i, r)
			i++
			continue
		}
		if info.tsMax > 0 {
			var p *phrase
			var l int
			p, l, buf = longest(d.ts, in.r[i:], int(info.tsMax), buf, trad)
			if p != nil {
				for k, c := range in.r[i : i+l] {
					if k > 0 && isHan(c) {
						st.han++
					}
					if ci := d.get(c); !p.identity && ci.to != 0 && !ci.ambiguous {
						st.trad++
					}
				}
				if !p.simpOK {
					st.tradOnly = true
				}
				replace(out, &in, i, l, p.to)
				i += l
				continue
			}
		}
		switch {
		case info.to == 0, info.ambiguous && !trad:
			out.copyRune(&in, i, r)
		default:
			if info.ambiguous {
				st.tradOnly = true
			} else if han {
				st.trad++
			}
			out.copyRune(&in, i, info.to)
		}
		i++
	}
	return st
}

// twPass applies the Taiwan wording table, longest match first.
func (d *dicts) twPass(in seq) seq {
	out := newSeq(len(in.r), in.tracked(), in.n)
	var buf []byte
	for i := 0; i < len(in.r); {
		r := in.r[i]
		if r >= 0x2E80 {
			if info := d.get(r); info.twMax > 0 {
				var p *phrase
				var l int
				p, l, buf = longest(d.tw, in.r[i:], int(info.twMax), buf, true)
				if p != nil {
					replace(&out, &in, i, l, p.to)
					i += l
					continue
				}
			}
		}
		out.copyRune(&in, i, r)
		i++
	}
	return out
}

// longest finds the longest key of m that is a prefix of r, at least two and
// at most maxLen runes long. Keys are looked up by their UTF-8 bytes in buf,
// so the lookups do not allocate. When trad is false only simpOK entries
// count.
func longest(m map[string]*phrase, r []rune, maxLen int, buf []byte, trad bool) (*phrase, int, []byte) {
	var best *phrase
	bestLen := 0
	buf = buf[:0]
	for k := 0; k < maxLen && k < len(r); k++ {
		buf = utf8.AppendRune(buf, r[k])
		if k == 0 {
			continue // keys are at least two runes long
		}
		p := m[string(buf)]
		if p == nil {
			break // no key starts with r[:k+1]
		}
		if p.to != nil && (trad || p.simpOK) {
			best, bestLen = p, k+1
		}
		if !p.longer {
			break
		}
	}
	return best, bestLen, buf
}

// replace emits to in place of in.r[i:i+l]. Runes shared at the start or the
// end of the phrase keep their own spans; the changed middle maps rune for
// rune when it keeps its length, and otherwise every output rune gets the
// span of the whole changed middle (許可權→权限: both runes map to 許可權).
func replace(out *seq, in *seq, i, l int, to []rune) {
	if !out.tracked() {
		out.r = append(out.r, to...)
		return
	}
	src := in.r[i : i+l]
	p := 0
	for p < len(src) && p < len(to) && src[p] == to[p] {
		p++
	}
	q := 0
	for q < len(src)-p && q < len(to)-p && src[len(src)-1-q] == to[len(to)-1-q] {
		q++
	}
	// Keep both middles non-empty, so that no output rune lacks a source
	// and no source rune lacks an output.
	for (len(src)-p-q == 0 || len(to)-p-q == 0) && p+q > 0 {
		if p > 0 {
			p--
		} else {
			q--
		}
	}
	for k := 0; k < p; k++ {
		out.copyRune(in, i+k, to[k])
	}
	ms, me := i+p, i+l-q // middle of the source
	mt := to[p : len(to)-q]
	if me-ms == len(mt) {
		for k, r := range mt {
			out.copyRune(in, ms+k, r)
		}
	} else {
		s, e := in.s[ms], in.e[me-1]
		for _, r := range mt {
			out.emit(r, s, e)
		}
	}
	for k := 0; k < q; k++ {
		out.copyRune(in, i+l-q+k, to[len(to)-q+k])
	}
}

func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x2E80 && unicode.Is(unicode.Han, r))
}

func newSeq(capacity int, track bool, n int) seq {
	q := seq{r: make([]rune, 0, capacity), n: n}
	if track {
		q.s = make([]int32, 0, capacity)
		q.e = make([]int32, 0, capacity)
	}
	return q
}

// Edit returns a copy of t with runes replaced or dropped: edit is called
// with each rune's index and value and returns the rune to put in its place,
// or -1 to drop it. Kept runes keep their spans. A dropped rune belongs to no
// rune of the copy (unlike the invisible characters Normalize drops, which
// join the next rune), so that a span of the copy never starts or ends on
// dropped text; Orig(0, Len()) of the copy may therefore be shorter than the
// original. Markdown syntax is hidden this way: `**要求**` reads as 要求 and a
// span of it is exactly 要求 in the source.
func (t *Text) Edit(edit func(i int, r rune) rune) *Text {
	out := &Text{
		runes: make([]rune, 0, len(t.runes)),
		start: make([]int32, 0, len(t.runes)),
		end:   make([]int32, 0, len(t.runes)),
		n:     t.n, traditional: t.traditional,
	}
	for i, r := range t.runes {
		if r = edit(i, r); r < 0 {
			continue
		}
		out.runes = append(out.runes, r)
		out.start = append(out.start, t.start[i])
		out.end = append(out.end, t.end[i])
	}
	return out
}
