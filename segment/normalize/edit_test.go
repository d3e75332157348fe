package normalize

import "testing"

// TestEdit hides Markdown syntax the way segment does: the kept runes keep
// their spans, so a span of the edited text is exactly its words in the
// source, with no syntax at either end.
func TestEdit(t *testing.T) {
	tests := []struct {
		name, src, want string
		hide            string // one byte per source rune: 'x' drops it, ' ' makes it a space, '.' keeps it
		span            [2]int // a span of the edited text …
		orig            string // … and the source it maps to
	}{
		{"emphasis", "加强**重点**工作", "加强重点工作", "..xx..xx..", [2]int{2, 4}, "重点"},
		{"heading marks", "## 第一章 總則", "第一章 总则", "xxx.......", [2]int{0, 6}, "第一章 總則"},
		{"table pipes", "|区|税额|", "区 税额", "x. ..x", [2]int{0, 4}, "区|税额"},
		{"nothing hidden", "第一条 为了", "第一条 为了", "......", [2]int{0, 6}, "第一条 为了"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.src)
			e := n.Edit(func(i int, r rune) rune {
				s, _ := n.Orig(i, i+1)
				switch tt.hide[s] {
				case 'x':
					return -1
				case ' ':
					return ' '
				}
				return r
			})
			if e.String() != tt.want {
				t.Fatalf("edited %q, want %q", e.String(), tt.want)
			}
			s, end := e.Orig(tt.span[0], tt.span[1])
			if got := string([]rune(tt.src)[s:end]); got != tt.orig {
				t.Errorf("Orig(%d,%d) = %q, want %q", tt.span[0], tt.span[1], got, tt.orig)
			}
			if e.Traditional() != n.Traditional() {
				t.Errorf("script decision lost")
			}
		})
	}
}
