package report

import (
	"sort"
	"strings"
)

// Helpers shared by the human-readable formats (Markdown, HTML). They work
// on the Report model so that every format shows the same things.

// docLabels names each document for people: its city when that is known
// and no other document has it, else its id.
func docLabels(rep *Report) map[string]string {
	count := map[string]int{}
	for _, d := range rep.Documents {
		count[d.City]++
	}
	out := map[string]string{}
	for _, d := range rep.Documents {
		if d.City != "" && count[d.City] == 1 {
			out[d.ID] = d.City
		} else {
			out[d.ID] = d.ID
		}
	}
	return out
}

// clauseIndex finds clauses by id.
func clauseIndex(rep *Report) map[string]*Clause {
	out := map[string]*Clause{}
	for i := range rep.Documents {
		for j := range rep.Documents[i].Clauses {
			c := &rep.Documents[i].Clauses[j]
			out[c.ID] = c
		}
	}
	return out
}

// sectionIndex finds sections by id.
func sectionIndex(rep *Report) map[string]*Section {
	out := map[string]*Section{}
	for i := range rep.Documents {
		for j := range rep.Documents[i].Sections {
			s := &rep.Documents[i].Sections[j]
			out[s.ID] = s
		}
	}
	return out
}

// docOf is the document id of a section or clause id.
func docOf(id string) string {
	d, _, _ := strings.Cut(id, "/")
	return d
}

var kindRank = map[string]int{"verbatim": 0, "near": 1, "paraphrase": 2, "unique": 3}

// sharedMeasures are the measures held by two or more documents, most
// documents first, then closest kind, then highest similarity, then as the
// engine ordered them.
func sharedMeasures(rep *Report) []*Measure {
	var out []*Measure
	for i := range rep.Measures {
		if len(rep.Measures[i].Documents) > 1 {
			out = append(out, &rep.Measures[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Documents) != len(b.Documents) {
			return len(a.Documents) > len(b.Documents)
		}
		if kindRank[a.Kind] != kindRank[b.Kind] {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		return a.Similarity > b.Similarity
	})
	return out
}

// uniqueMeasures lists each document's unique measures in document order.
func uniqueMeasures(rep *Report) map[string][]*Measure {
	out := map[string][]*Measure{}
	for i := range rep.Measures {
		m := &rep.Measures[i]
		if len(m.Documents) == 1 {
			out[m.Documents[0]] = append(out[m.Documents[0]], m)
		}
	}
	return out
}

// pairScores maps "a b" (either order) to the pair.
func pairScores(rep *Report) map[[2]string]Pair {
	out := map[[2]string]Pair{}
	for _, p := range rep.Similarity {
		out[[2]string{p.A, p.B}] = p
		out[[2]string{p.B, p.A}] = p
	}
	return out
}

// truncate shortens s to at most n code points, marking the cut with "…".
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// oneLine folds line breaks and runs of spaces into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// sectionTitle is a section's number and heading, or a stand-in.
func sectionTitle(s *Section) string {
	switch {
	case s.Kind == "preamble":
		return "(preamble)"
	case s.title != "":
		return s.title
	case s.Number != "" && s.Heading != "":
		return s.Number + " " + s.Heading
	case s.Heading != "":
		return s.Heading
	case s.Number != "":
		return s.Number
	}
	return s.ID
}
