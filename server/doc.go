// Package server serves citydiff's viewer over SSH, so that a room of
// trainees can each run the full TUI from a plain `ssh` client without
// installing anything.
//
// It is built on wish's SSH server with a small middleware stack of its
// own (see Server.middleware for the order) that runs one Bubble Tea
// program per session: the session's input and output, the client's TERM,
// environment and colour profile, its window size and window changes, no
// signal handler. The root model comes from a ModelFunc handed in by the
// caller, so this package knows nothing of the TUI's internals; the
// analysis behind it is computed once by the caller and shared read-only.
//
// A classroom server is still a server: clients authenticate by public key
// (or any client gets in with Options.Open, logged loudly); only the
// viewer is served — shell commands, exec, subsystems, port and agent
// forwarding are refused; sessions are capped in total and per source
// address, and connections still logging in are capped apart from them;
// handshakes and idle connections time out; window sizes are bounded; a
// session's requests are answered at once (sshSession), never waiting on
// the viewer; its input goes through package inputguard before Bubble Tea
// decodes it, so no input can crash the process or fill its memory; a
// panic ends only its own session; refusals are logged at a bounded rate;
// Shutdown tells every session and closes them within a few seconds.
//
// Keys listed as presenters log in as presenters: the sub-package
// presenter lets trainees follow a presenter's screen, detach and
// re-attach.
package server
