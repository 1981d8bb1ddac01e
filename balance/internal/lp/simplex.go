package lp

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"
)

// Tolerances of the solver. Values are seconds and costs are weights near
// one, so absolute tolerances serve.
const (
	costTol  = 1e-9 // a reduced cost below -costTol improves the objective
	pivotTol = 1e-9 // smaller entries of the entering column are not pivoted on
	feasTol  = 1e-6 // seconds of infeasibility treated as none
)

// Solve runs a two-phase, bounded-variable, revised primal simplex: it
// keeps the inverse of the basis rather than a tableau, and computes the
// entering column and the reduced costs from it. Phase one starts from
// every variable at its lower bound with one artificial variable per row
// and minimises their sum; phase two fixes the artificials at zero and
// minimises cᵀx. Entering variables are chosen by the largest reduced
// cost (Dantzig's rule), switching to Bland's rule after a run of
// degenerate pivots so that the method cannot cycle. Everything is in
// index order, so the result is deterministic.
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
	// The results' X and Dual, n and m long, are cut from one block.
	store := make([]float64, (len(stages)+1)*(n+m))
	for i := 0; ; i++ {
		res := s.optimum(store[i*(n+m) : (i+1)*(n+m) : (i+1)*(n+m)])
		out = append(out, res)
		if res.Status != Optimal || i == len(stages) {
			return out
		}
		for _, j := range stages[i] {
			s.c[j], s.hi[j] = 0, math.Inf(1)
		}
	}
}

// optimum runs phase two from the current basis, and reads the result
// into store, n+m long: X, then Dual.
func (s *simplex) optimum(store []float64) Result {
	before := s.pivots
	st := s.phase(phaseTwo)
	s.refine()
	x := store[:s.n:s.n]
	copy(x, s.x)
	res := Result{Status: st, X: x, Objective: s.objective(x), Pivots: s.pivots - before}
	if st == Optimal {
		// y = c_Bᵀ B⁻¹, in which a basic variable of a convex cost costs
		// the slope of its segment and an artificial nothing.
		res.Dual = store[s.n:]
		copy(res.Dual, s.y)
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

type phaseKind int

const (
	phaseOne phaseKind = iota
	phaseTwo
)

// simplex is the working state of one solve: the columns of A, the inverse
// of the basis, whose columns are those of A and of D, the diagonal of
// signs that makes the artificials' start non-negative, the basis, the
// value of every variable, and the prices of the rows.
type simplex struct {
	p      *Problem
	m, n   int
	a      columns
	inv    []float64 // B⁻¹, m×m, row-major
	width  int       // n+m variables: A's columns, then the artificials
	basis  []int     // basis[r] is the variable basic in row r
	inBase []bool
	x      []float64 // values of all n+m variables
	lo, hi []float64
	sign   []float64 // sign of row r's artificial
	y      []float64 // prices of the rows, c_Bᵀ B⁻¹ under cost
	w      []float64 // per factor, Σ_i y_{Rows_i}·Coef_i: what its V is worth
	col    []float64 // scratch of column: the entering column of the matrix
	nz     []int     // scratch of column: the rows of col's non-zeros
	row    []float64 // scratch of Problem.row: a row of the matrix
	alpha  []float64 // the entering column, B⁻¹a_j
	de     float64   // the entering variable's reduced cost, on its side
	z      []float64 // scratch of worth, a block long
	c      []float64 // the linear costs, C, with the columns of a relaxation freed
	cost   []float64 // cost of the current phase; for a convex cost, the slope in use
	// up and down are, per variable, what moving it up costs and moving it
	// down saves a unit, ±Inf where it cannot: see offer.
	up, down []float64
	// at, for a variable of a convex cost, in phase two: the point it
	// stands on when non-basic, the segment it is in when basic.
	at []int
	// left and right are, for a variable of a convex cost, the slopes of
	// the pieces either side of its point (0 past its ends), kept with at
	// so that pricing reads two arrays rather than each cost's slopes.
	left, right []float64
	last        []int  // per variable of a convex cost, its last point; −1 for others
	queue       []stop // scratch of ratio, m long: the heap of the rows' events
	two         bool   // in phase two, where the convex costs count
	cursor      int    // the block partial pricing goes on from
	stale       bool   // whether a basic variable's cost changed since y was computed
	pivots      int
}

// newSimplex returns the start of a solve of p, which has m rows and n
// columns: every variable at its lower bound, or the point 0 of its convex
// cost, and each row's basic variable an artificial or a column found in
// that row alone.
func newSimplex(p *Problem, m, n int) *simplex {
	w := n + m
	// One allocation for the floats and one for the integers: a solve of
	// a small programme is dominated by its setup otherwise.
	store := make([]float64, m*m+6*w+4*n+4*m+len(p.Factors)+min(w, pricingBlock))
	take := func(k int) []float64 {
		out := store[:k:k]
		store = store[k:]
		return out
	}
	ints := make([]int, 2*m+2*n)
	s := &simplex{
		p: p, m: m, n: n, inv: take(m * m), width: w,
		basis: ints[:m:m], at: ints[m : m+n : m+n], last: ints[m+n : m+2*n : m+2*n], nz: ints[m+2*n:],
		inBase: make([]bool, w), x: take(w), lo: take(w), hi: take(w), cost: take(w), up: take(w), down: take(w),
		c: take(n), left: take(n), right: take(n), row: take(n),
		sign: take(m), y: take(m), alpha: take(m), col: take(m), w: take(len(p.Factors)),
		z: take(min(w, pricingBlock)), queue: make([]stop, m),
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
	s.a = newColumns(p.A.RawMatrix(), m, n)
	slack, dots := singletons(p, m, n, s.row, s.x[:n])
	for r := range m {
		// The crash basis moves only columns of a single row, and so leaves
		// the other rows' products with x as singletons found them.
		resid := p.B[r] - dots[r]
		s.hi[n+r] = math.Inf(1)
		s.sign[r] = 1
		// A column found only in this row whose bounds take up the residual
		// starts in the basis: a crash basis, which spares phase one a pivot.
		if j, a := slack[r].col, slack[r].entry; j >= 0 {
			if v := s.x[j] + resid/a; v >= s.lo[j] && v <= s.hi[j] {
				s.inv[r*m+r] = 1 / a
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
		s.inv[r*m+r] = s.sign[r]
		s.basis[r] = n + r
		s.inBase[n+r] = true
		s.x[n+r] = math.Abs(resid)
	}
	return s
}

// singleton is a column of a programme's matrix with a non-zero entry in
// one row only, and that entry; col is −1 for none.
type singleton struct {
	col   int
	entry float64
}

// singletons returns, for each row, the first column of p's matrix that
// has a non-zero entry in that row only, and each row's product with x.
// buf is scratch, n long.
func singletons(p *Problem, m, n int, buf, x []float64) (slack []singleton, dots []float64) {
	row := make([]int, n) // the only row of column j, −1 for none yet, −2 for several
	entry := make([]float64, n)
	for j := range row {
		row[j] = -1
	}
	dots = make([]float64, m)
	for r := range m {
		entries := p.row(r, buf)
		dots[r] = floats.Dot(entries, x)
		for j, a := range entries {
			switch {
			case a == 0:
			case row[j] == -1:
				row[j], entry[j] = r, a
			default:
				row[j] = -2
			}
		}
	}
	slack = make([]singleton, m)
	for r := range slack {
		slack[r].col = -1
	}
	for j, r := range row {
		if r >= 0 && slack[r].col < 0 {
			slack[r] = singleton{j, entry[j]}
		}
	}
	return slack, dots
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
	for j := range s.width {
		s.offer(j)
	}
	s.duals()
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
			s.cost[enter] = right
			if dir < 0 {
				s.cost[enter] = left
			}
		}
		s.de = s.reduced(enter)
		s.column(enter)
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

// move shifts the entering variable by step in direction dir, updates the
// basic variables, pivots if a basic variable leaves, offers the two that
// changed state to pricing, and prices the rows again if the basis
// changed or ratio changed the cost of a basic variable.
func (s *simplex) move(enter int, dir, step float64, leave int) {
	if step > 0 {
		s.x[enter] += dir * step
		for r, a := range s.alpha {
			if a != 0 {
				s.x[s.basis[r]] -= dir * step * a
			}
		}
	}
	convex := enter < s.n && s.p.convex(enter)
	if leave < 0 {
		switch {
		case convex: // at the point ratio stopped it on, still non-basic
			s.x[enter] = s.p.Convex[enter].Points[s.at[enter]]
		case dir > 0:
			s.x[enter] = s.hi[enter]
		default:
			s.x[enter] = s.lo[enter]
		}
		s.offer(enter)
		if s.stale {
			s.duals()
		}
		return
	}
	out := s.basis[leave]
	lo, hi := s.bounds(out)
	atLower := dir*s.alpha[leave] > 0
	if atLower {
		s.x[out] = lo
	} else {
		s.x[out] = hi
	}
	if out < s.n && s.p.convex(out) && !atLower && len(s.p.Convex[out].Points) > 1 {
		s.setAt(out, s.at[out]+1) // the point at the top of its piece; a cost of one point has no piece, and stays at it
	}
	if convex && dir < 0 {
		s.setAt(enter, s.at[enter]-1) // basic in the piece below its point
	}
	s.pivot(leave)
	s.basis[leave] = enter
	s.inBase[out], s.inBase[enter] = false, true
	s.offer(out)
	s.offer(enter)
	s.pivots++
	s.duals()
}

// refine recomputes the basic variables from the non-basic ones, x_B =
// B⁻¹(b − N x_N), to remove the rounding error the updates accumulate.
func (s *simplex) refine() {
	resid := s.col // column's scratch, free between pivots
	for r := range s.m {
		resid[r] = s.p.B[r]
		for j, a := range s.p.row(r, s.row) {
			if !s.inBase[j] {
				resid[r] -= a * s.x[j]
			}
		}
	}
	for r, j := range s.basis {
		v := 0.0
		for k := range s.m {
			v += s.inv[r*s.m+k] * resid[k]
		}
		s.x[j] = min(max(v, s.lo[j]), s.hi[j])
	}
}
