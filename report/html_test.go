package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"citydiff/compare"
	"citydiff/segment"
	"citydiff/segment/words"
)

// node helpers over golang.org/x/net/html

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// findAll returns the elements under n (n included) that match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func byClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag && hasClass(n, class) }
}

func byID(root *html.Node, id string) *html.Node {
	found := findAll(root, func(n *html.Node) bool { return attr(n, "id") == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func renderHTML(t *testing.T, r *compare.Result, m Meta) (*html.Node, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return root, buf.Bytes()
}

// TestHTMLSections parses the seeds' page and checks each section against
// the report model.
func TestHTMLSections(t *testing.T) {
	r, m := seedMeta(t)
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := renderHTML(t, r, m)
	n := len(rep.Documents)
	section := func(id string) *html.Node {
		s := byID(root, id)
		if s == nil || s.Data != "section" {
			t.Fatalf("no <section id=%q>", id)
		}
		return s
	}

	t.Run("documents", func(t *testing.T) {
		rows := findAll(section("documents"), byTag("tr"))
		if len(rows) != n+1 {
			t.Fatalf("%d table rows for %d documents", len(rows), n)
		}
		for i, d := range rep.Documents {
			row := text(rows[i+1])
			for _, want := range []string{d.ID, d.Title, d.SHA256, d.File} {
				if !strings.Contains(row, want) {
					t.Errorf("documents row %d lacks %q", i, want)
				}
			}
		}
	})
	t.Run("heat map", func(t *testing.T) {
		svgs := findAll(section("similarity"), byClass("svg", "heatmap"))
		if len(svgs) != 1 {
			t.Fatalf("%d heat maps", len(svgs))
		}
		cells := findAll(svgs[0], byClass("g", "cell"))
		if len(cells) != n*n {
			t.Fatalf("%d cells, want %d", len(cells), n*n)
		}
		label := docLabels(rep)
		pairs := pairScores(rep)
		for i, a := range rep.Documents {
			for j, b := range rep.Documents {
				cell := cells[i*n+j]
				vals := findAll(cell, byClass("text", "val"))
				if len(vals) != 1 || findAll(cell, byTag("rect")) == nil {
					t.Fatalf("cell %d,%d has no rect or number", i, j)
				}
				if i == j {
					continue
				}
				p := pairs[[2]string{a.ID, b.ID}]
				if got, want := text(vals[0]), strconv.FormatFloat(float64(p.Score), 'f', 2, 64); got != want {
					t.Errorf("cell %s×%s shows %s, want %s", a.ID, b.ID, got, want)
				}
				if title := text(findAll(cell, byTag("title"))[0]); !strings.Contains(title, label[a.ID]) || !strings.Contains(title, strconv.Itoa(p.Shared)) {
					t.Errorf("cell %s×%s title %q", a.ID, b.ID, title)
				}
			}
		}
	})
	t.Run("topics", func(t *testing.T) {
		topics := findAll(section("topics"), byClass("details", "topic"))
		if len(topics) != len(rep.Alignments) {
			t.Fatalf("%d topics, want %d", len(topics), len(rep.Alignments))
		}
		marks := 0
		for i, a := range rep.Alignments {
			if attr(topics[i], "id") != a.ID {
				t.Errorf("topic %d has id %q, want %q", i, attr(topics[i], "id"), a.ID)
			}
			cols := findAll(topics[i], byClass("article", "column"))
			if len(cols) != len(a.Sections) {
				t.Errorf("%s: %d columns for %d sections", a.ID, len(cols), len(a.Sections))
			}
			for k, col := range cols {
				if k < len(a.Sections) && !strings.Contains(text(col), a.Sections[k]) {
					t.Errorf("%s column %d does not name %s", a.ID, k, a.Sections[k])
				}
			}
			for _, mk := range findAll(topics[i], byTag("mark")) {
				marks++
				if c := attr(mk, "class"); c != "s1" && c != "s2" && c != "s3" {
					t.Errorf("%s: mark of class %q", a.ID, c)
				}
			}
		}
		if len(rep.Alignments) > 0 && marks == 0 {
			t.Error("no shared words are highlighted")
		}
	})
	t.Run("matrix", func(t *testing.T) {
		sec := section("measures")
		table := byID(sec, "matrix")
		if table == nil {
			t.Fatal("no matrix table")
		}
		if heads := findAll(table, byClass("th", "doc")); len(heads) != n {
			t.Errorf("%d document columns, want %d", len(heads), n)
		}
		rows := findAll(findAll(table, byTag("tbody"))[0], byTag("tr"))
		if len(rows) != len(rep.Measures) {
			t.Fatalf("%d rows for %d measures", len(rows), len(rep.Measures))
		}
		for i, ms := range rep.Measures {
			row := rows[i]
			if attr(row, "id") != ms.ID || attr(row, "data-kind") != ms.Kind ||
				attr(row, "data-shared") != strconv.Itoa(len(ms.Documents)) ||
				attr(row, "data-docs") != strings.Join(ms.Documents, " ") {
				t.Fatalf("row %d: id=%s kind=%s shared=%s docs=%s, want %+v", i, attr(row, "id"),
					attr(row, "data-kind"), attr(row, "data-shared"), attr(row, "data-docs"), ms)
			}
			if filled := findAll(row, byClass("td", "text")); len(filled) != len(ms.Documents) {
				t.Errorf("%s: %d filled cells for %d documents", ms.ID, len(filled), len(ms.Documents))
			}
		}
		form := byID(sec, "matrix-filter")
		if form == nil || !hasAttr(form, "hidden") {
			t.Error("the filter form must exist and be hidden until the script shows it")
		}
		for _, name := range []string{"shared", "kind", "city", "q"} {
			if len(findAll(form, func(n *html.Node) bool { return attr(n, "name") == name })) != 1 {
				t.Errorf("filter has no %q control", name)
			}
		}
	})
	t.Run("unique", func(t *testing.T) {
		lists := findAll(section("unique"), byClass("details", "list"))
		if len(lists) != n {
			t.Fatalf("%d unique lists for %d documents", len(lists), n)
		}
		unique := uniqueMeasures(rep)
		for i, d := range rep.Documents {
			want := 0
			for _, m := range unique[d.ID] {
				want += len(m.Clauses)
			}
			if got := len(findAll(lists[i], byTag("li"))); got != want {
				t.Errorf("%s: %d unique clauses listed, want %d", d.ID, got, want)
			}
		}
	})
	t.Run("outlines", func(t *testing.T) {
		for _, d := range rep.Documents {
			o := byID(section("outlines"), "outline-"+d.ID)
			if o == nil {
				t.Fatalf("no outline for %s", d.ID)
			}
			if got := len(findAll(o, byTag("li"))); got != len(d.Sections) {
				t.Errorf("%s: outline has %d entries for %d sections", d.ID, got, len(d.Sections))
			}
		}
	})
	t.Run("traditional shown as written", func(t *testing.T) {
		for _, d := range rep.Documents {
			if d.Script == "traditional" && !strings.Contains(text(section("documents")), d.Title) {
				t.Errorf("%s: title %q not shown as written", d.ID, d.Title)
			}
		}
	})
	t.Run("self-contained", func(t *testing.T) {
		for _, el := range findAll(root, func(*html.Node) bool { return true }) {
			switch el.Data {
			case "link", "img", "iframe", "object", "embed":
				t.Errorf("external resource element <%s>", el.Data)
			}
			for _, a := range el.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> leaves the page", el.Data, a.Key, a.Val)
				}
			}
		}
		for _, s := range findAll(root, byTag("style")) {
			if strings.Contains(text(s), "url(") || strings.Contains(text(s), "@import") {
				t.Error("stylesheet loads something")
			}
		}
	})
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestHTMLEscapes feeds markup through a user's document: it must come out
// as text.
func TestHTMLEscapes(t *testing.T) {
	const evil = "关于<script>alert(1)</script>的决定\n\n一、加强立法工作\n推进科学立法、民主立法、依法立法,<b>提高</b>立法质量。\n二、加强执法\n严格规范公正文明执法\" onmouseover=\"x。\n"
	doc := segment.FromText("evil", "evil.txt", evil, segment.Meta{City: "<i>城</i>"}, words.Default())
	doc.SHA256 = strings.Repeat("0", 64)
	r := compare.Analyze([]*segment.Document{doc}, words.Default(), compare.DefaultParams())
	m := NewMeta("citydiff", "test", r)
	root, raw := renderHTML(t, r, m)
	if n := len(findAll(root, byTag("script"))); n != 1 {
		t.Errorf("%d <script> elements, want only the page's own", n)
	}
	for _, tag := range []string{"b", "i"} {
		if n := len(findAll(root, byTag(tag))); n != 0 {
			t.Errorf("document text became <%s> elements", tag)
		}
	}
	if !bytes.Contains(raw, []byte("&lt;b&gt;提高&lt;/b&gt;")) {
		t.Error("markup in a clause is not shown as text")
	}
	var buf bytes.Buffer
	if err := JSON(&buf, r, m); err != nil {
		t.Fatal(err)
	}
	validateReport(t, "evil", buf.Bytes())
}

// TestHTMLCompact checks the layout for many documents: the matrix shows
// marks and leaves unique measures out.
func TestHTMLCompact(t *testing.T) {
	r, m := seedMeta(t)
	rep, _ := Build(r, m)
	mx := buildMatrix(r, rep, make([]pageDoc, len(rep.Documents)), true, func(string) bool { return true })
	for _, row := range mx.Rows {
		if row.Shared < 2 {
			t.Fatalf("compact matrix holds unique measure %s", row.ID)
		}
	}
	if len(mx.Rows) != len(sharedMeasures(rep)) {
		t.Errorf("compact matrix has %d rows, want the %d shared measures", len(mx.Rows), len(sharedMeasures(rep)))
	}
}

// TestHTMLTopicColumnsBounded: past the column bound a topic names its
// other sections instead of repeating their text.
func TestHTMLTopicColumnsBounded(t *testing.T) {
	r, m := seedMeta(t)
	rep, _ := Build(r, m)
	label := map[string]string{}
	for _, d := range rep.Documents {
		label[d.ID] = d.City
	}
	topics := buildTopics(r, rep, label, func(string) bool { return true }, 2, len(r.Topics))
	checked := false
	for k, pt := range topics {
		want := len(r.Topics[k].Sections)
		if len(pt.Columns) > 2 || len(pt.Columns)+len(pt.More) != want {
			t.Errorf("%s: %d columns + %d more, want ≤ 2 + the rest of %d", pt.ID, len(pt.Columns), len(pt.More), want)
		}
		for _, c := range pt.More {
			checked = true
			if len(c.Parts) != 0 || c.Section == "" {
				t.Errorf("%s: a listed section carries text or lacks its id: %+v", pt.ID, c)
			}
		}
	}
	if !checked {
		t.Fatal("no topic of the seeds has more than two sections")
	}
}

// TestHTMLListedMatrix renders the measure matrix as it is past
// matrixColumnsUpTo documents: one cell per row names the documents that
// hold the measure, with no column per document.
func TestHTMLListedMatrix(t *testing.T) {
	r, m := seedMeta(t)
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	pg := buildPage(r, rep, m, DefaultTheme(), func(string) bool { return true })
	pg.Matrix = buildMatrix(r, rep, pg.Docs, true, func(string) bool { return true })
	pg.Matrix.Listed = true
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, pg); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	table := byID(root, "matrix")
	if heads := findAll(table, byClass("th", "doc")); len(heads) != 0 {
		t.Errorf("%d document columns in a listed matrix", len(heads))
	}
	rows := findAll(findAll(table, byTag("tbody"))[0], byTag("tr"))
	if len(rows) != len(pg.Matrix.Rows) || len(rows) == 0 {
		t.Fatalf("%d rows for %d measures", len(rows), len(pg.Matrix.Rows))
	}
	label := docLabels(rep)
	for i, tr := range rows {
		cells := findAll(tr, byClass("td", "docs"))
		if len(cells) != 1 {
			t.Fatalf("row %d: %d document cells", i, len(cells))
		}
		want := ""
		for _, id := range strings.Fields(pg.Matrix.Rows[i].Docs) {
			want += "● " + label[id] + " "
		}
		if got := text(cells[0]); got != want {
			t.Errorf("row %s names %q, want %q", pg.Matrix.Rows[i].ID, got, want)
		}
	}
}

// TestHTMLTopicsWithText: past the first withText topics a topic names its
// sections without their text.
func TestHTMLTopicsWithText(t *testing.T) {
	r, m := seedMeta(t)
	rep, _ := Build(r, m)
	topics := buildTopics(r, rep, docLabels(rep), func(string) bool { return true }, maxTopicColumns, 3)
	if len(topics) <= 3 {
		t.Fatalf("only %d topics", len(topics))
	}
	for k, pt := range topics {
		if k < 3 && len(pt.Columns) == 0 || k >= 3 && (len(pt.Columns) != 0 || len(pt.More) != len(r.Topics[k].Sections)) {
			t.Errorf("topic %d (%s): %d columns with text, %d named", k, pt.ID, len(pt.Columns), len(pt.More))
		}
	}
}
