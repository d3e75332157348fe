package segment

// Regulations (条例, 办法, 规定 …) are numbered in a fixed hierarchy:
// 编 (part), 章 (chapter), 节 (section), 条 (article), then, inside an
// article, 款 (paragraphs), 项 (items: (一) …;) and 目 (sub-items: 1. …).
// Parts, chapters, sections and articles are the section tree. An
// article's paragraphs, items and sub-items are its clauses, never
// headings: an item such as "(三)使用电梯先下后上;" is a measure, and the
// lead-in before it ("公民应当维护公共秩序,遵守下列规定:") is text too.
//
// The rules hold for plain text and Markdown alike; in Markdown, a heading's
// level (## or ###) is only a hint, as files put chapters under either.

// regulationRank orders the structural units of a regulation, outermost
// first.
var regulationRank = map[Style]int{Part: 0, Chapter: 1, SectionStyle: 2, Article: 3}

// isRegulation reports whether the paragraphs from from on are numbered as a
// regulation: 第一条 and 第二条 open paragraphs.
func (p *parser) isRegulation(from int) bool {
	first, second := false, false
	for _, x := range p.paras[from:] {
		if m, ok := parseMarker(p.nr[x.a:x.b]); ok && m.style == Article {
			first = first || m.ordinal == 1
			second = second || m.ordinal == 2
			if first && second {
				return true
			}
		}
	}
	return false
}

// regulationHeadings finds the parts, chapters, sections and articles of a
// regulation, and its unnumbered Markdown headings (## 附则, ## 附件). A
// number counts only where the sequence expects it — the next article, the
// next chapter, the next section of the chapter — so that a paragraph that
// opens by citing one ("第十条规定的…") stays text.
func (p *parser) regulationHeadings(from int) []heading {
	p.regulation = true
	var hs []heading
	var open []int          // ranks of the open units, outermost first
	last := map[Style]int{} // last ordinal per style
	atx := map[int]int{}    // the rank last seen on each level of Markdown heading
	for i := from; i < len(p.paras); i++ {
		x := p.paras[i]
		md := p.mdHeading(x)
		m, ok := parseMarker(p.nr[x.a:x.b])
		rank, structural := regulationRank[m.style]
		kind := Numbered
		switch {
		case ok && structural && (next(m, last[m.style]) || p.resumes(i, m, last[m.style]) || contents(m, last)):
			last[m.style] = m.ordinal
			if m.style == Part || m.style == Chapter {
				last[SectionStyle] = 0 // sections count anew in each chapter
			}
			if md > 0 {
				atx[md] = rank
			}
		case md > 0:
			// An unnumbered Markdown heading (or one numbered otherwise)
			// sits where the units of its level do; ## is a chapter until
			// the document says otherwise.
			r, seen := atx[md]
			if !seen {
				r = min(md-1, regulationRank[Article])
			}
			rank = r
			if !ok || m.style == ArabicBare {
				m, kind = marker{}, Unnumbered
			}
		default:
			continue
		}
		for len(open) > 0 && open[len(open)-1] >= rank {
			open = open[:len(open)-1]
		}
		open = append(open, rank)
		h := heading{para: i, m: m, kind: kind, level: len(open)}
		switch {
		case md > 0:
			h.headEnd, h.bodyStart = x.b, x.b
		case m.style == Article:
			// An article has no heading: its number is its title and all
			// its text is clauses.
			h.headEnd, h.bodyStart = x.a+m.width, x.a+m.width
		default:
			p.splitRunIn(&h)
		}
		hs = append(hs, h)
	}
	return hs
}

// next reports whether a unit's number is the one its sequence expects
// after last (0: none yet). 第十条之一 follows 第十条.
func next(m marker, last int) bool {
	if last == 0 {
		return m.ordinal >= 1
	}
	return m.ordinal == last+1 || (m.ordinal == last && m.sub)
}

// contents reports whether a part or chapter numbered 1 comes after a
// table of contents: chapters listed before any article (北京中轴线文化遗产保护条例
// lists its five chapters under the header). The listed chapters stay
// sections without clauses, and the numbering starts again.
func contents(m marker, last map[Style]int) bool {
	return (m.style == Part || m.style == Chapter) && m.ordinal == 1 && last[m.style] > 0 && last[Article] == 0
}

// maxMissing is how many units in a row a text may lack: converted
// regulations do lose an article or a chapter (山东省中医药条例 has no
// 第十三条 between 第十二条 and 第十四条).
const maxMissing = 3

// resumes reports whether the unit numbered m at paragraph i, a few numbers
// past last, is where the sequence goes on after missing units: the next
// unit of its kind (before the end of the enclosing unit) is numbered m+1.
// A paragraph that opens by citing a unit ahead ("第三十二条规定的…" inside
// 第三十条) is followed by the real 第三十一条 and stays text.
func (p *parser) resumes(i int, m marker, last int) bool {
	if last == 0 || m.ordinal <= last+1 || m.ordinal > last+1+maxMissing {
		return false
	}
	for _, x := range p.paras[i+1:] {
		n, ok := parseMarker(p.nr[x.a:x.b])
		if !ok {
			continue
		}
		if r, structural := regulationRank[n.style]; structural && r < regulationRank[m.style] {
			return true // the enclosing unit ends
		}
		if n.style == m.style {
			return n.ordinal == m.ordinal+1 || (n.ordinal == m.ordinal && n.sub)
		}
	}
	return true
}

// itemMarker returns the number that opens a paragraph of an article's
// body — the (一) of an item, the 1. of a sub-item — as a normalized range,
// spaces after it excluded; ok is false when the paragraph opens with none.
func (p *parser) itemMarker(x para) (para, bool) {
	m, ok := parseMarker(p.nr[x.a:x.b])
	if !ok || m.style == ArabicBare {
		return para{}, false
	}
	if _, structural := regulationRank[m.style]; structural {
		return para{}, false
	}
	e := x.a + m.width
	for e > x.a && p.nr[e-1] == ' ' {
		e--
	}
	return para{x.a, e}, true
}
