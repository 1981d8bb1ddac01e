package balance

import (
	"cmp"
	"math"
	"slices"
)

// evenRounds bounds the rounds of improving the rounded totals from an
// even split of them (see [problem.evenCells]); each round but the last
// lowers the objective, and one or two do in practice.
const evenRounds = 8

// eps absorbs the solver's rounding error when a value in steps is floored:
// 2.9999999999 steps is 3 steps.
const eps = 1e-7

// rounding is the allocation in whole steps.
type rounding struct {
	cells  [][]int // per type, per segment of the type: steps
	total  []int   // per type: Σ of its cells
	people []int   // per speaker: total steps
	turns  [][]int // per speaker, per segment of the speaker (as in speaker.segs): steps
}

// round turns the programme's solution, perSeg[k][i] steps for type k in its
// i'th segment, into whole steps: first per type, keeping every segment's
// total exact and repairing any bound or hard rule the rounding broke, then
// per person within each type, where no group total can change.
func (pr *problem) round(sol *solved) rounding {
	ks, perSeg := sol.ks, sol.perSeg
	cells := make([][]int, len(ks))
	for k := range ks {
		cells[k] = make([]int, len(ks[k].segs))
	}
	bySeg := places(pr, ks)
	for si, list := range bySeg {
		values := slices.Grow(pr.work.values[:0], len(list))[:len(list)]
		for j, c := range list {
			values[j] = perSeg[c.k][c.i]
		}
		steps := pr.work.apportion(values, pr.segs[si].capacity) // list is in type order, so ties go to the first type
		for j, c := range list {
			cells[c.k][c.i] = steps[j]
		}
	}
	rp := newRepair(pr, sol, cells)
	rp.run(bySeg)
	// An even split lets more cells give a step than the repair's did, so
	// improve tries again from it, until no step pays or the split moves no
	// cell; the split comes last in every case.
	for round := 0; pr.evenCells(ks, cells) && round < evenRounds; round++ {
		before := slices.Clone(rp.total)
		rp.improve(bySeg)
		if slices.Equal(before, rp.total) {
			break
		}
	}

	r := rounding{cells: cells, total: rp.total, people: make([]int, len(pr.speakers)), turns: make([][]int, len(pr.speakers))}
	total := 0
	for i := range pr.speakers {
		total += len(pr.speakers[i].segs)
	}
	store := make([]int, total) // one allocation for everyone's turns
	for i := range pr.speakers {
		n := len(pr.speakers[i].segs)
		r.turns[i], store = store[:n:n], store[n:]
	}
	for k := range ks {
		x := pr.split(&ks[k], rp.total[k])
		for j, i := range ks[k].members {
			r.people[i] = x[j]
		}
		// Share the type's steps in each segment among its members: each
		// gets the least turn in every segment, and of the rest of a
		// segment's steps a part in proportion to what they have left to
		// place, so that every member speaks in each segment about in
		// proportion to their total, their steps add up to it, and every
		// segment's to the type's cell.
		rest := slices.Clone(x)
		left := 0 // Σ rest, what the remaining segments hold above their least turns
		for _, si := range ks[k].segs {
			for j := range rest {
				rest[j] -= pr.segs[si].minTurn
			}
		}
		for _, v := range rest {
			left += v
		}
		if len(ks[k].segs) == 1 {
			for j, m := range ks[k].members {
				r.turns[m][0] = x[j]
			}
			continue
		}
		for i, si := range ks[k].segs {
			need := cells[k][i] - pr.segs[si].minTurn*len(rest)
			values := slices.Grow(pr.work.values[:0], len(rest))[:len(rest)]
			for j, v := range rest {
				if left > 0 {
					values[j] = float64(v) * float64(need) / float64(left)
				}
			}
			steps := pr.work.apportion(values, need)
			// Rounding up can give a member a step more than they have
			// left when their part is nearly all of it; it goes to one who
			// has room.
			for j := range steps {
				for o := 0; steps[j] > rest[j] && o < len(steps); o++ {
					for steps[j] > rest[j] && steps[o] < rest[o] {
						steps[j]--
						steps[o]++
					}
				}
			}
			for j, m := range ks[k].members {
				r.turns[m][i] = pr.segs[si].minTurn + steps[j]
				rest[j] -= steps[j]
			}
			left -= need
		}
	}
	return r
}

// work is scratch space for rounding and spreading, reused from call to
// call: a type's split is priced many times over in the repair, and the
// explanations spread every type once per dimension.
type work struct {
	values, frac, spread, caps, sorted []float64
	order, out                         []int
}

// apportion rounds values, which add up to total up to rounding error, to
// whole numbers that add up to total exactly: each value is floored, and the
// steps left over go to the largest fractional parts, ties to the earliest.
// The result is valid until the next call.
func (w *work) apportion(values []float64, total int) []int {
	n := len(values)
	out := slices.Grow(w.out[:0], n)[:n]
	frac := slices.Grow(w.frac[:0], n)[:n]
	order := slices.Grow(w.order[:0], n)[:n]
	w.out, w.frac, w.order = out, frac, order
	sum := 0
	for i, v := range values {
		f := math.Floor(max(v, 0) + eps)
		out[i] = int(f)
		frac[i] = max(v, 0) - f
		sum += out[i]
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(frac[b], frac[a]) })
	for j := 0; sum < total && n > 0; j = (j + 1) % n {
		out[order[j]]++
		sum++
	}
	for j := n - 1; sum > total && n > 0; j = (j - 1 + n) % n {
		if out[order[j]] > 0 {
			out[order[j]]--
			sum--
		}
	}
	return out
}

// split shares a type's total steps among its members as [problem.spread]
// does, rounded to whole steps adding up to total, so members with the
// same bounds and weight end within one step of each other. The result is
// valid until the next split.
func (pr *problem) split(t *kind, total int) []int {
	return pr.work.apportion(pr.spread(t, float64(total)), total)
}

// spread shares a type's total among its members as the programme would,
// before rounding: each starts at its clamped fair share c_i, and the
// difference is spread evenly over the members' cheapest pieces first.
// The result is valid until the next spread.
func (pr *problem) spread(t *kind, total float64) []float64 {
	n := len(t.members)
	x := slices.Grow(pr.work.spread[:0], n)[:n]
	pr.work.spread = x
	if pr.alike(t) { // the common case: members who differ only by name share alike
		for j := range x {
			x[j] = total / float64(n)
		}
		return x
	}
	for j, i := range t.members {
		x[j] = pr.cost(i).clamped
	}
	diff := total - t.clamped
	dir := 1.0
	if diff < 0 {
		dir, diff = -1, -diff
	}
	sideOf := func(j int) side {
		if dir > 0 {
			return pr.cost(t.members[j]).up
		}
		return pr.cost(t.members[j]).down
	}
	// The type's pieces, merged by cost, fill cheapest first (raising it,
	// those from its point 0 on; lowering it, those before, nearest
	// first): every piece cheaper than the level where diff runs out is
	// full, and the members' pieces at that level share the rest evenly.
	level, rest := math.Inf(1), 0.0
	for i := 0; ; i++ {
		k := t.zero + i
		if dir < 0 {
			k = t.zero - 1 - i
		}
		if k < 0 || k >= len(t.caps) {
			break
		}
		if diff <= t.caps[k] {
			level, rest = dir*t.cost.Slopes[k], diff
			break
		}
		diff -= t.caps[k]
	}
	caps := slices.Grow(pr.work.caps[:0], n)[:n] // each member's room at the level
	pr.work.caps = caps
	room := 0.0
	for j := range t.members {
		under, at := sideOf(j).below(level)
		x[j] += dir * under
		caps[j] = at
		room += at
	}
	if rest <= 0 {
		return x
	}
	water := math.Inf(1)
	if room > rest {
		water = pr.work.waterLevel(caps, rest)
	}
	for j := range t.members {
		x[j] += dir * min(caps[j], water)
	}
	return x
}

// alike reports whether every member of t has the same cost, and so the
// same clamped fair share and pieces, so that the cheapest split of any
// total is an equal one.
func (pr *problem) alike(t *kind) bool {
	first := &pr.speakers[t.members[0]]
	for _, i := range t.members[1:] {
		sp := &pr.speakers[i]
		if sp.costIndex != first.costIndex {
			return false
		}
	}
	return true
}

// waterLevel returns λ with Σ min(caps_i, λ) = amount, for 0 < amount < Σ caps.
func (w *work) waterLevel(caps []float64, amount float64) float64 {
	sorted := append(w.sorted[:0], caps...)
	w.sorted = sorted
	slices.Sort(sorted)
	prev := 0.0
	for n, c := range sorted {
		open := float64(len(sorted) - n) // members not yet at their cap
		if (c-prev)*open >= amount {
			return prev + amount/open
		}
		amount -= (c - prev) * open
		prev = c
	}
	return prev
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
