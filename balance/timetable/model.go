package timetable

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// model is a problem compiled to indexes: what the solvers, the cost and
// the checks read. Cells are numbered slot*R + room. Its tables are linear
// in the sessions: n × cells for where each may go, n × slots for the
// online speakers' hours and n × rooms for the overflow.
type model struct {
	p       *Problem
	w       Weights
	n, S, R int

	start []int64 // of each slot, in seconds since the epoch
	slen  []int64 // of each slot, in seconds
	day   []int   // of each slot, numbered from 0 in order of date
	days  int

	length   []int64 // of each session, in seconds
	attend   []int64
	online   []bool    // the session has online participants, so needs a room that takes them
	people   [][]int32 // attendees present in each session (not those who only organize)
	sessions [][]int32 // sessions each attendee is present in, in programme order
	speaks   [][]int32 // sessions each attendee speaks in
	names    []string  // of each attendee, as it may be shown
	away     []bool    // whether each attendee has times they are unavailable

	groups  [][]groupCount // speakers of each session by region and stakeholder group
	nGroups [dims]int
	total   [dims]int64 // speaker appearances with a group, by dimension
	themes  [][]int32
	nThemes int
	pairs   int64 // session-theme pairs

	// Where each session may go under the rules that concern it alone:
	// the slots (n × S) and the rooms (n × R), and lists of each. A cell
	// is allowed when both its slot and its room are, so the tables grow
	// with sessions × (slots + rooms), not with sessions × cells.
	slotOK, roomOK   []bool
	okSlots, okRooms [][]int32
	minutes          []int64   // n × S: minutes online speakers of session i would speak outside their hours in slot s
	ovf              []int64   // n × R: people over the room's capacity
	pub              []int32   // published cell of each session, or -1
	near             [][]int32 // slots whose time overlaps each slot's, other than itself
	buffer           int64
}

// dims are the dimensions of diversity: region and stakeholder group.
const dims = 2

type groupCount struct {
	dim   uint8
	group int32
	count int32
}

// compile checks the problem and builds its model.
func compile(p *Problem) (*model, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	prog := p.Programme
	m := &model{p: p, w: p.weights(), n: len(prog.Sessions), S: len(p.Slots), R: len(p.Rooms), buffer: int64(p.Buffer / time.Second)}
	m.start, m.slen, m.day = make([]int64, m.S), make([]int64, m.S), make([]int, m.S)
	dayOf := map[[3]int]int{}
	for s, sl := range p.Slots {
		m.start[s], m.slen[s] = sl.Start.Unix(), int64(sl.Length/time.Second)
		y, mo, d := sl.Start.Date()
		dayOf[[3]int{y, int(mo), d}] = 0
	}
	keys := make([][3]int, 0, len(dayOf))
	for k := range dayOf {
		keys = append(keys, k)
	}
	sortDays(keys)
	for i, k := range keys {
		dayOf[k] = i
	}
	m.days = len(keys)
	for s, sl := range p.Slots {
		y, mo, d := sl.Start.Date()
		m.day[s] = dayOf[[3]int{y, int(mo), d}]
	}
	m.near = make([][]int32, m.S)
	for s := range m.S {
		for t := range m.S {
			if s != t && m.start[s] < m.start[t]+m.slen[t] && m.start[t] < m.start[s]+m.slen[s] {
				m.near[s] = append(m.near[s], int32(t))
			}
		}
	}

	attendees, _ := prog.Attendees()
	m.sessions = make([][]int32, len(attendees))
	m.speaks = make([][]int32, len(attendees))
	m.names = make([]string, len(attendees))
	m.people = make([][]int32, m.n)
	byKey := map[string][]int32{}
	for a, at := range attendees {
		m.names[a] = at.Name
		key := agenda.NameKey(at.Name)
		byKey[key] = append(byKey[key], int32(a))
		for _, ap := range at.Appearances {
			person := &prog.Sessions[ap.Session].People[ap.Person]
			if slices.Contains(person.Private, "name") || !prog.Sessions[ap.Session].Named() {
				m.names[a] = fmt.Sprintf("sessions[%d].people[%d]", ap.Session, ap.Person)
			}
			if !onlyOrganizes(person) && !containsLast(m.sessions[a], ap.Session) {
				m.sessions[a] = append(m.sessions[a], int32(ap.Session))
				m.people[ap.Session] = append(m.people[ap.Session], int32(a))
			}
			if slices.Contains(person.Roles, agenda.RoleSpeaker) && !containsLast(m.speaks[a], ap.Session) {
				m.speaks[a] = append(m.speaks[a], int32(ap.Session))
			}
		}
	}

	// Groups and themes, each value numbered in order of first appearance.
	groupIDs := [dims]map[string]int32{{}, {}}
	themeIDs := map[string]int32{}
	m.groups = make([][]groupCount, m.n)
	m.themes = make([][]int32, m.n)
	m.length, m.attend, m.online = make([]int64, m.n), make([]int64, m.n), make([]bool, m.n)
	zones := map[string]*time.Location{}
	hrs := p.hours()
	m.minutes = make([]int64, m.n*m.S)
	for i := range prog.Sessions {
		s := &prog.Sessions[i]
		m.length[i] = int64(sessionLength(s) / time.Second)
		m.attend[i] = int64(s.Attendance.People)
		if p.Needs != nil {
			need := p.Needs[i]
			if need.Attendance > 0 {
				m.attend[i] = int64(need.Attendance)
			}
			for _, th := range need.Themes {
				key := agenda.NameKey(th)
				if key == "" {
					continue
				}
				id, ok := themeIDs[key]
				if !ok {
					id = int32(len(themeIDs))
					themeIDs[key] = id
				}
				if !containsInt32(m.themes[i], id) {
					m.themes[i] = append(m.themes[i], id)
					m.pairs++
				}
			}
		}
		for j := range s.People {
			person := &s.People[j]
			if person.Mode == agenda.ModeOnline && !onlyOrganizes(person) {
				m.online[i] = true
				if person.Zone != "" {
					loc, ok := zones[person.Zone]
					if !ok {
						var err error
						if loc, err = loadZone(person.Zone); err != nil {
							return nil, inputError(fmt.Sprintf("programme.sessions[%d].people[%d].zone", i, j), person.Zone, "is not a time zone")
						}
						zones[person.Zone] = loc
					}
					for t := range m.S {
						m.minutes[i*m.S+t] += outside(m.p.Slots[t].Start.In(loc), time.Duration(m.length[i])*time.Second, hrs)
					}
				}
			}
			if !slices.Contains(person.Roles, agenda.RoleSpeaker) {
				continue
			}
			for d, value := range [dims]string{string(person.Region), string(person.Stakeholder)} {
				if value == "" {
					continue
				}
				id, ok := groupIDs[d][value]
				if !ok {
					id = int32(len(groupIDs[d]))
					groupIDs[d][value] = id
				}
				m.total[d]++
				m.groups[i] = addGroup(m.groups[i], uint8(d), id)
			}
		}
	}
	for d := range dims {
		m.nGroups[d] = len(groupIDs[d])
	}
	m.nThemes = len(themeIDs)

	m.ovf = make([]int64, m.n*m.R)
	for i := range m.n {
		for r, room := range p.Rooms {
			if room.Capacity > 0 && m.attend[i] > int64(room.Capacity) {
				m.ovf[i*m.R+r] = m.attend[i] - int64(room.Capacity)
			}
		}
	}
	m.allow(byKey)
	m.pub = make([]int32, m.n)
	for i := range m.pub {
		m.pub[i] = -1
		if p.Published != nil && p.Published[i].Placed() {
			m.pub[i] = int32(p.Published[i].Slot*m.R + p.Published[i].Room)
		}
	}
	return m, nil
}

// allow fills the slots and rooms each session may go to under the rules
// that concern it alone: a slot long enough, a room that fits and takes
// online participants if it has them, its pins, and its people's times.
func (m *model) allow(byKey map[string][]int32) {
	p := m.p
	m.slotOK, m.roomOK = make([]bool, m.n*m.S), make([]bool, m.n*m.R)
	m.okSlots, m.okRooms = make([][]int32, m.n), make([][]int32, m.n)
	m.away = make([]bool, len(m.sessions))
	for i := range m.n {
		for s := range m.S {
			m.slotOK[i*m.S+s] = m.slotFits(i, s) && !(p.HardHours && m.minutes[i*m.S+s] > 0)
		}
		for r := range m.R {
			m.roomOK[i*m.R+r] = m.roomFits(i, r)
		}
	}
	for _, u := range p.Unavailable {
		from, to := u.Span.Start.Unix(), u.Span.End.Unix()
		for _, a := range byKey[agenda.NameKey(u.Person)] {
			m.away[a] = true
			for _, i := range m.sessions[a] {
				for s := range m.S {
					if m.start[s] < to && from < m.start[s]+m.length[i] {
						m.slotOK[int(i)*m.S+s] = false
					}
				}
			}
		}
	}
	for i := range m.n {
		for s := range m.S {
			if m.slotOK[i*m.S+s] {
				m.okSlots[i] = append(m.okSlots[i], int32(s))
			}
		}
		for r := range m.R {
			if m.roomOK[i*m.R+r] {
				m.okRooms[i] = append(m.okRooms[i], int32(r))
			}
		}
	}
}

// ok reports whether session i may go to cell c.
func (m *model) ok(i int, c int32) bool {
	return m.slotOK[i*m.S+int(c)/m.R] && m.roomOK[i*m.R+int(c)%m.R]
}

// count returns how many cells session i may go to.
func (m *model) count(i int) int { return len(m.okSlots[i]) * len(m.okRooms[i]) }

// cell returns the k-th cell session i may go to, k < count(i), in order
// of slot and then room.
func (m *model) cell(i, k int) int32 {
	rooms := m.okRooms[i]
	return m.okSlots[i][k/len(rooms)]*int32(m.R) + rooms[k%len(rooms)]
}

// slotFits reports whether session i may start in slot s: it fits the
// slot, and any pinned start is the slot's.
func (m *model) slotFits(i, s int) bool {
	if m.length[i] > m.slen[s] {
		return false
	}
	if m.p.Needs != nil && !m.p.Needs[i].Start.IsZero() && m.p.Needs[i].Start.Unix() != m.start[s] {
		return false
	}
	return true
}

// roomFits reports whether session i may go to room r: it is any pinned
// room, it takes online participants if the session has them, and, if
// capacity is hard, it seats the expected attendance.
func (m *model) roomFits(i, r int) bool {
	room := m.p.Rooms[r]
	if m.p.Needs != nil && m.p.Needs[i].Room != "" && agenda.NameKey(m.p.Needs[i].Room) != agenda.NameKey(room.Name) {
		return false
	}
	if m.online[i] && !room.Online {
		return false
	}
	if m.p.HardCapacity && m.ovf[i*m.R+r] > 0 {
		return false
	}
	return true
}

// clash reports whether sessions i in cell ci and j in cell cj, who share
// a person, put that person in two places at once: their times overlap, or,
// in different rooms, are less than the buffer apart.
func (m *model) clash(i int, ci int32, j int, cj int32) bool {
	si, sj := int(ci)/m.R, int(cj)/m.R
	var b int64
	if int(ci)%m.R != int(cj)%m.R {
		b = m.buffer
	}
	ai, aj := m.start[si], m.start[sj]
	return ai < aj+m.length[j]+b && aj < ai+m.length[i]+b
}

// roomClash reports whether sessions i and j, in one room in slots si and
// sj, overlap.
func (m *model) roomClash(i, si, j, sj int) bool {
	ai, aj := m.start[si], m.start[sj]
	return ai < aj+m.length[j] && aj < ai+m.length[i]
}

// outside returns the minutes of a session starting at start (in the
// person's zone) and lasting length that fall outside the hours.
func outside(start time.Time, length time.Duration, h Hours) int64 {
	end := start.Add(length)
	inside := time.Duration(0)
	y, mo, d := start.Date()
	for day := time.Date(y, mo, d-1, 0, 0, 0, 0, start.Location()); day.Before(end); day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, start.Location()) {
		from, to := day.Add(h.From), day.Add(h.To)
		if h.To <= h.From {
			to = day.Add(24*time.Hour + h.To)
		}
		lo, hi := maxTime(from, start), minTime(to, end)
		if hi.After(lo) {
			inside += hi.Sub(lo)
		}
	}
	return int64((length - min(inside, length)) / time.Minute)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func addGroup(gs []groupCount, d uint8, g int32) []groupCount {
	for k := range gs {
		if gs[k].dim == d && gs[k].group == g {
			gs[k].count++
			return gs
		}
	}
	return append(gs, groupCount{dim: d, group: g, count: 1})
}

func containsLast(list []int32, v int) bool { return len(list) > 0 && list[len(list)-1] == int32(v) }

func containsInt32(list []int32, v int32) bool { return slices.Contains(list, v) }

// onlyOrganizes reports whether the person's only role is organizer:
// organizers need not attend, as agenda.Programme.Validate holds.
func onlyOrganizes(person *agenda.Person) bool {
	for _, r := range person.Roles {
		if r != agenda.RoleOrganizer {
			return false
		}
	}
	return true
}

func sortDays(keys [][3]int) {
	slices.SortFunc(keys, func(a, b [3]int) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]), cmp.Compare(a[2], b[2]))
	})
}

// zoneCache holds the zones loaded: time.LoadLocation reads the zone database
// each time, and a programme's people share a few zones.
var zoneCache sync.Map // name -> *time.Location

func loadZone(name string) (*time.Location, error) {
	if loc, ok := zoneCache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zoneCache.Store(name, loc)
	return loc, nil
}
