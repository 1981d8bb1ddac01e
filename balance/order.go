package balance

import (
	"math"
	"math/bits"
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

// heuristic orders greedily, each next speaker the cheapest after the last
// (ties to the one with the most like them still waiting, so that a large
// group is spread out rather than left to the end), then improves the order
// by swapping pairs while any swap lowers the penalty.
func (t *turnOrder) heuristic() []int {
	n := len(t.people)
	used := make([]bool, n)
	firstLeft, nonLastLeft := 0, 0
	for j := range n {
		firstLeft += btoi(t.first[j])
		nonLastLeft += btoi(!t.last[j])
	}
	profile := make([]int, n) // people with the same mode, region and stakeholder share a profile
	ids := map[[3]string]int{}
	var waiting []int // per profile: people not yet placed
	for j, p := range t.people {
		key := [3]string{string(p.Mode), string(p.Region), string(p.Stakeholder)}
		id, ok := ids[key]
		if !ok {
			id = len(waiting)
			ids[key] = id
			waiting = append(waiting, 0)
		}
		profile[j] = id
		waiting[id]++
	}
	alike := func(j int) int { return waiting[profile[j]] }
	order := make([]int, 0, n)
	for len(order) < n {
		pick, bestPen, bestAlike := -1, math.MaxInt, -1
		for j := range n {
			if used[j] || !t.valid(firstLeft, nonLastLeft-btoi(!t.last[j]), j) {
				continue
			}
			p := 0
			if len(order) > 0 {
				p = t.pen(order[len(order)-1], j)
			}
			if p < bestPen {
				pick, bestPen, bestAlike = j, p, alike(j)
			} else if p == bestPen {
				if a := alike(j); a > bestAlike {
					pick, bestAlike = j, a
				}
			}
		}
		order = append(order, pick)
		used[pick] = true
		waiting[profile[pick]]--
		firstLeft -= btoi(t.first[pick])
		nonLastLeft -= btoi(!t.last[pick])
	}
	if n > 500 {
		return order // swaps cost n² a pass; a greedy order is good enough at this size
	}
	for pass := 0; pass < 20; pass++ {
		improved := false
		for i := range n {
			for j := i + 1; j < n; j++ {
				if t.first[order[i]] != t.first[order[j]] || t.last[order[i]] != t.last[order[j]] {
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
		if !improved {
			break
		}
	}
	return order
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
