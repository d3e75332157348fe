package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFormats runs `citydiff check` on the test draft in each format.
func TestCheckFormats(t *testing.T) {
	draft := "../draftcheck/testdata/draft.txt"
	run := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := Execute(append([]string{"check", draft}, args...), strings.NewReader(""), &out, &errOut)
		return out.String(), errOut.String(), code
	}
	md, _, code := run("--against", "汕头", "--against", "puyang")
	if code != 0 || !strings.Contains(md, "# Draft check: draft against 2 cities") || !strings.Contains(md, "dropped: 汕头; added: 江城") || !strings.Contains(md, "## Own: 1 clause") {
		t.Errorf("md (exit %d):\n%s", code, md)
	}
	again, _, _ := run("--against", "汕头", "--against", "puyang")
	if again != md {
		t.Error("two runs give different bytes")
	}

	out, _, code := run("--format", "json", "--at-least", "3")
	var j struct {
		Against   []string `json:"against"`
		MinCities int      `json:"min_cities"`
		Missing   []struct {
			Cities []string `json:"cities"`
		} `json:"missing"`
		Borrowed []struct {
			Kind, From string
			Dropped    []string
		} `json:"borrowed"`
		Own []string `json:"own"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != 0 {
		t.Fatalf("json (exit %d): %v\n%s", code, err, out)
	}
	if len(j.Against) != 5 || j.MinCities != 3 || len(j.Own) != 1 || len(j.Borrowed) < 10 {
		t.Errorf("json: %d cities, k=%d, %d own, %d borrowed", len(j.Against), j.MinCities, len(j.Own), len(j.Borrowed))
	}
	for _, m := range j.Missing {
		if len(m.Cities) < 3 {
			t.Errorf("missing measure in %v, fewer than 3 cities", m.Cities)
		}
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "check.csv")
	if _, errOut, code := run("-o", path); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	f, _ := os.Open(path)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) < 20 || rows[0][0] != "finding" {
		t.Errorf("csv: %v, %d rows", err, len(rows))
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--against", "北京"}, 2, "--against 北京: no such city"},
		{[]string{"--format", "pdf"}, 2, `--format "pdf"`},
		{[]string{"--at-least", "0"}, 2, "--at-least 0"},
	} {
		if _, errOut, code := run(tt.args...); code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	var out2, errOut bytes.Buffer
	if code := Execute([]string{"check", filepath.Join(dir, "nope.txt")}, strings.NewReader(""), &out2, &errOut); code == 0 || !strings.Contains(errOut.String(), "nope.txt") {
		t.Errorf("missing draft: exit %d, %q", code, errOut.String())
	}
}
