package timetable_test

import (
	"fmt"
	"testing"

	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/balance/timetable/timetabletest"
	"github.com/fairfloor/fairfloor/timeslot"
)

// BenchmarkSolveForum timetables the IGF-sized forum: 300 sessions, 12
// rooms, 4 days, about 2,000 people. The target is 5 s.
func BenchmarkSolveForum(b *testing.B) {
	p := timetabletest.Forum(300, 1)
	for b.Loop() {
		if _, err := p.Solve(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveSizes timetables forums of growing size on one grid of 12
// rooms and 28 slots, so that -benchmem shows how memory grows with the
// sessions alone.
func BenchmarkSolveSizes(b *testing.B) {
	grid := timetabletest.Forum(300, 1)
	for _, n := range []int{75, 150, 300} {
		p := timetabletest.Forum(n, 1)
		p.Rooms, p.Slots = grid.Rooms, grid.Slots
		p.Needs[0].Room, p.Needs[0].Start = grid.Rooms[0].Name, grid.Slots[0].Start
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := p.Solve(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResolve re-solves the forum from its published timetable after
// one speaker becomes unavailable.
func BenchmarkResolve(b *testing.B) {
	p := timetabletest.Forum(300, 1)
	res, err := p.Solve()
	if err != nil {
		b.Fatal(err)
	}
	q := *p
	q.Published = res.Timetable
	slot := p.Slots[res.Timetable[10].Slot]
	q.Unavailable = []timetable.Unavailable{{Person: p.Programme.Sessions[10].People[2].Name, Span: timeslot.Span{Start: slot.Start, End: slot.End()}}}
	for b.Loop() {
		if _, err := q.Solve(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExact solves the generated forum of 20 sessions, which has 2
// rooms × 12 slots (more slots than the 4 × 6): sets of two
// sessions make a weaker bound, and the search stops at its limit with
// the result not exact.
func BenchmarkExact(b *testing.B) {
	p := timetabletest.Forum(20, 1)
	for b.Loop() {
		if _, err := p.Solve(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(p.Rooms)*len(p.Slots)), "cells")
}
