package timeslot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Slot is the time a session is given: a start in a location and a length.
//
// The zero Start means the session is not scheduled yet; its clock then
// counts from the zero time, and [Slot.Scheduled] reports false.
type Slot struct {
	Start  time.Time
	Length time.Duration
}

// End returns the moment the slot ends.
func (s Slot) End() time.Time { return s.Start.Add(s.Length) }

// Scheduled reports whether the slot has a start time.
func (s Slot) Scheduled() bool { return !s.Start.IsZero() }

// String formats the slot for people: "2023-10-10 06:15–07:45 UTC" when it is
// scheduled, "1h30m, not scheduled" when it is not.
func (s Slot) String() string {
	if !s.Scheduled() {
		return FormatLength(s.Length) + ", not scheduled"
	}
	start, end := s.Start, s.End()
	if start.Format(time.DateOnly) == end.Format(time.DateOnly) {
		return start.Format("2006-01-02 15:04") + "–" + end.Format("15:04 MST")
	}
	return start.Format("2006-01-02 15:04") + " – " + end.Format("2006-01-02 15:04 MST")
}

// slotJSON is the wire form of a Slot.
type slotJSON struct {
	Start  string `json:"start,omitempty"`
	Zone   string `json:"zone,omitempty"`
	Length string `json:"length"`
}

// MarshalJSON encodes the slot as {"start": RFC 3339, "zone": IANA name,
// "length": "1h30m"}. The zone is written when the start's location has a
// name that [time.LoadLocation] reads back to a zone at the start's offset,
// and as "UTC" when it has no such name but the start is at offset zero
// (which RFC 3339 writes as "Z", read back as UTC); otherwise the offset in
// the start is all there is to keep. The name "Local" is never written, since
// it means a different zone on every machine.
func (s Slot) MarshalJSON() ([]byte, error) {
	w := slotJSON{Length: FormatLength(s.Length)}
	if s.Scheduled() {
		w.Start = s.Start.Format(time.RFC3339Nano)
		w.Zone = zoneName(s.Start)
	}
	return json.Marshal(w)
}

// zoneName returns the zone that MarshalJSON writes beside t, or "" for none.
func zoneName(t time.Time) string {
	_, offset := t.Zone()
	if name := t.Location().String(); name != "" && name != "Local" {
		if loc, err := time.LoadLocation(name); err == nil {
			if _, at := t.In(loc).Zone(); at == offset {
				return name
			}
		}
	}
	if offset == 0 {
		return "UTC"
	}
	return ""
}

// UnmarshalJSON decodes the form that MarshalJSON writes. Unknown fields, a
// zone that does not exist (or is "Local"), a zone without a start, and a
// start whose offset disagrees with its zone are errors. A start without a
// zone is shown at its offset, in UTC when that is zero, whatever the zone
// of the machine. Every error reads "timeslot: cannot parse <text> as a
// <part>: <what is wrong>", naming the part of the slot ("slot", "slot
// start", "slot zone" or "slot length"), and wraps the error of
// encoding/json, time.Parse or time.LoadLocation where there is one.
func (s *Slot) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil // as encoding/json does for null
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var w slotJSON
	if err := dec.Decode(&w); err != nil {
		return &parseError{What: "slot", Value: string(data), Reason: err.Error(), Err: err}
	}
	length, err := ParseLength(w.Length)
	if err != nil {
		msg := err.Error()
		if pe, ok := err.(*parseError); ok { // always, from ParseLength
			msg = pe.Reason
		}
		return &parseError{What: "slot length", Value: w.Length, Reason: msg}
	}
	var start time.Time
	if w.Start != "" {
		// Not time.Parse, which shows the start in the machine's own zone
		// when their offsets agree: without a zone, only the offset is known.
		start, err = time.ParseInLocation(time.RFC3339Nano, w.Start, time.UTC)
		if err != nil {
			return &parseError{What: "slot start", Value: w.Start, Reason: `not an RFC 3339 time such as "2023-10-10T06:15:00Z"`, Err: err}
		}
	}
	if w.Zone != "" {
		if w.Start == "" {
			return &parseError{What: "slot zone", Value: w.Zone, Reason: "given without a start"}
		}
		if w.Zone == "Local" {
			return &parseError{What: "slot zone", Value: w.Zone, Reason: "not an IANA zone name"}
		}
		loc, err := time.LoadLocation(w.Zone)
		if err != nil {
			return &parseError{What: "slot zone", Value: w.Zone, Reason: err.Error(), Err: err}
		}
		_, given := start.Zone()
		start = start.In(loc)
		if _, want := start.Zone(); given != want {
			return &parseError{What: "slot start", Value: w.Start,
				Reason: fmt.Sprintf("has offset %s, but zone %s is at %s then", formatOffset(given), w.Zone, formatOffset(want))}
		}
	}
	*s = Slot{Start: start, Length: length}
	return nil
}

// formatOffset writes a UTC offset in seconds as "+01:00".
func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d:%02d", sign, sec/3600, sec%3600/60)
}
