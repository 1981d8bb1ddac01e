package balance

import (
	"cmp"
	"slices"
)

// attain sets each speaker's attainable share α_i, the relative share the
// targets count (see the package documentation): σ_i, except that a share
// beyond 1, a keynote's, counts only as far as the speaker's upper bound
// lets them use it, α_i = min(σ_i, max(1, u_i/λ)), where λ is the level at
// which the budget is shared, every speaker having λ·σ_i held within their
// bounds (see [waterLevel]). Without it, a keynote capped below their fair
// share would leave what they cannot take to the others of their groups
// alone: under the hard headcount rule, every onsite panelist beside a
// capped onsite keynote would gain it, while the online speakers kept their
// fair share. Any other bound changes no target: the speaker still counts
// as their share of heads, so that the average speaker of each mode has
// the same, and a cap that keeps a whole group from its target is an
// infeasibility the error names. When no level meets the budget (the
// bounds cannot add up to it, and the programme is infeasible) α_i = σ_i.
func (pr *problem) attain() {
	budget, shares, keynotes := float64(pr.budget), 0.0, false
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		sp.attainable = sp.share
		shares += sp.share
		keynotes = keynotes || sp.share > 1
	}
	if !keynotes || budget == 0 {
		return
	}
	level := budget / shares // the plain level, unless a bound holds someone
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		if x := level * sp.share; x < float64(sp.lo) || x > float64(sp.hi) {
			var ok bool
			if level, ok = waterLevel(pr.speakers, budget, level); !ok || level <= 0 {
				return
			}
			break
		}
	}
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		if sp.share > 1 {
			sp.attainable = min(sp.share, max(1, float64(sp.hi)/level))
		}
	}
}

// waterLevel returns the level λ > 0 nearest plain at which
// Σ_i min(max(λ·σ_i, l_i), u_i) is the budget, and whether there is one:
// there is when Σ l_i ≤ B ≤ Σ u_i, which the bounds, whole steps, decide
// exactly. The sum rises piecewise linearly with λ, its slope the shares
// of the speakers no bound holds; the levels that meet the budget are found
// by walking the points where a speaker's bound stops or starts holding,
// in order. They are one level unless every speaker is held there, and
// then a stretch, of which the level nearest plain is taken. The sum is
// carried from point to point, so it is compared to within a tolerance:
// when the maximums add up to the budget exactly, it may end a rounding
// error short of it.
func waterLevel(speakers []speaker, budget, plain float64) (float64, bool) {
	type event struct {
		at    float64 // the level
		slope float64 // the change of slope there: +σ_i as a lower bound stops holding, −σ_i as an upper one starts
	}
	events := make([]event, 0, 2*len(speakers))
	lows, highs := 0, 0
	for i := range speakers {
		sp := &speakers[i]
		lows, highs = lows+sp.lo, highs+sp.hi
		events = append(events, event{float64(sp.lo) / sp.share, sp.share}, event{float64(sp.hi) / sp.share, -sp.share})
	}
	if budget < float64(lows) || budget > float64(highs) {
		return 0, false
	}
	// A total order, so that the sum is carried alike whatever the order
	// of the speakers.
	slices.SortFunc(events, func(a, b event) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.slope, b.slope)) })
	tol := 1e-9 * max(1, budget)
	sum, level, slope := float64(lows), 0.0, 0.0 // at level 0, every speaker at their lower bound
	first := -1.0                                // the least level that meets the budget, once found
	for k := 0; k < len(events); {
		at := events[k].at
		if first < 0 && slope > tol && sum+slope*(at-level) > budget+tol {
			return level + (budget-sum)/slope, true // inside a rise: the only level
		}
		sum += slope * (at - level)
		level = at
		for ; k < len(events) && events[k].at == at; k++ {
			slope += events[k].slope
		}
		if first < 0 && sum >= budget-tol {
			first = level
		}
		if first >= 0 && slope > tol {
			return min(max(plain, first), level), true
		}
	}
	if first < 0 {
		first = level // the last point, where every maximum holds and the sum is Σ u_i = B
	}
	return max(plain, first), true
}
