package tui

// action is what a pane asks the root to do: the pane knows what the user
// picked, the root knows how to get there (and records the way back).
type action interface{ isAction() }

// openReader shows document doc in the reader with the cursor on clause
// (when ≥ 0), scrolled to the original code point pos (when ≥ 0), and the
// query's matches marked (when not empty).
type openReader struct {
	doc, clause, pos int
	query            string
}

// openMeasure shows a measure's clauses diffed against clause base of the
// measure (when ≥ 0).
type openMeasure struct{ measure, base int }

// openTopic shows a topic's sections side by side.
type openTopic struct{ topic int }

// goBack asks for the previous screen.
type goBack struct{}

func (openReader) isAction()  {}
func (openMeasure) isAction() {}
func (openTopic) isAction()   {}
func (goBack) isAction()      {}
