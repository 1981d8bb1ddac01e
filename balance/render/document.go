package render

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
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

	// Replanned, when set, is the session whose rest the run-of-show and
	// allocation re-plan (balance.Replan): [Text] writes the re-plan in
	// place of a run-of-show, its clock counting from Replanned's start.
	Replanned *agenda.Session

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
	if d.Replanned != nil {
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
// as [agenda.Roster.Person] finds them.
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
	return inZone(d.Session().Slot, d.Location)
}

// inZone returns slot with its start shown in loc, for reading the clock
// there; a slot not scheduled, or a nil loc, is returned as it is.
func inZone(slot timeslot.Slot, loc *time.Location) timeslot.Slot {
	if slot.Scheduled() && loc != nil {
		slot.Start = slot.Start.In(loc)
	}
	return slot
}

// planned says how much of a slot of the given length the plan uses: "Planned
// 1h20m of a 1h30m slot: 10m left." (or "… over.", or "." when it fits
// exactly).
func planned(plan timeslot.Plan, length time.Duration) string {
	used := plan.End.Sub(plan.Slot.Start)
	line := "Planned " + timeslot.FormatLength(used) + " of a " + timeslot.FormatLength(length) + " slot"
	switch over := plan.End.Sub(plan.Slot.End()); {
	case over > 0:
		return line + ": " + timeslot.FormatLength(over) + " over."
	case over < 0:
		return line + ": " + timeslot.FormatLength(-over) + " left."
	}
	return line + "."
}

// named reports whether the document may show names and organizations; not
// for a document without a session.
func (d *Document) named() bool { return d.Session() != nil && d.Session().Named() && !d.Redact }

// why returns what made a speaker's time differ from their fair share, part
// by part, as every renderer shows it (see balance.Speaker.Why).
func (d *Document) why(sh balance.Speaker) []string {
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
	if !d.named() || slices.Contains(p.Private, "name") {
		return fmt.Sprintf("person %d", i+1)
	}
	return shown(p.Name)
}

// field returns the value of a person's field that the document may show,
// as every format shows it (on one line, see the package doc), or "" when
// it is private, or a name or organization the document may not show.
func (d *Document) field(p *agenda.Person, f string) string {
	return shown(d.rawField(p, f))
}

// rawField returns the value of a person's field as the session gives it, if
// the document may show it; see [Document.field].
func (d *Document) rawField(p *agenda.Person, f string) string {
	if slices.Contains(p.Private, f) {
		return ""
	}
	switch f {
	case "name":
		if !d.named() {
			return ""
		}
		return p.Name
	case "organization":
		if !d.named() {
			return ""
		}
		return p.Organization
	case "stakeholder":
		return string(p.Stakeholder)
	case "region":
		return string(p.Region)
	case "country":
		return p.Country
	case "gender":
		return p.Gender
	case "zone":
		return p.Zone
	}
	return ""
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
