package timetable_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/balance/timetable/timetabletest"
	"github.com/fairfloor/fairfloor/timeslot"
)

// igfSize is the forum of the targets, or a smaller one under the
// race detector.
func igfSize() int {
	if raceEnabled {
		return 30
	}
	return 300
}

func TestStateMatchesCost(t *testing.T) {
	p := timetabletest.Forum(24, 1)
	// A slot overlapping the first, so that a room can hold two sessions
	// at once, and an unavailable person.
	first := p.Slots[0]
	p.Slots = append(p.Slots, timeslot.Slot{Start: first.Start.Add(first.Length / 2), Length: first.Length})
	steps := 200
	if raceEnabled {
		steps = 50
	}
	if err := timetable.CheckState(p, steps, 7); err != nil {
		t.Fatal(err)
	}
}

// TestForum timetables the IGF-sized forum: no hard rule broken, within a
// few percent of the bound, the same for the same seed.
func TestForum(t *testing.T) {
	p := timetabletest.Forum(igfSize(), 1)
	res, err := p.Solve()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Violations) > 0 {
		t.Fatalf("%d violations, the first %v", len(res.Violations), res.Violations[0])
	}
	// The bound spreads groups as if speakers came one by one, not a
	// session at a time: it is tighter the larger the forum.
	within := 0.02
	if raceEnabled {
		within = 0.10
	}
	if res.Bound > res.Cost.Total || res.Gap() > within*res.Cost.Total {
		t.Errorf("cost %v, bound %v: gap more than %v%%", res.Cost.Total, res.Bound, 100*within)
	}
	again, err := p.Solve()
	if err != nil {
		t.Fatal(err)
	}
	if moves := timetable.Diff(res.Timetable, again.Timetable); len(moves) > 0 {
		t.Errorf("a second solve of the same problem moved %d sessions: %v", len(moves), moves)
	}
	cost, err := p.Cost(res.Timetable)
	if err != nil || math.Abs(cost.Total-res.Cost.Total) > 1e-9 {
		t.Errorf("Cost of the result %+v, %v; the result says %+v", cost, err, res.Cost)
	}
}

// TestResolve makes one speaker of the forum unavailable when one of their
// sessions runs, and re-solves from the published timetable: at most 3
// sessions move, and none of the rules breaks.
func TestResolve(t *testing.T) {
	p := timetabletest.Forum(igfSize(), 1)
	res, err := p.Solve()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{10, 25} {
		q := *p
		q.Published = res.Timetable
		s := &p.Programme.Sessions[k]
		person := s.People[2].Name // the first speaker
		slot := p.Slots[res.Timetable[k].Slot]
		q.Unavailable = []timetable.Unavailable{{Person: person, Span: timeslot.Span{Start: slot.Start, End: slot.End()}}}
		again, err := q.Solve()
		if err != nil {
			t.Fatal(err)
		}
		moves := timetable.Diff(res.Timetable, again.Timetable)
		if len(moves) == 0 || len(moves) > 3 {
			t.Errorf("%s unavailable in slots[%d]: %d sessions moved, want 1 to 3: %v", person, res.Timetable[k].Slot, len(moves), moves)
		}
		if len(again.Violations) > 0 {
			t.Errorf("%s unavailable: %v", person, again.Violations)
		}
		t.Logf("%s unavailable in slots[%d]: moved %v", person, res.Timetable[k].Slot, moves)
	}
}

// tiny returns a random problem small enough to enumerate: up to 5
// sessions in up to 8 cells, with people in several sessions, online
// people in far zones, themes, a buffer, and now and then a pin, an
// unavailable person, hard capacity or a published timetable.
func tiny(rng *rand.Rand) *timetable.Problem {
	n := 2 + rng.IntN(4)
	rooms := 1 + rng.IntN(2)
	slots := max((n+rooms-1)/rooms, 2) + rng.IntN(2)
	if rooms*slots > 8 {
		slots = 8 / rooms
	}
	p := &timetable.Problem{Programme: &agenda.Programme{}, Buffer: 15 * time.Minute, HardCapacity: rng.IntN(4) == 0}
	for r := range rooms {
		p.Rooms = append(p.Rooms, timetable.Room{Name: fmt.Sprintf("R%d", r), Capacity: 20 + 20*rng.IntN(3), Online: rng.IntN(3) > 0})
	}
	// Half the problems have slots apart, no buffer and rooms alike, where
	// branch and bound tries one of each set of twin rooms.
	spacing := 70 * time.Minute
	if rng.IntN(2) == 0 {
		spacing, p.Buffer = 100*time.Minute, 0
		for r := range p.Rooms {
			p.Rooms[r] = timetable.Room{Name: p.Rooms[r].Name, Capacity: 40, Online: true}
		}
	}
	day := time.Date(2025, 6, 23, 8, 0, 0, 0, time.UTC)
	for s := range slots {
		start := day.Add(time.Duration(s) * spacing)
		if s >= slots/2 {
			start = start.Add(24 * time.Hour)
		}
		p.Slots = append(p.Slots, timeslot.Slot{Start: start, Length: time.Hour + time.Duration(rng.IntN(2))*30*time.Minute})
	}
	regions := []agenda.Region{"WEOG", "African Group", "GRULAC"}
	groups := []agenda.Stakeholder{"Government", "Civil Society"}
	zones := []string{"", "Asia/Tokyo", "America/Los_Angeles"}
	type who struct {
		region agenda.Region
		group  agenda.Stakeholder
		mode   agenda.Mode
		zone   string
	}
	var people []who
	for range 6 {
		w := who{regions[rng.IntN(3)], groups[rng.IntN(2)], agenda.ModeOnsite, ""}
		if rng.IntN(3) == 0 {
			w.mode, w.zone = agenda.ModeOnline, zones[rng.IntN(3)]
		}
		people = append(people, w)
	}
	for i := range n {
		s := agenda.Session{Title: fmt.Sprintf("S%d", i), Slot: timeslot.Slot{Length: time.Hour}}
		if rng.IntN(4) == 0 {
			s.Slot.Length = 90 * time.Minute
		}
		for _, k := range rng.Perm(6)[:1+rng.IntN(3)] {
			w := people[k]
			s.People = append(s.People, agenda.Person{Name: fmt.Sprintf("P%d", k), Roles: []agenda.Role{agenda.RoleSpeaker},
				Region: w.region, Stakeholder: w.group, Mode: w.mode, Zone: w.zone})
		}
		need := timetable.Need{Attendance: 10 + rng.IntN(50), Themes: []string{[]string{"a", "b", "c"}[rng.IntN(3)]}}
		if rng.IntN(8) == 0 {
			need.Room = p.Rooms[rng.IntN(rooms)].Name
		}
		if rng.IntN(8) == 0 {
			need.Start = p.Slots[rng.IntN(slots)].Start
		}
		p.Programme.Sessions = append(p.Programme.Sessions, s)
		p.Needs = append(p.Needs, need)
	}
	if rng.IntN(4) == 0 {
		at := p.Slots[rng.IntN(slots)]
		p.Unavailable = []timetable.Unavailable{{Person: fmt.Sprintf("P%d", rng.IntN(6)), Span: timeslot.Span{Start: at.Start, End: at.End()}}}
	}
	if rng.IntN(3) == 0 {
		p.Published = make(timetable.Timetable, n)
		for i, c := range rng.Perm(rooms * slots)[:n] {
			p.Published[i] = timetable.Placement{Slot: c / rooms, Room: c % rooms}
		}
	}
	return p
}

// bruteForce returns the least cost of a timetable of p that keeps every
// hard rule, by trying every placement, and whether there is one.
func bruteForce(t *testing.T, p *timetable.Problem) (float64, bool) {
	return search(t, p, false)
}

// search tries every placement of p's sessions and returns the least cost
// of a timetable it accepts, and whether it accepted one: one that breaks
// no rule or, pruned, one whose every partial timetable on the way breaks
// no rule but placing every session and the rule RuleTooMany.
func search(t *testing.T, p *timetable.Problem, pruned bool) (float64, bool) {
	n, cells := len(p.Programme.Sessions), len(p.Rooms)*len(p.Slots)
	best, found := math.Inf(1), false
	tt := make(timetable.Timetable, n)
	for i := range tt {
		tt[i] = timetable.Placement{Slot: timetable.Unplaced, Room: timetable.Unplaced}
	}
	used := make([]bool, cells)
	var walk func(i int)
	walk = func(i int) {
		if pruned || i == n {
			vs, err := p.Validate(tt)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if !pruned || (v.Rule != timetable.RuleUnplaced && v.Rule != timetable.RuleTooMany) {
					return
				}
			}
		}
		if i == n {
			c, err := p.Cost(tt)
			if err != nil {
				t.Fatal(err)
			}
			found = true
			best = min(best, c.Total)
			return
		}
		for c := range cells {
			if !used[c] {
				used[c] = true
				tt[i] = timetable.Placement{Slot: c / len(p.Rooms), Room: c % len(p.Rooms)}
				walk(i + 1)
				tt[i] = timetable.Placement{Slot: timetable.Unplaced, Room: timetable.Unplaced}
				used[c] = false
			}
		}
	}
	walk(0)
	return best, found
}

// TestExactMatchesBruteForce solves tiny problems exactly and compares the
// optimum with every timetable's cost; the bound of the local search is
// checked against it on the way.
func TestExactMatchesBruteForce(t *testing.T) {
	cases := 100
	if raceEnabled {
		cases = 8
	}
	rng := rand.New(rand.NewPCG(17, 17))
	for k := range cases {
		p := tiny(rng)
		want, feasible := bruteForce(t, p)
		res, err := p.Solve()
		if !feasible {
			if !errors.Is(err, timetable.ErrInfeasible) {
				t.Errorf("case %d: no timetable keeps the rules, Solve says %v", k, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("case %d: %v", k, err)
			continue
		}
		if !res.Exact || math.Abs(res.Cost.Total-want) > 1e-9 {
			t.Errorf("case %d: Solve cost %v (exact %v), brute force %v", k, res.Cost.Total, res.Exact, want)
		}
		q := *p
		q.ExactUpTo = -1
		heur, err := q.Solve()
		if err != nil {
			t.Errorf("case %d: local search: %v", k, err)
			continue
		}
		if heur.Bound > want+1e-9 {
			t.Errorf("case %d: bound %v above the optimum %v", k, heur.Bound, want)
		}
		if heur.Cost.Total < want-1e-9 {
			t.Errorf("case %d: local search %v below the optimum %v", k, heur.Cost.Total, want)
		}
	}
}
