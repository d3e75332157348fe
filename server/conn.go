package server

import (
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/presenter"
)

// connState is what the server tracks of one TCP connection, from accept
// to close. It is found by the connection's ssh.Context, which every
// callback and session of the connection shares.
type connState struct {
	addr  string // remote ip:port
	host  string // remote ip, the unit of the per-address caps
	start time.Time
	conn  *guardedConn

	mu       sync.Mutex
	id       identity
	channels int
}

// identity is who authenticated on a connection.
type identity struct {
	authed      bool
	role        presenter.Role
	name        string // key comment, "" when none
	fingerprint string // SHA256 fingerprint of the public key, "" without one
}

func (c *connState) identity() identity {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.id
}

func (c *connState) setIdentity(id identity) {
	c.mu.Lock()
	c.id = id
	c.mu.Unlock()
	c.conn.authenticated()
}

// guardedConn enforces the handshake timeout. charmbracelet/ssh resets the
// connection's deadline on every read and write (its idle timeout), which
// would keep a silent or slow-walking client alive forever; until the
// client has authenticated, every deadline it sets is capped at the
// handshake deadline.
type guardedConn struct {
	net.Conn
	idle time.Duration

	mu       sync.Mutex
	deadline time.Time // the handshake deadline, zero once authenticated

	closeOnce sync.Once
	onClose   func()
}

func (c *guardedConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	d := c.deadline
	c.mu.Unlock()
	if !d.IsZero() && (t.IsZero() || t.After(d)) {
		t = d
	}
	return c.Conn.SetDeadline(t)
}

// authenticated lifts the handshake deadline. A read may be blocked with
// it right now, so the idle deadline replaces it at once.
func (c *guardedConn) authenticated() {
	c.mu.Lock()
	c.deadline = time.Time{}
	c.mu.Unlock()
	var t time.Time
	if c.idle > 0 {
		t = time.Now().Add(c.idle)
	}
	_ = c.Conn.SetDeadline(t)
}

func (c *guardedConn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(c.onClose)
	return err
}

// onConnect admits a TCP connection before its handshake: connections are
// capped (above the session caps, so that a refused session can still be
// told why) and given the handshake deadline.
func (s *Server) onConnect(ctx ssh.Context, conn net.Conn) net.Conn {
	addr := conn.RemoteAddr().String()
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if s.closing.Load() {
		s.log.Info("connection refused: shutting down", "addr", addr)
		return nil
	}
	release, err := s.conns.acquire(host, "connections")
	if err != nil {
		s.log.Warn("connection refused", "addr", addr, "reason", err)
		return nil
	}
	st := &connState{addr: addr, host: host, start: time.Now()}
	st.conn = &guardedConn{
		Conn:     conn,
		idle:     s.opts.IdleTimeout,
		deadline: st.start.Add(s.opts.HandshakeTimeout),
		onClose: func() {
			release()
			s.mu.Lock()
			delete(s.connStates, ctx)
			s.mu.Unlock()
			s.log.Info("disconnected", "addr", addr, "duration", time.Since(st.start).Round(time.Millisecond))
		},
	}
	_ = conn.SetDeadline(st.conn.deadline)
	s.mu.Lock()
	s.connStates[ctx] = st
	s.mu.Unlock()
	s.log.Info("connection", "addr", addr)
	return st.conn
}

func (s *Server) connState(ctx ssh.Context) *connState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connStates[ctx]
}

// onSessionChannel serves a session channel (see sshSession), up to
// maxChannelsPerConn at once on one connection.
func (s *Server) onSessionChannel(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	st := s.connState(ctx)
	if st == nil {
		_ = newChan.Reject(gossh.ConnectionFailed, "connection closing")
		return
	}
	st.mu.Lock()
	if st.channels >= maxChannelsPerConn {
		st.mu.Unlock()
		s.refused(st.addr, "channel refused: too many on one connection")
		_ = newChan.Reject(gossh.ResourceShortage, "too many sessions on one connection")
		return
	}
	st.channels++
	st.mu.Unlock()
	defer func() {
		st.mu.Lock()
		st.channels--
		st.mu.Unlock()
	}()
	s.serveSession(srv, conn, newChan, ctx, st)
}

// onOtherChannel refuses every other channel type: direct-tcpip (local port
// forwarding), x11, and anything a client invents.
func (s *Server) onOtherChannel(_ *ssh.Server, _ *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	s.refused(remoteAddr(ctx), "channel refused", "type", newChan.ChannelType())
	_ = newChan.Reject(gossh.Prohibited, "citydiff serves only its viewer")
}

// onGlobalRequest refuses global requests: tcpip-forward (remote port
// forwarding) and the like.
func (s *Server) onGlobalRequest(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
	if benignRequests[req.Type] {
		s.log.Debug("request refused", "addr", remoteAddr(ctx), "type", req.Type)
	} else {
		s.refused(remoteAddr(ctx), "request refused", "type", req.Type)
	}
	return false, nil
}

// benignRequests are global requests OpenSSH clients send on their own;
// refusing them changes nothing, and they are not worth a warning.
var benignRequests = map[string]bool{
	"keepalive@openssh.com":        true,
	"no-more-sessions@openssh.com": true,
}

// remoteAddr is the client's address for the log.
func remoteAddr(ctx ssh.Context) string {
	if a := ctx.RemoteAddr(); a != nil {
		return a.String()
	}
	return ""
}

// refused logs a refused request, channel or command.
func (s *Server) refused(addr, msg string, keyvals ...any) {
	s.log.Warn(msg, append([]any{"addr", addr}, keyvals...)...)
}
