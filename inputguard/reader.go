package inputguard

import (
	"io"
	"os"
	"time"
	"unicode/utf8"
)

// Defaults of Limits.
const (
	DefaultMaxPaste  = 64 << 10
	DefaultMaxString = 4 << 10
	DefaultBurst     = 2 * DefaultMaxPaste
	DefaultPause     = 100 * time.Millisecond
)

// Limits configure a Reader. Zero values take the defaults; Burst is off
// unless set (NewSessionLimits sets it).
type Limits struct {
	MaxPaste  int           // bytes of text one bracketed paste passes on
	MaxString int           // data bytes of one OSC, DCS, APC, PM or SOS string
	Burst     int           // bytes passed on before a pause; 0: never pause
	Pause     time.Duration // the pause; it must exceed the decoder's 50 ms escape timeout
}

// SessionLimits are the limits for a network session: the defaults with
// pacing on.
func SessionLimits() Limits {
	return Limits{Burst: DefaultBurst}
}

func (l Limits) withDefaults() Limits {
	if l.MaxPaste <= 0 {
		l.MaxPaste = DefaultMaxPaste
	}
	if l.MaxString <= 0 {
		l.MaxString = DefaultMaxString
	}
	if l.Burst < 0 {
		l.Burst = 0
	}
	if l.Pause <= 0 {
		l.Pause = DefaultPause
	}
	return l
}

// readSize bounds each read from the source; reserve is left free in the
// caller's buffer for the Reader's own paste end marker, so that a read's
// output normally fits the buffer it was read for.
const (
	readSize = 4096
	reserve  = len(pasteEnd) + 2
)

// Reader filters a terminal's input (see the package comment). It is not
// safe for concurrent Reads, as no reader is; Stats may be read at any
// time.
type Reader struct {
	src   io.Reader
	f     filter
	stats Stats
	buf   []byte
	out   []byte // filtered bytes not yet returned
	held  []byte // the start of a character cut off by the end of a read
	err   error  // the source's error, returned once out is empty

	budget int       // bytes left in this burst
	last   time.Time // when bytes were last returned
	now    func() time.Time
	sleep  func(time.Duration)
}

// NewReader filters r.
func NewReader(r io.Reader, l Limits) *Reader {
	g := &Reader{
		src:   r,
		buf:   make([]byte, readSize),
		now:   time.Now,
		sleep: time.Sleep,
	}
	g.f = filter{lim: l.withDefaults(), stats: &g.stats}
	return g
}

// Stats reports what the Reader has changed so far.
func (r *Reader) Stats() *Stats { return &r.stats }

// Read reads filtered input. It may return 0 bytes and no error when
// everything read was dropped: it does not read again, so that a caller
// who cancels reads by watching the file descriptor (as Bubble Tea does on
// a terminal) is never left blocked in a read it did not ask for.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(r.out) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		// r.out is empty: its bytes may be reused. The character cut off
		// at the end of the last read comes first.
		r.f.out, r.f.marks = append(r.f.out[:0], r.held...), r.f.marks[:0]
		r.held = r.held[:0]
		n, err := r.src.Read(r.buf[:max(1, min(len(r.buf), len(p)-reserve))])
		r.f.feed(r.buf[:n])
		r.out = r.f.out
		if err != nil {
			r.f.eof()
			r.out, r.err = r.f.out, err
		} else if h := cutTail(r.out); h > 0 {
			// Held for the next read, so that a pause (or a late read)
			// cannot leave the decoder half a character, which it drops.
			r.held = append(r.held, r.out[len(r.out)-h:]...)
			r.out = r.out[:len(r.out)-h]
		}
		if len(r.out) == 0 {
			return 0, r.err
		}
	}
	n := min(len(p), len(r.out))
	if lim := r.f.lim; lim.Burst > 0 {
		now := r.now()
		if now.Sub(r.last) >= lim.Pause {
			r.budget = lim.Burst
		}
		if r.budget <= 0 {
			r.sleep(lim.Pause)
			r.stats.Pauses.Add(1)
			r.budget, now = lim.Burst, r.now()
		}
		n = min(n, r.budget)
	}
	n = r.whole(n, len(p))
	if r.f.lim.Burst > 0 {
		r.budget -= n
		r.last = r.now()
	}
	copy(p, r.out[:n])
	r.out = r.out[n:]
	r.shiftMarks(n)
	return n, nil
}

// whole moves a cut at n out of any end marker of the Reader's own and out
// of a UTF-8 character. A marker split over two reads could reach the
// decoder late enough for it to give up on the first half, and the paste
// would not end; a character split by a pause would be dropped.
func (r *Reader) whole(n, room int) int {
	for _, m := range r.f.marks {
		if m[0] < n && n < m[1] {
			if m[0] > 0 {
				return m[0]
			}
			return min(m[1], room)
		}
	}
	if n >= len(r.out) || r.out[n]&0xc0 != 0x80 {
		return n // a character starts at n (or nothing follows)
	}
	for k := n - 1; k >= 0 && k > n-utf8.UTFMax; k-- {
		if r.out[k]&0xc0 != 0x80 {
			if k > 0 {
				return k
			}
			// The cut is inside the first character: take all of it.
			_, size := utf8.DecodeRune(r.out)
			return max(n, min(size, room))
		}
	}
	return n
}

// cutTail is the length of the incomplete UTF-8 character that b ends
// with, or 0.
func cutTail(b []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
		c := b[len(b)-k]
		if c&0xc0 == 0x80 {
			continue // a continuation byte: look further back
		}
		if c >= 0xc2 && c <= 0xf4 && !utf8.FullRune(b[len(b)-k:]) {
			return k
		}
		return 0
	}
	return 0
}

func (r *Reader) shiftMarks(n int) {
	marks := r.f.marks[:0]
	for _, m := range r.f.marks {
		if m[1] > n {
			marks = append(marks, [2]int{max(0, m[0]-n), m[1] - n})
		}
	}
	r.f.marks = marks
}

// File is a terminal (or other) file whose reads go through a Reader. Its
// descriptor, name, writes and Close are the file's, so Bubble Tea still
// puts a terminal in raw mode and cancels reads by watching the
// descriptor. Pacing is off: a File is read only when its descriptor is
// readable, so output held back for later would wait for the next key.
type File struct {
	*os.File
	r *Reader
}

// NewFile filters reads of f.
func NewFile(f *os.File, l Limits) *File {
	l.Burst = 0
	return &File{File: f, r: NewReader(f, l)}
}

// Read reads filtered input.
func (f *File) Read(p []byte) (int, error) { return f.r.Read(p) }

// WriteTo copies filtered input to w; without it io.Copy would use the
// file's own and read around the filter.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	return io.Copy(w, struct{ io.Reader }{f.r})
}

// Stats reports what the filter has changed so far.
func (f *File) Stats() *Stats { return f.r.Stats() }
