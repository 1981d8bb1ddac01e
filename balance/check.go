package balance

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// Violation is a constraint a session does not meet or, if Unchecked, one
// that cannot be checked because too few of the people it counts give the
// field it is about.
type Violation struct {
	Constraint Constraint

	// Unchecked is set for a constraint whose field nobody among the people
	// it counts gives, such as a gender rule for a session whose page gives
	// no genders, and for a minimum the given values miss but the people
	// who give none could make up (two women and a speaker of no given
	// gender, against "at least two genders"): it neither passes nor fails.
	Unchecked bool

	Group    string   // the group measured, if the rule is about one
	Measured float64  // what was measured: a number of groups or speakers, or a share
	People   []string // the speakers involved
	Text     string   // what was found, in words: for a constraint that cannot be checked, how many give its field, "gender given for 0 of 5 speakers"
}

// Error returns "balance: <constraint> (<note>): <what was found>", with
// "cannot be checked: " before what was found if it cannot be.
func (v *Violation) Error() string {
	c := v.Constraint.String()
	if v.Constraint.Note != "" {
		c += " (" + v.Constraint.Note + ")"
	}
	if v.Unchecked {
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
// returned with Unchecked set, neither passed nor failed, and its Text
// says so: "gender given for 0 of 5 speakers". Nor can a min-groups or a
// min-count of a group that the people with a value miss, but that the
// people without one could meet: it fails only if it would fail whatever
// they gave. A maximum or a share is of the people with a value, and is
// checked on them. A value outside the
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
		if slices.Contains(p.Roles, role) {
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
// number given (in the dimension's full set), their time, and the number
// of people who give no value: from the report's tallies when the people
// are its speakers and it has the dimension, else by Dimension.groupOf.
func groupsOf(r *Report, dim Dimension, people []member, speakers bool) (groups map[string]*tally, given int, known float64, unknown int) {
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
			return groups, given, known, dr.Unknown
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
			return groups, given, known, h.Unknown
		}
	}
	for _, m := range people {
		if m.person == nil {
			unknown++ // without the session, nobody's groups are known
			continue
		}
		g := dim.groupOf(r.Session, m.person)
		if g == "" {
			unknown++
		}
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
	return groups, given, known, unknown
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
	given, known, missing := 0, 0.0, 0
	if c.By != "" {
		groups, given, known, missing = groupsOf(r, dim, people, speakers)
	}
	givenFor := fmt.Sprintf("%s given for %d of %d %s", givenNoun(dim), given, len(people), plural(c.counted(), len(people)))
	// A rule about a field that nobody counted gives cannot be checked; one
	// whose people all give a value outside the dimension's set (every
	// speaker's region an intergovernmental organization) can.
	if c.By != "" && len(people) > 0 && missing == len(people) {
		var who []string
		for _, m := range people {
			who = append(who, m.name)
		}
		return []Violation{{Constraint: c, Unchecked: true, Group: c.Group, People: who, Text: givenFor}}
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
		return " (" + givenFor + ")"
	}
	// short is what a minimum that the people without a value could make
	// up found, in words that say first what was given.
	short := func(v Violation, found string) Violation {
		v.Text = found + unknown()
		if v.Unchecked {
			v.Text = givenFor + ", among them " + found
		}
		return v
	}
	names := slices.Sorted(maps.Keys(groups))
	var out []Violation
	switch c.Rule {
	case RuleMinGroups:
		if n := float64(len(groups)); n < c.Min {
			// Each person without a value could be of a group not yet
			// seen, as far as the dimension's full set has one.
			reach := len(groups) + missing
			if u := universe(dim); len(u) > 0 {
				reach = min(reach, len(u))
			}
			out = append(out, short(Violation{Constraint: c, Measured: n, Unchecked: float64(reach) >= c.Min},
				fmt.Sprintf("%d: %s", len(groups), listOrNone(names))))
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
			v := Violation{Constraint: c, Group: c.Group, Measured: n, People: who,
				Text: fmt.Sprint(len(who))} // the people are in People, for a renderer to name as it may
			if c.Group != "" {
				// Whether those who give no value could make up the count.
				v.Unchecked = float64(len(who)+missing) >= c.Min
				v = short(v, v.Text)
			}
			out = append(out, v)
		}
	}
	return out
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
// 0 of 5 speakers": "gender", "stakeholder group", "UN regional group".
func givenNoun(d Dimension) string {
	switch d.By {
	case ByGender:
		return "gender"
	case ByRegion:
		return "UN regional group" // a region that is none, an intergovernmental organization, is given but not counted
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
