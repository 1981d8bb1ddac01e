package balance

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// wholeSteps enumerates every whole-step plan of pr: each segment's
// speaking time shared among its speakers, each at least the least turn,
// every speaker within their bounds. It calls visit with each plan's
// totals per speaker; the slice is reused.
func wholeSteps(pr *problem, visit func(people []int)) {
	people := make([]int, len(pr.speakers))
	var seg func(si int)
	seg = func(si int) {
		if si == len(pr.segs) {
			for i := range pr.speakers {
				if people[i] < pr.speakers[i].lo || people[i] > pr.speakers[i].hi {
					return
				}
			}
			visit(people)
			return
		}
		sg := &pr.segs[si]
		var give func(j, left int)
		give = func(j, left int) {
			if j == len(sg.speakers)-1 {
				if left >= sg.minTurn {
					people[sg.speakers[j]] += left
					seg(si + 1)
					people[sg.speakers[j]] -= left
				}
				return
			}
			for x := sg.minTurn; x <= left-sg.minTurn*(len(sg.speakers)-1-j); x++ {
				people[sg.speakers[j]] += x
				give(j+1, left-x)
				people[sg.speakers[j]] -= x
			}
		}
		if len(sg.speakers) > 0 {
			give(0, sg.capacity)
		} else {
			seg(si + 1)
		}
	}
	seg(0)
}

// hardExcess is how far the plan people is from meeting pr's hard rules
// exactly, in steps.
func hardExcess(pr *problem, rows []groupRow, people []int) float64 {
	e := 0.0
	for _, row := range rows {
		dim := pr.dims[row.dim]
		if !dim.Hard {
			continue
		}
		var group, known float64
		for i := range pr.speakers {
			if g := pr.speakers[i].groups[row.dim]; g != "" {
				known += float64(people[i])
				if g == row.group {
					group += float64(people[i])
				}
			}
		}
		e += max(0, math.Abs(group-row.target*known)-dim.Tolerance*float64(pr.budget))
	}
	return e
}

// TestRoundingAgainstWholeSteps compares the rounded plan of small random
// sessions with every whole-step plan: the hard rules hold exactly whenever
// some whole-step plan meets them, and the rounded plan is within one step
// per speaker of a best whole-step plan.
func TestRoundingAgainstWholeSteps(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector"}
	regions := []agenda.Region{"African Group", "GRULAC", "WEOG"}
	cases, exactCases, worstGap, worstDist := 0, 0, 0.0, 0
	for c := range 400 {
		s := &agenda.Session{Title: "random", Format: agenda.FormatHybrid,
			People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite}}}
		n, segs := 2+rng.IntN(4), 1+rng.IntN(2)
		for i := range n {
			s.People = append(s.People, agenda.Person{Name: fmt.Sprintf("Speaker %d", i), Roles: []agenda.Role{agenda.RoleSpeaker},
				Mode: []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[rng.IntN(2)], Stakeholder: stakeholders[rng.IntN(3)], Region: regions[rng.IntN(3)]})
		}
		for k := range segs {
			seg := agenda.Segment{Title: fmt.Sprint("Part ", k), Kind: agenda.SegmentKind("discussion"), Length: time.Duration(n+rng.IntN(8)) * time.Minute}
			for i := range n {
				if segs == 1 || rng.IntN(3) == 0 || i%segs == k {
					seg.Speakers = append(seg.Speakers, s.People[1+i].Name)
				}
			}
			s.Segments = append(s.Segments, seg)
		}
		p := Policy{Step: time.Minute, MinTurn: time.Minute, Dimensions: []Dimension{
			{By: ByMode, Hard: true, Tolerance: []float64{0, 0.02, 0.05, 0.1}[rng.IntN(4)]},
			{By: ByStakeholder}, {By: ByRegion}}}
		pr, sol, ok := solveCase(s, p)
		if !ok {
			continue // no plan meets the rules before rounding
		}
		got := pr.round(sol).people
		gotObj, gotExcess := pr.objectiveAt(sol, got), hardExcess(pr, sol.rows, got)

		best, exists := math.Inf(1), false
		var bests [][]int
		wholeSteps(pr, func(people []int) {
			if hardExcess(pr, sol.rows, people) > 1e-9 {
				return
			}
			exists = true
			obj := pr.objectiveAt(sol, people)
			switch {
			case obj < best-1e-9:
				best, bests = obj, [][]int{append([]int(nil), people...)}
			case obj <= best+1e-9:
				bests = append(bests, append([]int(nil), people...))
			}
		})
		cases++
		if !exists {
			continue
		}
		exactCases++
		if gotExcess > 1e-9 {
			t.Errorf("case %d: the rounded plan %v misses a hard rule by %.2f steps, though a whole-step plan meets it exactly", c, got, gotExcess)
			continue
		}
		dist := math.MaxInt
		for _, b := range bests {
			d := 0
			for i := range b {
				d = max(d, abs(b[i]-got[i]))
			}
			dist = min(dist, d)
		}
		worstDist, worstGap = max(worstDist, dist), max(worstGap, gotObj-best)
		if dist > 1 {
			t.Errorf("case %d: the rounded plan %v (objective %.3f) is %d steps from the nearest best whole-step plan %v (objective %.3f)", c, got, gotObj, dist, bests[0], best)
		}
	}
	t.Logf("%d sessions, %d with a whole-step plan meeting the hard rules; worst objective gap %.3f, worst distance %d steps", cases, exactCases, worstGap, worstDist)
	if exactCases < 200 {
		t.Errorf("only %d sessions compared; the generator needs tuning", exactCases)
	}
}

func abs(x int) int { return max(x, -x) }

// TestImproveLocalOptimum checks that the rounded plan of a type-level
// repair is a step from no cheaper plan: after improve, no step from one
// type's cell to another's in the same segment lowers the objective, keeps
// the bounds and breaks no hard rule further, whichever types, of a value
// in every dimension or not, share the segment. improve tries the steps of
// a segment of fully known types cheapest bound first and stops at the
// bound; this is the search over every pair that it stands for.
func TestImproveLocalOptimum(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	checked := 0
	for c := range 300 {
		n := 3 + rng.IntN(12)
		s := genInternalSession(rng, n, 1+rng.IntN(3))
		p := Policy{Step: time.Duration(15+15*rng.IntN(3)) * time.Second}
		if rng.IntN(3) == 0 {
			p.Dimensions = []Dimension{{By: ByMode, Hard: true, Tolerance: 0.05}, {By: ByStakeholder}, {By: ByRegion}}
		}
		pr, sol, ok := solveCase(s, p)
		if !ok {
			continue
		}
		r := pr.round(sol)
		rp := newRepair(pr, sol, r.cells)
		for _, list := range places(pr, sol.ks) {
			for _, a := range list {
				if !rp.gives(a) {
					continue
				}
				for _, b := range list {
					if a.k == b.k {
						continue
					}
					down := rp.typeCost(a.k, rp.total[a.k]-1) - rp.typeCost(a.k, rp.total[a.k])
					up := rp.typeCost(b.k, rp.total[b.k]+1) - rp.typeCost(b.k, rp.total[b.k])
					change, excess := rp.shift(a.k, b.k)
					if d := down + up + change; d < -1e-9 && excess <= 0 {
						t.Errorf("case %d: a step from type %d to type %d lowers the objective by %g", c, a.k, b.k, -d)
					}
				}
			}
		}
		checked++
	}
	if checked < 200 {
		t.Fatalf("only %d of 300 cases planned", checked)
	}
}

// solveCase returns the problem of s under p and its optimum before
// rounding, or false if there is none: a random case without a plan is
// skipped.
func solveCase(s *agenda.Session, p Policy) (*problem, *solved, bool) {
	pr, err := newProblem(s, p, nil)
	if err != nil {
		return nil, nil, false
	}
	sol, err := pr.solve(pr.kinds())
	return pr, sol, err == nil
}

// genInternalSession draws a hybrid session of n speakers over segs
// segments, each speaker in one or more of them; a few speakers give no
// stakeholder group, so that some types have no value in a dimension.
func genInternalSession(rng *rand.Rand, n, segs int) *agenda.Session {
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", ""}
	regions := []agenda.Region{"African Group", "GRULAC", "WEOG"}
	s := &agenda.Session{Title: "random", Format: agenda.FormatHybrid,
		People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite}}}
	for i := range n {
		s.People = append(s.People, agenda.Person{Name: fmt.Sprintf("Speaker %d", i), Roles: []agenda.Role{agenda.RoleSpeaker},
			Mode: []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[rng.IntN(2)], Stakeholder: stakeholders[rng.IntN(4)], Region: regions[rng.IntN(3)]})
	}
	for k := range segs {
		seg := agenda.Segment{Title: fmt.Sprint("Part ", k), Kind: agenda.SegmentKind("discussion"), Length: time.Duration(2*n+rng.IntN(12)) * time.Minute}
		for i := range n {
			if segs == 1 || rng.IntN(3) == 0 || i%segs == k {
				seg.Speakers = append(seg.Speakers, s.People[1+i].Name)
			}
		}
		s.Segments = append(s.Segments, seg)
	}
	return s
}

// TestFixRuleClasses checks that fix, which prices a step's hard-rule
// excess once per pair of rule classes between its steps, makes the same
// steps as pricing every pair of types afresh: from rounded plans broken
// by random steps within segments, under one or two hard rules.
func TestFixRuleClasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 5))
	fixed := 0
	for c := range 400 {
		n := 3 + rng.IntN(12)
		s := genInternalSession(rng, n, 1+rng.IntN(3))
		p := Policy{Step: time.Duration(15+15*rng.IntN(3)) * time.Second,
			Dimensions: []Dimension{{By: ByMode, Hard: true, Tolerance: 0.05 * float64(rng.IntN(3))}, {By: ByStakeholder, Hard: rng.IntN(2) == 0, Tolerance: 0.2}, {By: ByRegion}}}
		pr, sol, ok := solveCase(s, p)
		if !ok {
			continue
		}
		cells := pr.round(sol).cells
		bySeg := places(pr, sol.ks)
		for range 1 + rng.IntN(6) { // break the plan, keeping every segment's total
			list := bySeg[rng.IntN(len(bySeg))]
			a, b := list[rng.IntN(len(list))], list[rng.IntN(len(list))]
			if amount := rng.IntN(4); cells[a.k][a.i] >= amount {
				cells[a.k][a.i] -= amount
				cells[b.k][b.i] += amount
			}
		}
		copyCells := func() [][]int {
			out := make([][]int, len(cells))
			for k := range cells {
				out[k] = slices.Clone(cells[k])
			}
			return out
		}
		cached, fresh := newRepair(pr, sol, copyCells()), newRepair(pr, sol, copyCells())
		if cached.ruled == nil {
			t.Fatalf("case %d: %d rule classes kept no prices", c, cached.classes)
		}
		fresh.ruled = nil
		if cached.excess() <= 1e-9 {
			continue
		}
		cached.fix(bySeg)
		fresh.fix(bySeg)
		if !slices.EqualFunc(cached.cells, fresh.cells, slices.Equal) {
			t.Errorf("case %d: fix with prices per class %v, afresh %v", c, cached.cells, fresh.cells)
		}
		fixed++
	}
	if fixed < 100 {
		t.Fatalf("only %d of 400 cases needed fixing", fixed)
	}
}
