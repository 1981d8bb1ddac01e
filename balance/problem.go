package balance

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// problem is a session and policy in the units the programme is solved in:
// steps of the policy's granularity.
type problem struct {
	s        *agenda.Session
	policy   Policy
	step     time.Duration
	fairness float64
	dims     []Dimension
	dropped  []Dimension

	segs     []segment // the speaking segments
	speakers []speaker // in the order of Session.People
	budget   int       // B in steps
	limits   []Limits  // per person of the session, if the policy sets any
	past     *past     // what was said before, when re-planning the rest of a session
	band     float64   // s, the spread band as a share of the fair share
	costs    []cost    // the speakers' costs, which [problem.price] sets
	work     work      // scratch space of the rounding
}

type segment struct {
	index    int           // in Session.Segments
	speakers []int         // indices into problem.speakers, in the order listed
	capacity int           // speaking time in steps
	minTurn  int           // steps each of its speakers gets at least
	kept     time.Duration // moderation and audience time, before rounding
}

type speaker struct {
	person             *agenda.Person
	index              int   // in Session.People
	segs               []int // indices into problem.segs
	kind               int   // index of the speaker's type (see [problem.kinds])
	groups             []string
	lo, hi             int           // bounds in steps
	room               int           // Σ capacity of their segments, steps: all they could have
	turns              int           // Σ least turns of their segments, steps
	weight             float64       // w_i
	share              float64       // the speaker's relative fair share: 1, or Limits.Share
	attainable         float64       // α_i, the share the targets count (see [problem.attain])
	fair               float64       // f_i in steps
	scale              float64       // the fair share of the whole session, which the band is taken of (f_i but in a re-plan)
	costIndex          int           // in problem.costs: speakers of the same cost, and so the same pieces, have the same
	minGiven, maxGiven time.Duration // the bounds the policy gives, before they are in steps
}

// newProblem resolves the policy against the session: the speaking
// segments, their speaking time, each speaker's bounds, and the dimensions.
// ps, if not nil, is what was said before, when re-planning the rest of a
// session.
func newProblem(s *agenda.Session, p Policy, ps *past) (*problem, error) {
	if s == nil {
		return nil, ErrNoSession
	}
	if err := s.CheckSize(); err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	pr := &problem{s: s, policy: p, past: ps, step: cmp.Or(p.Step, defaultStep), fairness: cmp.Or(p.Fairness, defaultFairness)}
	pr.resolveDimensions()

	// People are found by the session's roster, as every other part of
	// fairfloor finds them: a name of only spaces names nobody.
	roster := s.Roster()
	lookup := func(name string) (int, bool) {
		i := roster.Index(name)
		return i, i >= 0
	}
	if len(p.People) > 0 {
		pr.limits = make([]Limits, len(s.People))
		set := make([]bool, len(s.People))
		for name, l := range p.People {
			i, ok := lookup(name)
			if !ok || set[i] {
				return nil, peopleError(p, lookup)
			}
			set[i] = true
			pr.limits[i] = l
		}
	}
	for _, list := range [][]string{p.First, p.Last} {
		for _, name := range list {
			if _, ok := lookup(name); !ok {
				return nil, &PolicyError{Field: "First/Last", Value: name, Reason: "not among the session's people"}
			}
		}
	}

	// Speaking segments, and who speaks: speakers keep the order of Session.People.
	var speaking []int                     // indices of the speaking segments
	var listedBy [][]int                   // per speaking segment: the people it lists, as indices into s.People
	listings := make([]int, len(s.People)) // per person: the speaking segments that list them, at most
	for i, seg := range s.Segments {
		if len(seg.Speakers) == 0 || (p.Speaking != nil && !slices.Contains(p.Speaking, seg.Kind)) {
			continue
		}
		people := make([]int, len(seg.Speakers))
		for k, name := range seg.Speakers {
			pi, ok := lookup(name)
			if !ok {
				return nil, &SessionError{Field: fmt.Sprintf("segments[%d].speakers[%d]", i, k), Value: name, Reason: "not among the session's people"}
			}
			listings[pi]++
			people[k] = pi
		}
		speaking = append(speaking, i)
		listedBy = append(listedBy, people)
	}
	count, total := 0, 0
	for _, n := range listings {
		count += btoi(n > 0)
		total += n
	}
	pr.speakers = make([]speaker, 0, count)
	speakerOf := make([]int, len(s.People))
	segs := make([]int, total) // one store for everyone's segments, each with room for their listings
	for pi, n := range listings {
		speakerOf[pi] = -1
		if n > 0 {
			speakerOf[pi] = len(pr.speakers)
			pr.speakers = append(pr.speakers, speaker{person: &s.People[pi], index: pi, segs: segs[:0:n]})
			segs = segs[n:]
		}
	}
	listed := make([]int, len(pr.speakers)) // the last speaking segment, plus one, that listed each speaker
	for n, i := range speaking {
		seg := &s.Segments[i]
		sg := segment{index: i, speakers: make([]int, 0, len(listedBy[n]))}
		kept := p.Intro + p.Audience
		if ps != nil && i < len(ps.opened) && ps.opened[i] {
			kept = p.Audience // the segment under way, which its moderator has opened
		}
		for _, pi := range listedBy[n] {
			si := speakerOf[pi]
			if listed[si] == len(pr.segs)+1 {
				continue // named twice in one segment: one turn
			}
			listed[si] = len(pr.segs) + 1
			pr.speakers[si].segs = append(pr.speakers[si].segs, len(pr.segs))
			sg.speakers = append(sg.speakers, si)
			if pr.speakers[si].person.Mode == agenda.ModeOnline {
				kept += p.OnlineHandover
			} else {
				kept += p.Handover
			}
		}
		if kept > seg.Length {
			return nil, &InfeasibleError{
				Reason: fmt.Sprintf("segment %q is %s long, but its intro, hand-overs and audience questions take %s",
					seg.Title, timeslot.FormatLength(seg.Length), timeslot.FormatLength(kept)),
				Segments: []int{i}, Need: kept, Have: seg.Length,
				Fix: fmt.Sprintf("lengthen the segment by %s or keep less time for moderation", timeslot.FormatLength(kept-seg.Length)),
			}
		}
		sg.capacity = int((seg.Length - kept) / pr.step)
		sg.minTurn = int((p.MinTurn + pr.step - 1) / pr.step)
		if p.MinTurn == 0 {
			sg.minTurn = defaultMinTurn(sg.capacity, len(sg.speakers))
		}
		sg.kept = kept
		pr.segs = append(pr.segs, sg)
		pr.budget += sg.capacity
	}
	return pr, pr.resolveSpeakers()
}

// peopleError returns the first problem, in the order of the names, with
// the people policy p gives limits to: a name that is not among the
// session's people, or a second name of one of them.
func peopleError(p Policy, lookup func(string) (int, bool)) error {
	seen := make(map[int]string, len(p.People))
	for _, name := range slices.Sorted(maps.Keys(p.People)) {
		i, ok := lookup(name)
		if !ok {
			return &PolicyError{Field: "People", Value: name, Reason: "not among the session's people"}
		}
		if other, ok := seen[i]; ok {
			return &PolicyError{Field: "People", Value: other, Reason: fmt.Sprintf("the same person as %q", name)}
		}
		seen[i] = name
	}
	return nil
}

// defaultMinTurn is the least turn when the policy sets none: half an equal
// share of the segment's speaking time, and at least one step if there are
// enough steps for everyone.
func defaultMinTurn(capacity, speakers int) int {
	if capacity < speakers {
		return 0
	}
	return max(1, capacity/(2*speakers))
}

// resolveDimensions applies the format rule to the policy's dimensions,
// which [Policy.check] has checked: the mode is dropped from a session that
// is not hybrid.
func (pr *problem) resolveDimensions() {
	dims := pr.policy.Dimensions
	if dims == nil {
		dims = defaultDimensions()
	}
	for _, d := range dims {
		if d.By == ByMode && pr.s.Format != agenda.FormatHybrid {
			pr.dropped = append(pr.dropped, d)
			continue
		}
		pr.dims = append(pr.dims, d)
	}
}

// resolveSpeakers sets each speaker's groups, bounds, weight and fair
// share.
func (pr *problem) resolveSpeakers() error {
	spread := cmp.Or(pr.policy.Spread, defaultSpread)
	n, nd := len(pr.speakers), len(pr.dims)
	groups := make([]string, n*nd) // one allocation for everyone's groups
	shares := 0.0                  // Σ of the speakers' relative shares
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		sp.share = 1
		if pr.limits != nil {
			sp.share = cmp.Or(pr.limits[sp.index].Share, 1)
		}
		shares += sp.share
	}
	var conflicts []error
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		sp.groups = groups[i*nd : (i+1)*nd : (i+1)*nd]
		for d, dim := range pr.dims {
			// A value outside the dimension's set, such as a region that is
			// not a UN regional group, takes no part in its targets.
			if g := dim.groupOf(pr.s, sp.person); !dim.outsideSet(g) {
				sp.groups[d] = g
			}
		}
		var l Limits
		if pr.limits != nil {
			l = pr.limits[sp.index]
		}
		sp.minGiven, sp.maxGiven = cmp.Or(l.Min, pr.policy.Min), cmp.Or(l.Max, pr.policy.Max)
		sp.weight = cmp.Or(l.Weight, 1)
		for _, k := range sp.segs {
			sp.room += pr.segs[k].capacity
			sp.turns += pr.segs[k].minTurn
		}
		sp.lo = max(int((sp.minGiven+pr.step-1)/pr.step), sp.turns)
		sp.hi = sp.room
		if sp.maxGiven > 0 {
			sp.hi = min(sp.room, int(sp.maxGiven/pr.step))
		}
		if sp.lo > sp.hi {
			conflicts = append(conflicts, pr.boundConflict(sp))
			continue
		}
		f := float64(pr.budget) * sp.share / shares
		scale := f
		if pr.past != nil {
			// The fair share is of the whole session; what is left of it is
			// the fair share of the rest.
			scale = (float64(pr.budget) + pr.past.total) * sp.share / pr.past.shares
			f = scale - pr.past.spoken[agenda.NameKey(sp.person.Name)]
		}
		sp.fair, sp.scale = f, scale
	}
	pr.band = spread
	if len(conflicts) > 0 {
		return errors.Join(conflicts...)
	}
	if pr.past == nil { // a re-plan's targets are the whole session's
		pr.attain()
	}
	return nil
}

// price sets each speaker's cost around their fair share, the pieces the
// programme and the rounding work with. Only an allocation needs it; a
// report reads the speakers, groups and targets alone.
func (pr *problem) price() {
	// Speakers of the same cost, which most are, share its pieces: a
	// session's thousands of speakers have a few dozen costs at most.
	costs := newCosts(float64(pr.budget) + 1)
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		c := costs.of(deviation{linear: pr.policy.Deviation == linearDeviation, f: sp.fair, scale: max(sp.scale, 1), band: pr.band * sp.scale,
			w: pr.fairness * sp.weight, lo: float64(sp.lo), hi: float64(sp.hi)})
		sp.costIndex = c.index
	}
	pr.costs = costs.list
}

// cost returns speaker i's cost: their clamped fair share c_i, the cost
// there, and the pieces to either side.
func (pr *problem) cost(i int) *cost { return &pr.costs[pr.speakers[i].costIndex] }

// finite reports whether x is a finite number, not negative.
func finite(x float64) bool { return x >= 0 && !math.IsInf(x, 0) }

// steps converts a number of steps to a duration.
func (pr *problem) steps(n float64) time.Duration {
	return time.Duration(math.Round(n * float64(pr.step)))
}
