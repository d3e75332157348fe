package presenter

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// ClosingMsg tells a session that the server ends it: the status line says
// why and counts down, and the session quits when the time is up.
type ClosingMsg struct {
	In     time.Duration
	Reason string // e.g. "the server is shutting down"
}

type closingTickMsg struct{}

type hintDoneMsg struct{ seq int }

// hintTime is how long a transient hint stays on the status line.
const hintTime = 3 * time.Second

// mode is what a trainee asked for.
type mode int

const (
	auto   mode = iota // follow the first presenter, whoever it is (the start)
	chosen             // follow one presenter by choice
	free               // follow nobody
)

// Styles paint the status line. Every style keeps a non-colour form
// (reverse, bold) so that the line reads on monochrome terminals.
type Styles struct {
	Bar    lipgloss.Style // the line itself
	Accent lipgloss.Style // whom one follows; the presenting mark
	Muted  lipgloss.Style // key hints
	Warn   lipgloss.Style // the closing notice
}

// DefaultStyles returns the status line's styles.
func DefaultStyles() Styles {
	bar := lipgloss.NewStyle().Reverse(true)
	return Styles{
		Bar:    bar,
		Accent: bar.Bold(true),
		Muted:  bar,
		Warn:   bar.Bold(true),
	}
}

// Options configure a Model.
type Options struct {
	Keys   KeyMap
	Styles Styles
}

// DefaultOptions returns the default keys and styles.
func DefaultOptions() Options { return Options{Keys: DefaultKeyMap(), Styles: DefaultStyles()} }

// Model wraps a session's root model. With a Member it adds the status
// line and the following; without one it passes everything through and
// only shows a closing notice on the last line.
type Model struct {
	inner  tea.Model
	member *Member
	keys   KeyMap
	styles Styles

	width, height int

	roster    []Info
	mode      mode
	chosen    string // presenter id when mode == chosen
	following string // presenter id actually followed, "" for none
	choosing  bool
	choice    int

	hint    string
	hintSeq int

	closing     string
	closingLeft time.Duration

	last      any // last state published (presenters)
	published bool
}

// New wraps inner for a session. member may be nil when the server has no
// presenters at all.
func New(inner tea.Model, member *Member, opt Options) Model {
	return Model{inner: inner, member: member, keys: opt.Keys, styles: opt.Styles}
}

// Inner returns the wrapped root model.
func (m Model) Inner() tea.Model { return m.inner }

// Following returns the id of the presenter followed, "" for none.
func (m Model) Following() string { return m.following }

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return m.inner.Init() }

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.updateInner(tea.WindowSizeMsg{Width: msg.Width, Height: m.innerHeight()})
	case RosterMsg:
		m.roster = msg.Presenters
		return m.resolve()
	case StateMsg:
		mir, ok := m.inner.(Mirrorable)
		if !ok || msg.From == "" || msg.From != m.following {
			return m, nil // a state from before the trainee changed their mind
		}
		var cmd tea.Cmd
		m.inner, cmd = mir.SetState(msg.State)
		return m, cmd
	case ClosingMsg:
		m.closing, m.closingLeft = msg.Reason, msg.In
		return m, tea.Batch(
			tea.Tick(msg.In, func(time.Time) tea.Msg { return tea.QuitMsg{} }),
			tea.Tick(time.Second, func(time.Time) tea.Msg { return closingTickMsg{} }),
		)
	case closingTickMsg:
		if m.closingLeft -= time.Second; m.closingLeft > 0 {
			return m, tea.Tick(time.Second, func(time.Time) tea.Msg { return closingTickMsg{} })
		}
		return m, nil
	case hintDoneMsg:
		if msg.seq == m.hintSeq {
			m.hint = ""
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseMsg:
		if m.isFollowing() || (m.statusShown() && msg.Mouse().Y >= m.innerHeight()) {
			return m, nil
		}
	case tea.KeyReleaseMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		if m.isFollowing() {
			return m, nil
		}
	}
	return m.updateInner(msg)
}

func (m Model) isTrainee() bool { return m.member != nil && m.member.Role() == Trainee }

func (m Model) isFollowing() bool { return m.isTrainee() && m.following != "" }

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if !m.isTrainee() {
		return m.updateInner(msg)
	}
	if m.choosing {
		return m.choose(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Detach):
		if m.mode == free {
			return m.flash("already on your own — " + m.keys.Follow.Help().Key + " to follow")
		}
		m.mode, m.chosen = free, ""
		m, cmd := m.resolve()
		m, hint := m.flash("on your own — " + m.keys.Follow.Help().Key + " to follow again")
		return m, tea.Batch(cmd, hint)
	case key.Matches(msg, m.keys.Follow):
		if _, ok := m.inner.(Mirrorable); !ok {
			return m.flash("this view cannot follow a presenter")
		}
		switch len(m.roster) {
		case 0:
			return m.flash("no presenter is connected")
		case 1:
			m.mode, m.chosen = chosen, m.roster[0].ID
			return m.resolve()
		default:
			m.choosing, m.choice, m.hint = true, max(0, m.indexOf(m.following)), ""
			return m, nil
		}
	}
	if m.following != "" {
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m.flash(fmt.Sprintf("following %s — %s to explore on your own", m.nameOf(m.following), m.keys.Detach.Help().Key))
	}
	return m.updateInner(msg)
}

// choose handles keys while the trainee picks a presenter.
func (m Model) choose(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := len(m.roster)
	if n == 0 {
		m.choosing = false
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Cancel), key.Matches(msg, m.keys.Follow):
		m.choosing = false
	case key.Matches(msg, m.keys.Prev):
		m.choice = (m.choice + n - 1) % n
	case key.Matches(msg, m.keys.Next):
		m.choice = (m.choice + 1) % n
	case key.Matches(msg, m.keys.Pick):
		m.choosing = false
		m.mode, m.chosen = chosen, m.roster[min(m.choice, n-1)].ID
		return m.resolve()
	default:
		if s := msg.String(); len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < n {
			m.choosing = false
			m.mode, m.chosen = chosen, m.roster[s[0]-'1'].ID
			return m.resolve()
		}
	}
	return m, nil
}

// resolve works out whom to follow from the trainee's wish and the roster.
func (m Model) resolve() (Model, tea.Cmd) {
	if !m.isTrainee() {
		return m, nil
	}
	if m.choice >= len(m.roster) {
		m.choice = 0
	}
	if m.choosing && len(m.roster) < 2 {
		m.choosing = false
	}
	want := ""
	var hint string
	switch m.mode {
	case auto:
		if len(m.roster) > 0 {
			want = m.roster[0].ID
		}
	case chosen:
		if m.indexOf(m.chosen) >= 0 {
			want = m.chosen
		} else {
			m.mode, m.chosen = auto, ""
			if len(m.roster) > 0 {
				want = m.roster[0].ID
			}
		}
	}
	if _, ok := m.inner.(Mirrorable); !ok {
		want = ""
	}
	if want == m.following {
		return m, nil
	}
	if m.following != "" && m.indexOf(m.following) < 0 {
		hint = "the presenter you followed has left"
	}
	m.hint = "" // it spoke of the old state
	m.following = want
	m.member.Follow(want)
	if hint != "" {
		return m.flash(hint)
	}
	return m, nil
}

func (m Model) indexOf(id string) int {
	for i, p := range m.roster {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func (m Model) nameOf(id string) string {
	if i := m.indexOf(id); i >= 0 {
		return m.roster[i].Name
	}
	return "the presenter"
}

// flash shows a hint on the status line for a few seconds.
func (m Model) flash(s string) (Model, tea.Cmd) {
	m.hint = s
	m.hintSeq++
	seq := m.hintSeq
	return m, tea.Tick(hintTime, func(time.Time) tea.Msg { return hintDoneMsg{seq} })
}

// updateInner hands a message to the root model and, for a presenter,
// publishes the state when it changed.
func (m Model) updateInner(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	if m.member != nil && m.member.Role() == Presenter {
		if mir, ok := m.inner.(Mirrorable); ok {
			if st := mir.State(); !m.published || !reflect.DeepEqual(st, m.last) {
				m.member.Publish(st)
				m.last, m.published = st, true
			}
		}
	}
	return m, cmd
}

func (m Model) statusShown() bool { return m.member != nil && m.height >= 2 }

func (m Model) innerHeight() int {
	if m.statusShown() {
		return m.height - 1
	}
	return m.height
}

// View implements tea.Model.
func (m Model) View() tea.View {
	v := m.inner.View()
	switch {
	case m.statusShown():
		v.Content = fitLines(v.Content, m.innerHeight()) + "\n" + m.statusLine()
	case m.closing != "" && m.height >= 1:
		v.Content = fitLines(v.Content, m.height-1) + "\n" + m.bar(m.styles.Warn.Render(" "+m.closingText()+" "))
	}
	return v
}

func (m Model) closingText() string {
	secs := int((m.closingLeft + time.Second - 1) / time.Second)
	return fmt.Sprintf("⚠ %s — this session closes in %d s", m.closing, max(secs, 0))
}

// statusLine says what the session is doing, then the keys that change it.
func (m Model) statusLine() string {
	st := m.styles
	var left, right string
	switch {
	case m.closing != "":
		left = st.Warn.Render(" " + m.closingText())
	case m.member.Role() == Presenter:
		n := 0
		for _, p := range m.roster {
			if p.ID == m.member.ID() {
				n = p.Followers
			}
		}
		left = st.Accent.Render(" ▶ presenting as "+m.member.Name()) + st.Bar.Render(fmt.Sprintf(" · %d following", n))
	case m.choosing:
		var b strings.Builder
		b.WriteString(st.Bar.Render(" follow whom? "))
		for i, p := range m.roster {
			// Both forms have the same width, so the line does not jump.
			item := fmt.Sprintf("%d %s", i+1, p.Name)
			if i == m.choice {
				b.WriteString(st.Accent.Render("[" + item + "]"))
			} else {
				b.WriteString(st.Bar.Render(" " + item + " "))
			}
		}
		left = b.String()
		right = st.Muted.Render(fmt.Sprintf("1–%d or ←→ enter · esc cancel ", len(m.roster)))
	case m.following != "":
		left = st.Bar.Render(" ● following ") + st.Accent.Render(m.nameOf(m.following))
		right = m.keys.Detach.Help().Key + " explore on your own"
		if len(m.roster) > 1 {
			right += " · " + m.keys.Follow.Help().Key + fmt.Sprintf(" switch (%d presenters)", len(m.roster))
		}
		right = st.Muted.Render(right + " ")
	default:
		switch {
		case m.mode == free:
			left = st.Accent.Render(" ○ on your own")
		case len(m.roster) == 0:
			left = st.Bar.Render(" ○ no presenter connected")
		default:
			left = st.Accent.Render(" ○ on your own")
		}
		switch len(m.roster) {
		case 0:
		case 1:
			right = st.Muted.Render(m.keys.Follow.Help().Key + " follow " + m.roster[0].Name + " ")
		default:
			right = st.Muted.Render(m.keys.Follow.Help().Key + fmt.Sprintf(" choose a presenter (%d) ", len(m.roster)))
		}
	}
	if m.hint != "" && m.closing == "" && !m.choosing {
		right = st.Accent.Render(m.hint + " ")
	}
	return m.bar(left, right)
}

// bar lays left and right out on one line of the window's width.
func (m Model) bar(left string, right ...string) string {
	w := m.width
	r := strings.Join(right, "")
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(r)
	if lw+rw+1 > w {
		// Too narrow for both: the state matters more than the keys.
		r, rw = "", 0
		if lw > w {
			left = ansi.Truncate(left, w, "…")
			lw = ansi.StringWidth(left)
		}
	}
	gap := max(w-lw-rw, 0)
	return left + m.styles.Bar.Render(strings.Repeat(" ", gap)) + r
}

// fitLines cuts or pads s to exactly n lines.
func fitLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
