package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

func TestScore(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0.123456, "0.1235"}, {1, "1"}, {0, "0"}, {-0.00001, "0"}, {0.5, "0.5"}, {0.99995, "1"}} {
		if got := Score(tc.in).String(); got != tc.want {
			t.Errorf("Score(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestJSONSeeds checks the seeds' report with the shared checker script.
func TestJSONSeeds(t *testing.T) {
	r, m := seedMeta(t)
	var buf bytes.Buffer
	if err := JSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	validateReport(t, "seeds", buf.Bytes())
	checker := os.Getenv("CITYDIFF_CHECKER")
	if checker == "" {
		checker = filepath.Join("..", "..", "shared", "tools", "check-report.py")
	}
	// Missing tools fail the test unless skipping was asked for by name, so
	// that a run without the checker never passes as if it had checked.
	missing := func(why string) {
		if os.Getenv("CITYDIFF_SKIP_CHECKER") == "1" {
			t.Skip("SKIPPED (CITYDIFF_SKIP_CHECKER=1): " + why)
		}
		t.Fatal(why + "; set CITYDIFF_CHECKER=PATH, or CITYDIFF_SKIP_CHECKER=1 to skip this check")
	}
	if _, err := os.Stat(checker); err != nil {
		missing("the report checker is missing: " + err.Error())
	}
	if _, err := exec.LookPath("python3"); err != nil {
		missing("python3, which runs the report checker, is missing")
	}
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("python3", checker, path).CombinedOutput()
	if err != nil {
		t.Fatalf("check-report.py: %v\n%s", err, out)
	}
	t.Logf("check-report.py: %s", bytes.TrimSpace(out))
}

// TestClauseText checks, without Python, that every clause's text is the
// original at its span, counted in code points.
func TestClauseText(t *testing.T) {
	r, m := seedMeta(t)
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range rep.Documents {
		orig := []rune(r.Docs[i].Original)
		for _, c := range d.Clauses {
			if c.Span[0] < 0 || c.Span[1] > len(orig) || string(orig[c.Span[0]:c.Span[1]]) != c.Text {
				t.Errorf("%s: text %q is not original[%d:%d]", c.ID, c.Text, c.Span[0], c.Span[1])
			}
		}
	}
}

// TestJSONIsTheModel checks that the streamed JSON holds exactly the model
// Markdown and HTML render, and that every record is on a line of its own.
func TestJSONIsTheModel(t *testing.T) {
	r, m := seedMeta(t)
	var buf bytes.Buffer
	if err := JSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	model, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var got, want any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(model, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the streamed JSON differs from the report model")
	}
	lines := bytes.Count(buf.Bytes(), []byte("\n"))
	records := len(rep.Documents) + len(rep.Alignments) + len(rep.Measures) + len(rep.Similarity) + len(rep.Passages)
	for _, d := range rep.Documents {
		records += len(d.Sections) + len(d.Clauses)
	}
	if lines < records || lines > records+3*len(rep.Documents)+60 {
		t.Errorf("%d lines for %d records", lines, records)
	}
}
