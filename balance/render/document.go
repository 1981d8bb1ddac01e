package render

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrMismatch is returned, with what does not match, by the renderers for a
// run-of-show whose segments are not those of its session, which only a
// document built by hand can have.
var ErrMismatch = errors.New("render: the run-of-show does not match its session")

// Document is what to render, with what is known about it: a session (a
// run-of-show, or a draft), or else a programme's report (Forum). A
// session's document may hold, for [Text] alone, the audit of its speaking
// log (Audit) or the re-plan of its rest (Replanned) instead.
type Document struct {
	// RunOfShow is the plan to render. Without one, the text renderer shows
	// Draft as given, and the others have nothing to render.
	RunOfShow  *agenda.RunOfShow
	Draft      *agenda.Session
	Allocation *balance.Allocation // may be nil
	Report     *balance.Report     // may be nil

	// Forum is a programme's report (balance.ForumReport) to render in
	// place of a session; every format but JSON writes it. [ICS] reads only
	// its Programme, so a programme never reported on can be written too.
	Forum *balance.Forum

	// Audit is the audit of a speaking log against the run-of-show
	// (balance.AuditLog): [Text] writes it in place of the run-of-show,
	// planned against actual speaking time per person, the log's problems
	// and the findings of what was said.
	Audit *balance.Audit

	// Replanned, when set, is the start of the session whose rest the
	// run-of-show and allocation re-plan (balance.Replan): [Text] writes
	// the re-plan in place of a run-of-show, its clock counting from
	// Replanned.
	Replanned time.Time

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

// errNoSession is returned for a document that holds nothing to render.
var errNoSession = fmt.Errorf("render: the document has neither a session nor a forum: %w", balance.ErrNoSession)

// errNoProgramme is returned for a forum report without a programme.
var errNoProgramme = fmt.Errorf("render: the forum report has no programme: %w", balance.ErrNoSession)

// kind is what a document holds to render.
type kind int

const (
	kindSession kind = iota // a run-of-show or a draft
	kindForum
	kindAudit
	kindReplan
)

var kindNames = [...]string{"a session", "a forum report", "an audit", "a re-plan"}

// holds says what the document holds: a forum, an audit, a re-plan or
// else a session. A nil document is [balance.ErrNoSession]; one that holds
// more than one of a forum, an audit and a re-plan, or one that format
// cannot write (it writes a session and the kinds listed), is an error
// that wraps [errors.ErrUnsupported].
func (d *Document) holds(format string, writes ...kind) (kind, error) {
	if d == nil {
		return 0, errNoSession
	}
	k, n := kindSession, 0
	if d.Forum != nil {
		k, n = kindForum, n+1
	}
	if d.Audit != nil {
		k, n = kindAudit, n+1
	}
	if !d.Replanned.IsZero() {
		k, n = kindReplan, n+1
	}
	if n > 1 {
		return 0, fmt.Errorf("render: the document holds more than one of Forum, Audit and Replanned; render each in a document of its own: %w", errors.ErrUnsupported)
	}
	if k != kindSession && !slices.Contains(writes, k) {
		return 0, fmt.Errorf("render: %s cannot write %s: %w", format, kindNames[k], errors.ErrUnsupported)
	}
	return k, nil
}

// prepare checks the document before a renderer reads it, and returns a
// copy that finds people by name in constant time, so that rendering takes
// time in proportion to the document. A document without a session, or
// nil, is [balance.ErrNoSession]; a session beyond agenda's limits the *agenda.LimitError
// of [agenda.Session.CheckSize]; a run-of-show with another number of
// segments than its session [ErrMismatch].
func (d *Document) prepare() (*Document, error) {
	if d == nil || d.Session() == nil {
		return nil, errNoSession
	}
	s := d.Session()
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
	if s == nil {
		return nil, -1, false
	}
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

// Session returns the session of the run-of-show, or the draft; nil for
// a nil document or one without either.
func (d *Document) Session() *agenda.Session {
	if d == nil {
		return nil
	}
	if d.RunOfShow != nil {
		return d.RunOfShow.Session
	}
	return d.Draft
}

// slot returns the session's slot in the document's zone; an empty slot
// for a document without a session.
func (d *Document) slot() timeslot.Slot {
	if d.Session() == nil {
		return timeslot.Slot{}
	}
	return d.Session().Slot.In(d.Location)
}

// named reports whether the document may show names and organizations; not
// for a document without a session.
func (d *Document) named() bool { return d.Session() != nil && d.Session().Named() && !d.Redact }

// why returns what made a speaker's time differ from their fair share, part
// by part, as every renderer shows it (see balance.Share.Why).
func (d *Document) why(sh balance.Share) []string {
	var out []string
	for _, r := range sh.Why {
		out = append(out, shown(r.Text))
	}
	return out
}

// Who returns how the document names a person: their name, on one line as
// every format shows a value (see the package doc), or "person 3"
// (their place among the session's people) when names may not be shown or
// the name is private. A name not among the people is returned as given
// where names may be shown, and as "someone not among the people" elsewhere.
func (d *Document) Who(name string) string {
	p, i, ok := d.person(name)
	if !ok {
		if !d.named() {
			return "someone not among the people"
		}
		return shown(name)
	}
	if !d.named() || p.IsPrivate(agenda.FieldName) {
		return fmt.Sprintf("person %d", i+1)
	}
	return shown(p.Name)
}

// field returns the value of a person's field that the document may show,
// as every format shows it (on one line, see the package doc), or "" when
// it is private, or a name or organization the document may not show.
func (d *Document) field(p *agenda.Person, f agenda.Field) string {
	return shown(d.rawField(p, f))
}

// rawField returns the value of a person's field as the session gives it, if
// the document may show it; see [Document.field].
func (d *Document) rawField(p *agenda.Person, f agenda.Field) string {
	if p.IsPrivate(f) {
		return ""
	}
	switch f {
	case agenda.FieldName:
		if !d.named() {
			return ""
		}
		return p.Name
	case agenda.FieldOrganization:
		if !d.named() {
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

// Row is one turn of the run-of-show as every format shows it, privacy
// applied, and as [JSON] writes it in [Output].Rows.
type Row struct {
	Segment     int                `json:"segment"` // index in Session.Segments
	Title       string             `json:"title"`   // the segment's title
	SegmentKind agenda.SegmentKind `json:"segment_kind,omitempty"`
	Track       string             `json:"track,omitempty"`
	Questions   []string           `json:"questions,omitempty"`
	Kind        agenda.TurnKind    `json:"kind"`
	// Start and End are in the document's zone; JSON leaves them out of a
	// session that is not scheduled, whose turns Offset places.
	Start        time.Time   `json:"start,omitzero"`
	End          time.Time   `json:"end,omitzero"`
	Who          string      `json:"who,omitempty"` // see Document.Who; "" for audience questions and activities
	Organization string      `json:"organization,omitempty"`
	Role         string      `json:"role,omitempty"`    // the part the turn's person plays here: speaker, moderator, facilitator
	Leaders      []string    `json:"leaders,omitempty"` // for an activity, the facilitators who lead it, named as Who names them
	Mode         agenda.Mode `json:"mode,omitempty"`
	Stakeholder  string      `json:"stakeholder,omitempty"`
	Region       string      `json:"region,omitempty"`
	// Local is the turn's start in the person's own time zone, as
	// "15:20 Asia/Tokyo", for someone online whose zone is known.
	Local  string        `json:"local,omitempty"`
	Offset time.Duration `json:"offset"` // from the start of the session
	Length time.Duration `json:"length"`
}

// rows returns every turn of the run-of-show, segment by segment; nil
// without a run-of-show, or for one whose segments are not those of its
// session.
func (d *Document) rows() []Row {
	if d.RunOfShow == nil {
		return nil
	}
	d, err := d.prepare()
	if err != nil {
		return nil
	}
	s := d.Session()
	loc := d.slot().Start.Location()
	zones := map[string]*time.Location{} // loaded once each: loading reads a file
	var rows []Row
	for i, seg := range d.RunOfShow.Segments {
		sg := &s.Segments[i]
		for _, t := range seg.Turns {
			r := Row{Segment: i, Title: sg.Title, SegmentKind: sg.Kind, Track: sg.Track, Questions: sg.Questions,
				Kind: t.Kind, Start: t.Start.In(loc), End: t.End.In(loc), Offset: t.Start.Sub(d.slot().Start), Length: t.Length()}
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
				r.Organization = d.field(p, agenda.FieldOrganization)
				r.Mode = p.Mode
				r.Stakeholder = d.field(p, agenda.FieldStakeholder)
				r.Region = d.field(p, agenda.FieldRegion)
				if zone := d.field(p, agenda.FieldZone); zone != "" && p.Mode == agenda.ModeOnline && d.slot().Scheduled() {
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

// dimensionView is one dimension's groups against their targets, as every format
// shows them.
type dimensionView struct {
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

// over says over whom the shares are taken, when not over every speaker:
// "shares of the 3 of 5 speakers who give a regional group"; else "".
func (b dimensionView) over() string {
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

// notGivenRow is the name of the row of the speakers who give no value.
const notGivenRow = "(not given)"

// Group is one group's speaking time against its target, in one
// dimension, as every format shows it and as [JSON] writes it in
// [Output].Groups.
type Group struct {
	Dimension string        `json:"dimension"` // the dimension's name, such as "mode", "region" or "label:age"
	Hard      bool          `json:"hard,omitempty"`
	Name      string        `json:"group"`
	Speakers  int           `json:"speakers"`
	Time      time.Duration `json:"time"`
	Share     float64       `json:"share"`  // of the time of the dimension's counted speakers; 0 for a row without a share
	Target    float64       `json:"target"` // the target share; 0 for a row without a share

	// Counted is the number of speakers the dimension's shares are of:
	// those in one of its groups, without those who give no value or a
	// value outside its full set.
	Counted int `json:"counted"`

	// NotGiven marks the row of the speakers who give no value in the
	// dimension, named "(not given)"; Outside a value that is not one of
	// the dimension's full set, such as "Intergovernmental Organization"
	// given as a regional group. Neither has a share or a target.
	NotGiven bool `json:"not_given,omitempty"`
	Outside  bool `json:"outside,omitempty"`
}

// hasShare reports whether the group has a share and a target to show.
func (g Group) hasShare() bool { return !g.NotGiven && !g.Outside }

// balances returns the groups of every dimension balanced, from the
// allocation or else the report, and the dimensions dropped because they do
// not apply to the session. A group the report marks outside its
// dimension's set is marked so, with no share or target, and the shares of
// the others are of their own time.
func (d *Document) balances() ([]dimensionView, []balance.Dimension) {
	var out []dimensionView
	var dropped []balance.Dimension
	reported := func(dim balance.Dimension) *balance.DimensionReport {
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
			n = "hard rule: within " + format.Percent(dim.Tolerance) + " of target, one step after rounding"
		}
		if dr := reported(dim); dr != nil {
			n += fmt.Sprintf("; evenness %.2f, %s of the time away from target", dr.Evenness, format.Percent(dr.Gap))
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
			bal := dimensionView{Dimension: b.Dimension, Note: note(b.Dimension), Speakers: len(d.Allocation.Speakers)}
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
						gr.Share, gr.Target = float64(g.Time)/float64(total), float64(g.Target)/float64(total)
					}
				}
				bal.Groups = append(bal.Groups, gr)
			}
			bal.Counted = counted
			if n := bal.Speakers - counted - outsideCount(bal.Groups); n > 0 {
				bal.Groups = append(bal.Groups, Group{Name: notGivenRow, Speakers: n, Time: all - given, NotGiven: true})
			}
			out = append(out, bal.labelled())
		}
		dropped = d.Allocation.Dropped
	case d.Report != nil:
		for _, dr := range d.Report.Dimensions {
			bal := dimensionView{Dimension: dr.Dimension, Note: note(dr.Dimension), Counted: dr.Counted, Speakers: len(d.Report.Speakers)}
			for _, g := range dr.Groups {
				bal.Groups = append(bal.Groups, Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Share: g.Share, Target: g.Target, Outside: g.Outside})
			}
			if dr.Unknown > 0 {
				bal.Groups = append(bal.Groups, Group{Name: notGivenRow, Speakers: dr.Unknown, Time: dr.UnknownTime, NotGiven: true})
			}
			out = append(out, bal.labelled())
		}
		dropped = d.Report.Dropped
	}
	return out, dropped
}

// labelled returns the view with its dimension's name, hardness and count
// in each of its groups.
func (b dimensionView) labelled() dimensionView {
	for i := range b.Groups {
		g := &b.Groups[i]
		g.Dimension, g.Hard, g.Counted = shown(b.Dimension.Name()), b.Dimension.Hard, b.Counted
	}
	return b
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
func groupCell(b dimensionView, g Group) string {
	if g.Outside {
		return g.Name + " (not a UN regional group)"
	}
	return g.Name
}

// shareCell writes a group's share or target for a table: the percentage,
// or "–" for a row that has none.
func shareCell(g Group, share float64) string {
	if !g.hasShare() {
		return "–"
	}
	return format.Percent(share)
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
