package cli

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/report"
	"citydiff/segment/words"
)

func init() { extraCommands = append(extraCommands, newReportCmd) }

// reportOptions are the flags of `citydiff report`.
type reportOptions struct {
	format      string
	output      string
	noSeeds     bool
	timings     bool
	topPartners int
	minShared   int
	topSet      bool // --top-partners given
	minSet      bool // --min-shared given
	files       []string
	input       corpus.Options
}

// reportFormats maps a format to its writer; csv is written apart, as a
// set of tables.
var reportFormats = map[string]func(io.Writer, *compare.Result, report.Meta) error{
	"json":  report.JSON,
	"jsonl": report.JSONL,
	"md":    report.Markdown,
	"html":  report.HTML,
}

// formatByExt guesses the format from -o when --format is not given.
var formatByExt = map[string]string{".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md",
	".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv"}

func newReportCmd() *cobra.Command {
	var opt reportOptions
	cmd := &cobra.Command{
		Use:   "report [--format json|jsonl|md|csv|html] [-o FILE|DIR] [--no-seeds] [FILE...]",
		Short: "Write the comparison as JSON, JSON Lines, Markdown, CSV or a self-contained HTML page",
		Long: `report compares the five built-in documents and any FILEs named (files or
directories) and writes what it found:

  json   the full analysis, schema citydiff/report/v1 (docs/report-schema.md)
  jsonl  the same records as JSON Lines, one per line with a "type" field,
         for pandas, duckdb or R
  md     a summary to paste into a memo
  html   one self-contained page: similarity, topics, measure × city matrix
  csv    tables in long form for spreadsheets, R or pandas (measures,
         measure_documents, clauses, sections, passages, alignments,
         similarity, documents, parameters): -o DIR writes DIR/measures.csv
         …, created if missing; -o NAME.csv writes NAME-measures.csv …

json, jsonl, md and html go to standard output unless -o names a file;
without --format the format follows the -o file's extension (.json .jsonl
.md .html .csv), else json; a further .gz (report.jsonl.gz, study.csv.gz)
writes gzip, which pandas, duckdb and R read as they are. Files are replaced
atomically: a failed or interrupted run leaves old reports alone. A symbolic
link is written through to its target; a FIFO or a device (/dev/stdout) is
written directly, never replaced. Every report records the tool version, the
parameters and each input's sha256, and the same inputs give the same bytes.

Up to 500 documents every pair of documents is listed with its similarity;
above, each document's 50 closest partners among those it shares a measure
with (--top-partners, --min-shared; 0 and 0 list every pair). The cut is
recorded with the parameters.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.files = args
			opt.input = inputs(cmd, opt.files, opt.noSeeds)
			if !cmd.Flags().Changed("format") {
				if f, ok := formatByExt[strings.ToLower(filepath.Ext(strings.TrimSuffix(opt.output, gzipExt(opt.output))))]; ok {
					opt.format = f
				}
			}
			opt.topSet, opt.minSet = cmd.Flags().Changed("top-partners"), cmd.Flags().Changed("min-shared")
			return runReport(cmd.OutOrStdout(), cmd.ErrOrStderr(), opt)
		},
	}
	cmd.Flags().StringVar(&opt.format, "format", "json", "json, jsonl, md, csv or html")
	cmd.Flags().StringVarP(&opt.output, "output", "o", "", "write to FILE (a directory or NAME.csv for csv) instead of standard output")
	cmd.Flags().BoolVar(&opt.noSeeds, "no-seeds", false, "compare only the FILEs named, without the built-in documents")
	cmd.Flags().IntVar(&opt.topPartners, "top-partners", 0, "list a document pair only when one ranks the other among its N closest (0: no limit; default 50 above 500 documents)")
	cmd.Flags().IntVar(&opt.minShared, "min-shared", 0, "list a document pair only when it shares at least N measures (default 1 above 500 documents)")
	cmd.Flags().BoolVar(&opt.timings, "timings", false, "print the time each stage took to standard error")
	return cmd
}

func runReport(stdout, stderr io.Writer, opt reportOptions) error {
	write, ok := reportFormats[opt.format]
	if !ok && opt.format != "csv" {
		return &exitError{2, fmt.Errorf("--format %q: want json, jsonl, md, csv or html", opt.format)}
	}
	if opt.format == "csv" && (opt.output == "" || opt.output == "-") {
		return &exitError{2, fmt.Errorf("--format csv writes several files: name a directory with -o DIR (or -o NAME.csv)")}
	}
	if opt.topPartners < 0 || opt.minShared < 0 {
		return &exitError{2, fmt.Errorf("--top-partners and --min-shared take a number ≥ 0")}
	}
	if opt.output == "" || opt.output == "-" {
		if err := checkStdout(stdout); err != nil {
			return err
		}
	}
	progress := report.NewProgress(stderr)
	defer progress.Done()
	timer := newStageTimer(stderr, opt.timings)

	progress.Step("reading documents…")
	docs, err := corpus.Load(opt.input)
	if err != nil {
		return err
	}
	timer.done("load", "read, decode, structure and segment %d documents", len(docs))
	progress.Step("comparing %d documents…", len(docs))
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	timer.done("analyze", "%d measures, %d topics, %d passages", len(res.Measures), len(res.Topics), len(res.Passages))
	meta := report.NewMeta("citydiff", Version, res)
	if opt.topSet {
		meta.Cut.TopPartners = opt.topPartners
	}
	if opt.minSet {
		meta.Cut.MinShared = opt.minShared
	}

	progress.Step("writing %s…", opt.format)
	if err := writeReport(stdout, opt, write, res, meta); err != nil {
		return err
	}
	timer.done("write", "%s", opt.format)
	return nil
}

// writeReport writes the report where -o says: standard output, a file, or
// for csv a set of tables.
func writeReport(stdout io.Writer, opt reportOptions, write func(io.Writer, *compare.Result, report.Meta) error, res *compare.Result, meta report.Meta) error {
	gz := gzipExt(opt.output)
	output := strings.TrimSuffix(opt.output, gz)
	if opt.format == "csv" {
		dir, prefix := output, ""
		if strings.EqualFold(filepath.Ext(output), ".csv") {
			dir, prefix = filepath.Dir(output), strings.TrimSuffix(filepath.Base(output), filepath.Ext(output))+"-"
		}
		tables, err := report.CSV(res, meta)
		if err != nil {
			return err
		}
		if gz != "" {
			for i := range tables {
				tables[i] = report.Table{Name: tables[i].Name + gz, Write: report.Gzip(tables[i].Write)}
			}
		}
		return report.WriteTables(dir, prefix, tables)
	}
	render := func(w io.Writer) error { return write(w, res, meta) }
	if gz != "" {
		render = report.Gzip(render)
	}
	if opt.output == "" || opt.output == "-" {
		// The writers check everything they could fail on before the first
		// byte, so what reaches stdout is whole unless stdout itself fails.
		bw := bufio.NewWriterSize(stdout, 64<<10)
		if err := render(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing standard output: %w", err)
		}
		return nil
	}
	return report.WriteFile(opt.output, render)
}

// gzipExt is ".gz" when -o names a gzip file (report.json.gz), which is
// written compressed; the extension before it names the format.
func gzipExt(output string) string {
	if ext := filepath.Ext(output); strings.EqualFold(ext, ".gz") {
		return ext
	}
	return ""
}

// stageTimer prints, with --timings, how long each stage took: one line
// per stage on stderr, "timing STAGE SECONDS  what it did".
type stageTimer struct {
	w          io.Writer
	start, lap time.Time
}

func newStageTimer(w io.Writer, on bool) *stageTimer {
	if !on {
		return nil
	}
	now := time.Now()
	return &stageTimer{w: w, start: now, lap: now}
}

func (t *stageTimer) done(stage, format string, args ...any) {
	if t == nil {
		return
	}
	now := time.Now()
	fmt.Fprintf(t.w, "timing %-8s %7.2fs  %s\n", stage, now.Sub(t.lap).Seconds(), fmt.Sprintf(format, args...))
	t.lap = now
	if stage == "write" {
		fmt.Fprintf(t.w, "timing %-8s %7.2fs\n", "total", now.Sub(t.start).Seconds())
	}
}
