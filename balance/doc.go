// Package balance is where fairfloor shares speaking time fairly: the
// policy, the optimiser, the order of turns, imbalance reports and diversity
// checks.
//
// It holds no API yet. The programme it will solve, stated in DESIGN.md, is
// a linear programme over the speakers' times x_i with budget B:
//
//	minimise    Σ_d w_d Σ_g |X_g − t_g·B|  +  w_0 Σ_i |x_i − f_i|
//	subject to  Σ_i x_i = B,  l_i ≤ x_i ≤ u_i
//
// where X_g is the time of group g in dimension d (participation mode,
// stakeholder group, regional group, gender, custom labels), t_g its target
// share and f_i each speaker's fair share.
package balance
