package segment

import (
	"errors"
	"strings"
	"testing"
)

// TestOnlyPunctuation: a file of nothing but punctuation is refused as
// having no text (issue 14 item 11: it was accepted as 8,000 measures),
// and a document with one word among the punctuation is not.
func TestOnlyPunctuation(t *testing.T) {
	for name, text := range map[string]string{
		"dots.txt":  strings.Repeat("。,;!?、……——《》()\n", 2000),
		"ascii.txt": strings.Repeat("... ;; -- !! ??\n", 100),
		"marks.txt": strings.Repeat("■□●○※★\n", 10),
	} {
		_, err := Parse(Input{ID: "p", Name: name, Data: []byte(text)}, nil)
		if !errors.Is(err, ErrNoText) || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), "only punctuation") {
			t.Errorf("%s: err = %v, want ErrNoText naming the file and saying only punctuation", name, err)
		}
	}
	if _, err := Parse(Input{ID: "p", Name: "one.txt", Data: []byte("。。。\n第一条 加强管理。\n;;;\n")}, nil); err != nil {
		t.Errorf("a document with text among punctuation: %v", err)
	}
}
