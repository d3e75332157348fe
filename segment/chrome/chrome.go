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

// widgetItem reports whether a line is an item of a widget a Block
// pattern opened: a short bullet or key:value line.
func widgetItem(t string) bool {
	return widgetLine(t) && (strings.HasPrefix(t, "•") || strings.HasPrefix(t, "-") || strings.Contains(t, ":"))
}

// opensWidget reports whether the next non-empty line after i is a widget
// item, as under an encyclopedia's 基本介绍: the header and its items are a
// run of chrome wherever they stand.
func opensWidget(text []string, i int) bool {
	for _, t := range text[i+1:] {
		if t != "" {
			return widgetItem(t)
		}
	}
	return false
}

// maxChromeLine is the longest line a pattern may mark, in runes: site
// footers run to a hundred characters or so (Shantou's names its owner,
// its office and its mail address on one line).
const maxChromeLine = 160

// chromeShaped reports whether a whole line has the shape of chrome: not
// long, and not a sentence (no 。 or ;). A pattern word inside a sentence of
// the document (…设置“联系我们”栏目。) is document text.
func chromeShaped(t string) bool {
	return utf8.RuneCountInString(t) <= maxChromeLine && !strings.ContainsAny(t, "。;")
}

// sentenceLine reports whether a line is certainly document text: a
// sentence, or longer than any widget.
func sentenceLine(t string) bool {
	return strings.ContainsAny(t, "。;") || utf8.RuneCountInString(t) > 60
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
//
// A pattern marks a line only when the whole line has the shape of chrome
// (chromeShaped) and it stands where chrome stands: at an edge of the
// document (before its first sentence or after its last) or in a run with
// another pattern line. A Tail pattern opens a tail (every later short line
// is chrome) only after the last sentence, so a mention in the middle never
// swallows the lines after it. When in doubt the text is kept: a document
// without a single sentence loses only runs of pattern lines, so a lone
// line that mentions 版权所有 is a document of one line, not an empty one.
func Explain(lines []string) []string {
	ps, err := load()
	if err != nil {
		// The patterns are embedded and tested; a broken file is a build defect.
		panic(err)
	}
	n := len(lines)
	text := make([]string, n)
	match := make([]int, n) // 1 + the index of the pattern the line matches; 0 for none
	for i, line := range lines {
		text[i] = strings.TrimSpace(line)
		if text[i] == "" || !chromeShaped(text[i]) {
			continue
		}
		for k, p := range ps {
			if p.match(text[i]) {
				match[i] = k + 1
				break
			}
		}
	}
	first, last := -1, -1 // the first and last sentence lines
	for i, t := range text {
		if t != "" && match[i] == 0 && sentenceLine(t) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	// inRun reports whether the nearest non-empty line before or after i
	// also matches a pattern.
	inRun := func(i int) bool {
		for _, step := range []int{-1, 1} {
			for j := i + step; j >= 0 && j < n; j += step {
				if text[j] != "" {
					if match[j] > 0 {
						return true
					}
					break
				}
			}
		}
		return false
	}
	why := make([]string, n)
	inBlock, inTail := false, false
	for i, t := range text {
		if t == "" {
			continue
		}
		if inTail && widgetLine(t) {
			why[i] = "after a page footer"
			continue
		}
		inTail = false
		if inBlock && widgetItem(t) {
			why[i] = "inside a widget"
			continue
		}
		inBlock = false
		if match[i] == 0 {
			continue
		}
		p := ps[match[i]-1]
		atEdge := first >= 0 && (i < first || i > last)
		if !atEdge && !inRun(i) && (p.kind != Block || !opensWidget(text, i)) {
			continue
		}
		why[i] = p.why
		switch p.kind {
		case Block:
			inBlock = true
		case Tail:
			inTail = i > last
		}
	}
	return why
}
