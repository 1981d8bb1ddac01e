// Package balance shares a session's speaking time fairly between its
// speakers and their groups, orders their turns, and lays the session out as
// a run-of-show.
//
// # What balanced means
//
// Fair starts with the person. The speakers i of a session share a speaking
// budget B, the speaking time of its speaking segments. Each has a fair
// share f_i = B·σ_i/Σ_j σ_j, where σ_i is the speaker's Limits.Share (1 by
// default, so that f_i = B/n; a keynote of share 2 has twice the others').
// Each dimension d of the [Policy] (participation mode, stakeholder group,
// regional group, gender or a custom label) sorts the speakers into groups
// g, with time X_g = Σ_{i∈g} x_i and a target T_g = t_g·K_d, where K_d is
// the time of the speakers with a value in the dimension and t_g the
// target share: by headcount (the group's Σα_i over the dimension's) by
// default for the mode, so that an online speaker gets on average what an
// onsite speaker gets; equal by default for every other dimension, each of
// the k groups present getting an equal part of the n_d speakers' ordinary
// shares and its members' shares beyond them, t_g = (n_d/k + Σ_{i∈g}(α_i −
// 1)) / Σ_{i∈d} α_i, which is 1/k when every share is 1 and keeps a
// keynote's larger share from counting against their groups; or given.
// The shares the targets count, α_i, are the σ_i, except that a share
// beyond 1 counts only as far as the speaker's upper bound lets them use
// it: α_i = min(σ_i, max(1, u_i/λ)) for σ_i > 1, where λ is the level
// nearest B/Σ_j σ_j at which Σ_j min(max(λ·σ_j, l_j), u_j) = B (α_i = σ_i
// if there is none). So a keynote capped below their fair share leaves
// what they cannot take to everyone, not to the others of their groups
// alone; any other bound still counts the speaker as their share of
// heads. A value outside a dimension's set, such as
// "Intergovernmental Organization" written as a region, takes no part in
// it. [Allocate] solves
//
//	minimise    Σ_i w₀·w_i·φ̃_i(x_i)  +  Σ_d w_d Σ_g |X_g − T_g|
//	subject to  Σ_{i∈S} x_iS = C_S for every speaking segment S,  x_i = Σ_S x_iS,
//	            l_i ≤ x_i ≤ u_i,  x_iS ≥ m_S,
//	            |X_g − T_g| ≤ tol_d·B for every group of a hard dimension
//
// in steps (Policy.Step), where w₀ is the policy's Fairness, w_i a
// speaker's Limits.Weight, w_d a dimension's Weight, C_S the speaking time
// of segment S, m_S its least turn and l_i, u_i the speaker's bounds. The
// cost of a deviation u = x − f_i, with band b_i = s·f_i (s the policy's
// Spread) and scale F_i = max(f_i, 1), is
//
//	quadratic (the default):  φ_i(x) = (u² + 100·(|u| − b_i)₊²) / F_i
//	linear:                   φ_i(x) = |u| + 9·(|u| − b_i)₊
//
// and φ̃_i is its piecewise-linear interpolation at the points l_i, u_i,
// c_i = min(max(f_i, l_i), u_i) and those of f_i ± δ within [l_i, u_i], for
// these distances δ on each side, whose reach R is the distance from f_i to the bound on that side
// (u_i − f_i above, f_i − l_i below), where positive:
//   - quadratic: with a = min(b_i, R) and n = 1 if 6a ≤ 1, else
//     min(64, ⌈6a − 10⁻⁷⌉), so that a float 6a of 4 + 10⁻¹⁵ makes 4
//     pieces: δ = j·a/n for j = 1…n; then, if a < R, with
//     h = max(a/n, 1): δ = a + j·h for j = 1…J, where J = min(512,
//     max(32, ⌊(2F_i − a)/h + 10⁻⁷⌋)) so that these even pieces reach
//     twice the scale from f_i, then seven more at widths 2h, 4h, 8h, …
//     (each twice the last), every δ below R; and δ = R;
//   - linear: δ = b_i if 0 < b_i < R, and δ = R.
//
// So inside the band a step away from the fair share costs about w₀·2|u|/F_i,
// growing with the distance: a correction is spread over many speakers
// rather than taken from one, each group's evenly over its members, and
// the optimum is unique to within a piece of φ̃: a sixth of a step, unless
// the band holds more than 64/6 steps. Beyond the band the cost rises a
// hundred times faster, so a preference for the groups moves no one past
// it; only a bound or a hard rule can. With the defaults (w₀ = 8, w_d = 1,
// s = 25%) a line-up's only speaker of an under-represented group gains
// about (n−1)/n · w_d/w₀ ≈ 10% of their fair share per dimension, and the
// others lose a little each. [Allocation] reports the objective before and
// after rounding, and explains each speaker's difference from their fair
// share.
//
// Properties a caller can rely on, each proven by the package's tests:
//   - exact: every speech is a whole number of steps (Policy.Step, 30
//     seconds by default), and the speeches of a segment add up to its
//     speaking time exactly;
//   - optimal: before rounding, the objective is the optimum of the programme
//     above (checked against gonum's lp.Simplex on the full programme, a
//     variable per speaker, segment and piece);
//   - bounded: bounds always hold; hard rules hold exactly before rounding,
//     and after rounding exactly whenever a whole-step plan meets them
//     (checked against every whole-step plan of small sessions), within
//     one step otherwise, and then as near their tolerance as moving a
//     step at a time brings them before the groups' preferences, though
//     not by pushing a speaker past their band;
//   - rounded well: the plan in whole steps is within one step per speaker
//     of a best whole-step plan (checked the same way);
//   - unique: the optimum does not depend on the solver's path, to within a
//     piece of φ̃ (a sixth of a step unless the band holds more than 64/6 steps),
//     checked by solving from another start;
//   - symmetric: speakers with the same groups, segments, bounds and weight
//     get the same time, within one step;
//   - even across segments: speakers who speak in the same segments split
//     their time across them alike, in proportion to their totals, to
//     within a step a segment;
//   - explained: each speaker's difference from the fair share is
//     [Speaker.Why], parts that add up to it;
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
// type the cheapest split fills every member's cheapest pieces first, so a
// type's cost is a convex piecewise-linear function of its total whose
// pieces are its members' merged. The programme therefore has one column
// per type (and one per segment of a type in several), however many
// speakers and pieces there are, and is solved by a small bounded-variable
// revised simplex, which keeps the inverse of its basis of a few dozen
// rows, and whose ratio test moves a column past the points of the convex
// costs for as long as the move pays (gonum's mat and floats, in package
// balance/internal/lp, which says how each solve ended); bounds are kept
// by the method, not as rows. A dimension's group rows, whose −t_g is in
// every known type's column, are given to it as their 1s and one rank-one
// term, −t_g times the dimension's known types, so that pricing a column
// reads a few entries rather than every group's row. Speakers of one
// fair share, band and weight share one list of pieces, each cut at their
// own bound, so that a type's cost is a list merged with a count per piece
// rather than every member's pieces sorted. The programmes that explain
// the deviations, with fewer dimensions, are solved on from the full
// optimum with those dimensions' rows freed, each a few pivots from the
// last. A programme of more
// than [MaxProgramme] cells is refused. The types' totals are rounded to
// steps segment by segment, repaired where rounding broke a bound or a hard
// rule (exactly if a step at a time can, within a step if not), improved a
// step at a time while the objective at whole steps falls, and split among
// the type's members. The objective counts totals only, so how a type's
// time falls across its segments is then chosen apart, as evenly as the
// totals allow: what each type has above its least turns is split in
// proportion to an equal part of each segment per member, scaled to the
// totals (iterative proportional fitting) and rounded keeping every total,
// and each member's share of a segment is in proportion to their total.
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
