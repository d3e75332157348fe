package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/eval"
	"citydiff/segment/words"
)

func init() { extraCommands = append(extraCommands, newEvalCmd) }

// evalOptions are the flags of `citydiff eval`.
type evalOptions struct {
	labels  string
	format  string
	noSeeds bool
	files   []string
	input   corpus.Options
}

func newEvalCmd() *cobra.Command {
	var opt evalOptions
	cmd := &cobra.Command{
		Use:   "eval LABELS [--format text|json] [--no-seeds] [FILE...]",
		Short: "Score the comparison against labelled pairs (bring your own gold)",
		Long: `eval compares the documents as report does (the five built-in documents and
any FILEs named, or only the FILEs with --no-seeds), then scores the result
against LABELS, a CSV or JSON file of judgements written by readers:

  verbatim, near, paraphrase   pairs that must land in one measure (recall, by kind)
  apart                        pairs on one topic that must stay apart
  unique                       clauses with no counterpart in any other document
  topic                        passages whose sections belong to one topic

Passages are located by a short quote, optionally inside an article (第十二条)
or a clause id; see docs/eval.md. Every miss is printed with both texts.
A label that cannot be located is an error naming its line.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.labels, opt.files = args[0], args[1:]
			opt.input = inputs(cmd, opt.files, opt.noSeeds)
			return runEval(cmd.OutOrStdout(), opt)
		},
	}
	cmd.Flags().StringVar(&opt.format, "format", "text", "text or json")
	cmd.Flags().BoolVar(&opt.noSeeds, "no-seeds", false, "compare only the FILEs named, without the built-in documents")
	return cmd
}

func runEval(stdout io.Writer, opt evalOptions) error {
	write := map[string]func(io.Writer, *compare.Result, *eval.Scores, string) error{
		"text": eval.WriteText, "json": eval.WriteJSON,
	}[opt.format]
	if write == nil {
		return &exitError{2, fmt.Errorf("--format %q: want text or json", opt.format)}
	}
	if err := checkStdout(stdout); err != nil {
		return err
	}
	labels, err := eval.ReadFile(opt.labels)
	if err != nil {
		return err
	}
	docs, err := corpus.Load(opt.input)
	if err != nil {
		return err
	}
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	scores, err := eval.Score(res, labels)
	if err != nil {
		return fmt.Errorf("%s: %w", opt.labels, err)
	}
	eval.Explain(res, scores, words.Default())
	var buf bytes.Buffer
	if err := write(&buf, res, scores, filepath.Base(opt.labels)); err != nil {
		return err
	}
	return writeResult(stdout, buf.Bytes())
}
