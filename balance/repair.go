package balance

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// repair moves single steps between types in the same segment until every
// type is within its bounds and every hard rule holds, exactly if it can and
// within one step if not, or no move helps; then while a move lowers the
// objective. Rounding each segment on its own can break bounds and rules
// by a few steps, and leave a plan a step from a cheaper one.
type repair struct {
	pr    *problem
	ks    []kind
	rows  []groupRow
	cells [][]int
	total []int     // per type
	rowOf []int     // per type and dimension, k·D+d: the row of the type's group, −1 for none
	dims  []dimRows // per dimension: its rows, and the time of the speakers known in it
	group []float64 // per row: X_g
	up    []change  // per row: what a step more of its group changes, K_d unchanged
	down  []change  // per row: what a step less changes
	slack []float64 // per row: allowed deviation, tol_d·B (a step more once that cannot be met), or +Inf for a soft rule
	alike []bool    // per type: whether its members share alike (see [problem.alike])
	hard  bool      // whether some dimension is a hard rule
	over  float64   // what a step of a hard rule beyond its tolerance costs: overWeight times the dimensions' weights

	// class is, per type, which of the distinct lists of its rows in the
	// hard rules' dimensions it has: a step's excess depends on its types'
	// classes alone, and fix prices each pair of classes once a step in
	// ruled, classes·classes long, NaN for not yet, where they are few.
	class   []int
	classes int
	ruled   []float64
}

// maxRuled is the most classes (see repair.class) whose steps' excess fix
// keeps between its steps.
const maxRuled = 64

// dimRows is one dimension's rows, rows[from:to], and K_d, the time of its
// speakers with a value.
type dimRows struct {
	from, to int
	weight   float64
	hard     bool
	allowed  float64 // for a hard rule, the deviation its tolerance allows, tol_d·B, before rounding's step more
	known    float64
}

// overWeight is what a step of a hard rule's deviation beyond its
// tolerance costs a move of improve, once no whole-step plan meets the
// rule and the rule may be a step off, times the weights of the
// dimensions: more than the groups' preferences can offset, so that the
// step of slack goes to bringing the rule nearer rather than to the groups
// (an only online speaker cut 1m40s at 2-minute steps, where 20s would
// do), but less than the steepness of a speaker's cost beyond their band,
// so that no speaker is pushed far from their fair share for it (a step of
// 5 minutes is half a panelist's fair share).
const overWeight = 10

func newRepair(pr *problem, sol *solved, cells [][]int) *repair {
	ks, rows := sol.ks, sol.rows
	rp := &repair{pr: pr, ks: ks, rows: rows, cells: cells, total: make([]int, len(ks)),
		rowOf: sol.rowOf, dims: make([]dimRows, len(pr.dims)),
		group: make([]float64, len(rows)), slack: make([]float64, len(rows)), alike: make([]bool, len(ks))}
	for k := range ks {
		rp.alike[k] = pr.alike(&ks[k])
		for _, n := range cells[k] {
			rp.total[k] += n
		}
	}
	weights := 0.0
	for d, dim := range pr.dims {
		rp.dims[d] = dimRows{weight: dim.weight(), hard: dim.Hard}
		rp.hard = rp.hard || dim.Hard
		weights += dim.weight()
	}
	rp.over = overWeight * min(weights, 1e290) // finite, so that a step that moves no rule costs 0, not NaN
	for r, row := range rows {
		dr := &rp.dims[row.dim]
		if dr.to == 0 {
			dr.from = r
		}
		dr.to = r + 1
		rp.slack[r] = math.Inf(1)
		if dr.hard {
			dr.allowed = pr.dims[row.dim].Tolerance*float64(pr.budget) + eps
			rp.slack[r] = dr.allowed
		}
		if pr.past != nil {
			rp.group[r] += pr.past.group[r]
			dr.known = pr.past.known[r] // the same for every row of the dimension
		}
	}
	D := len(pr.dims)
	for k := range ks {
		for d := range D {
			if r := rp.rowOf[k*D+d]; r >= 0 {
				rp.group[r] += float64(rp.total[k])
				rp.dims[d].known += float64(rp.total[k])
			}
		}
	}
	rp.up, rp.down = make([]change, len(rows)), make([]change, len(rows))
	for r := range rows {
		rp.price(r)
	}
	rp.class = make([]int, len(ks))
	index := map[string]int{}
	var key []byte
	for k := range ks {
		key = key[:0]
		for d := range D {
			if rp.dims[d].hard {
				key = strconv.AppendInt(key, int64(rp.rowOf[k*D+d]), 10)
				key = append(key, ',')
			}
		}
		c, ok := index[string(key)]
		if !ok {
			c = len(index)
			index[string(key)] = c
		}
		rp.class[k] = c
	}
	rp.classes = len(index)
	if rp.hard && rp.classes <= maxRuled {
		rp.ruled = make([]float64, rp.classes*rp.classes)
	}
	return rp
}

// rowsOf returns, for each type k and dimension d, at k·D+d, the index in
// rows of the type's group in d, or −1 if it has no value there.
func (pr *problem) rowsOf(ks []kind, rows []groupRow) []int {
	D := len(pr.dims)
	out := make([]int, len(ks)*D)
	for k := range ks {
		for d := range D {
			out[k*D+d] = -1
			g := ks[k].groups[d]
			if g == "" {
				continue
			}
			for r := range rows {
				if rows[r].dim == d && rows[r].group == g {
					out[k*D+d] = r
					break
				}
			}
		}
	}
	return out
}

// boundExcess is how far a type's total is outside its bounds.
func (rp *repair) boundExcess(k, total int) float64 {
	return float64(max(0, rp.ks[k].lo-total) + max(0, total-rp.ks[k].hi))
}

// ruleExcess is how far a row's deviation is beyond its slack, with its
// group and its dimension's known time changed by dg and dk.
func (rp *repair) ruleExcess(r int, known, dg, dk float64) float64 {
	if math.IsInf(rp.slack[r], 1) {
		return 0
	}
	return max(0, math.Abs(rp.group[r]+dg-rp.rows[r].target*(known+dk))-rp.slack[r])
}

// shift returns how moving one step from type a to type b changes the
// groups' cost, Σ w_d |X_g − T_g|, and the hard rules' excess beyond their
// slack. A dimension in which a and b are in the same group, or both
// without a value, does not change; one in which only one has a value
// changes K_d, and so every target of the dimension.
func (rp *repair) shift(a, b int) (cost, excess float64) {
	return rp.shiftIn(a, b, false)
}

// shiftIn is [repair.shift] in every dimension, or in the hard ones alone
// where rules is set, for the excess alone.
func (rp *repair) shiftIn(a, b int, rules bool) (cost, excess float64) {
	D := len(rp.dims)
	for d := range D {
		ra, rb := rp.rowOf[a*D+d], rp.rowOf[b*D+d]
		if ra == rb || (rules && !rp.dims[d].hard) {
			continue
		}
		if ra >= 0 && rb >= 0 { // K_d stays: the two rows' changes, priced ahead
			cost += rp.down[ra].cost + rp.up[rb].cost
			excess += rp.down[ra].excess + rp.up[rb].excess
			continue
		}
		dr := &rp.dims[d]
		dk := float64(btoi(rb >= 0) - btoi(ra >= 0))
		for r := dr.from; r < dr.to; r++ {
			dg := 0.0
			switch r {
			case ra:
				dg = -1
			case rb:
				dg = 1
			}
			c, e := rp.rowChange(r, dg, dk)
			cost, excess = cost+c, excess+e
		}
	}
	return cost, excess
}

// change is what moving a row's group time by a step does to the groups'
// cost and the hard rules' excess.
type change struct{ cost, excess float64 }

// rowChange returns how row r's cost and excess change when its group's
// time changes by dg and its dimension's known time by dk.
func (rp *repair) rowChange(r int, dg, dk float64) (cost, excess float64) {
	dr := &rp.dims[rp.rows[r].dim]
	t := rp.rows[r].target
	now := rp.group[r] - t*dr.known
	after := now + dg - t*dk
	cost = dr.weight * (math.Abs(after) - math.Abs(now))
	if dr.hard {
		excess = rp.ruleExcess(r, dr.known, dg, dk) - rp.ruleExcess(r, dr.known, 0, 0)
		cost += rp.over * (max(0, math.Abs(after)-dr.allowed) - max(0, math.Abs(now)-dr.allowed))
	}
	return cost, excess
}

// price sets row r's changes for a step more and a step less of its group,
// its dimension's known time unchanged.
func (rp *repair) price(r int) {
	rp.up[r].cost, rp.up[r].excess = rp.rowChange(r, 1, 0)
	rp.down[r].cost, rp.down[r].excess = rp.rowChange(r, -1, 0)
}

// sameRules reports whether types a and b are in the same group, or both
// without a value, in every hard rule's dimension.
func (rp *repair) sameRules(a, b int) bool { return rp.class[a] == rp.class[b] }

// gain is how much moving one step from type a to type b reduces the excess.
func (rp *repair) gain(a, b int) float64 {
	before := rp.boundExcess(a, rp.total[a]) + rp.boundExcess(b, rp.total[b])
	after := rp.boundExcess(a, rp.total[a]-1) + rp.boundExcess(b, rp.total[b]+1)
	if !rp.hard {
		return before - after // only the bounds have an excess
	}
	return before - after - rp.ruleShift(a, b)
}

// ruleShift is how moving one step from type a to type b changes the hard
// rules' excess: [repair.shiftIn] over the hard rules, kept in ruled per
// pair of classes until the next step.
func (rp *repair) ruleShift(a, b int) float64 {
	if rp.ruled == nil {
		_, excess := rp.shiftIn(a, b, true)
		return excess
	}
	at := rp.class[a]*rp.classes + rp.class[b]
	if math.IsNaN(rp.ruled[at]) {
		_, rp.ruled[at] = rp.shiftIn(a, b, true)
	}
	return rp.ruled[at]
}

func (rp *repair) excess() float64 {
	e := 0.0
	for k := range rp.ks {
		e += rp.boundExcess(k, rp.total[k])
	}
	for r, row := range rp.rows {
		e += rp.ruleExcess(r, rp.dims[row.dim].known, 0, 0)
	}
	return e
}

func (rp *repair) run(bySeg [][]place) {
	rp.fix(bySeg)
	if rp.excess() > 1e-9 {
		// No whole-step plan this search finds meets a hard rule exactly:
		// within one step is what rounding can promise.
		for r := range rp.slack {
			rp.slack[r]++
			rp.price(r)
		}
		rp.fix(bySeg)
	}
	rp.improve(bySeg)
}

// place is a type's cell in a segment: type k's i'th segment.
type place struct{ k, i int }

// places returns the cells of every segment, in type order.
func places(pr *problem, ks []kind) [][]place {
	bySeg := make([][]place, len(pr.segs))
	for k := range ks {
		for i, si := range ks[k].segs {
			bySeg[si] = append(bySeg[si], place{k, i})
		}
	}
	return bySeg
}

// gives reports whether type a's cell can give a step and keep every
// member's least turn in the segment.
func (rp *repair) gives(a place) bool {
	return rp.cells[a.k][a.i] > rp.pr.segs[rp.ks[a.k].segs[a.i]].minTurn*len(rp.ks[a.k].members)
}

// fix moves the step that most reduces the excess until none does.
func (rp *repair) fix(bySeg [][]place) {
	var under []place // a segment's cells of types below their least total
	for limit := 0; rp.excess() > 1e-9 && limit < 10*rp.pr.budget+10; limit++ {
		for i := range rp.ruled {
			rp.ruled[i] = math.NaN() // the last step moved the rows
		}
		best, from, to := 1e-9, place{-1, -1}, place{-1, -1}
		// While the hard rules hold, only bounds have an excess (a step
		// can break a rule but not mend one): a step reduces it by a step
		// for a giver above its most and one for a taker below its least,
		// a segment with neither has no step that helps, and the first
		// step that reaches what its segment allows is the best of it.
		bounds := true
		for r, row := range rp.rows {
			bounds = bounds && rp.ruleExcess(r, rp.dims[row.dim].known, 0, 0) <= 1e-9
		}
		for _, list := range bySeg {
			under = under[:0]
			over := false
			for _, b := range list {
				if rp.total[b.k] < rp.ks[b.k].lo {
					under = append(under, b)
				}
				over = over || (rp.total[b.k] > rp.ks[b.k].hi && rp.gives(b))
			}
			ceiling := math.Inf(1)
			if bounds {
				if ceiling = float64(btoi(over) + btoi(len(under) > 0)); ceiling <= best {
					continue
				}
			}
		segment:
			for _, a := range list {
				if !rp.gives(a) {
					continue
				}
				// A step from a giver within its most then helps only if
				// it reaches a type below its least.
				within := rp.total[a.k] <= rp.ks[a.k].hi
				takers := list
				if bounds && within {
					takers = under
				}
				for _, b := range takers {
					// A step between types of the same groups in every
					// hard rule moves no rule: from a giver within its
					// most, it helps only a taker below its least.
					if a.k != b.k && (!within || rp.total[b.k] < rp.ks[b.k].lo || !rp.sameRules(a.k, b.k)) {
						if g := rp.gain(a.k, b.k); g > best {
							best, from, to = g, a, b
							if best >= ceiling {
								break segment
							}
						}
					}
				}
			}
		}
		if from.k < 0 {
			return // nothing helps; Allocate's checks report what remains
		}
		rp.step(from, to)
	}
}

// improveWork is how many moves a call of improve tries in all (a plan
// calls it at most 1 + evenRounds times): a session of up to
// a few dozen types per segment is improved until no move helps, while a
// programme of thousands of types, each a step from its optimum already,
// is left as rounded rather than searched pair by pair.
const improveWork = 1 << 18

// improve moves the step that most lowers the objective at whole steps,
// without breaking a bound or a rule further, until none does. Without it
// the rounded plan would depend on which of two optima of equal cost the
// simplex reached, and could be a step from a cheaper plan.
func (rp *repair) improve(bySeg [][]place) {
	pairs := 0
	for _, list := range bySeg {
		pairs += len(list) * len(list)
	}
	rounds := min(10*rp.pr.budget+10, improveWork/max(pairs, 1))
	if rounds == 0 {
		return
	}
	up, down := make([]float64, len(rp.ks)), make([]float64, len(rp.ks)) // per type: the cost of a step more, a step less
	price := func(k int) {
		now := rp.typeCost(k, rp.total[k])
		up[k] = rp.typeCost(k, rp.total[k]+1) - now
		down[k] = rp.typeCost(k, rp.total[k]-1) - now
	}
	for k := range rp.ks {
		price(k)
	}
	known := make([]bool, len(rp.ks)) // per type: whether it has a value in every dimension
	for k := range rp.ks {
		known[k] = !slices.Contains(rp.rowOf[k*len(rp.dims):(k+1)*len(rp.dims)], -1)
	}
	var order []int                      // a segment's cells, by what a step to them costs at least
	taker := make([]float64, len(rp.ks)) // per type: a step more, and its groups' rows' step more
	giver := make([]float64, len(rp.ks)) // per type: a step less, less its groups' rows' step more
	for range rounds {
		best, from, to := -1e-9, place{-1, -1}, place{-1, -1}
		bestAt := -1 // the position in its segment's list of to, among moves of equal cost from the same cell
		try := func(a place, b place, at int) {
			if a.k == b.k || math.IsInf(up[b.k], 1) {
				return
			}
			change, excess := rp.shift(a.k, b.k)
			d := down[a.k] + up[b.k] + change
			if excess > 0 {
				return
			}
			if d < best || (d == best && from == a && at < bestAt) {
				best, from, to, bestAt = d, a, b, at
			}
		}
		D := len(rp.dims)
		for k := range rp.ks {
			taker[k], giver[k] = up[k], down[k]
			if !known[k] {
				continue
			}
			for d := range D {
				r := rp.rowOf[k*D+d]
				taker[k] += rp.up[r].cost
				giver[k] -= rp.up[r].cost
			}
		}
		for _, list := range bySeg {
			if slices.ContainsFunc(list, func(c place) bool { return !known[c.k] }) {
				// A type with no value in a dimension moves its known
				// time, and every target of it: no bound below applies.
				for _, a := range list {
					if rp.gives(a) && !math.IsInf(down[a.k], 1) {
						for at, b := range list {
							try(a, b, at)
						}
					}
				}
				continue
			}
			// A step from a to b costs down_a + up_b plus, in each
			// dimension where their groups differ, the rows' step less of
			// a's group and step more of b's; where they are the same, the
			// rows do not move, which saves at most the row's step more
			// and less, a sum that is never negative. So it costs at least
			// giver_a + taker_b, and the cells b are tried cheapest bound
			// first, until the bound is past the best move found.
			// Only the cells whose bound can be within the best move from
			// the cheapest giver are sorted.
			cheapest := math.Inf(1)
			for _, a := range list {
				if rp.gives(a) {
					cheapest = min(cheapest, giver[a.k])
				}
			}
			order = order[:0]
			for at, b := range list {
				if cheapest+taker[b.k] <= best+1e-9 {
					order = append(order, at)
				}
			}
			slices.SortFunc(order, func(i, j int) int {
				return cmp.Or(cmp.Compare(taker[list[i].k], taker[list[j].k]), cmp.Compare(i, j))
			})
			for _, a := range list {
				if !rp.gives(a) || math.IsInf(down[a.k], 1) {
					continue
				}
				for _, at := range order {
					if giver[a.k]+taker[list[at].k] > best+1e-9 {
						break
					}
					try(a, list[at], at)
				}
			}
		}
		if from.k < 0 {
			return
		}
		rp.step(from, to)
		price(from.k)
		price(to.k)
	}
}

// typeCost is Σ w₀·w_i·φ̃_i over type k's members when the type has total
// steps, split as [problem.split] does; +Inf outside the type's bounds.
func (rp *repair) typeCost(k, total int) float64 {
	t := &rp.ks[k]
	if total < t.lo || total > t.hi {
		return math.Inf(1)
	}
	if n := len(t.members); rp.alike[k] {
		// An equal split: total mod n members get a step more, and alike
		// members cost alike.
		q, r := total/n, total%n
		first := t.members[0]
		return float64(n-r)*rp.pr.speakerCost(first, q) + float64(r)*rp.pr.speakerCost(first, q+1)
	}
	c := 0.0
	for j, x := range rp.pr.split(t, total) {
		c += rp.pr.speakerCost(t.members[j], x)
	}
	return c
}

// step moves one step from cell a to cell b of the same segment.
func (rp *repair) step(a, b place) {
	D := len(rp.dims)
	for d := range D {
		ra, rb := rp.rowOf[a.k*D+d], rp.rowOf[b.k*D+d]
		if ra == rb {
			continue
		}
		if ra >= 0 {
			rp.group[ra]--
			rp.dims[d].known--
		}
		if rb >= 0 {
			rp.group[rb]++
			rp.dims[d].known++
		}
		if ra >= 0 && rb >= 0 {
			rp.price(ra)
			rp.price(rb)
			continue
		}
		for r := rp.dims[d].from; r < rp.dims[d].to; r++ { // K_d moved every target of the dimension
			rp.price(r)
		}
	}
	rp.total[a.k]--
	rp.total[b.k]++
	rp.cells[a.k][a.i]--
	rp.cells[b.k][b.i]++
}
