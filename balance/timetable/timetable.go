package timetable

import (
	"fmt"

	"github.com/fairfloor/fairfloor/agenda"
)

// Timetable places each session of a programme, in programme order.
type Timetable []Placement

// Placement is where one session is: a slot and a room, as indexes into
// Problem.Slots and Problem.Rooms, or both [Unplaced].
type Placement struct {
	Slot, Room int
}

// Unplaced is the Slot and Room of a session not placed.
const Unplaced = -1

// Placed reports whether the placement is in a slot and a room.
func (pl Placement) Placed() bool { return pl.Slot >= 0 && pl.Room >= 0 }

// Move is one session whose placement differs between two timetables.
type Move struct {
	Session  int // in Programme.Sessions
	From, To Placement
}

// Diff returns the sessions placed differently in from and to, in
// programme order. A session that only one of them has counts as moved
// from or to [Unplaced].
func Diff(from, to Timetable) []Move {
	var moves []Move
	unplaced := Placement{Unplaced, Unplaced}
	for i := range max(len(from), len(to)) {
		a, b := unplaced, unplaced
		if i < len(from) {
			a = from[i]
		}
		if i < len(to) {
			b = to[i]
		}
		if a != b {
			moves = append(moves, Move{Session: i, From: a, To: b})
		}
	}
	return moves
}

// Apply returns a copy of the problem's programme with each session's
// room and start set from t: its Room is the room's name and its Slot
// starts when the slot starts and keeps the session's own length. An
// unplaced session keeps its room and slot. The people, segments and the
// rest are shared with the problem's programme, not copied. The error is an
// *InputError for a timetable that does not fit the problem.
func (p *Problem) Apply(t Timetable) (*agenda.Programme, error) {
	if p == nil || p.Programme == nil {
		return nil, inputError("programme", nil, "is missing")
	}
	if err := p.checkTimetable(t, "timetable"); err != nil {
		return nil, err
	}
	out := *p.Programme
	out.Sessions = make([]agenda.Session, len(p.Programme.Sessions))
	copy(out.Sessions, p.Programme.Sessions)
	for i, pl := range t {
		if !pl.Placed() {
			continue
		}
		s := &out.Sessions[i]
		s.Room = p.Rooms[pl.Room].Name
		s.Slot.Length = sessionLength(s)
		s.Slot.Start = p.Slots[pl.Slot].Start
	}
	return &out, nil
}

// Placements reads a timetable back from a programme whose sessions have
// rooms and starts, such as one [Problem.Apply] returned or a published
// schedule read as a programme: each session is in the room of its name
// (compared as [agenda.NameKey] compares names) and the slot that starts
// when it starts, or [Unplaced] if either is missing. The programme's
// sessions are taken in the order of the problem's; the error is an
// *InputError if it has not as many.
func (p *Problem) Placements(prog *agenda.Programme) (Timetable, error) {
	if p == nil || p.Programme == nil {
		return nil, inputError("programme", nil, "is missing")
	}
	if prog == nil || len(prog.Sessions) != len(p.Programme.Sessions) {
		n := 0
		if prog != nil {
			n = len(prog.Sessions)
		}
		return nil, inputError("sessions", n, "has not the %d sessions of the problem", len(p.Programme.Sessions))
	}
	t := make(Timetable, len(prog.Sessions))
	for i := range prog.Sessions {
		s := &prog.Sessions[i]
		t[i] = Placement{Unplaced, Unplaced}
		r := p.roomIndex(s.Room)
		if r < 0 || !s.Slot.Scheduled() {
			continue
		}
		for k, sl := range p.Slots {
			if sl.Start.Equal(s.Slot.Start) {
				t[i] = Placement{Slot: k, Room: r}
				break
			}
		}
	}
	return t, nil
}

// String returns "slots[2] rooms[1]", or "unplaced".
func (pl Placement) String() string {
	if !pl.Placed() {
		return "unplaced"
	}
	return fmt.Sprintf("slots[%d] rooms[%d]", pl.Slot, pl.Room)
}
