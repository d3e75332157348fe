package server

import (
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/log"

	"citydiff/inputguard"
	"citydiff/server/presenter"
)

// Defaults of Options.
const (
	DefaultAddr                 = "127.0.0.1:23234"
	DefaultMaxSessions          = 64
	DefaultMaxPerAddress        = 16
	DefaultHandshakeTimeout     = 10 * time.Second
	DefaultIdleTimeout          = 30 * time.Minute
	DefaultMaxWidth             = 400
	DefaultMaxHeight            = 200
	DefaultShutdownNotice       = 2 * time.Second
	DefaultMaxPending           = 32
	DefaultMaxPendingPerAddress = 8

	// evictAfter is how long a connection must have been logging in
	// before a newcomer may take its place when every pending slot is
	// taken: longer than any real handshake, so only a stalled or silent
	// client is dropped.
	evictAfter = 2 * time.Second

	// maxChannelsPerConn bounds the session channels one connection may
	// hold open (OpenSSH multiplexing opens several on one connection).
	maxChannelsPerConn = 4
	// maxEnv bounds the environment variables a session may set.
	maxEnv = 64
)

// Session describes one client to the ModelFunc.
type Session struct {
	ID      string // short id used in logs and by the presenter hub
	User    string // the SSH user name
	Role    presenter.Role
	Name    string // display name: the key's comment, else the user name
	Width   int    // the root model's initial size (the window minus the status line)
	Height  int
	Profile colorprofile.Profile // from the client's environment
	Environ []string             // the client's environment, TERM included
}

// ModelFunc builds the root model of one session. It is called from the
// session's goroutine, once per session; what it shares between sessions
// must be read-only.
type ModelFunc func(Session) tea.Model

// Options configure a Server. Zero values take the defaults above.
type Options struct {
	Addr           string // where ListenAndServe listens
	HostKeyPath    string // the host key, created on first start (required)
	AuthorizedKeys string // authorized_keys file of those who may log in
	Presenters     string // authorized_keys file of those who log in as presenters
	Open           bool   // let any client in (a closed classroom network only)

	MaxSessions   int // sessions at once, in total
	MaxPerAddress int // sessions at once from one source address
	// MaxPending and MaxPendingPerAddress cap the connections that have
	// not yet authenticated, apart from the sessions: a socket that never
	// speaks takes one of these for at most HandshakeTimeout, and never
	// a place of someone logged in.
	MaxPending           int
	MaxPendingPerAddress int
	HandshakeTimeout     time.Duration // from TCP connect to authenticated
	IdleTimeout          time.Duration // a connection with no traffic either way is closed
	MaxWidth             int           // window sizes are clamped to these
	MaxHeight            int
	ShutdownNotice       time.Duration // how long sessions are told before Shutdown closes them
	// Input limits each session's input (bracketed pastes, control
	// strings, bursts); zero: inputguard.SessionLimits.
	Input inputguard.Limits

	Logger   *log.Logger       // nil: log.Default()
	NewModel ModelFunc         // required
	Follow   presenter.Options // keys and styles of the status line; zero: the defaults
}

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	if o.MaxPerAddress <= 0 {
		o.MaxPerAddress = min(DefaultMaxPerAddress, o.MaxSessions)
	}
	if o.MaxPending <= 0 {
		o.MaxPending = DefaultMaxPending
	}
	if o.MaxPendingPerAddress <= 0 {
		o.MaxPendingPerAddress = DefaultMaxPendingPerAddress
	}
	o.MaxPendingPerAddress = min(o.MaxPendingPerAddress, o.MaxPending)
	if o.HandshakeTimeout <= 0 {
		o.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.MaxWidth <= 0 {
		o.MaxWidth = DefaultMaxWidth
	}
	if o.MaxHeight <= 0 {
		o.MaxHeight = DefaultMaxHeight
	}
	if o.ShutdownNotice <= 0 {
		o.ShutdownNotice = DefaultShutdownNotice
	}
	if o.Input == (inputguard.Limits{}) {
		o.Input = inputguard.SessionLimits()
	}
	if o.Logger == nil {
		o.Logger = log.Default()
	}
	if o.Follow.Keys.Detach.Keys() == nil {
		o.Follow = presenter.DefaultOptions()
	}
	return o
}

// ErrNoAuth is returned when neither authorized keys nor Open are given:
// a server that would let nobody in, or everybody by accident.
var ErrNoAuth = errors.New("refusing to start: give --authorized-keys (or --presenters) to name who may log in, or --open to let anyone on this network in")
