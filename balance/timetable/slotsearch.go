package timetable

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// maxSlotNodes is the most nodes the branch and bound over slots visits
// before it gives up proving its incumbent optimal: about a second.
const maxSlotNodes = 40_000

// slotSearch is the branch and bound of a programme whose sessions are
// separate (model.separate): two sessions bear on each other only through
// their slot (who is in it, and so each slot's groups) and their day (the
// themes). It places each session in a slot, not a cell; the rooms of a
// slot are a matching of its sessions to the rooms that minimises their
// overflow (seat), under a cap on each session's overflow that run tries
// in turn for the worst overflow. This divides the tree by the ways to
// seat a slot's sessions, which change no other term.
//
// The bound at a node is the sum of bounds on disjoint parts of the cost:
// the cap's w_max·W; the themes, by water-filling; and either the
// Lagrangian bound over columns (lagrange), or, when there are too many
// columns, the following, with the overflow bounded by the larger of the
// whole problem's bound and each slot's least overflow plus each session
// still to place in its least-overflowing room:
//   - the diversity of the sessions placed, and the online hours of
//     their slots, as they stand;
//   - for the sessions still to place, an assignment problem solved by
//     the Hungarian method: each session i goes to a seat (t, k), the k-th
//     free place of slot t (k from 0), at the cost of its own speakers,
//     their pairing with the speakers placed in t and its hours in t, plus
//     h(i, t, k), the k cheapest pairings of i with sessions still to
//     place that may go to t beside it. In any completion, order the
//     sessions still to place in each slot: the k-th is paired with k
//     earlier ones, which cost at least h(i, t, k), so the least
//     assignment bounds every completion's diversity and hours.
type slotSearch struct {
	m *model
	w Weights

	pair      []float64 // n × n: w_div times what sessions i and j add to D in one slot
	partners  [][]int32 // each session's others with no person in common, cheapest pairing first
	conflict  []bool    // n × n: sessions i and j have a person in common
	self      []float64 // w_div times what each session's own speakers add to D
	allRooms  []bool    // the session may go to every room
	roomMask  []uint64  // the rooms each session may go to under the cap
	overflows []bool    // the session overflows one of them
	owner     []int32   // of each room, for matchable
	minOvf    []int64   // each session's least overflow in a room it may go to
	ovfTotal  int64     // the whole problem's bound on O
	worst     int64     // the whole problem's bound on O_max

	placed   []bool
	slot     []int32   // of each session, or -1
	members  [][]int32 // sessions of each slot
	roomSum  []float64 // least w_ovf·O plus room changes of each slot's sessions among its rooms
	cnt      [dims][]int64
	sq       [dims]int64
	thm      []int64   // themes × days
	remT     []int64   // themes of the sessions still to place
	linear   float64   // Σ of slotCost over the sessions placed
	slotCost []float64 // n × S: w_hrs·H and w_chg·C of session i in slot t, whatever its room
	left     int

	feas      []bool    // n × S, filled by bound
	base      []float64 // n × S, filled by bound
	costs     []float64 // the assignment problem's matrix
	rows      []int32
	scratch   []int64
	order     [][]int32 // slots to try, one list for each depth
	hs, hr    assigner
	roomCost  []float64
	ovfCap    int64   // the most a session may overflow its room
	worstTerm float64 // w_max times ovfCap, or 0 when the overflow is free

	cols         *columns    // nil when there are too many
	live         [][][]int32 // at each depth, each slot's columns that keep the node's placings
	liveCost     [][]float64
	reduced      []float64
	slope        []float64 // themes × days: what a session of the theme adds on the day, linearised
	pi           [][]float64
	bestPi, grad []float64

	nodes    int
	limit    int
	best     Timetable
	bestCost float64
}

// exactSlots is exact for separate programmes: it returns the best
// timetable it found (nil if none better than the incumbent, and none
// given), its cost, whether the search was complete, and the bound at the
// root, which bounds every timetable's cost.
func (m *model) exactSlots(incumbent Timetable, incumbentCost float64, limit int) (Timetable, float64, bool, float64) {
	ss := newSlotSearch(m, limit)
	ss.best, ss.bestCost = incumbent, incumbentCost
	if incumbent == nil {
		ss.bestCost = math.Inf(1)
	}
	bound := ss.run()
	return ss.best, ss.bestCost, ss.nodes <= ss.limit, min(bound, ss.bestCost)
}

// run searches and returns a lower bound on the cost of every timetable
// (the best found, when the search is complete). The worst overflow is
// no sum over slots, so it is searched by caps: for a cap W on every
// session's overflow, let F(W) be the least cost of a timetable under the
// cap, its worst overflow counted as W. Each F(W) is at least the true cost
// of the timetable that gives it, and the optimum, whose worst overflow
// is one of the caps, is its own F: the least F over the caps is the
// optimum. Caps are tried in increasing order, until w_max·W plus the
// bound with no cap and no worst term reaches the best found.
func (ss *slotSearch) run() float64 {
	ss.setCap(math.MaxInt64)
	free := ss.strengthen(0, ss.bound(), rootIters, 2)
	if ss.w.Worst == 0 {
		ss.visit(0, free)
		return free
	}
	caps := ss.caps()
	for k, c := range caps {
		floor := free + ss.w.Worst*float64(c) // bounds F(W) for each W ≥ c
		if floor >= ss.bestCost-1e-9 {
			return floor
		}
		ss.setCap(c)
		root := ss.strengthen(0, ss.bound(), capIters, 1)
		ss.visit(0, root)
		if ss.nodes > ss.limit {
			if k+1 < len(caps) {
				return min(root, free+ss.w.Worst*float64(caps[k+1]))
			}
			return root
		}
	}
	return ss.bestCost
}

func newSlotSearch(m *model, limit int) *slotSearch {
	n, S := m.n, m.S
	ss := &slotSearch{m: m, w: m.w, limit: limit,
		pair: make([]float64, n*n), partners: make([][]int32, n), conflict: make([]bool, n*n),
		self: make([]float64, n), allRooms: make([]bool, n), minOvf: make([]int64, n), roomMask: make([]uint64, n), overflows: make([]bool, n), owner: make([]int32, m.R),
		placed: make([]bool, n), slot: make([]int32, n), members: make([][]int32, S), roomSum: make([]float64, S), slotCost: make([]float64, n*S),
		thm: make([]int64, m.nThemes*m.days), remT: make([]int64, m.nThemes), left: n,
		feas: make([]bool, n*S), base: make([]float64, n*S), order: make([][]int32, n+1),
		scratch: make([]int64, max(S, m.days)), roomCost: make([]float64, m.R*(m.R+1)),
	}
	for d := range dims {
		ss.cnt[d] = make([]int64, S*m.nGroups[d])
	}
	for k := range ss.order {
		ss.order[k] = make([]int32, 0, S)
	}
	ss.ovfTotal, ss.worst = m.overflowBound()
	for i := range n {
		for t := range S {
			c := ss.w.Hours * float64(m.minutes[i*S+t]) / 60
			if m.p.Published != nil && (m.pub[i] < 0 || int(m.pub[i])/m.R != t) {
				c += ss.w.Changes // moved to another slot, or not placed before
			}
			ss.slotCost[i*S+t] = c
		}
	}
	ss.live, ss.liveCost, ss.pi = make([][][]int32, n+1), make([][]float64, S), make([][]float64, n+1)
	ss.slope = make([]float64, m.nThemes*m.days)
	for k := range ss.pi {
		ss.pi[k] = make([]float64, n)
		ss.live[k] = make([][]int32, S)
	}
	ss.bestPi, ss.grad = make([]float64, n), make([]float64, n)
	for i := range n {
		ss.slot[i] = -1
		for _, g := range m.groups[i] {
			ss.self[i] += ss.w.Diversity * float64(g.count) * float64(g.count) / float64(m.total[g.dim])
		}
		for _, th := range m.themes[i] {
			ss.remT[th]++
		}
		for _, a := range m.people[i] {
			for _, j := range m.sessions[a] {
				ss.conflict[i*n+int(j)] = true
			}
		}
	}
	for i := range n {
		for j := range n {
			if i == j {
				continue
			}
			c := 0.0
			for _, g := range m.groups[i] {
				for _, h := range m.groups[j] {
					if g.dim == h.dim && g.group == h.group {
						c += 2 * float64(g.count) * float64(h.count) / float64(m.total[g.dim])
					}
				}
			}
			ss.pair[i*n+j] = ss.w.Diversity * c
			if !ss.conflict[i*n+j] {
				ss.partners[i] = append(ss.partners[i], int32(j))
			}
		}
		slices.SortStableFunc(ss.partners[i], func(a, b int32) int { return cmp.Compare(ss.pair[i*n+int(a)], ss.pair[i*n+int(b)]) })
	}
	return ss
}

// setCap makes cap the most any session may overflow its room, and
// w_max·cap the worst overflow's term, as in each step of exactSlots; a
// cap of math.MaxInt64 leaves the overflow free and the term out. It
// makes the columns again, their rooms and overflows changed.
func (ss *slotSearch) setCap(cap int64) {
	m := ss.m
	ss.ovfCap, ss.worstTerm = cap, 0
	if cap < math.MaxInt64 {
		ss.worstTerm = ss.w.Worst * float64(cap)
	}
	for i := range m.n {
		ss.allRooms[i] = len(m.okRooms[i]) == m.R
		ss.minOvf[i] = math.MaxInt64
		ss.roomMask[i], ss.overflows[i] = 0, false
		for _, r := range m.okRooms[i] {
			if o := m.ovf[i*m.R+int(r)]; o <= cap {
				ss.minOvf[i] = min(ss.minOvf[i], o)
				ss.roomMask[i] |= 1 << r
				ss.overflows[i] = ss.overflows[i] || o > 0
			} else {
				ss.allRooms[i] = false
			}
		}
	}
	ss.enumerate()
}

// visit explores the node reached, whose bound is lb.
func (ss *slotSearch) visit(depth int, lb float64) {
	ss.nodes++
	if ss.nodes > ss.limit || lb >= ss.bestCost-1e-9 {
		return
	}
	if ss.left == 0 {
		ss.leaf()
		return
	}
	m := ss.m
	// The session with the fewest slots open to it, then the one whose
	// speakers weigh most, goes next; a session with none ends the node.
	pick, fewest := -1, math.MaxInt
	for i := range m.n {
		if ss.placed[i] {
			continue
		}
		k := 0
		for t := range m.S {
			if ss.feas[i*m.S+t] {
				k++
			}
		}
		if k == 0 {
			return
		}
		if k < fewest || (k == fewest && ss.self[i] > ss.self[pick]) {
			pick, fewest = i, k
		}
	}
	order := ss.order[depth][:0]
	for t := range m.S {
		if ss.feas[pick*m.S+t] && !ss.mirrors(t) {
			order = append(order, int32(t))
		}
	}
	base := ss.base[pick*m.S:]
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(base[a], base[b]) })
	ss.order[depth] = order
	for _, t := range order {
		ss.place(pick, int(t))
		copy(ss.pi[depth+1], ss.pi[depth])
		ss.visit(depth+1, ss.strengthen(depth+1, ss.bound(), nodeIters, 0.5))
		ss.remove(pick)
		if ss.nodes > ss.limit {
			return
		}
	}
}

// The subgradient steps of the Lagrangian bound at the root, where the
// prices start from nothing, and at each node, where they start from the
// parent's.
const rootIters, capIters, nodeIters = 300, 30, 40

// strengthen returns the larger of the node's bound lb and the
// Lagrangian bound plus the worst overflow's, unless lb
// already cuts the node.
func (ss *slotSearch) strengthen(depth int, lb float64, iters int, theta float64) float64 {
	if ss.cols == nil || lb >= ss.bestCost-1e-9 {
		return lb
	}
	return max(lb, ss.worstTerm+ss.lagrange(depth, iters, theta, ss.bestCost-ss.worstTerm))
}

// mirrors reports whether slot t is empty and an earlier slot of its day
// is too, alike for every session still to place: the same allowed, the
// same hours outside and changes (slotCost). Exchanging two such slots
// maps each completion to one of equal cost, so only the first is tried.
func (ss *slotSearch) mirrors(t int) bool {
	m := ss.m
	if len(ss.members[t]) > 0 {
		return false
	}
	for q := range t {
		if len(ss.members[q]) > 0 || m.day[q] != m.day[t] {
			continue
		}
		alike := true
		for i := range m.n {
			if !ss.placed[i] && (m.slotOK[i*m.S+q] != m.slotOK[i*m.S+t] || ss.slotCost[i*m.S+q] != ss.slotCost[i*m.S+t]) {
				alike = false
				break
			}
		}
		if alike {
			return true
		}
	}
	return false
}

func (ss *slotSearch) place(i, t int) {
	ss.move(i, t, 1)
	ss.placed[i], ss.slot[i] = true, int32(t)
	ss.members[t] = append(ss.members[t], int32(i))
	ss.left--
	ss.roomSum[t], _ = ss.seat(t, -1)
}

func (ss *slotSearch) remove(i int) {
	t := int(ss.slot[i])
	ss.move(i, t, -1)
	ss.placed[i], ss.slot[i] = false, -1
	mem := ss.members[t]
	k := slices.Index(mem, int32(i))
	ss.members[t] = append(mem[:k], mem[k+1:]...)
	ss.left++
	ss.roomSum[t], _ = ss.seat(t, -1)
}

// move adds (sign 1) or takes away (sign -1) session i in slot t from the
// counts.
func (ss *slotSearch) move(i, t int, sign int64) {
	m := ss.m
	for _, g := range m.groups[i] {
		v := &ss.cnt[g.dim][t*m.nGroups[g.dim]+int(g.group)]
		old := *v
		*v += sign * int64(g.count)
		ss.sq[g.dim] += *v**v - old*old
	}
	for _, th := range m.themes[i] {
		ss.thm[int(th)*m.days+m.day[t]] += sign
		ss.remT[th] -= sign
	}
	ss.linear += float64(sign) * ss.slotCost[i*m.S+t]
}

// seat returns the least w_ovf·O plus w_chg times the sessions moved to
// another room of their published slot, over the matchings of the
// sessions of slot t, and extra if it is not -1, to rooms each may go to
// with an overflow of at most the search's cap, and the room of each;
// +Inf when there is no such matching.
func (ss *slotSearch) seat(t, extra int) (float64, []int) {
	m := ss.m
	rows := len(ss.members[t])
	if extra >= 0 {
		rows++
	}
	if rows == 0 {
		return 0, nil
	}
	a := ss.roomCost[:rows*m.R]
	for k := range rows {
		i := extra
		if k < len(ss.members[t]) {
			i = int(ss.members[t][k])
		}
		for r := range m.R {
			a[k*m.R+r] = ss.roomCostOf(i, t, r)
		}
	}
	return ss.hr.solve(a, rows, m.R)
}

// roomCostOf returns what session i costs in room r of slot t beyond
// its slotCost: w_ovf times its overflow, and w_chg if t is its published
// slot and r not its published room; +Inf if it may not go there.
func (ss *slotSearch) roomCostOf(i, t, r int) float64 {
	m := ss.m
	o := m.ovf[i*m.R+r]
	if !m.roomOK[i*m.R+r] || o > ss.ovfCap {
		return math.Inf(1)
	}
	c := ss.w.Overflow * float64(o)
	if p := m.pub[i]; p >= 0 && int(p)/m.R == t && int(p)%m.R != r {
		c += ss.w.Changes
	}
	return c
}

// roomCosts reports whether session i's cost in slot t depends on its
// room: it overflows one it may go to, or t is its published slot.
func (ss *slotSearch) roomCosts(i, t int) bool {
	p := ss.m.pub[i]
	return ss.overflows[i] || (p >= 0 && int(p)/ss.m.R == t && ss.w.Changes > 0)
}

// fits reports whether session i may join slot t: a free room, no person
// in common with its sessions, and a room for each.
func (ss *slotSearch) fits(i, t int) bool {
	m := ss.m
	if !m.slotOK[i*m.S+t] || len(ss.members[t]) >= m.R {
		return false
	}
	for _, j := range ss.members[t] {
		if ss.conflict[i*m.n+int(j)] {
			return false
		}
	}
	if ss.allRooms[i] {
		return true // the sessions there have rooms, and i takes any left
	}
	return ss.matchable(t, i)
}

// matchable reports whether the sessions of slot t and session extra
// can each have a room they may go to under the cap, by augmenting paths
// (Kuhn's algorithm) over the rooms' bits.
func (ss *slotSearch) matchable(t, extra int) bool {
	for r := range ss.owner {
		ss.owner[r] = -1
	}
	for _, i := range ss.members[t] {
		if _, ok := ss.augment(i, 0); !ok {
			return false
		}
	}
	_, ok := ss.augment(int32(extra), 0)
	return ok
}

// augment finds session i a room, moving others along a path of rooms
// not yet seen, and returns the rooms seen.
func (ss *slotSearch) augment(i int32, seen uint64) (uint64, bool) {
	for free := ss.roomMask[i] &^ seen; free != 0; free = ss.roomMask[i] &^ seen {
		r := bits.TrailingZeros64(free)
		seen |= 1 << r
		if ss.owner[r] < 0 {
			ss.owner[r] = i
			return seen, true
		}
		var ok bool
		if seen, ok = ss.augment(ss.owner[r], seen); ok {
			ss.owner[r] = i
			return seen, true
		}
	}
	return seen, false
}
