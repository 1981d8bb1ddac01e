package balance

import (
	"cmp"
	"fmt"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// past is what was said before a re-plan, in steps.
type past struct {
	shares float64            // Σ of the relative fair shares of the whole session's speakers
	total  float64            // time they have spoken
	spoken map[string]float64 // by name key
	rows   []groupRow         // the groups and targets of the whole session
	group  []float64          // per row: the time its group has spoken
	known  []float64          // per row: the time of the speakers with a value in its dimension
	offset []float64          // per row: group − target·known, what the rest must make up

	// Per dimension, the whole session's speakers the rows leave out, with
	// what they said before: those in a group outside the dimension's set
	// (Time in steps), and those with no value in it.
	outside      [][]outsideGroup
	unknown      []int
	unknownSteps []float64

	// opened says, per segment of the rest, whether it is under way, its
	// moderator having opened it already: it keeps no time for an intro
	// (Policy.Intro) again. Parallel breakouts may be under way together.
	opened []bool
}

// Rest returns the part of session s still to come at moment at: its slot
// from at to the end, the segments that end after at, and the segment under
// way cut to start at at, listing only the speakers who have not yet spoken
// in it according to log. A nil session is [ErrNoSession], one beyond
// agenda's limits the *agenda.LimitError of [agenda.Session.CheckSize], a
// log of more than [MaxLogEntries] entries a *LogError wrapping an
// *agenda.LimitError, and a moment at outside the slot a *SessionError; a
// nil log is an empty one.
func Rest(s *agenda.Session, log *Log, at time.Time) (*agenda.Session, error) {
	if s == nil {
		return nil, ErrNoSession
	}
	if err := s.CheckSize(); err != nil {
		return nil, err
	}
	if log == nil {
		log = &Log{}
	}
	if err := checkEntries(len(log.Entries), 0); err != nil {
		return nil, err
	}
	if at.Before(s.Slot.Start) || !at.Before(s.Slot.End()) {
		moment := at.Format(time.RFC3339)
		if !s.Slot.Scheduled() {
			// A slot with no start counts from the zero time: the moment
			// is how long after the start it is.
			moment = signed(at.Sub(s.Slot.Start)) + " from the start"
		}
		return nil, &SessionError{Field: "slot", Value: s.Slot.String(), Reason: fmt.Sprintf("the moment %s is not within the slot", moment)}
	}
	plan := s.Plan()
	rest := *s
	rest.Slot = timeslot.Slot{Start: at, Length: s.Slot.End().Sub(at)}
	rest.Segments = nil
	var turns map[string][]Entry // the log's entries by name key, made when a segment is under way
	for i, seg := range s.Segments {
		span := plan.Spans[i]
		switch {
		case !span.End.After(at):
			continue // over
		case span.Start.Before(at):
			if turns == nil {
				turns = make(map[string][]Entry)
				for _, e := range log.Entries {
					if !e.Speech() {
						continue
					}
					key := agenda.NameKey(e.Name)
					turns[key] = append(turns[key], e)
				}
			}
			seg.Length = span.End.Sub(at)
			seg.Speakers = nil
			for _, name := range s.Segments[i].Speakers {
				if !spokeIn(turns[agenda.NameKey(name)], span.Start, at) {
					seg.Speakers = append(seg.Speakers, name)
				}
			}
		}
		rest.Segments = append(rest.Segments, seg)
	}
	return &rest, nil
}

// spokeIn reports whether any of a person's entries is between from and to;
// an open entry counts from its start.
func spokeIn(entries []Entry, from, to time.Time) bool {
	for _, e := range entries {
		if e.Start.Before(to) && (e.End.IsZero() || e.End.After(from)) {
			return true
		}
	}
	return false
}

// Replan re-allocates the speaking time left at moment at, given the log of
// what was said until then, so that the session ends as close to its
// targets as the time left allows: what each speaker and group has already
// had counts towards their fair share and targets. A moderator can run it at
// the break. Hard rules become strong preferences, ten thousand times their weight,
// since what was said cannot be undone. It returns the run-of-show of the
// rest (see [Rest]), in which the segment under way goes on with its next
// speaker, its moderator having opened it already (no Policy.Intro
// again), and its allocation, whose Balance counts the time already
// spoken; the errors are those of [Rest] and of [Allocate].
func Replan(s *agenda.Session, p Policy, log *Log, at time.Time) (*agenda.RunOfShow, *Allocation, error) {
	rest, err := Rest(s, log, at)
	if err != nil {
		return nil, nil, err
	}
	dims := p.Dimensions
	if dims == nil {
		dims = defaultDimensions()
	}
	soft := p
	soft.Dimensions = make([]Dimension, 0, len(dims)) // not nil: an empty list balances nothing, where nil means the defaults
	for _, d := range dims {
		if d.Hard {
			d.Hard, d.Weight = false, replanHardWeight*cmp.Or(d.Weight, 1)
		}
		soft.Dimensions = append(soft.Dimensions, d)
	}
	whole, err := newProblem(s, soft, nil)
	if err != nil {
		return nil, nil, err
	}
	ps := whole.pastOf(log, at)
	// The rest holds, in order, the segments that end after at (see Rest).
	for _, span := range s.Plan().Spans {
		if span.End.After(at) {
			ps.opened = append(ps.opened, span.Start.Before(at))
		}
	}
	pr, err := newProblem(rest, soft, ps)
	if err != nil {
		return nil, nil, err
	}
	al, err := pr.allocate()
	if err != nil {
		return nil, nil, err
	}
	return runOfShow(rest, al, soft, ps.opened), al, nil
}

// replanHardWeight is how much more than its weight a hard rule's
// deviation costs in a re-plan, where it is a preference.
const replanHardWeight = 10000 // past the band's steepness, so the rule still prevails

// pastOf sums, for the whole session's problem, what the log says its
// speakers said before at.
func (pr *problem) pastOf(log *Log, at time.Time) *past {
	ps := &past{spoken: map[string]float64{}, rows: pr.groupRows(nil)}
	for i, d := range speaking(log, repeats(log), at, true) {
		if d > 0 {
			ps.spoken[agenda.NameKey(log.Entries[i].Name)] += float64(d) / float64(pr.step)
		}
	}
	ps.group = make([]float64, len(ps.rows))
	ps.known = make([]float64, len(ps.rows))
	ps.offset = make([]float64, len(ps.rows))
	for i := range pr.speakers {
		ps.shares += pr.speakers[i].share
	}
	ps.outside = make([][]outsideGroup, len(pr.dims))
	ps.unknown, ps.unknownSteps = make([]int, len(pr.dims)), make([]float64, len(pr.dims))
	for i := range pr.speakers {
		sp := &pr.speakers[i]
		t := ps.spoken[agenda.NameKey(sp.person.Name)]
		ps.total += t
		for d, dim := range pr.dims {
			switch g := dim.groupOf(pr.s, sp.person); {
			case g == "":
				ps.unknown[d]++
				ps.unknownSteps[d] += t
			case dim.outsideSet(g):
				ps.outside[d] = addOutside(ps.outside[d], g, 1, t)
			}
		}
		for r, row := range ps.rows {
			g := sp.groups[row.dim]
			if g == "" {
				continue
			}
			ps.known[r] += t
			if g == row.group {
				ps.group[r] += t
			}
		}
	}
	for r, row := range ps.rows {
		ps.offset[r] = ps.group[r] - row.target*ps.known[r]
	}
	return ps
}
