package server

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// sshSession is one session channel: our own implementation of ssh.Session
// in place of charmbracelet/ssh's DefaultSessionHandler.
//
// That handler's request loop blocks: it puts every window-change into a
// one-slot channel that nobody reads until the shell starts, so a
// window-change between pty-req and shell stopped it for good. Requests
// queued behind it then stopped the connection's reader, the socket sat in
// CLOSE-WAIT with its connection slot after the client left (the idle
// timeout never fired: nothing was reading), and its goroutines leaked
// (issue 14). The loop here never waits on anything: it answers each
// request at once, keeps only the latest window size, and refuses what the
// viewer does not use.
type sshSession struct {
	gossh.Channel
	conn *gossh.ServerConn
	ctx  ssh.Context
	s    *Server
	st   *connState

	// winch holds the latest window size not yet taken (one slot; a newer
	// size replaces it). Only the request loop sends, and closes it when
	// the requests end.
	winch chan ssh.Window

	mu      sync.Mutex
	pty     *ssh.Pty
	env     []string
	started bool // shell accepted; env and pty-req are refused after it
	exited  bool
}

// serveSession accepts a session channel and answers its requests until
// the client closes it or the connection ends.
func (s *Server) serveSession(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context, st *connState) {
	ch, reqs, err := newChan.Accept()
	if err != nil {
		return
	}
	x := &sshSession{Channel: ch, conn: conn, ctx: ctx, s: s, st: st, winch: make(chan ssh.Window, 1)}
	defer close(x.winch)
	for req := range reqs {
		ok := false
		switch req.Type {
		case "pty-req":
			ok = x.ptyRequest(req.Payload)
		case "window-change":
			ok = x.windowChange(req.Payload)
		case "env":
			ok = x.setenv(req.Payload)
		case "shell":
			if x.start() {
				_ = req.Reply(true, nil) // before the viewer writes anything
				go func() {
					srv.Handler(x)
					_ = x.Exit(0)
				}()
				continue
			}
		case "exec":
			var cmd struct{ Command string }
			_ = gossh.Unmarshal(req.Payload, &cmd)
			if len(cmd.Command) > 80 {
				cmd.Command = cmd.Command[:80] + "…"
			}
			s.refused(st.addr, "exec refused", "user", conn.User(), "command", cmd.Command)
		case "subsystem":
			var sub struct{ Name string }
			_ = gossh.Unmarshal(req.Payload, &sub)
			s.refused(st.addr, "subsystem refused", "user", conn.User(), "subsystem", sub.Name)
		default:
			// auth-agent-req@openssh.com (agent forwarding), x11-req,
			// signal, break and anything a client invents.
			s.refused(st.addr, "request refused", "type", req.Type)
		}
		if req.WantReply {
			_ = req.Reply(ok, nil)
		}
	}
}

// ptyRequest takes the terminal and its size: pty-req's payload starts
// with TERM, columns and rows (pixel sizes and modes are not used).
func (x *sshSession) ptyRequest(payload []byte) bool {
	var p struct {
		Term       string
		Cols, Rows uint32
		Rest       []byte `ssh:"rest"`
	}
	if err := gossh.Unmarshal(payload, &p); err != nil {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.started || x.pty != nil {
		return false
	}
	x.pty = &ssh.Pty{Term: p.Term, Window: ssh.Window{Width: int(p.Cols), Height: int(p.Rows)}}
	x.latest(x.pty.Window)
	return true
}

// windowChange keeps a new size, replacing any the viewer has not yet
// taken: it never waits for the viewer, which may not have started.
func (x *sshSession) windowChange(payload []byte) bool {
	var w struct {
		Cols, Rows uint32
		Rest       []byte `ssh:"rest"`
	}
	if err := gossh.Unmarshal(payload, &w); err != nil || w.Cols < 1 || w.Rows < 1 {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.pty == nil {
		return false
	}
	x.pty.Window = ssh.Window{Width: int(w.Cols), Height: int(w.Rows)}
	x.latest(x.pty.Window)
	return true
}

// latest puts win in the one-slot channel, dropping an older size still
// there. Only the request loop sends, so the second select always can.
func (x *sshSession) latest(win ssh.Window) {
	select {
	case <-x.winch:
	default:
	}
	select {
	case x.winch <- win:
	default:
	}
}

// setenv takes an environment variable, up to maxEnv of them, before the
// shell starts.
func (x *sshSession) setenv(payload []byte) bool {
	var kv struct{ Key, Value string }
	if len(payload) > 4096 || gossh.Unmarshal(payload, &kv) != nil {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.started || len(x.env) >= maxEnv {
		return false
	}
	x.env = append(x.env, kv.Key+"="+kv.Value)
	return true
}

// start marks the shell started; it reports false if it already was.
func (x *sshSession) start() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.started {
		return false
	}
	x.started = true
	return true
}

// Write writes to the client; with a pty, \n becomes \r\n.
func (x *sshSession) Write(p []byte) (int, error) {
	if x.hasPty() {
		return ssh.NewPtyWriter(x.Channel).Write(p)
	}
	return x.Channel.Write(p)
}

// Stderr is the channel's stderr; with a pty, \n becomes \r\n.
func (x *sshSession) Stderr() io.ReadWriter {
	if x.hasPty() {
		return ssh.NewPtyReadWriter(x.Channel.Stderr())
	}
	return x.Channel.Stderr()
}

func (x *sshSession) hasPty() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.pty != nil
}

// Exit sends the exit status and closes the channel.
func (x *sshSession) Exit(code int) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.exited {
		return errors.New("session: Exit called more than once")
	}
	x.exited = true
	status := struct{ Status uint32 }{uint32(code)}
	if _, err := x.SendRequest("exit-status", false, gossh.Marshal(&status)); err != nil {
		return fmt.Errorf("session: %w", err)
	}
	return x.Close()
}

func (x *sshSession) User() string              { return x.conn.User() }
func (x *sshSession) RemoteAddr() net.Addr      { return x.conn.RemoteAddr() }
func (x *sshSession) LocalAddr() net.Addr       { return x.conn.LocalAddr() }
func (x *sshSession) Context() ssh.Context      { return x.ctx }
func (x *sshSession) RawCommand() string        { return "" } // exec is refused
func (x *sshSession) Command() []string         { return nil }
func (x *sshSession) Subsystem() string         { return "" } // subsystems are refused
func (x *sshSession) Signals(chan<- ssh.Signal) {}            // signal requests are refused
func (x *sshSession) Break(chan<- bool)         {}            // break requests are refused

func (x *sshSession) Environ() []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return append([]string(nil), x.env...)
}

func (x *sshSession) PublicKey() ssh.PublicKey {
	if k, ok := x.ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey); ok {
		return k
	}
	return nil
}

func (x *sshSession) Permissions() ssh.Permissions {
	if p := x.ctx.Permissions(); p != nil {
		return *p
	}
	return ssh.Permissions{}
}

// Pty returns the terminal (its latest size) and the window changes.
func (x *sshSession) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.pty == nil {
		return ssh.Pty{}, x.winch, false
	}
	return *x.pty, x.winch, true
}

var _ ssh.Session = (*sshSession)(nil)
