package render

import (
	"bytes"
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/fairfloor/fairfloor/agenda"
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

// chartSpeaker is an entry in the timeline's key of speakers.
type chartSpeaker struct {
	who  string
	mode agenda.Mode
	time time.Duration
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
		if t.kind == "speech" && t.who != "" {
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

// headerHeight returns the height of the title and sub-title, if drawn.
func (ch *chart) headerHeight() vg.Length {
	if !ch.header {
		return 0
	}
	return 16 + 11 + 4
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
		colour := chartTurnColour(chartTurnKey(chartTurn{kind: "speech", mode: sp.mode}))
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

// chartRect returns the corners of a rectangle.
func chartRect(min, max vg.Point) []vg.Point {
	return []vg.Point{min, {X: max.X, Y: min.Y}, max, {X: min.X, Y: max.Y}}
}
