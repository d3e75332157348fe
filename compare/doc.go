// Package compare is citydiff's comparison engine: given parsed documents it
// aligns comparable sections into topics, groups clauses that state the
// same policy action into measures (verbatim, near, paraphrase or unique),
// finds reused passages by local alignment and scores how much each pair of
// documents shares.
//
// The method, and why each step is there, is described in doc comments of
// the files that implement it:
//
//	features.go   word weights: collection IDF × rarity in general Chinese
//	index.go      candidate generation from an inverted word index
//	align.go      Smith–Waterman local alignment over tokens
//	cluster.go    constrained clustering of clauses into measures
//	topics.go     section alignment
//	diff.go       word diff with go-diff over token-to-rune maps
//
// Everything is a pure function of the documents and Params: the same input
// gives the same Result, byte for byte once written.
package compare
