package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// chkSession is the session the constraints are checked against: four
// speakers in a 40-minute panel, ten minutes each in a draft.
//
//	Ana  onsite  Government     WEOG    "Woman"  age youth
//	Ben  onsite  Government     WEOG    "man"
//	Cai  online  Civil Society  GRULAC  "Female" age youth
//	Dee  online  Private Sector —       —
//
// So: onsite and online 50% each; Government 50%, Civil Society and
// Private Sector 25%; of the 30 minutes with a region, WEOG 2/3, GRULAC
// 1/3; of the 30 minutes with a gender, women ("Woman" and "Female") 2/3,
// men 1/3.
func chkSession(format agenda.Format) *agenda.Session {
	ana := repSpeaker("Ana", agenda.ModeOnsite, agenda.Stakeholder("Government"), agenda.Region("WEOG"))
	ana.Gender, ana.Labels = "Woman", map[string]string{"age": "youth"}
	ben := repSpeaker("Ben", agenda.ModeOnsite, agenda.Stakeholder("Government"), agenda.Region("WEOG"))
	ben.Gender = "man"
	cai := repSpeaker("Cai", agenda.ModeOnline, agenda.Stakeholder("Civil Society"), agenda.Region("GRULAC"))
	cai.Gender, cai.Labels = "Female", map[string]string{"age": "youth"}
	dee := repSpeaker("Dee", agenda.ModeOnline, agenda.Stakeholder("Private Sector"), "")
	return repSession(format, 40*time.Minute, ana, ben, cai, dee)
}

// chkReport is the draft report of chkSession in a hybrid format.
func chkReport(tb testing.TB) *balance.Report {
	tb.Helper()
	r, err := balance.DraftReport(chkSession(agenda.FormatHybrid), balance.Policy{})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestCheck checks one constraint at a time against chkReport, met and not.
func TestCheck(t *testing.T) {
	hybrid := chkReport(t)
	onsite, err := balance.DraftReport(chkSession(agenda.FormatOnsite), balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	// The audience questions take the whole panel: no speaking time.
	silent, err := balance.DraftReport(chkSession(agenda.FormatHybrid), balance.Policy{Audience: 40 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	type C = balance.Constraint
	type V = balance.Violation
	tests := []struct {
		name   string
		reason string
		r      *balance.Report // hybrid if nil
		c      C
		want   []V // Constraint is set to c
	}{
		// min-groups
		{name: "min-groups met", reason: "three stakeholder groups",
			c: C{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3}},
		{name: "min-groups violated", reason: "three stakeholder groups, not four",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 4},
			want: []V{{Measured: 3, Text: "3: Civil Society, Government, Private Sector"}}},
		{name: "min-groups unknown could make it up", reason: "two regional groups given, and Dee, who gives none, could be of a third",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 3},
			want: []V{{Unchecked: true, Measured: 2, Text: "UN regional group given for 3 of 4 speakers, among them 2: GRULAC, WEOG"}}},
		{name: "min-groups unknown cannot make it up", reason: "two regional groups given, and Dee alone could not add two more",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 4},
			want: []V{{Measured: 2, Text: "2: GRULAC, WEOG (UN regional group given for 3 of 4 speakers)"}}},
		{name: "min-groups gender folded", reason: `"Woman" and "woman" are one group, with "man" two`,
			c: C{Rule: balance.RuleMinGroups, By: balance.ByGender, Min: 2}},
		{name: "min-groups gender open", reason: "two genders given, and Dee's could be a third",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByGender, Min: 3},
			want: []V{{Unchecked: true, Measured: 2, Text: "gender given for 3 of 4 speakers, among them 2: man, woman"}}},
		{name: "min-groups gender violated", reason: "two genders given, and Dee's could not make four",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByGender, Min: 4},
			want: []V{{Measured: 2, Text: "2: man, woman (gender given for 3 of 4 speakers)"}}},
		{name: "min-groups label", reason: "only youth is given for age, by two of four: the other two could give a second",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "age", Min: 2},
			want: []V{{Unchecked: true, Measured: 1, Text: "age given for 2 of 4 speakers, among them 1: youth"}}},
		{name: "min-groups label violated", reason: "one age given, and the two without one could make three, not four",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "age", Min: 4},
			want: []V{{Measured: 1, Text: "1: youth (age given for 2 of 4 speakers)"}}},
		{name: "min-groups label nobody has", reason: "no speaker has a language label: the rule cannot be checked, neither met nor failed",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "language", Min: 1},
			want: []V{{Unchecked: true, People: []string{"Ana", "Ben", "Cai", "Dee"}, Text: "language given for 0 of 4 speakers"}}},

		// max-share
		{name: "max-share met", reason: "WEOG's 2/3 is under 70%",
			c: C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.7}},
		{name: "max-share violated", reason: "WEOG's 2/3 is over 60%",
			c:    C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.6},
			want: []V{{Group: "WEOG", Measured: 2.0 / 3, People: []string{"Ana", "Ben"}, Text: "WEOG has 66.7% (UN regional group given for 3 of 4 speakers)"}}},
		{name: "max-share violated twice", reason: "both regions are over 30%, in the order of their names",
			c: C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.3},
			want: []V{
				{Group: "GRULAC", Measured: 1.0 / 3, People: []string{"Cai"}, Text: "GRULAC has 33.3% (UN regional group given for 3 of 4 speakers)"},
				{Group: "WEOG", Measured: 2.0 / 3, People: []string{"Ana", "Ben"}, Text: "WEOG has 66.7% (UN regional group given for 3 of 4 speakers)"},
			}},
		{name: "max-share at the bound", reason: "Government has exactly 50%",
			c: C{Rule: balance.RuleMaxShare, By: balance.ByStakeholder, Max: 0.5}},
		{name: "max-share of a group", reason: "only GRULAC is capped; WEOG, further over, is not",
			c:    C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Group: "GRULAC", Max: 0.3},
			want: []V{{Group: "GRULAC", Measured: 1.0 / 3, People: []string{"Cai"}, Text: "GRULAC has 33.3% (UN regional group given for 3 of 4 speakers)"}}},
		{name: "max-share of a group met", reason: "WEOG's 2/3 is under 70%",
			c: C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Group: "WEOG", Max: 0.7}},
		{name: "max-share of an absent group", reason: "the African Group has no time to cap",
			c: C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Group: "African Group", Max: 0}},
		{name: "max-share of a gender, capitalised", reason: `the women's 2/3 is over 50%, whichever way "woman" is spelt`,
			c:    C{Rule: balance.RuleMaxShare, By: balance.ByGender, Group: "Woman", Max: 0.5},
			want: []V{{Group: "woman", Measured: 2.0 / 3, People: []string{"Ana", "Cai"}, Text: "woman has 66.7% (gender given for 3 of 4 speakers)"}}},

		// share
		{name: "share met", reason: "online has 50%, within 45–55%",
			c: C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55}},
		{name: "share under", reason: "online has 50%, under 60%",
			c:    C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.6, Max: 1},
			want: []V{{Group: "online", Measured: 0.5, People: []string{"Cai", "Dee"}, Text: "online has 50%"}}},
		{name: "share over", reason: "onsite has 50%, over 40%",
			c:    C{Rule: balance.RuleShare, By: balance.ByMode, Group: "onsite", Max: 0.4},
			want: []V{{Group: "onsite", Measured: 0.5, People: []string{"Ana", "Ben"}, Text: "onsite has 50%"}}},
		{name: "share of an absent group", reason: "the African Group has none of the time",
			c:    C{Rule: balance.RuleShare, By: balance.ByRegion, Group: "African Group", Min: 0.1, Max: 1},
			want: []V{{Group: "African Group", Measured: 0, Text: "African Group has 0% (UN regional group given for 3 of 4 speakers)"}}},
		{name: "share of a gender, capitalised", reason: `the women ("Woman" and "Female") have 2/3 of the time with a gender`,
			c: C{Rule: balance.RuleShare, By: balance.ByGender, Group: "Woman", Min: 0.5, Max: 1}},

		// min-count
		{name: "min-count gender", reason: "two women",
			c: C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 2}},
		{name: "min-count gender capitalised", reason: `"Woman" counts Ana and Cai, as "woman" does`,
			c: C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "Woman", Min: 2}},
		{name: "min-count gender as a form asks it", reason: `"female" counts Ana ("Woman") and Cai ("Female"), as "woman" does`,
			c: C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "female", Min: 2}},
		{name: "min-count men as a form asks it", reason: `"Male" counts Ben ("man"), and is not met by one`,
			c:    C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "Male", Min: 2},
			want: []V{{Unchecked: true, Group: "Male", Measured: 1, People: []string{"Ben"}, Text: "gender given for 3 of 4 speakers, among them 1"}}},
		{name: "min-count gender spaced", reason: `" woman " is "woman"`,
			c: C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: " woman ", Min: 2}},
		{name: "min-count gender open", reason: "two women, not three, but Dee gives no gender and could be the third",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 3},
			want: []V{{Unchecked: true, Group: "woman", Measured: 2, People: []string{"Ana", "Cai"}, Text: "gender given for 3 of 4 speakers, among them 2"}}},
		{name: "min-count gender violated", reason: "two women, and Dee could not make four",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 4},
			want: []V{{Group: "woman", Measured: 2, People: []string{"Ana", "Cai"}, Text: "2 (gender given for 3 of 4 speakers)"}}},
		{name: "min-count gender capitalised violated", reason: "the group is reported as the constraint spells it",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "Woman", Min: 4},
			want: []V{{Group: "Woman", Measured: 2, People: []string{"Ana", "Cai"}, Text: "2 (gender given for 3 of 4 speakers)"}}},
		{name: "min-count region open", reason: "nobody from the African Group given, but Dee gives no region",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByRegion, Group: "African Group", Min: 1},
			want: []V{{Unchecked: true, Group: "African Group", Measured: 0, Text: "UN regional group given for 3 of 4 speakers, among them 0"}}},
		{name: "min-count region violated", reason: "nobody from the African Group, and Dee alone could not make two",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByRegion, Group: "African Group", Min: 2},
			want: []V{{Group: "African Group", Measured: 0, Text: "0 (UN regional group given for 3 of 4 speakers)"}}},
		{name: "min-count stakeholder", reason: "two in government, not three; everyone gives a group",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByStakeholder, Group: "Government", Min: 3},
			want: []V{{Group: "Government", Measured: 2, People: []string{"Ana", "Ben"}, Text: "2"}}},
		{name: "min-count mode", reason: "two online",
			c: C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "online", Min: 2}},
		{name: "min-count label", reason: "two youth, not three, and two speakers give no age",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByLabel, Label: "age", Group: "youth", Min: 3},
			want: []V{{Unchecked: true, Group: "youth", Measured: 2, People: []string{"Ana", "Cai"}, Text: "age given for 2 of 4 speakers, among them 2"}}},
		{name: "min-count label violated", reason: "two youth, and the two without an age could not make five",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByLabel, Label: "age", Group: "youth", Min: 5},
			want: []V{{Group: "youth", Measured: 2, People: []string{"Ana", "Cai"}, Text: "2 (age given for 2 of 4 speakers)"}}},

		// skipped
		{name: "mode share, onsite session", reason: "parity means nothing in a session that is not hybrid",
			r: onsite, c: C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.9, Max: 1}},
		{name: "mode groups, onsite session", reason: "nor does a count of modes",
			r: onsite, c: C{Rule: balance.RuleMinGroups, By: balance.ByMode, Min: 3}},
		{name: "mode count, onsite session", reason: "everyone is onsite in an onsite session, whatever their mode says",
			r: onsite, c: C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "online", Min: 1},
			want: []V{{Group: "online", Measured: 0, Text: "0"}}},
		{name: "moderator onsite, onsite session", reason: "the format gives the mode",
			r: onsite, c: C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 1}},
		{name: "region, onsite session", reason: "other rules still hold in an onsite session",
			r: onsite, c: C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 4},
			want: []V{{Measured: 2, Text: "2: GRULAC, WEOG (UN regional group given for 3 of 4 speakers)"}}},
		{name: "max-share, no speaking time", reason: "no time, no shares",
			r: silent, c: C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0}},
		{name: "share, no speaking time", reason: "no time, no shares",
			r: silent, c: C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55}},
		{name: "min-groups, no speaking time", reason: "the speakers still count",
			r: silent, c: C{Rule: balance.RuleMinGroups, By: balance.ByMode, Min: 3},
			want: []V{{Measured: 2, Text: "2: online, onsite"}}},
		{name: "min-count, no speaking time", reason: "the speakers still count",
			r: silent, c: C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 4},
			want: []V{{Group: "woman", Measured: 2, People: []string{"Ana", "Cai"}, Text: "2 (gender given for 3 of 4 speakers)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			if r == nil {
				r = hybrid
			}
			for i := range tt.want {
				tt.want[i].Constraint = tt.c
			}
			got, err := balance.Check(r, tt.c)
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			if diff := gocmp.Diff(tt.want, got, repApprox); diff != "" {
				t.Errorf("%s: %v: mismatch (-want +got):\n%s", tt.reason, tt.c, diff)
			}
		})
	}
}

// TestCheckOrder: the violations come in the order of the constraints.
func TestCheckOrder(t *testing.T) {
	cs := []balance.Constraint{
		{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.6, Max: 1},
		{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3}, // met
		{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.6},
		{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 4},
	}
	want := []balance.Violation{
		{Constraint: cs[0], Group: "online", Measured: 0.5, People: []string{"Cai", "Dee"}, Text: "online has 50%"},
		{Constraint: cs[2], Group: "WEOG", Measured: 2.0 / 3, People: []string{"Ana", "Ben"}, Text: "WEOG has 66.7% (UN regional group given for 3 of 4 speakers)"},
		{Constraint: cs[3], Measured: 3, Text: "3: Civil Society, Government, Private Sector"},
	}
	got, err := balance.Check(chkReport(t), cs...)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want, got, repApprox); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckNoSession: a report without a session knows nobody's groups,
// so a rule about groups cannot be checked, whether it counts or shares.
func TestCheckNoSession(t *testing.T) {
	r := &balance.Report{Speaking: time.Minute, Speakers: []balance.Speaker{{Name: "Ana", Time: time.Minute, Share: 1}}}
	cs := []balance.Constraint{{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 1}, {Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0}}
	got, err := balance.Check(r, cs...)
	if err != nil {
		t.Fatal(err)
	}
	want := []balance.Violation{
		{Constraint: cs[0], Unchecked: true, People: []string{"Ana"}, Text: "UN regional group given for 0 of 1 speaker"},
		{Constraint: cs[1], Unchecked: true, People: []string{"Ana"}, Text: "UN regional group given for 0 of 1 speaker"},
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestCheckMalformed: a constraint that cannot be checked is a
// *PolicyError naming it, and nothing is checked.
func TestCheckMalformed(t *testing.T) {
	type C = balance.Constraint
	valid := C{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 4} // violated, but never checked
	const (
		rules  = "want min-groups, max-share, share, min-count or max-people"
		bys    = "want mode, stakeholder, region, gender or label"
		shares = "shares are between 0 and 1, min at most max"
		bounds = "bounds must be numbers, not negative"
	)
	tests := []struct {
		name   string
		reason string
		cs     []C
		want   *balance.PolicyError
	}{
		{"unknown rule", "a rule the package does not know",
			[]C{{Rule: "most", By: balance.ByRegion}}, &balance.PolicyError{Field: "constraints[0].rule", Value: "most", Reason: rules}},
		{"no rule", "the zero rule is no rule",
			[]C{{By: balance.ByRegion, Min: 1}}, &balance.PolicyError{Field: "constraints[0].rule", Reason: rules}},
		{"rule in capitals", "rules are spelt one way",
			[]C{{Rule: "Min-Groups", By: balance.ByRegion, Min: 1}}, &balance.PolicyError{Field: "constraints[0].rule", Value: "Min-Groups", Reason: rules}},
		{"unknown by", "age is a label, not a grouping",
			[]C{{Rule: balance.RuleMinGroups, By: "age", Min: 1}}, &balance.PolicyError{Field: "constraints[0].by", Value: "age", Reason: bys}},
		{"no by", "the zero grouping is no grouping",
			[]C{{Rule: balance.RuleMinGroups, Min: 1}}, &balance.PolicyError{Field: "constraints[0].by", Reason: bys}},
		{"label without key", "a label constraint must say which label",
			[]C{{Rule: balance.RuleMinGroups, By: balance.ByLabel, Min: 1}}, &balance.PolicyError{Field: "constraints[0].label", Reason: "a label constraint needs the label's key"}},
		{"share without group", "a share is of a group",
			[]C{{Rule: balance.RuleShare, By: balance.ByMode, Min: 0.4, Max: 0.6}}, &balance.PolicyError{Field: "constraints[0].group", Reason: "rule share needs a group"}},
		{"min-count without group", "a count is of a group",
			[]C{{Rule: balance.RuleMinCount, By: balance.ByGender, Min: 1}}, &balance.PolicyError{Field: "constraints[0].group", Reason: "rule min-count needs a group"}},
		{"max over 1", "a share of 150%",
			[]C{{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 1.5}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0, max 1.5", Reason: shares}},
		{"share max over 1", "a share of 40 (percent meant)",
			[]C{{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.4, Max: 40}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0.4, max 40", Reason: shares}},
		{"infinite max", "+Inf is over 1",
			[]C{{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: math.Inf(1)}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0, max +Inf", Reason: shares}},
		{"min over max", "45%–55% written backwards",
			[]C{{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.55, Max: 0.45}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0.55, max 0.45", Reason: shares}},
		{"negative", "at least −1 groups",
			[]C{{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: -1}}, &balance.PolicyError{Field: "constraints[0]", Value: "min -1, max 0", Reason: bounds}},
		{"negative max", "at most −10%",
			[]C{{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: -0.1}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0, max -0.1", Reason: bounds}},
		{"NaN", "NaN compares false with everything, so it must be caught by name",
			[]C{{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: math.NaN()}}, &balance.PolicyError{Field: "constraints[0]", Value: "min NaN, max 0", Reason: bounds}},
		{"NaN max", "a NaN cap would never be exceeded",
			[]C{{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: math.NaN()}}, &balance.PolicyError{Field: "constraints[0]", Value: "min 0, max NaN", Reason: bounds}},
		{"second of two", "the index names the constraint; the valid one before it is not checked",
			[]C{valid, {Rule: "most", By: balance.ByRegion}}, &balance.PolicyError{Field: "constraints[1].rule", Value: "most", Reason: rules}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := balance.Check(chkReport(t), tt.cs...)
			var got *balance.PolicyError
			if !errors.As(err, &got) {
				t.Fatalf("%s: got %v, %v; want a *PolicyError", tt.reason, vs, err)
			}
			if vs != nil {
				t.Errorf("%s: violations %v alongside the error", tt.reason, vs)
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
			if !strings.HasPrefix(err.Error(), "balance: policy "+tt.want.Field) {
				t.Errorf("%s: error %q does not start with the field", tt.reason, err)
			}
		})
	}
}

// TestConstraintString describes each rule in words.
func TestConstraintString(t *testing.T) {
	type C = balance.Constraint
	tests := []struct {
		reason string
		c      C
		want   string
	}{
		{"min-groups of stakeholder groups", C{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3}, "at least 3 stakeholder groups among speakers"},
		{"min-groups of regional groups", C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 2}, "at least 2 regional groups among speakers"},
		{"min-groups of modes", C{Rule: balance.RuleMinGroups, By: balance.ByMode, Min: 2}, "at least 2 participation modes among speakers"},
		{"min-groups of genders", C{Rule: balance.RuleMinGroups, By: balance.ByGender, Min: 2}, "at least 2 genders among speakers"},
		{"min-groups of a label", C{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "age", Min: 2}, "at least 2 ages among speakers"},
		{"a count with a fraction", C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 2.5}, "at least 2.5 regional groups among speakers"},
		{"max-share of every group", C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4}, "no regional group above 40% of speaking time"},
		{"max-share rounds to a tenth", C{Rule: balance.RuleMaxShare, By: balance.ByStakeholder, Max: 1.0 / 3}, "no stakeholder group above 33.3% of speaking time"},
		{"max-share of one group", C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Group: "WEOG", Max: 0.4}, "WEOG at most 40% of speaking time"},
		{"share", C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55}, "online share within 45%–55%"},
		{"min-count", C{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 1}, "at least 1 woman among speakers"},
		{"unknown rule", C{Rule: "most", By: balance.ByRegion}, "most"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			if diff := gocmp.Diff(tt.want, tt.c.String()); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestViolationError: a violation is an error naming the constraint and
// what was found.
func TestViolationError(t *testing.T) {
	vs, err := balance.Check(chkReport(t), balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.6})
	if err != nil || len(vs) != 1 {
		t.Fatalf("got %v, %v; want one violation", vs, err)
	}
	var e error = &vs[0]
	want := "balance: no regional group above 60% of speaking time: WEOG has 66.7% (UN regional group given for 3 of 4 speakers)"
	if diff := gocmp.Diff(want, e.Error()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestDecodeConstraints decodes lists of constraints, and refuses malformed
// ones with an error naming where.
func TestDecodeConstraints(t *testing.T) {
	type C = balance.Constraint
	tests := []struct {
		name   string
		reason string
		in     string
		want   []C
		err    string // a part of the error, when one is wanted
	}{{
		name:   "every rule",
		reason: "one constraint of each rule, and a label",
		in: `[
			{"rule": "min-groups", "by": "stakeholder", "min": 3},
			{"rule": "max-share", "by": "region", "max": 0.4},
			{"rule": "max-share", "by": "region", "group": "WEOG", "max": 0.5},
			{"rule": "share", "by": "mode", "group": "online", "min": 0.45, "max": 0.55},
			{"rule": "min-count", "by": "gender", "group": "woman", "min": 1},
			{"rule": "min-groups", "by": "label", "label": "age", "min": 2}
		]`,
		want: []C{
			{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
			{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4},
			{Rule: balance.RuleMaxShare, By: balance.ByRegion, Group: "WEOG", Max: 0.5},
			{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55},
			{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 1},
			{Rule: balance.RuleMinGroups, By: balance.ByLabel, Label: "age", Min: 2},
		},
	}, {
		name: "empty list", reason: "no constraints is a list too",
		in: `[]`, want: []C{},
	}, {
		name: "null", reason: "null leaves the list empty, as encoding/json does",
		in: `null`, want: nil,
	}, {
		name: "unknown field", reason: "a misspelt field is not ignored",
		in:  `[{"rule": "share", "by": "mode", "group": "online", "min": 0.4, "max": 0.6, "maximum": 1}]`,
		err: "[0].maximum: unknown field",
	}, {
		name: "unknown rule", reason: "a rule the package does not know",
		in:  `[{"rule": "min-groups", "by": "region", "min": 2}, {"rule": "most", "by": "region"}]`,
		err: `[1].rule: balance: policy Rule "most"`,
	}, {
		name: "unknown by", reason: "a grouping the package does not know",
		in:  `[{"rule": "min-groups", "by": "age", "min": 2}]`,
		err: `[0].by: balance: policy By "age"`,
	}, {
		name: "wrong type", reason: "a rule is a string",
		in:  `[{"rule": 3}]`,
		err: "[0].rule: want a string, got a number",
	}, {
		name: "quoted number", reason: "a bound is a number, not a string",
		in:  `[{"rule": "min-groups", "by": "region", "min": "3"}]`,
		err: "[0].min: want a number, got a string",
	}, {
		name: "object, not list", reason: "one constraint must still be in a list",
		in:  `{"rule": "min-groups", "by": "region", "min": 3}`,
		err: "want a list, got an object",
	}, {
		name: "trailing data", reason: "a second document after the list",
		in:  `[] [{"rule": "min-groups"}]`,
		err: "data after the end of the document",
	}, {
		name: "field twice", reason: "a field given twice is ambiguous",
		in:  `[{"rule": "share", "rule": "max-share"}]`,
		err: "[0].rule: field given twice",
	}, {
		name: "truncated", reason: "the input ends inside a constraint",
		in:  `[{"rule": `,
		err: "[0].rule: unexpected EOF",
	}, {
		name: "empty", reason: "no document at all",
		in:  ``,
		err: "unexpected EOF",
	}, {
		name: "share without group", reason: "well-formed JSON, but a share needs a group",
		in:  `[{"rule": "share", "by": "mode", "min": 0.4, "max": 0.6}]`,
		err: "constraints[0].group: rule share needs a group",
	}, {
		name: "share over 1", reason: "a percentage where a share is wanted",
		in:  `[{"rule": "max-share", "by": "region", "max": 40}]`,
		err: `constraints[0] "min 0, max 40": shares are between 0 and 1`,
	}, {
		name: "number out of range", reason: "1e400 is no float64",
		in:  `[{"rule": "min-groups", "by": "region", "min": 1e400}]`,
		err: "[0].min: 1e400 is not a number in range",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := balance.DecodeConstraints(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("%s: got %v, error %v; want an error containing %q", tt.reason, got, err, tt.err)
				}
				if got != nil {
					t.Errorf("%s: constraints %v alongside the error", tt.reason, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
			// Round trip: what decodes re-encodes to the same list.
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("%s: json.Marshal: %v", tt.reason, err)
			}
			again, err := balance.DecodeConstraints(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: decoding %s: %v", tt.reason, data, err)
			}
			if diff := gocmp.Diff(got, again); diff != "" {
				t.Errorf("%s: round trip through %s: mismatch (-want +got):\n%s", tt.reason, data, diff)
			}
		})
	}
}

// TestConstraintJSON: the JSON of constraints leaves out empty fields but
// never the rule or the grouping, and refuses to write an unknown rule.
func TestConstraintJSON(t *testing.T) {
	cs := []balance.Constraint{
		{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
		{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55},
	}
	data, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"rule":"min-groups","by":"stakeholder","min":3},{"rule":"share","by":"mode","group":"online","min":0.45,"max":0.55}]`
	if diff := gocmp.Diff(want, string(data)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(balance.Constraint{Rule: "most", By: balance.ByRegion}); err == nil {
		t.Error("an unknown rule was written")
	}
	if _, err := json.Marshal(balance.Constraint{Rule: balance.RuleMinGroups, By: "age"}); err == nil {
		t.Error("an unknown grouping was written")
	}
}

// endless is a reader that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// TestDecodeConstraintsSize: input up to agenda.MaxBytes is read, anything
// longer refused without being read to its end.
func TestDecodeConstraintsSize(t *testing.T) {
	fits := "[" + strings.Repeat(" ", agenda.MaxBytes-2) + "]"
	got, err := balance.DecodeConstraints(strings.NewReader(fits))
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("an empty list padded to MaxBytes: got %v, %v; want an empty list", got, err)
	}
	for name, r := range map[string]io.Reader{
		"one byte over": strings.NewReader("[" + strings.Repeat(" ", agenda.MaxBytes-1) + "]"),
		"endless":       endless{},
	} {
		got, err := balance.DecodeConstraints(r)
		if !errors.Is(err, agenda.ErrTooLarge) || got != nil {
			t.Errorf("%s: got %v, %v; want agenda.ErrTooLarge", name, got, err)
		}
	}
	boom := errors.New("boom")
	if _, err := balance.DecodeConstraints(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("a failing reader: got %v, want its error", err)
	}
}

// TestCheckAgreesWithReport: on every seed, what Check measures of a group
// is what the report says of it, people and shares, because Check reads
// the report's tallies.
func TestCheckAgreesWithReport(t *testing.T) {
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			s, err := seeds.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			r, err := balance.DraftReport(s, balance.HybridPromise())
			if err != nil {
				t.Fatal(err)
			}
			for _, dr := range r.Dimensions {
				for _, g := range dr.Groups {
					if g.Outside || g.Speakers == 0 {
						continue
					}
					c := balance.Constraint{Rule: balance.RuleShare, By: dr.Dimension.By, Label: dr.Dimension.Label, Group: g.Group, Min: 1, Max: 1}
					vs, err := balance.Check(r, c)
					if err != nil {
						t.Fatal(err)
					}
					if g.Share == 1 {
						continue // met
					}
					if len(vs) != 1 || math.Abs(vs[0].Measured-g.Share) > 1e-12 || !slices.Equal(vs[0].People, g.People) {
						t.Errorf("%s %s: report %v of %v; Check %+v", dr.Dimension.Name(), g.Group, g.Share, g.People, vs)
					}
				}
			}
			for _, h := range r.Lineup {
				for _, g := range h.Groups {
					c := balance.Constraint{Rule: balance.RuleMinCount, By: h.Dimension.By, Group: g.Group, Min: float64(g.Speakers) + 1}
					vs, err := balance.Check(r, c)
					var pe *balance.PolicyError
					if g.Outside {
						// Not a group of the set: a rule about it is refused.
						if !errors.As(err, &pe) || pe.Field != "constraints[0].group" {
							t.Errorf("line-up %s %s, outside the set: Check = %v, %v; want a *PolicyError at constraints[0].group", h.Dimension.Name(), g.Group, vs, err)
						}
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					if len(vs) != 1 || vs[0].Measured != float64(g.Speakers) {
						t.Errorf("line-up %s %s: %d speakers; Check %+v", h.Dimension.Name(), g.Group, g.Speakers, vs)
					}
				}
			}
		})
	}
}
