package timetable

import "math"

// assigner solves assignment problems by the Hungarian method, keeping
// its work arrays from one problem to the next: branch and bound solves
// one at every node.
type assigner struct {
	u, v, minv []float64
	p, way     []int
	used       []bool
	match      []int
}

// solve returns the least Σ_i a[i·cols + col(i)] over the assignments of
// each of the rows to a column of its own (rows ≤ cols), and the column of
// each row; +Inf and nil when every assignment meets an infinite cost. It
// is the shortest augmenting path form of the Hungarian method, O(rows² ·
// cols), with dual potentials u and v: an infinite cost never enters their
// arithmetic, so no large stand-in value limits the precision. The
// returned slice is reused by the next call.
func (h *assigner) solve(a []float64, rows, cols int) (float64, []int) {
	if rows == 0 {
		return 0, h.match[:0]
	}
	if rows > cols {
		return math.Inf(1), nil
	}
	h.u = grow(h.u, rows+1)
	h.v = grow(h.v, cols+1)
	h.minv = grow(h.minv, cols+1)
	h.p = growInt(h.p, cols+1)
	h.way = growInt(h.way, cols+1)
	if cap(h.used) < cols+1 {
		h.used = make([]bool, cols+1)
	}
	h.used = h.used[:cols+1]
	u, v, minv, p, way, used := h.u, h.v, h.minv, h.p, h.way, h.used
	clear(u)
	clear(v)
	clear(p)
	for i := 1; i <= rows; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			delta, j1 := math.Inf(1), -1
			row := a[(i0-1)*cols:]
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				if cur := row[j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			if j1 < 0 {
				return math.Inf(1), nil // row i reaches no column at finite cost
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	h.match = growInt(h.match, rows)
	total := 0.0
	for j := 1; j <= cols; j++ {
		if p[j] > 0 {
			h.match[p[j]-1] = j - 1
			total += a[(p[j]-1)*cols+j-1]
		}
	}
	return total, h.match
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}
