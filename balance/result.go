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
		if pr.outside {
			bal.Groups = append(bal.Groups, pr.outsideGroups(dim, r.people)...)
			slices.SortStableFunc(bal.Groups, func(a, b Group) int { return strings.Compare(a.Group, b.Group) })
		}
		al.Balance = append(al.Balance, bal)
	}
	return al, nil
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

// outsideGroups returns the groups of dimension dim whose value is outside
// its set, which the programme leaves out, with their speakers' steps.
func (pr *problem) outsideGroups(dim Dimension, steps []int) []Group {
	var out []Group
	for i := range pr.speakers {
		g := dim.groupOf(pr.s, pr.speakers[i].person)
		if g == "" || !dim.outsideSet(g) {
			continue
		}
		k := slices.IndexFunc(out, func(o Group) bool { return o.Group == g })
		if k < 0 {
			k = len(out)
			out = append(out, Group{Group: g, Outside: true})
		}
		out[k].Speakers++
		out[k].Time += time.Duration(steps[i]) * pr.step
	}
	return out
}
