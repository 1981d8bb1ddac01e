package lp

import (
	"slices"

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
	// what keeps balance's programmes small.
	Convex []Convex

	// Factors, if not nil, adds rank-one terms to A: the programme's
	// matrix is not A but
	//
	//	Â = A + Σ_f u_f V_fᵀ,  u_f = Σ_i Coef_i e_{Rows_i},
	//
	// so that its row Rows[i] is A's row plus Coef[i]·V, for each factor
	// and each i. Every use of A above, and the rows of Result's Dual and
	// Conflict, are of Â. A row that is dense only by a term many rows
	// share (balance's group rows, c·1 on nearly every column) is then
	// stored sparse: pricing computes Σ_i y_{Rows_i}·Coef_i once per
	// factor and adds it times V_j to each column's worth, rather than
	// reading the row's entry in every column.
	Factors []Factor
}

// Factor is a rank-one term of a [Problem]'s matrix: Coef[i]·V added to
// row Rows[i]. V has an entry per column of A and Coef one per row in
// Rows; a row may be listed by several factors, and its terms then add
// up.
type Factor struct {
	Rows []int
	Coef []float64
	V    []float64
}

// row returns row r of the programme's matrix Â: A's own storage if no
// factor lists r, else buf, n long, holding A's row plus the factors'
// terms, in the order of the factors.
func (p *Problem) row(r int, buf []float64) []float64 {
	raw := p.A.RawMatrix()
	_, n := p.A.Dims()
	out, own := raw.Data[r*raw.Stride:r*raw.Stride+n], true
	for _, f := range p.Factors {
		for i, fr := range f.Rows {
			if fr != r {
				continue
			}
			if own {
				out, own = buf[:n], false
				copy(out, raw.Data[r*raw.Stride:])
			}
			floats.AddScaled(out, f.Coef[i], f.V)
		}
	}
	return out
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
