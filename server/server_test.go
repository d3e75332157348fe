package server_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"golang.org/x/crypto/ssh/agent"

	"citydiff/server"
	"citydiff/server/internal/sshtest"
)

func TestRenders(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.connect(t, ts.trainee, sshtest.Options{})
	scr := c.WaitFor("STUB user=student role=trainee name=tina", "view=0 sel=0 size=80x23", "no presenter connected")
	lines := strings.Split(scr, "\n")
	if len(lines) != 24 || !strings.Contains(lines[23], "no presenter connected") {
		t.Errorf("status line should be the last of 24 lines:\n%s", scr)
	}
	c.Press("j", "j", "\t")
	c.WaitFor("view=1 sel=2")
	c.Press("q")
	if err := c.Exit(); err != nil {
		t.Errorf("quit: session ended with %v", err)
	}
}

func TestWindowChangeRelaysOut(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.connect(t, ts.trainee, sshtest.Options{W: 100, H: 30})
	c.WaitFor("size=100x29")
	c.Resize(60, 12)
	scr := c.WaitFor("size=60x11")
	if lines := strings.Split(scr, "\n"); len(lines) != 12 || !strings.Contains(lines[11], "presenter") {
		t.Errorf("after the change the status line should be line 12:\n%s", scr)
	}
}

func TestWindowSizeBounded(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.Presenters = ""; o.MaxWidth, o.MaxHeight = 300, 100 })
	c := ts.connect(t, ts.trainee, sshtest.Options{W: 120, H: 40})
	c.WaitFor("size=120x40")
	c.Screen.Resize(300, 100) // the screen the server will draw; the client claims far more
	if err := c.Sess.WindowChange(3000, 9000); err != nil {
		t.Fatal(err)
	}
	c.WaitFor("size=300x100")
}

func TestSessionsIndependent(t *testing.T) {
	ts := startServer(t, nil)
	a := ts.connect(t, ts.trainee, sshtest.Options{W: 80, H: 24, Env: map[string]string{"NO_COLOR": "1"}})
	b := ts.connect(t, ts.trainee2, sshtest.Options{W: 90, H: 20})
	a.WaitFor("name=tina", "size=80x23", "profile="+colorprofile.ASCII.String())
	b.WaitFor("name=tom", "size=90x19", "profile="+colorprofile.ANSI256.String())
	a.Press("j", "j", "j")
	a.WaitFor("sel=3")
	b.Press("k")
	b.WaitFor("sel=-1")
	a.Stays("sel=3", 200*time.Millisecond)
	a.Press("q")
	if err := a.Exit(); err != nil {
		t.Fatal(err)
	}
	b.Press("j")
	b.WaitFor("sel=0")
}

func TestUnknownKeyRefused(t *testing.T) {
	ts := startServer(t, nil)
	_, err := ts.dial(gossh.PublicKeys(ts.stranger))
	if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("a stranger's key: got %v, want an authentication error", err)
	}
	// Nor does a password or keyboard-interactive get anyone in.
	_, err = ts.dial(gossh.Password("secret"), gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
	if err == nil {
		t.Fatal("password/keyboard-interactive let a client in")
	}
	waitLog(t, ts, "authentication failed")
}

// A client may ask whether the presenter's public key would do (it is
// public), then sign with its own: it must stay a trainee.
func TestPresenterKeyQueryDoesNotGrantRole(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := ts.dial(gossh.PublicKeys(queryOnly{ts.presenter.PublicKey()}, ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sshtest.Start(t, conn, sshtest.Options{W: 80, H: 24, Term: "xterm"})
	if err != nil {
		t.Fatal(err)
	}
	c.WaitFor("role=trainee name=tina")
}

// queryOnly offers a public key without holding its private half: the
// query succeeds, and its signature, in an algorithm nobody accepts, fails
// without ending the handshake, so the client goes on to its next key.
type queryOnly struct{ pub gossh.PublicKey }

func (q queryOnly) PublicKey() gossh.PublicKey { return q.pub }
func (q queryOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return &gossh.Signature{Format: "x-no-such-algorithm", Blob: []byte{0}}, nil
}

func TestExecAndSubsystemRefused(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := ts.dial(gossh.PublicKeys(ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil {
		t.Fatalf("exec ran: %q", out)
	}
	sess, err = conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Fatal("sftp subsystem accepted")
	}
	waitLog(t, ts, "exec refused")
	waitLog(t, ts, "subsystem refused")
}

func TestForwardingRefused(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := ts.dial(gossh.PublicKeys(ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Local forwarding: a direct-tcpip channel to the server's own port.
	if c, err := conn.Dial("tcp", ts.addr); err == nil {
		c.Close()
		t.Fatal("direct-tcpip (local port forwarding) accepted")
	}
	// Remote forwarding: tcpip-forward.
	if l, err := conn.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Fatal("tcpip-forward (remote port forwarding) accepted")
	}
	// Agent forwarding.
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Fatal("agent forwarding accepted")
	}
	waitLog(t, ts, "type=direct-tcpip")
	waitLog(t, ts, "type=tcpip-forward")
	waitLog(t, ts, "type=auth-agent-req@openssh.com")
}

func TestNoPtyRefused(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := ts.dial(gossh.PublicKeys(ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sshtest.Start(t, conn, sshtest.Options{W: 80, H: 24, Term: "none"})
	if err != nil {
		t.Fatal(err)
	}
	var exit *gossh.ExitError
	if err := c.Exit(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if !strings.Contains(c.Stderr.String(), "needs a terminal") {
		t.Errorf("stderr: %q", c.Stderr.String())
	}
}

func TestSessionCap(t *testing.T) {
	const capN = 3
	ts := startServer(t, func(o *server.Options) { o.MaxSessions, o.MaxPerAddress = capN, capN })
	var open []*sshtest.Client
	for i := 0; i < capN; i++ {
		c := ts.connect(t, ts.trainee, sshtest.Options{})
		c.WaitFor("STUB")
		open = append(open, c)
	}
	extra := ts.connect(t, ts.trainee2, sshtest.Options{})
	var exit *gossh.ExitError
	if err := extra.Exit(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("session %d: %v, want exit status 1", capN+1, err)
	}
	if got := extra.Stderr.String(); !strings.Contains(got, "the server is full (3 sessions)") {
		t.Errorf("session %d was told %q", capN+1, got)
	}
	// A place frees up when someone leaves.
	open[0].Press("q")
	if err := open[0].Exit(); err != nil {
		t.Fatal(err)
	}
	again := ts.connect(t, ts.trainee2, sshtest.Options{})
	again.WaitFor("name=tom")
}

func TestPerAddressCap(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.MaxSessions, o.MaxPerAddress = 10, 2 })
	for i := 0; i < 2; i++ {
		ts.connect(t, ts.trainee, sshtest.Options{}).WaitFor("STUB")
	}
	extra := ts.connect(t, ts.trainee, sshtest.Options{})
	if err := extra.Exit(); err == nil {
		t.Error("third session from one address accepted")
	}
	if got := extra.Stderr.String(); !strings.Contains(got, "too many sessions from your address (at most 2)") {
		t.Errorf("told %q", got)
	}
}

func TestDefaultLimits(t *testing.T) {
	if server.DefaultMaxSessions != 64 {
		t.Errorf("DefaultMaxSessions = %d, want 64", server.DefaultMaxSessions)
	}
	if server.DefaultMaxPerAddress > server.DefaultMaxSessions || server.DefaultMaxPerAddress < 1 {
		t.Errorf("DefaultMaxPerAddress = %d", server.DefaultMaxPerAddress)
	}
	if server.DefaultHandshakeTimeout <= 0 || server.DefaultIdleTimeout <= 0 || server.DefaultMaxWidth <= 0 || server.DefaultMaxHeight <= 0 {
		t.Error("a default limit is missing")
	}
}

func TestPanicEndsOnlyItsSession(t *testing.T) {
	ts := startServer(t, nil)
	a := ts.connect(t, ts.trainee, sshtest.Options{})
	b := ts.connect(t, ts.trainee2, sshtest.Options{})
	a.WaitFor("STUB")
	b.WaitFor("STUB")
	a.Press("P")
	if err := a.Exit(); err == nil {
		t.Error("the panicking session ended with status 0")
	}
	b.Press("j")
	b.WaitFor("sel=1")
	waitLog(t, ts, "session panicked")
}

func TestHandshakeTimeout(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.HandshakeTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	_ = conn.SetReadDeadline(time.Now().Add(sshtest.WaitTime))
	r := bufio.NewReader(conn)
	banner, _ := r.ReadString('\n')
	if !strings.HasPrefix(banner, "SSH-2.0-") {
		t.Fatalf("banner %q", banner)
	}
	// Say nothing more: the server must hang up.
	if _, err := r.ReadByte(); err == nil {
		for {
			if _, err := r.ReadByte(); err != nil {
				break
			}
		}
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("a silent client stayed %v", d)
	}
}

func TestHandshakeTimeoutDoesNotCutSessions(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.HandshakeTimeout = 300 * time.Millisecond })
	c := ts.connect(t, ts.trainee, sshtest.Options{})
	c.WaitFor("STUB")
	time.Sleep(600 * time.Millisecond)
	c.Press("j")
	c.WaitFor("sel=1")
}

func TestIdleTimeout(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.IdleTimeout = 400 * time.Millisecond })
	c := ts.connect(t, ts.trainee, sshtest.Options{})
	c.WaitFor("STUB")
	start := time.Now()
	if err := c.Exit(); err == nil {
		t.Log("idle session ended with status 0")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("idle session lasted %v", d)
	}
	// Issue 14, item 6: it was logged as "client left".
	waitLog(t, ts, `end="idle timeout"`)
	waitLog(t, ts, `reason="idle timeout"`)
}

func TestShutdownTellsSessions(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.ShutdownNotice = time.Second })
	a := ts.connect(t, ts.trainee, sshtest.Options{})
	b := ts.connect(t, ts.presenter, sshtest.Options{})
	a.WaitFor("STUB")
	b.WaitFor("STUB")
	start := time.Now()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = ts.srv.Shutdown(ctx)
	}()
	a.WaitFor("the server is shutting down")
	b.WaitFor("the server is shutting down")
	a.Exit()
	b.Exit()
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("shutdown took %v", d)
	}
	if _, err := ts.dial(gossh.PublicKeys(ts.trainee)); err == nil {
		t.Error("a connection was accepted after shutdown")
	}
}

func TestRefusesToStartWithoutAuth(t *testing.T) {
	_, err := server.New(server.Options{HostKeyPath: filepath.Join(t.TempDir(), "k"), NewModel: newStub})
	if !errors.Is(err, server.ErrNoAuth) {
		t.Fatalf("got %v, want ErrNoAuth", err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	writeFile(t, empty, "# nobody yet\n")
	_, err = server.New(server.Options{HostKeyPath: filepath.Join(t.TempDir(), "k"), AuthorizedKeys: empty, NewModel: newStub})
	if !errors.Is(err, server.ErrNoAuth) {
		t.Fatalf("empty key file: got %v, want ErrNoAuth", err)
	}
	bad := filepath.Join(t.TempDir(), "bad")
	writeFile(t, bad, "ssh-ed25519 not-base64 x\n")
	if _, err = server.New(server.Options{HostKeyPath: filepath.Join(t.TempDir(), "k"), AuthorizedKeys: bad, NewModel: newStub}); err == nil || !strings.Contains(err.Error(), "bad:1") {
		t.Fatalf("bad key file: got %v", err)
	}
}

func TestOpenModeLetsAnyoneIn(t *testing.T) {
	ts := startServer(t, func(o *server.Options) { o.Open = true; o.AuthorizedKeys = "" })
	c := ts.connect(t, ts.stranger, sshtest.Options{})
	c.WaitFor("role=trainee")
	conn, err := ts.dial(gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
	if err != nil {
		t.Fatalf("keyless client: %v", err)
	}
	k, err := sshtest.Start(t, conn, sshtest.Options{W: 80, H: 24, Term: "xterm"})
	if err != nil {
		t.Fatal(err)
	}
	k.WaitFor("role=trainee")
	// Presenters are still known by their keys.
	p := ts.connect(t, ts.presenter, sshtest.Options{})
	p.WaitFor("role=presenter name=bob")
	waitLog(t, ts, "OPEN MODE")
}

func TestHostKeyKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "host_key")
	s1, created, err := server.LoadOrCreateHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o, want 0600", info.Mode().Perm())
	}
	s2, created, err := server.LoadOrCreateHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created=%v err=%v", created, err)
	}
	if gossh.FingerprintSHA256(s1.PublicKey()) != gossh.FingerprintSHA256(s2.PublicKey()) {
		t.Error("the fingerprint changed across restarts")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := server.LoadOrCreateHostKey(path); err == nil || !strings.Contains(err.Error(), "readable by others") {
		t.Errorf("a world-readable key: %v", err)
	}
}

func waitLog(t testing.TB, ts *testServer, s string) {
	t.Helper()
	deadline := time.Now().Add(sshtest.WaitTime)
	for time.Now().Before(deadline) {
		if strings.Contains(ts.logs.String(), s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the log never said %q", s)
}

// TestVersionLine: issue 14, item 6. The server's version line claimed
// an OpenSSH release (wish's default, OpenSSH_7.6p1).
func TestVersionLine(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(sshtest.WaitTime))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || line != "SSH-2.0-citydiff\r\n" {
		t.Errorf("version line %q (%v)", line, err)
	}
}

// TestRefusalLogIsRateLimited: issue 14, item 6. Every refused request
// logged a warning, so one client could flood the log.
func TestRefusalLogIsRateLimited(t *testing.T) {
	ts := startServer(t, nil)
	conn, err := ts.dial(gossh.PublicKeys(ts.trainee))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i := 0; i < 200; i++ {
		if ok, _, err := conn.SendRequest("tcpip-forward", true, nil); ok || err != nil {
			t.Fatalf("request %d: ok %v, err %v", i, ok, err)
		}
	}
	if n := strings.Count(ts.logs.String(), "request refused"); n > 10 {
		t.Errorf("%d refusals of one client logged, want at most 10", n)
	}
	// Another address's refusals are still logged.
	other, err := dialFrom(t, ts, 2, gossh.PublicKeys(ts.trainee2))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Dial("tcp", "127.0.0.1:1"); err == nil {
		t.Fatal("direct-tcpip accepted")
	}
	waitLog(t, ts, "addr=127.0.0.2")
}
