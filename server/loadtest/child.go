package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"

	"citydiff/corpus"
	"citydiff/server"
	"citydiff/server/tuiapp"
)

// The child process is the server under test: the parent measures it from
// outside, so that the clients' own memory and CPU are not counted in.
// It talks to the parent over stdin and stdout, one line each:
//
//	child → parent   addr HOST:PORT        once listening
//	parent → child   mem                   → mem HEAP_INUSE RSS GOROUTINES (bytes)
//	parent → child   screens               → screen ID BASE64-FREE LINES… then "end"
//	stdin closed     the child stops its server and exits
func runChild(model string, sessions int, cpuProfile string) error {
	var newModel server.ModelFunc
	switch model {
	case "tui":
		app, err := tuiapp.Load(corpus.Options{}, "loadtest")
		if err != nil {
			return err
		}
		newModel = app.NewModel
	case "stub":
		newModel = func(server.Session) tea.Model { return stubModel{} }
	default:
		return fmt.Errorf("unknown model %q (tui or stub)", model)
	}
	reg := &registry{views: map[string]string{}}
	dir, err := os.MkdirTemp("", "citydiff-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	srv, err := server.New(server.Options{
		HostKeyPath:   filepath.Join(dir, "host_key"),
		Open:          true,
		MaxSessions:   sessions,
		MaxPerAddress: sessions,
		Logger:        log.NewWithOptions(io.Discard, log.Options{}),
		NewModel: func(s server.Session) tea.Model {
			return counted{inner: newModel(s), id: s.ID, reg: reg, h: s.Height}
		},
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = srv.Serve(l) }()
	fmt.Printf("addr %s\n", l.Addr())

	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		switch in.Text() {
		case "profile start":
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
		case "profile stop":
			pprof.StopCPUProfile()
		case "mem":
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Printf("mem %d %d %d\n", ms.HeapInuse, rss(), runtime.NumGoroutine())
		case "screens":
			for _, id := range reg.ids() {
				fmt.Printf("screen %s\n", id)
				for _, line := range strings.Split(ansi.Strip(reg.get(id)), "\n") {
					fmt.Printf("|%s\n", strings.TrimRight(line, " "))
				}
			}
			fmt.Println("end")
		}
	}
	return nil
}

// rss is the process's resident set size in bytes, from /proc.
func rss() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb * 1024
		}
	}
	return 0
}

// registry keeps each session's last frame for the completeness check.
type registry struct {
	mu    sync.Mutex
	views map[string]string
}

func (r *registry) set(id, v string) {
	r.mu.Lock()
	r.views[id] = v
	r.mu.Unlock()
}

func (r *registry) get(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.views[id]
}

func (r *registry) ids() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for id := range r.views {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// counted wraps a session's model with a last line that counts the keys
// it received: the frame answering keystroke n is the first to show
// "keys=n", and the whole frame is on screen once that line is, for the
// renderer writes from the top down.
type counted struct {
	inner tea.Model
	id    string
	keys  int
	h     int
	reg   *registry
}

func (m counted) Init() tea.Cmd { return m.inner.Init() }

func (m counted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.keys++
	case tea.WindowSizeMsg:
		m.h = msg.Height
		msg.Height = max(msg.Height-1, 1)
		var cmd tea.Cmd
		m.inner, cmd = m.inner.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, cmd
}

func (m counted) View() tea.View {
	v := m.inner.View()
	lines := strings.Split(v.Content, "\n")
	n := max(m.h-1, 1)
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	v.Content = strings.Join(lines, "\n") + "\n" + fmt.Sprintf("[load %s keys=%d]", m.id, m.keys)
	m.reg.set(m.id, v.Content)
	return v
}

// stubModel is the smallest model: it shows the last key. With it the load
// test measures the server and the transport without the TUI.
type stubModel struct{ last string }

func (m stubModel) Init() tea.Cmd { return nil }

func (m stubModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.last = k.String()
	}
	return m, nil
}

func (m stubModel) View() tea.View {
	v := tea.NewView("citydiff load test stub\nlast key: " + m.last)
	v.AltScreen = true
	return v
}
