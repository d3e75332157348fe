// Package chrome recognises web chrome in scraped documents: site footers,
// ICP and public-security filing lines, share and comment widgets,
// accessibility toggles, encyclopedia infoboxes and publication lines.
//
// Chrome is only marked, never removed: the caller keeps the original text
// intact (report offsets point into it) and simply leaves marked lines out of
// the analysis. The patterns are data (patterns.txt, embedded) so that a new
// site template is a one-line change. Lines are matched in normalized form
// (Simplified, half-width punctuation), so a pattern written once also catches
// the Traditional page of an encyclopedia.
package chrome

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed patterns.txt
var patternData string

// Kind says how a pattern marks lines.
type Kind int

const (
	// Contains marks a line that contains the pattern.
	Contains Kind = iota
	// Regexp marks a line that matches the regular expression.
	Regexp
	// Block marks the line and the short widget lines right after it.
	Block
	// Tail marks the line and every later short line.
	Tail
)

type pattern struct {
	kind Kind
	text string
	re   *regexp.Regexp
	why  string
}

func (p pattern) match(line string) bool {
	if p.kind == Regexp {
		return p.re.MatchString(line)
	}
	return strings.Contains(line, p.text)
}

var (
	loadOnce sync.Once
	patterns []pattern
	loadErr  error
)

func load() ([]pattern, error) {
	loadOnce.Do(func() { patterns, loadErr = parsePatterns(patternData) })
	return patterns, loadErr
}

func parsePatterns(data string) ([]pattern, error) {
	var out []pattern
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("chrome: patterns.txt:%d: want KIND<TAB>PATTERN<TAB>why", n+1)
		}
		p := pattern{text: f[1]}
		if len(f) > 2 {
			p.why = f[2]
		}
		switch f[0] {
		case "contains":
			p.kind = Contains
		case "regexp":
			p.kind = Regexp
			re, err := regexp.Compile(f[1])
			if err != nil {
				return nil, fmt.Errorf("chrome: patterns.txt:%d: %w", n+1, err)
			}
			p.re = re
		case "block":
			p.kind = Block
		case "tail":
			p.kind = Tail
		default:
			return nil, fmt.Errorf("chrome: patterns.txt:%d: unknown kind %q", n+1, f[0])
		}
		out = append(out, p)
	}
	return out, nil
}

// widgetLine reports whether a line can belong to a widget that a Block or
// Tail pattern opened: short, and not a sentence of the document.
func widgetLine(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" {
		return true
	}
	if utf8.RuneCountInString(t) > 60 {
		return false
	}
	return !strings.ContainsAny(t, "。;")
}

// Mark reports, for each line (already normalized), whether it is chrome.
// Each marked line is explained by Why.
func Mark(lines []string) []bool {
	marks := make([]bool, len(lines))
	for i, why := range Explain(lines) {
		marks[i] = why != ""
	}
	return marks
}

// Explain returns, for each line, why it is chrome ("" when it is not).
func Explain(lines []string) []string {
	ps, err := load()
	if err != nil {
		// The patterns are embedded and tested; a broken file is a build defect.
		panic(err)
	}
	why := make([]string, len(lines))
	inBlock, inTail := false, false
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if inTail && widgetLine(t) {
			why[i] = "after a page footer"
			continue
		}
		inTail = false
		if inBlock && widgetLine(t) && (strings.HasPrefix(t, "•") || strings.HasPrefix(t, "-") || strings.Contains(t, ":")) {
			why[i] = "inside a widget"
			continue
		}
		inBlock = false
		for _, p := range ps {
			if !p.match(t) {
				continue
			}
			why[i] = p.why
			switch p.kind {
			case Block:
				inBlock = true
			case Tail:
				inTail = true
			}
			break
		}
	}
	return why
}
