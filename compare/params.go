package compare

// Params are every threshold and option that shape a result. They are
// recorded in reports so that a result can be reproduced.
type Params struct {
	// MatchThreshold is the similarity two clauses of different documents
	// need to join one measure when their sections are not aligned.
	MatchThreshold float64 `json:"match_threshold"`
	// TopicThreshold is the lower similarity enough inside aligned sections.
	TopicThreshold float64 `json:"topic_threshold"`
	// ClusterLink is the mean similarity a clause needs to every clause
	// already in a measure before it may join it (stops A~B~C chains).
	ClusterLink float64 `json:"cluster_link"`
	// NearThreshold and VerbatimThreshold split shared measures by kind on
	// token-diff similarity.
	NearThreshold     float64 `json:"near_threshold"`
	VerbatimThreshold float64 `json:"verbatim_threshold"`
	// NearCover makes a measure near when, for every pair of its clauses,
	// the local alignment covers this share of the shorter clause.
	NearCover float64 `json:"near_cover"`
	// SectionThreshold is the similarity two sections need to be aligned.
	SectionThreshold float64 `json:"section_threshold"`
	// NGram is the character n-gram length used for verbatim reuse.
	NGram int `json:"ngram"`
	// MaxDocFreq drops from the candidate index words found in more than
	// this share of clauses (stock vocabulary).
	MaxDocFreq float64 `json:"max_doc_freq"`
	// Candidates is how many candidate clauses per document each clause keeps.
	Candidates int `json:"candidates"`
	// MinPassage is the shortest reused stretch reported, in tokens.
	MinPassage int `json:"min_passage_tokens"`
}

// DefaultParams are the values tuned on the built-in documents (see
// docs/engine.md for how they were judged).
func DefaultParams() Params {
	return Params{
		MatchThreshold:    0.42,
		TopicThreshold:    0.30,
		ClusterLink:       0.25,
		NearThreshold:     0.60,
		VerbatimThreshold: 0.97,
		NearCover:         0.85,
		SectionThreshold:  0.18,
		NGram:             4,
		MaxDocFreq:        0.15,
		Candidates:        4,
		MinPassage:        8,
	}
}
