package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"citydiff/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestOutlineGolden pins the structure recovered from each built-in
// document. The golden files were checked by hand against the documents:
// see docs/engine.md ("Checking the outlines").
func TestOutlineGolden(t *testing.T) {
	ins, err := corpus.Inputs(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := corpus.Parse(ins, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			var buf bytes.Buffer
			WriteOutline(&buf, d)
			path := filepath.Join("testdata", "outline", d.ID+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("outline of %s changed; run go test ./cli -update and review the diff\n%s", d.ID, buf.String())
			}
		})
	}
}

func TestExecuteErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("坚持依法治市。\n"), 1<<16), 0o644) // 1.4 MB
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing file", []string{"outline", filepath.Join(dir, "nope.txt")}, 1, "nope.txt: no such file or directory"},
		{"directory without documents", []string{"outline", empty}, 1, "directory holds no documents"},
		{"binary file", []string{"outline", bin}, 1, "photo.txt"},
		{"unknown flag", []string{"outline", "--bogus"}, 2, "unknown flag"},
		{"tokens needs a file", []string{"tokens"}, 1, "accepts 1 arg"},
		{"past the size limit", []string{"outline", "--max-input-mb", "1", big}, 1, "big.txt: larger than the input size limit: 1.4 MB, the limit is 1 MB (raise the limit with --max-input-mb)"},
		{"size limit zero", []string{"report", "--max-input-mb", "0"}, 2, "--max-input-mb 0: want a size in MB"},
		{"fifo", []string{"outline", fifo}, 1, "pipe.txt: a named pipe (FIFO), not a document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Execute(tt.args, nil, &out, &errb)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !bytes.Contains(errb.Bytes(), []byte(tt.msg)) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.msg)
			}
			if bytes.Count(errb.Bytes(), []byte("\n")) != 1 {
				t.Errorf("want one line of error, got %q", errb.String())
			}
		})
	}
}

func TestTokensOfSeed(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Execute([]string{"tokens", "--content", "shanghai"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	// Traditional text is matched in Simplified, and domain terms stay whole.
	for _, w := range []string{"公职律师", "司法所", "法治建设"} {
		if !bytes.Contains(out.Bytes(), []byte(w)) {
			t.Errorf("tokens of shanghai lack %q", w)
		}
	}
}
