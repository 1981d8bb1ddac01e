package timetable

import (
	"cmp"
	"math"
	"slices"
)

// maxNodes is the most nodes the branch and bound visits before it gives
// up proving its incumbent optimal.
const maxNodes = 2_000_000

// exact finds, by branch and bound, a timetable with no clash of least
// cost, starting from the incumbent (a timetable with no clash, or nil).
// It returns the best it found (nil if none), its cost, and whether the
// search was complete: then the timetable is optimal, or, if nil, there is
// none.
//
// Sessions are placed one at a time, the most constrained first, each in
// every empty allowed cell where it clashes with no session placed, the
// cheapest first. A node is cut when its lower bound reaches the
// incumbent's cost. Every term of the objective only grows as sessions are
// placed, so the bound is the cost so far plus, for each session still to
// place, the least it can add alone: its cheapest cell for overflow, hours
// and changes, the square of its own groups and themes (a count n grows to
// n + k, adding 2nk + k² ≥ k²), and the worst overflow raised to the
// largest of the sessions' least overflows.
func (m *model) exact(incumbent Timetable, incumbentCost float64) (Timetable, float64, bool) {
	w := m.w
	order := make([]int, m.n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(m.count(a), m.count(b)), cmp.Compare(len(m.people[b]), len(m.people[a])))
	})
	// rest[k] bounds what the sessions order[k:] add, worst[k] their
	// least worst overflow.
	rest, worst := make([]float64, m.n+1), make([]int64, m.n+1)
	for k := m.n - 1; k >= 0; k-- {
		i := order[k]
		least, leastOvf := math.Inf(1), int64(math.MaxInt64)
		for k := range m.count(i) {
			c := m.cell(i, k)
			s, r := int(c)/m.R, int(c)%m.R
			add := w.Overflow*float64(m.ovf[i*m.R+r]) + w.Hours*float64(m.minutes[i*m.S+s])/60
			if m.p.Published != nil && m.pub[i] != c {
				add += w.Changes
			}
			least, leastOvf = min(least, add), min(leastOvf, m.ovf[i*m.R+r])
		}
		if m.count(i) == 0 {
			return nil, 0, true // a session with nowhere to go: no timetable
		}
		self := 0.0
		for _, g := range m.groups[i] {
			self += w.Diversity * float64(g.count) * float64(g.count) / float64(m.total[g.dim])
		}
		if m.pairs > 0 {
			self += w.Themes * float64(len(m.themes[i])) / float64(m.pairs)
		}
		rest[k] = rest[k+1] + least + self
		worst[k] = max(worst[k+1], leastOvf)
	}
	best, bestCost := incumbent, incumbentCost
	if best == nil {
		bestCost = math.Inf(1)
	}
	st := newState(m)
	nodes := 0
	type child struct {
		c    int32
		cost float64
	}
	kids := make([][]child, m.n)
	var branch func(k int)
	branch = func(k int) {
		nodes++
		if k == m.n {
			if c := st.cost(); c < bestCost-1e-9 {
				best, bestCost = st.timetable(), c
			}
			return
		}
		i := order[k]
		list := kids[k][:0]
		for k := range m.count(i) {
			c := m.cell(i, k)
			if st.occ[c] >= 0 || st.clashesAt(i, c, -1) > 0 {
				continue
			}
			st.place(i, c)
			list = append(list, child{c, st.cost()})
			st.remove(i)
		}
		slices.SortStableFunc(list, func(a, b child) int { return cmp.Compare(a.cost, b.cost) })
		kids[k] = list
		for _, ch := range list {
			if nodes > maxNodes {
				return
			}
			st.place(i, ch.c)
			lb := st.cost() + rest[k+1]
			if wo := worst[k+1]; wo > st.worst {
				lb += w.Worst * float64(wo-st.worst)
			}
			if lb < bestCost-1e-9 {
				branch(k + 1)
			}
			st.remove(i)
		}
	}
	branch(0)
	return best, bestCost, nodes <= maxNodes
}
