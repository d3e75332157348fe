package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"citydiff/tui/cjk"
)

// input is a one-line text field that gets Chinese right: the text is
// runes, the cursor an index into them, and its position on screen is
// measured with the TUI's one width function, so a wide character never
// puts the cursor in the wrong cell (bubbles' textinput does, #906).
type input struct {
	runes   []rune
	pos     int
	focused bool
	max     int // the most runes it holds; 0: no limit
}

func (in input) value() string { return string(in.runes) }

func (in input) setValue(s string) input {
	in.runes = []rune(s)
	if in.max > 0 && len(in.runes) > in.max {
		in.runes = in.runes[:in.max]
	}
	in.pos = len(in.runes)
	return in
}

// update edits the text; changed reports whether the value changed.
func (in input) update(msg tea.Msg) (input, bool) {
	if !in.focused {
		return in, false
	}
	before := in.value()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in = in.insert(msg.Content)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "ctrl+h":
			if in.pos > 0 {
				in.runes = append(in.runes[:in.pos-1:in.pos-1], in.runes[in.pos:]...)
				in.pos--
			}
		case "delete", "ctrl+d":
			if in.pos < len(in.runes) {
				in.runes = append(in.runes[:in.pos:in.pos], in.runes[in.pos+1:]...)
			}
		case "left", "ctrl+b":
			in.pos = max(0, in.pos-1)
		case "right", "ctrl+f":
			in.pos = min(len(in.runes), in.pos+1)
		case "home", "ctrl+a":
			in.pos = 0
		case "end", "ctrl+e":
			in.pos = len(in.runes)
		case "ctrl+u":
			in.runes = append([]rune(nil), in.runes[in.pos:]...)
			in.pos = 0
		case "ctrl+k":
			in.runes = in.runes[:in.pos]
		case "ctrl+w", "alt+backspace":
			i := in.pos
			for i > 0 && unicode.IsSpace(in.runes[i-1]) {
				i--
			}
			for i > 0 && !unicode.IsSpace(in.runes[i-1]) {
				i--
			}
			in.runes = append(in.runes[:i:i], in.runes[in.pos:]...)
			in.pos = i
		default:
			if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
				in = in.insert(msg.Text)
			}
		}
	}
	return in, in.value() != before
}

func (in input) insert(s string) input {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	add := []rune(s)
	if in.max > 0 {
		add = add[:min(len(add), max(0, in.max-len(in.runes)))]
	}
	out := make([]rune, 0, len(in.runes)+len(add))
	out = append(out, in.runes[:in.pos]...)
	out = append(out, add...)
	out = append(out, in.runes[in.pos:]...)
	in.runes = out
	in.pos += len(add)
	return in
}

// View draws the field in width cells, scrolled so the cursor shows; the
// cursor is the reversed cell under it.
func (in input) View(st *Styles, width int, placeholder string) string {
	if width < 2 {
		return ""
	}
	if len(in.runes) == 0 && !in.focused {
		return st.Muted.Render(cjk.Truncate(placeholder, width, "…"))
	}
	// Scroll: start as far left as lets the text up to the cursor (and
	// the cursor cell) fit, measuring each rune once.
	start, used := in.pos, 1
	for start > 0 {
		w := cjk.Width(string(in.runes[start-1]))
		if used+w > width {
			break
		}
		start, used = start-1, used+w
	}
	var b strings.Builder
	used = 0
	for i := start; i <= len(in.runes); i++ {
		ch := " "
		if i < len(in.runes) {
			ch = string(in.runes[i])
		} else if !in.focused {
			break
		}
		w := cjk.Width(ch)
		if used+w > width {
			break
		}
		used += w
		if in.focused && i == in.pos {
			b.WriteString(st.InputCursor.Render(ch))
		} else {
			b.WriteString(st.Input.Render(ch))
		}
	}
	if len(in.runes) == 0 && placeholder != "" && width-used > 2 {
		b.WriteString(" " + st.Muted.Render(cjk.Truncate(placeholder, width-used-1, "…")))
	}
	return b.String()
}
