package cli

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/inputguard"
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
		return runOutline(out, outlineOptions{input: inputs(cmd, args, false)})
	}
	ins, err := corpus.Inputs(inputs(cmd, args, false))
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
	return runViewer(m, cmd.InOrStdin(), out)
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
