package compare

// Similarity of two clauses.
//
// Two clauses state the same measure when they share the words that say
// what is done, whatever else surrounds them. No single signal sees that
// in every case, so the similarity is the largest of four:
//
//   - word: the cosine of the weighted bags of words (features.go). It is
//     halved when the two share exactly one ordinary word, a coincidence
//     more often than a measure (one shared vocabulary term, 诉源治理, is
//     not).
//   - characters: the mean of the character-bigram cosine and the share of
//     the lighter clause's bigram weight found in the other. Bigrams see
//     through segmentation (多元化解 / 多元化纠纷化解, 执法程序 / 行政执法程序)
//     and containment sees a short measure reused inside a long sentence.
//     Containment is damped for clauses lighter than ContainmentMass.
//   - reuse: the local alignment (align.go) normalized to the lighter
//     clause, once at least MinAligned words are matched.
//   - verbatim runs: the share of character n-grams in common, once at
//     least MinSharedGrams are shared (verbatim runs of common words that
//     the weights barely see: 健全协调联动工作机制).
//
// The weights of the signals were set with `citydiff eval` on the labelled
// sets: the character evidence is the most precise of them on pairs that
// must stay apart (docs/engine.md).

// score is the full similarity of clauses i and j.
func (f *features) score(i, j int) scored {
	p := &f.p
	a, b := &f.clauses[i], &f.clauses[j]
	cos := cosine(a.vec, b.vec)
	if id, n := f.onlySharedWord(a.vec, b.vec); n == 1 && !f.domain[id] {
		cos *= p.SingleWordFactor
	}
	if p.MinEvidence > 0 {
		// A cosine is a share: two short clauses whose weight sits on one
		// or two words look alike on little evidence. Scale it by how
		// much weight the shared words carry.
		cos *= min(1, f.sharedWeight(a, b)/p.MinEvidence)
	}
	sim := max(cos, p.CharWeight*f.charSim(a, b))
	al := f.localAlign(a, b)
	if al.matched >= p.MinAligned {
		sim = max(sim, p.AlignWeight*al.norm)
	}
	if n := sharedSorted(a.grams, b.grams); n >= p.MinSharedGrams {
		sim = max(sim, p.GramWeight*float64(n)/float64(min(len(a.grams), len(b.grams))))
	}
	return scored{to: j, sim: min(sim, 1), al: al}
}

// charSim is the character evidence: bigram cosine and damped containment.
func (f *features) charSim(a, b *clauseFeat) float64 {
	cont := containment(a.rawChars, b.rawChars, a.charMass, b.charMass)
	if m := min(a.charMass, b.charMass); m < f.p.ContainmentMass {
		cont *= m / f.p.ContainmentMass
	}
	return (cosine(a.chars, b.chars) + cont) / 2
}

// sharedWeight is the weight of the content words two clauses share, each
// counted once at its collection weight.
func (f *features) sharedWeight(a, b *clauseFeat) float64 {
	w := 0.0
	i, j := 0, 0
	for i < len(a.vec) && j < len(b.vec) {
		switch {
		case a.vec[i].id == b.vec[j].id:
			w += f.weight[a.vec[i].id]
			i++
			j++
		case a.vec[i].id < b.vec[j].id:
			i++
		default:
			j++
		}
	}
	return w
}
