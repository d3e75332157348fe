package server

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"citydiff/server/presenter"
)

// middleware is the session handler stack. wish composes the list from
// first to last, so the LAST entry runs FIRST: read it bottom-up.
func (s *Server) middleware() []wish.Middleware {
	return []wish.Middleware{
		s.programMiddleware, // 5. one Bubble Tea program per session, until it quits or the client leaves
		s.limitMiddleware,   // 4. the session caps, in total and per source address; refusals are told why
		s.accessMiddleware,  // 3. only an authenticated client with a terminal gets the viewer
		s.logMiddleware,     // 2. session start and end, with its duration and how it ended
		s.recoverMiddleware, // 1. a panic anywhere below ends only this session
	}
}

// session is one SSH session from start to end.
type session struct {
	id    string
	sess  ssh.Session
	addr  string
	host  string
	user  string
	ident identity
	full  error // the connection could not have a slot: its sessions are refused
	conn  *connState
	start time.Time

	mu   sync.Mutex
	prog *tea.Program
	end  string // how it ended, for the log
}

// name is how others see the session: the key's comment, else the user.
func (x *session) name() string {
	if x.ident.name != "" {
		return x.ident.name
	}
	return x.user
}

func (x *session) setEnd(why string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.end == "" {
		x.end = why
	}
}

func (x *session) endReason() string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.end
}

func (x *session) setProgram(p *tea.Program) {
	x.mu.Lock()
	x.prog = p
	x.mu.Unlock()
}

// send hands msg to the session's program without waiting for it.
func (x *session) send(msg tea.Msg) {
	x.mu.Lock()
	p := x.prog
	x.mu.Unlock()
	if p != nil {
		go p.Send(msg)
	}
}

func (x *session) quit() { x.send(tea.QuitMsg{}) }

func (s *Server) sessionOf(sess ssh.Session) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live[sess]
}

// refuse ends a session before the viewer starts, telling the client why.
func (s *Server) refuse(x *session, why string) {
	x.setEnd("refused: " + why)
	s.log.Warn("session refused", "id", x.id, "addr", x.addr, "user", x.user, "reason", why)
	wish.Fatalln(x.sess, "citydiff: "+why)
}

func (s *Server) recoverMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("session panicked", "addr", sess.RemoteAddr().String(), "panic", r, "stack", string(debug.Stack()))
				wish.Fatalln(sess, "citydiff: internal error; this session was closed")
			}
		}()
		next(sess)
	}
}

func (s *Server) logMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		x := &session{
			id:    fmt.Sprintf("s%d", s.nextID.Add(1)),
			sess:  sess,
			addr:  sess.RemoteAddr().String(),
			host:  sess.RemoteAddr().String(),
			user:  sess.User(),
			start: time.Now(),
		}
		if st := s.connState(sess.Context()); st != nil {
			x.addr, x.host, x.ident, x.conn = st.addr, st.host, st.identity(), st
			st.mu.Lock()
			x.full = st.full
			st.mu.Unlock()
		}
		s.mu.Lock()
		s.live[sess] = x
		s.mu.Unlock()

		pty, _, _ := sess.Pty()
		s.log.Info("session start", "id", x.id, "addr", x.addr, "user", x.user, "role", x.ident.role,
			"term", pty.Term, "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
		completed := false
		defer func() {
			s.mu.Lock()
			delete(s.live, sess)
			s.mu.Unlock()
			if !completed {
				x.setEnd("panic")
			}
			s.log.Info("session end", "id", x.id, "addr", x.addr, "user", x.user,
				"duration", time.Since(x.start).Round(time.Millisecond), "end", x.endReason())
		}()
		next(sess)
		completed = true
	}
}

func (s *Server) accessMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		x := s.sessionOf(sess)
		switch _, _, hasPty := sess.Pty(); {
		case !x.ident.authed:
			s.refuse(x, "not authenticated")
		case sess.RawCommand() != "" || sess.Subsystem() != "":
			s.refuse(x, "citydiff serves only its viewer; commands are not accepted")
		case !hasPty:
			s.refuse(x, "this is an interactive viewer and needs a terminal: connect with ssh -t")
		default:
			next(sess)
		}
	}
}

func (s *Server) limitMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		x := s.sessionOf(sess)
		if s.closing.Load() {
			s.refuse(x, "the server is shutting down")
			return
		}
		if x.full != nil {
			s.refuse(x, x.full.Error())
			return
		}
		release, err := s.sessions.acquire(x.host, "sessions")
		if err != nil {
			s.refuse(x, err.Error())
			return
		}
		defer release()
		next(sess)
	}
}

func (s *Server) programMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.runProgram(s.sessionOf(sess))
		next(sess)
	}
}

// role returns the session's role in the presenter hub.
func (x *session) role() presenter.Role { return x.ident.role }
