package presenter

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// fake is a root model whose state is a counter moved by j.
type fake struct {
	n    int
	w, h int
	keys int
}

func (f fake) Init() tea.Cmd { return nil }

func (f fake) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.w, f.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		f.keys++
		if msg.String() == "j" {
			f.n++
		}
	}
	return f, nil
}

func (f fake) View() tea.View {
	return tea.NewView(strings.Repeat("x\n", 40) + "the end")
}

func (f fake) State() any { return f.n }

func (f fake) SetState(s any) (tea.Model, tea.Cmd) {
	if n, ok := s.(int); ok {
		f.n = n
	}
	return f, nil
}

func press(s string) tea.KeyPressMsg {
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	switch s {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

// step feeds messages to a model, as a program would (without running
// commands).
func step(m tea.Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		m, _ = m.Update(msg)
	}
	return m.(Model)
}

func inner(m Model) fake { return m.Inner().(fake) }

// classroom is a hub with presenters bob and carol and trainee tina, and
// tina's model.
func classroom(presenters ...string) (*Hub, Model) {
	h := NewHub()
	for _, p := range presenters {
		h.Join(p, p, Presenter)
	}
	tina := h.Join("tina", "tina", Trainee)
	m := New(fake{}, tina, DefaultOptions())
	return h, step(m, tea.WindowSizeMsg{Width: 80, Height: 24}, RosterMsg{h.Roster()})
}

func TestTraineeFollowsTheFirstPresenter(t *testing.T) {
	_, m := classroom("bob", "carol")
	if m.Following() != "bob" {
		t.Fatalf("following %q, want bob", m.Following())
	}
	m = step(m, StateMsg{From: "bob", State: 7})
	if inner(m).n != 7 {
		t.Errorf("bob's state not applied: %d", inner(m).n)
	}
	m = step(m, StateMsg{From: "carol", State: 3})
	if inner(m).n != 7 {
		t.Errorf("a state from carol, not followed, was applied: %d", inner(m).n)
	}
}

func TestKeysWhileFollowing(t *testing.T) {
	tests := []struct {
		name      string
		keys      []string
		following string
		innerKeys int
		hint      string
		choosing  bool
	}{
		{"navigation is swallowed", []string{"j", "k"}, "bob", 0, "following bob — ctrl+o to explore on your own", false},
		{"detach", []string{"ctrl+o"}, "", 0, "on your own — ctrl+t to follow again", false},
		{"detach then explore", []string{"ctrl+o", "j", "j"}, "", 2, "on your own — ctrl+t to follow again", false},
		{"detach twice", []string{"ctrl+o", "ctrl+o"}, "", 0, "already on your own — ctrl+t to follow", false},
		{"re-attach opens the chooser", []string{"ctrl+o", "ctrl+t"}, "", 0, "", true},
		{"choose by number", []string{"ctrl+o", "ctrl+t", "2"}, "carol", 0, "", false},
		{"choose with arrows", []string{"ctrl+t", "right", "enter"}, "carol", 0, "", false},
		{"cancel the chooser", []string{"ctrl+t", "right", "esc"}, "bob", 0, "", false},
		{"a number out of range is ignored", []string{"ctrl+t", "7"}, "bob", 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := classroom("bob", "carol")
			for _, k := range tt.keys {
				m = step(m, press(k))
			}
			if m.Following() != tt.following {
				t.Errorf("following %q, want %q", m.Following(), tt.following)
			}
			if got := inner(m).keys; got != tt.innerKeys {
				t.Errorf("root model got %d keys, want %d", got, tt.innerKeys)
			}
			if m.hint != tt.hint {
				t.Errorf("hint %q, want %q", m.hint, tt.hint)
			}
			if m.choosing != tt.choosing {
				t.Errorf("choosing %v, want %v", m.choosing, tt.choosing)
			}
		})
	}
}

func TestQuitWhileFollowing(t *testing.T) {
	_, m := classroom("bob")
	_, cmd := m.Update(press("q"))
	if cmd == nil {
		t.Fatal("q while following did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q while following did not quit")
	}
}

func TestMouseWhileFollowing(t *testing.T) {
	_, m := classroom("bob")
	click := tea.MouseClickMsg{X: 3, Y: 3, Button: tea.MouseLeft}
	m = step(m, click)
	if inner(m).keys != 0 {
		t.Error("a click reached the root model while following")
	}
}

func TestPresenterLeaves(t *testing.T) {
	h, m := classroom("bob", "carol")
	m = step(m, press("ctrl+t"), press("2"))
	if m.Following() != "carol" {
		t.Fatal("did not choose carol")
	}
	for _, mem := range []string{"carol"} {
		h.mu.Lock()
		p := h.members[mem]
		h.mu.Unlock()
		p.Leave()
	}
	m = step(m, RosterMsg{h.Roster()})
	if m.Following() != "bob" || m.hint != "the presenter you followed has left" {
		t.Errorf("after carol left: following %q, hint %q", m.Following(), m.hint)
	}
}

func TestNoPresenter(t *testing.T) {
	_, m := classroom()
	m = step(m, press("ctrl+t"))
	if m.hint != "no presenter is connected" {
		t.Errorf("hint %q", m.hint)
	}
	m = step(m, press("j"))
	if inner(m).n != 1 {
		t.Error("a free trainee's key did not reach the root model")
	}
}

func TestWindowSize(t *testing.T) {
	_, m := classroom("bob")
	if f := inner(m); f.w != 80 || f.h != 23 {
		t.Errorf("root model got %dx%d, want 80x23 (a line for the status)", f.w, f.h)
	}
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	if len(lines) != 24 || !strings.Contains(lines[23], "following bob") {
		t.Errorf("view has %d lines, last %q", len(lines), lines[len(lines)-1])
	}
	// Without a hub there is no status line.
	m = step(New(fake{}, nil, DefaultOptions()), tea.WindowSizeMsg{Width: 80, Height: 24})
	if f := inner(m); f.h != 24 {
		t.Errorf("without presenters the root model got height %d, want 24", f.h)
	}
}

// The status line never overflows, whatever the width and the state.
func TestStatusLineFits(t *testing.T) {
	states := map[string][]string{
		"following": nil,
		"free":      {"ctrl+o"},
		"choosing":  {"ctrl+t"},
		"hint":      {"j"},
	}
	for name, keys := range states {
		for w := 1; w <= 130; w++ {
			_, m := classroom("bob", "a presenter with a rather long name 王老师")
			m = step(m, tea.WindowSizeMsg{Width: w, Height: 10})
			for _, k := range keys {
				m = step(m, press(k))
			}
			lines := strings.Split(m.View().Content, "\n")
			if got := ansi.StringWidth(lines[len(lines)-1]); got > w {
				t.Fatalf("%s at width %d: status line is %d wide: %q", name, w, got, ansi.Strip(lines[len(lines)-1]))
			}
		}
	}
}

func TestClosing(t *testing.T) {
	_, m := classroom("bob")
	m = step(m, ClosingMsg{In: 2 * time.Second, Reason: "the server is shutting down"})
	if last := lastLine(m); !strings.Contains(last, "the server is shutting down — this session closes in 2 s") {
		t.Errorf("status line %q", last)
	}
	m = step(m, closingTickMsg{})
	if last := lastLine(m); !strings.Contains(last, "closes in 1 s") {
		t.Errorf("after a second: %q", last)
	}
	// Without presenters the notice takes the last line.
	m = step(New(fake{}, nil, DefaultOptions()), tea.WindowSizeMsg{Width: 80, Height: 24}, ClosingMsg{In: time.Second, Reason: "bye"})
	if lines := strings.Split(ansi.Strip(m.View().Content), "\n"); len(lines) != 24 || !strings.Contains(lines[23], "bye — this session closes in 1 s") {
		t.Errorf("closing without a status line: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func lastLine(m Model) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	return lines[len(lines)-1]
}

func TestPresenterPublishesChanges(t *testing.T) {
	h := NewHub()
	bob := h.Join("bob", "bob", Presenter)
	tina := h.Join("tina", "tina", Trainee)
	got := make(chan tea.Msg, 16)
	tina.Start(func(msg tea.Msg) { got <- msg })
	tina.Follow("bob")

	m := step(New(fake{}, bob, DefaultOptions()), tea.WindowSizeMsg{Width: 80, Height: 24}, press("j"), press("j"))
	if inner(m).n != 2 {
		t.Fatalf("presenter's keys did not reach the root model")
	}
	deadline := time.After(5 * time.Second)
	for {
		select {
		case msg := <-got:
			if s, ok := msg.(StateMsg); ok && s.From == "bob" && s.State == 2 {
				return
			}
		case <-deadline:
			t.Fatal("tina never got bob's state 2")
		}
	}
}

func TestRosterCountsFollowers(t *testing.T) {
	h := NewHub()
	h.Join("bob", "bob", Presenter)
	a := h.Join("a", "a", Trainee)
	b := h.Join("b", "b", Trainee)
	a.Follow("bob")
	b.Follow("bob")
	if r := h.Roster(); len(r) != 1 || r[0].Followers != 2 {
		t.Fatalf("roster %+v", r)
	}
	b.Follow("")
	a.Leave()
	a.Leave() // twice is harmless
	if r := h.Roster(); r[0].Followers != 0 {
		t.Fatalf("roster after leaving %+v", r)
	}
}

// A follower that does not read its messages does not hold a presenter up,
// and when it reads again it gets the latest state only.
func TestSlowFollowerCoalesces(t *testing.T) {
	h := NewHub()
	bob := h.Join("bob", "bob", Presenter)
	tina := h.Join("tina", "tina", Trainee)
	tina.Follow("bob")
	for i := 1; i <= 1000; i++ {
		bob.Publish(i)
	}
	got := make(chan tea.Msg, 16)
	tina.Start(func(msg tea.Msg) { got <- msg })
	deadline := time.After(5 * time.Second)
	states := 0
	for {
		select {
		case msg := <-got:
			if s, ok := msg.(StateMsg); ok {
				states++
				if s.State == 1000 {
					if states > 2 {
						t.Errorf("%d states delivered for 1000 published while not reading", states)
					}
					return
				}
			}
		case <-deadline:
			t.Fatal("the last state never arrived")
		}
	}
}
