package presenter

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys the wrapper takes for itself. They are control
// keys so that they never collide with typing in the TUI's search box.
type KeyMap struct {
	Detach key.Binding // stop following, explore on one's own
	Follow key.Binding // follow the presenter (choose one when several)
	Quit   key.Binding // quit while following (other keys are swallowed then)
	Cancel key.Binding // close the presenter chooser
	Prev   key.Binding // chooser: previous presenter
	Next   key.Binding // chooser: next presenter
	Pick   key.Binding // chooser: follow the highlighted presenter
}

// DefaultKeyMap returns the wrapper's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Detach: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "explore on your own")),
		Follow: key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "follow the presenter")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c", "q"), key.WithHelp("q", "quit")),
		Cancel: key.NewBinding(key.WithKeys("esc", "ctrl+g"), key.WithHelp("esc", "cancel")),
		Prev:   key.NewBinding(key.WithKeys("left", "up", "h", "k", "shift+tab"), key.WithHelp("←", "previous")),
		Next:   key.NewBinding(key.WithKeys("right", "down", "l", "j", "tab"), key.WithHelp("→", "next")),
		Pick:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow")),
	}
}

// ShortHelp lists the keys that work in the session's present state; it
// is what the status line shows.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Detach, k.Follow} }

// FullHelp lists every key of the wrapper.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Detach, k.Follow, k.Quit}, {k.Prev, k.Next, k.Pick, k.Cancel}}
}
