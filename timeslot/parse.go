package timeslot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// parseError describes a length, a clock range or a slot that could not be
// read: every error of [ParseLength], [ParseRange] and [Slot.UnmarshalJSON].
// Callers read its message, which names what was parsed and the text given;
// it is not exported, as no caller needs its parts.
type parseError struct {
	What   string // what was being parsed: "length", "clock range", or "slot", "slot start", "slot zone" or "slot length"
	Value  string // the text as given
	Reason string // what is wrong with it
	Err    error  // the error underneath, if any: of encoding/json, time.Parse or time.LoadLocation
}

// Error returns "timeslot: cannot parse <value> as a <what>: <msg>".
func (e *parseError) Error() string {
	return fmt.Sprintf("timeslot: cannot parse %q as a %s: %s", e.Value, e.What, e.Reason)
}

// Unwrap returns Err.
func (e *parseError) Unwrap() error { return e.Err }

// lengthPart matches one number and unit of a spelled-out length, as in
// "1 hour", "30 min", "90-minute" or "2 hrs.".
var lengthPart = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)\.?\s*(?:and\s+|,\s*)?`)

// units maps the unit words of session pages to the units of
// [time.ParseDuration].
var units = map[string]string{
	"h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
	"m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
}

// ParseLength reads the length of a slot or segment. It accepts the
// spellings of session pages, "90 minutes", "40 min", "5 mins", "2 hours",
// "1 hour 30 minutes", "90-minute", in any case, and the syntax of
// [time.ParseDuration], "1h30m", "40m". A length is never negative, and a
// bare number without a unit is refused rather than guessed. Every error
// reads "timeslot: cannot parse <text> as a length: <what is wrong>".
func ParseLength(s string) (time.Duration, error) {
	text := strings.ToLower(strings.TrimSpace(s))
	if text == "" {
		return 0, &parseError{What: "length", Value: s, Reason: "empty"}
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		var spelled strings.Builder
		for rest := text; rest != ""; {
			m := lengthPart.FindStringSubmatch(rest)
			if m == nil {
				return 0, &parseError{What: "length", Value: s,
					Reason: `want a number and a unit, as in "90 minutes", "40 min" or "1h30m"`}
			}
			unit, ok := units[m[2]]
			if !ok {
				return 0, &parseError{What: "length", Value: s, Reason: fmt.Sprintf("unknown unit %q", m[2])}
			}
			spelled.WriteString(m[1] + unit)
			rest = rest[len(m[0]):]
		}
		if d, err = time.ParseDuration(spelled.String()); err != nil {
			return 0, &parseError{What: "length", Value: s, Reason: "out of range"}
		}
	}
	if d < 0 {
		return 0, &parseError{What: "length", Value: s, Reason: "negative"}
	}
	return d, nil
}

// FormatLength writes d in the shortest form that [ParseLength] and
// [time.ParseDuration] read back exactly: "1h30m", "40m", "2h", "45s", "0s".
// Lengths with a fraction of a second, and negative ones, are written as
// [time.Duration.String] writes them.
func FormatLength(d time.Duration) string {
	if d <= 0 || d%time.Second != 0 {
		return d.String()
	}
	var buf [32]byte // room for the longest, "2562047h47m16s"
	b := buf[:0]
	for _, u := range [...]struct {
		size time.Duration
		name byte
	}{{time.Hour, 'h'}, {time.Minute, 'm'}, {time.Second, 's'}} {
		if n := d / u.size; n > 0 {
			b = append(strconv.AppendInt(b, int64(n), 10), u.name)
			d -= n * u.size
		}
	}
	return string(b)
}

// clockRange matches "06:15-07:45 UTC", "16:00h - 18:00h", "9.30 to 11.00".
var clockRange = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})\s*h?\s*(?:-|to)\s*(\d{1,2})[:.](\d{2})\s*h?\s*(.*)$`)

// offsetZone matches a zone written as an offset: "UTC+2", "GMT-03:00", "UTC+0530".
var offsetZone = regexp.MustCompile(`^(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?$`)

// dashes turns the dashes of typeset pages into hyphens.
var dashes = strings.NewReplacer("–", "-", "—", "-", "‒", "-", "−", "-")

// ParseRange reads a clock range such as "06:15-07:45 UTC" or "16:00h -
// 18:00h" as a slot on the date of day. The range may name its zone after the
// times: "UTC", "GMT", an offset such as "UTC+2", or an IANA name such as
// "Europe/Paris"; without one, the times are read in day's location. An end
// at or before the start means the range crosses midnight. A clock time that
// the zone skips on that day, as in the hour the clocks spring forward, is an
// error. The slot's Length is the real time elapsed, so a range across a
// change of offset is shorter or longer than its clock times suggest. Every
// error reads "timeslot: cannot parse <text> as a clock range: <what is
// wrong>".
func ParseRange(s string, day time.Time) (Slot, error) {
	text := dashes.Replace(strings.TrimSpace(s))
	m := clockRange.FindStringSubmatch(text)
	if m == nil {
		return Slot{}, &parseError{What: "clock range", Value: s, Reason: `want "hh:mm-hh:mm" and an optional zone, as in "06:15-07:45 UTC"`}
	}
	var clock [4]int
	for i := range clock {
		clock[i], _ = strconv.Atoi(m[i+1]) // the pattern admits digits only
	}
	for _, hm := range [][2]int{{clock[0], clock[1]}, {clock[2], clock[3]}} {
		if hm[0] > 23 || hm[1] > 59 {
			return Slot{}, &parseError{What: "clock range", Value: s, Reason: fmt.Sprintf("%02d:%02d is not a time of day", hm[0], hm[1])}
		}
	}
	loc, err := parseZone(strings.TrimSpace(m[5]), day.Location())
	if err != nil {
		return Slot{}, &parseError{What: "clock range", Value: s, Reason: err.Error()}
	}
	y, mo, d := day.Date()
	start := time.Date(y, mo, d, clock[0], clock[1], 0, 0, loc)
	endDay := d
	end := time.Date(y, mo, endDay, clock[2], clock[3], 0, 0, loc)
	if !end.After(start) {
		endDay++
		end = time.Date(y, mo, endDay, clock[2], clock[3], 0, 0, loc)
	}
	// time.Date moves a clock time that the zone skips, such as 02:30 on the
	// night the clocks spring forward, or any time of 2011-12-30 in
	// Pacific/Apia; such a range does not exist.
	const wall = "2006-01-02 15:04"
	for _, c := range []struct {
		t         time.Time
		day, h, m int
	}{{start, d, clock[0], clock[1]}, {end, endDay, clock[2], clock[3]}} {
		if want := time.Date(y, mo, c.day, c.h, c.m, 0, 0, time.UTC).Format(wall); c.t.Format(wall) != want {
			return Slot{}, &parseError{What: "clock range", Value: s, Reason: fmt.Sprintf("%s does not exist in %s", want, loc)}
		}
	}
	if !end.After(start) {
		return Slot{}, &parseError{What: "clock range", Value: s, Reason: fmt.Sprintf("in %s the end falls before the start on that day", loc)}
	}
	return Slot{Start: start, Length: end.Sub(start)}, nil
}

// parseZone reads the zone written after a clock range.
func parseZone(name string, def *time.Location) (*time.Location, error) {
	switch strings.ToUpper(name) {
	case "":
		return def, nil
	case "UTC", "GMT", "Z":
		return time.UTC, nil
	}
	if m := offsetZone.FindStringSubmatch(strings.ToUpper(name)); m != nil {
		h, _ := strconv.Atoi(m[2])
		min := 0
		if m[3] != "" {
			min, _ = strconv.Atoi(m[3])
		}
		if h > 14 || min > 59 {
			return nil, fmt.Errorf("offset %s is out of range", name)
		}
		sec := h*3600 + min*60
		if m[1] == "-" {
			sec = -sec
		}
		return time.FixedZone(name, sec), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown zone %q", name)
	}
	return loc, nil
}
