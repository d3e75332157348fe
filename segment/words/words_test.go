package words

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutKeepsDomainTerms(t *testing.T) {
	s := Default()
	tests := []struct {
		text string
		want []string // words that must come out whole
	}{
		{"坚持依法治市,深入推进法治建设", []string{"依法治市", "法治建设"}},
		{"坚持和发展新时代“枫桥经验”和“浦江经验”", []string{"枫桥经验", "浦江经验"}},
		{"加强司法所队伍建设,健全街镇公职律师制度", []string{"司法所", "公职律师"}},
		{"深化述法工作,建设法治文化阵地", []string{"述法", "法治文化阵地"}},
		{"严格落实行政执法“三项制度”", []string{"行政执法"}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, tok := range s.Cut(tt.text) {
			got[tok.Text] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("Cut(%q) lacks %q: %v", tt.text, w, s.Cut(tt.text))
			}
		}
	}
}

func TestCutSpans(t *testing.T) {
	s := Default()
	text := "第一条 为了规范 行政执法, 制定本办法。(1)依法行政"
	runes := []rune(text)
	last := 0
	for _, tok := range s.Cut(text) {
		if tok.Start < last || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("bad span %+v after %d", tok, last)
		}
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Errorf("span %d:%d is %q, token %q", tok.Start, tok.End, got, tok.Text)
		}
		if strings.TrimSpace(tok.Text) == "" {
			t.Errorf("space token %+v", tok)
		}
		last = tok.End
	}
}

func TestWordsDropStopAndPunct(t *testing.T) {
	s := Default()
	for _, tok := range s.Words("各级人民政府应当建立健全多元化纠纷化解机制,推动人民调解、行政调解衔接联动。") {
		if tok.Text == "应当" || tok.Text == "," || tok.Text == "、" || tok.Text == "。" {
			t.Errorf("Words kept %q", tok.Text)
		}
	}
}

func TestRarityOrdersWords(t *testing.T) {
	s := Default()
	common, mid, rare := s.Rarity("的"), s.Rarity("制度"), s.Rarity("公职律师")
	if !(common < mid && mid < rare) {
		t.Errorf("rarity not ordered: 的 %.1f, 制度 %.1f, 公职律师 %.1f", common, mid, rare)
	}
}

func TestConcurrentCut(t *testing.T) {
	s := Default()
	text := strings.Repeat("各级人民法院和人民检察院应当全面落实司法责任制。", 20)
	done := make(chan int)
	for i := 0; i < 8; i++ {
		go func() { done <- len(s.Cut(text)) }()
	}
	first := <-done
	for i := 1; i < 8; i++ {
		if n := <-done; n != first {
			t.Errorf("concurrent cuts disagree: %d vs %d", n, first)
		}
	}
	_ = utf8.RuneLen
}
