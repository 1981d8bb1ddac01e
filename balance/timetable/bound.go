package timetable

import (
	"math"
	"slices"
)

// bound returns a lower bound on the weighted objective of every timetable
// that keeps the hard rules: the weighted sum of a lower bound on each
// term, each from a relaxation that the package doc states.
func (m *model) bound() float64 {
	w := m.w
	b := 0.0
	// Diversity: a group's speakers, spread as evenly as whole people can
	// be over the slots, minimise the sum of squares of its counts.
	if w.Diversity > 0 {
		for d := range dims {
			if m.total[d] == 0 {
				continue
			}
			totals := make([]int64, m.nGroups[d])
			for i := range m.n {
				for _, g := range m.groups[i] {
					if int(g.dim) == d {
						totals[g.group] += int64(g.count)
					}
				}
			}
			var sq int64
			for _, t := range totals {
				sq += evenSquares(t, int64(m.S))
			}
			b += w.Diversity * float64(sq) / float64(m.total[d])
		}
	}
	// Themes: likewise, each theme's sessions spread evenly over the days.
	if w.Themes > 0 && m.pairs > 0 {
		totals := make([]int64, m.nThemes)
		for i := range m.n {
			for _, th := range m.themes[i] {
				totals[th]++
			}
		}
		var sq int64
		for _, t := range totals {
			sq += evenSquares(t, int64(m.days))
		}
		b += w.Themes * float64(sq) / float64(m.pairs)
	}
	total, worst := m.overflowBound()
	b += w.Overflow*float64(total) + w.Worst*float64(worst)
	// Hours and changes: each session in its best allowed slot, and every
	// session whose published cell is no longer allowed moved.
	var minutes, changes int64
	for i := range m.n {
		best := int64(math.MaxInt64)
		for k := range m.count(i) {
			c := m.cell(i, k)
			best = min(best, m.minutes[i*m.S+int(c)/m.R])
		}
		if best < math.MaxInt64 {
			minutes += best
		}
		if m.p.Published != nil && (m.pub[i] < 0 || !m.ok(i, m.pub[i])) {
			changes++
		}
	}
	return b + w.Hours*float64(minutes)/60 + w.Changes*float64(changes)
}

// evenSquares returns the least Σ x_k² over k < parts whole x_k ≥ 0 that
// sum to total.
func evenSquares(total, parts int64) int64 {
	if parts <= 0 {
		return 0
	}
	q, r := total/parts, total%parts
	return r*(q+1)*(q+1) + (parts-r)*q*q
}

// overflowBound returns lower bounds on the total and the worst overflow.
// Each is the larger of two relaxations: each session alone in its
// least-overflowing allowed room; and the largest sessions matched, in
// order, with the largest seats of the grid (every room in every slot),
// which, as the overflow max(0, a − c) is convex in a − c, minimises both
// the sum and the maximum over all matchings of sessions to seats.
func (m *model) overflowBound() (total, worst int64) {
	var alone, aloneWorst int64
	for i := range m.n {
		best := int64(math.MaxInt64)
		for k := range m.count(i) {
			c := m.cell(i, k)
			best = min(best, m.ovf[i*m.R+int(c)%m.R])
		}
		if best < math.MaxInt64 {
			alone += best
			aloneWorst = max(aloneWorst, best)
		}
	}
	if m.p.HardCapacity {
		return alone, aloneWorst // no session may overflow at all
	}
	attend := slices.Clone(m.attend)
	slices.SortFunc(attend, func(a, b int64) int { return int(sign(b - a)) })
	caps := make([]int64, 0, m.R)
	for _, r := range m.p.Rooms {
		c := int64(r.Capacity)
		if c == 0 {
			c = math.MaxInt64
		}
		caps = append(caps, c)
	}
	slices.SortFunc(caps, func(a, b int64) int { return int(sign(b - a)) })
	var matched, matchedWorst int64
	for i, a := range attend {
		room := i / max(m.S, 1) // the seats come S to a room, largest rooms first
		if room >= len(caps) {
			break
		}
		if o := a - caps[room]; o > 0 {
			matched += o
			matchedWorst = max(matchedWorst, o)
		}
	}
	return max(alone, matched), max(aloneWorst, matchedWorst)
}

func sign(x int64) int64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}
