package render

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrNoSession is returned by the renderers for a document with neither a
// run-of-show nor a draft, or a nil document.
var ErrNoSession = errors.New("render: the document has no session")

// ErrNoAudit is returned by [TextAudit] for a nil audit, or one without a
// report of what was said.
var ErrNoAudit = errors.New("render: no audit of a speaking log")

// ErrMismatch is returned, with what does not match, by the renderers for a
// run-of-show whose segments are not those of its session, which only a
// document built by hand can have.
var ErrMismatch = errors.New("render: the run-of-show does not match its session")

// Document is a run-of-show with what is known about it, ready to render.
type Document struct {
	// RunOfShow is the plan to render. Without one, the text renderer shows
	// Draft as given, and the others have nothing to render.
	RunOfShow  *agenda.RunOfShow
	Draft      *agenda.Session
	Allocation *balance.Allocation // may be nil
	Report     *balance.Report     // may be nil

	// Location shows clock times in another zone; nil keeps the slot's.
	Location *time.Location

	// Redact leaves names and organizations out even of a session that may
	// be attributed.
	Redact bool

	// Stamp is the DTSTAMP of the events [ICS] writes: when the file was
	// written. Zero means the time ICS runs; set it only where the same
	// document must give the same bytes, as in a golden test.
	Stamp time.Time

	// Sequence is the SEQUENCE of the events [ICS] writes, their revision:
	// raise it each time a changed calendar of the same session is sent
	// again, so that calendars replace the events they hold (RFC 5546).
	// It must not be negative.
	Sequence int

	// ByteOrderMark makes [CSV] begin with the UTF-8 byte-order mark, so
	// that Excel reads the file as UTF-8 and shows "Rückheim" rather than
	// "RÃ¼ckheim". Other readers, encoding/csv among them, take the mark
	// for part of the first cell.
	ByteOrderMark bool

	roster *agenda.Roster  // the session's people by name, while a renderer runs; see prepare
	source *agenda.Session // the session as given, before prepare shows its text; see validation
}

// prepare checks the document before a renderer reads it, and returns a
// copy that finds people by name in constant time, so that rendering takes
// time in proportion to the document. A document without a session, or
// nil, is [ErrNoSession]; a session beyond agenda's limits the *agenda.LimitError
// of [agenda.Session.CheckSize]; a run-of-show with another number of
// segments than its session [ErrMismatch].
func (d *Document) prepare() (*Document, error) {
	if d == nil {
		return nil, ErrNoSession
	}
	s := d.Session()
	if s == nil {
		return nil, ErrNoSession
	}
	if d.roster != nil {
		return d, nil // prepared already, by the renderer that calls another
	}
	if err := s.CheckSize(); err != nil {
		return nil, err
	}
	if d.RunOfShow != nil && len(d.RunOfShow.Segments) != len(s.Segments) {
		return nil, fmt.Errorf("%w: %d segments in the run-of-show, %d in the session", ErrMismatch, len(d.RunOfShow.Segments), len(s.Segments))
	}
	if err := d.checkTimes(); err != nil {
		return nil, err
	}
	c := *d
	c.source = s
	shownSession := shownSession(s)
	if c.RunOfShow != nil {
		ros := *c.RunOfShow
		ros.Session = shownSession
		c.RunOfShow = &ros
	} else {
		c.Draft = shownSession
	}
	c.roster = shownSession.Roster()
	return &c, nil
}

// shownSession returns a copy of s with its text as every format shows it
// (see [shown]): the titles, room, tracks, questions, deadlines and the
// people's organizations and groups. Names are kept as they are, as the
// run-of-show, the allocation and the report refer to people by them;
// [Document.Who] shows them.
func shownSession(s *agenda.Session) *agenda.Session {
	c := *s
	c.Title, c.Room, c.Format, c.Notes = shown(s.Title), shown(s.Room), agenda.Format(shown(string(s.Format))), shown(s.Notes)
	c.People = slices.Clone(s.People)
	for i := range c.People {
		p := &c.People[i]
		p.Organization, p.Country, p.Gender = shown(p.Organization), shown(p.Country), shown(p.Gender)
		p.Stakeholder, p.Region = agenda.Stakeholder(shown(string(p.Stakeholder))), agenda.Region(shown(string(p.Region)))
	}
	c.Segments = slices.Clone(s.Segments)
	for i := range c.Segments {
		seg := &c.Segments[i]
		seg.Title, seg.Track = shown(seg.Title), shown(seg.Track)
		seg.Kind = agenda.SegmentKind(shown(string(seg.Kind)))
		seg.Questions = shownAll(seg.Questions)
	}
	c.Questions = slices.Clone(s.Questions)
	for i := range c.Questions {
		c.Questions[i].ID, c.Questions[i].Text = shown(c.Questions[i].ID), shown(c.Questions[i].Text)
	}
	c.Deadlines = slices.Clone(s.Deadlines)
	for i := range c.Deadlines {
		c.Deadlines[i].What = shown(c.Deadlines[i].What)
	}
	return &c
}

// shownAll returns the values as [shown] shows each; nil for none.
func shownAll(values []string) []string {
	if values == nil {
		return nil
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = shown(v)
	}
	return out
}

// person returns the person called name and their index in Session.People,
// as [agenda.Session.Person] finds them.
func (d *Document) person(name string) (*agenda.Person, int, bool) {
	s := d.Session()
	r := d.roster
	if r == nil {
		r = s.Roster() // called outside a renderer, which makes one per run
	}
	i := r.Index(name)
	if i < 0 {
		return nil, -1, false
	}
	return &s.People[i], i, true
}

// Session returns the session of the run-of-show, or the draft.
func (d *Document) Session() *agenda.Session {
	if d.RunOfShow != nil {
		return d.RunOfShow.Session
	}
	return d.Draft
}

// Slot returns the session's slot in the document's zone; an empty slot
// for a document without a session.
func (d *Document) Slot() timeslot.Slot {
	if d.Session() == nil {
		return timeslot.Slot{}
	}
	return d.Session().Slot.In(d.Location)
}

// Named reports whether the document may show names and organizations; not
// for a document without a session.
func (d *Document) Named() bool { return d.Session() != nil && d.Session().Named() && !d.Redact }

// Who returns how the document names a person: their name, on one line as
// every format shows a value (see the package doc), or "person 3"
// (their place among the session's people) when names may not be shown or
// the name is private. A name not among the people is returned as given
// where names may be shown, and as "someone not among the people" elsewhere.
// Why returns what made a speaker's time differ from their fair share, part
// by part, as every renderer shows it (see balance.Speaker.Why).
func (d *Document) Why(sh balance.Speaker) []string {
	var out []string
	for _, r := range sh.Why {
		out = append(out, shown(r.Text))
	}
	return out
}

func (d *Document) Who(name string) string {
	p, i, ok := d.person(name)
	if !ok {
		if !d.Named() {
			return "someone not among the people"
		}
		return shown(name)
	}
	if !d.Named() || p.IsPrivate(agenda.FieldName) {
		return fmt.Sprintf("person %d", i+1)
	}
	return shown(p.Name)
}

// Field returns the value of a person's field that the document may show,
// as every format shows it (on one line, see the package doc), or "" when
// it is private, or a name or organization the document may not show.
func (d *Document) Field(p *agenda.Person, f agenda.Field) string {
	return shown(d.field(p, f))
}

// field returns the value of a person's field as the session gives it, if
// the document may show it; see [Document.Field].
func (d *Document) field(p *agenda.Person, f agenda.Field) string {
	if p.IsPrivate(f) {
		return ""
	}
	switch f {
	case agenda.FieldName:
		if !d.Named() {
			return ""
		}
		return p.Name
	case agenda.FieldOrganization:
		if !d.Named() {
			return ""
		}
		return p.Organization
	case agenda.FieldStakeholder:
		return string(p.Stakeholder)
	case agenda.FieldRegion:
		return string(p.Region)
	case agenda.FieldCountry:
		return p.Country
	case agenda.FieldGender:
		return p.Gender
	case agenda.FieldZone:
		return p.Zone
	}
	return ""
}

// Clock writes a moment as the document shows it: "06:20" in its zone, or
// "0:20" from the start for a session that is not scheduled. With seconds
// it writes "06:20:30" or "0:20:30".
func (d *Document) Clock(t time.Time, seconds bool) string {
	slot := d.Slot()
	if slot.Scheduled() {
		if seconds {
			return t.In(slot.Start.Location()).Format("15:04:05")
		}
		return t.In(slot.Start.Location()).Format("15:04")
	}
	e := t.Sub(slot.Start)
	if seconds {
		return fmt.Sprintf("%d:%02d:%02d", int(e.Hours()), int(e.Minutes())%60, int(e.Seconds())%60)
	}
	return fmt.Sprintf("%d:%02d", int(e.Hours()), int(e.Minutes())%60)
}

// Row is one turn of the run-of-show as every format shows it, privacy
// applied.
type Row struct {
	Segment      int    // index in Session.Segments
	Title        string // the segment's title
	SegmentKind  agenda.SegmentKind
	Track        string
	Questions    []string
	Kind         agenda.TurnKind
	Start, End   time.Time // in the document's zone
	Length       time.Duration
	Who          string // see Document.Who; "" for audience questions and activities
	Organization string
	Role         string   // the part the turn's person plays here: speaker, moderator, facilitator
	Leaders      []string // for an activity, the facilitators who lead it, named as Who names them
	Mode         agenda.Mode
	Stakeholder  string
	Region       string
	// Local is the turn's start in the person's own time zone, as
	// "15:20 Asia/Tokyo", for someone online whose zone is known.
	Local string
}

// Rows returns every turn of the run-of-show, segment by segment; nil
// without a run-of-show, or for one whose segments are not those of its
// session.
func (d *Document) Rows() []Row {
	if d.RunOfShow == nil {
		return nil
	}
	d, err := d.prepare()
	if err != nil {
		return nil
	}
	s := d.Session()
	loc := d.Slot().Start.Location()
	zones := map[string]*time.Location{} // loaded once each: loading reads a file
	var rows []Row
	for i, seg := range d.RunOfShow.Segments {
		sg := &s.Segments[i]
		for _, t := range seg.Turns {
			r := Row{Segment: i, Title: sg.Title, SegmentKind: sg.Kind, Track: sg.Track, Questions: sg.Questions,
				Kind: t.Kind, Start: t.Start.In(loc), End: t.End.In(loc), Length: t.Length()}
			switch t.Kind {
			case agenda.TurnSpeech, agenda.TurnHandover:
				r.Role = string(agenda.RoleSpeaker)
			case agenda.TurnModeration:
				r.Role = string(agenda.RoleModerator)
			case agenda.TurnActivity:
				r.Role = string(agenda.RoleFacilitator)
				for _, name := range sg.Facilitators {
					r.Leaders = append(r.Leaders, d.Who(name))
				}
			}
			if p, _, ok := d.person(t.Person); ok && t.Person != "" {
				r.Who = d.Who(p.Name)
				r.Organization = d.Field(p, agenda.FieldOrganization)
				r.Mode = p.Mode
				r.Stakeholder = d.Field(p, agenda.FieldStakeholder)
				r.Region = d.Field(p, agenda.FieldRegion)
				if zone := d.Field(p, agenda.FieldZone); zone != "" && p.Mode == agenda.ModeOnline && d.Slot().Scheduled() {
					z, seen := zones[zone]
					if !seen {
						z, _ = time.LoadLocation(zone) // nil if it does not load
						zones[zone] = z
					}
					if z != nil {
						r.Local = t.Start.In(z).Format("15:04") + " " + zone
					}
				}
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// Balance is one dimension's groups against their targets, as every format
// shows them.
type Balance struct {
	Dimension balance.Dimension
	// Groups are the groups by name, then, if some speakers give no value
	// in the dimension, a row of them with NotGiven set.
	Groups []Group
	// Counted is the number of speakers whose time the shares are of: those
	// in one of the dimension's groups, without those who give no value or
	// a value outside its full set. Speakers is the number of all speakers.
	Counted, Speakers int
	// Note says how the dimension is balanced, with the report's evenness
	// and gap when there is a report: "balanced; evenness 0.92, 17% of the
	// time away from target".
	Note string
}

// Over says over whom the shares are taken, when not over every speaker:
// "shares of the 3 of 5 speakers who give a regional group"; else "".
func (b Balance) Over() string {
	if b.Counted == b.Speakers {
		return ""
	}
	noun := groupNounOf(b.Dimension)
	switch {
	case b.Counted == 0 && b.Dimension.By == balance.ByRegion:
		return "no speaker is from a UN regional group"
	case b.Counted == 0:
		return "no speaker gives a " + noun
	case b.Dimension.By == balance.ByRegion:
		return fmt.Sprintf("shares of the %d of %d speakers who are from a UN regional group", b.Counted, b.Speakers)
	}
	return fmt.Sprintf("shares of the %d of %d speakers who give a %s", b.Counted, b.Speakers, noun)
}

// groupNounOf names a value of a dimension: "stakeholder group", "regional
// group", "gender", "participation mode", or the label's key.
func groupNounOf(d balance.Dimension) string {
	switch d.By {
	case balance.ByStakeholder:
		return "stakeholder group"
	case balance.ByRegion:
		return "regional group"
	case balance.ByMode:
		return "participation mode"
	case balance.ByLabel:
		return d.Label
	}
	return string(d.By)
}

// NotGivenRow is the name of the row of the speakers who give no value.
const NotGivenRow = "(not given)"

// Group is one group's time, share and target.
type Group struct {
	Name          string
	Speakers      int
	Time          time.Duration
	Share, Target float64 // shares of the time of the dimension's Counted speakers

	// NotGiven marks the row of the speakers who give no value in the
	// dimension, named [NotGivenRow]; Outside a value that is not one of
	// the dimension's full set, such as "Intergovernmental Organization"
	// given as a regional group. Neither has a share or a target.
	NotGiven, Outside bool
}

// HasShare reports whether the group has a share and a target to show.
func (g Group) HasShare() bool { return !g.NotGiven && !g.Outside }

// Balances returns the groups of every dimension balanced, from the
// allocation or else the report, and the dimensions dropped because they do
// not apply to the session. A group the report marks outside its
// dimension's set is marked so, with no share or target, and the shares of
// the others are of their own time.
func (d *Document) Balances() ([]Balance, []balance.Dimension) {
	var out []Balance
	var dropped []balance.Dimension
	reported := func(dim balance.Dimension) *balance.Balance {
		if d.Report == nil {
			return nil
		}
		for i, dr := range d.Report.Dimensions {
			if dr.Dimension.Name() == dim.Name() {
				return &d.Report.Dimensions[i]
			}
		}
		return nil
	}
	note := func(dim balance.Dimension) string {
		n := "balanced"
		if dim.Hard {
			n = "hard rule: within " + Percent(dim.Tolerance) + " of target, one step after rounding"
		}
		if dr := reported(dim); dr != nil {
			n += fmt.Sprintf("; evenness %.2f, %s of the time away from target", dr.Evenness, Percent(dr.Gap))
		}
		return n
	}
	switch {
	case d.Allocation != nil:
		var all time.Duration
		for _, sh := range d.Allocation.Speakers {
			all += sh.Time
		}
		for _, b := range d.Allocation.Balance {
			bal := Balance{Dimension: b.Dimension, Note: note(b.Dimension), Speakers: len(d.Allocation.Speakers)}
			var total, given time.Duration // of the groups of the set, and of all with a value
			for _, g := range b.Groups {
				given += g.Time
				if !g.Outside {
					total += g.Time
				}
			}
			counted := 0
			for _, g := range b.Groups {
				gr := Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Outside: g.Outside}
				if !gr.Outside {
					counted += g.Speakers
					if total > 0 {
						gr.Share, gr.Target = float64(g.Time)/float64(total), float64(g.TargetTime)/float64(total)
					}
				}
				bal.Groups = append(bal.Groups, gr)
			}
			bal.Counted = counted
			if n := bal.Speakers - counted - outsideCount(bal.Groups); n > 0 {
				bal.Groups = append(bal.Groups, Group{Name: NotGivenRow, Speakers: n, Time: all - given, NotGiven: true})
			}
			out = append(out, bal)
		}
		dropped = d.Allocation.Dropped
	case d.Report != nil:
		for _, dr := range d.Report.Dimensions {
			bal := Balance{Dimension: dr.Dimension, Note: note(dr.Dimension), Counted: dr.Counted, Speakers: len(d.Report.Speakers)}
			for _, g := range dr.Groups {
				bal.Groups = append(bal.Groups, Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Share: g.Share, Target: g.Target, Outside: g.Outside})
			}
			if dr.Unknown > 0 {
				bal.Groups = append(bal.Groups, Group{Name: NotGivenRow, Speakers: dr.Unknown, Time: dr.UnknownTime, NotGiven: true})
			}
			out = append(out, bal)
		}
		dropped = d.Report.Dropped
	}
	return out, dropped
}

// outsideCount counts the speakers of the groups outside their set.
func outsideCount(groups []Group) int {
	n := 0
	for _, g := range groups {
		if g.Outside {
			n += g.Speakers
		}
	}
	return n
}

// groupCell names a group for a table: its name, with what it is for a
// value outside the dimension's set: "Intergovernmental Organization (not a
// UN regional group)".
func groupCell(b Balance, g Group) string {
	if g.Outside {
		return g.Name + " (not a UN regional group)"
	}
	return g.Name
}

// shareCell writes a group's share or target for a table: the percentage,
// or "–" for a row that has none.
func shareCell(g Group, share float64) string {
	if !g.HasShare() {
		return "–"
	}
	return Percent(share)
}

// Percent writes a share as a percentage with at most one decimal: "49.5%".
func Percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}

// join joins the values that are not empty with a middle dot.
func join(values ...string) string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, " · ")
}
