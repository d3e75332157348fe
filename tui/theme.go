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
	Logo        Style
	Tab         Style
	ActiveTab   Style
	Rule        Style
	Title       Style
	Subtitle    Style
	Muted       Style
	Accent      Style
	Bold        Style
	Header      Style // table header
	Selected    Style // selected row (background + bold)
	CursorBar   Style // the "▌" in front of the selected row
	Error       Style
	Status      Style
	Key         Style // a key in hints
	SharedMany  Style
	SharedFew   Style
	Unique      Style
	Added       Style
	Removed     Style
	Present     Style // ● in the matrix
	Absent      Style // ○ in the matrix
	Heat        [5]Style
	Input       Style
	InputCursor Style
	Help        help.Styles

	theme Theme
	mono  bool
	marks map[mark]Style // resolved lazily: few combinations occur

	// Styled glyphs and variants drawn on every row.
	glyphVerbatim, glyphNear, glyphParaphrase, glyphUnique string
	barNoBg                                                string // the cursor bar without its background
	thumb, track                                           string // the scroll bar
	barShared, barOwn                                      Style
	help                                                   helpStyles // Help's short styles, for the help line
}

// helpStyles are the styles of help's one-line view.
type helpStyles struct{ key, desc, sep, ellipsis Style }

// NewStyles builds the styles of a theme. mono is for terminals without
// colour (NO_COLOR, or a profile of ASCII or less): highlights that colour
// alone would carry, such as the tint of a reused passage, then use
// reverse video.
func NewStyles(t Theme, mono bool) *Styles {
	s := &Styles{}
	n := lipgloss.NewStyle()
	s.Logo = newStyle(n.Bold(true).Foreground(lipgloss.Color("#FFFDF5")).Background(t.Logo).Padding(0, 1))
	s.Tab = newStyle(n.Foreground(t.Muted).Padding(0, 1))
	s.ActiveTab = newStyle(n.Foreground(t.Accent).Bold(true).Underline(true).Padding(0, 1))
	s.Rule = newStyle(n.Foreground(t.Subtle))
	s.Title = newStyle(n.Foreground(t.Accent).Bold(true))
	s.Subtitle = newStyle(n.Foreground(t.Muted))
	s.Muted = newStyle(n.Foreground(t.Muted))
	s.Accent = newStyle(n.Foreground(t.Accent))
	s.Bold = newStyle(n.Bold(true))
	s.Header = newStyle(n.Foreground(t.Muted).Bold(true))
	s.Selected = newStyle(n.Background(t.Selection).Bold(true))
	s.CursorBar = newStyle(n.Foreground(t.Accent).Background(t.Selection).Bold(true))
	s.Error = newStyle(n.Foreground(t.Error).Bold(true))
	s.Status = newStyle(n.Foreground(t.Muted))
	s.Key = newStyle(n.Foreground(t.Accent).Bold(true))
	s.SharedMany = newStyle(n.Foreground(t.SharedMany).Bold(true))
	s.SharedFew = newStyle(n.Foreground(t.SharedFew).Underline(true))
	s.Unique = newStyle(n.Foreground(t.Unique).Italic(true))
	s.Added = newStyle(n.Foreground(t.Added).Underline(true))
	s.Removed = newStyle(n.Foreground(t.Removed).Strikethrough(true))
	s.Present = newStyle(n.Foreground(t.Accent).Bold(true))
	s.Absent = newStyle(n.Foreground(t.Subtle))
	heat := []color.Color{t.Subtle, t.Unique, t.SharedFew, t.SharedMany, t.Hit}
	for i := range s.Heat {
		s.Heat[i] = newStyle(n.Foreground(heat[i]))
	}
	s.Input = newStyle(n.Bold(true))
	s.InputCursor = newStyle(n.Reverse(true))
	s.Help = help.Styles{
		ShortKey:       n.Foreground(t.Accent),
		ShortDesc:      n.Foreground(t.Muted),
		ShortSeparator: n.Foreground(t.Subtle),
		Ellipsis:       n.Foreground(t.Subtle),
		FullKey:        n.Foreground(t.Accent),
		FullDesc:       n.Foreground(t.Muted),
		FullSeparator:  n.Foreground(t.Subtle),
	}
	s.help = helpStyles{
		key: newStyle(s.Help.ShortKey), desc: newStyle(s.Help.ShortDesc),
		sep: newStyle(s.Help.ShortSeparator), ellipsis: newStyle(s.Help.Ellipsis),
	}
	s.theme, s.mono = t, mono
	s.marks = map[mark]Style{}
	s.glyphVerbatim = s.SharedMany.Render("≡")
	s.glyphNear = s.SharedFew.UnsetUnderline().Render("≈")
	s.glyphParaphrase = s.Accent.Render("~")
	s.glyphUnique = s.Unique.UnsetItalic().Render("◆")
	s.barNoBg = s.CursorBar.UnsetBackground().Render("▌")
	s.thumb, s.track = s.Accent.Render("┃"), s.Rule.Render("│")
	s.barShared = newStyle(s.SharedMany.UnsetBold())
	s.barOwn = newStyle(s.Unique.UnsetItalic())
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
		if mono {
			// Without colour the selection is underlined reverse video
			// (a passage alone is reverse), or, inside a passage,
			// underlined plain text.
			st = st.Reverse(m&markPassage == 0).Underline(true)
		}
	}
	if m&markHit != 0 {
		st = st.Foreground(t.Hit).Reverse(true).Bold(true).Underline(true)
	}
	return st
}

// mark returns the style of a set of highlights. Only the program's own
// goroutine renders, so the cache needs no lock.
func (s *Styles) mark(m mark) Style {
	st, ok := s.marks[m]
	if !ok {
		st = newStyle(markStyle(s.theme, m, s.mono))
		s.marks[m] = st
	}
	return st
}
