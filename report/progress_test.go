package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProgressQuiet checks that progress stays off unless stderr is a
// terminal, and that a nil Progress is safe to use.
func TestProgressQuiet(t *testing.T) {
	var buf bytes.Buffer
	if p := NewProgress(&buf); p != nil {
		t.Error("progress on a buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := NewProgress(f)
	if p != nil {
		t.Error("progress on a regular file")
	}
	p.Step("step %d", 1) // nil: no panic, no output
	p.Done()
}
