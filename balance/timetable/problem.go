package timetable

import (
	"fmt"
	"math"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Problem is what a timetable is made from: a programme's sessions, the
// rooms and time slots to place them in, and the rules and preferences of
// the placing. Rooms and slots are a grid: every slot is open in every room.
// A session placed in a slot starts when the slot starts and runs for its
// own length.
type Problem struct {
	Programme *agenda.Programme
	Rooms     []Room
	Slots     []timeslot.Slot // each with a start time and a length; a day is a slot's date where it starts

	// Needs gives each session what the programme does not say: its
	// expected attendance, its themes and its pins. It is nil, or as long as
	// Programme.Sessions and in the same order.
	Needs []Need

	// Unavailable lists the times people cannot take part.
	Unavailable []Unavailable

	// Buffer is the changeover a person needs between sessions in two
	// different rooms: two sessions of one person in different rooms must
	// be at least Buffer apart. Sessions in one room need none.
	Buffer time.Duration

	// HardCapacity makes a room's capacity a hard rule: no session is
	// placed in a room smaller than its expected attendance. Otherwise the
	// overflow is a preference (see [Weights]).
	HardCapacity bool

	// Hours are the local hours an online speaker is comfortably awake,
	// where their Zone says they are; the zero value means 07:00 to 23:00.
	Hours Hours

	// HardHours makes Hours a hard rule: no session is placed where one of
	// its online people would take part outside their hours. Otherwise it
	// is a preference (see [Weights]).
	HardHours bool

	// Weights weigh the preferences; nil means [DefaultWeights].
	Weights *Weights

	// Published is the timetable already announced, if any: the search
	// starts from it and, weighted by Weights.Changes, moves as few of its
	// sessions as it can. It is nil, or as long as Programme.Sessions.
	Published Timetable

	// Seed seeds the local search: the same problem and seed give the same
	// timetable.
	Seed uint64

	// ExactUpTo is the most sessions for which Solve tries branch and
	// bound after the local search; 0 means 20, a negative value never.
	// Branch and bound proves the optimum (Result.Exact) when it ends
	// within its limit of work, about a second: for the programmes of up
	// to 20 sessions in up to 4 rooms × 6 slots of the tests, whose slots
	// are apart, in 0.05 to 0.5 s, re-solves included; with overlapping
	// slots or a buffer longer than a gap between them, for up to about
	// 10 sessions in 16 cells. Otherwise the result is the best timetable
	// found, measured against the lower bound.
	ExactUpTo int
}

// Room is a room sessions can be placed in.
type Room struct {
	Name     string
	Capacity int  // seats; 0 means no limit
	Online   bool // whether online participants can take part from it
}

// Need is what one session needs from its place in the timetable.
type Need struct {
	// Attendance is the expected attendance; 0 means the programme's
	// Attendance.People, the attendance reported for the session.
	Attendance int

	// Themes are the session's themes or tags, spread over the days.
	Themes []string

	// Room pins the session to the room of this name, compared as
	// [agenda.NameKey] compares names; empty means any room.
	Room string

	// Start pins the session to the slot that starts at this moment; the
	// zero time means any slot.
	Start time.Time
}

// Unavailable is a time when a person cannot take part. The person is
// named as in the programme, and matched as [agenda.Programme.Attendees]
// identifies people: every attendee of that name is unavailable.
type Unavailable struct {
	Person string
	Span   timeslot.Span
}

// Hours are the local hours from From to To after midnight, such as 7h to
// 23h. To may be less than From for hours that cross midnight.
type Hours struct {
	From, To time.Duration
}

// Weights weigh the preferences of a timetable, as the package doc's
// objective shows. A zero weight turns a preference off.
type Weights struct {
	Diversity float64 // w_div: same-group speakers in parallel, for region and stakeholder group
	Themes    float64 // w_thm: same-theme sessions on one day
	Overflow  float64 // w_ovf: each person over a room's capacity
	Worst     float64 // w_max: the worst overflow of one session
	Hours     float64 // w_hrs: each hour an online speaker speaks outside their Hours
	Changes   float64 // w_chg: each session moved from the published timetable
}

// DefaultWeights returns the weights a nil Problem.Weights means. A
// session moved costs as much as a whole point of diversity, so that a
// re-solve moves only the sessions it must.
func DefaultWeights() Weights {
	return Weights{Diversity: 1, Themes: 1, Overflow: 0.01, Worst: 0.02, Hours: 0.5, Changes: 1}
}

// defaultExactUpTo is the size of programme solved exactly by default.
const defaultExactUpTo = 20

// InputError is a problem with one field of a [Problem] or a [Timetable]:
// a value that is missing, out of range or names nothing.
type InputError struct {
	Field  string // path to the field, such as "rooms[2].capacity"
	Value  string // the offending value as text; empty when it is missing
	Reason string // what is wrong, in words
}

// Error returns `timetable: rooms[2].capacity "-5": is negative`.
func (e *InputError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("timetable: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("timetable: %s %q: %s", e.Field, e.Value, e.Reason)
}

func inputError(field string, value any, format string, args ...any) *InputError {
	v := ""
	if value != nil {
		v = fmt.Sprint(value)
	}
	return &InputError{Field: field, Value: v, Reason: fmt.Sprintf(format, args...)}
}

// check returns the first problem with the problem's fields, or nil.
func (p *Problem) check() error {
	if p == nil || p.Programme == nil {
		return inputError("programme", nil, "is missing")
	}
	if err := p.Programme.CheckSize(); err != nil {
		return fmt.Errorf("timetable: programme: %w", err)
	}
	n := len(p.Programme.Sessions)
	if len(p.Rooms) == 0 && n > 0 {
		return inputError("rooms", nil, "is empty")
	}
	if len(p.Slots) == 0 && n > 0 {
		return inputError("slots", nil, "is empty")
	}
	if len(p.Rooms) > maxRooms {
		return inputError("rooms", len(p.Rooms), "more than %d rooms", maxRooms)
	}
	if len(p.Slots) > maxSlots {
		return inputError("slots", len(p.Slots), "more than %d slots", maxSlots)
	}
	if len(p.Rooms)*len(p.Slots)*max(n, 1) > maxCells {
		return inputError("slots", len(p.Slots), "%d rooms × %d slots × %d sessions is more than %d", len(p.Rooms), len(p.Slots), n, maxCells)
	}
	for i, r := range p.Rooms {
		if agenda.NameKey(r.Name) == "" {
			return inputError(fmt.Sprintf("rooms[%d].name", i), nil, "is missing")
		}
		if r.Capacity < 0 {
			return inputError(fmt.Sprintf("rooms[%d].capacity", i), r.Capacity, "is negative")
		}
		for j := range i {
			if agenda.NameKey(p.Rooms[j].Name) == agenda.NameKey(r.Name) {
				return inputError(fmt.Sprintf("rooms[%d].name", i), r.Name, "is also rooms[%d]", j)
			}
		}
	}
	for i, s := range p.Slots {
		if !s.Scheduled() {
			return inputError(fmt.Sprintf("slots[%d].start", i), nil, "is missing")
		}
		if s.Length <= 0 || s.Length > 7*24*time.Hour {
			return inputError(fmt.Sprintf("slots[%d].length", i), s.Length, "is not between 0 and a week")
		}
		if y := s.Start.Year(); y < 1 || y > 9999 {
			return inputError(fmt.Sprintf("slots[%d].start", i), y, "year is not between 1 and 9999")
		}
	}
	if p.Needs != nil && len(p.Needs) != n {
		return inputError("needs", len(p.Needs), "has not one need for each of the %d sessions", n)
	}
	for i, need := range p.Needs {
		if need.Attendance < 0 {
			return inputError(fmt.Sprintf("needs[%d].attendance", i), need.Attendance, "is negative")
		}
		if need.Room != "" && p.roomIndex(need.Room) < 0 {
			return inputError(fmt.Sprintf("needs[%d].room", i), need.Room, "is none of the rooms")
		}
		if !need.Start.IsZero() && !p.hasStart(need.Start) {
			return inputError(fmt.Sprintf("needs[%d].start", i), need.Start.Format(time.RFC3339), "is the start of none of the slots")
		}
	}
	for i := range p.Programme.Sessions {
		if l := sessionLength(&p.Programme.Sessions[i]); l <= 0 || l > 7*24*time.Hour {
			return inputError(fmt.Sprintf("programme.sessions[%d].slot.length", i), l, "is not between 0 and a week")
		}
	}
	for i, u := range p.Unavailable {
		if agenda.NameKey(u.Person) == "" {
			return inputError(fmt.Sprintf("unavailable[%d].person", i), nil, "is missing")
		}
		if !u.Span.End.After(u.Span.Start) {
			return inputError(fmt.Sprintf("unavailable[%d].span", i), u.Span.Start.Format(time.RFC3339), "ends before it starts")
		}
	}
	if p.Buffer < 0 || p.Buffer > 24*time.Hour {
		return inputError("buffer", p.Buffer, "is not between 0 and a day")
	}
	if h := p.Hours; h.From < 0 || h.From > 24*time.Hour || h.To < 0 || h.To > 24*time.Hour {
		return inputError("hours", fmt.Sprintf("%v-%v", h.From, h.To), "is not within a day")
	}
	if w := p.Weights; w != nil {
		for _, f := range []struct {
			name string
			v    float64
		}{{"diversity", w.Diversity}, {"themes", w.Themes}, {"overflow", w.Overflow}, {"worst", w.Worst}, {"hours", w.Hours}, {"changes", w.Changes}} {
			if f.v < 0 || f.v > 1e6 || math.IsNaN(f.v) {
				return inputError("weights."+f.name, f.v, "is not between 0 and 1e6")
			}
		}
	}
	if p.Published != nil {
		if err := p.checkTimetable(p.Published, "published"); err != nil {
			return err
		}
	}
	return nil
}

// checkTimetable checks that t has a placement for each session, each in
// the grid or unplaced.
func (p *Problem) checkTimetable(t Timetable, field string) error {
	if len(t) != len(p.Programme.Sessions) {
		return inputError(field, len(t), "has not one placement for each of the %d sessions", len(p.Programme.Sessions))
	}
	for i, pl := range t {
		if pl.Slot == Unplaced && pl.Room == Unplaced {
			continue
		}
		if pl.Slot < 0 || pl.Slot >= len(p.Slots) {
			return inputError(fmt.Sprintf("%s[%d].slot", field, i), pl.Slot, "is not a slot")
		}
		if pl.Room < 0 || pl.Room >= len(p.Rooms) {
			return inputError(fmt.Sprintf("%s[%d].room", field, i), pl.Room, "is not a room")
		}
	}
	return nil
}

// Limits on the size of a problem, far above an IGF's, that keep the
// solver's tables (sessions × rooms × slots) within memory.
const (
	maxRooms = 1000
	maxSlots = 1000
	maxCells = 50_000_000
)

func (p *Problem) roomIndex(name string) int {
	key := agenda.NameKey(name)
	for i, r := range p.Rooms {
		if agenda.NameKey(r.Name) == key {
			return i
		}
	}
	return -1
}

func (p *Problem) hasStart(t time.Time) bool {
	for _, s := range p.Slots {
		if s.Start.Equal(t) {
			return true
		}
	}
	return false
}

// sessionLength is the session's slot length or, without one, the length
// of its segments.
func sessionLength(s *agenda.Session) time.Duration {
	if s.Slot.Length > 0 {
		return s.Slot.Length
	}
	var sum time.Duration
	for _, seg := range s.Segments {
		if seg.Length > 0 && sum < 1<<50 {
			sum += seg.Length
		}
	}
	return sum
}

// weights returns the weights in force.
func (p *Problem) weights() Weights {
	if p.Weights == nil {
		return DefaultWeights()
	}
	return *p.Weights
}

// hours returns the comfortable hours in force.
func (p *Problem) hours() Hours {
	if p.Hours == (Hours{}) {
		return Hours{From: 7 * time.Hour, To: 23 * time.Hour}
	}
	return p.Hours
}
