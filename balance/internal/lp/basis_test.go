package lp

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestBasis checks the revised method's arithmetic against the matrices it
// stands for, on programmes whose rows are partly dense, partly sparse:
// after pivots, B⁻¹ times the basis columns is the identity, column is
// B⁻¹a_j, duals is c_Bᵀ B⁻¹, and worth prices a block exactly as priced
// prices each of its columns; some with part of their matrix as factors,
// which all of that must count.
func TestBasis(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	split := rand.New(rand.NewPCG(5, 6)) // for the factors, so the programmes stay those of rng
	checked, mixed, factored := 0, 0, 0
	for i := range 40 {
		m, n := 2+rng.IntN(8), pricingBlock+rng.IntN(2*pricingBlock)
		if i%2 == 0 {
			n = 3 + rng.IntN(20)
		}
		p := randomProgram(rng, m, n)
		for r := range m {
			if rng.IntN(2) == 0 { // a sparse row: one entry in ten
				for j := range n {
					if rng.IntN(10) != 0 {
						p.A.Set(r, j, 0)
					}
				}
				p.A.Set(r, r%n, 1)
			}
		}
		q := p
		if i%4 == 3 {
			q = factorize(split, p) // whose matrix is still p.A
		}
		s := newSimplex(q, m, n)
		s.phase(phaseOne)
		if s.pivots == 0 {
			continue
		}
		checked++
		if q != p {
			factored++
		}
		if len(s.a.dense) > 0 && len(s.a.dense) < m {
			mixed++
		}
		basis := mat.NewDense(m, m, nil)
		for r, j := range s.basis {
			for k := range m {
				switch {
				case j < n:
					basis.Set(k, r, p.A.At(k, j))
				case k == j-n:
					basis.Set(k, r, s.sign[k])
				}
			}
		}
		inv := mat.NewDense(m, m, s.inv)
		var id mat.Dense
		id.Mul(inv, basis)
		for r := range m {
			for k := range m {
				if want := b2f(r == k); math.Abs(id.At(r, k)-want) > 1e-9 {
					t.Fatalf("case %d: (B⁻¹B)[%d][%d] = %v", i, r, k, id.At(r, k))
				}
			}
		}
		for j := range n + m {
			s.column(j)
			for r := range m {
				want := 0.0
				for k := range m {
					if j < n {
						want += s.inv[r*m+k] * p.A.At(k, j)
					} else if k == j-n {
						want += s.inv[r*m+k] * s.sign[k]
					}
				}
				if math.Abs(s.alpha[r]-want) > 1e-9 {
					t.Fatalf("case %d: (B⁻¹a_%d)[%d] = %v, want %v", i, j, r, s.alpha[r], want)
				}
			}
		}
		for k := range m {
			want := 0.0
			for r, j := range s.basis {
				want += s.cost[j] * s.inv[r*m+k]
			}
			if math.Abs(s.y[k]-want) > 1e-9 {
				t.Fatalf("case %d: y[%d] = %v, want %v", i, k, s.y[k], want)
			}
		}
		for from := 0; from < n+m; from += pricingBlock {
			to := min(from+pricingBlock, n+m)
			z := s.worth(from / pricingBlock)
			for j := from; j < to; j++ {
				if got, want := z[j-from], s.priced(j); got != want {
					t.Fatalf("case %d: worth of column %d is %v, priced %v", i, j, got, want)
				}
			}
		}
	}
	t.Logf("%d bases checked, %d with dense and sparse rows, %d with factors", checked, mixed, factored)
	if checked < 20 || mixed < 10 || factored < 5 {
		t.Errorf("only %d bases checked, %d mixed, %d with factors; the generator needs tuning", checked, mixed, factored)
	}
}

// b2f is 1 for true, 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
