package server_test

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/internal/sshtest"
)

func TestPresenterMovesFollower(t *testing.T) {
	ts := startServer(t, nil)
	bob := ts.connect(t, ts.presenter, sshtest.Options{W: 100, H: 30})
	bob.WaitFor("role=presenter name=bob", "presenting as bob")
	tina := ts.connect(t, ts.trainee, sshtest.Options{W: 70, H: 20})
	tina.WaitFor("following bob", "ctrl+o explore on your own")
	bob.WaitFor("1 following")

	bob.Press("j", "j", "\t")
	bob.WaitFor("view=1 sel=2 size=100x29")
	// The trainee shows the presenter's view and selection at their own size.
	tina.WaitFor("view=1 sel=2 size=70x19")

	// While following, the trainee's own keys do not move them.
	tina.Press("j", "j")
	tina.WaitFor("following bob — ctrl+o to explore on your own")
	tina.Stays("sel=2", 200*time.Millisecond)
}

func TestLateFollowerCatchesUp(t *testing.T) {
	ts := startServer(t, nil)
	bob := ts.connect(t, ts.presenter, sshtest.Options{})
	bob.Press("j", "j", "j")
	bob.WaitFor("sel=3")
	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	tina.WaitFor("following bob", "sel=3")
}

func TestDetachAndReattach(t *testing.T) {
	ts := startServer(t, nil)
	bob := ts.connect(t, ts.presenter, sshtest.Options{})
	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	tom := ts.connect(t, ts.trainee2, sshtest.Options{})
	tina.WaitFor("following bob")
	tom.WaitFor("following bob")
	bob.Press("j")
	tina.WaitFor("sel=1")

	tina.Press(sshtest.CtrlO)
	tina.WaitFor("on your own", "ctrl+t follow bob")
	bob.WaitFor("1 following")
	bob.Press("j", "j")
	bob.WaitFor("sel=3")
	tom.WaitFor("sel=3")
	tina.Stays("sel=1", 200*time.Millisecond)
	// Free, the trainee explores alone.
	tina.Press("k", "\t")
	tina.WaitFor("view=1 sel=0")

	tina.Press(sshtest.CtrlT)
	tina.WaitFor("following bob", "view=0 sel=3")
	bob.WaitFor("2 following")
	bob.Press("j")
	tina.WaitFor("sel=4")
}

func TestChooseAmongPresenters(t *testing.T) {
	ts := startServer(t, nil)
	bob := ts.connect(t, ts.presenter, sshtest.Options{})
	bob.WaitFor("presenting as bob")
	carol := ts.connect(t, ts.presenter2, sshtest.Options{})
	carol.WaitFor("presenting as carol")
	bob.Press("j")
	carol.Press("k", "k")
	carol.WaitFor("sel=-2")

	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	tina.WaitFor("following bob", "switch (2 presenters)", "sel=1")
	tina.Press(sshtest.CtrlT)
	tina.WaitFor("follow whom?", "[1 bob]", "2 carol")
	tina.Press("2")
	tina.WaitFor("following carol", "sel=-2")
	carol.WaitFor("1 following")

	// The chooser also takes arrows and enter, and esc leaves it unchanged.
	tina.Press(sshtest.CtrlT, "\x1b[C", "\r")
	tina.WaitFor("following bob", "sel=1")
	tina.Press(sshtest.CtrlT)
	tina.WaitFor("follow whom?")
	tina.Press("\x1b")
	tina.WaitFor("following bob")
}

func TestPresenterLeaving(t *testing.T) {
	ts := startServer(t, nil)
	bob := ts.connect(t, ts.presenter, sshtest.Options{})
	bob.WaitFor("presenting")
	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	tina.WaitFor("following bob")
	bob.Press("j", "j")
	tina.WaitFor("sel=2")
	bob.Press("q")
	if err := bob.Exit(); err != nil {
		t.Fatal(err)
	}
	tina.WaitFor("no presenter connected", "the presenter you followed has left")
	// Left where the presenter was, the trainee explores from there.
	tina.Press("j")
	tina.WaitFor("sel=3")
	// A presenter arriving is followed again.
	carol := ts.connect(t, ts.presenter2, sshtest.Options{})
	carol.WaitFor("presenting as carol")
	tina.WaitFor("following carol", "sel=0")
}

func TestFollowWithoutPresenters(t *testing.T) {
	ts := startServer(t, func(o *optsAlias) {})
	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	tina.WaitFor("no presenter connected")
	tina.Press(sshtest.CtrlT)
	tina.WaitFor("no presenter is connected")
	tina.Press("j")
	tina.WaitFor("sel=1")
}

func TestNoStatusLineWithoutPresenterFile(t *testing.T) {
	ts := startServer(t, func(o *optsAlias) { o.Presenters = "" })
	tina := ts.connect(t, ts.trainee, sshtest.Options{})
	scr := tina.WaitFor("size=80x24")
	if strings.Contains(scr, "presenter") {
		t.Errorf("a status line without presenters:\n%s", scr)
	}
	// The presenters' keys are unknown then.
	if _, err := ts.dial(gossh.PublicKeys(ts.presenter)); err == nil {
		t.Error("a presenter key got in without --presenters")
	}
}
