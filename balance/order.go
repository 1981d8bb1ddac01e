package balance

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/penalty"
)

// Limits of the work spent on an order. Up to exactOrderLimit turns the order
// is optimal. Above, a greedy order is improved by local search up to
// localLimit turns; up to searchLimit turns the search also starts from every
// kind of first speaker and kicks the best order out of its local optimum
// kicks times.
const (
	exactOrderLimit = 12
	searchLimit     = 30
	localLimit      = 300
	kicks           = 40
)

// Order returns the speakers of one segment in the order that minimises the
// sum of the penalties of consecutive speakers (4 for the same mode in a
// segment with speakers of both, 2 for the same regional group, 1 for the
// same stakeholder group), with the people in first at the
// start and those in last at the end. Among equally good orders it returns
// the one whose names come first in [agenda.NameKey] order, so the result
// does not depend on the order of the input. Up to 12 speakers the order is
// optimal; above, it comes from a deterministic heuristic: greedy starts
// improved by swaps, reversals and moves, and seeded kicks. A nil entry is
// nobody, and is left out.
func Order(speakers []*agenda.Person, first, last []string) []*agenda.Person {
	return order(speakers, first, last, func(p *agenda.Person) string { return agenda.NameKey(p.Name) })
}

// order is [Order] with ties broken by tie instead of the name key: a plan
// of a session that is not attributed breaks them by the people's places in
// the session, so that the order of turns says nothing of the hidden names.
func order(speakers []*agenda.Person, first, last []string, tie func(*agenda.Person) string) []*agenda.Person {
	speakers = slices.DeleteFunc(slices.Clone(speakers), func(p *agenda.Person) bool { return p == nil })
	t := newTurnOrder(speakers, first, last, tie)
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

// turnOrder is the ordering problem of one segment.
type turnOrder struct {
	people   []*agenda.Person // sorted by the tie key, so ties go the same way whatever the input order
	class    []int            // per person: 0 pinned first, 1 free, 2 pinned last
	profile  []int            // per person: people with the same class, mode, region and stakeholder share one
	profiles int
	ppen     []int // profiles×profiles: the penalty of one profile right after another
}

func newTurnOrder(speakers []*agenda.Person, first, last []string, tie func(*agenda.Person) string) *turnOrder {
	n := len(speakers)
	keys := make(map[*agenda.Person]string, n) // the name keys, for First and Last
	ties := make(map[*agenda.Person]string, n)
	for _, p := range speakers {
		keys[p] = agenda.NameKey(p.Name)
		ties[p] = tie(p)
	}
	t := &turnOrder{people: slices.Clone(speakers), class: make([]int, n), profile: make([]int, n)}
	slices.SortFunc(t.people, func(a, b *agenda.Person) int { return strings.Compare(ties[a], ties[b]) })
	pinned := func(names []string) map[string]bool {
		set := map[string]bool{}
		for _, name := range names {
			set[agenda.NameKey(name)] = true
		}
		return set
	}
	firsts, lasts := pinned(first), pinned(last)
	modes := map[agenda.Mode]bool{}
	type profileKey struct {
		class                    int
		mode, region, stakholder string
	}
	ids := map[profileKey]int{}
	var reps []*agenda.Person // a person of each profile
	for j, p := range t.people {
		switch {
		case firsts[keys[p]]:
			t.class[j] = 0 // pinned both ways: first wins
		case lasts[keys[p]]:
			t.class[j] = 2
		default:
			t.class[j] = 1
		}
		if p.Mode != "" {
			modes[p.Mode] = true
		}
		key := profileKey{t.class[j], string(p.Mode), string(p.Region), string(p.Stakeholder)}
		id, ok := ids[key]
		if !ok {
			id = len(reps)
			ids[key] = id
			reps = append(reps, p)
		}
		t.profile[j] = id
	}
	t.profiles = len(reps)
	t.ppen = make([]int, t.profiles*t.profiles)
	for a, pa := range reps {
		for b, pb := range reps {
			t.ppen[a*t.profiles+b] = penalty.Of(pa, pb, len(modes) > 1)
		}
	}
	return t
}

// pen is the penalty of person j speaking right after person i.
func (t *turnOrder) pen(i, j int) int { return t.ppen[t.profile[i]*t.profiles+t.profile[j]] }

// cost is the penalty of an order.
func (t *turnOrder) cost(idx []int) int {
	c := 0
	for i := 1; i < len(idx); i++ {
		c += t.pen(idx[i-1], idx[i])
	}
	return c
}

// exact orders by dynamic programming over subsets: rest[mask·n+last] is the
// least penalty of placing everyone outside mask after last. Everyone pinned
// first comes before everyone else, everyone pinned last after everyone else.
func (t *turnOrder) exact() []int {
	n := len(t.people)
	if n == 0 {
		return nil
	}
	var firstMask, nonLastMask int
	for j := range n {
		if t.class[j] == 0 {
			firstMask |= 1 << j
		}
		if t.class[j] != 2 {
			nonLastMask |= 1 << j
		}
	}
	canFollow := func(mask, next int) bool {
		bit := 1 << next
		return mask&bit == 0 &&
			(t.class[next] == 0 || firstMask&^mask == 0) &&
			(t.class[next] != 2 || nonLastMask&^mask&^bit == 0)
	}
	const none = math.MaxInt32
	full := 1<<n - 1
	rest := make([]int32, (full+1)*n)
	for mask := full - 1; mask > 0; mask-- {
		for last := range n {
			if mask&(1<<last) == 0 {
				continue
			}
			best := int32(none)
			for next := range n {
				if !canFollow(mask, next) {
					continue
				}
				if r := rest[(mask|1<<next)*n+next]; r != none {
					best = min(best, int32(t.pen(last, next))+r)
				}
			}
			rest[mask*n+last] = best
		}
	}
	// Walk forward, taking the first person (in name order) on an optimal path.
	order := make([]int, 0, n)
	mask, prev := 0, -1
	for len(order) < n {
		best, pick := int32(none), -1
		for next := range n {
			if !canFollow(mask, next) || rest[(mask|1<<next)*n+next] == none {
				continue
			}
			c := rest[(mask|1<<next)*n+next]
			if prev >= 0 {
				c += int32(t.pen(prev, next))
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

// heuristic orders longer segments: a greedy order from each kind of first
// speaker (see greedy), each improved by local search (see improve), the
// cheapest kept, ties to the earliest start, and then kicked out of its
// local optimum and searched again a number of times.
func (t *turnOrder) heuristic() []int {
	n := len(t.people)
	var best []int
	bestCost := math.MaxInt
	tried := make([]bool, t.profiles)
	for start := range n {
		if tried[t.profile[start]] || !t.startable(start) {
			continue
		}
		tried[t.profile[start]] = true
		order := t.greedy(start)
		if n <= localLimit {
			t.improve(order)
		}
		if c := t.cost(order); c < bestCost {
			best, bestCost = order, c
		}
		if n > searchLimit {
			break
		}
	}
	if n <= searchLimit {
		// The random source has a fixed seed: the result is deterministic.
		rng := rand.New(rand.NewPCG(uint64(n), uint64(bestCost)))
		for range kicks {
			kicked := slices.Clone(best)
			t.kick(kicked, rng)
			t.improve(kicked)
			if c := t.cost(kicked); c < bestCost {
				best, bestCost = kicked, c
			}
		}
	}
	return best
}

// startable reports whether person j may speak first: they are pinned first,
// or nobody is.
func (t *turnOrder) startable(j int) bool {
	return t.class[j] == slices.Min(t.class)
}

// greedy builds an order from start, each next speaker the cheapest after
// the last among the people whose block has come; ties go to the profile
// with the most people still waiting, so that a large group is spread out
// rather than left to the end, then to the earlier profile. Within a
// profile, people come in name order. It takes O(n·profiles).
func (t *turnOrder) greedy(start int) []int {
	n := len(t.people)
	queue := make([][]int, t.profiles) // per profile: people waiting, in name order
	waiting := [3]int{}                // per class
	for j := range n {
		if j != start {
			queue[t.profile[j]] = append(queue[t.profile[j]], j)
			waiting[t.class[j]]++
		}
	}
	order := make([]int, 1, n)
	order[0] = start
	for len(order) < n {
		block := 0 // the earliest class with people waiting
		for waiting[block] == 0 {
			block++
		}
		last := order[len(order)-1]
		pick, bestPen, bestWaiting := -1, math.MaxInt, -1
		for p, q := range queue {
			if len(q) == 0 || t.class[q[0]] != block {
				continue
			}
			if c := t.ppen[t.profile[last]*t.profiles+p]; c < bestPen || (c == bestPen && len(q) > bestWaiting) {
				pick, bestPen, bestWaiting = p, c, len(q)
			}
		}
		j := queue[pick][0]
		queue[pick] = queue[pick][1:]
		waiting[block]--
		order = append(order, j)
	}
	return order
}

// improve lowers the penalty of order in place, while any of these helps:
// swapping two people, reversing a stretch, or moving one person elsewhere,
// each within a block.
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
				if t.class[order[i]] != t.class[order[j]] {
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
		// Reverse a stretch within one block; penalties are symmetric, so
		// only its two ends change.
		for i := range n {
			for j := i + 1; j < n && t.class[order[j]] == t.class[order[i]]; j++ {
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
			if j, ok := t.bestMove(order, i); ok {
				x := order[i]
				rest := slices.Delete(slices.Clone(order), i, i+1)
				copy(order, slices.Insert(rest, j, x))
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}

// bestMove returns where, in order without the person at i, putting them
// back lowers the penalty most, if anywhere does.
func (t *turnOrder) bestMove(order []int, i int) (int, bool) {
	n := len(order)
	x := order[i]
	at := func(k int) int { // position k of the order without x
		if k < i {
			return order[k]
		}
		return order[k+1]
	}
	removed := 0
	if i > 0 {
		removed += t.pen(order[i-1], x)
	}
	if i < n-1 {
		removed += t.pen(x, order[i+1])
	}
	if i > 0 && i < n-1 {
		removed -= t.pen(order[i-1], order[i+1])
	}
	bestGain, bestJ := 0, -1
	for j := 0; j < n; j++ { // before position j of the shortened order
		if j == i {
			continue // back where it was
		}
		gain := removed
		if j > 0 {
			y := at(j - 1)
			if t.class[y] > t.class[x] {
				continue
			}
			gain -= t.pen(y, x)
		}
		if j < n-1 {
			z := at(j)
			if t.class[z] < t.class[x] {
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
	return bestJ, bestJ >= 0
}

// kick moves a random stretch of order to a random place in the same block.
func (t *turnOrder) kick(order []int, rng *rand.Rand) {
	n := len(order)
	i := rng.IntN(n)
	j := i
	for j+1 < n && t.class[order[j+1]] == t.class[order[i]] && rng.IntN(3) > 0 {
		j++
	}
	stretch := slices.Clone(order[i : j+1])
	rest := slices.Concat(order[:i], order[j+1:])
	c := t.class[stretch[0]]
	var places []int // where the stretch may go in rest without leaving its block
	for k := 0; k <= len(rest); k++ {
		if (k == 0 || t.class[rest[k-1]] <= c) && (k == len(rest) || t.class[rest[k]] >= c) {
			places = append(places, k)
		}
	}
	k := places[rng.IntN(len(places))]
	copy(order, slices.Concat(rest[:k], stretch, rest[k:]))
}

// around is the penalty of the pairs that touch positions i < j.
func (t *turnOrder) around(order []int, i, j int) int {
	c := 0
	for _, k := range []int{i - 1, i, j - 1, j} {
		if k >= 0 && k+1 < len(order) && (k != j-1 || j-1 != i) {
			c += t.pen(order[k], order[k+1])
		}
	}
	return c
}
