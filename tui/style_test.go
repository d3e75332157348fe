package tui

import (
	"reflect"
	"testing"
)

// TestStyleRendersAsLipgloss checks Style.Render against lipgloss for
// every style and highlight combination of every palette.
func TestStyleRendersAsLipgloss(t *testing.T) {
	texts := []string{
		"", " ", "x", "加强立法工作", "  前后 空格  ", "全角\u3000空格", "a\tb", "一\n二", "\r\n", "…·≈●○▌",
		"\x1b[1m粗体\x1b[m 其余", "e\u0301 👍🏽 🇨🇳", "bad \xff utf-8", "(十一)严格规范公正文明执法。",
	}
	for _, dark := range []bool{true, false} {
		for _, mono := range []bool{false, true} {
			st := NewStyles(DefaultTheme(dark), mono)
			var styles []Style
			v := reflect.ValueOf(st).Elem()
			for i := 0; i < v.NumField(); i++ {
				if !v.Type().Field(i).IsExported() {
					continue // barShared, barOwn and help are added below
				}
				switch f := v.Field(i); {
				case f.Type() == reflect.TypeFor[Style]():
					styles = append(styles, f.Interface().(Style))
				case f.Type() == reflect.TypeFor[[5]Style]():
					for j := 0; j < f.Len(); j++ {
						styles = append(styles, f.Index(j).Interface().(Style))
					}
				}
			}
			styles = append(styles, st.barShared, st.barOwn, st.help.key, st.help.desc, st.help.sep, st.help.ellipsis)
			for m := mark(0); m < markCursor<<1; m++ {
				styles = append(styles, st.mark(m))
			}
			for i, s := range styles {
				for _, text := range texts {
					if got, want := s.Render(text), s.Style.Render(text); got != want {
						t.Fatalf("dark %v mono %v style %d: Render(%q) = %q, lipgloss %q", dark, mono, i, text, got, want)
					}
				}
			}
			// The shortcut must apply to the styles text is drawn in (not to
			// the padded tabs), or frames are slow again.
			for name, s := range map[string]Style{"Muted": st.Muted, "Selected": st.Selected, "shared few": st.mark(markSharedFew), "hit": st.mark(markHit | markPassage)} {
				if s.fast.codes == nil {
					t.Errorf("%s renders through lipgloss", name)
				}
			}
			if st.Tab.fast.codes != nil {
				t.Error("Tab has padding: lipgloss must render it")
			}
		}
	}
}
