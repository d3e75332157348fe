package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	os.WriteFile(draft, []byte("关于加强法治建设的意见\n一、总体要求\n坚持依法治市。\n"), 0o644)
	sub := filepath.Join(dir, "more")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "b.html"), []byte("<p>x</p>"), 0o644)
	os.WriteFile(filepath.Join(sub, "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(sub, "notes.pdf"), []byte("x"), 0o644)
	shantou := filepath.Join(dir, "shantou.txt")
	os.WriteFile(shantou, []byte("x"), 0o644)

	ins, err := Inputs(Options{Files: []string{draft, sub, shantou}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range ins {
		ids = append(ids, in.ID)
	}
	want := "shantou xiangtan shanghai puyang ganzhou draft a b shantou-2"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
	if ins[0].Meta.City != "汕头" {
		t.Errorf("seed metadata lost: %+v", ins[0].Meta)
	}

	ins, err = Inputs(Options{Files: []string{draft}, NoSeeds: true})
	if err != nil || len(ins) != 1 || ins[0].ID != "draft" {
		t.Errorf("--no-seeds: %v %v", ins, err)
	}
	if _, err := Inputs(Options{NoSeeds: true}); err == nil {
		t.Error("no documents at all was accepted")
	}
}

func TestLoadRefusesBadFileByName(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "scan.txt")
	os.WriteFile(bad, []byte{0x00, 0x01, 0x02, 0xff, 0x00}, 0o644)
	_, err := Load(Options{Files: []string{bad}, NoSeeds: true})
	if err == nil || !strings.Contains(err.Error(), "scan.txt") {
		t.Errorf("err = %v, want one naming scan.txt", err)
	}
}
