package lp

import (
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
)

// columns is A as the revised method reads it. balance's programmes have
// two kinds of row: a group's row, with an entry in nearly every column,
// and a segment's or a type's, with a few; so the dense rows are read as
// rows of A, a block of columns at a time, and the others by columns, non-
// zeros only: column j's entries in the sparse rows are
// val[start[j]:start[j+1]], in rows row[start[j]:start[j+1]], in row order.
type columns struct {
	dense [][]float64 // the dense rows of A, n entries each
	in    []int       // the rows of dense
	start []int
	row   []int
	val   []float64
}

// denseShare is the share of non-zero entries from which a row is read as
// a row: a pass over a row costs a few times less an entry than a look-up
// of a sparse entry does.
const denseShare = 4 // one in four

// newColumns returns the m×n matrix raw stored as columns.
func newColumns(raw blas64.General, m, n int) columns {
	count := make([]int, m) // per row, its non-zeros
	for r := range m {
		for _, a := range raw.Data[r*raw.Stride : r*raw.Stride+n] {
			if a != 0 {
				count[r]++
			}
		}
	}
	// A row is dense, or its entries count towards the sparse ones; then
	// count is the row's place in dense, or −1.
	dense, nnz := 0, 0
	for r, k := range count {
		if k*denseShare >= n {
			count[r] = dense
			dense++
		} else {
			count[r] = -1
			nnz += k
		}
	}
	ints := make([]int, dense+n+1+nnz)
	c := columns{
		dense: make([][]float64, dense), in: ints[:dense:dense],
		start: ints[dense : dense+n+1 : dense+n+1], row: ints[dense+n+1:], val: make([]float64, nnz),
	}
	for r, i := range count {
		if i >= 0 {
			c.dense[i], c.in[i] = raw.Data[r*raw.Stride:r*raw.Stride+n], r
		}
	}
	k := 0
	for j := range n {
		c.start[j] = k
		for r := range m {
			if a := raw.Data[r*raw.Stride+j]; a != 0 && count[r] < 0 {
				c.row[k], c.val[k] = r, a
				k++
			}
		}
	}
	c.start[n] = k
	return c
}

// The basis is kept as its inverse B⁻¹, m×m and row-major in s.inv: with a
// few dozen rows it is far smaller than the tableau B⁻¹A, and a pivot
// updates it in O(m²) where the tableau takes O(m·n). The column of A
// that enters and the reduced costs are computed from it when needed.

// column sets s.alpha to B⁻¹a_j, the entering column of the tableau: how
// fast each basic variable falls as variable j rises. An artificial's
// column is its sign in its row.
func (s *simplex) column(j int) {
	clear(s.alpha)
	m := s.m
	if j >= s.n {
		k, sg := j-s.n, s.sign[j-s.n]
		for r := range m {
			s.alpha[r] = s.inv[r*m+k] * sg
		}
		return
	}
	add := func(k int, v float64) {
		for r := range m {
			s.alpha[r] += s.inv[r*m+k] * v
		}
	}
	for i, row := range s.a.dense {
		if v := row[j]; v != 0 {
			add(s.a.in[i], v)
		}
	}
	for p := s.a.start[j]; p < s.a.start[j+1]; p++ {
		add(s.a.row[p], s.a.val[p])
	}
}

// duals sets s.y = c_Bᵀ B⁻¹, the prices of the rows under the costs of the
// current phase. It is computed afresh after every move that changes the
// basis or the cost of a basic variable, which costs O(m²) like the pivot
// itself, and keeps the reduced costs free of accumulated rounding.
func (s *simplex) duals() {
	clear(s.y)
	m := s.m
	for r, j := range s.basis {
		if cb := s.cost[j]; cb != 0 {
			floats.AddScaled(s.y, cb, s.inv[r*m:(r+1)*m])
		}
	}
}

// reduced returns the reduced cost of variable j, cost_j − yᵀa_j.
func (s *simplex) reduced(j int) float64 {
	return s.cost[j] - s.priced(j)
}

// priced returns yᵀa_j, what the rows' prices make variable j worth, summed
// as worth sums it.
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
	return v
}

// worth returns yᵀa_j for from ≤ j < to, at index j − from, in a scratch
// slice that the next call overwrites: priced for a block of columns, with
// a pass over each dense row, in the same order of sums.
func (s *simplex) worth(from, to int) []float64 {
	z := s.z[:to-from]
	clear(z)
	if k := min(to, s.n) - from; k > 0 {
		for i, row := range s.a.dense {
			if y := s.y[s.a.in[i]]; y != 0 {
				floats.AddScaled(z[:k], y, row[from:from+k])
			}
		}
		for j := from; j < from+k; j++ {
			for p := s.a.start[j]; p < s.a.start[j+1]; p++ {
				z[j-from] += s.y[s.a.row[p]] * s.a.val[p]
			}
		}
	}
	for j := max(from, s.n); j < to; j++ {
		z[j-from] = s.y[j-s.n] * s.sign[j-s.n]
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
