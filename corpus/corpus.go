// Package corpus gathers the documents of one comparison: the built-in
// seeds and the files a user names, parsed in parallel into
// segment.Documents with stable ids.
//
// It is the one place that turns command-line paths into documents, so the
// report, the TUI and the SSH server all accept the same inputs and refuse
// bad ones with the same messages.
package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"citydiff/seeds"
	"citydiff/segment"
	"citydiff/segment/decode"
	"citydiff/segment/words"
)

// Extensions are the file types looked for when a directory is named.
var Extensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx"}

// Options select the documents of a comparison.
type Options struct {
	Files   []string // files or directories named by the user
	NoSeeds bool     // leave the built-in documents out
	// Limit is the largest file read, in bytes, and the most a .docx may
	// expand to; 0 means decode.DefaultLimit.
	Limit int64
	// Skipped, when set, lets Load pass over a file found in a named
	// directory that holds no document text (a title and header notes
	// only, front matter, punctuation): it is told of each such file, with
	// the error naming it and the reason, and the others are compared. A
	// file named by itself is always an error; without Skipped, so is
	// every file.
	Skipped func(err error)
}

// Inputs resolves the options to parse inputs, in order: seeds first, then
// the user's files in the order named (a directory's files sorted by name).
func Inputs(opt Options) ([]segment.Input, error) {
	var ins []segment.Input
	used := map[string]bool{}
	if !opt.NoSeeds {
		all, err := seeds.All()
		if err != nil {
			return nil, err
		}
		for _, s := range all {
			ins = append(ins, segment.Input{
				ID: s.ID, Name: s.File, Data: s.Data,
				Meta: segment.Meta{City: s.City, Province: s.Province, Issuer: s.Issuer, Date: s.Date, Published: s.Published, Genre: s.Genre},
			})
			used[s.ID] = true
		}
	}
	paths, err := expand(opt.Files)
	if err != nil {
		return nil, err
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = decode.DefaultLimit
	}
	for _, path := range paths {
		data, err := readFile(path, limit)
		if err != nil {
			return nil, err
		}
		ins = append(ins, segment.Input{ID: uniqueID(FileID(path), used), Name: path, Data: data, Limit: limit})
	}
	if len(ins) == 0 {
		return nil, errors.New("no documents to compare: name some files or drop --no-seeds")
	}
	return ins, nil
}

func expand(names []string) ([]string, error) {
	var out []string
	for _, name := range names {
		info, err := os.Stat(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or directory", name)
			}
			return nil, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
		}
		if !info.IsDir() {
			out = append(out, name)
			continue
		}
		entries, err := os.ReadDir(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, errors.Unwrap(err))
		}
		var found []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && contains(Extensions, ext) {
				found = append(found, filepath.Join(name, e.Name()))
			}
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: directory holds no documents (looked for %s)", name, strings.Join(Extensions, " "))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// readFile reads a document of at most limit bytes. Only regular files are
// read: a FIFO would block until someone writes to it, and a device such as
// /dev/zero never ends. The checks are made on the opened file, so a file
// swapped after the directory was listed is caught too; it is opened
// without blocking, so opening a FIFO does not wait for a writer.
func readFile(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := regular(path, info); err != nil {
		return nil, err
	}
	tooLarge := func(size string) error {
		return fmt.Errorf("%s: %w: %s, the limit is %s", path, decode.ErrTooLarge, size, decode.SizeString(limit))
	}
	if info.Size() > limit {
		return nil, tooLarge(decode.SizeString(info.Size()))
	}
	// The size may change while reading (a log being written): read one
	// byte past the limit to know.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge("it grew while being read")
	}
	return data, nil
}

// regular refuses anything but a regular file, saying what it is instead.
func regular(path string, info fs.FileInfo) error {
	var what string
	switch m := info.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "not a regular file"
	}
	return fmt.Errorf("%s: %s, not a document: citydiff reads regular files only", path, what)
}

// unwrapPath drops the *PathError wrapper, whose message repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FileID is the id of a user's file: its name without directory and extension.
func FileID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func uniqueID(id string, used map[string]bool) string {
	out := id
	for n := 2; used[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	used[out] = true
	return out
}

// Parse parses inputs in parallel, in the order given. seg may be nil to
// skip word segmentation. The first error (in input order) is returned.
func Parse(ins []segment.Input, seg *words.Segmenter) ([]*segment.Document, error) {
	docs, errs := parseAll(ins, seg)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// parseAll parses inputs in parallel and returns each one's document or
// error, in input order.
func parseAll(ins []segment.Input, seg *words.Segmenter) ([]*segment.Document, []error) {
	docs := make([]*segment.Document, len(ins))
	errs := make([]error, len(ins))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i := range ins {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			docs[i], errs[i] = segment.Parse(ins[i], seg)
		}(i)
	}
	wg.Wait()
	return docs, errs
}

// Load resolves and parses the documents of a comparison, segmented with
// the process-wide segmenter. See Options.Skipped for files without text.
func Load(opt Options) ([]*segment.Document, error) {
	ins, err := Inputs(opt)
	if err != nil {
		return nil, err
	}
	if opt.Skipped == nil {
		return Parse(ins, words.Default())
	}
	named := map[string]bool{}
	for _, f := range opt.Files {
		named[filepath.Clean(f)] = true
	}
	docs, errs := parseAll(ins, words.Default())
	var kept []*segment.Document
	for i, err := range errs {
		switch {
		case err == nil:
			kept = append(kept, docs[i])
		case errors.Is(err, segment.ErrNoText) && !named[filepath.Clean(ins[i].Name)]:
			opt.Skipped(err)
		default:
			return nil, err
		}
	}
	if len(kept) == 0 {
		return nil, errors.New("no documents to compare: every file found holds no document text")
	}
	return kept, nil
}
