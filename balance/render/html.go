package render

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("html").Parse(htmlSource))

// HTML writes the run-of-show as one self-contained HTML page, with its
// style inline and no script: the session and its slot, the run-of-show as
// a table (clock times, segment, person, role, mode, groups and length of
// every turn), the charts of [SVG] inline, each group's speaking time
// against its target (with a "(not given)" row), and the findings of the
// report, of the line-up and of the plan. On a narrow screen
// the table's cells stack; printed, a 90-minute session fits one A4 page.
// Without a run-of-show it shows the draft's segments as given.
//
// All text from the session is escaped; names, organizations and groups
// come through the document's accessors, so privacy holds as for every
// format. A document with a Forum is written as the programme's report,
// with the parts [Text] gives it and a chart of each dimension's groups
// against an equal share.
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func HTML(w io.Writer, d *Document) error {
	k, err := d.holds("HTML", kindForum)
	if err != nil {
		return err
	}
	if k == kindForum {
		return forumHTML(w, d)
	}
	d, err = d.prepare()
	if err != nil {
		return err
	}
	s := d.Session()
	page := htmlPage{Title: s.Title, Named: d.named()}
	slot := d.slot()
	page.Facts = append(page.Facts, htmlFact{"Slot", d.slotText()})
	if s.Format != "" {
		page.Facts = append(page.Facts, htmlFact{"Format", string(s.Format)})
	}
	if s.Room != "" {
		page.Facts = append(page.Facts, htmlFact{"Room", s.Room})
	}
	for _, q := range s.Questions {
		page.Questions = append(page.Questions, htmlFact{q.ID, q.Text})
	}
	if d.RunOfShow != nil {
		page.Segments = htmlRunOfShow(d)
	} else {
		page.Segments = htmlDraft(d)
		page.Draft = true
	}
	plan := s.Plan()
	page.Planned = planned(plan, slot.Length)

	ch, err := newChart(d)
	if err != nil {
		return err
	}
	svg, err := ch.inline().svg()
	if err != nil {
		return err
	}
	page.Chart = htmlInlineSVG(svg, "Timeline of the session and each group's share of speaking time against its target")
	page.Dims, page.Dropped = htmlDims(d)
	if d.Report != nil {
		page.Reported = true
		for i, l := range findingLists(d.Report) {
			hf := htmlFindings{Title: l.Title, None: "None."}
			if i > 0 {
				hf.None = "None: every group is near its target."
			}
			for _, f := range l.Findings {
				hf.Items = append(hf.Items, shown(f.Text))
			}
			page.Findings = append(page.Findings, hf)
		}
	}
	if d.Allocation != nil {
		why := htmlFindings{Title: "Why a time differs from the fair share", None: "Every speaker has their fair share.", Wide: true}
		for _, sh := range d.Allocation.Speakers {
			if reasons := d.why(sh); len(reasons) > 0 {
				why.Items = append(why.Items, fmt.Sprintf("%s, %s against %s: %s", d.Who(sh.Name),
					timeslot.FormatLength(sh.Time), timeslot.FormatLength(sh.Fair.Round(time.Second)), strings.Join(reasons, "; ")))
			}
		}
		page.Reported = true
		page.Findings = append(page.Findings, why)
	}
	var out bytes.Buffer
	if err := htmlTemplate.Execute(&out, page); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// htmlInlineSVG makes an SVG image that SVG wrote fit for a page: without
// its XML prolog, sized by the page, and labelled for screen readers. The
// image is made here, its text escaped by vgsvg, so it is trusted as HTML.
func htmlInlineSVG(svg []byte, label string) template.HTML {
	if i := bytes.Index(svg, []byte("<svg ")); i >= 0 {
		svg = svg[i:]
	}
	if i, j := bytes.Index(svg, []byte(` width="`)), bytes.Index(svg, []byte(` viewBox="`)); i >= 0 && j > i {
		svg = append([]byte(`<svg role="img" aria-label="`+template.HTMLEscapeString(label)+`"`), svg[j:]...)
	}
	return template.HTML(svg)
}

// htmlPage is what the template shows.
type htmlPage struct {
	Title     string
	Named     bool
	Facts     []htmlFact
	Questions []htmlFact
	Draft     bool
	Segments  []htmlSegment
	Planned   string
	Chart     template.HTML
	Dims      []htmlDim
	Dropped   []string
	Reported  bool
	Findings  []htmlFindings // of the line-up, then of the plan
}

// htmlFindings is one list of findings, with its heading and what it says
// when it is empty.
type htmlFindings struct {
	Title, None string
	Items       []string
	Wide        bool // a list of its own line, below the others
}

type htmlFact struct{ Label, Value string }

// htmlSegment is a segment of the table: a heading row and its turns.
type htmlSegment struct {
	Times, Title string
	Facts        []string // kind, track, questions, length
	Lead         string   // who moderates or facilitates it, for a draft or a segment with speeches
	Turns        []htmlTurn
}

// htmlTurn is one row of the table.
type htmlTurn struct {
	Time, Role, Who, Organization, Mode, Local, Groups, Length string
	Class                                                      string // the kind of turn, for its style
}

// htmlRunOfShow returns the segments and turns of the run-of-show.
func htmlRunOfShow(d *Document) []htmlSegment {
	s := d.Session()
	var segs []htmlSegment
	for i, seg := range d.RunOfShow.Segments {
		h := htmlSegmentHead(d, i, seg.Span)
		if len(s.Segments[i].Speakers) > 0 {
			h.Lead = htmlLead(d, i)
		}
		segs = append(segs, h)
	}
	rows := d.rows()
	for _, r := range rows {
		t := htmlTurn{Time: d.clock(r.Start, clockUnit(r.Start)), Role: r.Role, Who: r.Who, Organization: r.Organization,
			Mode: string(r.Mode), Local: r.Local, Groups: join(r.Stakeholder, r.Region), Length: timeslot.FormatLength(r.Length), Class: string(r.Kind)}
		switch r.Kind {
		case "speech":
			if r.Mode != "" {
				t.Class = string(r.Mode)
			}
		case "moderation":
			if t.Who == "" {
				t.Who = "the moderator"
			}
		case "handover":
			t.Role = "hand-over to"
		case "audience":
			t.Role, t.Who = "audience", "questions from the room and online"
		case "activity":
			t.Role = string(r.SegmentKind)
			if len(r.Leaders) > 0 {
				t.Who = "led by " + strings.Join(r.Leaders, ", ")
			}
		}
		segs[r.Segment].Turns = append(segs[r.Segment].Turns, t)
	}
	return segs
}

// htmlDraft returns the segments of a draft, with the speakers each lists.
func htmlDraft(d *Document) []htmlSegment {
	s := d.Session()
	var segs []htmlSegment
	for i, span := range s.Plan().Spans {
		seg := htmlSegmentHead(d, i, span)
		seg.Lead = htmlLead(d, i)
		for _, name := range s.Segments[i].Speakers {
			t := htmlTurn{Role: string(agenda.RoleSpeaker), Who: d.Who(name), Class: string("speech")}
			if p, _, ok := d.person(name); ok {
				t.Organization = d.field(p, "organization")
				t.Mode = string(p.Mode)
				t.Groups = join(d.field(p, "stakeholder"), d.field(p, "region"))
				if p.Mode != "" {
					t.Class = string(p.Mode)
				}
			}
			seg.Turns = append(seg.Turns, t)
		}
		segs = append(segs, seg)
	}
	return segs
}

// htmlSegmentHead returns the heading of segment i, which runs over span.
func htmlSegmentHead(d *Document, i int, span timeslot.Span) htmlSegment {
	seg := d.Session().Segments[i]
	h := htmlSegment{Times: d.clockRange(span.Start, span.End, time.Minute), Title: seg.Title}
	if seg.Kind != "" {
		h.Facts = append(h.Facts, string(seg.Kind))
	}
	if seg.Track != "" {
		h.Facts = append(h.Facts, "track "+seg.Track)
	}
	if len(seg.Questions) > 0 {
		h.Facts = append(h.Facts, "question "+strings.Join(seg.Questions, ", "))
	}
	h.Facts = append(h.Facts, timeslot.FormatLength(seg.Length))
	return h
}

// htmlLead says who leads segment i: "moderated by Ana, Ben", or
// "facilitated by" them for a break-out; "" for a segment nobody leads.
func htmlLead(d *Document, i int) string {
	seg := d.Session().Segments[i]
	if len(seg.Facilitators) == 0 {
		return ""
	}
	names := make([]string, len(seg.Facilitators))
	for k, name := range seg.Facilitators {
		names[k] = d.Who(name)
	}
	verb := "moderated by "
	if seg.Kind == "breakout" {
		verb = "facilitated by "
	}
	return verb + strings.Join(names, ", ")
}

// htmlDim is one dimension's groups against their targets.
type htmlDim struct {
	Title  string
	Note   string // how it is balanced and how far from target
	Groups []htmlGroup
}

type htmlGroup struct {
	Name, Speakers, Time, Share, Target string
	Off                                 bool // 10 points or more from target
}

// htmlDims returns the groups of every dimension balanced (from the
// allocation, or else the report), and the dimensions dropped.
func htmlDims(d *Document) (dims []htmlDim, dropped []string) {
	balances, droppedDims := d.balances()
	for _, b := range balances {
		hd := htmlDim{Title: chartDimTitle(b.Dimension), Note: b.Note}
		if over := b.over(); over != "" {
			hd.Note += "; " + over
		}
		for _, g := range b.Groups {
			hd.Groups = append(hd.Groups, htmlGroup{Name: groupCell(g), Speakers: fmt.Sprint(g.Speakers), Time: timeslot.FormatLength(g.Time),
				Share: shareCell(g, g.Share), Target: shareCell(g, g.Target), Off: g.hasShare() && math.Abs(100*(g.Share-g.Target)) >= 10})
		}
		dims = append(dims, hd)
	}
	for _, dim := range droppedDims {
		dropped = append(dropped, fmt.Sprintf("Not balanced by %s: the session is %s.", shown(dim.Name()), d.Session().Format))
	}
	return dims, dropped
}

//go:embed forum.tmpl
var forumSource string

// forumTemplate shares the run-of-show page's style.
var forumTemplate = template.Must(template.Must(htmlTemplate.Clone()).New("forum").Funcs(template.FuncMap{
	"percent": format.Percent,
	"length":  timeslot.FormatLength,
	"dash":    orDash,
	"share":   shareCell,
	"group":   groupCell,
}).Parse(forumSource))

// forumHTML writes the programme's report as one self-contained HTML page,
// with its style inline and no script: the parts of forumText, with a
// chart of each dimension's groups (their share of speaking time against an
// equal share) drawn inline as SVG. All text from the programme is escaped.
// Its errors are those of forumText.
func forumHTML(w io.Writer, d *Document) error {
	v, err := d.forumReport()
	if err != nil {
		return err
	}
	svg, err := forumChart(v).inline().svg()
	if err != nil {
		return err
	}
	page := struct {
		*forumView
		Chart      template.HTML
		LineupNote string
	}{v, htmlInlineSVG(svg, "Each group's share of speaking time over the programme against an equal share"), strings.ToUpper(lineupNote[:1]) + lineupNote[1:] + "."}
	var out bytes.Buffer
	if err := forumTemplate.Execute(&out, page); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}
