package timeslot_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// seed004 is the agenda of seed 004: a welcome, three break-out groups in
// parallel, a plenary with their reports, and a conclusion.
var seed004 = []timeslot.Block{
	{Length: 5 * time.Minute},              // Welcome and Introduction
	{Length: 40 * time.Minute, Track: "a"}, // Break-out: Safety, Security
	{Length: 40 * time.Minute, Track: "b"}, // Break-out: Stability & resilience
	{Length: 40 * time.Minute, Track: "c"}, // Break-out: Internet ethics, Human rights
	{Length: 60 * time.Minute},             // Plenary Q&A
	{Length: 5 * time.Minute},              // Conclusion
}

// placed is what a test needs to see of a plan: the clock times of each span
// and the plan's totals.
type placed struct {
	Spans               []string
	End                 string
	Used, Left, Overrun time.Duration
}

func describe(p timeslot.Plan) placed {
	got := placed{End: p.End.Format("15:04"), Used: p.End.Sub(p.Slot.Start), Left: max(0, p.Slot.End().Sub(p.End)), Overrun: max(0, p.End.Sub(p.Slot.End()))}
	for _, s := range p.Spans {
		got.Spans = append(got.Spans, s.Start.Format("15:04")+"-"+s.End.Format("15:04"))
	}
	return got
}

func TestSlotPlace(t *testing.T) {
	at9 := utc(9, 0)
	tests := []struct {
		name   string
		slot   timeslot.Slot
		blocks []timeslot.Block
		want   placed
		reason string
	}{{
		name:   "PlenaryBackToBack",
		slot:   timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{{Length: 10 * time.Minute}, {Length: 20 * time.Minute}, {Length: 15 * time.Minute}},
		want: placed{
			Spans: []string{"09:00-09:10", "09:10-09:30", "09:30-09:45"},
			End:   "09:45", Used: 45 * time.Minute, Left: 15 * time.Minute,
		},
		reason: "plenary blocks follow each other from the start of the slot",
	}, {
		name:   "Seed004In90Minutes",
		slot:   timeslot.Slot{Start: at9, Length: 90 * time.Minute},
		blocks: seed004,
		want: placed{
			Spans: []string{"09:00-09:05", "09:05-09:45", "09:05-09:45", "09:05-09:45", "09:45-10:45", "10:45-10:50"},
			End:   "10:50", Used: 110 * time.Minute, Overrun: 20 * time.Minute,
		},
		reason: "seed 004: 5 + 40 + 60 + 5 = 110 minutes, the break-outs in parallel; a 90-minute slot overruns by 20",
	}, {
		name:   "Seed004In120Minutes",
		slot:   timeslot.Slot{Start: at9, Length: 2 * time.Hour},
		blocks: seed004,
		want: placed{
			Spans: []string{"09:00-09:05", "09:05-09:45", "09:05-09:45", "09:05-09:45", "09:45-10:45", "10:45-10:50"},
			End:   "10:50", Used: 110 * time.Minute, Left: 10 * time.Minute,
		},
		reason: "seed 004 as examples/seeds models it, in two hours: 10 minutes left",
	}, {
		name: "TrackWithTwoBlocks",
		slot: timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{
			{Length: 20 * time.Minute, Track: "a"}, {Length: 20 * time.Minute, Track: "a"},
			{Length: 30 * time.Minute, Track: "b"}, {Length: 10 * time.Minute},
		},
		want: placed{
			Spans: []string{"09:00-09:20", "09:20-09:40", "09:00-09:30", "09:40-09:50"},
			End:   "09:50", Used: 50 * time.Minute, Left: 10 * time.Minute,
		},
		reason: "the blocks of one track follow each other; the run ends when its longest track (a, 40m) ends, not its longest block",
	}, {
		name: "TracksInterleaved",
		slot: timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{
			{Length: 20 * time.Minute, Track: "a"}, {Length: 30 * time.Minute, Track: "b"},
			{Length: 20 * time.Minute, Track: "a"},
		},
		want: placed{
			Spans: []string{"09:00-09:20", "09:00-09:30", "09:20-09:40"},
			End:   "09:40", Used: 40 * time.Minute, Left: 20 * time.Minute,
		},
		reason: "a track's second block follows its first even when another track's block comes between them in the list",
	}, {
		name: "TwoRunsSplitByPlenary",
		slot: timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{
			{Length: 20 * time.Minute, Track: "a"}, {Length: 10 * time.Minute, Track: "b"},
			{Length: 0},
			{Length: 10 * time.Minute, Track: "a"}, {Length: 15 * time.Minute, Track: "b"},
		},
		want: placed{
			Spans: []string{"09:00-09:20", "09:00-09:10", "09:20-09:20", "09:20-09:30", "09:20-09:35"},
			End:   "09:35", Used: 35 * time.Minute, Left: 25 * time.Minute,
		},
		reason: "a plenary block, even of length zero, ends a run; the next run starts when the longest track of the last one ended",
	}, {
		name:   "NegativeLength",
		slot:   timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{{Length: 10 * time.Minute}, {Length: -30 * time.Minute}, {Length: 10 * time.Minute}},
		want: placed{
			Spans: []string{"09:00-09:10", "09:10-09:10", "09:10-09:20"},
			End:   "09:20", Used: 20 * time.Minute, Left: 40 * time.Minute,
		},
		reason: "a negative length is placed as zero and never moves the clock backwards",
	}, {
		name:   "NegativeLengthInTrack",
		slot:   timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{{Length: -10 * time.Minute, Track: "a"}, {Length: 5 * time.Minute, Track: "a"}},
		want: placed{
			Spans: []string{"09:00-09:00", "09:00-09:05"},
			End:   "09:05", Used: 5 * time.Minute, Left: 55 * time.Minute,
		},
		reason: "a negative length in a track is placed as zero too",
	}, {
		name:   "Empty",
		slot:   timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: nil,
		want:   placed{End: "09:00", Left: time.Hour},
		reason: "no blocks: the plan ends where the slot starts, and the whole slot is left",
	}, {
		name:   "ExactFit",
		slot:   timeslot.Slot{Start: at9, Length: time.Hour},
		blocks: []timeslot.Block{{Length: 45 * time.Minute}, {Length: 15 * time.Minute}},
		want: placed{
			Spans: []string{"09:00-09:45", "09:45-10:00"},
			End:   "10:00", Used: time.Hour,
		},
		reason: "a plan that fills the slot has neither time left nor an overrun",
	}, {
		name:   "Unscheduled",
		slot:   timeslot.Slot{Length: time.Hour},
		blocks: []timeslot.Block{{Length: 5 * time.Minute}, {Length: 40 * time.Minute, Track: "x"}},
		want: placed{
			Spans: []string{"00:00-00:05", "00:05-00:45"},
			End:   "00:45", Used: 45 * time.Minute, Left: 15 * time.Minute,
		},
		reason: "a slot without a start is measured from the zero time",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := tt.slot.Place(tt.blocks)
			if diff := cmp.Diff(tt.want, describe(plan)); diff != "" {
				t.Errorf("Place mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.slot, plan.Slot); diff != "" {
				t.Errorf("Plan.Slot mismatch (-want +got):\n%s", diff)
			}
			if len(tt.blocks) == 0 && !plan.End.Equal(tt.slot.Start) {
				t.Errorf("Place(no blocks).End = %v, want the slot's start %v", plan.End, tt.slot.Start)
			}
		})
	}
}

// TestSlotPlaceSeed004Parallel checks that seed 004's three break-out groups
// share one span, and that it lies between the welcome and the plenary.
func TestSlotPlaceSeed004Parallel(t *testing.T) {
	slot := timeslot.Slot{Start: seed001.Start, Length: 90 * time.Minute}
	plan := slot.Place(seed004)
	want := timeslot.Span{Start: slot.Start.Add(5 * time.Minute), End: slot.Start.Add(45 * time.Minute)}
	for i := 1; i <= 3; i++ {
		if diff := cmp.Diff(want, plan.Spans[i]); diff != "" {
			t.Errorf("break-out %d span mismatch (-want +got):\n%s", i, diff)
		}
	}
	if !plan.Spans[0].End.Equal(want.Start) || !plan.Spans[4].Start.Equal(want.End) {
		t.Errorf("welcome %v, break-outs %v, plenary %v: want the break-outs between the others, touching both", plan.Spans[0], want, plan.Spans[4])
	}
}

func TestSpanLength(t *testing.T) {
	s := timeslot.Span{Start: utc(6, 15), End: utc(7, 45)}
	if got, want := s.Length(), 90*time.Minute; got != want {
		t.Errorf("%v.Length() = %v, want %v", s, got, want)
	}
	if got, want := (timeslot.Span{Start: utc(7, 45), End: utc(6, 15)}).Length(), -90*time.Minute; got != want {
		t.Errorf("reversed span Length() = %v, want %v", got, want)
	}
}

// TestSlotPlaceProperties places random agendas on random slots and checks
// each plan against an independent account of the rules: a plenary block
// starts when everything before it has ended; the first block of a track in a
// parallel run starts when everything before the run has ended, and a later
// block of the track starts when the track's previous block ends.
func TestSlotPlaceProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2023, 1010))
	zones := []*time.Location{time.UTC, paris, zurich, mustLoadLocation("Pacific/Apia")}
	tracks := []string{"", "a", "b"}
	for i := range 2000 {
		slot := timeslot.Slot{Length: time.Duration(rng.IntN(4*60+1)) * time.Minute}
		if rng.IntN(10) > 0 { // one slot in ten is unscheduled
			slot.Start = time.Unix(rng.Int64N(2e9), 0).In(zones[rng.IntN(len(zones))])
		}
		blocks := make([]timeslot.Block, rng.IntN(13))
		for j := range blocks {
			blocks[j] = timeslot.Block{
				Length: time.Duration(rng.IntN(60*60+1)) * time.Second,
				Track:  tracks[rng.IntN(len(tracks))],
			}
		}
		checkPlan(t, slot, blocks, slot.Place(blocks))
		if t.Failed() {
			t.Fatalf("case %d: slot %v, blocks %v", i, slot, blocks)
		}
	}
}

func checkPlan(t *testing.T, slot timeslot.Slot, blocks []timeslot.Block, plan timeslot.Plan) {
	t.Helper()
	if len(plan.Spans) != len(blocks) {
		t.Fatalf("Place(%v) gave %d spans for %d blocks", blocks, len(plan.Spans), len(blocks))
	}
	// run[i] numbers the parallel run of block i, or is -1 for a plenary block.
	run := make([]int, len(blocks))
	runs := 0
	for i, b := range blocks {
		switch {
		case b.Track == "":
			run[i] = -1
		case i == 0 || blocks[i-1].Track == "":
			runs++
			run[i] = runs
		default:
			run[i] = runs
		}
	}
	maxEnd := slot.Start // the latest end among the spans checked so far
	runStart := slot.Start
	for i, b := range blocks {
		s := plan.Spans[i]
		if s.Start.Before(slot.Start) {
			t.Errorf("block %d %v starts at %v, before the slot %v", i, b, s.Start, slot)
		}
		if got, want := s.Length(), max(0, b.Length); got != want {
			t.Errorf("block %d %v has a span of %v, want %v", i, b, got, want)
		}
		var want time.Time
		switch {
		case run[i] < 0:
			want = maxEnd
		case i == 0 || run[i-1] != run[i]:
			runStart = maxEnd
			want = runStart
		default:
			want = runStart
			for j := i - 1; j >= 0 && run[j] == run[i]; j-- {
				if blocks[j].Track == b.Track {
					want = plan.Spans[j].End
					break
				}
			}
		}
		if !s.Start.Equal(want) {
			t.Errorf("block %d %v starts at %v, want %v", i, b, s.Start, want)
		}
		if s.End.After(maxEnd) {
			maxEnd = s.End
		}
	}
	for i := range plan.Spans {
		for j := i + 1; j < len(plan.Spans); j++ {
			if !(plan.Spans[i].Start.Before(plan.Spans[j].End) && plan.Spans[j].Start.Before(plan.Spans[i].End)) {
				continue
			}
			if run[i] < 0 || run[j] < 0 || run[i] != run[j] || blocks[i].Track == blocks[j].Track {
				t.Errorf("blocks %d %v and %d %v overlap (%v, %v): only different tracks of one parallel run may",
					i, blocks[i], j, blocks[j], plan.Spans[i], plan.Spans[j])
			}
		}
	}
	if !plan.End.Equal(maxEnd) {
		t.Errorf("Plan.End = %v, want the latest span end (or the slot's start if none) %v", plan.End, maxEnd)
	}
}
