package render

import (
	"fmt"
	"time"
)

// TimeError is returned by every renderer for a document holding a time
// that no format can write: before year 0 or after year 9999, in the
// document's zone or in UTC. RFC 3339, which JSON's times follow, and RFC
// 5545 write a year in four digits, so rather than write a malformed file a
// renderer refuses the document. Validation refuses such a session, but a
// program can render one it never validated.
type TimeError struct {
	Field string    // where the time is: "slot.end", "deadlines[0].due", "run_of_show.segments[1].turns[2].end"
	Time  time.Time // the time, in the zone, the document's or UTC, where its year is out of range
}

// Error returns "render: slot.end 10000-01-01T00:30:00Z is past year
// 9999: no format can write it".
func (e *TimeError) Error() string {
	where := "past year 9999"
	if e.Time.Year() < 0 {
		where = "before year 0"
	}
	return fmt.Sprintf("render: %s %s is %s: no format can write it", e.Field, e.Time.Format(time.RFC3339), where)
}

// checkTimes returns a *[TimeError] for the first time the document would
// write that is outside the years 0 to 9999, in the document's zone or in
// UTC: the slot's start and end, the deadlines, and the run-of-show's
// segments and turns. A slot that is not scheduled has no clock time; its
// times count from the start.
func (d *Document) checkTimes() error {
	s := d.Session()
	loc := d.Location
	if loc == nil {
		loc = s.Slot.Start.Location()
	}
	check := func(field string, t time.Time) error {
		if y := t.In(loc).Year(); y < 0 || y > 9999 {
			return &TimeError{Field: field, Time: t.In(loc)}
		}
		if y := t.UTC().Year(); y < 0 || y > 9999 {
			return &TimeError{Field: field, Time: t.UTC()}
		}
		return nil
	}
	for i, dl := range s.Deadlines {
		if err := check(fmt.Sprintf("deadlines[%d].due", i), dl.Due); err != nil {
			return err
		}
	}
	if !s.Slot.Scheduled() {
		return nil
	}
	if err := check("slot.start", s.Slot.Start); err != nil {
		return err
	}
	if err := check("slot.end", s.Slot.End()); err != nil {
		return err
	}
	if d.RunOfShow == nil {
		for i, sp := range s.Plan().Spans {
			if err := check(fmt.Sprintf("segments[%d].end", i), sp.End); err != nil {
				return err // a draft's segments may run past its slot
			}
		}
		return nil
	}
	for i, seg := range d.RunOfShow.Segments {
		for _, at := range []struct {
			field string
			t     time.Time
		}{{"start", seg.Start}, {"end", seg.End}} {
			if err := check(fmt.Sprintf("run_of_show.segments[%d].%s", i, at.field), at.t); err != nil {
				return err
			}
		}
		for k, t := range seg.Turns {
			if err := check(fmt.Sprintf("run_of_show.segments[%d].turns[%d].start", i, k), t.Start); err != nil {
				return err
			}
			if err := check(fmt.Sprintf("run_of_show.segments[%d].turns[%d].end", i, k), t.End); err != nil {
				return err
			}
		}
	}
	return nil
}

// clock writes a moment as the document shows it, to the minute or, with
// unit time.Second, to the second: "06:20" or "06:20:30" in its zone, or
// "0:20" or "0:20:30" from the start for a session that is not scheduled.
func (d *Document) clock(t time.Time, unit time.Duration) string {
	slot := d.slot()
	if slot.Scheduled() {
		if unit == time.Second {
			return t.In(slot.Start.Location()).Format("15:04:05")
		}
		return t.In(slot.Start.Location()).Format("15:04")
	}
	e := t.Sub(slot.Start)
	if unit == time.Second {
		return fmt.Sprintf("%d:%02d:%02d", int(e.Hours()), int(e.Minutes())%60, int(e.Seconds())%60)
	}
	return fmt.Sprintf("%d:%02d", int(e.Hours()), int(e.Minutes())%60)
}

// clockUnit returns the unit a clock time needs: time.Second if it has
// seconds, else time.Minute.
func clockUnit(t time.Time) time.Duration {
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return time.Second
	}
	return time.Minute
}

// clockRange writes the times from a to b as [Document.clock] does, joined
// by an en dash: "06:20–06:30". When the zone's offset changes between
// them, as it does when summer time ends, each time is followed by its
// zone's abbreviation, "01:55 EDT–01:00 EST", so that a range across the
// change does not read as ending before it starts.
func (d *Document) clockRange(a, b time.Time, unit time.Duration) string {
	return d.clockRangeOf(a, b, unit, unit)
}

// clockRangeOf is [Document.clockRange] with a unit for each time.
func (d *Document) clockRangeOf(a, b time.Time, unitA, unitB time.Duration) string {
	from, to := d.clock(a, unitA), d.clock(b, unitB)
	if slot := d.slot(); slot.Scheduled() {
		loc := slot.Start.Location()
		za, oa := a.In(loc).Zone()
		zb, ob := b.In(loc).Zone()
		if oa != ob {
			return from + " " + za + "–" + to + " " + zb
		}
	}
	return from + "–" + to
}

// slotText writes the document's slot as [timeslot.Slot.String] does,
// "2023-10-10 06:15–07:45 UTC", but with the zone's abbreviation after
// the start too when the offset changes within the slot: "2023-11-05
// 01:15 EDT–01:00 EST".
func (d *Document) slotText() string {
	slot := d.slot()
	if !slot.Scheduled() {
		return slot.String()
	}
	start, end := slot.Start, slot.End().In(slot.Start.Location())
	za, oa := start.Zone()
	_, ob := end.Zone()
	if oa == ob {
		return slot.String()
	}
	if start.Format(time.DateOnly) == end.Format(time.DateOnly) {
		return start.Format("2006-01-02 15:04") + " " + za + "–" + end.Format("15:04 MST")
	}
	return start.Format("2006-01-02 15:04") + " " + za + " – " + end.Format("2006-01-02 15:04 MST")
}
