package report

import (
	"bufio"
	"compress/gzip"
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

// WriteTables writes the tables of a multi-file report (CSV) into dir,
// each named prefix + its name, creating dir if missing. Every table is
// first written to a temporary file; only when all are written are they
// renamed into place, so a run that fails writing replaces none of the
// old files. (Renames inside one directory fail only when the disk does;
// then the files renamed so far are new and the rest old, each one whole.)
func WriteTables(dir, prefix string, tables []Table) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, unwrapPath(err))
	}
	paths := make([]string, len(tables))
	for i, t := range tables {
		paths[i] = filepath.Join(dir, prefix+t.Name)
		if info, err := os.Stat(paths[i]); err == nil && info.IsDir() {
			return fmt.Errorf("%s: is a directory", paths[i])
		}
	}
	tmps := make([]string, 0, len(tables))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for i, t := range tables {
		tmp, err := stage(paths[i], t.Write)
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, path := range paths {
		if err := os.Rename(tmps[i], path); err != nil {
			cleanup()
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
