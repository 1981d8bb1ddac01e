package lp

import "math"

// entering returns a non-basic variable whose move improves the objective,
// and the direction of the move: +1 up from its lower bound, −1 down from its
// upper bound. It returns −1 when none does, which is optimality.
func (s *simplex) entering(bland bool) (int, float64) {
	blocks := (s.width + pricingBlock - 1) / pricingBlock
	if bland || s.width <= fullPricing {
		return s.price(0, blocks, bland)
	}
	// Partial pricing: a block at a time, from where the last search
	// ended, taking the best of the first block that has one.
	for range blocks {
		b := s.cursor
		s.cursor = (b + 1) % blocks
		if j, dir := s.price(b, b+1, false); j >= 0 {
			return j, dir
		}
	}
	return -1, 0
}

// fullPricing is the most columns a programme may have to be priced in
// full, by Dantzig's rule, at every pivot; a programme of thousands of
// columns, one per type of speaker, would otherwise spend most of its
// time pricing columns that stay where they are, and is priced a block
// of pricingBlock columns at a time, taking the best of the first block
// that has one. Small blocks are searched sooner: at 5,000 speakers in 20
// segments, blocks of 64 take 10% less time than blocks of 256, with
// about as many pivots.
const (
	fullPricing  = 256
	pricingBlock = 64
)

// price returns the column of the blocks from ≤ b < to that improves
// the objective most (the first that improves it, under Bland's rule),
// and its direction. The columns' worths yᵀâ_j are computed a block at a
// time, so that Bland's rule, which stops at the first, computes few
// beyond it.
func (s *simplex) price(from, to int, bland bool) (int, float64) {
	best, dir, bestGain := -1, 0.0, costTol
	for b := from; b < to; b++ {
		lo := b * pricingBlock
		worth := s.worth(b)
		up, down := s.up[lo:lo+len(worth)], s.down[lo:lo+len(worth)]
		for i, z := range worth {
			// Moving up gains z − up a unit, moving down down − z; at most
			// one of them exceeds costTol, as down ≤ up.
			if g := z - up[i]; g > bestGain {
				best, dir, bestGain = lo+i, 1, g
			} else if g := down[i] - z; g > bestGain {
				best, dir, bestGain = lo+i, -1, g
			} else {
				continue
			}
			if bland {
				return best, dir
			}
		}
	}
	return best, dir
}

// offer sets up[j] and down[j], the rates at which moving variable j up
// costs and moving it down saves, so that pricing reads two numbers a
// column: its cost, or at a point between pieces the right slope up and
// the left one down; +Inf up and −Inf down where it cannot move that way,
// being basic, fixed, or at that bound. It is called whenever j's state
// changes: at the start of a phase and for the variables a move moves.
func (s *simplex) offer(j int) {
	s.up[j], s.down[j] = math.Inf(1), math.Inf(-1)
	switch {
	case s.inBase[j] || s.hi[j] <= s.lo[j]:
	case j < s.n && s.last[j] >= 0:
		left, right := s.slopes(j)
		if s.at[j] < s.last[j] {
			s.up[j] = right
		}
		if s.at[j] > 0 {
			s.down[j] = left
		}
	default:
		if s.x[j] < s.hi[j] {
			s.up[j] = s.cost[j]
		}
		if s.x[j] > s.lo[j] {
			s.down[j] = s.cost[j]
		}
	}
}

// setAt puts variable j of a convex cost at point or piece k.
func (s *simplex) setAt(j, k int) {
	s.at[j] = k
	if s.last[j] < 0 {
		return
	}
	sl := s.p.Convex[j].Slopes
	s.left[j], s.right[j] = 0, 0
	if k > 0 {
		s.left[j] = sl[k-1]
	}
	if k < len(sl) {
		s.right[j] = sl[k]
	}
}

// slopes returns the slopes of the pieces left and right of the point a
// non-basic variable of a convex cost stands on; in phase one, which
// counts no cost, both are 0.
func (s *simplex) slopes(j int) (left, right float64) {
	if !s.two {
		return 0, 0
	}
	return s.left[j], s.right[j]
}
