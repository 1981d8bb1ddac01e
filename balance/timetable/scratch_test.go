package timetable_test

import (
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/balance/timetable/timetabletest"
	"github.com/fairfloor/fairfloor/timeslot"
)

func TestScratch(t *testing.T) {
	p := timetabletest.Forum(300, 1)
	att, _ := p.Programme.Attendees()
	t.Logf("people %d rooms %d slots %d", len(att), len(p.Rooms), len(p.Slots))
	start := time.Now()
	res, err := p.Solve()
	t.Logf("solve %v err %v", time.Since(start), err)
	if res != nil {
		t.Logf("cost %+v bound %v gap %v viol %d", res.Cost, res.Bound, res.Gap(), len(res.Violations))
		for _, v := range res.Violations[:min(5, len(res.Violations))] {
			t.Log(v)
		}
	}
}

func TestScratchResolve(t *testing.T) {
	p := timetabletest.Forum(300, 1)
	res, err := p.Solve()
	if err != nil {
		t.Fatal(err)
	}
	// The first speaker of session 10.
	s := p.Programme.Sessions[10]
	name := s.People[2].Name
	pl := res.Timetable[10]
	p.Unavailable = append(p.Unavailable, timetable.Unavailable{Person: name, Span: timeslot.Span{Start: p.Slots[pl.Slot].Start, End: p.Slots[pl.Slot].End()}})
	p.Published = res.Timetable
	start := time.Now()
	res2, err := p.Solve()
	t.Logf("resolve %v err %v", time.Since(start), err)
	moves := timetable.Diff(res.Timetable, res2.Timetable)
	t.Logf("moves %v cost %+v gap %v", moves, res2.Cost, res2.Gap())
}
