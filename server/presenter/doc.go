// Package presenter lets the trainees of an SSH classroom follow a
// presenter's screen.
//
// A [Hub] knows every session of one server: who presents, whom each
// trainee follows, and each presenter's latest view state. A [Model] wraps
// one session's root model: for a presenter it publishes the root model's
// state after every update; for a trainee it applies the state of the
// presenter being followed, swallows the trainee's own navigation while
// following, and keeps a status line saying whom the trainee follows, or
// that they are on their own.
//
// The root model takes part through the small [Mirrorable] interface
// (State and SetState), so this package knows nothing of the TUI's views.
// A state is an immutable value: the hub hands the same value to many
// sessions' goroutines, and each follower adapts it to its own window size
// in SetState.
//
// Delivery never blocks a presenter: each session has a one-slot mailbox
// per kind of message (the roster, the followed presenter's state), and a
// slow follower simply skips the states it had no time to show.
package presenter
