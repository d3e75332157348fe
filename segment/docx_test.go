package segment

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// docx builds a .docx holding the given body paragraphs (WordprocessingML)
// and, unless empty, footnotes.
func docx(t *testing.T, body, footnotes string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := [][2]string{{"word/document.xml", `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`}}
	if footnotes != "" {
		parts = append(parts, [2]string{"word/footnotes.xml", `<w:footnotes ` + ns + `>` + footnotes + `</w:footnotes>`})
	}
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wpara(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

// TestDOCXNotesAndTables: a .docx's footnotes are notes, not clauses, and
// a table row is one clause (issue 14 item 11).
func TestDOCXNotesAndTables(t *testing.T) {
	body := wpara("关于加强法治建设的实施意见") +
		wpara("一、总体要求") +
		`<w:p><w:r><w:t>坚持依法治市，依照有关法律</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>制定本意见。</w:t></w:r></w:p>` +
		wpara("二、重点任务") +
		`<w:tbl><w:tr><w:tc>` + wpara("推进科学立法，健全立法机制") + `</w:tc><w:tc>` + wpara("市司法局") + `</w:tc></w:tr></w:tbl>` +
		wpara("健全立法机制。")
	notes := `<w:footnote w:id="1"><w:p><w:r><w:t>《中华人民共和国立法法》第八十二条。</w:t></w:r></w:p></w:footnote>`
	d, err := Parse(Input{ID: "d", Name: "d.docx", Data: docx(t, body, notes)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Footnotes) != 1 || d.Text(d.Footnotes[0]) != "[1] 《中华人民共和国立法法》第八十二条。" {
		t.Fatalf("footnotes %v: %q", d.Footnotes, spanTexts(d, d.Footnotes))
	}
	var clauses []string
	for _, c := range d.Clauses {
		clauses = append(clauses, d.Text(c.Span))
	}
	all := strings.Join(clauses, "|")
	if strings.Contains(all, "立法法") {
		t.Errorf("a footnote became a clause: %s", all)
	}
	if !strings.Contains(all, "推进科学立法，健全立法机制\t市司法局") {
		t.Errorf("the table row is not one clause: %s", all)
	}
}

func spanTexts(d *Document, ss []Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, d.Text(s))
	}
	return out
}
