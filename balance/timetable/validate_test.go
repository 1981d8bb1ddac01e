package timetable_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/timeslot"
)

var nine = time.Date(2025, 6, 23, 9, 0, 0, 0, time.UTC)

func speaker(name string) agenda.Person {
	return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Region: agenda.Region("WEOG")}
}

// base is a small problem: Ana speaks in sessions 0 and 1, Dee takes part
// online from Tokyo in session 2; room 0 seats 30 and takes online
// participants, room 1 seats 10 and does not; slots at 09:00 and 10:05 (an
// hour each, five minutes apart, less than the buffer) and 14:00 (90
// minutes).
func base() *timetable.Problem {
	dee := speaker("Dee")
	dee.Mode, dee.Zone = agenda.ModeOnline, "Asia/Tokyo"
	hour := timeslot.Slot{Length: time.Hour}
	return &timetable.Problem{
		Programme: &agenda.Programme{Sessions: []agenda.Session{
			{Title: "A", Slot: hour, People: []agenda.Person{speaker("Ana"), speaker("Ben")}},
			{Title: "B", Slot: hour, People: []agenda.Person{speaker("ana"), speaker("Cy")}},
			{Title: "C", Slot: hour, People: []agenda.Person{dee}},
			{Title: "D", Slot: timeslot.Slot{Length: 90 * time.Minute}, People: []agenda.Person{speaker("Eve")}},
		}},
		Rooms: []timetable.Room{{Name: "Big", Capacity: 30, Online: true}, {Name: "Small", Capacity: 10}},
		Slots: []timeslot.Slot{
			{Start: nine, Length: time.Hour},
			{Start: nine.Add(65 * time.Minute), Length: time.Hour},
			{Start: nine.Add(5 * time.Hour), Length: 90 * time.Minute},
		},
		Needs:  []timetable.Need{{Attendance: 20}, {}, {}, {}},
		Buffer: 15 * time.Minute,
	}
}

func rules(vs []timetable.Violation) []timetable.Rule {
	var out []timetable.Rule
	for _, v := range vs {
		out = append(out, v.Rule)
	}
	return out
}

func TestValidate(t *testing.T) {
	good := timetable.Timetable{{Slot: 0, Room: 0}, {Slot: 2, Room: 1}, {Slot: 1, Room: 0}, {Slot: 2, Room: 0}}
	tests := []struct {
		name   string
		change func(p *timetable.Problem, t timetable.Timetable)
		want   []timetable.Rule
	}{
		{"none", func(p *timetable.Problem, t timetable.Timetable) {}, nil},
		{"unplaced", func(p *timetable.Problem, t timetable.Timetable) { t[3] = timetable.Placement{Slot: -1, Room: -1} },
			[]timetable.Rule{timetable.RuleUnplaced}},
		// D lasts 90 minutes, slot 1 an hour.
		{"slot too short", func(p *timetable.Problem, t timetable.Timetable) { t[3] = timetable.Placement{Slot: 1, Room: 1} },
			[]timetable.Rule{timetable.RuleSlotTooShort}},
		{"room too small", func(p *timetable.Problem, t timetable.Timetable) {
			p.HardCapacity = true
			t[0] = timetable.Placement{Slot: 0, Room: 1}
		}, []timetable.Rule{timetable.RuleRoomTooSmall}},
		{"not online", func(p *timetable.Problem, t timetable.Timetable) { t[2] = timetable.Placement{Slot: 1, Room: 1} },
			[]timetable.Rule{timetable.RuleNotOnline}},
		{"pins", func(p *timetable.Problem, t timetable.Timetable) {
			p.Needs[3] = timetable.Need{Room: "small", Start: nine.Add(5 * time.Hour)}
			p.Needs[1] = timetable.Need{Start: nine}
		}, []timetable.Rule{timetable.RulePin, timetable.RulePin}},
		// Ana is named "ana" in session 1: one person.
		{"unavailable", func(p *timetable.Problem, t timetable.Timetable) {
			p.Unavailable = []timetable.Unavailable{{Person: "ANA", Span: timeslot.Span{Start: nine.Add(5 * time.Hour), End: nine.Add(6 * time.Hour)}}}
		}, []timetable.Rule{timetable.RuleUnavailable}},
		// Sessions 0 and 1 five minutes apart in different rooms: less
		// than the buffer; in one room they may.
		{"buffer", func(p *timetable.Problem, t timetable.Timetable) {
			t[1], t[2] = timetable.Placement{Slot: 1, Room: 1}, timetable.Placement{Slot: 2, Room: 1}
			t[2] = timetable.Placement{Slot: 2, Room: 1}
		}, []timetable.Rule{timetable.RuleNotOnline, timetable.RulePersonOverlap}},
		{"same room, no buffer", func(p *timetable.Problem, t timetable.Timetable) {
			t[1], t[2] = timetable.Placement{Slot: 1, Room: 0}, timetable.Placement{Slot: 2, Room: 1}
		}, []timetable.Rule{timetable.RuleNotOnline}},
		{"room overlap", func(p *timetable.Problem, t timetable.Timetable) { t[1] = timetable.Placement{Slot: 2, Room: 0} },
			[]timetable.Rule{timetable.RuleRoomOverlap}},
		// Dee is in Tokyo: 10:05 UTC is 19:05 there, 14:00 is 23:00.
		{"hours", func(p *timetable.Problem, t timetable.Timetable) {
			p.HardHours = true
			t[2], t[3] = timetable.Placement{Slot: 2, Room: 0}, timetable.Placement{Slot: 1, Room: 0}
		}, []timetable.Rule{timetable.RuleSlotTooShort, timetable.RuleHours}},
		{"hours kept", func(p *timetable.Problem, t timetable.Timetable) { p.HardHours = true }, nil},
		{"too many", func(p *timetable.Problem, t timetable.Timetable) { p.Programme.SessionsPerSpeaker = 1 },
			[]timetable.Rule{timetable.RuleTooMany}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, tab := base(), slices.Clone(good)
			tt.change(p, tab)
			vs, err := p.Validate(tab)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, rules(vs)); diff != "" {
				t.Errorf("rules mismatch (-want +got):\n%s\n%v", diff, vs)
			}
		})
	}
}

// TestValidateNames checks that a violation names the person, unless the
// name may not be shown.
func TestValidateNames(t *testing.T) {
	p := base()
	p.Programme.SessionsPerSpeaker = 1
	vs, _ := p.Validate(timetable.Timetable{{Slot: 0, Room: 0}, {Slot: 2, Room: 1}, {Slot: 1, Room: 0}, {Slot: 2, Room: 0}})
	if len(vs) != 1 || vs[0].Person != "Ana" || !slices.Equal(vs[0].Sessions, []int{0, 1}) {
		t.Errorf("got %v", vs)
	}
	p.Programme.Sessions[0].People[0].Private = []string{"name"}
	vs, _ = p.Validate(timetable.Timetable{{Slot: 0, Room: 0}, {Slot: 2, Room: 1}, {Slot: 1, Room: 0}, {Slot: 2, Room: 0}})
	if len(vs) != 1 || strings.Contains(vs[0].String(), "Ana") {
		t.Errorf("a private name shown: %v", vs)
	}
}

func TestInfeasible(t *testing.T) {
	tests := []struct {
		name     string
		change   func(p *timetable.Problem)
		rule     timetable.Rule
		sessions []int
		people   []string
		result   bool // whether Solve returns a timetable with the error
	}{
		{"too long for every slot", func(p *timetable.Problem) { p.Programme.Sessions[3].Slot.Length = 2 * time.Hour },
			timetable.RuleSlotTooShort, []int{3}, nil, false},
		{"too big for every room", func(p *timetable.Problem) { p.HardCapacity = true; p.Needs[1].Attendance = 31 },
			timetable.RuleRoomTooSmall, []int{1}, nil, false},
		{"no online room", func(p *timetable.Problem) { p.Rooms[0].Online = false },
			timetable.RuleNotOnline, []int{2}, nil, false},
		{"unavailable in every slot", func(p *timetable.Problem) {
			p.Unavailable = []timetable.Unavailable{{Person: "Dee", Span: timeslot.Span{Start: nine, End: nine.Add(24 * time.Hour)}}}
		}, timetable.RuleUnavailable, []int{2}, []string{"Dee"}, false},
		// Only room 0 takes C, and D, pinned there, takes its one long slot;
		// five sessions need the online room's three slots.
		{"crowded", func(p *timetable.Problem) {
			dee := p.Programme.Sessions[2].People[0]
			for k := range 3 {
				s := agenda.Session{Title: "online", Slot: timeslot.Slot{Length: time.Hour}, People: []agenda.Person{dee}}
				s.People[0].Name += string(rune('a' + k))
				p.Programme.Sessions = append(p.Programme.Sessions, s)
				p.Needs = append(p.Needs, timetable.Need{})
			}
		}, timetable.RuleUnplaced, []int{2, 4, 5, 6}, nil, false},
		// Dee's session fits the first two slots, at night in Tokyo.
		{"outside hours", func(p *timetable.Problem) {
			p.HardHours = true
			p.Hours = timetable.Hours{From: 9 * time.Hour, To: 17 * time.Hour}
		}, timetable.RuleHours, []int{2}, nil, false},
		{"too many sessions", func(p *timetable.Problem) { p.Programme.SessionsPerSpeaker = 1 },
			timetable.RuleTooMany, []int{0, 1}, []string{"Ana"}, true},
		// Both of Ana's sessions pinned to 09:00.
		{"pinned together", func(p *timetable.Problem) { p.Needs[0].Start, p.Needs[1].Start = nine, nine },
			timetable.RulePersonOverlap, []int{0, 1}, []string{"Ana"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.change(p)
			res, err := p.Solve()
			var ie *timetable.InfeasibleError
			if !errors.As(err, &ie) || !errors.Is(err, timetable.ErrInfeasible) {
				t.Fatalf("Solve: %v, want an *InfeasibleError", err)
			}
			if ie.Rule != tt.rule || !slices.Equal(ie.Sessions, tt.sessions) || !slices.Equal(ie.People, tt.people) {
				t.Errorf("got rule %q, sessions %v, people %v; want %q, %v, %v (%v)", ie.Rule, ie.Sessions, ie.People, tt.rule, tt.sessions, tt.people, ie)
			}
			if ie.Fix == "" || !ie.Proven {
				t.Errorf("fix %q, proven %v: %v", ie.Fix, ie.Proven, ie)
			}
			if (res != nil) != tt.result {
				t.Errorf("result %v, want one: %v", res, tt.result)
			}
			if res != nil && len(res.Violations) == 0 {
				t.Errorf("a result with an error and no violations")
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		change func(p *timetable.Problem)
		field  string
	}{
		{func(p *timetable.Problem) { p.Programme = nil }, "programme"},
		{func(p *timetable.Problem) { p.Rooms = nil }, "rooms"},
		{func(p *timetable.Problem) { p.Rooms[1].Capacity = -1 }, "rooms[1].capacity"},
		{func(p *timetable.Problem) { p.Rooms[1].Name = " BIG " }, "rooms[1].name"},
		{func(p *timetable.Problem) { p.Slots[2].Start = time.Time{} }, "slots[2].start"},
		{func(p *timetable.Problem) { p.Slots[0].Length = 0 }, "slots[0].length"},
		{func(p *timetable.Problem) { p.Needs = p.Needs[:2] }, "needs"},
		{func(p *timetable.Problem) { p.Needs[2].Room = "Hall" }, "needs[2].room"},
		{func(p *timetable.Problem) { p.Needs[2].Start = nine.Add(time.Minute) }, "needs[2].start"},
		{func(p *timetable.Problem) { p.Needs[0].Attendance = -3 }, "needs[0].attendance"},
		{func(p *timetable.Problem) { p.Programme.Sessions[1].Slot.Length = 0 }, "programme.sessions[1].slot.length"},
		{func(p *timetable.Problem) { p.Programme.Sessions[2].People[0].Zone = "Mars/Olympus" }, "programme.sessions[2].people[0].zone"},
		{func(p *timetable.Problem) { p.Unavailable = []timetable.Unavailable{{Person: "Ana"}} }, "unavailable[0].span"},
		{func(p *timetable.Problem) { p.Buffer = -time.Minute }, "buffer"},
		{func(p *timetable.Problem) { p.Hours = timetable.Hours{From: -time.Hour} }, "hours"},
		{func(p *timetable.Problem) { p.Weights = &timetable.Weights{Themes: -1} }, "weights.themes"},
		{func(p *timetable.Problem) { p.Published = timetable.Timetable{{0, 0}} }, "published"},
		{func(p *timetable.Problem) { p.Published = timetable.Timetable{{0, 0}, {1, 0}, {2, 0}, {0, 9}} }, "published[3].room"},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			p := base()
			tt.change(p)
			_, err := p.Solve()
			var ie *timetable.InputError
			if !errors.As(err, &ie) || ie.Field != tt.field {
				t.Errorf("Solve: %v, want an *InputError for %s", err, tt.field)
			}
			if _, err := p.Validate(make(timetable.Timetable, 4)); !errors.As(err, &ie) {
				t.Errorf("Validate: %v, want an *InputError", err)
			}
		})
	}
}

// TestApplyAndDiff applies a solved timetable to the programme and reads
// it back: every session is in the room and at the start the timetable
// says, the programme validates, and Diff finds a moved session.
func TestApplyAndDiff(t *testing.T) {
	p := base()
	res, err := p.Solve()
	if err != nil {
		t.Fatal(err)
	}
	prog, err := p.Apply(res.Timetable)
	if err != nil {
		t.Fatal(err)
	}
	for i, pl := range res.Timetable {
		s := prog.Sessions[i]
		if s.Room != p.Rooms[pl.Room].Name || !s.Slot.Start.Equal(p.Slots[pl.Slot].Start) || s.Slot.Length != p.Programme.Sessions[i].Slot.Length {
			t.Errorf("sessions[%d]: room %q, slot %v; timetable %v", i, s.Room, s.Slot, pl)
		}
		if p.Programme.Sessions[i].Room != "" || p.Programme.Sessions[i].Slot.Scheduled() {
			t.Errorf("Apply changed the problem's programme")
		}
	}
	if err := prog.Validate(); err != nil {
		for _, e := range []error{agenda.ErrPersonOverlap, agenda.ErrRoomOverlap} {
			if errors.Is(err, e) {
				t.Errorf("the applied programme: %v", err)
			}
		}
	}
	moved := slices.Clone(res.Timetable)
	moved[2] = timetable.Placement{Slot: -1, Room: -1}
	want := []timetable.Move{{Session: 2, From: res.Timetable[2], To: moved[2]}}
	if diff := cmp.Diff(want, timetable.Diff(res.Timetable, moved)); diff != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", diff)
	}
	back, err := p.Placements(prog)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.Timetable, back); diff != "" {
		t.Errorf("Placements of the applied programme mismatch (-want +got):\n%s", diff)
	}
	if _, err := p.Placements(&agenda.Programme{}); err == nil {
		t.Errorf("Placements of an empty programme succeeded")
	}
	if _, err := p.Apply(moved[:2]); err == nil {
		t.Errorf("Apply of a short timetable succeeded")
	}
}
