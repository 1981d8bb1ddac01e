package balance_test

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// replanAt is 10 October 2023 at a clock time in UTC, the day of the
// re-plan tests' sessions, which start at 09:00.
func replanAt(hour, min, sec int) time.Time {
	return time.Date(2023, 10, 10, hour, min, sec, 0, time.UTC)
}

// replanPeople are a moderator, two onsite speakers and two online.
func replanPeople() []agenda.Person {
	speaker := func(name string, mode agenda.Mode) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode}
	}
	return []agenda.Person{
		{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
		speaker("Ana Berg", agenda.ModeOnsite),
		speaker("Dana Novak", agenda.ModeOnline),
		speaker("Ben Okafor", agenda.ModeOnsite),
		speaker("Eve Tan", agenda.ModeOnline),
	}
}

// replanQuestion is a 20-minute discussion of one policy question.
func replanQuestion(id string, speakers ...string) agenda.Segment {
	return agenda.Segment{Title: "Question " + id, Kind: agenda.SegmentKind("discussion"), Length: 20 * time.Minute,
		Speakers: speakers, Facilitators: []string{"Moderator"}, Questions: []string{id}}
}

// replanSession is a roundtable of two questions, one segment each, from
// 09:00 to 09:40: Ana Berg (onsite) and Dana Novak (online) on A, Ben
// Okafor (onsite) and Eve Tan (online) on B.
func replanSession() *agenda.Session {
	return &agenda.Session{
		Title:     "Roundtable",
		Format:    agenda.FormatHybrid,
		Slot:      timeslot.Slot{Start: replanAt(9, 0, 0), Length: 40 * time.Minute},
		People:    replanPeople(),
		Questions: []agenda.Question{{ID: "A", Text: "Awareness?"}, {ID: "B", Text: "Capacity?"}},
		Segments:  []agenda.Segment{replanQuestion("A", "Ana Berg", "Dana Novak"), replanQuestion("B", "Ben Okafor", "Eve Tan")},
	}
}

// replanPolicy promises onsite–online parity and balances nothing else, so
// that every answer can be worked out by hand: the plan gives each of the
// four speakers 10 minutes.
var replanPolicy = balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}}

// restSession is a roundtable of three questions from 09:00 to 10:00; Ana
// Berg speaks on A and B, Dana Novak on A and C, Ben Okafor on B and C.
func restSession() *agenda.Session {
	return &agenda.Session{
		Title:     "Roundtable",
		Format:    agenda.FormatHybrid,
		Slot:      timeslot.Slot{Start: replanAt(9, 0, 0), Length: time.Hour},
		People:    replanPeople(),
		Questions: []agenda.Question{{ID: "A", Text: "Awareness?"}, {ID: "B", Text: "Capacity?"}, {ID: "C", Text: "Obstacles?"}},
		Segments: []agenda.Segment{
			replanQuestion("A", "Ana Berg", "Dana Novak"),
			replanQuestion("B", "Ben Okafor", "Eve Tan", "Ana Berg"),
			replanQuestion("C", "Dana Novak", "Ben Okafor"),
		},
	}
}

func TestRest(t *testing.T) {
	e := func(name string, start, end time.Time) balance.Entry {
		return balance.Entry{Name: name, Start: start, End: end}
	}
	// What was said on A, as planned, and on B until 09:27.
	log := &balance.Log{Entries: []balance.Entry{
		e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 10, 0)),
		e("Dana Novak", replanAt(9, 10, 0), replanAt(9, 20, 0)),
		e("Ben Okafor", replanAt(9, 20, 0), replanAt(9, 27, 0)),
	}}
	cut := func(seg agenda.Segment, length time.Duration, speakers ...string) agenda.Segment {
		seg.Length, seg.Speakers = length, speakers
		return seg
	}
	qa, qb, qc := restSession().Segments[0], restSession().Segments[1], restSession().Segments[2]

	tests := []struct {
		name   string
		reason string
		log    *balance.Log
		at     time.Time
		want   []agenda.Segment
	}{{
		name:   "at the start",
		reason: "nothing is over: the rest is the whole session",
		log:    &balance.Log{},
		at:     replanAt(9, 0, 0),
		want:   []agenda.Segment{qa, qb, qc},
	}, {
		name:   "at a boundary",
		reason: "A ends at 09:20 and is over; B has not begun and keeps all its speakers",
		log:    log,
		at:     replanAt(9, 20, 0),
		want:   []agenda.Segment{qb, qc},
	}, {
		name: "during a segment",
		reason: "B runs 09:20–09:40: cut to 10 minutes from 09:30, without Ben Okafor, who has spoken in it; " +
			"Ana Berg spoke on A but not yet on B, so she stays; C is unchanged",
		log:  log,
		at:   replanAt(9, 30, 0),
		want: []agenda.Segment{cut(qb, 10*time.Minute, "Eve Tan", "Ana Berg"), qc},
	}, {
		name:   "a turn begun in the segment before",
		reason: "Eve Tan's turn from 09:19 runs into B, so she has spoken in it",
		log:    &balance.Log{Entries: []balance.Entry{e("Eve Tan", replanAt(9, 19, 0), replanAt(9, 21, 0))}},
		at:     replanAt(9, 25, 0),
		want:   []agenda.Segment{cut(qb, 15*time.Minute, "Ben Okafor", "Ana Berg"), qc},
	}, {
		name:   "a turn that ends before the segment",
		reason: "Ben Okafor spoke on A (out of turn) but not on B: he stays on B",
		log:    &balance.Log{Entries: []balance.Entry{e("Ben Okafor", replanAt(9, 15, 0), replanAt(9, 20, 0))}},
		at:     replanAt(9, 25, 0),
		want:   []agenda.Segment{cut(qb, 15*time.Minute, "Ben Okafor", "Eve Tan", "Ana Berg"), qc},
	}, {
		name:   "a turn after the moment",
		reason: "what the log says after at has not happened yet at at",
		log:    &balance.Log{Entries: []balance.Entry{e("Ben Okafor", replanAt(9, 30, 0), replanAt(9, 35, 0))}},
		at:     replanAt(9, 25, 0),
		want:   []agenda.Segment{cut(qb, 15*time.Minute, "Ben Okafor", "Eve Tan", "Ana Berg"), qc},
	}, {
		name:   "names as the log writes them",
		reason: "the log's names match the segment's as Roster.Person matches them",
		log:    &balance.Log{Entries: []balance.Entry{e("ben OKAFOR ", replanAt(9, 20, 0), replanAt(9, 22, 0))}},
		at:     replanAt(9, 25, 0),
		want:   []agenda.Segment{cut(qb, 15*time.Minute, "Eve Tan", "Ana Berg"), qc},
	}, {
		name:   "everyone has spoken",
		reason: "a segment whose speakers have all spoken is left without speakers: its time is no one's speech",
		log: &balance.Log{Entries: []balance.Entry{
			e("Ben Okafor", replanAt(9, 20, 0), replanAt(9, 25, 0)),
			e("Eve Tan", replanAt(9, 25, 0), replanAt(9, 30, 0)),
			e("Ana Berg", replanAt(9, 30, 0), replanAt(9, 35, 0)),
		}},
		at:   replanAt(9, 35, 0),
		want: []agenda.Segment{cut(qb, 5*time.Minute), qc},
	}, {
		name:   "the last second",
		reason: "at 09:59:59 one second of C is left",
		log:    log,
		at:     replanAt(9, 59, 59),
		want:   []agenda.Segment{cut(qc, time.Second, "Dana Novak", "Ben Okafor")},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := restSession()
			rest, err := balance.Rest(s, tc.log, tc.at)
			if err != nil {
				t.Fatalf("Rest: %v\nreason: %s", err, tc.reason)
			}
			want := restSession()
			want.Slot = timeslot.Slot{Start: tc.at, Length: replanAt(10, 0, 0).Sub(tc.at)}
			want.Segments = tc.want
			if diff := cmp.Diff(want, rest); diff != "" {
				t.Errorf("Rest mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}
			if diff := cmp.Diff(restSession(), s); diff != "" {
				t.Errorf("Rest changed its session (-before +after):\n%s", diff)
			}
		})
	}
}

func TestRestOutsideSlot(t *testing.T) {
	tests := []struct {
		name    string
		reason  string
		session func(*agenda.Session) // changes restSession, if not nil
		at      time.Time
		want    *balance.SessionError
	}{{
		name:   "before",
		reason: "a minute before the slot starts, nothing of it has begun",
		at:     replanAt(8, 59, 0),
		want:   &balance.SessionError{Field: "slot", Value: "2023-10-10 09:00–10:00 UTC", Reason: "the moment 2023-10-10T08:59:00Z is not within the slot"},
	}, {
		name:   "at the end",
		reason: "the slot ends at 10:00; nothing is left then",
		at:     replanAt(10, 0, 0),
		want:   &balance.SessionError{Field: "slot", Value: "2023-10-10 09:00–10:00 UTC", Reason: "the moment 2023-10-10T10:00:00Z is not within the slot"},
	}, {
		name:   "another day",
		reason: "the right clock time on the wrong day",
		at:     replanAt(9, 30, 0).AddDate(0, 0, 1),
		want:   &balance.SessionError{Field: "slot", Value: "2023-10-10 09:00–10:00 UTC", Reason: "the moment 2023-10-11T09:30:00Z is not within the slot"},
	}, {
		name:    "after an unscheduled slot",
		reason:  "a slot with no start is timed from the start: the moment is said so, not as a date of year 1",
		session: func(s *agenda.Session) { s.Slot.Start = time.Time{} },
		at:      time.Time{}.Add(2 * time.Hour),
		want:    &balance.SessionError{Field: "slot", Value: "1h, not scheduled", Reason: "the moment +2h from the start is not within the slot"},
	}, {
		name:    "before an unscheduled slot",
		reason:  "nor before it",
		session: func(s *agenda.Session) { s.Slot.Start = time.Time{} },
		at:      time.Time{}.Add(-time.Minute),
		want:    &balance.SessionError{Field: "slot", Value: "1h, not scheduled", Reason: "the moment −1m from the start is not within the slot"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			session := func() *agenda.Session {
				s := restSession()
				if tc.session != nil {
					tc.session(s)
				}
				return s
			}
			rest, err := balance.Rest(session(), &balance.Log{}, tc.at)
			var got *balance.SessionError
			if !errors.As(err, &got) {
				t.Fatalf("Rest = %v, %v; want a *balance.SessionError\nreason: %s", rest, err, tc.reason)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Rest error mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}
			if _, _, err := balance.Replan(session(), replanPolicy, &balance.Log{}, tc.at); !errors.As(err, &got) {
				t.Errorf("Replan error %v, want a *balance.SessionError", err)
			}
		})
	}
}

// replanSpeeches sums a run-of-show's speeches by name.
func replanSpeeches(ros *agenda.RunOfShow) (map[string]time.Duration, time.Duration) {
	byName := ros.SpeakingTime()
	var total time.Duration
	for _, d := range byName {
		total += d
	}
	return byName, total
}

// replanPast sums what the log says each person said before at.
func replanPast(log *balance.Log, at time.Time) map[string]time.Duration {
	past := map[string]time.Duration{}
	for i, e := range log.Entries {
		if slices.Contains(log.Entries[:i], e) {
			continue // a line written twice counts once
		}
		end := e.End
		if end.After(at) {
			end = at
		}
		if d := end.Sub(e.Start); d > 0 {
			past[e.Name] += d
		}
	}
	return past
}

func TestReplan(t *testing.T) {
	const m = time.Minute
	e := func(name string, start, end time.Time) balance.Entry {
		return balance.Entry{Name: name, Start: start, End: end}
	}
	tests := []struct {
		name     string
		reason   string
		log      *balance.Log
		at       time.Time
		want     map[string]time.Duration // the rest's speeches
		wantFair map[string]time.Duration // what is left of each rest speaker's fair share
		online   time.Duration            // the whole session's online time, in Allocation.Balance
	}{{
		name: "onsite overran",
		reason: "Ana Berg took 13 of A's 20 minutes, Dana Novak 7: online is 3 minutes behind its half of 40. " +
			"The rest gives Eve Tan 13m and Ben Okafor 7m, which evens it out, each within 5 minutes (the spread band) of their 10-minute fair share",
		log:      &balance.Log{Entries: []balance.Entry{e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 13, 0)), e("Dana Novak", replanAt(9, 13, 0), replanAt(9, 20, 0))}},
		at:       replanAt(9, 20, 0),
		want:     map[string]time.Duration{"Ben Okafor": 7 * m, "Eve Tan": 13 * m},
		wantFair: map[string]time.Duration{"Ben Okafor": 10 * m, "Eve Tan": 10 * m},
		online:   20 * m,
	}, {
		name:     "online overran",
		reason:   "Dana Novak took 14 minutes, Ana Berg 6: onsite is 4 minutes behind; Ben Okafor gets 14m, Eve Tan 6m",
		log:      &balance.Log{Entries: []balance.Entry{e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 6, 0)), e("Dana Novak", replanAt(9, 6, 0), replanAt(9, 20, 0))}},
		at:       replanAt(9, 20, 0),
		want:     map[string]time.Duration{"Ben Okafor": 14 * m, "Eve Tan": 6 * m},
		wantFair: map[string]time.Duration{"Ben Okafor": 10 * m, "Eve Tan": 10 * m},
		online:   20 * m,
	}, {
		name: "during the first question",
		reason: "at 09:10 Ana Berg has spoken for 10 minutes: the rest of A, 10 minutes, is Dana Novak's alone, " +
			"and B's 20 minutes are split evenly; the fair share of the whole is (30m left + 10m said) / 4 speakers = 10m, " +
			"none of which the three speakers left have had",
		log:      &balance.Log{Entries: []balance.Entry{e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 10, 0))}},
		at:       replanAt(9, 10, 0),
		want:     map[string]time.Duration{"Dana Novak": 10 * m, "Ben Okafor": 10 * m, "Eve Tan": 10 * m},
		wantFair: map[string]time.Duration{"Dana Novak": 10 * m, "Ben Okafor": 10 * m, "Eve Tan": 10 * m},
		online:   20 * m,
	}, {
		name: "a line written twice",
		reason: "the log repeats Ana Berg's 13 minutes: counted once, as the audit counts it, the rest is that of " +
			"\"onsite overran\", not a re-plan for 26 minutes said",
		log: &balance.Log{Entries: []balance.Entry{e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 13, 0)),
			e("Ana Berg", replanAt(9, 0, 0), replanAt(9, 13, 0)), e("Dana Novak", replanAt(9, 13, 0), replanAt(9, 20, 0))}},
		at:       replanAt(9, 20, 0),
		want:     map[string]time.Duration{"Ben Okafor": 7 * m, "Eve Tan": 13 * m},
		wantFair: map[string]time.Duration{"Ben Okafor": 10 * m, "Eve Tan": 10 * m},
		online:   20 * m,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := replanSession()
			ros, al, err := balance.Replan(s, replanPolicy, tc.log, tc.at)
			if err != nil {
				t.Fatalf("Replan: %v\nreason: %s", err, tc.reason)
			}
			got, total := replanSpeeches(ros)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("speeches of the rest mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}
			fair := map[string]time.Duration{}
			for _, sh := range al.Speakers {
				fair[sh.Name] = sh.Fair
			}
			if diff := cmp.Diff(tc.wantFair, fair); diff != "" {
				t.Errorf("fair shares of the rest mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}

			// The speeches fill the rest's speaking time exactly: the
			// budget of the rest, planned on its own.
			rest, err := balance.Rest(s, tc.log, tc.at)
			if err != nil {
				t.Fatal(err)
			}
			naiveRos, naive, err := balance.Plan(rest, replanPolicy)
			if err != nil {
				t.Fatal(err)
			}
			if total != al.Budget || al.Budget != naive.Budget {
				t.Errorf("speeches add up to %v, budget %v; planning the rest alone gives a budget of %v", total, al.Budget, naive.Budget)
			}
			if ros.Session.Slot != rest.Slot || ros.Unplanned != (timeslot.Span{}) {
				t.Errorf("run-of-show slot %v, unplanned %v; want the rest's %v, none unplanned", ros.Session.Slot, ros.Unplanned, rest.Slot)
			}

			// The whole session's groups, past included, in Balance.
			want := []balance.Group{
				{Group: "online", Speakers: 2, Time: tc.online, TargetTime: 20 * m},
				{Group: "onsite", Speakers: 2, Time: 40*m - tc.online, TargetTime: 20 * m},
			}
			if len(al.Balance) != 1 {
				t.Fatalf("Balance = %+v, want the mode dimension only", al.Balance)
			}
			if diff := cmp.Diff(want, al.Balance[0].Groups); diff != "" {
				t.Errorf("Balance mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}

			// Planning the rest as if nothing had been said leaves the
			// whole session further from parity.
			past := replanPast(tc.log, tc.at)
			naiveTimes, _ := replanSpeeches(naiveRos)
			gap := func(times map[string]time.Duration) time.Duration {
				var online, onsite time.Duration
				for _, p := range s.People {
					switch p.Mode {
					case agenda.ModeOnline:
						online += past[p.Name] + times[p.Name]
					case agenda.ModeOnsite:
						onsite += past[p.Name] + times[p.Name]
					}
				}
				return time.Duration(math.Abs(float64(online - onsite)))
			}
			replanned, planned := gap(got), gap(naiveTimes)
			if replanned > planned || (planned > 0 && replanned == planned) {
				t.Errorf("online–onsite gap of the whole session: %v re-planned, %v planning the rest alone; want the re-plan closer", replanned, planned)
			}
			var fromBalance time.Duration
			for _, g := range al.Balance[0].Groups {
				fromBalance += time.Duration(math.Abs(float64(g.Time - g.TargetTime)))
			}
			if fromBalance != replanned {
				t.Errorf("Balance puts the groups %v from their targets; the speeches and the log, %v", fromBalance, replanned)
			}
		})
	}
}

// TestReplanHardRule checks that a hard rule the past has already broken
// does not make the re-plan fail. Ana Berg spoke all of A's 20 minutes and
// Dana Novak none: parity would need all of B's 20 minutes for Eve Tan,
// but Ben Okafor is owed at least his minimum turn, half an equal share of
// B, 5 minutes. As a strong preference, parity gives Eve Tan the other 15.
func TestReplanHardRule(t *testing.T) {
	const m = time.Minute
	s := replanSession()
	log := &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: replanAt(9, 0, 0), End: replanAt(9, 20, 0)}}}
	at := replanAt(9, 20, 0)

	ros, al, err := balance.Replan(s, replanPolicy, log, at)
	if err != nil {
		t.Fatalf("Replan with a broken hard rule: %v", err)
	}
	got, _ := replanSpeeches(ros)
	if diff := cmp.Diff(map[string]time.Duration{"Ben Okafor": 5 * m, "Eve Tan": 15 * m}, got); diff != "" {
		t.Errorf("speeches mismatch (-want +got):\n%s", diff)
	}
	want := []balance.Balance{{
		Dimension: balance.Dimension{By: balance.ByMode, Weight: 10000}, // hard, so ten thousand times its weight in a re-plan
		Groups: []balance.Group{
			{Group: "online", Speakers: 2, Time: 15 * m, TargetTime: 20 * m},
			{Group: "onsite", Speakers: 2, Time: 25 * m, TargetTime: 20 * m},
		},
		Counted: 4, // Ana Berg, who spoke before and will not again, among them
	}}
	if diff := cmp.Diff(want, al.Balance); diff != "" {
		t.Errorf("Balance mismatch (-want +got):\n%s", diff)
	}

	// The softening is Replan's own: the caller's policy keeps its hard rule.
	if !replanPolicy.Dimensions[0].Hard {
		t.Errorf("Replan changed the caller's policy: %+v", replanPolicy.Dimensions)
	}
}

// TestReplanErrors checks that a session the planner cannot work with is
// still refused.
func TestReplanErrors(t *testing.T) {
	s := replanSession()
	s.Segments[1].Speakers = append(s.Segments[1].Speakers, "Nobody")
	_, _, err := balance.Replan(s, replanPolicy, &balance.Log{}, replanAt(9, 20, 0))
	var se *balance.SessionError
	if !errors.As(err, &se) {
		t.Fatalf("Replan with an unknown speaker: %v, want a *balance.SessionError", err)
	}
	want := &balance.SessionError{Field: "segments[1].speakers[2]", Value: "Nobody", Reason: "not among the session's people"}
	if diff := cmp.Diff(want, se); diff != "" {
		t.Errorf("error mismatch (-want +got):\n%s", diff)
	}
}

// TestReplanLeftOut: a re-plan's balance counts the whole session's
// speakers, with what they said before, in every row it shows: those whose
// region is no UN regional group and those who give none, as much as those
// of the targets' groups. Ana Berg (an intergovernmental organization) and
// Dana Novak (no region) spoke on A and will not again; Eve Tan (an
// intergovernmental organization) and Ben Okafor (WEOG) speak on B.
func TestReplanLeftOut(t *testing.T) {
	const m = time.Minute
	s := replanSession()
	for i, region := range []agenda.Region{"", "Intergovernmental Organization", "", "WEOG", "Intergovernmental Organization"} {
		s.People[i].Region = region
	}
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: replanAt(9, 0, 0), End: replanAt(9, 12, 0)},
		{Name: "Dana Novak", Start: replanAt(9, 12, 0), End: replanAt(9, 20, 0)},
	}}
	p := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByRegion}}}
	_, al, err := balance.Replan(s, p, log, replanAt(9, 20, 0))
	if err != nil {
		t.Fatal(err)
	}
	rest := map[string]time.Duration{}
	for _, sh := range al.Speakers {
		rest[sh.Name] = sh.Time
	}
	if len(rest) != 2 || rest["Ben Okafor"]+rest["Eve Tan"] != 20*m {
		t.Fatalf("the rest's speakers: %v, want Ben Okafor and Eve Tan sharing 20m", rest)
	}
	region := al.Balance[1]
	want := balance.Balance{
		Dimension: p.Dimensions[1],
		Groups: []balance.Group{
			{Group: "Intergovernmental Organization", Speakers: 2, Time: 12*m + rest["Eve Tan"], Outside: true},
			{Group: "WEOG", Speakers: 1, Time: rest["Ben Okafor"], TargetTime: rest["Ben Okafor"]},
		},
		Counted: 1, Unknown: 1, UnknownTime: 8 * m,
	}
	if diff := cmp.Diff(want, region); diff != "" {
		t.Errorf("region mismatch (-want +got):\n%s", diff)
	}
	mode := al.Balance[0]
	if n := mode.Counted + mode.Unknown; n != 4 {
		t.Errorf("mode counts %d speakers and %d without a mode, want the session's 4", mode.Counted, mode.Unknown)
	}
}

// TestReplanNoDimensions: a policy that balances nothing, an empty list of
// dimensions, re-plans balancing nothing, as Allocate plans, rather than by
// the default dimensions with their hard rule.
func TestReplanNoDimensions(t *testing.T) {
	p := balance.Policy{Dimensions: []balance.Dimension{}}
	log := &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: replanAt(9, 0, 0), End: replanAt(9, 20, 0)}}}
	_, al, err := balance.Replan(replanSession(), p, log, replanAt(9, 20, 0))
	if err != nil {
		t.Fatalf("Replan balancing nothing: %v", err)
	}
	if len(al.Balance) != 0 {
		t.Errorf("Replan balancing nothing balances %d dimensions", len(al.Balance))
	}
}

// TestReplanAtTheStart re-plans an unscheduled session, whose clock starts
// at the zero time, at its start: nothing has been said by then, whatever
// the log records after it, so every speaker has their whole fair share
// left, as in a plan of the whole session.
func TestReplanAtTheStart(t *testing.T) {
	s := replanSession()
	s.Slot.Start = time.Time{}
	start := time.Time{}
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: start, End: start.Add(13 * time.Minute)},
		{Name: "Dana Novak", Start: start.Add(13 * time.Minute), End: start.Add(20 * time.Minute)},
	}}
	_, al, err := balance.Replan(s, replanPolicy, log, start)
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range al.Speakers {
		if sh.Fair != 10*time.Minute || sh.Time != 10*time.Minute {
			t.Errorf("%s: %v of a fair share of %v left; want 10m of 10m, as nothing was said before the start", sh.Name, sh.Time, sh.Fair)
		}
	}
}

// TestReplanUnderWayNotOpenedAgain checks a re-plan in the middle of a
// segment: its moderator has opened it already, so the rest of it goes on
// with the next speaker, with no intro again, and the segments after it
// open as planned.
func TestReplanUnderWayNotOpenedAgain(t *testing.T) {
	s := replanSession()
	p := replanPolicy
	p.Intro = time.Minute
	log := &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: replanAt(9, 1, 0), End: replanAt(9, 10, 0)}}}
	ros, al, err := balance.Replan(s, p, log, replanAt(9, 10, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(ros.Segments) != 2 {
		t.Fatalf("the rest has %d segments, want the rest of A and B", len(ros.Segments))
	}
	first := ros.Segments[0]
	if t0 := first.Turns[0]; t0.Kind != "speech" || t0.Person != "Dana Novak" || !t0.Start.Equal(replanAt(9, 10, 0)) {
		t.Errorf("the rest of A begins with %+v, want Dana Novak's speech at 09:10, not an intro", t0)
	}
	var sum time.Duration
	for _, turn := range first.Turns {
		sum += turn.Length()
	}
	if sum != 10*time.Minute || al.Segments[0].Speaking != 10*time.Minute {
		t.Errorf("the rest of A's turns add up to %v, its speaking time %v; want all of its 10 minutes", sum, al.Segments[0].Speaking)
	}
	if t0 := ros.Segments[1].Turns[0]; t0.Kind != "moderation" || t0.Length() != time.Minute {
		t.Errorf("B begins with %+v, want its 1-minute intro", t0)
	}
}

// TestReplanParallelUnderWay checks a re-plan during two breakouts that run
// side by side: both are under way, and neither is opened again.
func TestReplanParallelUnderWay(t *testing.T) {
	s := replanSession()
	s.People = append(s.People, agenda.Person{Name: "Facilitator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline})
	s.Segments = []agenda.Segment{
		{Title: "Breakout: policy", Kind: "breakout", Length: 20 * time.Minute, Track: "Policy", Speakers: []string{"Ana Berg", "Dana Novak"}, Facilitators: []string{"Moderator"}},
		{Title: "Breakout: practice", Kind: "breakout", Length: 20 * time.Minute, Track: "Practice", Speakers: []string{"Ben Okafor", "Eve Tan"}, Facilitators: []string{"Facilitator"}},
		replanQuestion("B", "Ana Berg", "Ben Okafor"),
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("the session is not valid: %v", err)
	}
	p := replanPolicy
	p.Intro = time.Minute
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: replanAt(9, 1, 0), End: replanAt(9, 8, 0)},
		{Name: "Ben Okafor", Start: replanAt(9, 1, 0), End: replanAt(9, 8, 0)},
	}}
	ros, _, err := balance.Replan(s, p, log, replanAt(9, 8, 0))
	if err != nil {
		t.Fatal(err)
	}
	for i, seg := range ros.Segments {
		first := seg.Turns[0]
		if opened := first.Kind == "moderation"; opened != (i == 2) {
			t.Errorf("segment %d (%s) begins with %+v; want an intro only in the one not yet begun", i, s.Segments[i].Title, first)
		}
	}
}
