package eval

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Relation is what a label says of its passages.
type Relation string

// The relations a label can state.
const (
	Verbatim   Relation = "verbatim"   // must match: the same words
	Near       Relation = "near"       // must match: lightly edited
	Paraphrase Relation = "paraphrase" // must match: the same action in other words
	Apart      Relation = "apart"      // same topic, different measures: must stay apart
	Unique     Relation = "unique"     // no counterpart in any other document
	SameTopic  Relation = "topic"      // the two passages' sections belong to one topic
)

// MustMatch reports whether the relation asks for one measure.
func (r Relation) MustMatch() bool { return r == Verbatim || r == Near || r == Paraphrase }

// paired reports whether the relation has a second passage.
func (r Relation) paired() bool { return r != Unique }

func (r Relation) valid() bool {
	switch r {
	case Verbatim, Near, Paraphrase, Apart, Unique, SameTopic:
		return true
	}
	return false
}

// Anchor locates a passage: a document id, an optional scope (an article
// such as 第十二条, or a clause id) and a short quote inside it.
type Anchor struct {
	Doc   string `json:"doc"`
	At    string `json:"at,omitempty"`
	Quote string `json:"quote,omitempty"`
}

func (a Anchor) String() string {
	s := a.Doc
	if a.At != "" {
		s += " " + a.At
	}
	if a.Quote != "" {
		s += " «" + a.Quote + "»"
	}
	return s
}

// Label is one judgement of a reader.
type Label struct {
	Relation Relation `json:"relation"`
	A        Anchor   `json:"a"`
	B        Anchor   `json:"b,omitzero"`
	Note     string   `json:"note,omitempty"`
	// Where is the label's place in its file ("labels.csv:12"), for messages.
	Where string `json:"-"`
}

// csvHeader is the header line a CSV label file starts with.
var csvHeader = []string{"relation", "doc_a", "at_a", "quote_a", "doc_b", "at_b", "quote_b", "note"}

// ReadFile reads labels from a CSV or JSON file (by extension, else by its
// first character). Every problem is reported with the file and line.
func ReadFile(path string) ([]Label, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, errors.Unwrap(err))
	}
	name := filepath.Base(path)
	ext := strings.ToLower(filepath.Ext(path))
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if ext == ".json" || ext != ".csv" && len(trimmed) > 0 && trimmed[0] == '[' {
		return parseJSON(name, trimmed)
	}
	return parseCSV(name, bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
}

func parseCSV(name string, r io.Reader) ([]Label, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	var out []Label
	header := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		where := fmt.Sprintf("%s:%d", name, line)
		if header {
			header = false
			if strings.TrimSpace(rec[0]) == csvHeader[0] {
				for k, h := range csvHeader[:7] {
					if k >= len(rec) || strings.TrimSpace(rec[k]) != h {
						return nil, fmt.Errorf("%s: header must be %s", where, strings.Join(csvHeader, ","))
					}
				}
				continue
			}
		}
		if len(rec) < 7 {
			return nil, fmt.Errorf("%s: %d fields, want %d (%s)", where, len(rec), len(csvHeader), strings.Join(csvHeader, ","))
		}
		for k := range rec {
			rec[k] = strings.TrimSpace(rec[k])
		}
		l := Label{
			Relation: Relation(rec[0]),
			A:        Anchor{Doc: rec[1], At: rec[2], Quote: rec[3]},
			B:        Anchor{Doc: rec[4], At: rec[5], Quote: rec[6]},
			Where:    where,
		}
		if len(rec) > 7 {
			l.Note = rec[7]
		}
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labels", name)
	}
	return out, nil
}

func parseJSON(name string, data []byte) ([]Label, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: not a JSON array of labels: %w", name, err)
	}
	out := make([]Label, 0, len(raw))
	for k, m := range raw {
		var l Label
		dec := json.NewDecoder(bytes.NewReader(m))
		dec.DisallowUnknownFields()
		where := fmt.Sprintf("%s: label %d", name, k+1)
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		l.Where = where
		if err := l.check(); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labels", name)
	}
	return out, nil
}

func (l *Label) check() error {
	if !l.Relation.valid() {
		return fmt.Errorf("relation %q: want verbatim, near, paraphrase, apart, unique or topic", l.Relation)
	}
	if err := l.A.check("a"); err != nil {
		return err
	}
	if !l.Relation.paired() {
		if l.B != (Anchor{}) {
			return fmt.Errorf("a %s label has one passage; leave doc_b, at_b and quote_b empty", l.Relation)
		}
		return nil
	}
	if err := l.B.check("b"); err != nil {
		return err
	}
	if l.A.Doc == l.B.Doc && l.Relation != SameTopic {
		return fmt.Errorf("both passages are in %s: labels compare different documents", l.A.Doc)
	}
	return nil
}

func (a Anchor) check(side string) error {
	if a.Doc == "" {
		return fmt.Errorf("doc_%s is empty", side)
	}
	if a.Quote == "" && a.At == "" {
		return fmt.Errorf("passage %s of %s has neither at_%s nor quote_%s", side, a.Doc, side, side)
	}
	return nil
}
