package timetable

import (
	"cmp"
	"math"
	"slices"
)

// maxNodes is the most work the branch and bound does before it gives up
// proving its incumbent optimal, counted in sessions whose least addition
// it bounds: about a second.
const maxNodes = 300_000

// exact finds, by branch and bound, a timetable with no clash of least
// cost, starting from the incumbent (a timetable with no clash, or nil).
// It returns the best it found (nil if none), its cost, and whether the
// search was complete: then the timetable is optimal, or, if nil, there is
// none.
//
// Sessions are placed one at a time, the most constrained first, each in
// every empty allowed cell where it clashes with no session placed. A node
// is cut when its lower bound reaches the incumbent's cost. The bound: each
// additive term (overflow, hours, changes) as it stands plus, for each
// session still to place, its least in any allowed cell; the worst
// overflow raised to the largest of those sessions' least overflows; and,
// for diversity and themes, the least sum of squares that the counts so
// far can reach when the speakers (the themes) still to place are added
// one by one where the counts are lowest, which is what water-filling
// gives for a sum of squares.
func (m *model) exact(incumbent Timetable, incumbentCost float64) (Timetable, float64, bool) {
	w := m.w
	order := make([]int, m.n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(m.count(a), m.count(b)), cmp.Compare(len(m.people[b]), len(m.people[a])))
	})
	// rest[k] bounds what the sessions order[k:] add to the additive
	// terms, worst[k] their least worst overflow; remG[k] and remT[k] are
	// their speakers by group and their themes.
	rest, worst := make([]float64, m.n+1), make([]int64, m.n+1)
	remG := make([][dims][]int64, m.n+1)
	remT := make([][]int64, m.n+1)
	for d := range dims {
		remG[m.n][d] = make([]int64, m.nGroups[d])
	}
	remT[m.n] = make([]int64, m.nThemes)
	for k := m.n - 1; k >= 0; k-- {
		i := order[k]
		if m.count(i) == 0 {
			return nil, 0, true // a session with nowhere to go: no timetable
		}
		least, leastOvf := math.Inf(1), int64(math.MaxInt64)
		for x := range m.count(i) {
			c := m.cell(i, x)
			s, r := int(c)/m.R, int(c)%m.R
			add := w.Overflow*float64(m.ovf[i*m.R+r]) + w.Hours*float64(m.minutes[i*m.S+s])/60
			if m.p.Published != nil && m.pub[i] != c {
				add += w.Changes
			}
			least, leastOvf = min(least, add), min(leastOvf, m.ovf[i*m.R+r])
		}
		rest[k] = rest[k+1] + least
		worst[k] = max(worst[k+1], leastOvf)
		for d := range dims {
			remG[k][d] = slices.Clone(remG[k+1][d])
		}
		for _, g := range m.groups[i] {
			remG[k][g.dim][g.group] += int64(g.count)
		}
		remT[k] = slices.Clone(remT[k+1])
		for _, th := range m.themes[i] {
			remT[k][th]++
		}
	}
	same, slotsAlike := m.sameRooms(order), m.sameSlots(order)
	best, bestCost := incumbent, incumbentCost
	if best == nil {
		bestCost = math.Inf(1)
	}
	st := newState(m)
	scratch := make([]int64, max(m.S, m.days))
	// spread bounds the final Σ squares of one group's counts, stride
	// apart in counts, when more are still to come.
	spread := func(counts []int32, at, stride, parts int, more int64) int64 {
		c := scratch[:parts]
		for s := range parts {
			c[s] = int64(counts[s*stride+at])
		}
		if more == 0 {
			var sq int64
			for _, v := range c {
				sq += v * v
			}
			return sq
		}
		slices.Sort(c)
		return waterfill(c, more)
	}
	bound := func(k int) float64 {
		lb := w.Overflow*float64(st.ovfSum) + w.Hours*float64(st.minutes)/60 + w.Changes*float64(st.changes) +
			w.Worst*float64(max(st.worst, worst[k])) + rest[k]
		for d := range dims {
			if m.total[d] == 0 || w.Diversity == 0 {
				continue
			}
			var sq int64
			for g := range m.nGroups[d] {
				sq += spread(st.cnt[d], g, m.nGroups[d], m.S, remG[k][d][g])
			}
			lb += w.Diversity * float64(sq) / float64(m.total[d])
		}
		if m.pairs > 0 && w.Themes > 0 {
			var sq int64
			for th := range m.nThemes {
				// st.thm is themes × days: theme th's days are consecutive.
				sq += spread(st.thm[th*m.days:], 0, 1, m.days, remT[k][th])
			}
			lb += w.Themes * float64(sq) / float64(m.pairs)
		}
		return lb
	}
	// alone bounds what the sessions order[k:] add, each on its own into
	// the counts as they stand: counts only grow, so each adds at least
	// that much, whatever the others do.
	nodes := 0
	alone := func(k int) float64 {
		var sum float64
		nodes += m.n - k
		for _, i := range order[k:] {
			least := math.Inf(1)
			for x := range m.count(i) {
				c := m.cell(i, x)
				if st.occ[c] >= 0 {
					continue
				}
				if add := st.added(i, c); add < least {
					least = add
				}
			}
			sum += least
		}
		return sum
	}
	var branch func(k int)
	branch = func(k int) {
		if k == m.n {
			if c := st.cost(); c < bestCost-1e-9 {
				best, bestCost = st.timetable(), c
			}
			return
		}
		i := order[k]
		for x := range m.count(i) {
			if nodes > maxNodes {
				return
			}
			c := m.cell(i, x)
			if st.occ[c] >= 0 || st.clashesAt(i, c, -1) > 0 || (same != nil && st.twin(same[k], c)) ||
				(slotsAlike != nil && st.twinSlot(slotsAlike[k], c)) {
				continue
			}
			nodes++
			st.place(i, c)
			if bound(k+1) < bestCost-1e-9 && st.cost()+alone(k+1)+w.Worst*float64(max(0, worst[k+1]-st.worst)) < bestCost-1e-9 {
				branch(k + 1)
			}
			st.remove(i)
		}
	}
	branch(0)
	return best, bestCost, nodes <= maxNodes
}

// waterfill returns the least Σ x_s² over whole x_s ≥ c_s that add more to
// the sum of c, which is sorted: the lowest counts raised to one level.
func waterfill(c []int64, more int64) int64 {
	n := len(c)
	var sum int64
	j := 0
	for ; j < n; j++ {
		sum += c[j]
		if j+1 < n && c[j+1]*int64(j+1)-sum <= more {
			continue
		}
		break
	}
	k := int64(j + 1)
	total := sum + more
	q, r := total/k, total%k
	sq := r*(q+1)*(q+1) + (k-r)*q*q
	for _, v := range c[j+1:] {
		sq += v * v
	}
	return sq
}

// sameRooms returns, for each k, which rooms are alike for the sessions
// order[k:]: same[k][r] is the first room that each of those sessions may
// take exactly when it may take r, overflowing it as much. Rooms alike are
// interchangeable within a slot whose cells are both empty, unless the
// rooms tell apart sessions in other slots: through a published timetable,
// a buffer longer than a gap between slots, or slots that overlap. It
// returns nil then, or for more sessions than the table is worth.
func (m *model) sameRooms(order []int) [][]int {
	if !m.separate() {
		return nil
	}
	same := make([][]int, m.n+1)
	for k := range same {
		same[k] = make([]int, m.R)
		for r := range m.R {
			same[k][r] = r
			for q := range r {
				if same[k][q] != q {
					continue
				}
				alike := true
				for _, i := range order[k:] {
					if m.roomOK[i*m.R+r] != m.roomOK[i*m.R+q] || m.ovf[i*m.R+r] != m.ovf[i*m.R+q] {
						alike = false
						break
					}
				}
				if alike {
					same[k][r] = q
					break
				}
			}
		}
	}
	return same
}

// separate reports whether sessions in different cells bear on each other
// only through their slot's counts and their day: when they are apart and
// there is no published timetable. It is false too for more sessions than
// the tables of twins are worth.
func (m *model) separate() bool { return m.p.Published == nil && m.apart() }

// apart reports whether sessions in different slots bear on each other
// only through their slot's counts, their day and, in their published
// slot, their room: with no slots that overlap and no buffer longer than a
// gap between slots, so that two sessions clash only in one slot. It is
// false for more than 64 sessions or rooms, which the search over slots
// keeps in bits.
func (m *model) apart() bool {
	if m.n > 64 || m.R > 64 {
		return false
	}
	for s := range m.S {
		if len(m.near[s]) > 0 {
			return false
		}
		for t := range m.S {
			if gap := m.start[t] - (m.start[s] + m.slen[s]); s != t && gap >= 0 && gap < m.buffer {
				return false
			}
		}
	}
	return true
}

// sameSlots returns, for each k, which slots are alike for the sessions
// order[k:]: same[k][s] is the first slot of the same day that each of
// those sessions may take exactly when it may take s, with as many minutes
// outside its online people's hours. Two such slots, both empty, are
// interchangeable. It returns nil when sessions are not separate.
func (m *model) sameSlots(order []int) [][]int {
	if !m.separate() {
		return nil
	}
	same := make([][]int, m.n+1)
	for k := range same {
		same[k] = make([]int, m.S)
		for s := range m.S {
			same[k][s] = s
			for q := range s {
				if same[k][q] != q || m.day[q] != m.day[s] {
					continue
				}
				alike := true
				for _, i := range order[k:] {
					if m.slotOK[i*m.S+s] != m.slotOK[i*m.S+q] || m.minutes[i*m.S+s] != m.minutes[i*m.S+q] {
						alike = false
						break
					}
				}
				if alike {
					same[k][s] = q
					break
				}
			}
		}
	}
	return same
}
