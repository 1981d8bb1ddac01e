package render

import (
	"image/color"
	"math"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The fonts of the charts.
var (
	chartSans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	chartSansBold = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
)

// chartText returns a text style in f at size points.
func chartText(f font.Font, size vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(f, size), Handler: plot.DefaultTextHandler}
}

// chartHeading writes a section heading whose top is at y.
func chartHeading(c draw.Canvas, y vg.Length, s string) {
	sty := chartText(chartSansBold, 8.5, color.Black)
	sty.YAlign = draw.YTop
	c.FillText(sty, vg.Point{X: c.Min.X, Y: y - 1}, s)
}

type chartLegendEntry struct {
	text  string
	thumb plot.Thumbnailer
}

// chartLegend draws entries in a row whose top is at y.
func chartLegend(c draw.Canvas, y vg.Length, entries []chartLegendEntry) {
	sty := chartText(chartSans, 7, color.Black)
	sty.YAlign = draw.YCenter
	x := c.Min.X
	mid := y - chartLegendRow/2
	for _, e := range entries {
		tc := c
		tc.Min = vg.Point{X: x, Y: mid - 3.5}
		tc.Max = vg.Point{X: x + 12, Y: mid + 3.5}
		e.thumb.Thumbnail(&tc)
		c.FillText(sty, vg.Point{X: x + 15, Y: mid}, e.text)
		x += 15 + sty.Width(e.text) + 10
	}
}

// chartSwatch is a legend thumbnail filled with a colour.
type chartSwatch color.NRGBA

func (s chartSwatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(color.NRGBA(s), chartRect(c.Min, c.Max))
}

// chartTargetThumb is the legend thumbnail of a target: a black bar.
type chartTargetThumb struct{}

func (chartTargetThumb) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.FillPolygon(color.Black, chartRect(vg.Point{X: x - 1, Y: c.Min.Y - 1}, vg.Point{X: x + 1, Y: c.Max.Y + 1}))
}

// chartFit returns s, shortened with an ellipsis if it is wider than width, or
// "" if not even one letter fits. It measures at most a few hundred
// characters, however long s is: no more can fit (see [chartBudget]), and
// it finds where to cut by halving, so it takes time in proportion to the
// width, not to s.
func chartFit(sty text.Style, s string, width vg.Length) string {
	budget := chartBudget(sty, width)
	head, whole := chartPrefix(s, budget)
	if whole && sty.Width(s) <= width {
		return s
	}
	r := []rune(head)
	cut := func(n int) string { return strings.TrimRight(string(r[:n]), " ") + "…" }
	// The widest cut that fits: cut(lo) fits, cut(hi) does not.
	lo, hi := 0, len(r)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if sty.Width(cut(mid)) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ""
	}
	return cut(lo)
}

// chartFits reports whether s fits in width unshortened, measuring at most
// what can fit, as [chartFit] does.
func chartFits(sty text.Style, s string, width vg.Length) bool {
	_, whole := chartPrefix(s, chartBudget(sty, width))
	return whole && sty.Width(s) <= width
}

// chartBudget returns the most characters of text in sty that can fit in
// width: no letter of the chart's font is narrower than a seventh of its
// size (the narrowest, the apostrophe, is a fifth).
func chartBudget(sty text.Style, width vg.Length) int {
	size := float64(sty.Font.Size)
	if !(size > 0) || !(width > 0) {
		return 0
	}
	return int(math.Min(float64(width)*7/size, 1e4)) + 1
}

// chartPrefix returns the first n characters of s, and whether that is all
// of s.
func chartPrefix(s string, n int) (string, bool) {
	for i := range s {
		if n == 0 {
			return s[:i], false
		}
		n--
	}
	return s, true
}

// chartPlot returns a plot in the chart's fonts.
func chartPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = chartText(chartSans, 7, color.Black)
		a.Tick.Label = chartText(chartSans, 6.5, color.Black)
		a.Tick.Length = 3
		a.LineStyle.Width = 0.5
		a.Tick.LineStyle.Width = 0.5
		a.Padding = 2
	}
	p.X.Label.TextStyle.XAlign = draw.XCenter
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	p.X.Tick.Label.XAlign = draw.XCenter
	p.X.Tick.Label.YAlign = draw.YTop
	p.X.Label.Padding = 2
	return p
}
