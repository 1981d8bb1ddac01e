package lp

import "gonum.org/v1/gonum/floats"

// The basis is kept as its inverse B⁻¹, m×m and row-major in s.inv: with a
// few dozen rows it is far smaller than the tableau B⁻¹A, and a pivot
// updates it in O(m²) where the tableau takes O(m·n). The column of A
// that enters and the reduced costs are computed from it when needed.

// column sets s.alpha to B⁻¹â_j, the entering column of the tableau: how
// fast each basic variable falls as variable j rises. An artificial's
// column is its sign in its row.
func (s *simplex) column(j int) {
	m := s.m
	if j >= s.n {
		k, sg := j-s.n, s.sign[j-s.n]
		for r := range m {
			s.alpha[r] = s.inv[r*m+k] * sg
		}
		return
	}
	// â_j in full first, A's entries then the factors' terms, so that a
	// row with both is one pass over B⁻¹, not two.
	col := s.col
	clear(col)
	for i, row := range s.a.dense {
		col[s.a.in[i]] = row[j]
	}
	for p := s.a.start[j]; p < s.a.start[j+1]; p++ {
		col[s.a.row[p]] = s.a.val[p]
	}
	for _, f := range s.p.Factors {
		if v := f.V[j]; v != 0 {
			for i, r := range f.Rows {
				col[r] += f.Coef[i] * v
			}
		}
	}
	// B⁻¹ is read two rows at a time, over the column's non-zeros only,
	// each row's terms added in the order of the column's rows: two sums
	// that do not wait on each other, each as it would be alone. The
	// non-zeros are gathered to the front of col, the entry of row nz[i]
	// at i, so that the products read one index rather than two.
	nz := s.nz[:0]
	for k, v := range col {
		if v != 0 {
			col[len(nz)] = v
			nz = append(nz, k)
		}
	}
	vals := col[:len(nz)]
	r := 0
	for ; r+1 < m; r += 2 {
		row, next := s.inv[r*m:(r+1)*m], s.inv[(r+1)*m:(r+2)*m]
		a, b := 0.0, 0.0
		for i, k := range nz {
			a += row[k] * vals[i]
			b += next[k] * vals[i]
		}
		s.alpha[r], s.alpha[r+1] = a, b
	}
	if r < m {
		row, a := s.inv[r*m:(r+1)*m], 0.0
		for i, k := range nz {
			a += row[k] * vals[i]
		}
		s.alpha[r] = a
	}
}

// duals sets s.y = c_Bᵀ B⁻¹, the prices of the rows under the costs of the
// current phase, and s.w, what they make each factor's V worth. It is
// computed afresh after every move that changes the basis or the cost of
// a basic variable, which costs O(m²) like the pivot itself, and keeps the
// reduced costs free of accumulated rounding.
func (s *simplex) duals() {
	s.stale = false
	clear(s.y)
	m := s.m
	for r, j := range s.basis {
		if cb := s.cost[j]; cb != 0 {
			floats.AddScaled(s.y, cb, s.inv[r*m:(r+1)*m])
		}
	}
	for f, fac := range s.p.Factors {
		w := 0.0
		for i, r := range fac.Rows {
			w += s.y[r] * fac.Coef[i]
		}
		s.w[f] = w
	}
}

// reduced returns the reduced cost of variable j, cost_j − yᵀa_j.
func (s *simplex) reduced(j int) float64 {
	return s.cost[j] - s.priced(j)
}

// priced returns yᵀâ_j, what the rows' prices make variable j worth:
// yᵀa_j, then Σ_f w_f·V_fj, summed as worth sums it.
func (s *simplex) priced(j int) float64 {
	if j >= s.n {
		return s.y[j-s.n] * s.sign[j-s.n]
	}
	v := 0.0
	for i, row := range s.a.dense {
		if y := s.y[s.a.in[i]]; y != 0 {
			v += y * row[j]
		}
	}
	for p := s.a.start[j]; p < s.a.start[j+1]; p++ {
		v += s.y[s.a.row[p]] * s.a.val[p]
	}
	for f, fac := range s.p.Factors {
		if w := s.w[f]; w != 0 {
			v += w * fac.V[j]
		}
	}
	return v
}

// worth returns yᵀâ_j for the columns of block b, from = b·pricingBlock
// ≤ j < min(from+pricingBlock, n+m), at index j − from, in a scratch
// slice that the next call overwrites: priced for a block of columns,
// with a pass over each dense row and each factor's V, in the same order
// of sums.
func (s *simplex) worth(b int) []float64 {
	from := b * pricingBlock
	to := min(from+pricingBlock, s.width)
	z := s.z[:to-from]
	clear(z)
	if k := min(to, s.n) - from; k > 0 {
		for i, row := range s.a.dense {
			if y := s.y[s.a.in[i]]; y != 0 {
				floats.AddScaled(z[:k], y, row[from:from+k])
			}
		}
		// The sparse rows a row at a time, in row order as priced sums
		// them; a row priced 0 adds nothing.
		for r, y := range s.y {
			if y == 0 {
				continue
			}
			p, end := s.a.span(r, b)
			cols, vals := s.a.rcol[p:end], s.a.rval[p:end]
			for q, j := range cols {
				z[j-from] += y * vals[q]
			}
		}
		for f, fac := range s.p.Factors {
			if w := s.w[f]; w != 0 {
				floats.AddScaled(z[:k], w, fac.V[from:from+k])
			}
		}
	}
	if k := max(from, s.n); k < to {
		// The artificials', from that of row k−n on: their row's price
		// times their sign.
		art, y, sign := z[k-from:], s.y[k-s.n:to-s.n], s.sign[k-s.n:to-s.n]
		for i := range art {
			art[i] = y[i] * sign[i]
		}
	}
	return z
}

// pivot makes the variable entering through s.alpha basic in row leave:
// the row operations of a tableau pivot, on B⁻¹ alone.
func (s *simplex) pivot(leave int) {
	m := s.m
	prow := s.inv[leave*m : (leave+1)*m]
	floats.Scale(1/s.alpha[leave], prow)
	for r, a := range s.alpha {
		if r != leave && a != 0 {
			floats.AddScaled(s.inv[r*m:(r+1)*m], -a, prow)
		}
	}
}
