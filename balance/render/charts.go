package render

import (
	"bytes"
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

// The chart image is as wide as an A4 page less its margins, in points, and
// the PNG has two pixels to a point.
const (
	chartWidth = 512
	chartDPI   = 144
)

// SVG draws the charts of the run-of-show as one SVG image: a timeline of
// the session, its segments and turns on the clock with parallel tracks side
// by side and speeches coloured by mode, and for every dimension balanced
// (d.Allocation, or else d.Report) each group's share of speaking time
// against its target. Without a run-of-show the timeline shows the draft's
// segments only.
//
// The image is 512 points wide; its height depends on the tracks,
// dimensions and groups. What it draws is bounded whatever the document
// holds: the time axis has at most 20 marks at a nice interval (5 minutes
// to days, then 1, 2 or 5 times a power of ten days), however long the
// slot; a label too wide for its place is cut with an ellipsis after
// measuring no more of it than can fit; turns too narrow to tell apart
// (under 0.75 points) are drawn together, a run of them as one bar in the
// colour of most of its time; the key lists the first 40 speakers and says
// how many more there are; and the bars show the first 16 groups of at most
// 12 dimensions, their titles saying how many more. Many tracks share the
// height of ten, down to 16 points each. A share or target that is not a
// number between 0 and 1, which only a report built by hand can have, is
// drawn at the axis's end or not at all, and labelled as it is. The same
// document gives the same bytes. Fonts are not embedded: text is set in
// Liberation Sans, with Arial and sans-serif as fallbacks, which share its
// metrics.
//
// A document with a Forum is drawn as each dimension's groups over the
// programme, their share of speaking time against an equal share.
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func SVG(w io.Writer, d *Document) error {
	ch, err := d.chart("SVG")
	if err != nil {
		return err
	}
	svg, err := ch.svg()
	if err != nil {
		return err
	}
	_, err = w.Write(svg)
	return err
}

// chart lays out the charts of the document, with its title above them:
// the session's, or the forum's (see [SVG]).
func (d *Document) chart(format string) (*chart, error) {
	k, err := d.holds(format, kindForum)
	if err != nil {
		return nil, err
	}
	if k == kindForum {
		v, err := d.forumReport()
		if err != nil {
			return nil, err
		}
		return forumChart(v), nil
	}
	return newChart(d)
}

// svg draws the chart as an SVG image.
func (ch *chart) svg() ([]byte, error) {
	c := vgsvg.New(chartWidth, ch.height)
	ch.draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return chartSVGFonts(buf.Bytes()), nil
}

// PNG draws the charts of [SVG] as a PNG image, two pixels to a point:
// 1024 pixels wide. Its errors are those of [SVG].
func PNG(w io.Writer, d *Document) error {
	ch, err := d.chart("PNG")
	if err != nil {
		return err
	}
	c := vgimg.NewWith(vgimg.UseWH(chartWidth, ch.height), vgimg.UseDPI(chartDPI))
	ch.draw(draw.New(c))
	_, err = vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// chartSVGFonts gives the font family that vgsvg writes fallbacks with
// the same metrics, for viewers without the Liberation fonts.
func chartSVGFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"), []byte("font-family:Liberation Sans,Arimo,Arial,Helvetica,sans-serif;"))
}

// Colours, from the Okabe–Ito palette, which colour-blind readers can tell apart.
var (
	chartOnsite      = color.NRGBA{0x00, 0x72, 0xB2, 0xFF} // blue
	chartOnline      = color.NRGBA{0xE6, 0x9F, 0x00, 0xFF} // orange
	chartSpeech      = color.NRGBA{0x56, 0xB4, 0xE9, 0xFF} // sky blue: a speaker with no mode
	chartModeration  = color.NRGBA{0x66, 0x66, 0x66, 0xFF}
	chartHandover    = color.NRGBA{0xC8, 0xC8, 0xC8, 0xFF}
	chartAudience    = color.NRGBA{0x00, 0x9E, 0x73, 0xFF} // green
	chartActivity    = color.NRGBA{0xCC, 0x79, 0xA7, 0xFF} // pink
	chartSegmentFill = color.NRGBA{0xF2, 0xF2, 0xF2, 0xFF}
	chartShare       = color.NRGBA{0x56, 0xB4, 0xE9, 0xFF}
	chartGrid        = color.NRGBA{0xDD, 0xDD, 0xDD, 0xFF}
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

// The heights of the parts of the chart, in points.
const (
	chartMargin     = 8
	chartLane       = 54 // one track of the timeline, when there are up to chartFullLanes
	chartFullLanes  = 10
	chartMinLane    = 16 // one of many tracks: the timeline's lanes share the height of chartFullLanes, down to this
	chartTitleBand  = 11 // the segment titles above the turns
	chartAxis       = 26 // an x axis with its tick labels and label
	chartGroupRow   = 13 // one bar
	chartLegendRow  = 12
	chartHeadingRow = 14
)

// chart is what the charts show, gathered from a document.
type chart struct {
	d        *Document
	header   bool   // whether to draw the title and sub-title
	timeline bool   // whether to draw the timeline of a session
	heading  string // above the dimensions' bars; empty for the default
	target   string // the legend of the target mark; empty for the default
	title    string
	sub      string // the slot and format
	lanes    []string
	segs     []chartSegment
	turns    []chartTurn
	speakers []chartSpeaker // in the order they first speak
	length   float64        // minutes shown on the time axis
	dims     []chartDim
	moreDims int   // the dimensions left out, past chartMaxDims
	left     []int // the dimensions in the left column, by index
	right    []int
	height   vg.Length
}

type chartSegment struct {
	title      string
	start, end float64 // minutes from the slot's start
	lo, hi     int     // the lanes it runs in
}

type chartTurn struct {
	seg        int
	kind       agenda.TurnKind
	mode       agenda.Mode
	who        string
	speaker    int // the number of a speech's speaker in the key, from 1
	start, end float64
}

// chartSpeaker is an entry in the timeline's key of speakers.
type chartSpeaker struct {
	who  string
	mode agenda.Mode
	time time.Duration
}

type chartDim struct {
	title  string
	mode   bool // the mode dimension, whose bars take the modes' colours
	groups []chartGroup
}

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

// newChart gathers what the charts of a session show, with its title and
// slot above them.
func newChart(d *Document) (*chart, error) {
	d, err := d.prepare()
	if err != nil {
		return nil, err
	}
	s := d.Session()
	slot := d.slot()
	ch := &chart{d: d, header: true, timeline: true, title: s.Title, sub: d.slotText()}
	if s.Format != "" {
		ch.sub += " · " + string(s.Format)
	}
	lane := map[string]int{}
	for _, seg := range s.Segments {
		if _, ok := lane[seg.Track]; seg.Track != "" && !ok {
			lane[seg.Track] = len(ch.lanes)
			ch.lanes = append(ch.lanes, seg.Track)
		}
	}
	nl := max(1, len(ch.lanes))
	minutes := func(t time.Time) float64 { return t.Sub(slot.Start).Minutes() }
	spans := s.Plan().Spans
	if d.RunOfShow != nil {
		spans = spans[:0:0]
		for _, seg := range d.RunOfShow.Segments {
			spans = append(spans, seg.Span)
		}
	}
	ch.length = slot.Length.Minutes()
	for i, seg := range s.Segments {
		if i >= len(spans) {
			break
		}
		cs := chartSegment{title: seg.Title, start: minutes(spans[i].Start), end: minutes(spans[i].End), hi: nl - 1}
		if seg.Track != "" {
			cs.lo, cs.hi = lane[seg.Track], lane[seg.Track]
		}
		ch.segs = append(ch.segs, cs)
		ch.length = max(ch.length, cs.end)
	}
	number := map[string]int{}
	for _, r := range d.rows() {
		t := chartTurn{seg: r.Segment, kind: r.Kind, mode: r.Mode, who: shown(r.Who), start: minutes(r.Start), end: minutes(r.End)}
		if t.kind == agenda.TurnSpeech && t.who != "" {
			if number[t.who] == 0 {
				ch.speakers = append(ch.speakers, chartSpeaker{who: t.who, mode: t.mode})
				number[t.who] = len(ch.speakers)
			}
			t.speaker = number[t.who]
			ch.speakers[t.speaker-1].time += r.Length
		}
		ch.turns = append(ch.turns, t)
	}
	ch.dims, ch.moreDims = chartDims(d)
	ch.layout()
	return ch, nil
}

// layout puts the dimensions in columns and works out the chart's height.
func (ch *chart) layout() {
	ch.left, ch.right = nil, nil
	// Dimensions go in two columns, each to the shorter.
	var hl, hr vg.Length
	for i, dim := range ch.dims {
		if hl <= hr {
			ch.left, hl = append(ch.left, i), hl+dim.height()
		} else {
			ch.right, hr = append(ch.right, i), hr+dim.height()
		}
	}
	ch.height = 2*chartMargin + ch.headerHeight() + ch.timelineHeight()
	if len(ch.dims) > 0 {
		ch.height += chartHeadingRow + chartLegendRow + max(hl, hr)
	}
	ch.height = vg.Length(math.Ceil(float64(ch.height)))
}

// inline returns the chart without its title, for a page that has it
// already.
func (ch *chart) inline() *chart {
	ch.header = false
	ch.layout()
	return ch
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

// headerHeight returns the height of the title and sub-title, if drawn.
func (ch *chart) headerHeight() vg.Length {
	if !ch.header {
		return 0
	}
	return 16 + 11 + 4
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

// The key of speakers has two columns, and lists at most chartMaxKey
// speakers, in the order they first speak; a line under them says how many
// more there are.
const (
	chartKeyColumns = 2
	chartKeyRow     = 10
	chartMaxKey     = 40
)

// keyed returns the speakers the key lists.
func (ch *chart) keyed() []chartSpeaker { return ch.speakers[:min(len(ch.speakers), chartMaxKey)] }

// keyHeight returns the height of the key of speakers, with space around it.
func (ch *chart) keyHeight() vg.Length {
	if len(ch.speakers) == 0 {
		return 0
	}
	h := 8 + vg.Length((len(ch.keyed())+chartKeyColumns-1)/chartKeyColumns)*chartKeyRow
	if len(ch.speakers) > chartMaxKey {
		h += chartKeyRow
	}
	return h
}

// drawKey draws the key of speakers whose top is at y: each speaker's number,
// as speeches too narrow for a name show it, name, mode and speaking time.
func (ch *chart) drawKey(c draw.Canvas, y vg.Length) {
	keyed := ch.keyed()
	rows := (len(keyed) + chartKeyColumns - 1) / chartKeyColumns
	width := c.Size().X / chartKeyColumns
	sty := chartText(chartSans, 6.5, color.Black)
	sty.YAlign = draw.YCenter
	num := sty
	num.XAlign = draw.XCenter
	if more := len(ch.speakers) - len(keyed); more > 0 {
		c.FillText(sty, vg.Point{X: c.Min.X, Y: y - 4 - vg.Length(rows)*chartKeyRow - chartKeyRow/2},
			fmt.Sprintf("+ %d more speakers, not numbered", more))
	}
	for i, sp := range keyed {
		col, row := i/rows, i%rows
		x := c.Min.X + vg.Length(col)*width
		mid := y - 4 - vg.Length(row)*chartKeyRow - chartKeyRow/2
		colour := chartTurnColour(chartTurnKey(chartTurn{kind: agenda.TurnSpeech, mode: sp.mode}))
		c.FillPolygon(colour, chartRect(vg.Point{X: x, Y: mid - 4}, vg.Point{X: x + 10, Y: mid + 4}))
		if colour == chartOnsite {
			num.Color = color.White
		} else {
			num.Color = color.Black
		}
		c.FillText(num, vg.Point{X: x + 5, Y: mid}, strconv.Itoa(i+1))
		facts := " · " + timeslot.FormatLength(sp.time)
		if sp.mode != "" {
			facts = " · " + string(sp.mode) + facts
		}
		c.FillText(sty, vg.Point{X: x + 13, Y: mid}, chartFit(sty, sp.who, width-16-sty.Width(facts))+facts)
	}
}

// draw draws the charts on c, from the top down.
func (ch *chart) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	c = draw.Crop(c, chartMargin, -chartMargin, chartMargin, -chartMargin)
	top := c.Max.Y

	if ch.header {
		title := chartText(chartSansBold, 11, color.Black)
		title.YAlign = draw.YTop
		c.FillText(title, vg.Point{X: c.Min.X, Y: top}, chartFit(title, shown(ch.title), c.Size().X))
		sub := chartText(chartSans, 7.5, color.Gray{0x44})
		sub.YAlign = draw.YTop
		c.FillText(sub, vg.Point{X: c.Min.X, Y: top - 16}, ch.sub)
		top -= ch.headerHeight()
	}

	if ch.timeline {
		h := ch.timelineHeight()
		ch.drawTimeline(chartBand(c, top-h, top))
		top -= h
	}

	if len(ch.dims) == 0 {
		return
	}
	heading := cmp.Or(ch.heading, "Speaking time by group against target")
	if ch.moreDims > 0 {
		heading += fmt.Sprintf(" (first %d of %d dimensions)", len(ch.dims), len(ch.dims)+ch.moreDims)
	}
	chartHeading(c, top, heading)
	top -= chartHeadingRow
	chartLegend(c, top, []chartLegendEntry{
		{"share of speaking time", chartSwatch(chartShare)},
		{cmp.Or(ch.target, "target share"), chartTargetThumb{}},
	})
	top -= chartLegendRow
	const gap = 16
	half := (c.Size().X - gap) / 2
	for col, dims := range [][]int{ch.left, ch.right} {
		y := top
		x0 := c.Min.X + vg.Length(col)*(half+gap)
		for _, i := range dims {
			dim := ch.dims[i]
			h := dim.height()
			cc := chartBand(c, y-h, y)
			cc.Min.X, cc.Max.X = x0, x0+half
			ch.drawDim(cc, dim)
			y -= h
		}
	}
}

// chartBand returns the band of c between the heights lo and hi.
func chartBand(c draw.Canvas, lo, hi vg.Length) draw.Canvas {
	c.Min.Y, c.Max.Y = lo, hi
	return c
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

// chartRect returns the corners of a rectangle.
func chartRect(min, max vg.Point) []vg.Point {
	return []vg.Point{min, {X: max.X, Y: min.Y}, max, {X: min.X, Y: max.Y}}
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
	case t.kind == agenda.TurnSpeech && t.mode == agenda.ModeOnsite:
		return "onsite"
	case t.kind == agenda.TurnSpeech && t.mode == agenda.ModeOnline:
		return "online"
	case t.kind == agenda.TurnSpeech:
		return "speech"
	case t.kind == agenda.TurnModeration, t.kind == agenda.TurnHandover, t.kind == agenda.TurnAudience, t.kind == agenda.TurnActivity:
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
		if t.who == "" || t.kind != agenda.TurnSpeech {
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
