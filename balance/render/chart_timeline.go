package render

import (
	"image/color"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/fairfloor/fairfloor/agenda"
)

// chartSegment is one segment on the timeline.
type chartSegment struct {
	title      string
	start, end float64 // minutes from the slot's start
	lo, hi     int     // the lanes it runs in
}

// chartTurn is one turn on the timeline.
type chartTurn struct {
	seg        int
	kind       string
	mode       agenda.Mode
	who        string
	speaker    int // the number of a speech's speaker in the key, from 1
	start, end float64
}

// timelineHeight returns the height of the timeline, with its heading,
// legend, axis and key.
func (ch *chart) timelineHeight() vg.Length {
	if !ch.timeline {
		return 0
	}
	return chartHeadingRow + chartLegendRow + ch.lanesHeight() + chartAxis + ch.keyHeight() + 6
}

// lanesHeight returns the height of the timeline's lanes: chartLane each
// up to chartFullLanes of them, and the same height shared by more, but
// no less than chartMinLane each, so that the height grows with the
// tracks only past about three dozen.
func (ch *chart) lanesHeight() vg.Length {
	n := vg.Length(max(1, len(ch.lanes)))
	return n * max(chartMinLane, min(chartLane, chartFullLanes*chartLane/n))
}

// drawTimeline draws the heading, legend and timeline on c.
func (ch *chart) drawTimeline(c draw.Canvas) {
	top := c.Max.Y
	chartHeading(c, top, "Timeline")
	var entries []chartLegendEntry
	has := map[string]bool{}
	for _, t := range ch.turns {
		has[chartTurnKey(t)] = true
	}
	for _, k := range chartTurnKeys {
		if has[k.key] {
			entries = append(entries, chartLegendEntry{k.text, chartSwatch(k.colour)})
		}
	}
	if len(entries) == 0 {
		entries = append(entries, chartLegendEntry{"segment", chartSwatch(chartSegmentFill)})
	}
	chartLegend(c, top-chartHeadingRow, entries)
	c.Max.Y -= chartHeadingRow + chartLegendRow

	p := chartPlot()
	nl := max(1, len(ch.lanes))
	p.X.Min, p.X.Max = 0, math.Max(ch.length, 1)
	p.Y.Min, p.Y.Max = -0.5, float64(nl)-0.5
	p.X.Tick.Marker = plot.TickerFunc(ch.clockTicks)
	if ch.d.slot().Scheduled() {
		p.X.Label.Text = "clock time (" + ch.d.slot().Start.Location().String() + ")"
	} else {
		p.X.Label.Text = "time from the start (h:mm)"
	}
	if len(ch.lanes) > 0 {
		var ticks []plot.Tick
		for i, name := range ch.lanes {
			ticks = append(ticks, plot.Tick{Value: float64(nl - 1 - i), Label: chartFit(p.Y.Tick.Label, shown(name), 60)})
		}
		p.Y.Tick.Marker = plot.ConstantTicks(ticks)
		p.Y.Tick.Length = 0
		p.Y.LineStyle.Width = 0
	} else {
		p.HideY()
	}
	p.Add(chartTimeline{ch})
	key := ch.keyHeight()
	p.Draw(draw.Crop(c, 0, 0, key, 0))
	if key > 0 {
		ch.drawKey(c, c.Min.Y+key)
	}
}

// chartTurnKeys are the kinds of turn the timeline tells apart, in the order of its legend.
var chartTurnKeys = []struct {
	key, text string
	colour    color.NRGBA
}{
	{"onsite", "onsite speech", chartOnsite},
	{"online", "online speech", chartOnline},
	{"speech", "speech", chartSpeech},
	{"moderation", "moderation", chartModeration},
	{"handover", "hand-over", chartHandover},
	{"audience", "audience questions", chartAudience},
	{"activity", "activity", chartActivity},
}

// chartTurnKey returns the key of a turn in chartTurnKeys.
func chartTurnKey(t chartTurn) string {
	switch {
	case t.kind == "speech" && t.mode == agenda.ModeOnsite:
		return "onsite"
	case t.kind == "speech" && t.mode == agenda.ModeOnline:
		return "online"
	case t.kind == "speech":
		return "speech"
	case t.kind == "moderation", t.kind == "handover", t.kind == "audience", t.kind == "activity":
		return string(t.kind)
	}
	return "activity"
}

// chartTurnIndex returns the index of a key in chartTurnKeys.
func chartTurnIndex(key string) int {
	for i, k := range chartTurnKeys {
		if k.key == key {
			return i
		}
	}
	return len(chartTurnKeys) - 1
}

// chartTurnColour returns the colour of a key of chartTurnKeys.
func chartTurnColour(key string) color.NRGBA {
	for _, k := range chartTurnKeys {
		if k.key == key {
			return k.colour
		}
	}
	return chartActivity
}

// chartTickSteps are the intervals, in minutes, between the time axis's
// marks, up to two weeks; past that, steps are 1, 2 or 5 times a power of
// ten days.
var chartTickSteps = []float64{5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2 * 1440, 7 * 1440, 14 * 1440}

// chartMaxTicks is the most marks on the time axis, whatever the slot's length.
const chartMaxTicks = 20

// chartTickStep returns the interval, in minutes, between the marks of an
// axis of length minutes: the shortest of the nice steps that makes at most
// chartMaxTicks of them.
func chartTickStep(length float64) float64 {
	for _, s := range chartTickSteps {
		if length/s <= chartMaxTicks {
			return s
		}
	}
	for days := 1.0; ; days *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if s := m * days * 1440; length/s <= chartMaxTicks || math.IsInf(s, 0) {
				return s
			}
		}
	}
}

// clockTicks marks the time axis at nice intervals (see chartTickStep),
// at most chartMaxTicks+1 marks however long the slot, with the clock time
// of every other mark, or of every mark when there are few; marks a day or
// more apart show the date instead.
func (ch *chart) clockTicks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	step := chartTickStep(hi - lo)
	label := 2
	if (hi-lo)/step <= 10 {
		label = 1
	}
	start := ch.d.slot().Start
	var ticks []plot.Tick
	for i := 0; i <= chartMaxTicks+1 && float64(i)*step <= hi+1e-9; i++ {
		m := float64(i) * step
		t := plot.Tick{Value: m}
		if i%label == 0 {
			at := start.Add(time.Duration(math.Min(m*float64(time.Minute), math.MaxInt64/2)))
			t.Label = ch.d.clock(at, time.Minute)
			if step >= 1440 && ch.d.slot().Scheduled() {
				t.Label = at.In(start.Location()).Format("2 Jan 2006")
			}
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// chartTimeline is the plotter of the segments and turns.
type chartTimeline struct{ ch *chart }

func (tl chartTimeline) Plot(c draw.Canvas, p *plot.Plot) {
	ch := tl.ch
	x, y := p.Transforms(&c)
	nl := max(1, len(ch.lanes))
	// The vertical extent of lanes lo..hi, in points.
	extent := func(lo, hi int) (vg.Length, vg.Length) {
		return y(float64(nl-1-hi) - 0.46), y(float64(nl-1-lo) + 0.46)
	}
	grid := draw.LineStyle{Color: chartGrid, Width: 0.4, Dashes: []vg.Length{1, 1.5}}
	for _, tk := range ch.clockTicks(p.X.Min, p.X.Max) {
		if tk.Label != "" {
			c.StrokeLine2(grid, x(tk.Value), c.Min.Y, x(tk.Value), c.Max.Y)
		}
	}
	titleSty := chartText(chartSans, 6.5, color.Black)
	titleSty.YAlign = draw.YTop
	for _, s := range ch.segs {
		y0, y1 := extent(s.lo, s.hi)
		x0, x1 := x(s.start), x(s.end)
		c.FillPolygon(chartSegmentFill, chartRect(vg.Point{X: x0, Y: y0}, vg.Point{X: x1, Y: y1}))
		c.StrokeLines(draw.LineStyle{Color: color.Gray{0x99}, Width: 0.5}, append(chartRect(vg.Point{X: x0, Y: y0}, vg.Point{X: x1, Y: y1}), vg.Point{X: x0, Y: y0}))
		if t := chartFit(titleSty, shown(s.title), x1-x0-3); t != "" {
			c.FillText(titleSty, vg.Point{X: x0 + 1.5, Y: y1 - 1.5}, t)
		}
	}
	// Turns narrower than chartMinTurn, which no one could tell apart, are
	// drawn together, a run of them in a segment as one bar in the colour
	// of most of its time, so that what is drawn is bounded by the chart's
	// width and not by the number of turns.
	var run struct {
		seg    int
		x0, x1 vg.Length
		time   [8]float64 // by index in chartTurnKeys
		any    bool
	}
	flush := func() {
		if !run.any {
			return
		}
		best := 0
		for k := range chartTurnKeys {
			if run.time[k] > run.time[best] {
				best = k
			}
		}
		y0, y1 := extent(ch.segs[run.seg].lo, ch.segs[run.seg].hi)
		c.FillPolygon(chartTurnKeys[best].colour, chartRect(vg.Point{X: run.x0, Y: y0 + 1.5}, vg.Point{X: run.x1, Y: y1 - chartTitleBand}))
		run.any, run.time = false, [8]float64{}
	}
	for _, t := range ch.turns {
		if t.seg >= len(ch.segs) {
			continue
		}
		s := ch.segs[t.seg]
		y0, y1 := extent(s.lo, s.hi)
		y0, y1 = y0+1.5, y1-chartTitleBand
		x0, x1 := x(t.start), x(t.end)
		key := chartTurnKey(t)
		if x1-x0 < chartMinTurn {
			if !run.any || run.seg != t.seg || x0 > run.x1+chartMinTurn {
				flush()
				run.seg, run.x0, run.any = t.seg, x0, true
			}
			run.x1 = max(run.x1, x1)
			run.time[chartTurnIndex(key)] += t.end - t.start
			continue
		}
		flush()
		col := chartTurnColour(key)
		c.FillPolygon(col, chartRect(vg.Point{X: x0, Y: y0}, vg.Point{X: x1, Y: y1}))
		c.StrokeLines(draw.LineStyle{Color: color.White, Width: 0.5}, []vg.Point{{X: x0, Y: y0}, {X: x0, Y: y1}})
		if t.who == "" || t.kind != "speech" {
			continue
		}
		sty := chartText(chartSans, 6.5, color.Black)
		if key == "onsite" {
			sty.Color = color.White
		}
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		mid := vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}
		w, h := x1-x0-3, y1-y0-3
		if chartFits(sty, t.who, w) {
			c.FillText(sty, mid, t.who)
			continue
		}
		if sty.FontExtents().Height > w {
			continue // too narrow for even a rotated letter
		}
		label := t.who
		if chartFits(sty, label, h) {
			sty.Rotation = math.Pi / 2
		} else if label = strconv.Itoa(t.speaker); t.speaker > chartMaxKey || sty.Width(label) > w {
			continue
		}
		c.FillText(sty, mid, label)
	}
	flush()
}

// chartMinTurn is the narrowest turn the timeline draws alone, in points.
const chartMinTurn = 0.75

func (tl chartTimeline) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, math.Max(tl.ch.length, 1), -0.5, float64(max(1, len(tl.ch.lanes))) - 0.5
}
