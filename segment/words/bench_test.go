package words

import (
	"os"
	"testing"
)

// BenchmarkLoad measures dictionary-ready time (target ≤ 0.25 s).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Load()
	}
}

// BenchmarkCut measures segmentation throughput on the built-in documents.
func BenchmarkCut(b *testing.B) {
	var text string
	for _, f := range []string{"shantou", "xiangtan", "puyang", "ganzhou"} {
		data, err := os.ReadFile("../../seeds/" + f + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		text += string(data)
	}
	s := Default()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Cut(text)
	}
}
