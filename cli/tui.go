package cli

import (
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/draftcheck"
	"citydiff/inputguard"
	"citydiff/segment"
	"citydiff/segment/words"
	"citydiff/tui"
)

func init() { runDefault = runTUI }

// viewerOptions are the flags of plain `citydiff`.
type viewerOptions struct {
	drafts  []string // the FILEs named: the user's own drafts
	cities  []string // --city: documents compared as cities
	noSeeds bool
	mouse   bool
	limit   int64 // --max-input-mb, in bytes (0: the default)
}

// runTUI opens the interactive viewer. The FILEs named are the user's
// drafts: each is checked against the cities (the built-in documents and
// any --city documents) and never compared as one of them, so adding a
// draft changes nothing of the cities' comparison. The documents are
// parsed without word segmentation first (a few milliseconds) so the first
// frame shows them at once; the segmentation, the comparison and the draft
// check run in the background. When stdout is not a terminal it prints the
// outline instead.
func runTUI(cmd *cobra.Command, args []string) error {
	out := cmd.OutOrStdout()
	if !isTerminal(out) {
		return runOutline(out, outlineOptions{input: inputs(cmd, args, false)})
	}
	opt := viewerOptions{drafts: args, limit: inputs(cmd, nil, false).Limit}
	opt.cities, _ = cmd.Flags().GetStringArray("city")
	opt.noSeeds, _ = cmd.Flags().GetBool("no-seeds")
	opt.mouse, _ = cmd.Flags().GetBool("mouse")
	cfg, err := viewerConfig(opt)
	if err != nil {
		return err
	}
	return runViewer(tui.New(cfg), cmd.InOrStdin(), out)
}

// viewerConfig reads the documents of opt and builds the viewer's Config:
// the cities in Docs and Analyze, the drafts apart in Drafts and
// CheckDrafts.
func viewerConfig(opt viewerOptions) (tui.Config, error) {
	cityIns, err := corpus.Inputs(corpus.Options{Files: opt.cities, NoSeeds: opt.noSeeds, Limit: opt.limit})
	if err != nil {
		return tui.Config{}, err
	}
	var draftIns []segment.Input
	if len(opt.drafts) > 0 {
		if draftIns, err = corpus.Inputs(corpus.Options{Files: opt.drafts, NoSeeds: true, Limit: opt.limit}); err != nil {
			return tui.Config{}, err
		}
	}
	if len(cityIns) == 0 {
		return tui.Config{}, &exitError{2, fmt.Errorf("no cities to compare with: --no-seeds needs --city FILE")}
	}
	docs, err := corpus.Parse(cityIns, nil)
	if err != nil {
		return tui.Config{}, err
	}
	drafts, err := corpus.Parse(draftIns, nil)
	if err != nil {
		return tui.Config{}, err
	}
	analyze := func() (*compare.Result, error) {
		full, err := corpus.Parse(cityIns, words.Default())
		if err != nil {
			return nil, err
		}
		return compare.Analyze(full, words.Default(), compare.DefaultParams()), nil
	}
	check := func(res *compare.Result) ([]*draftcheck.Query, error) {
		full, err := corpus.Parse(draftIns, words.Default())
		if err != nil {
			return nil, err
		}
		qs := make([]*draftcheck.Query, len(full))
		for i, d := range full {
			qs[i] = draftcheck.Prepare(res, d, words.Default())
		}
		return qs, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		dir = ""
	}
	return tui.Config{Docs: docs, Drafts: drafts, Analyze: analyze, CheckDrafts: check, ExportDir: dir, Mouse: opt.mouse, Dark: true, Version: Version}, nil
}

// runViewer runs a viewer program on in and out. The input goes through
// inputguard, as an SSH session's does: pasting a few bytes of junk must
// not crash the viewer (issue 14), nor a huge paste fill the memory. A
// terminal stays an *os.File underneath, so Bubble Tea still sets raw mode
// on it.
func runViewer(m tea.Model, in io.Reader, out io.Writer, opts ...tea.ProgramOption) error {
	var input io.Reader
	if f, ok := in.(*os.File); ok {
		input = inputguard.NewFile(f, inputguard.Limits{})
	} else {
		input = inputguard.NewReader(in, inputguard.Limits{})
	}
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithInput(input), tea.WithOutput(out)}, opts...)...)
	_, err := p.Run()
	return err
}

// isTerminal reports whether w is a character device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
