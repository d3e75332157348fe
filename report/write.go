package report

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// WriteFile writes a report to path.
//
// A regular file (or a new one) is replaced atomically: render writes into
// a temporary file in the same directory, which replaces path only when
// rendering, flushing and closing all succeeded. On failure path is left as
// it was and the temporary file is removed, also when SIGINT or SIGTERM
// stops the process meanwhile.
//
// A symbolic link is followed: its target is written (atomically, when a
// regular file), and the link stays a link. Anything else that is not a
// regular file — a FIFO, a device such as /dev/null or /dev/stdout — is
// written directly, as a shell redirection would, never replaced; the
// report is rendered in memory first, so a failed render writes nothing.
// Errors name path.
func WriteFile(path string, render func(io.Writer) error) error {
	target, direct, err := resolve(path)
	if err != nil {
		return err
	}
	if direct {
		return writeDirect(path, render)
	}
	tmp, err := stage(path, target, render)
	if err != nil {
		return err
	}
	defer cleanup.drop(tmp)
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// resolve says where a report named path goes: the file to replace
// atomically (path itself, or the end of its chain of symbolic links), or
// direct when path exists and is not a regular file.
func resolve(path string) (target string, direct bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return "", false, fmt.Errorf("%s: is a directory", path)
	case err == nil && !info.Mode().IsRegular():
		return "", true, nil
	case err == nil:
		real, err := filepath.EvalSymlinks(path)
		if err != nil || strings.HasPrefix(real, "/proc/") {
			// A link the kernel resolves but a path cannot name, such as
			// /dev/stdout → /proc/self/fd/1 when it is a file.
			return "", true, nil
		}
		return real, false, nil
	case errors.Is(err, fs.ErrNotExist):
		return danglingTarget(path)
	default:
		return "", false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
}

// danglingTarget follows the symbolic links of a path that does not exist
// yet to the name the report should be created under.
func danglingTarget(path string) (string, bool, error) {
	target := path
	for hops := 0; ; hops++ {
		info, err := os.Lstat(target)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return target, false, nil // not there (or not a link): create it
		}
		if hops == 40 {
			return "", false, fmt.Errorf("%s: too many levels of symbolic links", path)
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", false, fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
}

// writeDirect renders in memory, then writes to path opened as it is.
func writeDirect(path string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// WriteTables writes the tables of a multi-file report (CSV) into dir,
// each named prefix + its name, creating dir if missing. Every table is
// first written to a temporary file; only when all are written are they
// renamed into place, so a run that fails writing replaces none of the
// old files. (Renames inside one directory fail only when the disk does;
// then the files renamed so far are new and the rest old, each one whole.)
// A file that is a symbolic link is written through it, as by WriteFile.
func WriteTables(dir, prefix string, tables []Table) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	paths := make([]string, len(tables))
	targets := make([]string, len(tables))
	for i, t := range tables {
		paths[i] = filepath.Join(dir, prefix+t.Name)
		target, direct, err := resolve(paths[i])
		if err != nil {
			return err
		}
		if direct {
			return fmt.Errorf("%s: not a regular file; a CSV report replaces the files in its directory", paths[i])
		}
		targets[i] = target
	}
	tmps := make([]string, 0, len(tables))
	defer func() {
		for _, t := range tmps {
			cleanup.drop(t)
		}
	}()
	removeAll := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for i, t := range tables {
		tmp, err := stage(paths[i], targets[i], t.Write)
		if err != nil {
			removeAll()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, path := range paths {
		if err := os.Rename(tmps[i], targets[i]); err != nil {
			removeAll()
			return fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
	}
	return nil
}

// Gzip compresses what render writes. The output has no name or time in
// its header, so the same report gives the same bytes.
func Gzip(render func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		zw := gzip.NewWriter(w)
		if err := render(zw); err != nil {
			return err
		}
		return zw.Close()
	}
}

// stage renders into a new temporary file next to target and returns its
// name; the file keeps the mode of the file it will replace, or 0644. It
// stays registered for removal on a signal until the caller drops it.
// Errors name path, the name the user gave.
func stage(path, target string, render func(io.Writer) error) (string, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	cleanup.add(f.Name())
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(f.Name())
		cleanup.drop(f.Name())
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := render(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		cleanup.drop(f.Name())
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return f.Name(), nil
}

// cleanup removes the temporary files of reports being written when
// SIGINT or SIGTERM arrives, then lets the signal take its usual course
// (the process ends with the signal's status). It is process-wide because
// signals are: while no file is registered, signals are left alone.
var cleanup tempFiles

type tempFiles struct {
	mu    sync.Mutex
	files map[string]bool
	sigs  chan os.Signal
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.files == nil {
		t.files = map[string]bool{}
	}
	t.files[name] = true
	if t.sigs == nil {
		t.sigs = make(chan os.Signal, 1)
		signal.Notify(t.sigs, syscall.SIGINT, syscall.SIGTERM)
		go t.wait(t.sigs)
	}
}

func (t *tempFiles) drop(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.files, name)
	if len(t.files) == 0 && t.sigs != nil {
		signal.Stop(t.sigs)
		close(t.sigs)
		t.sigs = nil
	}
}

// wait removes the registered files when a signal comes, then re-raises it
// with the default action restored.
func (t *tempFiles) wait(sigs chan os.Signal) {
	sig, ok := <-sigs
	if !ok {
		return
	}
	t.mu.Lock()
	for name := range t.files {
		os.Remove(name)
	}
	t.files = nil
	signal.Reset(sig)
	t.mu.Unlock()
	reraise(sig)
}

// unwrapPath drops the *PathError wrapper, whose message would name the
// temporary file rather than the report.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
