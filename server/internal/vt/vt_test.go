package vt

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestSequences(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		in   string
		want string
	}{
		{"text and newline", 10, 3, "ab\r\ncd", "ab\ncd\n"},
		{"cursor position", 10, 3, "\x1b[2;3Hx\x1b[1;1Hy", "y\n  x\n"},
		{"erase line right", 10, 2, "abcdef\x1b[1;3H\x1b[K", "ab\n"},
		{"erase screen", 5, 2, "abc\r\ndef\x1b[2J", "\n"},
		{"wide characters", 6, 2, "汕头x", "汕头x\n"},
		{"wide character cut in two", 6, 1, "汕头\x1b[1;2Hx", " x头"},
		{"deferred wrap", 3, 2, "abc", "abc\n"},
		{"wrap on the next character", 3, 2, "abcd", "abc\nd"},
		{"autowrap off", 3, 2, "\x1b[?7labcd", "abd\n"},
		{"scroll at the bottom", 3, 2, "a\r\nb\r\nc", "b\nc"},
		{"insert line", 3, 3, "a\r\nb\r\nc\x1b[2;1H\x1b[L", "a\n\nb"},
		{"delete line", 3, 3, "a\r\nb\r\nc\x1b[1;1H\x1b[M", "b\nc\n"},
		{"scroll region", 3, 3, "a\r\nb\r\nc\x1b[1;2r\x1b[2;1H\n", "b\n\nc"},
		{"repeat", 6, 1, "x\x1b[3b", "xxxx"},
		{"insert and delete characters", 6, 1, "abcd\x1b[1;2H\x1b[2@\x1b[1;5H\x1b[1P", "a  bd"},
		{"erase characters", 6, 1, "abcdef\x1b[1;2H\x1b[3X", "a   ef"},
		{"alternate screen", 5, 1, "main\x1b[?1049halt\x1b[?1049l", "main"},
		{"colours are dropped", 5, 1, "\x1b[1;38;5;196mred\x1b[m", "red"},
		{"OSC is skipped", 5, 1, "\x1b]0;title\x07ok", "ok"},
		{"insert mode", 5, 1, "abc\x1b[1;1H\x1b[4hX\x1b[4l", "Xabc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.w, tt.h)
			s.Write([]byte(tt.in))
			if got := s.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A sequence split across writes is applied once it is whole.
func TestSplitWrites(t *testing.T) {
	in := []byte("\x1b[2;3H汕头\x1b]0;t\x07!")
	for cut := 0; cut <= len(in); cut++ {
		s := New(8, 2)
		s.Write(in[:cut])
		s.Write(in[cut:])
		if got, want := s.String(), "\n  汕头!"; got != want {
			t.Errorf("cut at %d: %q, want %q", cut, got, want)
		}
	}
}

// frames is a model that shows whatever frame it is sent.
type frames struct{ content string }

type frameMsg string

func (f frames) Init() tea.Cmd { return nil }
func (f frames) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(frameMsg); ok {
		f.content = string(s)
	}
	return f, nil
}
func (f frames) View() tea.View {
	v := tea.NewView(f.content)
	v.AltScreen = true
	return v
}

// The screen rebuilt from Bubble Tea's renderer output equals each frame,
// through the renderer's optimisations (scrolls, inserted lines, partial
// repaints) and wide characters.
func TestAgainstTheRenderer(t *testing.T) {
	const w, h = 30, 8
	scr := New(w, h)
	p := tea.NewProgram(frames{},
		tea.WithInput(nil), tea.WithOutput(onlcr{scr}), tea.WithWindowSize(w, h),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() { p.Quit(); <-done }()

	lines := []string{"一、坚持严格执法", "line two", "(二)推进公正司法,构建", "four", "five 5", "六", "seven", "eight"}
	var seq []string
	for i := 0; i < 24; i++ {
		frame := make([]string, h)
		for y := range frame {
			// Shift, insert and drop lines from one frame to the next.
			frame[y] = fmt.Sprintf("%d %s", (y+i)%11, lines[(y*3+i)%len(lines)])
			if (y+i)%5 == 0 {
				frame[y] = ""
			}
		}
		seq = append(seq, strings.Join(frame, "\n"))
	}
	for i, f := range seq {
		p.Send(frameMsg(f))
		want := strings.TrimRight(trimLines(f), "\n")
		got, ok := scr.Wait(5*time.Second, func(s string) bool { return strings.TrimRight(s, "\n") == want })
		if !ok {
			t.Fatalf("frame %d:\ngot\n%s\nwant\n%s", i, got, want)
		}
	}
}

// onlcr turns \n into \r\n, as a tty does (and charmbracelet/ssh for a
// session with a pty).
type onlcr struct{ w *Screen }

func (o onlcr) Write(p []byte) (int, error) {
	_, err := o.w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(string(p), "\r\n", "\n"), "\n", "\r\n")))
	return len(p), err
}

func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}
