package balance

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/lp"
	"github.com/fairfloor/fairfloor/timeslot"
)

// MaxProgramme is the most cells the simplex tableau of a session's
// programme may have: rows (one per speaking segment, per type of speaker
// in several segments and per group) times columns (one per type of
// speaker, one per segment of a type in several, and the rows' own).
// Types, not people, make the programme's size: speakers with the same
// groups and segments are one type. Every real session is far below it (a
// 90-minute panel has a few hundred cells, 5,000 speakers in 20 segments
// some tens of thousands), and the limit keeps the worst programme within
// it to about two seconds and 20 MB; past it, [Allocate] and [Plan] return
// an *agenda.LimitError, which matches agenda.ErrTooLarge, before building
// the tableau. Sessions that reach it have hundreds of speakers each of a
// type of their own and in several of a hundred segments.
const MaxProgramme = 1_000_000

// Allocation is how a session's speaking time is shared among its speakers.
type Allocation struct {
	Budget time.Duration // B, the speaking time of all speaking segments together
	Step   time.Duration // every speech is a whole number of steps

	Speakers []Speaker      // every speaker, in the order of Session.People
	Segments []SegmentShare // every speaking segment, in the order of Session.Segments
	Balance  []Balance      // every dimension balanced, in the order of the policy

	// Dropped are the policy's dimensions that do not apply to the session,
	// such as the mode dimension of an online-only session.
	Dropped []Dimension

	// Objective is the optimum of the programme before rounding, and
	// Rounded the objective of the allocation in whole steps, both in
	// weighted seconds (see the package documentation).
	Objective float64
	Rounded   float64
}

// Speaker is one speaker's time: in an [Allocation], against their fair
// share; in a [Report], with their roles and share of the speaking time.
type Speaker struct {
	Name  string
	Roles []agenda.Role // in a report
	Time  time.Duration
	Share float64       // of Report.Speaking; in a report
	Fair  time.Duration // f_i, the speaker's fair share: B divided by the number of speakers (in a re-plan, what is left of it); in an allocation

	// Why explains Time − Fair, part by part (see [Reason]): what the
	// segments and bounds alone give, then each dimension of the policy in
	// its order, then the rounding to whole steps. The parts add up to the
	// difference from Fair taken to the second. It is empty when the
	// speaker has their fair share, in a re-plan, and in a report.
	Why []Reason
}

// SegmentShare is the speaking time of one segment.
type SegmentShare struct {
	Segment  int           // index in Session.Segments
	Speaking time.Duration // the segment's length less the time kept for moderation and audience
	Speakers []Speaker     // in the order of the segment's Speakers list; Fair is unset
}

// Balance is how one dimension's groups fare: in an [Allocation], the
// groups' time against their targets; in a [Report], also the shares of
// time and the speakers left out (Dimensions), or the headcount of the
// line-up (Lineup); in a [Forum], over the whole programme. Each says
// which of its fields it sets.
type Balance struct {
	Dimension Dimension
	Groups    []Group // sorted by group name: the groups with speakers, and in a report those the policy names, in a forum every group of the full set

	// Missing lists the groups of the dimension's full set (the five UN
	// regional groups, the five stakeholder groups, onsite and online) that
	// no speaker belongs to; in a report.
	Missing []string

	// Unknown counts the speakers with no value in the dimension (a value
	// the source marks private counts as none), and UnknownTime is their
	// time; they are left out of its shares. Not in an allocation, whose
	// Speakers give each speaker's time.
	Unknown     int
	UnknownTime time.Duration

	// Counted is the number of speakers whose time the shares are of, and
	// Time (in a forum) their time: those with a value in the dimension,
	// less those in a group outside its full set.
	Counted int
	Time    time.Duration

	// Evenness is the normalised entropy of the groups' shares of time,
	// −Σ p_g·ln p_g / ln k over the k groups that have speakers: 1 when
	// they share the time equally, 0 when one group has it all. It is 1 for
	// a single group. In a report's Dimensions.
	Evenness float64

	// Gap is half the sum over groups of |share − target|: the share of the
	// time that would have to change hands to meet every target. In a
	// report's Dimensions.
	Gap float64

	// Distance is how far the counted speakers are from an equal share of
	// each group of the dimension's full set of k groups,
	// ½·Σ_g |n_g/Counted − 1/k|: 0 for a line-up spread equally over the
	// full set, 1 − 1/k (0.8 for five groups) for one where every counted
	// speaker is in one group. It is 0 for a dimension without a full set
	// or without counted speakers. In a report's Lineup.
	Distance float64
}

// Group is one group of a dimension, its speakers and their time against
// the group's target, in an [Allocation], a [Report] or a [Forum].
type Group struct {
	Group    string
	Speakers int           // in a forum, the people who speak as members of the group in at least one session
	People   []string      // the speakers in the group, in the order of Session.People; in a report
	Time     time.Duration // in a forum, over all sessions; none in a report's Lineup

	// Share is the group's part of the time of the dimension's Counted
	// speakers, and Target the target share t_g: in a report as the policy
	// sets it, in a forum an equal share among the dimension's full set of
	// groups where it has one, else among the groups with speakers. Neither
	// is set in an allocation, whose TargetTime is the target's time.
	Share  float64
	Target float64

	// TargetTime is the target's time, t_g times the time of the speakers
	// with a value in the dimension; in an allocation.
	TargetTime time.Duration

	// Deviation is Time less the target's time; in a report.
	Deviation time.Duration

	// Outside is set for a value that is not one of the dimension's full
	// set, such as "Intergovernmental Organization" given as a regional
	// group: the group is shown, with its speakers and time, but has no
	// share and no target, takes no part in the others' targets, Gap and
	// Evenness, and is not counted.
	Outside bool
}

// points returns the group's distance from its target share in percentage
// points, positive when it has more than its target.
func (g Group) points() float64 { return 100 * (g.Share - g.Target) }

// Allocate shares the speaking time of a session according to policy p.
//
// It does not validate the session (call [agenda.Session.Validate] for
// that), but needs every speaker a segment names to be among its people,
// and returns a *SessionError otherwise. A nil session is [ErrNoSession],
// and one beyond agenda.MaxPeople or agenda.MaxSegments the
// *agenda.LimitError of [agenda.Session.CheckSize], matching
// agenda.ErrTooLarge, before any other work. A malformed policy is a
// *PolicyError. When the policy's hard rules cannot all be met it returns
// an *InfeasibleError, matching [ErrInfeasible], that says why and what
// would change it, or several joined with [errors.Join].
func Allocate(s *agenda.Session, p Policy) (*Allocation, error) {
	pr, err := newProblem(s, p, nil)
	if err != nil {
		return nil, err
	}
	return pr.allocate()
}

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
}

type segment struct {
	index    int           // in Session.Segments
	speakers []int         // indices into problem.speakers, in the order listed
	capacity int           // speaking time in steps
	minTurn  int           // steps each of its speakers gets at least
	kept     time.Duration // moderation and audience time, before rounding
}

type speaker struct {
	person   *agenda.Person
	index    int    // in Session.People
	key      string // agenda.NameKey of the name, for ordering ties
	segs     []int  // indices into problem.segs
	groups   []string
	lo, hi   int     // bounds in steps
	weight   float64 // w_i
	share    float64 // the speaker's relative fair share: 1, or Limits.Share
	fair     float64 // f_i in steps
	clamped  float64 // c_i: the fair share clamped to the bounds
	base     float64 // the speaker's cost at c_i
	up, down []piece // ways to move from c_i, cheapest first: inside the spread band, then beyond
	minGiven time.Duration
	maxGiven time.Duration
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
	pr := &problem{s: s, policy: p, past: ps, step: cmp.Or(p.Step, defaultStep), fairness: cmp.Or(p.Fairness, defaultFairness)}
	if pr.step < time.Second || pr.step%time.Second != 0 {
		return nil, &PolicyError{Field: "Step", Value: p.Step.String(), Reason: "must be a whole number of seconds, at least one"}
	}
	if !finite(pr.fairness) {
		return nil, &PolicyError{Field: "Fairness", Value: fmt.Sprint(p.Fairness), Reason: "must be a finite number, not negative"}
	}
	if p.Deviation != DeviationQuadratic && p.Deviation != DeviationLinear {
		return nil, &PolicyError{Field: "Deviation", Value: string(p.Deviation), Reason: "want quadratic (empty) or linear"}
	}
	if err := pr.resolveDimensions(); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"Min", p.Min}, {"Max", p.Max}, {"Intro", p.Intro}, {"Handover", p.Handover}, {"OnlineHandover", p.OnlineHandover}, {"Audience", p.Audience}} {
		if d.v < 0 {
			return nil, &PolicyError{Field: d.name, Value: d.v.String(), Reason: "must not be negative"}
		}
	}

	// A name finds the first person with that name or, failing that, with
	// that name key. Names as written in People are the usual way segments
	// name people; the keys are only needed when a name is written otherwise.
	keys := make([]string, len(s.People))
	byName := make(map[string]int, len(s.People))
	for i := len(s.People) - 1; i >= 0; i-- {
		keys[i] = agenda.NameKey(s.People[i].Name)
		byName[s.People[i].Name] = i
	}
	var byKey map[string]int
	lookup := func(name string) (int, bool) {
		if i, ok := byName[name]; ok {
			return i, true
		}
		if byKey == nil {
			byKey = make(map[string]int, len(s.People))
			for i := len(keys) - 1; i >= 0; i-- {
				byKey[keys[i]] = i
			}
		}
		i, ok := byKey[agenda.NameKey(name)]
		return i, ok
	}
	if len(p.People) > 0 {
		pr.limits = make([]Limits, len(s.People))
		given := make([]string, len(s.People)) // the policy's spelling of each person's name
		set := make([]bool, len(s.People))     // whether given holds it, as a name may be ""
		for name, l := range p.People {
			i, ok := lookup(name)
			if !ok {
				return nil, &PolicyError{Field: "People", Value: name, Reason: "not among the session's people"}
			}
			if l.Min < 0 || l.Max < 0 || !finite(l.Weight) || !finite(l.Share) {
				return nil, &PolicyError{Field: "People[" + strconv.Quote(name) + "]", Value: fmt.Sprintf("%+v", l), Reason: "bounds, weight and share must be finite and not negative"}
			}
			if set[i] {
				a, b := min(given[i], name), max(given[i], name)
				return nil, &PolicyError{Field: "People", Value: a, Reason: fmt.Sprintf("the same person as %q", b)}
			}
			given[i], set[i] = name, true
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
	var speaking []int   // indices of the speaking segments
	var listedBy [][]int // per speaking segment: the people it lists, as indices into s.People
	speaks := make([]bool, len(s.People))
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
			speaks[pi] = true
			people[k] = pi
		}
		speaking = append(speaking, i)
		listedBy = append(listedBy, people)
	}
	count := 0
	for _, yes := range speaks {
		count += btoi(yes)
	}
	pr.speakers = make([]speaker, 0, count)
	speakerOf := make([]int, len(s.People))
	for pi := range s.People {
		speakerOf[pi] = -1
		if speaks[pi] {
			speakerOf[pi] = len(pr.speakers)
			pr.speakers = append(pr.speakers, speaker{person: &s.People[pi], index: pi, key: keys[pi]})
		}
	}
	listed := make([]int, len(pr.speakers)) // the last speaking segment, plus one, that listed each speaker
	for n, i := range speaking {
		seg := &s.Segments[i]
		sg := segment{index: i}
		kept := p.Intro + p.Audience
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

// defaultMinTurn is the least turn when the policy sets none: half an equal
// share of the segment's speaking time, and at least one step if there are
// enough steps for everyone.
func defaultMinTurn(capacity, speakers int) int {
	if capacity < speakers {
		return 0
	}
	return max(1, capacity/(2*speakers))
}

// resolveDimensions applies the format rule and checks the dimensions.
func (pr *problem) resolveDimensions() error {
	dims := pr.policy.Dimensions
	if dims == nil {
		dims = DefaultDimensions()
	}
	seen := map[string]bool{}
	for i, d := range dims {
		field := fmt.Sprintf("Dimensions[%d]", i)
		if err := d.By.check(); err != nil {
			err.Field = field + ".By"
			return err
		}
		if d.By == ByLabel && d.Label == "" {
			return &PolicyError{Field: field + ".Label", Reason: "a label dimension needs the label's key"}
		}
		if seen[d.Name()] {
			return &PolicyError{Field: field, Value: d.Name(), Reason: "dimension given twice"}
		}
		seen[d.Name()] = true
		if d.Weight < 0 || math.IsNaN(d.Weight) || math.IsInf(d.Weight, 0) {
			return &PolicyError{Field: field + ".Weight", Value: fmt.Sprint(d.Weight), Reason: "must be a finite number, not negative"}
		}
		if d.Tolerance < 0 || d.Tolerance > 1 || math.IsNaN(d.Tolerance) {
			return &PolicyError{Field: field + ".Tolerance", Value: fmt.Sprint(d.Tolerance), Reason: "must be between 0 and 1"}
		}
		switch d.Target {
		case TargetDefault, TargetEqual, TargetHeadcount:
		case TargetExplicit:
			sum := 0.0
			for g, share := range d.Shares {
				if share < 0 || math.IsNaN(share) {
					return &PolicyError{Field: field + ".Shares[" + strconv.Quote(g) + "]", Value: fmt.Sprint(share), Reason: "must not be negative"}
				}
				sum += share
			}
			if math.Abs(sum-1) > 1e-9 {
				return &PolicyError{Field: field + ".Shares", Value: fmt.Sprint(sum), Reason: "explicit shares must add up to 1"}
			}
		default:
			return &PolicyError{Field: field + ".Target", Value: string(d.Target), Reason: "want equal, headcount or explicit"}
		}
		if d.By == ByMode && pr.s.Format != agenda.FormatHybrid {
			pr.dropped = append(pr.dropped, d)
			continue
		}
		pr.dims = append(pr.dims, d)
	}
	return nil
}

// resolveSpeakers sets each speaker's groups, bounds, weight, fair share,
// and the pieces of their cost around the fair share.
func (pr *problem) resolveSpeakers() error {
	spread := cmp.Or(pr.policy.Spread, defaultSpread)
	if spread < 0 || math.IsNaN(spread) {
		return &PolicyError{Field: "Spread", Value: fmt.Sprint(pr.policy.Spread), Reason: "must not be negative"}
	}
	if pr.policy.MinTurn < 0 {
		return &PolicyError{Field: "MinTurn", Value: pr.policy.MinTurn.String(), Reason: "must not be negative"}
	}
	n, nd := len(pr.speakers), len(pr.dims)
	groups := make([]string, n*nd)       // one allocation for everyone's groups
	pieceStore := make([]piece, 0, 16*n) // and one for their pieces
	shares := 0.0                        // Σ of the speakers' relative shares
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
		sp.minGiven = cmp.Or(l.Min, pr.policy.Min)
		sp.maxGiven = cmp.Or(l.Max, pr.policy.Max)
		sp.weight = cmp.Or(l.Weight, 1)
		room, turns := 0, 0
		for _, k := range sp.segs {
			room += pr.segs[k].capacity
			turns += pr.segs[k].minTurn
		}
		sp.lo = max(int((sp.minGiven+pr.step-1)/pr.step), turns)
		sp.hi = room
		if sp.maxGiven > 0 {
			sp.hi = min(room, int(sp.maxGiven/pr.step))
		}
		if sp.lo > sp.hi {
			conflicts = append(conflicts, pr.boundConflict(sp, room, turns))
			continue
		}
		f := float64(pr.budget) * sp.share / shares
		scale := f
		if pr.past != nil {
			// The fair share is of the whole session; what is left of it is
			// the fair share of the rest.
			scale = (float64(pr.budget) + pr.past.total) * sp.share / pr.past.shares
			f = scale - pr.past.spoken[sp.key]
		}
		dev := deviation{kind: pr.policy.Deviation, f: f, scale: max(scale, 1), band: spread * scale,
			w: pr.fairness * sp.weight, lo: float64(sp.lo), hi: float64(sp.hi)}
		sp.fair = f
		sp.clamped, sp.base, sp.up, sp.down, pieceStore = dev.pieces(pieceStore)
	}
	return errors.Join(conflicts...)
}

// finite reports whether x is a finite number, not negative.
func finite(x float64) bool { return x >= 0 && !math.IsInf(x, 0) }

// steps converts a number of steps to a duration.
func (pr *problem) steps(n float64) time.Duration {
	return time.Duration(math.Round(n * float64(pr.step)))
}

// kind is a type of speaker: the speakers with the same group in every
// dimension and the same speaking segments. Group times depend only on each
// type's total, so the programme has a variable per type, not per person.
type kind struct {
	key     string
	members []int // speaker indices, sorted by name key
	segs    []int
	groups  []string
	lo, hi  int       // Σ bounds of the members
	clamped float64   // C_k = Σ c_i
	base    float64   // Σ w_i |c_i − f_i|, the cost at Y_k = C_k
	up      []piece   // ways to raise Y_k above C_k, cheapest first
	down    []piece   // ways to lower it
	cost    lp.Convex // the cost of Y_k − C_k, from down and up
}

// piece is room to move a total, at a cost per step.
type piece struct {
	cost     float64
	capacity float64
}

func (pr *problem) kinds() []kind {
	hint := min(len(pr.speakers), 64) // types are few whatever the headcount
	index := make(map[string]int, hint)
	ks := make([]kind, 0, hint)
	var buf []byte
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		buf = buf[:0]
		for _, g := range sp.groups {
			buf = append(buf, g...)
			buf = append(buf, 0)
		}
		for _, k := range sp.segs {
			buf = strconv.AppendInt(buf, int64(k), 10)
			buf = append(buf, ',')
		}
		k, ok := index[string(buf)] // no allocation for a lookup
		if !ok {
			k = len(ks)
			key := string(buf)
			index[key] = k
			ks = append(ks, kind{key: key, segs: sp.segs, groups: sp.groups})
		}
		ks[k].members = append(ks[k].members, i)
	}
	slices.SortFunc(ks, func(a, b kind) int { return strings.Compare(a.key, b.key) })
	for k := range ks {
		t := &ks[k]
		slices.SortFunc(t.members, func(a, b int) int { return strings.Compare(pr.speakers[a].key, pr.speakers[b].key) })
		for _, i := range t.members {
			sp := &pr.speakers[i]
			t.lo += sp.lo
			t.hi += sp.hi
			t.clamped += sp.clamped
			t.base += sp.base
			t.up = append(t.up, sp.up...)
			t.down = append(t.down, sp.down...)
		}
		t.up, t.down = mergePieces(t.up), mergePieces(t.down)
		t.cost = t.convex()
	}
	return ks
}

// convex returns the type's cost as a function of Y_k − C_k: its
// lowerings to the left of 0, dearest furthest, and its raises to the right.
func (t *kind) convex() lp.Convex {
	pts := make([]float64, 0, len(t.down)+len(t.up)+1)
	slopes := make([]float64, 0, len(t.down)+len(t.up))
	at := 0.0
	for i := len(t.down) - 1; i >= 0; i-- {
		at -= t.down[i].capacity
	}
	pts = append(pts, at)
	for i := len(t.down) - 1; i >= 0; i-- {
		at += t.down[i].capacity
		pts, slopes = append(pts, at), append(slopes, -t.down[i].cost)
	}
	pts[len(pts)-1], at = 0, 0 // exactly, whatever the rounding of the sum
	for _, p := range t.up {
		at += p.capacity
		pts, slopes = append(pts, at), append(slopes, p.cost)
	}
	return lp.Convex{Points: pts, Slopes: slopes}
}

// mergePieces sorts pieces by cost, cheapest first, and merges those of
// the same cost into one with their rooms added up.
func mergePieces(list []piece) []piece {
	slices.SortFunc(list, func(a, b piece) int { return cmp.Compare(a.cost, b.cost) })
	out := list[:0]
	for _, p := range list {
		if n := len(out); n > 0 && out[n-1].cost == p.cost {
			out[n-1].capacity += p.capacity
			continue
		}
		out = append(out, p)
	}
	return out
}

// groupRow is one (dimension, group) row of the programme.
type groupRow struct {
	dim    int
	group  string
	target float64 // t_g
	count  int     // speakers in the group
}

// groupRows returns the groups of every dimension, with their targets.
func (pr *problem) groupRows() []groupRow {
	if pr.past != nil {
		return pr.past.rows
	}
	var rows []groupRow
	for d, dim := range pr.dims {
		count := map[string]int{}
		share := map[string]float64{}   // Σ of the members' relative fair shares
		extraOf := map[string]float64{} // Σ of the members' shares beyond 1
		known, extra := 0.0, 0.0
		for i := range pr.speakers {
			if g := pr.speakers[i].groups[d]; g != "" {
				sh := pr.speakers[i].share
				count[g]++
				share[g] += sh
				known += sh
				extraOf[g] += sh - 1
				extra += sh - 1
			}
		}
		if known == 0 {
			continue
		}
		names := map[string]bool{}
		for g := range count {
			names[g] = true
		}
		if dim.Target == TargetExplicit {
			for g := range dim.Shares {
				names[g] = true
			}
		}
		for _, g := range slices.Sorted(maps.Keys(names)) {
			r := groupRow{dim: d, group: g, count: count[g]}
			switch dim.target() {
			case TargetEqual:
				// Each group present has an equal part of the speakers'
				// ordinary shares, and a speaker's share beyond 1 (a
				// keynote's) goes to their own group, so that a keynote's
				// fair share does not count against their groups.
				r.target = (float64(known-extra)/float64(len(count)) + extraOf[g]) / known
			case TargetHeadcount:
				r.target = share[g] / known
			case TargetExplicit:
				r.target = dim.Shares[g]
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// layout numbers the variables of the programme.
type layout struct {
	dev   []int   // per type: Y_k − C_k, whose cost is the type's pieces
	split [][]int // per type in more than one segment, per segment of the type: y_ks
	plus  []int   // per group row: s⁺
	minus []int   // per group row: s⁻
	n     int
}

func (pr *problem) allocate() (*Allocation, error) {
	sol, err := pr.solve(pr.kinds())
	if err != nil {
		return nil, err
	}
	r := pr.round(sol.ks, sol.rows, sol.perSeg)
	al, err := pr.result(sol.rows, r, sol.objective)
	if err != nil {
		return nil, err
	}
	al.Rounded = pr.objectiveAt(sol.ks, sol.rows, r.people) * pr.step.Seconds()
	pr.explainShares(al, sol)
	return al, nil
}

// solved is the optimum of the programme before rounding.
type solved struct {
	ks        []kind
	rows      []groupRow
	perSeg    [][]float64 // per type, per segment of the type: steps
	total     []float64   // per type: Y_k
	objective float64     // in weighted steps
}

// solve solves the programme of pr's dimensions over the types ks (see
// [problem.kinds]; types of the same groups in more dimensions than pr's
// serve as well).
func (pr *problem) solve(ks []kind) (*solved, error) {
	rows := pr.groupRows()
	cols := 2*len(rows) + len(ks) // the columns, counted first so that nothing grows as they are added
	for k := range ks {
		if len(ks[k].segs) > 1 {
			cols += len(ks[k].segs)
		}
	}
	lay := layout{dev: make([]int, 0, len(ks)), split: make([][]int, 0, len(ks))}
	c, lo, hi := make([]float64, 0, cols), make([]float64, 0, cols), make([]float64, 0, cols)
	convex := make([]lp.Convex, 0, cols)
	index := make([]int, 0, cols) // backing store of the split lists
	add := func(cost, upper float64) int {
		c, lo, hi, convex = append(c, cost), append(lo, 0), append(hi, upper), append(convex, lp.Convex{})
		lay.n++
		return lay.n - 1
	}
	for k := range ks {
		// Y_k − C_k, a column whose cost is the type's pieces: lowerings
		// below 0, raises above, cheapest nearest.
		j := add(0, 0)
		convex[j] = ks[k].cost
		lo[j], hi[j] = convex[j].Points[0], convex[j].Points[len(convex[j].Points)-1]
		lay.dev = append(lay.dev, j)
		var split []int
		if len(ks[k].segs) > 1 {
			split = index[len(index) : len(index) : len(index)+len(ks[k].segs)]
			for _, si := range ks[k].segs {
				j := add(0, math.Inf(1))
				lo[j] = float64(pr.segs[si].minTurn * len(ks[k].members))
				split = append(split, j)
			}
			index = index[:len(index)+len(split)]
		}
		lay.split = append(lay.split, split)
	}
	B := float64(pr.budget)
	for _, r := range rows {
		dim := pr.dims[r.dim]
		w, bound := dim.weight(), math.Inf(1)
		if dim.Hard {
			bound = dim.Tolerance * B
		}
		lay.plus = append(lay.plus, add(w, bound))
		lay.minus = append(lay.minus, add(w, bound))
	}

	// Rows: one per speaking segment, one per type in several segments, one per group.
	var multi []int
	for k := range ks {
		if len(ks[k].segs) > 1 {
			multi = append(multi, k)
		}
	}
	m := len(pr.segs) + len(multi) + len(rows)
	if cells := m * (lay.n + m); cells > MaxProgramme {
		return nil, &agenda.LimitError{What: "cells in the tableau of its programme", Count: cells, Max: MaxProgramme, Limit: "balance.MaxProgramme"}
	}
	a := mat.NewDense(max(m, 1), max(lay.n, 1), nil)
	b := make([]float64, max(m, 1))
	// delta adds coef·(Y_k − C_k) to row r.
	raw := a.RawMatrix()
	delta := func(r, k int, coef float64) {
		raw.Data[r*raw.Stride+lay.dev[k]] += coef
	}
	for si, sg := range pr.segs {
		b[si] = float64(sg.capacity)
	}
	for k := range ks {
		if len(ks[k].segs) == 1 {
			si := ks[k].segs[0]
			delta(si, k, 1)
			b[si] -= ks[k].clamped
			continue
		}
		for i, si := range ks[k].segs {
			a.Set(si, lay.split[k][i], 1)
		}
	}
	for i, k := range multi {
		r := len(pr.segs) + i
		for _, j := range lay.split[k] {
			a.Set(r, j, 1)
		}
		delta(r, k, -1)
		b[r] = ks[k].clamped
	}
	for i, gr := range rows {
		r := len(pr.segs) + len(multi) + i
		for k := range ks {
			g := ks[k].groups[gr.dim]
			if g == "" {
				continue
			}
			coef := -gr.target
			if g == gr.group {
				coef++
			}
			delta(r, k, coef)
			b[r] -= coef * ks[k].clamped
		}
		if pr.past != nil {
			b[r] -= pr.past.offset[i]
		}
		a.Set(r, lay.plus[i], -1)
		a.Set(r, lay.minus[i], 1)
	}

	base := 0.0
	for k := range ks {
		base += ks[k].base
	}
	total := make([]float64, len(ks)) // Y_k
	perSeg := make([][]float64, len(ks))
	for k := range ks {
		// Every segment shorter than a step, and so without variables,
		// leaves its types nothing.
		perSeg[k] = make([]float64, len(ks[k].segs))
	}
	objective := base
	if m > 0 && lay.n > 0 {
		sol := (&lp.Problem{C: c, A: a, B: b, Lo: lo, Hi: hi, Convex: convex}).Solve()
		switch sol.Status {
		case lp.Optimal:
		case lp.Infeasible:
			return nil, pr.explain(ks, rows, sol.Conflict, len(multi))
		default:
			// Every variable is bounded and the objective is bounded below
			// by its base: only a fault of the method gets here.
			return nil, fmt.Errorf("%w: the simplex ended %v after %d pivots", ErrInternal, sol.Status, sol.Pivots)
		}
		objective += sol.Objective
		for k := range ks {
			total[k] = ks[k].clamped + sol.X[lay.dev[k]]
			if len(ks[k].segs) == 1 {
				perSeg[k][0] = total[k]
			} else {
				for i, j := range lay.split[k] {
					perSeg[k][i] = sol.X[j]
				}
			}
		}
	} else if m > 0 {
		// No variables: every segment's speaking time must already be met.
		for si, sg := range pr.segs {
			if sg.capacity != 0 {
				return nil, pr.explain(ks, rows, []lp.Residual{{Row: si, Value: float64(sg.capacity)}}, 0)
			}
		}
	}
	return &solved{ks: ks, rows: rows, perSeg: perSeg, total: total, objective: objective}, nil
}
