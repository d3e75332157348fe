package segment

import (
	"strconv"
	"strings"

	"citydiff/segment/words"
)

// A sentence is cut into measure units: at its top-level semicolons, and
// before a comma that opens a new policy verb (完善…，健全…制度，推行…制度),
// so that each measure a sentence chains can match on its own. Short
// sentences are left whole, and no cut leaves a piece shorter than
// minClause: a bare verb phrase of a few characters says too little to be
// matched alone.
const (
	// minCutSentence is the length (runes) from which a sentence is cut.
	minCutSentence = 24
	// minClause is the shortest piece a cut may leave on either side.
	minClause = 8
	// minListItems and maxListItem define a list of short parallel
	// phrases, cut at every comma (shortList).
	minListItems = 3
	maxListItem  = 8
)

// policyVerbs open a new measure inside a comma-chained sentence
// (完善…, 健全…制度, 推行…制度). Cutting there lets each measure match on
// its own.
var policyVerbs = []string{
	"完善", "健全", "建立", "推行", "推进", "推动", "加强", "深化", "落实", "实行", "实施",
	"开展", "强化", "规范", "提高", "提升", "加大", "严格", "优化", "创新", "探索",
	"构建", "打造", "培育", "组织", "引导", "鼓励", "支持", "统筹", "整合", "畅通",
	"拓展", "加快", "建设", "发挥", "依法", "定期", "全面",
	"坚持", "做好", "深入", "积极", "大力", "着力", "切实", "进一步", "持续", "广泛",
	"注重", "增强", "提供", "促进", "保障", "维护", "确保", "防范", "指导", "纳入",
	"制定", "出台", "设立", "推广", "运用", "发展", "整治", "清理", "严厉", "严禁",
	"禁止", "不得", "及时", "主动", "自觉", "全力", "努力", "着眼", "聚焦", "围绕",
}

// addClauses splits the body ranges of section sec into clauses, reading
// responsible-unit annotations out of the text and onto the clauses they
// follow.
//
// A piece with no letters at all (a quotation's closing ” on a line of its
// own, a stray bracket) states no measure: it joins the clause before it
// in the section, so that it is neither lost nor compared alone.
func (p *parser) addClauses(sec int, ranges []body) {
	d := p.doc
	pending := []int{}   // clauses since the last annotation
	last, lastA := -1, 0 // the section's last clause and its normalized start
	for _, r := range ranges {
		marker := r.marker
		for _, piece := range p.cutAnnotations(r.para) {
			if piece.units != nil {
				d.Annotations = append(d.Annotations, p.orig(piece.para.a, piece.para.b))
				for _, c := range pending {
					d.Clauses[c].Units = d.Clauses[c].Units.Union(*piece.units)
				}
				pending = pending[:0]
				continue
			}
			for _, c := range p.sentences(piece.para) {
				a, b := trimClause(p.nr, c.a, c.b)
				if a >= b || !hasLetters(p.nr[a:b]) {
					if ta, tb := trimSpaces(p.nr, c.a, c.b); ta < tb && last >= 0 {
						p.fillClause(&d.Clauses[last], lastA, tb)
					}
					continue
				}
				if ba, bb := trimSpaces(p.nr, c.a, a); ba < bb && marker.b == marker.a {
					marker = para{ba, bb} // a bullet (——, •) is the item's marker
				}
				idx := len(d.Clauses)
				s := &d.Sections[sec]
				c := Clause{
					ID:      s.ID + "/" + strconv.Itoa(len(s.Clauses)+1),
					Index:   idx,
					Section: sec,
				}
				p.fillClause(&c, a, b)
				if marker.b > marker.a {
					c.Marker, marker = p.orig(marker.a, marker.b), para{}
				}
				d.Clauses = append(d.Clauses, c)
				s.Clauses = append(s.Clauses, idx)
				pending = append(pending, idx)
				last, lastA = idx, a
			}
		}
	}
}

// fillClause sets the text of c to the normalized runes [a, b).
func (p *parser) fillClause(c *Clause, a, b int) {
	c.Span = p.orig(a, b)
	c.Text = p.doc.Text(c.Span)
	c.Norm = string(p.nr[a:b])
	c.origStart, c.origEnd = make([]int32, b-a), make([]int32, b-a)
	for k := a; k < b; k++ {
		os, oe := p.norm.Orig(k, k+1)
		c.origStart[k-a], c.origEnd[k-a] = int32(os), int32(oe)
	}
}

func hasLetters(rs []rune) bool {
	for _, r := range rs {
		if r > 0x2E80 || (r >= 'A' && r <= 'z') {
			return true
		}
	}
	return false
}

// trimClause drops spaces and list bullets around a clause.
func trimClause(nr []rune, a, b int) (int, int) {
	for a < b && strings.ContainsRune(" \t—-•·*", nr[a]) {
		a++
	}
	for b > a && nr[b-1] == ' ' {
		b--
	}
	return a, b
}

// sentences cuts a body range at sentence ends, then cuts long sentences
// at semicolons and before comma-led policy verbs.
func (p *parser) sentences(r para) []para {
	var out []para
	depth := 0 // inside brackets or quotes nothing is cut
	s := r.a
	for i := r.a; i < r.b; i++ {
		switch p.nr[i] {
		case '(', '“', '《', '[', '〔':
			depth++
		case ')', '”', '》', ']', '〕':
			if depth > 0 {
				depth--
			}
		case '。', '!', '?':
			if depth > 0 && p.nr[i] != '。' {
				continue
			}
			e := i + 1
			for e < r.b && (p.nr[e] == '”' || p.nr[e] == ')') && depth > 0 {
				e++
				depth--
			}
			out = append(out, p.cutLong(para{s, e})...)
			s, i, depth = e, e-1, 0
		}
	}
	if s < r.b {
		out = append(out, p.cutLong(para{s, r.b})...)
	}
	return out
}

// cutLong cuts a sentence of minCutSentence runes or more at top-level
// semicolons, then each piece before a comma-led policy verb.
func (p *parser) cutLong(x para) []para {
	if x.b-x.a < minCutSentence {
		if items := p.shortList(x); items != nil {
			return items
		}
		return []para{x}
	}
	var out []para
	for _, piece := range p.cutAt(x, func(i int) bool { return p.nr[i] == ';' }) {
		if items := p.shortList(piece); items != nil {
			// 言行文明，礼貌待人，讲究卫生，…: each phrase is a measure.
			out = append(out, items...)
			continue
		}
		if framed(p.nr[piece.a:piece.b]) {
			// 根据…，结合…，制定…: the verbs after the commas serve
			// the frame; the piece is one statement.
			out = append(out, piece)
			continue
		}
		out = append(out, p.cutAt(piece, func(i int) bool {
			return p.nr[i] == ',' && opensAction(p.nr[i+1:piece.b])
		})...)
	}
	return out
}

// shortList cuts a run of short parallel phrases at every top-level comma
// (自觉排队，文明用餐，文明观演，文明旅游；): at least minListItems phrases,
// none longer than maxListItem runes. Each phrase states a measure of its
// own, and another city may state any one of them alone. It returns nil
// when x is not such a list.
func (p *parser) shortList(x para) []para {
	var out []para
	depth, s := 0, x.a
	end := x.b
	for end > x.a && strings.ContainsRune(";。,、:", p.nr[end-1]) {
		end--
	}
	for i := x.a; i <= end; i++ {
		if i < end {
			switch p.nr[i] {
			case '(', '“', '《', '[', '〔':
				depth++
				continue
			case ')', '”', '》', ']', '〕':
				if depth > 0 {
					depth--
				}
				continue
			}
			if depth > 0 || p.nr[i] != ',' && p.nr[i] != ':' {
				continue
			}
			if p.nr[i] == ':' {
				// A lead-in (市民应当：) is a unit of any length; the
				// list starts after it.
				if len(out) > 0 {
					return nil
				}
				out = append(out, para{s, i + 1})
				s = i + 1
				continue
			}
		}
		if n := i - s; n < 2 || n > maxListItem || framed(p.nr[s:i]) || p.nr[s] == '为' {
			// Not parallel phrases: a frame (根据…，结合…，制定…) or
			// a purpose (为了…) carries the statement after it.
			return nil
		}
		if i == end {
			out = append(out, para{s, x.b})
		} else {
			out = append(out, para{s, i + 1})
		}
		s = i + 1
	}
	items := len(out)
	if items > 0 && p.nr[out[0].b-1] == ':' {
		items--
	}
	if items < minListItems {
		return nil
	}
	return out
}

// cutAt cuts x after every top-level position where cut holds, never
// leaving a piece shorter than minClause.
func (p *parser) cutAt(x para, cut func(i int) bool) []para {
	var out []para
	depth, s := 0, x.a
	for i := x.a; i < x.b-1; i++ {
		switch p.nr[i] {
		case '(', '“', '《', '[', '〔':
			depth++
		case ')', '”', '》', ']', '〕':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && cut(i) && i+1-s >= minClause && x.b-(i+1) >= minClause {
				out = append(out, para{s, i + 1})
				s = i + 1
			}
		}
	}
	return append(out, para{s, x.b})
}

// framePrefixes open a sentence whose commas serve one statement: a
// legal basis or a condition. (A purpose clause, 为了…，提升…, is cut:
// readers match its aims one by one.)
var framePrefixes = []string{"根据", "按照", "依照", "依据", "对于", "对", "经", "凡", "如果"}

func framed(rs []rune) bool {
	head := string(rs[:min(len(rs), 2)])
	for _, f := range framePrefixes {
		if strings.HasPrefix(head, f) {
			return true
		}
	}
	return false
}

// opensAction tells whether the text after a comma starts a new measure:
// a policy verb of the governance list, or any verb the dictionary knows,
// possibly behind an adverb (words.OpensAction).
func opensAction(rs []rune) bool {
	head := string(rs[:min(len(rs), 4)])
	for _, v := range policyVerbs {
		if strings.HasPrefix(head, v) {
			return true
		}
	}
	return words.OpensAction(rs[:min(len(rs), 8)])
}
