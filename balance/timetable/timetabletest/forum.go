// Package timetabletest makes timetabling problems for tests and
// benchmarks: a forum shaped like an IGF, generated from a seed.
package timetabletest

import (
	"fmt"
	"math/rand/v2"
	"time"
	_ "time/tzdata" // the forum's people are in zones the machine may not have

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Forum returns a forum of the given number of sessions shaped like an
// IGF, the same for the same seed: for 300 sessions, 12 rooms (10 of them
// taking online participants; 2 of 500 seats, 4 of 150 and 6 of 60), 4
// days of 7 slots of 90 minutes in Europe/Oslo from 09:00, about 2,000
// people, a heavy tail of speakers in 2 or 3 sessions (the IGF's limit),
// a fifth of them online in zones across the world, sessions of 60 or 90
// minutes with 1 or 2 of 8 themes, a few regional sessions whose speakers
// are mostly of one region, a 10-minute buffer between rooms, and the
// opening pinned to the first slot of the largest room. Smaller forums
// scale the rooms and slots down, keeping about 10% of the cells free.
func Forum(sessions int, seed uint64) *timetable.Problem {
	rng := rand.New(rand.NewPCG(seed, 0x666f72756d))
	sessions = max(sessions, 1)
	days := 4
	rooms := max(2, min(12, (sessions+24)/25))
	perDay := (sessions*11/10 + rooms*days - 1) / (rooms * days)
	oslo, _ := time.LoadLocation("Europe/Oslo")
	p := &timetable.Problem{
		Programme: &agenda.Programme{Title: fmt.Sprintf("Generated forum of %d sessions", sessions), SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker},
		Buffer:    10 * time.Minute,
		Seed:      seed,
	}
	for r := range rooms {
		room := timetable.Room{Name: fmt.Sprintf("Room %d", r+1), Capacity: 60, Online: r%6 != 5}
		switch {
		case r < max(1, rooms/6):
			room.Capacity = 500
		case r < max(2, rooms/2):
			room.Capacity = 150
		}
		p.Rooms = append(p.Rooms, room)
	}
	for d := range days {
		for k := range perDay {
			start := time.Date(2025, 6, 23+d, 9, 0, 0, 0, oslo).Add(time.Duration(k) * 105 * time.Minute)
			p.Slots = append(p.Slots, timeslot.Slot{Start: start, Length: 90 * time.Minute})
		}
	}
	regions := []agenda.Region{"WEOG", "African Group", "Asia-Pacific Group", "GRULAC", "Eastern European Group"}
	zones := map[agenda.Region][]string{
		"WEOG":                   {"Europe/Berlin", "America/New_York", "America/Los_Angeles"},
		"African Group":          {"Africa/Lagos", "Africa/Nairobi"},
		"Asia-Pacific Group":     {"Asia/Tokyo", "Asia/Kolkata", "Pacific/Auckland"},
		"GRULAC":                 {"America/Sao_Paulo", "America/Mexico_City"},
		"Eastern European Group": {"Europe/Warsaw", "Europe/Kyiv"},
	}
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector",
		"Technical Community", "Intergovernmental Organization"}
	themes := []string{"AI", "Cybersecurity", "Digital divide", "Human rights", "Data governance", "Sustainability", "Internet governance", "Child safety"}

	// People: a pool in which a few are drawn again and again. Each has a
	// region (WEOG the most common), a stakeholder group, a mode and a zone.
	type person struct {
		agenda.Person
		speaks int
	}
	var pool []*person
	newPerson := func(region agenda.Region) *person {
		k := len(pool)
		if region == "" {
			region = regions[min(rng.IntN(7), 4)] // WEOG three times as often as each other
		}
		pp := &person{Person: agenda.Person{Name: fmt.Sprintf("Person %04d", k), Organization: fmt.Sprintf("Org %03d", k%400),
			Region: region, Stakeholder: stakeholders[rng.IntN(len(stakeholders))], Mode: agenda.ModeOnsite}}
		if rng.IntN(5) == 0 {
			pp.Mode = agenda.ModeOnline
			zs := zones[region]
			pp.Zone = zs[rng.IntN(len(zs))]
		}
		pool = append(pool, pp)
		return pp
	}
	frequent := make([]*person, 0, sessions/2)
	for range sessions / 2 {
		frequent = append(frequent, newPerson(""))
	}
	for i := range sessions {
		s := agenda.Session{Title: fmt.Sprintf("Session %03d", i+1), Format: agenda.FormatHybrid, Slot: timeslot.Slot{Length: 90 * time.Minute}}
		if rng.IntN(4) == 0 {
			s.Slot.Length = time.Hour
		}
		var regional agenda.Region
		if rng.IntN(6) == 0 {
			regional = regions[rng.IntN(len(regions))]
		}
		org := newPerson(regional)
		org.Roles = []agenda.Role{agenda.RoleOrganizer}
		s.People = append(s.People, org.Person)
		speakers := 3 + rng.IntN(6)
		for k := range speakers + 1 {
			var pp *person
			// A third of the seats go to the frequent speakers, while they
			// are under the limit.
			if rng.IntN(3) == 0 {
				if f := frequent[rng.IntN(len(frequent))]; f.speaks < agenda.IGFSessionsPerSpeaker && !inSession(&s, f.Name) {
					pp = f
				}
			}
			if pp == nil {
				region := agenda.Region("")
				if regional != "" && rng.IntN(5) != 0 {
					region = regional
				}
				pp = newPerson(region)
			}
			entry := pp.Person
			if k == 0 {
				entry.Roles = []agenda.Role{agenda.RoleModerator}
			} else {
				entry.Roles = []agenda.Role{agenda.RoleSpeaker}
				pp.speaks++
			}
			s.People = append(s.People, entry)
		}
		need := timetable.Need{Attendance: 20 + int(rng.ExpFloat64()*60), Themes: []string{themes[rng.IntN(len(themes))]}}
		if rng.IntN(3) == 0 {
			need.Themes = append(need.Themes, themes[rng.IntN(len(themes))])
		}
		if i == 0 {
			s.Title = "Opening ceremony"
			need = timetable.Need{Attendance: 450, Themes: []string{"Internet governance"}, Room: p.Rooms[0].Name, Start: p.Slots[0].Start}
		}
		p.Programme.Sessions = append(p.Programme.Sessions, s)
		p.Needs = append(p.Needs, need)
	}
	return p
}

func inSession(s *agenda.Session, name string) bool {
	_, ok := s.Roster().Person(name)
	return ok
}
