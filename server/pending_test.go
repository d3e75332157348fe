package server_test

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server"
	"citydiff/server/internal/sshtest"
)

// dialFrom connects from a loopback address of its own (127.0.0.n: all of
// 127/8 is loopback on Linux), so that one test can be several clients.
func dialFrom(t *testing.T, ts *testServer, n int, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(n))}, Timeout: sshtest.WaitTime}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		t.Skipf("no loopback address 127.0.0.%d: %v", n, err)
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{
		User: "student", Auth: auth, HostKeyCallback: gossh.FixedHostKey(ts.srv.HostKey()), Timeout: sshtest.WaitTime,
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// TestSilentSocketsDoNotLockOut: issue 14, item 5. With no key at all, 80
// TCP sockets that never spoke (20 from each of four addresses) took every
// connection slot, renewable every 10 s, and refused clients were told
// nothing. Sockets still logging in now count apart, 8 per address, and
// the oldest stalled one gives its place to a newcomer.
func TestSilentSocketsDoNotLockOut(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.Presenters = "" })
	a := ts.connect(t, ts.trainee, sshtest.Options{})
	a.WaitFor("STUB")

	for addr := 2; addr <= 5; addr++ {
		for i := 0; i < 20; i++ {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(addr))}}
			conn, err := d.Dial("tcp", ts.addr)
			if err != nil {
				t.Skipf("no loopback address 127.0.0.%d: %v", addr, err)
			}
			t.Cleanup(func() { conn.Close() })
		}
	}
	time.Sleep(2500 * time.Millisecond) // longer than a real handshake: these are stalled

	// Someone else logs in and gets the viewer.
	conn, err := dialFrom(t, ts, 6, gossh.PublicKeys(ts.trainee2))
	if err != nil {
		t.Fatalf("a trainee from another address was refused: %v", err)
	}
	b, err := sshtest.Start(t, conn, sshtest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b.WaitFor("name=tom")

	// A client from a flooding address is refused, and told why.
	_, err = dialFrom(t, ts, 5, gossh.PublicKeys(ts.trainee2)) // its sockets are the newest: none was dropped
	want := fmt.Sprintf("too many connections still logging in from your address (at most %d)", server.DefaultMaxPendingPerAddress)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a client from a flooding address: %v, want %q", err, want)
	}
	// The session logged in before goes on.
	a.Press("j")
	a.WaitFor("sel=1")
}

// TestTurnedAwayClientIsTold: a client refused before its handshake (the
// server shutting down, or full) reads why in a disconnect message.
func TestTurnedAwayClientIsTold(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.MaxPending, o.MaxPendingPerAddress = 2, 1 })
	silent, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	time.Sleep(100 * time.Millisecond)
	_, err = ts.dial(gossh.PublicKeys(ts.trainee))
	if err == nil || !strings.Contains(err.Error(), "citydiff: too many connections still logging in from your address (at most 1); try again in a few seconds") {
		t.Fatalf("got %v", err)
	}
	waitLog(t, ts, "connection refused")
}
