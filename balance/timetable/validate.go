package timetable

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// Rule is a hard rule of a timetable.
type Rule string

// The hard rules that [Problem.Validate] checks.
const (
	RuleUnplaced      Rule = "unplaced"          // every session is placed once
	RuleSlotTooShort  Rule = "slot too short"    // a session fits its slot
	RuleRoomTooSmall  Rule = "room too small"    // with HardCapacity, a room seats its session
	RuleNotOnline     Rule = "room not online"   // a session with online participants is in a room that takes them
	RulePin           Rule = "pin broken"        // pinned sessions are where they are pinned
	RuleUnavailable   Rule = "unavailable"       // nobody is placed when they are unavailable
	RuleHours         Rule = "outside hours"     // with HardHours, no online person takes part outside their hours
	RulePersonOverlap Rule = "person overlap"    // nobody is in two places at once, with the buffer between rooms
	RuleRoomOverlap   Rule = "room overlap"      // no room holds two sessions at once
	RuleTooMany       Rule = "too many sessions" // nobody speaks in more than SessionsPerSpeaker sessions
)

// Violation is one breach of a hard rule.
type Violation struct {
	Rule     Rule
	Sessions []int  // the sessions concerned, in programme order
	Person   string // the person concerned, as first named, or by place ("sessions[3].people[1]") if the name may not be shown
	Slot     int    // the slot concerned, or -1
	Room     int    // the room concerned, or -1
	Reason   string // what is wrong, in words
}

// String returns "person overlap: sessions [3 8], Ana Ruiz, slots[2]: …".
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: sessions %v", v.Rule, v.Sessions)
	if v.Person != "" {
		b.WriteString(", " + v.Person)
	}
	if v.Slot >= 0 {
		fmt.Fprintf(&b, ", slots[%d]", v.Slot)
	}
	if v.Room >= 0 {
		fmt.Fprintf(&b, ", rooms[%d]", v.Room)
	}
	return b.String() + ": " + v.Reason
}

// Validate returns every breach of a hard rule in t, in the order of the
// rules above and then of the sessions, or none. It reads the problem
// afresh, not the solver's tables. The error is an *InputError for a
// problem or timetable that is not well formed.
func (p *Problem) Validate(t Timetable) ([]Violation, error) {
	m, err := compile(p)
	if err != nil {
		return nil, err
	}
	if err := p.checkTimetable(t, "timetable"); err != nil {
		return nil, err
	}
	prog := p.Programme
	var out []Violation
	add := func(rule Rule, sessions []int, person string, slot, room int, format string, args ...any) {
		out = append(out, Violation{Rule: rule, Sessions: sessions, Person: person, Slot: slot, Room: room, Reason: fmt.Sprintf(format, args...)})
	}
	span := func(i int) (time.Time, time.Time) {
		start := p.Slots[t[i].Slot].Start
		return start, start.Add(sessionLength(&prog.Sessions[i]))
	}
	for i, pl := range t {
		s := &prog.Sessions[i]
		if !pl.Placed() {
			add(RuleUnplaced, []int{i}, "", -1, -1, "%q is not placed", s.Title)
			continue
		}
		slot, room := p.Slots[pl.Slot], p.Rooms[pl.Room]
		if l := sessionLength(s); l > slot.Length {
			add(RuleSlotTooShort, []int{i}, "", pl.Slot, -1, "%q lasts %v, the slot %v", s.Title, l, slot.Length)
		}
		if p.HardCapacity && room.Capacity > 0 && m.attend[i] > int64(room.Capacity) {
			add(RuleRoomTooSmall, []int{i}, "", -1, pl.Room, "%q expects %d people, %s seats %d", s.Title, m.attend[i], room.Name, room.Capacity)
		}
		if m.online[i] && !room.Online {
			add(RuleNotOnline, []int{i}, "", -1, pl.Room, "%q has online participants, %s takes none", s.Title, room.Name)
		}
		if p.Needs != nil {
			need := p.Needs[i]
			if need.Room != "" && agenda.NameKey(need.Room) != agenda.NameKey(room.Name) {
				add(RulePin, []int{i}, "", -1, pl.Room, "%q is pinned to room %s", s.Title, need.Room)
			}
			if !need.Start.IsZero() && !need.Start.Equal(slot.Start) {
				add(RulePin, []int{i}, "", pl.Slot, -1, "%q is pinned to start at %s", s.Title, need.Start.Format(time.RFC3339))
			}
		}
	}
	if p.HardHours {
		hours := p.hours()
		for i, pl := range t {
			if !pl.Placed() {
				continue
			}
			for j := range prog.Sessions[i].People {
				person := &prog.Sessions[i].People[j]
				if person.Mode != agenda.ModeOnline || person.Zone == "" || onlyOrganizes(person) {
					continue
				}
				loc, _ := loadZone(person.Zone) // compile has loaded it
				start, _ := span(i)
				if out := outside(start.In(loc), sessionLength(&prog.Sessions[i]), hours); out > 0 {
					name := person.Name
					if slices.Contains(person.Private, "name") || !prog.Sessions[i].Named() {
						name = fmt.Sprintf("sessions[%d].people[%d]", i, j)
					}
					add(RuleHours, []int{i}, name, pl.Slot, -1, "online %d minutes outside %v to %v in %s", out, hours.From, hours.To, person.Zone)
				}
			}
		}
	}
	attendees, _ := prog.Attendees()
	for k, u := range p.Unavailable {
		key := agenda.NameKey(u.Person)
		for a, at := range attendees {
			if agenda.NameKey(at.Name) != key {
				continue
			}
			for _, i := range m.sessions[a] {
				if !t[i].Placed() {
					continue
				}
				if start, end := span(int(i)); start.Before(u.Span.End) && u.Span.Start.Before(end) {
					add(RuleUnavailable, []int{int(i)}, m.names[a], t[i].Slot, -1, "unavailable[%d] is from %s to %s", k,
						u.Span.Start.Format(time.RFC3339), u.Span.End.Format(time.RFC3339))
				}
			}
		}
	}
	// Each person's sessions, and each room's, in order of start: a sweep
	// compares a session with those that start before it ends (with the
	// buffer), so that it lists every overlap without trying every pair.
	byStart := func(list []int) {
		slices.SortStableFunc(list, func(a, b int) int { return p.Slots[t[a].Slot].Start.Compare(p.Slots[t[b].Slot].Start) })
	}
	for a := range attendees {
		var list []int
		for _, i := range m.sessions[a] {
			if t[i].Placed() {
				list = append(list, int(i))
			}
		}
		byStart(list)
		for x, i := range list {
			si, ei := span(i)
			for _, j := range list[x+1:] {
				sj, ej := span(j)
				if !sj.Before(ei.Add(p.Buffer)) {
					break
				}
				gap := time.Duration(0)
				if t[i].Room != t[j].Room {
					gap = p.Buffer
				}
				if si.Before(ej.Add(gap)) && sj.Before(ei.Add(gap)) {
					add(RulePersonOverlap, []int{min(i, j), max(i, j)}, m.names[a], t[j].Slot, -1, "in %q and %q, less than %v apart",
						prog.Sessions[min(i, j)].Title, prog.Sessions[max(i, j)].Title, gap)
				}
			}
		}
	}
	for r := range p.Rooms {
		var in []int
		for i, pl := range t {
			if pl.Placed() && pl.Room == r {
				in = append(in, i)
			}
		}
		byStart(in)
		for x, i := range in {
			si, ei := span(i)
			for _, j := range in[x+1:] {
				sj, ej := span(j)
				if !sj.Before(ei) {
					break
				}
				if si.Before(ej) {
					add(RuleRoomOverlap, []int{min(i, j), max(i, j)}, "", t[j].Slot, r, "%q and %q overlap in %s",
						prog.Sessions[min(i, j)].Title, prog.Sessions[max(i, j)].Title, p.Rooms[r].Name)
				}
			}
		}
	}
	if limit := prog.SessionsPerSpeaker; limit > 0 {
		for a := range attendees {
			if n := len(m.speaks[a]); n > limit {
				add(RuleTooMany, int32s(m.speaks[a]), m.names[a], -1, -1, "speaks in %d sessions, the limit is %d", n, limit)
			}
		}
	}
	return out, nil
}

func int32s(list []int32) []int {
	out := make([]int, len(list))
	for k, v := range list {
		out[k] = int(v)
	}
	return out
}
