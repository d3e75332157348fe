package server_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server"
	"citydiff/server/internal/sshtest"
	"citydiff/server/internal/vt"
)

// ptyReq and winch are the payloads of pty-req and window-change.
func ptyReq(term string, w, h uint32) []byte {
	return gossh.Marshal(struct {
		Term                 string
		Cols, Rows, PxW, PxH uint32
		Modes                string
	}{term, w, h, 0, 0, ""})
}

func winch(w, h uint32) []byte {
	return gossh.Marshal(struct{ Cols, Rows, PxW, PxH uint32 }{w, h, 0, 0})
}

// rawSession opens a session channel and sends pty-req; the test sends
// the rest in whatever order it wants.
func rawSession(t *testing.T, ts *testServer) (*gossh.Client, gossh.Channel) {
	t.Helper()
	conn, err := ts.dial(gossh.PublicKeys(ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	ch, reqs, err := conn.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	if ok, err := ch.SendRequest("pty-req", true, ptyReq("xterm-256color", 80, 24)); !ok || err != nil {
		t.Fatalf("pty-req: %v %v", ok, err)
	}
	return conn, ch
}

// request sends a request that wants a reply, and fails if none comes.
func request(t *testing.T, ch gossh.Channel, kind string, payload []byte) bool {
	t.Helper()
	type result struct {
		ok  bool
		err error
	}
	done := make(chan result, 1)
	go func() {
		ok, err := ch.SendRequest(kind, true, payload)
		done <- result{ok, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("%s: %v", kind, r.err)
		}
		return r.ok
	case <-time.After(sshtest.WaitTime):
		t.Fatalf("no reply to %s: the session's requests are stuck", kind)
		return false
	}
}

// TestWindowChangeBeforeShell: issue 14, item 2. A window-change after
// pty-req and before shell blocked the session's request handling for
// good (charmbracelet/ssh's one-slot window channel); the shell request
// was never answered.
func TestWindowChangeBeforeShell(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.Presenters = "" })
	_, ch := rawSession(t, ts)
	for _, size := range [][2]uint32{{90, 20}, {100, 30}} {
		if err := sendNoReply(ch, "window-change", winch(size[0], size[1])); err != nil {
			t.Fatal(err)
		}
	}
	if !request(t, ch, "shell", nil) {
		t.Fatal("shell refused")
	}
	// The program starts at the latest size.
	scr := vt.New(100, 30)
	go func() { _, _ = copyTo(scr, ch) }()
	if _, ok := scr.Wait(sshtest.WaitTime, func(s string) bool { return strings.Contains(s, "size=100x30") }); !ok {
		t.Fatalf("the viewer did not take the latest size:\n%s", scr.String())
	}
	// Later changes still arrive, a reply asked for is given.
	scr.Resize(70, 20)
	if !request(t, ch, "window-change", winch(70, 20)) {
		t.Error("window-change refused")
	}
	if _, ok := scr.Wait(sshtest.WaitTime, func(s string) bool { return strings.Contains(s, "size=70x20") }); !ok {
		t.Fatalf("a later window change did not arrive:\n%s", scr.String())
	}
}

// TestWedgedConnectionsFreeTheirSlots: with a few more requests queued
// behind the blocked window-change, the connection's reader stopped: the
// socket sat in CLOSE-WAIT holding its connection slot after the client
// left, the idle timeout did not free it, goroutines leaked, and 20 such
// connections locked their address out.
func TestWedgedConnectionsFreeTheirSlots(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.Presenters = "" })
	// One session first, so that what the server starts once is counted.
	ts.connect(t, ts.trainee, sshtest.Options{}).WaitFor("STUB")
	before := runtime.NumGoroutine()
	for i := 0; i < 2*(server.DefaultMaxPerAddress+4); i++ {
		conn, ch := rawSession(t, ts)
		for j := 0; j < 40; j++ {
			if err := sendNoReply(ch, "window-change", winch(uint32(81+j), 24)); err != nil {
				t.Fatal(err)
			}
		}
		request(t, ch, "env", gossh.Marshal(struct{ K, V string }{"LANG", "C"}))
		conn.Close()
	}
	// Every goroutine of the wedged connections ended.
	deadline := time.Now().Add(sshtest.WaitTime)
	for runtime.NumGoroutine() > before+8 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+8 {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines, %d before the wedged connections:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
	// The address is not locked out.
	ts.connect(t, ts.trainee, sshtest.Options{}).WaitFor("STUB")
}

func sendNoReply(ch gossh.Channel, kind string, payload []byte) error {
	_, err := ch.SendRequest(kind, false, payload)
	return err
}

func copyTo(scr *vt.Screen, ch gossh.Channel) (int64, error) {
	b := make([]byte, 4096)
	var total int64
	for {
		n, err := ch.Read(b)
		if n > 0 {
			_, _ = scr.Write(b[:n])
			total += int64(n)
		}
		if err != nil {
			return total, err
		}
	}
}
