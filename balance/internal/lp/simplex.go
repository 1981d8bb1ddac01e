package lp

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Problem is a linear programme with bounded variables:
//
//	minimise cᵀx  subject to  Ax = b,  lo ≤ x ≤ hi
//
// Every lower bound is finite; an upper bound may be +Inf. Bounds are kept
// by the method rather than as extra rows, which is what keeps balance's
// programmes small.
type Problem struct {
	C      []float64
	A      *mat.Dense // m×n
	B      []float64
	Lo, Hi []float64

	// Convex, if not nil, gives some variables a convex piecewise-linear
	// cost in place of C_j·x_j: for a variable j with Convex[j].Points,
	// Lo and Hi are its first and last point and C_j is unused. A variable
	// with such a cost is one column however many pieces it has, which is
	// what keeps balance's tableau small.
	Convex []Convex
}

// Convex is a convex piecewise-linear cost of one variable: on each
// segment from Points[k] to Points[k+1] it rises by Slopes[k] a unit, and
// it is 0 at x = 0. Points are increasing and Slopes non-decreasing, one
// fewer than Points.
type Convex struct {
	Points []float64
	Slopes []float64
}

// At returns the cost at x: the integral of the slopes from 0 to x.
func (c Convex) At(x float64) float64 {
	// Only the pieces between 0 and x count: found by bisection, as a cost
	// has hundreds of pieces and a point is near 0.
	lo, hi := min(0, x), max(0, x)
	first, _ := slices.BinarySearch(c.Points, lo) // the first point at or past lo
	first = max(first-1, 0)
	v := 0.0
	for k := first; k < len(c.Slopes) && c.Points[k] < hi; k++ {
		a, b := max(c.Points[k], lo), min(c.Points[k+1], hi)
		if b > a {
			v += c.Slopes[k] * (b - a)
		}
	}
	if x < 0 {
		return -v
	}
	return v
}

// Status says how a solve ended.
type Status int

// The outcomes of [Problem.Solve].
const (
	Optimal        Status = iota // X is an optimum
	Infeasible                   // no x meets the rows and bounds; Conflict says which rows
	Unbounded                    // the objective falls without end
	IterationLimit               // the method stopped at its pivot limit; X is feasible, but maybe not optimal
)

// String returns "optimal", "infeasible", "unbounded" or "iteration limit".
func (s Status) String() string {
	switch s {
	case Optimal:
		return "optimal"
	case Infeasible:
		return "infeasible"
	case Unbounded:
		return "unbounded"
	case IterationLimit:
		return "iteration limit"
	}
	return "unknown status"
}

// Result is the outcome of [Problem.Solve].
type Result struct {
	Status    Status
	X         []float64 // the variables, at the optimum or the last point reached
	Objective float64   // cᵀX
	// Dual is, at an optimum, the price y of each row: the reduced costs
	// c − Aᵀy are non-negative for variables at their lower bound,
	// non-positive at their upper bound and zero between, which certifies
	// the optimum.
	Dual []float64
	// Conflict lists the rows still violated when no feasible point
	// exists, with their signed residual b − Ax at the least infeasible
	// point found.
	Conflict []Residual
	Pivots   int
}

// Residual is a row's signed residual b − Ax.
type Residual struct {
	Row   int
	Value float64
}

// Tolerances of the solver. Values are seconds and costs are weights near
// one, so absolute tolerances serve.
const (
	costTol  = 1e-9 // a reduced cost below -costTol improves the objective
	pivotTol = 1e-9 // smaller tableau entries are not pivoted on
	feasTol  = 1e-6 // seconds of infeasibility treated as none
)

// Solve runs a two-phase, bounded-variable primal simplex on a dense
// tableau. Phase one starts from every variable at its lower bound with one
// artificial variable per row and minimises their sum; phase two fixes the
// artificials at zero and minimises cᵀx. Entering variables are chosen by
// the largest reduced cost (Dantzig's rule), switching to Bland's rule after
// a run of degenerate pivots so that the method cannot cycle. Everything is
// in index order, so the result is deterministic.
func (p *Problem) Solve() Result {
	return p.Relaxations(nil)[0]
}

// Relaxations solves p, then frees the columns of each stage in turn (no
// cost, no upper bound) and solves again from the basis the last solve
// ended on: the optima of ever looser programmes, such as balance's
// programme without its last dimensions. Freeing columns keeps the last
// point feasible, so each later solve is a phase two from a basis near its
// optimum rather than a solve from scratch. The first result is p's and
// the i'th that with stages[:i] freed; a solve that ends other than
// optimal ends the list.
func (p *Problem) Relaxations(stages [][]int) []Result {
	m, n := p.A.Dims()
	s := newSimplex(p, m, n)
	if st := s.phase(phaseOne); st == IterationLimit {
		return []Result{{Status: st, X: s.x[:n:n], Pivots: s.pivots}}
	}
	infeasible := 0.0
	for r := range m {
		infeasible += s.x[n+r]
	}
	if infeasible > feasTol*float64(max(1, m)) {
		res := Result{Status: Infeasible, X: s.x[:n:n], Pivots: s.pivots}
		for r := range m {
			if s.x[n+r] > feasTol {
				res.Conflict = append(res.Conflict, Residual{Row: r, Value: s.sign[r] * s.x[n+r]})
			}
		}
		return []Result{res}
	}
	for r := range m {
		s.hi[n+r] = 0
		s.x[n+r] = 0
	}
	out := make([]Result, 0, len(stages)+1)
	for i := 0; ; i++ {
		res := s.optimum()
		out = append(out, res)
		if res.Status != Optimal || i == len(stages) {
			return out
		}
		for _, j := range stages[i] {
			s.c[j], s.hi[j] = 0, math.Inf(1)
		}
	}
}

// optimum runs phase two from the current basis, and reads the result.
func (s *simplex) optimum() Result {
	before := s.pivots
	st := s.phase(phaseTwo)
	s.refine()
	x := slices.Clone(s.x[:s.n])
	res := Result{Status: st, X: x, Objective: s.objective(x), Pivots: s.pivots - before}
	if st == Optimal {
		res.Dual = s.dual()
	}
	return res
}

// objective is the cost of x: Σ c_j·x_j, and the convex costs.
func (s *simplex) objective(x []float64) float64 {
	v := 0.0
	for j, xj := range x {
		if s.p.convex(j) {
			v += s.p.Convex[j].At(xj)
		} else {
			v += s.c[j] * xj
		}
	}
	return v
}

// convex reports whether variable j has a piecewise-linear cost.
func (p *Problem) convex(j int) bool { return j < len(p.Convex) && len(p.Convex[j].Points) > 0 }

// dual returns y = c_Bᵀ B⁻¹: the tableau's artificial columns hold B⁻¹D,
// where D is the diagonal of the artificials' signs. A basic variable of a
// convex cost costs the slope of its segment.
func (s *simplex) dual() []float64 {
	y := make([]float64, s.m)
	for r, j := range s.basis {
		cb := 0.0
		if j < s.n {
			cb = s.cost[j]
		}
		if cb == 0 {
			continue
		}
		for k := range s.m {
			y[k] += cb * s.t[r*s.width+s.n+k] * s.sign[k]
		}
	}
	return y
}

type phaseKind int

const (
	phaseOne phaseKind = iota
	phaseTwo
)

// simplex is the working state of one solve: the tableau B⁻¹[A | D], where D
// is the diagonal of signs that makes the artificials' start non-negative,
// the basis, the value of every variable, and the reduced costs.
type simplex struct {
	p      *Problem
	m, n   int
	t      []float64 // m×(n+m), row-major
	width  int
	basis  []int // basis[r] is the variable basic in row r
	inBase []bool
	x      []float64 // values of all n+m variables
	lo, hi []float64
	sign   []float64 // sign of row r's artificial
	d      []float64 // reduced costs
	c      []float64 // the linear costs, C, with the columns of a relaxation freed
	cost   []float64 // cost of the current phase; for a convex cost, the slope in use
	// at, for a variable of a convex cost, in phase two: the point it
	// stands on when non-basic, the segment it is in when basic.
	at []int
	// left and right are, for a variable of a convex cost, the slopes of
	// the pieces either side of its point (0 past its ends), kept with at
	// so that pricing reads two arrays rather than each cost's slopes.
	left, right []float64
	last        []int     // per variable of a convex cost, its last point; −1 for others
	pend        []float64 // per row, scratch of ratio: the change of its basic variable's cost not yet priced in
	next        []float64 // per row, scratch of ratio: the move at which its basic variable next reaches a point or bound
	two         bool      // in phase two, where the convex costs count
	cursor      int       // where partial pricing goes on from
	pivots      int
}

func newSimplex(p *Problem, m, n int) *simplex {
	w := n + m
	// One allocation for the floats and one for the integers: a solve of
	// a small programme is dominated by its setup otherwise.
	store := make([]float64, m*w+5*w+3*n+3*m)
	take := func(k int) []float64 {
		out := store[:k:k]
		store = store[k:]
		return out
	}
	ints := make([]int, m+2*n)
	s := &simplex{
		p: p, m: m, n: n, t: take(m * w), width: w,
		basis: ints[:m:m], at: ints[m : m+n : m+n], last: ints[m+n:],
		inBase: make([]bool, w), x: take(w), lo: take(w), hi: take(w), d: take(w), cost: take(w),
		c: take(n), left: take(n), right: take(n),
		sign: take(m), next: take(m), pend: take(m),
	}
	copy(s.c, p.C)
	copy(s.lo, p.Lo)
	copy(s.hi, p.Hi)
	copy(s.x, p.Lo)
	for j := range n {
		s.last[j] = -1
		if !p.convex(j) {
			continue
		}
		s.last[j] = len(p.Convex[j].Points) - 1
		// A variable of a convex cost starts at its point 0, or its first.
		pts := p.Convex[j].Points
		s.lo[j], s.hi[j] = pts[0], pts[len(pts)-1]
		k := max(0, slices.IndexFunc(pts, func(v float64) bool { return v == 0 }))
		s.setAt(j, k)
		s.x[j] = pts[k]
	}
	raw := p.A.RawMatrix()
	slack := singletons(raw, m, n)
	for r := range m {
		row := raw.Data[r*raw.Stride : r*raw.Stride+n]
		resid := p.B[r] - floats.Dot(row, s.x[:n])
		trow := s.t[r*w : (r+1)*w]
		s.hi[n+r] = math.Inf(1)
		s.sign[r] = 1
		// A column found only in this row whose bounds take up the residual
		// starts in the basis: a crash basis, which spares phase one a pivot.
		if j := slack[r]; j >= 0 {
			if v := s.x[j] + resid/row[j]; v >= s.lo[j] && v <= s.hi[j] {
				floats.AddScaled(trow[:n], 1/row[j], row)
				trow[n+r] = 1 / row[j]
				s.basis[r] = j
				s.inBase[j] = true
				s.x[j] = v
				s.setAt(j, s.segment(j, v))
				continue
			}
		}
		if resid < 0 {
			s.sign[r] = -1
		}
		floats.AddScaled(trow[:n], s.sign[r], row)
		trow[n+r] = 1
		s.basis[r] = n + r
		s.inBase[n+r] = true
		s.x[n+r] = math.Abs(resid)
	}
	return s
}

// singletons returns, for each row, the first column that has a non-zero
// entry in that row only, or −1.
func singletons(raw blas64.General, m, n int) []int {
	row := make([]int, n) // the only row of column j, −1 for none yet, −2 for several
	for j := range row {
		row[j] = -1
	}
	for r := range m {
		for j, a := range raw.Data[r*raw.Stride : r*raw.Stride+n] {
			switch {
			case a == 0:
			case row[j] == -1:
				row[j] = r
			default:
				row[j] = -2
			}
		}
	}
	slack := make([]int, m)
	for r := range slack {
		slack[r] = -1
	}
	for j, r := range row {
		if r >= 0 && slack[r] < 0 {
			slack[r] = j
		}
	}
	return slack
}

// phase minimises the cost of the given phase from the current basis, and
// says how it ended.
func (s *simplex) phase(k phaseKind) Status {
	clear(s.cost)
	if k == phaseOne {
		for r := range s.m {
			s.cost[s.n+r] = 1
		}
	} else {
		copy(s.cost, s.c)
		for j := range s.n {
			if s.p.convex(j) {
				slopes := s.p.Convex[j].Slopes
				s.cost[j] = 0
				if len(slopes) > 0 {
					s.cost[j] = slopes[min(s.at[j], len(slopes)-1)]
				}
			}
		}
	}
	s.two = k == phaseTwo
	// d = cost − c_Bᵀ T
	copy(s.d, s.cost)
	for r, j := range s.basis {
		if cb := s.cost[j]; cb != 0 {
			floats.AddScaled(s.d, -cb, s.row(r))
		}
	}
	degenerate := 0
	pieces := 0
	for j := range s.n {
		if s.p.convex(j) {
			pieces += len(s.p.Convex[j].Slopes)
		}
	}
	limit := 50 * (s.m + s.n + pieces + 10)
	for range limit {
		bland := degenerate > s.m
		enter, dir := s.entering(bland)
		if enter < 0 {
			return Optimal
		}
		if s.p.convex(enter) {
			// It moves at the slope of the piece on its side.
			left, right := s.slopes(enter)
			z := s.cost[enter] - s.d[enter]
			s.cost[enter] = right
			if dir < 0 {
				s.cost[enter] = left
			}
			s.d[enter] = s.cost[enter] - z
		}
		step, leave := s.ratio(enter, dir, bland)
		if math.IsInf(step, 1) {
			return Unbounded
		}
		if step <= feasTol {
			degenerate++
		} else {
			degenerate = 0
		}
		s.move(enter, dir, step, leave)
	}
	return IterationLimit
}

func (s *simplex) row(r int) []float64 { return s.t[r*s.width : (r+1)*s.width] }

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
	t, leave := s.scan(enter, dir, bland)
	s.settle(enter)
	return t, leave
}

// settle prices in the cost changes of the basic variables whose points
// the last move passed: each row's change once, however often its variable
// passed a point, rather than a pass over the reduced costs per point.
func (s *simplex) settle(enter int) {
	de := s.d[enter] // already up to date
	for r, delta := range s.pend {
		if delta != 0 {
			floats.AddScaled(s.d, -delta, s.row(r))
			s.d[s.basis[r]] = 0
			s.pend[r] = 0
		}
	}
	s.d[enter] = de
}

// scan is ratio's search, leaving the reduced costs of the columns other
// than enter to settle.
func (s *simplex) scan(enter int, dir float64, bland bool) (float64, int) {
	for r := range s.m {
		s.next[r] = s.event(r, enter, dir)
	}
	for {
		own, ownHard := s.ownEvent(enter, dir)
		t, leave := own, -1
		for r, tr := range s.next {
			if tr < t || (tr == t && leave >= 0 && bland && s.basis[r] < s.basis[leave]) {
				t, leave = tr, r
			}
		}
		if math.IsInf(t, 1) {
			return t, -1
		}
		if leave < 0 {
			if ownHard || bland || dir*s.d[enter]+s.ownJump(enter, dir) >= -costTol {
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
			s.d[enter] += side - s.cost[enter]
			s.cost[enter] = side
			continue
		}
		j := s.basis[leave]
		alpha := dir * s.t[leave*s.width+enter]
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
		if dir*(s.d[enter]-delta*s.t[leave*s.width+enter]) >= -costTol {
			return t, leave // past the point the move no longer pays
		}
		s.setAt(j, k)
		if delta != 0 {
			// Only the entering variable's reduced cost matters until the
			// move ends; the others are priced in once, by settle.
			s.cost[j] += delta
			s.d[enter] -= delta * s.t[leave*s.width+enter]
			s.pend[leave] += delta
		}
		s.next[leave] = s.event(leave, enter, dir)
	}
}

// event returns how far the entering variable can move before the basic
// variable of row r reaches the end of its piece or its bound, +Inf if
// never.
func (s *simplex) event(r, enter int, dir float64) float64 {
	alpha := dir * s.t[r*s.width+enter]
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

// move shifts the entering variable by step in direction dir, updates the
// basic variables, and pivots if a basic variable leaves.
func (s *simplex) move(enter int, dir, step float64, leave int) {
	if step > 0 {
		s.x[enter] += dir * step
		for r := range s.m {
			if a := s.t[r*s.width+enter]; a != 0 {
				s.x[s.basis[r]] -= dir * step * a
			}
		}
	}
	convex := enter < s.n && s.p.convex(enter)
	if leave < 0 {
		if convex { // at the point ratio stopped it on, still non-basic
			s.x[enter] = s.p.Convex[enter].Points[s.at[enter]]
			return
		}
		s.x[enter] = s.lo[enter]
		if dir > 0 {
			s.x[enter] = s.hi[enter]
		}
		return
	}
	out := s.basis[leave]
	lo, hi := s.bounds(out)
	atLower := dir*s.t[leave*s.width+enter] > 0
	if atLower {
		s.x[out] = lo
	} else {
		s.x[out] = hi
	}
	if out < s.n && s.p.convex(out) && !atLower {
		s.setAt(out, s.at[out]+1) // the point at the top of its piece
	}
	if convex && dir < 0 {
		s.setAt(enter, s.at[enter]-1) // basic in the piece below its point
	}
	prow := s.row(leave)
	floats.Scale(1/prow[enter], prow)
	for r := range s.m {
		if r == leave {
			continue
		}
		if a := s.t[r*s.width+enter]; a != 0 {
			floats.AddScaled(s.row(r), -a, prow)
		}
	}
	if de := s.d[enter]; de != 0 {
		floats.AddScaled(s.d, -de, prow)
	}
	s.basis[leave] = enter
	s.inBase[out], s.inBase[enter] = false, true
	s.pivots++
}

// refine recomputes the basic variables from the non-basic ones, x_B =
// B⁻¹(b − N x_N), to remove the rounding error the updates accumulate.
// B⁻¹ is the artificial columns of the tableau, times the row signs.
func (s *simplex) refine() {
	raw := s.p.A.RawMatrix()
	resid := make([]float64, s.m)
	for r := range s.m {
		resid[r] = s.p.B[r]
		for j := range s.n {
			if !s.inBase[j] {
				resid[r] -= raw.Data[r*raw.Stride+j] * s.x[j]
			}
		}
	}
	for r, j := range s.basis {
		v := 0.0
		for k := range s.m {
			v += s.t[r*s.width+s.n+k] * s.sign[k] * resid[k]
		}
		s.x[j] = min(max(v, s.lo[j]), s.hi[j])
	}
}
