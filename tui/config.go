package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"

	"citydiff/compare"
	"citydiff/draftcheck"
	"citydiff/segment"
	"citydiff/tui/cjk"
)

// Config is what a TUI shows and how. The local run and the SSH server
// build it the same way; nothing in it is global to the process, so many
// programs can run side by side.
type Config struct {
	// Docs are the documents, parsed (word segmentation is not needed):
	// they are readable from the first frame.
	Docs []*segment.Document
	// Drafts are the user's own documents (parsed; segmentation is not
	// needed for the first frame). They are not cities: Docs and the
	// analysis leave them out, so adding a draft changes nothing the
	// other views show, and the Draft check queries the cities with them.
	Drafts []*segment.Document
	// Analyze computes the comparison of Docs. It runs in a tea.Cmd after
	// the first frame, with a spinner meanwhile. Its Result.Docs must be
	// parses of the same inputs in the same order as Docs.
	Analyze func() (*compare.Result, error)
	// CheckDrafts scores the Drafts against the cities once the analysis
	// is in, one Query per draft, in order; it runs in the same command as
	// Analyze. Nil leaves the Draft check empty.
	CheckDrafts func(*compare.Result) ([]*draftcheck.Query, error)
	// ExportDir is where the Draft check's export (`e`) writes its
	// Markdown file; empty turns export off (an SSH session must not
	// write on the server).
	ExportDir string
	// Mouse turns mouse capture on at start (wheel, clicks). Off, the
	// terminal keeps its own text selection; `m` toggles it.
	Mouse bool
	// Analysis, when set, is a comparison already indexed with
	// NewAnalysis and shared read-only with other programs (the SSH
	// server's sessions); Analyze is then not called, and Docs may be
	// left nil (the analysis's documents are used).
	Analysis *Analysis
	// Width and Height are the initial size, before the terminal says.
	Width, Height int
	// Dark selects the palette before the terminal reports its
	// background colour (and for terminals that never do).
	Dark bool
	// Version is shown in the help.
	Version string
	// SearchDelay is how long the search box waits after a keystroke
	// before it searches; 0: DefaultSearchDelay.
	SearchDelay time.Duration
	// OnState, when set, is called after every update that changed the
	// State (a presenter's navigation), from the program's goroutine.
	OnState func(State)
}

// Common is what every pane shares: the size, the styles and keys, the
// documents and, once it has arrived, the analysis. The root model owns it
// and hands a pointer to each pane's constructor.
type Common struct {
	Width, Height int
	Dark          bool
	Mono          bool // no colours: NO_COLOR or an ASCII profile
	Theme         Theme
	Styles        *Styles
	Keys          *KeyMap
	Docs          []*segment.Document
	Drafts        []*segment.Document
	Queries       []*draftcheck.Query // per draft, once the analysis is in
	An            *Analysis           // nil until the analysis arrives
	Err           error               // why the analysis failed, if it did
	SearchDelay   time.Duration
	ExportDir     string

	displays map[displayKey]*display
	rows     *memo[rowKey, string]   // list rows drawn in earlier frames
	blocks   *memo[rowKey, []string] // groups of lines drawn in earlier frames
	bars     *memo[barKey, string]   // the tab bar and help line of earlier frames
	cityW    struct {                // cityWidth, for the documents of an analysis
		an      *Analysis
		docs, w int
	}
}

// DefaultSearchDelay is how long typing must pause before a search: longer
// than the gap between keys of someone typing, short enough to feel
// immediate.
const DefaultSearchDelay = 150 * time.Millisecond

func newCommon(cfg Config) *Common {
	if cfg.SearchDelay <= 0 {
		cfg.SearchDelay = DefaultSearchDelay
	}
	th := DefaultTheme(cfg.Dark)
	c := &Common{
		Width: cfg.Width, Height: cfg.Height, Dark: cfg.Dark,
		Theme: th, Styles: NewStyles(th, false), Keys: DefaultKeyMap(),
		Docs: cfg.Docs, Drafts: cfg.Drafts, SearchDelay: cfg.SearchDelay, ExportDir: cfg.ExportDir,
		displays: map[displayKey]*display{},
		rows:     newMemo[rowKey, string](rowMemoSize),
		blocks:   newMemo[rowKey, []string](128),
		bars:     newMemo[barKey, string](16),
	}
	if cfg.Analysis != nil {
		c.An, c.Docs = cfg.Analysis, cfg.Analysis.res.Docs
	}
	return c
}

// restyle rebuilds the styles for the terminal's background and colours.
func (c *Common) restyle(dark, mono bool) {
	c.Dark, c.Mono = dark, mono
	c.Theme = DefaultTheme(dark)
	c.Styles = NewStyles(c.Theme, mono)
}

// city is the short name of a document: its city, or its id.
func (c *Common) city(d int) string {
	if d < 0 || d >= len(c.Docs) {
		return "?"
	}
	if city := c.Docs[d].Meta.City; city != "" {
		return city
	}
	return c.Docs[d].ID
}

// cityWidth is the width of the widest city name.
func (c *Common) cityWidth() int {
	if c.cityW.an == c.An && c.cityW.docs == len(c.Docs) {
		return c.cityW.w
	}
	w := 0
	for d := range c.Docs {
		w = max(w, cjk.Width(c.city(d)))
	}
	c.cityW.an, c.cityW.docs, c.cityW.w = c.An, len(c.Docs), w
	return w
}

func newHelp(c *Common) help.Model {
	h := help.New()
	h.Styles = c.Styles.Help
	return h
}

func newSpinner(c *Common) spinner.Model {
	return spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(c.Styles.Accent.Style))
}
