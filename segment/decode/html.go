package decode

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeDeclared decodes an HTML page that is not valid UTF-8 using the
// charset its <meta> tag declares. ok is false when there is no usable
// declaration (none, unknown, or UTF-8/UTF-16, which the bytes contradict);
// the caller then sniffs the content instead.
func decodeDeclared(data []byte) (text, charset string, ok bool, err error) {
	label := metaCharset(data)
	if label == "" {
		return "", "", false, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", "", false, nil
	}
	charset, _ = htmlindex.Name(enc)
	switch charset {
	case "utf-8", "utf-16le", "utf-16be":
		return "", "", false, nil
	case "gbk", "gb18030":
		enc = simplifiedchinese.GB18030 // superset of GBK and GB2312
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, '\uFFFD') {
		return "", "", false, fmt.Errorf("cannot decode: the page declares charset %q but is not valid %s", label, charset)
	}
	return string(out), charset, true, nil
}

// metaCharset returns the charset declared by a <meta charset> or
// <meta http-equiv="Content-Type"> tag in the head of an HTML page.
func metaCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 64<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
				var charset, httpEquiv, content string
				for more {
					var key, val []byte
					key, val, more = z.TagAttr()
					switch string(key) {
					case "charset":
						charset = string(val)
					case "http-equiv":
						httpEquiv = string(val)
					case "content":
						content = string(val)
					}
				}
				if charset = strings.TrimSpace(charset); charset != "" {
					return charset
				}
				if strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
					if cs := charsetParam(content); cs != "" {
						return cs
					}
				}
			}
		}
	}
}

// charsetParam extracts the charset from a Content-Type value such as
// `text/html; charset="gb2312"`. The value is raw bytes in an unknown
// encoding, so "charset" is found by an ASCII-only case fold: a Unicode
// fold (strings.ToLower) changes the length of non-ASCII and invalid bytes,
// and an offset found in the folded copy would not fit the original.
func charsetParam(contentType string) string {
	i := indexFoldASCII(contentType, "charset")
	if i < 0 {
		return ""
	}
	s := strings.TrimLeft(contentType[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.Trim(strings.TrimLeft(s[1:], " \t"), `"'`)
	if end := strings.IndexAny(s, "\"'; \t"); end >= 0 {
		s = s[:end]
	}
	return s
}

// indexFoldASCII returns the byte offset of the first match of the
// lower-case ASCII word in s, ignoring ASCII case only, or -1.
func indexFoldASCII(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return i
		}
	}
	return -1
}

// skipped elements contribute no text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true,
}

// blocks are elements whose text starts and ends a line.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Head: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Legend: true, atom.Li: true, atom.Listing: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.Option: true, atom.P: true, atom.Plaintext: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Textarea: true, atom.Tfoot: true, atom.Thead: true, atom.Title: true,
	atom.Tr: true, atom.Ul: true, atom.Xmp: true,
}

// preformatted elements keep their whitespace.
var preformatted = map[atom.Atom]bool{
	atom.Pre: true, atom.Listing: true, atom.Plaintext: true, atom.Textarea: true, atom.Xmp: true,
}

// htmlText extracts the visible text of an HTML page: script, style and
// similar elements are dropped, block elements become lines, table cells are
// separated by tabs, <br> breaks a line, entities are decoded, whitespace
// outside <pre> is collapsed as a browser would and runs of blank lines are
// collapsed to one. The tokenizer is used rather than the tree builder
// because it streams in linear time and block structure is all we need.
func htmlText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var w lineWriter
	var skip atom.Atom // element whose content is being skipped
	skipDepth, pre := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken: // io.EOF: strings.Reader cannot fail otherwise
			return w.String()
		case html.TextToken:
			if skip == 0 {
				w.text(z.Text(), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skip != 0:
				if a == skip && tt == html.StartTagToken {
					skipDepth++
				}
			case skipped[a]:
				// Raw-text elements such as <script/> stay open even when
				// written self-closing; <template/> does not.
				if tt == html.StartTagToken || a != atom.Template {
					skip, skipDepth = a, 1
				}
			case a == atom.Br:
				w.lineBreak()
			case a == atom.Td || a == atom.Th:
				w.cell()
			case blocks[a]:
				w.blockBreak()
				if preformatted[a] && tt == html.StartTagToken {
					pre++
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skip != 0:
				if a == skip {
					if skipDepth--; skipDepth == 0 {
						skip = 0
					}
				}
			case a == atom.Br: // browsers treat </br> as <br>
				w.lineBreak()
			case blocks[a]:
				w.blockBreak()
				if preformatted[a] && pre > 0 {
					pre--
				}
			}
		}
	}
}

// lineWriter accumulates extracted HTML text line by line.
type lineWriter struct {
	b        strings.Builder
	space    bool // whitespace seen that will become one space before the next text
	newlines int  // number of '\n' at the end of b
	sep      bool // at the start of a line or cell, where whitespace is dropped
}

// text appends text, collapsing whitespace unless pre is set.
func (w *lineWriter) text(t []byte, pre bool) {
	for _, c := range t {
		switch {
		case pre && c == '\n':
			w.lineBreak()
		case pre:
			w.write(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			w.space = true
		default:
			if w.space && !w.sep && w.b.Len() > 0 {
				w.b.WriteByte(' ')
			}
			w.write(c)
		}
	}
}

func (w *lineWriter) write(c byte) {
	w.b.WriteByte(c)
	w.space, w.sep, w.newlines = false, false, 0
}

// blockBreak ends the current line, if it has any text.
func (w *lineWriter) blockBreak() {
	w.space, w.sep = false, true
	if w.b.Len() > 0 && w.newlines == 0 {
		w.b.WriteByte('\n')
		w.newlines = 1
	}
}

// lineBreak ends the current line even if empty, but never makes more than
// one blank line in a row or leading blank lines.
func (w *lineWriter) lineBreak() {
	w.space, w.sep = false, true
	if w.b.Len() > 0 && w.newlines < 2 {
		w.b.WriteByte('\n')
		w.newlines++
	}
}

// cell separates a table cell from the previous one on the same line.
func (w *lineWriter) cell() {
	w.space, w.sep = false, true
	if w.b.Len() > 0 && w.newlines == 0 {
		w.b.WriteByte('\t')
	}
}

// String returns the text, ending in exactly one newline unless empty.
func (w *lineWriter) String() string {
	s := strings.TrimRight(w.b.String(), "\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}
