package eval

import (
	"fmt"
	"sort"
	"strings"

	"citydiff/compare"
	"citydiff/segment/words"
)

// Outcome is how the analysis fared on one label.
type Outcome struct {
	Label Label
	A, B  Place
	// MeasureA and MeasureB are the measure ids the passages landed in
	// ("" when the text is in no clause).
	MeasureA, MeasureB string
	// OK: one measure for a must-match pair, two for an apart pair, a
	// one-document measure for a unique clause, one topic for a topic pair.
	OK bool
	// Why says what went wrong when !OK, in words.
	Why string
	// Explained is set by Explain on misses of paired labels: the
	// engine's similarity of the two clauses, and the clause of B's
	// document that it finds closest to A (with its measure).
	Explained               bool
	Similarity, BestSim     float64
	BestClause, BestMeasure string
}

// Tally counts the labels of one relation.
type Tally struct {
	Labels int `json:"labels"`
	OK     int `json:"ok"`
}

// Rate is OK/Labels, 0 with no labels.
func (t Tally) Rate() float64 {
	if t.Labels == 0 {
		return 0
	}
	return float64(t.OK) / float64(t.Labels)
}

// Scores are the figures of one evaluation.
type Scores struct {
	// ByRelation counts each relation's labels and how many the analysis got right.
	ByRelation map[Relation]Tally
	// MustMatch is the recall of all must-match pairs together.
	MustMatch Tally
	Outcomes  []Outcome // one per label, in label order
}

// Problems are labels that could not be located: an error in the labels
// (or labels meant for other documents), never a fault of the engine.
type Problems []string

func (p Problems) Error() string {
	const shown = 20
	lines := p
	more := ""
	if len(p) > shown {
		lines, more = p[:shown], fmt.Sprintf("\n… and %d more", len(p)-shown)
	}
	return fmt.Sprintf("%d labels cannot be located:\n  %s%s", len(p), strings.Join(lines, "\n  "), more)
}

// Score locates every label in the analysis and judges it. It fails, with
// every label that could not be located, when the labels do not fit the
// documents.
func Score(r *compare.Result, labels []Label) (*Scores, error) {
	loc := newLocator(r.Docs)
	s := &Scores{ByRelation: map[Relation]Tally{}}
	var bad Problems
	for _, l := range labels {
		o := Outcome{Label: l}
		var err error
		if o.A, err = loc.locate(l.A); err != nil {
			bad = append(bad, l.Where+": "+err.Error())
			continue
		}
		if l.Relation.paired() {
			if o.B, err = loc.locate(l.B); err != nil {
				bad = append(bad, l.Where+": "+err.Error())
				continue
			}
		}
		judge(r, &o)
		t := s.ByRelation[l.Relation]
		t.Labels++
		if o.OK {
			t.OK++
		}
		s.ByRelation[l.Relation] = t
		if l.Relation.MustMatch() {
			s.MustMatch.Labels++
			if o.OK {
				s.MustMatch.OK++
			}
		}
		s.Outcomes = append(s.Outcomes, o)
	}
	if len(bad) > 0 {
		return nil, bad
	}
	return s, nil
}

func judge(r *compare.Result, o *Outcome) {
	measures := func(p Place) []int {
		var out []int
		for _, c := range p.clauses() {
			out = append(out, r.MeasureOf(compare.ClauseRef{Doc: p.Doc, Clause: c}))
		}
		return out
	}
	ma := measures(o.A)
	var mb []int
	if len(ma) > 0 {
		o.MeasureA = r.Measures[ma[0]].ID
	}
	if o.Label.Relation.paired() {
		mb = measures(o.B)
		if len(mb) > 0 {
			o.MeasureB = r.Measures[mb[0]].ID
		}
	}
	shared := -1 // a measure both sides are in
	for _, x := range ma {
		for _, y := range mb {
			if x == y && shared < 0 {
				shared = x
			}
		}
	}
	if shared >= 0 {
		o.MeasureA, o.MeasureB = r.Measures[shared].ID, r.Measures[shared].ID
	}
	switch rel := o.Label.Relation; {
	case len(ma) == 0 || rel.paired() && len(mb) == 0:
		o.Why = "text in no clause"
	case rel.MustMatch():
		o.OK = shared >= 0
		if !o.OK {
			o.Why = "in different measures"
		}
	case rel == Apart:
		o.OK = shared < 0
		if !o.OK {
			o.Why = "linked into one measure"
		}
	case rel == Unique:
		o.OK = true
		seen := map[string]bool{}
		var docs []string
		for _, mi := range ma {
			for _, d := range r.Measures[mi].Docs {
				if d != o.A.Doc && !seen[r.Docs[d].ID] {
					seen[r.Docs[d].ID] = true
					docs = append(docs, r.Docs[d].ID)
					o.OK = false
				}
			}
		}
		if !o.OK {
			o.Why = "shared with " + strings.Join(docs, ", ")
		}
	case rel == SameTopic:
		ta := topicsOf(r, o.A)
		for t := range topicsOf(r, o.B) {
			if ta[t] {
				o.OK = true
			}
		}
		if !o.OK {
			o.Why = "sections in no common topic"
		}
	}
}

// topicsOf is the set of topics holding the section of a place's clause
// or one of its ancestors.
func topicsOf(r *compare.Result, p Place) map[int]bool {
	out := map[int]bool{}
	d := r.Docs[p.Doc]
	sec := d.Clauses[p.Clause].Section
	anc := map[int]bool{}
	for s := sec; s >= 0; s = d.Sections[s].Parent {
		anc[s] = true
	}
	for ti, t := range r.Topics {
		for _, s := range t.Sections {
			if s.Doc == p.Doc && anc[s.Section] {
				out[ti] = true
			}
		}
	}
	return out
}

// Explain fills in, for every miss of a paired label, how similar the
// engine finds the two clauses and which clause it prefers: the numbers a
// reader needs to tell a threshold from a segmentation problem.
func Explain(r *compare.Result, s *Scores, seg *words.Segmenter) {
	var sc *compare.Scorer
	for k := range s.Outcomes {
		o := &s.Outcomes[k]
		if o.OK || !o.Label.Relation.MustMatch() && o.Label.Relation != Apart || o.A.Clause < 0 || o.B.Clause < 0 {
			continue
		}
		if sc == nil {
			sc = compare.NewScorer(r, seg)
		}
		a := compare.ClauseRef{Doc: o.A.Doc, Clause: o.A.Clause}
		b := compare.ClauseRef{Doc: o.B.Doc, Clause: o.B.Clause}
		o.Explained = true
		o.Similarity = sc.Similarity(a, b)
		best, sim := sc.Best(a, o.B.Doc)
		if best.Doc >= 0 {
			o.BestSim = sim
			o.BestClause = r.Clause(best).ID
			o.BestMeasure = r.Measures[r.MeasureOf(best)].ID
		}
	}
}

// relationOrder is the order relations are reported in.
var relationOrder = []Relation{Verbatim, Near, Paraphrase, Apart, Unique, SameTopic}

// Relations returns the relations that have labels, in report order.
func (s *Scores) Relations() []Relation {
	var out []Relation
	for _, r := range relationOrder {
		if s.ByRelation[r].Labels > 0 {
			out = append(out, r)
		}
	}
	return out
}

// Misses returns the outcomes that went wrong, must-match first, then by label order.
func (s *Scores) Misses() []Outcome {
	var out []Outcome
	for _, o := range s.Outcomes {
		if !o.OK {
			out = append(out, o)
		}
	}
	rank := map[Relation]int{}
	for k, r := range relationOrder {
		rank[r] = k
	}
	sort.SliceStable(out, func(a, b int) bool { return rank[out[a].Label.Relation] < rank[out[b].Label.Relation] })
	return out
}
