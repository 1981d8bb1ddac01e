package live_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/live"
)

// FuzzApply feeds a session the events that data spells, two bytes each
// (the kind and who, then how long the clock moves), and checks after every
// one: Apply never panics and refuses only with an *EventError, leaving the
// record as it was; the record reads back with balance.ReadLogCSV to the
// session's log; a session resumed from it gives the same state; the
// turn's time is never negative and the time counted never exceeds the
// time gone by since the first event.
func FuzzApply(f *testing.F) {
	f.Add([]byte{0, 10, 1, 5, 2, 3, 3, 1, 4, 2, 3, 1, 5, 0, 6, 9})
	f.Add([]byte{0, 0, 0, 0, 8, 1, 9, 1, 10, 1, 11, 1})
	f.Add([]byte{16, 200, 2, 200, 3, 200, 4, 255})
	names := []string{"Ana Berg", "Ben Okafor", "Chloe Diaz", "Moderator", "Zed", "", "Delegate \"K\", Kenya", "\x00"}
	kinds := []live.EventKind{live.Take, live.Yield, live.Pause, live.Resume, live.PointOfOrder, live.Intervention, "dance"}
	s := panel()
	policy := balance.HybridPromise()
	ros, _, err := balance.Plan(s, policy)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		c := newClock(s)
		rec := bytes.NewBufferString("name,start,end,kind\n")
		ls, err := live.New(ros, live.Options{Policy: policy, Clock: c.now, Record: rec})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(data); i += 2 {
			ev := live.Event{Kind: kinds[int(data[i]%16)%len(kinds)], Name: names[int(data[i]/16)%len(names)]}
			c.advance(time.Duration(data[i+1]) * 7 * time.Second)
			if data[i+1] == 255 {
				c.advance(-time.Hour) // a clock set back
			}
			before := rec.Len()
			if err := ls.Apply(ev); err != nil {
				if _, ok := err.(*live.EventError); !ok {
					t.Fatalf("Apply(%+v) = %T %v, want an *EventError", ev, err, err)
				}
				if rec.Len() != before {
					t.Fatalf("Apply(%+v) refused but wrote %q", ev, rec.String()[before:])
				}
			}
			log, err := balance.ReadLogCSV(bytes.NewReader(rec.Bytes()), s)
			if err != nil {
				t.Fatalf("the record does not read back: %v\n%s", err, rec.String())
			}
			if diff := cmp.Diff(ls.Log(), log, cmpopts.IgnoreFields(balance.Entry{}, "Line"), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("record mismatch (-session +read back):\n%s", diff)
			}
			again, err := live.New(ros, live.Options{Policy: policy, Clock: c.now, Log: log})
			if err != nil {
				t.Fatalf("resuming from %s: %v", rec.String(), err)
			}
			want, err := ls.State()
			if err != nil {
				t.Fatal(err)
			}
			got, err := again.State()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("resumed state mismatch (-before +resumed):\n%s", diff)
			}
			if want.Floor.Spoken < 0 {
				t.Fatalf("the turn has spoken %v", want.Floor.Spoken)
			}
			var total time.Duration
			for _, sp := range want.Speakers {
				total += sp.Actual
			}
			if len(log.Entries) == 0 {
				continue
			}
			if gone := want.At.Sub(log.Entries[0].Start); total+want.Outside+want.Paused > gone { // the first entry is the earliest: the session's clock never goes back
				t.Fatalf("%v spoken, %v outside, %v paused in the %v gone by", total, want.Outside, want.Paused, gone)
			}
		}
	})
}
