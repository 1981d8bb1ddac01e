package render

import (
	"fmt"
	"time"

	ical "github.com/emersion/go-ical"
)

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
