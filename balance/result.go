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
func (pr *problem) result(rows []groupRow, r rounding, objective float64) (*Allocation, error) {
	al := &Allocation{
		Budget: time.Duration(pr.budget) * pr.step, Step: pr.step,
		Dropped: pr.dropped, Objective: objective * pr.step.Seconds(),
	}
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		al.Speakers = append(al.Speakers, Speaker{Name: sp.person.Name, Time: time.Duration(r.people[i]) * pr.step, Fair: pr.steps(sp.fair)})
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
	for si, sg := range pr.segs {
		share := SegmentShare{Segment: sg.index, Speaking: time.Duration(sg.capacity) * pr.step}
		for _, i := range sg.speakers {
			steps := r.turns[i][slices.Index(pr.speakers[i].segs, si)]
			share.Speakers = append(share.Speakers, Speaker{Name: pr.speakers[i].person.Name, Time: time.Duration(steps) * pr.step})
		}
		al.Segments = append(al.Segments, share)
	}
	for d, dim := range pr.dims {
		bal := Balance{Dimension: dim}
		known := 0
		for i := range pr.speakers {
			if pr.speakers[i].groups[d] != "" {
				known += r.people[i]
			}
		}
		for ri, row := range rows {
			if row.dim != d {
				continue
			}
			steps, all := 0.0, float64(known)
			for i := range pr.speakers {
				if pr.speakers[i].groups[d] == row.group {
					steps += float64(r.people[i])
				}
			}
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
		bal.Groups = append(bal.Groups, pr.outsideGroups(dim, r.people)...)
		slices.SortStableFunc(bal.Groups, func(a, b Group) int { return strings.Compare(a.Group, b.Group) })
		al.Balance = append(al.Balance, bal)
	}
	return al, nil
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
