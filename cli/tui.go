package cli

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/seeds"
	"citydiff/segment/words"
	"citydiff/tui"
)

func init() { runDefault = runTUI }

// runTUI opens the interactive viewer on the built-in documents plus the
// user's FILEs. The documents are parsed without word segmentation first
// (a few milliseconds) so the first frame shows them at once; the
// segmentation and the comparison run in the background. When stdout is not
// a terminal it prints the outline instead.
func runTUI(cmd *cobra.Command, args []string) error {
	out := cmd.OutOrStdout()
	if !isTerminal(out) {
		return runOutline(out, outlineOptions{files: args})
	}
	ins, err := corpus.Inputs(corpus.Options{Files: args})
	if err != nil {
		return err
	}
	docs, err := corpus.Parse(ins, nil)
	if err != nil {
		return err
	}
	var drafts []int
	for i := len(seeds.IDs()); i < len(docs); i++ {
		drafts = append(drafts, i)
	}
	analyze := func() (*compare.Result, error) {
		full, err := corpus.Parse(ins, words.Default())
		if err != nil {
			return nil, err
		}
		return compare.Analyze(full, words.Default(), compare.DefaultParams()), nil
	}
	m := tui.New(tui.Config{Docs: docs, Drafts: drafts, Analyze: analyze, Dark: true, Version: Version})
	p := tea.NewProgram(m, tea.WithInput(cmd.InOrStdin()), tea.WithOutput(out))
	_, err = p.Run()
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
