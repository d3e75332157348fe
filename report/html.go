package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/words"
)

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

var (
	pageCSS  = template.CSS(mustAsset("assets/report.css"))
	pageJS   = template.JS(mustAsset("assets/report.js"))
	pageTmpl = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"lang": func(script string) string {
			if script == string(segment.Traditional) {
				return "zh-Hant"
			}
			return "zh-Hans"
		},
		"add":  func(a, b int) int { return a + b },
		"half": func(a int) int { return a / 2 },
	}).ParseFS(assets, "assets/report.html.tmpl"))
)

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: a missing asset is a build defect
	}
	return string(b)
}

// matrixColumnsUpTo is the number of documents up to which the measure
// matrix has a column per document; past it a row names the documents
// that hold the measure, since hundreds of mostly empty columns would be
// most of the page and no one could read them.
const matrixColumnsUpTo = 40

// compactAbove is the number of documents above which the measure matrix
// shows marks instead of clause text and leaves unique measures to their
// own section, so that a page over hundreds of documents stays usable.
const compactAbove = 8

// HTML writes one self-contained page (no network, no external fonts or
// scripts) with the documents, a similarity heat map (in cluster order
// past 10 documents, left out past heatMapUpTo) and each document's
// closest partners past 10, the topics with
// shared words highlighted, the measure × city matrix with a small filter
// script, the unique measures of each city and each document's outline.
// Everything is escaped by html/template.
func HTML(w io.Writer, r *compare.Result, m Meta) error {
	rep, err := Build(r, m)
	if err != nil {
		return err
	}
	return pageTmpl.Execute(w, buildPage(r, rep, m, DefaultTheme(), words.Default().IsContent))
}

type page struct {
	Tool             Tool
	Schema           string
	Theme, CSS       template.CSS
	JS               template.JS
	Clauses, Shared  int
	Measures         int
	Docs             []pageDoc
	Heat             heatMap
	ShowHeat         bool         // few enough documents for a matrix (heatMapUpTo)
	Clustered        bool         // the matrix and partner list are in cluster order
	Partners         []partnerRow // each document's closest partners, past 10 documents
	PartnersShown    int
	TopicsWithText   int    // topics past this are named without text (0: all have text)
	PairsNote        string // what the similarity cut left out, when it did
	Topics           []pageTopic
	Matrix           matrix
	Unique           []pageUnique
	Params           []Param
	OpenAll          bool // few documents: lists start open
	Kinds            []string
	SharingThreshold []int
}

type pageDoc struct {
	Document
	Label          string
	Shared, Unique int
	Outline        []outlineNode
}

type outlineNode struct {
	ID, Title       string
	Clauses, Shared int
	Children        []outlineNode
}

type pageTopic struct {
	ID, Label, Score string
	Measures, Docs   int
	Columns          []topicColumn
	More             []topicColumn // sections past maxTopicColumns, named without their text
}

// maxTopicColumns bounds the sections a topic shows side by side: with
// hundreds of documents a topic would otherwise repeat the whole corpus.
const maxTopicColumns = 8

// topicsWithTextPast40 is how many topics show their text once there are
// more than matrixColumnsUpTo documents; the rest are named with their
// sections, so that the page of a large corpus stays loadable (at 200
// documents the text of every topic alone is 24 MB). The JSON report has
// them all.
const topicsWithTextPast40 = 100

type topicColumn struct {
	Doc, DocID, Section, Title, Script string
	Parts                              []topicPart
}

type topicPart struct {
	Title   string // a subsection's title; empty for the section's own clauses
	Clauses [][]run
}

type matrix struct {
	Compact bool
	Listed  bool // one cell naming the documents instead of a column each (past matrixColumnsUpTo)
	Docs    []pageDoc
	Rows    []matrixRow
	Total   int
}

type matrixRow struct {
	ID, Label, Kind, Sim, Docs, Alignment string
	Shared                                int
	Cells                                 []matrixCell
}

type matrixCell struct {
	Texts [][]run
	Title string
}

type pageUnique struct {
	Label, DocID, Script string
	Count                int
	Groups               []uniqueGroup
}

// uniqueGroup is one section's unique clauses.
type uniqueGroup struct {
	Section string
	Items   []uniqueItem
}

type uniqueItem struct {
	ID, Text string
}

func buildPage(r *compare.Result, rep *Report, m Meta, th Theme, isContent wordFilter) *page {
	label := docLabels(rep)
	pg := &page{
		Tool: rep.Tool, Schema: rep.Schema, Theme: th.CSS(), CSS: pageCSS, JS: pageJS,
		Params: paramList(rep.Parameters), OpenAll: len(rep.Documents) <= compactAbove, Measures: len(rep.Measures),
		Kinds: []string{string(compare.Verbatim), string(compare.Near), string(compare.Paraphrase), string(compare.Unique)},
	}
	measures := map[string]*Measure{}
	for i := range rep.Measures {
		measures[rep.Measures[i].ID] = &rep.Measures[i]
		if len(rep.Measures[i].Documents) > 1 {
			pg.Shared++
		}
	}
	unique := uniqueMeasures(rep)
	for i := range rep.Documents {
		d := &rep.Documents[i]
		pd := pageDoc{Document: *d, Label: label[d.ID], Unique: len(unique[d.ID])}
		for _, c := range d.Clauses {
			if len(measures[c.Measure].Documents) > 1 {
				pd.Shared++
			}
		}
		pd.Outline = outline(d, measures)
		pg.Clauses += len(d.Clauses)
		pg.Docs = append(pg.Docs, pd)
	}
	for k := 2; k <= len(rep.Documents); k++ {
		pg.SharingThreshold = append(pg.SharingThreshold, k)
	}
	pairs := m.Cut.Select(r.Similarity, len(r.Docs))
	order := docOrder(r, pairs)
	n := len(rep.Documents)
	pg.ShowHeat, pg.Clustered = n <= heatMapUpTo, n > 10 && n <= clusterOrderUpTo
	if pg.ShowHeat {
		pg.Heat = buildHeatMap(rep, label, th, order)
	}
	if n > 10 {
		pg.Partners, pg.PartnersShown = buildPartners(r, pairs, order, label), partnersShown
	}
	if !m.Cut.All() {
		pg.PairsNote = fmt.Sprintf("This report lists the pairs that share at least %d measures and, of those, each document's %d closest partners (parameters similarity_min_shared and similarity_top_partners); the matrix shows any other pair as 0.", m.Cut.MinShared, m.Cut.TopPartners)
	}
	withText := len(r.Topics)
	if len(rep.Documents) > matrixColumnsUpTo && withText > topicsWithTextPast40 {
		withText, pg.TopicsWithText = topicsWithTextPast40, topicsWithTextPast40
	}
	pg.Topics = buildTopics(r, rep, label, longWords(isContent), maxTopicColumns, withText)
	pg.Matrix = buildMatrix(r, rep, pg.Docs, len(rep.Documents) > compactAbove, isContent)
	pg.Unique = buildUnique(rep, label, unique)
	return pg
}

// buildUnique lists each document's unique clauses by section.
func buildUnique(rep *Report, label map[string]string, unique map[string][]*Measure) []pageUnique {
	var out []pageUnique
	sections := sectionIndex(rep)
	clauses := clauseIndex(rep)
	for _, d := range rep.Documents {
		u := pageUnique{Label: label[d.ID], DocID: d.ID, Script: d.Script}
		for _, m := range unique[d.ID] {
			for _, id := range m.Clauses {
				c := clauses[id]
				title := sectionTitle(sections[c.Section])
				if k := len(u.Groups) - 1; k < 0 || u.Groups[k].Section != title {
					u.Groups = append(u.Groups, uniqueGroup{Section: title})
				}
				g := &u.Groups[len(u.Groups)-1]
				g.Items = append(g.Items, uniqueItem{ID: c.ID, Text: c.Text})
				u.Count++
			}
		}
		out = append(out, u)
	}
	return out
}

// outline builds a document's section tree with clause counts.
func outline(d *Document, measures map[string]*Measure) []outlineNode {
	own := map[string][2]int{} // section → clauses, shared clauses
	for _, c := range d.Clauses {
		n := own[c.Section]
		n[0]++
		if len(measures[c.Measure].Documents) > 1 {
			n[1]++
		}
		own[c.Section] = n
	}
	children := map[string][]int{}
	for i, s := range d.Sections {
		children[s.Parent] = append(children[s.Parent], i)
	}
	var build func(parent string) []outlineNode
	build = func(parent string) []outlineNode {
		var out []outlineNode
		for _, i := range children[parent] {
			s := &d.Sections[i]
			n := outlineNode{ID: s.ID, Title: sectionTitle(s), Clauses: own[s.ID][0], Shared: own[s.ID][1]}
			n.Children = build(s.ID)
			out = append(out, n)
		}
		return out
	}
	return build("")
}

// buildTopics lays out each topic's sections side by side, at most
// maxColumns of them with their text; topics past the first withText are
// named with their sections only.
func buildTopics(r *compare.Result, rep *Report, label map[string]string, keep wordFilter, maxColumns, withText int) []pageTopic {
	var out []pageTopic
	sections := sectionIndex(rep)
	for ti := range r.Topics {
		t := &r.Topics[ti]
		a := rep.Alignments[ti]
		counts, parts, n := topicWords(r, t, keep)
		grade := sharedWords(counts, n)
		pt := pageTopic{ID: a.ID, Label: a.Label, Score: a.Score.String(), Measures: len(a.Measures), Docs: n}
		for i, ref := range t.Sections {
			d := r.Docs[ref.Doc]
			sid := d.Sections[ref.Section].ID
			col := topicColumn{Doc: label[d.ID], DocID: d.ID, Section: sid, Title: sectionTitle(sections[sid]), Script: string(d.Script)}
			if i >= maxColumns || ti >= withText {
				pt.More = append(pt.More, col)
				continue
			}
			for k, p := range parts[i] {
				tp := topicPart{}
				if k > 0 {
					tp.Title = sectionTitle(sections[d.Sections[p.Section].ID])
				}
				for _, c := range p.Clauses {
					tp.Clauses = append(tp.Clauses, highlight(c, grade))
				}
				if tp.Title != "" || len(tp.Clauses) > 0 {
					col.Parts = append(col.Parts, tp)
				}
			}
			pt.Columns = append(pt.Columns, col)
		}
		out = append(out, pt)
	}
	return out
}

// buildMatrix lays out the measure × document table. In near measures
// the words that not every document uses are marked, which shows the
// light edits (a place name, a word added or dropped) at a glance.
func buildMatrix(r *compare.Result, rep *Report, docs []pageDoc, compact bool, isContent wordFilter) matrix {
	mx := matrix{Compact: compact, Listed: len(docs) > matrixColumnsUpTo, Docs: docs}
	for mi, m := range rep.Measures {
		if compact && len(m.Documents) < 2 {
			continue
		}
		row := matrixRow{ID: m.ID, Label: m.Label, Kind: m.Kind, Sim: m.Similarity.String(),
			Docs: strings.Join(m.Documents, " "), Alignment: m.Alignment, Shared: len(m.Documents),
			Cells: make([]matrixCell, len(docs))}
		refs := r.Measures[mi].Clauses
		grade := func(string) (mark, int) { return markNone, 0 }
		if m.Kind == string(compare.Near) {
			grade = editedWords(measureWords(r, refs, isContent), len(m.Documents))
		}
		for _, ref := range refs {
			c := r.Clause(ref)
			cell := &row.Cells[ref.Doc]
			cell.Texts = append(cell.Texts, highlight(c, grade))
			cell.Title = strings.TrimSpace(cell.Title + "\n" + c.ID + " " + c.Text)
		}
		mx.Rows = append(mx.Rows, row)
	}
	mx.Total = len(mx.Rows)
	return mx
}

// measureWords counts in how many of a measure's documents each word is used.
func measureWords(r *compare.Result, refs []compare.ClauseRef, keep wordFilter) map[string]int {
	byDoc := map[int][]*segment.Clause{}
	var order []int
	for _, ref := range refs {
		if _, ok := byDoc[ref.Doc]; !ok {
			order = append(order, ref.Doc)
		}
		byDoc[ref.Doc] = append(byDoc[ref.Doc], r.Clause(ref))
	}
	groups := make([][]*segment.Clause, len(order))
	for i, d := range order {
		groups[i] = byDoc[d]
	}
	return wordCounts(groups, keep)
}
