package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"

	"citydiff/compare"
)

// Schema is the version of the JSON report this package writes. It changes
// only when a field is removed or changes meaning (see docs/report-schema.md).
const Schema = "citydiff/report/v1"

// Meta is what a report records so that it can be reproduced: the tool that
// wrote it, the parameters that shaped the result and the inputs compared.
type Meta struct {
	Tool    string
	Version string
	Params  compare.Params
	Cut     SimilarityCut // which document pairs the report lists
	Inputs  []Input       // one per document of the result, in the same order
}

// Input is one compared file: the document id it became, its file name
// (without directory, so reports do not depend on where files were) and
// the sha256 of its bytes.
type Input struct {
	ID     string
	File   string
	SHA256 string
}

// NewMeta records the parameters and inputs of r, with the default cut of
// the similarity list for that many documents.
func NewMeta(tool, version string, r *compare.Result) Meta {
	m := Meta{Tool: tool, Version: version, Params: r.Params, Cut: DefaultCut(len(r.Docs))}
	for _, d := range r.Docs {
		m.Inputs = append(m.Inputs, Input{ID: d.ID, File: filepath.Base(d.Name), SHA256: d.SHA256})
	}
	return m
}

// Parameters are the settings a report records.
func (m Meta) Parameters() Parameters { return Parameters{Params: m.Params, SimilarityCut: m.Cut} }

// Param is one parameter by its JSON name, its value as JSON writes it.
type Param struct{ Name, Value string }

// paramList lists the parameters in the order of their fields, named and
// written as in the JSON report.
func paramList(p Parameters) []Param {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil
	}
	var out []Param
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return nil
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return out
		}
		out = append(out, Param{Name: tok.(string), Value: string(v)})
	}
	return out
}
