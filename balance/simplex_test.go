package balance

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// standardForm rewrites a bounded programme for gonum's lp.Simplex:
// x = lo + z with z ≥ 0, and z_j + w_j = hi_j − lo_j for each finite upper
// bound. It returns the offset cᵀlo to add to lp.Simplex's objective.
func standardForm(p *program) (c []float64, a *mat.Dense, b []float64, offset float64) {
	m, n := p.a.Dims()
	var bounded []int
	for j := range n {
		if !math.IsInf(p.hi[j], 1) {
			bounded = append(bounded, j)
		}
	}
	rows, cols := m+len(bounded), n+len(bounded)
	a = mat.NewDense(rows, cols, nil)
	b = make([]float64, rows)
	c = make([]float64, cols)
	copy(c, p.c)
	for r := range m {
		b[r] = p.b[r]
		for j := range n {
			a.Set(r, j, p.a.At(r, j))
			b[r] -= p.a.At(r, j) * p.lo[j]
		}
	}
	for k, j := range bounded {
		a.Set(m+k, j, 1)
		a.Set(m+k, n+k, 1)
		b[m+k] = p.hi[j] - p.lo[j]
	}
	for j := range n {
		offset += p.c[j] * p.lo[j]
	}
	return c, a, b, offset
}

// randomProgram builds a programme with integer data so that the optimum is
// well conditioned; about one in five variables has no upper bound.
func randomProgram(rng *rand.Rand, m, n int) *program {
	p := &program{a: mat.NewDense(m, n, nil), b: make([]float64, m), c: make([]float64, n), lo: make([]float64, n), hi: make([]float64, n)}
	for j := range n {
		p.c[j] = float64(rng.IntN(11)) // non-negative costs keep the programme bounded
		p.lo[j] = float64(rng.IntN(5))
		p.hi[j] = p.lo[j] + float64(1+rng.IntN(20))
		if rng.IntN(5) == 0 {
			p.hi[j] = math.Inf(1)
		}
	}
	// b = A x0 for a point x0 within bounds, so most programmes are feasible;
	// a perturbation makes some infeasible.
	x0 := make([]float64, n)
	for j := range n {
		x0[j] = p.lo[j] + float64(rng.IntN(int(min(p.hi[j], p.lo[j]+20)-p.lo[j])+1))
	}
	for r := range m {
		for j := range n {
			if rng.IntN(3) == 0 {
				p.a.Set(r, j, float64(rng.IntN(7)-3))
			}
		}
		p.a.Set(r, r%n, p.a.At(r, r%n)+1) // no empty rows
		p.b[r] = mat.Dot(p.a.RowView(r), mat.NewVecDense(n, x0))
		if rng.IntN(8) == 0 {
			p.b[r] += float64(50 + rng.IntN(50))
		}
	}
	return p
}

// TestSimplexAgainstGonum solves random bounded programmes with the
// bounded-variable simplex and, rewritten in standard form, with gonum's
// lp.Simplex, and checks that both find the same optimum or both find none.
func TestSimplexAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	agreed, infeasible, gonumMissed := 0, 0, 0
	for i := range 400 {
		n := 2 + rng.IntN(10)
		m := 1 + rng.IntN(min(6, n)) // lp.Simplex needs no more rows than columns
		p := randomProgram(rng, m, n)
		got := p.solve()
		c, a, b, offset := standardForm(p)
		want, wantX, err := lp.Simplex(c, a, b, 1e-10, nil)
		switch {
		case errors.Is(err, lp.ErrInfeasible):
			if got.feasible {
				// gonum's phase one gives up on some feasible programmes (it
				// needs full row rank); our point is then checked directly.
				checkFeasible(t, p, got.x)
				gonumMissed++
			}
			infeasible++
			continue
		case err != nil:
			continue // gonum cannot solve it (singular or zero rows); nothing to compare
		}
		_ = wantX
		if !got.feasible {
			t.Errorf("case %d: we found no feasible point, gonum found objective %v", i, want+offset)
			continue
		}
		if math.Abs(got.objective-(want+offset)) > 1e-6*(1+math.Abs(want+offset)) {
			t.Errorf("case %d: objective %v, gonum %v", i, got.objective, want+offset)
		}
		checkFeasible(t, p, got.x)
		agreed++
	}
	t.Logf("%d optima agreed, %d programmes infeasible, %d feasible points gonum missed", agreed, infeasible, gonumMissed)
	if agreed < 150 || infeasible < 10 {
		t.Errorf("only %d feasible and %d infeasible comparisons; the generator needs tuning", agreed, infeasible)
	}
}

// checkFeasible checks Ax = b and the bounds, independently of the solver.
func checkFeasible(t *testing.T, p *program, x []float64) {
	t.Helper()
	m, n := p.a.Dims()
	for r := range m {
		sum := 0.0
		for j := range n {
			sum += p.a.At(r, j) * x[j]
		}
		if math.Abs(sum-p.b[r]) > 1e-6 {
			t.Errorf("row %d: Ax = %v, b = %v", r, sum, p.b[r])
		}
	}
	for j := range n {
		if x[j] < p.lo[j]-1e-9 || x[j] > p.hi[j]+1e-9 {
			t.Errorf("x[%d] = %v outside [%v, %v]", j, x[j], p.lo[j], p.hi[j])
		}
	}
}
