// Package cjk lays out Chinese text for a terminal: it wraps by display
// width with line-breaking rules for CJK punctuation (kinsoku), and measures,
// truncates and pads with one width function.
//
// Chinese has no spaces, so word wrapping would never break a run of Han
// characters; Wrap hard-wraps at grapheme boundaries with ansi.Hardwrap and
// then moves breaks so that closing punctuation (。，、）」…) never starts a
// line and opening punctuation (（「《…) never ends one. Every width in the
// TUI is ansi.StringWidth's, never another width table's, so that layout
// and wrapping always agree (Width and Truncate get the same results
// faster for text whose characters are grapheme clusters of their own; see
// width.go).
//
// Wrap works on plain text and returns rune ranges rather than strings, so
// that a caller can style each visible line from spans into the original
// text: rendering costs per visible line, not per document.
package cjk

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the display width of s in terminal cells. It is the one width
// function of the TUI: ansi.StringWidth, with a shortcut that gives the
// same result without segmenting the text into grapheme clusters (see
// fastWidth).
func Width(s string) int {
	if w, ok := fastWidth(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

// Range is a half-open range [Start, End) of runes.
type Range struct{ Start, End int }

// noStart are the characters that must not begin a line: closing brackets
// and quotes, and the punctuation that follows what it marks.
const noStart = "。，、；：？！）」』》〉】〕］｝〗〙〛”’…‥·・﹑,.;:?!)]}%％～ー々ゝゞヽヾ"

// noEnd are the characters that must not end a line: opening brackets and
// quotes.
const noEnd = "（「『《〈【〔［｛〖〘〚“‘([{"

// NoStart reports whether r must not begin a line.
func NoStart(r rune) bool { return strings.ContainsRune(noStart, r) }

// NoEnd reports whether r must not end a line.
func NoEnd(r rune) bool { return strings.ContainsRune(noEnd, r) }

// window bounds how much text one ansi.Hardwrap call sees: breaks are
// taken from the front of the window and the rest re-wrapped, so a long
// paragraph (Shantou's whole body is one line) costs linear time.
const windowLines = 64

// Wrap breaks text (one paragraph: newlines are treated as ordinary
// characters and should be split beforehand) into lines at most width cells
// wide and returns each line's rune range. Every rune belongs to exactly one
// line, in order; no line is empty unless text is. A grapheme wider than
// width gets a line of its own.
func Wrap(text string, width int) []Range {
	rs := []rune(text)
	if len(rs) == 0 {
		return []Range{{0, 0}}
	}
	if width < 1 {
		width = 1
	}
	var out []Range
	pos := 0
	for pos < len(rs) {
		end := min(len(rs), pos+windowLines*width)
		chunk := string(rs[pos:end])
		if end == len(rs) && Width(chunk) <= width {
			out = append(out, Range{pos, end})
			break
		}
		lines := strings.Split(ansi.Hardwrap(chunk, width, true), "\n")
		// The window's last line may continue past the window; only the
		// lines before it are final (unless the window reaches the end).
		final := len(lines) - 1
		if end == len(rs) {
			final = len(lines)
		}
		if final == 0 {
			final = 1 // a window narrower than one line cannot happen, but never loop
		}
		start := pos
		for i := 0; i < final; i++ {
			n := utf8.RuneCountInString(lines[i])
			if n == 0 {
				continue
			}
			brk := start + n
			if brk < len(rs) {
				if b := adjust(rs, start, brk); b != brk {
					out = append(out, Range{start, b})
					start = b
					break // re-wrap from the moved break
				}
			}
			out = append(out, Range{start, brk})
			start = brk
		}
		if start == pos { // no progress: take what Hardwrap gave
			n := max(1, utf8.RuneCountInString(lines[0]))
			out = append(out, Range{pos, pos + n})
			start = pos + n
		}
		pos = start
	}
	return out
}

// adjust moves a line break at brk (the next line would start with rs[brk])
// earlier so that the next line does not start with a noStart character and
// this line does not end with a noEnd one. It never leaves the line empty:
// a line made only of such characters keeps its break.
func adjust(rs []rune, start, brk int) int {
	b := brk
	for b > start+1 && (NoStart(rs[b]) || NoEnd(rs[b-1])) {
		b--
	}
	if b == start+1 && (NoStart(rs[b]) || NoEnd(rs[b-1])) {
		return brk
	}
	return b
}

// Lines wraps text that may hold newlines: each paragraph is wrapped on its
// own. The ranges are in runes of the whole text; newlines belong to no
// line.
func Lines(text string, width int) []Range {
	var out []Range
	off := 0
	for _, para := range strings.Split(text, "\n") {
		n := utf8.RuneCountInString(para)
		for _, r := range Wrap(para, width) {
			out = append(out, Range{r.Start + off, r.End + off})
		}
		off += n + 1
	}
	return out
}

// Truncate cuts s (which may hold ANSI styles) to at most width cells,
// ending it with tail when something was cut.
func Truncate(s string, width int, tail string) string {
	if width <= 0 {
		return ""
	}
	if Width(s) <= width {
		return s
	}
	if Width(tail) > width {
		tail = ""
	}
	return ansiTruncate(s, width, tail)
}

// ansiTruncate is ansi.Truncate, without segmenting text made of
// standalone characters (see truncate).
func ansiTruncate(s string, width int, tail string) string {
	if t, ok := truncate(s, width, tail); ok {
		return t
	}
	return ansi.Truncate(s, width, tail)
}

// Pad cuts or pads s with spaces to exactly width cells.
func Pad(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := Width(s)
	if w > width {
		s = ansiTruncate(s, width, "…")
		w = Width(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// PadLeft right-aligns s in width cells.
func PadLeft(s string, width int) string {
	w := Width(s)
	if w >= width {
		return Truncate(s, width, "…")
	}
	return strings.Repeat(" ", width-w) + s
}

// Center centres s in width cells.
func Center(s string, width int) string {
	w := Width(s)
	if w >= width {
		return Truncate(s, width, "…")
	}
	left := (width - w) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", width-w-left)
}
