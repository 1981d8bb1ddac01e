package schedule

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// The kinds of session that [WriteXML] and [WriteJSON] cannot write. Each
// comes as the Err of a *[SessionError].
var (
	ErrNoStart   = errors.New("schedule: session has no start time")
	ErrNoRoom    = errors.New("schedule: session has no room")
	ErrMinute    = errors.New("schedule: session does not start and last whole minutes")
	ErrLength    = errors.New("schedule: session length is negative, or 100 hours or more, which schedule.xml cannot write")
	ErrSameStart = errors.New("schedule: session has the title and start of another")
	ErrSecret    = errors.New("schedule: session title or room names a person or organization its outputs may not show")
)

// errYear is the kind of a session that runs outside the years 0001–9999,
// which RFC 3339 cannot write; it matches [agenda.ErrInvalid].
var errYear = fmt.Errorf("schedule: session runs outside the years 0001–9999, which schedule.xml cannot write (%w)", agenda.ErrInvalid)

// The problems of a whole programme or of the options.
var (
	ErrEmpty    = errors.New("schedule: programme has no sessions")
	ErrAcronym  = errors.New("schedule: acronym is not 4 or more of a-z, 0-9 and _")
	ErrLocation = errors.New("schedule: sessions start in different time zones")
)

// SessionError is a session of the programme that cannot be written.
type SessionError struct {
	Index int    // in Programme.Sessions
	Title string // the session's title; empty when it may not be shown (ErrSecret)
	Err   error  // one of ErrNoStart, ErrNoRoom, ErrMinute, ErrLength, ErrSameStart, ErrSecret, or one matching agenda.ErrInvalid for a session outside the years 0001–9999
}

// Error returns `schedule: sessions[3] "Title": session has no room`.
func (e *SessionError) Error() string {
	who := fmt.Sprintf("sessions[%d]", e.Index)
	if e.Title != "" {
		who += fmt.Sprintf(" %q", e.Title)
	}
	return "schedule: " + who + ": " + strings.TrimPrefix(e.Err.Error(), "schedule: ")
}

// Unwrap returns Err.
func (e *SessionError) Unwrap() error { return e.Err }

// ErrFormat is the Err of a *[DecodeError] about a value that is not
// what the format says, such as a date that is not RFC 3339.
var ErrFormat = errors.New("schedule: not as the format says")

// DecodeError is a problem in a schedule.json that [ReadJSON] reads.
type DecodeError struct {
	Field  string // where, such as `schedule.conference.days[0].rooms["Saal 1"][2].date`; empty for the whole document
	Value  string // the offending value, cut to 100 bytes; empty when the problem is not one value
	Reason string // what was expected, such as "an RFC 3339 date-time"; empty when Err says it
	Err    error  // ErrFormat, an error of encoding/json or of the reader, or a *agenda.LimitError
}

// Error returns "schedule: reading <path>: <problem> (<value>)".
func (e *DecodeError) Error() string {
	msg := "schedule: reading"
	if e.Field != "" {
		msg += " " + e.Field
	}
	what := e.Reason
	if what == "" {
		what = strings.TrimPrefix(strings.TrimPrefix(e.Err.Error(), "schedule: "), "agenda: ")
	}
	msg += ": " + what
	if e.Value != "" {
		msg += fmt.Sprintf(" (%q)", e.Value)
	}
	return msg
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// OptionError is an [Options] field, or what its default would be, that
// cannot be used.
type OptionError struct {
	Field string // such as "Acronym"
	Value string // the value given or made
	Err   error  // ErrAcronym or ErrLocation
}

// Error returns `schedule: Options.Acronym "ab": acronym is not ...`.
func (e *OptionError) Error() string {
	return "schedule: Options." + e.Field + " " + strconv.Quote(e.Value) + ": " + strings.TrimPrefix(e.Err.Error(), "schedule: ")
}

// Unwrap returns Err.
func (e *OptionError) Unwrap() error { return e.Err }
