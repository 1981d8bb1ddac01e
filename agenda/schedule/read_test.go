package schedule_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
)

// event wraps one event's JSON in a schedule.json of one day and room.
func event(fields string) string {
	return `{"schedule": {"version": "1", "conference": {"title": "T", "time_zone_name": "Europe/Oslo", "days": [
		{"index": 1, "date": "2025-06-23", "rooms": {"Room A": [{` + fields + `}]}}]}}}`
}

// TestReadErrors checks that every problem names its path, and the value
// where there is one.
func TestReadErrors(t *testing.T) {
	const ok = `"title": "x", "date": "2025-06-23T09:00:00+02:00", "duration": "01:00"`
	for _, tc := range []struct {
		name, doc, path, value string
		is                     error
	}{
		{name: "not JSON", doc: `{"schedule": `, path: ""},
		{name: "no schedule", doc: `{}`, path: "schedule", is: schedule.ErrFormat},
		{name: "no conference", doc: `{"schedule": {}}`, path: "schedule.conference", is: schedule.ErrFormat},
		{name: "days not a list", doc: `{"schedule": {"conference": {"days": {}}}}`, path: "schedule.conference.days"},
		{name: "rooms not an object", doc: `{"schedule": {"conference": {"days": [{"rooms": []}]}}}`,
			path: "schedule.conference.days[0].rooms", is: schedule.ErrFormat},
		{name: "events not a list", doc: `{"schedule": {"conference": {"days": [{"rooms": {"A": 3}}]}}}`,
			path: `schedule.conference.days[0].rooms["A"]`},
		{name: "title a number", doc: event(`"title": 3, "date": "2025-06-23T09:00:00+02:00", "duration": "01:00"`),
			path: `schedule.conference.days[0].rooms["Room A"][0].title`},
		{name: "no date", doc: event(`"title": "x", "duration": "01:00"`),
			path: `schedule.conference.days[0].rooms["Room A"][0].date`, is: schedule.ErrFormat},
		{name: "date without offset", doc: event(`"title": "x", "date": "2025-06-23T09:00:00", "duration": "01:00"`),
			path: `schedule.conference.days[0].rooms["Room A"][0].date`, value: "2025-06-23T09:00:00", is: schedule.ErrFormat},
		{name: "duration in minutes", doc: event(`"title": "x", "date": "2025-06-23T09:00:00+02:00", "duration": "90"`),
			path: `schedule.conference.days[0].rooms["Room A"][0].duration`, value: "90", is: schedule.ErrFormat},
		{name: "end before start", doc: event(`"title": "x", "date": "2025-06-23T09:00:00+02:00", "end": "2025-06-23T08:00:00+02:00"`),
			path: `schedule.conference.days[0].rooms["Room A"][0].end`, value: "2025-06-23T08:00:00+02:00", is: schedule.ErrFormat},
		{name: "person name a list", doc: event(ok + `, "persons": [{"name": []}]`),
			path: `schedule.conference.days[0].rooms["Room A"][0].persons[0].name`},
		{name: "meta role unknown", doc: strings.Replace(event(ok), `"days"`,
			`"meta": {"fairfloor": {"sessions": {"g": {"people": [{"guid": "p", "roles": ["juggler"]}]}}}}, "days"`, 1),
			path: `schedule.conference.meta.fairfloor.sessions["g"]`},
		{name: "meta for other persons", doc: strings.Replace(event(ok+`, "guid": "g", "persons": [{"name": "A", "guid": "q"}]`), `"days"`,
			`"meta": {"fairfloor": {"sessions": {"g": {"people": [{"guid": "p", "roles": ["speaker"]}]}}}}, "days"`, 1),
			path: `schedule.conference.meta.fairfloor.sessions["g"].people[0].guid`, value: "p", is: schedule.ErrFormat},
		{name: "meta for fewer persons", doc: strings.Replace(event(ok+`, "guid": "g", "persons": [{"name": "A"}]`), `"days"`,
			`"meta": {"fairfloor": {"sessions": {"g": {"people": []}}}}, "days"`, 1),
			path: `schedule.conference.meta.fairfloor.sessions["g"].people`, is: schedule.ErrFormat},
		{name: "too large", doc: `{"schedule": "` + strings.Repeat("x", agenda.MaxBytes) + `"}`, is: agenda.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := schedule.ReadJSON(strings.NewReader(tc.doc))
			var de *schedule.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("ReadJSON = %v, %v; want a *DecodeError", p, err)
			}
			if de.Field != tc.path || de.Value != tc.value {
				t.Errorf("path %q, value %q; want %q, %q (%v)", de.Field, de.Value, tc.path, tc.value, err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v is not %v", err, tc.is)
			}
			if tc.path != "" && !strings.Contains(err.Error(), tc.path) {
				t.Errorf("message %q does not name %s", err, tc.path)
			}
		})
	}
}

// TestReadZone checks that a start is read in the conference's zone when
// the zone is at the start's offset, and at its offset otherwise.
func TestReadZone(t *testing.T) {
	for _, tc := range []struct{ date, zone string }{
		{"2025-06-23T09:00:00+02:00", "Europe/Oslo"},
		{"2025-06-23T09:00:00+05:00", ""},
		{"2025-06-23T09:00:00Z", "UTC"},
	} {
		p, err := schedule.ReadJSON(strings.NewReader(event(`"title": "x", "duration": "00:30", "date": "` + tc.date + `"`)))
		if err != nil {
			t.Fatal(err)
		}
		start := p.Sessions[0].Slot.Start
		if got := start.Location().String(); got != tc.zone || start.Format("2006-01-02T15:04:05Z07:00") != tc.date {
			t.Errorf("%s: read as %v in %q, want zone %q", tc.date, start, got, tc.zone)
		}
	}
}

// FuzzReadJSON reads any input without panicking; an error is a
// *DecodeError; and a programme it reads that can be written reads back
// with as many sessions.
func FuzzReadJSON(f *testing.F) {
	for _, name := range []string{"pretalx-democon.json", "frab-camp2019.json", "invalid-example.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(writeJSON(f, forum(f)))
	f.Add([]byte(event(`"title": "x", "date": "2025-06-23T09:00:00+02:00", "duration": "01:00:30", "persons": [{"public_name": "A"}]`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := schedule.ReadJSON(bytes.NewReader(data))
		if err != nil {
			var de *schedule.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("%T %v, not a *DecodeError", err, err)
			}
			return
		}
		if len(p.Sessions) == 0 {
			return
		}
		var b bytes.Buffer
		if err := schedule.WriteJSON(&b, p, schedule.Options{Acronym: "fuzz", Location: p.Sessions[0].Slot.Start.Location()}); err != nil {
			return // such as a session with no room, or two zones
		}
		again, err := schedule.ReadJSON(&b)
		if err != nil {
			t.Fatalf("reading what WriteJSON wrote: %v\n%s", err, b.Bytes())
		}
		if len(again.Sessions) != len(p.Sessions) {
			t.Fatalf("%d sessions, then %d", len(p.Sessions), len(again.Sessions))
		}
	})
}
