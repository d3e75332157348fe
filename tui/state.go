package tui

// View names a screen of the TUI.
type View string

// The views. Topic and Measure are the detail screens of the Topics and
// Measures tabs.
const (
	ViewOverview View = "overview"
	ViewTopics   View = "topics"
	ViewTopic    View = "topic"
	ViewMeasures View = "measures"
	ViewMeasure  View = "measure"
	ViewReader   View = "reader"
	ViewDraft    View = "draft"
	ViewSearch   View = "search"
)

// State is where a user is: the view, what is selected in each view and
// how far it is scrolled. It is expressed in terms of the documents, not
// of the screen (the reader's scroll is the character at the top, not a
// row), so a State taken from one terminal can be applied to another of a
// different size: that is how a trainee's screen follows a trainer's.
type State struct {
	View View `json:"view"`

	Doc      int `json:"doc"`      // overview selection
	Topic    int `json:"topic"`    // topics selection, the open topic
	TopicCol int `json:"topicCol"` // first document column shown
	TopicPin int `json:"topicPin"` // pinned document, -1 when none
	TopicTop int `json:"topicTop"` // topic detail: wrapped line at the top
	TopicRow int `json:"topicRow"` // topic detail: the cursor's row
	// TopicCols is how many sections the topic shows side by side: a
	// follower shows as many as the presenter, whatever its width.
	TopicCols int `json:"topicCols"`

	Measure     int    `json:"measure"`     // the selected or open measure (index into Result.Measures)
	MeasureBase int    `json:"measureBase"` // the clause the others are diffed against
	MinShared   int    `json:"minShared"`   // measures filter: shared by at least this many
	Kind        string `json:"kind"`        // measures filter: verbatim, near, paraphrase, unique or ""
	Sort        string `json:"sort"`        // measures sort
	Filter      string `json:"filter"`      // measures text filter
	MeasureCity int    `json:"measureCity"` // measures filter: only document MeasureCity-1's measures; 0 for all

	ReaderDoc    int  `json:"readerDoc"`
	ReaderClause int  `json:"readerClause"` // the clause under the cursor, -1 for none
	ReaderAnchor int  `json:"readerAnchor"` // code point of the original shown at the top
	Simplified   bool `json:"simplified"`

	Draft int `json:"draft"` // which added document the draft check shows

	Query  string `json:"query"`  // search query
	Result int    `json:"result"` // selected search result
}

// SetStateMsg moves the TUI to a State (a trainee following a trainer).
type SetStateMsg struct{ State State }

// SetStatusMsg shows a note in the status bar, e.g. "following 王老师";
// an empty Text clears it.
type SetStatusMsg struct{ Text string }
