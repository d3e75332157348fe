package report

import (
	"unicode/utf8"

	"citydiff/compare"
	"citydiff/segment"
)

// Word highlighting for the HTML report. In topics, every content word of
// the sections is counted by how many of the topic's documents use it, and
// the original text is marked where those words stand. Counting on token
// sets rather than an aligned diff is deliberate: sections that cover the
// same subject seldom say it in the same order, and a reader wants to see
// which vocabulary the cities share, wherever it occurs. In lightly edited
// measures the same counts, taken over the measure's clauses, mark the
// words that not every city uses: the edits.

// mark is how a word is highlighted.
type mark int

// Marks: how widely a word is shared among a topic's documents, or, in a
// lightly edited measure, that not every clause uses it.
const (
	markNone mark = iota
	markFew       // two or more documents, but not most
	markMost      // more than half of the documents
	markAll       // every document of the topic
	markOwn       // a word that not every clause of the measure has
)

// Class is the CSS class of a mark.
func (m mark) Class() string {
	return [...]string{"", "s1", "s2", "s3", "own"}[m]
}

// sharedMark grades a word used by count of n documents.
func sharedMark(count, n int) mark {
	switch {
	case count < 2:
		return markNone
	case count == n:
		return markAll
	case 2*count > n:
		return markMost
	}
	return markFew
}

// run is a stretch of original text, highlighted unless Mark is markNone.
// Count is how many documents use its words (the least of them).
type run struct {
	Text  string
	Mark  mark
	Count int
}

// wordFilter decides which words count as vocabulary worth marking.
type wordFilter func(string) bool

// longWords keeps content words (no punctuation, numbers or stop words)
// of two characters or more: single characters say little and would light
// up a whole topic. Edits are marked on every content word, since a
// changed place or level (市 for 县) is one character.
func longWords(isContent wordFilter) wordFilter {
	return func(w string) bool { return utf8.RuneCountInString(w) >= 2 && isContent(w) }
}

// wordCounts counts in how many of the groups each word occurs.
func wordCounts(groups [][]*segment.Clause, keep wordFilter) map[string]int {
	counts := map[string]int{}
	for _, g := range groups {
		seen := map[string]bool{}
		for _, c := range g {
			for _, t := range c.Tokens {
				if !seen[t.Text] && keep(t.Text) {
					seen[t.Text] = true
					counts[t.Text]++
				}
			}
		}
	}
	return counts
}

// highlight cuts a clause's original text into runs, marking each word as
// grade says. Tokens are located in the normalized text and mapped back,
// so Traditional text is marked as written; neighbouring words with the
// same mark make one run.
func highlight(c *segment.Clause, grade func(word string) (mark, int)) []run {
	text := []rune(c.Text)
	var out []run
	pos := 0 // in text, up to where runs were emitted
	for _, t := range c.Tokens {
		m, count := grade(t.Text)
		if m == markNone {
			continue
		}
		sp := c.OrigSpan(t.Start, t.End)
		a, b := sp.Start-c.Span.Start, sp.End-c.Span.Start
		if a < pos || b > len(text) || a >= b {
			continue // overlaps what is already marked, or falls outside
		}
		if k := len(out) - 1; a == pos && k >= 0 && out[k].Mark == m {
			out[k].Text += string(text[a:b])
			out[k].Count = min(out[k].Count, count)
		} else {
			if a > pos {
				out = append(out, run{Text: string(text[pos:a])})
			}
			out = append(out, run{Text: string(text[a:b]), Mark: m, Count: count})
		}
		pos = b
	}
	if pos < len(text) {
		out = append(out, run{Text: string(text[pos:])})
	}
	return out
}

// sharedWords grades words by how many of n documents use them.
func sharedWords(counts map[string]int, n int) func(string) (mark, int) {
	return func(w string) (mark, int) { return sharedMark(counts[w], n), counts[w] }
}

// editedWords marks the content words that some but not all of a
// measure's n documents use: in a lightly edited measure, the edits.
func editedWords(counts map[string]int, n int) func(string) (mark, int) {
	return func(w string) (mark, int) {
		if c, ok := counts[w]; ok && c < n {
			return markOwn, c
		}
		return markNone, 0
	}
}

// sectionClauses lists the clauses of a section and its descendants in
// document order, grouped by the section that holds them.
func sectionClauses(d *segment.Document, s int) []sectionPart {
	var out []sectionPart
	var walk func(int)
	walk = func(i int) {
		sec := &d.Sections[i]
		part := sectionPart{Section: i}
		for _, c := range sec.Clauses {
			part.Clauses = append(part.Clauses, &d.Clauses[c])
		}
		out = append(out, part)
		for _, ch := range sec.Children {
			walk(ch)
		}
	}
	walk(s)
	return out
}

// sectionPart is one section's own clauses.
type sectionPart struct {
	Section int
	Clauses []*segment.Clause
}

// topicWords counts shared words across the documents of a topic and
// returns each section's parts and the number of documents.
func topicWords(r *compare.Result, t *compare.Topic, keep wordFilter) (map[string]int, [][]sectionPart, int) {
	parts := make([][]sectionPart, len(t.Sections))
	group := map[int]int{} // document → its group, should a topic hold two sections of one
	var groups [][]*segment.Clause
	for i, ref := range t.Sections {
		g, ok := group[ref.Doc]
		if !ok {
			g = len(groups)
			group[ref.Doc] = g
			groups = append(groups, nil)
		}
		parts[i] = sectionClauses(r.Docs[ref.Doc], ref.Section)
		for _, p := range parts[i] {
			groups[g] = append(groups[g], p.Clauses...)
		}
	}
	return wordCounts(groups, keep), parts, len(groups)
}
