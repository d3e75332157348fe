package report

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestBrowser renders the seeds' HTML report in headless Chromium, takes a
// screenshot and checks the page after its script ran: the heat map, the
// matrix and the highlights are there, and the filter set from the address
// hides the rows it should. It needs Chromium, so it runs only with
// CITYDIFF_BROWSER=1 (scripts/browser-test.sh installs Chromium and sets
// it). CITYDIFF_BROWSER_OUT keeps the page and screenshot in a directory;
// CITYDIFF_CHROMIUM names the browser binary.
func TestBrowser(t *testing.T) {
	if os.Getenv("CITYDIFF_BROWSER") != "1" {
		t.Skip("set CITYDIFF_BROWSER=1 to run the browser test (scripts/browser-test.sh)")
	}
	chrome := findChromium(t)
	out := os.Getenv("CITYDIFF_BROWSER_OUT")
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	r, m := seedMeta(t)
	rep, err := Build(r, m)
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, "report.html")
	if err := WriteFile(page, func(w io.Writer) error { return HTML(w, r, m) }); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: abs}).String()

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(out, "report.png")
		os.Remove(shot)
		headless(t, chrome, "--screenshot="+shot, "--window-size=1400,2000", pageURL)
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != 1400 || cfg.Height != 2000 {
			t.Errorf("screenshot is %dx%d", cfg.Width, cfg.Height)
		}
		t.Logf("screenshot: %s", shot)
	})

	count := func(pred func(*Measure) bool) int {
		n := 0
		for i := range rep.Measures {
			if pred(&rep.Measures[i]) {
				n++
			}
		}
		return n
	}
	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		name, suffix string
		want         func(*Measure) bool
	}{
		{"no filter", "", func(*Measure) bool { return true }},
		{"fragment kind", "#filter=kind:near", func(m *Measure) bool { return m.Kind == "near" }},
		{"fragment shared and city", "#filter=shared:2,city:puyang",
			func(m *Measure) bool { return len(m.Documents) >= 2 && has(m.Documents, "puyang") }},
		{"query", "?kind=unique&city=shanghai",
			func(m *Measure) bool { return m.Kind == "unique" && has(m.Documents, "shanghai") }},
		{"search", "#filter=q:" + url.PathEscape("监督"), func(m *Measure) bool {
			if strings.Contains(m.Label, "监督") {
				return true
			}
			for _, id := range m.Clauses {
				if strings.Contains(clauseIndex(rep)[id].Text, "监督") {
					return true
				}
			}
			return false
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dom := headless(t, chrome, "--dump-dom", pageURL+tc.suffix)
			root, err := html.Parse(bytes.NewReader(dom))
			if err != nil {
				t.Fatal(err)
			}
			checkLivePage(t, root, rep, tc.want, count(tc.want))
		})
	}
}

// checkLivePage checks the page as the browser left it.
func checkLivePage(t *testing.T, root *html.Node, rep *Report, want func(*Measure) bool, shown int) {
	t.Helper()
	n := len(rep.Documents)
	if svgs := findAll(root, byClass("svg", "heatmap")); len(svgs) != 1 || len(findAll(svgs[0], byClass("g", "cell"))) != n*n {
		t.Error("heat map missing or incomplete")
	}
	if len(rep.Alignments) > 0 && len(findAll(byID(root, "topics"), byTag("mark"))) == 0 {
		t.Error("no highlighted shared words")
	}
	form := byID(root, "matrix-filter")
	if form == nil || hasAttr(form, "hidden") {
		t.Fatal("the script did not show the filter controls")
	}
	table := byID(root, "matrix")
	rows := findAll(findAll(table, byTag("tbody"))[0], byTag("tr"))
	if len(rows) != len(rep.Measures) {
		t.Fatalf("%d rows for %d measures", len(rows), len(rep.Measures))
	}
	byMeasure := map[string]*Measure{}
	for i := range rep.Measures {
		byMeasure[rep.Measures[i].ID] = &rep.Measures[i]
	}
	visible := 0
	for _, row := range rows {
		m := byMeasure[attr(row, "id")]
		if hidden := hasAttr(row, "hidden"); hidden == want(m) {
			t.Errorf("row %s hidden=%v, want %v", m.ID, hidden, !want(m))
		} else if !hidden {
			visible++
		}
	}
	if visible != shown {
		t.Errorf("%d rows visible, want %d", visible, shown)
	}
	if shown == len(rep.Measures) {
		return
	}
	status := text(byID(root, "matrix-status"))
	if wantStatus := "Showing " + strconv.Itoa(shown) + " of " + strconv.Itoa(len(rep.Measures)); !strings.HasPrefix(status, wantStatus) {
		t.Errorf("status %q, want %q…", status, wantStatus)
	}
	if shown == 0 {
		t.Error("the filter hides every row: the test case says nothing")
	}
}

func findChromium(t *testing.T) string {
	if c := os.Getenv("CITYDIFF_CHROMIUM"); c != "" {
		return c
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("CITYDIFF_BROWSER=1 but no Chromium found (scripts/browser-test.sh installs it)")
	return ""
}

// headless runs Chromium on one page, offline and with a throwaway
// profile, and returns its standard output.
func headless(t *testing.T, chrome string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, chrome, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", chrome, strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
