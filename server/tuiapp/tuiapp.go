// Package tuiapp serves citydiff's TUI through the SSH server: it loads the
// documents and runs the analysis once, then builds for each session a
// tui.Model that reads them, wrapped so that a presenter's screen can be
// mirrored (presenter.Mirrorable).
//
// It is the one place where the server meets the TUI: package server only
// knows a ModelFunc, and package tui knows nothing of SSH. `citydiff
// serve` and the load test both use it, so the load test measures the
// viewer people get.
package tuiapp

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"citydiff/compare"
	"citydiff/corpus"
	"citydiff/segment"
	"citydiff/segment/words"
	"citydiff/server"
	"citydiff/server/presenter"
	"citydiff/tui"
)

// App is what every session shares, read-only: the documents and their
// analysis.
type App struct {
	Docs   []*segment.Document
	Result *compare.Result
	// Analysis is Result indexed for the views, built once and shared.
	Analysis *tui.Analysis
	Version  string
}

// Load parses the documents of opt and analyses them, once.
func Load(opt corpus.Options, version string) (*App, error) {
	docs, err := corpus.Load(opt)
	if err != nil {
		return nil, err
	}
	res := compare.Analyze(docs, words.Default(), compare.DefaultParams())
	if res == nil {
		return nil, fmt.Errorf("analysis gave no result")
	}
	// The files named are compared as cities: a training room has no
	// drafter's draft (the Draft check is a local run: `citydiff DRAFT`).
	return &App{Docs: docs, Result: res, Analysis: tui.NewAnalysis(res), Version: version}, nil
}

// NewModel is a server.ModelFunc: the TUI for one session.
func (a *App) NewModel(s server.Session) tea.Model {
	return Mirror{tui.New(tui.Config{
		Docs:     a.Docs,
		Analysis: a.Analysis, // indexed once, shared read-only by every session
		Width:    s.Width,
		Height:   s.Height,
		Dark:     true, // until the client's terminal reports its background
		Version:  a.Version,
	})}
}

// Mirror is a tui.Model that a trainee can follow (presenter.Mirrorable).
type Mirror struct{ tui.Model }

// Update implements tea.Model.
func (m Mirror) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.Model.Update(msg)
	return wrap(next), cmd
}

// State returns the tui.State: view, selections and scroll positions in
// terms of the documents, so that another window size can show them.
func (m Mirror) State() any { return m.Model.State() }

// SetState moves the TUI to a presenter's tui.State.
func (m Mirror) SetState(st any) (tea.Model, tea.Cmd) {
	s, ok := st.(tui.State)
	if !ok {
		return m, nil
	}
	next, cmd := m.Model.Update(tui.SetStateMsg{State: s})
	return wrap(next), cmd
}

func wrap(next tea.Model) tea.Model {
	if tm, ok := next.(tui.Model); ok {
		return Mirror{tm}
	}
	return next
}

var _ presenter.Mirrorable = Mirror{}
