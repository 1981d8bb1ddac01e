package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ReadJSON reads a frab or pretalx schedule.json, or one [WriteJSON]
// wrote, as a programme: its title, and a session for each event that is
// not a break (type "break"), in the order of the file, with its title,
// room, start and length, its type as the session's format when it is one
// ("hybrid", "onsite", "online"), its abstract as the session's notes, and
// its persons as people. A person's roles, organization and groups, and
// the session's attribution, come from the conference's
// meta.fairfloor.sessions, where WriteJSON puts them; a person without
// them is a speaker, as frab's persons are. Other fields are not read.
//
// An event's start is its "date", in the conference's time_zone_name when
// that is an IANA zone at the date's offset, at the date's offset
// otherwise. Its length is its "duration" ("hh:mm" or "hh:mm:ss"), or,
// without one, the time to its "end".
//
// It reads at most [agenda.MaxBytes], and does not validate the programme:
// call [agenda.Programme.Validate] for that. Every error is a
// *[DecodeError] naming the path of the value, such as
// `schedule.conference.days[1].rooms["Saal 1"][0].date`, and, past
// [agenda.MaxSessions] events or [agenda.MaxPeople] persons in one, one
// wrapping a *[agenda.LimitError], matching [agenda.ErrTooLarge].
func ReadJSON(r io.Reader) (*agenda.Programme, error) {
	data, err := io.ReadAll(io.LimitReader(r, agenda.MaxBytes+1))
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	if len(data) > agenda.MaxBytes {
		return nil, &DecodeError{Err: &agenda.LimitError{What: "bytes", Max: agenda.MaxBytes, Limit: "agenda.MaxBytes"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a byte-order mark, as agenda drops it
	var top struct {
		Schedule *struct {
			Conference *struct {
				Title string            `json:"title"`
				Zone  string            `json:"time_zone_name"`
				Days  []json.RawMessage `json:"days"`
				Meta  json.RawMessage   `json:"meta"`
			} `json:"conference"`
		} `json:"schedule"`
	}
	if err := decode(data, "", &top); err != nil {
		return nil, err
	}
	switch {
	case top.Schedule == nil:
		return nil, &DecodeError{Field: "schedule", Reason: "missing", Err: ErrFormat}
	case top.Schedule.Conference == nil:
		return nil, &DecodeError{Field: "schedule.conference", Reason: "missing", Err: ErrFormat}
	}
	conf := top.Schedule.Conference
	rd := reader{loc: ianaZone(conf.Zone)}
	if err := rd.readMeta(conf.Meta, "schedule.conference.meta"); err != nil {
		return nil, err
	}
	p := &agenda.Programme{Title: conf.Title}
	for d, raw := range conf.Days {
		if err := rd.readDay(p, raw, fmt.Sprintf("schedule.conference.days[%d]", d)); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// reader holds what every event of a document needs.
type reader struct {
	loc  *time.Location          // the conference's zone, or nil
	meta map[string]*sessionMeta // by event GUID
	path map[string]string       // the path of each meta entry, by event GUID
}

// ianaZone returns the zone called name, or nil if there is none of that
// name ("Local" included, which names a different zone on every machine).
func ianaZone(name string) *time.Location {
	if name == "" || name == "Local" {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

func (rd *reader) readMeta(raw json.RawMessage, path string) error {
	if len(raw) == 0 {
		return nil
	}
	var meta struct {
		Fairfloor *struct {
			Sessions map[string]json.RawMessage `json:"sessions"`
		} `json:"fairfloor"`
	}
	if err := decode(raw, path, &meta); err != nil {
		return err
	}
	if meta.Fairfloor == nil {
		return nil
	}
	rd.meta = make(map[string]*sessionMeta, len(meta.Fairfloor.Sessions))
	rd.path = make(map[string]string, len(meta.Fairfloor.Sessions))
	for id, raw := range meta.Fairfloor.Sessions {
		at := path + ".fairfloor.sessions[" + strconv.Quote(id) + "]"
		m := new(sessionMeta)
		if err := decode(raw, at, m); err != nil {
			return err
		}
		rd.meta[strings.ToLower(id)] = m
		rd.path[strings.ToLower(id)] = at
	}
	return nil
}

func (rd *reader) readDay(p *agenda.Programme, raw json.RawMessage, path string) error {
	var d struct {
		Rooms json.RawMessage `json:"rooms"`
	}
	if err := decode(raw, path, &d); err != nil {
		return err
	}
	if len(d.Rooms) == 0 || string(d.Rooms) == "null" {
		return nil
	}
	path += ".rooms"
	dec := json.NewDecoder(bytes.NewReader(d.Rooms))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return &DecodeError{Field: path, Reason: "not an object of each room's events", Err: ErrFormat}
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return &DecodeError{Field: path, Err: err} // not for what decode has read
		}
		name, _ := tok.(string) // an object's keys are strings
		at := path + "[" + strconv.Quote(name) + "]"
		var events []json.RawMessage
		if err := dec.Decode(&events); err != nil {
			return jsonError(at, err)
		}
		for k, raw := range events {
			if err := rd.readEvent(p, raw, name, fmt.Sprintf("%s[%d]", at, k)); err != nil {
				return err
			}
		}
	}
	return nil
}

// rawEvent is what ReadJSON reads of an event.
type rawEvent struct {
	GUID     string            `json:"guid"`
	Date     string            `json:"date"`
	Duration string            `json:"duration"`
	End      string            `json:"end"`
	Room     string            `json:"room"`
	Title    string            `json:"title"`
	Type     string            `json:"type"`
	Abstract string            `json:"abstract"`
	Persons  []json.RawMessage `json:"persons"`
}

// rawPerson is what ReadJSON reads of a person.
type rawPerson struct {
	GUID       string `json:"guid"`
	Name       string `json:"name"`
	PublicName string `json:"public_name"`
}

func (rd *reader) readEvent(p *agenda.Programme, raw json.RawMessage, roomName, path string) error {
	var e rawEvent
	if err := decode(raw, path, &e); err != nil {
		return err
	}
	if strings.EqualFold(e.Type, breakKind) {
		return nil
	}
	if len(p.Sessions) == agenda.MaxSessions {
		return &DecodeError{Field: path, Err: &agenda.LimitError{What: "sessions", Count: len(p.Sessions) + 1,
			Max: agenda.MaxSessions, Limit: "agenda.MaxSessions"}}
	}
	start, err := rd.date(e.Date, path+".date")
	if err != nil {
		return err
	}
	length, err := rd.length(&e, start, path)
	if err != nil {
		return err
	}
	s := agenda.Session{Title: e.Title, Room: e.Room, Slot: timeslot.Slot{Start: start, Length: length},
		Notes: strings.TrimSpace(e.Abstract)}
	if s.Room == "" {
		s.Room = roomName
	}
	_ = s.Format.UnmarshalText([]byte(e.Type)) // a type that is not a format leaves none
	if len(e.Persons) > agenda.MaxPeople {
		return &DecodeError{Field: path + ".persons", Err: &agenda.LimitError{What: "people", Count: len(e.Persons),
			Max: agenda.MaxPeople, Limit: "agenda.MaxPeople"}}
	}
	meta := rd.meta[strings.ToLower(e.GUID)]
	if meta != nil {
		s.Attribution = meta.Attribution
		if len(meta.People) != len(e.Persons) {
			return &DecodeError{Field: rd.path[strings.ToLower(e.GUID)] + ".people",
				Reason: fmt.Sprintf("%d people for the %d persons of %s", len(meta.People), len(e.Persons), path), Err: ErrFormat}
		}
	}
	for k, raw := range e.Persons {
		var person rawPerson
		if err := decode(raw, fmt.Sprintf("%s.persons[%d]", path, k), &person); err != nil {
			return err
		}
		name := person.Name
		if name == "" {
			name = person.PublicName
		}
		ap := agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}}
		if meta != nil {
			m := &meta.People[k]
			if !strings.EqualFold(m.GUID, person.GUID) {
				return &DecodeError{Field: fmt.Sprintf("%s.people[%d].guid", rd.path[strings.ToLower(e.GUID)], k), Value: m.GUID,
					Reason: fmt.Sprintf("not the guid of %s.persons[%d]", path, k), Err: ErrFormat}
			}
			ap.Roles, ap.Organization, ap.Stakeholder, ap.Region, ap.Mode = m.Roles, m.Organization, m.Stakeholder, m.Region, m.Mode
		}
		s.People = append(s.People, ap)
	}
	p.Sessions = append(p.Sessions, s)
	return nil
}

// date reads an RFC 3339 date-time, in the conference's zone when it is
// at the same offset then.
func (rd *reader) date(v, path string) (time.Time, error) {
	if v == "" {
		return time.Time{}, &DecodeError{Field: path, Reason: "missing: the event's start, an RFC 3339 date-time", Err: ErrFormat}
	}
	t, err := time.ParseInLocation(time.RFC3339, v, time.UTC)
	if err != nil {
		return time.Time{}, &DecodeError{Field: path, Value: clip(v), Reason: `not an RFC 3339 date-time such as "2025-06-23T09:00:00+02:00"`, Err: ErrFormat}
	}
	if rd.loc != nil {
		_, given := t.Zone()
		if _, there := t.In(rd.loc).Zone(); there == given {
			t = t.In(rd.loc)
		}
	}
	return t, nil
}

// durationPattern is "hh:mm" or "hh:mm:ss", hours of up to four digits.
var durationPattern = regexp.MustCompile(`^([0-9]{1,4}):([0-5][0-9])(?::([0-5][0-9]))?$`)

// length reads the event's duration, or the time from its start to its end.
func (rd *reader) length(e *rawEvent, start time.Time, path string) (time.Duration, error) {
	if e.Duration == "" && e.End != "" {
		end, err := rd.date(e.End, path+".end")
		if err != nil {
			return 0, err
		}
		if end.Before(start) {
			return 0, &DecodeError{Field: path + ".end", Value: clip(e.End), Reason: "before the event's date", Err: ErrFormat}
		}
		return end.Sub(start), nil
	}
	m := durationPattern.FindStringSubmatch(e.Duration)
	if m == nil {
		return 0, &DecodeError{Field: path + ".duration", Value: clip(e.Duration), Reason: `not a duration such as "01:30"`, Err: ErrFormat}
	}
	h, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	ss, _ := strconv.Atoi(m[3]) // 0 when absent
	return time.Duration(h)*time.Hour + time.Duration(mm)*time.Minute + time.Duration(ss)*time.Second, nil
}

// decode unmarshals data into v, an error naming path and, for a value of
// the wrong type, the field within it.
func decode(data []byte, path string, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return jsonError(path, err)
	}
	return nil
}

func jsonError(path string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		at := path
		if te.Field != "" {
			if at != "" {
				at += "."
			}
			at += te.Field
		}
		return &DecodeError{Field: at, Reason: fmt.Sprintf("want %s, not a JSON %s", kind(te.Type.Kind().String()), te.Value), Err: err}
	}
	return &DecodeError{Field: path, Err: err}
}

// kind says what JSON value a Go kind takes.
func kind(k string) string {
	switch {
	case k == "string":
		return "a string"
	case k == "struct" || k == "map":
		return "an object"
	case k == "slice" || k == "array":
		return "an array"
	case k == "bool":
		return "a boolean"
	}
	return "a " + k
}

// clip cuts a value to 100 bytes for an error message.
func clip(v string) string {
	if len(v) > 100 {
		return v[:100] + "…"
	}
	return v
}
