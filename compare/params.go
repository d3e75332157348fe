package compare

// Params are every threshold, weight and cap that shapes a result. They
// are recorded in reports so that a result can be reproduced; nothing that
// changes which clauses form a measure lives outside them.
//
// They are grouped by the stage that reads them, in the order the stages
// run: words → candidates → similarity → topics → links → measures.
type Params struct {
	// Words: how much a word counts.

	// ActorWeight scales the weight of institution names (法院, 司法局 …):
	// who acts is not what a measure does.
	ActorWeight float64 `json:"actor_weight"`
	// HeadingWeight is how much the words of a clause's section heading
	// count in the clause's own bag of words (item headings name the
	// measure their detail spells out). 0 leaves headings out.
	HeadingWeight float64 `json:"heading_weight"`
	// StockSpread tells a stock phrase from a shared measure. A word that
	// most documents use counts little only when each of them uses it in
	// about this many clauses or more (依法治市, 文明行为); a word that many
	// documents use once each (无偿献血, 三项制度) is what they share, and
	// keeps its weight. 1 or less: every word most documents use counts
	// little.
	StockSpread float64 `json:"stock_spread"`

	// Candidates: which pairs of clauses are compared at all.

	// NGram is the character n-gram length used for verbatim reuse.
	NGram int `json:"ngram"`
	// MaxDocFreq drops from the candidate index words found in more than
	// this share of clauses (stock vocabulary).
	MaxDocFreq float64 `json:"max_doc_freq"`
	// MaxPosting bounds a posting list of the candidate index.
	MaxPosting int `json:"max_posting"`
	// Candidates is how many candidate clauses per document each clause keeps.
	Candidates int `json:"candidates"`
	// MaxCandidates bounds the fully scored candidates of one clause over
	// all documents. Near-copies (CopyJaccard) are never dropped by it.
	MaxCandidates int `json:"max_candidates"`
	// CopyJaccard is the character n-gram Jaccard similarity from which two
	// clauses are near-copies, found by MinHash without any cap.
	CopyJaccard float64 `json:"copy_jaccard"`

	// Similarity of two clauses: the largest of several signals.

	// CharWeight scales the character evidence: the mean of the bigram
	// cosine and the bigram containment of the lighter clause.
	CharWeight float64 `json:"char_weight"`
	// ContainmentMass is the bigram weight below which containment is
	// damped (a clause of a few characters is contained in many).
	ContainmentMass float64 `json:"containment_mass"`
	// SingleWordFactor scales the word cosine of two clauses that share
	// exactly one content word that is not a vocabulary term.
	SingleWordFactor float64 `json:"single_word_factor"`
	// MinEvidence is the weight of shared words below which the word
	// cosine is scaled down in proportion (0 turns the scaling off).
	MinEvidence float64 `json:"min_evidence"`
	// AlignWeight scales the local alignment's reuse score; MinAligned is
	// the fewest matched words for it to count; MismatchCost and GapCost
	// are its penalties, as shares of the mean word weight.
	AlignWeight  float64 `json:"align_weight"`
	MinAligned   int     `json:"min_aligned"`
	MismatchCost float64 `json:"mismatch_cost"`
	GapCost      float64 `json:"gap_cost"`
	// GramWeight scales the share of shared character n-grams (verbatim
	// runs of common words); MinSharedGrams is the fewest that count.
	GramWeight     float64 `json:"gram_weight"`
	MinSharedGrams int     `json:"min_shared_grams"`

	// Topics: section alignment.

	// SectionThreshold is the similarity two sections need to be aligned.
	SectionThreshold float64 `json:"section_threshold"`
	// MaxTopicLevel is the deepest section level aligned into topics.
	MaxTopicLevel int `json:"max_topic_level"`
	// HeadingBoost is how many times a heading word counts in its section.
	HeadingBoost float64 `json:"heading_boost"`
	// TopicWords is how many of its heaviest words index a section.
	TopicWords int `json:"topic_words"`
	// LinkDensityWeight is how much the density of clause links between two
	// sections adds to their word cosine.
	LinkDensityWeight float64 `json:"link_density_weight"`
	// TopicJoinShare × SectionThreshold is the mean similarity a group of
	// sections needs to a topic's members to merge into it (merging asks
	// for less than seeding: a topic's members differ among themselves).
	TopicJoinShare float64 `json:"topic_join_share"`

	// Links between clauses of different documents.

	// MatchThreshold is the similarity a mutual best pair needs to be
	// linked when their sections have nothing in common.
	MatchThreshold float64 `json:"match_threshold"`
	// TopicThreshold is the similarity that suffices when their sections
	// are fully aligned. Between the two, the bar falls gradually with the
	// sections' similarity: alignment is evidence, not a gate.
	TopicThreshold float64 `json:"topic_threshold"`
	// AlignedSimilarity is the section similarity from which two sections
	// count as fully aligned (so TopicThreshold applies); sections in one
	// topic always do.
	AlignedSimilarity float64 `json:"aligned_similarity"`
	// AttachMargin is how far above its bar a clause left alone must be
	// similar to its best match to join that match's measure one-sidedly
	// (a third document joining, or one measure over two clauses).
	AttachMargin float64 `json:"attach_margin"`
	// RepeatThreshold is the similarity at which two clauses of one
	// document repeat the same measure.
	RepeatThreshold float64 `json:"repeat_threshold"`

	// Measures: constrained clustering and kinds.

	// ClusterLink is the mean similarity a clause needs to the clauses
	// already in a measure before it may join it (stops A~B~C chains).
	ClusterLink float64 `json:"cluster_link"`
	// MaxLinkage bounds how many members of each group the linkage check
	// and the kind sample look at.
	MaxLinkage int `json:"max_linkage"`
	// NearThreshold and VerbatimThreshold split shared measures by kind on
	// token-diff similarity.
	NearThreshold     float64 `json:"near_threshold"`
	VerbatimThreshold float64 `json:"verbatim_threshold"`
	// NearCover makes a measure near when, for every pair of its clauses,
	// the local alignment covers this share of the shorter clause.
	NearCover float64 `json:"near_cover"`
	// MinPassage is the shortest reused stretch reported, in tokens.
	MinPassage int `json:"min_passage_tokens"`
}

// DefaultParams are the values tuned with `citydiff eval` on the labelled
// sets (docs/eval.md; figures in docs/engine.md).
func DefaultParams() Params {
	return Params{
		ActorWeight:   0.4,
		HeadingWeight: 0,
		StockSpread:   4,

		NGram:         4,
		MaxDocFreq:    0.15,
		MaxPosting:    48,
		Candidates:    4,
		MaxCandidates: 12,
		CopyJaccard:   0.7,

		CharWeight:       1.0,
		ContainmentMass:  25,
		SingleWordFactor: 0.5,
		MinEvidence:      24,
		AlignWeight:      0.9,
		MinAligned:       4,
		MismatchCost:     0.6,
		GapCost:          0.5,
		GramWeight:       0.8,
		MinSharedGrams:   6,

		SectionThreshold:  0.18,
		MaxTopicLevel:     2,
		HeadingBoost:      3,
		TopicWords:        12,
		LinkDensityWeight: 0.5,
		TopicJoinShare:    0.7,

		MatchThreshold:    0.44,
		TopicThreshold:    0.31,
		AlignedSimilarity: 0.5,
		RepeatThreshold:   0.9,

		ClusterLink:       0.25,
		MaxLinkage:        12,
		NearThreshold:     0.60,
		VerbatimThreshold: 0.97,
		NearCover:         0.85,
		MinPassage:        8,
	}
}
