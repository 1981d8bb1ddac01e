package balance

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// validate checks p as [DecodePolicy] documents: a blank name, which names
// nobody in a valid session; more names than agenda.MaxPeople, the
// *agenda.LimitError a session of them would give; then what Policy.check
// refuses.
func (p Policy) validate() error {
	people := slices.Sorted(maps.Keys(p.People))
	byKey := make(map[string]string, len(people)) // the first name of each key
	var same error                                // two names of one person, the first in order
	for _, name := range people {
		key := agenda.NameKey(name)
		if key == "" {
			return &PolicyError{Field: "People", Value: name, Reason: "a name cannot be blank"}
		}
		if other, ok := byKey[key]; ok && same == nil {
			same = &PolicyError{Field: "People", Value: other, Reason: fmt.Sprintf("the same person as %q", name)}
		}
		byKey[key] = cmp.Or(byKey[key], name)
	}
	for _, list := range []struct {
		field string
		names []string
	}{{"First", p.First}, {"Last", p.Last}} {
		for i, name := range list.names {
			if agenda.NameKey(name) == "" {
				return &PolicyError{Field: fmt.Sprintf("%s[%d]", list.field, i), Value: name, Reason: "a name cannot be blank"}
			}
		}
	}
	// The people p names, one for each name key, as a session of them
	// would count them before anything else.
	keys := map[string]bool{}
	for _, name := range slices.Concat(people, p.First, p.Last) {
		keys[agenda.NameKey(name)] = true
	}
	if len(keys) > agenda.MaxPeople {
		return &agenda.LimitError{What: "people", Count: len(keys), Max: agenda.MaxPeople, Limit: "agenda.MaxPeople"}
	}
	if err := p.check(); err != nil {
		return err
	}
	return same
}

// check returns what is wrong with p whatever the session: a policy it
// refuses, [Allocate] refuses for every session, and the first problem it
// finds is the one Allocate reports. The checks that need the session
// (whether the people p names are among its people, and which of them are
// one person) are Allocate's, and [Policy.validate] also refuses two names
// of one person whatever the session.
func (p Policy) check() error {
	if step := cmp.Or(p.Step, defaultStep); step < time.Second || step%time.Second != 0 {
		return &PolicyError{Field: "Step", Value: p.Step.String(), Reason: "must be a whole number of seconds, at least one"}
	}
	if !finite(cmp.Or(p.Fairness, defaultFairness)) {
		return &PolicyError{Field: "Fairness", Value: fmt.Sprint(p.Fairness), Reason: "must be a finite number, not negative"}
	}
	if p.Deviation != "" && p.Deviation != "quadratic" && p.Deviation != linearDeviation {
		return &PolicyError{Field: "Deviation", Value: p.Deviation, Reason: "want quadratic (empty) or linear"}
	}
	dims := p.Dimensions
	if dims == nil {
		dims = defaultDimensions()
	}
	seen := map[string]bool{}
	for i, d := range dims {
		if err := d.check(fmt.Sprintf("Dimensions[%d]", i), seen); err != nil {
			return err
		}
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"Min", p.Min}, {"Max", p.Max}, {"Intro", p.Intro}, {"Handover", p.Handover}, {"OnlineHandover", p.OnlineHandover}, {"Audience", p.Audience}} {
		if d.v < 0 {
			return &PolicyError{Field: d.name, Value: d.v.String(), Reason: "must not be negative"}
		}
	}
	// Checked in the map's order, as a policy with no problem is the
	// common case; a problem found is looked for again in the order of the
	// names, so that the first is the same whatever the map's order.
	for _, l := range p.People {
		if l.check() != nil {
			for _, name := range slices.Sorted(maps.Keys(p.People)) {
				if err := p.People[name].check(); err != nil {
					err.Field = "People[" + strconv.Quote(name) + "]." + err.Field
					return err
				}
			}
		}
	}
	if spread := cmp.Or(p.Spread, defaultSpread); spread < 0 || math.IsNaN(spread) {
		return &PolicyError{Field: "Spread", Value: fmt.Sprint(p.Spread), Reason: "must not be negative"}
	}
	if p.MinTurn < 0 {
		return &PolicyError{Field: "MinTurn", Value: p.MinTurn.String(), Reason: "must not be negative"}
	}
	return nil
}

// check returns what is wrong with l, a *PolicyError whose Field is the
// field of Limits, if its bounds, weight or share are negative or not
// finite.
func (l Limits) check() *PolicyError {
	for _, b := range []struct {
		field string
		v     time.Duration
	}{{"Min", l.Min}, {"Max", l.Max}} {
		if b.v < 0 {
			return &PolicyError{Field: b.field, Value: b.v.String(), Reason: "must not be negative"}
		}
	}
	for _, f := range []struct {
		field string
		v     float64
	}{{"Share", l.Share}, {"Weight", l.Weight}} {
		if !finite(f.v) {
			return &PolicyError{Field: f.field, Value: fmt.Sprint(f.v), Reason: "must be a finite number, not negative"}
		}
	}
	return nil
}

// check returns what is wrong with d, the dimension at field of a policy;
// seen holds the names of the dimensions before it.
func (d Dimension) check(field string, seen map[string]bool) error {
	if err := d.By.check(); err != nil {
		err.Field = field + ".By"
		return err
	}
	if d.By == ByLabel && d.Label == "" {
		return &PolicyError{Field: field + ".Label", Reason: "a label dimension needs the label's key"}
	}
	if seen[d.Name()] {
		return &PolicyError{Field: field, Value: d.Name(), Reason: "dimension given twice"}
	}
	seen[d.Name()] = true
	if d.Weight < 0 || math.IsNaN(d.Weight) || math.IsInf(d.Weight, 0) {
		return &PolicyError{Field: field + ".Weight", Value: fmt.Sprint(d.Weight), Reason: "must be a finite number, not negative"}
	}
	if d.Tolerance < 0 || d.Tolerance > 1 || math.IsNaN(d.Tolerance) {
		return &PolicyError{Field: field + ".Tolerance", Value: fmt.Sprint(d.Tolerance), Reason: "must be between 0 and 1"}
	}
	switch d.Target {
	case "", targetEqual, targetHeadcount:
	case targetExplicit:
		sum := 0.0
		for _, g := range slices.Sorted(maps.Keys(d.Shares)) {
			if share := d.Shares[g]; share < 0 || math.IsNaN(share) {
				return &PolicyError{Field: field + ".Shares[" + strconv.Quote(g) + "]", Value: fmt.Sprint(share), Reason: "must not be negative"}
			}
			// A target for a group that is none of the dimension's would
			// be reported as a group without speakers, and unmet.
			if why := notInSet(d, g); why != "" {
				return &PolicyError{Field: field + ".Shares", Value: g, Reason: why}
			}
			sum += d.Shares[g]
		}
		if math.Abs(sum-1) > 1e-9 {
			return &PolicyError{Field: field + ".Shares", Value: fmt.Sprint(sum), Reason: "explicit shares must add up to 1"}
		}
	default:
		return &PolicyError{Field: field + ".Target", Value: d.Target, Reason: "want equal, headcount or explicit"}
	}
	return nil
}

// PolicyError reports a policy that is not well formed.
type PolicyError struct {
	Field  string // the field of Policy, such as "Dimensions[1].Shares"
	Value  string // the offending value
	Reason string
}

// Error returns "balance: policy <field> <value>: <reason>".
func (e *PolicyError) Error() string {
	msg := "balance: policy " + e.Field
	if e.Value != "" {
		msg += " " + strconv.Quote(e.Value)
	}
	return msg + ": " + e.Reason
}
