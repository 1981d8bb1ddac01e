package schedule_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// oslo is the zone of IGF 2025, in Lillestrøm.
func oslo(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// forum returns a small programme with what the formats must handle: two
// days, two rooms (one spelled two ways), a break, a title shared by two
// sessions, a name and a region marked private, an unattributed session,
// people in two sessions, and text that XML must escape.
func forum(t testing.TB) *agenda.Programme {
	loc := oslo(t)
	at := func(day, hour, minute int) time.Time { return time.Date(2025, 6, 23+day, hour, minute, 0, 0, loc) }
	slot := func(day, hour, minute int, length time.Duration) timeslot.Slot {
		return timeslot.Slot{Start: at(day, hour, minute), Length: length}
	}
	return &agenda.Programme{
		Title: "IGF 2025",
		Sessions: []agenda.Session{
			{
				Title: "Opening <plenary> & welcome", Format: agenda.FormatHybrid, Room: "Plenary Hall",
				Slot: slot(0, 9, 0, 90*time.Minute),
				People: []agenda.Person{
					{Name: "Amina Diallo", Organization: "Ministry of ICT", Roles: []agenda.Role{agenda.RoleSpeaker},
						Stakeholder: "Government", Region: "African Group", Mode: agenda.ModeOnsite},
					{Name: "Jonas Berg", Organization: "Norid", Roles: []agenda.Role{agenda.RoleModerator},
						Stakeholder: "Technical Community", Region: "WEOG", Mode: agenda.ModeOnsite},
					{Name: "Hidden Person", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Civil Society",
						Region: "GRULAC", Mode: agenda.ModeOnline, Private: []string{"name"}},
				},
			},
			{
				Title: "Open forum: data flows", Format: agenda.FormatOnsite, Room: "Workshop Room 1",
				Slot: slot(0, 9, 30, 60*time.Minute),
				People: []agenda.Person{
					{Name: "Amina Diallo", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Government",
						Region: "African Group", Private: []string{"region"}},
					{Name: "Chen Wei", Organization: "Tsinghua University", Roles: []agenda.Role{agenda.RoleSpeaker, agenda.RoleOrganizer},
						Stakeholder: "Technical Community", Region: "Asia-Pacific Group"},
				},
			},
			{
				// After the break from 10:30 to 11:00, in the room spelled another way.
				Title: "Youth and AI", Format: agenda.FormatHybrid, Room: "workshop  room 1",
				Slot: slot(0, 11, 0, 60*time.Minute),
				People: []agenda.Person{
					{Name: "Lucía Pérez", Organization: "Youth IGF", Roles: []agenda.Role{agenda.RoleSpeaker},
						Stakeholder: "Civil Society", Region: "GRULAC", Mode: agenda.ModeOnline},
					{Name: "Jonas Berg", Organization: "Norid", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
				},
			},
			{
				Title: "Youth and AI", Format: agenda.FormatOnline, Room: "Plenary Hall",
				Slot: slot(1, 14, 15, 45*time.Minute),
				People: []agenda.Person{
					{Name: "Lucía Pérez", Organization: "Youth IGF", Roles: []agenda.Role{agenda.RoleSpeaker},
						Stakeholder: "Civil Society", Region: "GRULAC", Mode: agenda.ModeOnline},
					{Name: "Kofi Mensah", Organization: "Secret Org Ltd", Roles: []agenda.Role{agenda.RoleRapporteur},
						Stakeholder: "Private Sector", Private: []string{"organization", "stakeholder"}},
				},
			},
			{
				Title: "Closed-door consultation", Format: agenda.FormatOnsite, Attribution: "unattributed",
				Room: "Plenary Hall", Slot: slot(1, 9, 0, 60*time.Minute),
				People: []agenda.Person{
					{Name: "Anon One", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Private Sector"},
					{Name: "Anon Two", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Government"},
				},
			},
		},
	}
}

// one returns a programme of one session, in UTC, with nobody in it.
func one(t testing.TB) *agenda.Programme {
	return &agenda.Programme{Title: "Day Zero", Sessions: []agenda.Session{{
		Title: "Registration", Room: "Foyer",
		Slot: timeslot.Slot{Start: time.Date(2025, 6, 22, 8, 0, 0, 0, time.UTC), Length: 2 * time.Hour},
	}}}
}

// fmtAny writes a decoded JSON value compactly.
func fmtAny(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// sortPersons sorts the persons within an event's summary from events.
func sortPersons(v string) string {
	i := strings.Index(v, "persons=")
	if i < 0 {
		return v
	}
	end := i + strings.IndexByte(v[i:], ';')
	var persons []map[string]any
	if err := json.Unmarshal([]byte(v[i+len("persons="):end]), &persons); err != nil {
		return v
	}
	slices.SortFunc(persons, func(a, b map[string]any) int { return strings.Compare(fmtAny(a), fmtAny(b)) })
	return v[:i] + "persons=" + fmtAny(persons) + v[end:]
}
