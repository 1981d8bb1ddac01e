package lp

import "gonum.org/v1/gonum/blas/blas64"

// columns is A as the revised method reads it. balance's programmes have
// rows with an entry in nearly every column, and rows with a few; so the
// dense rows are read as rows of A, a block of columns at a time, and the
// others by their non-zeros only, stored twice: by columns, for a column's
// entries (column j's are val[start[j]:start[j+1]], in rows
// row[start[j]:start[j+1]], in row order), and by rows, for a block's
// worths (row r's in block b are rval[p:end] for p, end = span(r, b), in
// columns rcol[p:end], in column order).
type columns struct {
	dense [][]float64 // the dense rows of A, n entries each
	in    []int       // the rows of dense
	start []int
	row   []int
	val   []float64
	// cut[r·stride+b] is the first of row r's entries in columns from
	// b·pricingBlock on, and cut[r·stride+stride−1] the end of its entries:
	// where a block's entries start and end, without a search.
	cut    []int
	stride int
	rcol   []int
	rval   []float64
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
	stride := (n+pricingBlock-1)/pricingBlock + 1
	ints := make([]int, dense+n+1+2*nnz+m*stride+n)
	take := func(k int) []int {
		out := ints[:k:k]
		ints = ints[k:]
		return out
	}
	c := columns{
		dense: make([][]float64, dense), in: take(dense), start: take(n + 1), row: take(nnz),
		cut: take(m * stride), stride: stride, rcol: take(nnz), val: make([]float64, 2*nnz),
	}
	c.val, c.rval = c.val[:nnz:nnz], c.val[nnz:]
	for r, i := range count {
		if i >= 0 {
			c.dense[i], c.in[i] = raw.Data[r*raw.Stride:r*raw.Stride+n], r
		}
	}
	// Each column's entries are counted, then placed as the rows are read
	// in order: A is read by rows, as it is stored.
	for r := range m {
		if count[r] < 0 {
			for j, a := range raw.Data[r*raw.Stride : r*raw.Stride+n] {
				if a != 0 {
					c.start[j+1]++
				}
			}
		}
	}
	for j := range n {
		c.start[j+1] += c.start[j]
	}
	next := take(n) // per column: where its next entry goes
	copy(next, c.start[:n])
	k := 0
	for r := range m {
		cut := c.cut[r*stride : (r+1)*stride]
		for j, a := range raw.Data[r*raw.Stride : r*raw.Stride+n] {
			if j%pricingBlock == 0 {
				cut[j/pricingBlock] = k
			}
			if a != 0 && count[r] < 0 {
				c.rcol[k], c.rval[k] = j, a
				k++
				c.row[next[j]], c.val[next[j]] = r, a
				next[j]++
			}
		}
		for b := (n + pricingBlock - 1) / pricingBlock; b < stride; b++ {
			cut[b] = k
		}
	}
	return c
}

// span returns where row r's sparse entries in the columns of block b,
// from b·pricingBlock on, start and end.
func (c *columns) span(r, b int) (int, int) {
	return c.cut[r*c.stride+b], c.cut[r*c.stride+b+1]
}
