package balance_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// fuzzPolicies are the policies FuzzPlanSession plans every session under:
// the default, the examples' promise, and one with every kind of time kept,
// a label and gender, headcount targets, bounds and a coarse step.
var fuzzPolicies = []balance.Policy{
	{},
	promise,
	{
		Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.1}, {By: balance.ByGender, Target: "headcount"},
			{By: balance.ByLabel, Label: "age", Weight: 2}, {By: balance.ByRegion, Target: "explicit", Shares: map[string]float64{"WEOG": 0.2, "African Group": 0.8}}},
		Min: time.Minute, Max: 20 * time.Minute, Step: time.Minute,
		Intro: 30 * time.Second, Handover: 10 * time.Second, OnlineHandover: 20 * time.Second, Audience: time.Minute,
		Speaking: []agenda.SegmentKind{"discussion", "plenary"},
	},
}

// fuzzConstraints are the constraints FuzzPlanSession checks every report
// against.
var fuzzConstraints = []balance.Constraint{
	{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
	{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4},
	{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55},
	{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 1},
	{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "age", Min: 2},
}

// FuzzPlanSession plans whatever agenda.Decode reads, valid or not, as
// runofshow does with a file it is given: Plan, DraftReport, PlanReport and
// Check must never panic, and fail only with the errors they document. A
// session that Validate passes must plan, or be infeasible, never be a
// *SessionError; and its plan must fill every segment exactly, with
// speeches of whole steps adding up to the budget.
func FuzzPlanSession(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "seeds", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		`{}`, `null`,
		`{"format":"hybrid","slot":{"length":"30m"},"people":[{"name":"M","roles":["moderator"],"mode":"onsite"},{"name":"O","roles":["online moderator"],"mode":"online"},` +
			`{"name":"A","roles":["speaker"],"mode":"online","labels":{"age":"youth"},"gender":"Woman"},{"name":"B","roles":["speaker"],"mode":"onsite","private":["gender","region"],"region":"WEOG"}],` +
			`"segments":[{"title":"Panel","kind":"discussion","length":"30m","speakers":["A","b","A"],"facilitators":["M","O"]}]}`,
		`{"format":"onsite","segments":[{"title":"x","kind":"discussion","length":"1m","speakers":["nobody"]}]}`,
		`{"format":"hybrid","people":[{"name":"A","roles":["speaker"]}],"segments":[{"title":"x","kind":"discussion","length":"0s","speakers":["A"]},{"title":"y","kind":"poll","length":"2562047h","speakers":["A"]}]}`,
		`{"format":"online","people":[{"name":"A","roles":["speaker"]},{"name":"a","roles":["speaker"]}],"segments":[{"title":"x","kind":"discussion","length":"1.5s","speakers":["a","A"],"track":"1"},{"title":"y","kind":"discussion","length":"1m","speakers":["A"],"track":"2"}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := agenda.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		valid := s.Validate() == nil
		for _, p := range fuzzPolicies {
			ros, al, err := balance.Plan(s, p)
			if err != nil {
				var inf *balance.InfeasibleError
				var pe *balance.PolicyError
				var se *balance.SessionError
				switch {
				case errors.As(err, &se) && valid:
					t.Fatalf("Plan of a valid session: %v", err)
				case errors.As(err, &pe):
					t.Fatalf("Plan: the policy %+v: %v", p, err)
				case !errors.As(err, &inf) && !errors.As(err, &se):
					t.Fatalf("Plan: untyped error %T: %v", err, err)
				}
			} else {
				if valid {
					fuzzCheckPlan(t, s, ros, al)
				}
				report, err := balance.PlanReport(ros, p)
				if err != nil {
					t.Fatalf("PlanReport of a plan: %v", err)
				}
				fuzzCheckReport(t, report)
			}
			draft, err := balance.DraftReport(s, p)
			if err != nil {
				var se *balance.SessionError
				var inf *balance.InfeasibleError
				if !errors.As(err, &se) && !errors.As(err, &inf) {
					t.Fatalf("DraftReport: %T %v", err, err)
				}
				if valid && se != nil {
					t.Fatalf("DraftReport of a valid session: %v", err)
				}
				continue
			}
			fuzzCheckReport(t, draft)
		}
	})
}

// fuzzCheckPlan checks that a plan fills every segment exactly, with
// speeches of whole steps that add up to the budget.
func fuzzCheckPlan(t *testing.T, s *agenda.Session, ros *agenda.RunOfShow, al *balance.Allocation) {
	t.Helper()
	if len(ros.Segments) != len(s.Segments) {
		t.Fatalf("%d segments planned of %d", len(ros.Segments), len(s.Segments))
	}
	var speech time.Duration
	for i, seg := range ros.Segments {
		var sum time.Duration
		for _, turn := range seg.Turns {
			if turn.Length() < 0 {
				t.Fatalf("segment %d: a turn of %v", i, turn.Length())
			}
			sum += turn.Length()
			if turn.Kind == "speech" {
				speech += turn.Length()
				if turn.Length()%al.Step != 0 {
					t.Fatalf("a speech of %v is not whole steps of %v", turn.Length(), al.Step)
				}
			}
		}
		if sum != s.Segments[i].Length {
			t.Fatalf("segment %d: turns add up to %v, want %v", i, sum, s.Segments[i].Length)
		}
	}
	if speech != al.Budget {
		t.Fatalf("speeches add up to %v, want the budget %v", speech, al.Budget)
	}
}

// fuzzCheckReport checks the constraints against a report, and that its
// shares are shares.
func fuzzCheckReport(t *testing.T, r *balance.Report) {
	t.Helper()
	vs, err := balance.Check(r, fuzzConstraints...)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	for _, v := range vs {
		if math.IsNaN(v.Measured) || v.Measured < 0 || v.Text == "" {
			t.Fatalf("violation %+v", v)
		}
	}
	for _, d := range r.Dimensions {
		for _, g := range d.Groups {
			if math.IsNaN(g.Share) || g.Share < -1e-9 || g.Share > 1+1e-9 {
				t.Fatalf("%s %s: share %v", d.Dimension.Name(), g.Group, g.Share)
			}
		}
	}
}
