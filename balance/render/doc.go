// Package render writes a planned run-of-show and its report in the formats
// an organizer hands out: text, Markdown, HTML, CSV, JSON, iCalendar, and
// charts as SVG and PNG.
//
// Every renderer reads a [Document] through [Document.Rows] and the
// document's other accessors, which apply the privacy rules in one place:
// fields the source marks private never appear; a session that is not
// attributed, or a document with Redact set, shows groups and roles but
// never names or organizations.
//
// The package holds the heavy dependencies (iCalendar, plotting, fonts), so
// that a program that only plans imports balance and not this.
//
// Every renderer checks its document first: one without a session, or nil,
// is [ErrNoSession], a session beyond agenda's limits the
// *agenda.LimitError of agenda.Session.CheckSize, and a run-of-show whose
// segments are not its session's, which only a document built by hand can
// have, [ErrMismatch]. The forum renderers return [ErrNoForum] for a
// document without a forum report, and [ICS] [ErrUnscheduled] or
// [ErrNoSegments] for a session it cannot put in a calendar. Otherwise a
// renderer's errors are those of the writer it writes to, returned as they
// are, so that errors.Is finds them. No document makes a renderer panic,
// and rendering takes time in proportion to the document.
package render
