package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Theme holds the HTML report's colours by meaning. Every colour-coded
// thing also has a non-colour form (a written kind, underline style and
// weight for shared words, numbers in the heat map), and the hues are from
// palettes chosen to stay distinct under common colour-blindness: Okabe–Ito
// for categories, ColorBrewer YlGnBu for the sequential heat map.
type Theme struct {
	Ink, Muted, Paper, Rule, Accent string

	// Shared words, from the widest sharing to the narrowest.
	SharedAll, SharedMost, SharedFew string

	// Measure kinds.
	Verbatim, Near, Paraphrase, Unique string

	// Heat is the similarity ramp, low to high.
	Heat []string
}

// DefaultTheme is the report's theme.
func DefaultTheme() Theme {
	return Theme{
		Ink: "#1b1b1f", Muted: "#5c5f66", Paper: "#ffffff", Rule: "#d6d8dc", Accent: "#0072b2",
		SharedAll: "#f5a623", SharedMost: "#fbd07a", SharedFew: "#fdeec8",
		Verbatim: "#0072b2", Near: "#009e73", Paraphrase: "#e69f00", Unique: "#cc79a7",
		Heat: []string{"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"},
	}
}

// CSS declares the theme as CSS custom properties.
func (t Theme) CSS() template.CSS {
	var b strings.Builder
	b.WriteString(":root{")
	for _, v := range [][2]string{
		{"ink", t.Ink}, {"muted", t.Muted}, {"paper", t.Paper}, {"rule", t.Rule}, {"accent", t.Accent},
		{"shared-all", t.SharedAll}, {"shared-most", t.SharedMost}, {"shared-few", t.SharedFew},
		{"verbatim", t.Verbatim}, {"near", t.Near}, {"paraphrase", t.Paraphrase}, {"unique", t.Unique},
	} {
		fmt.Fprintf(&b, "--%s:%s;", v[0], v[1])
	}
	b.WriteString("}")
	return template.CSS(b.String()) // built from the theme's own constants
}

// heat returns the ramp colour for x in [0, 1] and an ink that reads on it.
func (t Theme) heat(x float64) (fill, ink string) {
	x = math.Max(0, math.Min(1, x))
	pos := x * float64(len(t.Heat)-1)
	i := int(pos)
	if i >= len(t.Heat)-1 {
		i = len(t.Heat) - 2
	}
	a, b := rgb(t.Heat[i]), rgb(t.Heat[i+1])
	f := pos - float64(i)
	var c [3]float64
	for k := range c {
		c[k] = a[k] + (b[k]-a[k])*f
	}
	fill = fmt.Sprintf("#%02x%02x%02x", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
	if luminance(c) > 0.4 {
		return fill, "#111111"
	}
	return fill, "#ffffff"
}

func rgb(hex string) [3]float64 {
	var r, g, b int
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	return [3]float64{float64(r), float64(g), float64(b)}
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}
