package cjk

import (
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// ansi.StringWidth finds the grapheme cluster at every printable character
// and measures it, which costs far more than the text's length: it was the
// largest part of drawing a frame. Nearly all of what the TUI measures is
// made of characters that form a cluster of their own whatever their
// neighbours (Han, kana, CJK and ASCII punctuation, box drawing, most
// symbols: Grapheme_Cluster_Break Other or Control), styled with SGR
// sequences. For such text the width is the sum of each character's width,
// and each character's width is what ansi.StringWidth says of it alone.
// fastWidth sums those, learning each character's width from
// ansi.StringWidth the first time it meets it; anything else (combining
// marks, joiners, regional indicators, Hangul jamo, characters beyond the
// BMP, other escape sequences) goes to ansi.StringWidth whole. So the
// widths are ansi.StringWidth's, the one width of the TUI.

// runeInfo is, per BMP code point: 0 not classified yet, 1 not standalone,
// 2+w standalone of width w. It is a memo of a pure function, shared by
// every program in the process; atomics keep concurrent fills race-free
// (racing writers store the same value).
var runeInfo [1 << 16]atomic.Uint32

// fastWidth is ansi.StringWidth(s) when s holds only standalone characters
// and SGR sequences; ok is false otherwise.
func fastWidth(s string) (w int, ok bool) {
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b >= 0x20 && b < 0x7f:
			w++
			i++
		case b == 0x1b:
			n := sgrLen(s[i:])
			if n == 0 {
				return 0, false
			}
			i += n
		case b < 0x80:
			return 0, false
		default:
			// Inline for Han and CJK punctuation, which make most of the
			// text: three bytes, in the table.
			var r rune
			size := 3
			if i+2 < len(s) && b&0xf0 == 0xe0 && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
				r = rune(b&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
				if r < 0x800 || r >= 0xd800 && r < 0xe000 {
					return 0, false
				}
			} else {
				r, size = decodeRune(s[i:])
				if size == 0 || r >= 1<<16 {
					return 0, false
				}
			}
			v := runeInfo[r].Load()
			if v < 2 {
				if v == 0 {
					v = classify(r)
					runeInfo[r].Store(v)
				}
				if v == 1 {
					return 0, false
				}
			}
			w += int(v - 2)
			i += size
		}
	}
	return w, true
}

// decodeRune is utf8.DecodeRuneInString with the three-byte sequences of
// Han and CJK punctuation decoded inline; size is 0 for invalid UTF-8.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xf0 == 0xe0 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 {
		r := rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
		if r >= 0x800 && (r < 0xd800 || r >= 0xe000) {
			return r, 3
		}
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 {
		return 0, 0
	}
	return r, size
}

// sgrParam are the bytes of an SGR sequence's parameters.
var sgrParam = [256]bool{'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true, ';': true, ':': true}

// sgrLen is the length of the SGR sequence (ESC [ parameters m) s starts
// with, or 0 when it starts with anything else.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	i := 2
	for i < len(s) && sgrParam[s[i]] {
		i++
	}
	if i < len(s) && s[i] == 'm' {
		return i + 1
	}
	return 0
}

// runeWidth is the width of r when r is a standalone character.
func runeWidth(r rune) (int, bool) {
	if r < 0 || r >= 1<<16 {
		return 0, false
	}
	v := runeInfo[r].Load()
	if v == 0 {
		v = classify(r)
		runeInfo[r].Store(v)
	}
	if v == 1 {
		return 0, false
	}
	return int(v - 2), true
}

// classify tells whether r is a grapheme cluster of its own next to any
// other standalone character, by asking the segmenter ansi.StringWidth
// uses: r must not join a letter before it (Extend, ZWJ, SpacingMark) or
// after it (Prepend), itself (Regional_Indicator, Hangul L, V, T), a
// trailing jamo (LV, LVT, V) or a leading one (V, LV, LVT). What passes is
// Other or Control, which UAX #29 separates from any such neighbour.
// ASCII and C1 controls are left to ansi.StringWidth: its parser acts on
// them.
func classify(r rune) uint32 {
	if r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0xd800 && r < 0xe000 || !utf8.ValidRune(r) {
		return 1
	}
	s := string(r)
	for _, p := range [][2]string{{"a" + s, "a"}, {s + "a", s}, {s + s, s}, {s + "\u11a8", s}, {"\u1100" + s, "\u1100"}} {
		if c, _ := ansi.FirstGraphemeCluster(p[0], ansi.GraphemeWidth); c != p[1] {
			return 1
		}
	}
	return uint32(2 + ansi.StringWidth(s))
}

// truncate is ansi.Truncate(s, length, tail) when s and tail hold only
// standalone characters and SGR sequences (ok is false otherwise). It
// follows ansi.Truncate step by step: characters are kept while they fit
// in length less the tail's width, the tail goes where the first one does
// not, and every escape sequence is kept, also after the cut.
func truncate(s string, length int, tail string) (string, bool) {
	sw, ok := fastWidth(s)
	if !ok {
		return "", false
	}
	if sw <= length {
		return s, true
	}
	tw, ok := fastWidth(tail)
	if !ok {
		return "", false
	}
	length -= tw
	if length < 0 {
		return "", true
	}
	var b []byte
	cur := 0
	ignoring := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n := sgrLen(s[i:])
			b = append(b, s[i:i+n]...)
			i += n
		case c < 0x80: // printable ASCII: fastWidth let nothing else through
			if cur >= length && !ignoring {
				ignoring = true
				b = append(b, tail...)
			}
			if !ignoring {
				cur++
				b = append(b, c)
			}
			i++
		default:
			r, size := decodeRune(s[i:])
			w, _ := runeWidth(r)
			cur += w
			if !ignoring && cur > length {
				ignoring = true
				b = append(b, tail...)
			}
			if !ignoring {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return string(b), true
}
