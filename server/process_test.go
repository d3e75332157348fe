package server_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"citydiff/server"
	"citydiff/server/internal/sshtest"
)

// childEnv makes the test binary a server in its own process (see
// runChild): a fault that kills the process shows as its exit status
// rather than taking the tests down, and its memory can be read from
// outside.
const childEnv = "CITYDIFF_TEST_SERVER_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if err := runChild(); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runChild serves the stub model in open mode on a loopback port. It
// prints "addr HOST:PORT" and "key AUTHORIZED-KEY-LINE" on stdout, logs on
// stderr, and shuts down when stdin closes.
func runChild() error {
	dir, err := os.MkdirTemp("", "citydiff-child-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := server.New(server.Options{
		HostKeyPath: filepath.Join(dir, "host_key"),
		Open:        true,
		Logger:      log.NewWithOptions(os.Stderr, log.Options{Level: log.DebugLevel, ReportTimestamp: true}),
		NewModel:    newStub,
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	fmt.Printf("addr %s\nkey %s", l.Addr(), gossh.MarshalAuthorizedKey(srv.HostKey()))
	_, _ = io.Copy(io.Discard, os.Stdin)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
	return <-served
}

// child is a server process started by a test.
type child struct {
	cmd     *exec.Cmd
	stdin   io.Closer
	addr    string
	hostKey gossh.PublicKey
	logs    *sshtest.Buffer
	died    chan struct{}
	err     error // how it exited, once died is closed
}

func startChild(t *testing.T) *child {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a server process")
	}
	c := &child{logs: &sshtest.Buffer{}, died: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^$")
	c.cmd.Env = append(os.Environ(), childEnv+"=1")
	c.cmd.Stderr = c.logs
	stdin, err := c.cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.stdin = stdin
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.err = c.cmd.Wait(); close(c.died) }()
	t.Cleanup(func() {
		c.stdin.Close()
		select {
		case <-c.died:
		case <-time.After(10 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.died
		}
		if t.Failed() {
			t.Logf("server log:\n%s", c.logs.String())
		}
	})
	sc := bufio.NewScanner(stdout)
	for (c.addr == "" || c.hostKey == nil) && sc.Scan() {
		switch k, v, _ := strings.Cut(sc.Text(), " "); k {
		case "addr":
			c.addr = v
		case "key":
			if c.hostKey, _, _, _, err = gossh.ParseAuthorizedKey([]byte(v)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if c.addr == "" || c.hostKey == nil {
		t.Fatalf("the server process did not start:\n%s", c.logs.String())
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return c
}

// connect opens an interactive session with a fresh key (open mode).
func (c *child) connect(t *testing.T, o sshtest.Options) *sshtest.Client {
	t.Helper()
	conn, err := sshtest.Dial(c.addr, c.hostKey, gossh.PublicKeys(sshtest.NewSigner(t)))
	if err != nil {
		c.alive(t)
		t.Fatal(err)
	}
	cl, err := sshtest.Start(t, conn, o)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// alive fails the test if the server process has exited, or exits within d.
func (c *child) alive(t *testing.T) {
	t.Helper()
	select {
	case <-c.died:
		t.Fatalf("the server process exited (%v); its log ends:\n%s", c.err, tail(c.logs.String(), 30))
	case <-time.After(300 * time.Millisecond):
	}
}

// rss is the server process's resident memory in bytes.
func (c *child) rss(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestHostileInputDoesNotKillServer: issue 14, item 1. ESC [ followed by 33
// parameters, typed by any client (in open mode, with no key), made the
// server exit with status 2 and dropped every session: the decoder under
// Bubble Tea panics where no recover reaches.
func TestHostileInputDoesNotKillServer(t *testing.T) {
	srv := startChild(t)
	a := srv.connect(t, sshtest.Options{})
	b := srv.connect(t, sshtest.Options{})
	a.WaitFor("STUB")
	b.WaitFor("STUB")
	for _, seq := range []string{
		"\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;1m", // the 36 bytes
		"\x1b[" + strings.Repeat("1;", 200) + "1m",
		"\x1bP" + strings.Repeat(";", 40) + "1q\x1b\\",
		"\x9b" + strings.Repeat(";", 40) + "1m", // an 8-bit CSI
	} {
		a.Press(seq)
		srv.alive(t)
	}
	// The session that sent them goes on working, and so do the others.
	a.Press("j")
	a.WaitFor("sel=1")
	b.Press("j", "j")
	b.WaitFor("sel=2")
	srv.connect(t, sshtest.Options{}).WaitFor("STUB")
	a.Press("q")
	if err := a.Exit(); err != nil {
		t.Errorf("quit: %v", err)
	}
	waitFor(t, srv.logs, "input filtered")
}

// TestEndlessPasteIsCut: issue 14, item 3. A bracketed paste that never
// ended was kept whole: 400 MB of input took the server to 2 GB. The
// paste is now cut at 64 KiB, the rest of it dropped, and the session
// works again once the client ends it.
func TestEndlessPasteIsCut(t *testing.T) {
	srv := startChild(t)
	a := srv.connect(t, sshtest.Options{})
	a.WaitFor("STUB", "paste=0")
	before := srv.rss(t)

	const total = 32 << 20
	chunk := strings.Repeat("粘贴文本", 1<<12) // 48 KiB
	a.Press("\x1b[200~")
	for sent := 0; sent < total; sent += len(chunk) {
		a.Press(chunk)
	}
	// The viewer has the first 64 KiB (whole characters), while the client
	// is still pasting.
	a.WaitFor(fmt.Sprintf("paste=%d", 64<<10/3*3))
	srv.alive(t)
	grew := srv.rss(t) - before
	t.Logf("the server grew by %.1f MiB for a %d MiB paste", float64(grew)/(1<<20), total>>20)
	// Without the cut it grew by 108 MiB (and the paste never arrived);
	// with it, 8 MiB (19 MiB under -race), none of it for the paste.
	if grew > total {
		t.Errorf("the server grew by %d MiB for a %d MiB paste", grew>>20, total>>20)
	}
	a.Press("\x1b[201~", "j")
	a.WaitFor("sel=1")
	a.Press("q")
	if err := a.Exit(); err != nil {
		t.Errorf("quit: %v", err)
	}
	waitFor(t, srv.logs, "pastes_cut=1")
}

func waitFor(t *testing.T, logs *sshtest.Buffer, s string) {
	t.Helper()
	deadline := time.Now().Add(sshtest.WaitTime)
	for time.Now().Before(deadline) {
		if strings.Contains(logs.String(), s) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the log never said %q", s)
}
