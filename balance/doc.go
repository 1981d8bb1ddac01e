// Package balance shares a session's speaking time fairly between its
// speakers and their groups, orders their turns, and lays the session out as
// a run-of-show.
//
// # What balanced means
//
// The speakers i of a session share a speaking budget B, the speaking time
// of its speaking segments, each within bounds l_i ≤ x_i ≤ u_i. Each
// dimension d of the [Policy] (participation mode, stakeholder group,
// regional group, gender or a custom label) sorts the speakers into groups g,
// with time X_g = Σ_{i∈g} x_i and a target share t_g: equal for each group
// present, proportional to headcount, or given. Each speaker has a fair share
// f_i = B/n. [Allocate] solves the linear programme
//
//	minimise    Σ_d w_d Σ_g |X_g − t_g·K_d|  +  w₀ Σ_i w_i·(|x_i − f_i| + (Steep−1)·max(0, |x_i − f_i| − s·f_i))
//	subject to  Σ_{i∈S} x_is = C_S for every speaking segment S,  x_i = Σ_S x_is,
//	            l_i ≤ x_i ≤ u_i,  x_is ≥ m_S,
//	            |X_g − t_g·K_d| ≤ tol_d·B for every group of a hard dimension
//
// where K_d is the time of the speakers who have a value in dimension d (B
// when everyone has one), w_d the dimension's weight, w₀ the policy's
// Fairness, w_i a speaker's weight, s the policy's Spread, C_S the speaking
// time of segment S, and m_S the least turn in it. The second term is the
// design's w₀ Σ|x_i − f_i| with a steeper slope, [Steep] times, beyond a band
// of s·f_i around the fair share, so that balancing the groups moves time
// between speakers without silencing anyone.
//
// Properties a caller can rely on, each proven by the package's tests:
//   - exact: every speech is a whole number of steps (Policy.Step, 30
//     seconds by default), and the speeches of a segment add up to its
//     speaking time exactly;
//   - optimal: before rounding, the objective is the optimum of the programme
//     above (checked against gonum's lp.Simplex on the full programme);
//   - bounded: bounds always hold; hard rules hold exactly before rounding
//     and within one step after;
//   - symmetric: speakers with the same groups, segments, bounds and weight
//     get the same time, within one step;
//   - order-independent and deterministic: permuting the people or the
//     order segments list them changes nothing but the order of the output;
//   - explained: a policy no allocation can meet gives an *[InfeasibleError]
//     naming the people, groups, segments and minutes in conflict and the
//     smallest change that would make it feasible.
//
// # How it is solved
//
// Group times depend only on the total of each type of speaker: those with
// the same group in every dimension and the same speaking segments. Within a
// type the cheapest split moves each speaker towards their fair share within
// their bounds, so a type's cost is a convex piecewise-linear function of its
// total with a few pieces. The programme therefore has a handful of variables
// per type, however many speakers there are, and is solved by a small
// bounded-variable simplex on a dense tableau (gonum's mat and floats);
// bounds are kept by the method, not as rows. The types' totals are rounded
// to steps segment by segment, repaired where rounding broke a bound or a
// hard rule, and split among the type's members.
//
// [Order] then orders each segment's turns to alternate onsite and online
// speakers and avoid consecutive speakers of one region or stakeholder
// group, and [Plan] lays the turns on the session's clock as an
// [agenda.RunOfShow].
//
// # Reports, checks and programmes
//
// [DraftReport] and [PlanReport] say who holds the floor, group by group,
// and list the imbalances found. [Check] tests a report against
// [Constraint] values, and [Presets] gives the IGF's rules as named sets of
// constraints, each naming the year and rule it encodes. [PlanProgramme]
// plans every session of an [agenda.Programme] on all cores, and
// [ForumReport] reports on the whole programme.
//
// # Limits
//
// Every function that takes a session first calls
// [agenda.Session.CheckSize], and refuses a session of more than
// agenda.MaxPeople people or agenda.MaxSegments segments with its
// *agenda.LimitError, matching agenda.ErrTooLarge; a speaking log holds at
// most [MaxLogEntries] entries. At the limits a plan takes a fraction of a
// second and tens of megabytes (see README.md).
package balance
