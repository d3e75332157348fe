package cjk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func lines(text string, width int) []string {
	rs := []rune(text)
	var out []string
	for _, r := range Wrap(text, width) {
		out = append(out, string(rs[r.Start:r.End]))
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "加强立法工作", 12, []string{"加强立法工作"}},
		{"plain break", "加强立法工作提高质量", 8, []string{"加强立法", "工作提高", "质量"}},
		{"comma never starts a line", "加强立法，提高质量", 8, []string{"加强立", "法，提高", "质量"}},
		{"full stop never starts a line", "一二三四。五六", 8, []string{"一二三", "四。五六"}},
		{"opening bracket never ends a line", "一二三（四五）", 8, []string{"一二三", "（四五）"}},
		{"closing bracket and comma", "一二三四）、五", 8, []string{"一二三", "四）、五"}},
		{"only punctuation keeps its break", "。。。。。。", 4, []string{"。。", "。。", "。。"}},
		{"odd width leaves a cell", "一二三四五", 5, []string{"一二", "三四", "五"}},
		{"mixed ascii", "2021-2025年规划", 6, []string{"2021-2", "025年", "规划"}},
		{"width one still progresses", "一二", 1, []string{"一", "二"}},
		{"empty", "", 10, []string{""}},
		{"spaces kept", "a b  c", 3, []string{"a b", "  c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lines(tt.text, tt.width)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapProperties checks on a long real paragraph that every rune is
// kept in order, no line is too wide and no line starts with closing
// punctuation where it could have been avoided.
func TestWrapProperties(t *testing.T) {
	para := strings.Repeat("坚持严格执法，推进公正司法，构建公正权威的市域法治实施体系。（牵头单位：市司法局；参加单位：市中级人民法院、市人民检察院）", 40)
	for _, w := range []int{2, 3, 7, 10, 20, 33, 80, 159} {
		rs := []rune(para)
		prev := 0
		for i, r := range Wrap(para, w) {
			if r.Start != prev || r.End <= r.Start {
				t.Fatalf("width %d: line %d is %v after %d", w, i, r, prev)
			}
			prev = r.End
			s := string(rs[r.Start:r.End])
			if Width(s) > w {
				t.Fatalf("width %d: line %d %q is %d wide", w, i, s, Width(s))
			}
			if w >= 6 && r.Start > 0 && NoStart(rs[r.Start]) {
				t.Errorf("width %d: line %d starts with %q", w, i, rs[r.Start])
			}
			if w >= 6 && r.End < len(rs) && NoEnd(rs[r.End-1]) {
				t.Errorf("width %d: line %d ends with %q", w, i, rs[r.End-1])
			}
		}
		if prev != len(rs) {
			t.Fatalf("width %d: wrapped %d of %d runes", w, prev, len(rs))
		}
	}
}

func TestLines(t *testing.T) {
	text := "一二三四五\n\n六七"
	got := Lines(text, 4)
	want := []Range{{0, 2}, {2, 4}, {4, 5}, {6, 6}, {7, 9}}
	if len(got) != len(want) {
		t.Fatalf("Lines = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("Lines = %v, want %v", got, want)
		}
	}
}

func TestPadTruncate(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Pad("汕头", 6), "汕头  "},
		{Pad("汕头市人大", 6), "汕头… "},
		{PadLeft("12", 4), "  12"},
		{Truncate("汕头市人大", 5, "…"), "汕头…"},
		{Truncate("汕头", 4, "…"), "汕头"},
		{Center("ab", 6), "  ab  "},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("加强立法，提高质量。（牵头单位：市司法局）", 5)
	f.Add("a\u3000b\u00a0c", 1)
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\x1b") || w < 2 || w > 200 {
			return
		}
		rs := []rune(s)
		prev := 0
		for _, r := range Wrap(s, w) {
			if r.Start != prev {
				t.Fatalf("gap at %d", prev)
			}
			prev = r.End
		}
		if prev != len(rs) {
			t.Fatalf("wrapped %d of %d runes", prev, len(rs))
		}
	})
}
