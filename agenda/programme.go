package agenda

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Programme is a forum's programme: many sessions, each with its own slot
// and room, and people who may take part in several of them. Its zero value
// is an empty programme with no limit on sessions per person.
type Programme struct {
	Title    string    `json:"title,omitempty"`
	Sessions []Session `json:"sessions"`

	// SessionsPerSpeaker is the most sessions one person may speak in; zero
	// means no limit. The IGF's rule for 2017 and 2018 was 3
	// ([IGFSessionsPerSpeaker]).
	SessionsPerSpeaker int `json:"sessions_per_speaker,omitempty"`
}

// IGFSessionsPerSpeaker is the IGF's limit on the sessions one speaker may
// be listed in, from its 2017 and 2018 workshop review ("any given speaker
// will only be featured in a maximum of 3 sessions"), meant to bring more
// speakers to the forum.
const IGFSessionsPerSpeaker = 3

// MaxSessions is the most sessions a programme may hold. It is far above
// the few hundred sessions of an IGF and keeps validating and reporting a
// programme within a second.
const MaxSessions = 10_000

// CheckSize returns a *[LimitError] if p holds more than [MaxSessions]
// sessions, and nil otherwise; each session's own size is for
// [Session.CheckSize]. [Programme.Validate] and the functions of package
// balance that take a programme call it first.
func (p *Programme) CheckSize() error {
	if err := checkSessions(len(p.Sessions)); err != nil {
		return err
	}
	return nil
}

// checkSessions is the one check of MaxSessions: nil for a programme of
// count sessions within it.
func checkSessions(count int) *LimitError {
	if count > MaxSessions {
		return &LimitError{What: "sessions", Count: count, Max: MaxSessions, Limit: "agenda.MaxSessions"}
	}
	return nil
}

// The kinds of problem across sessions that [Programme.Validate] reports.
// Each is a *ConflictError whose Err is one of these.
var (
	ErrPersonOverlap   = errors.New("agenda: person in two sessions at once")
	ErrRoomOverlap     = errors.New("agenda: room holds two sessions at once")
	ErrTooManySessions = errors.New("agenda: person speaks in more sessions than allowed")
)

// ConflictError is a problem across the sessions of a programme: one person
// in two sessions at once, one room holding two sessions at once, or one
// person speaking in more sessions than the programme allows.
type ConflictError struct {
	Err      error        // ErrPersonOverlap, ErrRoomOverlap or ErrTooManySessions
	Person   string       // the person, as first named in the programme; empty for a room
	Room     string       // the room, for ErrRoomOverlap
	Limit    int          // the limit, for ErrTooManySessions
	Sessions []SessionRef // the sessions in conflict, in programme order
}

// SessionRef names one session of a programme.
type SessionRef struct {
	Index int           // in Programme.Sessions
	Title string        // the session's title
	Slot  timeslot.Slot // when it runs
}

// text returns `sessions[2] "Title" (2023-10-10 06:15–07:45 UTC)`, or
// without the time if the session is not scheduled.
func (r SessionRef) text() string {
	s := fmt.Sprintf("sessions[%d] %q", r.Index, r.Title)
	if r.Slot.Scheduled() {
		s += " (" + r.Slot.String() + ")"
	}
	return s
}

// Error names the person or room, the sessions and their times.
func (e *ConflictError) Error() string {
	refs := make([]string, len(e.Sessions))
	for i, r := range e.Sessions {
		refs[i] = r.text()
	}
	who := e.Person
	if e.Err == ErrRoomOverlap {
		who = "room " + e.Room
	}
	msg := fmt.Sprintf("agenda: %s: %s", who, strings.TrimPrefix(e.Err.Error(), "agenda: "))
	if e.Err == ErrTooManySessions {
		msg += fmt.Sprintf(" (%d, limit %d)", len(e.Sessions), e.Limit)
	}
	return msg + ": " + strings.Join(refs, ", ")
}

// Unwrap returns Err.
func (e *ConflictError) Unwrap() error { return e.Err }

// DecodeProgramme reads a programme from r as JSON: an object with the
// sessions in a "sessions" list, each decoded as strictly as
// [Session.UnmarshalJSON] decodes one. It reads at most [MaxBytes]. It does
// not validate the programme: call [Programme.Validate] for that. Every
// error is a *[DecodeError] naming the path: wrapping the error of r, or,
// for more than [MaxBytes], more than [MaxSessions] sessions or a session
// beyond [Session.CheckSize], a *[LimitError], matching [ErrTooLarge].
func DecodeProgramme(r io.Reader) (*Programme, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	// The sessions are decoded as plainSession, not through
	// Session.UnmarshalJSON, so that an error, and a list past its limit, is
	// named by its whole path in the programme, such as
	// "sessions[1].people".
	var shape struct {
		Title              string         `json:"title"`
		Sessions           []plainSession `json:"sessions"`
		SessionsPerSpeaker int            `json:"sessions_per_speaker"`
	}
	if err := unmarshalStrict(data, &shape); err != nil {
		return nil, err
	}
	if err := checkSessions(len(shape.Sessions)); err != nil {
		return nil, &DecodeError{Field: "sessions", Err: err}
	}
	p := &Programme{Title: shape.Title, SessionsPerSpeaker: shape.SessionsPerSpeaker}
	if shape.Sessions != nil {
		p.Sessions = make([]Session, len(shape.Sessions))
	}
	for i := range shape.Sessions {
		p.Sessions[i] = Session(shape.Sessions[i])
		if err := p.Sessions[i].CheckSize(); err != nil {
			return nil, &DecodeError{Field: fmt.Sprintf("sessions[%d]", i), Err: err}
		}
	}
	return p, nil
}

// plainSession is a Session without its methods, which unmarshalStrict
// decodes in place.
type plainSession Session

// ReadProgramme reads a programme from a folder of session files: every
// file in the root of fsys whose name ends in ".json", in the order of
// their names, each one session (see [Decode]). Other files and folders are
// left alone. An error is a *[DecodeError] whose File names the file, or
// names none if the folder itself cannot be read (wrapping the error of
// fsys, such as [fs.ErrNotExist]) or holds more than [MaxSessions] session
// files (wrapping a *[LimitError], matching [ErrTooLarge]).
func ReadProgramme(fsys fs.FS) (*Programme, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	var names []string // in order of name, as ReadDir gives them
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	if err := checkSessions(len(names)); err != nil {
		return nil, &DecodeError{Err: err}
	}
	p := &Programme{Sessions: make([]Session, 0, len(names))}
	for _, name := range names {
		s, err := readSession(fsys, name)
		if err != nil {
			return nil, err
		}
		if s != nil {
			p.Sessions = append(p.Sessions, *s)
		}
	}
	return p, nil
}

// readSession reads the session in the file name, or returns nil for a
// folder, such as one a link leads to.
func readSession(fsys fs.FS, name string) (*Session, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &DecodeError{File: name, Err: err}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, nil
	}
	s, err := Decode(f)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			de.File = name
			return nil, de
		}
		return nil, &DecodeError{File: name, Err: err}
	}
	return s, nil
}

// Validate checks every session as [Session.Validate] does, naming each
// field from the programme ("sessions[2].people[0].region"), and then the
// programme as a whole, and returns every problem joined with
// [errors.Join], or nil if there are none. Across sessions, people are
// identified as [Programme.Attendees] says, and it reports, each as a
// *ConflictError:
//   - a person in two sessions whose slots overlap ([ErrPersonOverlap]),
//     unless the person only organizes one of them: organizers need not
//     attend;
//   - a room holding two sessions whose slots overlap ([ErrRoomOverlap]),
//     rooms compared as names are, ignoring case and spacing;
//   - a person who speaks in more than SessionsPerSpeaker sessions
//     ([ErrTooManySessions]).
//
// Sessions without a start time take part only in the last check. A
// programme of more than [MaxSessions] sessions is one *ValidationError
// whose Err is a *[LimitError], matching [ErrTooLarge], and nothing else is
// checked. Like
// [Session.Validate], Validate lists at most 1000 problems, the
// first in the order above (the sessions' own, then people in two places,
// rooms and limits), and then one more, "agenda: too many problems to
// list", that says how many it left out: n sessions at one time in one room are
// n(n-1)/2 room overlaps, which it counts without making them.
func (p *Programme) Validate() error {
	if err := checkSessions(len(p.Sessions)); err != nil {
		return &ValidationError{Field: "sessions", Err: err}
	}
	var list problemList
	for i := range p.Sessions {
		errs := unjoin(p.Sessions[i].Validate())
		if list.room() == 0 {
			list.omitted += len(errs)
			continue
		}
		for _, err := range errs {
			var ve *ValidationError
			if errors.As(err, &ve) {
				moved := *ve
				moved.Field = fmt.Sprintf("sessions[%d].%s", i, ve.Field)
				err = &moved
			}
			list.push(err)
		}
	}
	attendees, _, _ := p.attendees()
	for _, a := range attendees {
		p.personOverlaps(a, &list)
	}
	p.roomOverlaps(&list)
	if p.SessionsPerSpeaker > 0 {
		for _, a := range attendees {
			if err := p.sessionLimit(a); err != nil {
				list.push(err)
			}
		}
	}
	return list.join("sessions")
}

// unjoin returns the errors err joins, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// ref returns the reference to session i.
func (p *Programme) ref(i int) SessionRef {
	return SessionRef{Index: i, Title: p.Sessions[i].Title, Slot: p.Sessions[i].Slot}
}

// overlaps lists the conflict of each pair of scheduled sessions among the
// given ones whose slots overlap, each pair in programme order, ordered by
// the start of the later session, and counts those past maxProblems
// without making them.
func (p *Programme) overlaps(sessions []int, list *problemList, conflict func(a, b int) error) {
	var timed []int
	for _, i := range sessions {
		if p.Sessions[i].Slot.Scheduled() && p.Sessions[i].Slot.Length > 0 {
			timed = append(timed, i)
		}
	}
	slices.SortStableFunc(timed, func(a, b int) int {
		return p.Sessions[a].Slot.Start.Compare(p.Sessions[b].Slot.Start)
	})
	// A sweep over the sessions by start time: each one is compared with
	// those still running when it starts, in the order they started. Those
	// that have ended are dropped when the first of them ends, so that
	// sessions that all overlap are counted in linear time.
	var (
		running []int
		soonest time.Time // the earliest end of a running session
	)
	for _, i := range timed {
		start := p.Sessions[i].Slot.Start
		if len(running) > 0 && !soonest.After(start) {
			kept := running[:0]
			for _, j := range running {
				end := p.Sessions[j].Slot.End()
				if !end.After(start) {
					continue
				}
				if len(kept) == 0 || end.Before(soonest) {
					soonest = end
				}
				kept = append(kept, j)
			}
			running = kept
		}
		listed := min(len(running), list.room())
		for _, j := range running[:listed] {
			list.push(conflict(min(i, j), max(i, j)))
		}
		list.omitted += len(running) - listed
		running = append(running, i)
		if end := p.Sessions[i].Slot.End(); len(running) == 1 || end.Before(soonest) {
			soonest = end
		}
	}
}

func (p *Programme) personOverlaps(a Attendee, list *problemList) {
	var present []int // appearances come in programme order, so a session's are together
	for _, ap := range a.Appearances {
		person := &p.Sessions[ap.Session].People[ap.Person]
		if !onlyOrganizes(person) && (len(present) == 0 || present[len(present)-1] != ap.Session) {
			present = append(present, ap.Session)
		}
	}
	p.overlaps(present, list, func(i, j int) error {
		return &ConflictError{Err: ErrPersonOverlap, Person: a.Name, Sessions: []SessionRef{p.ref(i), p.ref(j)}}
	})
}

// onlyOrganizes reports whether the person's only role is organizer.
func onlyOrganizes(person *Person) bool {
	return !slices.ContainsFunc(person.Roles, func(r Role) bool { return r != RoleOrganizer })
}

func (p *Programme) roomOverlaps(list *problemList) {
	rooms := map[string][]int{}
	var keys []string
	for i := range p.Sessions {
		key := NameKey(p.Sessions[i].Room)
		if key == "" {
			continue
		}
		if rooms[key] == nil {
			keys = append(keys, key)
		}
		rooms[key] = append(rooms[key], i)
	}
	for _, key := range keys {
		sessions := rooms[key]
		p.overlaps(sessions, list, func(i, j int) error {
			return &ConflictError{Err: ErrRoomOverlap, Room: p.Sessions[sessions[0]].Room,
				Sessions: []SessionRef{p.ref(i), p.ref(j)}}
		})
	}
}

func (p *Programme) sessionLimit(a Attendee) error {
	var speaks []int
	for _, ap := range a.Appearances {
		if slices.Contains(p.Sessions[ap.Session].People[ap.Person].Roles, RoleSpeaker) && (len(speaks) == 0 || speaks[len(speaks)-1] != ap.Session) {
			speaks = append(speaks, ap.Session)
		}
	}
	if len(speaks) <= p.SessionsPerSpeaker {
		return nil
	}
	e := &ConflictError{Err: ErrTooManySessions, Person: a.Name, Limit: p.SessionsPerSpeaker}
	for _, i := range speaks {
		e.Sessions = append(e.Sessions, p.ref(i))
	}
	return e
}
