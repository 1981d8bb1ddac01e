package balance

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/balance/internal/lp"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrInfeasible is matched, through errors.Is, by every *InfeasibleError:
// no allocation meets the policy's hard rules.
var ErrInfeasible = errors.New("balance: no allocation meets the policy's hard rules")

// InfeasibleError explains why no allocation meets the policy's hard rules,
// and the smallest change that would.
type InfeasibleError struct {
	Reason   string        // what cannot be met, with the minutes
	People   []string      // the people in conflict, by name
	Groups   []string      // the groups in conflict, as "region WEOG"
	Segments []int         // the segments in conflict, as indices in Session.Segments
	Need     time.Duration // the time the rules need
	Have     time.Duration // the time there is
	Fix      string        // the smallest change that would make it feasible
}

// Error returns "balance: infeasible: <reason>; <fix>".
func (e *InfeasibleError) Error() string {
	msg := "balance: infeasible: " + e.Reason
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	return msg
}

// Is reports whether target is ErrInfeasible.
func (e *InfeasibleError) Is(target error) bool { return target == ErrInfeasible }

// boundConflict explains a speaker whose minimum is above what they can
// get. The minimum is the policy's, or the least turns of their segments
// where those add up to more.
func (pr *problem) boundConflict(sp *speaker) error {
	limit, why := time.Duration(sp.room)*pr.step, "the speaking time of their segments"
	note := ""
	if sp.maxGiven > 0 && time.Duration(sp.hi)*pr.step < limit {
		limit, why, note = time.Duration(sp.hi)*pr.step, "their maximum", pr.wholeSteps(sp)
	}
	need := time.Duration(sp.lo) * pr.step
	minimum, fix := timeslot.FormatLength(need), fmt.Sprintf("lower the minimum of %s to %s", sp.person.Name, timeslot.FormatLength(limit))
	if time.Duration(sp.turns)*pr.step >= need && sp.turns > 0 {
		if len(sp.segs) == 1 {
			minimum += " (the least turn of their speaking segment)"
		} else {
			minimum += fmt.Sprintf(" (the least turn of each of their %d speaking segments)", len(sp.segs))
		}
		fix = fmt.Sprintf("lower MinTurn or the segments' least turns so that %s's add up to at most %s", sp.person.Name, timeslot.FormatLength(limit))
		if why == "their maximum" {
			fix += fmt.Sprintf(", or raise the maximum of %s to %s", sp.person.Name, timeslot.FormatLength(need))
		}
	}
	return &InfeasibleError{
		Reason: fmt.Sprintf("%s must speak at least %s, more than %s, %s", sp.person.Name, minimum, why, timeslot.FormatLength(limit)) + note,
		People: []string{sp.person.Name},
		Need:   need, Have: limit,
		Fix: fix,
	}
}

// explain says why the programme has no feasible point. It checks the
// conflicts that involve one segment or one group on their own, which name
// their cause exactly; if none explains it, the rules conflict only together,
// and it names the rows the solver could not satisfy.
func (pr *problem) explain(ks []kind, rows []groupRow, conflict []lp.Residual, multi int) error {
	// A segment or a speaker whose bounds cannot meet the segments' time
	// is the cause; the hard rules it then breaks, measured against a
	// budget that cannot be shared, are not.
	var errs []error
	for si := range pr.segs {
		if err := pr.segmentConflict(si); err != nil {
			errs = append(errs, err)
		}
	}
	for i := range pr.speakers {
		if err := pr.aloneConflict(i); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	// Of a dimension of two groups, such as onsite and online, a conflict
	// of one is the other's seen from the other side: only the side that
	// needs the wider tolerance is told, as its fix is the one enough for
	// both.
	var byDim [][]groupRow
	for _, row := range rows {
		if n := len(byDim); n > 0 && byDim[n-1][0].dim == row.dim {
			byDim[n-1] = append(byDim[n-1], row)
		} else {
			byDim = append(byDim, []groupRow{row})
		}
	}
	for _, dimRows := range byDim {
		if len(dimRows) == 2 && pr.toleranceNeeded(dimRows[1]) > pr.toleranceNeeded(dimRows[0]) {
			dimRows[0], dimRows[1] = dimRows[1], dimRows[0]
		}
		for _, row := range dimRows {
			if err := pr.groupConflict(row); err != nil {
				errs = append(errs, err)
				if len(dimRows) == 2 {
					break
				}
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if !slices.ContainsFunc(pr.dims, func(d Dimension) bool { return d.Hard }) {
		var names []string
		var segs []int
		for _, c := range conflict {
			if c.Row < len(pr.segs) {
				segs = append(segs, pr.segs[c.Row].index)
				for _, i := range pr.segs[c.Row].speakers {
					names = append(names, pr.speakers[i].person.Name)
				}
			}
		}
		slices.Sort(names)
		return &InfeasibleError{
			Reason:   "the speaking time of these segments cannot be shared within their speakers' bounds and least turns",
			People:   slices.Compact(names),
			Segments: segs,
			Fix:      "raise the speakers' maximums, lower their minimums or least turns, or change who speaks in which segment",
		}
	}
	var titles, rules, groups []string
	var segs []int
	for _, c := range conflict {
		switch {
		case c.Row < len(pr.segs):
			seg := pr.s.Segments[pr.segs[c.Row].index]
			titles = append(titles, strconv.Quote(seg.Title))
			segs = append(segs, pr.segs[c.Row].index)
		case c.Row >= len(pr.segs)+multi:
			row := rows[c.Row-len(pr.segs)-multi]
			dim := pr.dims[row.dim]
			g := dim.Name() + " " + row.group
			rules = append(rules, fmt.Sprintf("%s at %s ± %s", g, pct(row.target), pct(dim.Tolerance)))
			groups = append(groups, g)
		}
	}
	if len(rules) == 0 {
		// The rows left short are segments: name the hard rules they meet.
		for _, d := range pr.dims {
			if d.Hard {
				rules = append(rules, fmt.Sprintf("the %s rule (%s ± %s)", d.Name(), d.target(), pct(d.Tolerance)))
			}
		}
	}
	const shown = 5 // segments named in full; the error's Segments lists them all
	if len(titles) > shown {
		titles = append(titles[:shown:shown], fmt.Sprintf("%d more", len(titles)-shown))
	}
	reason := "these hard rules cannot all hold at once: " + strings.Join(rules, ", ")
	if len(titles) > 0 {
		reason += ", with the speaking time of " + listAnd(titles)
	}
	return &InfeasibleError{
		Reason:   reason,
		Groups:   groups,
		Segments: segs,
		Fix:      "loosen the tolerance of one of these dimensions, or change who speaks in which segment, or their lengths or hand-overs",
	}
}

// listAnd joins "a", "b" and "c" as "a, b and c".
func listAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// segmentConflict checks one segment: the speakers who speak only there must
// be able to fill its speaking time within their bounds.
func (pr *problem) segmentConflict(si int) error {
	sg := pr.segs[si]
	seg := pr.s.Segments[sg.index]
	lo, hi, only := 0, 0, 0
	var names []string
	var raised []int // those of only this segment whose minimum is more than their least turns
	reducible := 0   // what their minimums are above their least turns, steps
	note := ""       // why a maximum counts less than was given, if one does
	for _, i := range sg.speakers {
		sp := &pr.speakers[i]
		names = append(names, sp.person.Name)
		if note == "" {
			note = pr.wholeSteps(sp)
		}
		if len(sp.segs) == 1 {
			lo += sp.lo
			only++
			if sp.lo > sp.turns {
				raised = append(raised, i)
				reducible += sp.lo - sp.turns
			}
		}
		hi += sp.hi // an upper bound on what the segment's speakers can take
	}
	step := func(n int) time.Duration { return time.Duration(n) * pr.step }
	switch {
	case lo > sg.capacity:
		return &InfeasibleError{
			Reason: fmt.Sprintf("in %q the minimums of %d speakers add up to %s, more than its speaking time of %s",
				seg.Title, only, timeslot.FormatLength(step(lo)), timeslot.FormatLength(step(sg.capacity))),
			People: names, Segments: []int{sg.index}, Need: step(lo), Have: step(sg.capacity),
			Fix: fmt.Sprintf("lengthen it by %s or %s", timeslot.FormatLength(step(lo-sg.capacity)), pr.lowerMinimums(raised, step(min(reducible, lo-sg.capacity)), reducible < lo-sg.capacity)),
		}
	case hi < sg.capacity && len(sg.speakers) > 1: // a segment's only speaker is aloneConflict's
		return &InfeasibleError{
			Reason: fmt.Sprintf("in %q the maximums of %d speakers add up to %s, less than its speaking time of %s",
				seg.Title, len(sg.speakers), timeslot.FormatLength(step(hi)), timeslot.FormatLength(step(sg.capacity))) + note,
			People: names, Segments: []int{sg.index}, Need: step(sg.capacity), Have: step(hi),
			Fix: fmt.Sprintf("raise the maximum of its %d speakers to %s or keep %s more for audience questions",
				len(sg.speakers), timeslot.FormatLength(step((sg.capacity+len(sg.speakers)-1)/len(sg.speakers))),
				timeslot.FormatLength(step(sg.capacity-hi))),
		}
	}
	return nil
}

// lowerMinimums says how the minimums of a segment's speakers can come
// down: those of the speakers raised (indices into pr.speakers), whose
// minimums are more than their least turns, by the length given in all,
// and, if turns is set, as that is not enough, the least turns too.
func (pr *problem) lowerMinimums(raised []int, by time.Duration, turns bool) string {
	var out string
	switch len(raised) {
	case 0:
		return "lower MinTurn"
	case 1:
		out = fmt.Sprintf("lower the minimum of %s by %s", pr.listPeople(raised), timeslot.FormatLength(by))
	default:
		out = fmt.Sprintf("lower the minimums of %s by %s in all", pr.listPeople(raised), timeslot.FormatLength(by))
	}
	if turns {
		out += ", to their least turns, and MinTurn"
	}
	return out
}

// listPeople joins the names of the speakers idx (indices into
// pr.speakers) as listAnd does, in an order that shows nothing the session
// hides: by name, so that the order of the input does not show, but by
// their place among the people where the session shows no names or one of
// them is private, as an output then calls them by that place alone.
func (pr *problem) listPeople(idx []int) string {
	idx = slices.Clone(idx)
	hidden := !pr.s.Named() || slices.ContainsFunc(idx, func(i int) bool { return slices.Contains(pr.speakers[i].person.Private, "name") })
	slices.SortFunc(idx, func(a, b int) int {
		if hidden {
			return pr.speakers[a].index - pr.speakers[b].index
		}
		return strings.Compare(pr.speakers[a].person.Name, pr.speakers[b].person.Name)
	})
	names := make([]string, len(idx))
	for k, i := range idx {
		names[k] = pr.speakers[i].person.Name
	}
	return listAnd(names)
}

// wholeSteps says, if sp's maximum is not a whole number of steps, that
// it counts as the whole steps below it: a maximum of 10m45s in steps of
// 30s is 10m30s.
func (pr *problem) wholeSteps(sp *speaker) string {
	if m := sp.maxGiven; m%pr.step != 0 {
		return fmt.Sprintf(" (a maximum counts in whole steps of %s: %s is %s)",
			timeslot.FormatLength(pr.step), timeslot.FormatLength(m), timeslot.FormatLength(m.Truncate(pr.step)))
	}
	return ""
}

// aloneConflict checks one speaker against the segments they speak in
// alone, whose whole speaking time is theirs.
func (pr *problem) aloneConflict(i int) error {
	sp := &pr.speakers[i]
	forced := 0
	var segs []int
	var parts []string
	for _, k := range sp.segs {
		if sg := pr.segs[k]; len(sg.speakers) == 1 {
			forced += sg.capacity
			segs = append(segs, sg.index)
			parts = append(parts, fmt.Sprintf("%q (%s)", pr.s.Segments[sg.index].Title, timeslot.FormatLength(time.Duration(sg.capacity)*pr.step)))
		}
	}
	if forced <= sp.hi || len(segs) == 0 {
		return nil
	}
	step := func(n int) time.Duration { return time.Duration(n) * pr.step }
	return &InfeasibleError{
		Reason: fmt.Sprintf("%s is the only speaker of %s, %s in all, but may speak at most %s",
			sp.person.Name, strings.Join(parts, " and "), timeslot.FormatLength(step(forced)), timeslot.FormatLength(step(sp.hi))) + pr.wholeSteps(sp),
		People: []string{sp.person.Name}, Segments: segs, Need: step(forced), Have: step(sp.hi),
		Fix: fmt.Sprintf("raise %s's maximum to %s, shorten these segments by %s, or add a speaker to them",
			sp.person.Name, timeslot.FormatLength(step(forced)), timeslot.FormatLength(step(forced-sp.hi))),
	}
}

// groupConflict checks one hard group: its speakers' bounds must reach the
// window the rule allows, assuming every speaker has a value in the dimension.
func (pr *problem) groupConflict(row groupRow) error {
	dim := pr.dims[row.dim]
	if !dim.Hard {
		return nil
	}
	B := float64(pr.budget)
	low, high := (row.target-dim.Tolerance)*B, (row.target+dim.Tolerance)*B
	lo, hi := pr.groupReach(row)
	var names []string
	var members []int
	for i := range pr.speakers {
		if sp := &pr.speakers[i]; sp.groups[row.dim] == row.group {
			names = append(names, sp.person.Name)
			members = append(members, i)
		}
	}
	g := dim.Name() + " " + row.group
	window := fmt.Sprintf("%s ± %s of %s", pct(row.target), pct(dim.Tolerance), timeslot.FormatLength(pr.steps(B)))
	them := theGroup(dim, row.group, len(names))
	switch {
	case len(names) == 0 && low > eps:
		who := memberWord(dim, row.group)
		if dim.By == ByGender {
			who = format.A(row.group)
		}
		return &InfeasibleError{
			Reason: fmt.Sprintf("no speaker is %s, but the rule wants %s to have %s", who, them, window),
			Groups: []string{g}, Need: pr.steps(low),
			Fix: fmt.Sprintf("add a speaker who is %s or lower the group's share to at most %s", who, pct(dim.Tolerance)),
		}
	case float64(hi) < low-eps:
		return &InfeasibleError{
			Reason: fmt.Sprintf("%s%s can have at most %s, but the rule wants at least %s (%s)",
				them, pr.namesAside(members), timeslot.FormatLength(pr.steps(float64(hi))), timeslot.FormatLength(pr.steps(low).Round(time.Second)), window),
			People: names, Groups: []string{g}, Need: pr.steps(low), Have: pr.steps(float64(hi)),
			Fix: fmt.Sprintf("give %s %s more room (their %s or segments) or widen the tolerance to %s",
				them, timeslot.FormatLength(pr.steps(math.Ceil(low-float64(hi)))), plural("maximum", len(names)), pctUp(row.target-float64(hi)/B)),
		}
	case float64(lo) > high+eps:
		return &InfeasibleError{
			Reason: fmt.Sprintf("%s%s must have at least %s, but the rule allows at most %s (%s)",
				them, pr.namesAside(members), timeslot.FormatLength(pr.steps(float64(lo))), timeslot.FormatLength(pr.steps(high).Round(time.Second)), window),
			People: names, Groups: []string{g}, Need: pr.steps(float64(lo)), Have: pr.steps(high),
			Fix: fmt.Sprintf("give %s %s less (their %s, least turns or segments) or widen the tolerance to %s",
				them, timeslot.FormatLength(pr.steps(math.Ceil(float64(lo)-high))), plural("minimum", len(names)), pctUp(float64(lo)/B-row.target)),
		}
	}
	return nil
}

// theGroup names the n speakers of group g of dimension d: "the online
// speaker", "the 2 Civil Society speakers", "the speakers of age 30–40";
// for no speakers, the group's speakers.
func theGroup(d Dimension, g string, n int) string {
	if d.By == ByLabel {
		noun := "speakers"
		if n == 1 {
			noun = "speaker"
		}
		return "the " + noun + " of " + d.Label + " " + g
	}
	if n > 1 {
		return fmt.Sprintf("the %d %s", n, groupPhrase(d, g, true))
	}
	return "the " + groupPhrase(d, g, n != 1)
}

// namesAside names a few speakers (indices into pr.speakers) after their
// group's phrase, " (Ana and Ben)", and no more than three.
func (pr *problem) namesAside(idx []int) string {
	if len(idx) == 0 || len(idx) > 3 {
		return ""
	}
	return " (" + pr.listPeople(idx) + ")"
}

// toleranceNeeded is the least tolerance of row's hard rule that the time
// its group can have (see [problem.groupReach]) reaches.
func (pr *problem) toleranceNeeded(row groupRow) float64 {
	lo, hi := pr.groupReach(row)
	B := float64(pr.budget)
	return max(0, row.target-float64(hi)/B, float64(lo)/B-row.target)
}

// groupReach returns the least and the most time in steps the speakers of
// row's group can have: at least their minimums, and in each segment their
// least turns or what the others there cannot take, whichever is more; at
// most their maximums, and in each segment what the others' least turns
// leave, whichever is less. A group alone in a segment has all of it.
func (pr *problem) groupReach(row groupRow) (lo, hi int) {
	in := func(i int) bool { return pr.speakers[i].groups[row.dim] == row.group }
	minSum, maxSum := 0, 0
	for i := range pr.speakers {
		if in(i) {
			minSum += pr.speakers[i].lo
			maxSum += pr.speakers[i].hi
		}
	}
	segLo, segHi := 0, 0
	for _, sg := range pr.segs {
		members, othersRoom, othersLeast := 0, 0, 0
		for _, i := range sg.speakers {
			if in(i) {
				members++
			} else {
				othersRoom += min(pr.speakers[i].hi, sg.capacity)
				othersLeast += sg.minTurn
			}
		}
		if members == 0 {
			continue
		}
		segLo += max(members*sg.minTurn, sg.capacity-othersRoom)
		segHi += max(sg.capacity-othersLeast, 0)
	}
	return max(minSum, segLo), min(maxSum, segHi)
}

// pct writes a share as a percentage: "50%", "12.5%".
func pct(share float64) string { return format.Percent(share) }

// pctUp writes a share as pct does, rounded up to the tenth of a percent
// pct shows, so that a tolerance a fix asks for is enough.
func pctUp(share float64) string { return pct(math.Ceil(share*1000-1e-9) / 1000) }
