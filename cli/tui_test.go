package cli

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// keyLog is a viewer that records what it is sent and quits on q.
type keyLog struct {
	keys  []string
	paste int
}

func (m keyLog) Init() tea.Cmd { return nil }

func (m keyLog) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.keys = append(m.keys, msg.String())
		if msg.String() == "q" {
			return m, tea.Quit
		}
	case tea.PasteMsg:
		m.paste = len(msg.Content)
	}
	return m, nil
}

func (m keyLog) View() tea.View { return tea.NewView("") }

// TestViewerSurvivesHostileInput: issue 14. Typing or pasting ESC [ with 33
// parameters killed the local viewer (a panic in Bubble Tea's input
// goroutine), and a paste was kept in memory whole.
func TestViewerSurvivesHostileInput(t *testing.T) {
	for _, tt := range []struct {
		name string
		pipe func() (io.Reader, io.WriteCloser)
	}{
		{"terminal-like file", func() (io.Reader, io.WriteCloser) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return r, w
		}},
		{"reader", func() (io.Reader, io.WriteCloser) { return io.Pipe() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in, w := tt.pipe()
			done := make(chan error, 1)
			var final keyLog
			go func() {
				done <- runViewer(&finalModel{keyLog{}, &final}, in, io.Discard,
					tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))
			}()
			go func() {
				defer w.Close()
				io.WriteString(w, "\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;1m")
				io.WriteString(w, "\x9b"+strings.Repeat(";", 40)+"1m")
				io.WriteString(w, "\x1b[200~"+strings.Repeat("粘贴", 100_000)+"\x1b[201~")
				time.Sleep(100 * time.Millisecond)
				io.WriteString(w, "jq")
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("viewer: %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the viewer did not quit")
			}
			if len(final.keys) == 0 || final.keys[len(final.keys)-1] != "q" || final.paste > 64<<10 || final.paste < 60_000 {
				t.Errorf("keys %q, paste of %d bytes (want the keys through, the paste cut at 64 KiB)", final.keys, final.paste)
			}
		})
	}
}

// finalModel keeps the last state of a keyLog where the test can read it.
type finalModel struct {
	keyLog
	out *keyLog
}

func (m *finalModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.keyLog.Update(msg)
	m.keyLog = next.(keyLog)
	*m.out = m.keyLog
	return m, cmd
}
