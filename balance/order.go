package balance

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// The penalties of two consecutive speakers in a segment; the order of turns
// minimises their sum. Alternating onsite and online matters most.
const (
	PenaltyMode        = 4 // same mode, in a segment that has speakers of both
	PenaltyRegion      = 2 // same regional group
	PenaltyStakeholder = 1 // same stakeholder group
)

// exactOrderLimit is the most turns ordered exactly; longer segments are
// ordered by a heuristic.
const exactOrderLimit = 12

// turnOrder is the ordering problem of one segment.
type turnOrder struct {
	people []*agenda.Person // sorted by name key, so ties go the same way whatever the input order
	mixed  bool             // the segment has speakers of both modes
	first  []bool           // pinned first
	last   []bool           // pinned last
}

// Order returns the speakers of one segment in the order that minimises the
// sum of the penalties of consecutive speakers ([PenaltyMode],
// [PenaltyRegion], [PenaltyStakeholder]), with the people in first at the
// start and those in last at the end. Among equally good orders it returns
// the one whose names come first in [agenda.NameKey] order, so the result
// does not depend on the order of the input. Up to 12 speakers the order is
// optimal; above, it comes from a greedy start and pairwise swaps.
func Order(speakers []*agenda.Person, first, last []string) []*agenda.Person {
	t := newTurnOrder(speakers, first, last)
	var idx []int
	if len(t.people) <= exactOrderLimit {
		idx = t.exact()
	} else {
		idx = t.heuristic()
	}
	out := make([]*agenda.Person, len(idx))
	for i, j := range idx {
		out[i] = t.people[j]
	}
	return out
}

func newTurnOrder(speakers []*agenda.Person, first, last []string) *turnOrder {
	t := &turnOrder{people: append([]*agenda.Person(nil), speakers...)}
	keys := make(map[*agenda.Person]string, len(speakers))
	for _, p := range speakers {
		keys[p] = agenda.NameKey(p.Name)
	}
	slices.SortFunc(t.people, func(a, b *agenda.Person) int { return strings.Compare(keys[a], keys[b]) })
	pinned := func(names []string) []bool {
		set := map[string]bool{}
		for _, n := range names {
			set[agenda.NameKey(n)] = true
		}
		out := make([]bool, len(t.people))
		for i, p := range t.people {
			out[i] = set[keys[p]]
		}
		return out
	}
	t.first, t.last = pinned(first), pinned(last)
	for i := range t.last {
		t.last[i] = t.last[i] && !t.first[i] // pinned both ways: first wins
	}
	modes := map[agenda.Mode]bool{}
	for _, p := range t.people {
		if p.Mode != "" {
			modes[p.Mode] = true
		}
	}
	t.mixed = len(modes) > 1
	return t
}

// pen is the penalty of person j speaking right after person i.
func (t *turnOrder) pen(i, j int) int {
	a, b := t.people[i], t.people[j]
	c := 0
	if t.mixed && a.Mode != "" && a.Mode == b.Mode {
		c += PenaltyMode
	}
	if a.Region != "" && a.Region == b.Region {
		c += PenaltyRegion
	}
	if a.Stakeholder != "" && a.Stakeholder == b.Stakeholder {
		c += PenaltyStakeholder
	}
	return c
}

// cost is the penalty of an order.
func (t *turnOrder) cost(idx []int) int {
	c := 0
	for i := 1; i < len(idx); i++ {
		c += t.pen(idx[i-1], idx[i])
	}
	return c
}

// valid reports whether next may come now, given how many people pinned
// first and how many not pinned last are still waiting: everyone pinned first
// comes before everyone else, everyone pinned last after everyone else.
func (t *turnOrder) valid(firstLeft, nonLastLeft, next int) bool {
	return (t.first[next] || firstLeft == 0) && (!t.last[next] || nonLastLeft == 0)
}

// masks returns the bit sets of the people pinned first and not pinned last.
func (t *turnOrder) masks() (first, nonLast int) {
	for j := range t.people {
		if t.first[j] {
			first |= 1 << j
		}
		if !t.last[j] {
			nonLast |= 1 << j
		}
	}
	return first, nonLast
}

// exact orders by dynamic programming over subsets: rest[mask][last] is the
// least penalty of placing everyone outside mask after last.
func (t *turnOrder) exact() []int {
	n := len(t.people)
	if n == 0 {
		return nil
	}
	firstMask, nonLastMask := t.masks()
	canFollow := func(mask, next int) bool {
		return mask&(1<<next) == 0 &&
			t.valid(bits.OnesCount(uint(firstMask&^mask)), bits.OnesCount(uint(nonLastMask&^mask&^(1<<next))), next)
	}
	full := 1<<n - 1
	rest := make([][]int, 1<<n)
	for mask := full; mask > 0; mask-- {
		rest[mask] = make([]int, n)
		if mask == full {
			continue
		}
		for last := range n {
			if mask&(1<<last) == 0 {
				continue
			}
			best := math.MaxInt
			for next := range n {
				if !canFollow(mask, next) || rest[mask|1<<next][next] == math.MaxInt {
					continue
				}
				best = min(best, t.pen(last, next)+rest[mask|1<<next][next])
			}
			rest[mask][last] = best
		}
	}
	// Walk forward, taking the first person (in name order) on an optimal path.
	order := make([]int, 0, n)
	mask, prev := 0, -1
	for len(order) < n {
		best, pick := math.MaxInt, -1
		for next := range n {
			if !canFollow(mask, next) || rest[mask|1<<next][next] == math.MaxInt {
				continue
			}
			c := rest[mask|1<<next][next]
			if prev >= 0 {
				c += t.pen(prev, next)
			}
			if c < best {
				best, pick = c, next
			}
		}
		order = append(order, pick)
		mask |= 1 << pick
		prev = pick
	}
	return order
}

// Limits of the heuristic's work: above localLimit turns the greedy order is
// kept as it is; above multiStartLimit only one greedy start is tried and the
// order is not kicked; up to it, each start is kicked this many times.
const (
	localLimit      = 300
	multiStartLimit = 60
	kicks           = 30
)

// heuristic orders longer segments: a greedy order from each kind of first
// speaker (see greedy), each improved by local search (see improve), the
// cheapest kept, ties to the earliest start.
func (t *turnOrder) heuristic() []int {
	n := len(t.people)
	profile, profiles := t.profiles()
	var best []int
	bestCost := math.MaxInt
	tried := make([]bool, profiles)
	for start := range n {
		if tried[profile[start]] || !t.validStart(start) {
			continue
		}
		tried[profile[start]] = true
		order := t.greedy(start, profile, profiles)
		if n <= localLimit {
			t.improve(order)
		}
		if c := t.cost(order); c < bestCost {
			best, bestCost = order, c
		}
		if n <= multiStartLimit {
			// Kick the order out of its local optimum a few times, moving a
			// random stretch of a block elsewhere in it, and search again. The
			// random source has a fixed seed, so the result is deterministic.
			rng := rand.New(rand.NewPCG(uint64(n), uint64(start)))
			for range kicks {
				kicked := slices.Clone(best)
				t.kick(kicked, rng)
				t.improve(kicked)
				if c := t.cost(kicked); c < bestCost {
					best, bestCost = kicked, c
				}
			}
		}
		if n > multiStartLimit {
			break
		}
	}
	return best
}

// profiles numbers the combinations of mode, region and stakeholder: people
// with the same profile are interchangeable for the penalty.
func (t *turnOrder) profiles() ([]int, int) {
	profile := make([]int, len(t.people))
	ids := map[[3]string]int{}
	for j, p := range t.people {
		key := [3]string{string(p.Mode), string(p.Region), string(p.Stakeholder)}
		id, ok := ids[key]
		if !ok {
			id = len(ids)
			ids[key] = id
		}
		profile[j] = id
	}
	return profile, len(ids)
}

// validStart reports whether person j may speak first.
func (t *turnOrder) validStart(j int) bool {
	firstLeft, nonLastLeft := 0, 0
	for k := range t.people {
		firstLeft += btoi(t.first[k])
		nonLastLeft += btoi(!t.last[k] && k != j)
	}
	return t.valid(firstLeft, nonLastLeft, j)
}

// greedy builds an order from start, each next speaker the cheapest after
// the last; ties go to the profile with the most people still waiting, so
// that a large group is spread out rather than left to the end, then to name
// order.
func (t *turnOrder) greedy(start int, profile []int, profiles int) []int {
	n := len(t.people)
	used := make([]bool, n)
	waiting := make([]int, profiles)
	firstLeft, nonLastLeft := 0, 0
	for j := range n {
		waiting[profile[j]]++
		firstLeft += btoi(t.first[j])
		nonLastLeft += btoi(!t.last[j])
	}
	order := make([]int, 0, n)
	place := func(j int) {
		order = append(order, j)
		used[j] = true
		waiting[profile[j]]--
		firstLeft -= btoi(t.first[j])
		nonLastLeft -= btoi(!t.last[j])
	}
	place(start)
	for len(order) < n {
		pick, bestPen, bestWaiting := -1, math.MaxInt, -1
		last := order[len(order)-1]
		for j := range n {
			if used[j] || !t.valid(firstLeft, nonLastLeft-btoi(!t.last[j]), j) {
				continue
			}
			p, w := t.pen(last, j), waiting[profile[j]]
			if p < bestPen || (p == bestPen && w > bestWaiting) {
				pick, bestPen, bestWaiting = j, p, w
			}
		}
		place(pick)
	}
	return order
}

// kick moves a random stretch of order to a random place in the same block.
func (t *turnOrder) kick(order []int, rng *rand.Rand) {
	n := len(order)
	i := rng.IntN(n)
	j := i
	for j+1 < n && t.class(order[j+1]) == t.class(order[i]) && rng.IntN(3) > 0 {
		j++
	}
	stretch := slices.Clone(order[i : j+1])
	rest := slices.Concat(order[:i], order[j+1:])
	var places []int // where the stretch may go in rest without leaving its block
	for k := 0; k <= len(rest); k++ {
		if (k == 0 || t.class(rest[k-1]) <= t.class(stretch[0])) && (k == len(rest) || t.class(rest[k]) >= t.class(stretch[0])) {
			places = append(places, k)
		}
	}
	k := places[rng.IntN(len(places))]
	copy(order, slices.Concat(rest[:k], stretch, rest[k:]))
}

// class is a person's block: 0 pinned first, 1 free, 2 pinned last.
func (t *turnOrder) class(j int) int {
	switch {
	case t.first[j]:
		return 0
	case t.last[j]:
		return 2
	}
	return 1
}

// improve lowers the penalty of order in place by swapping two people and by
// moving one person elsewhere, within their block, while either helps.
func (t *turnOrder) improve(order []int) {
	n := len(order)
	edge := func(a, b int) int { // penalty between positions a and b, 0 off the ends
		if a < 0 || b >= n {
			return 0
		}
		return t.pen(order[a], order[b])
	}
	for pass := 0; pass < 50; pass++ {
		improved := false
		for i := range n {
			for j := i + 1; j < n; j++ {
				if t.class(order[i]) != t.class(order[j]) {
					continue
				}
				before := t.around(order, i, j)
				order[i], order[j] = order[j], order[i]
				if t.around(order, i, j) < before {
					improved = true
				} else {
					order[i], order[j] = order[j], order[i]
				}
			}
		}
		// Reverse a stretch within one block; only its two ends change.
		for i := range n {
			for j := i + 1; j < n && t.class(order[j]) == t.class(order[i]); j++ {
				before, after := edge(i-1, i)+edge(j, j+1), 0
				if i > 0 {
					after += t.pen(order[i-1], order[j])
				}
				if j < n-1 {
					after += t.pen(order[i], order[j+1])
				}
				if after < before {
					slices.Reverse(order[i : j+1])
					improved = true
				}
			}
		}
		for i := range n {
			x := order[i]
			removed := edge(i-1, i) + edge(i, i+1)
			if i > 0 && i < n-1 {
				removed -= t.pen(order[i-1], order[i+1])
			}
			// Positions in the order without x: k < i is order[k], k ≥ i is order[k+1].
			at := func(k int) int {
				if k < i {
					return order[k]
				}
				return order[k+1]
			}
			bestGain, bestJ := 0, -1
			for j := 0; j < n; j++ { // insert before position j of the shortened order
				if j == i {
					continue // back where it was
				}
				gain := removed
				if j > 0 {
					y := at(j - 1)
					if t.class(y) > t.class(x) {
						continue
					}
					gain -= t.pen(y, x)
				}
				if j < n-1 {
					z := at(j)
					if t.class(z) < t.class(x) {
						continue
					}
					gain -= t.pen(x, z)
				}
				if j > 0 && j < n-1 {
					gain += t.pen(at(j-1), at(j))
				}
				if gain > bestGain {
					bestGain, bestJ = gain, j
				}
			}
			if bestJ >= 0 {
				rest := append(append([]int(nil), order[:i]...), order[i+1:]...)
				copy(order, append(append(append([]int(nil), rest[:bestJ]...), x), rest[bestJ:]...))
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}

// around is the penalty of the pairs that touch positions i and j.
func (t *turnOrder) around(order []int, i, j int) int {
	c := 0
	for _, k := range []int{i - 1, i, j - 1, j} {
		if k >= 0 && k+1 < len(order) && (k != j-1 || j-1 != i) {
			c += t.pen(order[k], order[k+1])
		}
	}
	return c
}
