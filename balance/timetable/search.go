package timetable

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// movesPerSession is how many moves the local search tries for each
// session: enough, on the IGF-sized forum, that more change the cost by
// less than a move of one session would.
const movesPerSession = 1000

// search returns a timetable found by local search: the given start (the
// sessions whose cell is still allowed), the others placed greedily, every
// session then placed by augmenting paths if the greedy left some out,
// simulated annealing on the penalty, and a last descent. It is
// deterministic for a seed. The state has unplaced sessions only when the
// sessions compete for too few cells; unplaced lists them.
func (m *model) search(start Timetable, seed uint64) (st *state, unplaced []int) {
	st = newState(m)
	for i, pl := range start {
		if !pl.Placed() {
			continue
		}
		c := int32(pl.Slot*m.R + pl.Room)
		if m.ok(i, c) && st.occ[c] < 0 {
			st.place(i, c)
		}
	}
	order := make([]int, 0, m.n)
	for i := range m.n {
		if st.at[i] < 0 {
			order = append(order, i)
		}
	}
	// The most constrained first: fewest cells, then most people.
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(m.count(a), m.count(b)), cmp.Compare(len(m.people[b]), len(m.people[a])))
	})
	for _, i := range order {
		if c := st.bestCell(i); c >= 0 {
			st.place(i, c)
		}
	}
	for _, i := range order {
		if st.at[i] < 0 && !st.augment(i) {
			unplaced = append(unplaced, i)
		}
	}
	if len(unplaced) > 0 {
		return st, unplaced
	}
	rng := rand.New(rand.NewPCG(seed, 0x7469_6d65_7461_626c))
	hot, moves := 0.3, m.n*movesPerSession
	if start != nil {
		// A published timetable is kept, not shaken up: a short, cool
		// search mends what must change.
		hot, moves = 0.02, moves/5
	}
	st.anneal(rng, moves, hot, 0.001)
	st.descend(3)
	return st, nil
}

// bestCell returns the empty allowed cell where session i adds least to
// the penalty, or -1 if every allowed cell is taken.
func (st *state) bestCell(i int) int32 {
	best, bestPen := int32(-1), math.Inf(1)
	for k := range st.m.count(i) {
		c := st.m.cell(i, k)
		if st.occ[c] >= 0 {
			continue
		}
		st.place(i, c)
		if pen := st.penalty(); pen < bestPen {
			best, bestPen = c, pen
		}
		st.remove(i)
	}
	return best
}

// augment places the unplaced session i by an augmenting path: it takes a
// cell whose session moves to another of its cells, and so on, until a
// session moves to an empty cell. It reports whether there was such a path.
func (st *state) augment(i int) bool {
	m := st.m
	seen := make([]bool, m.S*m.R)
	var path func(i int) bool
	path = func(i int) bool {
		for k := range m.count(i) {
			c := m.cell(i, k)
			if seen[c] {
				continue
			}
			seen[c] = true
			j := st.occ[c]
			if j < 0 {
				st.place(i, c)
				return true
			}
			st.remove(int(j))
			st.place(i, c)
			if path(int(j)) {
				return true
			}
			st.remove(i)
			st.place(int(j), c)
		}
		return false
	}
	return path(i)
}

// try moves session i to cell c, swapping it with the session there if
// that session may take i's cell, and reports whether it did.
func (st *state) try(i int, c int32) (j int, ok bool) {
	m := st.m
	from := st.at[i]
	if c == from {
		return -1, false
	}
	j = int(st.occ[c])
	if j >= 0 && !m.ok(j, from) {
		return -1, false
	}
	st.remove(i)
	if j >= 0 {
		st.remove(j)
		st.place(j, from)
	}
	st.place(i, c)
	return j, true
}

// undo reverses try(i, c), which took i from cell from and moved j.
func (st *state) undo(i int, from int32, j int) {
	c := st.at[i]
	st.remove(i)
	if j >= 0 {
		st.remove(j)
		st.place(j, c)
	}
	st.place(i, from)
}

// anneal runs simulated annealing for the given number of moves, cooling
// geometrically from temperature hot to cold, and leaves st at the best
// timetable it saw.
func (st *state) anneal(rng *rand.Rand, moves int, hot, cold float64) {
	m := st.m
	if m.n == 0 || moves == 0 {
		return
	}
	pen := st.penalty()
	best, bestPen := slices.Clone(st.at), pen
	cool := math.Pow(cold/hot, 1/float64(moves))
	temp := hot
	for range moves {
		temp *= cool
		i := rng.IntN(m.n)
		c := m.okSlots[i][rng.IntN(len(m.okSlots[i]))]*int32(m.R) + m.okRooms[i][rng.IntN(len(m.okRooms[i]))]
		from := st.at[i]
		j, ok := st.try(i, c)
		if !ok {
			continue
		}
		next := st.penalty()
		if d := next - pen; d <= 0 || rng.Float64() < math.Exp(-d/temp) {
			pen = next
			if pen < bestPen-1e-12 {
				copy(best, st.at)
				bestPen = pen
			}
			continue
		}
		st.undo(i, from, j)
	}
	st.reset(best)
}

// reset places every session as at says.
func (st *state) reset(at []int32) {
	for i := range st.at {
		if st.at[i] >= 0 {
			st.remove(i)
		}
	}
	for i, c := range at {
		if c >= 0 {
			st.place(i, c)
		}
	}
}

// descend moves each session, in turn, to the cell (or swap) that lowers
// the penalty most, for at most the given number of rounds or until no move
// helps.
func (st *state) descend(rounds int) {
	m := st.m
	for range rounds {
		improved := false
		for i := range m.n {
			pen := st.penalty()
			bestC, bestPen := int32(-1), pen-1e-9
			for k := range m.count(i) {
				c := m.cell(i, k)
				from := st.at[i]
				j, ok := st.try(i, c)
				if !ok {
					continue
				}
				if p := st.penalty(); p < bestPen {
					bestC, bestPen = c, p
				}
				st.undo(i, from, j)
			}
			if bestC >= 0 {
				st.try(i, bestC)
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}
