package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const notADocument = "not a text, HTML or .docx document"

// isZip reports whether data starts with a zip signature (.docx files are zips).
func isZip(data []byte) bool {
	return hasPrefix(data, "PK\x03\x04") || hasPrefix(data, "PK\x05\x06") || hasPrefix(data, "PK\x07\x08")
}

// checkKnownBinary refuses formats users commonly mistake for documents we
// can read, with a more helpful message than "binary file".
func checkKnownBinary(data []byte) error {
	switch {
	case hasPrefix(data, "%PDF-"):
		return errors.New("PDF document, not supported: convert it to text, HTML or .docx first")
	case hasPrefix(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"):
		return errors.New("legacy Microsoft Office document (.doc, .wps, .xls), not supported: save it as .docx first")
	}
	return nil
}

// checkBinary refuses text containing NUL bytes or more than 1% other control
// characters. b is UTF-8, GB18030 or another ASCII-compatible encoding, in
// which bytes below 0x20 always stand for themselves.
func checkBinary(b []byte) error {
	if bytes.IndexByte(b, 0) >= 0 {
		return errors.New("binary file (found NUL bytes), " + notADocument)
	}
	n := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7f {
			n++
		}
	}
	if n > 0 && n*100 > len(b) {
		return fmt.Errorf("binary file (%d control characters in %d bytes), %s", n, len(b), notADocument)
	}
	return nil
}

// decodeText decodes a text or HTML file. charset is the encoding's name as
// reported for HTML pages.
func decodeText(data []byte) (text string, format Format, charset string, err error) {
	switch {
	case hasPrefix(data, "\xEF\xBB\xBF"):
		format, charset, data = FormatUTF8BOM, "utf-8", data[3:]
		if i := firstInvalidUTF8(data); i >= 0 {
			return "", "", "", fmt.Errorf("invalid UTF-8 at byte %d (after a UTF-8 byte-order mark)", i+3)
		}
		text = string(data)
	case hasPrefix(data, "\xFF\xFE"), hasPrefix(data, "\xFE\xFF"):
		format = FormatUTF16LE
		if data[0] == 0xFE {
			format = FormatUTF16BE
		}
		charset = string(format)
		if text, err = decodeUTF16(data[2:], format == FormatUTF16BE); err != nil {
			return "", "", "", err
		}
	default:
		if format, ok := sniffUTF16(data); ok {
			text, err = decodeUTF16(data, format == FormatUTF16BE)
			return text, format, string(format), err
		}
		if err := checkBinary(data); err != nil {
			return "", "", "", err
		}
		if utf8.Valid(data) {
			return string(data), FormatUTF8, "utf-8", nil
		}
		if looksHTMLBytes(data) {
			if text, charset, ok, err := decodeDeclared(data); ok || err != nil {
				return text, FormatHTML, charset, err
			}
		}
		text, err = decodeGB18030(data)
		return text, FormatGB18030, "gb18030", err
	}
	if len(text) == 0 {
		return "", "", "", errors.New("empty file (only a byte-order mark)")
	}
	if err := checkBinary([]byte(text)); err != nil {
		return "", "", "", err
	}
	return text, format, charset, nil
}

// sniffUTF16 recognises UTF-16 written without a byte-order mark by where
// its zero bytes fall. Every ASCII character (the newlines, digits and
// spaces of any document) has a zero high byte, at odd offsets in
// little-endian and even ones in big-endian; a Han character rarely has a
// zero byte (一 U+4E00, 最 U+6700 have a zero low byte). So the side with
// most zero bytes gives the byte order, provided at least one in 20
// characters puts a zero there, and the text decoded that way must be
// plausible: no unpaired surrogates or control characters, and at least
// 95% printable ASCII or characters found in Chinese documents.
func sniffUTF16(data []byte) (Format, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return "", false
	}
	var zeros [2]int // at even, odd offsets
	for i, c := range data {
		if c == 0 {
			zeros[i%2]++
		}
	}
	format, high := FormatUTF16LE, zeros[1]
	if zeros[0] > zeros[1] {
		format, high = FormatUTF16BE, zeros[0]
	}
	if high*20 < len(data)/2 {
		return "", false
	}
	text, err := decodeUTF16(data, format == FormatUTF16BE)
	if err != nil || checkBinary([]byte(text)) != nil {
		return "", false
	}
	n, good := 0, 0
	for _, r := range text {
		n++
		if (r >= 0x20 && r < 0x7f) || r == '\t' || r == '\n' || r == '\r' || isChineseDocRune(r) {
			good++
		}
	}
	return format, good*100 >= n*95
}

// decodeUTF16 decodes UTF-16 without its BOM, refusing malformed input.
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("truncated UTF-16: odd number of bytes (%d)", len(b)+2)
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, len(b)*3/2)
	for i := 0; i < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				r = utf16.DecodeRune(r, unit(i+2))
				i += 2
			} else {
				r = utf8.RuneError
			}
			if r == utf8.RuneError {
				return "", fmt.Errorf("invalid UTF-16: unpaired surrogate at byte %d", i+2)
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out), nil
}

// firstInvalidUTF8 returns the offset of the first byte that is not part of
// a valid UTF-8 sequence, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// brokenUTF8 reports whether invalid-UTF-8 data is still mostly UTF-8: more
// valid multi-byte sequences than invalid bytes. GBK text decodes as a few
// accidental 2-byte sequences and many invalid bytes, so it does not qualify;
// a UTF-8 file with a few damaged bytes does, and must not be misread as
// GB18030 (which would accept it as a page of nonsense Han characters).
func brokenUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid > invalid
}

// decodeGB18030 decodes data that is not valid UTF-8 as GB18030 (a superset
// of GBK and GB2312) if the result is plausible Chinese text.
func decodeGB18030(data []byte) (string, error) {
	bad := firstInvalidUTF8(data)
	if brokenUTF8(data) {
		return "", fmt.Errorf("invalid UTF-8 at byte %d (the rest of the file is UTF-8; it is probably damaged)", bad)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !plausibleChinese(out) {
		return "", fmt.Errorf("cannot decode: not UTF-8 (invalid byte 0x%02X at offset %d) and not GB18030/GBK Chinese text either", data[bad], bad)
	}
	return string(out), nil
}

// plausibleChinese reports whether decoded text has no replacement characters
// and at least 90% of its non-ASCII characters are ones found in Chinese
// documents (Han, CJK and full-width punctuation, common symbols).
func plausibleChinese(b []byte) bool {
	nonASCII, chinese := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if r < utf8.RuneSelf {
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		nonASCII++
		if isChineseDocRune(r) {
			chinese++
		}
	}
	return chinese*10 >= nonASCII*9
}

func isChineseDocRune(r rune) bool {
	switch {
	case 0x4E00 <= r && r <= 0x9FFF, // common Han, checked first for speed
		unicode.Is(unicode.Han, r),
		0x00A0 <= r && r <= 0x00FF, // Latin-1 symbols: · × ÷ ° § ±
		0x0391 <= r && r <= 0x03C9, // Greek, present in GB2312
		0x0401 <= r && r <= 0x0451, // Cyrillic, present in GB2312
		0x2000 <= r && r <= 0x2BFF, // punctuation, ℃, Ⅰ, arrows, math, ①, box drawing
		0x3000 <= r && r <= 0x33FF, // CJK punctuation, kana, bopomofo, ㈠
		0xFE30 <= r && r <= 0xFE4F, // CJK compatibility forms
		0xFF00 <= r && r <= 0xFFEF: // full-width forms
		return true
	}
	return false
}

// sniffLen is how much of the start of a document looksHTML examines.
const sniffLen = 8 << 10

// looksHTML reports whether the start of a document is HTML markup: it must
// begin with '<' and contain an html, head, body, meta or doctype tag, or at
// least two common block tags.
func looksHTML(doc string) bool {
	s := strings.TrimLeft(doc[:min(len(doc), sniffLen)], " \t\r\n\f")
	if len(s) == 0 || s[0] != '<' {
		return false
	}
	s = strings.ToLower(s)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta"} {
		if strings.Contains(s, tag) {
			return true
		}
	}
	n := 0
	for _, tag := range []string{"<p>", "<p ", "<div", "<br", "<table", "<li", "<h1", "<h2", "<h3", "<span"} {
		n += strings.Count(s, tag)
	}
	return n >= 2
}

// looksHTMLBytes is looksHTML for raw bytes.
func looksHTMLBytes(data []byte) bool {
	return looksHTML(string(data[:min(len(data), sniffLen)]))
}
