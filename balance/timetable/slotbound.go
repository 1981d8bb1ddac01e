package timetable

import (
	"math"
	"slices"
)

// bound returns the lower bound of the node as it stands (see
// slotSearch), +Inf when a session still to place has no slot left, and
// fills feas and base for the choice of the next session.
func (ss *slotSearch) bound() float64 {
	m, w := ss.m, ss.w
	n, S := m.n, m.S
	lb := ss.linear
	for d := range dims {
		if m.total[d] > 0 {
			lb += w.Diversity * float64(ss.sq[d]) / float64(m.total[d])
		}
	}
	ss.rows = ss.rows[:0]
	var leastOvf int64
	for i := range n {
		if ss.placed[i] {
			continue
		}
		if ss.minOvf[i] == math.MaxInt64 {
			return math.Inf(1) // no room it may go to under the cap
		}
		ss.rows = append(ss.rows, int32(i))
		leastOvf += ss.minOvf[i]
		open := false
		for t := range S {
			ok := ss.fits(i, t)
			ss.feas[i*S+t] = ok
			if !ok {
				continue
			}
			open = true
			b := ss.self[i] + ss.slotCost[i*S+t]
			for _, g := range m.groups[i] {
				b += w.Diversity * 2 * float64(ss.cnt[g.dim][t*m.nGroups[g.dim]+int(g.group)]) * float64(g.count) / float64(m.total[g.dim])
			}
			ss.base[i*S+t] = b
		}
		if !open {
			return math.Inf(1)
		}
	}

	// The seats: the free places of each slot, in order.
	rows, cols := len(ss.rows), 0
	for t := range S {
		cols += m.R - len(ss.members[t])
	}
	if rows > cols {
		return math.Inf(1)
	}
	if ss.cols != nil {
		return lb // the Lagrangian bound, which strengthen adds, does better
	}
	ss.costs = grow(ss.costs, rows*cols)
	col := 0
	for t := range S {
		free := m.R - len(ss.members[t])
		for r, i32 := range ss.rows {
			i := int(i32)
			seats := ss.costs[r*cols+col : r*cols+col+free]
			if !ss.feas[i*S+t] {
				for k := range seats {
					seats[k] = math.Inf(1)
				}
				continue
			}
			// h(i, t, k): the k cheapest pairings with sessions still
			// to place that may go to t beside i.
			cost := ss.base[i*S+t]
			seats[0] = cost
			k := 1
			for _, j := range ss.partners[i] {
				if k == free {
					break
				}
				if ss.placed[j] || !ss.feas[int(j)*S+t] {
					continue
				}
				cost += ss.pair[i*n+int(j)]
				seats[k] = cost
				k++
			}
			for ; k < free; k++ {
				seats[k] = math.Inf(1) // too few sessions could join i there
			}
		}
		col += free
	}
	v, _ := ss.hs.solve(ss.costs, rows, cols)
	lb += v

	seated := 0.0
	for t := range S {
		seated += ss.roomSum[t]
	}
	lb += ss.worstTerm + max(w.Overflow*float64(ss.ovfTotal), seated+w.Overflow*float64(leastOvf))
	if m.pairs > 0 && w.Themes > 0 {
		lb += w.Themes * float64(ss.themeBound()) / float64(m.pairs)
	}
	return lb
}

// themeBound returns the least Σ_θ Σ_δ m_θδ² that the day counts can
// reach when the themes still to place are added one by one where they
// are lowest (water-filling), or the sum itself when all are placed.
func (ss *slotSearch) themeBound() int64 {
	m := ss.m
	var sq int64
	c := ss.scratch[:m.days]
	for th := range m.nThemes {
		copy(c, ss.thm[th*m.days:(th+1)*m.days])
		slices.Sort(c)
		sq += waterfill(c, ss.remT[th])
	}
	return sq
}

// leaf weighs the timetable whose sessions all have their slots, with
// the best rooms under the cap, and keeps it if it is the best so far.
// Its F counts its worst overflow as the cap; but the timetable is kept
// at its own cost, at most that, which only cuts more of the tree.
func (ss *slotSearch) leaf() {
	m, w := ss.m, ss.w
	cost := ss.linear
	for d := range dims {
		if m.total[d] > 0 {
			cost += w.Diversity * float64(ss.sq[d]) / float64(m.total[d])
		}
	}
	if m.pairs > 0 {
		cost += w.Themes * float64(ss.themeBound()) / float64(m.pairs)
	}
	for s := range m.S {
		cost += ss.roomSum[s]
	}
	if cost+w.Worst*float64(ss.worst) >= ss.bestCost-1e-9 {
		return // its worst overflow is at least the whole problem's bound
	}
	t := make(Timetable, m.n)
	var top int64
	for s := range m.S {
		_, match := ss.seat(s, -1)
		for k, i := range ss.members[s] {
			t[i] = Placement{Slot: s, Room: match[k]}
			top = max(top, m.ovf[int(i)*m.R+match[k]])
		}
	}
	if cost += w.Worst * float64(top); cost < ss.bestCost-1e-9 {
		ss.best, ss.bestCost = t, cost
	}
}

// caps returns the caps on the overflow that exactSlots tries, in
// increasing order: the distinct overflows of the sessions in the rooms
// they may go to, from the whole problem's bound on the worst.
func (ss *slotSearch) caps() []int64 {
	m := ss.m
	vals := []int64{ss.worst}
	for i := range m.n {
		for _, r := range m.okRooms[i] {
			if o := m.ovf[i*m.R+int(r)]; o > ss.worst {
				vals = append(vals, o)
			}
		}
	}
	slices.Sort(vals)
	return slices.Compact(vals)
}
