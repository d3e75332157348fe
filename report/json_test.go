package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestIndent(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"scalars", `1`, "1"},
		{"flat array", `{"span":[1,2]}`, "{\n  \"span\": [1, 2]\n}"},
		{"empty", `{"a":[],"b":{}}`, "{\n  \"a\": [],\n  \"b\": {}\n}"},
		{"nested", `[{"a":"x,[y]"}]`, "[\n  {\n    \"a\": \"x,[y]\"\n  }\n]"},
		{"escaped quote", `{"a":["\"[",2]}`, "{\n  \"a\": [\"\\\"[\", 2]\n}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(indent([]byte(tc.in)))
			if got != tc.want {
				t.Errorf("indent(%s) =\n%s\nwant\n%s", tc.in, got, tc.want)
			}
			var a, b any
			if json.Unmarshal([]byte(tc.in), &a) != nil || json.Unmarshal([]byte(got), &b) != nil {
				t.Fatal("invalid JSON")
			}
		})
	}
}

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
