package live_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/live"
)

// step is one event of a test, after the clock moves by wait.
type step struct {
	wait time.Duration
	ev   live.Event
	err  string // the error's text, if the session refuses the event
}

// newSession starts a session of the panel under the hybrid promise, with a
// clock the test moves and a record in memory.
func newSession(t testing.TB) (*live.Session, *clock, *bytes.Buffer) {
	t.Helper()
	s := panel()
	ros, _, err := balance.Plan(s, balance.HybridPromise())
	if err != nil {
		t.Fatal(err)
	}
	c := newClock(s)
	rec := bytes.NewBufferString("name,start,end,kind\n")
	ls, err := live.New(ros, live.Options{Policy: balance.HybridPromise(), Clock: c.now, Record: rec})
	if err != nil {
		t.Fatal(err)
	}
	return ls, c, rec
}

// TestApply runs event sequences, checking what each refuses and the floor
// at the end.
func TestApply(t *testing.T) {
	m := time.Minute
	for _, tt := range []struct {
		name, reason string
		steps        []step
		want         live.Floor // without Since and BreakSince
		next         []string
	}{{
		name:   "nobody",
		reason: "nothing can be paused, resumed or yielded before anyone takes the floor",
		steps: []step{
			{ev: live.Event{Kind: live.Pause}, err: "live: pause: nobody has the floor"},
			{ev: live.Event{Kind: live.Resume}, err: "live: resume: nothing to resume: no pause, point of order or intervention under way"},
			{ev: live.Event{Kind: live.Yield}, err: "live: yield: nobody has the floor"},
			{ev: live.Event{Kind: live.Take, Name: "Nobody"}, err: `live: take "Nobody": not among the session's people`},
			{ev: live.Event{Kind: "sing"}, err: `live: sing: want one of take, yield, pause, resume, point of order, intervention`},
			{ev: live.Event{Kind: "Take", Name: "Ana Berg"}, err: `live: Take "Ana Berg": want one of take, yield, pause, resume, point of order, intervention`}, // this was taken as nothing, and dropped
		},
		next: []string{"Ana Berg", "Chloe Diaz", "Ben Okafor"},
	}, {
		name:   "pause and intervention",
		reason: "a pause and an intervention stop the speaker's clock; the speaker goes on after",
		steps: []step{
			{wait: 6 * m, ev: live.Event{Kind: live.Take, Name: "ana berg"}},
			{ev: live.Event{Kind: live.Take, Name: "Ana Berg"}, err: `live: take "Ana Berg": already has the floor`},
			{wait: m, ev: live.Event{Kind: live.Pause}},
			{ev: live.Event{Kind: live.Pause}, err: "live: pause: a pause is under way"},
			{wait: m, ev: live.Event{Kind: live.Intervention, Name: "  "}},
			{wait: m, ev: live.Event{Kind: live.Resume}},
			{wait: m, ev: live.Event{Kind: live.Yield, Name: "x"}, err: `live: yield "x": takes no name`},
		},
		want: live.Floor{Speaker: "Ana Berg", Mode: "onsite", Spoken: 2 * m, Allotted: 9*m + 30*time.Second, Left: 7*m + 30*time.Second, Running: true},
		next: []string{"Chloe Diaz", "Ben Okafor"},
	}, {
		name:   "interrupted",
		reason: "an intervention stays on the floor until it ends; the speaker taking the floor back ends it as Resume does",
		steps: []step{
			{wait: 6 * m, ev: live.Event{Kind: live.Take, Name: "Chloe Diaz"}},
			{wait: m, ev: live.Event{Kind: live.PointOfOrder, Name: "Chair\x00"}, err: `live: point of order "Chair\x00": the name holds a control character`},
			{ev: live.Event{Kind: live.PointOfOrder, Name: strings.Repeat("é", live.MaxNameLength+1)}, err: "live: point of order \"" + strings.Repeat("é", live.MaxNameLength+1) + "\": the name is longer than 100 characters"},
			{ev: live.Event{Kind: live.PointOfOrder, Name: "Delegate"}},
			{wait: m, ev: live.Event{Kind: live.Pause}, err: "live: pause: a point of order is under way"},
			{wait: m, ev: live.Event{Kind: live.Take, Name: "Chloe Diaz"}},
		},
		want: live.Floor{Speaker: "Chloe Diaz", Mode: "online", Spoken: m, Allotted: 9*m + 30*time.Second, Left: 8*m + 30*time.Second, Running: true},
		next: []string{"Ana Berg", "Ben Okafor"},
	}, {
		name:   "over and beyond the plan",
		reason: "a second turn, beyond the plan's one speech, gets what is left of the planned time, none here",
		steps: []step{
			{wait: 6 * m, ev: live.Event{Kind: live.Take, Name: "Ben Okafor"}},
			{wait: 10 * m, ev: live.Event{Kind: live.Take, Name: "Ana Berg"}},
			{wait: m, ev: live.Event{Kind: live.Take, Name: "Ben Okafor"}},
			{wait: m},
		},
		want: live.Floor{Speaker: "Ben Okafor", Mode: "onsite", Spoken: m, Allotted: 0, Left: -m, Running: true},
		next: []string{"Chloe Diaz"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			ls, c, rec := newSession(t)
			for i, st := range tt.steps {
				c.advance(st.wait)
				if st.ev.Kind == "" {
					continue
				}
				before := rec.Len()
				err := ls.Apply(st.ev)
				got := ""
				if err != nil {
					got = err.Error()
					if rec.Len() != before {
						t.Errorf("step %d: refused, but wrote %q", i, rec.String()[before:])
					}
				}
				if got != st.err {
					t.Errorf("step %d %+v: error %q, want %q\nreason: %s", i, st.ev, got, st.err, tt.reason)
				}
				var ee *live.EventError
				if err != nil && !errors.As(err, &ee) {
					t.Errorf("step %d: error %T, want *live.EventError", i, err)
				}
			}
			st, err := ls.State()
			if err != nil {
				t.Fatal(err)
			}
			got := st.Floor
			got.Since, got.BreakSince = time.Time{}, time.Time{}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("floor mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.next, st.Next); diff != "" {
				t.Errorf("next mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// failing is a record that refuses to sync.
type failing struct{ bytes.Buffer }

func (f *failing) Sync() error { return errors.New("disk full") }

// TestApplyRecordFails checks that an event whose lines cannot be synced
// is refused and changes nothing.
func TestApplyRecordFails(t *testing.T) {
	s := panel()
	ros, _, err := balance.Plan(s, balance.HybridPromise())
	if err != nil {
		t.Fatal(err)
	}
	ls, err := live.New(ros, live.Options{Record: &failing{}})
	if err != nil {
		t.Fatal(err)
	}
	err = ls.Apply(live.Event{Kind: live.Take, Name: "Ana Berg"})
	if err == nil || err.Error() != `live: take "Ana Berg": cannot record it: disk full` {
		t.Errorf("Apply = %v, want the sync's error", err)
	}
	if n := len(ls.Log().Entries); n != 0 {
		t.Errorf("the log holds %d entries after a refused event", n)
	}
}

// TestNewRefusesLog checks the logs a live session cannot have written.
func TestNewRefusesLog(t *testing.T) {
	s := panel()
	ros, _, err := balance.Plan(s, balance.HybridPromise())
	if err != nil {
		t.Fatal(err)
	}
	at := s.Slot.Start
	for _, tt := range []struct {
		name    string
		entries []balance.Entry
		want    string
	}{
		{"two open", []balance.Entry{{Name: "Ana Berg", Start: at}, {Name: "Ben Okafor", Start: at}}, `live: event "Ben Okafor": log entry 2: a second entry open at once`},
		{"unknown", []balance.Entry{{Name: "Zed", Start: at, End: at}}, `live: event "Zed": log entry 1: a speech by someone not among the session's people`},
		{"backwards", []balance.Entry{{Name: "Ana Berg", Start: at, End: at.Add(-time.Second)}}, `live: event "Ana Berg": log entry 1: it ends before it starts`},
	} {
		if _, err := live.New(ros, live.Options{Log: &balance.Log{Entries: tt.entries}}); err == nil || err.Error() != tt.want {
			t.Errorf("%s: New = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := live.New(nil, live.Options{}); !errors.Is(err, live.ErrNoPlan) {
		t.Errorf("New(nil) = %v, want ErrNoPlan", err)
	}
}
