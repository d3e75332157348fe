package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Theme is the TUI's palette, named by what a colour means rather than
// what it looks like. Every colour has a light and a dark variant; New
// picks one from the terminal's background. Colour is never the only cue:
// Styles pairs each highlight with bold, underline, italic, reverse or a
// glyph, so NO_COLOR and monochrome terminals lose nothing.
type Theme struct {
	Accent     color.Color // the current tab, headings, the cursor bar
	Logo       color.Color // the logo pill's background
	SharedMany color.Color // text most of the other cities share
	SharedFew  color.Color // text a few other cities share
	Unique     color.Color // what no other city has
	Added      color.Color // words a clause adds to the base clause
	Removed    color.Color // words of the base clause a clause drops
	Passage    color.Color // reused passages (background tint)
	Hit        color.Color // search matches
	Muted      color.Color // secondary text, web chrome, absent cells
	Subtle     color.Color // rules and borders
	Selection  color.Color // background of the selected row or clause
	Error      color.Color
}

// DefaultTheme is citydiff's palette for a dark or light background.
func DefaultTheme(dark bool) Theme {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return Theme{
		Accent:     ld(c("#6D28D9"), c("#B4A0FF")),
		Logo:       ld(c("#7D56F4"), c("#7D56F4")),
		SharedMany: ld(c("#C2410C"), c("#FF9E64")),
		SharedFew:  ld(c("#A16207"), c("#E5C07B")),
		Unique:     ld(c("#0369A1"), c("#7DCFFF")),
		Added:      ld(c("#15803D"), c("#9ECE6A")),
		Removed:    ld(c("#BE123C"), c("#F7768E")),
		Passage:    ld(c("#FDE9D4"), c("#3D2E22")),
		Hit:        ld(c("#DB2777"), c("#FF6AC1")),
		Muted:      ld(c("#8A8F98"), c("#6B7089")),
		Subtle:     ld(c("#D4D4D8"), c("#3B4261")),
		Selection:  ld(c("#EDE9FE"), c("#2E3352")),
		Error:      ld(c("#B91C1C"), c("#FF5F5F")),
	}
}

// mark is a set of highlights on one stretch of text; runs of text with
// the same mark are styled once.
type mark uint16

const (
	markHeading mark = 1 << iota
	markChrome
	markSharedMany
	markSharedFew
	markUnique
	markPassage
	markHit
	markAdded
	markRemoved
	markCursor
)

// Styles are every style the panes draw with, built once from a Theme.
type Styles struct {
	Logo        lipgloss.Style
	Tab         lipgloss.Style
	ActiveTab   lipgloss.Style
	Rule        lipgloss.Style
	Title       lipgloss.Style
	Subtitle    lipgloss.Style
	Muted       lipgloss.Style
	Accent      lipgloss.Style
	Bold        lipgloss.Style
	Header      lipgloss.Style // table header
	Selected    lipgloss.Style // selected row (background + bold)
	CursorBar   lipgloss.Style // the "▌" in front of the selected row
	Error       lipgloss.Style
	Status      lipgloss.Style
	Key         lipgloss.Style // a key in hints
	SharedMany  lipgloss.Style
	SharedFew   lipgloss.Style
	Unique      lipgloss.Style
	Added       lipgloss.Style
	Removed     lipgloss.Style
	Present     lipgloss.Style // ● in the matrix
	Absent      lipgloss.Style // ○ in the matrix
	Heat        [5]lipgloss.Style
	Input       lipgloss.Style
	InputCursor lipgloss.Style
	Help        help.Styles

	theme Theme
	mono  bool
	marks map[mark]lipgloss.Style // resolved lazily: few combinations occur
}

// NewStyles builds the styles of a theme. mono is for terminals without
// colour (NO_COLOR, or a profile of ASCII or less): highlights that colour
// alone would carry, such as the tint of a reused passage, then use
// reverse video.
func NewStyles(t Theme, mono bool) *Styles {
	s := &Styles{}
	n := lipgloss.NewStyle()
	s.Logo = n.Bold(true).Foreground(lipgloss.Color("#FFFDF5")).Background(t.Logo).Padding(0, 1)
	s.Tab = n.Foreground(t.Muted).Padding(0, 1)
	s.ActiveTab = n.Foreground(t.Accent).Bold(true).Underline(true).Padding(0, 1)
	s.Rule = n.Foreground(t.Subtle)
	s.Title = n.Foreground(t.Accent).Bold(true)
	s.Subtitle = n.Foreground(t.Muted)
	s.Muted = n.Foreground(t.Muted)
	s.Accent = n.Foreground(t.Accent)
	s.Bold = n.Bold(true)
	s.Header = n.Foreground(t.Muted).Bold(true)
	s.Selected = n.Background(t.Selection).Bold(true)
	s.CursorBar = n.Foreground(t.Accent).Background(t.Selection).Bold(true)
	s.Error = n.Foreground(t.Error).Bold(true)
	s.Status = n.Foreground(t.Muted)
	s.Key = n.Foreground(t.Accent).Bold(true)
	s.SharedMany = n.Foreground(t.SharedMany).Bold(true)
	s.SharedFew = n.Foreground(t.SharedFew).Underline(true)
	s.Unique = n.Foreground(t.Unique).Italic(true)
	s.Added = n.Foreground(t.Added).Underline(true)
	s.Removed = n.Foreground(t.Removed).Strikethrough(true)
	s.Present = n.Foreground(t.Accent).Bold(true)
	s.Absent = n.Foreground(t.Subtle)
	heat := []color.Color{t.Subtle, t.Unique, t.SharedFew, t.SharedMany, t.Hit}
	for i := range s.Heat {
		s.Heat[i] = n.Foreground(heat[i])
	}
	s.Input = n.Bold(true)
	s.InputCursor = n.Reverse(true)
	s.Help = help.Styles{
		ShortKey:       n.Foreground(t.Accent),
		ShortDesc:      n.Foreground(t.Muted),
		ShortSeparator: n.Foreground(t.Subtle),
		Ellipsis:       n.Foreground(t.Subtle),
		FullKey:        n.Foreground(t.Accent),
		FullDesc:       n.Foreground(t.Muted),
		FullSeparator:  n.Foreground(t.Subtle),
	}
	s.theme, s.mono = t, mono
	s.marks = map[mark]lipgloss.Style{}
	return s
}

// markStyle resolves a set of highlights to one style. The order is the
// priority: a search hit shows over everything, the cursor's background
// over a passage's.
func markStyle(t Theme, m mark, mono bool) lipgloss.Style {
	st := lipgloss.NewStyle()
	switch {
	case m&markChrome != 0:
		st = st.Foreground(t.Muted).Faint(true)
	case m&markSharedMany != 0:
		st = st.Foreground(t.SharedMany).Bold(true)
	case m&markSharedFew != 0:
		st = st.Foreground(t.SharedFew).Underline(true)
	case m&markUnique != 0:
		st = st.Foreground(t.Unique).Italic(true)
	}
	if m&markHeading != 0 {
		st = st.Bold(true)
		if m&(markSharedMany|markSharedFew|markUnique) == 0 {
			st = st.Foreground(t.Accent)
		}
	}
	if m&markAdded != 0 {
		st = st.Foreground(t.Added).Underline(true)
	}
	if m&markRemoved != 0 {
		st = st.Foreground(t.Removed).Strikethrough(true)
	}
	if m&markPassage != 0 {
		st = st.Background(t.Passage)
		if mono {
			st = st.Reverse(true)
		}
	}
	if m&markCursor != 0 {
		st = st.Background(t.Selection)
	}
	if m&markHit != 0 {
		st = st.Foreground(t.Hit).Reverse(true).Bold(true).Underline(true)
	}
	return st
}

// mark returns the style of a set of highlights. Only the program's own
// goroutine renders, so the cache needs no lock.
func (s *Styles) mark(m mark) lipgloss.Style {
	st, ok := s.marks[m]
	if !ok {
		st = markStyle(s.theme, m, s.mono)
		s.marks[m] = st
	}
	return st
}
