package render

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
)

// chartDim is one dimension's bars.
type chartDim struct {
	title  string
	mode   bool // the mode dimension, whose bars take the modes' colours
	groups []chartGroup
}

// chartGroup is one group's bar: its share against its target.
type chartGroup struct {
	name          string
	share, target float64
	noTarget      bool // a row of speakers who give no value, or a value outside the set: a bar without a target
}

// chartGroups returns the bars of a dimension's groups. When some speakers
// give no value in the dimension, or a value outside its set, every bar is
// a share of all speaking time, theirs a bar of its own without a target,
// so that a group is never drawn at 100% of a time that is not all; the
// second result says so.
func chartGroups(groups []Group) ([]chartGroup, bool) {
	var all, counted time.Duration
	partial := false
	for _, g := range groups {
		all += g.Time
		if g.hasShare() {
			counted += g.Time
		} else {
			partial = true
		}
	}
	var out []chartGroup
	for _, g := range groups[:min(len(groups), chartMaxGroups)] {
		cg := chartGroup{name: shown(g.Name), share: g.Share, target: g.Target, noTarget: !g.hasShare()}
		if partial && all > 0 {
			scale := float64(counted) / float64(all)
			cg.share, cg.target = g.Share*scale, g.Target*scale
			if cg.noTarget {
				cg.share, cg.target = float64(g.Time)/float64(all), 0
			}
		}
		out = append(out, cg)
	}
	return out, partial
}

// The charts draw the bars of at most chartMaxDims dimensions, and of at
// most chartMaxGroups groups in each, in the order of the allocation or
// report; the titles say how many more there are.
const (
	chartMaxDims   = 12
	chartMaxGroups = 16
)

// chartDims returns the groups of every dimension balanced, with their
// shares and targets, up to chartMaxDims dimensions of chartMaxGroups
// groups, and the number of dimensions left out.
func chartDims(d *Document) ([]chartDim, int) {
	var dims []chartDim
	balances, _ := d.balances()
	more := 0
	for _, b := range balances {
		if len(b.Groups) == 0 {
			continue
		}
		if len(dims) == chartMaxDims {
			more++
			continue
		}
		dim := chartDim{title: chartDimTitle(b.Dimension), mode: b.Dimension.By == balance.ByMode}
		var partial bool
		dim.groups, partial = chartGroups(b.Groups)
		if partial {
			dim.title += ": shares of all speaking time"
		}
		if len(b.Groups) > chartMaxGroups {
			dim.title += fmt.Sprintf(" (first %d of %d groups)", chartMaxGroups, len(b.Groups))
		}
		dims = append(dims, dim)
	}
	return dims, more
}

// chartDimTitle names a dimension as a chart's title: "By stakeholder", "By age".
func chartDimTitle(dim balance.Dimension) string {
	if dim.By == balance.ByLabel {
		return "By " + shown(dim.Label)
	}
	return "By " + string(dim.By)
}

// height returns the height of a dimension's bars, with its title and axis.
func (dim chartDim) height() vg.Length {
	return chartHeadingRow + vg.Length(len(dim.groups))*chartGroupRow + chartAxis + 4
}

// drawDim draws the bars of one dimension on c.
func (ch *chart) drawDim(c draw.Canvas, dim chartDim) {
	sty := chartText(chartSansBold, 7.5, color.Black)
	sty.YAlign = draw.YTop
	c.FillText(sty, vg.Point{X: c.Min.X, Y: c.Max.Y - 2}, chartFit(sty, dim.title, c.Size().X))
	c.Max.Y -= chartHeadingRow
	p := chartPlot()
	n := len(dim.groups)
	top := 1.0
	for _, g := range dim.groups {
		for _, v := range []float64{g.share, g.target} {
			if v > top && !math.IsInf(v, 1) {
				top = v // not NaN, which no comparison holds for
			}
		}
	}
	p.X.Min, p.X.Max = 0, 100*math.Min(1, math.Ceil(top*4)/4)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Label.Text = "share of speaking time"
	p.X.Tick.Marker = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ticks []plot.Tick
		for v := 0.0; v <= hi+1e-9; v += 25 {
			ticks = append(ticks, plot.Tick{Value: v, Label: fmt.Sprintf("%g%%", v)})
		}
		return ticks
	})
	var ticks []plot.Tick
	for i, g := range dim.groups {
		ticks = append(ticks, plot.Tick{Value: float64(n - 1 - i), Label: chartFit(p.Y.Tick.Label, g.name, 105)})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Add(chartBars{dim})
	p.Draw(c)
}

// chartBars is the plotter of a dimension's shares and targets.
type chartBars struct{ dim chartDim }

func (b chartBars) Plot(c draw.Canvas, p *plot.Plot) {
	x, y := p.Transforms(&c)
	n := len(b.dim.groups)
	grid := draw.LineStyle{Color: chartGrid, Width: 0.4, Dashes: []vg.Length{1, 1.5}}
	for v := 25.0; v <= p.X.Max+1e-9; v += 25 {
		c.StrokeLine2(grid, x(v), c.Min.Y, x(v), c.Max.Y)
	}
	for i, g := range b.dim.groups {
		yc := float64(n - 1 - i)
		y0, y1 := y(yc-0.32), y(yc+0.32)
		col := chartShare
		if b.dim.mode {
			col = chartTurnColour(g.name)
			if g.name != string(agenda.ModeOnsite) && g.name != string(agenda.ModeOnline) {
				col = chartShare
			}
		}
		// A share or target the axis cannot hold (beyond it, or not a
		// number, which only a report built by hand can have) is drawn at
		// the axis's end, or not at all; its label says what it is.
		at := func(v float64) vg.Length { return x(math.Max(0, math.Min(100*v, p.X.Max))) }
		xs, xt := at(g.share), at(g.target)
		if math.IsNaN(g.share) {
			xs = x(0)
		}
		if g.noTarget {
			xt = xs
		}
		if xs > x(0) {
			c.FillPolygon(col, chartRect(vg.Point{X: x(0), Y: y0}, vg.Point{X: xs, Y: y1}))
		}
		if !g.noTarget && !math.IsNaN(g.target) {
			c.FillPolygon(color.Black, chartRect(vg.Point{X: xt - 0.8, Y: y(yc - 0.45)}, vg.Point{X: xt + 0.8, Y: y(yc + 0.45)}))
		}
		sty := chartText(chartSans, 6, color.Black)
		sty.YAlign = draw.YCenter
		label := format.Percent(g.share) + " (target " + format.Percent(g.target) + ")"
		if g.noTarget {
			label = format.Percent(g.share)
		}
		// The label goes right of the bar and target, else inside the bar's
		// end if it fits there, else left of both: never over the group
		// names left of the axis.
		lx := max(xs, xt) + 3
		if lx+sty.Width(label) > c.Max.X {
			sty.XAlign = draw.XRight
			lx = min(xs, xt) - 3
			if xs-x(0)-6 >= sty.Width(label) {
				lx = xs - 3
			}
		}
		c.FillText(sty, vg.Point{X: lx, Y: (y0 + y1) / 2}, label)
	}
}

func (b chartBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, 0, -0.5, float64(len(b.dim.groups)) - 0.5
}

// forumChart lays out each dimension's groups over the programme, their
// share of speaking time against an equal share, with the programme's
// title and facts above them.
func forumChart(v *forumView) *chart {
	ch := &chart{header: true, title: v.Title, heading: "Speaking time by group over the programme", target: "equal share"}
	var facts []string
	for _, f := range v.Facts {
		facts = append(facts, f.Label+" "+f.Value)
	}
	ch.sub = strings.Join(facts, " · ")
	for _, fd := range v.Dims {
		dim := chartDim{title: fd.Title, mode: fd.Dim.By == balance.ByMode}
		var partial bool
		if dim.groups, partial = chartGroups(fd.Groups); partial {
			dim.title += ": shares of all speaking time"
		}
		if len(dim.groups) > 0 {
			ch.dims = append(ch.dims, dim)
		}
	}
	ch.layout()
	return ch
}
