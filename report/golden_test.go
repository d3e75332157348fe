package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment/words"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is intended, run go test ./report -update\n%s",
			name, firstDiff(want, got))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + string(w) + "\ngot:  " + string(g)
		}
	}
	return "(same lines, different bytes)"
}

func TestGoldenMarkdown(t *testing.T) {
	r, m := fixedResult(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	golden(t, "fixed.md", buf.Bytes())
}

func TestGoldenCSV(t *testing.T) {
	r, m := fixedResult(t)
	tables, err := CSV(r, m)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range renderTables(t, tables) {
		golden(t, filepath.Join("csv", name), data)
	}
}

// TestDeterministic runs the whole pipeline twice from the files and
// checks that every format gives the same bytes.
func TestDeterministic(t *testing.T) {
	render := func() map[string][]byte {
		docs, err := corpus.Load(corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := compare.Analyze(docs, words.Default(), compare.DefaultParams())
		m := NewMeta("citydiff", "test", r)
		out := map[string][]byte{}
		for name, write := range map[string]func(*bytes.Buffer) error{
			"json":  func(b *bytes.Buffer) error { return JSON(b, r, m) },
			"jsonl": func(b *bytes.Buffer) error { return JSONL(b, r, m) },
			"md":    func(b *bytes.Buffer) error { return Markdown(b, r, m) },
			"html":  func(b *bytes.Buffer) error { return HTML(b, r, m) },
		} {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			out[name] = buf.Bytes()
		}
		tables, err := CSV(r, m)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range renderTables(t, tables) {
			out[name] = data
		}
		return out
	}
	a, b := render(), render()
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s: two runs differ\n%s", name, firstDiff(a[name], b[name]))
		}
	}
}
