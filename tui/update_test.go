package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
)

// drive sends messages and runs the commands they return, feeding the
// results back (search results, analyses), as a program would.
func drive(m Model, msgs ...tea.Msg) (Model, []tea.Msg) {
	var seen []tea.Msg
	var run func(cmd tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case searchMsg, searchDueMsg, analysisMsg:
			tm, next := m.Update(msg)
			m = tm.(Model)
			run(next)
		case nil:
		default:
			seen = append(seen, msg)
		}
	}
	for _, msg := range msgs {
		tm, cmd := m.Update(msg)
		m = tm.(Model)
		run(cmd)
	}
	return m, seen
}

func quits(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestUpdateNavigation(t *testing.T) {
	tests := []struct {
		name  string
		draft bool
		keys  []string
		want  func(t *testing.T, m Model)
	}{
		{"tab cycles the views", false, []string{"tab", "tab", "tab", "tab", "tab"}, func(t *testing.T, m Model) {
			if m.view != ViewSearch {
				t.Errorf("view = %s, want search", m.view)
			}
		}},
		{"the number keys mean the same without a draft", false, []string{"6"}, func(t *testing.T, m Model) {
			if m.view != ViewSearch {
				t.Errorf("view = %s, want search", m.view)
			}
		}},
		{"and with one", true, []string{"6"}, func(t *testing.T, m Model) {
			if m.view != ViewSearch {
				t.Errorf("view = %s, want search", m.view)
			}
		}},
		{"tab wraps round", false, []string{"tab", "tab", "tab", "tab", "tab", "esc", "tab"}, func(t *testing.T, m Model) {
			if m.view != ViewTopics {
				t.Errorf("view = %s, want topics", m.view)
			}
		}},
		{"draft check is a tab when a draft is added", true, []string{"tab", "tab", "tab", "tab"}, func(t *testing.T, m Model) {
			if m.view != ViewDraft {
				t.Errorf("view = %s, want draft", m.view)
			}
		}},
		{"shift+tab goes back round", false, []string{"shift+tab"}, func(t *testing.T, m Model) {
			if m.view != ViewSearch {
				t.Errorf("view = %s, want search", m.view)
			}
		}},
		{"digits jump to a tab", false, []string{"3"}, func(t *testing.T, m Model) {
			if m.view != ViewMeasures {
				t.Errorf("view = %s, want measures", m.view)
			}
		}},
		{"enter on a document opens the reader", false, []string{"down", "down", "enter"}, func(t *testing.T, m Model) {
			s := m.State()
			if s.View != ViewReader || s.ReaderDoc != 2 {
				t.Errorf("state = %s doc %d, want reader doc 2", s.View, s.ReaderDoc)
			}
		}},
		{"esc comes back from the reader", false, []string{"down", "down", "enter", "esc"}, func(t *testing.T, m Model) {
			s := m.State()
			if s.View != ViewOverview || s.Doc != 2 {
				t.Errorf("state = %s doc %d, want overview doc 2", s.View, s.Doc)
			}
		}},
		{"a topic opens and closes", false, []string{"2", "down", "enter"}, func(t *testing.T, m Model) {
			if m.view != ViewTopic || m.topic.ti != 1 {
				t.Errorf("view = %s topic %d, want topic 1", m.view, m.topic.ti)
			}
			m = send(m, keys("esc")...)
			if m.view != ViewTopics || m.topics.list.sel != 1 {
				t.Errorf("after esc view = %s sel %d, want topics 1", m.view, m.topics.list.sel)
			}
		}},
		{"the Topics tab remembers the open topic", false, []string{"2", "enter", "tab", "shift+tab"}, func(t *testing.T, m Model) {
			if m.view != ViewTopic {
				t.Errorf("view = %s, want topic", m.view)
			}
		}},
		{"+ raises the minimum number of cities", false, []string{"3", "+", "+"}, func(t *testing.T, m Model) {
			if m.measures.minShared != 3 {
				t.Fatalf("minShared = %d", m.measures.minShared)
			}
			for _, r := range m.measures.rows {
				if n := len(m.c.An.res.Measures[r].Docs); n < 3 {
					t.Fatalf("row %d has %d cities", r, n)
				}
			}
			m = send(m, keys("esc")...)
			if m.measures.minShared != 1 || len(m.measures.rows) != len(m.c.An.res.Measures) {
				t.Errorf("esc left minShared %d and %d rows", m.measures.minShared, len(m.measures.rows))
			}
		}},
		{"v cycles the kind", false, []string{"3", "v"}, func(t *testing.T, m Model) {
			if m.measures.kind != compare.Verbatim {
				t.Fatalf("kind = %q", m.measures.kind)
			}
			for _, r := range m.measures.rows {
				if k := m.c.An.res.Measures[r].Kind; k != compare.Verbatim {
					t.Fatalf("row %d is %s", r, k)
				}
			}
		}},
		{"u shows only unique measures", false, []string{"3", "u"}, func(t *testing.T, m Model) {
			for _, r := range m.measures.rows {
				if n := len(m.c.An.res.Measures[r].Docs); n != 1 {
					t.Fatalf("row %d has %d cities", r, n)
				}
			}
		}},
		{"the filter takes Chinese and q as text", false, []string{"3", "f", "调解q", "backspace"}, func(t *testing.T, m Model) {
			if got := m.measures.filter.value(); got != "调解" {
				t.Fatalf("filter = %q", got)
			}
			if len(m.measures.rows) == 0 || len(m.measures.rows) == len(m.c.An.res.Measures) {
				t.Fatalf("%d rows", len(m.measures.rows))
			}
			for _, r := range m.measures.rows {
				if !strings.Contains(m.c.An.text[r], "调解") {
					t.Fatalf("row %d does not mention 调解", r)
				}
			}
		}},
		{"a Traditional filter finds Simplified text", false, []string{"3", "f", "調解"}, func(t *testing.T, m Model) {
			if len(m.measures.rows) == 0 {
				t.Fatal("no rows")
			}
		}},
		{"enter opens a measure, esc returns to the matrix", false, []string{"3", "down", "enter"}, func(t *testing.T, m Model) {
			if m.view != ViewMeasure || m.measure.mi != m.measures.rows[1] {
				t.Fatalf("view %s measure %d", m.view, m.measure.mi)
			}
			m = send(m, keys("esc")...)
			if m.view != ViewMeasures || m.measures.list.sel != 1 {
				t.Errorf("view %s sel %d", m.view, m.measures.list.sel)
			}
		}},
		{"b makes the selected clause the base", false, []string{"3", "enter", "down", "b"}, func(t *testing.T, m Model) {
			if m.measure.base != 1 || m.measure.sel != 1 {
				t.Errorf("base %d sel %d", m.measure.base, m.measure.sel)
			}
		}},
		{"enter on a clause opens it in the reader", false, []string{"3", "enter", "down", "enter"}, func(t *testing.T, m Model) {
			ref := m.c.An.res.Measures[m.measure.mi].Clauses[1]
			if m.view != ViewReader || m.reader.doc != ref.Doc || m.reader.cursor != ref.Clause {
				t.Errorf("view %s doc %d clause %d, want %v", m.view, m.reader.doc, m.reader.cursor, ref)
			}
		}},
		{"/ opens search and q is text there", false, []string{"/", "q"}, func(t *testing.T, m Model) {
			if m.view != ViewSearch || m.search.in.value() != "q" {
				t.Errorf("view %s query %q", m.view, m.search.in.value())
			}
		}},
		{"? toggles the full help", false, []string{"?"}, func(t *testing.T, m Model) {
			if !m.help.ShowAll || m.bodyHeight() >= 24-3 {
				t.Errorf("full help %v, body %d", m.help.ShowAll, m.bodyHeight())
			}
			m = send(m, keys("esc")...)
			if m.help.ShowAll || m.bodyHeight() != 24-3 || m.view != ViewOverview {
				t.Errorf("esc: full help %v, body %d, view %s", m.help.ShowAll, m.bodyHeight(), m.view)
			}
		}},
		{"the reader toggles Simplified", false, []string{"4", "right", "right", "t"}, func(t *testing.T, m Model) {
			if m.reader.doc != 2 || !m.reader.simplified {
				t.Fatalf("doc %d simplified %v", m.reader.doc, m.reader.simplified)
			}
			if !strings.Contains(plainScreen(m), "关于全面加强和改进基层法治建设的意见") {
				t.Errorf("Shanghai is not shown in Simplified:\n%s", plainScreen(m))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := drive(loaded(t, tt.draft, 80, 24), keys(tt.keys...)...)
			tt.want(t, m)
		})
	}
}

func TestQuit(t *testing.T) {
	for _, tt := range []struct {
		name string
		keys []string
		want bool
	}{
		{"q quits", []string{"q"}, true},
		{"ctrl+c quits", []string{"ctrl+c"}, true},
		{"q in the search field is text", []string{"/", "q"}, false},
		{"ctrl+c quits from the search field", []string{"/", "ctrl+c"}, true},
		{"q in the measures filter is text", []string{"3", "f", "q"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, seen := drive(loaded(t, false, 80, 24), keys(tt.keys...)...)
			if quits(seen) != tt.want {
				t.Errorf("quit = %v, want %v", !tt.want, tt.want)
			}
		})
	}
}

func TestSearchFindsBothScripts(t *testing.T) {
	c := testCorpus(t, false)
	for _, q := range []string{"法律顾问", "法律顧問"} {
		m, _ := drive(loaded(t, false, 80, 24), keys("/", q)...)
		docs := map[string]bool{}
		for _, h := range m.search.results {
			docs[c.docs[h.doc].ID] = true
			text := m.c.Docs[h.doc].Text(h.span)
			if text != "法律顾问" && text != "法律顧問" {
				t.Errorf("%s: hit %q in %s", q, text, c.docs[h.doc].ID)
			}
		}
		if !docs["shanghai"] || !docs["xiangtan"] {
			t.Errorf("%s found in %v, want Shanghai (Traditional) and Xiangtan", q, docs)
		}
		// enter opens the reader on the first hit, marked.
		m, _ = drive(m, keys("enter")...)
		h := m.search.results[0]
		if m.view != ViewReader || m.reader.doc != h.doc || m.reader.query != q {
			t.Errorf("%s: enter gave %s doc %d", q, m.view, m.reader.doc)
		}
	}
}

func TestStaleMessagesAreDropped(t *testing.T) {
	c := testCorpus(t, false)
	m := New(c.config(80, 24))
	m = send(m, analysisMsg{gen: 0, an: c.an})
	if m.c.An != nil {
		t.Fatal("an analysis of an older generation was taken")
	}
	m = send(m, c.ready())
	m, _ = drive(m, keys("/", "法治")...)
	want := m.search.results
	m = send(m, searchMsg{gen: m.search.gen - 1, query: "stale", results: []hit{{doc: 0, n: 1}}})
	if len(m.search.results) != len(want) {
		t.Errorf("stale search results replaced the current ones")
	}
}

func TestAnalysisErrorAndRetry(t *testing.T) {
	c := testCorpus(t, false)
	calls := 0
	cfg := c.config(80, 24)
	cfg.Analyze = func() (*compare.Result, error) {
		calls++
		if calls == 1 {
			return nil, errors.New("dictionary missing")
		}
		return c.an.res, nil
	}
	m := New(cfg)
	m, _ = drive(m, cmdMsgs(m.Init())...)
	if m.c.Err == nil || !strings.Contains(plainScreen(m), "✗ failed") {
		t.Fatalf("error not shown:\n%s", plainScreen(m))
	}
	m = send(m, keys("2")...)
	if !strings.Contains(plainScreen(m), "dictionary missing") {
		t.Errorf("the topics view does not say why:\n%s", plainScreen(m))
	}
	m, _ = drive(m, keys("r")...)
	if m.c.Err != nil || m.c.An == nil {
		t.Fatalf("retry did not load the analysis: err %v", m.c.Err)
	}
}

// cmdMsgs runs a command and returns the messages it produces, batches
// flattened; spinner ticks and terminal requests are left out.
func cmdMsgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, cmdMsgs(c)...)
		}
		return out
	case analysisMsg, searchMsg, searchDueMsg:
		return []tea.Msg{msg}
	}
	return nil
}

func TestStateRoundTrip(t *testing.T) {
	for _, path := range [][]string{
		{"2", "down", "enter", "right", "p", "pgdown"},
		{"3", "+", "v", "down", "enter", "down", "b"},
		{"4", "right", "right", "t", "pgdown", "]", "]"},
		{"/", "法治", "down"},
		{"tab", "tab", "tab", "tab"},
	} {
		t.Run(strings.Join(path, " "), func(t *testing.T) {
			a, _ := drive(loaded(t, true, 100, 30), keys(path...)...)
			// A follower on another terminal size takes the State.
			b, _ := drive(loaded(t, true, 80, 24), SetStateMsg{a.State()})
			if a.State() != b.State() {
				t.Errorf("states differ:\n%+v\n%+v", a.State(), b.State())
			}
			b = send(b, tea.WindowSizeMsg{Width: 100, Height: 30})
			// The help line may differ: a follower is never typing.
			body := func(m Model) string {
				s := plainScreen(m)
				return s[:strings.LastIndex(s, "\n")]
			}
			if sa, sb := body(a), body(b); sa != sb {
				t.Errorf("screens differ:\n%s\n---\n%s", sa, sb)
			}
		})
	}
}

func TestOnState(t *testing.T) {
	c := testCorpus(t, false)
	var got []View
	cfg := c.config(80, 24)
	cfg.OnState = func(s State) { got = append(got, s.View) }
	m := send(New(cfg), c.ready())
	send(m, keys("3", "down", "enter")...)
	want := []View{ViewMeasures, ViewMeasures, ViewMeasure}
	if strings.Join(views(got), " ") != strings.Join(views(want), " ") {
		t.Errorf("OnState saw %v, want %v", got, want)
	}
}

func views(vs []View) []string {
	var out []string
	for _, v := range vs {
		out = append(out, string(v))
	}
	return out
}

func TestReaderOtherCity(t *testing.T) {
	m := loaded(t, false, 100, 30)
	mi := measureWith(m.c.An, 3, "")
	if mi < 0 {
		t.Skip("no measure shared by three cities")
	}
	ms := m.c.An.res.Measures[mi]
	first := ms.Clauses[0]
	m = send(m, keys("4")...)
	m.reader = m.reader.open(first.Doc, first.Clause, -1, "")
	m = send(m, keys("o")...)
	if m.reader.doc == first.Doc {
		t.Fatalf("o stayed in %s", m.c.Docs[first.Doc].ID)
	}
	if _, got := m.c.An.measure(m.reader.doc, m.reader.cursor); got == nil || got.ID != ms.ID {
		t.Errorf("o landed on a clause of another measure")
	}
	m = send(m, keys("esc")...)
	if m.reader.doc != first.Doc || m.reader.cursor != first.Clause {
		t.Errorf("esc went to doc %d clause %d", m.reader.doc, m.reader.cursor)
	}
}

func TestReaderScriptToggleKeepsPlace(t *testing.T) {
	m := send(loaded(t, false, 100, 30), keys("4", "right", "right")...) // Shanghai
	m = send(m, keys("pgdown", "pgdown")...)
	before := m.reader.pg.origAt(m.reader.top)
	m = send(m, keys("t")...)
	after := m.reader.pg.origAt(m.reader.top)
	if after > before || before-after > 200 {
		t.Errorf("top moved from %d to %d", before, after)
	}
}

func TestMouse(t *testing.T) {
	m := loaded(t, false, 100, 30)
	spans := m.tabSpans()
	m = send(m, tea.MouseClickMsg{X: spans[2][0] + 1, Y: 0, Button: tea.MouseLeft})
	if m.view != ViewMeasures {
		t.Fatalf("click on the Measures tab: view %s", m.view)
	}
	m = send(m, tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if m.measures.list.sel != 3 {
		t.Errorf("wheel: selection %d", m.measures.list.sel)
	}
	// Click a row to select it, click it again to open it.
	y := headerHeight + measuresListY + 5 - m.measures.list.top
	m = send(m, tea.MouseClickMsg{X: 20, Y: y, Button: tea.MouseLeft})
	if m.measures.list.sel != 5 {
		t.Fatalf("click: selection %d", m.measures.list.sel)
	}
	m = send(m, tea.MouseClickMsg{X: 20, Y: y, Button: tea.MouseLeft})
	if m.view != ViewMeasure {
		t.Errorf("second click: view %s", m.view)
	}
}

func TestFirstFrameWithoutAnalysis(t *testing.T) {
	c := testCorpus(t, false)
	cfg := c.config(80, 24)
	block := make(chan struct{})
	defer close(block)
	cfg.Analyze = func() (*compare.Result, error) { <-block; return nil, nil }
	m := New(cfg)
	s := plainScreen(m)
	for _, want := range []string{"汕头", "關於全面加強", "comparing"} {
		if !strings.Contains(s, want) {
			t.Errorf("first frame lacks %q:\n%s", want, s)
		}
	}
	// The reader is usable before the analysis.
	m = send(m, keys("4", "pgdown")...)
	if !strings.Contains(plainScreen(m), "汕头") {
		t.Errorf("reader:\n%s", plainScreen(m))
	}
}
