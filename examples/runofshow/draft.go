package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// startLayouts are the forms -start reads: a date and a clock time in
// -zone, with or without seconds, or a moment with its offset.
var startLayouts = []struct {
	layout string
	offset bool // the layout gives the offset, so the moment needs no zone
}{
	{"2006-01-02T15:04", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02 15:04", false},
	{time.RFC3339, true},
	{"2006-01-02T15:04Z07:00", true},
}

// complete applies what the flags add to the draft: a start time, a title,
// a room. It returns a note on what it had to assume ("" for none), and an
// error for a value it cannot read.
func complete(s *agenda.Session, o *options) (note string, err error) {
	if o.set["title"] {
		s.Title = o.title
	}
	if o.set["room"] {
		s.Room = o.room
	}
	if !o.set["start"] {
		return "", nil
	}
	loc := time.UTC
	switch {
	case o.zone != "":
		if loc, err = time.LoadLocation(o.zone); err != nil || o.zone == "Local" {
			return "", fmt.Errorf("-zone %q is not an IANA time zone, such as Europe/Oslo", o.zone)
		}
	case s.Slot.Scheduled():
		loc = s.Slot.Start.Location() // moved, the session stays where it is held
	}
	start, offset, err := parseStart(o.start, loc)
	if err != nil {
		return "", err
	}
	switch {
	case offset && o.zone != "":
		start = start.In(loc)
	case !offset && o.zone == "" && !s.Slot.Scheduled():
		note = fmt.Sprintf("-start %s is read as UTC; give -zone, such as -zone Europe/Oslo, for the venue's time", o.start)
	}
	s.Slot.Start = start
	return note, nil
}

// parseStart reads a -start value in loc, and reports whether it gave its
// own offset.
func parseStart(value string, loc *time.Location) (time.Time, bool, error) {
	for _, l := range startLayouts {
		if t, err := time.ParseInLocation(l.layout, value, loc); err == nil {
			return t, l.offset, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("-start %q: want a date and a time such as 2025-06-23T10:00, or with an offset, 2025-06-23T10:00+02:00", value)
}

// writeSession writes the draft as the JSON that -f reads back: indented,
// with markup in names left as it is, so that an organizer can edit it.
func writeSession(w io.Writer, s *agenda.Session) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// draftID returns the ID a draft is written with when it has none: its
// calendar's UIDs follow the session's ID (see render.ICS), and without one
// its title, so that a draft retitled or moved in the editor would leave
// its old events behind in every calendar that imported them. The ID is
// derived from the session as it is when the draft is first written (its
// title, start, room and people), so the same import gives the same draft.
func draftID(s *agenda.Session) string {
	h := sha256.New()
	for _, v := range []string{agenda.NameKey(s.Title), s.Slot.Start.UTC().Format(time.RFC3339), agenda.NameKey(s.Room)} {
		io.WriteString(h, v+"\x00")
	}
	for i := range s.People {
		io.WriteString(h, agenda.NameKey(s.People[i].Name)+"\x00")
	}
	return fmt.Sprintf("fairfloor-draft:%x", h.Sum(nil)[:8])
}
