package timetable

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// CheckState moves sessions of p at random and checks, after each move,
// that the sums the search keeps give the cost and the clashes that
// counting afresh gives. It returns the first difference.
func CheckState(p *Problem, steps int, seed uint64) error {
	p.Published = nil
	m, err := compile(p)
	if err != nil {
		return err
	}
	st, unplaced := m.search(nil, 1)
	if len(unplaced) > 0 {
		return fmt.Errorf("unplaced %v", unplaced)
	}
	// Publish a timetable, so that the changes count too.
	p.Published = st.timetable()
	p.Published[0] = Placement{Unplaced, Unplaced}
	if m, err = compile(p); err != nil {
		return err
	}
	st = newState(m)
	for i, pl := range p.Published {
		if pl.Placed() {
			st.place(i, int32(pl.Slot*m.R+pl.Room))
		}
	}
	rng := rand.New(rand.NewPCG(seed, 3))
	for step := range steps {
		i := rng.IntN(m.n)
		c := int32(rng.IntN(m.S * m.R))
		if st.at[i] < 0 {
			if st.occ[c] < 0 {
				st.place(i, c)
			}
		} else if _, ok := st.try(i, c); !ok && st.occ[c] < 0 {
			st.remove(i)
			st.place(i, c)
		}
		tt := st.timetable()
		want := m.costOf(tt)
		if got := st.cost(); math.Abs(got-want.Total) > 1e-9 {
			return fmt.Errorf("step %d: state cost %v, counted afresh %+v", step, got, want)
		}
		vs, err := p.Validate(tt)
		if err != nil {
			return err
		}
		clashes := 0
		for _, v := range vs {
			if v.Rule == RulePersonOverlap || v.Rule == RuleRoomOverlap {
				clashes++
			}
		}
		if int64(clashes) != st.clashes {
			return fmt.Errorf("step %d: state has %d clashes, Validate finds %d: %v", step, st.clashes, clashes, vs)
		}
	}
	return nil
}

// SolveWithin is Solve with the branch and bound over slots limited to
// the given number of nodes.
func SolveWithin(p *Problem, nodes int) (*Result, error) { return p.solve(nodes) }

// WithoutColumns makes the branch and bound over slots do without the
// Lagrangian bound, as for a programme with too many sets of sessions,
// until the returned function is called.
func WithoutColumns() (restore func()) {
	old := maxColumns
	maxColumns = 0
	return func() { maxColumns = old }
}

// SlotNodes returns the nodes the branch and bound over slots visits on
// p, from the local search's timetable, and whether it was complete.
func SlotNodes(p *Problem) (int, bool) {
	m, err := compile(p)
	if err != nil || !m.apart() {
		return 0, false
	}
	st, _ := m.search(p.Published, p.Seed)
	ss := newSlotSearch(m, maxSlotNodes)
	ss.best, ss.bestCost = st.timetable(), st.cost()
	ss.run()
	return ss.nodes, ss.nodes <= ss.limit
}
