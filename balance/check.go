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

// String returns r's text.
func (r Rule) String() string { return string(r) }

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

// Violation is a constraint a session does not meet or, as its Outcome
// says, one that cannot be checked because nobody among the people it
// counts gives the field it is about.
type Violation struct {
	Constraint Constraint
	Outcome    Outcome
	Group      string   // the group measured, if the rule is about one
	Measured   float64  // what was measured: a number of groups or speakers, or a share
	People     []string // the speakers involved
	Text       string   // what was found, in words: for a constraint that cannot be checked, how many give its field, "gender given for 0 of 5 speakers"
}

// Outcome says whether a [Violation] fails or cannot be checked.
type Outcome string

// The outcomes of a violation; a constraint that passes has none.
const (
	OutcomeFail Outcome = "fail" // the session does not meet the constraint

	// OutcomeUnchecked is a constraint whose field nobody among the people
	// it counts gives, such as a gender rule for a session whose page gives
	// no genders: it neither passes nor fails.
	OutcomeUnchecked Outcome = "cannot be checked"
)

// Fails reports whether v is a constraint not met, rather than one that
// cannot be checked.
func (v *Violation) Fails() bool { return v.Outcome != OutcomeUnchecked }

// Error returns "balance: <constraint> (<note>): <what was found>", with
// "cannot be checked: " before what was found if it cannot be.
func (v *Violation) Error() string {
	c := v.Constraint.String()
	if v.Constraint.Note != "" {
		c += " (" + v.Constraint.Note + ")"
	}
	if !v.Fails() {
		return "balance: " + c + ": cannot be checked: " + v.Text
	}
	return "balance: " + c + ": " + v.Text
}

// Check returns every constraint the report's session does not meet, in the
// order of the constraints, and an error if a constraint is malformed (a
// *PolicyError naming it) or the report is nil ([ErrNoSession]). The counts are of the report's speakers, or of
// the session's holders of the constraint's Role; the shares are of the
// speaking time among the speakers with a value in the constraint's
// dimension.
//
// A constraint about a dimension that none of the people it counts gives a
// value in (no speaker gives a gender, say) cannot be checked: it is
// returned with [OutcomeUnchecked], neither passed nor failed, and its Text
// says so: "gender given for 0 of 5 speakers". A value outside the
// dimension's full set ("Intergovernmental Organization" as a regional
// group) is not one of its groups, as in the report.
//
// Check reads the groups of the report's speakers from the report: from
// its Dimensions, for the time, or from its Lineup; so a constraint and the
// report agree on who is in which group. It sorts people into groups
// itself, by the same rule, only for the holders of a role and for a
// dimension the report does not have.
//
// A participation mode is what a person's Mode says or, in a session that
// is all onsite or all online, the session's format, whatever the person's
// Mode says. Share rules about modes, and min-groups, are skipped in a
// session that is not hybrid, where parity between modes means nothing; a
// min-count of modes is not, so "a moderator onsite" fails in an online
// session.
func Check(r *Report, constraints ...Constraint) ([]Violation, error) {
	if r == nil {
		return nil, ErrNoSession
	}
	for i, c := range constraints {
		if err := c.validate(i); err != nil {
			return nil, err
		}
	}
	speakers := make([]member, 0, len(r.Speakers))
	var roster *agenda.Roster
	if r.Session != nil {
		roster = r.Session.Roster()
	}
	for _, sp := range r.Speakers {
		m := member{name: sp.Name, time: float64(sp.Time)}
		if roster != nil {
			m.person, _ = roster.Person(sp.Name)
		}
		speakers = append(speakers, m)
	}
	var out []Violation
	for _, c := range constraints {
		hybrid := r.Session == nil || r.Session.Format == agenda.FormatHybrid
		if c.By == ByMode && !hybrid && c.Rule != RuleMinCount {
			continue // a share of modes means nothing in a session that is not hybrid
		}
		people := speakers
		if c.Role != "" {
			people = holders(r, c.Role)
		}
		out = append(out, check(r, c, people, c.Role == "")...)
	}
	return out, nil
}

// member is someone a constraint counts, with their speaking time.
type member struct {
	name   string
	time   float64
	person *agenda.Person // nil if the report has no session
}

// holders returns the session's people who hold role, with the speaking
// time the report gives them.
func holders(r *Report, role agenda.Role) []member {
	if r.Session == nil {
		return nil
	}
	times := make(map[string]float64, len(r.Speakers))
	for _, sp := range r.Speakers {
		times[agenda.NameKey(sp.Name)] = float64(sp.Time)
	}
	var out []member
	for i := range r.Session.People {
		p := &r.Session.People[i]
		if p.Has(role) {
			out = append(out, member{name: p.Name, time: times[agenda.NameKey(p.Name)], person: p})
		}
	}
	return out
}

// tally is the people of one group of a dimension, and their time.
type tally struct {
	time   float64
	people []string
}

// groupsOf returns the groups of dimension dim among the people, their
// number given (in the dimension's full set) and their time: from the
// report's tallies when the people are its speakers and it has the
// dimension, else by [Dimension.groupOf].
func groupsOf(r *Report, dim Dimension, people []member, speakers bool) (groups map[string]*tally, given int, known float64) {
	groups = map[string]*tally{}
	if speakers {
		for _, dr := range r.Dimensions {
			if dr.Dimension.By != dim.By || dr.Dimension.Label != dim.Label {
				continue
			}
			for _, g := range dr.Groups {
				if g.Outside || g.Speakers == 0 {
					continue
				}
				groups[g.Group] = &tally{time: float64(g.Time), people: g.People}
				given += g.Speakers
				known += float64(g.Time)
			}
			return groups, given, known
		}
		for _, h := range r.Lineup {
			if h.Dimension.By != dim.By || h.Dimension.Label != dim.Label {
				continue
			}
			times := make(map[string]float64, len(r.Speakers))
			for _, sp := range r.Speakers {
				times[sp.Name] = float64(sp.Time)
			}
			for _, g := range h.Groups {
				if g.Outside {
					continue
				}
				t := &tally{people: g.People}
				for _, name := range g.People {
					t.time += times[name]
				}
				groups[g.Group] = t
				given += g.Speakers
				known += t.time
			}
			return groups, given, known
		}
	}
	for _, m := range people {
		if m.person == nil {
			continue
		}
		g := dim.groupOf(r.Session, m.person)
		if g == "" || dim.outsideSet(g) {
			continue
		}
		if groups[g] == nil {
			groups[g] = &tally{}
		}
		groups[g].time += m.time
		groups[g].people = append(groups[g].people, m.name)
		known += m.time
		given++
	}
	return groups, given, known
}

// check returns the violations of one valid constraint by the people, who
// are the report's speakers if speakers is set.
func check(r *Report, c Constraint, people []member, speakers bool) []Violation {
	dim := c.dimension()
	group := c.Group
	if dim.By == ByGender {
		group = genderKey(group)
	}
	var groups map[string]*tally
	given, known := 0, 0.0
	if c.By != "" {
		groups, given, known = groupsOf(r, dim, people, speakers)
	}
	// A rule about a field that nobody counted gives cannot be checked.
	if c.By != "" && given == 0 && len(people) > 0 {
		var who []string
		for _, m := range people {
			who = append(who, m.name)
		}
		return []Violation{{Constraint: c, Outcome: OutcomeUnchecked, Group: c.Group, People: who,
			Text: fmt.Sprintf("%s given for 0 of %d %s", givenNoun(dim), len(people), plural(c.counted(), len(people)))}}
	}
	share := func(g string) float64 {
		if known == 0 || groups[g] == nil {
			return 0
		}
		return groups[g].time / known
	}
	if known == 0 && (c.Rule == RuleMaxShare || c.Rule == RuleShare) {
		return nil // no speaking time to share
	}
	// unknown notes how many of the people have no value in the dimension,
	// which a count cannot tell apart from a missing group.
	unknown := func() string {
		if given == len(people) {
			return ""
		}
		return fmt.Sprintf(" (%s given for %d of %d %s)", givenNoun(dim), given, len(people), plural(c.counted(), len(people)))
	}
	names := slices.Sorted(maps.Keys(groups))
	var out []Violation
	switch c.Rule {
	case RuleMinGroups:
		if n := float64(len(groups)); n < c.Min {
			out = append(out, Violation{Constraint: c, Measured: n,
				Text: fmt.Sprintf("%d: %s%s", len(groups), listOrNone(names), unknown())})
		}
	case RuleMaxShare:
		for _, g := range names {
			if (c.Group == "" || g == group) && share(g) > c.Max+1e-12 {
				out = append(out, Violation{Constraint: c, Group: g, Measured: share(g), People: groups[g].people,
					Text: fmt.Sprintf("%s has %s%s", g, pct(share(g)), unknown())})
			}
		}
	case RuleMaxPeople:
		for _, g := range names {
			n := len(groups[g].people)
			if sh := float64(n) / float64(given); (c.Group == "" || g == group) && sh > c.Max+1e-12 {
				out = append(out, Violation{Constraint: c, Group: g, Measured: sh, People: groups[g].people,
					Text: fmt.Sprintf("%s has %d of %d %s (%s)%s", g, n, given, plural(c.counted(), given), pct(sh), unknown())})
			}
		}
	case RuleShare:
		if sh := share(group); sh < c.Min-1e-12 || sh > c.Max+1e-12 {
			var who []string
			if groups[group] != nil {
				who = groups[group].people
			}
			out = append(out, Violation{Constraint: c, Group: c.Group, Measured: sh, People: who,
				Text: fmt.Sprintf("%s has %s%s", c.Group, pct(sh), unknown())})
		}
	case RuleMinCount:
		var who []string
		if c.Group == "" {
			for _, m := range people {
				who = append(who, m.name)
			}
		} else if t := groups[group]; t != nil {
			who = t.people
		}
		if n := float64(len(who)); n < c.Min {
			text := fmt.Sprint(len(who)) // the people are in People, for a renderer to name as it may
			if c.Group != "" {
				text += unknown()
			}
			out = append(out, Violation{Constraint: c, Group: c.Group, Measured: n, People: who, Text: text})
		}
	}
	for i := range out {
		out[i].Outcome = OutcomeFail
	}
	return out
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

// givenNoun names what a dimension's people give, as in "gender given for
// 0 of 5 speakers": "gender", "stakeholder group", "regional group".
func givenNoun(d Dimension) string {
	switch d.By {
	case ByGender:
		return "gender"
	}
	return groupNoun(d.By, d.Label)
}

// num writes a count without a fraction where it has none.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
