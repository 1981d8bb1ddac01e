package schedule

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// conference is a programme laid out as both formats write it: rooms,
// and days holding each room's events in order of start.
type conference struct {
	title, acronym, version string
	loc                     *time.Location
	zone                    string        // IANA name of loc, or ""
	timeslot                time.Duration // the grid the starts and lengths lie on
	rooms                   []room
	days                    []day
}

type room struct {
	name string // as first spelled in the programme
	guid guid
}

type day struct {
	index      int // from 1
	date       time.Time
	start, end time.Time // the first start and the last end of its sessions
	rooms      [][]event // by index in conference.rooms
}

// event is a session or a break in one room.
type event struct {
	guid        guid
	id          int64
	slug        string
	title       string
	kind        string // the session's format, or "break"
	room        int
	start       time.Time // in the conference's location
	length      time.Duration
	description string
	persons     []person
	meta        *sessionMeta // nil for a break
}

type person struct {
	guid guid
	name string
}

// breakKind is the type of the events that stand for breaks.
const breakKind = "break"

// layout checks p and lays it out, or returns every session it cannot
// write, joined, or the one problem of the programme or the options.
func layout(p *agenda.Programme, opt Options) (*conference, error) {
	if err := p.CheckSize(); err != nil {
		return nil, err
	}
	if len(p.Sessions) == 0 {
		return nil, ErrEmpty
	}
	var errs []error
	for i := range p.Sessions {
		errs = append(errs, checkSession(p, i)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	loc, err := opt.location(p)
	if err != nil {
		return nil, err
	}
	acronym, err := opt.acronym(p.Title)
	if err != nil {
		return nil, err
	}
	c := &conference{title: p.Title, acronym: acronym, version: opt.Version, loc: loc, zone: zoneName(loc)}
	names := newNamer(acronym)

	// Rooms are ordered, and spelled, as the sessions in time first use
	// them, so that neither depends on the order of the programme.
	inTime := make([]int, len(p.Sessions))
	for i := range inTime {
		inTime[i] = i
	}
	slices.SortStableFunc(inTime, func(a, b int) int {
		sa, sb := &p.Sessions[a], &p.Sessions[b]
		return cmp.Or(sa.Slot.Start.Compare(sb.Slot.Start), cmp.Compare(agenda.NameKey(sa.Title), agenda.NameKey(sb.Title)),
			cmp.Compare(sa.Room, sb.Room))
	})
	roomOf := make([]int, len(p.Sessions))
	roomIndex := map[string]int{}
	titles := map[string]int{}
	for _, i := range inTime {
		s := &p.Sessions[i]
		key := agenda.NameKey(s.Room)
		r, ok := roomIndex[key]
		if !ok {
			r = len(c.rooms)
			roomIndex[key] = r
			c.rooms = append(c.rooms, room{name: s.Room, guid: names.room(s.Room)})
		}
		roomOf[i] = r
		if s.ID == "" {
			titles[agenda.NameKey(s.Title)]++
		}
	}

	keys := personKeys(p)
	events := make([]event, len(p.Sessions))
	bySession := map[guid]int{}
	for i := range p.Sessions {
		s := &p.Sessions[i]
		start := s.Slot.Start.In(loc)
		if y, end := start.Year(), start.Add(s.Slot.Length).Year(); y < 1 || end > 9999 {
			errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: errYear})
			continue
		}
		if start.Second() != 0 || start.Nanosecond() != 0 {
			errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrMinute})
			continue
		}
		u := names.session(s.ID, s.Title, start, titles[agenda.NameKey(s.Title)] > 1)
		if j, ok := bySession[u]; ok {
			errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrSameStart},
				&SessionError{Index: j, Title: p.Sessions[j].Title, Err: ErrSameStart})
			continue
		}
		bySession[u] = i
		e := event{guid: u, title: s.Title, kind: string(s.Format), room: roomOf[i], start: start, length: s.Slot.Length}
		e.persons, e.meta = people(s, keys[i], names)
		e.description = describe(s)
		events[i] = e
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	c.days = arrange(events, len(c.rooms))
	var all []guid
	for d := range c.days {
		addBreaks(&c.days[d], c.rooms, names)
		for _, evs := range c.days[d].rooms {
			for _, e := range evs {
				all = append(all, e.guid)
			}
		}
	}
	ids := numbers(all)
	for d := range c.days {
		for _, evs := range c.days[d].rooms {
			for k := range evs {
				e := &evs[k]
				e.id = ids[e.guid]
				e.slug = acronym + "-" + strconv.FormatInt(e.id, 10)
				if t := fold(e.title, '-'); t != "" {
					e.slug += "-" + cut(t, 60)
				}
			}
		}
	}
	c.timeslot = grid(events)
	return c, nil
}

// checkSession returns what keeps session i from being written, apart
// from what needs the options.
func checkSession(p *agenda.Programme, i int) []error {
	s := &p.Sessions[i]
	secrets := s.Secrets(false)
	if secrets.In(s.Title) || secrets.In(s.Room) {
		return []error{&SessionError{Index: i, Err: ErrSecret}}
	}
	var errs []error
	if !s.Slot.Scheduled() {
		errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrNoStart})
	}
	if agenda.NameKey(s.Room) == "" {
		errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrNoRoom})
	}
	if s.Slot.Length%time.Minute != 0 {
		errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrMinute})
	} else if s.Slot.Length < 0 || s.Slot.Length >= 100*time.Hour {
		errs = append(errs, &SessionError{Index: i, Title: s.Title, Err: ErrLength})
	}
	return errs
}

// arrange puts the events into days, by the date of their start, and each
// day's into their rooms, in order of start, then title, then GUID.
func arrange(events []event, rooms int) []day {
	order := slices.Clone(events)
	slices.SortFunc(order, func(a, b event) int {
		return cmp.Or(a.start.Compare(b.start), cmp.Compare(agenda.NameKey(a.title), agenda.NameKey(b.title)),
			slices.Compare(a.guid[:], b.guid[:]))
	})
	var days []day
	for _, e := range order {
		y, m, dd := e.start.Date()
		date := time.Date(y, m, dd, 0, 0, 0, 0, e.start.Location())
		if len(days) == 0 || !days[len(days)-1].date.Equal(date) {
			days = append(days, day{index: len(days) + 1, date: date, start: e.start, end: e.start.Add(e.length),
				rooms: make([][]event, rooms)})
		}
		d := &days[len(days)-1]
		if end := e.start.Add(e.length); end.After(d.end) {
			d.end = end
		}
		d.rooms[e.room] = append(d.rooms[e.room], e)
	}
	return days
}

// addBreaks adds the day's breaks: each time between the day's first
// start and last end when no session runs in any room, in each room with
// a session before it and one after it that day.
func addBreaks(d *day, rooms []room, names namer) {
	type span struct{ start, end time.Time }
	var busy []span
	for _, evs := range d.rooms {
		for _, e := range evs {
			busy = append(busy, span{e.start, e.start.Add(e.length)})
		}
	}
	slices.SortFunc(busy, func(a, b span) int { return a.start.Compare(b.start) })
	var gaps []span
	reach := busy[0].end
	for _, b := range busy[1:] {
		if b.start.After(reach) {
			gaps = append(gaps, span{reach, b.start})
		}
		if b.end.After(reach) {
			reach = b.end
		}
	}
	for r, evs := range d.rooms {
		var out []event
		k := 0
		for _, g := range gaps {
			for k < len(evs) && !evs[k].start.After(g.start) {
				out = append(out, evs[k])
				k++
			}
			if len(out) == 0 || k == len(evs) {
				continue // no session before it, or none after it
			}
			out = append(out, event{guid: names.pause(rooms[r].name, g.start), title: "Break", kind: breakKind,
				room: r, start: g.start, length: g.end.Sub(g.start)})
		}
		d.rooms[r] = append(out, evs[k:]...)
	}
}

// grid returns the longest length, up to an hour, that every session's
// start (as minutes of its day) and length are whole multiples of.
func grid(events []event) time.Duration {
	g := 60
	for _, e := range events {
		g = gcd(g, e.start.Hour()*60+e.start.Minute())
		g = gcd(g, int(e.length/time.Minute))
	}
	return time.Duration(g) * time.Minute
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// cut returns s cut to at most n bytes, not ending in a hyphen; s is
// ASCII.
func cut(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	for len(s) > 0 && s[len(s)-1] == '-' {
		s = s[:len(s)-1]
	}
	return s
}
