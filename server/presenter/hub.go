package presenter

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// Role says whether a session presents or follows.
type Role int

// Roles.
const (
	Trainee Role = iota
	Presenter
)

func (r Role) String() string {
	if r == Presenter {
		return "presenter"
	}
	return "trainee"
}

// Mirrorable is what a root model offers so that it can be followed.
type Mirrorable interface {
	tea.Model
	// State returns what the user is looking at — view, selection, scroll —
	// as an immutable value: it is handed to other sessions' goroutines.
	State() any
	// SetState returns the model showing a presenter's state, adapted to
	// its own window size. States it does not understand are ignored.
	SetState(state any) (tea.Model, tea.Cmd)
}

// Info describes a connected presenter.
type Info struct {
	ID        string // the presenter's session id, unique while connected
	Name      string
	Followers int
}

// RosterMsg tells a session who presents now, in order of arrival.
type RosterMsg struct{ Presenters []Info }

// StateMsg carries the latest state of the presenter a session follows.
type StateMsg struct {
	From  string // presenter session id
	State any
}

// Hub connects the sessions of one server. Its zero value is not usable;
// call NewHub.
type Hub struct {
	mu         sync.Mutex
	members    map[string]*Member
	presenters []*Member // in order of arrival
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{members: map[string]*Member{}} }

// Member is one session's handle on the hub.
type Member struct {
	hub  *Hub
	id   string
	name string
	role Role
	box  *mailbox

	// guarded by hub.mu
	following string
	state     any
	hasState  bool
	left      bool
}

// Join adds a session to the hub. Messages for the session are queued until
// Start is called with a way to deliver them.
func (h *Hub) Join(id, name string, role Role) *Member {
	m := &Member{hub: h, id: id, name: name, role: role, box: newMailbox()}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.members[id] = m
	if role == Presenter {
		h.presenters = append(h.presenters, m)
	}
	h.broadcastRosterLocked()
	return m
}

// ID returns the member's session id.
func (m *Member) ID() string { return m.id }

// Name returns the member's display name.
func (m *Member) Name() string { return m.name }

// Role returns the member's role.
func (m *Member) Role() Role { return m.role }

// Start delivers the member's messages with deliver, from a goroutine of
// its own; deliver may block (tea.Program.Send does until the program reads
// the message or ends). Start returns at once.
func (m *Member) Start(deliver func(tea.Msg)) { go m.box.run(deliver) }

// Leave removes the member from the hub and stops its delivery.
func (m *Member) Leave() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left {
		return
	}
	m.left = true
	delete(h.members, m.id)
	for i, p := range h.presenters {
		if p == m {
			h.presenters = append(h.presenters[:i:i], h.presenters[i+1:]...)
			break
		}
	}
	m.box.close()
	h.broadcastRosterLocked()
}

// Publish records a presenter's state and queues it for their followers.
func (m *Member) Publish(state any) {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left || m.role != Presenter {
		return
	}
	m.state, m.hasState = state, true
	msg := StateMsg{From: m.id, State: state}
	for _, f := range h.members {
		if f.following == m.id {
			f.box.putState(msg)
		}
	}
}

// Follow makes the member follow a presenter ("" for nobody); the
// presenter's latest state is queued at once.
func (m *Member) Follow(presenterID string) {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left || m.following == presenterID {
		return
	}
	m.following = presenterID
	if p := h.members[presenterID]; p != nil && p.role == Presenter && p.hasState {
		m.box.putState(StateMsg{From: p.id, State: p.state})
	}
	h.broadcastRosterLocked()
}

// Roster returns the presenters now connected.
func (h *Hub) Roster() []Info {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rosterLocked()
}

func (h *Hub) rosterLocked() []Info {
	out := make([]Info, 0, len(h.presenters))
	for _, p := range h.presenters {
		n := 0
		for _, f := range h.members {
			if f.following == p.id {
				n++
			}
		}
		out = append(out, Info{ID: p.id, Name: p.name, Followers: n})
	}
	return out
}

func (h *Hub) broadcastRosterLocked() {
	msg := RosterMsg{Presenters: h.rosterLocked()}
	for _, m := range h.members {
		m.box.putRoster(msg)
	}
}

// mailbox holds the latest message of each kind for one session, so that a
// slow session coalesces instead of queueing.
type mailbox struct {
	mu     sync.Mutex
	roster *RosterMsg
	state  *StateMsg
	wake   chan struct{}
	done   chan struct{}
	closed bool
}

func newMailbox() *mailbox {
	return &mailbox{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

func (b *mailbox) putRoster(r RosterMsg) {
	b.mu.Lock()
	b.roster = &r
	b.mu.Unlock()
	b.signal()
}

func (b *mailbox) putState(s StateMsg) {
	b.mu.Lock()
	b.state = &s
	b.mu.Unlock()
	b.signal()
}

func (b *mailbox) signal() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *mailbox) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

func (b *mailbox) run(deliver func(tea.Msg)) {
	for {
		select {
		case <-b.done:
			return
		case <-b.wake:
		}
		b.mu.Lock()
		r, s := b.roster, b.state
		b.roster, b.state = nil, nil
		b.mu.Unlock()
		// The roster first: it may change whom the session follows, and
		// the state that follows is then judged against the new choice.
		if r != nil {
			deliver(*r)
		}
		if s != nil {
			deliver(*s)
		}
	}
}
