package lp

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// factorize returns p with part of its matrix moved into factors: one to
// three rank-one terms on random rows, each with a V dense enough that
// its rows would be dense, taken out of A. The data are small integers, so
// the matrix with the factors' terms is p.A exactly.
func factorize(rng *rand.Rand, p *Problem) *Problem {
	m, n := p.A.Dims()
	q := *p
	q.A = mat.DenseCopyOf(p.A)
	for range 1 + rng.IntN(3) {
		f := Factor{V: make([]float64, n)}
		for j := range f.V {
			if rng.IntN(8) > 0 {
				f.V[j] = float64(rng.IntN(5) - 2)
			}
		}
		for r := range m {
			if rng.IntN(2) == 0 {
				continue
			}
			coef := float64(1 + rng.IntN(3))
			if rng.IntN(2) == 0 {
				coef = -coef
			}
			f.Rows, f.Coef = append(f.Rows, r), append(f.Coef, coef)
			for j, v := range f.V {
				q.A.Set(r, j, q.A.At(r, j)-coef*v)
			}
		}
		q.Factors = append(q.Factors, f)
	}
	return &q
}

// TestFactors solves random programmes, narrow and wider than a pricing
// block, with and without convex costs, with part of their matrix as
// factors and with the whole matrix in A: both end the same way, at the
// objective (and, priced in full, the same point), or with the same rows
// in conflict; and the optimum with factors has a certificate under the
// whole matrix.
func TestFactors(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	optima, infeasible, wide := 0, 0, 0
	for i := range 300 {
		n := 2 + rng.IntN(10)
		m := 1 + rng.IntN(min(6, n))
		if i%10 == 0 {
			n, m = fullPricing+50+rng.IntN(2*fullPricing), 3+rng.IntN(8)
		}
		p := randomProgram(rng, m, n)
		if rng.IntN(2) == 0 {
			randomConvex(rng, p)
			mostlyFeasible(rng, p)
		}
		q := factorize(rng, p)
		want, got := p.Solve(), q.Solve()
		if got.Status != want.Status {
			t.Errorf("case %d (%d×%d): %v with factors, %v without", i, m, n, got.Status, want.Status)
			continue
		}
		switch got.Status {
		case Infeasible:
			infeasible++
			if len(got.Conflict) != len(want.Conflict) {
				t.Errorf("case %d: conflict %v with factors, %v without", i, got.Conflict, want.Conflict)
				continue
			}
			for k, c := range got.Conflict {
				if w := want.Conflict[k]; c.Row != w.Row || math.Abs(c.Value-w.Value) > 1e-6 {
					t.Errorf("case %d: conflict %v with factors, %v without", i, got.Conflict, want.Conflict)
				}
			}
			continue
		case Optimal:
		default:
			continue
		}
		optima++
		if n > fullPricing {
			wide++
		}
		if math.Abs(got.Objective-want.Objective) > 1e-6*(1+math.Abs(want.Objective)) {
			t.Errorf("case %d: objective %v with factors, %v without", i, got.Objective, want.Objective)
		}
		// Priced a block at a time, the two may take different paths to
		// different optima of the same cost; the certificate below then
		// shows the one with factors optimal.
		for j := range n {
			if n <= fullPricing && math.Abs(got.X[j]-want.X[j]) > 1e-6 {
				t.Errorf("case %d: x[%d] = %v with factors, %v without", i, j, got.X[j], want.X[j])
				break
			}
		}
		checkFeasible(t, p, got.X)
		checkCertificate(t, p, got)
	}
	t.Logf("%d optima (%d wide), %d infeasible", optima, wide, infeasible)
	if optima < 150 || wide < 10 || infeasible < 10 {
		t.Errorf("only %d optima, %d wide, %d infeasible; the generator needs tuning", optima, wide, infeasible)
	}
}

// checkCertificate checks the prices of an optimum of p, whose matrix is
// p.A, convex costs included: with d = c − Aᵀy for a linear cost, as
// checkDual; for a convex cost, Aᵀy is the slope of the piece a variable
// is within, or between the slopes either side of the point it is on.
func checkCertificate(t *testing.T, p *Problem, res Result) {
	t.Helper()
	m, n := p.A.Dims()
	for j := range n {
		if !p.convex(j) {
			continue
		}
		z := 0.0
		for r := range m {
			z += p.A.At(r, j) * res.Dual[r]
		}
		cv, x := p.Convex[j], res.X[j]
		left, right := math.Inf(-1), math.Inf(1)
		if k := slices.IndexFunc(cv.Points, func(pt float64) bool { return math.Abs(x-pt) < 1e-7 }); k >= 0 {
			if k > 0 {
				left = cv.Slopes[k-1]
			}
			if k < len(cv.Slopes) {
				right = cv.Slopes[k]
			}
		} else if k := slices.IndexFunc(cv.Points, func(pt float64) bool { return pt > x }); k > 0 {
			left, right = cv.Slopes[k-1], cv.Slopes[k-1]
		}
		if z < left-1e-6 || z > right+1e-6 {
			t.Errorf("x[%d] = %v of convex cost %+v is worth %v, outside [%v, %v]: not optimal", j, x, cv, z, left, right)
		}
	}
	linear := *p
	linear.Convex, linear.Lo, linear.Hi = nil, slices.Clone(p.Lo), slices.Clone(p.Hi)
	for j := range n {
		if p.convex(j) { // checked above; checkDual passes a fixed column
			linear.Lo[j], linear.Hi[j] = res.X[j], res.X[j]
		}
	}
	checkDual(t, &linear, res)
}
