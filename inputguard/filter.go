package inputguard

import (
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi/parser"
)

// MaxSeparators is the most ';' or ':' separators a control sequence's
// parameter list keeps: 32 parameters, the size of the decoders' arrays.
// A DCS keeps MaxDCSSeparators: ultraviolet reads only 16 parameters of a
// DCS, and the rest of a longer one would reach the viewer as keys.
const (
	MaxSeparators    = parser.MaxParamsSize - 1
	MaxDCSSeparators = 15
)

const (
	esc   = 0x1b
	bel   = 0x07
	can   = 0x18
	sub   = 0x1a
	c1CSI = 0x9b
	c1DCS = 0x90
)

// pasteEnd is the end marker of a bracketed paste.
const pasteEnd = "\x1b[201~"

// Stats counts what a Reader changed. The fields are updated while the
// Reader runs and may be read from any goroutine.
type Stats struct {
	Separators  atomic.Int64 // parameter separators dropped
	StringBytes atomic.Int64 // string data bytes dropped
	PastesCut   atomic.Int64 // pastes ended at MaxPaste
	PasteBytes  atomic.Int64 // paste text dropped: over MaxPaste, control bytes, invalid UTF-8
	Pauses      atomic.Int64 // pauses after a burst
}

// filter is the Reader's state machine, without I/O: bytes in, bytes out.
// It keeps three views of the stream:
//
//   - seen follows the bytes passed on, as the decoder will read them, to
//     cap parameter lists and to notice a paste starting;
//   - str follows the bytes received, to cap string data;
//   - paste parses the bytes received while a paste is open.
type filter struct {
	lim   Limits
	stats *Stats

	seen shadow

	str  strState
	strN int

	inPaste bool
	paste   pasteParser

	out   []byte
	marks [][2]int // spans of out holding the Reader's own end markers
}

// feed filters in, appending to f.out.
func (f *filter) feed(in []byte) {
	for _, b := range in {
		f.byte(b)
	}
}

// eof ends the input: an incomplete character of a paste is dropped.
func (f *filter) eof() {
	if f.inPaste && f.paste.rn > 0 {
		f.stats.PasteBytes.Add(int64(f.paste.rn))
		f.paste.rn = 0
	}
}

func (f *filter) byte(b byte) {
	if f.inPaste {
		f.pasteByte(b)
		return
	}
	if !f.strAllow(b) {
		f.stats.StringBytes.Add(1)
		return
	}
	f.emit(b)
}

// emit passes b on unless it would overfill a parameter list.
func (f *filter) emit(b byte) bool {
	if !f.seen.allow(b) {
		f.stats.Separators.Add(1)
		return false
	}
	f.out = append(f.out, b)
	if f.seen.next(b) && !f.inPaste {
		f.inPaste, f.paste = true, pasteParser{}
	}
	return true
}

// endMarker passes on the Reader's own paste end marker.
func (f *filter) endMarker() {
	start := len(f.out)
	for i := 0; i < len(pasteEnd); i++ {
		f.emit(pasteEnd[i])
	}
	f.marks = append(f.marks, [2]int{start, len(f.out)})
}

// csiHead follows the parameters, intermediates and final byte of a
// control sequence the way ultraviolet's parseCsi reads them: parameter
// bytes (0x30–0x3F, a private prefix only as the first), then
// intermediates (0x20–0x2F), then a final byte (0x40–0x7E); anything else
// ends the sequence unfinished.
type csiHead struct {
	n         int  // parameter bytes
	prefix    bool // the first parameter byte is a private prefix (< = > ?)
	seps      int
	first     int // the first parameter, with the decoder's arithmetic
	firstDone bool
	interm    bool
}

// step takes the next byte. more reports that the sequence goes on; else
// final is its final byte, or 0 when b ended it unfinished (b is then not
// part of it).
func (h *csiHead) step(b byte) (more bool, final byte) {
	switch {
	case b >= 0x30 && b <= 0x3f && !h.interm:
		if h.n == 0 && b >= '<' {
			h.prefix = true
		}
		h.n++
		switch {
		case b >= '0' && b <= '9':
			if !h.firstDone {
				if h.first == parser.MissingParam {
					h.first = 0
				}
				h.first = h.first*10 + int(b-'0')
			}
		case b == ';' || b == ':':
			if b == ':' && !h.firstDone {
				h.first |= parser.HasMoreFlag
			}
			h.seps++
			h.firstDone = true
		}
		return true, 0
	case b >= 0x20 && b <= 0x2f:
		h.interm = true
		return true, 0
	case b >= 0x40 && b <= 0x7e:
		return false, b
	}
	return false, 0
}

// inParams reports whether the next parameter byte would be one.
func (h *csiHead) inParams() bool { return !h.interm }

// marker is the sequence's first parameter if, ended by '~', it would be a
// bracketed-paste marker (200 start, 201 end); else -1.
func (h *csiHead) marker() int {
	if h.prefix || h.interm || h.n == 0 {
		return -1
	}
	p := h.first & parser.ParamMask
	if p == parser.MissingParam {
		return 0
	}
	return p
}

// shadow follows the stream passed on. It is deliberately generous about
// where a parameter list may start: after ESC [ and ESC P, and after every
// 0x9b (CSI) or 0x90 (DCS) byte, even one inside a UTF-8 character, since
// the decoder may reach it out of step (a string it ends at a C1 ST byte
// inside a character, for one).
type shadow struct {
	esc  bool // the last byte was ESC
	in   bool // in a sequence's head
	csi  bool // the sequence is a CSI (a paste marker is one), not a DCS
	head csiHead
}

// allow reports whether b may be passed on: not a separator past
// MaxSeparators.
func (s *shadow) allow(b byte) bool {
	if !s.in || !s.head.inParams() || b != ';' && b != ':' {
		return true
	}
	if s.csi {
		return s.head.seps < MaxSeparators
	}
	return s.head.seps < MaxDCSSeparators
}

// next records b as passed on, and reports whether it completed a paste
// start marker.
func (s *shadow) next(b byte) (pasteStart bool) {
	prevEsc := s.esc
	s.esc = b == esc
	if s.in {
		more, final := s.head.step(b)
		if more {
			return false
		}
		s.in = false
		if final != 0 {
			return s.csi && final == '~' && s.head.marker() == 200
		}
		// Ended unfinished: b may introduce the next one.
	}
	if prevEsc && (b == '[' || b == 'P') || b == c1CSI || b == c1DCS {
		s.in, s.csi, s.head = true, b == '[' || b == c1CSI, csiHead{}
	}
	return false
}

// strState follows the bytes received for OSC, DCS, APC, PM and SOS
// strings introduced by ESC. A string ends at any C0 control byte: the
// terminators (BEL, ESC \) and the cancels (CAN, SUB) are among them, and
// treating every control byte as an end only makes the cap more lenient.
type strState uint8

const (
	strNone strState = iota
	strEsc
	strData
)

// strAllow reports whether b may be passed on: not string data past
// MaxString.
func (f *filter) strAllow(b byte) bool {
	switch {
	case b < 0x20:
		f.str = strNone
		if b == esc {
			f.str = strEsc
		}
		return true
	case f.str == strEsc:
		f.str = strNone
		switch b {
		case ']', 'P', '_', '^', 'X':
			f.str, f.strN = strData, 0
		}
		return true
	case f.str == strData:
		f.strN++
		return f.strN <= f.lim.MaxString
	}
	return true
}

// pasteParser reads the bytes received while a paste is open: text is
// passed on (up to MaxPaste), escape sequences and other control bytes are
// dropped, and ESC [ 201 ~ ends the paste.
type pasteParser struct {
	st   pasteState
	n    int  // text bytes passed on
	cut  bool // over MaxPaste: the end was sent, the rest is dropped
	head csiHead
	r    [utf8.UTFMax]byte // an incomplete character
	rn   int
}

type pasteState uint8

const (
	pText pasteState = iota
	pEsc
	pCSI
	pString
)

func (f *filter) pasteByte(b byte) {
	p := &f.paste
	switch p.st {
	case pText:
		if p.rn > 0 {
			if b >= 0x80 && b < 0xc0 {
				p.r[p.rn] = b
				p.rn++
				if utf8.FullRune(p.r[:p.rn]) {
					r, size := utf8.DecodeRune(p.r[:p.rn])
					if size == p.rn && (r != utf8.RuneError || size > 1) {
						f.text(p.r[:p.rn])
					} else {
						f.stats.PasteBytes.Add(int64(p.rn))
					}
					p.rn = 0
				}
				return
			}
			f.stats.PasteBytes.Add(int64(p.rn)) // not a character
			p.rn = 0
		}
		switch {
		case b == esc:
			p.st = pEsc
			return
		case b >= 0xc2 && b <= 0xf4:
			p.r[0], p.rn = b, 1
			return
		case b >= 0x20 && b < 0x7f, b == '\t', b == '\n', b == '\r':
			f.text([]byte{b})
			return
		}
		f.stats.PasteBytes.Add(1)
	case pEsc:
		switch b {
		case '[':
			p.st, p.head = pCSI, csiHead{}
		case ']', 'P', '_', '^', 'X':
			p.st = pString
		case esc:
		default:
			p.st = pText
		}
	case pCSI:
		more, final := p.head.step(b)
		if more {
			return
		}
		p.st = pText
		if final == 0 {
			f.pasteByte(b) // b ended the sequence unfinished; read it afresh
			return
		}
		if final == '~' && p.head.marker() == 201 {
			f.endPaste()
		}
	case pString:
		switch b {
		case esc:
			p.st = pEsc
		case bel, can, sub:
			p.st = pText
		}
	}
}

// text passes on text of a paste, up to MaxPaste.
func (f *filter) text(b []byte) {
	p := &f.paste
	if p.cut {
		f.stats.PasteBytes.Add(int64(len(b)))
		return
	}
	if p.n+len(b) > f.lim.MaxPaste {
		p.cut = true
		f.endMarker()
		f.stats.PastesCut.Add(1)
		f.stats.PasteBytes.Add(int64(len(b)))
		return
	}
	for _, c := range b {
		if f.emit(c) {
			p.n++
		}
	}
}

// endPaste closes the paste at its end marker.
func (f *filter) endPaste() {
	if !f.paste.cut {
		f.endMarker()
	}
	f.inPaste, f.paste = false, pasteParser{}
	f.str = strNone
}
