package lp

import (
	"math"
	"slices"
)

// segment returns the piece of variable j's convex cost that holds v.
func (s *simplex) segment(j int, v float64) int {
	if !s.p.convex(j) {
		return 0
	}
	pts := s.p.Convex[j].Points
	k, _ := slices.BinarySearch(pts, v)
	return min(max(k-1, 0), max(len(pts)-2, 0))
}

// bounds returns the bounds a variable may move within: for a basic one of
// a convex cost, those of its piece, since its cost changes past them.
func (s *simplex) bounds(j int) (lo, hi float64) {
	if j < s.n && s.p.convex(j) && s.inBase[j] {
		pts := s.p.Convex[j].Points
		if len(pts) > 1 {
			return pts[s.at[j]], pts[s.at[j]+1]
		}
	}
	return s.lo[j], s.hi[j]
}

// ratio returns how far the entering variable moves, and the row whose
// basic variable then leaves, or −1 if the entering variable stays
// non-basic, at a point of its convex cost or its other bound. The move
// goes on past the points of convex costs, its own and the basic
// variables', while it still lowers the objective (a long-step ratio
// test): each point passed raises the rate of change by the jump of the
// slopes there times the speed of the variable, and spares the pivot and
// pricing a stop there would take. Points passed update the pieces of the
// basic variables, their costs and the reduced costs. Under Bland's rule
// every point stops the move, as in the textbook ratio test.
func (s *simplex) ratio(enter int, dir float64, bland bool) (float64, int) {
	// The rows whose basic variable moves are kept in a heap of their
	// events, first the least: a basic variable passing a point changes
	// its row's event alone, which then sinks in a few steps, where a scan
	// of every row would take m (at 20 segments, 17 points passed a move
	// on average, of some 14 events among 40 rows).
	q := s.queue[:0]
	for r := range s.m {
		if t := s.event(r, enter, dir); !math.IsInf(t, 1) {
			q = append(q, stop{t, r})
		}
	}
	for i := len(q)/2 - 1; i >= 0; i-- {
		s.sink(q, i, bland)
	}
	first, row := math.Inf(1), -1
	if len(q) > 0 {
		first, row = q[0].t, q[0].row
	}
	for {
		own, ownHard := s.ownEvent(enter, dir)
		t, leave := own, -1
		if first < own {
			t, leave = first, row
		}
		if math.IsInf(t, 1) {
			return t, -1
		}
		if leave < 0 {
			if ownHard || bland || dir*s.de+s.ownJump(enter, dir) >= -costTol {
				if enter < s.n && s.p.convex(enter) {
					s.setAt(enter, s.at[enter]+int(dir)) // it stops at the point, or its last
				}
				return t, -1
			}
			// On past its own point, at the slope of the next piece.
			s.setAt(enter, s.at[enter]+int(dir))
			left, right := s.slopes(enter)
			side := right
			if dir < 0 {
				side = left
			}
			s.de += side - s.cost[enter]
			s.cost[enter] = side
			continue
		}
		j := s.basis[leave]
		alpha := dir * s.alpha[leave]
		if !s.crossable(j, alpha) || bland {
			return t, leave
		}
		// The basic variable would pass a point into its next piece.
		k := s.at[j] + 1
		if alpha > 0 {
			k = s.at[j] - 1
		}
		delta := 0.0
		if s.two {
			delta = s.p.Convex[j].Slopes[k] - s.cost[j]
		}
		if dir*(s.de-delta*s.alpha[leave]) >= -costTol {
			return t, leave // past the point the move no longer pays
		}
		s.setAt(j, k)
		if delta != 0 {
			// Only the entering variable's reduced cost matters until the
			// move ends; move prices the rows again after it.
			s.cost[j] += delta
			s.de -= delta * s.alpha[leave]
			s.stale = true
		}
		// The row whose variable passed the point heads the heap: its
		// event, now the end of the next piece, sinks to its place, or
		// leaves the heap if none comes.
		if q[0].t = s.event(leave, enter, dir); math.IsInf(q[0].t, 1) {
			q[0] = q[len(q)-1]
			q = q[:len(q)-1]
		}
		s.sink(q, 0, bland)
		first, row = math.Inf(1), -1
		if len(q) > 0 {
			first, row = q[0].t, q[0].row
		}
	}
}

// stop is a row's event in the ratio test: the move t of the entering
// variable at which the row's basic variable reaches a point or a bound.
type stop struct {
	t   float64
	row int
}

// sink moves q[i] of the heap q down past the events that come before it,
// so that each event comes before its children.
func (s *simplex) sink(q []stop, i int, bland bool) {
	for {
		c := 2*i + 1
		if c >= len(q) {
			return
		}
		if c+1 < len(q) && s.before(q[c+1], q[c], bland) {
			c++
		}
		if !s.before(q[c], q[i], bland) {
			return
		}
		q[i], q[c] = q[c], q[i]
		i = c
	}
}

// before reports whether event a comes before event b: of equal moves the
// first row's, or under Bland's rule the row's of the lower basic
// variable.
func (s *simplex) before(a, b stop, bland bool) bool {
	switch {
	case a.t != b.t:
		return a.t < b.t
	case bland:
		return s.basis[a.row] < s.basis[b.row]
	}
	return a.row < b.row
}

// event returns how far the entering variable can move before the basic
// variable of row r reaches the end of its piece or its bound, +Inf if
// never.
func (s *simplex) event(r, enter int, dir float64) float64 {
	alpha := dir * s.alpha[r]
	if math.Abs(alpha) <= pivotTol {
		return math.Inf(1) // the row's variable does not move
	}
	j := s.basis[r]
	lo, hi := s.bounds(j)
	switch {
	case alpha > pivotTol:
		return max((s.x[j]-lo)/alpha, 0)
	case alpha < -pivotTol && !math.IsInf(hi, 1):
		return max((hi-s.x[j])/-alpha, 0)
	}
	return math.Inf(1)
}

// crossable reports whether basic variable j, moving down if alpha > 0 and
// up otherwise, reaches a point of its convex cost with a piece beyond it
// rather than its bound.
func (s *simplex) crossable(j int, alpha float64) bool {
	if j >= s.n || !s.p.convex(j) {
		return false
	}
	if alpha > 0 {
		return s.at[j] > 0
	}
	return s.at[j]+2 < len(s.p.Convex[j].Points)
}

// ownEvent returns how far the entering variable, starting from the point
// or bound it stands on, moves to its next point or its other bound, and
// whether that is its bound.
func (s *simplex) ownEvent(enter int, dir float64) (float64, bool) {
	if enter >= s.n || !s.p.convex(enter) {
		// From its bound, or from within its bounds for a column a
		// relaxation freed while it stood at its old upper bound.
		if dir > 0 {
			return s.hi[enter] - s.x[enter], true
		}
		return s.x[enter] - s.lo[enter], true
	}
	pts := s.p.Convex[enter].Points
	k := s.at[enter] + int(dir)
	return math.Abs(pts[k] - s.x[enter]), k == 0 || k == len(pts)-1
}

// ownJump is how much the entering variable's rate of change rises past
// the next point of its convex cost: the jump of its slopes there.
func (s *simplex) ownJump(enter int, dir float64) float64 {
	if !s.two {
		return 0
	}
	c := s.p.Convex[enter]
	k := s.at[enter] + int(dir) // the point ahead, with a piece on each side
	return c.Slopes[k] - c.Slopes[k-1]
}
