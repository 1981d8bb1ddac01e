package timetable

import (
	"errors"
	"math"
)

// Result is a timetable with its cost and how far it may be from the best.
type Result struct {
	Timetable Timetable
	Cost      Cost

	// Bound is a lower bound on Cost.Total over every timetable that keeps
	// the hard rules; Cost.Total - Bound is how far the timetable may be
	// from the optimum. When Exact is set it is Cost.Total; when branch
	// and bound ran out of work before proving it, it is the better of the
	// package doc's bound and the search's.
	Bound float64

	// Exact is set when branch and bound proved the timetable optimal.
	Exact bool

	// Violations lists the hard rules the timetable breaks, as
	// [Problem.Validate] does: none, unless Solve returned an error.
	Violations []Violation

	// Diversity is the diversity of each slot's speakers: the mean, over
	// region and stakeholder group, of Simpson's index 1 − Σ p², p being
	// each group's share of the slot's speakers who give one; 0 when they
	// all share a group, -1 for a slot without such speakers.
	Diversity []float64
}

// Gap returns Cost.Total - Bound: how much better than the timetable the
// best one could be, at most.
func (r *Result) Gap() float64 { return r.Cost.Total - r.Bound }

// Solve makes a timetable: by a seeded local search from Published (or
// from nothing), then, for a programme of at most ExactUpTo sessions, by
// branch and bound, which proves it optimal when it ends within its limit;
// otherwise the result says how far it may be from the lower bound. The
// same problem gives the same result.
//
// The error is an *InputError for a malformed problem, or an
// *agenda.LimitError for a programme of more than agenda.MaxSessions
// sessions, and then the result is nil; a *InfeasibleError (matching [ErrInfeasible]) when a session has
// no room or slot it may go to or the sessions compete for too few (the
// result is nil), or when a person speaks in more sessions than the
// programme allows or the timetable found still breaks a hard rule (the
// result is the best timetable found, with its Violations).
func (p *Problem) Solve() (*Result, error) { return p.solve(maxSlotNodes) }

// solve is Solve with a limit on the nodes of the branch and bound over
// slots.
func (p *Problem) solve(slotNodes int) (*Result, error) {
	m, err := compile(p)
	if err != nil {
		return nil, err
	}
	for i := range m.n {
		if m.count(i) == 0 {
			return nil, m.nowhere(i)
		}
	}
	st, unplaced := m.search(p.Published, p.Seed)
	if len(unplaced) > 0 {
		return nil, m.crowded(st, unplaced)
	}
	t := st.timetable()
	res := &Result{}
	upTo := p.ExactUpTo
	if upTo == 0 {
		upTo = defaultExactUpTo
	}
	proven := false
	root := math.Inf(-1) // the exact search's bound at its root, if it ran
	if m.n <= upTo {
		var inc Timetable
		incCost := 0.0
		if st.clashes == 0 {
			inc, incCost = t, st.cost()
		}
		var best Timetable
		var complete bool
		if m.apart() {
			best, _, complete, root = m.exactSlots(inc, incCost, slotNodes)
		} else {
			best, _, complete = m.exact(inc, incCost)
		}
		if best != nil {
			t = best
		}
		res.Exact = complete && best != nil
		proven = complete && best == nil
	}
	res.Timetable = t
	res.Cost = m.costOf(t)
	res.Diversity = m.slotDiversity(t)
	res.Bound = min(max(m.bound(), root), res.Cost.Total)
	if res.Exact {
		res.Bound = res.Cost.Total
	}
	res.Violations, err = p.Validate(t)
	if err != nil {
		return nil, err // cannot happen: the problem compiled and t fits it
	}
	var errs []error
	if e := m.tooMany(); e != nil {
		errs = append(errs, e)
	}
	var placing []Violation
	for _, v := range res.Violations {
		if v.Rule != RuleTooMany {
			placing = append(placing, v)
		}
	}
	if len(placing) > 0 {
		errs = append(errs, m.clashing(placing, proven))
	}
	if len(errs) == 1 {
		return res, errs[0]
	}
	return res, errors.Join(errs...)
}
