package schedule_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
)

// carried returns what schedule.json carries of p, in the order ReadJSON
// reads it back (by day, room in order of first use in time, start,
// title): each
// session's title, room as first spelled, format, slot, attribution, and
// the people whose names may be shown, with their roles, organization,
// stakeholder group, region and mode unless the source marks them private.
func carried(p *agenda.Programme) *agenda.Programme {
	out := &agenda.Programme{Title: p.Title}
	rooms := map[string]string{}
	var order []string
	inTime := slices.Clone(p.Sessions)
	slices.SortStableFunc(inTime, func(a, b agenda.Session) int {
		return cmp.Or(a.Slot.Start.Compare(b.Slot.Start), cmp.Compare(agenda.NameKey(a.Title), agenda.NameKey(b.Title)))
	})
	for _, s := range inTime {
		key := agenda.NameKey(s.Room)
		if _, ok := rooms[key]; !ok {
			rooms[key] = s.Room
			order = append(order, key)
		}
	}
	for _, s := range p.Sessions {
		c := agenda.Session{Title: s.Title, Format: s.Format, Attribution: s.Attribution,
			Room: rooms[agenda.NameKey(s.Room)], Slot: s.Slot}
		for _, person := range s.People {
			if !s.Named() || slices.Contains(person.Private, "name") {
				continue
			}
			kept := agenda.Person{Name: person.Name, Roles: person.Roles, Mode: person.Mode}
			if !slices.Contains(person.Private, "organization") {
				kept.Organization = person.Organization
			}
			if !slices.Contains(person.Private, "stakeholder") {
				kept.Stakeholder = person.Stakeholder
			}
			if !slices.Contains(person.Private, "region") {
				kept.Region = person.Region
			}
			c.People = append(c.People, kept)
		}
		out.Sessions = append(out.Sessions, c)
	}
	slices.SortStableFunc(out.Sessions, func(a, b agenda.Session) int {
		da, db := a.Slot.Start.Format(time.DateOnly), b.Slot.Start.Format(time.DateOnly)
		return cmp.Or(cmp.Compare(da, db),
			cmp.Compare(slices.Index(order, agenda.NameKey(a.Room)), slices.Index(order, agenda.NameKey(b.Room))),
			a.Slot.Start.Compare(b.Slot.Start), cmp.Compare(agenda.NameKey(a.Title), agenda.NameKey(b.Title)))
	})
	return out
}

// sameInstant compares times as instants in the same named zone.
var sameInstant = gocmp.Comparer(func(a, b time.Time) bool {
	return a.Equal(b) && a.Location().String() == b.Location().String()
})

// TestRoundTrip writes programmes as schedule.json and reads them back:
// everything the format carries comes back, and nothing else.
func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *agenda.Programme
	}{
		{"forum", forum(t)},
		{"one session", one(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := schedule.ReadJSON(bytes.NewReader(writeJSON(t, tc.p)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(carried(tc.p), got, sameInstant); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestXMLAgreesWithJSON reads back the written schedule.xml and checks
// that it holds the events of schedule.json: the same GUIDs, ids, rooms,
// titles, starts and persons.
func TestXMLAgreesWithJSON(t *testing.T) {
	p := forum(t)
	var x struct {
		Days []struct {
			Rooms []struct {
				Name   string `xml:"name,attr"`
				Events []struct {
					ID      string   `xml:"id,attr"`
					GUID    string   `xml:"guid,attr"`
					Title   string   `xml:"title"`
					Date    string   `xml:"date"`
					Persons []string `xml:"persons>person"`
				} `xml:"event"`
			} `xml:"room"`
		} `xml:"day"`
	}
	if err := xml.Unmarshal(writeXML(t, p), &x); err != nil {
		t.Fatal(err)
	}
	var fromXML []string
	for _, d := range x.Days {
		for _, r := range d.Rooms {
			for _, e := range r.Events {
				fromXML = append(fromXML, strings.Join(append([]string{e.ID, e.GUID, r.Name, e.Title, e.Date}, e.Persons...), "|"))
			}
		}
	}
	var j struct {
		Schedule struct {
			Conference struct {
				Days []struct {
					Rooms map[string][]struct {
						ID      int64  `json:"id"`
						GUID    string `json:"guid"`
						Room    string `json:"room"`
						Title   string `json:"title"`
						Date    string `json:"date"`
						Persons []struct {
							Name string `json:"name"`
						} `json:"persons"`
					} `json:"rooms"`
				} `json:"days"`
			} `json:"conference"`
		} `json:"schedule"`
	}
	if err := decodeJSON(writeJSON(t, p), &j); err != nil {
		t.Fatal(err)
	}
	var fromJSON []string
	for _, d := range j.Schedule.Conference.Days {
		for _, evs := range d.Rooms {
			for _, e := range evs {
				fields := []string{itoa(e.ID), e.GUID, e.Room, e.Title, e.Date}
				for _, person := range e.Persons {
					fields = append(fields, person.Name)
				}
				fromJSON = append(fromJSON, strings.Join(fields, "|"))
			}
		}
	}
	slices.Sort(fromXML)
	slices.Sort(fromJSON)
	if diff := gocmp.Diff(fromJSON, fromXML); diff != "" {
		t.Errorf("XML and JSON events mismatch (-json +xml):\n%s", diff)
	}
	if len(fromXML) != 7 { // five sessions and two breaks
		t.Errorf("%d events, want 7:\n%s", len(fromXML), strings.Join(fromXML, "\n"))
	}
}

// TestReadExamples reads c3voc's examples of frab's and pretalx's
// schedule.json.
func TestReadExamples(t *testing.T) {
	for _, tc := range []struct {
		file     string
		sessions int    // its events, none of them breaks
		first    string // the first session's title
	}{
		{"frab-camp2019.json", 79, "Opening Ceremony"},
		{"pretalx-democon.json", 36, "Focused 5thgeneration hardware"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			p, err := schedule.ReadJSON(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Sessions) != tc.sessions || p.Sessions[0].Title != tc.first {
				t.Fatalf("%d sessions, want %d (the events, counted by Python's json); first %q, want %q",
					len(p.Sessions), tc.sessions, p.Sessions[0].Title, tc.first)
			}
			for i, s := range p.Sessions {
				if !s.Slot.Scheduled() || s.Room == "" || s.Slot.Length <= 0 {
					t.Errorf("sessions[%d] %q: slot %v, room %q", i, s.Title, s.Slot, s.Room)
				}
			}
		})
	}
}

func decodeJSON(data []byte, v any) error { return json.Unmarshal(data, v) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
