package balance

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// PlanProgramme plans every session of the programme under the policy, at
// once on all cores (runtime.GOMAXPROCS), and returns the run-of-show of
// each, in programme order, with nil for a session that cannot be planned.
// The result is the same as planning the sessions one at a time. The error
// joins a *ProgrammeError for each session that cannot be planned, or is
// nil; for a nil programme it is [ErrNoSession], and for one of more than
// agenda.MaxSessions sessions an *agenda.LimitError.
func PlanProgramme(prog *agenda.Programme, p Policy) ([]*agenda.RunOfShow, error) {
	if prog == nil {
		return nil, ErrNoSession
	}
	if err := prog.CheckSize(); err != nil {
		return nil, err
	}
	plans := make([]*agenda.RunOfShow, len(prog.Sessions))
	errs := make([]error, len(prog.Sessions))
	failed := each(len(prog.Sessions), func(i int) {
		s := &prog.Sessions[i]
		ros, _, err := Plan(s, p)
		if err != nil {
			errs[i] = &ProgrammeError{Index: i, Title: s.Title, Err: err}
			return
		}
		plans[i] = ros
	})
	for i, err := range failed {
		if err != nil {
			plans[i], errs[i] = nil, &ProgrammeError{Index: i, Title: prog.Sessions[i].Title, Err: err}
		}
	}
	return plans, errors.Join(errs...)
}

// errInternal is a fault of fairfloor itself, never of its input: a
// session of a programme whose planning panicked is reported with an error
// wrapping it, "balance: internal error: ...", so that one session cannot
// take the whole programme, or the process, down; the text asks for a
// report rather than a change of input.
var errInternal = errors.New("balance: internal error")

// ProgrammeError is a problem with one session of a programme.
type ProgrammeError struct {
	Index int    // in Programme.Sessions
	Title string // the session's title
	Err   error  // what is wrong, such as an *InfeasibleError
}

// Error returns `balance: sessions[2] "Title": <problem>`.
func (e *ProgrammeError) Error() string {
	return fmt.Sprintf("balance: sessions[%d] %q: %s", e.Index, e.Title, strings.TrimPrefix(e.Err.Error(), "balance: "))
}

// Unwrap returns Err.
func (e *ProgrammeError) Unwrap() error { return e.Err }
