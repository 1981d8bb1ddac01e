package balance

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// result assembles the Allocation from the rounded steps, and checks, as a
// last line of defence, that the rounding kept every bound and hard rule.
func (pr *problem) result(sol *solved, r rounding) (*Allocation, error) {
	al := &Allocation{
		Budget: time.Duration(pr.budget) * pr.step, Step: pr.step,
		Dropped: pr.dropped, Objective: sol.objective * pr.step.Seconds(),
		Speakers: make([]Speaker, len(pr.speakers)), Segments: make([]SegmentShare, len(pr.segs)),
	}
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		al.Speakers[i] = Speaker{Name: sp.person.Name, Time: time.Duration(r.people[i]) * pr.step, Fair: pr.steps(sp.fair)}
		if r.people[i] < sp.lo || r.people[i] > sp.hi {
			return nil, &InfeasibleError{
				Reason: fmt.Sprintf("rounding to steps of %s gives %s %s, outside %s–%s",
					timeslot.FormatLength(pr.step), sp.person.Name, timeslot.FormatLength(al.Speakers[i].Time),
					timeslot.FormatLength(time.Duration(sp.lo)*pr.step), timeslot.FormatLength(time.Duration(sp.hi)*pr.step)),
				People: []string{sp.person.Name},
				Fix:    "use a smaller Step",
			}
		}
	}
	turns := 0
	for _, sg := range pr.segs {
		turns += len(sg.speakers)
	}
	store := make([]Speaker, turns) // one allocation for every segment's speakers
	for si, sg := range pr.segs {
		share := SegmentShare{Segment: sg.index, Speaking: time.Duration(sg.capacity) * pr.step}
		share.Speakers, store = store[:len(sg.speakers):len(sg.speakers)], store[len(sg.speakers):]
		for n, i := range sg.speakers {
			steps := r.turns[i][slices.Index(pr.speakers[i].segs, si)]
			share.Speakers[n] = Speaker{Name: pr.speakers[i].person.Name, Time: time.Duration(steps) * pr.step}
		}
		al.Segments[si] = share
	}
	group, known := pr.groupSteps(sol, r.total)
	for d, dim := range pr.dims {
		bal := Balance{Dimension: dim}
		for ri, row := range sol.rows {
			if row.dim != d {
				continue
			}
			bal.Counted += row.count
			steps, all := group[ri], known[d]
			if pr.past != nil { // the groups' times include what was said before
				steps += pr.past.group[ri]
				all += pr.past.known[ri]
			}
			g := Group{Group: row.group, Speakers: row.count, TargetTime: pr.steps(row.target * all)}
			g.Time = pr.steps(steps)
			if dim.Hard && math.Abs(steps-row.target*all) > dim.Tolerance*float64(pr.budget)+1+eps {
				return nil, &InfeasibleError{
					Reason: fmt.Sprintf("rounding to steps of %s gives %s %s %s against a target of %s ± %s",
						timeslot.FormatLength(pr.step), dim.Name(), row.group, timeslot.FormatLength(g.Time),
						timeslot.FormatLength(g.TargetTime), timeslot.FormatLength(pr.steps(dim.Tolerance*float64(pr.budget)))),
					Groups: []string{dim.Name() + " " + row.group},
					Fix:    "use a smaller Step or a larger Tolerance",
				}
			}
			bal.Groups = append(bal.Groups, g)
		}
		pr.leftOut(&bal, d, r.people)
		al.Balance = append(al.Balance, bal)
	}
	return al, nil
}

// leftOut adds to bal, the balance of dimension d for speakers of steps,
// the speakers its rows leave out: the groups whose value is outside the
// dimension's set, and the speakers with no value. In a re-plan they are
// the whole session's, with what they said before.
func (pr *problem) leftOut(bal *Balance, d int, steps []int) {
	dim := pr.dims[d]
	var outside []outsideGroup
	unknown, unknownSteps := 0, 0.0
	if pr.past != nil {
		outside = slices.Clone(pr.past.outside[d])
		unknown, unknownSteps = pr.past.unknown[d], pr.past.unknownSteps[d]
	}
	count := btoi(pr.past == nil) // a re-plan's speakers are counted among the whole session's
	for i := range pr.speakers {
		switch g := dim.groupOf(pr.s, pr.speakers[i].person); {
		case g == "":
			unknown += count
			unknownSteps += float64(steps[i])
		case dim.outsideSet(g):
			outside = addOutside(outside, g, count, float64(steps[i]))
		}
	}
	for _, o := range outside {
		bal.Groups = append(bal.Groups, Group{Group: o.group, Speakers: o.speakers, Time: pr.steps(o.steps), Outside: true})
	}
	if len(outside) > 0 {
		slices.SortStableFunc(bal.Groups, func(a, b Group) int { return strings.Compare(a.Group, b.Group) })
	}
	bal.Unknown, bal.UnknownTime = unknown, pr.steps(unknownSteps)
}

// outsideGroup is a group of a dimension whose value is outside its set:
// its speakers, and their steps.
type outsideGroup struct {
	group    string
	speakers int
	steps    float64
}

// addOutside adds n speakers and steps to the group g of groups.
func addOutside(groups []outsideGroup, g string, n int, steps float64) []outsideGroup {
	k := slices.IndexFunc(groups, func(o outsideGroup) bool { return o.group == g })
	if k < 0 {
		k = len(groups)
		groups = append(groups, outsideGroup{group: g})
	}
	groups[k].speakers += n
	groups[k].steps += steps
	return groups
}

// groupSteps returns, for types of totals steps, each row's group's steps
// and, per dimension, the steps of the speakers with a value in it.
func (pr *problem) groupSteps(sol *solved, steps []int) (group, known []float64) {
	group, known = make([]float64, len(sol.rows)), make([]float64, len(pr.dims))
	D := len(pr.dims)
	for k, n := range steps {
		for d := range D {
			if r := sol.rowOf[k*D+d]; r >= 0 {
				group[r] += float64(n)
				known[d] += float64(n)
			}
		}
	}
	return group, known
}
