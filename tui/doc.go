// Package tui is citydiff's interactive viewer: a Bubble Tea program that
// compares the policy documents of several cities side by side.
//
// # Views
//
//	Overview     the documents, a city × city heat map of shared measures,
//	             each city's shared and own measures
//	Topics       aligned section groups; a topic opens its sections side
//	             by side, row by row (clauses of one measure on one row),
//	             shared words highlighted by how many cities use them
//	Measures     the measure × city matrix (● has it, ○ does not), sorted
//	             and filtered; a measure opens each city's clause with a word
//	             diff against a base clause and the units responsible
//	Reader       one document with its outline, in its original script or
//	             converted to Simplified, shared passages tinted and linked
//	Draft check  the user's drafts checked against the cities (package
//	             draftcheck): what k of n chosen cities have that the draft
//	             lacks, what it borrows and what it changed, what is its own
//	Search       across all documents; a Simplified query finds Traditional
//	             text and the other way round
//
// # Design
//
// Model is the root. It owns a Common (size, styles from a Theme of
// meaning-based colours, the KeyMap, the documents and the analysis) and
// hands a pointer to it to one concrete pane per view. Each pane's update
// returns its own type, a command and, when the user picked something that
// takes them elsewhere, an action (openReader, openMeasure, openTopic,
// goBack) that the root carries out, recording a State so esc comes back.
// Panes implement help.KeyMap and disable the bindings that do not apply, so
// the help line lists only keys that work.
//
// Nothing heavy happens in View. The documents are shown from the first
// frame; the comparison runs in a tea.Cmd and its result is tagged with a
// generation so a stale one is dropped, as are the results of a search
// query typed over. Text is laid out when the document, script or width
// changes (wrapped with package cjk, which never lets a line exceed the
// width and keeps closing punctuation off line starts), and each frame
// styles only the lines it shows.
//
// A frame costs per line that changed. Lines and rows drawn in a frame
// are kept for the next ones (a memo per program, keyed by everything a
// line depends on: what it shows, the width, the selection, the analysis
// and the styles), so a keystroke draws the rows whose selection moved and
// the lines scrolled in. Styles render through Style, which writes the
// escape sequences lipgloss would, learnt once per style; widths come from
// cjk.Width, ansi.StringWidth without its per-character segmentation for
// text where it makes no difference. The bytes of every frame are those
// the plain lipgloss and ansi calls would give.
//
// # Many programs in one process
//
// The package has no mutable globals (package cjk has one: a table of
// character widths it fills as it meets them, safe for concurrent use):
// the SSH server runs one program per session with New, giving every
// session the same read-only *Analysis (Config.Analysis) and documents.
// A presenter's navigation reaches followers through State:
// Config.OnState reports every change of the presenter's State, and
// SetStateMsg applies one to a follower, whatever its terminal size (the
// reader's position is a character of the document, not a row).
// SetStatusMsg puts a note such as "following 王老师" in the status bar.
package tui
