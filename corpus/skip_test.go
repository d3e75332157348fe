package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"citydiff/segment"
)

// TestSkipsFilesWithoutText: in a named directory, a file that holds no
// document text (a regulation cut short after its header notes) is passed
// over and reported, naming it; named by itself it stays an error.
func TestSkipsFilesWithoutText(t *testing.T) {
	dir := t.TempDir()
	good := "# 某市文明行为促进条例\n\n<!-- INFO END -->\n\n第一条 为了促进文明行为，制定本条例。\n\n第二条 公民应当遵守公共秩序。\n"
	cut := "# 某市物业管理条例\n\n2020年1月1日 某市人民代表大会常务委员会通过\n\n<!-- INFO END -->\n"
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte(cut), 0o644)
	var skipped []error
	opt := Options{Files: []string{dir}, NoSeeds: true, Skipped: func(err error) { skipped = append(skipped, err) }}
	docs, err := Load(opt)
	if err != nil || len(docs) != 1 || docs[0].ID != "a" {
		t.Fatalf("Load = %d documents, %v; want a.md alone", len(docs), err)
	}
	b := filepath.Join(dir, "b.md")
	if len(skipped) != 1 || !errors.Is(skipped[0], segment.ErrNoText) || !strings.HasPrefix(skipped[0].Error(), b+": ") {
		t.Errorf("skipped = %v, want b.md named with ErrNoText", skipped)
	}
	opt.Files = []string{b, dir}
	if _, err := Load(opt); !errors.Is(err, segment.ErrNoText) {
		t.Errorf("b.md named by itself: err = %v, want ErrNoText", err)
	}
	if _, err := Load(Options{Files: []string{dir}, NoSeeds: true}); !errors.Is(err, segment.ErrNoText) {
		t.Errorf("without Skipped: err = %v, want ErrNoText", err)
	}
}
