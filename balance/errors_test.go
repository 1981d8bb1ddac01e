package balance_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// errorsSession is a scheduled hybrid panel of four speakers, two onsite
// and two online, that plans under the zero policy.
func errorsSession() *agenda.Session {
	return &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 30 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			{Name: "Anna Berg", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
			{Name: "Bruno Costa", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
			{Name: "Chen Wei", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline},
			{Name: "Dana Novak", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline},
		},
		Segments: []agenda.Segment{{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
			Speakers:     []string{"Anna Berg", "Bruno Costa", "Chen Wei", "Dana Novak"},
			Facilitators: []string{"Moderator", "Online moderator"}}},
	}
}

// TestErrors calls each function and method of the package that returns an
// error with an input it refuses, and checks that errors.Is and errors.As
// find the sentinels and types its doc names, through every wrapper on the
// way: *agenda.DecodeError, *LogError, *ProgrammeError, encoding/json and
// errors.Join. Nil sessions (TestNilSession), limits (limits_test.go) and
// the fields and messages of each error are checked elsewhere.
func TestErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	var zero balance.Policy
	badPolicy := balance.Policy{Step: -time.Second}
	// Onsite–online parity within 5%, but the online speakers can stay only
	// 5 minutes each (Example_infeasible).
	infeasible := balance.Policy{
		Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.05}},
		People:     map[string]balance.Limits{"Chen Wei": {Max: 5 * time.Minute}, "Dana Novak": {Max: 5 * time.Minute}},
	}
	unknownSpeaker := func() *agenda.Session {
		s := errorsSession()
		s.Segments[0].Speakers = append(s.Segments[0].Speakers, "Nobody")
		return s
	}
	report := func() *balance.Report {
		r, err := balance.DraftReport(errorsSession(), zero)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	badConstraint := balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 2}
	manyNames := func() string {
		var b strings.Builder
		b.WriteString(`{"people": {`)
		for i := range agenda.MaxPeople + 1 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"Person %d": {}`, i)
		}
		b.WriteString("}}")
		return b.String()
	}
	readCSV := func(text string) func() error {
		return func() error { _, err := balance.ReadLogCSV(strings.NewReader(text), errorsSession()); return err }
	}
	readJSON := func(text string) func() error {
		return func() error { _, err := balance.ReadLogJSON(strings.NewReader(text)); return err }
	}
	pe, de, le := new(*balance.PolicyError), new(*agenda.DecodeError), new(*balance.LogError)
	tests := []struct {
		name   string
		call   func() error
		is     []error // sentinels errors.Is must find
		as     []any   // pointers to the types errors.As must find
		reason string
	}{
		{
			name: "Allocate/policy", call: func() error { _, err := balance.Allocate(errorsSession(), badPolicy); return err },
			as: []any{pe}, reason: "a step that is not a whole number of seconds",
		},
		{
			name: "Allocate/speaker", call: func() error { _, err := balance.Allocate(unknownSpeaker(), zero); return err },
			as: []any{new(*balance.SessionError)}, reason: "a segment names a speaker who is not among the people",
		},
		{
			name: "Plan/infeasible", call: func() error { _, _, err := balance.Plan(errorsSession(), infeasible); return err },
			is: []error{balance.ErrInfeasible}, as: []any{new(*balance.InfeasibleError)},
			reason: "the hard rule cannot hold",
		},
		{
			name: "DraftReport/policy", call: func() error { _, err := balance.DraftReport(errorsSession(), badPolicy); return err },
			as: []any{pe}, reason: "the errors of Allocate",
		},
		{
			name: "PlanReport/policy",
			call: func() error {
				ros, _, err := balance.Plan(errorsSession(), zero)
				if err != nil {
					return nil
				}
				_, err = balance.PlanReport(ros, badPolicy)
				return err
			},
			as: []any{pe}, reason: "the errors of Allocate",
		},
		{
			name: "Rest/moment",
			call: func() error {
				_, err := balance.Rest(errorsSession(), nil, time.Date(2023, 10, 10, 9, 0, 0, 0, time.UTC))
				return err
			},
			as: []any{new(*balance.SessionError)}, reason: "a moment after the slot",
		},
		{
			name: "Replan/policy",
			call: func() error {
				_, _, err := balance.Replan(errorsSession(), badPolicy, nil, time.Date(2023, 10, 10, 6, 30, 0, 0, time.UTC))
				return err
			},
			as: []any{pe}, reason: "the errors of Allocate",
		},
		{
			name: "AuditLog/run-of-show", call: func() error { _, err := balance.AuditLog(errorsSession(), &agenda.RunOfShow{}, zero, nil); return err },
			is: []error{balance.ErrNoSession}, reason: "the errors of PlanReport, for a run-of-show without a session",
		},
		{
			name: "ReadLogCSV/reader", call: func() error { _, err := balance.ReadLogCSV(iotest.ErrReader(boom), errorsSession()); return err },
			is: []error{boom}, as: []any{le}, reason: "the reader's error, wrapped",
		},
		{
			name: "ReadLogCSV/fields", call: readCSV("name,start,end\nAnna Berg,06:20\n"),
			is: []error{csv.ErrFieldCount}, as: []any{le}, reason: "the sentinel of encoding/csv, wrapped",
		},
		{
			name: "ReadLogCSV/quote", call: readCSV("name,start,end\n\"Anna Berg,06:20,06:25\n"),
			is: []error{csv.ErrQuote}, as: []any{le}, reason: "a quote left open",
		},
		{
			name: "ReadLogCSV/time", call: readCSV("name,start,end\nAnna Berg,06:20,soon\n"),
			as: []any{le}, reason: "a time that cannot be read",
		},
		{
			name: "ReadLogJSON/reader", call: func() error { _, err := balance.ReadLogJSON(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{de}, reason: "the reader's error, wrapped",
		},
		{
			name: "ReadLogJSON/syntax", call: readJSON(`{"entries": [}`),
			as: []any{de, new(*json.SyntaxError)}, reason: "text that is not JSON",
		},
		{
			name: "ReadLogJSON/name", call: readJSON(`{"entries": [{"name": " ", "start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:25:00Z"}]}`),
			as: []any{le}, reason: "an entry without a name",
		},
		{
			name: "DecodePolicy/reader", call: func() error { _, err := balance.DecodePolicy(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{de}, reason: "the reader's error, wrapped",
		},
		{
			name: "DecodePolicy/grouping",
			call: func() error {
				_, err := balance.DecodePolicy(strings.NewReader(`{"dimensions": [{"by": "age"}]}`))
				return err
			},
			as: []any{de, pe}, reason: "the *PolicyError of By.UnmarshalText, at its path",
		},
		{
			name: "DecodePolicy/tolerance",
			call: func() error {
				_, err := balance.DecodePolicy(strings.NewReader(`{"dimensions": [{"by": "mode", "tolerance": 2}]}`))
				return err
			},
			as: []any{pe}, reason: "a value Allocate refuses",
		},
		{
			name: "DecodePolicy/people", call: func() error { _, err := balance.DecodePolicy(strings.NewReader(manyNames())); return err },
			is: []error{agenda.ErrTooLarge}, as: []any{new(*agenda.LimitError)},
			reason: "more people than a session may hold",
		},
		{
			name: "Policy.UnmarshalJSON/json.Unmarshal",
			call: func() error {
				var p balance.Policy
				return json.Unmarshal([]byte(`{"fairness": -1}`), &p)
			},
			as: []any{pe}, reason: "encoding/json returns the error of UnmarshalJSON as it is",
		},
		{
			name: "Policy.MarshalJSON/grouping",
			call: func() error {
				_, err := json.Marshal(balance.Policy{Dimensions: []balance.Dimension{{By: "age"}}})
				return err
			},
			as: []any{new(*json.MarshalerError), pe}, reason: "a grouping built in Go that is not one",
		},
		{
			name: "Policy.MarshalJSON/NaN", call: func() error { _, err := json.Marshal(balance.Policy{Fairness: math.NaN()}); return err },
			as: []any{new(*json.UnsupportedValueError)}, reason: "a number JSON cannot hold",
		},
		{name: "By.UnmarshalText", call: func() error { var b balance.By; return b.UnmarshalText([]byte("age")) }, as: []any{pe}},
		{name: "By.MarshalText", call: func() error { _, err := balance.By("age").MarshalText(); return err }, as: []any{pe}},
		{name: "Rule.UnmarshalText", call: func() error { var r balance.Rule; return r.UnmarshalText([]byte("min-age")) }, as: []any{pe}},
		{name: "Rule.MarshalText", call: func() error { _, err := balance.Rule("min-age").MarshalText(); return err }, as: []any{pe}},
		{
			name: "DecodePolicy/target", call: func() error {
				_, err := balance.DecodePolicy(strings.NewReader(`{"dimensions": [{"by": "region", "target": "fair"}]}`))
				return err
			},
			as: []any{pe}, reason: "a target that is none, checked with the policy",
		},
		{
			name: "DecodeConstraints/reader", call: func() error { _, err := balance.DecodeConstraints(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{de}, reason: "the reader's error, wrapped",
		},
		{
			name: "DecodeConstraints/rule",
			call: func() error {
				_, err := balance.DecodeConstraints(strings.NewReader(`[{"rule": "min-age"}]`))
				return err
			},
			as: []any{de, pe}, reason: "the *PolicyError of Rule.UnmarshalText, at its path",
		},
		{
			name: "DecodeConstraints/bounds",
			call: func() error {
				_, err := balance.DecodeConstraints(strings.NewReader(`[{"rule": "max-share", "by": "region", "max": 2}]`))
				return err
			},
			as: []any{pe}, reason: "a share above 1",
		},
		{
			name: "DecodePresets/reader", call: func() error { _, err := balance.DecodePresets(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{de}, reason: "the reader's error, wrapped",
		},
		{
			name: "DecodePresets/name",
			call: func() error {
				_, err := balance.DecodePresets(strings.NewReader(`[{"constraints": [{"rule": "min-count", "min": 3}]}]`))
				return err
			},
			as: []any{pe}, reason: "a preset without a name",
		},
		{
			name: "Check/nil", call: func() error { _, err := balance.Check(nil); return err },
			is: []error{balance.ErrNoSession}, reason: "no report to check",
		},
		{
			name: "Check/constraint", call: func() error { _, err := balance.Check(report(), badConstraint); return err },
			as: []any{pe}, reason: "a share above 1",
		},
		{
			name: "Check/preset",
			call: func() error {
				_, err := balance.Check(report(), badConstraint)
				return err
			},
			as: []any{pe}, reason: "as Check",
		},
		{
			name: "ForumReport/nil", call: func() error { _, err := balance.ForumReport(nil, zero, nil); return err },
			is: []error{balance.ErrNoSession},
		},
		{
			name: "ForumReport/preset",
			call: func() error {
				prog := &agenda.Programme{Sessions: []agenda.Session{*errorsSession()}}
				_, err := balance.ForumReport(prog, zero, []balance.Preset{{Name: "bad", Constraints: []balance.Constraint{badConstraint}}})
				return err
			},
			as: []any{pe}, reason: "a malformed preset",
		},
		{
			name: "PlanProgramme/nil", call: func() error { _, err := balance.PlanProgramme(nil, zero); return err },
			is: []error{balance.ErrNoSession},
		},
		{
			name: "PlanProgramme/sessions",
			call: func() error {
				prog := &agenda.Programme{Sessions: []agenda.Session{*errorsSession(), *unknownSpeaker()}}
				_, err := balance.PlanProgramme(prog, infeasible)
				return err
			},
			is:     []error{balance.ErrInfeasible},
			as:     []any{new(*balance.ProgrammeError), new(*balance.InfeasibleError), new(*balance.SessionError)},
			reason: "each session's error inside a *ProgrammeError, joined",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatalf("no error\nreason: %s", tt.reason)
			}
			for _, target := range tt.is {
				if !errors.Is(err, target) {
					t.Errorf("errors.Is(%v, %v) = false\nreason: %s", err, target, tt.reason)
				}
			}
			for _, target := range tt.as {
				if !errors.As(err, target) {
					t.Errorf("errors.As(%v, %T) = false\nreason: %s", err, target, tt.reason)
				}
			}
		})
	}
}

// TestProgrammeTooLarge checks that the programme functions refuse a
// programme past agenda.MaxSessions before planning anything.
func TestProgrammeTooLarge(t *testing.T) {
	prog := &agenda.Programme{Sessions: make([]agenda.Session, agenda.MaxSessions+1)}
	_, err1 := balance.PlanProgramme(prog, balance.Policy{})
	_, err2 := balance.ForumReport(prog, balance.Policy{}, nil)
	for i, err := range []error{err1, err2} {
		var le *agenda.LimitError
		if !errors.Is(err, agenda.ErrTooLarge) || !errors.As(err, &le) || le.What != "sessions" {
			t.Errorf("call %d: %v, want a *LimitError of sessions", i+1, err)
		}
	}
}
