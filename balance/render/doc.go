// Package render writes a planned run-of-show and its report in the formats
// an organizer hands out: text, Markdown, HTML, CSV, JSON, iCalendar, and
// charts as SVG and PNG.
//
// There is one function per format, and each renders whatever its
// [Document] holds: a session (a run-of-show, or a draft), a programme's
// report (Document.Forum), or, for [Text] alone, the audit of a speaking
// log (Document.Audit) or the re-plan of the rest of a session
// (Document.Replanned). Every renderer reads the document through the
// same accessors ([Document.Who] among them), which apply the privacy
// rules in one place:
// fields the source marks private never appear; a session that is not
// attributed, or a document with Redact set, shows groups and roles but
// never names or organizations.
//
// The package holds the heavy dependencies (iCalendar, plotting, fonts), so
// that a program that only plans imports balance and not this.
//
// Every format shows a value from the session (a title, a room, a track, a
// name, an organization, a group) alike, and on one line: each line break
// and tab is a space, and each character that some format cannot hold or
// that changes how a terminal or a reader shows what follows it is U+FFFD:
// bytes that are not UTF-8, the C0 and C1 controls and DEL (so ESC, which
// starts a terminal's escape sequence), the noncharacters U+FFFE and
// U+FFFF, which XML cannot hold, and the bidirectional embeddings,
// overrides and isolates. A value longer than 1,000 characters is cut
// there with an ellipsis. So no value can forge a line of the text, a
// row of a table or a line of a calendar, the SVG is always well-formed
// XML, and CSV, JSON and the rest read back what the text shows. The
// document applies this once, where it applies the privacy rules.
//
// Every renderer checks its document first: one without a session or a
// forum, or nil, is [balance.ErrNoSession] (so is a forum without a
// programme), a session beyond agenda's limits the *agenda.LimitError of
// agenda.Session.CheckSize, a run-of-show whose segments are not its
// session's, which only a document built by hand can have, [ErrMismatch],
// and a document with a time outside the years 0 to 9999, which RFC 3339
// and RFC 5545 cannot write, a *[TimeError] that names it. A document that
// holds what its format cannot write (an audit as Markdown, a forum as
// JSON), or more than one of a forum, an audit and a re-plan, is an error
// that wraps [errors.ErrUnsupported]. [ICS] returns an error wrapping
// [ErrNoCalendar] for a session it cannot put in a calendar (no start time,
// no segments) and for a programme none of whose sessions has a start
// time. Otherwise a renderer's errors are
// those of the writer it writes to, returned as they are, so that
// errors.Is finds them. No document makes a renderer panic, and rendering
// takes time in proportion to the document; the charts draw at most what
// can be seen (see [SVG]), so their cost does not grow with the slot's
// length, a title's or the number of turns. README.md's Limits table gives
// the cost of the worst sessions within agenda's limits.
package render
