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
func (s *simplex) price(from, to int, bland bool) (int, float64) {
	best, dir, bestGain := -1, 0.0, costTol
	for j := from; j < to; j++ {
		if s.inBase[j] || s.hi[j] <= s.lo[j] {
			continue
		}
		var gain, jdir float64
		if j < s.n && s.last[j] >= 0 {
			// At a point between pieces, up costs the right slope and down
			// saves the left one.
			var left, right float64
			if s.two {
				left, right = s.left[j], s.right[j]
			}
			z := s.cost[j] - s.d[j]
			switch {
			case s.at[j] < s.last[j] && right-z < -costTol:
				gain, jdir = z-right, 1
			case s.at[j] > 0 && left-z > costTol:
				gain, jdir = left-z, -1
			default:
				continue
			}
		} else {
			switch {
			case s.d[j] < -costTol && s.x[j] < s.hi[j]:
				gain, jdir = -s.d[j], 1
			case s.d[j] > costTol && s.x[j] > s.lo[j]:
				gain, jdir = s.d[j], -1
			default:
				continue
			}
		}
		if bland {
			return j, jdir
		}
		if gain > bestGain {
			best, dir, bestGain = j, jdir, gain
		}
	}
	return best, dir
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
