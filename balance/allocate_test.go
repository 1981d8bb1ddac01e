package balance_test

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// reference restates the programme of the package documentation for one
// session and policy, written apart from the package's reduced formulation,
// so that tests can check the package against it.
type reference struct {
	step     time.Duration
	budget   int // B in steps
	segs     []refSegment
	speakers []refSpeaker
	dims     []balance.Dimension
	rows     []refRow
	w0       float64
	linear   bool
}

type refSegment struct {
	capacity, minTurn int
	speakers          []int
}

type refSpeaker struct {
	name   string
	lo, hi int
	weight float64
	groups []string
	share  float64 // σ_i
	attain float64 // α_i, the share the targets count
	fair   float64 // f_i, in steps
	band   float64 // s·f_i
}

// phi is the documented cost φ_i of speaker sp's time x, without w₀·w_i.
func (r *reference) phi(sp refSpeaker, x float64) float64 {
	u := math.Abs(x - sp.fair)
	out := max(0, u-sp.band)
	if r.linear {
		return u + 9*out
	}
	return (u*u + 100*out*out) / max(sp.fair, 1)
}

// points returns the documented interpolation points of φ̃_i, sorted.
func (r *reference) points(sp refSpeaker) []float64 {
	lo, hi, f := float64(sp.lo), float64(sp.hi), sp.fair
	pts := []float64{lo, hi, min(max(f, lo), hi)}
	for _, side := range []struct{ dir, reach float64 }{{1, hi - f}, {-1, f - lo}} {
		R := side.reach
		if R <= 0 {
			continue
		}
		var ds []float64
		if r.linear {
			if sp.band > 0 && sp.band < R {
				ds = append(ds, sp.band)
			}
		} else {
			a := min(sp.band, R)
			n := 1
			if 6*a > 1 {
				n = min(64, int(math.Ceil(6*a-1e-7)))
			}
			for j := 1; j <= n; j++ {
				ds = append(ds, float64(j)*a/float64(n))
			}
			if a < R {
				// J pieces of width h, reaching 2F from f, then 7 more,
				// each twice the last.
				h := max(a/float64(n), 1)
				J := min(512, max(32, int(math.Floor((2*max(sp.fair, 1)-a)/h+1e-7))))
				at := a
				for k := 1; k <= J && at+h < R; k++ {
					at += h
					ds = append(ds, at)
				}
				for k, w := 0, 2*h; k < 7 && at+w < R && len(ds) >= n+J; k++ {
					at += w
					ds = append(ds, at)
					w *= 2
				}
			}
		}
		for _, d := range append(ds, R) {
			pts = append(pts, f+side.dir*d)
		}
	}
	pts = slices.DeleteFunc(pts, func(x float64) bool { return x < lo-1e-9 || x > hi+1e-9 })
	slices.Sort(pts)
	return slices.CompactFunc(pts, func(a, b float64) bool { return math.Abs(a-b) < 1e-7 })
}

// cost is w₀·w_i·φ̃_i(x), the interpolation of φ at the points.
func (r *reference) cost(sp refSpeaker, x float64) float64 {
	pts := r.points(sp)
	w := r.w0 * sp.weight
	for k := 1; k < len(pts); k++ {
		if x <= pts[k]+1e-9 {
			a, b := pts[k-1], pts[k]
			fa, fb := r.phi(sp, a), r.phi(sp, b)
			return w * (fa + (fb-fa)*(x-a)/(b-a))
		}
	}
	return w * r.phi(sp, pts[len(pts)-1])
}

type refRow struct {
	dim    int
	group  string
	target float64
}

// groupOf is p's group in dimension d; a value the source marks private
// counts as none.
func groupOf(d balance.Dimension, p *agenda.Person) string {
	switch d.By {
	case balance.ByMode:
		return string(p.Mode)
	case balance.ByStakeholder:
		if !slices.Contains(p.Private, "stakeholder") {
			return string(p.Stakeholder)
		}
		return ""
	case balance.ByRegion:
		if !slices.Contains(p.Private, "region") {
			return string(p.Region)
		}
		return ""
	case balance.ByGender:
		if !slices.Contains(p.Private, "gender") {
			return p.Gender
		}
		return ""
	}
	return p.Labels[d.Label]
}

func newReference(s *agenda.Session, p balance.Policy) *reference {
	r := &reference{step: cmp.Or(p.Step, balance.DefaultStep), w0: cmp.Or(p.Fairness, balance.DefaultFairness), linear: p.Deviation == "linear"}
	dims := p.Dimensions
	if dims == nil {
		dims = balance.HybridPromise().Dimensions
	}
	for _, d := range dims {
		if d.By == balance.ByMode && s.Format != agenda.FormatHybrid {
			continue
		}
		r.dims = append(r.dims, d)
	}
	index := map[string]int{}
	for _, seg := range s.Segments {
		if len(seg.Speakers) == 0 || (p.Speaking != nil && !slices.Contains(p.Speaking, seg.Kind)) {
			continue
		}
		rs := refSegment{}
		kept := p.Intro + p.Audience
		for _, name := range seg.Speakers {
			person, _ := s.Roster().Person(name)
			i, ok := index[person.Name]
			if !ok {
				i = len(r.speakers)
				index[person.Name] = i
				r.speakers = append(r.speakers, refSpeaker{name: person.Name})
			}
			if slices.Contains(rs.speakers, i) {
				continue
			}
			rs.speakers = append(rs.speakers, i)
			if person.Mode == agenda.ModeOnline {
				kept += p.OnlineHandover
			} else {
				kept += p.Handover
			}
		}
		rs.capacity = int((seg.Length - kept) / r.step)
		if rs.capacity >= len(rs.speakers) {
			rs.minTurn = max(1, rs.capacity/(2*len(rs.speakers)))
		}
		if p.MinTurn > 0 {
			rs.minTurn = int((p.MinTurn + r.step - 1) / r.step)
		}
		r.budget += rs.capacity
		r.segs = append(r.segs, rs)
	}
	shares := 0.0
	for i := range r.speakers {
		r.speakers[i].share = cmp.Or(p.People[r.speakers[i].name].Share, 1)
		shares += r.speakers[i].share
	}
	for i := range r.speakers {
		sp := &r.speakers[i]
		person, _ := s.Roster().Person(sp.name)
		l := p.People[sp.name]
		minT, maxT := cmp.Or(l.Min, p.Min), cmp.Or(l.Max, p.Max)
		sp.weight = cmp.Or(l.Weight, 1)
		sp.fair = float64(r.budget) * sp.share / shares
		sp.band = cmp.Or(p.Spread, balance.DefaultSpread) * sp.fair
		turns, room := 0, 0
		for _, seg := range r.segs {
			if slices.Contains(seg.speakers, i) {
				turns += seg.minTurn
				room += seg.capacity
			}
		}
		sp.lo = max(int((minT+r.step-1)/r.step), turns)
		sp.hi = room
		if maxT > 0 {
			sp.hi = min(room, int(maxT/r.step))
		}
		for _, d := range r.dims {
			g := groupOf(d, person)
			if d.By == balance.ByRegion && g == string("Intergovernmental Organization") {
				g = "" // not a UN regional group
			}
			sp.groups = append(sp.groups, g)
		}
	}
	r.attain(shares)
	for d, dim := range r.dims {
		count, share, known := map[string]int{}, map[string]float64{}, 0.0
		for _, sp := range r.speakers {
			if g := sp.groups[d]; g != "" {
				count[g]++
				share[g] += sp.attain
				known += sp.attain
			}
		}
		n := 0 // the speakers with a value in the dimension
		for _, c := range count {
			n += c
		}
		if known == 0 {
			continue
		}
		names := map[string]bool{}
		for g := range count {
			names[g] = true
		}
		for g := range dim.Shares {
			names[g] = true
		}
		// In order, so that gonum's pivots, and whether its Bland rule
		// cycles, are the same on every run.
		for _, g := range slices.Sorted(maps.Keys(names)) {
			row := refRow{dim: d, group: g}
			target := dim.Target
			if target == "" {
				target = "equal"
				if dim.By == balance.ByMode {
					target = "headcount"
				}
			}
			switch target {
			case "equal":
				// an equal part of n ordinary shares, and the group's shares beyond them
				row.target = (float64(n)/float64(len(count)) + share[g] - float64(count[g])) / known
			case "headcount":
				row.target = share[g] / known
			case "explicit":
				row.target = dim.Shares[g]
			}
			r.rows = append(r.rows, row)
		}
	}
	return r
}

// attain sets the speakers' attainable shares as the package doc defines
// them, finding the level λ by bisection rather than as Allocate does: the
// level nearest B/Σσ_i at which Σ_i min(max(λ·σ_i, l_i), u_i) = B.
func (r *reference) attain(shares float64) {
	budget := float64(r.budget)
	sum := func(level float64) float64 {
		v := 0.0
		for _, sp := range r.speakers {
			v += min(max(level*sp.share, float64(sp.lo)), float64(sp.hi))
		}
		return v
	}
	level := budget / shares
	switch v := sum(level); {
	case v < budget-1e-9: // the least level above that reaches B
		lo, hi := level, level
		for sum(hi) < budget-1e-9 && hi < 1e12 {
			hi *= 2
		}
		for range 200 {
			mid := (lo + hi) / 2
			if sum(mid) >= budget-1e-12 {
				hi = mid
			} else {
				lo = mid
			}
		}
		level = hi
	case v > budget+1e-9: // the greatest level below that does not pass B
		lo, hi := 0.0, level
		for range 200 {
			mid := (lo + hi) / 2
			if sum(mid) <= budget+1e-12 {
				lo = mid
			} else {
				hi = mid
			}
		}
		level = lo
	}
	for i := range r.speakers {
		sp := &r.speakers[i]
		sp.attain = sp.share
		if sp.share > 1 && level > 0 && math.Abs(sum(level)-budget) < 1e-6 {
			sp.attain = min(sp.share, max(1, float64(sp.hi)/level))
		}
	}
}

// objective evaluates the programme's objective at totals x (steps per speaker).
func (r *reference) objective(x []float64) float64 {
	obj := 0.0
	for i, sp := range r.speakers {
		obj += r.cost(sp, x[i])
	}
	for _, row := range r.rows {
		group, known := 0.0, 0.0
		for i, sp := range r.speakers {
			if g := sp.groups[row.dim]; g != "" {
				known += x[i]
				if g == row.group {
					group += x[i]
				}
			}
		}
		obj += cmp.Or(r.dims[row.dim].Weight, 1) * math.Abs(group-row.target*known)
	}
	return obj * r.step.Seconds()
}

// maxReferencePieces bounds the pieces of a programme gonum solves in a
// test: each is two columns and a row of its dense standard form.
const maxReferencePieces = 100

var errTooManyPieces = errors.New("more pieces than the reference solves")

// gonum solves the full, unreduced programme, a variable per speaker and
// segment, with gonum's lp.Simplex, and returns its optimum in weighted
// seconds, or an error if gonum finds it infeasible.
func (r *reference) gonum() (float64, error) {
	// Variables, all ≥ 0: x_is per (speaker, segment), then per speaker
	// one per piece of φ̃_i between consecutive points, then per row s⁺ s⁻.
	// A speaker's time is c_i plus the pieces above c_i, less those below.
	type cell struct{ i, s int }
	var cells []cell
	for s, seg := range r.segs {
		for _, i := range seg.speakers {
			cells = append(cells, cell{i, s})
		}
	}
	type pieceVar struct {
		speaker    int
		dir        float64 // +1 above c_i, −1 below
		cost, room float64
	}
	var pieces []pieceVar
	centre := make([]float64, len(r.speakers))
	base := 0.0
	for i, sp := range r.speakers {
		pts := r.points(sp)
		c := min(max(sp.fair, float64(sp.lo)), float64(sp.hi))
		centre[i] = c
		base += r.cost(sp, c)
		for k := 1; k < len(pts); k++ {
			a, b := pts[k-1], pts[k]
			slope := r.w0 * sp.weight * (r.phi(sp, b) - r.phi(sp, a)) / (b - a)
			if a >= c-1e-9 {
				pieces = append(pieces, pieceVar{i, 1, slope, b - a})
			} else {
				pieces = append(pieces, pieceVar{i, -1, -slope, b - a})
			}
		}
	}
	// Standard form, min cᵀz subject to Az = b, z ≥ 0, as lp.Simplex takes
	// it: x_is = m_S + z_is, each piece and each hard rule's s± with a
	// slack of its own.
	if len(pieces) > maxReferencePieces {
		return 0, errTooManyPieces
	}
	nx, np, nr := len(cells), len(pieces), len(r.rows)
	nh := 0
	for _, row := range r.rows {
		if r.dims[row.dim].Hard {
			nh += 2
		}
	}
	n := nx + 2*np + 2*nr + nh
	c := make([]float64, n)
	for j, pc := range pieces {
		c[nx+j] = pc.cost
	}
	for k, row := range r.rows {
		w := cmp.Or(r.dims[row.dim].Weight, 1)
		c[nx+2*np+2*k], c[nx+2*np+2*k+1] = w, w
	}
	var aRows [][]float64
	var b []float64
	eq := func(row []float64, rhs float64) { aRows = append(aRows, row); b = append(b, rhs) }
	least := func(j int) float64 { return float64(r.segs[cells[j].s].minTurn) }
	for s, seg := range r.segs {
		row, rhs := make([]float64, n), float64(seg.capacity)
		for j, ce := range cells {
			if ce.s == s {
				row[j] = 1
				rhs -= least(j)
			}
		}
		eq(row, rhs)
	}
	for i := range r.speakers {
		row, rhs := make([]float64, n), centre[i]
		for j, ce := range cells {
			if ce.i == i {
				row[j] = 1
				rhs -= least(j)
			}
		}
		for j, pc := range pieces {
			if pc.speaker == i {
				row[nx+j] = -pc.dir
			}
		}
		eq(row, rhs)
	}
	for j, pc := range pieces {
		row := make([]float64, n)
		row[nx+j], row[nx+np+j] = 1, 1
		eq(row, pc.room)
	}
	B := float64(r.budget)
	hard := nx + 2*np + 2*nr
	for k, row := range r.rows {
		coef, rhs := make([]float64, n), 0.0
		for j, ce := range cells {
			if g := r.speakers[ce.i].groups[row.dim]; g != "" {
				coef[j] = -row.target
				if g == row.group {
					coef[j]++
				}
				rhs -= coef[j] * least(j)
			}
		}
		plus, minus := nx+2*np+2*k, nx+2*np+2*k+1
		coef[plus], coef[minus] = -1, 1
		eq(coef, rhs)
		if dim := r.dims[row.dim]; dim.Hard {
			for _, v := range []int{plus, minus} {
				g := make([]float64, n)
				g[v], g[hard] = 1, 1
				hard++
				eq(g, dim.Tolerance*B)
			}
		}
	}
	a := mat.NewDense(len(aRows), n, nil)
	for i, row := range aRows {
		a.SetRow(i, row)
	}
	// Costs perturbed by far less than the tolerance break the ties in
	// which gonum's pivoting, Bland's rule notwithstanding, can cycle
	// forever; the optimum is the true costs' at the point found.
	tilted := slices.Clone(c)
	for j := range tilted {
		tilted[j] += 1e-10 * float64(j%7)
	}
	_, z, err := lp.Simplex(tilted, a, b, 1e-10, nil)
	if err != nil {
		return 0, err
	}
	return (floats.Dot(c, z) + base) * r.step.Seconds(), nil
}

// TestOptimalAgainstFullProgramme compares the optimum found on the reduced
// programme with the optimum gonum's lp.Simplex finds on the full one, and
// checks that both find the same cases infeasible. Every other case has
// steps of one or two minutes: at 30 seconds only sessions of two or three
// speakers have few enough pieces for gonum's dense standard form, so the
// coarse steps are what compares sessions of four speakers and more. It
// runs on one goroutine, which the race detector has nothing to check in
// but slows tenfold, so .ci/run runs it without the detector.
func TestOptimalAgainstFullProgramme(t *testing.T) {
	if raceEnabled {
		t.Skip("compares one goroutine's results with gonum's; .ci/run runs it without the race detector")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	solved, larger, infeasible := 0, 0, 0
	cases, least, leastLarger := 1000, 250, 100
	for i := range cases {
		s, p := randomCase(rng)
		if i%2 == 1 {
			p.Step = time.Duration(1+rng.IntN(2)) * time.Minute
		}
		ref := newReference(s, p)
		want, gerr := ref.gonum()
		al, err := balance.Allocate(s, p)
		switch {
		case errors.Is(gerr, lp.ErrInfeasible):
			if err == nil {
				t.Errorf("case %d: gonum finds the programme infeasible; Allocate gave %+v", i, al.Speakers)
			}
			infeasible++
			continue
		case errors.Is(gerr, errTooManyPieces):
			continue // too large for gonum's dense standard form in a test's time
		case gerr != nil:
			continue // gonum could not solve this one; nothing to compare
		case err != nil:
			t.Errorf("case %d: gonum finds optimum %v, Allocate: %v", i, want, err)
			continue
		}
		if math.Abs(al.Objective-want) > 1e-6*(1+math.Abs(want)) {
			t.Errorf("case %d: optimum %v, full programme %v", i, al.Objective, want)
		}
		// Without hard rules, which rounding may miss by a step, the rounded
		// allocation is a feasible point, so it costs at least the optimum;
		// and Rounded is what it costs. The reference lists its speakers in
		// the order the segments name them.
		x := make([]float64, len(ref.speakers))
		for _, sh := range al.Speakers {
			x[slices.IndexFunc(ref.speakers, func(r refSpeaker) bool { return r.name == sh.Name })] = float64(sh.Time / ref.step)
		}
		hard := slices.ContainsFunc(ref.dims, func(d balance.Dimension) bool { return d.Hard })
		got := ref.objective(x)
		if !hard && got < want-1e-6 {
			t.Errorf("case %d: the rounded allocation costs %v, below the optimum %v", i, got, want)
		}
		if math.Abs(al.Rounded-got) > 1e-6*(1+math.Abs(got)) {
			t.Errorf("case %d: Rounded is %v, the reference's objective of the rounded allocation %v", i, al.Rounded, got)
		}
		solved++
		if len(ref.speakers) >= 4 {
			larger++
		}
	}
	t.Logf("%d optima compared (%d of sessions of four speakers or more), %d infeasible cases agreed", solved, larger, infeasible)
	if solved < least || larger < leastLarger {
		t.Errorf("only %d optima compared, %d of four speakers or more; the generator needs tuning", solved, larger)
	}
}

// TestOptimalAgainstBruteForce checks the optimum on tiny sessions against
// every allocation in whole steps: no allocation costs less than the
// optimum, and the best one costs at most what moving every speaker by under
// a step from the optimum can cost.
func TestOptimalAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 60 {
		s := genSession(rng, 2+rng.IntN(3), 1)
		s.Segments[0].Length = time.Duration(4+rng.IntN(6)) * time.Minute
		p := balance.Policy{Step: time.Minute, Dimensions: []balance.Dimension{{By: balance.ByMode}, {By: balance.ByRegion, Weight: 1.5}}}
		ref := newReference(s, p)
		al, err := balance.Allocate(s, p)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		seg := ref.segs[0]
		best := math.Inf(1)
		x := make([]float64, len(ref.speakers))
		var walk func(k, left int)
		walk = func(k, left int) {
			sp := ref.speakers[k]
			if k == len(ref.speakers)-1 {
				if left >= sp.lo && left <= sp.hi {
					x[k] = float64(left)
					best = min(best, ref.objective(x))
				}
				return
			}
			for v := sp.lo; v <= min(sp.hi, left); v++ {
				x[k] = float64(v)
				walk(k+1, left-v)
			}
		}
		walk(0, seg.capacity)
		// Moving n speakers by under a step costs under the steepest piece of
		// each plus 2·w_d per dimension per speaker, in step-seconds.
		slack := 0.0
		for range ref.speakers {
			slack += 2 * (1 + 1.5)
		}
		for _, sp := range ref.speakers {
			pts := ref.points(sp)
			steepest := 0.0
			for k := 1; k < len(pts); k++ {
				steepest = max(steepest, math.Abs(ref.cost(sp, pts[k])-ref.cost(sp, pts[k-1]))/(pts[k]-pts[k-1]))
			}
			slack += steepest
		}
		slack *= ref.step.Seconds()
		if al.Objective > best+1e-6 || best > al.Objective+slack {
			t.Errorf("case %d: optimum %v, best allocation in whole steps %v", i, al.Objective, best)
		}
	}
}

// TestAllocationProperties plans many random sessions and checks what a user
// relies on: exact totals in whole steps, bounds, hard rules within one step,
// explanations that add up to each speaker's difference, and determinism.
func TestAllocationProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	checked := 0
	for i := range 1000 {
		s, p := randomCase(rng)
		al, err := balance.Allocate(s, p)
		if err != nil {
			if !errors.Is(err, balance.ErrInfeasible) {
				t.Errorf("case %d: %v, want a result or ErrInfeasible", i, err)
			}
			continue
		}
		checked++
		ref := newReference(s, p)
		step := ref.step
		var total time.Duration
		for j, sh := range al.Speakers {
			total += sh.Time
			if sh.Time%step != 0 {
				t.Errorf("case %d: %s has %v, not whole steps of %v", i, sh.Name, sh.Time, step)
			}
			var why time.Duration
			for _, r := range sh.Why {
				why += r.Change
			}
			if want := sh.Time - sh.Fair.Round(time.Second); why != want {
				t.Errorf("case %d: %s's reasons add up to %v, not %v: %+v", i, sh.Name, why, want, sh.Why)
			}
			if sh.Time == sh.Fair.Round(time.Second) && sh.Why != nil {
				t.Errorf("case %d: %s has their fair share, explained by parts that cancel out: %+v", i, sh.Name, sh.Why)
			}
			sp := ref.speakers[slices.IndexFunc(ref.speakers, func(r refSpeaker) bool { return r.name == sh.Name })]
			if got := int(sh.Time / step); got < sp.lo || got > sp.hi {
				t.Errorf("case %d: %s has %d steps, outside [%d, %d]", i, sh.Name, got, sp.lo, sp.hi)
			}
			_ = j
		}
		if total != al.Budget || al.Budget != time.Duration(ref.budget)*step {
			t.Errorf("case %d: speakers have %v in all, budget %v, want %v", i, total, al.Budget, time.Duration(ref.budget)*step)
		}
		for k, seg := range al.Segments {
			var sum time.Duration
			for _, sh := range seg.Speakers {
				sum += sh.Time
				if min := time.Duration(ref.segs[k].minTurn) * step; sh.Time < min {
					t.Errorf("case %d: %s has %v in segment %d, under the least turn %v", i, sh.Name, sh.Time, seg.Segment, min)
				}
			}
			if sum != seg.Speaking {
				t.Errorf("case %d: segment %d's turns add up to %v, not its %v", i, seg.Segment, sum, seg.Speaking)
			}
		}
		for _, bal := range al.Balance {
			if !bal.Dimension.Hard {
				continue
			}
			allowed := time.Duration(bal.Dimension.Tolerance*float64(al.Budget)) + step
			for _, g := range bal.Groups {
				if d := g.Time - g.TargetTime; d > allowed || -d > allowed {
					t.Errorf("case %d: %s %s has %v against %v, beyond %v", i, bal.Dimension.Name(), g.Group, g.Time, g.TargetTime, allowed)
				}
			}
		}
		again, err := balance.Allocate(s, p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(al, again); diff != "" {
			t.Errorf("case %d: second run differs (-first +second):\n%s", i, diff)
		}
	}
	if checked < 500 {
		t.Errorf("only %d feasible cases; the generator needs tuning", checked)
	}
}

// TestPermutedInput shuffles the people and the order segments name them in,
// and checks that every speaker keeps their time in every segment.
func TestPermutedInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for i := range 100 {
		s, p := randomCase(rng)
		al, err := balance.Allocate(s, p)
		if err != nil {
			continue
		}
		shuffled := *s
		shuffled.People = slices.Clone(s.People)
		rng.Shuffle(len(shuffled.People), func(a, b int) { shuffled.People[a], shuffled.People[b] = shuffled.People[b], shuffled.People[a] })
		shuffled.Segments = slices.Clone(s.Segments)
		for k := range shuffled.Segments {
			names := slices.Clone(shuffled.Segments[k].Speakers)
			rng.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
			shuffled.Segments[k].Speakers = names
		}
		got, err := balance.Allocate(&shuffled, p)
		if err != nil {
			t.Fatalf("case %d: the permuted session fails: %v", i, err)
		}
		if diff := gocmp.Diff(bySegment(al), bySegment(got)); diff != "" {
			t.Errorf("case %d: permuting the input changed the allocation (-want +got):\n%s", i, diff)
		}
		if math.Abs(al.Objective-got.Objective) > 1e-9 {
			t.Errorf("case %d: objective %v, permuted %v", i, al.Objective, got.Objective)
		}
		// The run-of-show, turn by turn, is the same.
		ros, _, err := balance.Plan(s, p)
		if err != nil {
			t.Fatal(err)
		}
		rosShuffled, _, err := balance.Plan(&shuffled, p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(ros.Segments, rosShuffled.Segments); diff != "" {
			t.Errorf("case %d: permuting the input changed the run-of-show (-want +got):\n%s", i, diff)
		}
	}
}

// bySegment maps segment and name to time.
func bySegment(al *balance.Allocation) map[string]time.Duration {
	m := map[string]time.Duration{}
	for _, seg := range al.Segments {
		for _, sh := range seg.Speakers {
			m[fmt.Sprintf("%d/%s", seg.Segment, sh.Name)] = sh.Time
		}
	}
	return m
}

// TestSymmetricSpeakers gives a session pairs of interchangeable speakers
// (same groups, segment, bounds and weight) and checks each pair ends within
// one step of each other.
func TestSymmetricSpeakers(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 100 {
		s := genSession(rng, 2+rng.IntN(5), 1)
		base := len(s.People)
		for k := 2; k < base; k++ {
			twin := s.People[k]
			twin.Name += " twin"
			s.People = append(s.People, twin)
			s.Segments[0].Speakers = append(s.Segments[0].Speakers, twin.Name)
		}
		s.Segments[0].Length += time.Duration(base) * 3 * time.Minute
		s.Slot.Length = s.Segments[0].Length
		al, err := balance.Allocate(s, balance.Policy{})
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		times := map[string]time.Duration{}
		for _, sh := range al.Speakers {
			times[sh.Name] = sh.Time
		}
		for k := 2; k < base; k++ {
			a, b := times[s.People[k].Name], times[s.People[k].Name+" twin"]
			if d := a - b; d > al.Step || -d > al.Step {
				t.Errorf("case %d: %s has %v, their twin %v", i, s.People[k].Name, a, b)
			}
		}
	}
}

func TestOnlineOnlySessionDropsMode(t *testing.T) {
	s := genSession(rand.New(rand.NewPCG(1, 1)), 4, 1)
	s.Format = agenda.FormatOnline
	for k := range s.People {
		s.People[k].Mode = agenda.ModeOnline
	}
	al, err := balance.Allocate(s, balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByRegion}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(al.Dropped) != 1 || al.Dropped[0].By != balance.ByMode {
		t.Errorf("Dropped = %+v, want the mode dimension", al.Dropped)
	}
	for _, b := range al.Balance {
		if b.Dimension.By == balance.ByMode {
			t.Errorf("an online-only session is balanced by mode: %+v", b)
		}
	}
}
