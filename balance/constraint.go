package balance

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/strictjson"
)

// Constraint is a rule a session must meet, such as "at least 3
// stakeholder groups among speakers", "no regional group above 40% of
// speaking time", "online share within 45–55%" or "at least one woman
// among speakers". Constraints are plain values that also decode from JSON
// (see [DecodeConstraints]), so a proposal form or a CI job can carry them.
type Constraint struct {
	Rule  Rule   `json:"rule"`
	By    By     `json:"by,omitempty"`    // empty only for a min-count of everyone, without a group
	Label string `json:"label,omitempty"` // the label's key, for ByLabel
	Group string `json:"group,omitempty"` // the group a rule is about, where it is about one

	// Role is the role of the people that min-count and min-groups count,
	// such as moderators for "a moderator onsite"; empty means the
	// report's speakers.
	Role agenda.Role `json:"role,omitempty"`

	// Min and Max bound what the rule measures: a number of groups or
	// speakers, or a share of speaking time between 0 and 1.
	Min float64 `json:"min,omitempty"`
	Max float64 `json:"max,omitempty"`

	// Note says where the constraint comes from, such as "IGF 2023
	// minimum criteria", for the violations to quote.
	Note string `json:"note,omitempty"`
}

// Rule says what a constraint measures.
type Rule string

// The rules.
const (
	RuleMinGroups Rule = "min-groups" // at least Min groups of the dimension among the speakers
	RuleMaxShare  Rule = "max-share"  // no group (or Group, if given) above Max of the speaking time
	RuleShare     Rule = "share"      // Group's share of the speaking time within Min and Max
	RuleMinCount  Rule = "min-count"  // at least Min speakers (or holders of Role) in Group, or at all if no Group is given

	// RuleMaxPeople caps a group's share of the people counted rather than
	// of the time: no group (or Group, if given) above Max of the speakers
	// (or holders of Role) with a value in the dimension.
	RuleMaxPeople Rule = "max-people"
)

// MarshalText returns r's text, or a *PolicyError if r is not a rule.
func (r Rule) MarshalText() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return []byte(r), nil
}

// UnmarshalText sets r from "min-groups", "max-share", "share",
// "min-count" or "max-people", and refuses anything else with a
// *PolicyError.
func (r *Rule) UnmarshalText(text []byte) error {
	if err := Rule(text).check(); err != nil {
		return err
	}
	*r = Rule(text)
	return nil
}

func (r Rule) check() *PolicyError {
	switch r {
	case RuleMinGroups, RuleMaxShare, RuleShare, RuleMinCount, RuleMaxPeople:
		return nil
	}
	return &PolicyError{Field: "Rule", Value: string(r), Reason: "want min-groups, max-share, share, min-count or max-people"}
}

// dimension returns the dimension the constraint measures.
func (c Constraint) dimension() Dimension { return Dimension{By: c.By, Label: c.Label} }

// String describes the constraint in words, as "no regional group above
// 40% of speaking time" or "at least 1 moderator onsite".
func (c Constraint) String() string {
	noun := groupNoun(c.By, c.Label)
	switch c.Rule {
	case RuleMinGroups:
		return fmt.Sprintf("at least %s %s among %s", num(c.Min), plural(noun, 2), plural(c.counted(), 2))
	case RuleMaxShare:
		if c.Group != "" {
			return fmt.Sprintf("%s at most %s of speaking time", c.Group, pct(c.Max))
		}
		return fmt.Sprintf("no %s above %s of speaking time", noun, pct(c.Max))
	case RuleShare:
		return fmt.Sprintf("%s share within %s–%s", c.Group, pct(c.Min), pct(c.Max))
	case RuleMaxPeople:
		if c.Group != "" {
			return fmt.Sprintf("%s at most %s of %s", c.Group, pct(c.Max), plural(c.counted(), 2))
		}
		return fmt.Sprintf("no %s above %s of %s", noun, pct(c.Max), plural(c.counted(), 2))
	case RuleMinCount:
		n := int(math.Min(c.Min, 2))
		if g := strings.ToLower(c.Group); c.By == ByGender && (g == "woman" || g == "man") {
			return fmt.Sprintf("at least %s %s among %s", num(c.Min), plural(g, n), plural(c.counted(), 2))
		}
		who := fmt.Sprintf("at least %s %s", num(c.Min), plural(c.counted(), n))
		if c.Group == "" {
			return who
		}
		return who + " " + memberPhrase(c.dimension(), c.Group)
	}
	return string(c.Rule)
}

// counted names the people a count rule counts: "speaker", "moderator".
func (c Constraint) counted() string {
	if c.Role == "" {
		return "speaker"
	}
	return string(c.Role)
}

// memberPhrase completes "at least 2 speakers …" for a group: "onsite",
// "from WEOG", "with gender woman".
func memberPhrase(d Dimension, g string) string {
	switch d.By {
	case ByMode:
		return g
	case ByStakeholder, ByRegion:
		return "from " + g
	case ByLabel:
		return "with " + d.Label + " " + g
	}
	return "with " + string(d.By) + " " + g
}

// validate reports a constraint that cannot be checked.
func (c Constraint) validate(i int) *PolicyError {
	field := fmt.Sprintf("constraints[%d]", i)
	if err := c.Rule.check(); err != nil {
		err.Field = field + ".rule"
		return err
	}
	if err := c.By.check(); err != nil && (c.By != "" || c.Rule != RuleMinCount || c.Group != "") {
		err.Field = field + ".by"
		return err
	}
	if c.Role != "" {
		var r agenda.Role
		if err := r.UnmarshalText([]byte(c.Role)); err != nil || r != c.Role || r == agenda.RoleSpeaker {
			return &PolicyError{Field: field + ".role", Value: string(c.Role), Reason: "want a role other than speaker (leave it empty for speakers)"}
		}
	}
	if why := notInSet(c.dimension(), c.Group); c.Group != "" && why != "" {
		// A group that is none of the dimension's would count nobody, and
		// a rule about it would fail, or wait on those who give no value.
		return &PolicyError{Field: field + ".group", Value: c.Group, Reason: why}
	}
	switch {
	case c.By == ByLabel && c.Label == "":
		return &PolicyError{Field: field + ".label", Reason: "a label constraint needs the label's key"}
	case c.Rule == RuleShare && c.Group == "", c.Rule == RuleMinCount && c.Group == "" && c.By != "":
		return &PolicyError{Field: field + ".group", Reason: "rule " + string(c.Rule) + " needs a group"}
	case math.IsNaN(c.Min) || math.IsNaN(c.Max) || c.Min < 0 || c.Max < 0:
		return &PolicyError{Field: field, Value: fmt.Sprintf("min %v, max %v", c.Min, c.Max), Reason: "bounds must be numbers, not negative"}
	case c.Role != "" && (c.Rule == RuleMaxShare || c.Rule == RuleShare):
		return &PolicyError{Field: field + ".role", Value: string(c.Role), Reason: "rule " + string(c.Rule) + " measures speaking time, which only speakers have"}
	case (c.Rule == RuleMaxShare || c.Rule == RuleShare || c.Rule == RuleMaxPeople) && (c.Max > 1 || c.Min > c.Max):
		return &PolicyError{Field: field, Value: fmt.Sprintf("min %v, max %v", c.Min, c.Max), Reason: "shares are between 0 and 1, min at most max"}
	}
	return nil
}

// DecodeConstraints reads a JSON list of constraints strictly: unknown
// fields, a field given twice, rules and groupings are errors naming their
// path. It reads at most agenda.MaxBytes.
// JSON that is not a list of constraints, an error of r and input beyond
// agenda.MaxBytes (wrapping an *agenda.LimitError) are *agenda.DecodeError
// values; a constraint that cannot be checked is a *PolicyError naming it,
// as [Check] refuses it.
func DecodeConstraints(r io.Reader) ([]Constraint, error) {
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return nil, &agenda.DecodeError{Err: err}
	}
	var cs []Constraint
	if err := strictjson.Decode(data, &cs); err != nil {
		return nil, err
	}
	for i, c := range cs {
		if err := c.validate(i); err != nil {
			return nil, err
		}
	}
	return cs, nil
}
