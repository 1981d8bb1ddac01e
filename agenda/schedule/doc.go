// Package schedule writes a programme as the schedule files that
// conference apps read, frab's and c3voc's schedule.xml and schedule.json
// (read by Giggity, EventFahrplan, ConfClerk, FOSDEM Companion, c3nav and
// the tools of c3voc), and reads a frab or pretalx schedule.json back as a
// programme.
//
// [WriteXML] and [WriteJSON] write an [agenda.Programme] whose sessions
// have a start and a room, such as a timetabler makes; [ReadJSON] reads
// one. What both formats hold is valid against c3voc's schemas
// (validator/xsd/schedule.xml.xsd and validator/json/schema.json of
// github.com/voc/schedule, kept in testdata with their licence and checked
// in the tests with xmllint and a JSON Schema validator).
//
// # What is written
//
// Every session must have a start time ([ErrNoStart]) and a room
// ([ErrNoRoom]), start on a whole minute and last whole minutes
// ([ErrMinute]), less than 100 hours ([ErrLength]), within the years
// 0001–9999 ([agenda.ErrInvalid]); a writer reports every session that does
// not, each a *[SessionError], and writes nothing.
//
//   - Days are the calendar dates of the sessions' starts in
//     [Options].Location (by default the sessions' own zone). A day runs
//     from its first session's start to its last session's end; a session
//     past midnight belongs to the day it starts on. Days without sessions
//     are not written.
//   - Rooms are the sessions' rooms, compared as [agenda.NameKey] compares
//     names, ordered and spelled as the first session in time uses them,
//     and each day lists every room, in that order.
//   - Each session is an event: its title, its room, its start and
//     length, its format ("hybrid", "onsite", "online") as the event's
//     type, and the people whose names may be shown as its persons. The
//     formats' abstract and track are empty; schedule.json's language is
//     null, and its url, which the schema requires, is the event's GUID as
//     a URN ("urn:uuid:…").
//   - Breaks are derived, as a programme has none of its own: a break is a
//     time within a day, between its first start and its last end, when no
//     session runs in any room. It is written as an event of type "break"
//     and title "Break" in each room that has a session before it and one
//     after it that day, so that an app shows it where people are.
//   - The conference's time_zone_name is the IANA name of the location,
//     when it has one (in schedule.json, when it also fits the schema's
//     pattern, as "Europe/Oslo" and "UTC" do).
//   - The timeslot_duration is the longest length, up to an hour, that
//     every start (counted from midnight) and every length is a multiple of.
//
// # Identities
//
// Every session, room, person and break has a GUID, a name-based UUID of
// version 5 (RFC 9562, section 5.5) of what it stands for, never of where
// it stands in a list, so that an app keeps a person's favourites when a
// schedule is reordered, re-timetabled or added to:
//
//	conference = UUIDv5(UUIDv5(NameSpaceURL, "https://github.com/fairfloor/fairfloor/agenda/schedule"), acronym)
//	session    = UUIDv5(conference, "session-id" NUL id) for a session with an ID (agenda.Session.ID), else
//	             UUIDv5(conference, "session" NUL NameKey(title)), or, when another session without an ID has the
//	             same title, UUIDv5(conference, "session" NUL NameKey(title) NUL start in UTC, RFC 3339)
//	room       = UUIDv5(conference, "room" NUL NameKey(room))
//	person     = UUIDv5(conference, "person" NUL NameKey(name)), or, when the programme has several attendees
//	             of that name (see [agenda.Programme.Attendees]), NameKey(name) NUL NameKey(organization)
//	break      = UUIDv5(conference, "break" NUL NameKey(room) NUL start in UTC, RFC 3339)
//
// A session with an ID keeps its GUID when it is retitled or moved. Two
// sessions of one GUID (one ID, or one title and one start) are [ErrSameStart]. The integer
// id both formats still require is 1 plus the GUID's first 31 bits modulo
// 2³¹−1, or the next free number when another GUID has it, the GUIDs taken
// in order, so that it too depends on nothing but the GUIDs. The acronym
// ([Options].Acronym) is in every GUID: keep it fixed from one version of a
// schedule to the next.
//
// # Groups and privacy
//
// fairfloor's groups go where each schema has room for them. The events of
// both schemas are closed, so each event's description counts the
// session's people, named or not, by stakeholder group, regional group
// and participation mode:
//
//	People: 3. Stakeholder groups: Civil Society 1, Government 1, Technical Community 1. Regional groups: African Group 1, GRULAC 1, WEOG 1. Participation: onsite 2, online 1.
//
// a field the source marks private counted as "not shown" and a missing
// one as "not given". schedule.json's conference.meta is open, and holds,
// under "fairfloor", each session's attribution and each written person's
// roles, organization, stakeholder group, region and mode, keyed by the
// event's GUID and in the order of its persons, which is what [ReadJSON]
// reads back.
//
// Nothing is written that the session's outputs may not show (see
// [agenda.Session.Secrets]): the people of a session that is not attributed
// are counted but not named, a person whose name is private is left out
// of the persons, a private organization, stakeholder group or region is
// left out of the meta, and a session whose title or room names such a
// person or organization is [ErrSecret], reported by its index alone.
package schedule
