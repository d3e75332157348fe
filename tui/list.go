package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"citydiff/tui/cjk"
)

// scroller keeps a selection inside a window of rows: the state of every
// list in the TUI.
type scroller struct {
	sel, top int
	n        int // rows
	height   int // visible rows
}

func (s *scroller) setN(n int)      { s.n = n; s.clamp() }
func (s *scroller) setHeight(h int) { s.height = max(1, h); s.clamp() }
func (s *scroller) move(d int)      { s.sel += d; s.clamp() }
func (s *scroller) page(d int)      { s.move(d * max(1, s.height-1)) }
func (s *scroller) home()           { s.sel = 0; s.clamp() }
func (s *scroller) end()            { s.sel = s.n - 1; s.clamp() }

func (s *scroller) set(sel int) { s.sel = sel; s.clamp() }

// click handles a click on the row'th visible row (counted from the list's
// first visible row): a click on an unselected row selects it, a click on
// the selected row asks to open it. Clicks outside the visible rows do
// nothing.
func (s *scroller) click(row int) (open bool) {
	i := s.top + row
	if row < 0 || row >= s.height || i >= s.n {
		return false
	}
	if i == s.sel {
		return true
	}
	s.set(i)
	return false
}

// navigate moves the selection for the list keys (up, down, page up and
// down, top, bottom) and reports whether msg was one of them.
func (s *scroller) navigate(k *KeyMap, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.PageUp):
		s.page(-1)
	case key.Matches(msg, k.PageDown):
		s.page(1)
	case key.Matches(msg, k.Top):
		s.home()
	case key.Matches(msg, k.Bottom):
		s.end()
	default:
		return false
	}
	return true
}

// clamp keeps sel in range and visible, scrolling as little as possible.
func (s *scroller) clamp() {
	s.sel = max(0, min(s.sel, s.n-1))
	if s.height < 1 {
		s.height = 1
	}
	if s.sel < s.top {
		s.top = s.sel
	}
	if s.sel >= s.top+s.height {
		s.top = s.sel - s.height + 1
	}
	s.top = max(0, min(s.top, s.n-s.height))
}

// visible is the range of rows shown.
func (s *scroller) visible() (int, int) {
	return s.top, min(s.n, s.top+s.height)
}

// row draws one list row at exactly width cells: the selected row gets a
// bar and a highlighted background, so it shows without colour too.
func row(c *Common, selected bool, content string, width int) string {
	if width < 2 {
		return cjk.Pad("", width)
	}
	if selected {
		return c.Styles.CursorBar.Render("▌") + c.Styles.Selected.Render(cjk.Pad(content, width-1))
	}
	return " " + cjk.Pad(content, width-1)
}

// fit returns exactly h lines of at most w cells: cut or padded.
//
// A line that had to be cut is cut again, line by line, as the root's fit
// of the whole screen would cut it (ansi.Truncate can leave a keycap emoji
// a cell over): so fitting the result again to w changes nothing, and the
// root keeps the lines of a pane laid out at its width as they are.
func fit(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i >= len(lines) {
			continue
		}
		t := cjk.Truncate(lines[i], w, "")
		if t != lines[i] {
			parts := strings.Split(t, "\n")
			for j := range parts {
				parts[j] = cjk.Truncate(parts[j], w, "")
			}
			t = strings.Join(parts, "\n")
		}
		out[i] = t
	}
	return strings.Join(out, "\n")
}

// fitScreen is the root's fit of the whole screen: exactly h lines of at
// most w cells, where lines [from, to) come from a fit to w already and
// are kept as they are.
func fitScreen(lines []string, w, h, from, to int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		switch {
		case i >= len(lines):
		case i >= from && i < to:
			out[i] = lines[i]
		default:
			out[i] = cjk.Truncate(lines[i], w, "")
		}
	}
	return strings.Join(out, "\n")
}

// scrollbar returns the glyph for row i of a h-row window onto n rows
// starting at top: a thumb where the window is, a track elsewhere.
func scrollbar(c *Common, i, h, n, top int) string {
	if n <= h || h <= 0 {
		return " "
	}
	thumb := max(1, h*h/n)
	pos := (h - thumb) * top / max(1, n-h)
	if i >= pos && i < pos+thumb {
		return c.Styles.thumb
	}
	return c.Styles.track
}

// spaced joins cells with one space.
func spaced(cells ...string) string { return strings.Join(cells, " ") }

// title draws a pane's title line: the title, a muted subtitle, and a
// right-aligned note.
func title(c *Common, t, sub, right string, width int) string {
	left := " " + c.Styles.Title.Render(t)
	if sub != "" {
		left += "  " + c.Styles.Subtitle.Render(sub)
	}
	if right == "" {
		return cjk.Truncate(left, width, "…")
	}
	r := c.Styles.Subtitle.Render(right) + " "
	gap := width - cjk.Width(left) - cjk.Width(r)
	if gap < 2 {
		// Shorten the subtitle before giving up the note.
		left = cjk.Truncate(left, width-cjk.Width(r)-2, "…")
		gap = width - cjk.Width(left) - cjk.Width(r)
		if gap < 2 || cjk.Width(left) < cjk.Width(t)+2 {
			return cjk.Truncate(" "+c.Styles.Title.Render(t)+"  "+c.Styles.Subtitle.Render(sub), width, "…")
		}
	}
	return left + strings.Repeat(" ", gap) + r
}
