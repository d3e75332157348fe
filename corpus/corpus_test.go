package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"citydiff/segment/decode"
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

// A directory of regulations in Markdown (as LawRefBook publishes them) is
// read as Markdown: titles without their "#", chapters as sections.
func TestMarkdownDirectory(t *testing.T) {
	dir := t.TempDir()
	reg := "# 某市养犬管理条例\n\n2021年3月1日 某市人民代表大会常务委员会第三次会议通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范养犬行为，制定本条例。\n\n第二条 本条例自公布之日起施行。\n"
	os.WriteFile(filepath.Join(dir, "a.md"), []byte(reg), 0o644)
	os.WriteFile(filepath.Join(dir, "b.markdown"), []byte(reg), 0o644)
	docs, err := Load(Options{Files: []string{dir}, NoSeeds: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want a.md and b.markdown", len(docs))
	}
	for _, d := range docs {
		if d.Format != "markdown" || d.Title != "某市养犬管理条例" || d.Sections[0].Heading != "总则" || len(d.Clauses) != 2 {
			t.Errorf("%s: format %q title %q first section %q, %d clauses", d.ID, d.Format, d.Title, d.Sections[0].Heading, len(d.Clauses))
		}
	}
}

// TestRefusesNonRegularFiles: a FIFO, a device and a directory where a
// file is expected are refused at once with a message naming them (issue
// 14 item 8: a FIFO hung, /dev/zero ran out of memory).
func TestRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	listed := filepath.Join(dir, "listed")
	os.Mkdir(listed, 0o755)
	os.Symlink(sub, filepath.Join(listed, "folder.txt")) // a directory named like a document
	for _, tc := range []struct{ path, named, want string }{
		{fifo, fifo, "a named pipe (FIFO), not a document"},
		{"/dev/zero", "/dev/zero", "a character device, not a document"},
		{listed, filepath.Join(listed, "folder.txt"), "a directory, not a document"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Inputs(Options{Files: []string{tc.path}, NoSeeds: true})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.HasPrefix(err.Error(), tc.named+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: err = %v, want %q naming %s", tc.path, err, tc.want, tc.named)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", tc.path)
		}
	}
}

// TestSizeLimit: a file past the limit is refused by name, wrapping
// decode.ErrTooLarge; Limit raises it.
func TestSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	text := strings.Repeat("坚持依法治市，推进科学立法。\n", 1<<16) // 2.6 MB
	os.WriteFile(path, []byte(text), 0o644)
	_, err := Inputs(Options{Files: []string{path}, NoSeeds: true, Limit: 1 << 20})
	if !errors.Is(err, decode.ErrTooLarge) || !strings.HasPrefix(err.Error(), path+": larger than the input size limit") {
		t.Fatalf("err = %v, want the size limit naming %s", err, path)
	}
	ins, err := Inputs(Options{Files: []string{path}, NoSeeds: true, Limit: 4 << 20})
	if err != nil || len(ins[0].Data) != len(text) || ins[0].Limit != 4<<20 {
		t.Fatalf("under a raised limit: %v", err)
	}
}
