package timetable_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Two sessions share a speaker, so they cannot run at once; the third,
// with an online speaker in Tokyo, goes at 09:00 UTC, 18:00 there, rather
// than at 16:00 UTC, one in the morning.
func ExampleProblem_Solve() {
	utc := func(h int) time.Time { return time.Date(2025, 6, 23, h, 0, 0, 0, time.UTC) }
	person := func(name string, region agenda.Region) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Region: region}
	}
	tokyo := person("Kenji Sato", agenda.Region("Asia-Pacific Group"))
	tokyo.Mode, tokyo.Zone = agenda.ModeOnline, "Asia/Tokyo"
	hour := timeslot.Slot{Length: time.Hour}
	p := &timetable.Problem{
		Programme: &agenda.Programme{Sessions: []agenda.Session{
			{Title: "Open data", Slot: hour, People: []agenda.Person{person("Ana Ruiz", "GRULAC"), person("Ben Ode", "African Group")}},
			{Title: "AI and rights", Slot: hour, People: []agenda.Person{person("Ana Ruiz", "GRULAC")}},
			{Title: "Cables", Slot: hour, People: []agenda.Person{tokyo}},
		}},
		Rooms: []timetable.Room{{Name: "Hall", Capacity: 100, Online: true}, {Name: "Room 2", Capacity: 40, Online: true}},
		Slots: []timeslot.Slot{{Start: utc(9), Length: time.Hour}, {Start: utc(16), Length: time.Hour}},
	}
	res, err := p.Solve()
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, pl := range res.Timetable {
		fmt.Printf("%-13s %s %s\n", p.Programme.Sessions[i].Title, p.Slots[pl.Slot].Start.Format("15:04"), p.Rooms[pl.Room].Name)
	}
	fmt.Println("optimal:", res.Exact, "violations:", len(res.Violations))
	// Output:
	// Open data     09:00 Hall
	// AI and rights 16:00 Hall
	// Cables        09:00 Room 2
	// optimal: true violations: 0
}

// A session that fits no room is named, with what would let it in.
func ExampleInfeasibleError() {
	p := &timetable.Problem{
		Programme:    &agenda.Programme{Sessions: []agenda.Session{{Title: "Main session", Slot: timeslot.Slot{Length: time.Hour}}}},
		Rooms:        []timetable.Room{{Name: "Room 1", Capacity: 150}},
		Slots:        []timeslot.Slot{{Start: time.Date(2025, 6, 23, 9, 0, 0, 0, time.UTC), Length: time.Hour}},
		Needs:        []timetable.Need{{Attendance: 400}},
		HardCapacity: true,
	}
	_, err := p.Solve()
	var ie *timetable.InfeasibleError
	if errors.As(err, &ie) {
		fmt.Println(ie.Rule)
		fmt.Println(ie)
	}
	// Output:
	// room too small
	// timetable: sessions [0]: "Main session" expects 400 people and no room that fits it seats them; a room for 400 people, or capacity as a preference (HardCapacity false)
}

// A re-solve after a speaker drops out of a slot moves only the session
// that must move.
func ExampleDiff() {
	p := &timetable.Problem{
		Programme: &agenda.Programme{Sessions: []agenda.Session{
			{Title: "A", Slot: timeslot.Slot{Length: time.Hour}, People: []agenda.Person{{Name: "Ana", Roles: []agenda.Role{agenda.RoleSpeaker}}}},
			{Title: "B", Slot: timeslot.Slot{Length: time.Hour}, People: []agenda.Person{{Name: "Ben", Roles: []agenda.Role{agenda.RoleSpeaker}}}},
		}},
		Rooms: []timetable.Room{{Name: "Hall"}},
		Slots: []timeslot.Slot{
			{Start: time.Date(2025, 6, 23, 9, 0, 0, 0, time.UTC), Length: time.Hour},
			{Start: time.Date(2025, 6, 23, 11, 0, 0, 0, time.UTC), Length: time.Hour},
			{Start: time.Date(2025, 6, 23, 14, 0, 0, 0, time.UTC), Length: time.Hour},
		},
	}
	first, _ := p.Solve()
	p.Published = first.Timetable
	at := p.Slots[first.Timetable[0].Slot]
	p.Unavailable = []timetable.Unavailable{{Person: "Ana", Span: timeslot.Span{Start: at.Start, End: at.End()}}}
	second, _ := p.Solve()
	for _, m := range timetable.Diff(first.Timetable, second.Timetable) {
		fmt.Printf("sessions[%d]: %v -> %v\n", m.Session, m.From, m.To)
	}
	// Output:
	// sessions[0]: slots[0] rooms[0] -> slots[2] rooms[0]
}
