package balance

import (
	"time"

	"github.com/fairfloor/fairfloor/agenda"
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

	Speakers []Share        // every speaker, in the order of Session.People
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

// Share is one speaker's time.
type Share struct {
	Name string
	Time time.Duration
	Fair time.Duration // f_i, the speaker's fair share: B divided by the number of speakers (in a re-plan, what is left of it)

	// Why explains Time − Fair, part by part (see [Reason]): what the
	// segments and bounds alone give, then each dimension of the policy in
	// its order, then the rounding to whole steps. The parts add up to the
	// difference from Fair taken to the second. It is empty when the
	// speaker has their fair share, and in a re-plan.
	Why []Reason
}

// SegmentShare is the speaking time of one segment.
type SegmentShare struct {
	Segment  int           // index in Session.Segments
	Speaking time.Duration // the segment's length less the time kept for moderation and audience
	Speakers []Share       // in the order of the segment's Speakers list; Fair is unset
}

// Balance is how one dimension's groups fare.
type Balance struct {
	Dimension Dimension
	Groups    []GroupShare // sorted by group name
}

// GroupShare is one group's time against its target.
type GroupShare struct {
	Group    string
	Speakers int
	Time     time.Duration
	Target   time.Duration // t_g times the time of the speakers with a value in the dimension

	// Outside marks a value that is not one of the dimension's groups, such
	// as "Intergovernmental Organization" as a region: shown, with no
	// target, and left out of the others' targets.
	Outside bool
}

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

// allocate solves the programme, rounds its optimum to steps, and explains
// each speaker's difference from their fair share.
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
