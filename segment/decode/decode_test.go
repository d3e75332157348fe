package decode

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// policy is a short policy document with Windows line endings; want is what
// Decode must return for it.
const policy = "关于加强地方立法工作的意见\r\n" +
	"一、加强立法工作,提高立法质量\r\n" +
	"(一)推进科学立法。健全立法起草、论证、协调、审议机制，提高立法的针对性、及时性、系统性。\r\n" +
	"　　(二)推进民主立法。拓宽公民有序参与立法途径，第3条规定温度不低于20℃。\r" +
	"\r\n" +
	"附件：①实施细则 ②责任分工表\r\n"

const policyWant = "关于加强地方立法工作的意见\n" +
	"一、加强立法工作,提高立法质量\n" +
	"(一)推进科学立法。健全立法起草、论证、协调、审议机制，提高立法的针对性、及时性、系统性。\n" +
	"　　(二)推进民主立法。拓宽公民有序参与立法途径，第3条规定温度不低于20℃。\n" +
	"\n" +
	"附件：①实施细则 ②责任分工表\n"

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text: %v", err)
	}
	return b
}

func mustDecode(t *testing.T, name string, data []byte) Result {
	t.Helper()
	res, err := Decode(name, data)
	if err != nil {
		t.Fatalf("Decode(%q): %v", name, err)
	}
	if !utf8.ValidString(res.Text) {
		t.Fatalf("Decode(%q): text is not valid UTF-8", name)
	}
	return res
}

func check(t *testing.T, res Result, format Format, charset, text string) {
	t.Helper()
	if res.Format != format || res.Charset != charset {
		t.Errorf("format, charset = %q, %q; want %q, %q", res.Format, res.Charset, format, charset)
	}
	if res.Text != text {
		t.Errorf("text =\n%q\nwant\n%q", res.Text, text)
	}
}

func TestUTF8(t *testing.T) {
	// The file name is deliberately misleading: detection uses content only.
	res := mustDecode(t, "意见.docx", []byte(policy))
	check(t, res, FormatUTF8, "", policyWant)
}

func TestUTF8BOM(t *testing.T) {
	res := mustDecode(t, "意见.txt", append([]byte("\xEF\xBB\xBF"), policy...))
	check(t, res, FormatUTF8BOM, "", policyWant)
}

func TestUTF16(t *testing.T) {
	for _, tc := range []struct {
		endian unicode.Endianness
		format Format
	}{
		{unicode.LittleEndian, FormatUTF16LE},
		{unicode.BigEndian, FormatUTF16BE},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			// Include a character outside the BMP (a surrogate pair).
			data := encode(t, unicode.UTF16(tc.endian, unicode.UseBOM), policy+"𠮷\r\n")
			res := mustDecode(t, "意见.txt", data)
			check(t, res, tc.format, "", policyWant+"𠮷\n")
		})
	}
}

func TestGB18030(t *testing.T) {
	t.Run("gbk", func(t *testing.T) {
		res := mustDecode(t, "意见.html", encode(t, simplifiedchinese.GBK, policy))
		check(t, res, FormatGB18030, "", policyWant)
	})
	t.Run("gb18030", func(t *testing.T) {
		// 𠮷 and 㐀 need GB18030's four-byte sequences.
		res := mustDecode(t, "意见.txt", encode(t, simplifiedchinese.GB18030, policy+"𠮷㐀\r\n"))
		check(t, res, FormatGB18030, "", policyWant+"𠮷㐀\n")
	})
}

const page = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>市人民政府关于加强立法工作的意见</title>
<style>body { font-family: "宋体"; } p > span { color: red }</style>
<script>var s = "<p>不应出现</p>"; if (a < b && c > d) {}</script>
</head>
<body>
<div class="main">
  <div class="content">
    <h1>一、加强立法工作,提高立法质量</h1>
    <p>(一)推进<b>科学</b>立法。<br>健全立法机制&mdash;&mdash;提高质量&nbsp;&lt;试行&gt;&amp;</p>
    <p>第二段
       <span>换行继续</span></p>
    <br><br><br><br>
    <ul><li>甲</li><li>乙</li></ul>
    <table><tr><td>项目</td><td>金额</td></tr>
    <tr><td>立法</td> <td>100</td></tr></table>
    <pre>  缩进
    保留</pre>
  </div>
</div>
<noscript>请启用脚本</noscript>
</body></html>
`

const pageWant = "市人民政府关于加强立法工作的意见\n" +
	"一、加强立法工作,提高立法质量\n" +
	"(一)推进科学立法。\n" +
	"健全立法机制——提高质量\u00a0<试行>&\n" +
	"第二段 换行继续\n" +
	"\n" +
	"甲\n" +
	"乙\n" +
	"项目\t金额\n" +
	"立法\t100\n" +
	"  缩进\n" +
	"    保留\n"

func TestHTML(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    []byte
		charset string
	}{
		{"gbk declared", encode(t, simplifiedchinese.GBK, page), "gbk"},
		{"gbk sniffed", encode(t, simplifiedchinese.GBK, strings.Replace(page, "charset=gbk", "", 1)), "gb18030"},
		{"declared gbk but utf-8", []byte(page), "utf-8"},
		{"meta charset gb2312", encode(t, simplifiedchinese.GBK, strings.Replace(page,
			`http-equiv="Content-Type" content="text/html; charset=gbk"`, `charset="GB2312"`, 1)), "gbk"},
		{"utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), page), "utf-16le"},
		{"crlf", []byte(strings.ReplaceAll(page, "\n", "\r\n")), "utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustDecode(t, "意见.txt", tc.data)
			check(t, res, FormatHTML, tc.charset, pageWant)
		})
	}
}

func TestHTMLFragment(t *testing.T) {
	// No <html> or doctype, but clearly markup.
	res := mustDecode(t, "a", []byte("<p>第一段</p>\n<p>第二段<br/>续</p>"))
	check(t, res, FormatHTML, "utf-8", "第一段\n第二段\n续\n")
	// A text document that starts with '<' is still text.
	res = mustDecode(t, "b", []byte("<<中华人民共和国立法法>>第一条"))
	check(t, res, FormatUTF8, "", "<<中华人民共和国立法法>>第一条")
}

const documentXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>一、加强立法工作,</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>提高立法质量</w:t></w:r></w:p>
<w:p><w:r><w:tab/><w:t xml:space="preserve">(一)推进科学立法。 </w:t><w:br/><w:t>健全机制&amp;程序</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:delText>删除的</w:delText><w:instrText>PAGE</w:instrText><w:t>第1页</w:t></w:r></w:p>
</w:body></w:document>`

const documentWant = "一、加强立法工作,提高立法质量\n" +
	"\t(一)推进科学立法。 \n健全机制&程序\n" +
	"\n" +
	"项目\t金额\n" +
	"文本框\n\n" +
	"第1页\n"

// makeZip builds a zip archive holding the given name, content pairs.
func makeZip(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeDocx(t testing.TB, document string) []byte {
	return makeZip(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml", document)
}

func TestDOCX(t *testing.T) {
	res := mustDecode(t, "意见.txt", makeDocx(t, documentXML))
	check(t, res, FormatDOCX, "", documentWant)
}

func TestBadInput(t *testing.T) {
	docx := makeDocx(t, documentXML)
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	brokenUTF8 := []byte(strings.Repeat(policy, 10))
	brokenUTF8[100] = 0xFF

	for _, tc := range []struct {
		name    string
		data    []byte
		wantErr string // substring of the error; "" means success is expected
	}{
		{"empty.txt", nil, "empty file"},
		{"bom.txt", []byte("\xEF\xBB\xBF"), "empty file"},
		{"image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "binary file (found NUL bytes)"},
		{"controls.txt", []byte("\x01\x02\x03\x04abc"), "binary file (4 control characters"},
		{"invalid.txt", []byte("policy \xff\xff\xff text"), "cannot decode: not UTF-8 (invalid byte 0xFF at offset 7)"},
		{"damaged.txt", brokenUTF8, "invalid UTF-8 at byte 100"},
		{"bom-invalid.txt", []byte("\xEF\xBB\xBF\xe4\xb8"), "invalid UTF-8 at byte 3"},
		{"odd.txt", []byte("\xFF\xFEa\x00b"), "truncated UTF-16"},
		{"surrogate.txt", []byte("\xFF\xFE\x00\xD8a\x00"), "unpaired surrogate"},
		{"utf16-binary.txt", []byte("\xFF\xFEa\x00\x00\x00"), "binary file"},
		{"random.bin", random, "binary file"},
		{"report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF document"},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), "legacy Microsoft Office"},
		{"archive.zip", makeZip(t, "hello.txt", "你好"), "not a .docx document"},
		{"truncated.docx", docx[:len(docx)/2], "corrupt or truncated"},
		{"badxml.docx", makeDocx(t, `<w:document xmlns:w="`+nsWord+`"><w:p><w:t>未闭合`), "corrupt .docx"},
		{"gbk-declared-bad.html", append(encode(t, simplifiedchinese.GBK, page), 0xFF, 0xFF), `declares charset "gbk"`},
		{"text-with-one-control.txt", []byte(strings.Repeat("一二三四五六七八九十", 20) + "\x1b"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.name, tc.data)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if !utf8.ValidString(res.Text) {
					t.Fatal("text is not valid UTF-8")
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want *Error containing %q", err, err, tc.wantErr)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.name+": ") || !strings.Contains(msg, tc.wantErr) {
				t.Fatalf("error %q does not name the file or contain %q", msg, tc.wantErr)
			}
		})
	}
}

func TestLarge(t *testing.T) {
	// 1,000,000 runes on one line. (Not a single repeated character: the GBK
	// bytes of 一 happen to be valid UTF-8, and valid UTF-8 always wins.)
	line := strings.Repeat("推进科学立法提高立法质量", 1_000_000/12) + "一二三四"
	t.Run("50MB", func(t *testing.T) {
		if raceEnabled {
			t.Skip("50 MB under -race takes minutes; the run without -race checks size")
		}
		data := bytes.Repeat([]byte(policy), 50<<20/len(policy)+1)
		res := mustDecode(t, "big.txt", data)
		if res.Format != FormatUTF8 || len(res.Text) != len(data)-strings.Count(string(data), "\r\n") {
			t.Fatalf("format %q, %d bytes of text from %d", res.Format, len(res.Text), len(data))
		}
	})
	t.Run("50MB gbk", func(t *testing.T) {
		if testing.Short() || raceEnabled {
			t.Skip("slow under -race; the run without it checks size")
		}
		data := bytes.Repeat(encode(t, simplifiedchinese.GBK, policy), 50<<20/len(policy)+1)
		if res := mustDecode(t, "big.txt", data); res.Format != FormatGB18030 {
			t.Fatalf("format %q", res.Format)
		}
	})
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"line utf-8", []byte(line), line},
		{"line gb18030", encode(t, simplifiedchinese.GB18030, line), line},
		{"line html", []byte("<html><body><p>" + line + "</p></body></html>"), line + "\n"},
		{"line docx", makeDocx(t, `<w:document xmlns:w="`+nsWord+`"><w:body><w:p><w:r><w:t>`+line+`</w:t></w:r></w:p></w:body></w:document>`), line + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if res := mustDecode(t, "line", tc.data); res.Text != tc.want {
				t.Fatalf("got %d bytes, want %d", len(res.Text), len(tc.want))
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(policy))
	f.Add([]byte("\xEF\xBB\xBF" + policy))
	f.Add(encode(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), policy))
	f.Add(encode(f, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "<p>一</p><p>二</p>"))
	f.Add(encode(f, simplifiedchinese.GB18030, policy+"𠮷"))
	f.Add(encode(f, simplifiedchinese.GBK, page))
	f.Add([]byte(page))
	f.Add(makeDocx(f, documentXML))
	f.Add(makeZip(f, "hello.txt", "你好"))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add(encode(f, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), policy))
	f.Add([]byte("<html><head><meta http-equiv=\"Content-Type\" content=\"\xb0\xb0charset=gbk\"></head><body>\xd6\xd0</body></html>"))
	f.Add(makeZip(f, "word/document.xml", `<w:document xmlns:w="`+nsWord+`"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:footnoteReference w:id="1"/></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
		"word/footnotes.xml", `<w:footnotes xmlns:w="`+nsWord+`"><w:footnote w:id="1"><w:p><w:r><w:t>注</w:t></w:r></w:p></w:footnote></w:footnotes>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.txt"
		res, err := Decode(name, data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Name != name || !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("error %q (%T) is not an *Error naming the file", err, err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("text is not valid UTF-8: %q", res.Text)
		}
		if strings.Contains(res.Text, "\r") {
			t.Fatalf("text contains CR: %q", res.Text)
		}
		if res.NotesAt < -1 || res.NotesAt > len(res.Text) || res.NotesAt > 0 && res.Text[res.NotesAt-1] != '\n' {
			t.Fatalf("NotesAt %d in %d bytes of text", res.NotesAt, len(res.Text))
		}
	})
}

// regulationMD is a regulation in LawRefBook's Markdown, written for this test.
const regulationMD = "# 某市文明行为促进条例\n\n2021年3月1日 某市第一届人民代表大会常务委员会第三次会议通过\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了促进文明行为，制定本条例。\n"

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    []byte
		format  Format
		charset string
		text    string // for Markdown: the text, syntax kept
	}{
		{"条例.md", []byte(regulationMD), FormatMarkdown, "utf-8", regulationMD},
		{"条例.txt", []byte(regulationMD), FormatMarkdown, "utf-8", regulationMD}, // by content: it opens with "# "
		{"条例", append([]byte("\xEF\xBB\xBF"), regulationMD...), FormatMarkdown, "utf-8-bom", regulationMD},
		{"条例.MARKDOWN", encode(t, simplifiedchinese.GB18030, regulationMD), FormatMarkdown, "gb18030", regulationMD},
		{"notes.md", []byte(policy), FormatMarkdown, "utf-8", policyWant}, // by name: no syntax at all
		{"by-syntax.txt", []byte("说明\n<!-- 草稿 -->\n## 第一章 总则\n"), FormatMarkdown, "utf-8", "说明\n<!-- 草稿 -->\n## 第一章 总则\n"},
		{"plain.txt", []byte(policy), FormatUTF8, "", ""},
		{"one-comment.txt", []byte("说明\n<!-- 草稿 -->\n1. 第一项\n* 强调\n"), FormatUTF8, "", ""},
		{"hashtag.txt", []byte("#1 任务\n加强立法。\n"), FormatUTF8, "", ""},
		{"page.md", []byte(page), FormatHTML, "utf-8", ""}, // HTML content wins over the name
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustDecode(t, tc.name, tc.data)
			if res.Format != tc.format || res.Charset != tc.charset {
				t.Errorf("format, charset = %q, %q; want %q, %q", res.Format, res.Charset, tc.format, tc.charset)
			}
			if tc.format == FormatMarkdown && res.Text != tc.text {
				t.Errorf("text =\n%q\nwant\n%q", res.Text, tc.text)
			}
		})
	}
}

// Fixed bugs: each input once crashed or misread Decode.
func TestFixedBugs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    []byte
		wantErr string // "" when Decode must succeed
	}{
		// Issue 14 item 7: non-ASCII bytes before "charset" in a <meta
		// http-equiv> content grew under strings.ToLower, and the offset
		// found in the folded copy sliced the original out of bounds.
		{"meta-content-non-ascii.html", []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"\xb0\xb0\xb0\xb0\xb0\xb0\xb0\xb0\xb0\xb0charset\"></head><body>\xd6\xd0\xce\xc4</body></html>"), ""},
		{"meta-content-dotted-i.html", append([]byte("<html><head><meta http-equiv=\"Content-Type\" content=\"İİİİ; CHARSET=gbk\"></head><body>"), encode(t, simplifiedchinese.GBK, "中文页面</body></html>")...), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.name, tc.data)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if !utf8.ValidString(res.Text) {
					t.Fatal("text is not valid UTF-8")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		`text/html; charset="gb2312"`: "gb2312",
		`text/html; CharSet=GBK`:      "GBK",
		"\xb0\xb0charset=gbk":         "gbk",
		"İİ; CHARSET = utf-8":         "utf-8",
		"text/html":                   "",
		"\xb0\xb0\xb0charset":         "",
	} {
		if got := charsetParam(in); got != want {
			t.Errorf("charsetParam(%q) = %q, want %q", in, got, want)
		}
	}
}

// bomb is a .docx whose word/document.xml expands to about size bytes of
// paragraphs while its zip header claims claimed bytes (archive/zip stops
// reading at the claimed size and calls the file corrupt when it is less).
func bomb(t testing.TB, size int, claimed uint64) []byte {
	t.Helper()
	para := strings.Repeat(`<w:p><w:r><w:t>推进科学立法，提高立法质量。</w:t></w:r></w:p>`, 1000)
	var deflated bytes.Buffer
	fw, err := flate.NewWriter(&deflated, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	crc := crc32.NewIEEE()
	both := io.MultiWriter(fw, crc)
	n := 0
	for _, part := range []string{`<w:document xmlns:w="` + nsWord + `"><w:body>`, para, `</w:body></w:document>`} {
		for k := 0; k == 0 || part == para && n < size; k++ {
			both.Write([]byte(part))
			n += len(part)
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	if claimed == 0 {
		claimed = uint64(n)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(deflated.Len()), UncompressedSize64: claimed})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(deflated.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOCXBomb: a .docx that expands past the limit is refused, whatever
// its header claims, after decompressing no more than the limit (issue 14
// item 8: a 1.9 MB file expanding to 1 GB ran out of memory).
func TestDOCXBomb(t *testing.T) {
	for _, tc := range []struct {
		name    string
		size    int
		claimed uint64 // 0: the real size
		limit   int64  // 0: DefaultLimit
	}{
		{"expands past the default limit", DefaultLimit + 1<<20, 0, 0},
		{"header past the default limit", 1 << 20, DefaultLimit + 1<<20, 0},
		{"header past the limit", 8 << 20, 0, 1 << 20},
		{"header claims 1 KB", 8 << 20, 1 << 10, 1 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if raceEnabled && tc.size > 8<<20 {
				t.Skip("65 MB under -race takes minutes; the run without -race checks it")
			}
			data := bomb(t, tc.size, tc.claimed)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := DecodeLimit("bomb.docx", data, tc.limit)
			runtime.ReadMemStats(&after)
			refused := errors.Is(err, ErrTooLarge) || tc.claimed != 0 && tc.claimed < uint64(tc.size) && err != nil && strings.Contains(err.Error(), "corrupt .docx")
			if !refused || !strings.HasPrefix(err.Error(), "bomb.docx: ") {
				t.Fatalf("err = %v, want one naming bomb.docx and wrapping ErrTooLarge", err)
			}
			limit := tc.limit
			if limit == 0 {
				limit = DefaultLimit
			}
			// The text kept is at most the limit; the builder may double it.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(3*limit) {
				t.Errorf("allocated %d MB refusing it, want at most %d MB", alloc>>20, 3*limit>>20)
			}
		})
	}
	// Just under the limit is read.
	data := bomb(t, 900<<10, 0)
	res, err := DecodeLimit("fits.docx", data, 1<<20)
	if err != nil || !strings.HasPrefix(res.Text, "推进科学立法") {
		t.Fatalf("a .docx under the limit: %v", err)
	}
}

func TestSizeLimit(t *testing.T) {
	data := []byte(strings.Repeat(policy, 2000))
	if _, err := DecodeLimit("big.txt", data, int64(len(data))); err != nil {
		t.Fatalf("at the limit: %v", err)
	}
	_, err := DecodeLimit("big.txt", data, int64(len(data))-1)
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "big.txt: larger than the input size limit") {
		t.Fatalf("past the limit: %v", err)
	}
}

// TestDOCXTables: a table row is one line, its cells separated by tabs,
// the paragraphs of a cell joined by a space (issue 14 item 11: a row
// became one clause per cell).
func TestDOCXTables(t *testing.T) {
	doc := `<w:document xmlns:w="` + nsWord + `"><w:body>
<w:p><w:r><w:t>附表</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>推进科学立法。</w:t></w:r></w:p><w:p><w:r><w:t>健全立法机制。</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市司法局</w:t><w:br/><w:t>市人大</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>后文</w:t></w:r></w:p>
</w:body></w:document>`
	res := mustDecode(t, "table.docx", makeDocx(t, doc))
	check(t, res, FormatDOCX, "", "附表\n序号\t任务\t责任单位\n\t推进科学立法。 健全立法机制。\t市司法局 市人大\n后文\n")
}

// TestDOCXFootnotes: footnotes are kept after the body, one line each, and
// their references numbered in the text (issue 14 item 11: they were
// dropped). NotesAt says where they start.
func TestDOCXFootnotes(t *testing.T) {
	doc := `<w:document xmlns:w="` + nsWord + `"><w:body>
<w:p><w:r><w:t>依照有关法律</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>制定本办法。</w:t></w:r></w:p>
<w:p><w:r><w:t>另见</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t>和</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
</w:body></w:document>`
	notes := `<w:footnotes xmlns:w="` + nsWord + `">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>《中华人民共和国立法法》</w:t></w:r></w:p><w:p><w:r><w:t>第八十二条。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:t>市政府令第5号。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="4"><w:p><w:r><w:t>未引用的脚注。</w:t></w:r></w:p></w:footnote>
</w:footnotes>`
	data := makeZip(t, "word/document.xml", doc, "word/footnotes.xml", notes)
	res := mustDecode(t, "notes.docx", data)
	body := "依照有关法律[1]制定本办法。\n另见[2]和[1]\n"
	check(t, res, FormatDOCX, "", body+"[1] 《中华人民共和国立法法》 第八十二条。\n[2] 市政府令第5号。\n[4] 未引用的脚注。\n")
	if res.NotesAt != len(body) {
		t.Errorf("NotesAt = %d, want %d", res.NotesAt, len(body))
	}
	if res := mustDecode(t, "plain.docx", makeDocx(t, documentXML)); res.NotesAt != -1 {
		t.Errorf("NotesAt = %d without footnotes, want -1", res.NotesAt)
	}
}

// TestUTF16WithoutBOM: UTF-16 saved without a byte-order mark is told by
// where its zero bytes fall (issue 14 item 11: it was called "binary").
func TestUTF16WithoutBOM(t *testing.T) {
	for _, tc := range []struct {
		endian unicode.Endianness
		format Format
	}{
		{unicode.LittleEndian, FormatUTF16LE},
		{unicode.BigEndian, FormatUTF16BE},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			// 一 and 最 have a zero low byte: the wrong side gets some zeros too.
			text := policy + "一是最重要的。𠮷\r\n"
			res := mustDecode(t, "意见.txt", encode(t, unicode.UTF16(tc.endian, unicode.IgnoreBOM), text))
			check(t, res, tc.format, "", policyWant+"一是最重要的。𠮷\n")
			// HTML in UTF-16 without a BOM.
			res = mustDecode(t, "page.htm", encode(t, unicode.UTF16(tc.endian, unicode.IgnoreBOM), strings.Replace(page, "charset=gbk", "", 1)))
			check(t, res, FormatHTML, string(tc.format), pageWant)
		})
	}
	// Binary with zero bytes on one side is still binary.
	for name, data := range map[string][]byte{
		"counts.bin": {0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00},
		"image.png":  []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
	} {
		if _, err := Decode(name, data); err == nil || !strings.Contains(err.Error(), "binary file") {
			t.Errorf("%s: err = %v, want binary file", name, err)
		}
	}
}
