package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrUnscheduled is returned by [ICS] for a session without a start time,
// which has no place in a calendar.
var ErrUnscheduled = errors.New("render: the session has no start time; a calendar needs one")

// ErrNoSegments is returned by [ICS] for a session without segments: a
// calendar holds at least one event.
var ErrNoSegments = errors.New("render: the session has no segments; a calendar needs at least one")

// icsProductID names fairfloor as the product that wrote a calendar.
const icsProductID = "-//fairfloor//run-of-show//EN"

// ICS writes the run-of-show as an iCalendar file (RFC 5545), one event per
// segment, for the calendars of moderators and speakers:
//
//   - SUMMARY is the segment's title, LOCATION the session's room.
//   - DESCRIPTION names the session, who moderates or leads the segment and
//     who speaks in it, with their organizations and stakeholder and
//     regional groups, the policy questions it takes up and its track; then
//     every turn with its clock times, as [Document.Clock] writes them in
//     the zone it names, and an online speaker's local time. A draft
//     without a run-of-show has segment times but no turns.
//   - DTSTART and DTEND are in the document's zone (see [Document.Slot]),
//     given by its IANA name as TZID, with a VTIMEZONE that describes the
//     zone's offsets over the session. Times in UTC, and in a zone without
//     an IANA name (a fixed offset, or Local), are written in UTC with Z;
//     so is an event that starts or ends in the hour that the clock repeats
//     when summer time ends, whose local time could be read as either.
//   - UID is derived from the session's title, its start and the segment's
//     index, so that importing the file again after a change updates the
//     events rather than adding new ones; it does not depend on the zone
//     shown, on Redact or on the turns.
//   - DTSTAMP is the session's start, so that the same document always
//     gives the same file.
//
// Names and organizations appear as the document's accessors allow; no
// ATTENDEE or ORGANIZER is written. Text is escaped as RFC 5545 requires
// (\; \, \\ \n); every value from the session is on one line, as in every
// format (see the package doc), so a line break in the file's text is one
// the description puts between its parts. Lines longer than 75 octets are
// folded.
//
// ICS returns [ErrUnscheduled] for a session without a start time,
// [ErrNoSegments] for one without segments, [ErrNoSession], [ErrMismatch],
// a *[TimeError] or an *agenda.LimitError for a document no renderer can
// render (see the package doc), and the errors of w. Nothing is written to w when it
// returns an error of its own.
func ICS(w io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	s := d.Session()
	slot := d.Slot()
	if !slot.Scheduled() {
		return ErrUnscheduled
	}
	spans := icsSpans(d)
	if len(spans) == 0 {
		return ErrNoSegments
	}

	tzid := icsZone(slot.Start)
	loc := slot.Start.Location()
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, icsProductID)
	cal.Props.SetText(ical.PropVersion, "2.0")

	rows := make([][]Row, len(spans))
	for _, r := range d.Rows() {
		rows[r.Segment] = append(rows[r.Segment], r)
	}
	stamp := s.Slot.Start.UTC()
	zoned := false // whether an event is written in tzid
	from, to := spans[0].Start, spans[0].End
	for i, sp := range spans {
		if sp.Start.Before(from) {
			from = sp.Start
		}
		if sp.End.After(to) {
			to = sp.End
		}
		start, end := sp.Start.UTC(), sp.End.UTC()
		if tzid != "" && !icsRepeated(sp.Start.In(loc)) && !icsRepeated(sp.End.In(loc)) {
			start, end = sp.Start.In(loc), sp.End.In(loc)
			zoned = true
		}
		seg := &s.Segments[i]
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, icsUID(s, i))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp)
		ev.Props.SetDateTime(ical.PropDateTimeStart, start)
		ev.Props.SetDateTime(ical.PropDateTimeEnd, end)
		ev.Props.SetText(ical.PropSummary, icsText(seg.Title))
		ev.Props.SetText(ical.PropDescription, icsText(icsDescription(d, seg, rows[i])))
		if s.Room != "" {
			ev.Props.SetText(ical.PropLocation, icsText(s.Room))
		}
		cal.Children = append(cal.Children, ev.Component)
	}
	if zoned {
		// Before the events, where readers look for it first.
		tz := icsTimezone(tzid, from.In(loc), to.In(loc))
		cal.Children = append([]*ical.Component{tz}, cal.Children...)
	}

	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return fmt.Errorf("render: iCalendar: %w", err)
	}
	_, err = w.Write(icsFold(b.Bytes()))
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

// icsZone returns the TZID for times shown as t is: the IANA name of its
// location, or "" for UTC and for a location that has no IANA name giving
// t's offset, whose times are written in UTC.
func icsZone(t time.Time) string {
	name := t.Location().String()
	if name == "" || name == "UTC" || name == "Local" {
		return ""
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return ""
	}
	_, offset := t.Zone()
	if _, at := t.In(loc).Zone(); at != offset {
		return ""
	}
	return name
}

// icsRepeated reports whether the clock in t's zone shows the same time at
// another moment too, as it does in the hour repeated when summer time
// ends. RFC 5545 reads such a local time as its first occurrence, but Go's
// time package (and so the readers built on it) may take either, so ICS
// writes an event with such a time in UTC.
func icsRepeated(t time.Time) bool {
	_, offset := t.Zone()
	onset, next := t.ZoneBounds()
	if !onset.IsZero() {
		_, before := onset.Add(-time.Nanosecond).Zone()
		if back := time.Duration(before-offset) * time.Second; back > 0 && t.Sub(onset) < back {
			return true // the second time the clock shows this
		}
	}
	if !next.IsZero() {
		_, after := next.Zone()
		if back := time.Duration(offset-after) * time.Second; back > 0 && next.Sub(t) <= back {
			return true // the first time
		}
	}
	return false
}

// icsTimezone returns the VTIMEZONE of the zone called tzid from the
// moment from up to to (both shown in the zone): the observance in effect
// at from, from its onset, and each one that begins before to.
func icsTimezone(tzid string, from, to time.Time) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, tzid)
	for t := from; ; {
		onset, next := t.ZoneBounds()
		tz.Children = append(tz.Children, icsObservance(t, onset))
		if next.IsZero() || !next.Before(to) {
			break
		}
		t = next
	}
	return tz
}

// icsObservance returns the STANDARD or DAYLIGHT component of the offset in
// effect at t, which took effect at onset (zero if it always has).
func icsObservance(t, onset time.Time) *ical.Component {
	name := ical.CompTimezoneStandard
	if t.IsDST() {
		name = ical.CompTimezoneDaylight
	}
	c := ical.NewComponent(name)
	abbr, offset := t.Zone()
	before, start := offset, "19700101T000000"
	if !onset.IsZero() {
		_, before = onset.Add(-time.Nanosecond).Zone()
		// The onset is the local time on the clock it replaces.
		start = onset.In(time.FixedZone("", before)).Format("20060102T150405")
	}
	prop := ical.NewProp(ical.PropDateTimeStart)
	prop.Value = start
	c.Props.Set(prop)
	prop = ical.NewProp(ical.PropTimezoneOffsetFrom)
	prop.Value = icsOffset(before)
	c.Props.Set(prop)
	prop = ical.NewProp(ical.PropTimezoneOffsetTo)
	prop.Value = icsOffset(offset)
	c.Props.Set(prop)
	c.Props.SetText(ical.PropTimezoneName, icsText(abbr))
	return c
}

// icsOffset writes an offset east of UTC in seconds as a UTC-OFFSET:
// "+0100", "-0330", or "+003408" with seconds when it has them.
func icsOffset(seconds int) string {
	sign := '+'
	if seconds < 0 {
		sign, seconds = '-', -seconds
	}
	s := fmt.Sprintf("%c%02d%02d", sign, seconds/3600, seconds/60%60)
	if seconds%60 != 0 {
		s += fmt.Sprintf("%02d", seconds%60)
	}
	return s
}

// icsUID returns the UID of segment i of s: a hash of the session's title,
// its start as an instant and i, so that it stays the same whatever else
// changes and whatever zone the document shows.
func icsUID(s *agenda.Session, i int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%q %s %d", s.Title, s.Slot.Start.UTC().Format(time.RFC3339Nano), i))
	return hex.EncodeToString(sum[:16]) + "@fairfloor"
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
		zone := d.Slot().Start.Location().String()
		if zone == "" || zone == "Local" {
			zone, _ = d.Slot().Start.Zone()
		}
		lines = append(lines, "", "Run of show, times in "+zone+":")
	}
	for _, r := range rows {
		line := d.clockRangeOf(r.Start, r.End, icsSeconds(r.Start), icsSeconds(r.End)) + " "
		switch r.Kind {
		case agenda.TurnHandover:
			line += "hand-over to " + r.Who
		case agenda.TurnAudience:
			line += "questions from the room and online"
		case agenda.TurnActivity:
			line += string(r.SegmentKind)
			if len(r.Leaders) > 0 {
				line += " led by " + strings.Join(r.Leaders, ", ")
			}
		default:
			line += r.Role + " " + r.Who
		}
		if r.Mode == agenda.ModeOnline && r.Kind != agenda.TurnHandover {
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
		if org := d.Field(p, agenda.FieldOrganization); org != "" {
			about = append(about, org)
		}
		var groups []string
		for _, f := range []agenda.Field{agenda.FieldStakeholder, agenda.FieldRegion} {
			if g := d.Field(p, f); g != "" {
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

// icsSeconds reports whether a clock time has seconds to show.
func icsSeconds(t time.Time) bool { return t.Second() != 0 || t.Nanosecond() != 0 }

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
