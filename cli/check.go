package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/draftcheck"
	"citydiff/report"
	"citydiff/segment"
	"citydiff/segment/words"
)

func init() { extraCommands = append(extraCommands, newCheckCmd) }

// checkOptions are the flags of `citydiff check`.
type checkOptions struct {
	draft     string
	against   []string // city names or document ids; empty: all
	minCities int
	format    string
	output    string
	cities    []string // --city: more documents compared as cities
	noSeeds   bool
	limit     int64 // --max-input-mb, in bytes (0: the default)
}

// checkFormats are the writers of `citydiff check`.
var checkFormats = map[string]func(io.Writer, *draftcheck.Check) error{
	"md":   draftcheck.WriteMarkdown,
	"csv":  draftcheck.WriteCSV,
	"json": draftcheck.WriteJSON,
}

func newCheckCmd() *cobra.Command {
	var opt checkOptions
	cmd := &cobra.Command{
		Use:   "check DRAFT [--against CITY]... [--at-least K] [--format md|csv|json] [-o FILE]",
		Short: "Check a draft against the cities: what it lacks, what it borrowed, what is its own",
		Long: `check compares a drafter's DRAFT with the cities — the five built-in documents
and any --city documents — as the viewer's Draft check does. The draft is never
one of the cities: their comparison is the same with or without it.

  missing   measures at least K of the comparison set share that the draft
            lacks, each with its best example clause, the cities that have it
            and the closest sentence of the draft
  borrowed  the draft's clauses that state a measure of a city: verbatim,
            near or paraphrase, with what the draft dropped and added
  own       the draft's clauses no city of the set has

--against names the comparison set (a city, as 汕头, or a document id, as
shantou; repeatable); without it, every city. --at-least K defaults to 2.
The output goes to standard output unless -o names a file (replaced
atomically); without --format the format follows the -o file's extension.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.draft = args[0]
			opt.limit = inputs(cmd, nil, false).Limit
			if !cmd.Flags().Changed("format") {
				switch strings.ToLower(filepath.Ext(opt.output)) {
				case ".json":
					opt.format = "json"
				case ".csv":
					opt.format = "csv"
				}
			}
			return runCheck(cmd.OutOrStdout(), opt)
		},
	}
	cmd.Flags().StringArrayVar(&opt.against, "against", nil, "a city or document id of the comparison set (repeatable; default: all)")
	cmd.Flags().IntVar(&opt.minCities, "at-least", 2, "a measure is missing when at least K cities of the set have it")
	cmd.Flags().StringVar(&opt.format, "format", "md", "md, csv or json")
	cmd.Flags().StringVarP(&opt.output, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().StringArrayVar(&opt.cities, "city", nil, "a FILE or DIR compared as a city (repeatable)")
	cmd.Flags().BoolVar(&opt.noSeeds, "no-seeds", false, "leave the five built-in documents out (needs --city)")
	return cmd
}

func runCheck(stdout io.Writer, opt checkOptions) error {
	write, ok := checkFormats[opt.format]
	if !ok {
		return &exitError{2, fmt.Errorf("--format %q: want md, csv or json", opt.format)}
	}
	if opt.minCities < 1 {
		return &exitError{2, fmt.Errorf("--at-least %d: want 1 or more", opt.minCities)}
	}
	docs, err := corpus.Load(corpus.Options{Files: opt.cities, NoSeeds: opt.noSeeds, Limit: opt.limit})
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return &exitError{2, fmt.Errorf("no cities to check against: --no-seeds needs --city FILE")}
	}
	drafts, err := corpus.Load(corpus.Options{Files: []string{opt.draft}, NoSeeds: true, Limit: opt.limit})
	if err != nil {
		return err
	}
	if len(drafts) != 1 {
		return &exitError{2, fmt.Errorf("%s: one draft at a time (it holds %d documents)", opt.draft, len(drafts))}
	}
	against, err := pickCities(docs, opt.against)
	if err != nil {
		return err
	}
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	ck := draftcheck.Prepare(res, drafts[0], words.Default()).Check(draftcheck.Options{Against: against, MinCities: opt.minCities})
	render := func(w io.Writer) error { return write(w, ck) }
	if opt.output == "" || opt.output == "-" {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			return err
		}
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return report.WriteFile(opt.output, render)
}

// pickCities resolves --against names to document indexes.
func pickCities(docs []*segment.Document, names []string) ([]int, error) {
	var out []int
	for _, n := range names {
		found := false
		for i, d := range docs {
			if d.ID == n || d.Meta.City == n || strings.TrimSuffix(d.Meta.City, "市") == strings.TrimSuffix(n, "市") && d.Meta.City != "" {
				out = append(out, i)
				found = true
			}
		}
		if !found {
			var known []string
			for _, d := range docs {
				known = append(known, d.ID)
			}
			return nil, &exitError{2, fmt.Errorf("--against %s: no such city (the documents are %s)", n, strings.Join(known, ", "))}
		}
	}
	return out, nil
}
