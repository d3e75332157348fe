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
// line of a million characters is fine.
package decode

import (
	"errors"
	"strings"
)

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
}

// Error is returned for input that cannot be decoded; its message names the
// file and the problem, e.g.
// `report.pdf: binary file (found NUL bytes), not a text, HTML or .docx document`.
type Error struct {
	Name    string // the file name given to Decode
	Problem string // what is wrong with its content
}

func (e *Error) Error() string { return e.Name + ": " + e.Problem }

// Decode decodes data read from the file called name. The name is used in
// error messages and, by its extension, to take text as Markdown; never to
// guess an encoding or a container. Errors are always *Error.
func Decode(name string, data []byte) (Result, error) {
	res, err := decode(data)
	if err != nil {
		return Result{}, &Error{Name: name, Problem: err.Error()}
	}
	if res.Format != FormatHTML && res.Format != FormatDOCX && (markdownName(name) || looksMarkdown(res.Text)) {
		res.Charset, res.Format = string(res.Format), FormatMarkdown
	}
	res.Text = normalizeNewlines(res.Text)
	return res, nil
}

func decode(data []byte) (Result, error) {
	if len(data) == 0 {
		return Result{}, errors.New("empty file")
	}
	if isZip(data) {
		text, err := docxText(data)
		return Result{Text: text, Format: FormatDOCX}, err
	}
	if err := checkKnownBinary(data); err != nil {
		return Result{}, err
	}
	text, format, charset, err := decodeText(data)
	if err != nil {
		return Result{}, err
	}
	if looksHTML(text) {
		return Result{Text: htmlText(text), Format: FormatHTML, Charset: charset}, nil
	}
	return Result{Text: text, Format: format}, nil
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
