package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestJSONLMatchesJSON reads the JSON Lines report of the seeds line by
// line, puts the records back together as the JSON report's tree, and
// checks that the tree is the JSON report: the two formats carry the same
// records, and the reassembled tree passes the schema.
func TestJSONLMatchesJSON(t *testing.T) {
	r, m := seedMeta(t)
	m.Cut = SimilarityCut{MinShared: 1, TopPartners: 3}
	var js, jl bytes.Buffer
	if err := JSON(&js, r, m); err != nil {
		t.Fatal(err)
	}
	if err := JSONL(&jl, r, m); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(js.Bytes(), &want); err != nil {
		t.Fatal(err)
	}

	got := map[string]any{}
	lists := map[string]string{"alignment": "alignments", "measure": "measures", "pair": "similarity", "passage": "passages"}
	for _, l := range lists {
		got[l] = []any{}
	}
	got["documents"] = []any{}
	var doc map[string]any
	counts := map[string]int{}
	sc := bufio.NewScanner(&jl)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		kind, _ := rec["type"].(string)
		if !bytes.HasPrefix(sc.Bytes(), []byte(`{"type":"`+kind+`"`)) {
			t.Fatalf("line %d does not start with its type", n)
		}
		delete(rec, "type")
		counts[kind]++
		switch kind {
		case "report":
			if n != 1 {
				t.Errorf("the report record is on line %d", n)
			}
			for k, v := range rec {
				got[k] = v
			}
		case "document":
			doc = rec
			doc["sections"], doc["clauses"] = []any{}, []any{}
			got["documents"] = append(got["documents"].([]any), doc)
		case "section", "clause":
			if doc == nil || rec["document"] != doc["id"] {
				t.Fatalf("line %d: a %s of %v outside its document", n, kind, rec["document"])
			}
			delete(rec, "document")
			doc[kind+"s"] = append(doc[kind+"s"].([]any), rec)
		default:
			l, ok := lists[kind]
			if !ok {
				t.Fatalf("line %d: unknown type %q", n, kind)
			}
			got[l] = append(got[l].([]any), rec)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if counts["clause"] == 0 || counts["pair"] == 0 || counts["passage"] == 0 {
		t.Fatalf("records: %v", counts)
	}
	if !reflect.DeepEqual(got, want) {
		for k := range want {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Errorf("%s differs between JSONL and JSON", k)
			}
		}
		t.Fatal("the JSONL records do not make the JSON report")
	}
	tree, _ := json.Marshal(got)
	validateReport(t, "reassembled JSONL", tree)
}
