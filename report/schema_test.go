package report

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// This file holds a validator for the subset of JSON Schema (draft
// 2020-12) that docs/report.schema.json uses: type, const, enum, required,
// properties, items, minItems, maxItems, minimum, maximum, minLength,
// pattern, and $ref into $defs. Any other keyword is an error, so the
// schema cannot say more than the test checks.
//
// It is stricter than JSON Schema in one way: a property the schema does
// not declare is an error. Readers must ignore unknown fields (the
// versioning policy), but the reports this package writes must not carry
// undocumented ones.

var schemaFile = filepath.Join("..", "docs", "report.schema.json")

var loaded struct {
	once   sync.Once
	schema map[string]any
	err    error
}

func reportSchema(t testing.TB) map[string]any {
	t.Helper()
	loaded.once.Do(func() {
		data, err := os.ReadFile(schemaFile)
		if err != nil {
			loaded.err = err
			return
		}
		loaded.err = json.Unmarshal(data, &loaded.schema)
	})
	if loaded.err != nil {
		t.Fatal(loaded.err)
	}
	return loaded.schema
}

// validateReport checks a JSON report against docs/report.schema.json.
func validateReport(t testing.TB, name string, data []byte) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	root := reportSchema(t)
	errs := (&validator{root: root}).validate(root, doc, "$")
	for i, e := range errs {
		if i == 10 {
			t.Errorf("%s: … and %d more", name, len(errs)-10)
			break
		}
		t.Errorf("%s: %s", name, e)
	}
}

type validator struct {
	root map[string]any
	re   map[string]*regexp.Regexp
}

var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true, "description": true}

func (v *validator) validate(schema map[string]any, x any, at string) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys) // report errors in a stable order
	for _, k := range keys {
		kw := schema[k]
		switch k {
		case "$ref":
			ref, _ := kw.(string)
			sub, ok := v.resolve(ref)
			if !ok {
				bad("unresolvable $ref %q", ref)
				continue
			}
			errs = append(errs, v.validate(sub, x, at)...)
		case "type":
			if !hasType(kw, x) {
				bad("%s is not of type %v", short(x), kw)
			}
		case "const":
			if !reflect.DeepEqual(kw, x) {
				bad("%s is not %v", short(x), kw)
			}
		case "enum":
			found := false
			for _, e := range kw.([]any) {
				found = found || reflect.DeepEqual(e, x)
			}
			if !found {
				bad("%s not in %v", short(x), kw)
			}
		case "required":
			if obj, ok := x.(map[string]any); ok {
				for _, r := range kw.([]any) {
					if _, ok := obj[r.(string)]; !ok {
						bad("missing %q", r)
					}
				}
			}
		case "properties":
			obj, ok := x.(map[string]any)
			if !ok {
				continue
			}
			props := kw.(map[string]any)
			names := make([]string, 0, len(obj))
			for name := range obj {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				sub, ok := props[name].(map[string]any)
				if !ok {
					bad("undeclared property %q", name)
					continue
				}
				errs = append(errs, v.validate(sub, obj[name], at+"."+name)...)
			}
		case "items":
			if arr, ok := x.([]any); ok {
				for i, el := range arr {
					errs = append(errs, v.validate(kw.(map[string]any), el, fmt.Sprintf("%s[%d]", at, i))...)
				}
			}
		case "minItems", "maxItems":
			if arr, ok := x.([]any); ok {
				n := int(kw.(float64))
				if (k == "minItems" && len(arr) < n) || (k == "maxItems" && len(arr) > n) {
					bad("%d items violates %s %d", len(arr), k, n)
				}
			}
		case "minimum", "maximum":
			if f, ok := x.(float64); ok {
				lim := kw.(float64)
				if (k == "minimum" && f < lim) || (k == "maximum" && f > lim) {
					bad("%v violates %s %v", f, k, lim)
				}
			}
		case "minLength":
			if s, ok := x.(string); ok && len([]rune(s)) < int(kw.(float64)) {
				bad("%q is shorter than %v", s, kw)
			}
		case "pattern":
			if s, ok := x.(string); ok && !v.regexp(kw.(string)).MatchString(s) {
				bad("%q does not match %s", s, kw)
			}
		default:
			if !annotations[k] {
				bad("schema keyword %q is not supported by this validator", k)
			}
		}
	}
	return errs
}

func (v *validator) resolve(ref string) (map[string]any, bool) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, false
	}
	defs, _ := v.root["$defs"].(map[string]any)
	sub, ok := defs[name].(map[string]any)
	return sub, ok
}

func (v *validator) regexp(p string) *regexp.Regexp {
	if v.re == nil {
		v.re = map[string]*regexp.Regexp{}
	}
	re, ok := v.re[p]
	if !ok {
		re = regexp.MustCompile(p) // ECMA-262 and RE2 agree on the patterns the schema uses
		v.re[p] = re
	}
	return re
}

func hasType(want, x any) bool {
	if list, ok := want.([]any); ok {
		for _, w := range list {
			if hasType(w, x) {
				return true
			}
		}
		return false
	}
	switch want {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		f, ok := x.(float64)
		return ok && f == math.Trunc(f)
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "null":
		return x == nil
	}
	return false
}

func short(x any) string {
	s := fmt.Sprintf("%v", x)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// TestValidator checks the validator itself on small cases, so that a
// passing schema test means something.
func TestValidator(t *testing.T) {
	root := map[string]any{
		"$defs": map[string]any{"id": map[string]any{"type": "string", "pattern": "^m[0-9]+$"}},
		"type":  "object", "required": []any{"a"},
		"properties": map[string]any{
			"a": map[string]any{"type": "array", "minItems": 1.0, "maxItems": 2.0, "items": map[string]any{"$ref": "#/$defs/id"}},
			"k": map[string]any{"enum": []any{"x", "y"}},
			"n": map[string]any{"type": "integer", "minimum": 0.0, "maximum": 1.0},
			"c": map[string]any{"const": "v1"},
			"s": map[string]any{"type": "string", "minLength": 1.0},
		},
	}
	for _, tc := range []struct {
		name string
		doc  string
		errs int
	}{
		{"valid", `{"a":["m1"],"k":"x","n":1,"c":"v1","s":"z"}`, 0},
		{"missing required", `{}`, 1},
		{"pattern", `{"a":["x1"]}`, 1},
		{"too few", `{"a":[]}`, 1},
		{"too many", `{"a":["m1","m2","m3"]}`, 1},
		{"enum", `{"a":["m1"],"k":"z"}`, 1},
		{"integer", `{"a":["m1"],"n":0.5}`, 1},
		{"maximum", `{"a":["m1"],"n":2}`, 1},
		{"const", `{"a":["m1"],"c":"v2"}`, 1},
		{"minLength", `{"a":["m1"],"s":""}`, 1},
		{"undeclared", `{"a":["m1"],"zz":1}`, 1},
		{"wrong type", `[]`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tc.doc), &doc); err != nil {
				t.Fatal(err)
			}
			errs := (&validator{root: root}).validate(root, doc, "$")
			if len(errs) != tc.errs {
				t.Errorf("got %d errors %q, want %d", len(errs), errs, tc.errs)
			}
		})
	}
	bad := map[string]any{"oneOf": []any{}}
	if errs := (&validator{root: bad}).validate(bad, 1.0, "$"); len(errs) != 1 {
		t.Errorf("unsupported keyword not reported: %q", errs)
	}
}
