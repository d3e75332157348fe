package segment

import (
	"regexp"
	"strings"

	"citydiff/segment/normalize"
)

var (
	// actRe finds what a header note records.
	actRe  = regexp.MustCompile(`通过|批准|修正|修订|公布|发布|施行`)
	actEnd = regexp.MustCompile(`(通过|批准|修正|修订|公布|发布|施行)$`)
	// adoptedBy finds the body a note names: "…日 信阳市第五届人民代表大会常务委员会第二十四次会议通过".
	adoptedBy = regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日\s*([^\s\d,，。;；]{2,30}?(?:人民代表大会常务委员会|人民代表大会|人民政府))`)
	// session is the 第X届 of a body's name; the issuer is the body, not one of its terms.
	session = regexp.MustCompile(`第[一二三四五六七八九十百\d]+届`)
)

// readNotes reads the header notes that follow the title, from paragraph
// from on, and returns the first paragraph of the body.
//
// In a Markdown document that ends its header with <!-- INFO END -->
// (LawRefBook), every line before that comment is a note; lines of one
// Markdown paragraph make one note. Elsewhere a note is a line that opens
// with a date (in brackets or not) and records an act (通过, 批准, 修正 …), or
// a line in brackets holding a date, as plain-text regulations print them
// (a line broken before its act names the 会议 instead, or is all date);
// a following line that has no date of its own but ends in an act or a
// closing bracket is the rest of a note broken over two lines. The title
// printed again below the header is a header line too.
func (p *parser) readNotes(from int) int {
	i := from
	if p.md != nil && p.md.infoEnd >= 0 {
		for ; i < len(p.paras) && p.orig(p.paras[i].a, p.paras[i].b).Start < p.md.infoEnd; i++ {
			if i > from && p.oneParagraph(p.paras[i-1], p.paras[i]) {
				p.extendNote(p.paras[i])
			} else {
				p.addNote(p.paras[i])
			}
		}
	}
	// Notes in the plain-text manner, also after a Markdown header (a
	// bracketed note that LawRefBook left below <!-- INFO END -->).
plain:
	for start := i; i < len(p.paras); i++ {
		t := p.text(p.paras[i])
		switch {
		case noteStart(t):
			p.addNote(p.paras[i])
		case p.doc.Title != "" && sameText(t, normalize.Normalize(p.doc.Title).String()):
			// The title printed again under the header is a header line.
			p.addNote(p.paras[i])
		case t == "(" && i+1 < len(p.paras) && noteStart(p.text(p.paras[i+1])):
			// An opening bracket on a line of its own, the note below it.
			p.addNote(para{p.paras[i].a, p.paras[i+1].b})
			i++
		case i > start && noteTail(t, p.noteEnded()):
			p.extendNote(p.paras[i])
		default:
			break plain
		}
	}
	p.noteMeta()
	return i
}

// noteMeta reads the metadata the notes give. Each date in a note is the
// date of the act named after it: "2015年10月30日…会议通过 2016年1月6日…公告
// 第62号公布 2016年3月1日施行" dates an adoption, a promulgation and the
// entry into force. The latest date of an act that makes the text (通过,
// 批准, 修正, 修订, or none named) is the document's date: the text is as its
// last amendment or approval left it. The latest promulgation (公布, 发布)
// is its publication date. Dates of entry into force stay in the notes.
// Known or earlier-read values win. The body that adopted the text becomes
// the issuer when the title named none.
func (p *parser) noteMeta() {
	m := &p.doc.Meta
	made, published := "", ""
	for _, n := range p.doc.Notes {
		t := normalizeDigits(p.doc.Text(n.Span))
		locs := dateRe.FindAllStringIndex(t, -1)
		for k, loc := range locs {
			end := len(t)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			d := isoDate(t[loc[0]:loc[1]])
			switch actRe.FindString(t[loc[1]:end]) {
			case "施行":
			case "公布", "发布":
				published = max(published, d)
			default:
				made = max(made, d)
			}
		}
		if m.Issuer == "" {
			if by := adoptedBy.FindStringSubmatch(t); by != nil {
				m.Issuer = session.ReplaceAllString(by[1], "")
			}
		}
	}
	if m.Date == "" {
		m.Date = made
	}
	if m.Published == "" {
		m.Published = published
	}
}

// oneParagraph reports whether two paragraphs are lines of one Markdown
// paragraph: nothing but a single line break between them.
func (p *parser) oneParagraph(x, y para) bool {
	return strings.TrimSpace(string(p.nr[x.b:y.a])) == "" && strings.Count(string(p.nr[x.b:y.a]), "\n") == 1
}

func (p *parser) addNote(x para) {
	p.lastNote = x
	p.doc.Notes = append(p.doc.Notes, Note{Span: p.orig(x.a, x.b)})
	p.fillNote(len(p.doc.Notes) - 1)
}

func (p *parser) extendNote(x para) {
	p.lastNote = x
	n := len(p.doc.Notes) - 1
	p.doc.Notes[n].Span.End = p.orig(x.a, x.b).End
	p.fillNote(n)
}

func (p *parser) fillNote(k int) {
	n := &p.doc.Notes[k]
	t := normalizeDigits(p.doc.Text(n.Span))
	n.Date = isoDate(t)
	if acts := actRe.FindAllString(t, -1); len(acts) > 0 {
		n.Act = acts[len(acts)-1]
	}
}

// noteStart reports whether a normalized paragraph opens a header note.
func noteStart(t string) bool {
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && dateRe.MatchString(t) {
		return true
	}
	u := strings.TrimLeft(t, "( ")
	loc := dateRe.FindStringIndex(u)
	if loc == nil || loc[0] != 0 || strings.Contains(u, "。") {
		return false
	}
	return actRe.MatchString(u) || strings.Contains(u, "会议") || loc[1] == len(u)
}

// noteTail reports whether a normalized paragraph is the rest of a note
// broken over lines: no date at its start, no sentence, not numbered, and
// either ending in an act or a closing bracket, or following a note that has
// not ended yet (one whose last line ends in neither).
func noteTail(t string, ended bool) bool {
	if loc := dateRe.FindStringIndex(t); (loc != nil && loc[0] == 0) || strings.Contains(t, "。") {
		return false
	}
	if _, ok := parseMarker([]rune(t)); ok {
		return false
	}
	return !ended || noteEnd(t)
}

// noteEnd reports whether a note's text ends as notes do: in an act or a
// closing bracket.
func noteEnd(t string) bool {
	return strings.HasSuffix(t, ")") || actEnd.MatchString(t)
}

// noteEnded reports whether the last note read so far has ended.
func (p *parser) noteEnded() bool {
	return len(p.doc.Notes) == 0 || noteEnd(p.text(p.lastNote))
}

// normalizeDigits folds full-width digits (２０２０年) to ASCII, for dates
// read from the original.
func normalizeDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}
