package decode

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocumentXML bounds the uncompressed size of word/document.xml, so that a
// zip bomb is refused instead of exhausting memory.
const maxDocumentXML = 1 << 30

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility, whose <mc:Fallback> repeats the content of <mc:Choice>.
const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsCompat     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errTooLarge = fmt.Errorf("corrupt .docx: word/document.xml is larger than %d MB uncompressed", maxDocumentXML>>20)

// docxText extracts the text of a Word .docx file: one line per paragraph
// (w:p), text from w:t, w:tab as a tab and w:br/w:cr as a newline.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("corrupt or truncated zip/.docx file (%v)", err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", errors.New("zip archive without word/document.xml, not a .docx document")
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("corrupt .docx: cannot open word/document.xml (%v)", err)
	}
	defer rc.Close()
	text, err := documentText(&limitReader{r: rc, n: maxDocumentXML})
	if errors.Is(err, errTooLarge) {
		return "", err
	}
	if err != nil {
		return "", fmt.Errorf("corrupt .docx: word/document.xml: %v", err)
	}
	return text, nil
}

// documentText walks the XML of word/document.xml.
func documentText(r io.Reader) (string, error) {
	d := xml.NewDecoder(r)
	var b strings.Builder
	inRun := 0 // w:tab and w:br outside runs (e.g. tab stops) are not text
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsCompat && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return "", err
				}
				continue
			}
			if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
				continue
			}
			switch t.Name.Local {
			case "r":
				inRun++
			case "t":
				if err := appendCharData(d, &b); err != nil {
					return "", err
				}
			case "tab":
				if inRun > 0 {
					b.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 {
					b.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
				continue
			}
			switch t.Name.Local {
			case "r":
				inRun = max(inRun-1, 0)
			case "p":
				b.WriteByte('\n')
			}
		}
	}
}

// appendCharData appends the text content of the element just started, up
// to its end tag.
func appendCharData(d *xml.Decoder, b *strings.Builder) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// limitReader is io.LimitReader that reports errTooLarge past the limit.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}
