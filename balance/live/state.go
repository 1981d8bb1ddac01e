package live

import (
	"cmp"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/penalty"
)

// State is what a [Session] says at one moment.
type State struct {
	At time.Time // the moment

	// Seq counts the lines of the live log behind the state, one for each
	// entry's start and one for each end: every event adds at least one,
	// and the same log always gives the same Seq, so two pages showing the
	// same Seq show the same state.
	Seq int

	Floor Floor

	// Next is who should speak next, best first: the speakers of the
	// segment under way (see Segment) whose speech there has not been
	// given yet, without whoever has the floor. The order rules come
	// first: the people the policy pins first (Policy.First), then the
	// others, then those pinned last (Policy.Last); then the least penalty
	// after the last speaker (as balance.Order weighs a pair: the same
	// mode, regional group or stakeholder group), so onsite and online alternate; then the largest
	// shortfall against the plan (planned less spoken, over the session);
	// then the plan's order.
	Next []string

	// Segment is the index in the session's segments of the segment under
	// way: that of the first planned speech not yet given, in the order of
	// the run-of-show; -1 once every planned speech has been given.
	Segment int

	Speakers []Speaker // every speaker, and everyone else who has spoken, in the order of the session's people
	Groups   []Group   // per dimension of the policy, its groups, as balance.Report orders them

	Paused, Outside time.Duration // pauses; points of order and interventions (see balance.Audit)
	WrapUp          time.Duration // Options.WrapUp
}

// Floor is the turn under way.
type Floor struct {
	Speaker string      // who has the floor, or whose turn is interrupted; empty when nobody
	Mode    agenda.Mode // the speaker's
	Since   time.Time   // when the turn began

	Spoken   time.Duration // of the turn, without its pauses and interruptions
	Allotted time.Duration // the turn's time in the plan (see the package doc)
	Left     time.Duration // Allotted less Spoken; negative when the turn runs over

	// Running is set while the speaker's clock runs: they have the floor,
	// and nothing interrupts them.
	Running bool

	// Break is the pause, point of order or intervention under way, if any,
	// since BreakSince, raised by BreakName (the speaker for a pause).
	Break      balance.EntryKind
	BreakName  string
	BreakSince time.Time
}

// Speaker is one person's speaking time against the plan.
type Speaker struct {
	Name    string
	Mode    agenda.Mode
	Planned time.Duration
	Actual  time.Duration
	Turns   int
}

// Group is one group's speaking time against the plan.
type Group struct {
	Dimension string // as balance.Dimension.Name gives it, such as "mode"
	Group     string
	Planned   time.Duration
	Actual    time.Duration
	Target    float64 // the group's target share
	Share     float64 // its share of the time so far, among the dimension's counted speakers
}

// State returns the state at the clock's moment. Its error is that of
// balance.AuditLog, which it counts the time with.
func (ls *Session) State() (*State, error) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	at := ls.now()
	log := ls.closed(at)
	a, err := balance.AuditLog(ls.s, ls.ros, ls.o.Policy, log)
	if err != nil {
		return nil, err
	}
	st := &State{At: at, Segment: -1, Paused: a.Paused, Outside: a.Outside, WrapUp: ls.o.WrapUp}
	for _, e := range ls.log.Entries {
		st.Seq++
		if !e.End.IsZero() {
			st.Seq++
		}
	}
	actual := map[string]time.Duration{}
	for _, pa := range a.People {
		if !pa.Known {
			continue // nobody can take the floor under an unknown name; a log read from elsewhere may hold one
		}
		sp := Speaker{Name: pa.Name, Planned: pa.Planned, Actual: pa.Actual, Turns: pa.Turns}
		if p, ok := ls.roster.Person(pa.Name); ok {
			sp.Mode = p.Mode
		}
		actual[agenda.NameKey(pa.Name)] = pa.Actual
		st.Speakers = append(st.Speakers, sp)
	}
	st.Groups = groups(a)

	// The turns each person has taken, and the one under way.
	taken := map[string]int{}
	speechAt, brk := ls.open()
	last := "" // the name key of the last speaker
	for i, e := range ls.log.Entries {
		if !e.Speech() {
			continue
		}
		key := agenda.NameKey(e.Name)
		taken[key]++
		last = key
		if i == speechAt {
			p, _ := ls.roster.Person(e.Name)
			spoken := turnSpoken(log, i)
			st.Floor = Floor{Speaker: p.Name, Mode: p.Mode, Since: e.Start, Spoken: spoken, Running: brk < 0}
			st.Floor.Allotted = ls.allotted(key, taken[key]-1, actual[key]-spoken)
			st.Floor.Left = st.Floor.Allotted - st.Floor.Spoken
		}
	}
	if brk >= 0 {
		b := ls.log.Entries[brk]
		st.Floor.Break, st.Floor.BreakName, st.Floor.BreakSince = b.Kind, b.Name, b.Start
	}
	st.Segment, st.Next = ls.next(taken, last, st.Floor.Speaker, actual)
	return st, nil
}

// allotted is the time of a speaker's nth turn: their nth speech in the
// plan, or, beyond the plan's, what is left of their planned time after
// what they said before the turn.
func (ls *Session) allotted(key string, nth int, before time.Duration) time.Duration {
	if sp := ls.speeches[key]; nth < len(sp) {
		return sp[nth].length
	}
	var planned time.Duration
	for _, sp := range ls.speeches[key] {
		planned += sp.length
	}
	return max(planned-before, 0)
}

// turnSpoken is the time speech i of log counts towards its speaker: its
// length less the interruptions within it. A live log has at most one
// interruption open at a time, so they never overlap.
func turnSpoken(log *balance.Log, i int) time.Duration {
	e := log.Entries[i]
	d := e.End.Sub(e.Start)
	for _, b := range log.Entries[i+1:] { // an interruption of a turn starts after it
		if b.Speech() {
			continue
		}
		from, to := max(b.Start.UnixNano(), e.Start.UnixNano()), min(b.End.UnixNano(), e.End.UnixNano())
		if to > from {
			d -= time.Duration(to - from)
		}
	}
	return d
}

// groups joins the planned and actual reports of an audit by dimension
// and group.
func groups(a *balance.Audit) []Group {
	type key struct{ dim, group string }
	planned := map[key]time.Duration{}
	if a.Planned != nil {
		for _, d := range a.Planned.Dimensions {
			for _, g := range d.Groups {
				planned[key{d.Dimension.Name(), g.Group}] = g.Time
			}
		}
	}
	var out []Group
	for _, d := range a.Actual.Dimensions {
		for _, g := range d.Groups {
			if g.Outside {
				continue
			}
			out = append(out, Group{Dimension: d.Dimension.Name(), Group: g.Group, Planned: planned[key{d.Dimension.Name(), g.Group}], Actual: g.Time, Target: g.Target, Share: g.Share})
		}
	}
	return out
}

// next returns the segment under way and who should speak next in it, as
// State.Next says.
func (ls *Session) next(taken map[string]int, last, holder string, actual map[string]time.Duration) (int, []string) {
	segment := -1
	for _, sp := range ls.order {
		if sp.nth >= taken[sp.key] {
			segment = sp.segment
			break
		}
	}
	if segment < 0 {
		return -1, nil
	}
	type candidate struct {
		p        *agenda.Person
		class    int
		penalty  int
		short    time.Duration
		position int
	}
	holderKey := agenda.NameKey(holder)
	var cands []candidate
	modes := map[agenda.Mode]bool{}
	for _, sp := range ls.order {
		if sp.segment != segment {
			continue
		}
		p, _ := ls.roster.Person(sp.name)
		if p.Mode != "" {
			modes[p.Mode] = true
		}
		if sp.nth < taken[sp.key] || sp.key == holderKey {
			continue
		}
		var planned time.Duration
		for _, s := range ls.speeches[sp.key] {
			planned += s.length
		}
		cands = append(cands, candidate{p: p, class: ls.pin(sp.key), short: planned - actual[sp.key], position: len(cands)})
	}
	prev, _ := ls.roster.Person(last)
	for i := range cands {
		c := &cands[i]
		if prev == nil {
			continue
		}
		c.penalty = penalty.Of(prev, c.p, len(modes) > 1)
	}
	slices.SortStableFunc(cands, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(x.class, y.class), cmp.Compare(x.penalty, y.penalty), cmp.Compare(y.short, x.short), cmp.Compare(x.position, y.position))
	})
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.p.Name
	}
	return segment, names
}

// pin is 0 for a person the policy pins first, 2 for one pinned last, and
// 1 for anyone else; pinned both ways, first wins, as in balance.Order.
func (ls *Session) pin(key string) int {
	for _, name := range ls.o.Policy.First {
		if agenda.NameKey(name) == key {
			return 0
		}
	}
	for _, name := range ls.o.Policy.Last {
		if agenda.NameKey(name) == key {
			return 2
		}
	}
	return 1
}
