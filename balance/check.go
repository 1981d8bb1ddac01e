package balance

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// Constraint is a rule a session must meet, such as "at least 3
// stakeholder groups among speakers", "no regional group above 40% of
// speaking time", "online share within 45–55%" or "at least one woman
// among speakers". Constraints are plain values that also decode from JSON
// (see [DecodeConstraints]), so a proposal form or a CI job can carry them.
type Constraint struct {
	Rule  Rule   `json:"rule"`
	By    By     `json:"by"`
	Label string `json:"label,omitempty"` // the label's key, for ByLabel
	Group string `json:"group,omitempty"` // the group a rule is about, where it is about one

	// Min and Max bound what the rule measures: a number of groups or
	// speakers, or a share of speaking time between 0 and 1.
	Min float64 `json:"min,omitempty"`
	Max float64 `json:"max,omitempty"`
}

// Rule says what a constraint measures.
type Rule string

// The rules.
const (
	RuleMinGroups Rule = "min-groups" // at least Min groups of the dimension among the speakers
	RuleMaxShare  Rule = "max-share"  // no group (or Group, if given) above Max of the speaking time
	RuleShare     Rule = "share"      // Group's share of the speaking time within Min and Max
	RuleMinCount  Rule = "min-count"  // at least Min speakers in Group
)

// String returns r's text.
func (r Rule) String() string { return string(r) }

// MarshalText returns r's text, or an error if r is not a rule.
func (r Rule) MarshalText() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return []byte(r), nil
}

// UnmarshalText sets r from "min-groups", "max-share", "share" or
// "min-count", and refuses anything else.
func (r *Rule) UnmarshalText(text []byte) error {
	if err := Rule(text).check(); err != nil {
		return err
	}
	*r = Rule(text)
	return nil
}

func (r Rule) check() *PolicyError {
	switch r {
	case RuleMinGroups, RuleMaxShare, RuleShare, RuleMinCount:
		return nil
	}
	return &PolicyError{Field: "Rule", Value: string(r), Reason: "want min-groups, max-share, share or min-count"}
}

// dimension returns the dimension the constraint measures.
func (c Constraint) dimension() Dimension { return Dimension{By: c.By, Label: c.Label} }

// String describes the constraint in words, as "no regional group above
// 40% of speaking time".
func (c Constraint) String() string {
	noun := groupNoun(c.By, c.Label)
	switch c.Rule {
	case RuleMinGroups:
		return fmt.Sprintf("at least %s %s among speakers", num(c.Min), plural(noun, 2))
	case RuleMaxShare:
		if c.Group != "" {
			return fmt.Sprintf("%s at most %s of speaking time", c.Group, pct(c.Max))
		}
		return fmt.Sprintf("no %s above %s of speaking time", noun, pct(c.Max))
	case RuleShare:
		return fmt.Sprintf("%s share within %s–%s", c.Group, pct(c.Min), pct(c.Max))
	case RuleMinCount:
		return fmt.Sprintf("at least %s %s among speakers", num(c.Min), c.Group)
	}
	return string(c.Rule)
}

// validate reports a constraint that cannot be checked.
func (c Constraint) validate(i int) error {
	field := fmt.Sprintf("constraints[%d]", i)
	if err := c.Rule.check(); err != nil {
		err.Field = field + ".rule"
		return err
	}
	if err := c.By.check(); err != nil {
		err.Field = field + ".by"
		return err
	}
	switch {
	case c.By == ByLabel && c.Label == "":
		return &PolicyError{Field: field + ".label", Reason: "a label constraint needs the label's key"}
	case (c.Rule == RuleShare || c.Rule == RuleMinCount) && c.Group == "":
		return &PolicyError{Field: field + ".group", Reason: "rule " + string(c.Rule) + " needs a group"}
	case math.IsNaN(c.Min) || math.IsNaN(c.Max) || c.Min < 0 || c.Max < 0:
		return &PolicyError{Field: field, Value: fmt.Sprintf("min %v, max %v", c.Min, c.Max), Reason: "bounds must be numbers, not negative"}
	case (c.Rule == RuleMaxShare || c.Rule == RuleShare) && (c.Max > 1 || c.Min > c.Max):
		return &PolicyError{Field: field, Value: fmt.Sprintf("min %v, max %v", c.Min, c.Max), Reason: "shares are between 0 and 1, min at most max"}
	}
	return nil
}

// Violation is a constraint a session does not meet.
type Violation struct {
	Constraint Constraint
	Group      string   // the group measured, if the rule is about one
	Measured   float64  // what was measured: a number of groups or speakers, or a share
	People     []string // the speakers involved
	Text       string   // what was found, in words
}

// Error returns "balance: <constraint>: <what was found>".
func (v *Violation) Error() string { return "balance: " + v.Constraint.String() + ": " + v.Text }

// Check returns every constraint the report's session does not meet, in the
// order of the constraints, and an error if a constraint is malformed. The
// counts are of the report's speakers; the shares are of its speaking time
// among the speakers with a value in the constraint's dimension.
func Check(r *Report, constraints ...Constraint) ([]Violation, error) {
	for i, c := range constraints {
		if err := c.validate(i); err != nil {
			return nil, err
		}
	}
	people := make(map[string]*agenda.Person, len(r.Speakers))
	if r.Session != nil {
		for _, sp := range r.Speakers {
			people[sp.Name], _ = r.Session.Person(sp.Name)
		}
	}
	var out []Violation
	for _, c := range constraints {
		if c.By == ByMode && r.Session != nil && r.Session.Format != agenda.FormatHybrid {
			continue // a mode rule means nothing in a session that is not hybrid
		}
		dim := c.dimension()
		// Genders are compared as the report compares them: ignoring case
		// and surrounding space, so that "Woman" is "woman".
		group := c.Group
		if dim.By == ByGender {
			group = strings.ToLower(strings.TrimSpace(group))
		}
		// The groups of the dimension among the speakers: time, and who.
		type tally struct {
			time   float64
			people []string
		}
		groups := map[string]*tally{}
		known := 0.0
		for _, sp := range r.Speakers {
			p := people[sp.Name]
			if p == nil {
				continue
			}
			g := dim.group(p)
			if g == "" {
				continue
			}
			if dim.By == ByGender {
				g = strings.ToLower(strings.TrimSpace(g))
			}
			if groups[g] == nil {
				groups[g] = &tally{}
			}
			groups[g].time += float64(sp.Time)
			groups[g].people = append(groups[g].people, sp.Name)
			known += float64(sp.Time)
		}
		share := func(g string) float64 {
			if known == 0 || groups[g] == nil {
				return 0
			}
			return groups[g].time / known
		}
		if known == 0 && (c.Rule == RuleMaxShare || c.Rule == RuleShare) {
			continue // no speaking time to share
		}
		names := slices.Sorted(maps.Keys(groups))
		switch c.Rule {
		case RuleMinGroups:
			if n := float64(len(groups)); n < c.Min {
				out = append(out, Violation{Constraint: c, Measured: n,
					Text: fmt.Sprintf("%d: %s", len(groups), listOrNone(names))})
			}
		case RuleMaxShare:
			for _, g := range names {
				if (c.Group == "" || g == group) && share(g) > c.Max+1e-12 {
					out = append(out, Violation{Constraint: c, Group: g, Measured: share(g), People: groups[g].people,
						Text: fmt.Sprintf("%s has %s", g, pct(share(g)))})
				}
			}
		case RuleShare:
			if sh := share(group); sh < c.Min-1e-12 || sh > c.Max+1e-12 {
				var who []string
				if groups[group] != nil {
					who = groups[group].people
				}
				out = append(out, Violation{Constraint: c, Group: c.Group, Measured: sh, People: who,
					Text: fmt.Sprintf("%s has %s", c.Group, pct(sh))})
			}
		case RuleMinCount:
			var who []string
			if t := groups[group]; t != nil {
				who = t.people
			}
			if n := float64(len(who)); n < c.Min {
				text, given := fmt.Sprint(len(who)), 0
				for _, t := range groups {
					given += len(t.people)
				}
				if given < len(r.Speakers) {
					text += fmt.Sprintf(" (%s given for %d of %d speakers)", dim.Name(), given, len(r.Speakers))
				}
				out = append(out, Violation{Constraint: c, Group: c.Group, Measured: n, People: who, Text: text})
			}
		}
	}
	return out, nil
}

// DecodeConstraints reads a JSON list of constraints as strictly as
// [agenda.UnmarshalStrict] reads anything: unknown fields, rules and
// groupings are errors naming their path. It reads at most agenda.MaxBytes.
func DecodeConstraints(r io.Reader) ([]Constraint, error) {
	data, err := io.ReadAll(io.LimitReader(r, agenda.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	var cs []Constraint
	if err := agenda.UnmarshalStrict(data, &cs); err != nil {
		return nil, err
	}
	for i, c := range cs {
		if err := c.validate(i); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// groupNoun names a dimension's groups: "stakeholder group", "region group".
func groupNoun(b By, label string) string {
	switch b {
	case ByMode:
		return "participation mode"
	case ByStakeholder:
		return "stakeholder group"
	case ByRegion:
		return "regional group"
	case ByLabel:
		return label
	}
	return string(b)
}

// num writes a count without a fraction where it has none.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
