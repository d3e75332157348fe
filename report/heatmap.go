package report

import (
	"fmt"
	"math"
)

// heatMap is the city × city similarity matrix laid out for inline SVG:
// each cell carries its number, so the colour only repeats what is
// written.
type heatMap struct {
	Width, Height int
	Cell          int
	Rotate        bool // column labels are turned to fit
	Angle         int  // their angle: -45 for a few documents, -90 (no overlap at any size) past 10
	LabelFont     int
	Rows, Cols    []heatLabel
	Cells         []heatCell
	Max           string // the score the darkest colour stands for
	Legend        []heatCell
}

type heatLabel struct {
	X, Y int
	Text string
	Full string // for the tooltip
}

type heatCell struct {
	X, Y, Size   int
	Fill, Ink    string
	Value, Sub   string
	Title        string
	ValueY, SubY int
	FontSize     int
	SubFontSize  int
	Diagonal     bool
}

// heatScale is the score the darkest colour stands for: the highest score
// rounded up to a tenth, so that five documents that share little still
// show their differences, and the legend says so.
func heatScale(rep *Report) float64 {
	hi := 0.0
	for _, p := range rep.Similarity {
		hi = math.Max(hi, float64(p.Score))
	}
	return math.Max(0.1, math.Ceil(hi*10-1e-9)/10)
}

// buildHeatMap lays out the matrix with the documents in the given order
// (indexes into rep.Documents). Up to 10 documents the cells are large and
// carry their numbers; past 10 they shrink to fit, keep their numbers only
// when those still fit, and every label is at most a cell high, so that
// labels never overlap (column labels stand upright).
func buildHeatMap(rep *Report, label map[string]string, th Theme, order []int) heatMap {
	n := len(order)
	cell, labelFont, angle := 64, 14, -45
	if n > 10 {
		cell = max(16, min(40, 720/n))
		labelFont, angle = min(12, cell-4), -90
	}
	labelW := 0
	for _, d := range rep.Documents {
		labelW = max(labelW, textWidth(truncate(label[d.ID], 10), labelFont))
	}
	labelW = min(labelW, 160) + 12
	h := heatMap{Cell: cell, Rotate: labelW-12 > cell, Angle: angle, LabelFont: labelFont}
	top := 28
	if h.Rotate {
		top = labelW
		if angle == -90 {
			top += 8 // upright labels take their whole width above the matrix
		}
	}
	scale := heatScale(rep)
	h.Max = Score(scale).String()
	pairs := pairScores(rep)
	font := max(8, min(16, cell*16/64))
	showValues := n <= 10 || cell >= 30
	for i, ai := range order {
		a := &rep.Documents[ai]
		name := truncate(label[a.ID], 10)
		h.Rows = append(h.Rows, heatLabel{X: labelW - 8, Y: top + i*cell + cell/2, Text: name, Full: a.ID})
		h.Cols = append(h.Cols, heatLabel{X: labelW + i*cell + cell/2, Y: top - 8, Text: name, Full: a.ID})
		for j, bj := range order {
			b := &rep.Documents[bj]
			c := heatCell{X: labelW + j*cell, Y: top + i*cell, Size: cell, FontSize: font, SubFontSize: max(7, font*11/16)}
			if i == j {
				c.Diagonal, c.Fill, c.Ink = true, "#f2f2f2", "#5c5f66"
				if showValues {
					c.Value = "—"
				}
				c.Title = fmt.Sprintf("%s: %d clauses", label[a.ID], len(a.Clauses))
			} else {
				p := pairs[[2]string{a.ID, b.ID}] // a pair the cut left out shares little: shown as 0
				c.Fill, c.Ink = th.heat(float64(p.Score) / scale)
				if showValues {
					c.Value = fmt.Sprintf("%.2f", float64(p.Score))
				}
				c.Title = fmt.Sprintf("%s × %s: score %s, %d shared measures", label[a.ID], label[b.ID], p.Score, p.Shared)
				if cell >= 48 {
					c.Sub = fmt.Sprintf("%d shared", p.Shared)
				}
			}
			c.ValueY = c.Y + cell/2 + font/3
			if c.Sub != "" {
				c.ValueY = c.Y + cell/2 - 2
				c.SubY = c.Y + cell/2 + c.SubFontSize + 2
			}
			h.Cells = append(h.Cells, c)
		}
	}
	h.Width = labelW + n*cell + 8
	if h.Rotate && angle == -45 {
		h.Width += (labelW - 12) * 7 / 10 // the last column's label leans out to the right
	}
	h.Height = top + n*cell + 8
	for k := 0; k <= 4; k++ {
		x := float64(k) / 4
		fill, ink := th.heat(x)
		h.Legend = append(h.Legend, heatCell{Fill: fill, Ink: ink, Value: Score(x * scale).String()})
	}
	return h
}

// textWidth estimates the rendered width of s: CJK characters are square,
// others about half as wide.
func textWidth(s string, size int) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += size * 65 / 100
		}
	}
	return w
}
