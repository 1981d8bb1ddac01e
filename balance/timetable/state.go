package timetable

// state is a timetable being built or searched, with the sums of the
// objective kept up to date as sessions are placed and removed, so that a
// move costs the work of the sessions it touches, not of the programme.
type state struct {
	m   *model
	at  []int32 // cell of each session, or -1
	occ []int32 // session in each cell, or -1

	cnt   [dims][]int32 // S × groups: speakers of each group in each slot
	sq    [dims]int64   // Σ cnt²
	thm   []int32       // themes × days: sessions of each theme on each day
	thmSq int64         // Σ thm²

	clashes int64 // person-session pairs in two places at once, and sessions overlapping in a room
	ovfSum  int64
	hist    map[int64]int32 // how many placed sessions overflow by each amount above 0
	worst   int64
	minutes int64
	changes int64
}

// hardWeight is what one clash costs in the search, far above any
// preference a move could gain.
const hardWeight = 1e4

func newState(m *model) *state {
	st := &state{m: m, at: make([]int32, m.n), occ: make([]int32, m.S*m.R), thm: make([]int32, m.nThemes*m.days), hist: map[int64]int32{}}
	for i := range st.at {
		st.at[i] = -1
	}
	for c := range st.occ {
		st.occ[c] = -1
	}
	for d := range dims {
		st.cnt[d] = make([]int32, m.S*m.nGroups[d])
	}
	return st
}

// cost is the weighted objective, without the clashes.
func (st *state) cost() float64 {
	m, w := st.m, st.m.w
	c := 0.0
	for d := range dims {
		if m.total[d] > 0 {
			c += w.Diversity * float64(st.sq[d]) / float64(m.total[d])
		}
	}
	if m.pairs > 0 {
		c += w.Themes * float64(st.thmSq) / float64(m.pairs)
	}
	return c + w.Overflow*float64(st.ovfSum) + w.Worst*float64(st.worst) + w.Hours*float64(st.minutes)/60 + w.Changes*float64(st.changes)
}

// penalty is what the search minimises: the clashes, weighted far above
// the cost.
func (st *state) penalty() float64 { return hardWeight*float64(st.clashes) + st.cost() }

// clashesAt counts the clashes session i would have in cell c with the
// sessions placed, other than skip.
func (st *state) clashesAt(i int, c int32, skip int) int64 {
	m := st.m
	var k int64
	for _, a := range m.people[i] {
		for _, j := range m.sessions[a] {
			if int(j) == i || int(j) == skip || st.at[j] < 0 {
				continue
			}
			if m.clash(i, c, int(j), st.at[j]) {
				k++
			}
		}
	}
	s, r := int(c)/m.R, int(c)%m.R
	for _, t := range m.near[s] {
		if j := st.occ[int(t)*m.R+r]; j >= 0 && int(j) != i && int(j) != skip && m.roomClash(i, s, int(j), int(t)) {
			k++
		}
	}
	return k
}

// place puts the unplaced session i in the empty cell c.
func (st *state) place(i int, c int32) {
	st.clashes += st.clashesAt(i, c, -1)
	st.at[i], st.occ[c] = c, int32(i)
	st.update(i, c, 1)
}

// remove takes session i out of its cell.
func (st *state) remove(i int) {
	c := st.at[i]
	st.at[i], st.occ[c] = -1, -1
	st.clashes -= st.clashesAt(i, c, -1)
	st.update(i, c, -1)
}

// update adds (sign 1) or takes away (sign -1) session i in cell c from
// the sums of the objective.
func (st *state) update(i int, c int32, sign int32) {
	m := st.m
	s, r := int(c)/m.R, int(c)%m.R
	for _, g := range m.groups[i] {
		v := &st.cnt[g.dim][s*m.nGroups[g.dim]+int(g.group)]
		old := int64(*v)
		*v += sign * g.count
		st.sq[g.dim] += int64(*v)*int64(*v) - old*old
	}
	for _, th := range m.themes[i] {
		v := &st.thm[int(th)*m.days+m.day[s]]
		old := int64(*v)
		*v += sign
		st.thmSq += int64(*v)*int64(*v) - old*old
	}
	st.minutes += int64(sign) * m.minutes[i*m.S+s]
	if o := m.ovf[i*m.R+r]; o > 0 {
		st.ovfSum += int64(sign) * o
		st.hist[o] += sign
		switch {
		case sign > 0 && o > st.worst:
			st.worst = o
		case sign < 0 && st.hist[o] == 0:
			delete(st.hist, o)
			if o == st.worst {
				st.worst = 0
				for v := range st.hist {
					st.worst = max(st.worst, v)
				}
			}
		}
	}
	if m.p.Published != nil && m.pub[i] != c {
		st.changes += int64(sign)
	}
}

// timetable returns the placements of st.
func (st *state) timetable() Timetable {
	t := make(Timetable, st.m.n)
	for i, c := range st.at {
		if c < 0 {
			t[i] = Placement{Unplaced, Unplaced}
		} else {
			t[i] = Placement{Slot: int(c) / st.m.R, Room: int(c) % st.m.R}
		}
	}
	return t
}

// added returns what placing the unplaced session i in cell c would add
// to the cost, other than to the worst overflow, without placing it.
func (st *state) added(i int, c int32) float64 {
	m, w := st.m, st.m.w
	s, r := int(c)/m.R, int(c)%m.R
	add := 0.0
	for _, g := range m.groups[i] {
		n, k := int64(st.cnt[g.dim][s*m.nGroups[g.dim]+int(g.group)]), int64(g.count)
		add += w.Diversity * float64(2*n*k+k*k) / float64(m.total[g.dim])
	}
	for _, th := range m.themes[i] {
		n := int64(st.thm[int(th)*m.days+m.day[s]])
		add += w.Themes * float64(2*n+1) / float64(m.pairs)
	}
	add += w.Hours*float64(m.minutes[i*m.S+s])/60 + w.Overflow*float64(m.ovf[i*m.R+r])
	if m.p.Published != nil && m.pub[i] != c {
		add += w.Changes
	}
	return add
}

// twin reports whether cell c has an empty twin in its slot: an earlier
// room alike to its own, by same, whose cell is empty too, so that a
// session placed in c would only mirror one placed there.
func (st *state) twin(same []int, c int32) bool {
	m := st.m
	s, r := int(c)/m.R, int(c)%m.R
	first := same[r]
	if first == r {
		return false
	}
	for q := first; q < r; q++ {
		if same[q] == first && st.occ[s*m.R+q] < 0 {
			return true
		}
	}
	return false
}

// twinSlot reports whether the slot of cell c is empty and has an earlier
// twin, alike by same, that is empty too.
func (st *state) twinSlot(same []int, c int32) bool {
	m := st.m
	s := int(c) / m.R
	first := same[s]
	if first == s || !st.emptySlot(s) {
		return false
	}
	for q := first; q < s; q++ {
		if same[q] == first && st.emptySlot(q) {
			return true
		}
	}
	return false
}

func (st *state) emptySlot(s int) bool {
	for _, j := range st.occ[s*st.m.R : (s+1)*st.m.R] {
		if j >= 0 {
			return false
		}
	}
	return true
}
