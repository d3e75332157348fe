package words

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

var (
	//go:embed data/zh_s.txt
	generalDict string
	//go:embed data/domain.txt
	domainDict string
	//go:embed data/stop.txt
	stopData string
)

// domainFreq is the frequency given to a domain term without one: high
// enough that the shortest-path cut prefers the whole term.
const domainFreq = 2000

// Token is one word of a text, with its span in runes of that text.
type Token struct {
	Text       string
	Start, End int // rune offsets, [Start, End)
}

// Segmenter cuts text into words. It is safe for concurrent use.
type Segmenter struct {
	seg      gse.Segmenter
	stop     map[string]bool
	domain   map[string]bool
	single   map[string]float64 // frequencies of one-character words, which gse flattens to 2
	logTotal float64
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
)

// Default returns the process-wide Segmenter, loading it on first use.
func Default() *Segmenter {
	defaultOnce.Do(func() { defaultSeg = Load() })
	return defaultSeg
}

// Load builds a new Segmenter from the embedded dictionaries. Most callers
// want Default; Load exists for benchmarks and tests.
func Load() *Segmenter {
	s := &Segmenter{stop: map[string]bool{}, domain: map[string]bool{}, single: map[string]float64{}}
	s.seg.SkipLog = true
	s.seg.MinTokenFreq = 1
	var b strings.Builder
	b.Grow(len(generalDict) + len(domainDict)*2)
	b.WriteString(generalDict)
	for _, line := range strings.Split(domainDict, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		freq := domainFreq
		if len(f) > 1 {
			if n, err := strconv.Atoi(f[1]); err == nil {
				freq = n
			}
		}
		b.WriteString("\n" + f[0] + " " + strconv.Itoa(freq) + " n")
		s.domain[f[0]] = true
	}
	// One LoadDictStr means one CalcToken for general and domain words alike.
	_ = s.seg.LoadDictStr(b.String())
	for _, line := range strings.Split(stopData, "\n") {
		w := strings.TrimSpace(line)
		if w != "" && !strings.HasPrefix(w, "#") {
			s.stop[w] = true
		}
	}
	for rest := generalDict; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		w, f, ok := strings.Cut(line, " ")
		if !ok || utf8.RuneCountInString(w) != 1 {
			continue
		}
		f, _, _ = strings.Cut(f, " ")
		if n, err := strconv.ParseFloat(f, 64); err == nil {
			s.single[w] = n
		}
	}
	s.logTotal = math.Log(s.seg.Dict.TotalFreq())
	return s
}

// Cut splits text into words (shortest-path cut). Spaces are dropped;
// punctuation marks come back as tokens of their own.
func (s *Segmenter) Cut(text string) []Token {
	words := s.seg.Cut(text)
	out := make([]Token, 0, len(words))
	pos, runeAt := 0, 0 // byte and rune offset in text
	for _, w := range words {
		if w == "" {
			continue
		}
		i := strings.Index(text[pos:], w)
		if i < 0 {
			continue // gse never invents text; be safe anyway
		}
		runeAt += utf8.RuneCountInString(text[pos : pos+i])
		pos += i
		n := utf8.RuneCountInString(w)
		if strings.TrimSpace(w) != "" {
			out = append(out, Token{Text: w, Start: runeAt, End: runeAt + n})
		}
		pos += len(w)
		runeAt += n
	}
	return out
}

// Words returns the words of text that carry content for matching: no
// punctuation, no stop words.
func (s *Segmenter) Words(text string) []Token {
	toks := s.Cut(text)
	out := toks[:0]
	for _, t := range toks {
		if s.IsContent(t.Text) {
			out = append(out, t)
		}
	}
	return out
}

// IsContent reports whether a word carries content: it is not punctuation,
// a number of its own, or a stop word.
func (s *Segmenter) IsContent(w string) bool {
	if s.stop[w] {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// IsDomain reports whether w is a term of the governance vocabulary
// (data/domain.txt): 枫桥经验, 公职律师, 诉源治理 …
func (s *Segmenter) IsDomain(w string) bool { return s.domain[w] }

// Rarity is the information content of w in general Chinese, -log p(w),
// from the dictionary frequencies; words the dictionary lacks count as rare
// as its rarest entries. Typical values: 的 ≈ 3.6, 制度 ≈ 8, 公职律师 ≈ 14.
func (s *Segmenter) Rarity(w string) float64 {
	freq, ok := s.single[w]
	if !ok {
		freq, _, ok = s.seg.Find(w)
	}
	if !ok || freq <= 0 {
		freq = 1
	}
	return s.logTotal - math.Log(freq)
}
