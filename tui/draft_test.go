package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestDraftIsNotACity: issue 13. With a draft added the cities' views show
// the same measures, ids, topics and documents as without it.
func TestDraftIsNotACity(t *testing.T) {
	without, with := loaded(t, false, 120, 40), loaded(t, true, 120, 40)
	if len(with.c.Docs) != len(without.c.Docs) || len(with.c.Drafts) != 1 {
		t.Fatalf("%d docs with a draft, %d without; %d drafts", len(with.c.Docs), len(without.c.Docs), len(with.c.Drafts))
	}
	ids := func(m Model) string {
		var b strings.Builder
		for _, ms := range m.c.An.res.Measures {
			fmt.Fprintf(&b, "%s %v %s|", ms.ID, ms.Docs, ms.Label)
		}
		for _, tp := range m.c.An.res.Topics {
			fmt.Fprintf(&b, "%s %s|", tp.ID, tp.Label)
		}
		return b.String()
	}
	if ids(with) != ids(without) {
		t.Error("measures or topics differ with a draft")
	}
	for _, k := range []string{"1", "3", "2"} {
		a, _ := drive(without, keys(k)...)
		b, _ := drive(with, keys(k)...)
		sa, sb := plainScreen(a), plainScreen(b)
		// The overview says a draft is there; every other line is the same.
		if k == "1" {
			sa = strings.SplitN(sa, "\n", 4)[3]
			sb = strings.SplitN(sb, "\n", 4)[3]
		}
		if sa != sb {
			t.Errorf("view %s differs with a draft:\n%s\n---\n%s", k, sa, sb)
		}
	}
}

func TestDraftCheckKeys(t *testing.T) {
	m, _ := drive(loaded(t, true, 100, 30), keys("5")...)
	if m.view != ViewDraft || m.draft.check == nil {
		t.Fatalf("view %s, check %v", m.view, m.draft.check)
	}
	n := len(m.c.Docs)
	k2 := len(m.draft.check.Missing)
	if m.draft.check.MinCities != 2 || len(m.draft.check.Against) != n {
		t.Fatalf("default: at least %d of %d, want 2 of %d", m.draft.check.MinCities, len(m.draft.check.Against), n)
	}
	m, _ = drive(m, keys("+")...)
	if m.draft.check.MinCities != 3 || len(m.draft.check.Missing) > k2 {
		t.Errorf("+: at least %d, %d missing (was %d at 2)", m.draft.check.MinCities, len(m.draft.check.Missing), k2)
	}
	if s := plainScreen(m); !strings.Contains(s, "at least 3 of 5") {
		t.Errorf("the threshold is not shown:\n%s", s)
	}
	m, _ = drive(m, keys("-", "-", "-")...)
	if m.draft.check.MinCities != 1 {
		t.Errorf("- stops at 1, got %d", m.draft.check.MinCities)
	}
	// Choose the cities: leave out the first two.
	m, _ = drive(m, keys("c", "space", "right", "space", "enter")...)
	if got := m.draft.check.Against; len(got) != n-2 || got[0] != 2 {
		t.Errorf("set %v after leaving out two cities", got)
	}
	for _, ms := range m.draft.check.Missing {
		for _, d := range ms.Cities {
			if d < 2 {
				t.Errorf("missing measure counts city %d, left out", d)
			}
		}
	}
	if s := plainScreen(m); !strings.Contains(s, "3 of 5 cities: 上海 濮阳 赣州") {
		t.Errorf("the set is not shown:\n%s", s)
	}
	// A number key while choosing does not switch views.
	m, _ = drive(m, keys("c", "3")...)
	if m.view != ViewDraft {
		t.Errorf("3 while choosing cities went to %s", m.view)
	}
	m, _ = drive(m, keys("a", "enter")...)
	if len(m.draft.check.Against) != n {
		t.Errorf("a: %d cities", len(m.draft.check.Against))
	}
}

func TestDraftCheckDetailsAndCopy(t *testing.T) {
	m, _ := drive(loaded(t, true, 100, 30), keys("5")...)
	s := plainScreen(m)
	for _, want := range []string{"Missing ·", "of 5:", "? help"} {
		if !strings.Contains(s, want) {
			t.Errorf("draft check lacks %q:\n%s", want, s)
		}
	}
	// Go to the borrowed clause that swaps 汕头 for 江城.
	found := false
	for i := 0; i < len(m.draft.selectable); i++ {
		if it := m.draft.selected(); it.borrow != nil && strings.Contains(it.text, "江城仲裁") {
			found = true
			break
		}
		m, _ = drive(m, keys("down")...)
	}
	if !found {
		t.Fatalf("no borrowed 江城仲裁 clause")
	}
	s = plainScreen(m)
	if !strings.Contains(s, "dropped 汕头") || !strings.Contains(s, "added 江城") {
		t.Errorf("the diff is not shown in words:\n%s", s)
	}
	tm, cmd := m.Update(keys("y")[0])
	m = tm.(Model)
	if cmd == nil {
		t.Fatal("y gave no command")
	}
	msg := cmd()
	if fmt.Sprintf("%T", msg) != "tea.setClipboardMsg" {
		t.Errorf("y: %T, want the OSC 52 clipboard message", msg)
	}
	if got := fmt.Sprint(msg); !strings.Contains(got, "江城仲裁") || !strings.Contains(got, "dropped: 汕头") {
		t.Errorf("copied %q", got)
	}
}

// TestEscStaysInItsTab: issue 13. Reader → measure → 1 → 3 → esc went back
// to the reader; it goes back to the Measures list.
func TestEscStaysInItsTab(t *testing.T) {
	m, _ := drive(loaded(t, false, 100, 30), keys("4", "]", "]", "enter")...)
	if m.view != ViewMeasure {
		t.Fatalf("enter in the reader: %s", m.view)
	}
	// Straight back: to the reader it came from.
	b, _ := drive(m, keys("esc")...)
	if b.view != ViewReader {
		t.Errorf("esc right after opening: %s, want reader", b.view)
	}
	m, _ = drive(m, keys("1", "3")...)
	if m.view != ViewMeasure {
		t.Fatalf("3: %s, want the measure still open", m.view)
	}
	m, _ = drive(m, keys("esc")...)
	if m.view != ViewMeasures {
		t.Errorf("esc after switching tabs: %s, want measures", m.view)
	}
	m, _ = drive(m, keys("esc")...)
	if m.view != ViewOverview {
		t.Errorf("esc from the list: %s, want overview", m.view)
	}
}

func TestMouseIsAToggle(t *testing.T) {
	m := loaded(t, false, 80, 24)
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("mouse capture on by default: the terminal's own selection is blocked")
	}
	m, _ = drive(m, keys("m")...)
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("m did not turn mouse capture on")
	}
	m, _ = drive(m, keys("m")...)
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("m did not turn it off again")
	}
}

func TestMeasuresFilterLineShowsEveryFilter(t *testing.T) {
	m, _ := drive(loaded(t, false, 120, 30), keys("3", "+", "u", "c", "f", "法律")...)
	head := strings.Split(plainScreen(m), "\n")[2]
	for _, want := range []string{"Filter", "法律", "≥2 cities", "unique only", "in 汕头", "sort: shared"} {
		if !strings.Contains(head, want) {
			t.Errorf("filter line %q lacks %q", head, want)
		}
	}
	m, _ = drive(m, keys("enter")...)
	s := plainScreen(m)
	if !strings.Contains(s, "No measure is ≥2 cities, unique only, in 汕头, text “法律”") {
		t.Errorf("an empty result does not say why:\n%s", s)
	}
}
