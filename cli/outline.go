package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"citydiff/corpus"
	"citydiff/segment"
)

type outlineOptions struct {
	input corpus.Options
}

func newOutlineCmd() *cobra.Command {
	var opt outlineOptions
	cmd := &cobra.Command{
		Use:   "outline [FILE...]",
		Short: "Show the structure citydiff recovers from each document",
		Long: `outline prints, for each document, its title, issuer and dates, the section tree
with numbers and levels, how many clauses each section holds and the responsible
units named. With no FILEs it shows the five built-in documents.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.input = inputs(cmd, args, len(args) > 0)
			return runOutline(cmd.OutOrStdout(), opt)
		},
	}
	return cmd
}

func runOutline(w io.Writer, opt outlineOptions) error {
	if err := checkStdout(w); err != nil {
		return err
	}
	ins, err := corpus.Inputs(opt.input)
	if err != nil {
		return err
	}
	docs, err := corpus.Parse(ins, nil)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	for i, d := range docs {
		if i > 0 {
			fmt.Fprintln(&buf)
		}
		WriteOutline(&buf, d)
	}
	return writeResult(w, buf.Bytes())
}

// WriteOutline renders a document's recovered structure as indented text.
func WriteOutline(w io.Writer, d *segment.Document) {
	fmt.Fprintf(w, "%s  %s\n", d.ID, d.Title)
	meta := []string{}
	add := func(k, v string) {
		if v != "" {
			meta = append(meta, k+" "+v)
		}
	}
	add("issuer", d.Meta.Issuer)
	add("date", d.Meta.Date)
	add("published", d.Meta.Published)
	add("script", string(d.Script))
	add("format", d.Format)
	fmt.Fprintf(w, "  %s\n", strings.Join(meta, " · "))
	if d.NoticeTitle != "" {
		fmt.Fprintf(w, "  wrapped by: %s\n", d.NoticeTitle)
	}
	fmt.Fprintf(w, "  %d sections, %d clauses, %d chrome lines", len(d.Sections), len(d.Clauses), len(d.Chrome))
	if n := len(d.Footnotes); n > 0 {
		fmt.Fprintf(w, ", %d footnotes", n)
	}
	fmt.Fprintln(w)
	for _, s := range d.Sections {
		indent := strings.Repeat("  ", s.Level)
		label := s.Heading
		switch {
		case s.Kind == segment.Preamble:
			label = "[preamble]"
		case label == "":
			label = "…" + firstClause(d, s)
		}
		num := ""
		if s.Number != "" {
			num = s.DisplayNumber() + " "
		}
		fmt.Fprintf(w, "%s%s%s  [%s, %d clauses]", indent, num, label, s.ID, len(s.Clauses))
		if s.Malformed != "" {
			fmt.Fprintf(w, " (repaired: %s)", s.Malformed)
		}
		fmt.Fprintln(w)
		if u := d.SectionUnits(s.Index); !u.Empty() {
			fmt.Fprintf(w, "%s  units: %s\n", indent, formatUnits(u))
		}
	}
}

func firstClause(d *segment.Document, s segment.Section) string {
	if len(s.Clauses) == 0 {
		return ""
	}
	r := []rune(d.Clauses[s.Clauses[0]].Text)
	if len(r) > 24 {
		r = r[:24]
	}
	return string(r)
}

func formatUnits(u segment.Units) string {
	var parts []string
	if len(u.Lead) > 0 {
		parts = append(parts, "lead "+strings.Join(u.Lead, "、"))
	}
	if len(u.Participating) > 0 {
		parts = append(parts, "participating "+strings.Join(u.Participating, "、"))
	}
	if len(u.Responsible) > 0 {
		parts = append(parts, "responsible "+strings.Join(u.Responsible, "、"))
	}
	return strings.Join(parts, "; ")
}
