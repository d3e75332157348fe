package segment

import (
	"regexp"
	"strings"
)

// unitRole maps the words that open a responsible-unit annotation to the
// role they name.
var unitRole = map[string]string{
	"牵头单位": "lead", "牵头部门": "lead", "主办单位": "lead",
	"参加单位": "participating", "配合单位": "participating", "参与单位": "participating", "协办单位": "participating",
	"责任单位": "responsible", "责任部门": "responsible",
}

var unitField = regexp.MustCompile(`(牵头单位|牵头部门|主办单位|参加单位|配合单位|参与单位|协办单位|责任单位|责任部门)\s*[:：]`)

// piece is either text to cut into clauses or a parsed unit annotation.
type piece struct {
	para  para
	units *Units
}

// cutAnnotations splits a body range into text pieces and the unit
// annotations between them: "(牵头单位:…;参加单位:…)", also in square
// brackets as Xiangtan once writes it. An annotation
// whose closing bracket is missing (Ganzhou) runs to the end of the range.
func (p *parser) cutAnnotations(r para) []piece {
	var out []piece
	s := r.a
	for i := r.a; i < r.b; i++ {
		open := p.nr[i]
		if open != '(' && open != '[' {
			continue
		}
		closer := map[rune]rune{'(': ')', '[': ']'}[open]
		rest := string(p.nr[i+1 : min(r.b, i+8)])
		loc := unitField.FindStringIndex(rest)
		if loc == nil || loc[0] != 0 {
			continue
		}
		end, depth := r.b, 0
		for j := i + 1; j < r.b; j++ {
			if p.nr[j] == open {
				depth++
			} else if p.nr[j] == closer {
				if depth == 0 {
					end = j + 1
					break
				}
				depth--
			}
		}
		if s < i {
			out = append(out, piece{para: para{s, i}})
		}
		// Names are read from the original, as written.
		inner := p.doc.Text(p.orig(i+1, end))
		inner = strings.TrimRight(inner, ")）]】")
		u := parseUnits(inner)
		out = append(out, piece{para: para{i, end}, units: &u})
		s, i = end, end-1
	}
	if s < r.b {
		out = append(out, piece{para: para{s, r.b}})
	}
	return out
}

// parseUnits reads "牵头单位:A、B;参加单位:C" into Units.
func parseUnits(s string) Units {
	var u Units
	locs := unitField.FindAllStringSubmatchIndex(s, -1)
	for k, loc := range locs {
		end := len(s)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		role := unitRole[s[loc[2]:loc[3]]]
		names := splitNames(s[loc[1]:end])
		switch role {
		case "lead":
			u.Lead = append(u.Lead, names...)
		case "participating":
			u.Participating = append(u.Participating, names...)
		default:
			u.Responsible = append(u.Responsible, names...)
		}
	}
	return u
}

// dutySuffixes end a list of units without naming one ("…按职责分工负责").
var dutySuffixes = []string{"按职责分工负责", "职责分工负责", "按照职责分工负责", "分别负责", "负责"}

// splitNames splits a list of unit names at 、 , ; outside brackets.
func splitNames(s string) []string {
	var out []string
	depth := 0
	var cur strings.Builder
	emit := func() {
		n := strings.Trim(strings.TrimSpace(cur.String()), "。,，;；、")
		for _, suffix := range dutySuffixes {
			n = strings.TrimSuffix(n, suffix)
		}
		if n != "" {
			out = append(out, n)
		}
		cur.Reset()
	}
	for _, r := range s {
		switch {
		case strings.ContainsRune("〔(（[【", r):
			depth++
		case strings.ContainsRune("〕)）]】", r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune("、,，;；", r):
			emit()
			continue
		}
		cur.WriteRune(r)
	}
	emit()
	return out
}
