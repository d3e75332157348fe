package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// runAll runs cmds as a program would, feeding their search messages back
// (in the order given, like a program running them one after another),
// and returns the model and the searches that ran.
func runAll(m Model, cmds []tea.Cmd) (Model, []searchMsg) {
	var ran []searchMsg
	for len(cmds) > 0 {
		cmd := cmds[0]
		cmds = cmds[1:]
		if cmd == nil {
			continue
		}
		var msgs []tea.Msg
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			cmds = append(cmds, msg...)
			continue
		case searchMsg:
			ran = append(ran, msg)
			msgs = append(msgs, msg)
		case searchDueMsg:
			msgs = append(msgs, msg)
		}
		for _, msg := range msgs {
			tm, next := m.Update(msg)
			m = tm.(Model)
			cmds = append(cmds, next)
		}
	}
	return m, ran
}

// TestLongQueryCostIsBounded: issue 14, item 4. Every keystroke in the
// search box started a full search that was never cancelled, with no
// limit on the query: 2,000 typed characters cost 32 s of server CPU. Now
// a burst of typing costs one search of at most maxQuery characters.
func TestLongQueryCostIsBounded(t *testing.T) {
	m := loaded(t, false, 80, 24)
	m = send(m, keys("/")...)
	index := 0
	for _, d := range newSearchIndex(m.c.Docs).docs {
		index += len(d.s)
	}

	typed := []rune(strings.Repeat("法治政府建设", 1000)) // 6,000 characters, typed faster than the delay
	var cmds []tea.Cmd
	for _, r := range typed {
		tm, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m = tm.(Model)
		cmds = append(cmds, cmd)
	}
	tm, cmd := m.Update(tea.PasteMsg{Content: strings.Repeat("粘贴", 5000)})
	m = tm.(Model)
	cmds = append(cmds, cmd)
	m, ran := runAll(m, cmds)

	if q := []rune(m.search.in.value()); len(q) != maxQuery {
		t.Errorf("the query holds %d characters, want %d", len(q), maxQuery)
	}
	scanned, full := 0, 0
	for _, r := range ran {
		scanned += r.scanned
		if !r.stopped {
			full++
		}
	}
	if full != 1 || scanned > index {
		t.Errorf("%d keystrokes ran %d searches (%d to the end) over %d bytes; one search is %d bytes",
			len(typed)+1, len(ran), full, scanned, index)
	}
	if m.search.busy || m.search.running {
		t.Error("the search never finished")
	}
	// The View of a full query field is cheap too: the field scrolls.
	if v := plainScreen(m); !strings.Contains(v, "Search") {
		t.Errorf("screen:\n%s", v)
	}
}

// TestSearchStopsWhenTypedOver: a search whose query changed stops at the
// next document and its results are dropped; one search runs at a time,
// and the latest query's starts when the running one ends.
func TestSearchStopsWhenTypedOver(t *testing.T) {
	m := loaded(t, false, 80, 24)
	m = send(m, keys("/")...)
	tm, tick := m.Update(keys("法")[0])
	m = tm.(Model)
	tm, search := m.Update(tick()) // the delay passed: the search for 法 starts
	m = tm.(Model)
	if search == nil || !m.search.running {
		t.Fatal("no search started")
	}
	tm, tick2 := m.Update(keys("治")[0]) // typed over while it runs
	m = tm.(Model)
	tm, none := m.Update(tick2()) // its delay passes: it waits for the running search
	m = tm.(Model)
	if none != nil || !m.search.due {
		t.Fatal("a second search started while one was running")
	}
	stale := search().(searchMsg)
	if !stale.stopped || stale.scanned != 0 {
		t.Errorf("the typed-over search ran on: stopped %v, scanned %d", stale.stopped, stale.scanned)
	}
	tm, next := m.Update(stale)
	m = tm.(Model)
	if next == nil || len(m.search.results) != 0 {
		t.Fatal("the stale search's end did not start the current one")
	}
	m, ran := runAll(m, []tea.Cmd{next})
	if len(ran) != 1 || ran[0].query != "法治" || m.search.busy || len(m.search.results) == 0 {
		t.Errorf("ran %d searches; busy %v, %d results", len(ran), m.search.busy, len(m.search.results))
	}
}

func TestInputMax(t *testing.T) {
	in := input{max: 5, focused: true}
	in = in.setValue("一二三四五六七")
	if in.value() != "一二三四五" || in.pos != 5 {
		t.Errorf("setValue: %q at %d", in.value(), in.pos)
	}
	in, changed := in.update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if changed || in.value() != "一二三四五" {
		t.Errorf("typed past the limit: %q", in.value())
	}
	in, _ = in.update(tea.KeyPressMsg{Code: tea.KeyHome})
	in, _ = in.update(tea.KeyPressMsg{Code: tea.KeyDelete})
	in, _ = in.update(tea.PasteMsg{Content: "abc"})
	if in.value() != "a二三四五" {
		t.Errorf("paste into a full field: %q", in.value())
	}
}
