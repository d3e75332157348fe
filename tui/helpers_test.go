package tui

import (
	"time"

	"bytes"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"citydiff/compare"
	"citydiff/draftcheck"
	"citydiff/segment"
	"citydiff/tui/internal/fixture"
)

// testSet is a parsed set of documents with its analysis, shared
// read-only by every test (as the SSH server shares one).
type testSet struct {
	docs    []*segment.Document // the cities
	drafts  []*segment.Document
	an      *Analysis
	queries []*draftcheck.Query
}

var (
	corpusOnce [2]sync.Once
	corpora    [2]*testSet
	corpusErr  [2]error
)

// testCorpus returns the seeds (and the fixture draft) with the fixture's
// engine-independent analysis.
func testCorpus(tb testing.TB, withDraft bool) *testSet {
	tb.Helper()
	i := 0
	if withDraft {
		i = 1
	}
	corpusOnce[i].Do(func() {
		docs, err := fixture.Docs(false)
		if err != nil {
			corpusErr[i] = err
			return
		}
		c := &testSet{docs: docs}
		res := fixture.Analysis(docs)
		c.an = NewAnalysis(res)
		if withDraft {
			d, err := fixture.DraftDoc()
			if err != nil {
				corpusErr[i] = err
				return
			}
			c.drafts = []*segment.Document{d}
			c.queries = []*draftcheck.Query{fixture.DraftQuery(res, d)}
		}
		corpora[i] = c
	})
	if corpusErr[i] != nil {
		tb.Fatal(corpusErr[i])
	}
	return corpora[i]
}

// config is a Config for the testSet without an Analyze function: tests
// deliver the analysis as a message so that its arrival is ordered with
// the keys they send.
func (c *testSet) config(w, h int) Config {
	// No delay before a search: drive runs the delay's command at once.
	return Config{Docs: c.docs, Drafts: c.drafts, Width: w, Height: h, Dark: true, SearchDelay: time.Nanosecond}
}

// ready is the message that delivers the analysis to a model from New.
func (c *testSet) ready() tea.Msg { return analysisMsg{gen: 1, an: c.an, queries: c.queries} }

// loaded is a model of the testSet at a size, with the analysis in.
func loaded(tb testing.TB, withDraft bool, w, h int) Model {
	c := testCorpus(tb, withDraft)
	m := New(c.config(w, h))
	return send(m, c.ready())
}

// send updates a model with messages in order, running no commands.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		tm, _ := m.Update(msg)
		m = tm.(Model)
	}
	return m
}

// keys turns key names into key presses: "enter", "esc", "tab",
// "shift+tab", "up", "down", "left", "right", "pgdown", "pgup",
// "backspace", "ctrl+c", "space", or text typed as runes ("法律顾问", "q").
func keys(names ...string) []tea.Msg {
	special := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"backspace": {Code: tea.KeyBackspace},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
	}
	var out []tea.Msg
	for _, n := range names {
		if k, ok := special[n]; ok {
			out = append(out, k)
			continue
		}
		for _, r := range n {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

// screen renders a model's view as the ASCII profile shows it: no
// colours, but bold, underline, italic, reverse and strikethrough kept.
func screen(m Model) []byte {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
	_, _ = w.WriteString(m.View().Content)
	return b.Bytes()
}

// plainScreen is the view without any styling.
func plainScreen(m Model) string { return ansi.Strip(m.View().Content) }

// checkFits fails when the view has a line wider than the model's width
// or a number of lines other than its height.
func checkFits(t *testing.T, m Model, what string) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != m.c.Height {
		t.Errorf("%s at %dx%d: %d lines", what, m.c.Width, m.c.Height, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.c.Width {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, m.c.Width, m.c.Height, i, w, ansi.Strip(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("%s: line %d is not valid UTF-8", what, i)
		}
	}
}

// measureWith finds a measure shared by at least n documents of the given
// kind ("" for any).
func measureWith(an *Analysis, n int, kind compare.Kind) int {
	for i, m := range an.res.Measures {
		if len(m.Docs) >= n && (kind == "" || m.Kind == kind) {
			return i
		}
	}
	return -1
}
