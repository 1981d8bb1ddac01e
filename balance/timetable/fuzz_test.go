package timetable_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/timeslot"
)

// bytesReader hands out the fuzzer's bytes, then zeros.
type bytesReader []byte

func (b *bytesReader) next() int {
	if len(*b) == 0 {
		return 0
	}
	v := int((*b)[0])
	*b = (*b)[1:]
	return v
}

// signed returns a small signed number.
func (b *bytesReader) signed() int { return b.next() - 64 }

// problemFrom builds a problem, well formed or not, from the fuzzer's
// bytes: sizes, lengths, capacities, names, zones, pins, unavailability,
// weights and a published timetable, each of which may be out of range.
func problemFrom(data []byte) (*timetable.Problem, timetable.Timetable) {
	b := bytesReader(data)
	day := time.Date(2025, 6, 23, 8, 0, 0, 0, time.UTC)
	names := []string{"Ana", "ana ", "Ben", "", "Cy’s", "Dee"}
	zones := []string{"", "Asia/Tokyo", "Nowhere/Else", "UTC"}
	p := &timetable.Problem{Programme: &agenda.Programme{SessionsPerSpeaker: b.next() % 4}}
	for range b.next() % 4 {
		p.Rooms = append(p.Rooms, timetable.Room{Name: names[b.next()%len(names)] + "room", Capacity: b.signed(), Online: b.next()%2 == 0})
	}
	for range b.next() % 5 {
		s := timeslot.Slot{Start: day.Add(time.Duration(b.signed()) * 30 * time.Minute), Length: time.Duration(b.signed()) * 15 * time.Minute}
		if b.next()%8 == 0 {
			s.Start = time.Time{}
		}
		p.Slots = append(p.Slots, s)
	}
	n := b.next() % 6
	for range n {
		s := agenda.Session{Title: "S", Slot: timeslot.Slot{Length: time.Duration(b.signed()) * 15 * time.Minute}}
		for range b.next() % 4 {
			person := agenda.Person{Name: names[b.next()%len(names)], Roles: []agenda.Role{[]agenda.Role{agenda.RoleSpeaker, agenda.RoleOrganizer}[b.next()%2]},
				Region: []agenda.Region{"", "WEOG", "African Group"}[b.next()%3], Zone: zones[b.next()%len(zones)]}
			if b.next()%2 == 0 {
				person.Mode = agenda.ModeOnline
			}
			s.People = append(s.People, person)
		}
		p.Programme.Sessions = append(p.Programme.Sessions, s)
	}
	if b.next()%4 != 0 {
		for range n + b.next()%3 - 1 {
			need := timetable.Need{Attendance: b.signed(), Themes: []string{names[b.next()%len(names)]}}
			if b.next()%4 == 0 {
				need.Room = names[b.next()%len(names)] + "room"
			}
			if b.next()%4 == 0 {
				need.Start = day.Add(time.Duration(b.signed()) * 30 * time.Minute)
			}
			p.Needs = append(p.Needs, need)
		}
	}
	for range b.next() % 3 {
		start := day.Add(time.Duration(b.signed()) * 30 * time.Minute)
		p.Unavailable = append(p.Unavailable, timetable.Unavailable{Person: names[b.next()%len(names)],
			Span: timeslot.Span{Start: start, End: start.Add(time.Duration(b.signed()) * 30 * time.Minute)}})
	}
	p.Buffer = time.Duration(b.signed()) * time.Minute
	p.HardCapacity = b.next()%2 == 0
	p.HardHours = b.next()%3 == 0
	p.Hours = timetable.Hours{From: time.Duration(b.signed()) * time.Hour, To: time.Duration(b.signed()) * time.Hour}
	if b.next()%3 == 0 {
		w := timetable.DefaultWeights()
		w.Diversity = float64(b.signed())
		if b.next()%5 == 0 {
			w.Hours = math.NaN()
		}
		p.Weights = &w
	}
	p.ExactUpTo = b.signed() % 8
	p.Seed = uint64(b.next())
	timetableFrom := func() timetable.Timetable {
		t := make(timetable.Timetable, n+b.next()%3-1+1)
		for i := range t {
			t[i] = timetable.Placement{Slot: b.next()%6 - 1, Room: b.next()%5 - 1}
		}
		return t
	}
	if b.next()%3 == 0 {
		p.Published = timetableFrom()
	}
	return p, timetableFrom()
}

// FuzzSolve checks that Solve, Validate, Cost and Apply never panic, that
// an input error names a field, and that a result is whole and lists the
// violations Validate finds.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 2, 1, 100, 0, 2, 1, 0, 100, 68, 70, 2, 68, 1, 0, 0, 1, 0, 66, 1, 0, 0, 0, 0, 0, 0})
	f.Add([]byte("\x03\x03\x02\x50\x01\x04\x60\x00\x03\x44\x48\x00\x45\x48\x00\x46\x48\x00\x05\x48\x02\x01\x00\x01\x01\x00\x48\x01\x01\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, tab := problemFrom(data)
		res, err := p.Solve()
		var ie *timetable.InputError
		var fe *timetable.InfeasibleError
		switch {
		case errors.As(err, &ie):
			if ie.Field == "" || !strings.Contains(err.Error(), ie.Field) || res != nil {
				t.Fatalf("input error %v without a field, or with a result", err)
			}
		case errors.As(err, &fe):
			if len(fe.Sessions) == 0 || fe.Reason == "" || fe.Fix == "" {
				t.Fatalf("infeasible without sessions, reason or fix: %#v", fe)
			}
		case err != nil:
			t.Fatalf("an error of no documented type: %v", err)
		}
		if res != nil {
			if len(res.Timetable) != len(p.Programme.Sessions) {
				t.Fatalf("%d placements for %d sessions", len(res.Timetable), len(p.Programme.Sessions))
			}
			vs, verr := p.Validate(res.Timetable)
			if verr != nil || len(vs) != len(res.Violations) {
				t.Fatalf("Validate: %v, %d violations; the result lists %d", verr, len(vs), len(res.Violations))
			}
			if err == nil && len(vs) > 0 {
				t.Fatalf("no error, violations %v", vs)
			}
			if res.Bound > res.Cost.Total+1e-9 {
				t.Fatalf("bound %v above the cost %v", res.Bound, res.Cost.Total)
			}
		}
		if _, err := p.Validate(tab); err != nil && !errors.As(err, &ie) {
			t.Fatalf("Validate: %v", err)
		}
		if _, err := p.Cost(tab); err != nil && !errors.As(err, &ie) {
			t.Fatalf("Cost: %v", err)
		}
		if _, err := p.Apply(tab); err != nil && !errors.As(err, &ie) {
			t.Fatalf("Apply: %v", err)
		}
	})
}
