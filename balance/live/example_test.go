package live_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/live"
	"github.com/fairfloor/fairfloor/timeslot"
)

// panel is a hybrid panel of 40 minutes from 10:00 UTC: two onsite
// speakers and one online share a 30-minute discussion.
func panel() *agenda.Session {
	speaker := func(name string, mode agenda.Mode) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode}
	}
	return &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2025, 6, 23, 10, 0, 0, 0, time.UTC), Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			speaker("Ana Berg", agenda.ModeOnsite),
			speaker("Ben Okafor", agenda.ModeOnsite),
			speaker("Chloe Diaz", agenda.ModeOnline),
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
				Speakers: []string{"Ana Berg", "Ben Okafor", "Chloe Diaz"}, Facilitators: []string{"Moderator"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		},
	}
}

// clock is a clock a test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock(s *agenda.Session) *clock  { return &clock{s.Slot.Start} }
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// A timekeeper follows the panel: who has the floor, how long they have
// left, who should speak next.
func Example() {
	s := panel()
	policy := balance.HybridPromise()
	ros, _, err := balance.Plan(s, policy)
	must(err)
	c := newClock(s)
	ls, err := live.New(ros, live.Options{Policy: policy, Clock: c.now})
	must(err)

	c.advance(6 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Take, Name: "Ana Berg"}))
	c.advance(4 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Pause}))
	c.advance(time.Minute) // a microphone fails; the clock of the turn stops
	must(ls.Apply(live.Event{Kind: live.Resume}))
	c.advance(2 * time.Minute)

	st, err := ls.State()
	must(err)
	f := st.Floor
	fmt.Printf("%s (%s) has spoken %v of %v: %v left\n", f.Speaker, f.Mode, f.Spoken, f.Allotted, f.Left)
	fmt.Println("next:", strings.Join(st.Next, ", "))
	// Output:
	// Ana Berg (onsite) has spoken 6m0s of 9m30s: 3m30s left
	// next: Chloe Diaz, Ben Okafor
}

// Every event is written to the log as it happens, and a session built
// from that log again is where the first one was.
func ExampleSession_Apply_resume() {
	s := panel()
	policy := balance.HybridPromise()
	ros, _, err := balance.Plan(s, policy)
	must(err)
	c := newClock(s)
	var file bytes.Buffer                 // an *os.File, which is synced too, on a server
	must(balance.WriteLogCSV(&file, nil)) // the header
	ls, err := live.New(ros, live.Options{Policy: policy, Clock: c.now, Record: &file})
	must(err)
	c.advance(6 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Take, Name: "Chloe Diaz"}))
	c.advance(3 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.PointOfOrder, Name: "Delegate of Kenya"}))
	c.advance(30 * time.Second)
	must(ls.Apply(live.Event{Kind: live.Resume}))
	fmt.Print(file.String())

	log, err := balance.ReadLogCSV(bytes.NewReader(file.Bytes()), s)
	must(err)
	again, err := live.New(ros, live.Options{Policy: policy, Clock: c.now, Log: log})
	must(err)
	c.advance(time.Minute)
	st, err := again.State()
	must(err)
	fmt.Printf("%s: %v spoken, running %t; %v outside the budgets\n", st.Floor.Speaker, st.Floor.Spoken, st.Floor.Running, st.Outside)
	// Output:
	// name,start,end,kind
	// Chloe Diaz,2025-06-23T10:06:00Z,,
	// Delegate of Kenya,2025-06-23T10:09:00Z,,point of order
	// Delegate of Kenya,2025-06-23T10:09:00Z,2025-06-23T10:09:30Z,point of order
	// Chloe Diaz: 4m0s spoken, running true; 30s outside the budgets
}

// A re-plan of the rest counts what was said so far.
func ExampleSession_Replan() {
	s := panel()
	policy := balance.HybridPromise()
	ros, _, err := balance.Plan(s, policy)
	must(err)
	c := newClock(s)
	ls, err := live.New(ros, live.Options{Policy: policy, Clock: c.now})
	must(err)
	c.advance(6 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Take, Name: "Ana Berg"}))
	c.advance(12 * time.Minute) // well over her 9m30s
	must(ls.Apply(live.Event{Kind: live.Yield}))
	_, al, err := ls.Replan()
	must(err)
	for _, sp := range al.Speakers {
		fmt.Printf("%s: %v\n", sp.Name, sp.Time)
	}
	// What is left of the panel goes to the two who have not spoken in it,
	// less to Ben Okafor, onsite like her:
	// Output:
	// Ben Okafor: 6m30s
	// Chloe Diaz: 9m0s
}

// The shares against the plan, as they stand: each speaker's time, and each
// group's share of the time so far against its target.
func ExampleSession_State() {
	s := panel()
	policy := balance.HybridPromise()
	ros, _, err := balance.Plan(s, policy)
	must(err)
	c := newClock(s)
	ls, err := live.New(ros, live.Options{Policy: policy, Clock: c.now})
	must(err)
	c.advance(6 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Take, Name: "Ana Berg"}))
	c.advance(8 * time.Minute)
	must(ls.Apply(live.Event{Kind: live.Take, Name: "Chloe Diaz"}))
	c.advance(2 * time.Minute)
	st, err := ls.State()
	must(err)
	for _, sp := range st.Speakers {
		fmt.Printf("%-10s %-6s %v of %v\n", sp.Name, sp.Mode, sp.Actual, sp.Planned)
	}
	for _, g := range st.Groups {
		fmt.Printf("%s %s: %.0f%% (target %.0f%%)\n", g.Dimension, g.Group, 100*g.Share, 100*g.Target)
	}
	// Output:
	// Ana Berg   onsite 8m0s of 9m30s
	// Ben Okafor onsite 0s of 9m30s
	// Chloe Diaz online 2m0s of 9m30s
	// mode online: 20% (target 33%)
	// mode onsite: 80% (target 67%)
}
