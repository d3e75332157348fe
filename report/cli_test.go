package report_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"citydiff/cli"
	"citydiff/report"
)

// These tests run `citydiff report` as a user would, through cli.Execute.

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Execute(append([]string{"report"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const draft = `某某市关于加强基层法治建设的意见

一、加强立法工作
健全行政裁量权基准制度,推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
加强人大监督。
二、创新服务
在全市每个村配备一名法律明白人,每月开展一次法治讲座。
`

func TestCommandJSON(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(mine, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, mine)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if errs != "" {
		t.Errorf("stderr is not a terminal, yet got %q", errs)
	}
	report.ValidateReport(t, "seeds+mine", []byte(out))
	if !strings.Contains(out, `"id":"mine"`) || !strings.Contains(out, `"id":"shantou"`) {
		t.Error("the user's file or the seeds are missing")
	}

	code, out, errs = run(t, "--no-seeds", mine)
	if code != 0 {
		t.Fatalf("--no-seeds: exit %d: %s", code, errs)
	}
	report.ValidateReport(t, "mine", []byte(out))
	if strings.Contains(out, `"shantou"`) {
		t.Error("--no-seeds still compares the seeds")
	}
}

func TestCommandFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ args, want []string }{
		{[]string{"-o", filepath.Join(dir, "r.html")}, []string{"r.html"}},
		{[]string{"--format", "md", "-o", filepath.Join(dir, "r.txt")}, []string{"r.txt"}},
		{[]string{"-o", filepath.Join(dir, "r.md")}, []string{"r.md"}},
		{[]string{"--format", "csv", "-o", filepath.Join(dir, "csv", "out")}, []string{"csv/out/measures.csv", "csv/out/clauses.csv", "csv/out/similarity.csv", "csv/out/alignments.csv"}},
		{[]string{"-o", filepath.Join(dir, "study.csv")}, []string{"study-measures.csv", "study-measure_documents.csv", "study-sections.csv", "study-passages.csv"}},
		{[]string{"-o", filepath.Join(dir, "r.jsonl")}, []string{"r.jsonl"}},
	} {
		code, out, errs := run(t, tc.args...)
		if code != 0 || out != "" || errs != "" {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q", tc.args, code, len(out), errs)
		}
		for _, name := range tc.want {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("%q: %v", tc.args, err)
			}
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "r.html"))
	md, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	jsonl, _ := os.ReadFile(filepath.Join(dir, "r.jsonl"))
	if !bytes.HasPrefix(html, []byte("<!DOCTYPE html>")) || !bytes.HasPrefix(md, []byte("# citydiff report")) ||
		!bytes.HasPrefix(jsonl, []byte(`{"type":"report","schema":"citydiff/report/v1"`)) {
		t.Error("the format does not follow the -o extension")
	}
	if _, err := os.Stat(filepath.Join(dir, "study.csv")); err == nil {
		t.Error("-o study.csv wrote study.csv besides the tables")
	}
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown format", []string{"--format", "xml"}, 2, `--format "xml"`},
		{"csv needs a directory", []string{"--format", "csv"}, 2, "-o DIR"},
		{"missing input", []string{"-o", old, filepath.Join(dir, "nosuch.txt")}, 1, "nosuch.txt: no such file or directory"},
		{"no documents", []string{"--no-seeds"}, 1, "no documents"},
		{"output directory missing", []string{"-o", filepath.Join(dir, "no", "r.json")}, 1, filepath.Join(dir, "no", "r.json")},
		{"csv into a file", []string{"--format", "csv", "-o", old}, 1, "not a directory"},
		{"negative cut", []string{"--top-partners", "-1", "-o", old}, 2, "--top-partners"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if out != "" {
				t.Errorf("stdout %q on error", out)
			}
			if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.msg) {
				t.Errorf("stderr %q, want one line containing %q", errs, tc.msg)
			}
		})
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("a failed run replaced the old report: %q", b)
	}
}

// TestCommandCutAndTimings runs the report with a chosen similarity cut
// and --timings, as a user measuring a corpus would.
func TestCommandCutAndTimings(t *testing.T) {
	code, out, errs := run(t, "--top-partners", "1", "--timings")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	report.ValidateReport(t, "cut", []byte(out))
	if !strings.Contains(out, `"similarity_top_partners": 1`) || !strings.Contains(out, `"similarity_min_shared": 0`) {
		t.Error("the cut asked for is not recorded")
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Similarity); n >= 10 || n < 3 {
		t.Errorf("%d pairs listed for 5 documents, each keeping its closest partner", n)
	}
	for _, stage := range []string{"timing load", "timing analyze", "timing write", "timing total"} {
		if !strings.Contains(errs, stage) {
			t.Errorf("--timings: no %q line in %q", stage, errs)
		}
	}
}

// TestCommandGzip writes reports with a .gz name: gzip, the format taken
// from the name before it, and the same bytes on a second run.
func TestCommandGzip(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"r.json.gz", "r2.json.gz", "t.csv.gz"} {
		if code, _, errs := run(t, "-o", filepath.Join(dir, name)); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
	}
	read := func(name string) []byte {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return data
	}
	report.ValidateReport(t, "r.json.gz", read("r.json.gz"))
	a, _ := os.ReadFile(filepath.Join(dir, "r.json.gz"))
	b, _ := os.ReadFile(filepath.Join(dir, "r2.json.gz"))
	if !bytes.Equal(a, b) {
		t.Error("two runs give different gzip bytes")
	}
	if csv := read("t-clauses.csv.gz"); !bytes.HasPrefix(csv, []byte("\uFEFF\"document\",\"id\"")) {
		t.Errorf("t-clauses.csv.gz starts %q", csv[:min(40, len(csv))])
	}
}
