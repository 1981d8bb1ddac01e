package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrNoCalendar is returned, wrapped with what is missing, by [ICS] for
// a session that cannot be a calendar: one without a start time, which has
// no place in a calendar, or without segments, as a calendar holds at least
// one event; and for a programme none of whose sessions has a start time.
var ErrNoCalendar = errors.New("render: no calendar")

// icsProductID names fairfloor as the product that wrote a calendar.
const icsProductID = "-//fairfloor//run-of-show//EN"

// ICS writes the run-of-show as an iCalendar file (RFC 5545) for the
// calendars of moderators and speakers: one event for the whole session,
// then one per segment.
//
//   - The calendar is named after the session (X-WR-CALNAME, which
//     calendar programs show as its name).
//   - The session's event has the session's title as SUMMARY and runs from
//     the start of the slot to its end, or to the end of the last segment
//     if that is later. Its DESCRIPTION gives the format, who organizes,
//     moderates and speaks, with their organizations and stakeholder and
//     regional groups, the policy questions, each segment on the clock and
//     what is due after the session.
//   - A segment's event has "<session title> – <segment title>" as SUMMARY,
//     so that it says which session it belongs to in a calendar of many,
//     and the session's event as its parent (RELATED-TO). Its DESCRIPTION
//     names the session, who moderates or leads the segment and who speaks
//     in it, the policy questions it takes up and its track; then every
//     turn with its clock times, as [Document.clock] writes them in the zone
//     it names, and an online speaker's local time. A draft without a
//     run-of-show has segment times but no turns.
//   - LOCATION is the session's room.
//   - DTSTART and DTEND are in the document's zone (see [Document.slot]),
//     given by its IANA name as TZID, with a VTIMEZONE that describes the
//     zone's offsets over the session. Times in UTC, and in a zone without
//     an IANA name (a fixed offset, or Local), are written in UTC with Z;
//     so is an event that starts or ends in the hour that the clock repeats
//     when summer time ends, whose local time could be read as either.
//   - UID is derived from identities, never from a title and a start and a
//     place in a list, so that importing the file again after a change
//     updates the events rather than adding new ones. The session is known
//     by its ID (agenda.Session.ID, such as the IGF's "IGF 2022 WS #123")
//     or, without one, by its title, compared as names are (ignoring case
//     and spacing); a segment by its ID or, without one, by its title and
//     track, with the number of the occurrence when several segments of
//     the session share them (the second "Break-out discussion" of a
//     track). The session's event is known by the session alone. So the
//     UIDs stay the same when the session is moved, shown in another zone
//     or redacted, when turns or lengths change and when a segment is
//     inserted or removed; a session with an ID keeps them when it is
//     retitled, and a segment with an ID when it is retitled. The same
//     session has the same UIDs in the calendar of a programme
//     (a Document with a Forum).
//   - DTSTAMP is [Document.Stamp], by default the time of writing, in UTC;
//     SEQUENCE is [Document.Sequence].
//
// Names and organizations appear as the document's accessors allow; no
// ATTENDEE or ORGANIZER is written. Text is escaped as RFC 5545 requires
// (\; \, \\ \n); every value from the session is on one line, as in every
// format (see the package doc), so a line break in the file's text is one
// the description puts between its parts. Lines longer than 75 octets are
// folded.
//
// A document with a Forum is written as the calendar of its programme:
// every session that has a start time, each as for a session's document,
// with its own event and one per segment, at the times its segments fall
// on its own slot, and with the same UIDs. Two sessions known by the same
// identity (the same ID, or, without IDs, the same title) are told apart by
// the number of the occurrence, "#2" after the second. The calendar is
// named after the programme, or "Programme" without a title; sessions
// without a start time are not in it, and its description (X-WR-CALDESC)
// names them. Clock times are in each session's zone, or in Location when
// it is set. Only the forum's Programme is read, not its report, so a
// programme placed in rooms and times but never reported on can be written
// too:
//
//	render.ICS(w, &render.Document{Forum: &balance.Forum{Programme: prog}})
//
// For a forum, ICS returns [balance.ErrNoSession] for a forum without a
// programme, [ErrNoCalendar] for a programme without a session that has a
// start time, an *agenda.LimitError for a programme beyond
// agenda.MaxSessions, and the error of the first session no renderer can
// render, with the session named.
//
// ICS returns [ErrNoCalendar] for a session without a start time or
// without segments, an error for a negative
// Sequence, [balance.ErrNoSession], [ErrMismatch], a *[TimeError] (for the Stamp
// too) or an *agenda.LimitError for a document no renderer can render (see
// the package doc), and the errors of w. Nothing is written to w when it
// returns an error of its own.
func ICS(w io.Writer, d *Document) error {
	k, err := d.holds("ICS", kindForum)
	if err != nil {
		return err
	}
	if k == kindForum {
		return forumICS(w, d)
	}
	d, err = d.prepare()
	if err != nil {
		return err
	}
	s := d.Session()
	if !d.slot().Scheduled() {
		return fmt.Errorf("%w: the session has no start time", ErrNoCalendar)
	}
	if len(s.Segments) == 0 {
		return fmt.Errorf("%w: the session has no segments", ErrNoCalendar)
	}
	name := s.Title
	if strings.TrimSpace(name) == "" {
		name = "Run of show"
	}
	c, err := newICSCalendar(name, d.Stamp, d.Sequence)
	if err != nil {
		return err
	}
	c.session(d, icsSessionKey(s))
	return c.write(w)
}

// icsCalendar is a calendar being written: its events, and the span of
// time over which each zone they are written in needs its VTIMEZONE.
type icsCalendar struct {
	cal      *ical.Calendar
	stamp    time.Time
	sequence int
	zones    map[string]*icsZoneUse // by TZID
}

// icsZoneUse is the time from the earliest to the latest moment that the
// events write in one zone.
type icsZoneUse struct {
	loc      *time.Location
	from, to time.Time
}

// newICSCalendar returns an empty calendar called name, whose events carry
// the stamp (zero for now) and the sequence given.
func newICSCalendar(name string, stamp time.Time, sequence int) (*icsCalendar, error) {
	if sequence < 0 {
		return nil, fmt.Errorf("render: Sequence %d is negative: an event's SEQUENCE counts its revisions from 0", sequence)
	}
	if stamp.IsZero() {
		stamp = time.Now()
	}
	stamp = stamp.UTC().Truncate(time.Second)
	if y := stamp.Year(); y < 0 || y > 9999 {
		return nil, &TimeError{Field: "stamp", Time: stamp}
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, icsProductID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	icsSetX(cal.Props, "X-WR-CALNAME", name)
	return &icsCalendar{cal: cal, stamp: stamp, sequence: sequence, zones: map[string]*icsZoneUse{}}, nil
}

// icsSetX sets the extension property called name to text, as TEXT is
// written, without the VALUE=TEXT that go-ical gives a property it does not
// know, and which some readers then show.
func icsSetX(props ical.Props, name, text string) {
	prop := ical.NewProp(name)
	prop.SetText(icsText(text))
	prop.Params.Del(ical.ParamValue)
	props.Set(prop)
}

// event adds an event with the given UID, from start to end, written in
// the zone loc when it has the IANA name tzid and neither time is one its
// clock shows twice, and in UTC otherwise.
func (c *icsCalendar) event(uid string, start, end time.Time, loc *time.Location, tzid string) *ical.Event {
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, uid)
	ev.Props.SetDateTime(ical.PropDateTimeStamp, c.stamp)
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(c.sequence)
	ev.Props.Set(seq)
	if tzid != "" && !icsRepeated(start.In(loc)) && !icsRepeated(end.In(loc)) {
		start, end = start.In(loc), end.In(loc)
		use := c.zones[tzid]
		if use == nil {
			use = &icsZoneUse{loc: loc, from: start, to: end}
			c.zones[tzid] = use
		}
		if start.Before(use.from) {
			use.from = start
		}
		if end.After(use.to) {
			use.to = end
		}
	} else {
		start, end = start.UTC(), end.UTC()
	}
	ev.Props.SetDateTime(ical.PropDateTimeStart, start)
	ev.Props.SetDateTime(ical.PropDateTimeEnd, end)
	c.cal.Children = append(c.cal.Children, ev.Component)
	return ev
}

// session adds the events of a prepared, scheduled document's session,
// known by key (see [icsSessionKey]): its own, then one per segment.
func (c *icsCalendar) session(d *Document, key string) {
	s := d.Session()
	slot := d.slot()
	tzid, loc := icsZone(slot.Start), slot.Start.Location()
	spans := icsSpans(d)
	rows := make([][]Row, len(spans))
	for _, r := range d.rows() {
		rows[r.Segment] = append(rows[r.Segment], r)
	}
	from, to := slot.Start, slot.End()
	for _, sp := range spans {
		if sp.Start.Before(from) {
			from = sp.Start
		}
		if sp.End.After(to) {
			to = sp.End
		}
	}
	parent := icsUID(key, "")
	ev := c.event(parent, from, to, loc, tzid)
	ev.Props.SetText(ical.PropSummary, icsText(s.Title))
	ev.Props.SetText(ical.PropDescription, icsText(icsSessionDescription(d, spans)))
	if s.Room != "" {
		ev.Props.SetText(ical.PropLocation, icsText(s.Room))
	}
	for i, seg := range icsSegmentKeys(s) {
		sg := &s.Segments[i]
		ev := c.event(icsUID(key, seg), spans[i].Start, spans[i].End, loc, tzid)
		ev.Props.SetText(ical.PropRelatedTo, parent)
		summary := sg.Title
		if strings.TrimSpace(s.Title) != "" {
			summary = s.Title + " – " + sg.Title
		}
		ev.Props.SetText(ical.PropSummary, icsText(summary))
		ev.Props.SetText(ical.PropDescription, icsText(icsDescription(d, sg, rows[i])))
		if s.Room != "" {
			ev.Props.SetText(ical.PropLocation, icsText(s.Room))
		}
	}
}

// write encodes the calendar, with a VTIMEZONE for each zone its events
// are written in, by TZID, before the events, where readers look for them
// first, and folds its lines.
func (c *icsCalendar) write(w io.Writer) error {
	var zones []*ical.Component
	for _, tzid := range slices.Sorted(maps.Keys(c.zones)) {
		use := c.zones[tzid]
		zones = append(zones, icsTimezone(tzid, use.from.In(use.loc), use.to.In(use.loc)))
	}
	c.cal.Children = append(zones, c.cal.Children...)
	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(c.cal); err != nil {
		return fmt.Errorf("render: iCalendar: %w", err)
	}
	_, err := w.Write(icsFold(b.Bytes()))
	return err
}

// icsSpans returns when each segment runs: as the run-of-show has it, or as
// the draft's segments fall on its slot.
func icsSpans(d *Document) []timeslot.Span {
	if d.RunOfShow != nil {
		spans := make([]timeslot.Span, len(d.RunOfShow.Segments))
		for i, seg := range d.RunOfShow.Segments {
			spans[i] = seg.Span
		}
		return spans
	}
	return d.Session().Plan().Spans
}

// icsSessionDescription writes what the session's event says: the format,
// who takes part in each role, the policy questions, the segments on the
// clock and what is due.
func icsSessionDescription(d *Document, spans []timeslot.Span) string {
	s := d.Session()
	var lines []string
	if s.Format != "" {
		lines = append(lines, "Format: "+string(s.Format))
	}
	for _, role := range []struct {
		role  agenda.Role
		label string
	}{
		{agenda.RoleOrganizer, "Organized by"}, {agenda.RoleModerator, "Moderated by"},
		{agenda.RoleOnlineModerator, "Moderated online by"}, {agenda.RoleFacilitator, "Facilitated by"},
		{agenda.RoleSpeaker, "Speakers"}, {agenda.RoleRapporteur, "Rapporteurs"},
	} {
		var names []string
		for i := range s.People {
			if slices.Contains(s.People[i].Roles, role.role) {
				names = append(names, s.People[i].Name)
			}
		}
		if len(names) > 0 {
			lines = append(lines, role.label+": "+icsPeople(d, names))
		}
	}
	for _, q := range s.Questions {
		lines = append(lines, "Question "+q.ID+": "+q.Text)
	}
	lines = append(lines, "", "Segments, times in "+icsZoneName(d)+":")
	for i, sp := range spans {
		line := d.clockRange(sp.Start, sp.End, time.Minute) + " " + s.Segments[i].Title
		if s.Segments[i].Track != "" {
			line += " (track " + s.Segments[i].Track + ")"
		}
		lines = append(lines, line)
	}
	loc := d.slot().Start.Location()
	for _, dl := range s.Deadlines {
		lines = append(lines, "Due: "+dl.What+" by "+dl.Due.In(loc).Format("Monday 2 January 2006, 15:04 MST"))
	}
	return strings.Join(lines, "\n")
}

// icsZoneName names the zone the document's clock times are in: its IANA
// name, or its abbreviation for a zone without one.
func icsZoneName(d *Document) string {
	zone := d.slot().Start.Location().String()
	if zone == "" || zone == "Local" {
		zone, _ = d.slot().Start.Zone()
	}
	return zone
}

// icsDescription writes what the event of a segment says about it: the
// session, who leads and who speaks, the questions and the track, and then
// the segment's turns, one a line.
func icsDescription(d *Document, seg *agenda.Segment, rows []Row) string {
	s := d.Session()
	lines := []string{s.Title}
	if len(seg.Facilitators) > 0 {
		label := "Led by: "
		if len(seg.Speakers) > 0 {
			label = "Moderated by: "
		}
		lines = append(lines, label+icsPeople(d, seg.Facilitators))
	}
	if len(seg.Speakers) > 0 {
		lines = append(lines, "Speakers: "+icsPeople(d, seg.Speakers))
	}
	for _, id := range seg.Questions {
		for _, q := range s.Questions {
			if q.ID == id {
				lines = append(lines, "Question "+q.ID+": "+q.Text)
			}
		}
	}
	if seg.Track != "" {
		lines = append(lines, "Track: "+seg.Track)
	}
	if len(rows) > 0 {
		lines = append(lines, "", "Run of show, times in "+icsZoneName(d)+":")
	}
	for _, r := range rows {
		line := d.clockRangeOf(r.Start, r.End, clockUnit(r.Start), clockUnit(r.End)) + " "
		switch r.Kind {
		case "handover":
			line += "hand-over to " + r.Who
		case "audience":
			line += "questions from the room and online"
		case "activity":
			line += string(r.SegmentKind)
			if len(r.Leaders) > 0 {
				line += " led by " + strings.Join(r.Leaders, ", ")
			}
		default:
			line += r.Role + " " + r.Who
		}
		if r.Mode == agenda.ModeOnline && r.Kind != "handover" {
			line += ", online"
			if r.Local != "" {
				line += " (" + r.Local + ")"
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// icsPeople names people as the document may, each with what it may show
// of their organization and groups: "Ana Moreno (Internet Society; Civil
// Society · GRULAC), Lea Kim (Private Sector)".
func icsPeople(d *Document, names []string) string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = d.Who(name)
		p, _, ok := d.person(name)
		if !ok {
			continue
		}
		var about []string
		if org := d.field(p, "organization"); org != "" {
			about = append(about, org)
		}
		var groups []string
		for _, f := range []string{"stakeholder", "region"} {
			if g := d.field(p, f); g != "" {
				groups = append(groups, g)
			}
		}
		if len(groups) > 0 {
			about = append(about, strings.Join(groups, " · "))
		}
		if len(about) > 0 {
			out[i] += " (" + strings.Join(about, "; ") + ")"
		}
	}
	return strings.Join(out, ", ")
}

// icsText makes s fit an iCalendar TEXT value, which go-ical then escapes:
// valid UTF-8, a carriage return (alone or before a line feed) as a line
// feed, and any other control character but a tab as U+FFFD.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return utf8.RuneError
		}
		return r
	}, s)
}

// icsFold folds the content lines of an encoded calendar that are longer
// than 75 octets, as RFC 5545 asks, without splitting a UTF-8 sequence:
// each continuation line begins with a space.
func icsFold(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/64)
	for len(b) > 0 {
		line := b
		if i := bytes.Index(b, []byte("\r\n")); i >= 0 {
			line, b = b[:i], b[i+2:]
		} else {
			b = nil
		}
		limit := 75
		for len(line) > limit {
			cut := limit
			for !utf8.RuneStart(line[cut]) {
				cut--
			}
			out.Write(line[:cut])
			out.WriteString("\r\n ")
			line = line[cut:]
			limit = 74 // after the space
		}
		out.Write(line)
		out.WriteString("\r\n")
	}
	return out.Bytes()
}
