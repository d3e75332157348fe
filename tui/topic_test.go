package tui

import (
	"testing"
)

// TestTopicRowsFollowMeasures: clauses of one measure are on one row, each
// column keeps its document's order, and enter opens the cursor row.
func TestTopicRowsFollowMeasures(t *testing.T) {
	m, _ := drive(loaded(t, false, 160, 48), keys("2", "enter")...)
	tp := m.topic
	if len(tp.rows) == 0 || len(tp.laidOut) < 2 {
		t.Fatalf("%d rows, %d columns", len(tp.rows), len(tp.laidOut))
	}
	matched := 0
	last := make([]int, len(tp.laidOut))
	for i := range last {
		last[i] = -1
	}
	for _, r := range tp.rows {
		measure, cells := -2, 0
		for col, k := range r.items {
			if k < 0 {
				continue
			}
			if k != last[col]+1 {
				t.Fatalf("column %d out of order at item %d", col, k)
			}
			last[col] = k
			it := tp.items[col][k]
			cells++
			if cells > 1 && (it.measure < 0 || it.measure != measure) {
				t.Errorf("a row holds items of different measures: %d and %d", measure, it.measure)
			}
			measure = it.measure
		}
		if cells > 1 {
			matched++
		}
	}
	if matched == 0 {
		t.Fatal("no row with clauses side by side")
	}
	// A matched row's measure opens with enter.
	for i, r := range tp.rows {
		n := 0
		for _, k := range r.items {
			if k >= 0 {
				n++
			}
		}
		if n > 1 {
			m.topic.row = i
			break
		}
	}
	want := -1
	for col, k := range m.topic.rows[m.topic.row].items {
		if k >= 0 {
			want = m.topic.items[col][k].measure
			break
		}
	}
	m, _ = drive(m, keys("enter")...)
	if m.view != ViewMeasure || m.measure.mi != want {
		t.Errorf("enter on a matched row: %s, measure %d, want measure %d", m.view, m.measure.mi, want)
	}
}

// TestFollowerSeesThePresentersColumns: issue 13. A presenter at 160
// columns saw 3 cities of 5 and an 80-column trainee 2.
func TestFollowerSeesThePresentersColumns(t *testing.T) {
	presenter, _ := drive(loaded(t, false, 160, 40), keys("2", "enter")...)
	s := presenter.State()
	if s.TopicCols < 3 {
		t.Fatalf("the presenter shows %d columns", s.TopicCols)
	}
	follower := send(loaded(t, false, 80, 24), SetStateMsg{State: s})
	if got := follower.topic.laidOut; len(got) != s.TopicCols || got[0] != presenter.topic.laidOut[0] || got[len(got)-1] != presenter.topic.laidOut[len(got)-1] {
		t.Errorf("the follower shows sections %v, the presenter %v", got, presenter.topic.laidOut)
	}
	checkFits(t, follower, "follower")
	// On its own, the follower's width decides again.
	alone := send(loaded(t, false, 80, 24), SetStateMsg{State: presenter.State()})
	alone, _ = drive(alone, keys("esc", "enter")...)
	if len(alone.topic.laidOut) != 2 {
		t.Errorf("reopened at 80 columns: %d columns", len(alone.topic.laidOut))
	}
}
