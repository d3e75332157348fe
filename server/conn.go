package server

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
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
	// Of the two caps, the connection holds a pending slot until it
	// authenticates, then a connection slot (or full says why it could
	// not have one: its sessions are refused with that).
	releasePending func()
	releaseConn    func()
	full           error
}

// pendingSince reports whether the connection is still logging in, and
// since when.
func (c *connState) stillPending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.releasePending != nil
}

// release gives back whichever slot the connection holds.
func (c *connState) release() {
	c.mu.Lock()
	rp, rc := c.releasePending, c.releaseConn
	c.releasePending, c.releaseConn = nil, nil
	c.mu.Unlock()
	if rp != nil {
		rp()
	}
	if rc != nil {
		rc()
	}
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

	timedOut atomic.Bool // a read or write ran into its deadline

	closeOnce sync.Once
	onClose   func()
}

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.note(err)
	return n, err
}

func (c *guardedConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.note(err)
	return n, err
}

// note records a deadline running out: the handshake timeout before the
// client authenticated, the idle timeout after.
func (c *guardedConn) note(err error) {
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		c.timedOut.Store(true)
	}
}

// timeout says which timeout closed the connection, or "".
func (c *connState) timeout() string {
	if !c.conn.timedOut.Load() {
		return ""
	}
	if c.identity().authed {
		return "idle timeout"
	}
	return "handshake timeout"
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

// onConnect admits a TCP connection before its handshake. Until it
// authenticates it counts against the pending caps, apart from the
// sessions and the connections of clients who logged in, so sockets that
// never speak cannot fill the places of those who did; when every pending
// slot is taken, the oldest connection stalled for evictAfter gives its
// place up. A refused client is told why (turnAway).
func (s *Server) onConnect(ctx ssh.Context, conn net.Conn) net.Conn {
	addr := conn.RemoteAddr().String()
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if s.closing.Load() {
		s.turnAway(conn, addr, "the server is shutting down")
		return nil
	}
	release, err := s.pending.acquire(host, pendingWhat)
	if full := (*errFull)(nil); errors.As(err, &full) && !full.perAddr && s.evictStalled() {
		release, err = s.pending.acquire(host, pendingWhat)
	}
	if err != nil {
		s.turnAway(conn, addr, err.Error())
		return nil
	}
	st := &connState{addr: addr, host: host, start: time.Now(), releasePending: release}
	st.conn = &guardedConn{
		Conn:     conn,
		idle:     s.opts.IdleTimeout,
		deadline: st.start.Add(s.opts.HandshakeTimeout),
		onClose: func() {
			st.release()
			s.mu.Lock()
			delete(s.connStates, ctx)
			s.mu.Unlock()
			kv := []any{"addr", addr, "duration", time.Since(st.start).Round(time.Millisecond)}
			if why := st.timeout(); why != "" {
				kv = append(kv, "reason", why)
			}
			s.log.Info("disconnected", kv...)
		},
	}
	_ = conn.SetDeadline(st.conn.deadline)
	s.mu.Lock()
	s.connStates[ctx] = st
	s.mu.Unlock()
	s.log.Info("connection", "addr", addr)
	return st.conn
}

// evictStalled closes the connection that has been logging in longest,
// if for more than evictAfter; it reports whether it closed one.
func (s *Server) evictStalled() bool {
	var oldest *connState
	s.mu.Lock()
	for _, st := range s.connStates {
		if st.stillPending() && time.Since(st.start) > evictAfter && (oldest == nil || st.start.Before(oldest.start)) {
			oldest = st
		}
	}
	s.mu.Unlock()
	if oldest == nil {
		return false
	}
	s.refused(oldest.addr, "connection dropped: still not logged in, and its place is wanted",
		"after", time.Since(oldest.start).Round(time.Millisecond))
	_ = oldest.conn.Close()
	return true
}

// authenticated records who logged in on a connection and moves it from
// its pending slot to a connection slot.
func (s *Server) authenticated(st *connState, id identity) {
	st.setIdentity(id)
	st.mu.Lock()
	rp := st.releasePending
	st.releasePending = nil
	st.mu.Unlock()
	if rp == nil {
		return // already moved
	}
	rp()
	release, err := s.conns.acquire(st.host, "connections")
	st.mu.Lock()
	st.releaseConn, st.full = release, err
	st.mu.Unlock()
}

// turnAway tells a client refused before its handshake why, in the one
// way an SSH client shows before any key exchange: the server's version
// line, then a disconnect message in the clear (OpenSSH prints "Received
// disconnect from …: <why>"). The client's own version line is read
// first, so that closing does not reset the connection over it.
func (s *Server) turnAway(conn net.Conn, addr, why string) {
	s.refused(addr, "connection refused", "reason", why)
	_ = conn.SetDeadline(time.Now().Add(500 * time.Millisecond))
	payload := gossh.Marshal(struct {
		Reason   uint32 `sshtype:"1"` // SSH_MSG_DISCONNECT
		Message  string
		Language string
	}{12, "citydiff: " + why, ""}) // 12: SSH_DISCONNECT_TOO_MANY_CONNECTIONS
	pad := 8 - (5+len(payload))%8
	if pad < 4 {
		pad += 8
	}
	pkt := binary.BigEndian.AppendUint32([]byte(serverVersion+"\r\n"), uint32(1+len(payload)+pad))
	pkt = append(append(append(pkt, byte(pad)), payload...), make([]byte, pad)...)
	_, _ = conn.Write(pkt)
	if tc, ok := conn.(interface{ CloseWrite() error }); ok {
		_ = tc.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(conn, 64<<10))
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

// refused logs a refused request, channel, command or connection: at most
// refusalBurst lines per source address a minute, so that a client cannot
// flood the log; the next line says how many were held back.
func (s *Server) refused(addr, msg string, keyvals ...any) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ok, held := s.refusals.allow(host, time.Now())
	if !ok {
		return
	}
	kv := append([]any{"addr", addr}, keyvals...)
	if held > 0 {
		kv = append(kv, "not_logged_before", held)
	}
	s.log.Warn(msg, kv...)
}

// refusalBurst is how many refusals of one address are logged a minute.
const refusalBurst = 10
