package agenda

import (
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// RunOfShow is a session laid out on its clock, turn by turn, ready to hand
// to its moderators. The planner in package balance makes one from a draft.
type RunOfShow struct {
	Session  *Session           // the draft it was planned from
	Segments []ScheduledSegment // one per segment of Session, in the same order

	// Unplanned is the time between the end of the last segment and the end
	// of the slot; it is empty when the segments fill the slot.
	Unplanned timeslot.Span
}

// ScheduledSegment is a segment of a run-of-show: when it runs and the turns
// that fill it, back to back, from its start to its end.
type ScheduledSegment struct {
	timeslot.Span
	Turns []Turn
}

// Turn is one stretch of a segment in which one thing happens.
type Turn struct {
	// Kind says what happens: "speech" (a speaker has the floor),
	// "moderation" (a moderator opens or closes a segment), "handover" (the
	// floor passes to the next speaker; longer to someone online),
	// "audience" (questions from the room and online) or "activity" (a
	// segment without speakers, such as a poll or a breakout).
	Kind string

	// Person is the name of who holds the floor: the speaker of a speech,
	// the moderator of a moderation turn, the speaker receiving the floor in
	// a hand-over. It is empty for audience questions and for activities,
	// which the segment's facilitators lead.
	Person string

	timeslot.Span
}

// SpeakingTime returns how long each person speaks, summed over every
// speech turn, by their name as Session.People writes it: a turn may name
// them in another case, spacing or Unicode form (see [NameKey]). A name
// that is nobody among the people is kept as the turn writes it.
func (r *RunOfShow) SpeakingTime() map[string]time.Duration {
	total := map[string]time.Duration{}
	var roster *Roster
	if r.Session != nil {
		roster = r.Session.Roster()
	}
	for _, seg := range r.Segments {
		for _, t := range seg.Turns {
			if t.Kind != "speech" {
				continue
			}
			name := t.Person
			if roster != nil {
				if p, ok := roster.Person(name); ok {
					name = p.Name
				}
			}
			total[name] += t.Length()
		}
	}
	return total
}
