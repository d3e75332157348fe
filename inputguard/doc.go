// Package inputguard filters a terminal's input stream before Bubble Tea
// decodes it, so that what a client types or pastes cannot crash the
// decoder or make it buffer without bound.
//
// It exists because of three faults in the decoder Bubble Tea v2 uses
// (charmbracelet/ultraviolet on charmbracelet/x/ansi up to v0.11.9), all
// reached from input alone (x/ansi v0.11.10, which citydiff now requires,
// fixes the first; the filter stays as a second line against it):
//
//   - ansi.DecodeSequence writes a control sequence's parameters into a
//     32-entry array without a bounds check. ESC [ followed by 32 ';' and
//     a digit (36 bytes) panics in the input goroutine, where no recover
//     reaches: the whole process exits. The decoder runs it over every byte
//     it has not yet turned into events, from any ESC [, ESC P or raw C1
//     CSI (0x9b) or DCS (0x90) byte on.
//   - A bracketed paste (ESC [ 200 ~ … ESC [ 201 ~) is collected in memory
//     until its end marker; a paste that never ends grows without limit.
//   - Input the decoder cannot finish (an unknown or cut-off sequence, an
//     unterminated OSC string, even ESC followed by a letter) holds up
//     decoding until 50 ms pass with no input; a client that keeps sending
//     keeps the undecoded buffer growing, and each read rescans all of it.
//
// A Reader passes input through unchanged except for four things:
//
//  1. Parameter lists are capped at MaxSeparators separators
//     (MaxDCSSeparators in a DCS). The cap is
//     applied to the stream as the decoder will see it (the bytes passed
//     on, not the bytes received), after every possible introducer: ESC [
//     and ESC P, and any 0x9b or 0x90 byte, even inside a UTF-8 character,
//     since the decoder may resynchronise there. Nothing a terminal sends
//     has more than a handful of parameters.
//  2. A bracketed paste is re-framed: its text (printable characters,
//     valid UTF-8, tab and newlines) is passed on, everything else inside
//     it (escape sequences, other control characters) is dropped, and the
//     end marker is the Reader's own. A paste longer than Limits.MaxPaste
//     is cut there: the Reader ends it and drops the rest of it. Since
//     nothing inside a paste can end it early, the decoder never collects
//     more than MaxPaste bytes of paste.
//  3. The data of an OSC, DCS, APC, PM or SOS string is capped at
//     Limits.MaxString bytes; the rest is dropped up to its terminator.
//  4. With Limits.Burst set, after that many bytes passed on without a
//     pause the Reader pauses for Limits.Pause (longer than the decoder's
//     50 ms escape timeout), so the decoder has flushed whatever it was
//     holding before more arrives. This bounds its undecoded buffer to
//     about one burst however the client interleaves its input. Typing,
//     mouse reports and a paste up to MaxPaste are never paced.
//
// The Reader keeps its state across reads, so a sequence split over any
// number of reads is treated as if it came whole. It holds nothing back
// but the start of a UTF-8 character whose rest has not arrived, so a
// lone ESC (the Escape key) reaches the decoder at once.
//
// File wraps a terminal *os.File the same way, keeping its descriptor so
// that Bubble Tea still puts the terminal in raw mode and can cancel reads.
package inputguard
