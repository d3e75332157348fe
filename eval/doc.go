// Package eval scores an analysis against labels that careful readers wrote
// by hand: pairs of passages that must end up in one measure (by kind:
// verbatim, near, paraphrase), pairs on the same topic that must stay apart,
// clauses that are truly unique, and sections that belong to one topic.
//
// Labels never name the engine's clause ids, which change whenever the
// segmentation does. A passage is located by an anchor: a short quote of
// the document (matched on the normalized text, so Traditional and
// full-width text need no care), optionally inside an article (第十二条)
// or a clause id. The anchor's position in the original falls in one
// clause, and that clause's measure is what is scored. So the same labels
// keep working when the engine cuts sentences finer or coarser.
//
// The label format is documented in docs/eval.md; `citydiff eval` is the
// command that runs it.
package eval
