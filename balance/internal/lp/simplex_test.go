package lp

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
	glp "gonum.org/v1/gonum/optimize/convex/lp"
)

// standardForm rewrites a bounded programme for gonum's lp.Simplex:
// x = lo + z with z ≥ 0, and z_j + w_j = hi_j − lo_j for each finite upper
// bound. It returns the offset cᵀlo to add to lp.Simplex's objective.
func standardForm(p *Problem) (c []float64, a *mat.Dense, b []float64, offset float64) {
	m, n := p.A.Dims()
	var bounded []int
	for j := range n {
		if !math.IsInf(p.Hi[j], 1) {
			bounded = append(bounded, j)
		}
	}
	rows, cols := m+len(bounded), n+len(bounded)
	a = mat.NewDense(rows, cols, nil)
	b = make([]float64, rows)
	c = make([]float64, cols)
	copy(c, p.C)
	for r := range m {
		b[r] = p.B[r]
		for j := range n {
			a.Set(r, j, p.A.At(r, j))
			b[r] -= p.A.At(r, j) * p.Lo[j]
		}
	}
	for k, j := range bounded {
		a.Set(m+k, j, 1)
		a.Set(m+k, n+k, 1)
		b[m+k] = p.Hi[j] - p.Lo[j]
	}
	for j := range n {
		offset += p.C[j] * p.Lo[j]
	}
	return c, a, b, offset
}

// randomProgram builds a programme with integer data so that the optimum is
// well conditioned; about one in five variables has no upper bound.
func randomProgram(rng *rand.Rand, m, n int) *Problem {
	p := &Problem{A: mat.NewDense(m, n, nil), B: make([]float64, m), C: make([]float64, n), Lo: make([]float64, n), Hi: make([]float64, n)}
	for j := range n {
		p.C[j] = float64(rng.IntN(11)) // non-negative costs keep the programme bounded
		p.Lo[j] = float64(rng.IntN(5))
		p.Hi[j] = p.Lo[j] + float64(1+rng.IntN(20))
		if rng.IntN(5) == 0 {
			p.Hi[j] = math.Inf(1)
		}
	}
	// b = A x0 for a point x0 within bounds, so most programmes are feasible;
	// a perturbation makes some infeasible.
	x0 := make([]float64, n)
	for j := range n {
		x0[j] = p.Lo[j] + float64(rng.IntN(int(min(p.Hi[j], p.Lo[j]+20)-p.Lo[j])+1))
	}
	for r := range m {
		for j := range n {
			if rng.IntN(3) == 0 {
				p.A.Set(r, j, float64(rng.IntN(7)-3))
			}
		}
		p.A.Set(r, r%n, p.A.At(r, r%n)+1) // no empty rows
		p.B[r] = mat.Dot(p.A.RowView(r), mat.NewVecDense(n, x0))
		if rng.IntN(8) == 0 {
			p.B[r] += float64(50 + rng.IntN(50))
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
		got := p.Solve()
		c, a, b, offset := standardForm(p)
		want, wantX, err := glp.Simplex(c, a, b, 1e-10, nil)
		switch {
		case errors.Is(err, glp.ErrInfeasible):
			if got.Status != Infeasible {
				// gonum's phase one gives up on some feasible programmes (it
				// needs full row rank); our point is then checked directly.
				checkFeasible(t, p, got.X)
				gonumMissed++
			}
			infeasible++
			continue
		case err != nil:
			continue // gonum cannot solve it (singular or zero rows); nothing to compare
		}
		_ = wantX
		if got.Status != Optimal {
			t.Errorf("case %d: we found no feasible point, gonum found objective %v", i, want+offset)
			continue
		}
		if math.Abs(got.Objective-(want+offset)) > 1e-6*(1+math.Abs(want+offset)) {
			t.Errorf("case %d: objective %v, gonum %v", i, got.Objective, want+offset)
		}
		checkFeasible(t, p, got.X)
		checkDual(t, p, got)
		agreed++
	}
	t.Logf("%d optima agreed, %d programmes infeasible, %d feasible points gonum missed", agreed, infeasible, gonumMissed)
	if agreed < 150 || infeasible < 10 {
		t.Errorf("only %d feasible and %d infeasible comparisons; the generator needs tuning", agreed, infeasible)
	}
}

// checkFeasible checks Ax = b and the bounds, independently of the solver.
func checkFeasible(t *testing.T, p *Problem, x []float64) {
	t.Helper()
	m, n := p.A.Dims()
	for r := range m {
		sum := 0.0
		for j := range n {
			sum += p.A.At(r, j) * x[j]
		}
		if math.Abs(sum-p.B[r]) > 1e-6 {
			t.Errorf("row %d: Ax = %v, b = %v", r, sum, p.B[r])
		}
	}
	for j := range n {
		if x[j] < p.Lo[j]-1e-9 || x[j] > p.Hi[j]+1e-9 {
			t.Errorf("x[%d] = %v outside [%v, %v]", j, x[j], p.Lo[j], p.Hi[j])
		}
	}
}

// checkDual checks the certificate of an optimum, independently of the
// solver: with reduced costs d = c − Aᵀy, every variable at its lower bound
// has d ≥ 0, every one at its upper bound d ≤ 0, and every one between
// d = 0; with a feasible x, that proves x optimal (cᵀx = bᵀy + dᵀx, and no
// feasible move lowers dᵀx).
func checkDual(t *testing.T, p *Problem, res Result) {
	t.Helper()
	m, n := p.A.Dims()
	if len(res.Dual) != m {
		t.Fatalf("%d duals for %d rows", len(res.Dual), m)
	}
	for j := range n {
		d := p.C[j]
		for r := range m {
			d -= p.A.At(r, j) * res.Dual[r]
		}
		x, lo, hi := res.X[j], p.Lo[j], p.Hi[j]
		atLo, atHi := math.Abs(x-lo) < 1e-7, !math.IsInf(hi, 1) && math.Abs(x-hi) < 1e-7
		switch {
		case atLo && atHi: // a fixed variable: any reduced cost
		case atLo && d < -1e-6:
			t.Errorf("x[%d] = %v at its lower bound with reduced cost %v < 0: not optimal", j, x, d)
		case atHi && d > 1e-6:
			t.Errorf("x[%d] = %v at its upper bound with reduced cost %v > 0: not optimal", j, x, d)
		case !atLo && !atHi && math.Abs(d) > 1e-6:
			t.Errorf("x[%d] = %v between its bounds with reduced cost %v ≠ 0: not optimal", j, x, d)
		}
	}
}

// TestStatus: each way a solve ends is reported, not passed over.
func TestStatus(t *testing.T) {
	inf := math.Inf(1)
	for _, tt := range []struct {
		name   string
		p      *Problem
		want   Status
		reason string
	}{
		{"optimal", &Problem{C: []float64{1, 2}, A: mat.NewDense(1, 2, []float64{1, 1}), B: []float64{3}, Lo: []float64{0, 0}, Hi: []float64{2, 5}},
			Optimal, "x = (2, 1): the cheaper variable at its bound"},
		{"infeasible", &Problem{C: []float64{1, 1}, A: mat.NewDense(1, 2, []float64{1, 1}), B: []float64{10}, Lo: []float64{0, 0}, Hi: []float64{2, 3}},
			Infeasible, "x₁ + x₂ is at most 5, not 10"},
		{"unbounded", &Problem{C: []float64{-1, 0}, A: mat.NewDense(1, 2, []float64{1, -1}), B: []float64{0}, Lo: []float64{0, 0}, Hi: []float64{inf, inf}},
			Unbounded, "x₁ = x₂ may grow without end, and x₁ costs −1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.p.Solve()
			if got.Status != tt.want {
				t.Fatalf("status %v, want %v: %s", got.Status, tt.want, tt.reason)
			}
			switch got.Status {
			case Optimal:
				checkFeasible(t, tt.p, got.X)
				checkDual(t, tt.p, got)
				if got.X[0] != 2 || got.X[1] != 1 {
					t.Errorf("x = %v, want (2, 1)", got.X)
				}
			case Infeasible:
				if len(got.Conflict) != 1 || got.Conflict[0].Row != 0 || got.Conflict[0].Value <= 0 {
					t.Errorf("conflict %+v, want row 0 short", got.Conflict)
				}
			}
			if s := got.Status.String(); s == "unknown status" {
				t.Errorf("status %d has no name", got.Status)
			}
		})
	}
}

// randomConvex gives about half the variables of p a convex cost of one to
// six pieces around 0, with integer points and slopes, or one in eight of
// them a cost of the point 0 alone, which fixes the variable there.
func randomConvex(rng *rand.Rand, p *Problem) {
	_, n := p.A.Dims()
	p.Convex = make([]Convex, n)
	for j := range n {
		if rng.IntN(2) == 0 {
			continue
		}
		below, above := rng.IntN(4), 1+rng.IntN(3)
		if rng.IntN(8) == 0 {
			below, above = 0, 0
		}
		pts := []float64{0}
		for range below {
			pts = append([]float64{pts[0] - float64(1+rng.IntN(4))}, pts...)
		}
		for range above {
			pts = append(pts, pts[len(pts)-1]+float64(1+rng.IntN(4)))
		}
		slopes := make([]float64, len(pts)-1)
		v := float64(rng.IntN(7) - 4)
		for k := range slopes {
			slopes[k] = v
			v += float64(rng.IntN(4))
		}
		p.Convex[j] = Convex{Points: pts, Slopes: slopes}
		p.Lo[j], p.Hi[j] = pts[0], pts[len(pts)-1]
	}
}

// mostlyFeasible sets b = A·x0 again, five times in six, for a point x0
// within the bounds that randomConvex set, so that most programmes are
// feasible.
func mostlyFeasible(rng *rand.Rand, p *Problem) {
	m, n := p.A.Dims()
	x0 := make([]float64, n)
	for j := range n {
		x0[j] = min(max(0, p.Lo[j]), p.Hi[j])
		if !p.convex(j) {
			x0[j] = p.Lo[j]
		}
	}
	if rng.IntN(6) > 0 {
		for r := range m {
			p.B[r] = mat.Dot(p.A.RowView(r), mat.NewVecDense(n, x0))
		}
	}
}

// expand writes p without convex costs: each piece a variable of its own,
// x_j = Points[0] + Σ_k y_k with 0 ≤ y_k ≤ the piece's length, costing its
// slope. It returns the cost of every x_j at Points[0], to add.
func expand(p *Problem) (*Problem, float64) {
	m, n := p.A.Dims()
	var cols [][]float64
	var c, lo, hi []float64
	b := append([]float64(nil), p.B...)
	offset := 0.0
	for j := range n {
		col := mat.Col(nil, j, p.A)
		if !p.convex(j) {
			cols, c, lo, hi = append(cols, col), append(c, p.C[j]), append(lo, p.Lo[j]), append(hi, p.Hi[j])
			continue
		}
		cv := p.Convex[j]
		offset += cv.At(cv.Points[0])
		for r := range m {
			b[r] -= col[r] * cv.Points[0]
		}
		for k, s := range cv.Slopes {
			cols, c, lo, hi = append(cols, col), append(c, s), append(lo, 0), append(hi, cv.Points[k+1]-cv.Points[k])
		}
	}
	if len(cols) == 0 { // every variable fixed at a point: a zero column fixed at 0 keeps the matrix
		cols, c, lo, hi = append(cols, make([]float64, m)), append(c, 0), append(lo, 0), append(hi, 0)
	}
	a := mat.NewDense(m, len(cols), nil)
	for j, col := range cols {
		a.SetCol(j, col)
	}
	return &Problem{C: c, A: a, B: b, Lo: lo, Hi: hi}, offset
}

// TestConvexAgainstPieces solves random programmes with convex costs, one
// column a variable, and the same programmes with a column a piece: both
// find the same optimum, or both none, and the optimum's certificate holds.
func TestConvexAgainstPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	agreed, infeasible := 0, 0
	for i := range 500 {
		n := 2 + rng.IntN(10)
		m := 1 + rng.IntN(min(6, n))
		p := randomProgram(rng, m, n)
		randomConvex(rng, p)
		mostlyFeasible(rng, p)
		got := p.Solve()
		flat, offset := expand(p)
		want := flat.Solve()
		if (got.Status == Infeasible) != (want.Status == Infeasible) {
			t.Errorf("case %d: convex %v, pieces %v", i, got.Status, want.Status)
			continue
		}
		if got.Status == Infeasible {
			infeasible++
			continue
		}
		if got.Status != Optimal || want.Status != Optimal {
			t.Errorf("case %d: convex %v, pieces %v", i, got.Status, want.Status)
			continue
		}
		if math.Abs(got.Objective-(want.Objective+offset)) > 1e-6*(1+math.Abs(got.Objective)) {
			t.Errorf("case %d: convex objective %v, pieces %v", i, got.Objective, want.Objective+offset)
		}
		checkFeasible(t, p, got.X)
		agreed++
	}
	t.Logf("%d optima agreed, %d infeasible", agreed, infeasible)
	if agreed < 250 || infeasible < 10 {
		t.Errorf("only %d optima and %d infeasible cases; the generator needs tuning", agreed, infeasible)
	}
}

// TestRelaxations checks that each relaxation, solved on from the last
// optimum, reaches the optimum of the relaxed programme solved from
// scratch, and that its point is feasible for it.
func TestRelaxations(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	compared := 0
	for i := range 400 {
		n := 2 + rng.IntN(10)
		m := 1 + rng.IntN(min(6, n))
		p := randomProgram(rng, m, n)
		if rng.IntN(2) == 0 {
			randomConvex(rng, p)
		}
		var stages [][]int
		for range 1 + rng.IntN(3) {
			var cols []int
			for j := range n {
				if !p.convex(j) && rng.IntN(3) == 0 {
					cols = append(cols, j)
				}
			}
			stages = append(stages, cols)
		}
		got := p.Relaxations(stages)
		if first := p.Solve(); got[0].Status != first.Status || got[0].Objective != first.Objective {
			t.Errorf("case %d: the first result is %v %v, Solve's %v %v", i, got[0].Status, got[0].Objective, first.Status, first.Objective)
		}
		if got[0].Status != Optimal {
			if len(got) != 1 {
				t.Errorf("case %d: %d results after a first solve that ended %v", i, len(got), got[0].Status)
			}
			continue
		}
		if len(got) != len(stages)+1 {
			t.Errorf("case %d: %d results for %d stages", i, len(got), len(stages))
			continue
		}
		relaxed := *p
		relaxed.C, relaxed.Hi = slices.Clone(p.C), slices.Clone(p.Hi)
		for s, cols := range stages {
			for _, j := range cols {
				relaxed.C[j], relaxed.Hi[j] = 0, math.Inf(1)
			}
			want := relaxed.Solve()
			if want.Status != Optimal || got[s+1].Status != Optimal {
				t.Errorf("case %d stage %d: %v, from scratch %v", i, s, got[s+1].Status, want.Status)
				continue
			}
			if math.Abs(got[s+1].Objective-want.Objective) > 1e-6*(1+math.Abs(want.Objective)) {
				t.Errorf("case %d stage %d: objective %v, from scratch %v", i, s, got[s+1].Objective, want.Objective)
			}
			checkFeasible(t, &relaxed, got[s+1].X)
			compared++
		}
	}
	if compared < 300 {
		t.Errorf("only %d relaxations compared; the generator needs tuning", compared)
	}
}

// TestConvexAt checks Convex.At against the integral of its slopes taken
// step by step from 0, at points on, between and beyond its points.
func TestConvexAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		p := randomProgram(rng, 1, 1)
		randomConvex(rng, p)
		c := p.Convex[0]
		if len(c.Points) == 0 {
			continue
		}
		for range 10 {
			x := c.Points[0] + rng.Float64()*(c.Points[len(c.Points)-1]-c.Points[0])
			if rng.IntN(3) == 0 {
				x = c.Points[rng.IntN(len(c.Points))]
			}
			want := 0.0
			for k, s := range c.Slopes {
				a, b := c.Points[k], c.Points[k+1]
				if x >= 0 {
					want += s * max(0, min(b, x)-max(a, 0))
				} else {
					want -= s * max(0, min(b, 0)-max(a, x))
				}
			}
			if got := c.At(x); math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
				t.Fatalf("case %d: At(%v) = %v, want %v (%+v)", i, x, got, want, c)
			}
		}
	}
}

// TestPartialPricing solves programmes wider than a pricing block, which
// are priced a block at a time, against gonum's lp.Simplex, with and
// without convex costs (against the programme with a column per piece).
func TestPartialPricing(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	agreed := 0
	for i := range 30 {
		n := fullPricing + 50 + rng.IntN(3*fullPricing)
		m := 3 + rng.IntN(8)
		p := randomProgram(rng, m, n)
		convex := i%2 == 1
		var want float64
		if convex {
			randomConvex(rng, p)
			x0 := make([]float64, n)
			for j := range n {
				x0[j] = min(max(0, p.Lo[j]), p.Hi[j])
				if !p.convex(j) {
					x0[j] = p.Lo[j]
				}
			}
			for r := range m {
				p.B[r] = mat.Dot(p.A.RowView(r), mat.NewVecDense(n, x0))
			}
			flat, offset := expand(p)
			res := flat.Solve()
			if res.Status != Optimal {
				continue
			}
			want = res.Objective + offset
		} else {
			c, a, b, offset := standardForm(p)
			opt, _, err := glp.Simplex(c, a, b, 1e-10, nil)
			if err != nil {
				continue
			}
			want = opt + offset
		}
		got := p.Solve()
		if got.Status != Optimal {
			t.Errorf("case %d (%d×%d): %v, want objective %v", i, m, n, got.Status, want)
			continue
		}
		if math.Abs(got.Objective-want) > 1e-6*(1+math.Abs(want)) {
			t.Errorf("case %d (%d×%d): objective %v, want %v", i, m, n, got.Objective, want)
		}
		checkFeasible(t, p, got.X)
		if !convex { // checkDual knows linear costs only
			checkDual(t, p, got)
		}
		agreed++
	}
	if agreed < 12 {
		t.Errorf("only %d wide programmes compared; the generator needs tuning", agreed)
	}
}

// TestSinglePointCost: a convex cost of one point and no pieces is a
// variable fixed at that point. Here it starts in the basis, as the only
// column of its row, and must leave it at once, at its upper bound, which
// is its lower one: x = (0, 1, 1).
func TestSinglePointCost(t *testing.T) {
	p := &Problem{
		C:      []float64{0, 1, 1},
		A:      mat.NewDense(2, 3, []float64{1, -1, 1, 0, 1, 0}),
		B:      []float64{0, 1},
		Lo:     []float64{0, 0, 0},
		Hi:     []float64{0, 5, 5},
		Convex: []Convex{{Points: []float64{0}}, {}, {}},
	}
	res := p.Solve()
	if res.Status != Optimal {
		t.Fatalf("status %v, want optimal", res.Status)
	}
	checkFeasible(t, p, res.X)
	if want := []float64{0, 1, 1}; !slices.Equal(res.X, want) {
		t.Errorf("x = %v, want %v", res.X, want)
	}
	if res.Objective != 2 {
		t.Errorf("objective %v, want 2", res.Objective)
	}
}
