package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the TUI. Each program gets its own from
// DefaultKeyMap; a pane copies the bindings it shows and disables those
// that do not apply right now, so help lists only keys that work.
type KeyMap struct {
	// Global.
	Quit    key.Binding
	Help    key.Binding
	NextTab key.Binding
	PrevTab key.Binding
	Back    key.Binding
	Search  key.Binding
	Retry   key.Binding
	GoTab   key.Binding // 1…6: jump to a tab
	Mouse   key.Binding // mouse capture on and off

	// Moving around lists and text.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Left     key.Binding
	Right    key.Binding
	Open     key.Binding

	// Measures.
	Sort       key.Binding
	Kind       key.Binding
	UniqueOnly key.Binding
	MoreShared key.Binding
	LessShared key.Binding
	Filter     key.Binding
	CityFilter key.Binding

	// Topic detail.
	Pin key.Binding

	// Measure detail.
	Base key.Binding

	// Reader.
	NextClause  key.Binding
	PrevClause  key.Binding
	NextSection key.Binding
	PrevSection key.Binding
	Script      key.Binding
	OtherCity   key.Binding
	NextDoc     key.Binding
	PrevDoc     key.Binding
	Outline     key.Binding

	// Search.
	Edit key.Binding

	// Draft check.
	AtLeast key.Binding // help for MoreShared/LessShared there
	Cities  key.Binding
	Copy    key.Binding
	CopyAll key.Binding
	Export  key.Binding
	Toggle  key.Binding // while choosing cities
	All     key.Binding
	Done    key.Binding
}

// DefaultKeyMap is citydiff's key map: vim keys and arrows, tab between
// views, esc back.
func DefaultKeyMap() *KeyMap {
	b := key.NewBinding
	k, h := key.WithKeys, key.WithHelp
	return &KeyMap{
		Quit:    b(k("q", "ctrl+c"), h("q", "quit")),
		Help:    b(k("?"), h("?", "help")),
		NextTab: b(k("tab"), h("tab", "view")),
		PrevTab: b(k("shift+tab"), h("shift+tab", "previous view")),
		Back:    b(k("esc"), h("esc", "back")),
		Search:  b(k("/"), h("/", "search")),
		Retry:   b(k("r"), h("r", "retry analysis")),
		GoTab:   b(k("1", "2", "3", "4", "5", "6"), h("1-6", "go to view")),
		Mouse:   b(k("m"), h("m", "mouse on/off")),

		Up:       b(k("up", "k"), h("↑/k", "up")),
		Down:     b(k("down", "j"), h("↓/j", "down")),
		PageUp:   b(k("pgup", "ctrl+u", "ctrl+b"), h("pgup", "page up")),
		PageDown: b(k("pgdown", "ctrl+d", "ctrl+f", "space"), h("pgdn", "page down")),
		Top:      b(k("home", "g"), h("g", "top")),
		Bottom:   b(k("end", "G"), h("G", "bottom")),
		Left:     b(k("left", "h"), h("←/h", "left")),
		Right:    b(k("right", "l"), h("→/l", "right")),
		Open:     b(k("enter"), h("enter", "open")),

		Sort:       b(k("s"), h("s", "sort")),
		Kind:       b(k("v"), h("v", "kind")),
		UniqueOnly: b(k("u"), h("u", "unique only")),
		MoreShared: b(k("+", "="), h("+/-", "min cities")),
		LessShared: b(k("-"), h("-", "fewer cities")),
		Filter:     b(k("f"), h("f", "filter text")),
		CityFilter: b(k("c"), h("c", "city")),

		Pin: b(k("p"), h("p", "pin column")),

		Base: b(k("b"), h("b", "make base")),

		NextClause:  b(k("]", "n"), h("]/[", "clause")),
		PrevClause:  b(k("[", "N"), h("[", "previous clause")),
		NextSection: b(k("}", "J"), h("}/{", "section")),
		PrevSection: b(k("{", "K"), h("{", "previous section")),
		Script:      b(k("t"), h("t", "繁/简")),
		OtherCity:   b(k("o"), h("o", "other city")),
		NextDoc:     b(k("right", "l", "."), h("←/→", "document")),
		PrevDoc:     b(k("left", "h", ","), h("←", "previous document")),
		Outline:     b(k("O"), h("O", "outline")),

		Edit: b(k("/", "i"), h("/", "edit query")),

		AtLeast: b(k("+", "=", "-"), h("+/-", "at least k")),
		Cities:  b(k("c"), h("c", "cities")),
		Copy:    b(k("y"), h("y", "copy")),
		CopyAll: b(k("Y"), h("Y", "copy all")),
		Export:  b(k("e"), h("e", "export .md")),
		Toggle:  b(k("space", "x"), h("space", "toggle")),
		All:     b(k("a"), h("a", "all")),
		Done:    b(k("enter", "esc", "c"), h("enter", "done")),
	}
}

// on returns a copy of b enabled when cond holds.
func on(b key.Binding, cond bool) key.Binding {
	b.SetEnabled(cond)
	return b
}
