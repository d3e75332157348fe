package report

import (
	"bytes"
	"encoding/json"
	"io"

	"citydiff/compare"
)

// JSON writes the report as JSON (schema citydiff/report/v1), streamed
// record by record. The layout keeps the top level readable and every
// record on its own line:
//
//	{
//	  "schema": "citydiff/report/v1",
//	  "tool": {"name":"citydiff","version":"…"},
//	  "parameters": {
//	    "actor_weight": 0.35,
//	    …
//	  },
//	  "documents": [
//	    {"id":"shantou",…,"length":2336,"sections":[
//	      {"id":"shantou/0",…},
//	      …
//	    ],"clauses":[
//	      {"id":"shantou/1/1",…},
//	      …
//	    ]},
//	    …
//	  ],
//	  "alignments": [
//	    {…},
//	  …
//	}
//
// so a corpus of thousands of documents is a file of short lines (which
// line-based tools and diffs handle) rather than one indented tree seven
// times longer, and memory holds one record at a time.
func JSON(w io.Writer, r *compare.Result, m Meta) error {
	src, err := newSource(r, m)
	if err != nil {
		return err
	}
	e := newRecordWriter(w)
	e.raw("{\n  \"schema\": ")
	e.value(Schema)
	e.raw(",\n  \"tool\": ")
	e.value(src.tool())
	e.raw(",\n  \"parameters\": {")
	for i, p := range paramList(m.Parameters()) {
		if i > 0 {
			e.raw(",")
		}
		e.raw("\n    ")
		e.value(p.Name)
		e.raw(": " + p.Value)
	}
	e.raw("\n  },\n  \"documents\": [")
	for i := range r.Docs {
		d, err := src.document(i)
		if err != nil {
			return err
		}
		e.item(i, 4)
		e.object(d.DocumentInfo)
		e.raw(`,"sections":[`)
		for k := range d.Sections {
			e.item(k, 6)
			e.value(d.Sections[k])
		}
		e.end(len(d.Sections), 4, "]")
		e.raw(`,"clauses":[`)
		for k := range d.Clauses {
			e.item(k, 6)
			e.value(d.Clauses[k])
		}
		e.end(len(d.Clauses), 4, "]")
		e.raw("}")
	}
	e.end(len(r.Docs), 2, "]")
	list := func(name string, n int, record func(int) any) {
		e.raw(",\n  \"" + name + "\": [")
		for i := 0; i < n; i++ {
			e.item(i, 4)
			e.value(record(i))
		}
		e.end(n, 2, "]")
	}
	list("alignments", len(r.Topics), func(i int) any { return src.alignment(i) })
	list("measures", len(r.Measures), func(i int) any { return src.measure(i) })
	list("similarity", len(src.pairs), func(i int) any { return src.pair(i) })
	list("passages", len(r.Passages), func(i int) any { return src.passage(i) })
	e.raw("\n}\n")
	return e.flush()
}

// recordWriter writes JSON values one at a time, keeping the first error
// so that callers check once at the end.
type recordWriter struct {
	w   io.Writer
	buf bytes.Buffer // the value being encoded
	out []byte       // output waiting to be written
	enc *json.Encoder
	err error
}

func newRecordWriter(w io.Writer) *recordWriter {
	e := &recordWriter{w: w}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false) // keep 《》<> readable; the report is data, not HTML
	return e
}

func (e *recordWriter) raw(s string) {
	e.out = append(e.out, s...)
	e.spill()
}

// value appends v as compact JSON.
func (e *recordWriter) value(v any) {
	e.out = append(e.out, e.encode(v)...)
	e.spill()
}

// object appends the object v without its closing brace, so that fields
// can follow.
func (e *recordWriter) object(v any) {
	b := e.encode(v)
	if len(b) > 0 {
		b = b[:len(b)-1]
	}
	e.out = append(e.out, b...)
}

func (e *recordWriter) encode(v any) []byte {
	if e.err != nil {
		return nil
	}
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		e.err = err
		return nil
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte("\n"))
}

// item starts the i-th element of a list on a new line.
func (e *recordWriter) item(i, indent int) {
	if i > 0 {
		e.out = append(e.out, ',')
	}
	e.out = append(e.out, '\n')
	e.out = append(e.out, spaces[:indent]...)
}

// end closes a list of n elements, on its own line unless it is empty.
func (e *recordWriter) end(n, indent int, closer string) {
	if n > 0 {
		e.out = append(e.out, '\n')
		e.out = append(e.out, spaces[:indent]...)
	}
	e.raw(closer)
}

const spaces = "        "

// spill writes out what has gathered once it is large enough.
func (e *recordWriter) spill() {
	if len(e.out) >= 64<<10 {
		e.write()
	}
}

func (e *recordWriter) write() {
	if e.err == nil && len(e.out) > 0 {
		_, e.err = e.w.Write(e.out)
	}
	e.out = e.out[:0]
}

func (e *recordWriter) flush() error {
	e.write()
	return e.err
}
