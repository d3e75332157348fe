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
	"citydiff/report"
	"citydiff/segment/words"
)

func init() { extraCommands = append(extraCommands, newReportCmd) }

// reportOptions are the flags of `citydiff report`.
type reportOptions struct {
	format  string
	output  string
	noSeeds bool
	files   []string
	input   corpus.Options
}

// reportFormats maps a format to its writer; csv is written apart, as a
// directory of tables.
var reportFormats = map[string]func(io.Writer, *compare.Result, report.Meta) error{
	"json": report.JSON,
	"md":   report.Markdown,
	"html": report.HTML,
}

// formatByExt guesses the format from -o when --format is not given.
var formatByExt = map[string]string{".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

func newReportCmd() *cobra.Command {
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "report [--format json|md|csv|html] [-o FILE|DIR] [--no-seeds] [FILE...]",
		Short: "Write the comparison as JSON, Markdown, CSV or a self-contained HTML page",
		Long: `report compares the five built-in documents and any FILEs named (files or
directories) and writes what it found:

  json   the full analysis, schema citydiff/report/v1 (docs/report-schema.md)
  md     a summary to paste into a memo
  html   one self-contained page: heat map, topics, measure × city matrix
  csv    tables for spreadsheets, R or pandas; -o names a directory, which is
         created if missing (measures, alignments, similarity, clauses,
         documents, parameters)

json, md and html go to standard output unless -o names a file; without
--format the format follows the -o file's extension (.json .md .html), else
json. Files are replaced atomically: a failed or interrupted run leaves old
reports alone. A symbolic link is written through to its target; a FIFO or
a device (/dev/stdout) is written directly, never replaced.
Every report records the tool version, the parameters and each input's
sha256, and the same inputs give the same bytes.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.files = args
			opt.input = inputs(cmd, opt.files, opt.noSeeds)
			if !cmd.Flags().Changed("format") {
				if f, ok := formatByExt[strings.ToLower(filepath.Ext(opt.output))]; ok {
					opt.format = f
				}
			}
			return runReport(cmd.OutOrStdout(), cmd.ErrOrStderr(), opt)
		},
	}
	cmd.Flags().StringVar(&opt.format, "format", "json", "json, md, csv or html")
	cmd.Flags().StringVarP(&opt.output, "output", "o", "", "write to FILE (a directory for csv) instead of standard output")
	cmd.Flags().BoolVar(&opt.noSeeds, "no-seeds", false, "compare only the FILEs named, without the built-in documents")
	return cmd
}

func runReport(stdout, stderr io.Writer, opt reportOptions) error {
	write, ok := reportFormats[opt.format]
	if !ok && opt.format != "csv" {
		return &exitError{2, fmt.Errorf("--format %q: want json, md, csv or html", opt.format)}
	}
	if opt.format == "csv" && (opt.output == "" || opt.output == "-") {
		return &exitError{2, fmt.Errorf("--format csv writes several files: name a directory with -o DIR")}
	}
	if opt.output == "" || opt.output == "-" {
		if err := checkStdout(stdout); err != nil {
			return err
		}
	}
	progress := report.NewProgress(stderr)
	defer progress.Done()

	progress.Step("reading documents…")
	docs, err := corpus.Load(opt.input)
	if err != nil {
		return err
	}
	progress.Step("comparing %d documents…", len(docs))
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	meta := report.NewMeta("citydiff", Version, res)

	progress.Step("writing %s…", opt.format)
	if opt.format == "csv" {
		files, err := report.CSV(res, meta)
		if err != nil {
			return err
		}
		return report.WriteDir(opt.output, files)
	}
	render := func(w io.Writer) error { return write(w, res, meta) }
	if opt.output == "" || opt.output == "-" {
		// Render fully before writing, so a failure prints no half report.
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			return err
		}
		return writeResult(stdout, buf.Bytes())
	}
	return report.WriteFile(opt.output, render)
}
