package balance

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/lp"
)

// programme is the linear programme of a session, as formulate writes it.
type programme struct {
	lp     lp.Problem
	lay    layout
	rows   []groupRow
	multi  []int   // the types in more than one segment, in the order of their rows
	stages [][]int // for explaining: the columns of each dimension, last first
	base   float64 // the cost of every type at C_k, which the programme leaves out
}

// layout numbers the variables of the programme.
type layout struct {
	dev   []int   // per type: Y_k − C_k, whose cost is the type's pieces
	split [][]int // per type in more than one segment, per segment of the type: y_ks
	plus  []int   // per group row: s⁺
	minus []int   // per group row: s⁻
	n     int
}

// solved is the optimum of the programme before rounding.
type solved struct {
	ks        []kind
	rows      []groupRow
	rowOf     []int       // per type and dimension, k·D+d: the row of the type's group, −1 for none
	perSeg    [][]float64 // per type, per segment of the type: steps
	total     []float64   // per type: Y_k
	objective float64     // in weighted steps
	// prefix, for explaining, holds per k < len(dims) the types' totals at
	// an optimum of the programme with the first k dimensions alone.
	prefix [][]float64
}

// solve solves the programme of pr's dimensions over the types ks (see
// [problem.kinds]), and, for explaining, the programmes with fewer of its
// dimensions: formulated, solved, and read back.
func (pr *problem) solve(ks []kind) (*solved, error) {
	prog, err := pr.formulate(ks)
	if err != nil {
		return nil, err
	}
	var results []lp.Result
	if prog.lay.n > 0 && len(prog.lp.B) > 0 {
		// Each programme with fewer dimensions is the last with a
		// dimension's rows freed, solved on from its optimum.
		results = prog.lp.Relaxations(prog.stages)
	}
	return pr.readBack(ks, prog, results)
}

// formulate writes the programme of the package documentation over the
// types ks: a column per type (its deviation Y_k − C_k, of convex cost),
// per segment of a type in several, and per group row's s⁺ and s⁻; a row
// per speaking segment, per type in several segments and per group.
func (pr *problem) formulate(ks []kind) (*programme, error) {
	rows := pr.groupRows(ks)
	cols := 2*len(rows) + len(ks) // the columns, counted first so that nothing grows as they are added
	for k := range ks {
		if len(ks[k].segs) > 1 {
			cols += len(ks[k].segs)
		}
	}
	lay := layout{dev: make([]int, 0, len(ks)), split: make([][]int, 0, len(ks))}
	c, lo, hi := make([]float64, 0, cols), make([]float64, 0, cols), make([]float64, 0, cols)
	convex := make([]lp.Convex, 0, cols)
	index := make([]int, 0, cols) // backing store of the split lists
	add := func(cost, upper float64) int {
		c, lo, hi, convex = append(c, cost), append(lo, 0), append(hi, upper), append(convex, lp.Convex{})
		lay.n++
		return lay.n - 1
	}
	for k := range ks {
		// Y_k − C_k, a column whose cost is the type's pieces: lowerings
		// below 0, raises above, cheapest nearest.
		j := add(0, 0)
		convex[j] = ks[k].cost
		lo[j], hi[j] = convex[j].Points[0], convex[j].Points[len(convex[j].Points)-1]
		lay.dev = append(lay.dev, j)
		var split []int
		if len(ks[k].segs) > 1 {
			split = index[len(index) : len(index) : len(index)+len(ks[k].segs)]
			for _, si := range ks[k].segs {
				j := add(0, math.Inf(1))
				lo[j] = float64(pr.segs[si].minTurn * len(ks[k].members))
				split = append(split, j)
			}
			index = index[:len(index)+len(split)]
		}
		lay.split = append(lay.split, split)
	}
	B := float64(pr.budget)
	for _, r := range rows {
		dim := pr.dims[r.dim]
		w, bound := dim.weight(), math.Inf(1)
		if dim.Hard {
			bound = dim.Tolerance * B
		}
		lay.plus = append(lay.plus, add(w, bound))
		lay.minus = append(lay.minus, add(w, bound))
	}

	// Rows: one per speaking segment, one per type in several segments, one per group.
	var multi []int
	for k := range ks {
		if len(ks[k].segs) > 1 {
			multi = append(multi, k)
		}
	}
	m := len(pr.segs) + len(multi) + len(rows)
	if cells := m * (lay.n + m); cells > MaxProgramme {
		return nil, &agenda.LimitError{What: "cells in the matrix of its programme", Count: cells, Max: MaxProgramme, Limit: "balance.MaxProgramme"}
	}
	a := mat.NewDense(max(m, 1), max(lay.n, 1), nil)
	b := make([]float64, max(m, 1))
	// delta adds coef·(Y_k − C_k) to row r.
	raw := a.RawMatrix()
	delta := func(r, k int, coef float64) {
		raw.Data[r*raw.Stride+lay.dev[k]] += coef
	}
	for si, sg := range pr.segs {
		b[si] = float64(sg.capacity)
	}
	for k := range ks {
		if len(ks[k].segs) == 1 {
			si := ks[k].segs[0]
			delta(si, k, 1)
			b[si] -= ks[k].clamped
			continue
		}
		for i, si := range ks[k].segs {
			a.Set(si, lay.split[k][i], 1)
		}
	}
	for i, k := range multi {
		r := len(pr.segs) + i
		for _, j := range lay.split[k] {
			a.Set(r, j, 1)
		}
		delta(r, k, -1)
		b[r] = ks[k].clamped
	}
	// A group row's coefficient on a type known in its dimension is
	// 1[g_k = g] − t_g: A holds the 1s, and a factor per dimension the
	// −t_g·u_d, u_d the indicator of the types known in the dimension,
	// which all its rows share; so the rows are sparse and the solver
	// prices u_d once a dimension rather than once a row.
	factors := make([]lp.Factor, 0, len(pr.dims))
	factorOf := make([]int, len(pr.dims)) // per dimension, its factor, or −1; first its rows
	for _, gr := range rows {
		factorOf[gr.dim]++
	}
	// One store for the factors' rows and one for their coefficients and
	// V, taken a dimension at a time.
	rowStore, store := make([]int, len(rows)), make([]float64, len(rows)+len(factorOf)*max(lay.n, 1))
	for d, count := range factorOf {
		factorOf[d] = -1
		if count == 0 {
			continue
		}
		factorOf[d] = len(factors)
		f := lp.Factor{Rows: rowStore[:0:count], Coef: store[:0:count], V: store[count : count+max(lay.n, 1)]}
		rowStore, store = rowStore[count:], store[count+max(lay.n, 1):]
		for k := range ks {
			if ks[k].groups[d] != "" {
				f.V[lay.dev[k]] = 1
			}
		}
		factors = append(factors, f)
	}
	for i, gr := range rows {
		r := len(pr.segs) + len(multi) + i
		f := &factors[factorOf[gr.dim]]
		f.Rows, f.Coef = append(f.Rows, r), append(f.Coef, -gr.target)
		for k := range ks {
			g := ks[k].groups[gr.dim]
			if g == "" {
				continue
			}
			coef := -gr.target
			if g == gr.group {
				coef++
				delta(r, k, 1)
			}
			b[r] -= coef * ks[k].clamped
		}
		if pr.past != nil {
			b[r] -= pr.past.offset[i]
		}
		a.Set(r, lay.plus[i], -1)
		a.Set(r, lay.minus[i], 1)
	}

	base := 0.0
	for k := range ks {
		base += ks[k].base
	}
	var stages [][]int
	if pr.past == nil {
		for d := len(pr.dims) - 1; d >= 0; d-- {
			var cols []int
			for i, r := range rows {
				if r.dim == d {
					cols = append(cols, lay.plus[i], lay.minus[i])
				}
			}
			stages = append(stages, cols)
		}
	}
	return &programme{lp: lp.Problem{C: c, A: a, B: b[:m], Lo: lo, Hi: hi, Convex: convex, Factors: factors}, lay: lay, rows: rows, multi: multi, stages: stages, base: base}, nil
}

// readBack reads the types' totals, and the totals of the programmes with
// fewer dimensions, from the results of solving prog; an infeasible
// programme is explained.
func (pr *problem) readBack(ks []kind, prog *programme, results []lp.Result) (*solved, error) {
	lay := prog.lay
	total := make([]float64, len(ks)) // Y_k
	perSeg := make([][]float64, len(ks))
	for k := range ks {
		// Every segment shorter than a step, and so without variables,
		// leaves its types nothing.
		perSeg[k] = make([]float64, len(ks[k].segs))
	}
	objective := prog.base
	var prefix [][]float64
	if len(results) == 0 {
		// No variables: every segment's speaking time must already be met.
		for si, sg := range pr.segs {
			if sg.capacity != 0 {
				return nil, pr.explain(ks, prog.rows, []lp.Residual{{Row: si, Value: float64(sg.capacity)}}, 0)
			}
		}
		return &solved{ks: ks, rows: prog.rows, rowOf: pr.rowsOf(ks, prog.rows), perSeg: perSeg, total: total, objective: objective}, nil
	}
	sol := results[0]
	switch sol.Status {
	case lp.Optimal:
	case lp.Infeasible:
		return nil, pr.explain(ks, prog.rows, sol.Conflict, len(prog.multi))
	default:
		// Every variable is bounded and the objective is bounded below
		// by its base: only a fault of the method gets here.
		return nil, fmt.Errorf("%w: the simplex ended %v after %d pivots", errInternal, sol.Status, sol.Pivots)
	}
	objective += sol.Objective
	for k := range ks {
		total[k] = ks[k].clamped + sol.X[lay.dev[k]]
		if len(ks[k].segs) == 1 {
			perSeg[k][0] = total[k]
		} else {
			for i, j := range lay.split[k] {
				perSeg[k][i] = sol.X[j]
			}
		}
	}
	if pr.past == nil && len(results) == len(prog.stages)+1 { // else a re-plan, or a relaxation ended other than optimal: nothing is explained
		prefix = make([][]float64, len(pr.dims))
		for d := range prefix {
			x := results[len(pr.dims)-d].X
			prefix[d] = make([]float64, len(ks))
			for k := range ks {
				prefix[d][k] = ks[k].clamped + x[lay.dev[k]]
			}
		}
	}
	return &solved{ks: ks, rows: prog.rows, rowOf: pr.rowsOf(ks, prog.rows), perSeg: perSeg, total: total, objective: objective, prefix: prefix}, nil
}
