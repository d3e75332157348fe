package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var errRender = errors.New("render failed")

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}

	// A failing writer leaves the old file and no temporary file.
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return errRender
	})
	if !errors.Is(err, errRender) {
		t.Fatalf("err = %v, want the render error", err)
	}
	assertFile(t, path, "old")
	assertOnly(t, dir, "report.json")

	// A successful write replaces it and keeps its mode.
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "new")
	assertOnly(t, dir, "report.json")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's 0640", info.Mode().Perm())
	}

	// A new file is created readable.
	fresh := filepath.Join(dir, "fresh.md")
	if err := WriteFile(fresh, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", info.Mode().Perm())
	}

	// Errors name the report, not the temporary file.
	err = WriteFile(filepath.Join(dir, "missing", "r.json"), func(io.Writer) error { return nil })
	if err == nil || err.Error() != filepath.Join(dir, "missing", "r.json")+": no such file or directory" {
		t.Errorf("err = %v", err)
	}
	if err := WriteFile(dir, func(io.Writer) error { return nil }); err == nil {
		t.Error("writing over a directory succeeded")
	}
}

// fixedTables are tables whose rendering writes the given text.
func fixedTables(nameText ...string) []Table {
	var out []Table
	for i := 0; i+1 < len(nameText); i += 2 {
		text := nameText[i+1]
		out = append(out, Table{Name: nameText[i], Write: func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}})
	}
	return out
}

func TestWriteTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "csv")
	if err := WriteTables(dir, "", fixedTables("a.csv", "a1", "b.csv", "b1")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "a.csv"), "a1")
	assertFile(t, filepath.Join(dir, "b.csv"), "b1")

	// A target that cannot be replaced fails the run before any file is.
	if err := os.Mkdir(filepath.Join(dir, "c.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteTables(dir, "", fixedTables("a.csv", "a2", "b.csv", "b2", "c.csv", "c2"))
	if err == nil {
		t.Fatal("no error writing over a directory")
	}
	assertFile(t, filepath.Join(dir, "a.csv"), "a1")
	assertFile(t, filepath.Join(dir, "b.csv"), "b1")
	assertOnly(t, dir, "a.csv", "b.csv", "c.csv")

	// A table that fails to render replaces none of the old files.
	failing := append(fixedTables("a.csv", "a3"), Table{Name: "b.csv", Write: func(w io.Writer) error {
		io.WriteString(w, "half")
		return errRender
	}})
	if err := WriteTables(dir, "", failing); !errors.Is(err, errRender) {
		t.Fatalf("err = %v, want the render error", err)
	}
	assertFile(t, filepath.Join(dir, "a.csv"), "a1")
	assertOnly(t, dir, "a.csv", "b.csv", "c.csv")

	// A prefix names the tables of one study side by side.
	if err := WriteTables(dir, "study-", fixedTables("a.csv", "s1")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "study-a.csv"), "s1")

	notDir := filepath.Join(dir, "a.csv")
	if err := WriteTables(notDir, "", fixedTables("a.csv", "x")); err == nil {
		t.Error("writing into a file succeeded")
	}
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s = %q, want %q", filepath.Base(path), got, want)
	}
}

// assertOnly checks that dir holds exactly the names given: no temporary
// file is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %q, want %q", dir, got, names)
	}
	for i := range got {
		if got[i] != names[i] {
			t.Fatalf("%s holds %q, want %q", dir, got, names)
		}
	}
}
