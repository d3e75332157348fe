package report

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteFileThroughSymlinks: a link is written through, to its target,
// and stays a link (issue 14 item 9: the rename turned it into a file).
func TestWriteFileThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "reports", "latest.json")
	os.Mkdir(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "report.json")
	if err := os.Symlink(filepath.Join("reports", "latest.json"), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link (%v)", link, err)
	}
	assertFile(t, real, "new")
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want its own 0600", info.Mode().Perm())
	}
	assertOnly(t, filepath.Dir(real), "latest.json")

	// A dangling link: the report is created where it points.
	dangling := filepath.Join(dir, "next.json")
	os.Symlink(filepath.Join(dir, "reports", "next.json"), dangling)
	if err := WriteFile(dangling, writeString("made")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, filepath.Join(dir, "reports", "next.json"), "made")
	if info, _ := os.Lstat(dangling); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link", dangling)
	}
}

// TestWriteFileSpecial: FIFOs and devices are written directly, never
// replaced by a regular file (issue 14 item 9: -o /dev/null as root would
// have replaced the device).
func TestWriteFileSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := WriteFile(fifo, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Errorf("reader got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came through the FIFO")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a FIFO (%v)", fifo, err)
	}
	assertOnly(t, dir, "pipe")

	// A character device, named through a link in the test's directory (so
	// that a regression replaces the link, never /dev/null itself): written
	// to, and the link still leads to the device.
	link := filepath.Join(dir, "null")
	os.Symlink("/dev/null", link)
	if err := WriteFile(link, writeString("discarded")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(link); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s no longer leads to a device (%v)", link, err)
	}
	// A failed render writes nothing to a device.
	if err := WriteFile(link, func(io.Writer) error { return errRender }); !errors.Is(err, errRender) {
		t.Errorf("err = %v, want the render error", err)
	}
}

// signalChildEnv makes the test binary a child that writes a report whose
// rendering never ends, so that the parent can signal it.
const signalChildEnv = "CITYDIFF_TEST_WRITE_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(signalChildEnv); path != "" {
		WriteFile(path, func(w io.Writer) error {
			io.WriteString(w, "partial")
			w.(interface{ Flush() error }).Flush()
			os.Stdout.WriteString("rendering\n")
			time.Sleep(time.Minute)
			return nil
		})
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// TestWriteFileSignal: SIGINT or SIGTERM while a report is being written
// removes the hidden temporary file and ends the process by the signal
// (issue 14 item 9: an interrupted run left .NAME.tmp… behind).
func TestWriteFileSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.json")
			os.WriteFile(path, []byte("old"), 0o644)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), signalChildEnv+"="+path)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, 64)
			n, _ := out.Read(buf)
			if !strings.Contains(string(buf[:n]), "rendering") {
				cmd.Process.Kill()
				t.Fatalf("child said %q", buf[:n])
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("while rendering %d files, want the report and its temporary file", len(entries))
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != sig {
				t.Errorf("child ended with %v, want killed by %v", err, sig)
			}
			assertFile(t, path, "old")
			assertOnly(t, dir, "report.json")
		})
	}
}
