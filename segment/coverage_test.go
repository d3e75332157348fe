package segment

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"citydiff/seeds"
)

// coverage checks that nothing of a document's body is lost. The body is
// everything after the title (what precedes it — a wrapping notice, an
// issuer's signature — is front matter). Every code point of it that is not
// a space must lie in a clause (its Marker included) or a section heading,
// unless it is web chrome, Markdown syntax, a header note or a unit
// annotation, which are kept elsewhere on the Document.
//
// Nothing may be counted twice either: a code point lies in one clause at
// most and in one heading at most. The one exception is by design: the
// run-in heading of a leaf item ("19、坚持和发展新时代“枫桥经验”。…") is also
// its section's first clause, because it states the item's measure (see
// buildClauses); the engine counts it once, as a clause.
//
// It returns the runs of lost code points and of code points counted twice.
func coverage(d *Document) (lost, twice []Span) {
	n := d.Len()
	clause := make([]int, n)   // clauses holding each code point
	heading := make([]int, n)  // index+1 of the section whose heading holds it
	headings := make([]int, n) // headings holding it
	other := make([]bool, n)   // chrome, syntax, notes, annotations
	for _, list := range [][]Span{d.Chrome, d.Markup, d.Annotations} {
		for _, s := range list {
			for i := s.Start; i < s.End; i++ {
				other[i] = true
			}
		}
	}
	for _, note := range d.Notes {
		for i := note.Span.Start; i < note.Span.End; i++ {
			other[i] = true
		}
	}
	for _, s := range d.Sections {
		for i := s.HeadingSpan.Start; i < s.HeadingSpan.End; i++ {
			heading[i] = s.Index + 1
			headings[i]++
		}
	}
	runIn := make([]bool, n) // in the run-in heading of its own leaf section
	for _, c := range d.Clauses {
		s := d.Sections[c.Section]
		// The run-in heading may be cut into several measure units:
		// any clause of the leaf section may hold part of it.
		first := len(s.Children) == 0
		for _, sp := range []Span{c.Span, c.Marker} {
			for i := sp.Start; i < sp.End; i++ {
				clause[i]++
				if heading[i] == c.Section+1 && first {
					runIn[i] = true
				}
			}
		}
	}
	add := func(list *[]Span, i int) {
		if k := len(*list); k > 0 && (*list)[k-1].End == i {
			(*list)[k-1].End++
			return
		}
		*list = append(*list, Span{i, i + 1})
	}
	r := d.runes
	for i := d.TitleSpan.End; i < n; i++ {
		if unicode.IsSpace(r[i]) || unicode.Is(unicode.Cf, r[i]) || other[i] {
			continue
		}
		switch {
		case clause[i] == 0 && headings[i] == 0:
			add(&lost, i)
		case clause[i] > 1 || headings[i] > 1 || (clause[i] == 1 && headings[i] == 1 && !runIn[i]):
			add(&twice, i)
		}
	}
	return lost, twice
}

func spanLen(list []Span) int {
	n := 0
	for _, s := range list {
		n += s.Len()
	}
	return n
}

// describe quotes up to five runs with some context.
func describe(d *Document, list []Span) string {
	var out []string
	for _, s := range list[:min(len(list), 5)] {
		out = append(out, fmt.Sprintf("%v %q in …%s…", s, d.Text(s), d.Text(Span{max(0, s.Start-8), min(d.Len(), s.End+8)})))
	}
	return strings.Join(out, "; ")
}

// TestBodyCoverage runs coverage on the built-in documents and on the
// regulations written for these tests.
func TestBodyCoverage(t *testing.T) {
	all, err := seeds.All()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	for _, s := range all {
		d, err := Parse(Input{ID: s.ID, Name: s.File, Data: s.Data}, nil)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	docs = append(docs, parseMD(t, regulationMD), parseText(t, regulationTXT))
	for _, d := range docs {
		lost, twice := coverage(d)
		if len(lost) > 0 {
			t.Errorf("%s: %d characters of the body in no clause or heading: %s", d.Name, spanLen(lost), describe(d, lost))
		}
		if len(twice) > 0 {
			t.Errorf("%s: %d characters counted twice: %s", d.Name, spanLen(twice), describe(d, twice))
		}
	}
}

// regulationsEnv names a directory of real regulations (Markdown or text)
// to check coverage on; scripts/export-lawrefbook.sh fills one from a
// LawRefBook/Laws checkout. The texts are not in this repository.
const regulationsEnv = "CITYDIFF_REGULATIONS"

// TestBodyCoverageRegulations runs coverage on every regulation in the
// directory $CITYDIFF_REGULATIONS names.
func TestBodyCoverageRegulations(t *testing.T) {
	dir := os.Getenv(regulationsEnv)
	if dir == "" {
		t.Skip(regulationsEnv + " is not set: no real regulations to check (export some with scripts/export-lawrefbook.sh)")
	}
	var files []string
	for _, ext := range []string{"*.md", "*.markdown", "*.txt"} {
		m, err := filepath.Glob(filepath.Join(dir, ext))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("%s=%s holds no .md, .markdown or .txt files", regulationsEnv, dir)
	}
	docs, chars, lostChars, twiceChars, bad, empty := 0, 0, 0, 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(Input{ID: "r", Name: filepath.Base(f), Data: data}, nil)
		if errors.Is(err, ErrNoText) {
			// LawRefBook holds a few regulations with a header and no
			// articles; refusing them is right.
			empty++
			t.Logf("%v", err)
			continue
		}
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		docs++
		chars += d.Len()
		lost, twice := coverage(d)
		lostChars += spanLen(lost)
		twiceChars += spanLen(twice)
		if len(lost)+len(twice) > 0 {
			if bad++; bad <= 20 {
				t.Errorf("%s: %d lost: %s; %d twice: %s", d.Name, spanLen(lost), describe(d, lost), spanLen(twice), describe(d, twice))
			}
		}
	}
	t.Logf("%d documents, %d characters: %d not covered, %d counted twice, in %d documents; %d files refused as holding no text", docs, chars, lostChars, twiceChars, bad, empty)
}
