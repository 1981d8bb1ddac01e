// Package timetable places the sessions of a programme into rooms and time
// slots: no person in two places at once, every session in a slot and a
// room that suit it, and, among the timetables that keep these hard rules,
// one whose parallel sessions mix their speakers' regions and stakeholder
// groups, whose themes spread over the days, whose rooms seat their
// audience, whose online speakers are awake, and which moves few sessions
// of a published timetable.
//
// A [Problem] holds the programme, the rooms and the slots (a grid: every
// slot in every room), what each session needs ([Need]: attendance, themes,
// pins), when people are unavailable, the changeover buffer between rooms
// and the online speakers' comfortable hours. [Problem.Solve] returns a
// [Result]: the [Timetable], its [Cost] and a lower bound on the cost of any
// timetable, so that it says how far from the optimum it may be.
// [Problem.Apply] returns the programme with each session's room and start
// set, for the renderers and writers of schedules, and [Problem.Placements]
// reads a timetable back from such a programme. [Problem.Validate] lists
// every breach of a hard rule in any timetable, [Diff] the sessions two
// timetables place differently. People are identified across sessions as
// [agenda.Programme.Attendees] identifies them.
//
// # Hard rules
//
// Session i, of length ℓ_i, is placed in one cell (t, r), slot t and room r,
// and starts when t starts, at a_t; at most one session is in a cell, and
//   - ℓ_i ≤ the length of slot t, and t and r are the pinned ones if the
//     session is pinned;
//   - r takes online participants if any of the session's people takes part
//     online; with HardCapacity, r seats the session's expected attendance;
//   - nobody present in the session (everyone but those who only
//     organize) is unavailable during [a_t, a_t + ℓ_i); with HardHours, no
//     online person takes part outside their Hours where their Zone is;
//   - a person in sessions i at (t, r) and j at (u, q) is never in two
//     places at once: with b the Buffer if r ≠ q and 0 if r = q,
//     a_t + ℓ_i + b ≤ a_u or a_u + ℓ_j + b ≤ a_t; and likewise no two sessions
//     overlap in one room;
//   - nobody speaks in more than the programme's SessionsPerSpeaker
//     sessions (a rule of the programme, which no placing can mend).
//
// # Objective
//
// Among the timetables that keep the hard rules, Solve minimises
//
//	w_div·D + w_thm·Θ + w_ovf·O + w_max·O_max + w_hrs·H + w_chg·C
//
// with the weights of [Weights] and the terms of [Cost]:
//
//	D     = Σ_d (1/N_d) Σ_t Σ_g n_tdg²    d ∈ {region, stakeholder group}
//	Θ     = (1/M) Σ_θ Σ_δ m_θδ²
//	O     = Σ_i max(0, A_i − cap_r(i))    O_max = max_i max(0, A_i − cap_r(i))
//	H     = Σ_i Σ_{online p in i} hours of [a_t(i), a_t(i) + ℓ_i) outside p's comfortable hours, in p's Zone
//	C     = #{i : placed elsewhere than in the published timetable}
//
// where n_tdg counts the speakers of group g of dimension d in the sessions
// of slot t (a person counts once in each session they speak in), N_d =
// Σ_t Σ_g n_tdg is the number of such speaker appearances, m_θδ counts the
// sessions of theme θ on day δ, M = Σ m_θδ, A_i is the expected attendance
// and cap_r the room's capacity (0: unlimited). D is the mean, over the
// speakers, of the speakers of their own group beside them in the slot: the
// sum of squares is least when every slot mixes the groups as the whole
// programme does, and a slot whose speakers are nearly all of one group
// costs the most. Θ likewise is least when each theme spreads evenly over
// the days. Both are convex, so the search never trades one lopsided slot
// for two.
//
// # Solvers and the bound
//
// Every programme is first placed by local search (below); one of at most
// ExactUpTo sessions (20 by default) is then solved by branch and bound,
// from the local search's timetable as incumbent. The search is exact
// (Result.Exact) when it ends within its limit of work, about a second;
// otherwise the result is the best timetable found, and its Bound the
// better of the bound below and the search's at its root. Its optimum is
// checked against the enumeration of every timetable in the tests.
//
// When sessions in different slots bear on each other only through the
// speakers of each slot and the day, that is with no slots that overlap
// and no buffer longer than a gap between slots (and at most 64 sessions
// and rooms), the search places each session in a slot, the one with the
// fewest slots open first, and gives the sessions of each slot their
// rooms by the Hungarian method, which minimises O and the sessions moved
// to another room of their published slot (a session moved to another
// slot is a change whatever its room). O_max is no sum over slots, so it
// is searched by
// caps: for each cap W on every session's overflow, in increasing order,
// F(W) is the least cost of a timetable under the cap with O_max counted
// as W; F(W) is at least the cost of the timetable that gives it, and
// the optimum is its own F, so the least F over the caps is the optimum,
// and caps stop when w_max·W plus the bound without O_max reaches the
// best found. The bound at a node is Lagrangian. A column is a set of
// sessions that may share slot t (each allowed there, no person in
// common, a room for each under the cap) with its cost there: its
// w_div·Σ_d Σ_g n_dg²/N_d, its w_hrs·H and its least w_ovf·O + w_chg·C. With a
// price π_i on each session still to place, and the themes linearised as
// m² ≥ (2λ+1)·m − λ(λ+1) for whole m, at the water-filling levels λ of
// each theme's days (so that each session adds its share to its column),
//
//	L(π) = Σ_i π_i + Σ_t min_{column of t} (cost − Σ_{i in it} π_i) + const
//
// is at most the cost of every completion, whose columns cover each
// session once; subgradient steps on π raise it toward the linear
// relaxation of the set partitioning, and columns whose cost less prices
// exceeds their slot's least by the gap to the incumbent are dropped for
// the subtree. Empty slots of one day alike for every session still to
// place are tried once. On the tests' programmes of 20 sessions in 4
// rooms × 6 slots, the bound at the root is within 0.1% to 3% of the
// optimum, and the search proves the optimum in 400 to 14,000 nodes. When there are more than 100,000
// columns, the bound is instead an assignment of the sessions still to
// place to seats (t, k), the k-th free place of slot t, each paying its
// own speakers, its pairing with those placed in t, its hours there and
// its k cheapest pairings with sessions that may join it: in any
// completion the k-th session of a slot is paired with k others.
//
// Otherwise (slots that overlap, or a buffer longer than a gap) the
// search is over cells, the most constrained session first. Each term only grows as sessions are placed, so a partial
// timetable's cost, plus what each session still to place adds at least
// on its own into the counts as they stand, bounds every completion; so
// does the least sum of squares the counts can reach when the speakers
// still to place are poured, one by one, into the lowest (water-filling).
// Of rooms alike for every session still to place (the same rooms
// allowed, the same overflow), and of empty slots alike on one day, only
// the first empty one is tried, when there is no published timetable. It
// proves programmes of up to about 10 sessions in 16 cells within its
// limit.
//
// Larger programmes are placed greedily, the most constrained session first
// in its cheapest free cell (then by augmenting paths, if cells run short),
// improved by simulated annealing over moves and swaps with a pseudo-random
// sequence from Seed, and finished by steepest descent: the same problem
// and seed give the same timetable. A published timetable is the start, at
// a low temperature, so that a re-solve moves only what it must.
//
// The lower bound (Result.Bound) is the weighted sum of a bound on each
// term: for D and Θ, each group's speakers (each theme's sessions) spread as
// evenly as whole numbers can be over the slots (the days), which minimises
// a sum of squares of fixed total; for D also, if larger, the squares of
// each session's own speakers plus, as n sessions in S slots put at least
// n − S of them beside another, the n − S cheapest pairings; for O and O_max, the larger of each
// session alone in its least-overflowing allowed room and the largest
// sessions matched in order with the largest seats of the grid (which, the
// overflow being convex, minimises both); for H, each session in its best
// allowed slot; for C, the sessions whose published cell is no longer
// allowed.
//
// When no timetable can keep the hard rules, Solve returns an
// *[InfeasibleError] naming the sessions, people and slots in conflict and
// the smallest change that would help.
package timetable
