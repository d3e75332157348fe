package compare

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"citydiff/segment"
	"citydiff/segment/words"
)

// Word weights.
//
// A word shared by two clauses is evidence that they state the same
// measure in proportion to how surprising it is. Surprise is measured
// twice (see ENGINE.md):
//
//   - against the collection: clause-level IDF, log(1 + C/df), times a
//     document-level factor that falls towards zero for words that every
//     document uses (依法治市, 法治建设, 现代化 …), so stock phrases that
//     all the cities repeat cannot make two clauses look alike;
//   - against general Chinese: words.Rarity, from gse's dictionary
//     frequencies, scaled into [0.4, 1.6]; a word rare in ordinary
//     language but shared by two clauses (公职律师, 述法) counts most.
//
// A clause is a sparse vector of these weights over its content words
// (stop words and punctuation out), L2-normalized for cosine similarity.

// actor matches the names of institutions (法院, 检察院, 人民政府, 司法局 …):
// who acts is not what a measure does, and two clauses that share only
// their actors state different measures (法院、检察院协同 vs 法院、检察院的
// 规范性文件备案审查). Actors keep actorWeight of their weight.
var actor = regexp.MustCompile(`(法院|检察院|政府|机关|部门|单位|委员会|常委会|人大|政协|[局厅办委])$`)

// vocab interns words as small integers.
type vocab struct {
	ids   map[string]int
	words []string
}

func (v *vocab) id(w string) int {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := len(v.words)
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

// entry is one weighted word of a sparse vector, sorted by id.
type entry struct {
	id int
	w  float64
}

// clauseFeat is what the engine knows of one clause.
type clauseFeat struct {
	ref      ClauseRef
	seq      []int   // content word ids in order (for local alignment)
	seqTok   []int   // for each of seq, its index in the clause's Tokens
	all      []int   // all token ids except punctuation, in order (for kinds)
	vec      []entry // unit-length weighted bag of words
	mass     float64 // sum of weights of seq (for alignment normalization)
	grams    []int   // distinct character n-gram ids of the text, sorted
	extra    []int   // word ids of the expansions of shorthands it uses (bag only)
	masked   string  // its normalized text, own city name masked (for the character signals)
	chars    []entry // unit-length weighted bag of character bigrams
	rawChars []entry // the same bag before normalization (for containment)
	charMass float64 // sum of rawChars' weights
	section  int     // index of the clause's section in its document
}

// features computes word weights and clause vectors for all documents.
type features struct {
	voc     vocab
	weight  []float64 // by word id
	rarity  []float64 // by word id: the general-language factor of weight
	domain  []bool    // by word id: a term of the governance vocabulary
	clauses []clauseFeat
	byDoc   [][]int // doc → indexes into clauses, in clause order
	docDF   []int
	clDF    []int
	ngrams  int // number of distinct character n-grams
	p       Params
}

func buildFeatures(r *Result, seg *words.Segmenter, p Params) *features {
	f := &features{voc: vocab{ids: map[string]int{}}, p: p}
	f.byDoc = make([][]int, len(r.Docs))
	for di, d := range r.Docs {
		own := ownNames(d)
		for ci := range d.Clauses {
			c := &d.Clauses[ci]
			cf := clauseFeat{ref: ClauseRef{di, ci}, section: c.Section}
			expansion, numbered := expansionWords(c.Norm, seg)
			for ti, t := range c.Tokens {
				if !isWordish(t.Text) || own[t.Text] {
					continue
				}
				id := f.voc.id(t.Text)
				cf.all = append(cf.all, id)
				if seg.IsContent(t.Text) && !numbered[t.Text] {
					cf.seq = append(cf.seq, id)
					cf.seqTok = append(cf.seqTok, ti)
				}
			}
			cf.masked = maskOwnName(c.Norm, d)
			for _, w := range expansion {
				cf.extra = append(cf.extra, f.voc.id(w))
			}
			f.byDoc[di] = append(f.byDoc[di], len(f.clauses))
			f.clauses = append(f.clauses, cf)
		}
	}
	f.buildGrams(p.NGram)
	f.buildBigrams(r)
	n := len(f.voc.words)
	f.docDF = make([]int, n)
	f.clDF = make([]int, n)
	seenDoc := make([]int, n)
	seenCl := make([]int, n)
	for i := range seenDoc {
		seenDoc[i], seenCl[i] = -1, -1
	}
	for i, cf := range f.clauses {
		for _, id := range append(cf.seq[:len(cf.seq):len(cf.seq)], cf.extra...) {
			if seenCl[id] != i {
				seenCl[id] = i
				f.clDF[id]++
			}
			if seenDoc[id] != cf.ref.Doc {
				seenDoc[id] = cf.ref.Doc
				f.docDF[id]++
			}
		}
	}
	C := float64(len(f.clauses))
	N := float64(len(r.Docs))
	f.weight = make([]float64, n)
	f.rarity = make([]float64, n)
	f.domain = make([]bool, n)
	for id, w := range f.voc.words {
		idf := math.Log(1 + C/float64(max(f.clDF[id], 1)))
		collection := collectionFactor(f.docDF[id], f.clDF[id], N, p.StockSpread)
		f.rarity[id] = math.Min(1.6, math.Max(0.4, seg.Rarity(w)/10))
		f.domain[id] = seg.IsDomain(w)
		if actor.MatchString(w) {
			f.rarity[id] *= p.ActorWeight
		}
		f.weight[id] = idf * collection * f.rarity[id]
	}
	var heading [][][]int // doc → section → heading word ids
	if p.HeadingWeight > 0 {
		heading = make([][][]int, len(r.Docs))
		for di, d := range r.Docs {
			heading[di] = make([][]int, len(d.Sections))
			for si := range d.Sections {
				heading[di][si] = f.headingWords(&d.Sections[si], seg)
			}
		}
	}
	forEach(len(f.clauses), func(_, i int) {
		cf := &f.clauses[i]
		tf := map[int]float64{}
		for _, id := range cf.seq {
			tf[id]++
			cf.mass += f.weight[id]
		}
		for _, id := range cf.extra {
			tf[id]++
		}
		if heading != nil {
			// An item heading names the measure its clauses spell out.
			for _, id := range heading[cf.ref.Doc][cf.section] {
				tf[id] += p.HeadingWeight
			}
		}
		acc := make(map[int]float64, len(tf))
		for id, n := range tf {
			if n < 1 { // a heading word only, at HeadingWeight
				acc[id] = n * f.weight[id]
			} else {
				acc[id] = (1 + math.Log(n)) * f.weight[id]
			}
		}
		cf.vec = unit(acc)
	})
	return f
}

// collectionFactor is how much a word (or bigram) used by docDF of n
// documents, in clDF clauses, keeps of its weight: 1 for a word of one or
// two documents, falling to 0.1 for a stock phrase of every document. A
// word is stock in proportion to how many clauses of each document use it,
// up to stockSpread (Params.StockSpread).
func collectionFactor(docDF, clDF int, n, stockSpread float64) float64 {
	if n <= 2 || docDF == 0 {
		return 1
	}
	share := float64(docDF) / n
	stock := 1.0
	if stockSpread > 1 {
		spread := float64(clDF) / float64(docDF)
		stock = math.Min(1, math.Max(0, (spread-1)/(stockSpread-1)))
	}
	return math.Max(0.1, 1-share*share*stock)
}

// isWordish reports whether a token is text rather than punctuation.
func isWordish(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'z' || r > 0x2E80 && !isCJKPunct(r) {
			return true
		}
	}
	return false
}

func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF0F || r == '“' || r == '”' || r == '—' || r == '…'
}

// cosine of two unit vectors sorted by id.
func cosine(a, b []entry) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += a[i].w * b[j].w
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}

// addInto adds w·v into the dense accumulator acc.
func addInto(acc map[int]float64, v []entry, w float64) {
	for _, e := range v {
		acc[e.id] += e.w * w
	}
}

// unit turns a dense accumulator into a sorted unit vector.
func unit(acc map[int]float64) []entry {
	out := make([]entry, 0, len(acc))
	for id, w := range acc {
		out = append(out, entry{id, w})
	}
	// Sum in id order: a map's order would change the last bits of the
	// norm from run to run, and with them the order of tied scores.
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	norm := 0.0
	for _, e := range out {
		norm += e.w * e.w
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for k := range out {
			out[k].w /= norm
		}
	}
	return out
}

// buildGrams gives every clause its distinct character n-grams (letters and
// digits only, punctuation dropped), for finding verbatim reuse made of
// common words that the weighted word vectors barely see
// (健全协调联动工作机制).
func (f *features) buildGrams(n int) {
	// Each clause's n-grams are hashed (64-bit FNV over the runes) on
	// every core; the hashes are then numbered in clause order, so ids do
	// not depend on scheduling. Two different n-grams would share an id
	// only on a 64-bit hash collision.
	hashes := make([][]uint64, len(f.clauses))
	forEach(len(f.clauses), func(_, i int) {
		text := letters(f.clauses[i].masked)
		var hs []uint64
		for k := 0; k+n <= len(text); k++ {
			h := uint64(14695981039346656037)
			for _, r := range text[k : k+n] {
				h ^= uint64(r)
				h *= 1099511628211
			}
			hs = append(hs, h)
		}
		hashes[i] = hs
	})
	ids := map[uint64]int{}
	for i := range f.clauses {
		cf := &f.clauses[i]
		for _, h := range hashes[i] {
			id, ok := ids[h]
			if !ok {
				id = len(ids)
				ids[h] = id
			}
			cf.grams = append(cf.grams, id)
		}
		sort.Ints(cf.grams)
		cf.grams = dedupSorted(cf.grams)
	}
	f.ngrams = len(ids)
}

// dedupSorted drops repeated values from a sorted slice, in place.
func dedupSorted(a []int) []int {
	out := a[:0]
	for _, v := range a {
		if len(out) == 0 || v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// buildBigrams gives every clause a weighted bag of its character bigrams
// (within runs of letters, punctuation breaks a run), weighed like words:
// clause IDF times the document-level stock factor. Bigrams see what word
// segmentation hides: 多元化解 and 多元化纠纷化解 share 多元, 纠纷 no word
// at all; 执法程序 and 行政执法程序 are cut into different words.
func (f *features) buildBigrams(r *Result) {
	ids := map[[2]rune]int{}
	bags := make([]map[int]float64, len(f.clauses))
	var clDF, docDF, lastCl, lastDoc []int
	for i := range f.clauses {
		cf := &f.clauses[i]
		bag := map[int]float64{}
		var prev rune
		for _, ch := range cf.masked {
			if !isWordish(string(ch)) {
				prev = 0
				continue
			}
			if prev != 0 {
				k := [2]rune{prev, ch}
				id, ok := ids[k]
				if !ok {
					id = len(ids)
					ids[k] = id
					clDF, docDF = append(clDF, 0), append(docDF, 0)
					lastCl, lastDoc = append(lastCl, -1), append(lastDoc, -1)
				}
				bag[id]++
				if lastCl[id] != i {
					lastCl[id] = i
					clDF[id]++
				}
				if lastDoc[id] != cf.ref.Doc {
					lastDoc[id] = cf.ref.Doc
					docDF[id]++
				}
			}
			prev = ch
		}
		bags[i] = bag
	}
	C := float64(len(f.clauses))
	N := float64(len(r.Docs))
	forEach(len(bags), func(_, i int) {
		bag := bags[i]
		for id, n := range bag {
			collection := collectionFactor(docDF[id], clDF[id], N, f.p.StockSpread)
			bag[id] = (1 + math.Log(n)) * math.Log(1+C/float64(clDF[id])) * collection
		}
		raw := make([]entry, 0, len(bag))
		for id, w := range bag {
			raw = append(raw, entry{id, w})
		}
		sort.Slice(raw, func(a, b int) bool { return raw[a].id < raw[b].id })
		mass := 0.0 // summed in id order, so the last bits never change
		for _, e := range raw {
			mass += e.w
		}
		f.clauses[i].rawChars, f.clauses[i].charMass = raw, mass
		f.clauses[i].chars = unit(bag)
	})
}

// containment is the share of the lighter bag's weight found in the other.
func containment(a, b []entry, ma, mb float64) float64 {
	if ma > mb {
		a, b, ma, mb = b, a, mb, ma
	}
	if ma == 0 {
		return 0
	}
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += a[i].w
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s / ma
}

// ownNames are the names a document uses for its own city (汕头, 汕头市):
// they say where a measure applies, not what it does, and a copy that only
// swaps them is still a copy.
func ownNames(d *segment.Document) map[string]bool {
	c := strings.TrimSuffix(d.Meta.City, "市")
	if utf8.RuneCountInString(c) < 2 {
		return nil
	}
	return map[string]bool{c: true, c + "市": true}
}

// maskOwnName replaces a document's own city name in a clause's text, for
// the character signals.
func maskOwnName(norm string, d *segment.Document) string {
	if c := strings.TrimSuffix(d.Meta.City, "市"); utf8.RuneCountInString(c) >= 2 {
		return strings.ReplaceAll(norm, c, "〇")
	}
	return norm
}

// letters keeps the letters and digits of a text (punctuation is no
// evidence of reuse).
func letters(s string) []rune {
	out := make([]rune, 0, len(s)/3)
	for _, ch := range s {
		if isWordish(string(ch)) {
			out = append(out, ch)
		}
	}
	return out
}
