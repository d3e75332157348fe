package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"

	"citydiff/segment/words"
)

// Op is what a word-diff edit does.
type Op int8

// Word-diff operations.
const (
	Equal  Op = iota // the words are in both texts
	Delete           // the words are only in the first text
	Insert           // the words are only in the second text
)

// Edit is a run of words with one Op. Start and End are rune offsets into
// the first text's Norm for Equal and Delete, into the second's for Insert.
type Edit struct {
	Op         Op
	Text       string
	Start, End int
}

// WordDiff diffs two token sequences word by word: each distinct token is
// mapped to one rune, go-diff runs on those runes, and the runs are mapped
// back to tokens. Diffing words rather than characters keeps edits on word
// boundaries (法治 vs 法制 is one changed word, not one changed character).
func WordDiff(a, b []words.Token) []Edit {
	edits, _ := wordDiff(a, b)
	return edits
}

// wordDiff returns the edits and the number of tokens they keep equal.
func wordDiff(a, b []words.Token) ([]Edit, int) {
	ids := map[string]rune{}
	encode := func(toks []words.Token) string {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			id, ok := ids[t.Text]
			if !ok {
				id = rune(0xE000 + len(ids)) // private use area: never in real text
				if id > 0xF8FF {
					id = rune(0xF0000 + len(ids))
				}
				ids[t.Text] = id
			}
			rs[i] = id
		}
		return string(rs)
	}
	ea, eb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes([]rune(ea), []rune(eb), false)
	diffs = dmp.DiffCleanupSemanticLossless(diffs)
	var out []Edit
	ia, ib, equal := 0, 0, 0
	emit := func(op Op, toks []words.Token) {
		if len(toks) == 0 {
			return
		}
		text := ""
		for _, t := range toks {
			text += t.Text
		}
		e := Edit{Op: op, Text: text, Start: toks[0].Start, End: toks[len(toks)-1].End}
		if n := len(out); n > 0 && out[n-1].Op == op && out[n-1].End == e.Start {
			out[n-1].Text += e.Text
			out[n-1].End = e.End
			return
		}
		out = append(out, e)
	}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			emit(Equal, a[ia:ia+n])
			equal += n
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			emit(Delete, a[ia:ia+n])
			ia += n
		case diffmatchpatch.DiffInsert:
			emit(Insert, b[ib:ib+n])
			ib += n
		}
	}
	return out, equal
}

// DiffSimilarity is the share of tokens the two sequences have in common
// in order: 2·equal / (|a| + |b|).
func DiffSimilarity(a, b []words.Token) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	_, eq := wordDiff(a, b)
	return 2 * float64(eq) / float64(len(a)+len(b))
}
