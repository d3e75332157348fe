package server_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"citydiff/server"
	"citydiff/server/internal/sshtest"
)

// stub is a root model small enough to read on a screen: a view number, a
// selection, the size it was given and what it knows of its session.
type stub struct {
	sess       server.Session
	w, h       int
	view, sel  int
	paste      int // bytes of the last paste
	panicOnKey string
}

type stubState struct{ View, Sel int }

func newStub(s server.Session) tea.Model {
	return stub{sess: s, w: s.Width, h: s.Height, panicOnKey: "P"}
}

func (m stub) Init() tea.Cmd { return nil }

func (m stub) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.PasteMsg:
		m.paste = len(msg.Content)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "j", "down":
			m.sel++
		case "k", "up":
			m.sel--
		case "tab":
			m.view = (m.view + 1) % 3
		case "q", "ctrl+c":
			return m, tea.Quit
		case m.panicOnKey:
			panic("stub: boom")
		}
	}
	return m, nil
}

func (m stub) View() tea.View {
	lines := []string{
		fmt.Sprintf("STUB user=%s role=%s name=%s", m.sess.User, m.sess.Role, m.sess.Name),
		fmt.Sprintf("view=%d sel=%d size=%dx%d", m.view, m.sel, m.w, m.h),
		fmt.Sprintf("profile=%s paste=%d", m.sess.Profile, m.paste),
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	return v
}

func (m stub) State() any { return stubState{m.view, m.sel} }

func (m stub) SetState(st any) (tea.Model, tea.Cmd) {
	if s, ok := st.(stubState); ok {
		m.view, m.sel = s.View, s.Sel
	}
	return m, nil
}

// testServer is a server on a loopback port with a few known keys.
type testServer struct {
	srv  *server.Server
	addr string
	dir  string
	logs *sshtest.Buffer

	trainee, trainee2, presenter, presenter2, stranger gossh.Signer
}

// startServer starts a server with trainees "tina" and "tom" and presenters
// "bob" and "carol"; mod may change the options first.
func startServer(t testing.TB, mod func(*server.Options)) *testServer {
	t.Helper()
	ts := &testServer{
		dir:        t.TempDir(),
		logs:       &sshtest.Buffer{},
		trainee:    sshtest.NewSigner(t),
		trainee2:   sshtest.NewSigner(t),
		presenter:  sshtest.NewSigner(t),
		presenter2: sshtest.NewSigner(t),
		stranger:   sshtest.NewSigner(t),
	}
	auth := filepath.Join(ts.dir, "authorized_keys")
	pres := filepath.Join(ts.dir, "presenters")
	writeFile(t, auth, "# trainees\n"+sshtest.AuthorizedLine(ts.trainee, "tina")+sshtest.AuthorizedLine(ts.trainee2, "tom"))
	writeFile(t, pres, sshtest.AuthorizedLine(ts.presenter, "bob")+sshtest.AuthorizedLine(ts.presenter2, "carol"))
	logger := log.NewWithOptions(ts.logs, log.Options{Level: log.DebugLevel, ReportTimestamp: true})
	opts := server.Options{
		HostKeyPath:    filepath.Join(ts.dir, "host_key"),
		AuthorizedKeys: auth,
		Presenters:     pres,
		Logger:         logger,
		NewModel:       newStub,
		ShutdownNotice: 500 * time.Millisecond,
	}
	if mod != nil {
		mod(&opts)
	}
	srv, err := server.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.srv, ts.addr = srv, l.Addr().String()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", ts.logs.String())
		}
	})
	return ts
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func (ts *testServer) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return sshtest.Dial(ts.addr, ts.srv.HostKey(), auth...)
}

// connect logs in with signer and starts an interactive session.
func (ts *testServer) connect(t testing.TB, signer gossh.Signer, o sshtest.Options) *sshtest.Client {
	t.Helper()
	conn, err := ts.dial(gossh.PublicKeys(signer))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sshtest.Start(t, conn, o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type optsAlias = server.Options
