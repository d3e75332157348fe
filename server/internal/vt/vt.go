// Package vt is a small terminal screen for the SSH tests and the load
// test: it applies the control sequences Bubble Tea's renderer writes
// (cursor moves, erases, inserts and deletes, scrolling regions, the
// alternate screen, wide characters) so that a test reads the screen a
// user would see, not the byte stream, which after the first frame holds
// only what changed.
//
// It is not a terminal emulator for people: colours and attributes are
// dropped, and sequences it does not know are skipped.
package vt

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

type cell struct {
	s string // the grapheme, "" for the right half of a wide one
	w int    // its width: 1 or 2, 0 for the right half of a wide one
}

var blank = cell{" ", 1}

// Screen is a terminal screen fed by Write. It is safe for concurrent use.
type Screen struct {
	mu       sync.Mutex
	w, h     int
	main     [][]cell
	alt      [][]cell
	inAlt    bool
	x, y     int
	pending  bool // the cursor stands past the last column (deferred wrap)
	autowrap bool
	insert   bool
	top, bot int // scrolling region, inclusive
	saveX    int
	saveY    int
	last     string // last grapheme printed, for REP
	tail     []byte // an incomplete sequence held over to the next Write
	bytes    int64
	changed  chan struct{}
}

// New returns a blank screen of w×h cells.
func New(w, h int) *Screen {
	s := &Screen{w: w, h: h, autowrap: true, changed: make(chan struct{})}
	s.main = grid(w, h)
	s.alt = grid(w, h)
	s.top, s.bot = 0, h-1
	return s
}

func grid(w, h int) [][]cell {
	g := make([][]cell, h)
	for i := range g {
		g[i] = row(w)
	}
	return g
}

func row(w int) []cell {
	r := make([]cell, w)
	for i := range r {
		r[i] = blank
	}
	return r
}

func (s *Screen) cells() [][]cell {
	if s.inAlt {
		return s.alt
	}
	return s.main
}

// Resize changes the screen size, keeping what fits.
func (s *Screen) Resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	resize := func(g [][]cell) [][]cell {
		out := grid(w, h)
		for y := 0; y < min(h, len(g)); y++ {
			copy(out[y], g[y][:min(w, len(g[y]))])
		}
		return out
	}
	s.main, s.alt = resize(s.main), resize(s.alt)
	s.w, s.h = w, h
	s.top, s.bot = 0, h-1
	s.x, s.y = min(s.x, w-1), min(s.y, h-1)
	s.pending = false
}

// Bytes returns how many bytes were written so far.
func (s *Screen) Bytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// String returns the screen as lines without trailing blanks.
func (s *Screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stringLocked()
}

func (s *Screen) stringLocked() string {
	var b strings.Builder
	for y := range s.cells() {
		if y > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s.rowLocked(y))
	}
	return b.String()
}

// Wait blocks until cond holds for the screen, or timeout passes. It
// returns the last screen seen and whether cond held.
func (s *Screen) Wait(timeout time.Duration, cond func(screen string) bool) (string, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		scr, ch := s.stringLocked(), s.changed
		s.mu.Unlock()
		if cond(scr) {
			return scr, true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return scr, false
		}
	}
}

// WaitRow is Wait for one row (0-based) only: cheaper on a busy client.
func (s *Screen) WaitRow(timeout time.Duration, y int, cond func(row string) bool) (string, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		row, ch := s.rowLocked(y), s.changed
		s.mu.Unlock()
		if cond(row) {
			return row, true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return row, false
		}
	}
}

func (s *Screen) rowLocked(y int) string {
	g := s.cells()
	if y < 0 || y >= len(g) {
		return ""
	}
	var b strings.Builder
	for _, c := range g[y] {
		b.WriteString(c.s)
	}
	return strings.TrimRight(b.String(), " ")
}

// Write applies terminal output to the screen.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes += int64(len(p))
	b := p
	if len(s.tail) > 0 {
		b = append(s.tail, p...)
		s.tail = nil
	}
	for len(b) > 0 {
		n := s.step(b)
		if n == 0 { // incomplete: keep for the next write
			s.tail = append([]byte(nil), b...)
			break
		}
		b = b[n:]
	}
	close(s.changed)
	s.changed = make(chan struct{})
	return len(p), nil
}

// step applies the first character or sequence of b and returns its
// length, or 0 when b ends in the middle of it.
func (s *Screen) step(b []byte) int {
	c := b[0]
	switch {
	case c == 0x1b:
		return s.escape(b)
	case c == '\r':
		s.x, s.pending = 0, false
	case c == '\n', c == '\v', c == '\f':
		s.lineFeed()
	case c == '\b':
		if s.x > 0 {
			s.x--
		}
		s.pending = false
	case c == '\t':
		s.x = min((s.x/8+1)*8, s.w-1)
		s.pending = false
	case c < 0x20 || c == 0x7f:
		// other controls: bell and friends
	case c < utf8.RuneSelf:
		s.print(string(c), 1)
	default:
		if !utf8.FullRune(b) {
			return 0
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return 1
		}
		str := string(b[:n])
		s.print(str, ansi.StringWidthWc(str))
		return n
	}
	return 1
}

func (s *Screen) escape(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case '[':
		return s.csi(b)
	case ']', 'P', '_', '^', 'X':
		// OSC ends with BEL or ST; DCS, APC, PM and SOS with ST.
		for i := 2; i < len(b); i++ {
			if b[i] == 0x07 && b[1] == ']' {
				return i + 1
			}
			if b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\' {
				return i + 2
			}
		}
		return 0
	case '(', ')', '*', '+', '#', '%', ' ':
		if len(b) < 3 {
			return 0
		}
		return 3
	case '7':
		s.saveX, s.saveY = s.x, s.y
	case '8':
		s.x, s.y, s.pending = s.saveX, s.saveY, false
	case 'D':
		s.lineFeed()
	case 'E':
		s.x = 0
		s.lineFeed()
	case 'M':
		s.reverseIndex()
	case 'c':
		s.main, s.alt, s.inAlt = grid(s.w, s.h), grid(s.w, s.h), false
		s.x, s.y, s.pending, s.autowrap, s.insert = 0, 0, false, true, false
		s.top, s.bot = 0, s.h-1
	}
	return 2
}

func (s *Screen) csi(b []byte) int {
	i := 2
	var prefix byte
	if i < len(b) && b[i] >= 0x3c && b[i] <= 0x3f {
		prefix = b[i]
		i++
	}
	start := i
	for i < len(b) && (b[i] >= 0x30 && b[i] <= 0x3b) {
		i++
	}
	params := string(b[start:i])
	var inter byte
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x2f {
		inter = b[i]
		i++
	}
	if i >= len(b) {
		return 0
	}
	final := b[i]
	n := i + 1
	if inter != 0 || prefix == '>' || prefix == '<' || prefix == '=' {
		return n // requests and settings that do not touch the screen
	}
	ps := parseParams(params)
	arg := func(k, def int) int {
		if k < len(ps) && ps[k] > 0 {
			return ps[k]
		}
		return def
	}
	if prefix == '?' {
		if final == 'h' || final == 'l' {
			for _, m := range ps {
				s.privateMode(m, final == 'h')
			}
		}
		return n
	}
	s.csiFinal(final, arg, ps)
	return n
}

func (s *Screen) csiFinal(final byte, arg func(int, int) int, ps []int) {
	g := s.cells()
	switch final {
	case 'A':
		s.y = max(s.y-arg(0, 1), 0)
	case 'B', 'e':
		s.y = min(s.y+arg(0, 1), s.h-1)
	case 'C', 'a':
		s.x = min(s.x+arg(0, 1), s.w-1)
	case 'D':
		s.x = max(s.x-arg(0, 1), 0)
	case 'E':
		s.y, s.x = min(s.y+arg(0, 1), s.h-1), 0
	case 'F':
		s.y, s.x = max(s.y-arg(0, 1), 0), 0
	case 'G', '`':
		s.x = clamp(arg(0, 1)-1, 0, s.w-1)
	case 'd':
		s.y = clamp(arg(0, 1)-1, 0, s.h-1)
	case 'H', 'f':
		s.y, s.x = clamp(arg(0, 1)-1, 0, s.h-1), clamp(arg(1, 1)-1, 0, s.w-1)
	case 'I':
		for k := 0; k < arg(0, 1); k++ {
			s.x = min((s.x/8+1)*8, s.w-1)
		}
	case 'Z':
		for k := 0; k < arg(0, 1); k++ {
			s.x = max((s.x-1)/8*8, 0)
		}
	case 'J':
		switch arg(0, 0) {
		case 0:
			s.eraseLine(s.y, s.x, s.w)
			for y := s.y + 1; y < s.h; y++ {
				g[y] = row(s.w)
			}
		case 1:
			for y := 0; y < s.y; y++ {
				g[y] = row(s.w)
			}
			s.eraseLine(s.y, 0, s.x+1)
		default:
			for y := range g {
				g[y] = row(s.w)
			}
		}
	case 'K':
		switch arg(0, 0) {
		case 0:
			s.eraseLine(s.y, s.x, s.w)
		case 1:
			s.eraseLine(s.y, 0, s.x+1)
		default:
			s.eraseLine(s.y, 0, s.w)
		}
	case 'X':
		s.eraseLine(s.y, s.x, min(s.x+arg(0, 1), s.w))
	case '@':
		r := g[s.y]
		k := min(arg(0, 1), s.w-s.x)
		copy(r[s.x+k:], r[s.x:s.w-k])
		for j := s.x; j < s.x+k; j++ {
			r[j] = blank
		}
	case 'P':
		r := g[s.y]
		k := min(arg(0, 1), s.w-s.x)
		copy(r[s.x:], r[s.x+k:])
		for j := s.w - k; j < s.w; j++ {
			r[j] = blank
		}
	case 'L':
		if s.y >= s.top && s.y <= s.bot {
			s.scrollDown(s.y, s.bot, arg(0, 1))
			s.x = 0
		}
	case 'M':
		if s.y >= s.top && s.y <= s.bot {
			s.scrollUp(s.y, s.bot, arg(0, 1))
			s.x = 0
		}
	case 'S':
		s.scrollUp(s.top, s.bot, arg(0, 1))
	case 'T':
		if len(ps) <= 1 {
			s.scrollDown(s.top, s.bot, arg(0, 1))
		}
	case 'r':
		top, bot := arg(0, 1)-1, arg(1, s.h)-1
		if top < bot && bot < s.h {
			s.top, s.bot = top, bot
		} else {
			s.top, s.bot = 0, s.h-1
		}
		s.x, s.y = 0, 0
	case 'b':
		for k := 0; k < arg(0, 1) && s.last != ""; k++ {
			s.print(s.last, ansi.StringWidthWc(s.last))
		}
		return
	case 'h', 'l':
		for _, m := range ps {
			if m == 4 {
				s.insert = final == 'h'
			}
		}
	case 's':
		s.saveX, s.saveY = s.x, s.y
	case 'u':
		s.x, s.y = s.saveX, s.saveY
	}
	s.pending = false
}

func (s *Screen) privateMode(m int, on bool) {
	switch m {
	case 7:
		s.autowrap = on
	case 47, 1047, 1049:
		if on == s.inAlt {
			return
		}
		if on && m == 1049 {
			s.saveX, s.saveY = s.x, s.y
		}
		s.inAlt = on
		if on {
			s.alt = grid(s.w, s.h)
		} else if m == 1049 {
			s.x, s.y = s.saveX, s.saveY
		}
		s.pending = false
	}
}

func (s *Screen) print(str string, w int) {
	g := s.cells()
	if w == 0 {
		// A combining mark joins the cell before the cursor.
		x := s.x - 1
		if s.pending {
			x = s.x
		}
		if x >= 0 {
			if g[s.y][x].w == 0 && x > 0 {
				x--
			}
			g[s.y][x].s += str
		}
		return
	}
	if s.pending && s.autowrap {
		s.x = 0
		s.lineFeed()
	}
	s.pending = false
	if w > s.w {
		return
	}
	if s.x+w > s.w {
		if !s.autowrap {
			s.x = s.w - w
		} else {
			s.eraseLine(s.y, s.x, s.w)
			s.x = 0
			s.lineFeed()
		}
	}
	r := g[s.y]
	if s.insert {
		copy(r[s.x+w:], r[s.x:s.w-w])
	}
	s.clearWide(s.y, s.x)
	if w == 2 {
		s.clearWide(s.y, s.x+1)
	}
	r[s.x] = cell{str, w}
	if w == 2 {
		r[s.x+1] = cell{"", 0}
	}
	s.last = str
	s.x += w
	if s.x >= s.w {
		s.x = s.w - 1
		s.pending = s.autowrap
	}
}

// clearWide blanks both halves of a wide character about to be cut in two.
func (s *Screen) clearWide(y, x int) {
	r := s.cells()[y]
	switch {
	case r[x].w == 0 && x > 0:
		r[x-1] = blank
		r[x] = blank
	case r[x].w == 2 && x+1 < s.w:
		r[x+1] = blank
	}
}

func (s *Screen) eraseLine(y, from, to int) {
	r := s.cells()[y]
	from, to = clamp(from, 0, s.w), clamp(to, 0, s.w)
	if from < to {
		s.clearWide(y, from)
		if to < s.w {
			s.clearWide(y, to)
		}
	}
	for x := from; x < to; x++ {
		r[x] = blank
	}
}

func (s *Screen) lineFeed() {
	s.pending = false
	switch {
	case s.y == s.bot:
		s.scrollUp(s.top, s.bot, 1)
	case s.y < s.h-1:
		s.y++
	}
}

func (s *Screen) reverseIndex() {
	s.pending = false
	if s.y == s.top {
		s.scrollDown(s.top, s.bot, 1)
	} else if s.y > 0 {
		s.y--
	}
}

// scrollUp moves lines top..bot up by n, blanking the bottom ones.
func (s *Screen) scrollUp(top, bot, n int) {
	g := s.cells()
	n = min(n, bot-top+1)
	copy(g[top:bot+1], g[top+n:bot+1])
	for y := bot - n + 1; y <= bot; y++ {
		g[y] = row(s.w)
	}
}

// scrollDown moves lines top..bot down by n, blanking the top ones.
func (s *Screen) scrollDown(top, bot, n int) {
	g := s.cells()
	n = min(n, bot-top+1)
	copy(g[top+n:bot+1], g[top:bot+1-n])
	for y := top; y < top+n; y++ {
		g[y] = row(s.w)
	}
}

func parseParams(s string) []int {
	if s == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ':' })
	out := make([]int, 0, len(parts))
	for _, p := range parts {
		v, _ := strconv.Atoi(p)
		out = append(out, v)
	}
	return out
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
