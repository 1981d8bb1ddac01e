// Package agenda models a draft multistakeholder session: the people who
// take part, the timed segments it runs through, the slot it is given, and
// the rules of its format.
//
// A [Session] holds [Person] values, each with roles (organizer, speaker,
// moderator, online moderator, rapporteur, facilitator), a stakeholder group,
// a UN regional group, a participation mode and optional gender, country,
// time zone and custom labels, some of which the source may mark private. Its
// [Segment] values (opening, discussion, poll, breakout, plenary, report-back,
// closing) have a length, an optional parallel track, the people who speak or
// facilitate, and the policy questions they take up.
//
// The enumerations ([Mode], [Format], [Role], [SegmentKind], [Stakeholder],
// [Region]) are typed strings. Their UnmarshalText methods, which decoding JSON
// calls, accept the spellings session pages use, such as "Civil Society",
// "WEOG" and "Western European and Others Group (WEOG)", and reject anything
// else with an error that lists the valid values ("agenda: unknown regional
// group \"Mars\" (valid: ...)"); [Session.Validate] checks values built in Go.
//
// [Session.Validate] reports every problem at once, as an [errors.Join] of
// *[ValidationError] values that name the field path and the value; each
// wraps one of the Err variables, such as [ErrOverrun], so a caller can ask
// errors.Is for a kind of problem and errors.As for its details.
//
// # Text
//
// What a session's text may hold is decided once, here, for every output:
// each free-text field (titles, names, organizations, countries, genders,
// zones, rooms, tracks, labels, policy questions, what a deadline is) is one
// line of valid UTF-8 without control characters, so that no format has to
// guess what a byte means, no name can forge a line of the text output or
// steer a terminal, and every XML output is well-formed. [Session.Validate]
// refuses, as [ErrInvalid] with the field path and the character as U+XXXX,
// text holding invalid UTF-8, a C0 control character (tab and newline
// included) or DEL, a C1 control character, a bidirectional embedding,
// override or isolate (U+202A–U+202E, U+2066–U+2069), or a noncharacter
// (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane). Only Session.Notes,
// free text carried from the source that no output shows, may also hold
// newlines and tabs. Times are within the years 0001–9999, all that RFC 3339
// and so JSON and ICS can write.
//
// # Privacy
//
// Outputs of a session that is not attributed show no names or
// organizations, and no output shows a field the source marks private.
// Problems keep that promise too: a *[ValidationError] about such a value
// has Hidden set and leaves the value out of its message, referring to the
// person by the field path ("people[4].name"); [Redact] hides every name and
// organization, for an output that leaves names out. [Session.Secrets] finds
// those names in other text, such as a name a log spells with more words.
//
// [Decode] reads a session from JSON strictly: unknown fields, fields given
// twice and unknown spellings are *[DecodeError] values naming the path, and
// input beyond [MaxBytes] is refused unread. Lengths are written "40m" or
// "1h30m", times in RFC 3339; [encoding/json.Marshal] writes a session that
// decodes to the same session.
//
// [ParseIGF] imports a draft from the text of an IGF session page as it is
// pasted or saved, of any year since 2019, and [ParseIGFHTML] from the
// page's HTML. Neither invents anything: every field it could not read or
// had to assume is a [Warning] naming the line, and a line it cannot place
// is a warning, never a person.
//
// A [Programme] holds many sessions, read from one JSON file
// ([DecodeProgramme]) or a folder of session files ([ReadProgramme]).
// [Programme.Validate] checks each session and then the programme as a
// whole: a person or a room in two sessions at once, a speaker in more
// sessions than allowed, each a *[ConflictError]. [Programme.Attendees]
// follows people across sessions by a documented rule and flags, never
// merges, the entries that may be one person.
//
// # Limits
//
// A session holds at most [MaxPeople] people and [MaxSegments] segments,
// and an input at most [MaxBytes]. Past a limit, every function that reads
// or takes a session, here and in package balance, refuses it with a
// *[LimitError] naming what, how many and the limit, matching
// [ErrTooLarge], before any work that grows with it; within the limits,
// time and memory grow in proportion to the session. [Session.CheckSize]
// is the one check, and [Session.Validate] lists at most 1000
// problems.
package agenda
