package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/presenter"
)

// versionName is the software version in the server's SSH version line.
// It names citydiff rather than an OpenSSH release it is not: clients and
// scanners that trust the line would take it for a real sshd.
const versionName = "citydiff"

// serverVersion is the version line itself.
const serverVersion = "SSH-2.0-" + versionName

// Server serves the viewer over SSH. Create it with New.
type Server struct {
	opts   Options
	log    *log.Logger
	srv    *ssh.Server
	keys   keyring
	signer gossh.Signer
	hub    *presenter.Hub // nil when no presenter keys are configured

	sessions *counter // sessions running a program
	pending  *counter // connections not yet authenticated
	conns    *counter // authenticated connections
	refusals *logLimiter
	closing  atomic.Bool
	nextID   atomic.Uint64

	mu         sync.Mutex
	connStates map[ssh.Context]*connState
	live       map[ssh.Session]*session
}

// New checks the options, loads the keys and the host key, and prepares a
// server; it does not listen yet.
func New(opts Options) (*Server, error) {
	opts = opts.withDefaults()
	if opts.NewModel == nil {
		return nil, errors.New("server: no model")
	}
	if !opts.Open && opts.AuthorizedKeys == "" && opts.Presenters == "" {
		return nil, ErrNoAuth
	}
	if opts.HostKeyPath == "" {
		return nil, errors.New("server: no host key path")
	}
	s := &Server{
		opts:       opts,
		log:        opts.Logger,
		keys:       keyring{},
		sessions:   newCounter(opts.MaxSessions, opts.MaxPerAddress),
		pending:    newCounter(opts.MaxPending, opts.MaxPendingPerAddress),
		conns:      newCounter(opts.MaxSessions+16, opts.MaxPerAddress+4),
		refusals:   newLogLimiter(refusalBurst, time.Minute),
		connStates: map[ssh.Context]*connState{},
		live:       map[ssh.Session]*session{},
	}
	if opts.AuthorizedKeys != "" {
		n, err := s.keys.load(opts.AuthorizedKeys, presenter.Trainee)
		if err != nil {
			return nil, err
		}
		s.log.Info("authorized keys", "file", opts.AuthorizedKeys, "keys", n)
	}
	if opts.Presenters != "" {
		n, err := s.keys.load(opts.Presenters, presenter.Presenter)
		if err != nil {
			return nil, err
		}
		s.log.Info("presenter keys", "file", opts.Presenters, "keys", n)
		s.hub = presenter.NewHub()
	}
	if len(s.keys) == 0 && !opts.Open {
		return nil, fmt.Errorf("%w (the key files hold no keys)", ErrNoAuth)
	}
	signer, created, err := LoadOrCreateHostKey(opts.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s.signer = signer
	fp := gossh.FingerprintSHA256(signer.PublicKey())
	if created {
		s.log.Info("host key created", "file", opts.HostKeyPath, "fingerprint", fp)
	} else {
		s.log.Info("host key", "file", opts.HostKeyPath, "fingerprint", fp)
	}

	srv, err := wish.NewServer(
		wish.WithAddress(opts.Addr),
		wish.WithVersion(versionName), // wish would claim to be OpenSSH_7.6p1
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(s.onPublicKey),
		wish.WithMiddleware(s.middleware()...),
	)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if opts.Open {
		// Keyless clients get in through keyboard-interactive with no
		// questions; the key handler above lets every key in.
		srv.KeyboardInteractiveHandler = s.onKeyboardInteractive
		s.log.Warn("OPEN MODE: any SSH client that reaches this address gets in, without an authorized key — use it only on a closed classroom network")
	}
	srv.ServerConfigCallback = s.sshConfig
	srv.ConnCallback = s.onConnect
	srv.ConnectionFailedCallback = s.onConnectionFailed
	srv.IdleTimeout = opts.IdleTimeout
	// Only sessions; port forwarding (direct-tcpip, tcpip-forward) and every
	// other channel or global request are refused and logged.
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": s.onSessionChannel,
		"default": s.onOtherChannel,
	}
	srv.RequestHandlers = map[string]ssh.RequestHandler{"default": s.onGlobalRequest}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	s.srv = srv
	return s, nil
}

// HostKey returns the server's public host key.
func (s *Server) HostKey() gossh.PublicKey { return s.signer.PublicKey() }

// ListenAndServe listens on Options.Addr and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.Serve(l)
}

// Serve serves on l until Shutdown; it then returns nil.
func (s *Server) Serve(l net.Listener) error {
	auth := "authorized keys"
	if s.opts.Open {
		auth = "OPEN (any client)"
	}
	s.log.Info("listening", "addr", l.Addr().String(), "auth", auth, "presenters", s.hub != nil,
		"max_sessions", s.opts.MaxSessions, "max_per_address", s.opts.MaxPerAddress)
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, tells every session that the
// server is going away, and closes them after Options.ShutdownNotice (or
// as soon as they have all left). Connections still open a second later,
// or when ctx ends, are closed hard.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.closing.Swap(true) {
		return nil
	}
	start := time.Now()
	s.log.Info("shutting down", "sessions", s.sessions.count(), "notice", s.opts.ShutdownNotice)
	done := make(chan error, 1)
	go func() { done <- s.srv.Shutdown(context.Background()) }() // closes the listeners at once, then waits for the connections

	notice := presenter.ClosingMsg{In: s.opts.ShutdownNotice, Reason: "the server is shutting down"}
	for _, sess := range s.liveSessions() {
		sess.send(notice)
	}
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	case <-time.After(s.opts.ShutdownNotice + 250*time.Millisecond):
		// The sessions quit on their own after the notice; give the stragglers
		// (a client that stopped reading) a moment, then close everything.
		for _, sess := range s.liveSessions() {
			sess.quit()
		}
		select {
		case err = <-done:
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(time.Second):
		}
	}
	if cerr := s.srv.Close(); err == nil && cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = cerr
	}
	s.log.Info("stopped", "after", time.Since(start).Round(time.Millisecond))
	return err
}

func (s *Server) liveSessions() []*session {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*session, 0, len(s.live))
	for _, v := range s.live {
		out = append(out, v)
	}
	return out
}

// sshConfig gives each connection a base configuration; charmbracelet/ssh
// adds the host key and its own callbacks to it.
func (s *Server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		MaxAuthTries: 6,
		// Called only once the client has proved it holds the key, unlike the
		// key handler, which also answers "would this key do?" queries: a
		// trainee could ask about a presenter's public key, then sign with
		// their own. The role comes from here.
		VerifiedPublicKeyCallback: func(conn gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			st := s.connState(ctx)
			if st == nil {
				return nil, errors.New("connection closing")
			}
			e, known := s.keys.lookup(key)
			if !known && !s.opts.Open {
				return nil, errors.New("unknown key")
			}
			id := identity{authed: true, role: e.role, name: e.name, fingerprint: gossh.FingerprintSHA256(key)}
			s.authenticated(st, id)
			s.log.Info("authenticated", "addr", st.addr, "user", conn.User(), "method", "publickey",
				"key", id.fingerprint, "role", id.role, "known", known)
			return perms, nil
		},
		AuthLogCallback: func(conn gossh.ConnMetadata, method string, err error) {
			if err != nil && method != "none" {
				s.log.Debug("authentication attempt failed", "addr", conn.RemoteAddr().String(), "user", conn.User(), "method", method)
			}
		},
	}
}

// onPublicKey answers whether a key may log in. It is also asked about keys
// the client has not yet proved to hold, so it decides nothing else.
func (s *Server) onPublicKey(_ ssh.Context, key ssh.PublicKey) bool {
	if s.opts.Open {
		return true
	}
	_, ok := s.keys.lookup(key)
	return ok
}

// onKeyboardInteractive lets keyless clients in, in open mode only, as
// trainees.
func (s *Server) onKeyboardInteractive(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
	st := s.connState(ctx)
	if st == nil {
		return false
	}
	s.authenticated(st, identity{authed: true, role: presenter.Trainee})
	s.log.Info("authenticated", "addr", st.addr, "user", ctx.User(), "method", "keyboard-interactive", "role", presenter.Trainee, "open", true)
	return true
}

func (s *Server) onConnectionFailed(conn net.Conn, err error) {
	var authErr *gossh.ServerAuthError
	if errors.As(err, &authErr) {
		s.log.Warn("authentication failed", "addr", conn.RemoteAddr().String())
		return
	}
	s.log.Info("handshake failed", "addr", conn.RemoteAddr().String(), "err", err)
}
