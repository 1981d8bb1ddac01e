package balance

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"
)

// How a type's time falls across its segments does not change the
// objective, which counts totals only, so the programme's optimum, and the
// repair of its rounding, split it wherever a vertex or a step lies: one
// speaker 1m30s of an open floor and another 7m30s, though both have about
// their fair share in all. Once the totals are whole steps, the split is
// therefore replaced by the most even one with the same totals.

// Iterative proportional fitting stops once the totals are met to within
// splitTol (a fraction of each), or after splitRounds rounds. It converges
// slowly where every split that meets them leaves some type out of a
// segment, so such cells start at zero (see [forcedZeros]); should it not
// converge, the split it was given is kept.
const (
	splitRounds = 500
	splitTol    = 1e-9
)

// evenCells re-splits cells[k], the steps of each type k in each of its
// segments, for the types in several segments, keeping each type's total
// and each segment's speaking time: what the types have above their least
// turns is split in proportion to an equal part of each segment for each
// member, scaled by a factor per type and per segment (iterative
// proportional fitting: the split nearest to the equal parts that meets
// the totals), and rounded to whole steps keeping every total. It reports
// whether any cell changed.
func (pr *problem) evenCells(ks []kind, cells [][]int) bool {
	var multi []int
	for k := range ks {
		if len(ks[k].segs) > 1 {
			multi = append(multi, k)
		}
	}
	if len(multi) == 0 {
		return false
	}
	least := func(k, i int) int { return pr.segs[ks[k].segs[i]].minTurn * len(ks[k].members) }
	// The time above the least turns of each type, and of each segment
	// that these types share, and the equal parts to start from.
	rowSum := make([]int, len(multi))
	colSum := make([]int, len(pr.segs))
	excess := make([][]int, len(multi))
	fit := make([][]float64, len(multi))
	for m, k := range multi {
		fit[m] = make([]float64, len(ks[k].segs))
		excess[m] = make([]int, len(ks[k].segs))
		for i, si := range ks[k].segs {
			e := cells[k][i] - least(k, i)
			excess[m][i] = e
			rowSum[m] += e
			colSum[si] += e
			sg := &pr.segs[si]
			fit[m][i] = float64(len(ks[k].members)) * float64(max(sg.capacity, 1)) / float64(len(sg.speakers))
		}
	}
	// A cell no split that meets the totals can fill starts at zero: the
	// fitting would only approach it, a little each round.
	for m, zero := range forcedZeros(ks, multi, excess, len(pr.segs)) {
		for i, z := range zero {
			if z {
				fit[m][i] = 0
			}
		}
	}
	pr.fitTotals(ks, multi, fit, rowSum, colSum)
	steps, ok := roundKeepingTotals(ks, multi, fit, rowSum, colSum)
	if !ok {
		return false
	}
	changed := false
	for m, k := range multi {
		for i := range cells[k] {
			v := least(k, i) + steps[m][i]
			changed = changed || cells[k][i] != v
			cells[k][i] = v
		}
	}
	return changed
}

// forcedZeros reports, per type of multi and segment of the type, whether
// every split with the totals of excess, a split that meets them, leaves
// the cell empty. An empty cell can be filled if and only if some other
// split moves time into it: along a cycle that adds to the cell, takes from
// a filled cell of its segment, adds to that type's cell in another
// segment, and so on back to its type. So, in the graph of types and
// segments with an edge from each type to each of its segments and from a
// segment to each type with time in it, an empty cell can be filled if and
// only if its type and segment are in one strongly connected component.
func forcedZeros(ks []kind, multi []int, excess [][]int, segs int) [][]bool {
	n := len(multi) + segs // types, then segments
	out := make([][]int, n)
	for m, k := range multi {
		for i, si := range ks[k].segs {
			out[m] = append(out[m], len(multi)+si)
			if excess[m][i] > 0 {
				out[len(multi)+si] = append(out[len(multi)+si], m)
			}
		}
	}
	comp := components(out)
	zero := make([][]bool, len(multi))
	for m, k := range multi {
		zero[m] = make([]bool, len(ks[k].segs))
		for i, si := range ks[k].segs {
			zero[m][i] = excess[m][i] == 0 && comp[m] != comp[len(multi)+si]
		}
	}
	return zero
}

// components returns the strongly connected component of each node of the
// graph whose edges out of node v are out[v] (Kosaraju's algorithm, without
// recursion).
func components(out [][]int) []int {
	n := len(out)
	in := make([][]int, n)
	for v, ws := range out {
		for _, w := range ws {
			in[w] = append(in[w], v)
		}
	}
	// The nodes in the order their depth-first search finishes.
	order := make([]int, 0, n)
	seen := make([]bool, n)
	type frame struct{ v, next int }
	for root := range n {
		if seen[root] {
			continue
		}
		seen[root] = true
		stack := []frame{{root, 0}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(out[top.v]) {
				w := out[top.v][top.next]
				top.next++
				if !seen[w] {
					seen[w] = true
					stack = append(stack, frame{w, 0})
				}
				continue
			}
			order = append(order, top.v)
			stack = stack[:len(stack)-1]
		}
	}
	comp := make([]int, n)
	for v := range comp {
		comp[v] = -1
	}
	c := 0
	for j := n - 1; j >= 0; j-- {
		root := order[j]
		if comp[root] >= 0 {
			continue
		}
		comp[root] = c
		queue := []int{root}
		for len(queue) > 0 {
			v := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			for _, w := range in[v] {
				if comp[w] < 0 {
					comp[w] = c
					queue = append(queue, w)
				}
			}
		}
		c++
	}
	return comp
}

// fitTotals scales fit, a row per type of multi and an entry per segment of
// the type, so that the rows add up to rowSum and each segment's entries
// to colSum.
func (pr *problem) fitTotals(ks []kind, multi []int, fit [][]float64, rowSum, colSum []int) {
	col := make([]float64, len(colSum))
	for range splitRounds {
		for m := range multi {
			if sum := floats.Sum(fit[m]); sum > 0 {
				for i := range fit[m] {
					fit[m][i] *= float64(rowSum[m]) / sum
				}
			}
		}
		clear(col)
		for m, k := range multi {
			for i, si := range ks[k].segs {
				col[si] += fit[m][i]
			}
		}
		for m, k := range multi {
			for i, si := range ks[k].segs {
				if col[si] > 0 {
					fit[m][i] *= float64(colSum[si]) / col[si]
				}
			}
		}
		// The segments are met; the types say whether it has converged.
		worst := 0.0
		for m := range multi {
			worst = max(worst, math.Abs(floats.Sum(fit[m])-float64(rowSum[m]))/float64(max(1, rowSum[m])))
		}
		if worst < splitTol {
			return
		}
	}
}

// roundKeepingTotals rounds fit, whose rows add up to rowSum and whose
// segments' entries to colSum, to whole steps with the same totals, each
// entry up or down: every entry is floored, and the steps each row and
// segment then lack are placed one an entry, largest fractional parts
// first, along augmenting paths (a matching of rows to segments), which
// always succeeds where fit meets the totals. It reports false if it does
// not, as a fit short of converging could make it.
func roundKeepingTotals(ks []kind, multi []int, fit [][]float64, rowSum, colSum []int) ([][]int, bool) {
	out := make([][]int, len(multi))
	rowNeed := slices.Clone(rowSum)
	colNeed := slices.Clone(colSum)
	type edge struct {
		m, i int
		frac float64
	}
	var edges []edge
	for m, k := range multi {
		out[m] = make([]int, len(fit[m]))
		for i, si := range ks[k].segs {
			v := max(fit[m][i], 0)
			f := math.Floor(v + eps)
			out[m][i] = int(f)
			rowNeed[m] -= int(f)
			colNeed[si] -= int(f)
			if v-f > eps {
				edges = append(edges, edge{m, i, v - f})
			}
		}
	}
	if slices.ContainsFunc(rowNeed, func(v int) bool { return v < 0 }) || slices.ContainsFunc(colNeed, func(v int) bool { return v < 0 }) {
		return nil, false
	}
	// Largest fractional parts are tried first, ties in type order.
	slices.SortStableFunc(edges, func(a, b edge) int { return cmp.Compare(b.frac, a.frac) })
	segOf := func(e int) int { return ks[multi[edges[e].m]].segs[edges[e].i] }
	byRow := make([][]int, len(multi))  // per row, its edges in that order
	bySeg := make([][]int, len(colSum)) // per segment, its edges
	for e, ed := range edges {
		byRow[ed.m] = append(byRow[ed.m], e)
		bySeg[segOf(e)] = append(bySeg[segOf(e)], e)
	}
	used := make([]bool, len(edges))
	// A search from a row reaches a segment by an unused edge e (prev[e]
	// the used edge whose row it came from, −1 from the row searched
	// from), and from a segment the rows of its used edges u (via[u] the
	// edge that reached the segment). A stamp per search marks what it
	// has reached, so that nothing is cleared between searches.
	prev, via := make([]int, len(edges)), make([]int, len(edges))
	reached, seen := make([]int, len(edges)), make([]int, len(colSum))
	search := 0
	var queue []int
	for m := range multi {
		for rowNeed[m] > 0 {
			search++
			queue = queue[:0]
			for _, e := range byRow[m] {
				if !used[e] {
					prev[e], reached[e] = -1, search
					queue = append(queue, e)
				}
			}
			found := -1
			for len(queue) > 0 {
				e := queue[0]
				queue = queue[1:]
				si := segOf(e)
				if colNeed[si] > 0 {
					found = e
					break
				}
				if seen[si] == search {
					continue
				}
				seen[si] = search
				for _, u := range bySeg[si] {
					if !used[u] {
						continue
					}
					via[u] = e
					for _, w := range byRow[edges[u].m] {
						if !used[w] && reached[w] != search {
							prev[w], reached[w] = u, search
							queue = append(queue, w)
						}
					}
				}
			}
			if found < 0 {
				return nil, false
			}
			colNeed[segOf(found)]--
			rowNeed[m]--
			// Along the path, each unused edge becomes used and each used
			// edge between two of them unused: one more step placed, in
			// row m and the segment found, and every other total kept.
			for e := found; ; {
				used[e] = true
				u := prev[e]
				if u < 0 {
					break
				}
				used[u] = false
				e = via[u]
			}
		}
	}
	for e, ed := range edges {
		if used[e] {
			out[ed.m][ed.i]++
		}
	}
	return out, true
}
