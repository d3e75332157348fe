package cjk

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWidthEveryRune checks the shortcut against ansi.StringWidth for
// every code point of the BMP, alone and between other characters and
// styles.
func TestWidthEveryRune(t *testing.T) {
	standalone := 0
	for r := rune(0); r < 1<<16; r++ {
		s := string(r)
		for _, text := range []string{s, "a" + s + "b", "中" + s + s + "。", "\x1b[1;38;2;1;2;3m" + s + "\x1b[m" + s, s + "\u0301", "\u1100" + s + "\u11a8"} {
			if got, want := Width(text), ansi.StringWidth(text); got != want {
				t.Fatalf("Width(%q) = %d, ansi.StringWidth = %d", text, got, want)
			}
		}
		if _, ok := runeWidth(r); ok {
			standalone++
		}
	}
	if standalone < 50000 {
		t.Errorf("only %d standalone code points: the shortcut would rarely apply", standalone)
	}
	for r := rune(0x20); r < 0x7f; r++ {
		if w, ok := runeWidth(r); !ok || w != 1 {
			t.Errorf("%q: width %d, standalone %v; fastWidth counts ASCII as 1", r, w, ok)
		}
	}
}

// TestWidthRandom compares the shortcut with ansi.StringWidth on random
// mixes of standalone characters, characters that join their neighbours
// and escape sequences.
func TestWidthRandom(t *testing.T) {
	pool := []string{
		"a", " ", "~", "中", "国", "。", "，", "（", "》", "“", "…", "·", "─", "│", "┃", "▌", "●", "○", "◆", "≈", "≡", "✎", "⊙", "›", "−", "█", "░",
		"\u3000", "ｱ", "ﾞ", "é", "e\u0301", "\u0301", "\u200d", "\u200b", "\u2060", "\ufe0f", "\ufeff", "👍", "👍🏽", "👨\u200d👩", "🇨🇳", "\U00020000",
		"가", "\u1100", "\u1161", "\u11a8", "\u0915\u094d\u0937", "\u0e33", "\u0600", "\r\n", "\t", "\n", "\x7f", "\u0085", "\u00ad",
		"\x1b[m", "\x1b[1m", "\x1b[38;2;10;20;30m", "\x1b[4:3m", "\x1b]8;;http://x\x07", "\x1b[?25l", "\x1b", "\xff", "\xe4\xb8",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	f.Add("中文\x1b[1m粗体\x1b[m abc")
	f.Add("e\u0301\u200d👍🏽🇨🇳")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	})
}

func BenchmarkWidth(b *testing.B) {
	line := strings.Repeat("\x1b[1;38;2;255;158;100m依法行政\x1b[m，推进严格规范公正文明执法 ", 4)
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			Width(line)
		}
	})
	b.Run("ansi", func(b *testing.B) {
		for b.Loop() {
			ansi.StringWidth(line)
		}
	})
}

// TestTruncateRandom compares Truncate and Pad's cut with ansi.Truncate.
func TestTruncateRandom(t *testing.T) {
	pool := []string{
		"a", " ", "中", "。", "（", "…", "─", "●", "\u200b", "\u3000", "\x1b[m", "\x1b[1;4m", "\x1b[38;2;10;20;30m",
		"e\u0301", "👍", "1\ufe0f\u20e3", "가", "\x1b]8;;x\x07",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for n := rng.IntN(14); n >= 0; n-- {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		for _, tail := range []string{"", "…", "..", "中"} {
			n := rng.IntN(16) - 1
			if got, want := ansiTruncate(s, n, tail), ansi.Truncate(s, n, tail); got != want {
				t.Fatalf("ansiTruncate(%q, %d, %q) = %q, ansi.Truncate = %q", s, n, tail, got, want)
			}
		}
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("中文\x1b[1m粗体\x1b[m abc", 5, "…")
	f.Fuzz(func(t *testing.T, s string, n int, tail string) {
		if got, want := ansiTruncate(s, n, tail), ansi.Truncate(s, n, tail); got != want {
			t.Fatalf("ansiTruncate(%q, %d, %q) = %q, ansi.Truncate = %q", s, n, tail, got, want)
		}
	})
}
