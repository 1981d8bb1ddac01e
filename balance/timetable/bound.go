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
	// Diversity: the larger of two bounds. A group's speakers spread as
	// evenly as whole people can be over the slots minimise the sum of
	// squares of its counts; and the sessions come whole, so the sum is at
	// least what each session's own speakers make, plus, as n sessions
	// share S slots, what the n − S sessions that pair most cheaply add
	// beside another.
	if w.Diversity > 0 {
		even := 0.0
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
			even += float64(sq) / float64(m.total[d])
		}
		b += w.Diversity * max(even, m.pairBound())
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

// pairBound returns a lower bound on D: each session's own speakers, Σ_i
// Σ_d Σ_g k_idg² / N_d, plus the cross terms 2 k_idg k_jdg / N_d of
// sessions i and j in one slot. In a slot, every session but the first
// pairs with the first at least, so at least n − S sessions each add at
// least their cheapest pairing with any other session.
func (m *model) pairBound() float64 {
	self := 0.0
	for i := range m.n {
		for _, g := range m.groups[i] {
			self += float64(g.count) * float64(g.count) / float64(m.total[g.dim])
		}
	}
	extra := m.n - m.S
	if extra <= 0 || m.n > maxPairBound {
		return self
	}
	// Each session's groups as a dense vector, for the cross products.
	offset := [dims]int{0, m.nGroups[0]}
	vec := make([]float64, m.n*(m.nGroups[0]+m.nGroups[1]))
	width := m.nGroups[0] + m.nGroups[1]
	for i := range m.n {
		for _, g := range m.groups[i] {
			vec[i*width+offset[g.dim]+int(g.group)] = float64(g.count)
		}
	}
	scale := make([]float64, width)
	for d := range dims {
		for g := range m.nGroups[d] {
			if m.total[d] > 0 {
				scale[offset[d]+g] = 2 / float64(m.total[d])
			}
		}
	}
	cheapest := make([]float64, m.n)
	for i := range m.n {
		cheapest[i] = math.Inf(1)
		for j := range m.n {
			if i == j {
				continue
			}
			c := 0.0
			for k := range width {
				c += vec[i*width+k] * vec[j*width+k] * scale[k]
			}
			cheapest[i] = min(cheapest[i], c)
		}
	}
	slices.Sort(cheapest)
	for _, c := range cheapest[:extra] {
		self += c
	}
	return self
}

// maxPairBound is the most sessions whose pairings pairBound weighs: it
// costs sessions² × groups.
const maxPairBound = 2000
