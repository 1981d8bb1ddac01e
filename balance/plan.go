package balance

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Plan allocates the session's speaking time under policy p (see
// [Allocate]), orders the turns of each speaking segment (see [Order]) and
// lays everything on the session's clock.
//
// In a speaking segment the moderator opens (Policy.Intro), each speaker's
// turn follows a hand-over (Policy.Handover, or Policy.OnlineHandover for an
// online speaker), audience questions close it (Policy.Audience), and the
// seconds left over after rounding to whole steps go to the moderator's close.
// A segment without speakers is one activity turn. Every segment's turns
// add up to its length exactly, so the run-of-show adds up to the session's
// plan; time the segments leave at the end of the slot is RunOfShow.Unplanned.
//
// The errors are those of Allocate.
func Plan(s *agenda.Session, p Policy) (*agenda.RunOfShow, *Allocation, error) {
	al, err := Allocate(s, p)
	if err != nil {
		return nil, nil, err
	}
	return runOfShow(s, al, p, nil), al, nil
}

// runOfShow lays the allocation's speeches, and the time kept around them, on
// the session's clock; a segment opened says is under way, opened already,
// and has no intro.
func runOfShow(s *agenda.Session, al *Allocation, p Policy, opened []bool) *agenda.RunOfShow {
	plan := s.Plan()
	roster := s.Roster()
	ros := &agenda.RunOfShow{Session: s, Segments: make([]agenda.ScheduledSegment, len(s.Segments))}
	if plan.End.Before(s.Slot.End()) {
		ros.Unplanned = timeslot.Span{Start: plan.End, End: s.Slot.End()}
	}
	speaking := make(map[int]*SegmentShare, len(al.Segments))
	for i := range al.Segments {
		speaking[al.Segments[i].Segment] = &al.Segments[i]
	}
	for i := range s.Segments {
		span := plan.Spans[i]
		ros.Segments[i].Span = span
		share, ok := speaking[i]
		if !ok {
			ros.Segments[i].Turns = []agenda.Turn{{Kind: "activity", Span: span}}
			continue
		}
		q := p
		if i < len(opened) && opened[i] {
			q.Intro = 0
		}
		ros.Segments[i].Turns = layTurns(s, roster, i, span, share, q)
	}
	return ros
}

// layTurns fills one speaking segment's span with its turns.
func layTurns(s *agenda.Session, roster *agenda.Roster, i int, span timeslot.Span, share *SegmentShare, p Policy) []agenda.Turn {
	seg := &s.Segments[i]
	moderator := moderatorOf(s, roster, seg)
	var turns []agenda.Turn
	at := span.Start
	add := func(kind string, who string, d time.Duration) {
		if d > 0 || kind == "speech" {
			turns = append(turns, agenda.Turn{Kind: kind, Person: who, Span: timeslot.Span{Start: at, End: at.Add(d)}})
			at = at.Add(d)
		}
	}
	add("moderation", moderator, p.Intro)

	times := make(map[string]time.Duration, len(share.Speakers))
	people := make([]*agenda.Person, 0, len(share.Speakers))
	for _, sh := range share.Speakers {
		person, _ := roster.Person(sh.Name) // Allocate has found every speaker
		times[person.Name] = sh.Time
		people = append(people, person)
	}
	tie := func(person *agenda.Person) string { return agenda.NameKey(person.Name) }
	if s.Attribution == "unattributed" {
		tie = func(person *agenda.Person) string { return fmt.Sprintf("%08d", roster.Index(person.Name)) }
	}
	for _, person := range order(people, p.First, p.Last, tie) {
		handover := p.Handover
		if person.Mode == agenda.ModeOnline {
			handover = p.OnlineHandover
		}
		add("handover", person.Name, handover)
		add("speech", person.Name, times[person.Name])
	}
	add("audience", "", p.Audience)
	add("moderation", moderator, span.End.Sub(at))
	return turns
}

// moderatorOf returns who moderates a segment: its first facilitator, else
// the session's first moderator, else nobody named.
func moderatorOf(s *agenda.Session, roster *agenda.Roster, seg *agenda.Segment) string {
	if len(seg.Facilitators) > 0 {
		if p, ok := roster.Person(seg.Facilitators[0]); ok {
			return p.Name
		}
	}
	for _, p := range s.People {
		if slices.Contains(p.Roles, agenda.RoleModerator) {
			return p.Name
		}
	}
	return ""
}

// ErrNoSession is returned by the functions that take a session
// ([Allocate], [Plan], [DraftReport], [PlanReport], [Rest], [Replan] and
// [AuditLog], and [ReadLogCSV], which reads clock times on its slot) when
// it, or the run-of-show's, is nil, by [Check] for a nil report, and by
// [PlanProgramme] and [ForumReport] for a nil programme, which holds no
// session.
var ErrNoSession = errors.New("balance: no session")

// SessionError reports a session that Allocate cannot work with, or a
// moment outside its slot for [Rest] and [Replan].
type SessionError struct {
	Field  string // path to the field, as agenda.ValidationError writes it
	Value  string
	Reason string
}

// Error returns "balance: session <field> <value>: <reason>".
func (e *SessionError) Error() string {
	return "balance: session " + e.Field + " " + strconv.Quote(e.Value) + ": " + e.Reason
}
