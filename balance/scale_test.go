package balance_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// scaleSeed and scaleCases fix the sessions TestPlanAtScale plans: case i
// is drawn by scaleCase from rand.NewPCG(scaleSeed, i).
const (
	scaleSeed  = 20260611
	scaleCases = 1000
)

// TestPlanAtScale plans a thousand random sessions, from two speakers to
// 150, under random policies (see scaleCase), and checks for each what the
// package documentation promises:
//   - exact: the speeches add up to the speaking budget, every segment's to
//     its speaking time, in whole steps, and the run-of-show fills every
//     segment turn by turn;
//   - bounded: every speaker is within their bounds, every turn at least the
//     least turn, every hard rule within one step of its tolerance;
//   - symmetric: speakers with the same groups, segments, bounds and weight
//     are within one step of each other;
//   - order-independent: permuting the people, the names in each segment
//     and the pins permutes the allocation and changes nothing else, and
//     gives the same run-of-show, turn by turn;
//   - explained: a case that cannot be planned fails with ErrInfeasible, a
//     *PolicyError or a *SessionError, never a panic, and its permutation
//     fails the same way.
//
// Each case is a parallel subtest, so that the race detector also sees
// plans made at the same time: go test -run 'TestPlanAtScale/case/^0042$'
// reruns case 42 alone.
func TestPlanAtScale(t *testing.T) {
	var ran, feasible, infeasible, pairs, paired atomic.Int64
	t.Run("case", func(t *testing.T) {
		for i := range scaleCases {
			t.Run(fmt.Sprintf("%04d", i), func(t *testing.T) {
				t.Parallel()
				ran.Add(1)
				rng := rand.New(rand.NewPCG(scaleSeed, uint64(i)))
				s, p := scaleCase(rng)
				c := scaleCheck{T: t, id: fmt.Sprintf("case %d (seed %d, %d; rerun alone with -run 'TestPlanAtScale/case/^%04d$')", i, scaleSeed, i, i)}
				ros, al, err := c.plan(s, p)
				shuffled, sp := permuteCase(rng, s, p)
				ros2, al2, err2 := c.plan(shuffled, sp)
				if err != nil {
					infeasible.Add(1)
					c.checkError(err, err2)
					return
				}
				feasible.Add(1)
				if err2 != nil {
					c.Fatalf("%s: the session plans, its permutation fails: %v", c.id, err2)
				}
				ref := newReference(s, p)
				c.checkExact(s, ref, ros, al)
				c.checkBounds(ref, al)
				if n := c.checkSymmetric(ref, al); n > 0 {
					pairs.Add(int64(n))
					paired.Add(1)
				}
				c.checkPermuted(shuffled, ros, al, ros2, al2)
			})
		}
	})
	t.Logf("%d cases: %d planned, %d infeasible or refused; %d pairs of interchangeable speakers in %d cases",
		ran.Load(), feasible.Load(), infeasible.Load(), pairs.Load(), paired.Load())
	if ran.Load() < scaleCases {
		return // some cases rerun alone
	}
	if feasible.Load() < scaleCases*3/4 {
		t.Errorf("only %d of %d cases planned; the generator needs tuning", feasible.Load(), scaleCases)
	}
	if paired.Load() < scaleCases/4 {
		t.Errorf("only %d cases have interchangeable speakers; the generator needs tuning", paired.Load())
	}
}

// scaleCheck checks one case of TestPlanAtScale; id names the case in every
// failure.
type scaleCheck struct {
	*testing.T
	id string
}

// plan is balance.Plan, with a panic turned into a failure of the case.
func (c scaleCheck) plan(s *agenda.Session, p balance.Policy) (ros *agenda.RunOfShow, al *balance.Allocation, err error) {
	c.Helper()
	defer func() {
		if r := recover(); r != nil {
			c.Fatalf("%s: Plan panics: %v\n%s", c.id, r, debug.Stack())
		}
	}()
	return balance.Plan(s, p)
}

// checkError checks that err, the error of a case, and err2, that of its
// permutation, are the same error of a kind the package documents.
func (c scaleCheck) checkError(err, err2 error) {
	c.Helper()
	var pol *balance.PolicyError
	var ses *balance.SessionError
	if !errors.Is(err, balance.ErrInfeasible) && !errors.As(err, &pol) && !errors.As(err, &ses) {
		c.Errorf("%s: %v (%T), want ErrInfeasible, a *PolicyError or a *SessionError", c.id, err, err)
	}
	if err2 == nil {
		c.Fatalf("%s: the session fails (%v), its permutation plans", c.id, err)
	}
	// Errors joined, one per speaker in conflict, come in the order of the
	// people: permuting them permutes the lines.
	lines := func(err error) []string { return slices.Sorted(strings.Lines(err.Error() + "\n")) }
	if diff := gocmp.Diff(lines(err), lines(err2)); diff != "" {
		c.Errorf("%s: permuting the input changed the error (-want +got):\n%s", c.id, diff)
	}
}

// checkExact checks that the allocation adds up to the budget in whole
// steps, every segment's speeches to its speaking time, and that the
// run-of-show fills every segment, its speeches those of the allocation.
func (c scaleCheck) checkExact(s *agenda.Session, ref *reference, ros *agenda.RunOfShow, al *balance.Allocation) {
	c.Helper()
	step := ref.step
	if al.Step != step || al.Budget != time.Duration(ref.budget)*step {
		c.Errorf("%s: budget %v in steps of %v, want %v in steps of %v", c.id, al.Budget, al.Step, time.Duration(ref.budget)*step, step)
	}
	var total time.Duration
	for _, sh := range al.Speakers {
		total += sh.Time
		if sh.Time%step != 0 {
			c.Errorf("%s: %s has %v, not whole steps of %v", c.id, sh.Name, sh.Time, step)
		}
	}
	if total != al.Budget {
		c.Errorf("%s: the speakers have %v in all, the budget is %v", c.id, total, al.Budget)
	}
	if len(al.Segments) != len(ref.segs) {
		c.Fatalf("%s: %d speaking segments, want %d", c.id, len(al.Segments), len(ref.segs))
	}
	speech := map[int]map[string]time.Duration{} // per segment, per name
	for k, seg := range al.Segments {
		if want := time.Duration(ref.segs[k].capacity) * step; seg.Speaking != want {
			c.Errorf("%s: segment %d has %v of speaking time, want %v", c.id, seg.Segment, seg.Speaking, want)
		}
		var sum time.Duration
		speech[seg.Segment] = map[string]time.Duration{}
		for _, sh := range seg.Speakers {
			sum += sh.Time
			speech[seg.Segment][sh.Name] = sh.Time
		}
		if sum != seg.Speaking {
			c.Errorf("%s: segment %d's speeches add up to %v, not its %v", c.id, seg.Segment, sum, seg.Speaking)
		}
	}
	if len(ros.Segments) != len(s.Segments) {
		c.Fatalf("%s: the run-of-show has %d segments, the session %d", c.id, len(ros.Segments), len(s.Segments))
	}
	var spoken time.Duration
	for i, seg := range ros.Segments {
		at, turns := seg.Span.Start, map[string]time.Duration{}
		for _, turn := range seg.Turns {
			if !turn.Start.Equal(at) || turn.Length() < 0 {
				c.Errorf("%s: segment %d: a %s turn of %s at %v–%v, want a start at %v", c.id, i, turn.Kind, turn.Person, turn.Start, turn.End, at)
			}
			at = turn.End
			if turn.Kind == "speech" {
				turns[turn.Person] += turn.Length()
				spoken += turn.Length()
			}
		}
		if !at.Equal(seg.Span.End) || seg.Span.Length() != s.Segments[i].Length {
			c.Errorf("%s: segment %d: turns end at %v, the span %v–%v, its length %v", c.id, i, at, seg.Span.Start, seg.Span.End, s.Segments[i].Length)
		}
		if diff := gocmp.Diff(speech[i], turns); diff != "" && (len(speech[i]) > 0 || len(turns) > 0) {
			c.Errorf("%s: segment %d: the run-of-show's speeches differ from the allocation (-want +got):\n%s", c.id, i, diff)
		}
	}
	if spoken != al.Budget {
		c.Errorf("%s: the run-of-show's speeches add up to %v, the budget is %v", c.id, spoken, al.Budget)
	}
}

// checkBounds checks every speaker's bounds, the least turn in every
// segment, and the hard rules, worked out from the reference programme.
func (c scaleCheck) checkBounds(ref *reference, al *balance.Allocation) {
	c.Helper()
	step := ref.step
	steps := map[string]int{}
	for _, sh := range al.Speakers {
		steps[sh.Name] = int(sh.Time / step)
	}
	if len(steps) != len(ref.speakers) {
		c.Errorf("%s: %d speakers, want %d", c.id, len(steps), len(ref.speakers))
	}
	x := make([]float64, len(ref.speakers))
	for i, sp := range ref.speakers {
		got, ok := steps[sp.name]
		if !ok {
			c.Errorf("%s: %s speaks but has no share", c.id, sp.name)
		}
		if got < sp.lo || got > sp.hi {
			c.Errorf("%s: %s has %v, outside %v–%v", c.id, sp.name, time.Duration(got)*step, time.Duration(sp.lo)*step, time.Duration(sp.hi)*step)
		}
		x[i] = float64(got)
	}
	for k, seg := range al.Segments {
		least := time.Duration(ref.segs[k].minTurn) * step
		for _, sh := range seg.Speakers {
			if sh.Time < least {
				c.Errorf("%s: %s has %v in segment %d, under the least turn %v", c.id, sh.Name, sh.Time, seg.Segment, least)
			}
		}
	}
	for _, row := range ref.rows {
		dim := ref.dims[row.dim]
		if !dim.Hard {
			continue
		}
		group, known := 0.0, 0.0
		for i, sp := range ref.speakers {
			if g := sp.groups[row.dim]; g != "" {
				known += x[i]
				if g == row.group {
					group += x[i]
				}
			}
		}
		if off, allowed := math.Abs(group-row.target*known), dim.Tolerance*float64(ref.budget)+1; off > allowed+1e-9 {
			c.Errorf("%s: %s %s has %v against a target of %v, %.2f steps off where %.2f are allowed", c.id, dim.Name(), row.group,
				time.Duration(group)*step, time.Duration(row.target*known*float64(step)), off, allowed)
		}
	}
}

// checkSymmetric checks that speakers with the same groups, segments,
// bounds and weight are within one step of each other, and returns how many
// pairs it compared.
func (c scaleCheck) checkSymmetric(ref *reference, al *balance.Allocation) int {
	c.Helper()
	times := map[string]time.Duration{}
	for _, sh := range al.Speakers {
		times[sh.Name] = sh.Time
	}
	alike := map[string][]string{}
	var keys []string
	for i, sp := range ref.speakers {
		var segs []int
		for k, seg := range ref.segs {
			if slices.Contains(seg.speakers, i) {
				segs = append(segs, k)
			}
		}
		key := fmt.Sprintf("%d %d %g %g %q %v", sp.lo, sp.hi, sp.weight, sp.share, sp.groups, segs)
		if alike[key] == nil {
			keys = append(keys, key)
		}
		alike[key] = append(alike[key], sp.name)
	}
	pairs := 0
	for _, key := range keys {
		names := alike[key]
		pairs += len(names) * (len(names) - 1) / 2
		lo, hi := names[0], names[0]
		for _, name := range names {
			if times[name] < times[lo] {
				lo = name
			}
			if times[name] > times[hi] {
				hi = name
			}
		}
		if times[hi]-times[lo] > ref.step {
			c.Errorf("%s: %s has %v, %s %v, though they are interchangeable (%s)", c.id, lo, times[lo], hi, times[hi], key)
		}
	}
	return pairs
}

// checkPermuted checks that the plan of the permuted session is the plan
// of the session, permuted: the same allocation by name, in the order of the
// permuted people, and the same run-of-show turn by turn.
func (c scaleCheck) checkPermuted(shuffled *agenda.Session, ros *agenda.RunOfShow, al *balance.Allocation, ros2 *agenda.RunOfShow, al2 *balance.Allocation) {
	c.Helper()
	var order []string // the speakers in the order of the permuted people
	speaks := map[string]bool{}
	for _, sh := range al.Speakers {
		speaks[sh.Name] = true
	}
	for _, person := range shuffled.People {
		if speaks[person.Name] {
			order = append(order, person.Name)
		}
	}
	var got []string
	for _, sh := range al2.Speakers {
		got = append(got, sh.Name)
	}
	if diff := gocmp.Diff(order, got); diff != "" {
		c.Errorf("%s: the permuted allocation is not in the order of the permuted people (-want +got):\n%s", c.id, diff)
	}
	if diff := scaleDiff(byName(al), byName(al2)); diff != "" {
		c.Errorf("%s: permuting the input changed the allocation (-want +got):\n%s", c.id, diff)
	}
	if diff := scaleDiff(ros.Segments, ros2.Segments); diff != "" {
		c.Errorf("%s: permuting the input changed the run-of-show (-want +got):\n%s", c.id, diff)
	}
	if diff := scaleDiff(ros.Unplanned, ros2.Unplanned); diff != "" {
		c.Errorf("%s: permuting the input changed the time left unplanned (-want +got):\n%s", c.id, diff)
	}
}

// scaleDiff is cmp.Diff, skipped where reflect.DeepEqual already finds a
// and b equal: a run-of-show of 150 speakers is thousands of times, and
// go-cmp's reflection is slow under the race detector.
func scaleDiff[T any](a, b T) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	return gocmp.Diff(a, b)
}

// byName returns a copy of al with its speakers, and every segment's, in
// name order, so that allocations of permuted sessions compare equal.
func byName(al *balance.Allocation) *balance.Allocation {
	out := *al
	less := func(a, b balance.Speaker) int { return strings.Compare(a.Name, b.Name) }
	out.Speakers = slices.SortedFunc(slices.Values(al.Speakers), less)
	out.Segments = slices.Clone(al.Segments)
	for k := range out.Segments {
		out.Segments[k].Speakers = slices.SortedFunc(slices.Values(out.Segments[k].Speakers), less)
	}
	return &out
}

// permuteCase returns a copy of s with its people, and the names in each
// segment, shuffled, and p with its pins shuffled.
func permuteCase(rng *rand.Rand, s *agenda.Session, p balance.Policy) (*agenda.Session, balance.Policy) {
	shuffle := func(list []string) []string {
		list = slices.Clone(list)
		rng.Shuffle(len(list), func(a, b int) { list[a], list[b] = list[b], list[a] })
		return list
	}
	out := *s
	out.People = slices.Clone(s.People)
	rng.Shuffle(len(out.People), func(a, b int) { out.People[a], out.People[b] = out.People[b], out.People[a] })
	out.Segments = slices.Clone(s.Segments)
	for k := range out.Segments {
		out.Segments[k].Speakers = shuffle(out.Segments[k].Speakers)
	}
	p.First, p.Last = shuffle(p.First), shuffle(p.Last)
	return &out, p
}
