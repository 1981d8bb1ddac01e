package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// WriteJSON writes the programme to w as a frab/c3voc schedule.json, valid
// against the c3voc schema (validator/json/schema.json), as the package
// doc describes; [ReadJSON] reads it back. It writes nothing if p cannot
// be written, and returns the errors [WriteXML] does.
func WriteJSON(w io.Writer, p *agenda.Programme, opt Options) error {
	c, err := layout(p, opt)
	if err != nil {
		return err
	}
	conf := jsonConference{
		Acronym:  c.acronym,
		Title:    c.title,
		Start:    c.days[0].date.Format(time.DateOnly),
		End:      c.days[len(c.days)-1].date.Format(time.DateOnly),
		Count:    len(c.days),
		Timeslot: clock(c.timeslot),
		Rooms:    make([]jsonRoom, len(c.rooms)),
		Meta:     jsonMeta{Fairfloor: fairfloorMeta{Sessions: map[string]*sessionMeta{}}},
	}
	if zonePattern.MatchString(c.zone) {
		conf.Zone = c.zone
	}
	for r, rm := range c.rooms {
		conf.Rooms[r] = jsonRoom{Name: rm.name, GUID: rm.guid.String()}
	}
	for _, d := range c.days {
		jd := jsonDay{Index: d.index, Date: d.date.Format(time.DateOnly),
			Start: d.start.Format(time.RFC3339), End: d.end.Format(time.RFC3339)}
		for r, evs := range d.rooms {
			list := make([]jsonEvent, len(evs))
			for k := range evs {
				e := &evs[k]
				list[k] = jsonEventOf(e, c.rooms[r].name)
				if e.meta != nil {
					conf.Meta.Fairfloor.Sessions[e.guid.String()] = e.meta
				}
			}
			jd.Rooms = append(jd.Rooms, jsonRoomEvents{name: c.rooms[r].name, events: list})
		}
		conf.Days = append(conf.Days, jd)
	}
	doc := jsonDocument{
		Schema:    "https://c3voc.de/schedule/schema.json",
		Generator: jsonGenerator{Name: "fairfloor"},
		Schedule:  jsonSchedule{Version: c.version, Conference: conf},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("schedule: writing schedule.json: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func jsonEventOf(e *event, roomName string) jsonEvent {
	j := jsonEvent{
		ID:          e.id,
		GUID:        e.guid.String(),
		Date:        e.start.Format(time.RFC3339),
		Start:       e.start.Format("15:04"),
		End:         e.start.Add(e.length).Format(time.RFC3339),
		Duration:    clock(e.length),
		Room:        roomName,
		Slug:        e.slug,
		URL:         "urn:uuid:" + e.guid.String(),
		Title:       e.title,
		Type:        e.kind,
		Description: e.description,
		Persons:     make([]jsonPerson, len(e.persons)),
		Links:       []struct{}{},
	}
	for i, p := range e.persons {
		j.Persons[i] = jsonPerson{GUID: p.guid.String(), Name: p.name, PublicName: p.name}
	}
	return j
}

type jsonDocument struct {
	Schema    string        `json:"$schema"`
	Generator jsonGenerator `json:"generator"`
	Schedule  jsonSchedule  `json:"schedule"`
}

type jsonGenerator struct {
	Name string `json:"name"`
}

type jsonSchedule struct {
	Version    string         `json:"version"`
	Conference jsonConference `json:"conference"`
}

type jsonConference struct {
	Acronym  string     `json:"acronym"`
	Title    string     `json:"title"`
	Start    string     `json:"start"`
	End      string     `json:"end"`
	Count    int        `json:"daysCount"`
	Timeslot string     `json:"timeslot_duration"`
	Zone     string     `json:"time_zone_name,omitempty"`
	Rooms    []jsonRoom `json:"rooms"`
	Meta     jsonMeta   `json:"meta"`
	Days     []jsonDay  `json:"days"`
}

type jsonRoom struct {
	Name string `json:"name"`
	GUID string `json:"guid"`
}

// jsonMeta is conference.meta: the schema leaves it open, and the events
// closed, so what fairfloor adds goes here.
type jsonMeta struct {
	Fairfloor fairfloorMeta `json:"fairfloor"`
}

type fairfloorMeta struct {
	Sessions map[string]*sessionMeta `json:"sessions"` // by event GUID
}

type jsonDay struct {
	Index int          `json:"index"`
	Date  string       `json:"date"`
	Start string       `json:"day_start"`
	End   string       `json:"day_end"`
	Rooms jsonDayRooms `json:"rooms"`
}

// jsonDayRooms is a day's rooms, an object of each room's events, written
// in the conference's order of rooms rather than sorted by name.
type jsonDayRooms []jsonRoomEvents

type jsonRoomEvents struct {
	name   string
	events []jsonEvent
}

// MarshalJSON writes the rooms as one object, in order.
func (rs jsonDayRooms) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(r.name)
		if err != nil {
			return nil, err
		}
		events, err := json.Marshal(r.events)
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(events)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type jsonEvent struct {
	ID          int64        `json:"id"`
	GUID        string       `json:"guid"`
	Date        string       `json:"date"`
	Start       string       `json:"start"`
	End         string       `json:"end"`
	Duration    string       `json:"duration"`
	Room        string       `json:"room"`
	Slug        string       `json:"slug"`
	URL         string       `json:"url"`
	Title       string       `json:"title"`
	Subtitle    string       `json:"subtitle"`
	Track       *string      `json:"track"`
	Type        string       `json:"type"`
	Language    *string      `json:"language"`
	Abstract    string       `json:"abstract"`
	Description string       `json:"description"`
	Persons     []jsonPerson `json:"persons"`
	Links       []struct{}   `json:"links"`
}

type jsonPerson struct {
	GUID       string `json:"guid"`
	Name       string `json:"name"`
	PublicName string `json:"public_name"`
}
