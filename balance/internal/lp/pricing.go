package lp

// entering returns a non-basic variable whose move improves the objective,
// and the direction of the move: +1 up from its lower bound, −1 down from its
// upper bound. It returns −1 when none does, which is optimality.
func (s *simplex) entering(bland bool) (int, float64) {
	if bland || s.width <= pricingBlock {
		return s.price(0, s.width, bland)
	}
	// Partial pricing: a block at a time, from where the last search
	// ended, taking the best of the first block that has one.
	for covered := 0; covered < s.width; {
		from := s.cursor
		to := min(from+pricingBlock, s.width)
		s.cursor = to % s.width
		covered += to - from
		if j, dir := s.price(from, to, false); j >= 0 {
			return j, dir
		}
	}
	return -1, 0
}

// pricingBlock is how many columns entering prices before it takes the
// best it has found: a programme of thousands of columns, one per type of
// speaker, would otherwise spend most of its time pricing columns that
// stay where they are. A smaller programme is priced in full, by
// Dantzig's rule.
const pricingBlock = 256

// price returns the column of from ≤ j < to that improves the objective
// most (the first that improves it, under Bland's rule), and its direction.
// The columns' worths yᵀa_j are computed a block at a time, so that
// Bland's rule, which stops at the first, computes few beyond it.
func (s *simplex) price(from, to int, bland bool) (int, float64) {
	best, dir, bestGain := -1, 0.0, costTol
	for lo := from; lo < to; lo += pricingBlock {
		hi := min(lo+pricingBlock, to)
		worth := s.worth(lo, hi)
		for j := lo; j < hi; j++ {
			if s.inBase[j] || s.hi[j] <= s.lo[j] {
				continue
			}
			gain, jdir := s.gain(j, worth[j-lo])
			if jdir == 0 {
				continue
			}
			if bland {
				return j, jdir
			}
			if gain > bestGain {
				best, dir, bestGain = j, jdir, gain
			}
		}
	}
	return best, dir
}

// gain returns how fast moving non-basic variable j, of worth z = yᵀa_j,
// lowers the objective, and the direction that does: +1 up, −1 down, 0 if
// neither lowers it by more than costTol.
func (s *simplex) gain(j int, z float64) (float64, float64) {
	if j < s.n && s.last[j] >= 0 {
		// At a point between pieces, up costs the right slope and down
		// saves the left one.
		var left, right float64
		if s.two {
			left, right = s.left[j], s.right[j]
		}
		switch {
		case s.at[j] < s.last[j] && right-z < -costTol:
			return z - right, 1
		case s.at[j] > 0 && left-z > costTol:
			return left - z, -1
		}
		return 0, 0
	}
	switch d := s.cost[j] - z; {
	case d < -costTol && s.x[j] < s.hi[j]:
		return -d, 1
	case d > costTol && s.x[j] > s.lo[j]:
		return d, -1
	}
	return 0, 0
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
