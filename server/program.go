package server

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"citydiff/inputguard"
	"citydiff/server/presenter"
)

// runProgram runs one Bubble Tea program on a session until the user quits,
// the client goes away, or the server shuts down.
func (s *Server) runProgram(x *session) {
	sess := x.sess
	pty, winch, _ := sess.Pty()
	env := sessionEnv(sess.Environ(), pty.Term)
	profile := envProfile(env)
	w, h := s.bound(pty.Window)

	// The program ends with the session: when the connection closes (its
	// context) or when the session's channel ends while the connection stays
	// (a multiplexed client), which input sees first as EOF.
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()

	var member *presenter.Member
	if s.hub != nil {
		member = s.hub.Join(x.id, x.name(), x.role())
		defer member.Leave()
	}
	innerH := h
	if member != nil && h >= 2 {
		innerH = h - 1 // the status line
	}
	inner := s.opts.NewModel(Session{
		ID: x.id, User: x.user, Role: x.role(), Name: x.name(),
		Width: w, Height: innerH, Profile: profile, Environ: env,
	})
	// The input is filtered before Bubble Tea's decoder reads it: a few
	// bytes from the client could otherwise crash the whole process or
	// make the decoder buffer without bound (package inputguard).
	in := inputguard.NewReader(endOnError{r: sess, end: cancel}, s.opts.Input)
	defer logFiltered(s, x, in.Stats())
	p := tea.NewProgram(presenter.New(inner, member, s.opts.Follow),
		tea.WithInput(in),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithWindowSize(w, h),
		tea.WithColorProfile(profile),
		tea.WithoutSignalHandler(),
		tea.WithContext(ctx),
	)
	x.setProgram(p)
	if member != nil {
		member.Start(p.Send)
	}
	go func() {
		// The latest window size, until the session's requests end. A
		// change never waits for this loop (see sshSession).
		for win := range winch {
			w, h := s.bound(win)
			p.Send(tea.WindowSizeMsg{Width: w, Height: h})
		}
	}()

	s.log.Debug("program start", "id", x.id, "profile", profile, "size", [2]int{w, h})
	_, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		x.setEnd("panic in the viewer")
		s.log.Error("session panicked in the viewer", "id", x.id, "addr", x.addr)
		wish.Fatalln(sess, "\r\ncitydiff: internal error; this session was closed")
	case s.closing.Load():
		x.setEnd("server shutdown")
		wish.Println(sess, "\r\ncitydiff: the server is shutting down. Goodbye.")
	case err == nil:
		x.setEnd("quit")
	case x.conn != nil && x.conn.timeout() != "":
		x.setEnd(x.conn.timeout()) // the idle timeout closed the connection
	case ctx.Err() != nil:
		x.setEnd("client left")
	default:
		x.setEnd("error: " + err.Error())
	}
}

// logFiltered logs what the input filter changed in a session, if anything.
func logFiltered(s *Server, x *session, st *inputguard.Stats) {
	seps, str, cut, paste, pauses := st.Separators.Load(), st.StringBytes.Load(), st.PastesCut.Load(), st.PasteBytes.Load(), st.Pauses.Load()
	if seps+str+cut+paste+pauses == 0 {
		return
	}
	s.log.Warn("input filtered", "id", x.id, "addr", x.addr, "separators_dropped", seps, "string_bytes_dropped", str,
		"pastes_cut", cut, "paste_bytes_dropped", paste, "pauses", pauses)
}

// bound clamps a client's window to the server's limits; a client that
// does not say gets 80×24.
func (s *Server) bound(win ssh.Window) (w, h int) {
	w, h = win.Width, win.Height
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	return min(w, s.opts.MaxWidth), min(h, s.opts.MaxHeight)
}

// endOnError reads the session's input and ends the program's context on
// EOF or error.
type endOnError struct {
	r   io.Reader
	end context.CancelFunc
}

func (e endOnError) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.end()
	}
	return n, err
}

// sessionEnv is the client's environment with the pty's TERM, which the
// client sends in the pty request rather than as a variable.
func sessionEnv(environ []string, term string) []string {
	if !validTerm(term) {
		term = "xterm-256color"
	}
	out := make([]string, 0, len(environ)+1)
	for _, kv := range environ {
		if !strings.HasPrefix(kv, "TERM=") {
			out = append(out, kv)
		}
	}
	return append(out, "TERM="+term)
}

// envProfile is the colour profile the client's terminal supports, judged
// from its environment alone (the server's own terminal does not matter):
// NO_COLOR and CLICOLOR are honoured, COLORTERM and TERM decide the rest.
func envProfile(env []string) colorprofile.Profile {
	p := colorprofile.Env(env)
	if p > colorprofile.ASCII && p < colorprofile.TrueColor {
		term := ""
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, "TERM="); ok {
				term = v
			}
		}
		p = max(p, colorprofile.Terminfo(term))
	}
	return p
}

// validTerm reports whether a client's TERM is a plain terminal name. The
// name becomes a path in the terminfo database (colorprofile and the key
// tables load it), so anything like a path is refused.
func validTerm(term string) bool {
	if term == "" || len(term) > 64 || term[0] == '.' || term[0] == '-' {
		return false
	}
	for _, r := range term {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '+':
		default:
			return false
		}
	}
	return !strings.Contains(term, "..")
}
