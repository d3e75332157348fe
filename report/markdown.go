package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"citydiff/compare"
)

// How much of each list the memo shows; the JSON and CSV reports hold all.
const (
	mdTopShared  = 25 // shared measures
	mdUniqueEach = 8  // unique measures per document
	mdExcerpt    = 60 // code points of clause text
)

// Markdown writes a summary to paste into a memo: documents, a similarity
// table, the most widely shared measures with their cities, unique
// measures per city and the topic list, in GitHub-flavoured tables, then
// what is needed to reproduce it.
func Markdown(w io.Writer, r *compare.Result, m Meta) error {
	rep, err := Build(r, m)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	md := &mdWriter{w: bw, rep: rep, label: docLabels(rep), clauses: clauseIndex(rep)}
	md.summary()
	md.documents()
	md.similarity()
	md.shared()
	md.unique()
	md.topics()
	md.reproduce(m)
	return bw.Flush()
}

type mdWriter struct {
	w       *bufio.Writer
	rep     *Report
	label   map[string]string
	clauses map[string]*Clause
}

func (md *mdWriter) p(format string, args ...any) { fmt.Fprintf(md.w, format, args...) }

// row writes one table row, escaping each cell.
func (md *mdWriter) row(cells ...string) {
	md.w.WriteString("|")
	for _, c := range cells {
		md.w.WriteString(" " + mdCell(c) + " |")
	}
	md.w.WriteString("\n")
}

// header writes a table header; align is one of "l", "r" per column.
func (md *mdWriter) header(align string, cells ...string) {
	md.row(cells...)
	md.w.WriteString("|")
	for i := range cells {
		if i < len(align) && align[i] == 'r' {
			md.w.WriteString(" ---: |")
		} else {
			md.w.WriteString(" --- |")
		}
	}
	md.w.WriteString("\n")
}

// mdCell makes text safe inside a table cell: one line, pipes and
// backslashes escaped.
func mdCell(s string) string {
	s = oneLine(s)
	s = strings.ReplaceAll(s, `\`, `\\`)
	return strings.ReplaceAll(s, "|", `\|`)
}

func (md *mdWriter) cities(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = md.label[id]
	}
	return strings.Join(names, "、")
}

func (md *mdWriter) summary() {
	rep := md.rep
	clauses, shared := 0, 0
	for _, d := range rep.Documents {
		clauses += len(d.Clauses)
	}
	for _, m := range rep.Measures {
		if len(m.Documents) > 1 {
			shared++
		}
	}
	md.p("# citydiff report\n\n")
	md.p("%d documents, %d clauses, %d measures of which %d are shared by two or more documents, %d aligned topics.\n",
		len(rep.Documents), clauses, len(rep.Measures), shared, len(rep.Alignments))
	md.p("Written by %s %s (schema `%s`).\n", rep.Tool.Name, rep.Tool.Version, rep.Schema)
}

func (md *mdWriter) documents() {
	md.p("\n## Documents\n\n")
	md.header("llllllrrr", "id", "city", "title", "issuer", "date", "script", "sections", "clauses", "unique measures")
	unique := uniqueMeasures(md.rep)
	for _, d := range md.rep.Documents {
		md.row(d.ID, d.City, d.Title, d.Issuer, d.Date, d.Script,
			fmt.Sprint(len(d.Sections)), fmt.Sprint(len(d.Clauses)), fmt.Sprint(len(unique[d.ID])))
	}
}

func (md *mdWriter) similarity() {
	docs := md.rep.Documents
	md.p("\n## Similarity\n\n")
	md.p("Share of measures two documents have in common (of the smaller document's measures), and in brackets how many.\n\n")
	head := []string{""}
	align := "l"
	for _, d := range docs {
		head = append(head, md.label[d.ID])
		align += "r"
	}
	md.header(align, head...)
	pairs := pairScores(md.rep)
	for _, a := range docs {
		cells := []string{"**" + md.label[a.ID] + "**"}
		for _, b := range docs {
			if a.ID == b.ID {
				cells = append(cells, "—")
				continue
			}
			p := pairs[[2]string{a.ID, b.ID}]
			cells = append(cells, fmt.Sprintf("%.2f (%d)", float64(p.Score), p.Shared))
		}
		md.row(cells...)
	}
}

func (md *mdWriter) shared() {
	list := sharedMeasures(md.rep)
	md.p("\n## Most widely shared measures\n\n")
	if len(list) == 0 {
		md.p("No measure is shared by two documents.\n")
		return
	}
	if len(list) > mdTopShared {
		md.p("The %d most widely shared of %d shared measures.\n\n", mdTopShared, len(list))
		list = list[:mdTopShared]
	}
	md.header("llllrl", "measure", "label", "kind", "cities", "similarity", "as one city writes it")
	for _, m := range list {
		first := md.clauses[m.Clauses[0]]
		md.row(m.ID, m.Label, m.Kind, md.cities(m.Documents), m.Similarity.String(),
			md.label[docOf(first.ID)]+": "+truncate(first.Text, mdExcerpt))
	}
}

func (md *mdWriter) unique() {
	unique := uniqueMeasures(md.rep)
	md.p("\n## Unique measures\n")
	for _, d := range md.rep.Documents {
		list := unique[d.ID]
		md.p("\n### %s (%s): %d unique measures\n\n", md.label[d.ID], d.ID, len(list))
		for i, m := range list {
			if i == mdUniqueEach {
				md.p("- … and %d more\n", len(list)-mdUniqueEach)
				break
			}
			c := md.clauses[m.Clauses[0]]
			md.p("- `%s` %s\n", c.ID, mdCell(truncate(c.Text, mdExcerpt)))
		}
	}
}

func (md *mdWriter) topics() {
	md.p("\n## Topics\n\n")
	if len(md.rep.Alignments) == 0 {
		md.p("No sections were aligned.\n")
		return
	}
	sections := sectionIndex(md.rep)
	md.header("llrrl", "topic", "label", "score", "shared measures", "sections")
	for _, a := range md.rep.Alignments {
		parts := make([]string, len(a.Sections))
		for i, id := range a.Sections {
			parts[i] = md.label[docOf(id)] + " " + truncate(sectionTitle(sections[id]), 30)
		}
		md.row(a.ID, a.Label, a.Score.String(), fmt.Sprint(len(a.Measures)), strings.Join(parts, "; "))
	}
}

func (md *mdWriter) reproduce(m Meta) {
	md.p("\n## Reproducing this report\n\n")
	md.header("lll", "document", "file", "sha256")
	for _, in := range m.Inputs {
		md.row(in.ID, in.File, "`"+in.SHA256+"`")
	}
	md.p("\n")
	md.header("lr", "parameter", "value")
	for _, p := range paramList(m.Parameters()) {
		md.row(p.Name, p.Value)
	}
}
