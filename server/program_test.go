package server

import (
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
)

func TestSessionEnv(t *testing.T) {
	tests := []struct {
		term string
		want string
	}{
		{"xterm-256color", "TERM=xterm-256color"},
		{"tmux-256color", "TERM=tmux-256color"},
		{"rxvt-unicode+sixel", "TERM=rxvt-unicode+sixel"},
		{"", "TERM=xterm-256color"},
		{"../../../etc/passwd", "TERM=xterm-256color"},
		{"x/../../y", "TERM=xterm-256color"},
		{".hidden", "TERM=xterm-256color"},
		{"a..b", "TERM=xterm-256color"},
		{"xterm\x1b[31m", "TERM=xterm-256color"},
		{string(make([]byte, 65)), "TERM=xterm-256color"},
	}
	for _, tt := range tests {
		env := sessionEnv([]string{"LANG=zh_CN.UTF-8", "TERM=evil"}, tt.term)
		if !slices.Contains(env, tt.want) || slices.Contains(env, "TERM=evil") || !slices.Contains(env, "LANG=zh_CN.UTF-8") {
			t.Errorf("TERM %q: env %q", tt.term, env)
		}
	}
}

func TestEnvProfile(t *testing.T) {
	tests := []struct {
		env  []string
		want colorprofile.Profile
	}{
		{[]string{"TERM=xterm-256color"}, colorprofile.ANSI256},
		{[]string{"TERM=xterm-256color", "COLORTERM=truecolor"}, colorprofile.TrueColor},
		{[]string{"TERM=xterm-256color", "NO_COLOR=1"}, colorprofile.ASCII},
		{[]string{"TERM=dumb"}, colorprofile.NoTTY},
	}
	for _, tt := range tests {
		if got := envProfile(tt.env); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	o := Options{}.withDefaults()
	if o.MaxSessions != 64 || o.MaxPerAddress != DefaultMaxPerAddress || o.Addr != "127.0.0.1:23234" ||
		o.HandshakeTimeout != DefaultHandshakeTimeout || o.IdleTimeout != DefaultIdleTimeout ||
		o.MaxWidth != DefaultMaxWidth || o.MaxHeight != DefaultMaxHeight || o.Logger == nil {
		t.Errorf("defaults: %+v", o)
	}
	if o := (Options{MaxSessions: 4}).withDefaults(); o.MaxPerAddress != 4 {
		t.Errorf("the per-address cap %d exceeds the total 4", o.MaxPerAddress)
	}
}

func TestLogLimiter(t *testing.T) {
	l := newLogLimiter(3, time.Minute)
	t0 := time.Unix(1000, 0)
	var logged []int
	for i := 0; i < 10; i++ {
		if ok, held := l.allow("10.0.0.1", t0.Add(time.Duration(i)*time.Second)); ok {
			logged = append(logged, held)
		}
	}
	if !slices.Equal(logged, []int{0, 0, 0}) {
		t.Errorf("first minute: %v", logged)
	}
	if ok, _ := l.allow("10.0.0.2", t0); !ok {
		t.Error("another address was held back")
	}
	// The next minute's first line says how many were held back.
	if ok, held := l.allow("10.0.0.1", t0.Add(time.Minute)); !ok || held != 7 {
		t.Errorf("next minute: ok %v, held %d, want 7", ok, held)
	}
}
