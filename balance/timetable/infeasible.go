package timetable

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInfeasible is what every *[InfeasibleError] matches.
var ErrInfeasible = errors.New("timetable: no timetable keeps every hard rule")

// InfeasibleError says why no timetable keeps the hard rules, or why the
// search found none: the sessions, people and slots in conflict, and the
// smallest change to the problem that would help.
type InfeasibleError struct {
	Rule     Rule     // the rule that cannot be kept
	Sessions []int    // the sessions in conflict, in programme order
	People   []string // the people concerned, as first named or by place
	Slots    []int    // the slots concerned

	Reason string // why, in words
	Fix    string // the smallest change that would help, in words

	// Proven is set when no timetable can keep the rules; otherwise the
	// search found none, which a longer or different search might.
	Proven bool
}

// Error returns `timetable: sessions [2 5]: <reason>; <fix>`.
func (e *InfeasibleError) Error() string {
	var b strings.Builder
	if len(e.Sessions) > maxListed {
		fmt.Fprintf(&b, "timetable: sessions %v and %d more", e.Sessions[:maxListed], len(e.Sessions)-maxListed)
	} else {
		fmt.Fprintf(&b, "timetable: sessions %v", e.Sessions)
	}
	if len(e.People) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(e.People, ", "))
	}
	fmt.Fprintf(&b, ": %s", e.Reason)
	if e.Fix != "" {
		fmt.Fprintf(&b, "; %s", e.Fix)
	}
	return b.String()
}

// maxListed is the most sessions an error message lists; the error's
// Sessions holds them all.
const maxListed = 10

// Unwrap returns ErrInfeasible.
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }

// nowhere explains why session i has no allowed cell, naming the first
// rule that empties its cells, with the change that would give it one.
func (m *model) nowhere(i int) *InfeasibleError {
	p := m.p
	s := &p.Programme.Sessions[i]
	e := &InfeasibleError{Sessions: []int{i}, Proven: true}
	length := time.Duration(m.length[i]) * time.Second
	var fits []int
	for t := range m.S {
		if m.slotFits(i, t) {
			fits = append(fits, t)
		}
	}
	if len(fits) == 0 {
		e.Rule = RuleSlotTooShort
		longest := time.Duration(0)
		for _, sl := range p.Slots {
			longest = max(longest, sl.Length)
		}
		if p.Needs != nil && !p.Needs[i].Start.IsZero() {
			e.Rule = RulePin
			e.Reason = fmt.Sprintf("%q lasts %v and is pinned to a slot too short for it", s.Title, length)
			e.Fix = "lengthen the pinned slot to " + length.String() + " or unpin the session"
			return e
		}
		e.Reason = fmt.Sprintf("%q lasts %v, the longest slot %v", s.Title, length, longest)
		e.Fix = fmt.Sprintf("add a slot of %v, or shorten the session to %v", length, longest)
		return e
	}
	var rooms []int
	for r := range m.R {
		if m.roomFits(i, r) {
			rooms = append(rooms, r)
		}
	}
	if len(rooms) == 0 {
		switch {
		case p.Needs != nil && p.Needs[i].Room != "":
			e.Rule = RulePin
			e.Reason = fmt.Sprintf("%q is pinned to room %s, which does not fit it", s.Title, p.Needs[i].Room)
			e.Fix = "unpin the session's room"
		case m.online[i] && !anyOnline(p.Rooms):
			e.Rule = RuleNotOnline
			e.Reason = fmt.Sprintf("%q has online participants and no room takes them", s.Title)
			e.Fix = "let one room take online participants"
		default:
			e.Rule = RuleRoomTooSmall
			e.Reason = fmt.Sprintf("%q expects %d people and no room that fits it seats them", s.Title, m.attend[i])
			e.Fix = fmt.Sprintf("a room for %d people, or capacity as a preference (HardCapacity false)", m.attend[i])
		}
		return e
	}
	if p.HardHours {
		var awake []int
		for _, t := range fits {
			if m.minutes[i*m.S+t] == 0 {
				awake = append(awake, t)
			}
		}
		if len(awake) == 0 {
			e.Rule = RuleHours
			e.Slots = fits
			e.Reason = fmt.Sprintf("%q has online people outside their hours in every slot that fits it", s.Title)
			e.Fix = "widen the hours, make them a preference (HardHours false), or add a slot in their day"
			return e
		}
		fits = awake
	}
	// The slots fit and so do the rooms: its people are unavailable in
	// every slot that fits.
	e.Rule = RuleUnavailable
	e.Slots = fits
	for _, a := range m.people[i] {
		if m.away[a] {
			e.People = append(e.People, m.names[a])
		}
	}
	e.Reason = fmt.Sprintf("%q fits only slots %v, when its people are unavailable", s.Title, fits)
	if len(e.People) > 0 {
		e.Fix = fmt.Sprintf("make %s available in one of those slots, or take them off the session", e.People[0])
	}
	return e
}

// crowded explains that the sessions compete for fewer cells than they
// are: the sessions left out by augmenting paths, and all those that
// compete with them for the same cells (a set S whose allowed cells N(S)
// are fewer, as Hall's theorem has it).
func (m *model) crowded(st *state, unplaced []int) *InfeasibleError {
	// The sessions reachable from the unplaced by alternating paths, and
	// their cells, which are all taken by sessions of the set.
	inSet := make([]bool, m.n)
	cells := make([]bool, m.S*m.R)
	queue := append([]int(nil), unplaced...)
	for _, i := range unplaced {
		inSet[i] = true
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for k := range m.count(i) {
			c := m.cell(i, k)
			if cells[c] {
				continue
			}
			cells[c] = true
			if j := st.occ[c]; j >= 0 && !inSet[j] {
				inSet[j] = true
				queue = append(queue, int(j))
			}
		}
	}
	e := &InfeasibleError{Rule: RuleUnplaced, Proven: true}
	slots := map[int]bool{}
	nc := 0
	for c, ok := range cells {
		if ok {
			nc++
			slots[c/m.R] = true
		}
	}
	for i, ok := range inSet {
		if ok {
			e.Sessions = append(e.Sessions, i)
		}
	}
	for t := range m.S {
		if slots[t] {
			e.Slots = append(e.Slots, t)
		}
	}
	short := len(e.Sessions) - nc
	e.Reason = fmt.Sprintf("%d sessions fit only %d room-slots", len(e.Sessions), nc)
	e.Fix = fmt.Sprintf("open %d more room-slots these sessions fit (a room, or a slot, that suits them), or take %d of them out", short, short)
	return e
}

// tooMany explains that a person speaks in more sessions than the
// programme allows.
func (m *model) tooMany() *InfeasibleError {
	limit := m.p.Programme.SessionsPerSpeaker
	if limit <= 0 {
		return nil
	}
	for a, list := range m.speaks {
		if len(list) > limit {
			return &InfeasibleError{Rule: RuleTooMany, Sessions: int32s(list), People: []string{m.names[a]}, Proven: true,
				Reason: fmt.Sprintf("%s speaks in %d sessions, the limit is %d", m.names[a], len(list), limit),
				Fix:    fmt.Sprintf("take %s off %d of them", m.names[a], len(list)-limit)}
		}
	}
	return nil
}

// clashing explains the clashes left in a timetable: the people in two
// places at once, their sessions and slots.
func (m *model) clashing(vs []Violation, proven bool) *InfeasibleError {
	e := &InfeasibleError{Rule: RulePersonOverlap, Proven: proven}
	sessions, people, slots := map[int]bool{}, map[string]bool{}, map[int]bool{}
	for _, v := range vs {
		for _, i := range v.Sessions {
			sessions[i] = true
		}
		if v.Person != "" && !people[v.Person] {
			people[v.Person] = true
			e.People = append(e.People, v.Person)
		}
		if v.Slot >= 0 {
			slots[v.Slot] = true
		}
		if v.Rule != RulePersonOverlap {
			e.Rule = v.Rule
		}
	}
	for i := range m.n {
		if sessions[i] {
			e.Sessions = append(e.Sessions, i)
		}
	}
	for t := range m.S {
		if slots[t] {
			e.Slots = append(e.Slots, t)
		}
	}
	e.Reason = fmt.Sprintf("%d breaches of the hard rules remain, the first: %s", len(vs), vs[0].String())
	if len(e.People) > 0 {
		e.Fix = fmt.Sprintf("take %s off one of sessions %v, or add a slot", e.People[0], vs[0].Sessions)
	} else {
		e.Fix = "add a slot or a room"
	}
	return e
}

func anyOnline(rooms []Room) bool {
	for _, r := range rooms {
		if r.Online {
			return true
		}
	}
	return false
}
