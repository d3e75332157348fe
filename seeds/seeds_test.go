package seeds

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func TestAllMatchesSharedSeeds(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"shantou", "xiangtan", "shanghai", "puyang", "ganzhou"}
	if len(all) != len(want) {
		t.Fatalf("got %d seeds, want %d", len(all), len(want))
	}
	for i, s := range all {
		if s.ID != want[i] {
			t.Errorf("seed %d: id %q, want %q", i, s.ID, want[i])
		}
		if s.City == "" || s.Issuer == "" || s.Date == "" || s.Genre == "" {
			t.Errorf("%s: incomplete metadata %+v", s.ID, s.Meta)
		}
		shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", s.File))
		if err != nil {
			t.Logf("shared seeds not beside the checkout: %v", err)
			continue
		}
		a, b := sha256.Sum256(shared), sha256.Sum256(s.Data)
		if a != b {
			t.Errorf("%s: embedded copy differs from shared/seeds (%s vs %s)", s.ID, hex.EncodeToString(b[:]), hex.EncodeToString(a[:]))
		}
	}
}
