package words

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Where a new action starts.
//
// Policy sentences chain measures with commas (完善…，健全…制度，营造…氛围),
// each opening with its own verb, often behind an adverb (进一步完善,
// 切实加强). OpensAction tells whether a piece of text starts that way, from
// the part-of-speech tags of the general dictionary (gse's, data/zh_s.txt):
// verbs of two to four characters, used often enough to be sure of the tag,
// optionally behind one adverb. It needs no Segmenter, so the structure
// parser can cut sentences into measure units before any word is segmented.
//
// Modal and copular verbs (应当, 可以, 是, 有 …) and verbs that introduce a
// condition or a purpose (根据, 按照, 为了 …) do not open a measure: the
// piece after the comma continues the sentence's subject or frame.

// minVerbFreq is the dictionary frequency from which a verb tag is trusted.
const minVerbFreq = 200

// notOpening are verbs that continue a sentence rather than start a measure.
var notOpening = map[string]bool{
	"应当": true, "应该": true, "可以": true, "必须": true, "需要": true, "能够": true,
	"成为": true, "作为": true, "属于": true, "包括": true, "具有": true, "达到": true, "符合": true,
	"根据": true, "按照": true, "依照": true, "为了": true, "通过": true, "经过": true, "使得": true,
	"有关": true, "涉及": true, "关于": true, "对于": true, "认为": true, "发现": true,
	"形成": true, "实现": true, "做到": true, "让": true, "使": true, "是": true, "有": true,
}

type actionLexicon struct {
	verbs   map[string]bool
	adverbs map[string]bool
}

var (
	actionOnce sync.Once
	actionLex  actionLexicon
)

func loadActions() *actionLexicon {
	actionOnce.Do(func() {
		actionLex = actionLexicon{verbs: map[string]bool{}, adverbs: map[string]bool{}}
		for rest := generalDict; rest != ""; {
			line := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			// Only verbs and adverbs matter: skip other lines before
			// splitting them (the dictionary has 80,000).
			if !strings.HasSuffix(line, " v") && !strings.HasSuffix(line, " d") && !strings.HasSuffix(line, " ad") {
				continue
			}
			f := strings.Fields(line)
			if len(f) < 3 {
				continue
			}
			n := utf8.RuneCountInString(f[0])
			freq, err := strconv.ParseFloat(f[1], 64)
			if err != nil || freq < minVerbFreq {
				continue
			}
			switch f[2] {
			case "v":
				if n >= 2 && n <= 4 && !notOpening[f[0]] {
					actionLex.verbs[f[0]] = true
				}
			case "d", "ad":
				if n >= 2 && n <= 3 {
					actionLex.adverbs[f[0]] = true
				}
			}
		}
		// Governance verbs the dictionary tags otherwise (or not at all).
		for _, v := range []string{"健全", "完善", "深化", "规范", "优化", "强化", "细化", "压实", "夯实", "畅通", "拓宽", "创新", "严格", "全面推行", "不断", "坚决"} {
			actionLex.verbs[v] = true
		}
		for _, a := range []string{"全面", "切实", "积极", "大力", "进一步", "不断", "深入", "持续", "加快", "依法", "有效", "着力", "努力", "认真", "及时", "主动", "广泛", "严格"} {
			actionLex.adverbs[a] = true
		}
	})
	return &actionLex
}

// OpensAction reports whether text (normalized, Simplified) starts with a
// verb that opens a new measure, possibly behind one adverb.
func OpensAction(text []rune) bool {
	lex := loadActions()
	if verbAt(lex, text) {
		return true
	}
	for n := 3; n >= 2; n-- {
		if len(text) > n && lex.adverbs[string(text[:n])] && verbAt(lex, text[n:]) {
			return true
		}
	}
	return false
}

func verbAt(lex *actionLexicon, text []rune) bool {
	for n := 4; n >= 2; n-- {
		if len(text) >= n && lex.verbs[string(text[:n])] {
			return true
		}
	}
	return false
}
