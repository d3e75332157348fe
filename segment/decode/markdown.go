package decode

import (
	"path/filepath"
	"strings"
)

// markdownName reports whether a file name says Markdown.
func markdownName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// looksMarkdown reports whether text reads as Markdown whatever its name:
// its first non-blank line is an ATX heading ("# 某市条例"; no plain-text
// policy document starts with a hash), or its start holds at least two lines
// of block syntax that plain text does not have (headings, HTML comments,
// code fences, table delimiter rows). Lists and emphasis do not count: plain
// texts have "1." items and asterisks too.
func looksMarkdown(text string) bool {
	s := text[:min(len(text), sniffLen)]
	n, first := 0, true
	for line := range strings.Lines(s) {
		t := strings.TrimRight(strings.TrimLeft(line, " "), " \t\n")
		if t == "" {
			continue
		}
		syntax := atxHeading(t) || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || delimiterRow(t)
		if first && atxHeading(t) {
			return true
		}
		first = false
		if syntax {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// atxHeading reports whether a line opens with one to six hashes followed by
// a space or a non-ASCII character.
func atxHeading(t string) bool {
	n := len(t) - len(strings.TrimLeft(t, "#"))
	return n >= 1 && n <= 6 && len(t) > n && (t[n] == ' ' || t[n] == '\t' || t[n] >= 0x80)
}

// delimiterRow reports whether a line is a table's delimiter row (|---|:--:|).
func delimiterRow(t string) bool {
	return strings.Contains(t, "|") && strings.Contains(t, "---") && strings.Trim(t, "|-: \t") == ""
}
