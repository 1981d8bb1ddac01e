package balance_test

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// explainSpeaker is a speaker of the sessions below.
func explainSpeaker(name string, mode agenda.Mode, region agenda.Region) agenda.Person {
	return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode, Region: region, Stakeholder: agenda.Stakeholder("Civil Society")}
}

// explainSession is a valid hybrid session: a 5-minute opening (segment 0)
// and a panel (segment 1) of the given length in which the speakers speak,
// with a moderator onsite and another online.
func explainSession(panel time.Duration, speakers ...agenda.Person) *agenda.Session {
	s := &agenda.Session{
		Title:  "Explained",
		Format: agenda.FormatHybrid,
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: panel, Facilitators: []string{"Moderator", "Online moderator"}},
		},
	}
	s.People = append(s.People, speakers...)
	for _, p := range speakers {
		s.Segments[1].Speakers = append(s.Segments[1].Speakers, p.Name)
	}
	s.Slot.Length = 5*time.Minute + panel
	return s
}

// explainInfeasibles returns every *InfeasibleError in err's tree, in order.
func explainInfeasibles(err error) []*balance.InfeasibleError {
	var out []*balance.InfeasibleError
	var walk func(error)
	walk = func(err error) {
		if e, ok := err.(*balance.InfeasibleError); ok {
			out = append(out, e)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// conflict is the part of an InfeasibleError that names what is in conflict.
type conflict struct {
	People   []string
	Groups   []string
	Segments []int
	Need     time.Duration
	Have     time.Duration
}

// TestExplainInfeasible builds one session and policy for each kind of
// conflict Allocate explains, and checks what the explanation names and
// that its reason and fix give the minutes.
func TestExplainInfeasible(t *testing.T) {
	const (
		onsite, online = agenda.ModeOnsite, agenda.ModeOnline
		weog           = "WEOG"
	)
	for _, tt := range []struct {
		name      string
		reason    string
		session   *agenda.Session
		policy    balance.Policy
		want      conflict
		reasonHas []string // what the reason must say, such as the minutes
		fixHas    []string
	}{{
		name:   "segment overhead",
		reason: "the intro (5m), three hand-overs (1m, 1m, 2m online) and audience questions (10m) take 19m of a 15m panel",
		session: explainSession(15*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", onsite, weog), explainSpeaker("Cai", online, weog)),
		policy:    balance.Policy{Intro: 5 * time.Minute, Handover: time.Minute, OnlineHandover: 2 * time.Minute, Audience: 10 * time.Minute},
		want:      conflict{Segments: []int{1}, Need: 19 * time.Minute, Have: 15 * time.Minute},
		reasonHas: []string{`"Panel"`, "15m", "19m"},
		fixHas:    []string{"lengthen the segment by 4m"},
	}, {
		name:   "minimum above the segment",
		reason: "Ana must speak 25m in a panel with 20m of speaking time",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog)),
		policy:    balance.Policy{People: map[string]balance.Limits{"Ana": {Min: 25 * time.Minute}}},
		want:      conflict{People: []string{"Ana"}, Need: 25 * time.Minute, Have: 20 * time.Minute},
		reasonHas: []string{"Ana", "25m", "20m"},
		fixHas:    []string{"lower the minimum of Ana to 20m"},
	}, {
		name: "minimums above the segment",
		reason: "four speakers with 5m each need 20m; the panel's 20m less a 2m intro and 4m of questions leaves 14m: " +
			"6m short, or 3m30s each",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog),
			explainSpeaker("Cai", onsite, weog), explainSpeaker("Dov", online, weog)),
		policy: balance.Policy{Min: 5 * time.Minute, Intro: 2 * time.Minute, Audience: 4 * time.Minute},
		want: conflict{People: []string{"Ana", "Ben", "Cai", "Dov"}, Segments: []int{1},
			Need: 20 * time.Minute, Have: 14 * time.Minute},
		reasonHas: []string{`"Panel"`, "4 speakers", "20m", "14m"},
		fixHas:    []string{"by 6m", "lower the minimums of Ana, Ben, Cai and Dov by 6m in all"},
	}, {
		name: "minimums of some above the segment",
		reason: "two speakers with 7m each and two at their least turns of 1m30s need 17m of the panel's 14m: " +
			"the fix names the two minimums, not a minimum for all four that would raise the others'",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog),
			explainSpeaker("Cai", onsite, weog), explainSpeaker("Dov", online, weog)),
		policy: balance.Policy{Intro: 2 * time.Minute, Audience: 4 * time.Minute,
			People: map[string]balance.Limits{"Dov": {Min: 7 * time.Minute}, "Ben": {Min: 7 * time.Minute}}},
		want: conflict{People: []string{"Ana", "Ben", "Cai", "Dov"}, Segments: []int{1},
			Need: 17 * time.Minute, Have: 14 * time.Minute},
		reasonHas: []string{`"Panel"`, "4 speakers", "17m", "14m"},
		fixHas:    []string{"by 3m", "lower the minimums of Ben and Dov by 3m in all"},
	}, {
		name: "minimums above the segment even at their least turns",
		reason: "least turns of 4m for four speakers already pass the 12m panel, and Ben's minimum of 6m is 2m above his: " +
			"lowering his minimum by what it is above his least turn is not enough, and the fix says so",
		session: explainSession(12*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog),
			explainSpeaker("Cai", onsite, weog), explainSpeaker("Dov", online, weog)),
		policy: balance.Policy{MinTurn: 4 * time.Minute, People: map[string]balance.Limits{"Ben": {Min: 6 * time.Minute}}},
		want: conflict{People: []string{"Ana", "Ben", "Cai", "Dov"}, Segments: []int{1},
			Need: 18 * time.Minute, Have: 12 * time.Minute},
		reasonHas: []string{`"Panel"`, "18m", "12m"},
		fixHas:    []string{"lengthen it by 6m", "lower the minimum of Ben by 2m, to their least turns, and MinTurn"},
	}, {
		name:   "maximums below the segment",
		reason: "three speakers of at most 5m cannot fill a 20m panel",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog), explainSpeaker("Cai", onsite, weog)),
		policy:    balance.Policy{Max: 5 * time.Minute},
		want:      conflict{People: []string{"Ana", "Ben", "Cai"}, Segments: []int{1}, Need: 20 * time.Minute, Have: 15 * time.Minute},
		reasonHas: []string{`"Panel"`, "3 speakers", "15m", "20m"},
		fixHas:    []string{"raise the maximum of its 3 speakers to 7m", "5m more"},
	}, {
		name:   "maximums below the segment in whole steps",
		reason: "maximums of 5m15s are 5m in steps of 30s: three of them cannot fill a 20m panel, and the reason says why 15m, not 15m45s",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog), explainSpeaker("Cai", onsite, weog)),
		policy:    balance.Policy{Max: 5*time.Minute + 15*time.Second},
		want:      conflict{People: []string{"Ana", "Ben", "Cai"}, Segments: []int{1}, Need: 20 * time.Minute, Have: 15 * time.Minute},
		reasonHas: []string{"add up to 15m", "a maximum counts in whole steps of 30s: 5m15s is 5m"},
		fixHas:    []string{"raise the maximum of its 3 speakers to 7m"},
	}, {
		name:      "the only speaker of a segment, over a maximum in whole steps",
		reason:    "Ana alone in a 20m panel may speak 9m50s, which is 9m30s in steps of 30s",
		session:   explainSession(20*time.Minute, explainSpeaker("Ana", onsite, weog)),
		policy:    balance.Policy{MinTurn: time.Minute, People: map[string]balance.Limits{"Ana": {Max: 9*time.Minute + 50*time.Second}}},
		want:      conflict{People: []string{"Ana"}, Segments: []int{1}, Need: 20 * time.Minute, Have: 9*time.Minute + 30*time.Second},
		reasonHas: []string{"at most 9m30s", "9m50s is 9m30s"},
		fixHas:    []string{"raise Ana's maximum to 20m"},
	}, {
		name:      "least turns over a maximum in whole steps",
		reason:    "Ana's least turn of 10m is more than her maximum of 9m50s, which is 9m30s in steps of 30s",
		session:   explainSession(20*time.Minute, explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", onsite, weog)),
		policy:    balance.Policy{MinTurn: 10 * time.Minute, People: map[string]balance.Limits{"Ana": {Max: 9*time.Minute + 50*time.Second}}},
		want:      conflict{People: []string{"Ana"}, Need: 10 * time.Minute, Have: 9*time.Minute + 30*time.Second},
		reasonHas: []string{"more than their maximum, 9m30s", "9m50s is 9m30s"},
		fixHas:    []string{"raise the maximum of Ana to 10m"},
	}, {
		name: "online speaker alone in a segment",
		reason: "Dov, the only online speaker, has all of a 10m remote keynote and at least a least turn of 2m30s of the panel: " +
			"12m30s, where parity by headcount allows a quarter of 30m; the fix is 5m less or a tolerance of 16.7%, " +
			"not what his least turns alone would say",
		session: func() *agenda.Session {
			s := explainSession(20*time.Minute,
				explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", onsite, weog),
				explainSpeaker("Cai", onsite, weog), explainSpeaker("Dov", online, weog))
			s.Segments = append(s.Segments, agenda.Segment{Title: "Remote keynote", Kind: "discussion", Length: 10 * time.Minute,
				Speakers: []string{"Dov"}, Facilitators: []string{"Online moderator"}})
			s.Slot.Length += 10 * time.Minute
			return s
		}(),
		policy:    balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}},
		want:      conflict{People: []string{"Dov"}, Groups: []string{"mode online"}, Need: 12*time.Minute + 30*time.Second, Have: 7*time.Minute + 30*time.Second},
		reasonHas: []string{"at least 12m30s", "at most 7m30s"},
		fixHas:    []string{"5m less", "16.7%"},
	}, {
		name: "hard mode rule out of reach",
		reason: "parity wants 10m of the 20m online, but the two online speakers may speak 3m each: " +
			"4m short, or 20% of tolerance",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog),
			explainSpeaker("Cai", onsite, weog), explainSpeaker("Dov", online, weog)),
		policy: balance.Policy{
			Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}},
			People:     map[string]balance.Limits{"Ben": {Max: 3 * time.Minute}, "Dov": {Max: 3 * time.Minute}},
		},
		want: conflict{People: []string{"Ben", "Dov"}, Groups: []string{"mode online"},
			Need: 10 * time.Minute, Have: 6 * time.Minute},
		reasonHas: []string{"the 2 online speakers (Ben and Dov) can have at most 6m", "10m", "20m"},
		fixHas:    []string{"give the 2 online speakers 4m more", "20%"},
	}, {
		name: "names in the order of the people where names are hidden",
		reason: "in a session whose outputs show no names, an output calls Zoe and Ben by their places among the people: " +
			"sorted by name, the order of those places would tell how the hidden names sort",
		session: func() *agenda.Session {
			s := explainSession(20*time.Minute,
				explainSpeaker("Ana", onsite, weog), explainSpeaker("Zoe", online, weog),
				explainSpeaker("Cai", onsite, weog), explainSpeaker("Ben", online, weog))
			s.Attribution = "unattributed"
			return s
		}(),
		policy: balance.Policy{
			Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}},
			People:     map[string]balance.Limits{"Ben": {Max: 3 * time.Minute}, "Zoe": {Max: 3 * time.Minute}},
		},
		want: conflict{People: []string{"Zoe", "Ben"}, Groups: []string{"mode online"},
			Need: 10 * time.Minute, Have: 6 * time.Minute},
		reasonHas: []string{"the 2 online speakers (Zoe and Ben) can have at most 6m"},
	}, {
		name:   "explicit share of an empty group",
		reason: "half the time for the African Group, within 5%, but every speaker is WEOG: it needs 45% of 20m, 9m",
		session: explainSession(20*time.Minute,
			explainSpeaker("Ana", onsite, weog), explainSpeaker("Ben", online, weog), explainSpeaker("Cai", onsite, weog)),
		policy: balance.Policy{Dimensions: []balance.Dimension{{
			By: balance.ByRegion, Target: "explicit", Hard: true, Tolerance: 0.05,
			Shares: map[string]float64{"African Group": 0.5, "WEOG": 0.5},
		}}},
		want:      conflict{Groups: []string{"region African Group"}, Need: 9 * time.Minute},
		reasonHas: []string{"no speaker is from the African Group", "the African Group speakers", "20m"},
		fixHas:    []string{"add a speaker who is from the African Group", "5%"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.session.Validate(); err != nil {
				t.Fatalf("the session is not valid: %v", err)
			}
			al, err := balance.Allocate(tt.session, tt.policy)
			if err == nil {
				t.Fatalf("Allocate = %+v, want an error (%s)", al, tt.reason)
			}
			if !errors.Is(err, balance.ErrInfeasible) {
				t.Errorf("errors.Is(%v, ErrInfeasible) = false, want true", err)
			}
			var ie *balance.InfeasibleError
			if !errors.As(err, &ie) {
				t.Fatalf("errors.As(%v, *InfeasibleError) = false, want true", err)
			}
			all := explainInfeasibles(err)
			if len(all) != 1 {
				t.Errorf("Allocate explains %d conflicts, want 1: %v", len(all), err)
			}
			got := conflict{People: ie.People, Groups: ie.Groups, Segments: ie.Segments, Need: ie.Need, Have: ie.Have}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("conflict: mismatch (-want +got):\n%s(%s)", diff, tt.reason)
			}
			for _, s := range tt.reasonHas {
				if !strings.Contains(ie.Reason, s) {
					t.Errorf("Reason %q does not mention %q (%s)", ie.Reason, s, tt.reason)
				}
			}
			for _, s := range tt.fixHas {
				if !strings.Contains(ie.Fix, s) {
					t.Errorf("Fix %q does not mention %q (%s)", ie.Fix, s, tt.reason)
				}
			}
			if want := "balance: infeasible: " + ie.Reason + "; " + ie.Fix; ie.Error() != want {
				t.Errorf("Error() = %q, want %q", ie.Error(), want)
			}
			if !strings.HasPrefix(err.Error(), "balance: ") {
				t.Errorf("Allocate's error %q does not start with %q", err, "balance: ")
			}
		})
	}
}

// TestExplainPolicyError checks that a malformed policy is a *PolicyError
// naming the field and value, not an infeasible one.
func TestExplainPolicyError(t *testing.T) {
	session := func() *agenda.Session {
		return explainSession(20*time.Minute,
			explainSpeaker("Ana", agenda.ModeOnsite, "WEOG"), explainSpeaker("Ben", agenda.ModeOnline, "GRULAC"))
	}
	for _, tt := range []struct {
		name   string
		reason string
		policy balance.Policy
		want   *balance.PolicyError
	}{{
		name:   "negative Min",
		reason: "a bound below zero means nothing",
		policy: balance.Policy{Min: -time.Minute},
		want:   &balance.PolicyError{Field: "Min", Value: "-1m0s", Reason: "must not be negative"},
	}, {
		name:   "negative personal Min",
		reason: "the same holds for one person's bounds",
		policy: balance.Policy{People: map[string]balance.Limits{"Ana": {Min: -time.Minute}}},
		want:   &balance.PolicyError{Field: `People["Ana"].Min`, Value: "-1m0s", Reason: "must not be negative"},
	}, {
		name:   "infinite personal share",
		reason: "the field named is the one that is wrong, with its value",
		policy: balance.Policy{People: map[string]balance.Limits{"Ana": {Max: time.Hour, Share: math.Inf(1)}}},
		want:   &balance.PolicyError{Field: `People["Ana"].Share`, Value: "+Inf", Reason: "must be a finite number, not negative"},
	}, {
		name:   "unknown By",
		reason: "age is a label, not a built-in grouping",
		policy: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode}, {By: "age"}}},
		want:   &balance.PolicyError{Field: "Dimensions[1].By", Value: "age", Reason: "want mode, stakeholder, region, gender or label"},
	}, {
		name:   "explicit shares not adding up to 1",
		reason: "three quarters of the time leaves a quarter for nobody",
		policy: balance.Policy{Dimensions: []balance.Dimension{{
			By: balance.ByRegion, Target: "explicit", Shares: map[string]float64{"WEOG": 0.5, "GRULAC": 0.25},
		}}},
		want: &balance.PolicyError{Field: "Dimensions[0].Shares", Value: "0.75", Reason: "explicit shares must add up to 1"},
	}, {
		name:   "duplicate dimension",
		reason: "a dimension given twice, with different weights, is ambiguous",
		policy: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByRegion}, {By: balance.ByStakeholder}, {By: balance.ByRegion, Weight: 2}}},
		want:   &balance.PolicyError{Field: "Dimensions[2]", Value: "region", Reason: "dimension given twice"},
	}, {
		name:   "step of 1.5s",
		reason: "speeches are whole seconds",
		policy: balance.Policy{Step: 1500 * time.Millisecond},
		want:   &balance.PolicyError{Field: "Step", Value: "1.5s", Reason: "must be a whole number of seconds, at least one"},
	}, {
		name:   "People naming a stranger",
		reason: "bounds for someone not in the session are a typo",
		policy: balance.Policy{People: map[string]balance.Limits{"Ana": {Min: time.Minute}, "Zed": {Max: time.Minute}}},
		want:   &balance.PolicyError{Field: "People", Value: "Zed", Reason: "not among the session's people"},
	}, {
		name:   "People naming a person twice",
		reason: "two limits for one person, written in two cases, contradict each other: the first two names in order are reported",
		policy: balance.Policy{People: map[string]balance.Limits{"ana": {Min: time.Minute}, "Ana": {Max: time.Minute}, "ANA": {}, "Ben": {}}},
		want:   &balance.PolicyError{Field: "People", Value: "ANA", Reason: `the same person as "Ana"`},
	}, {
		name:   "People naming strangers twice",
		reason: "a stranger named in two cases is reported as a stranger, the first name in order",
		policy: balance.Policy{People: map[string]balance.Limits{"zed": {}, "Zed": {}, "Ana": {}}},
		want:   &balance.PolicyError{Field: "People", Value: "Zed", Reason: "not among the session's people"},
	}, {
		name:   "First naming a stranger",
		reason: "a pin for someone not in the session is a typo too",
		policy: balance.Policy{First: []string{"Zed"}},
		want:   &balance.PolicyError{Field: "First/Last", Value: "Zed", Reason: "not among the session's people"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := balance.Allocate(session(), tt.policy)
			var got *balance.PolicyError
			if !errors.As(err, &got) {
				t.Fatalf("Allocate = %v, want a *PolicyError (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PolicyError: mismatch (-want +got):\n%s(%s)", diff, tt.reason)
			}
			if errors.Is(err, balance.ErrInfeasible) {
				t.Errorf("errors.Is(%v, ErrInfeasible) = true, want false", err)
			}
			if !strings.HasPrefix(err.Error(), "balance: policy ") {
				t.Errorf("Error() = %q, want it to start with %q", err, "balance: policy ")
			}
		})
	}
}

// TestExplainSessionError checks that a segment naming a speaker who is not
// among the session's people is a *SessionError with the field path.
func TestExplainSessionError(t *testing.T) {
	s := explainSession(20*time.Minute,
		explainSpeaker("Ana", agenda.ModeOnsite, "WEOG"), explainSpeaker("Ben", agenda.ModeOnline, "GRULAC"))
	s.Segments[1].Speakers = append(s.Segments[1].Speakers, "Ghost")
	_, err := balance.Allocate(s, balance.Policy{})
	var got *balance.SessionError
	if !errors.As(err, &got) {
		t.Fatalf("Allocate = %v, want a *SessionError", err)
	}
	want := &balance.SessionError{Field: "segments[1].speakers[2]", Value: "Ghost", Reason: "not among the session's people"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SessionError: mismatch (-want +got):\n%s", diff)
	}
	if errors.Is(err, balance.ErrInfeasible) {
		t.Errorf("errors.Is(%v, ErrInfeasible) = true, want false", err)
	}
	if want := `balance: session segments[1].speakers[2] "Ghost": not among the session's people`; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
}

// TestExplainMinTurns checks that a speaker whose least turns add up to
// more than their maximum is explained by the turns, not by a minimum of
// 0s that nobody gave.
func TestExplainMinTurns(t *testing.T) {
	a := explainSpeaker("A", agenda.ModeOnsite, agenda.Region("WEOG"))
	b := explainSpeaker("B", agenda.ModeOnline, agenda.Region("GRULAC"))
	s := explainSession(10*time.Minute, a, b)
	for _, title := range []string{"Second", "Third"} {
		s.Segments = append(s.Segments, agenda.Segment{Title: title, Kind: "discussion", Length: 10 * time.Minute,
			Speakers: []string{"A", "B"}, Facilitators: []string{"Moderator"}})
		s.Slot.Length += 10 * time.Minute
	}
	_, err := balance.Allocate(s, balance.Policy{MinTurn: time.Minute, People: map[string]balance.Limits{"A": {Max: 2 * time.Minute}}})
	errs := explainInfeasibles(err)
	if len(errs) != 1 {
		t.Fatalf("want one infeasibility, got %v", err)
	}
	e := errs[0]
	if e.Need != 3*time.Minute || e.Have != 2*time.Minute {
		t.Errorf("need %v, have %v; want 3m and 2m", e.Need, e.Have)
	}
	for _, want := range []string{"A must speak at least 3m (the least turn of each of their 3 speaking segments), more than their maximum, 2m",
		"lower MinTurn or the segments' least turns", "raise the maximum of A to 3m"} {
		if !strings.Contains(e.Error(), want) {
			t.Errorf("error %q lacks %q", e.Error(), want)
		}
	}
	if !errors.Is(err, balance.ErrInfeasible) {
		t.Errorf("errors.Is(%v, ErrInfeasible) = false", err)
	}
}

// TestNilSession checks that a nil session is an error, not a panic, for
// every function that takes one.
func TestNilSession(t *testing.T) {
	var p balance.Policy
	_, err1 := balance.Allocate(nil, p)
	_, _, err2 := balance.Plan(nil, p)
	_, err3 := balance.DraftReport(nil, p)
	_, err4 := balance.PlanReport(nil, p)
	_, err5 := balance.PlanReport(&agenda.RunOfShow{}, p)
	_, err6 := balance.Rest(nil, nil, time.Time{})
	_, _, err7 := balance.Replan(nil, p, nil, time.Time{})
	_, err8 := balance.AuditLog(nil, nil, p, nil)
	for i, err := range []error{err1, err2, err3, err4, err5, err6, err7, err8} {
		if !errors.Is(err, balance.ErrNoSession) {
			t.Errorf("call %d: %v, want ErrNoSession", i+1, err)
		}
	}
}

// TestExplainTwoGroupsFixSuffices checks that of a hard rule over two
// groups, whose conflicts are one seen from either side, the side told is
// the one whose fix is enough: Dov, online, may speak 2m, but the onsite
// minimums leave him 1m, so widening the tolerance to what his own
// maximum needs (20%) is not enough, and what the onsite side needs
// (22.5%) is.
func TestExplainTwoGroupsFixSuffices(t *testing.T) {
	s := explainSession(40*time.Minute,
		explainSpeaker("Ana", agenda.ModeOnsite, "WEOG"), explainSpeaker("Ben", agenda.ModeOnsite, "WEOG"),
		explainSpeaker("Cai", agenda.ModeOnsite, "WEOG"), explainSpeaker("Dov", agenda.ModeOnline, "WEOG"))
	p := balance.Policy{MinTurn: 30 * time.Second,
		Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.1}},
		People: map[string]balance.Limits{"Ana": {Min: 13 * time.Minute}, "Ben": {Min: 13 * time.Minute},
			"Cai": {Min: 13 * time.Minute}, "Dov": {Max: 2 * time.Minute}}}
	_, err := balance.Allocate(s, p)
	es := explainInfeasibles(err)
	if len(es) != 1 {
		t.Fatalf("want one conflict told, got %v", err)
	}
	m := regexp.MustCompile(`widen the tolerance to ([0-9.]+)%`).FindStringSubmatch(es[0].Fix)
	if m == nil {
		t.Fatalf("the fix %q asks for no tolerance", es[0].Fix)
	}
	tol, _ := strconv.ParseFloat(m[1], 64)
	p.Dimensions[0].Tolerance = tol / 100
	if _, err := balance.Allocate(s, p); err != nil {
		t.Errorf("the fix told, a tolerance of %v%%, is not enough: %v", m[1], err)
	}
}
