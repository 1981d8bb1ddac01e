// Package live follows a session as it runs, event by event, against its
// plan: a timekeeper's taps become the lines of the session's speaking log,
// and at any moment a [Session] says who has the floor and how long they
// have left, how every speaker and group stands against the plan, who
// should speak next, and what a re-plan of the rest would give
// (balance.Replan underneath).
//
// A [Session] is built from a run-of-show ([New]) and fed [Event] values
// one at a time ([Session.Apply]): a speaker takes the floor, yields it,
// the turn is paused and resumed, and points of order and audience
// interventions, which count outside the budgets, interrupt it. Each event
// becomes one or more entries of a balance.Log: an entry when something
// starts, with no end, and the same entry with its end when it stops. Every
// such line is written to Options.Record with balance.AppendLogCSV, and
// synced, before the event takes effect, so a log on disk holds every event
// a caller was told had happened, and a Session built from that log
// (Options.Log, as balance.ReadLogCSV reads it) resumes exactly where the
// last one stopped.
//
// A turn is one entry of kind speech, from taking the floor to yielding
// it; its pauses, points of order and interventions are entries of their
// own within it, and the speaker's time is the speech less them, as
// balance.AuditLog counts it. The k-th turn a speaker takes is given the
// time of their k-th speech in the plan; a turn beyond the plan's is given
// what is left of the speaker's planned time.
//
// Everything a Session answers is a function of the plan, the log and the
// moment its clock (Options.Clock) gives, so a test with a clock of its own
// needs no sleeping, and the same events at the same moments give the same
// answers. A Session is safe for concurrent use.
package live
