package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes a report to path atomically: render writes into a
// temporary file in the same directory, which replaces path only when
// rendering, flushing and closing all succeeded. On failure path is left
// as it was and the temporary file is removed. Errors name path.
func WriteFile(path string, render func(io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	tmp, err := stage(path, render)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}

// File is one file of a multi-file report (CSV).
type File struct {
	Name string // base name inside the report directory
	Data []byte
}

// WriteDir writes files into dir, creating dir if missing. Every file is
// first written to a temporary file; only when all are written are they
// renamed into place, so a run that fails writing replaces none of the old
// files. (Renames inside one directory fail only when the disk does; then
// the files renamed so far are new and the rest old, each one whole.)
func WriteDir(dir string, files []File) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			return fmt.Errorf("%s: is a directory", path)
		}
	}
	tmps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		tmp, err := stage(path, func(w io.Writer) error {
			_, err := w.Write(f.Data)
			return err
		})
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.Rename(tmps[i], path); err != nil {
			cleanup()
			return fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
	}
	return nil
}

// stage renders into a new temporary file next to path and returns its
// name; the file keeps the mode of the file it will replace, or 0644.
func stage(path string, render func(io.Writer) error) (string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(f.Name())
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
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
		return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return f.Name(), nil
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
