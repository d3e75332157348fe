// Package words segments Chinese text into words with gse and knows how
// much each word says.
//
// One Segmenter is shared by the whole process: gse's Cut is safe for
// concurrent use once loading has finished, but loading is not, so Load builds
// everything (general dictionary, then the governance vocabulary of
// data/domain.txt) in one pass before anybody cuts. The general dictionary is
// the Simplified part of gse's, cut down to words of frequency ≥ 20 by
// scripts/gen-dict.sh: that keeps start-up near 0.1 s while keeping nearly all
// word boundaries. Text is expected to be normalized first (Simplified,
// half-width punctuation): see package normalize.
//
// Besides the words themselves the package offers a background model of
// general Chinese: Rarity tells how surprising a word is in ordinary
// language, from the dictionary frequencies. A rare word shared by two
// clauses is strong evidence that they say the same thing.
package words
