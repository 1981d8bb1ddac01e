package timetable

import (
	"math"
	"math/bits"
	"slices"
)

// maxColumns is the most sets of sessions, over all slots, that the
// Lagrangian bound enumerates: 20 sessions in 4 rooms × 6 slots make at
// most 6 × 6,196.
var maxColumns = 100_000 // a variable for the tests of the search without it

// columns are, for each slot, every set of sessions that may share it
// (each may go to the slot, no two have a person in common, and there is a
// room for each under the cap), with what the set costs there on its own:
// its diversity, w_div Σ_d Σ_g n_dg² / N_d, its slotCost (hours outside,
// changes of slot) and its least room costs (seat). A timetable is one
// set for each slot, the sets covering each session once (the empty set
// among them), and its cost is the sum of its sets' plus the themes and
// the worst overflow.
type columns struct {
	mask [][]uint64
	cost [][]float64
}

// enumerate makes the columns, or returns false when there would be more
// than maxColumns.
func (ss *slotSearch) enumerate() bool {
	m, w := ss.m, ss.w
	if m.n > 64 {
		return false
	}
	ss.cols = &columns{mask: make([][]uint64, m.S), cost: make([][]float64, m.S)}
	total := 0
	cnt := [dims][]int64{make([]int64, m.nGroups[0]), make([]int64, m.nGroups[1])}
	var sq [dims]int64
	for t := range m.S {
		linear := 0.0
		var walk func(from int, mask uint64) bool
		walk = func(from int, mask uint64) bool {
			total++
			if total > maxColumns {
				return false
			}
			c := linear + ss.roomSum[t]
			for d := range dims {
				if m.total[d] > 0 {
					c += w.Diversity * float64(sq[d]) / float64(m.total[d])
				}
			}
			ss.cols.mask[t] = append(ss.cols.mask[t], mask)
			ss.cols.cost[t] = append(ss.cols.cost[t], c)
			if len(ss.members[t]) == m.R {
				return true
			}
			for i := from; i < m.n; i++ {
				if !ss.fits(i, t) {
					continue
				}
				for _, g := range m.groups[i] {
					v := &cnt[g.dim][g.group]
					sq[g.dim] += 2**v*int64(g.count) + int64(g.count)*int64(g.count)
					*v += int64(g.count)
				}
				linear += ss.slotCost[i*m.S+t]
				ss.members[t] = append(ss.members[t], int32(i))
				sum := ss.roomSum[t]
				if slices.ContainsFunc(ss.members[t], func(j int32) bool { return ss.roomCosts(int(j), t) }) {
					ss.roomSum[t], _ = ss.seat(t, -1) // else each costs nothing in any room
				}
				ok := walk(i+1, mask|1<<i)
				ss.members[t] = ss.members[t][:len(ss.members[t])-1]
				ss.roomSum[t] = sum
				linear -= ss.slotCost[i*m.S+t]
				for _, g := range m.groups[i] {
					v := &cnt[g.dim][g.group]
					*v -= int64(g.count)
					sq[g.dim] -= 2**v*int64(g.count) + int64(g.count)*int64(g.count)
				}
				if !ok {
					return false
				}
			}
			return true
		}
		if !walk(0, 0) {
			ss.cols = nil
			return false
		}
	}
	return true
}

// lagrange returns a lower bound on the diversity, themes, hours,
// changes and overflow of every completion of the node: the Lagrangian
// relaxation of the set partitioning over the columns that keep the
// node's placings (a slot's set holds the sessions placed there and none
// placed elsewhere). With a price π_i on each session still to place,
// each slot takes its set of least cost less prices, and
//
//	L(π) = Σ_i π_i + Σ_t min_set (cost(set) − Σ_{i ∈ set} π_i)
//
// is at most the cost of any completion, whose sets cover each session
// once. The prices, ss.pi[depth], start from the parent's and improve by
// subgradient steps toward ub, what the bound must reach to cut the
// node, for iters steps or until it reaches ub; they are left at the
// best. The maximum of L over π is the bound of the linear relaxation of
// the set partitioning.
func (ss *slotSearch) lagrange(depth, iters int, theta, ub float64) float64 {
	pi := ss.pi[depth]
	m := ss.m
	var placed uint64
	for i := range m.n {
		if ss.placed[i] {
			placed |= 1 << i
		}
	}
	for t := range m.S {
		var fixed uint64
		for _, i := range ss.members[t] {
			fixed |= 1 << i
		}
		// A node's columns are among its parent's: filter those.
		live := ss.live[depth][t][:0]
		if depth == 0 {
			for k, mask := range ss.cols.mask[t] {
				if mask&placed == fixed {
					live = append(live, int32(k))
				}
			}
		} else {
			for _, k := range ss.live[depth-1][t] {
				if ss.cols.mask[t][k]&placed == fixed {
					live = append(live, k)
				}
			}
		}
		ss.live[depth][t] = live
		if len(live) == 0 {
			return math.Inf(1)
		}
	}
	// The themes, linearised: for whole m ≥ 0 and any whole λ, m² ≥
	// (2λ+1)·m − λ(λ+1), equal at m = λ and m = λ+1. With λ_θδ the larger
	// of the day's count and the level to which water-filling raises the
	// theme's lowest days, the least of these over the day counts is the
	// water-filling bound, and each session adds its own share to the set
	// of its slot.
	constant := 0.0
	if m.pairs > 0 && ss.w.Themes > 0 {
		scale := ss.w.Themes / float64(m.pairs)
		c := ss.scratch[:m.days]
		for th := range m.nThemes {
			counts := ss.thm[th*m.days : (th+1)*m.days]
			copy(c, counts)
			slices.Sort(c)
			q := waterLevel(c, ss.remT[th])
			for d := range m.days {
				lambda := max(q, counts[d])
				ss.slope[th*m.days+d] = scale * float64(2*lambda+1)
				constant -= scale * float64(lambda*(lambda+1))
			}
		}
	}
	for t := range m.S {
		live := ss.live[depth][t]
		ss.liveCost[t] = ss.liveCost[t][:0]
		for _, k := range live {
			c := ss.cols.cost[t][k]
			if m.pairs > 0 && ss.w.Themes > 0 {
				for all := ss.cols.mask[t][k]; all != 0; all &= all - 1 {
					for _, th := range m.themes[bits.TrailingZeros64(all)] {
						c += ss.slope[int(th)*m.days+m.day[t]]
					}
				}
			}
			ss.liveCost[t] = append(ss.liveCost[t], c)
		}
	}

	best := math.Inf(-1)
	copy(ss.bestPi, pi)
	g := ss.grad
	stale := 0
	for it := range iters {
		l := constant
		for i := range m.n {
			g[i] = 0
			if !ss.placed[i] {
				l += pi[i]
				g[i] = 1
			}
		}
		for t := range m.S {
			least, at := math.Inf(1), uint64(0)
			masks, costs := ss.cols.mask[t], ss.liveCost[t]
			for x, k := range ss.live[depth][t] {
				mask := masks[k]
				c := costs[x]
				for free := mask &^ placed; free != 0; free &= free - 1 {
					c -= pi[bits.TrailingZeros64(free)]
				}
				if c < least {
					least, at = c, mask
				}
			}
			l += least
			for free := at &^ placed; free != 0; free &= free - 1 {
				g[bits.TrailingZeros64(free)]--
			}
		}
		if l > best {
			best, stale = l, 0
			copy(ss.bestPi, pi)
		} else if stale++; stale >= 3 {
			theta, stale = theta/2, 0
		}
		norm := 0.0
		for _, v := range g {
			norm += v * v
		}
		if norm == 0 || best >= ub-1e-9 {
			break // the sets chosen cover each session once: L is their cost
		}
		target := ub
		if math.IsInf(target, 1) {
			target = l + math.Abs(l)/10 + 1
		}
		step := theta * (target - l) / norm
		for i, v := range g {
			pi[i] += step * v
		}
		if it%25 == 24 && !math.IsInf(ub, 1) {
			ss.prune(depth, placed, ss.bestPi, ub-best)
		}
	}
	copy(pi, ss.bestPi)
	if best < ub-1e-9 && !math.IsInf(ub, 1) {
		ss.prune(depth, placed, pi, ub-best)
	}
	return best
}

// prune drops from the node's columns, for its subtree, those that no
// completion cheaper than the bound plus gap can use: with the prices pi,
// whose bound is L, a slot made to take a set whose cost less prices
// exceeds the slot's least by gap or more has a bound of at least L + gap.
func (ss *slotSearch) prune(depth int, placed uint64, pi []float64, gap float64) {
	m := ss.m
	for t := range m.S {
		live, costs := ss.live[depth][t], ss.liveCost[t]
		ss.reduced = grow(ss.reduced, len(live))
		least := math.Inf(1)
		for x, k := range live {
			c := costs[x]
			for free := ss.cols.mask[t][k] &^ placed; free != 0; free &= free - 1 {
				c -= pi[bits.TrailingZeros64(free)]
			}
			ss.reduced[x] = c
			least = min(least, c)
		}
		keep := 0
		for x, k := range live {
			if ss.reduced[x]-least < gap+1e-9 {
				live[keep], costs[keep] = k, costs[x]
				keep++
			}
		}
		ss.live[depth][t], ss.liveCost[t] = live[:keep], costs[:keep]
	}
}

// waterLevel returns the level q to which water-filling raises the lowest
// of the counts c (sorted) when more are added: each of them ends at q or
// q+1, the others keep their counts. It is 0 when there are none to add.
func waterLevel(c []int64, more int64) int64 {
	if more == 0 {
		return 0
	}
	var sum int64
	j := 0
	for ; j < len(c); j++ {
		sum += c[j]
		if j+1 < len(c) && c[j+1]*int64(j+1)-sum <= more {
			continue
		}
		break
	}
	return (sum + more) / int64(j+1)
}
