package live

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Event is one thing a timekeeper records.
type Event struct {
	Kind EventKind

	// Name is who takes the floor, for [Take]: one of the session's
	// people. For [PointOfOrder] and [Intervention] it is who raises it, in
	// any words (at most [MaxNameLength] characters), or empty for "point
	// of order" and "audience". Other kinds take no name.
	Name string
}

// EventKind says what happens.
type EventKind string

// The kinds of event.
const (
	Take         EventKind = "take"           // Name takes the floor; whoever had it yields
	Yield        EventKind = "yield"          // whoever has the floor yields it, ending any interruption
	Pause        EventKind = "pause"          // the clock of the turn under way stops
	Resume       EventKind = "resume"         // the pause, point of order or intervention ends; the speaker goes on
	PointOfOrder EventKind = "point of order" // a point of order interrupts, outside the budgets
	Intervention EventKind = "intervention"   // someone from the audience intervenes, outside the budgets
)

var eventKinds = []EventKind{Take, Yield, Pause, Resume, PointOfOrder, Intervention}

// MaxNameLength is the most characters the name of a point of order or
// intervention may have.
const MaxNameLength = 100

// UnmarshalText sets k from one of the kinds' texts, in any case and with
// "-" or "_" for a space, and refuses anything else with an *EventError.
func (k *EventKind) UnmarshalText(text []byte) error {
	folded := strings.ToLower(strings.Join(strings.FieldsFunc(string(text), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), " "))
	for _, v := range eventKinds {
		if folded == string(v) {
			*k = v
			return nil
		}
	}
	return kindError(string(text))
}

// kindError is the error of an event of no kind.
func kindError(kind string) *EventError {
	valid := make([]string, len(eventKinds))
	for i, v := range eventKinds {
		valid[i] = string(v)
	}
	return &EventError{Event: Event{Kind: EventKind(kind)}, Reason: "want one of " + strings.Join(valid, ", ")}
}

// ErrNotNow is what an [EventError] wraps when the event cannot happen in
// the state the session is in, such as a pause when nobody has the floor.
var ErrNotNow = errors.New("live: not possible now")

// ErrNoPlan is the error of [New] without a run-of-show or its session.
var ErrNoPlan = errors.New("live: no run-of-show")

// EventError reports an event that a [Session] refuses, and why; the
// session is as it was. Err is [ErrNotNow] when the event does not fit the
// state, the error of Options.Record when the event could not be recorded,
// and nil for an event that is wrong in itself, such as a name nobody has.
type EventError struct {
	Event  Event
	Reason string
	Err    error
}

// Error returns "live: <kind> <name>: <reason>".
func (e *EventError) Error() string {
	at := "live: " + string(e.Event.Kind)
	if e.Event.Kind == "" {
		at = "live: event"
	}
	if e.Event.Name != "" {
		at += fmt.Sprintf(" %q", e.Event.Name)
	}
	if e.Err != nil && !errors.Is(e.Err, ErrNotNow) {
		return at + ": " + e.Reason + ": " + e.Err.Error()
	}
	return at + ": " + e.Reason
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// checkName returns the name of an interruption as the log records it, or
// the reason it cannot be one.
func checkName(name, otherwise string) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return otherwise, ""
	case !utf8.ValidString(name):
		return "", "the name is not UTF-8"
	case utf8.RuneCountInString(name) > MaxNameLength:
		return "", fmt.Sprintf("the name is longer than %d characters", MaxNameLength)
	case strings.ContainsFunc(name, unicode.IsControl):
		return "", "the name holds a control character"
	}
	return name, ""
}
