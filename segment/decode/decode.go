// Package decode turns the bytes of a user's document into text that the rest
// of citydiff can segment and compare.
//
// Local-government policy documents reach us in whatever form their authors
// saved them: UTF-8 (with or without a byte-order mark), UTF-16 exported by
// Windows tools, GB18030/GBK from older Chinese software, HTML pages saved from
// a government website, Word .docx files, or Markdown (local regulations as
// LawRefBook publishes them). Decode recognises these from the content (the
// file name is often wrong) and returns plain UTF-8 text. The one use of the
// name is Markdown: it is plain text whose syntax a file need not show at the
// top, so an .md or .markdown name says Markdown too (unless the content is
// HTML or .docx). Anything it cannot decode with confidence is refused with
// an *Error naming the file and the problem, instead of being turned into
// mojibake that would then be diffed as if it were real text.
//
// Plain-text input is returned exactly as written apart from two changes: a
// leading byte-order mark is removed and line endings (CRLF, CR) become "\n".
// Nothing else is stripped or normalised, because offsets computed later refer
// to this text. Markdown is plain text too: its syntax stays in the text, and
// segment reads around it (segment/markdown). HTML and .docx are containers, so their text is extracted: for
// HTML the visible text, one line per block element, with whitespace collapsed
// as a browser would; for .docx one line per paragraph.
//
// All paths run in time linear in the input size, so a 50 MB file or a single
// line of a million characters is fine. Size itself is bounded: a file
// larger than the limit (DefaultLimit unless the caller sets another) is
// refused, and a .docx is decompressed as a stream against the same limit,
// so a zip bomb costs at most that much work and memory before it is
// refused.
package decode

import (
	"errors"
	"fmt"
	"strings"
)

// DefaultLimit is the largest input, in bytes, that Decode accepts, and the
// most a .docx may expand to. Policy documents are far smaller (the largest
// regulation in LawRefBook/Laws is under 1 MB); the limit is there so that
// a wrong file or a crafted one cannot exhaust memory.
const DefaultLimit = 64 << 20

// ErrTooLarge is wrapped by the *Error for input past the size limit, so
// that a caller can say how to raise it.
var ErrTooLarge = errors.New("larger than the input size limit")

// SizeString writes a byte count as MB (2^20 bytes), as limits are given.
func SizeString(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Format names what a file was decoded from: "utf-8", "utf-8-bom",
// "utf-16le", "utf-16be", "gb18030", "html", "docx", "markdown".
type Format string

// The formats Decode recognises.
const (
	FormatUTF8    Format = "utf-8"
	FormatUTF8BOM Format = "utf-8-bom"
	FormatUTF16LE Format = "utf-16le"
	FormatUTF16BE Format = "utf-16be"
	FormatGB18030 Format = "gb18030"
	FormatHTML    Format = "html"
	FormatDOCX    Format = "docx"
	// FormatMarkdown is Markdown text in any of the text encodings (Charset
	// says which).
	FormatMarkdown Format = "markdown"
)

// Result is a decoded document.
type Result struct {
	// Text is the decoded text: valid UTF-8, BOM removed, line endings
	// normalised to "\n" (CRLF and CR become "\n").
	Text string
	// Format is the encoding or container detected.
	Format Format
	// Charset is, for HTML, the character encoding the page was decoded
	// from ("utf-8", "gbk", "gb18030", "utf-16le", ...), for Markdown the
	// text format it was read as ("utf-8", "utf-8-bom", "gb18030", ...);
	// empty otherwise.
	Charset string
	// NotesAt is the byte offset in Text where a .docx's footnotes start
	// (after the body, one line each: "[1] …"), or -1 when there are none.
	NotesAt int
}

// Error is returned for input that cannot be decoded; its message names the
// file and the problem, e.g.
// `report.pdf: binary file (found NUL bytes), not a text, HTML or .docx document`.
type Error struct {
	Name    string // the file name given to Decode
	Problem string // what is wrong with its content
	Err     error  // ErrTooLarge for input past the size limit, else nil
}

func (e *Error) Error() string { return e.Name + ": " + e.Problem }

// Unwrap returns ErrTooLarge for input past the size limit.
func (e *Error) Unwrap() error { return e.Err }

// Decode decodes data read from the file called name, with DefaultLimit.
// The name is used in error messages and, by its extension, to take text as
// Markdown; never to guess an encoding or a container. Errors are always
// *Error.
func Decode(name string, data []byte) (Result, error) {
	return DecodeLimit(name, data, DefaultLimit)
}

// DecodeLimit is Decode with a size limit in bytes: data longer than limit,
// or a .docx whose text parts expand past it, is refused with an *Error
// wrapping ErrTooLarge. limit <= 0 means DefaultLimit.
func DecodeLimit(name string, data []byte, limit int64) (Result, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	res, err := decode(data, limit)
	if err != nil {
		e := &Error{Name: name, Problem: err.Error()}
		if errors.Is(err, ErrTooLarge) {
			e.Err = ErrTooLarge
		}
		return Result{}, e
	}
	if res.Format != FormatHTML && res.Format != FormatDOCX && (markdownName(name) || looksMarkdown(res.Text)) {
		res.Charset, res.Format = string(res.Format), FormatMarkdown
	}
	if res.NotesAt >= 0 {
		// The body ends in "\n", so no CRLF straddles the cut.
		body := normalizeNewlines(res.Text[:res.NotesAt])
		res.Text, res.NotesAt = body+normalizeNewlines(res.Text[res.NotesAt:]), len(body)
	} else {
		res.Text = normalizeNewlines(res.Text)
	}
	return res, nil
}

func decode(data []byte, limit int64) (Result, error) {
	res := Result{NotesAt: -1}
	if len(data) == 0 {
		return res, errors.New("empty file")
	}
	if int64(len(data)) > limit {
		return res, fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, SizeString(int64(len(data))), SizeString(limit))
	}
	if isZip(data) {
		text, notesAt, err := docxText(data, limit)
		return Result{Text: text, Format: FormatDOCX, NotesAt: notesAt}, err
	}
	if err := checkKnownBinary(data); err != nil {
		return res, err
	}
	text, format, charset, err := decodeText(data)
	if err != nil {
		return res, err
	}
	if looksHTML(text) {
		return Result{Text: htmlText(text), Format: FormatHTML, Charset: charset, NotesAt: -1}, nil
	}
	return Result{Text: text, Format: format, NotesAt: -1}, nil
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '\r')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
	}
}

// hasPrefix reports whether b starts with the string p.
func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}
