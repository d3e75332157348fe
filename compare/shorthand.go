package compare

import (
	_ "embed"
	"strings"
	"sync"

	"citydiff/segment/words"
)

// Numbered shorthands.
//
// 五公开, 两个维护, 三项制度 stand for lists that another document spells
// out word by word; the two share no words (ENGINE.md). For matching only,
// a clause that uses a shorthand also counts the content words of its
// expansion, from data/shorthands.tsv. What is shown is never changed.

//go:embed data/shorthands.tsv
var shorthandData string

type shorthand struct {
	key       string
	expansion string
}

var (
	shorthandOnce sync.Once
	shorthands    []shorthand
)

func loadShorthands() []shorthand {
	shorthandOnce.Do(func() {
		for _, line := range strings.Split(shorthandData, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			k, v, ok := strings.Cut(line, "\t")
			if ok {
				shorthands = append(shorthands, shorthand{k, strings.ReplaceAll(v, " ", "，")})
			}
		}
	})
	return shorthands
}

// expansionWords returns the content words of the expansions of the
// shorthands a normalized clause uses.
func expansionWords(norm string, seg *words.Segmenter) (expansion []string, numbered map[string]bool) {
	for _, s := range loadShorthands() {
		if !strings.Contains(norm, s.key) {
			continue
		}
		for _, t := range seg.Words(s.expansion) {
			expansion = append(expansion, t.Text)
		}
		// The numbered word of the shorthand (三项, 五公开) stands for the
		// expansion; counted as well, its rarity would outweigh it.
		for _, t := range seg.Words(s.key) {
			if strings.ContainsAny(t.Text, "一二两三四五六七八九十") {
				if numbered == nil {
					numbered = map[string]bool{}
				}
				numbered[t.Text] = true
			}
		}
	}
	return expansion, numbered
}
