// Package balancetest asserts, in a test, that a session meets diversity
// constraints, and fails with a readable go-cmp diff of the wanted and the
// measured values when it does not.
//
// A constraint that cannot be checked, because nobody the rule counts
// gives its field (a gender rule for a session whose speakers give no
// gender, as IGF pages never do) or because those who give none could make
// up a minimum the others miss, is neither met nor failed
// (balance.Violation.Unchecked): the helpers log it with t.Logf, so that
// `go test -v` shows it, and do not fail the test. A test that needs the
// field given asserts that on its own.
//
//	func TestPanelIsBalanced(t *testing.T) {
//		s := loadDraft(t)
//		balancetest.Meets(t, s, balance.Policy{},
//			balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
//			balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4})
//	}
package balancetest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
)

// TB is the part of testing.TB the helpers use, so that they can be shown
// in examples and tested with a fake.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

// Meets plans session s under policy p and reports an error to t for every
// constraint the plan does not meet. It returns the report of the plan, or
// nil if the session cannot be planned (which it also reports, with the
// error of [balance.Plan], such as balance.ErrNoSession for a nil session).
func Meets(t TB, s *agenda.Session, p balance.Policy, constraints ...balance.Constraint) *balance.Report {
	t.Helper()
	title := ""
	if s != nil {
		title = s.Title
	}
	ros, _, err := balance.Plan(s, p)
	if err != nil {
		t.Errorf("balancetest: session %q cannot be planned: %v", title, err)
		return nil
	}
	r, err := balance.PlanReport(ros, p)
	if err != nil {
		t.Errorf("balancetest: session %q: %v", title, err)
		return nil
	}
	ReportMeets(t, r, constraints...)
	return r
}

// ReportMeets reports an error to t for every constraint report r does not
// meet: a line naming the constraint, then a diff of what it wants and what
// was measured, "(-want +got)". A constraint that cannot be checked is
// logged, not an error: "cannot be checked: gender given for 0 of 5
// speakers". A malformed constraint or a nil report is one error, with the
// error of [balance.Check].
func ReportMeets(t TB, r *balance.Report, constraints ...balance.Constraint) {
	t.Helper()
	vs, err := balance.Check(r, constraints...)
	if err != nil {
		t.Errorf("balancetest: %v", err)
		return
	}
	title := ""
	if r.Session != nil {
		title = r.Session.Title
	}
	for _, v := range vs {
		if v.Unchecked {
			t.Logf("balancetest: session %q: %q cannot be checked: %s", title, ruleOf(v.Constraint), v.Text)
			continue
		}
		want, got := map[string]string{}, map[string]string{}
		key := v.Group
		if key == "" {
			key = v.Constraint.String()
		}
		want[key], got[key] = wanted(v.Constraint), measured(v)
		t.Errorf("balancetest: session %q does not meet %q (%s): mismatch (-want +got):\n%s",
			title, ruleOf(v.Constraint), v.Text, cmp.Diff(want, got))
	}
}

// ruleOf names a constraint with its note: "at least 2 genders among
// speakers, IGF 2023 minimum criteria: …".
func ruleOf(c balance.Constraint) string {
	if c.Note != "" {
		return c.String() + ", " + c.Note
	}
	return c.String()
}

// ReportMeetsPresets fails the test for each constraint of the presets
// that the report's session does not meet, as [ReportMeets] does, naming the
// rule each encodes.
func ReportMeetsPresets(t TB, r *balance.Report, presets ...balance.Preset) {
	t.Helper()
	for _, p := range presets {
		ReportMeets(t, r, p.Constraints...)
	}
}

// wanted writes what a constraint allows: "≥ 3", "≤ 40%", "45%–55%".
func wanted(c balance.Constraint) string {
	switch c.Rule {
	case balance.RuleMaxShare, balance.RuleMaxPeople:
		return "≤ " + format.Percent(c.Max)
	case balance.RuleShare:
		return format.Percent(c.Min) + "–" + format.Percent(c.Max)
	}
	return "≥ " + strconv.FormatFloat(c.Min, 'f', -1, 64)
}

// measured writes what a violation found, in the units of wanted.
func measured(v balance.Violation) string {
	switch v.Constraint.Rule {
	case balance.RuleMaxShare, balance.RuleShare, balance.RuleMaxPeople:
		s := format.Percent(v.Measured)
		if len(v.People) > 0 {
			s += " (" + strings.Join(v.People, ", ") + ")"
		}
		return s
	}
	return fmt.Sprint(v.Measured)
}
