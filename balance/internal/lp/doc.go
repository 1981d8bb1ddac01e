// Package lp solves the linear programmes of package balance: a small,
// revised, two-phase primal simplex with bounded variables,
//
//	minimise cᵀx  subject to  Ax = b,  lo ≤ x ≤ hi,
//
// that keeps the bounds by the method rather than as rows, and reports how
// it ended ([Status]): an optimum with the prices of its rows as a
// certificate, infeasibility with the rows still violated, unboundedness,
// or its pivot limit.
package lp
