package inputguard

import (
	"bytes"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

// FuzzReader checks, for any input read in any pieces, that
//
//   - the output does not depend on how the input was split into reads;
//   - ansi.DecodeSequence does not panic on the output, read from any
//     ESC, CSI or DCS byte on, and no parameter list in it has more than
//     MaxSeparators separators;
//   - Bubble Tea's decoder (ultraviolet's terminal reader) does not panic
//     on the output and never collects a paste over MaxPaste;
//   - input with no ESC, CSI or DCS byte passes through unchanged.
//
// Run it with: go test -run '^$' -fuzz FuzzReader -fuzztime 5m ./inputguard/
func FuzzReader(f *testing.F) {
	seeds := []string{
		"hello 你好",
		"\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;1m",
		"\x1b[200~" + strings.Repeat("x", 100) + "\x1b[201~",
		"\x1b[200~a\x1b[31mb\x1b]0;t\x07c\x1b[201~",
		"\x9b" + strings.Repeat(";", 40) + "1m",
		"些" + strings.Repeat(";", 40) + "1",
		"\x1bP" + strings.Repeat(";", 40) + "1q",
		"\x1b]11;rgb:0/0/0\x07\x1b[<0;10;20M\x1b[?62;1;2c",
		"\x1b[200;5~a\x1b[2\x1b[201~b",
		"\x1b]" + strings.Repeat("q", 100) + "\x1b\\",
		"\x1b[0;0;97;1;0;1_\x1b[0;0;98;0;0;1_",
	}
	for _, s := range seeds {
		f.Add([]byte(s), []byte{1, 3, 7})
	}
	lim := Limits{MaxPaste: 64, MaxString: 32}
	f.Fuzz(func(t *testing.T, in, splits []byte) {
		if len(in) > 8<<10 {
			in = in[:8<<10]
		}
		whole := filterAll(t, lim, string(in))

		var chunks []string
		for rest, i := in, 0; len(rest) > 0; i++ {
			n := 1
			if len(splits) > 0 {
				n = 1 + int(splits[i%len(splits)])%32
			}
			n = min(n, len(rest))
			chunks, rest = append(chunks, string(rest[:n])), rest[n:]
		}
		if split := filterAll(t, lim, chunks...); split != whole {
			t.Fatalf("the output depends on the reads:\n whole %q\n split %q", whole, split)
		}

		out := []byte(whole)
		if err := decodeAll(out); err != nil {
			t.Fatal(err)
		}
		checkSeparators(t, out)
		for _, ev := range decode(t, out) {
			if p, ok := ev.(uv.PasteEvent); ok && len(p.Content) > lim.MaxPaste {
				t.Fatalf("the decoder got a paste of %d bytes", len(p.Content))
			}
		}
		plain := bytes.IndexByte(in, esc) < 0 && bytes.IndexByte(in, c1CSI) < 0 && bytes.IndexByte(in, c1DCS) < 0
		if plain && whole != string(in) {
			t.Fatalf("plain input changed:\n in  %q\n out %q", in, whole)
		}
	})
}

// checkSeparators fails if a parameter list in b, after any introducer,
// has more than MaxSeparators separators.
func checkSeparators(t *testing.T, b []byte) {
	t.Helper()
	for i, c := range b {
		if !(c == c1CSI || c == c1DCS || i > 0 && b[i-1] == esc && (c == '[' || c == 'P')) {
			continue
		}
		n := 0
		for _, d := range b[i+1:] {
			if d < 0x30 || d > 0x3f {
				break
			}
			if d == ';' || d == ':' {
				n++
			}
		}
		if n > MaxSeparators {
			t.Fatalf("%d separators at %d: %q", n, i, b)
		}
	}
}
