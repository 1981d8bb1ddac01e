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
package render
