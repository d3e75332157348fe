// Package cli wires citydiff's commands: each command reads its flags into
// an options struct and runs; only main exits.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"citydiff/corpus"
	"citydiff/segment/decode"
)

// Version is the tool version recorded in reports; set at build time with
// -ldflags "-X citydiff/cli.Version=…".
var Version = "0.1.0-dev"

// exitError carries a process exit code with the message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Execute runs citydiff with the given arguments and returns the exit code:
// 0 on success, 1 when the work failed, 2 on a usage error.
func Execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	if errors.Is(err, decode.ErrTooLarge) {
		err = fmt.Errorf("%w (raise the limit with --%s)", err, maxInputFlag)
	}
	fmt.Fprintln(stderr, "citydiff:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "citydiff [--city FILE]... [--mouse] [DRAFT...]",
		Short: "Compare Chinese local-government policy documents across cities",
		Long: `citydiff reads policy documents (plain text in any common encoding, HTML, .docx),
cleans and structures them, and shows which policy measures several cities share —
verbatim, lightly edited or paraphrased — and which are unique to one.

With no command it opens the interactive viewer on the five built-in documents
(and any --city documents). DRAFTs named are the user's own documents: the
Draft check shows what the cities have that a draft lacks and what it
borrowed; a draft is never compared as one of the cities.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDefault(cmd, args)
		},
	}
	root.PersistentFlags().Int64(maxInputFlag, decode.DefaultLimit>>20,
		"largest input file read, in MB (also the most a .docx may expand to)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if mb, _ := cmd.Flags().GetInt64(maxInputFlag); mb <= 0 || mb > 1<<20 {
			return &exitError{2, fmt.Errorf("--%s %d: want a size in MB from 1 to %d", maxInputFlag, mb, 1<<20)}
		}
		return nil
	}
	root.Flags().StringArray("city", nil, "a FILE or DIR compared as a city (repeatable)")
	root.Flags().Bool("no-seeds", false, "leave the five built-in documents out (needs --city)")
	root.Flags().Bool("mouse", false, "start with mouse capture on (wheel, clicks); m toggles it")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{2, fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	root.AddCommand(newOutlineCmd(), newTokensCmd())
	for _, c := range extraCommands {
		root.AddCommand(c())
	}
	return root
}

// maxInputFlag names the flag that raises the input size limit.
const maxInputFlag = "max-input-mb"

// inputs are the documents a command reads: the files named, the built-in
// documents unless noSeeds, read under the --max-input-mb limit.
func inputs(cmd *cobra.Command, files []string, noSeeds bool) corpus.Options {
	mb, err := cmd.Flags().GetInt64(maxInputFlag)
	if err != nil {
		mb = 0 // a command run without the root: the default limit
	}
	stderr := cmd.ErrOrStderr()
	return corpus.Options{Files: files, NoSeeds: noSeeds, Limit: mb << 20,
		// A file without text inside a named directory (a regulation cut
		// short, an index page) is passed over, and said so; one named by
		// itself stays an error.
		Skipped: func(err error) { fmt.Fprintf(stderr, "citydiff: skipped %v\n", err) }}
}

// extraCommands are registered by the files that define them, so that each
// command lives in its own file.
var extraCommands []func() *cobra.Command

// runDefault is what plain `citydiff` does; the TUI replaces it when built.
var runDefault = func(cmd *cobra.Command, args []string) error {
	return runOutline(cmd.OutOrStdout(), outlineOptions{input: inputs(cmd, args, false)})
}
