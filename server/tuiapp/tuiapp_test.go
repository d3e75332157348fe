package tuiapp_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"citydiff/corpus"
	"citydiff/server"
	"citydiff/server/internal/sshtest"
	"citydiff/server/tuiapp"
	"citydiff/tui"
)

var (
	appOnce sync.Once
	app     *tuiapp.App
	appErr  error
)

// seedApp analyses the built-in documents once for all tests.
func seedApp(t *testing.T) *tuiapp.App {
	t.Helper()
	appOnce.Do(func() { app, appErr = tuiapp.Load(corpus.Options{}, "test") })
	if appErr != nil {
		t.Fatal(appErr)
	}
	return app
}

// The real viewer over SSH: a trainee's TUI follows a presenter's, each at
// its own size.
func TestFollowTheRealViewer(t *testing.T) {
	a := seedApp(t)
	dir := t.TempDir()
	presenter, trainee := sshtest.NewSigner(t), sshtest.NewSigner(t)
	pres := filepath.Join(dir, "presenters")
	auth := filepath.Join(dir, "trainees")
	if err := os.WriteFile(pres, []byte(sshtest.AuthorizedLine(presenter, "王老师")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(auth, []byte(sshtest.AuthorizedLine(trainee, "tina")), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &sshtest.Buffer{}
	srv, err := server.New(server.Options{
		HostKeyPath: filepath.Join(dir, "host_key"), AuthorizedKeys: auth, Presenters: pres,
		Logger: log.New(logs), NewModel: a.NewModel,
	})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	open := func(s gossh.Signer, w, h int) *sshtest.Client {
		conn, err := sshtest.Dial(l.Addr().String(), srv.HostKey(), gossh.PublicKeys(s))
		if err != nil {
			t.Fatal(err)
		}
		c, err := sshtest.Start(t, conn, sshtest.Options{W: w, H: h})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	teacher := open(presenter, 120, 36)
	teacher.WaitFor("Overview", "汕头", "presenting as 王老师")
	student := open(trainee, 80, 24)
	scr := student.WaitFor("Overview", "汕头", "following 王老师")
	checkWidths(t, scr, 80)

	teacher.Press("2") // the Topics tab
	teacher.WaitFor("aligned sections")
	scr = student.WaitFor("aligned sections", "following 王老师")
	checkWidths(t, scr, 80)

	teacher.Press("j", "j", sshtest.Enter) // open the third topic side by side
	teacher.WaitFor("t03", "section similarity")
	scr = student.WaitFor("t03", "section similarity", "following 王老师")
	checkWidths(t, scr, 80)

	// Detached, the trainee goes elsewhere; re-attached, back to the topic.
	student.Press(sshtest.CtrlO, "3")
	student.WaitFor("on your own")
	if scr, ok := student.Screen.Wait(sshtest.WaitTime, func(s string) bool { return !strings.Contains(s, "section similarity") }); !ok {
		t.Fatalf("the detached trainee could not leave the topic:\n%s", scr)
	}
	student.Press(sshtest.CtrlT)
	student.WaitFor("t03", "section similarity", "following 王老师")
}

// checkWidths fails when a screen line is wider than the terminal: the
// terminal would have wrapped it and the screen would not be what the TUI
// drew.
func checkWidths(t *testing.T, scr string, w int) {
	t.Helper()
	for i, line := range strings.Split(scr, "\n") {
		if n := ansi.StringWidthWc(line); n > w {
			t.Errorf("line %d is %d wide (> %d): %q", i, n, w, line)
		}
	}
}

// A State taken from one Mirror moves another, of another size, there.
func TestMirrorState(t *testing.T) {
	a := seedApp(t)
	one := a.NewModel(server.Session{Width: 120, Height: 36}).(tuiapp.Mirror)
	two := a.NewModel(server.Session{Width: 70, Height: 20}).(tuiapp.Mirror)
	m, _ := one.Update(tea.KeyPressMsg{Code: '3', Text: "3"})
	one = m.(tuiapp.Mirror)
	st, ok := one.State().(tui.State)
	if !ok || st.View != tui.ViewMeasures {
		t.Fatalf("state after 3: %+v", one.State())
	}
	m, _ = two.SetState(st)
	two = m.(tuiapp.Mirror)
	if got := two.State().(tui.State).View; got != tui.ViewMeasures {
		t.Errorf("follower's view %q, want %q", got, tui.ViewMeasures)
	}
	// A state from something else is ignored.
	m, _ = two.SetState("not a tui.State")
	if m.(tuiapp.Mirror).State() != two.State() {
		t.Error("a foreign state changed the model")
	}
}
