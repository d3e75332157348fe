package report

import (
	"bytes"
	"encoding/json"
	"io"

	"citydiff/compare"
)

// JSON writes the report as JSON (schema citydiff/report/v1), indented by
// two spaces with lists of plain values (spans, ids, unit names) kept on
// one line, and a final newline.
func JSON(w io.Writer, r *compare.Result, m Meta) error {
	rep, err := Build(r, m)
	if err != nil {
		return err
	}
	return writeJSON(w, rep)
}

func writeJSON(w io.Writer, rep *Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep 《》<> readable; the report is data, not HTML
	if err := enc.Encode(rep); err != nil {
		return err
	}
	out := indent(bytes.TrimRight(buf.Bytes(), "\n"))
	out = append(out, '\n')
	_, err := w.Write(out)
	return err
}

// indent pretty-prints compact JSON. Unlike json.Indent it keeps an array
// on one line when it holds no object or array, so a span stays [3, 9]
// instead of taking four lines.
func indent(src []byte) []byte {
	var out []byte
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for i := 0; i < depth; i++ {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := stringEnd(src, i)
			out = append(out, src[i:j]...)
			i = j - 1
		case '[':
			if j, ok := flatArray(src, i); ok {
				out = appendFlat(out, src[i:j])
				i = j - 1
				continue
			}
			fallthrough
		case '{':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

// stringEnd returns the index just past the string starting at src[i].
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(src)
}

// flatArray reports whether the array at src[i] holds only scalars, and
// where it ends.
func flatArray(src []byte, i int) (int, bool) {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '"':
			j = stringEnd(src, j) - 1
		case '[', '{':
			return 0, false
		case ']':
			return j + 1, true
		}
	}
	return 0, false
}

// appendFlat copies a scalar array, with a space after each comma.
func appendFlat(out, arr []byte) []byte {
	for i := 0; i < len(arr); i++ {
		switch arr[i] {
		case '"':
			j := stringEnd(arr, i)
			out = append(out, arr[i:j]...)
			i = j - 1
		case ',':
			out = append(out, ',', ' ')
		default:
			out = append(out, arr[i])
		}
	}
	return out
}
