package schedule

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// WriteXML writes the programme to w as a frab/c3voc schedule.xml, valid
// against the c3voc schema (validator/xsd/schedule.xml.xsd), as the
// package doc describes. It writes nothing if p cannot be written: it
// returns every session that cannot, each a *[SessionError], joined with
// [errors.Join], or one *[OptionError], or [ErrEmpty], or a
// *[agenda.LimitError] for more than [agenda.MaxSessions] sessions.
func WriteXML(w io.Writer, p *agenda.Programme, opt Options) error {
	c, err := layout(p, opt)
	if err != nil {
		return err
	}
	doc := xmlSchedule{
		Generator: xmlGenerator{Name: "fairfloor"},
		Version:   c.version,
		Conference: xmlConference{
			Title:    c.title,
			Acronym:  c.acronym,
			Start:    c.days[0].date.Format(time.DateOnly),
			End:      c.days[len(c.days)-1].date.Format(time.DateOnly),
			Days:     len(c.days),
			Timeslot: clock(c.timeslot),
			Zone:     c.zone,
		},
	}
	for _, d := range c.days {
		xd := xmlDay{Index: d.index, Date: d.date.Format(time.DateOnly),
			Start: d.start.Format(time.RFC3339), End: d.end.Format(time.RFC3339)}
		for r, evs := range d.rooms {
			xr := xmlRoom{Name: c.rooms[r].name, GUID: c.rooms[r].guid.String()}
			for _, e := range evs {
				xr.Events = append(xr.Events, xmlEventOf(&e, c.rooms[r].name))
			}
			xd.Rooms = append(xd.Rooms, xr)
		}
		doc.Days = append(doc.Days, xd)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("schedule: writing schedule.xml: %w", err) // not for these types
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	out = append(out, '\n')
	_, err = w.Write(out)
	return err
}

func xmlEventOf(e *event, roomName string) xmlEvent {
	x := xmlEvent{
		ID:          e.id,
		GUID:        e.guid.String(),
		Room:        roomName,
		Title:       e.title,
		Type:        e.kind,
		Date:        e.start.Format(time.RFC3339),
		Start:       e.start.Format("15:04"),
		Duration:    clock(e.length),
		Description: e.description,
	}
	if e.meta != nil {
		x.Persons = &xmlPersons{}
		for _, p := range e.persons {
			x.Persons.Person = append(x.Persons.Person, xmlPerson{GUID: p.guid.String(), Name: p.name})
		}
	}
	return x
}

// clock writes a length as "hh:mm", as both formats write durations.
func clock(d time.Duration) string {
	m := int(d / time.Minute)
	h := strconv.Itoa(m / 60)
	if len(h) < 2 {
		h = "0" + h
	}
	return fmt.Sprintf("%s:%02d", h, m%60)
}

type xmlSchedule struct {
	XMLName    xml.Name      `xml:"schedule"`
	Generator  xmlGenerator  `xml:"generator"`
	Version    string        `xml:"version"`
	Conference xmlConference `xml:"conference"`
	Days       []xmlDay      `xml:"day"`
}

type xmlGenerator struct {
	Name string `xml:"name,attr"`
}

type xmlConference struct {
	Title    string `xml:"title"`
	Acronym  string `xml:"acronym"`
	Start    string `xml:"start"`
	End      string `xml:"end"`
	Days     int    `xml:"days"`
	Timeslot string `xml:"timeslot_duration"`
	Zone     string `xml:"time_zone_name,omitempty"`
}

type xmlDay struct {
	Index int       `xml:"index,attr"`
	Date  string    `xml:"date,attr"`
	Start string    `xml:"start,attr"`
	End   string    `xml:"end,attr"`
	Rooms []xmlRoom `xml:"room"`
}

type xmlRoom struct {
	Name   string     `xml:"name,attr"`
	GUID   string     `xml:"guid,attr"`
	Events []xmlEvent `xml:"event"`
}

type xmlEvent struct {
	ID          int64       `xml:"id,attr"`
	GUID        string      `xml:"guid,attr"`
	Room        string      `xml:"room"`
	Title       string      `xml:"title"`
	Type        string      `xml:"type"`
	Date        string      `xml:"date"`
	Start       string      `xml:"start"`
	Duration    string      `xml:"duration"`
	Abstract    string      `xml:"abstract"`
	Track       string      `xml:"track"`
	Persons     *xmlPersons `xml:"persons"`
	Description string      `xml:"description,omitempty"`
}

type xmlPersons struct {
	Person []xmlPerson `xml:"person"`
}

type xmlPerson struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:",chardata"`
}
