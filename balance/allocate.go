package balance

import (
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// MaxProgramme is the most cells the matrix of a session's programme may
// have: rows (one per speaking segment, per type of speaker in several
// segments and per group) times columns (one per type of
// speaker, one per segment of a type in several, and the rows' own).
// Types, not people, make the programme's size: speakers with the same
// groups and segments are one type. Every real session is far below it (a
// 90-minute panel has a few hundred cells, 5,000 speakers in 20 segments
// some tens of thousands), and the limit keeps the worst programme within
// it to about two seconds and 20 MB; past it, [Allocate] and [Plan] return
// an *agenda.LimitError, which matches agenda.ErrTooLarge, before building
// the matrix. Sessions that reach it have hundreds of speakers each of a
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
	// time; they are left out of its shares. In a re-plan's allocation, as
	// its groups, they are the whole session's, with what was said before.
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

// allocate solves the programme, rounds its optimum to steps, and explains
// each speaker's difference from their fair share.
func (pr *problem) allocate() (*Allocation, error) {
	sol, err := pr.solve(pr.kinds())
	if err != nil {
		return nil, err
	}
	r := pr.round(sol)
	al, err := pr.result(sol, r)
	if err != nil {
		return nil, err
	}
	al.Rounded = pr.objectiveAt(sol, r.people) * pr.step.Seconds()
	pr.explainShares(al, sol)
	return al, nil
}
