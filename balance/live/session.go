package live

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// Options are the settings of a [Session]; the zero value works.
type Options struct {
	// Policy is the policy the run-of-show was planned under, which the
	// audit of the time so far and the re-plan of the rest follow.
	Policy balance.Policy

	// Clock gives the moment of each event and of each answer; nil is
	// time.Now. An event is recorded at the second, as a timekeeper's sheet
	// would, and an answer is at the millisecond; neither is ever earlier
	// than the last event, so a clock set back gives no entry that ends
	// before it starts.
	Clock func() time.Time

	// Record, if not nil, is where every event's lines go, as
	// balance.AppendLogCSV writes them, in one Write, followed by a call to
	// its Sync method if it has one (as an *os.File does), before the event
	// takes effect: an event whose lines cannot be written or synced is
	// refused with an *EventError that wraps the error, and the session
	// stays as it was. A new file should start with the header
	// balance.WriteLogCSV writes for an empty log.
	Record io.Writer

	// Log is what the session recorded before, as balance.ReadLogCSV reads
	// Record's file back: the session resumes from it.
	Log *balance.Log

	// WrapUp is how long before the end of a turn the moderator is warned
	// to wrap up; 0 means 30 seconds.
	WrapUp time.Duration
}

// Session is a session followed as it runs. Make one with [New].
type Session struct {
	mu     sync.Mutex
	ros    *agenda.RunOfShow
	s      *agenda.Session
	roster *agenda.Roster
	o      Options
	log    balance.Log
	last   time.Time // the moment of the last event
	// speeches lists, per speaker's name key, their planned speeches in the
	// order of the run-of-show.
	speeches map[string][]speech
	order    []speech // every planned speech, in the order of the run-of-show
}

// speech is one planned speech.
type speech struct {
	key     string // the speaker's name key
	name    string // as the session's people write it
	segment int
	nth     int // which of the speaker's speeches, from 0
	length  time.Duration
}

// New starts following the session of run-of-show ros, planned under
// o.Policy, from o.Log if it is given. A nil ros or one without a session
// is [ErrNoPlan]; a log that a live session cannot have written (two
// speeches or two interruptions open at once, an entry that ends before it
// starts, a speech by someone not among the people) is an *EventError
// naming the entry.
func New(ros *agenda.RunOfShow, o Options) (*Session, error) {
	if ros == nil || ros.Session == nil {
		return nil, ErrNoPlan
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.WrapUp <= 0 {
		o.WrapUp = 30 * time.Second
	}
	if len(ros.Segments) != len(ros.Session.Segments) {
		return nil, fmt.Errorf("%w: %d segments for the %d of its session", ErrNoPlan, len(ros.Segments), len(ros.Session.Segments))
	}
	ls := &Session{ros: ros, s: ros.Session, roster: ros.Session.Roster(), o: o, speeches: map[string][]speech{}}
	for i, seg := range ros.Segments {
		for _, t := range seg.Turns {
			if t.Kind != "speech" {
				continue
			}
			p, ok := ls.roster.Person(t.Person)
			if !ok {
				continue // a plan made by hand may name someone else; nobody can take the floor as them
			}
			key := agenda.NameKey(p.Name)
			sp := speech{key: key, name: p.Name, segment: i, nth: len(ls.speeches[key]), length: t.Length()}
			ls.speeches[key] = append(ls.speeches[key], sp)
			ls.order = append(ls.order, sp)
		}
	}
	if o.Log != nil {
		ls.log.Entries = slices.Clone(o.Log.Entries)
		if err := ls.check(); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

// check refuses a log that the events of a session cannot have written,
// and sets the moment of the last event.
func (ls *Session) check() error {
	if n := len(ls.log.Entries); n > balance.MaxLogEntries {
		return &EventError{Reason: fmt.Sprintf("the log holds %d entries, more than balance.MaxLogEntries", n)}
	}
	speeches, breaks := 0, 0
	for i, e := range ls.log.Entries {
		bad := func(reason string) error {
			return &EventError{Event: Event{Name: e.Name}, Reason: fmt.Sprintf("log entry %d: %s", i+1, reason)}
		}
		if e.Speech() {
			if _, ok := ls.roster.Person(e.Name); !ok {
				return bad("a speech by someone not among the session's people")
			}
		}
		if !e.End.IsZero() && e.End.Before(e.Start) {
			return bad("it ends before it starts")
		}
		for _, t := range []time.Time{e.Start, e.End} {
			if t.After(ls.last) {
				ls.last = t
			}
		}
		if e.End.IsZero() && e.Speech() {
			speeches++
		} else if e.End.IsZero() {
			breaks++
		}
		if speeches > 1 || breaks > 1 {
			return bad("a second entry open at once")
		}
	}
	return nil
}

// now reads the clock as every answer uses it; an event truncates it to
// the second.
func (ls *Session) now() time.Time {
	t := ls.o.Clock().Round(0).Truncate(time.Millisecond)
	if t.Before(ls.last) {
		t = ls.last
	}
	return t.In(ls.s.Slot.Start.Location())
}

// open returns the index of the open speech and of the open interruption
// of the log, or -1.
func (ls *Session) open() (speech, brk int) {
	speech, brk = -1, -1
	for i, e := range ls.log.Entries {
		if !e.End.IsZero() {
			continue
		}
		if e.Speech() {
			speech = i
		} else {
			brk = i
		}
	}
	return speech, brk
}

// Apply records event e at the clock's moment, as [Options] says, and
// makes it take effect. It returns an *EventError when the event is wrong
// in itself, does not fit the state (wrapping [ErrNotNow]), or cannot be
// recorded (wrapping Record's error); the session is then as it was.
func (ls *Session) Apply(e Event) error {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	at := ls.now().Truncate(time.Second) // never before the last event, which is at a whole second
	lines, err := ls.lines(e, at)
	if err != nil {
		return err
	}
	if len(ls.log.Entries)+len(lines) > balance.MaxLogEntries {
		return &EventError{Event: e, Reason: "the log is full (balance.MaxLogEntries)", Err: ErrNotNow}
	}
	if ls.o.Record != nil {
		if err := balance.AppendLogCSV(ls.o.Record, lines...); err != nil {
			return &EventError{Event: e, Reason: "cannot record it", Err: err}
		}
		if f, ok := ls.o.Record.(interface{ Sync() error }); ok {
			if err := f.Sync(); err != nil {
				return &EventError{Event: e, Reason: "cannot record it", Err: err}
			}
		}
	}
	ls.last = at
	for _, l := range lines {
		if l.End.IsZero() {
			ls.log.Entries = append(ls.log.Entries, l)
			continue
		}
		for i := len(ls.log.Entries) - 1; i >= 0; i-- { // the open entry it closes
			o := &ls.log.Entries[i]
			if o.End.IsZero() && o.Kind == l.Kind && o.Start.Equal(l.Start) && agenda.NameKey(o.Name) == agenda.NameKey(l.Name) {
				o.End = l.End
				break
			}
		}
	}
	return nil
}

// lines returns the lines of the log that event e writes at moment at: the
// entries it closes, with their end, then the one it opens.
func (ls *Session) lines(e Event, at time.Time) ([]balance.Entry, error) {
	speech, brk := ls.open()
	closing := func(i int) balance.Entry {
		l := ls.log.Entries[i]
		l.End = at
		return l
	}
	notNow := func(reason string) error { return &EventError{Event: e, Reason: reason, Err: ErrNotNow} }
	var lines []balance.Entry
	closeBreak := func() {
		if brk >= 0 {
			lines = append(lines, closing(brk))
		}
	}
	switch e.Kind {
	case Take:
		p, ok := ls.roster.Person(e.Name)
		if !ok {
			return nil, &EventError{Event: e, Reason: "not among the session's people"}
		}
		if speech >= 0 && agenda.NameKey(ls.log.Entries[speech].Name) == agenda.NameKey(p.Name) {
			if brk < 0 {
				return nil, notNow("already has the floor")
			}
			closeBreak() // the speaker whose turn was interrupted takes it up again, as with Resume
			break
		}
		closeBreak()
		if speech >= 0 {
			lines = append(lines, closing(speech))
		}
		lines = append(lines, balance.Entry{Name: p.Name, Start: at})
	case Yield, Resume, Pause:
		if e.Name != "" {
			return nil, &EventError{Event: e, Reason: "takes no name"}
		}
		switch {
		case e.Kind == Yield && speech < 0 && brk < 0:
			return nil, notNow("nobody has the floor")
		case e.Kind == Resume && brk < 0:
			return nil, notNow("nothing to resume: no pause, point of order or intervention under way")
		case e.Kind == Pause && speech < 0:
			return nil, notNow("nobody has the floor")
		case e.Kind == Pause && brk >= 0:
			return nil, notNow(fmt.Sprintf("a %s is under way", ls.log.Entries[brk].Kind))
		}
		closeBreak()
		switch e.Kind {
		case Yield:
			if speech >= 0 {
				lines = append(lines, closing(speech))
			}
		case Pause:
			lines = append(lines, balance.Entry{Name: ls.log.Entries[speech].Name, Start: at, Kind: balance.EntryPause})
		}
	case PointOfOrder, Intervention:
		kind, otherwise := balance.EntryPointOfOrder, "point of order"
		if e.Kind == Intervention {
			kind, otherwise = balance.EntryIntervention, "audience"
		}
		name, reason := checkName(e.Name, otherwise)
		if reason != "" {
			return nil, &EventError{Event: e, Reason: reason}
		}
		closeBreak()
		lines = append(lines, balance.Entry{Name: name, Start: at, Kind: kind})
	default: // a kind spelt otherwise, such as "Take", is one UnmarshalText reads; Apply takes only the constants
		err := kindError(string(e.Kind))
		err.Event = e
		return nil, err
	}
	return lines, nil
}

// Log returns a copy of the log so far: the entries the session has
// recorded, with those still under way open.
func (ls *Session) Log() *balance.Log {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return &balance.Log{Entries: slices.Clone(ls.log.Entries)}
}

// closed returns the log as it stands at moment at: every open entry ended
// then.
func (ls *Session) closed(at time.Time) *balance.Log {
	log := &balance.Log{Entries: slices.Clone(ls.log.Entries)}
	for i := range log.Entries {
		if log.Entries[i].End.IsZero() {
			log.Entries[i].End = at
		}
	}
	return log
}

// Audit returns the audit of the log against the plan at the clock's
// moment, with everything under way counted until then; its errors are
// those of balance.AuditLog.
func (ls *Session) Audit() (*balance.Audit, error) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	at := ls.now()
	return balance.AuditLog(ls.s, ls.ros, ls.o.Policy, ls.closed(at))
}

// Replan re-plans the rest of the session from the clock's moment, with
// everything under way counted until then, as balance.Replan does, and
// returns its errors: a moment outside the slot is a *balance.SessionError.
func (ls *Session) Replan() (*agenda.RunOfShow, *balance.Allocation, error) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	at := ls.now()
	return balance.Replan(ls.s, ls.o.Policy, ls.closed(at), at)
}
