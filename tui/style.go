package tui

import (
	"strings"
	"sync"
	"unicode"

	"charm.land/lipgloss/v2"
)

// Style is a lipgloss style that renders without lipgloss's layout work
// when it has none to do. Rendering was most of the cost of a frame:
// lipgloss.Style.Render reads every property, builds the escape sequences
// and runs its padding, alignment, border and margin steps on every call,
// and underlined or struck-through text is styled rune by rune.
//
// For a style without size, padding, margins, borders or a transform, and
// text without tabs or line breaks, lipgloss's result is fixed sequences
// around the text, or around each rune (spaces with their own sequences)
// when the style underlines or strikes through. newStyle learns those
// sequences by rendering probes with lipgloss and keeps them only when
// lipgloss's output on further probes is exactly what they predict; Render
// then writes them, byte for byte what lipgloss writes. Any other style or
// text goes to lipgloss.
type Style struct {
	lipgloss.Style
	fast *fastStyle // nil: always render with lipgloss
}

// fastStyle holds a style's sequences, learnt on its first Render (a
// program draws with a few of its styles only).
type fastStyle struct {
	once  sync.Once
	codes *styleCodes // nil when lipgloss must render
}

// styleCodes are the sequences lipgloss writes around text in a style.
type styleCodes struct {
	on, off           string // around the text, or around each rune but spaces
	spaceOn, spaceOff string // around each space, when perRune
	perRune           bool
	empty             string // what lipgloss renders for ""
}

func newStyle(ls lipgloss.Style) Style {
	return Style{Style: ls, fast: &fastStyle{}}
}

// learnCodes derives a style's sequences from lipgloss's own output, or
// returns nil when the style does more than wrap text in sequences.
func learnCodes(ls lipgloss.Style) *styleCodes {
	if ls.GetWidth() != 0 || ls.GetHeight() != 0 || ls.GetMaxWidth() != 0 || ls.GetMaxHeight() != 0 ||
		ls.GetHorizontalFrameSize() != 0 || ls.GetVerticalFrameSize() != 0 || ls.GetTransform() != nil {
		return nil
	}
	around := func(probe string) (string, string, bool) {
		out := ls.Render(probe)
		i := strings.Index(out, probe)
		if i < 0 {
			return "", "", false
		}
		return out[:i], out[i+len(probe):], true
	}
	c := &styleCodes{empty: ls.Render("")}
	var ok1, ok2 bool
	c.on, c.off, ok1 = around("x")
	c.spaceOn, c.spaceOff, ok2 = around(" ")
	if !ok1 || !ok2 {
		return nil
	}
	c.perRune = ls.Render("xx") != c.on+"xx"+c.off
	const probe = "x y中文\u3000，x \x1b[1m粗\x1b[mé "
	if ls.Render("xx") != c.render("xx") || ls.Render(probe) != c.render(probe) {
		return nil
	}
	return c
}

func (c *styleCodes) render(s string) string {
	if s == "" {
		return c.empty
	}
	if !c.perRune {
		return c.on + s + c.off
	}
	var b strings.Builder
	b.Grow(len(s) * (1 + len(c.on) + len(c.off)))
	for _, r := range s {
		if unicode.IsSpace(r) {
			b.WriteString(c.spaceOn)
			b.WriteRune(r)
			b.WriteString(c.spaceOff)
			continue
		}
		b.WriteString(c.on)
		b.WriteRune(r)
		b.WriteString(c.off)
	}
	return b.String()
}

// Render is lipgloss.Style.Render, faster.
func (s Style) Render(strs ...string) string {
	if s.fast == nil || len(strs) != 1 || strings.ContainsAny(strs[0], "\t\r\n") {
		return s.Style.Render(strs...)
	}
	s.fast.once.Do(func() { s.fast.codes = learnCodes(s.Style) })
	if s.fast.codes == nil {
		return s.Style.Render(strs...)
	}
	return s.fast.codes.render(strs[0])
}
