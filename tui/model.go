package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"citydiff/tui/cjk"
)

// Model is the TUI's root: it owns the shared state, lays out the tab
// bar, the focused pane and the help line, routes messages (sizes to
// every pane, keys to the focused one, results to their owner) and carries
// out the actions panes ask for, remembering the way back.
type Model struct {
	c   *Common
	cfg Config

	view         View
	topicsView   View // what the Topics tab shows: the list or a topic
	measuresView View // what the Measures tab shows: the matrix or a measure

	overview overview
	topics   topics
	topic    topic
	measures measures
	measure  measure
	reader   reader
	draft    draft
	search   search

	help    help.Model
	spin    spinner.Model
	gen     int // generation of the analysis request
	loading bool
	took    time.Duration
	history []State
	status  string
	last    State // the State last reported to OnState
	mouse   bool  // mouse capture on: off leaves the terminal's own selection working
}

// New builds the TUI for a set of documents. It does no heavy work: the
// first frame shows the documents, and the analysis runs in a command
// started by Init.
func New(cfg Config) Model {
	if cfg.Width == 0 || cfg.Height == 0 {
		cfg.Width, cfg.Height = 80, 24
	}
	c := newCommon(cfg)
	m := Model{
		c: c, cfg: cfg,
		view: ViewOverview, topicsView: ViewTopics, measuresView: ViewMeasures,
		overview: newOverview(c), topics: newTopics(c), topic: newTopic(c),
		measures: newMeasures(c), measure: newMeasure(c), reader: newReader(c),
		draft: newDraft(c), search: newSearch(c),
		help: newHelp(c), spin: newSpinner(c),
		gen: 1, loading: cfg.Analyze != nil && cfg.Analysis == nil,
		mouse: cfg.Mouse,
	}
	if cfg.Analysis != nil {
		m = m.ready()
	}
	m = m.resize()
	m.last = m.State()
	return m
}

// Init asks for the terminal's background (to pick light or dark colours)
// and starts the analysis.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.loading {
		cmds = append(cmds, analyzeCmd(m.gen, m.cfg.Analyze, m.cfg.CheckDrafts), m.spin.Tick)
	}
	return tea.Batch(cmds...)
}

// Update handles a message and reports a changed State to OnState.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	if m.help.ShowAll {
		m = m.resize() // the full help's height depends on the pane
	}
	if m.cfg.OnState != nil {
		if s := m.State(); s != m.last {
			m.last = s
			m.cfg.OnState(s)
		}
	}
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		return m.resize(), nil
	case tea.BackgroundColorMsg:
		return m.restyle(msg.IsDark(), m.c.Mono), nil
	case tea.ColorProfileMsg:
		return m.restyle(m.c.Dark, msg.Profile <= colorprofile.ASCII), nil
	case spinner.TickMsg:
		if !m.loading {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case analysisMsg:
		return m.analysisDone(msg), nil
	case searchMsg:
		var cmd tea.Cmd
		m.search, cmd = m.search.gotResults(msg)
		return m, cmd
	case exportMsg:
		var cmd tea.Cmd
		m.draft, cmd, _ = m.draft.update(msg)
		return m, cmd
	case searchDueMsg:
		var cmd tea.Cmd
		m.search, cmd = m.search.dueNow(msg)
		return m, cmd
	case SetStateMsg:
		return m.setState(msg.State)
	case SetStatusMsg:
		m.status = msg.Text
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.forward(msg)
	case tea.MouseClickMsg:
		if msg.Y == 0 {
			return m.clickTab(msg.X)
		}
		msg.Y -= headerHeight
		if msg.Y < 0 || msg.Y >= m.bodyHeight() {
			return m, nil
		}
		return m.forward(msg)
	case tea.MouseWheelMsg:
		msg.Y -= headerHeight
		return m.forward(msg)
	}
	return m, nil
}

// restyle switches palettes when the terminal tells its background or
// its colour support.
func (m Model) restyle(dark, mono bool) Model {
	if dark == m.c.Dark && mono == m.c.Mono {
		return m
	}
	m.c.restyle(dark, mono)
	m.help.Styles = m.c.Styles.Help
	m.spin.Style = m.c.Styles.Accent.Style
	m.measure = m.measure.layout() // its lines are styled once
	m.draft = m.draft.build()
	return m
}

func (m Model) analysisDone(msg analysisMsg) Model {
	if msg.gen != m.gen {
		return m // a retry superseded this run
	}
	m.loading = false
	if msg.err == nil && len(msg.an.res.Docs) != len(m.c.Docs) {
		msg.err = fmt.Errorf("the analysis covers %d documents, not %d", len(msg.an.res.Docs), len(m.c.Docs))
	}
	if msg.err != nil {
		m.c.Err = msg.err
		return m
	}
	m.c.Err = nil
	m.c.An, m.took = msg.an, msg.took
	m.c.Queries = msg.queries
	m.c.Docs = msg.an.res.Docs
	m.c.displays = map[displayKey]*display{}
	return m.ready()
}

// ready tells the panes the analysis is in.
func (m Model) ready() Model {
	m.topics = m.topics.analysisReady()
	m.topic = m.topic.analysisReady()
	m.measures = m.measures.analysisReady()
	m.measure = m.measure.analysisReady()
	m.reader = m.reader.analysisReady()
	m.draft = m.draft.analysisReady()
	return m
}

// capturing reports whether the focused pane takes every key as text.
func (m Model) capturing() bool {
	switch m.view {
	case ViewSearch:
		return m.search.capturing()
	case ViewMeasures:
		return m.measures.capturing()
	case ViewDraft:
		return m.draft.capturing()
	}
	return false
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.c.Keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.capturing() {
		return m.forward(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Mouse):
		m.mouse = !m.mouse
		return m, nil
	case key.Matches(msg, k.Help), m.help.ShowAll && key.Matches(msg, k.Back):
		m.help.ShowAll = !m.help.ShowAll
		return m.resize(), nil
	case key.Matches(msg, k.NextTab):
		return m.switchTab(1), nil
	case key.Matches(msg, k.PrevTab):
		return m.switchTab(-1), nil
	case key.Matches(msg, k.Search) && m.view != ViewSearch:
		m = m.push()
		m.view = ViewSearch
		m.search = m.search.focus()
		return m, nil
	case key.Matches(msg, k.Retry) && m.c.Err != nil && m.cfg.Analyze != nil && m.cfg.Analysis == nil:
		m.gen++
		m.loading, m.c.Err = true, nil
		return m, tea.Batch(analyzeCmd(m.gen, m.cfg.Analyze, m.cfg.CheckDrafts), m.spin.Tick)
	case key.Matches(msg, k.GoTab):
		tabs := m.tabs()
		if i := int(msg.Code - '1'); i >= 0 && i < len(tabs) {
			return m.gotoTab(i), nil
		}
		return m, nil
	}
	return m.forward(msg)
}

// forward hands a message to the focused pane and carries out what it asks.
func (m Model) forward(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var act action
	switch m.view {
	case ViewOverview:
		m.overview, cmd, act = m.overview.update(msg)
	case ViewTopics:
		m.topics, cmd, act = m.topics.update(msg)
	case ViewTopic:
		m.topic, cmd, act = m.topic.update(msg)
	case ViewMeasures:
		m.measures, cmd, act = m.measures.update(msg)
	case ViewMeasure:
		m.measure, cmd, act = m.measure.update(msg)
	case ViewReader:
		m.reader, cmd, act = m.reader.update(msg)
	case ViewDraft:
		m.draft, cmd, act = m.draft.update(msg)
	case ViewSearch:
		m.search, cmd, act = m.search.update(msg)
	}
	m, cmd2 := m.do(act)
	return m, tea.Batch(cmd, cmd2)
}

// do carries out a pane's action.
func (m Model) do(act action) (Model, tea.Cmd) {
	switch a := act.(type) {
	case openReader:
		m = m.push()
		m.reader = m.reader.open(a.doc, a.clause, a.pos, a.query)
		m.view = ViewReader
	case openMeasure:
		if m.c.An == nil {
			return m, nil
		}
		m = m.push()
		m.measure = m.measure.open(a.measure, a.base)
		m.measures = m.measures.selectMeasure(a.measure)
		m.view, m.measuresView = ViewMeasure, ViewMeasure
	case openTopic:
		m = m.push()
		m.topic = m.topic.open(a.topic)
		m.view, m.topicsView = ViewTopic, ViewTopic
	case goBack:
		return m.back()
	}
	return m, nil
}

const maxHistory = 200

// push records where the user is, for esc to come back to.
func (m Model) push() Model {
	m.history = append(m.history, m.State())
	if len(m.history) > maxHistory {
		m.history = m.history[len(m.history)-maxHistory:]
	}
	return m
}

// back returns to the previous screen, or from a detail to its list.
func (m Model) back() (Model, tea.Cmd) {
	if n := len(m.history); n > 0 {
		s := m.history[n-1]
		m.history = m.history[:n-1]
		return m.setState(s)
	}
	switch m.view {
	case ViewTopic:
		m.view, m.topicsView = ViewTopics, ViewTopics
	case ViewMeasure:
		m.view, m.measuresView = ViewMeasures, ViewMeasures
	case ViewSearch, ViewReader, ViewDraft, ViewTopics, ViewMeasures:
		m.view = ViewOverview
	}
	return m, nil
}

// tab is an entry of the tab bar.
type tab struct {
	label string
	home  View
}

func (m Model) tabs() []tab {
	// Always six, so that the number keys never change meaning.
	return []tab{{"Overview", ViewOverview}, {"Topics", ViewTopics}, {"Measures", ViewMeasures}, {"Reader", ViewReader}, {"Draft check", ViewDraft}, {"Search", ViewSearch}}
}

// tabOf is the tab a view belongs to.
func (m Model) tabOf(v View) int {
	switch v {
	case ViewTopic:
		v = ViewTopics
	case ViewMeasure:
		v = ViewMeasures
	}
	for i, t := range m.tabs() {
		if t.home == v {
			return i
		}
	}
	return 0
}

func (m Model) switchTab(d int) Model {
	n := len(m.tabs())
	return m.gotoTab(((m.tabOf(m.view)+d)%n + n) % n)
}

// gotoTab shows tab i as it was left. Moving between tabs by hand ends
// the way back: esc then goes back within the tab shown (from a detail to
// its list), not to wherever the user was before they switched.
func (m Model) gotoTab(i int) Model {
	m.history = nil
	v := m.tabs()[i].home
	switch v {
	case ViewTopics:
		v = m.topicsView
	case ViewMeasures:
		v = m.measuresView
	case ViewSearch:
		if m.search.in.value() == "" {
			m.search = m.search.focus()
		}
	case ViewReader:
		if m.reader.cursor < 0 {
			// First visit: the cursor on the first clause, not 0/47.
			m.reader = m.reader.open(m.reader.doc, -1, -1, "")
		}
	}
	m.view = v
	return m
}

// tabLayout is how the tab bar fits the width: the logo or not, the
// tabs' labels (shortened when the full ones do not fit) and the right
// side, full or short. The tabs themselves never go: every number key
// keeps a visible tab.
type tabLayout struct {
	logo   bool
	labels []string
	right  string
}

// tabLabels are the tab labels from the widest to the narrowest.
var tabLabels = [][]string{
	{"Overview", "Topics", "Measures", "Reader", "Draft check", "Search"},
	{"Overview", "Topics", "Measures", "Reader", "Draft", "Search"},
	{"Over", "Topics", "Meas", "Read", "Draft", "Find"},
	{"1", "2", "3", "4", "5", "6"},
}

func (m Model) layoutTabs() tabLayout {
	st := m.c.Styles
	w := m.c.Width
	full, short := m.tabRight()
	logoW := cjk.Width(st.Logo.Render("citydiff")) + 1
	width := func(labels []string) int {
		n := 0
		for _, l := range labels {
			n += cjk.Width(st.Tab.Render(l))
		}
		return n
	}
	type try struct {
		logo   bool
		labels int
		right  string
	}
	tries := []try{{true, 0, full}, {true, 1, full}, {true, 1, short}, {false, 1, short}, {false, 2, short}, {false, 2, ""}, {false, 3, short}, {false, 3, ""}}
	for _, t := range tries {
		n := width(tabLabels[t.labels]) + cjk.Width(t.right)
		if t.logo {
			n += logoW
		}
		if t.right != "" {
			n++ // at least one space before the right side
		}
		if n <= w {
			return tabLayout{t.logo, tabLabels[t.labels], t.right}
		}
	}
	return tabLayout{false, tabLabels[3], ""}
}

// tabRight is the right side of the tab bar, full and short.
func (m Model) tabRight() (full, short string) {
	st := m.c.Styles
	switch {
	case m.loading:
		return m.spin.View() + " " + st.Subtitle.Render(fmt.Sprintf("comparing %d docs", len(m.c.Docs))) + " ",
			m.spin.View() + " " + st.Subtitle.Render("comparing") + " "
	case m.c.Err != nil:
		return st.Error.Render("✗ analysis failed") + st.Subtitle.Render(" · r") + " ",
			st.Error.Render("✗ failed") + st.Subtitle.Render(" · r") + " "
	case m.c.An != nil:
		n := plural(len(m.c.An.res.Measures), "measure")
		return st.Subtitle.Render(fmt.Sprintf("%d docs · %s", len(m.c.Docs), n)) + " ", st.Subtitle.Render(n) + " "
	}
	return "", ""
}

// tabSpans are the cells each tab label covers in the tab bar.
func (m Model) tabSpans() [][2]int {
	st := m.c.Styles
	l := m.layoutTabs()
	x := 0
	if l.logo {
		x = cjk.Width(st.Logo.Render("citydiff")) + 1
	}
	var out [][2]int
	for _, label := range l.labels {
		w := cjk.Width(st.Tab.Render(label))
		out = append(out, [2]int{x, x + w})
		x += w
	}
	return out
}

func (m Model) clickTab(x int) (Model, tea.Cmd) {
	for i, s := range m.tabSpans() {
		if x >= s[0] && x < s[1] {
			return m.gotoTab(i), nil
		}
	}
	return m, nil
}

const headerHeight = 2 // tab bar and rule

func (m Model) footer() string {
	w := m.c.Width
	if m.help.ShowAll {
		about := " citydiff " + m.cfg.Version
		if m.took > 0 {
			about += fmt.Sprintf(" · compared in %.2f s", m.took.Seconds())
		}
		about = m.c.Styles.Muted.Render(about + " · esc or ? closes this help")
		lines := strings.Split(fullHelp(m.help, append(m.pane().FullHelp(), m.globalKeys()), w)+"\n"+about, "\n")
		for i := range lines {
			lines[i] = cjk.Truncate(lines[i], w, "…")
		}
		return strings.Join(lines, "\n")
	}
	keys := append(m.pane().ShortHelp(), m.c.Keys.NextTab, m.c.Keys.Search)
	// The line depends only on the keys shown, the status and the width.
	var id strings.Builder
	for _, kb := range keys {
		if kb.Enabled() {
			id.WriteString(kb.Help().Key + "\x00" + kb.Help().Desc + "\x00")
		}
	}
	id.WriteString("\x01" + m.status)
	k := barKey{footer: true, text: id.String(), w: w, st: m.c.Styles}
	if f, ok := m.c.bars.get(k); ok {
		return f
	}
	f := m.helpLine(keys)
	m.c.bars.put(k, f)
	return f
}

// helpLine is the one-line help with the status on the right. "? help"
// and "q quit" are always shown: the pane's keys give way first.
func (m Model) helpLine(keys []key.Binding) string {
	w := m.c.Width
	right := ""
	if m.status != "" {
		right = m.c.Styles.Key.Render("● ") + m.c.Styles.Status.Render(m.status) + " "
	}
	st := m.c.Styles.help
	tail := shortHelp(m.help, st, []key.Binding{m.c.Keys.Help, m.c.Keys.Quit}, w)
	sep := st.sep.Render(m.help.ShortSeparator)
	room := w - 1 - cjk.Width(right) - cjk.Width(tail) - cjk.Width(sep)
	left := " " + tail
	if head := shortHelp(m.help, st, keys, room); head != "" {
		left = " " + head + sep + tail
	}
	left = cjk.Truncate(left, w-cjk.Width(right), "")
	if right == "" {
		return left
	}
	return cjk.Pad(left, w-cjk.Width(right)) + right
}

// shortHelp is help's one-line view, but it never exceeds width: items
// that do not fit are dropped for an ellipsis (help.Model adds the item
// anyway when not even the ellipsis fits). st are h's styles.
func shortHelp(h help.Model, st helpStyles, bindings []key.Binding, width int) string {
	var b strings.Builder
	sep := st.sep.Render(h.ShortSeparator)
	tail := " " + st.ellipsis.Render(h.Ellipsis)
	used := 0
	for _, kb := range bindings {
		if !kb.Enabled() {
			continue
		}
		item := st.key.Render(kb.Help().Key) + " " + st.desc.Render(kb.Help().Desc)
		if used > 0 {
			item = sep + item
		}
		iw := cjk.Width(item)
		if used+iw > width-cjk.Width(tail) {
			if used+cjk.Width(tail) <= width {
				b.WriteString(tail)
			}
			break
		}
		b.WriteString(item)
		used += iw
	}
	return b.String()
}

// fullHelp lays help's columns out in as many rows as the width needs.
func fullHelp(h help.Model, groups [][]key.Binding, width int) string {
	var rows []string
	var row []string
	used := 0
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		cw := lipgloss.Width(col) + 4
		if used > 0 && used+cw > width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingLeft(1).PaddingRight(3).Render(col))
		used += cw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n")
}

func (m Model) globalKeys() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.NextTab, k.PrevTab, k.GoTab, k.Search, k.Back, on(k.Retry, m.c.Err != nil), k.Mouse, k.Help, k.Quit}
}

func (m Model) footerHeight() int {
	if !m.help.ShowAll {
		return 1
	}
	return max(1, lipgloss.Height(m.footer()))
}

func (m Model) bodyHeight() int {
	return max(1, m.c.Height-headerHeight-m.footerHeight())
}

// resize gives every pane its size.
func (m Model) resize() Model {
	w, h := max(1, m.c.Width), m.bodyHeight()
	m.help.SetWidth(w)
	m.overview = m.overview.SetSize(w, h)
	m.topics = m.topics.SetSize(w, h)
	m.topic = m.topic.SetSize(w, h)
	m.measures = m.measures.SetSize(w, h)
	m.measure = m.measure.SetSize(w, h)
	m.reader = m.reader.SetSize(w, h)
	m.draft = m.draft.SetSize(w, h)
	m.search = m.search.SetSize(w, h)
	return m
}

// paneWidth is the width the focused pane was laid out at.
func (m Model) paneWidth() int {
	switch m.view {
	case ViewTopics:
		return m.topics.width
	case ViewTopic:
		return m.topic.width
	case ViewMeasures:
		return m.measures.width
	case ViewMeasure:
		return m.measure.width
	case ViewReader:
		return m.reader.width
	case ViewDraft:
		return m.draft.width
	case ViewSearch:
		return m.search.width
	}
	return m.overview.width
}

// pane is the focused pane as help sees it.
func (m Model) pane() help.KeyMap {
	switch m.view {
	case ViewTopics:
		return m.topics
	case ViewTopic:
		return m.topic
	case ViewMeasures:
		return m.measures
	case ViewMeasure:
		return m.measure
	case ViewReader:
		return m.reader
	case ViewDraft:
		return m.draft
	case ViewSearch:
		return m.search
	}
	return m.overview
}

func (m Model) paneView() string {
	switch m.view {
	case ViewTopics:
		return m.topics.View()
	case ViewTopic:
		return m.topic.View()
	case ViewMeasures:
		return m.measures.View()
	case ViewMeasure:
		return m.measure.View()
	case ViewReader:
		return m.reader.View()
	case ViewDraft:
		return m.draft.View()
	case ViewSearch:
		return m.search.View()
	}
	return m.overview.View()
}

func (m Model) header() string {
	k := barKey{active: m.tabOf(m.view), failed: m.c.Err != nil, w: m.c.Width, an: m.c.An, st: m.c.Styles}
	if m.loading {
		k.text = "loading " + m.spin.View()
	}
	if h, ok := m.c.bars.get(k); ok {
		return h
	}
	h := m.tabBar()
	m.c.bars.put(k, h)
	return h
}

// tabBar draws the logo, the tabs and the analysis's state.
func (m Model) tabBar() string {
	st := m.c.Styles
	w := m.c.Width
	l := m.layoutTabs()
	var b strings.Builder
	if l.logo {
		b.WriteString(st.Logo.Render("citydiff"))
		b.WriteString(" ")
	}
	active := m.tabOf(m.view)
	for i, label := range l.labels {
		if i == active {
			b.WriteString(st.ActiveTab.Render(label))
		} else {
			b.WriteString(st.Tab.Render(label))
		}
	}
	left := b.String()
	if gap := w - cjk.Width(left) - cjk.Width(l.right); gap >= 1 && l.right != "" {
		return left + strings.Repeat(" ", gap) + l.right
	}
	return cjk.Truncate(left, w, "…")
}

// View draws the tab bar, the focused pane and the help line, cut to the
// terminal so that no line is ever wider than it.
func (m Model) View() tea.View {
	w, h := max(1, m.c.Width), max(1, m.c.Height)
	var lines []string
	lines = append(lines, m.header(), m.c.Styles.Rule.Render(strings.Repeat("─", w)))
	lines = append(lines, strings.Split(m.paneView(), "\n")...)
	body := lines[:min(len(lines), headerHeight+m.bodyHeight())]
	for len(body) < headerHeight+m.bodyHeight() {
		body = append(body, "")
	}
	// The pane has cut its lines to its width already: when that is the
	// terminal's, measuring them again would change nothing.
	fitted := headerHeight
	if m.paneWidth() == w {
		fitted = len(body)
	}
	lines = append(body, strings.Split(m.footer(), "\n")...)
	v := tea.NewView(fitScreen(lines, w, h, headerHeight, fitted))
	v.AltScreen = true
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "citydiff"
	return v
}

// State is where the user is; see State.
func (m Model) State() State {
	s := State{View: m.view, TopicPin: -1, ReaderClause: -1}
	m.overview.state(&s)
	m.topics.state(&s)
	if m.topicsView == ViewTopic {
		m.topic.state(&s)
	}
	m.measures.state(&s)
	if m.measuresView == ViewMeasure {
		m.measure.state(&s)
	}
	m.reader.state(&s)
	m.draft.state(&s)
	m.search.state(&s)
	return s
}

// setState moves every pane to a State.
func (m Model) setState(s State) (Model, tea.Cmd) {
	m.overview = m.overview.setState(s)
	m.topics = m.topics.setState(s)
	switch s.View {
	case ViewTopic:
		m.topic = m.topic.setState(s)
		m.topicsView = ViewTopic
	case ViewTopics:
		m.topicsView = ViewTopics
	}
	m.measures = m.measures.setState(s)
	switch s.View {
	case ViewMeasure:
		m.measure = m.measure.setState(s)
		m.measuresView = ViewMeasure
	case ViewMeasures:
		m.measuresView = ViewMeasures
	}
	m.reader = m.reader.setState(s)
	m.draft = m.draft.setState(s)
	var cmd tea.Cmd
	m.search, cmd = m.search.setState(s)
	switch s.View {
	case ViewOverview, ViewTopics, ViewTopic, ViewMeasures, ViewMeasure, ViewReader, ViewSearch, ViewDraft:
		m.view = s.View
	}
	return m, cmd
}
