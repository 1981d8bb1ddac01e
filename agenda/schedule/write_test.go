package schedule_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
	"github.com/fairfloor/fairfloor/timeslot"
)

// events returns each event of a written schedule.json by its GUID, as
// its id, room, title, date, duration, type, description and persons.
func events(t *testing.T, doc []byte) map[string]string {
	t.Helper()
	var j struct {
		Schedule struct {
			Conference struct {
				Days []struct {
					Rooms map[string][]map[string]any `json:"rooms"`
				} `json:"days"`
			} `json:"conference"`
		} `json:"schedule"`
	}
	if err := decodeJSON(doc, &j); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range j.Schedule.Conference.Days {
		for _, evs := range d.Rooms {
			for _, e := range evs {
				var b strings.Builder
				for _, k := range []string{"id", "room", "title", "date", "duration", "type", "description", "persons", "slug"} {
					b.WriteString(k + "=" + strings.TrimSpace(fmtAny(e[k])) + ";")
				}
				out[e["guid"].(string)] = b.String()
			}
		}
	}
	return out
}

// TestOrderIndependent writes the forum with its sessions, and each
// session's people, in reverse order: every event keeps its GUID, id and
// contents, so that apps that follow an event by its GUID, and people's
// favourites, survive a programme being reordered.
func TestOrderIndependent(t *testing.T) {
	p := forum(t)
	q := forum(t)
	slices.Reverse(q.Sessions)
	for i := range q.Sessions {
		slices.Reverse(q.Sessions[i].People)
	}
	a, b := events(t, writeJSON(t, p)), events(t, writeJSON(t, q))
	// Persons come in the session's order, so compare them as sets.
	for _, m := range []map[string]string{a, b} {
		for k, v := range m {
			m[k] = sortPersons(v)
		}
	}
	if diff := gocmp.Diff(a, b); diff != "" {
		t.Errorf("events mismatch (-in order +reversed):\n%s", diff)
	}
}

// TestDeterministic writes the same programme twice, in both formats.
func TestDeterministic(t *testing.T) {
	for _, write := range []func(testing.TB, *agenda.Programme) []byte{writeXML, writeJSON} {
		if a, b := write(t, forum(t)), write(t, forum(t)); !bytes.Equal(a, b) {
			t.Errorf("two writes differ:\n%s\n%s", a, b)
		}
	}
}

// TestPrivacy checks that no name or organization that the forum's
// outputs may not show is written in either format, while the groups of
// such people are still counted.
func TestPrivacy(t *testing.T) {
	for name, doc := range map[string][]byte{"xml": writeXML(t, forum(t)), "json": writeJSON(t, forum(t))} {
		for _, secret := range []string{"Hidden Person", "Anon One", "Anon Two", "Secret Org Ltd"} {
			if bytes.Contains(doc, []byte(secret)) {
				t.Errorf("%s: writes %q", name, secret)
			}
		}
		// The unattributed session's two people, and the hidden speaker.
		for _, count := range []string{"People: 2. Stakeholder groups: Government 1, Private Sector 1.", "People: 3. Stakeholder groups: Civil Society 1,"} {
			if !bytes.Contains(doc, []byte(count)) {
				t.Errorf("%s: does not write %q", name, count)
			}
		}
	}
}

// TestWriteErrors checks what cannot be written: every session at once,
// each error naming the session and its kind, a secret never in the
// message.
func TestWriteErrors(t *testing.T) {
	utc := func(h, m, s int) time.Time { return time.Date(2025, 6, 23, h, m, s, 0, time.UTC) }
	session := func(title, room string, start time.Time, length time.Duration) agenda.Session {
		return agenda.Session{Title: title, Room: room, Slot: timeslot.Slot{Start: start, Length: length}}
	}
	secret := session("Fireside with Jane Doe", "Room A", utc(9, 0, 0), time.Hour)
	secret.People = []agenda.Person{{Name: "Jane Doe", Roles: []agenda.Role{agenda.RoleSpeaker}, Private: []string{"name"}}}
	for _, tc := range []struct {
		name  string
		p     *agenda.Programme
		opt   schedule.Options
		want  []error
		index []int // the sessions named, in order
	}{
		{name: "empty", p: &agenda.Programme{Title: "Empty forum"}, want: []error{schedule.ErrEmpty}},
		{name: "every session's problems", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("Fine", "Room A", utc(9, 0, 0), time.Hour),
			session("Not yet placed", "Room A", time.Time{}, time.Hour),
			session("Nowhere", " ", utc(10, 0, 0), time.Hour),
			session("Odd length", "Room A", utc(11, 0, 0), time.Hour+time.Second),
			session("Too long", "Room A", utc(12, 0, 0), 100*time.Hour),
		}}, want: []error{schedule.ErrNoStart, schedule.ErrNoRoom, schedule.ErrMinute, schedule.ErrLength}, index: []int{1, 2, 3, 4}},
		{name: "start off the minute", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("Late", "Room A", utc(9, 0, 30), time.Hour)}}, want: []error{schedule.ErrMinute}, index: []int{0}},
		{name: "year 10000", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("Late", "Room A", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), 2*time.Hour)}}, want: []error{agenda.ErrInvalid}, index: []int{0}},
		{name: "same title, same start", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("Twice", "Room A", utc(9, 0, 0), time.Hour), session("twice", "Room B", utc(9, 0, 0), time.Hour)}},
			want: []error{schedule.ErrSameStart, schedule.ErrSameStart}, index: []int{1, 0}},
		{name: "secret in the title", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{secret}},
			want: []error{schedule.ErrSecret}, index: []int{0}},
		{name: "title too short for an acronym", p: &agenda.Programme{Title: "IGF", Sessions: []agenda.Session{
			session("One", "Room A", utc(9, 0, 0), time.Hour)}}, want: []error{schedule.ErrAcronym}},
		{name: "acronym with capitals", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("One", "Room A", utc(9, 0, 0), time.Hour)}}, opt: schedule.Options{Acronym: "IGF2025"}, want: []error{schedule.ErrAcronym}},
		{name: "two zones", p: &agenda.Programme{Title: "Forum 2025", Sessions: []agenda.Session{
			session("One", "Room A", utc(9, 0, 0), time.Hour),
			session("Two", "Room A", utc(10, 0, 0).In(oslo(t)), time.Hour)}}, want: []error{schedule.ErrLocation}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, write := range []func(*bytes.Buffer, *agenda.Programme, schedule.Options) error{
				func(b *bytes.Buffer, p *agenda.Programme, o schedule.Options) error {
					return schedule.WriteXML(b, p, o)
				},
				func(b *bytes.Buffer, p *agenda.Programme, o schedule.Options) error {
					return schedule.WriteJSON(b, p, o)
				},
			} {
				var b bytes.Buffer
				err := write(&b, tc.p, tc.opt)
				if b.Len() > 0 {
					t.Errorf("wrote %d bytes with an error", b.Len())
				}
				errs := []error{err}
				if j, ok := err.(interface{ Unwrap() []error }); ok {
					errs = j.Unwrap()
				}
				if len(errs) != len(tc.want) {
					t.Fatalf("%d errors, want %d: %v", len(errs), len(tc.want), err)
				}
				for i, e := range errs {
					if !errors.Is(e, tc.want[i]) {
						t.Errorf("error %d: %v, want %v", i, e, tc.want[i])
					}
					var se *schedule.SessionError
					if tc.index != nil && (!errors.As(e, &se) || se.Index != tc.index[i]) {
						t.Errorf("error %d: %v, want one naming sessions[%d]", i, e, tc.index[i])
					}
					if strings.Contains(e.Error(), "Jane") {
						t.Errorf("error %d shows a private name: %v", i, e)
					}
				}
			}
		})
	}
}

// TestIDKeepsGUID retitles and moves a session with an ID: its event keeps
// its GUID, while a session without one is known by its title.
func TestIDKeepsGUID(t *testing.T) {
	sessions := func(p *agenda.Programme) map[string]bool { // the GUIDs of the sessions' events, not the breaks'
		set := map[string]bool{}
		for g, e := range events(t, writeJSON(t, p)) {
			if !strings.Contains(e, `type="break";`) {
				set[g] = true
			}
		}
		return set
	}
	change := func(p *agenda.Programme) {
		p.Sessions[0].Title += " (retitled)"
		p.Sessions[0].Slot.Start = p.Sessions[0].Slot.Start.Add(24 * time.Hour)
	}
	p := forum(t)
	p.Sessions[0].ID = "IGF 2025 WS #1"
	before := sessions(p)
	change(p)
	if diff := gocmp.Diff(before, sessions(p)); diff != "" {
		t.Errorf("retitling and moving a session with an ID changed the GUIDs (-before +after):\n%s", diff)
	}
	q := forum(t)
	before = sessions(q)
	change(q)
	if gocmp.Equal(before, sessions(q)) {
		t.Errorf("a session without an ID kept its GUID when retitled; its title is its identity")
	}
}
