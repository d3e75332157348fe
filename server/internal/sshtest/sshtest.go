// Package sshtest drives interactive SSH sessions in tests: a client from
// golang.org/x/crypto/ssh with a pty, whose output feeds a vt.Screen, so a
// test types keys and waits for what a user would see.
package sshtest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/internal/vt"
)

// WaitTime bounds every wait for a screen: generous for -race on a small,
// shared machine.
const WaitTime = 10 * time.Second

// Keys as a terminal sends them.
const (
	CtrlO = "\x0f"
	CtrlT = "\x14"
	Enter = "\r"
	Tab   = "\t"
	Esc   = "\x1b"
	Right = "\x1b[C"
)

// NewSigner returns a fresh Ed25519 key.
func NewSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// AuthorizedLine is s's public key as an authorized_keys line.
func AuthorizedLine(s gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + comment + "\n"
}

// Buffer is a writer the test reads while another goroutine writes.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Dial connects to addr, checking the server's host key.
func Dial(addr string, hostKey gossh.PublicKey, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "student",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(hostKey),
		Timeout:         WaitTime,
	})
}

// Options shape a session.
type Options struct {
	W, H int               // the window; 80×24 when zero
	Term string            // TERM; "xterm-256color" when empty, "none" for no pty at all
	Env  map[string]string // sent as env requests
}

// Client is one interactive session with a screen.
type Client struct {
	t      testing.TB
	Conn   *gossh.Client
	Sess   *gossh.Session
	in     io.WriteCloser
	Screen *vt.Screen
	Stderr *Buffer
	done   chan error
}

// Start opens a session on conn: env, pty, shell. The connection is closed
// when the test ends.
func Start(t testing.TB, conn *gossh.Client, o Options) (*Client, error) {
	t.Helper()
	if o.W == 0 {
		o.W, o.H = 80, 24
	}
	if o.Term == "" {
		o.Term = "xterm-256color"
	}
	sess, err := conn.NewSession()
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &Client{t: t, Conn: conn, Sess: sess, Screen: vt.New(o.W, o.H), Stderr: &Buffer{}, done: make(chan error, 1)}
	t.Cleanup(c.Close)
	for k, v := range o.Env {
		if err := sess.Setenv(k, v); err != nil {
			return nil, err
		}
	}
	if o.Term != "none" {
		if err := sess.RequestPty(o.Term, o.H, o.W, gossh.TerminalModes{}); err != nil {
			return nil, err
		}
	}
	sess.Stdout = c.Screen
	sess.Stderr = c.Stderr
	if c.in, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go func() { c.done <- sess.Wait() }()
	return c, nil
}

// Close ends the session and its connection.
func (c *Client) Close() {
	_ = c.Sess.Close()
	_ = c.Conn.Close()
}

// Press types raw key bytes.
func (c *Client) Press(keys ...string) {
	c.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(c.in, k); err != nil {
			c.t.Fatalf("typing %q: %v", k, err)
		}
	}
}

// WaitFor waits until the screen holds every string, and returns it.
func (c *Client) WaitFor(want ...string) string {
	c.t.Helper()
	scr, ok := c.Screen.Wait(WaitTime, func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
	if !ok {
		c.t.Fatalf("screen never showed %q; it shows:\n%s\nstderr: %s", want, scr, c.Stderr.String())
	}
	return scr
}

// Stays checks that the screen keeps holding s for d.
func (c *Client) Stays(s string, d time.Duration) {
	c.t.Helper()
	if scr, changed := c.Screen.Wait(d, func(scr string) bool { return !strings.Contains(scr, s) }); changed {
		c.t.Fatalf("screen lost %q:\n%s", s, scr)
	}
}

// Resize changes the window, as a terminal does: the screen, then the
// window-change request.
func (c *Client) Resize(w, h int) {
	c.t.Helper()
	c.Screen.Resize(w, h)
	if err := c.Sess.WindowChange(h, w); err != nil {
		c.t.Fatal(err)
	}
}

// Exit waits for the session to end and returns its error (nil for exit
// status 0).
func (c *Client) Exit() error {
	c.t.Helper()
	select {
	case err := <-c.done:
		return err
	case <-time.After(WaitTime):
		c.t.Fatalf("session did not end; screen:\n%s", c.Screen.String())
		return nil
	}
}
