// Package seeds holds the five built-in policy documents citydiff ships with,
// byte-for-byte as they were scraped from the web, and their metadata.
//
// The texts are deliberately left dirty (site chrome, odd spaces, Traditional
// characters): cleaning them is the pipeline's job, and report offsets refer
// to these exact bytes. The metadata lives in seeds.json so that it is data,
// not code.
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed *.txt seeds.json
var files embed.FS

// Meta describes one built-in document.
type Meta struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	City      string `json:"city"`
	Province  string `json:"province"`
	Issuer    string `json:"issuer"`
	Date      string `json:"date"`
	Published string `json:"published,omitempty"`
	Genre     string `json:"genre"`
}

// Seed is a built-in document: its metadata and its original bytes.
type Seed struct {
	Meta
	Data []byte
}

// All returns the built-in documents in their canonical order.
func All() ([]Seed, error) {
	raw, err := files.ReadFile("seeds.json")
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	var index struct {
		Documents []Meta `json:"documents"`
	}
	if err := json.Unmarshal(raw, &index); err != nil {
		return nil, fmt.Errorf("seeds: seeds.json: %w", err)
	}
	out := make([]Seed, 0, len(index.Documents))
	for _, m := range index.Documents {
		data, err := files.ReadFile(m.File)
		if err != nil {
			return nil, fmt.Errorf("seeds: %s: %w", m.File, err)
		}
		out = append(out, Seed{Meta: m, Data: data})
	}
	return out, nil
}

// IDs lists the ids of the built-in documents in canonical order.
func IDs() []string {
	all, err := All()
	if err != nil {
		return nil
	}
	ids := make([]string, len(all))
	for i, s := range all {
		ids[i] = s.ID
	}
	return ids
}
