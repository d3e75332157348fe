package inputguard

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
)

// filterAll runs in through a Reader, one chunk per read of the source.
func filterAll(t testing.TB, l Limits, chunks ...string) string {
	t.Helper()
	var src chunkReader
	for _, c := range chunks {
		src.chunks = append(src.chunks, []byte(c))
	}
	out, err := io.ReadAll(NewReader(&src, l))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// chunkReader returns its chunks one per Read.
type chunkReader struct{ chunks [][]byte }

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	if c.chunks[0] = c.chunks[0][n:]; len(c.chunks[0]) == 0 {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}

// bytewise splits s into one-byte chunks.
func bytewise(s string) []string {
	out := make([]string, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = s[i : i+1]
	}
	return out
}

func seps(n int) string { return strings.Repeat(";", n) }

var small = Limits{MaxPaste: 16, MaxString: 8}

func TestFilter(t *testing.T) {
	max := seps(MaxSeparators)
	tests := []struct {
		name    string
		lim     Limits
		in, out string
	}{
		// Passed through unchanged.
		{"text", small, "hello 你好 ;;;", "hello 你好 ;;;"},
		{"keys", small, "\r\t\x7f\x1b[A\x1bOP\x1b[3~\x1b[1;5C\x1b\x1ba\x03", "\r\t\x7f\x1b[A\x1bOP\x1b[3~\x1b[1;5C\x1b\x1ba\x03"},
		{"mouse and replies", Limits{}, "\x1b[<0;10;20M\x1b[?62;1;2;6;9;15;18;21;22c\x1b]11;rgb:0/0/0\x07\x1bP>|xterm\x1b\\",
			"\x1b[<0;10;20M\x1b[?62;1;2;6;9;15;18;21;22c\x1b]11;rgb:0/0/0\x07\x1bP>|xterm\x1b\\"},
		{"32 parameters", small, "\x1b[" + max + "1m", "\x1b[" + max + "1m"},
		{"a short paste", small, "\x1b[200~abc\r\n你好\x1b[201~x", "\x1b[200~abc\r\n你好\x1b[201~x"},
		{"invalid UTF-8 outside a paste", small, "a\xff\xc3(b", "a\xff\xc3(b"},

		// Parameter lists.
		{"issue 14: 33 parameters", small, "\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;1m", "\x1b[" + max + "1m"},
		{"many parameters", small, "\x1b[" + strings.Repeat("1;", 100) + "2m", "\x1b[" + strings.Repeat("1;", MaxSeparators) + strings.Repeat("1", 100-MaxSeparators) + "2m"},
		{"sub-parameters", small, "\x1b[1" + strings.Repeat(":", 40) + "2u", "\x1b[1" + strings.Repeat(":", MaxSeparators) + "2u"},
		{"after a private prefix", small, "\x1b[?" + seps(40) + "1h", "\x1b[?" + max + "1h"},
		{"DCS", Limits{}, "\x1bP" + seps(40) + "1q", "\x1bP" + seps(MaxDCSSeparators) + "1q"},
		{"8-bit CSI", small, "\x9b" + seps(40) + "1m", "\x9b" + max + "1m"},
		{"8-bit DCS", Limits{}, "\x90" + seps(40) + "1q", "\x90" + seps(MaxDCSSeparators) + "1q"},
		{"0x9b inside a character", small, "些" + seps(40) + "1", "些" + max + "1"},
		{"two lists", small, "\x1b[" + seps(40) + "m\x1b[" + seps(40) + "m", "\x1b[" + max + "m\x1b[" + max + "m"},
		{"ESC ESC [", small, "\x1b\x1b[" + seps(40) + "m", "\x1b\x1b[" + max + "m"},
		{"a list resumed after ESC", small, "\x1b[;;\x1b[" + seps(40) + "m", "\x1b[;;\x1b[" + max + "m"},
		{"semicolons in text", small, seps(40) + "[" + seps(40), seps(40) + "[" + seps(40)},

		// Pastes.
		{"escapes inside a paste are dropped", small, "\x1b[200~a\x1b[31mb\x1b]0;t\x07c\x1bPq\x1b\\d\x01\x1b[201~",
			"\x1b[200~abcd\x1b[201~"},
		{"a long paste is cut", small, "\x1b[200~0123456789abcdefghij\x1b[201~x", "\x1b[200~0123456789abcdef\x1b[201~x"},
		{"a cut paste drops to its end", small, "\x1b[200~0123456789abcdefghij\x1b[31m\x1b[201~\x1b[A", "\x1b[200~0123456789abcdef\x1b[201~\x1b[A"},
		{"a paste never ends", small, "\x1b[200~" + strings.Repeat("x", 1000) + "\x1b[A", "\x1b[200~" + strings.Repeat("x", 16) + "\x1b[201~"},
		{"a character is not split", small, "\x1b[200~0123456789abcd你好\x1b[201~", "\x1b[200~0123456789abcd\x1b[201~"},
		{"invalid UTF-8 inside a paste", small, "\x1b[200~a\xffb\xe4\xbdc\xc0\x80\x1b[201~", "\x1b[200~abc\x1b[201~"},
		{"start with more parameters", small, "\x1b[200;5~a\x1b[Ab\x1b[201~", "\x1b[200;5~ab\x1b[201~"},
		{"start with leading zeros", small, "\x1b[00200~a\x1b[Ab\x1b[201~", "\x1b[00200~ab\x1b[201~"},
		{"8-bit start", small, "\x9b200~a\x1b[Ab\x1b[201~", "\x9b200~ab\x1b[201~"},
		{"end with a sub-parameter", small, "\x1b[200~ab\x1b[201:1~c", "\x1b[200~ab\x1b[201~c"},
		{"private 200 is no paste", small, "\x1b[?200~\x1b[A", "\x1b[?200~\x1b[A"},
		{"an end inside the paste's escape", small, "\x1b[200~a\x1b[2\x1b[201~b", "\x1b[200~a\x1b[201~b"},
		{"an end after a string", small, "\x1b[200~a\x1b]52;c;\x1b[201~b", "\x1b[200~a\x1b[201~b"},
		{"a start inside a paste", small, "\x1b[200~a\x1b[200~b\x1b[201~c", "\x1b[200~ab\x1b[201~c"},
		{"two pastes", small, "\x1b[200~ab\x1b[201~\x1b[200~cd\x1b[201~", "\x1b[200~ab\x1b[201~\x1b[200~cd\x1b[201~"},

		// Strings.
		{"a long OSC", small, "\x1b]0;abcdefghijkl\x07x", "\x1b]0;abcdef\x07x"},
		{"a long DCS", small, "\x1bPqabcdefghijkl\x1b\\x", "\x1bPqabcdefg\x1b\\x"},
		{"a long APC", small, "\x1b_Gabcdefghijkl\x1b\\x", "\x1b_Gabcdefg\x1b\\x"},
		{"an OSC never ends", small, "\x1b]" + strings.Repeat("q", 100), "\x1b]qqqqqqqq"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := filterAll(t, tt.lim, tt.in); got != tt.out {
				t.Errorf("\n in  %q\n got %q\nwant %q", tt.in, got, tt.out)
			}
			if got := filterAll(t, tt.lim, bytewise(tt.in)...); got != tt.out {
				t.Errorf("one byte per read:\n in  %q\n got %q\nwant %q", tt.in, got, tt.out)
			}
			mustDecode(t, []byte(tt.out))
		})
	}
}

// TestDecoderCrashes checks that the harness below catches the decoder's
// crash: without the filter, issue 14's 36 bytes panic it.
func TestDecoderCrashes(t *testing.T) {
	in := []byte("\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;1m")
	if err := decodeAll(in); err == nil {
		t.Skip("ansi.DecodeSequence no longer panics on 33 parameters (fixed upstream); the filter stays as a second line")
	}
	if err := decodeAll([]byte(filterAll(t, Limits{}, string(in)))); err != nil {
		t.Fatalf("filtered: %v", err)
	}
}

// TestDecoderSeesBoundedPastes runs the real decoder over filtered input:
// a paste that never ends, one hidden behind escapes, and one with an end
// marker split over reads.
func TestDecoderSeesBoundedPastes(t *testing.T) {
	huge := strings.Repeat("粘贴", 300_000) // 1.8 MB
	for _, in := range [][]string{
		{"\x1b[200~" + huge},
		{"\x1b[200~", huge[:1000], "\x1b[2", "01~", huge},
		{"\x1b[200~a\x1b]0;\x1b[201~", huge, "\x1b[201~"},
	} {
		out := filterAll(t, Limits{}, in...)
		for _, ev := range decode(t, []byte(out)) {
			if p, ok := ev.(uv.PasteEvent); ok && len(p.Content) > DefaultMaxPaste {
				t.Errorf("the decoder got a paste of %d bytes", len(p.Content))
			}
		}
	}
}

func TestReaderPaces(t *testing.T) {
	src := strings.Repeat("a", 10_000)
	var slept []time.Duration
	clock := time.Unix(0, 0)
	r := NewReader(strings.NewReader(src), Limits{Burst: 1000, Pause: 100 * time.Millisecond})
	r.now = func() time.Time { return clock }
	r.sleep = func(d time.Duration) { slept = append(slept, d); clock = clock.Add(d) }
	got, err := io.ReadAll(r)
	if err != nil || string(got) != src {
		t.Fatalf("read %d bytes, err %v", len(got), err)
	}
	if len(slept) != 9 || r.Stats().Pauses.Load() != 9 {
		t.Errorf("paused %d times (stats %d), want 9", len(slept), r.Stats().Pauses.Load())
	}
	// A pause never splits a character: the decoder would drop its halves.
	cjk := strings.Repeat("你好", 2000)
	r = NewReader(strings.NewReader(cjk), Limits{Burst: 1000, Pause: 100 * time.Millisecond})
	r.sleep = func(time.Duration) {}
	buf := make([]byte, 4096)
	var all []byte
	for {
		n, err := r.Read(buf)
		if !utf8.Valid(buf[:n]) {
			t.Fatalf("a read of %d bytes splits a character", n)
		}
		all = append(all, buf[:n]...)
		if err != nil {
			break
		}
	}
	if string(all) != cjk {
		t.Errorf("read %d bytes of %d", len(all), len(cjk))
	}
	// A pause of the client's own resets the burst.
	slept = nil
	r = NewReader(iotest.OneByteReader(strings.NewReader(src[:3000])), Limits{Burst: 1000, Pause: 100 * time.Millisecond})
	r.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	r.sleep = func(d time.Duration) { slept = append(slept, d) }
	if _, err := io.ReadAll(r); err != nil || len(slept) != 0 {
		t.Errorf("a slow client was paused %d times (err %v)", len(slept), err)
	}
}

// TestReaderKeepsMarkersWhole: the Reader's own end marker is never split
// over two reads, even into a small buffer.
func TestReaderKeepsMarkersWhole(t *testing.T) {
	in := "\x1b[200~" + strings.Repeat("x", 40) + "\x1b[201~"
	want := "\x1b[200~" + strings.Repeat("x", 16) + pasteEnd
	for size := len(pasteEnd); size < 60; size++ {
		lim := small
		bufSize := size
		if size >= 30 { // paced: the burst ends at every place in turn
			lim.Burst, lim.Pause, bufSize = size-29, time.Millisecond, 4096
		}
		r := NewReader(strings.NewReader(in), lim)
		r.sleep = func(time.Duration) {}
		buf := make([]byte, bufSize)
		var out []byte
		var cuts []int
		for {
			n, err := r.Read(buf)
			out = append(out, buf[:n]...)
			cuts = append(cuts, len(out))
			if err != nil {
				break
			}
		}
		if string(out) != want {
			t.Fatalf("buffer %d: %q", size, out)
		}
		end := len(want) - len(pasteEnd)
		for _, c := range cuts {
			if c > end && c < len(want) {
				t.Errorf("buffer %d: a read ended inside the end marker, at %d", size, c)
			}
		}
	}
}

func TestReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	r := NewReader(io.MultiReader(strings.NewReader("ab"), iotest.ErrReader(boom)), Limits{})
	got, err := io.ReadAll(r)
	if string(got) != "ab" || !errors.Is(err, boom) {
		t.Errorf("got %q, %v", got, err)
	}
	if n, err := r.Read(make([]byte, 8)); n != 0 || !errors.Is(err, boom) {
		t.Errorf("after the error: %d, %v", n, err)
	}
}

func TestStats(t *testing.T) {
	r := NewReader(strings.NewReader("\x1b["+seps(40)+"m\x1b]"+strings.Repeat("s", 10)+"\x07\x1b[200~"+strings.Repeat("p", 20)+"\x1b[201~"), small)
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	s := r.Stats()
	if s.Separators.Load() != 40-MaxSeparators || s.StringBytes.Load() != 2 || s.PastesCut.Load() != 1 || s.PasteBytes.Load() != 4 {
		t.Errorf("stats: separators %d, string bytes %d, pastes cut %d, paste bytes %d",
			s.Separators.Load(), s.StringBytes.Load(), s.PastesCut.Load(), s.PasteBytes.Load())
	}
}

// mustDecode fails the test if the decoder panics on b, read from any
// byte on where it might start.
func mustDecode(t testing.TB, b []byte) {
	t.Helper()
	if err := decodeAll(b); err != nil {
		t.Fatal(err)
	}
}

// decodeAll runs ansi.DecodeSequence, as ultraviolet runs it over its
// buffer, from the start of b and from every ESC, CSI and DCS byte, and
// returns its panic as an error.
func decodeAll(b []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("ansi.DecodeSequence panicked: " + toString(r))
		}
	}()
	p := new(ansi.Parser)
	p.SetParamsSize(parser.MaxParamsSize)
	p.SetDataSize(256)
	run := func(b []byte) {
		var state byte
		for len(b) > 0 {
			_, _, n, st := ansi.DecodeSequence(b, state, p)
			state, b = st, b[max(n, 1):]
		}
	}
	run(b)
	for i, c := range b {
		if c == esc || c == c1CSI || c == c1DCS {
			run(b[i:])
		}
	}
	return nil
}

func toString(r any) string {
	if e, ok := r.(error); ok {
		return e.Error()
	}
	if s, ok := r.(string); ok {
		return s
	}
	return "panic"
}

// decode runs ultraviolet's terminal reader, as Bubble Tea runs it, over
// b and returns the events.
func decode(t testing.TB, b []byte) []uv.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	events := make(chan uv.Event)
	done := make(chan error, 1)
	go func() {
		defer close(events)
		defer func() {
			if r := recover(); r != nil {
				done <- errors.New("the decoder panicked: " + toString(r))
			}
		}()
		done <- uv.NewTerminalReader(bytes.NewReader(b), "xterm-256color").StreamEvents(ctx, events)
	}()
	var out []uv.Event
	for ev := range events {
		out = append(out, ev)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return out
}
