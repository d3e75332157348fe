package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
)

func newTokensCmd() *cobra.Command {
	var content bool
	cmd := &cobra.Command{
		Use:   "tokens FILE",
		Short: "Print the words citydiff cuts a document's clauses into",
		Long: `tokens prints each clause of FILE on its own line as the words gse cut it into
(separated by spaces), after normalization: the text citydiff actually matches.
With --content, stop words and punctuation are left out, as in matching.
FILE may also be the id of a built-in document (shantou, xiangtan, shanghai, puyang, ganzhou).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTokens(cmd.OutOrStdout(), inputs(cmd, args, true), content)
		},
	}
	cmd.Flags().BoolVar(&content, "content", false, "leave out stop words and punctuation")
	return cmd
}

func runTokens(w io.Writer, opt corpus.Options, content bool) error {
	if err := checkStdout(w); err != nil {
		return err
	}
	name := opt.Files[0]
	ins, err := corpus.Inputs(opt)
	if err != nil {
		// A built-in id names a seed.
		all, serr := corpus.Inputs(corpus.Options{})
		if serr != nil {
			return err
		}
		for _, in := range all {
			if in.ID == name {
				ins, err = []segment.Input{in}, nil
			}
		}
		if err != nil {
			return err
		}
	}
	seg := words.Default()
	docs, err := corpus.Parse(ins, seg)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	for _, c := range docs[0].Clauses {
		var parts []string
		for _, t := range c.Tokens {
			if !content || seg.IsContent(t.Text) {
				parts = append(parts, t.Text)
			}
		}
		fmt.Fprintf(&buf, "%s\t%s\n", c.ID, strings.Join(parts, " "))
	}
	return writeResult(w, buf.Bytes())
}
