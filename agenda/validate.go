package agenda

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The kinds of problem [Session.Validate] and [Programme.Validate] report.
// Each problem is a *ValidationError: errors.As gives the field, the value
// and what is wrong in words, and errors.Is tells the kind. A problem with
// the timing of the segments (they run past the end of the slot) is
// ErrOverrun; every other problem with a value (missing, malformed, listed
// twice, naming a person or question the session does not have, a mode
// that does not fit the format, a role nobody holds, text holding a
// character no field may hold, a time outside the years 0001–9999, which
// RFC 3339 cannot write) is ErrInvalid, and its message says which.
var (
	ErrInvalid = errors.New("agenda: invalid value")
	ErrOverrun = errors.New("agenda: segments overrun the slot")
)

// errTooManyProblems is the kind of the last problem of a session with more
// than maxProblems, which says how many are not listed.
var errTooManyProblems = errors.New("agenda: too many problems to list")

// problemKind is a kind of problem more particular than [ErrInvalid]: its
// message says what is wrong, and errors.Is matches it and ErrInvalid.
type problemKind struct{ msg string }

func (k *problemKind) Error() string        { return k.msg }
func (k *problemKind) Is(target error) bool { return target == ErrInvalid }

// The particular kinds of [ErrInvalid].
var (
	errMissing      = &problemKind{"agenda: missing value"}
	errLength       = &problemKind{"agenda: length must be positive"}
	errDuplicate    = &problemKind{"agenda: listed twice"}
	errNoPerson     = &problemKind{"agenda: no such person"}
	errNoQuestion   = &problemKind{"agenda: no such policy question"}
	errUnderfill    = &problemKind{"agenda: segments leave too much of the slot unplanned"}
	errDoubleBooked = &problemKind{"agenda: person in two parallel segments at once"}
	errModeConflict = &problemKind{"agenda: participation mode does not fit the session format"}
	errRoleMissing  = &problemKind{"agenda: the format needs a role that nobody holds"}
	errCount        = &problemKind{"agenda: counts do not add up"}
	errText         = &problemKind{"agenda: text holds a character it may not"}
	errYear         = &problemKind{"agenda: time outside the years 0001–9999"}
)

// maxUnplanned is the share of the slot a draft may leave unplanned at its
// end, for change-over or a late start: a 120-minute slot may hold 110
// minutes of segments, a 90-minute slot at most 9 minutes less than 90.
// More is reported as [ErrInvalid].
const maxUnplanned = 0.1

// ValidationError is one problem with a session.
type ValidationError struct {
	Field  string // path to the field, such as "people[3].region"
	Value  string // the offending value as text; empty when the value is missing
	Err    error  // the kind of problem: one of the Err variables of this package, or a *LimitError
	Reason string // what is wrong, in words; it names people by their place ("people[2]"), never by name

	// Hidden is set when Value is text the session's outputs may not show:
	// a name or organization in a session that is not attributed, a field
	// the source marks private, or a name that mentions one (see
	// [Session.Secrets]). Error then leaves Value out; Field still says
	// where it is.
	Hidden bool

	// Personal is set when Value is a person's name or organization, or a
	// name a segment gives, which [Redact] hides for an output that leaves
	// names out.
	Personal bool
}

// Error returns "agenda: <field> <value>: <kind>: <detail>", with
// "(hidden)" in place of a Hidden value, such as `agenda: people[4].name
// (hidden): listed twice: same person as people[3]`. The value is quoted
// as Go quotes strings, so no character of it reaches the reader raw.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("agenda: " + e.Field)
	switch {
	case e.Hidden:
		b.WriteString(" (hidden)")
	case e.Value != "":
		b.WriteString(" " + strconv.Quote(e.Value))
	}
	b.WriteString(": " + strings.TrimPrefix(e.Err.Error(), "agenda: "))
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	return b.String()
}

// Unwrap returns Err.
func (e *ValidationError) Unwrap() error { return e.Err }

// Redact returns err with every *ValidationError in it that is Personal
// also Hidden, for an output that leaves names and organizations out even
// of an attributed session, such as one rendered with redaction. err may
// be one problem or problems joined with [errors.Join], as
// [Session.Validate] and [Programme.Validate] return them; other errors
// are kept as they are, and a nil err stays nil.
func Redact(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *ValidationError:
		if e.Personal && !e.Hidden {
			c := *e
			c.Hidden = true
			return &c
		}
		return e
	case interface{ Unwrap() []error }:
		errs := e.Unwrap()
		out := make([]error, len(errs))
		for i, one := range errs {
			out[i] = Redact(one)
		}
		return errors.Join(out...)
	}
	return err
}

// Validate checks the session and returns every problem it finds, joined
// with [errors.Join], or nil if there are none. Each problem is a
// *ValidationError naming the field and the value. They come in a fixed
// order: the session's own fields (format, attribution, slot), then people,
// policy questions and segments in order, then what concerns the session as
// a whole (double bookings, roles, fit to the slot, attendance). No problem
// shows a value the session's outputs may not show: see
// [ValidationError].Hidden.
//
// Validate checks that:
//   - the format is given and every enumeration holds one of its values;
//   - every free-text field holds only what the package doc allows under
//     "Text" ([ErrInvalid]), and the slot and deadlines lie within the years
//     0001–9999 ([ErrInvalid]);
//   - people have names, no name appears twice, and each person has a role;
//   - participation modes fit the format: nobody online in an onsite session
//     or onsite in an online one, and, in a hybrid session, every speaker and
//     moderator has a mode;
//   - the format's roles are held: a hybrid session needs a moderator and an
//     online moderator, any other session someone who moderates or facilitates;
//   - the slot and every segment have a positive length, segments have a
//     title and a kind, and name only people and policy questions that exist;
//   - nobody is in two segments that run at the same time on parallel tracks;
//   - the segments fit the slot: they do not overrun it, and leave at most
//     a tenth of it unplanned;
//   - attendance counts add up.
//
// A session beyond the limits, with more than [MaxPeople] people or
// [MaxSegments] segments, has one problem and nothing else is checked: a
// *ValidationError whose Err is the *[LimitError] of [Session.CheckSize],
// matching [ErrTooLarge]. Within them, Validate takes time in proportion to
// the size of the session. It lists at most 1000 problems, the
// first in the order above, and then one more, "agenda: too many problems
// to list", that says how many it left out.
func (s *Session) Validate() error {
	if err := s.CheckSize(); err != nil {
		var le *LimitError
		errors.As(err, &le)
		return errors.Join(&ValidationError{Field: le.What, Err: err})
	}
	v := validator{zones: map[string]bool{}, secrets: s.Secrets(false)}
	v.session(s)
	return v.join("session")
}

// problemList collects problems: the first maxProblems, and how many more
// there are.
type problemList struct {
	problems []error
	omitted  int // problems found beyond maxProblems, not listed
}

// room returns how many more problems may be listed.
func (l *problemList) room() int { return max(0, maxProblems-len(l.problems)) }

// push lists err, or counts it if the list is full.
func (l *problemList) push(err error) {
	if l.room() == 0 {
		l.omitted++
		return
	}
	l.problems = append(l.problems, err)
}

// join returns the problems joined with [errors.Join], and one more, about
// field, that counts those left out.
func (l *problemList) join(field string) error {
	if l.omitted > 0 {
		l.problems = append(l.problems, &ValidationError{Field: field, Err: errTooManyProblems,
			Reason: fmt.Sprintf("%d more not listed, beyond the first %d", l.omitted, maxProblems)})
	}
	return errors.Join(l.problems...)
}
