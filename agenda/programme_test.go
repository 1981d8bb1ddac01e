package agenda_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// day is the first day of the IGF 2023 in Kyoto, in UTC.
var day = time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC)

// at returns hh:mm UTC on day.
func at(hh, mm int) time.Time {
	return day.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
}

// in returns hh:mm on day in the IANA zone name.
func in(t *testing.T, zone string, hh, mm int) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(2023, 10, 10, hh, mm, 0, 0, loc)
}

// speaker, organizer and moderator return a person in one role, with no
// organization.
func speaker(name string) agenda.Person   { return person(name, "", agenda.RoleSpeaker) }
func organizer(name string) agenda.Person { return person(name, "", agenda.RoleOrganizer) }
func moderator(name string) agenda.Person { return person(name, "", agenda.RoleModerator) }

func person(name, org string, roles ...agenda.Role) agenda.Person {
	return agenda.Person{Name: name, Organization: org, Roles: roles}
}

// session returns a valid onsite session in room from start (zero for
// unscheduled) for length: one discussion that fills the slot, chaired by a
// moderator of its own, "<title> Chair", and the given people.
func session(title, room string, start time.Time, length time.Duration, people ...agenda.Person) agenda.Session {
	people = append([]agenda.Person{moderator(title + " Chair")}, people...)
	return agenda.Session{
		Title:    title,
		Format:   agenda.FormatOnsite,
		Room:     room,
		Slot:     timeslot.Slot{Start: start, Length: length},
		People:   people,
		Segments: []agenda.Segment{{Title: "Discussion", Kind: "discussion", Length: length}},
	}
}

// ref returns the reference to session i of p.
func ref(p *agenda.Programme, i int) agenda.SessionRef {
	return agenda.SessionRef{Index: i, Title: p.Sessions[i].Title, Slot: p.Sessions[i].Slot}
}

// unjoin returns the errors err joins, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// found is what a test compares of each problem of Programme.Validate: a
// ConflictError or ValidationError by value, or the error itself.
func found(err error) []any {
	var out []any
	for _, e := range unjoin(err) {
		var ce *agenda.ConflictError
		var ve *agenda.ValidationError
		switch {
		case errors.As(e, &ce):
			out = append(out, *ce)
		case errors.As(e, &ve):
			out = append(out, *ve)
		default:
			out = append(out, e)
		}
	}
	return out
}

// foundOpts compares problems: errors by errors.Is, times by time.Time.Equal,
// and validation problems without the words of their Detail.
var foundOpts = cmp.Options{cmpopts.EquateErrors(), cmpopts.IgnoreFields(agenda.ValidationError{}, "Reason")}

// conflictSentinels are the kinds of problem across sessions.
var conflictSentinels = []error{agenda.ErrPersonOverlap, agenda.ErrRoomOverlap, agenda.ErrTooManySessions}

func TestProgrammeValidate(t *testing.T) {
	const sione = "Sione Tupou’tuah"
	tests := []struct {
		name   string
		build  func(t *testing.T) *agenda.Programme
		want   func(p *agenda.Programme) []any
		reason string
	}{
		{
			name: "Valid",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Title: "IGF 2023", SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker, Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione), speaker("Dana Speaker")),
					session("Data flows", "Room B-1", at(8, 0), time.Hour, speaker(sione)),
					session("AI and youth", "Room K", at(7, 0), time.Hour, speaker("Eve Expert")),
					session("Open forum", "", time.Time{}, time.Hour, speaker(sione)),
				}}
			},
			reason: "the same person and room in sessions apart in time, within the limit, is no problem",
		},
		{
			name: "PersonOverlap",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(7, 30), time.Hour, speaker(sione)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}}}
			},
			reason: "06:15–07:45 and 07:30–08:30 share a quarter of an hour",
		},
		{
			name: "PersonOverlapNameVariants",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(7, 0), time.Hour, speaker("  sione   tupou'tuah ")),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}}}
			},
			reason: "case, spacing and the kind of apostrophe do not make another person; the conflict names the person as first written",
		},
		{
			name: "PersonOverlapLaterSessionFirst",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Data flows", "Room K", at(7, 30), time.Hour, speaker(sione)),
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}}}
			},
			reason: "the sessions come in programme order, not in order of time",
		},
		{
			name: "PersonInThreeSessions",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("A", "", at(6, 0), 2*time.Hour, speaker(sione)),
					session("B", "", at(7, 0), time.Hour, speaker(sione)),
					session("C", "", at(9, 0), time.Hour, speaker(sione)),
					session("D", "", at(7, 30), time.Hour, speaker(sione)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				conflict := func(i, j int) agenda.ConflictError {
					return agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, i), ref(p, j)}}
				}
				return []any{conflict(0, 1), conflict(0, 3), conflict(1, 3)}
			},
			reason: "every pair that overlaps, ordered by the start of the later session: A 06–08 meets B 07–08 and D 07:30–08:30, B meets D; C at 09:00 meets nobody",
		},
		{
			name: "OrganizerOnlyNotFlagged",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(7, 0), time.Hour, organizer(sione)),
				}}
			},
			reason: "organizers need not attend: a person who only organizes one of two overlapping sessions is not in two places",
		},
		{
			name: "OrganizerOnlyInBoth",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, organizer(sione)),
					session("Data flows", "Room K", at(7, 0), time.Hour, organizer(sione)),
				}}
			},
			reason: "nor one who organizes both",
		},
		{
			name: "OrganizerWhoSpeaks",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(7, 0), time.Hour, person(sione, "", agenda.RoleOrganizer, agenda.RoleSpeaker)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}}}
			},
			reason: "an organizer who also speaks must be there",
		},
		{
			name: "BackToBack",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room B-1", at(7, 45), time.Hour, speaker(sione)),
				}}
			},
			reason: "a session that starts as another ends does not overlap it, for a person or a room",
		},
		{
			name: "ZonesOverlap",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", in(t, "Europe/Paris", 10, 0), time.Hour, speaker(sione)),
					session("Data flows", "Room B-1", in(t, "UTC", 8, 30), time.Hour, speaker(sione)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				refs := []agenda.SessionRef{ref(p, 0), ref(p, 1)}
				return []any{
					agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: refs},
					agenda.ConflictError{Err: agenda.ErrRoomOverlap, Room: "Room B-1", Sessions: refs},
				}
			},
			reason: "10:00 in Paris is 08:00 UTC: the clocks read 10:00–11:00 and 08:30–09:30, but the sessions share half an hour",
		},
		{
			name: "ZonesApart",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", in(t, "Europe/Paris", 7, 0), time.Hour, speaker(sione)),
					session("Data flows", "Room B-1", in(t, "UTC", 6, 30), time.Hour, speaker(sione)),
				}}
			},
			reason: "07:00–08:00 in Paris is 05:00–06:00 UTC, before 06:30 UTC, though the clocks read as overlapping",
		},
		{
			name: "Unscheduled",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", time.Time{}, 90*time.Minute, speaker(sione)),
					session("Data flows", "Room B-1", time.Time{}, time.Hour, speaker(sione)),
					session("AI and youth", "Room B-1", at(0, 0), time.Hour, speaker(sione)),
				}}
			},
			reason: "a session without a start time overlaps nothing, though its clock counts from the zero time",
		},
		{
			name: "RoomOverlap",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "WS 4 – Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(6, 15), 90*time.Minute, speaker("Dana Speaker")),
					session("AI and youth", "  ws 4 –  ROOM b-1", at(7, 0), time.Hour, speaker("Eve Expert")),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrRoomOverlap, Room: "WS 4 – Room B-1", Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 2)}}}
			},
			reason: "rooms compare as names do, ignoring case and spacing; the conflict names the room as first written",
		},
		{
			name: "RoomsUnnamed",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "", at(6, 15), 90*time.Minute),
					session("Data flows", " ", at(6, 15), 90*time.Minute),
				}}
			},
			reason: "sessions without a room are not all in one room",
		},
		{
			name: "SamePersonTwiceInOneSession",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{SessionsPerSpeaker: 1, Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione), speaker("sione tupou'tuah")),
					session("Data flows", "Room K", at(7, 0), time.Hour, speaker("Dana Speaker")),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ValidationError{Field: "sessions[0].people[2].name", Value: "sione tupou'tuah", Err: agenda.ErrDuplicate, Personal: true}}
			},
			reason: "a person listed twice in a session is reported there, and is not in two sessions at once nor in two sessions against a limit of one",
		},
		{
			name: "SamePersonTwiceAndElsewhere",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{SessionsPerSpeaker: 1, Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione), speaker("sione tupou'tuah")),
					session("Data flows", "Room K", at(7, 0), time.Hour, speaker(sione)),
				}}
			},
			want: func(p *agenda.Programme) []any {
				refs := []agenda.SessionRef{ref(p, 0), ref(p, 1)}
				return []any{
					agenda.ValidationError{Field: "sessions[0].people[2].name", Value: "sione tupou'tuah", Err: agenda.ErrDuplicate, Personal: true},
					agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: refs},
					agenda.ConflictError{Err: agenda.ErrTooManySessions, Person: sione, Limit: 1, Sessions: refs},
				}
			},
			reason: "the two entries of one session count as one session: one overlap, two sessions, each listed once",
		},
		{
			name: "TooManySessions",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker, Sessions: []agenda.Session{
					session("A", "Room 1", at(6, 0), time.Hour, speaker(sione)),
					session("B", "Room 1", at(7, 0), time.Hour, speaker("sione tupou’tuah")),
					session("C", "Room 1", at(8, 0), time.Hour, moderator(sione)),
					session("D", "Room 1", time.Time{}, time.Hour, speaker(sione)),
					session("E", "Room 1", at(9, 0), time.Hour, person(sione, "", agenda.RoleOrganizer, agenda.RoleSpeaker)),
					session("F", "Room 1", at(10, 0), time.Hour, speaker("Dana Speaker")),
				}}
			},
			want: func(p *agenda.Programme) []any {
				return []any{agenda.ConflictError{Err: agenda.ErrTooManySessions, Person: sione, Limit: 3,
					Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1), ref(p, 3), ref(p, 4)}}}
			},
			reason: "four sessions as a speaker against the IGF's three, listed exactly; moderating C is not speaking, the unscheduled D counts",
		},
		{
			name: "AtTheLimit",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{SessionsPerSpeaker: 3, Sessions: []agenda.Session{
					session("A", "", at(6, 0), time.Hour, speaker(sione)),
					session("B", "", at(7, 0), time.Hour, speaker(sione)),
					session("C", "", at(8, 0), time.Hour, speaker(sione)),
					session("D", "", at(9, 0), time.Hour, moderator(sione)),
				}}
			},
			reason: "the limit is the most sessions allowed, not the first refused",
		},
		{
			name: "LimitZero",
			build: func(t *testing.T) *agenda.Programme {
				p := &agenda.Programme{}
				for i := range 10 {
					p.Sessions = append(p.Sessions, session(fmt.Sprint("S", i), "", at(i, 0), time.Hour, speaker(sione)))
				}
				return p
			},
			reason: "a zero SessionsPerSpeaker means no limit",
		},
		{
			name: "ProblemsRepathed",
			build: func(t *testing.T) *agenda.Programme {
				p := &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker(sione)),
					session("Data flows", "Room K", at(9, 0), time.Hour, speaker("Dana Speaker")),
				}}
				p.Sessions[1].People[1].Region = "Europe"
				p.Sessions[1].Segments[0].Speakers = []string{"Nobody"}
				p.Sessions[1].Format = ""
				return p
			},
			want: func(p *agenda.Programme) []any {
				return []any{
					agenda.ValidationError{Field: "sessions[1].format", Err: agenda.ErrMissing},
					agenda.ValidationError{Field: "sessions[1].people[1].region", Value: "Europe", Err: agenda.ErrInvalid},
					agenda.ValidationError{Field: "sessions[1].segments[0].speakers[0]", Value: "Nobody", Err: agenda.ErrNoPerson, Personal: true},
				}
			},
			reason: "each session's problems name their field from the programme, in the session's own order",
		},
		{
			name: "AllKinds",
			build: func(t *testing.T) *agenda.Programme {
				p := &agenda.Programme{SessionsPerSpeaker: 2, Sessions: []agenda.Session{
					session("A", "Room 1", at(6, 0), time.Hour, speaker(sione)),
					session("B", "room 1", at(6, 30), time.Hour, speaker(sione), speaker("Dana Speaker")),
					session("C", "Room 2", at(6, 45), time.Hour, speaker("Dana Speaker")),
					session("D", "", time.Time{}, time.Hour, speaker(sione)),
				}}
				p.Sessions[3].Slot.Length = 0
				return p
			},
			want: func(p *agenda.Programme) []any {
				return []any{
					agenda.ValidationError{Field: "sessions[3].slot.length", Value: "0s", Err: agenda.ErrLength},
					agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: sione, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}},
					agenda.ConflictError{Err: agenda.ErrPersonOverlap, Person: "Dana Speaker", Sessions: []agenda.SessionRef{ref(p, 1), ref(p, 2)}},
					agenda.ConflictError{Err: agenda.ErrRoomOverlap, Room: "Room 1", Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1)}},
					agenda.ConflictError{Err: agenda.ErrTooManySessions, Person: sione, Limit: 2, Sessions: []agenda.SessionRef{ref(p, 0), ref(p, 1), ref(p, 3)}},
				}
			},
			reason: "sessions' own problems first, then people in two places in order of attendees, rooms, and limits",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.build(t)
			var want []any
			if tt.want != nil {
				want = tt.want(p)
			}
			err := p.Validate()
			if len(want) == 0 && err != nil {
				t.Fatalf("Validate() = %v, want nil: %s", err, tt.reason)
			}
			if diff := cmp.Diff(want, found(err), foundOpts); diff != "" {
				t.Errorf("problems: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			// errors.Is finds each kind in the joined error, and no other
			// kind across sessions.
			for _, sentinel := range conflictSentinels {
				wanted := false
				for _, w := range want {
					if c, ok := w.(agenda.ConflictError); ok && c.Err == sentinel {
						wanted = true
					}
				}
				if got := errors.Is(err, sentinel); got != wanted {
					t.Errorf("errors.Is(err, %v) = %t, want %t", sentinel, got, wanted)
				}
			}
			for _, w := range want {
				if v, ok := w.(agenda.ValidationError); ok && !errors.Is(err, v.Err) {
					t.Errorf("errors.Is(err, %v) = false for %s", v.Err, v.Field)
				}
			}
			// errors.As gives the first conflict with its person or room.
			var ce *agenda.ConflictError
			for _, w := range want {
				c, ok := w.(agenda.ConflictError)
				if !ok {
					continue
				}
				if !errors.As(err, &ce) {
					t.Fatalf("errors.As(err, *ConflictError) = false, want the conflict of %s", c.Person+c.Room)
				}
				if ce.Person != c.Person || ce.Room != c.Room {
					t.Errorf("errors.As gives person %q, room %q; want %q, %q", ce.Person, ce.Room, c.Person, c.Room)
				}
				break
			}
			if err != nil && !strings.HasPrefix(err.Error(), "agenda: ") {
				t.Errorf("Validate() = %q, want the package prefix", err)
			}
		})
	}
}

// TestProgrammeValidateReference checks the conflicts Validate finds on
// random programmes, with a fixed seed, against every pair of sessions
// compared plainly: two sessions overlap when each starts before the other
// ends, and neither is empty. People are identified by Attendees, which TestAttendees checks.
func TestProgrammeValidateReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(2023, 10))
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Sione Tupou’tuah", "sione tupou'tuah", "Dana Speaker", "Droz Serge", "Serge Droz"}
	rooms := []string{"", "Room 1", "room  1", "Room 2"}
	roles := [][]agenda.Role{{agenda.RoleSpeaker}, {agenda.RoleOrganizer}, {agenda.RoleOrganizer, agenda.RoleSpeaker}, {agenda.RoleRapporteur}}
	for n := range 300 {
		p := &agenda.Programme{SessionsPerSpeaker: rng.IntN(4)}
		for i := range 1 + rng.IntN(12) {
			var start time.Time
			if rng.IntN(6) > 0 {
				start = at(6, 0).Add(time.Duration(rng.IntN(16)) * 15 * time.Minute)
				if rng.IntN(2) == 0 {
					start = start.In(paris)
				}
			}
			length := time.Duration(rng.IntN(6)) * 15 * time.Minute
			s := session(fmt.Sprint("S", i), rooms[rng.IntN(len(rooms))], start, length)
			for range rng.IntN(4) {
				s.People = append(s.People, person(names[rng.IntN(len(names))], "", roles[rng.IntN(len(roles))]...))
			}
			p.Sessions = append(p.Sessions, s)
		}

		var want []string
		overlap := func(a, b int) bool {
			x, y := p.Sessions[a].Slot, p.Sessions[b].Slot
			// A slot of no length is empty: it overlaps nothing.
			return x.Scheduled() && y.Scheduled() && x.Start.Before(y.End()) && y.Start.Before(x.End()) && x.Length > 0 && y.Length > 0
		}
		attendees, _ := p.Attendees()
		for _, a := range attendees {
			present, speaks := map[int]bool{}, map[int]bool{}
			for _, ap := range a.Appearances {
				pe := p.Sessions[ap.Session].People[ap.Person]
				if slices.ContainsFunc(pe.Roles, func(r agenda.Role) bool { return r != agenda.RoleOrganizer }) {
					present[ap.Session] = true
				}
				if slices.Contains(pe.Roles, agenda.RoleSpeaker) {
					speaks[ap.Session] = true
				}
			}
			for x := range p.Sessions {
				for y := x + 1; y < len(p.Sessions); y++ {
					if present[x] && present[y] && overlap(x, y) {
						want = append(want, fmt.Sprintf("person %s %d %d", a.Name, x, y))
					}
				}
			}
			if p.SessionsPerSpeaker > 0 && len(speaks) > p.SessionsPerSpeaker {
				list := slices.Sorted(maps.Keys(speaks))
				want = append(want, fmt.Sprintf("limit %s %v", a.Name, list))
			}
		}
		for x := range p.Sessions {
			for y := x + 1; y < len(p.Sessions); y++ {
				rx, ry := agenda.NameKey(p.Sessions[x].Room), agenda.NameKey(p.Sessions[y].Room)
				if rx != "" && rx == ry && overlap(x, y) {
					want = append(want, fmt.Sprintf("room %s %d %d", rx, x, y))
				}
			}
		}

		var got []string
		for _, e := range unjoin(p.Validate()) {
			var ce *agenda.ConflictError
			if !errors.As(e, &ce) {
				continue
			}
			var idx []int
			for _, r := range ce.Sessions {
				idx = append(idx, r.Index)
			}
			switch ce.Err {
			case agenda.ErrPersonOverlap:
				got = append(got, fmt.Sprintf("person %s %d %d", ce.Person, idx[0], idx[1]))
			case agenda.ErrRoomOverlap:
				got = append(got, fmt.Sprintf("room %s %d %d", agenda.NameKey(ce.Room), idx[0], idx[1]))
			case agenda.ErrTooManySessions:
				got = append(got, fmt.Sprintf("limit %s %v", ce.Person, idx))
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("programme %d: conflicts differ from the plain comparison of every pair:\nmismatch (-want +got):\n%s", n, diff)
		}
	}
}

// TestProgrammeValidateDoesNotModify checks that Validate reads the programme
// and leaves it as it was.
func TestProgrammeValidateDoesNotModify(t *testing.T) {
	build := func() *agenda.Programme {
		return &agenda.Programme{SessionsPerSpeaker: 1, Sessions: []agenda.Session{
			session("A", "Room 1", at(6, 0), time.Hour, speaker("Serge Droz"), speaker("serge droz")),
			session("B", "room 1", at(6, 30), time.Hour, speaker("Droz Serge"), speaker("Serge Droz")),
		}}
	}
	p := build()
	if err := p.Validate(); err == nil {
		t.Fatal("Validate() = nil, want problems")
	}
	if diff := cmp.Diff(build(), p); diff != "" {
		t.Errorf("Validate changed the programme:\nmismatch (-want +got):\n%s", diff)
	}
}

func TestConflictErrorMessage(t *testing.T) {
	tokyo := func(t *testing.T, hh, mm int) time.Time { return in(t, "Asia/Tokyo", hh, mm) }
	tests := []struct {
		name   string
		build  func(t *testing.T) *agenda.Programme
		want   []string
		reason string
	}{
		{
			name: "PersonOverlap",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "Room B-1", tokyo(t, 15, 15), 90*time.Minute, speaker("Sione Tupou’tuah")),
					session("Data flows", "Room K", tokyo(t, 16, 30), time.Hour, speaker("sione tupou'tuah")),
				}}
			},
			want: []string{
				`agenda: Sione Tupou’tuah: person in two sessions at once: sessions[0] "Cyber norms" (2023-10-10 15:15–16:45 JST), sessions[1] "Data flows" (2023-10-10 16:30–17:30 JST)`,
			},
			reason: "the message names the person as first written, both sessions and their times in their own zone",
		},
		{
			name: "RoomOverlap",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{Sessions: []agenda.Session{
					session("Cyber norms", "WS 4 – Room B-1", at(6, 15), 90*time.Minute),
					session("Data flows", "ws 4 – room b-1", in(t, "Europe/Paris", 9, 0), time.Hour),
				}}
			},
			want: []string{
				`agenda: room WS 4 – Room B-1: room holds two sessions at once: sessions[0] "Cyber norms" (2023-10-10 06:15–07:45 UTC), sessions[1] "Data flows" (2023-10-10 09:00–10:00 CEST)`,
			},
			reason: "the message names the room, the sessions and their times",
		},
		{
			name: "TooManySessions",
			build: func(t *testing.T) *agenda.Programme {
				return &agenda.Programme{SessionsPerSpeaker: 1, Sessions: []agenda.Session{
					session("Cyber norms", "", at(6, 15), 90*time.Minute, speaker("Droz Serge")),
					session("Data flows", "", time.Time{}, time.Hour, speaker("droz serge")),
					session("Closing", "", day.Add(23*time.Hour+30*time.Minute), time.Hour, speaker("Droz Serge")),
				}}
			},
			want: []string{
				`agenda: Droz Serge: person speaks in more sessions than allowed (3, limit 1): sessions[0] "Cyber norms" (2023-10-10 06:15–07:45 UTC), sessions[1] "Data flows", sessions[2] "Closing" (2023-10-10 23:30 – 2023-10-11 00:30 UTC)`,
			},
			reason: "the message gives the count and the limit, and each session with its time if it has one",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.build(t).Validate()
			var msgs []string
			for _, e := range unjoin(err) {
				msgs = append(msgs, e.Error())
			}
			if diff := cmp.Diff(tt.want, msgs); diff != "" {
				t.Errorf("messages: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			if err != nil && err.Error() != strings.Join(msgs, "\n") {
				t.Errorf("Validate() prints %q, want one problem a line", err)
			}
		})
	}
}

func TestSessionRefString(t *testing.T) {
	tests := []struct {
		ref  agenda.SessionRef
		want string
	}{
		{agenda.SessionRef{Index: 2, Title: "Cyber norms", Slot: timeslot.Slot{Start: at(6, 15), Length: 90 * time.Minute}},
			`sessions[2] "Cyber norms" (2023-10-10 06:15–07:45 UTC)`},
		{agenda.SessionRef{Index: 0, Title: `Say "hi"`, Slot: timeslot.Slot{Length: time.Hour}}, `sessions[0] "Say \"hi\""`},
	}
	for _, tt := range tests {
		if got := tt.ref.Text(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestProgrammeValidateTooManySessions(t *testing.T) {
	p := &agenda.Programme{Sessions: make([]agenda.Session, agenda.MaxSessions+1)}
	err := p.Validate()
	if !errors.Is(err, agenda.ErrTooLarge) {
		t.Fatalf("Validate() of %d sessions = %v, want ErrTooLarge", len(p.Sessions), err)
	}
	if n := len(unjoin(err)); n != 1 {
		t.Errorf("Validate() of %d sessions gives %d problems, want only that it is too large", len(p.Sessions), n)
	}
	if !strings.Contains(err.Error(), fmt.Sprint(agenda.MaxSessions)) {
		t.Errorf("Validate() = %q, want the limit %d named", err, agenda.MaxSessions)
	}
	var le *agenda.LimitError
	if want := (&agenda.LimitError{What: "sessions", Count: agenda.MaxSessions + 1, Max: agenda.MaxSessions, Limit: "agenda.MaxSessions"}); !errors.As(err, &le) || *le != *want {
		t.Errorf("Validate() = %v, want a *LimitError %+v inside", err, *want)
	}

	t.Run("AtTheLimit", func(t *testing.T) {
		p := &agenda.Programme{Sessions: make([]agenda.Session, agenda.MaxSessions)}
		for i := range p.Sessions {
			p.Sessions[i] = session(fmt.Sprint("S", i), "", time.Time{}, time.Hour)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("Validate() of MaxSessions valid sessions = %v, want nil: the limit is inclusive", err)
		}
	})
}

// TestProgrammeValidateOneNameManyOrganizations checks that Validate does
// work in proportion to the people, not to the pairs of attendees that
// Attendees flags: one name with n organizations is n attendees and n(n-1)/2
// possible matches, which Validate has no use for. Validate used to build
// them all: two million for n = 2000, seconds and hundreds of megabytes.
func TestProgrammeValidateOneNameManyOrganizations(t *testing.T) {
	const n = 2000
	p := &agenda.Programme{SessionsPerSpeaker: 1}
	for i := range n {
		p.Sessions = append(p.Sessions, session(fmt.Sprint("S", i), "", at(0, 0).Add(time.Duration(i)*time.Hour), time.Hour,
			person("Same Name", fmt.Sprint("Organization ", i), agenda.RoleSpeaker)))
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil: each is another attendee, in one session", err)
	}
	allocs := testing.AllocsPerRun(1, func() { p.Validate() })
	if perSession := allocs / n; perSession > 100 {
		t.Errorf("Validate made %.0f allocations, %.0f a session: more than the sessions account for", allocs, perSession)
	}
}

// TestProgrammeValidateMaxProblems checks that Validate lists at most
// maxProblems problems and then one that says how many it left out, as
// Session.Validate does: n sessions at one time in one room, with one
// speaker, are n(n-1)/2 person overlaps and as many room overlaps. Validate
// used to list them all: for 2,000 sessions four million conflicts, seconds
// and gigabytes, from a programme of a few hundred kilobytes.
func TestProgrammeValidateMaxProblems(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		listed  []error // the kinds of the problems listed, in runs: kind, count
		omitted int
		reason  string
	}{
		{
			name:   "UnderTheCap",
			n:      30,
			listed: []error{agenda.ErrPersonOverlap, agenda.ErrRoomOverlap, agenda.ErrTooManySessions},
			reason: "435 person overlaps, 435 room overlaps and the limit: 871 problems, all listed",
		},
		{
			name:    "OverTheCap",
			n:       100,
			listed:  []error{agenda.ErrPersonOverlap},
			omitted: 2*4950 + 1 - 1000,
			reason:  "of 4,950 person overlaps, 4,950 room overlaps and the limit, the first thousand are listed, in the order of Validate",
		},
		{
			name:    "MaxSessions",
			n:       agenda.MaxSessions,
			listed:  []error{agenda.ErrPersonOverlap},
			omitted: 2*(agenda.MaxSessions*(agenda.MaxSessions-1)/2) + 1 - 1000,
			reason:  "the largest programme, all at one time in one room, is counted, not listed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.n > 1000 && testing.Short() {
				t.Skip("a programme of MaxSessions sessions")
			}
			p := crowded(tt.n)
			errs := unjoin(p.Validate()) // BenchmarkValidateCrowded measures the time
			var kinds []error
			for _, e := range errs {
				var ce *agenda.ConflictError
				if errors.As(e, &ce) && (len(kinds) == 0 || kinds[len(kinds)-1] != ce.Err) {
					kinds = append(kinds, ce.Err)
				}
			}
			if diff := cmp.Diff(tt.listed, kinds, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("kinds listed: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			if tt.omitted == 0 {
				if len(errs) > 1000 {
					t.Errorf("Validate listed %d problems, more than maxProblems", len(errs))
				}
				return
			}
			if len(errs) != 1000+1 {
				t.Fatalf("Validate listed %d problems, want maxProblems = %d and one that says how many more: %s", len(errs), 1000, tt.reason)
			}
			var ve *agenda.ValidationError
			if last := errs[len(errs)-1]; !errors.As(last, &ve) || ve.Err != agenda.ErrTooManyProblems {
				t.Fatalf("last problem %v, want one of kind ErrTooManyProblems", last)
			}
			want := fmt.Sprintf("%d more not listed, beyond the first %d", tt.omitted, 1000)
			if ve.Reason != want {
				t.Errorf("last problem says %q, want %q", ve.Reason, want)
			}
		})
	}
}

// programmeDoc is a programme of two sessions in JSON.
const programmeDoc = `{
  "title": "IGF 2023, day 1",
  "sessions_per_speaker": 3,
  "sessions": [
    {"title": "Cyber norms", "format": "onsite", "room": "Room B-1",
     "slot": {"start": "2023-10-10T06:15:00Z", "length": "90m"},
     "people": [{"name": "Ana Moderator", "organization": "ECCRI", "roles": ["moderator"], "region": "WEOG"}],
     "segments": [{"title": "Discussion", "kind": "discussion", "length": "90m", "facilitators": ["Ana Moderator"]}]},
    {"title": "Data flows", "format": "online",
     "slot": {"length": "1 hour"},
     "people": [{"name": "Ben Online", "roles": ["Chair"]}],
     "segments": [{"title": "Discussion", "kind": "discussion", "length": "1h"}]}
  ]
}`

func TestDecodeProgramme(t *testing.T) {
	p, err := agenda.DecodeProgramme(strings.NewReader(programmeDoc))
	if err != nil {
		t.Fatal(err)
	}
	want := &agenda.Programme{Title: "IGF 2023, day 1", SessionsPerSpeaker: 3, Sessions: []agenda.Session{
		{Title: "Cyber norms", Format: agenda.FormatOnsite, Room: "Room B-1", Slot: timeslot.Slot{Start: at(6, 15), Length: 90 * time.Minute},
			People:   []agenda.Person{{Name: "Ana Moderator", Organization: "ECCRI", Roles: []agenda.Role{agenda.RoleModerator}, Region: "WEOG"}},
			Segments: []agenda.Segment{{Title: "Discussion", Kind: "discussion", Length: 90 * time.Minute, Facilitators: []string{"Ana Moderator"}}}},
		{Title: "Data flows", Format: agenda.FormatOnline, Slot: timeslot.Slot{Length: time.Hour},
			People:   []agenda.Person{{Name: "Ben Online", Roles: []agenda.Role{agenda.RoleModerator}}},
			Segments: []agenda.Segment{{Title: "Discussion", Kind: "discussion", Length: time.Hour}}},
	}}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("DecodeProgramme:\nmismatch (-want +got):\n%s", diff)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}

	t.Run("Null", func(t *testing.T) {
		p, err := agenda.DecodeProgramme(strings.NewReader(" null "))
		if err != nil || p == nil || len(p.Sessions) != 0 {
			t.Errorf("DecodeProgramme(null) = %+v, %v; want an empty programme", p, err)
		}
	})
}

// decodeProgrammeErrorTests are documents DecodeProgramme refuses, with
// where and why.
var decodeProgrammeErrorTests = []struct {
	name, input string
	path        string // DecodeError.Field
	msg         string // the error's text, or its start if it ends in "..."
	reason      string
}{
	{
		name:   "UnknownField",
		input:  `{"title": "IGF", "sesions": []}`,
		path:   "sesions",
		msg:    "agenda: decoding sesions: unknown field (known: sessions, sessions_per_speaker, title)",
		reason: "a misspelt field is an error that lists the known ones",
	},
	{
		name:   "UnknownSessionField",
		input:  `{"sessions": [{}, {"title": "S", "zeta": 1, "alpha": 2}]}`,
		path:   "sessions[1].zeta",
		msg:    "agenda: decoding sessions[1].zeta: unknown field (known: attendance, attribution, deadlines, format, id, notes, people, questions, room, segments, slot, title)",
		reason: "a session decodes as Decode decodes one, naming the first unknown field in the document, from the programme",
	},
	{
		name:   "UnknownSegmentField",
		input:  `{"sessions": [{"segments": [{"title": "S", "zeta": 1, "alpha": 2}]}]}`,
		path:   "sessions[0].segments[0].zeta",
		msg:    "agenda: decoding sessions[0].segments[0].zeta: unknown field ...",
		reason: "and so inside segments",
	},
	{
		name:   "UnknownRegion",
		input:  `{"sessions": [{"people": [{"name": "A", "region": "Europe"}]}]}`,
		path:   "sessions[0].people[0].region",
		msg:    `agenda: decoding sessions[0].people[0].region: unknown regional group "Europe" (valid: ...`,
		reason: "enumerations are strict",
	},
	{
		name:   "FirstProblemInDocument",
		input:  `{"title": "IGF", "sessions": [{"zeta": 1}], "bogus": 2}`,
		path:   "sessions[0].zeta",
		msg:    "agenda: decoding sessions[0].zeta: unknown field ...",
		reason: "of several problems, the first in the document is reported, inside a session or out",
	},
	{
		name:   "SlotZone",
		input:  `{"sessions": [{"slot": {"start": "2023-10-10T06:15:00Z", "zone": "Mars/Olympus", "length": "1h"}}]}`,
		path:   "sessions[0].slot",
		msg:    `agenda: decoding sessions[0].slot: timeslot: cannot parse "Mars/Olympus" as a slot zone: ...`,
		reason: "the slot's own errors come with its path",
	},
	{
		name:   "FieldTwice",
		input:  `{"sessions": [], "sessions": []}`,
		path:   "sessions",
		msg:    "agenda: decoding sessions: field given twice",
		reason: "a field given twice is an error",
	},
	{
		name:   "FieldTwiceInSession",
		input:  `{"sessions": [{"title": "A", "title": "B"}]}`,
		path:   "sessions[0].title",
		msg:    "agenda: decoding sessions[0].title: field given twice",
		reason: "also inside a session",
	},
	{
		name:   "WrongType",
		input:  `{"sessions": {"title": "A"}}`,
		path:   "sessions",
		msg:    "agenda: decoding sessions: want a list, got an object",
		reason: "sessions are a list",
	},
	{
		name:   "WrongLimitType",
		input:  `{"sessions_per_speaker": "3"}`,
		path:   "sessions_per_speaker",
		msg:    "agenda: decoding sessions_per_speaker: want a whole number, got a string",
		reason: "the limit is a number",
	},
	{
		name:   "SessionNotObject",
		input:  `{"sessions": [[]]}`,
		path:   "sessions[0]",
		msg:    "agenda: decoding sessions[0]: want an object, got a list",
		reason: "a session is an object",
	},
	{
		name:   "DataAfter",
		input:  `{"sessions": []} {}`,
		msg:    "agenda: decoding: data after the end of the document",
		reason: "one programme per document",
	},
	{
		name:   "Truncated",
		input:  `{"sessions": [{"title": "A"`,
		path:   "sessions[0]",
		msg:    "agenda: decoding sessions[0]: unexpected EOF",
		reason: "a document cut short says where",
	},
	{
		name:   "Empty",
		input:  ``,
		msg:    "agenda: decoding: unexpected EOF",
		reason: "an empty document is no programme",
	},
}

func TestDecodeProgrammeErrors(t *testing.T) {
	for _, tt := range decodeProgrammeErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := agenda.DecodeProgramme(strings.NewReader(tt.input))
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeProgramme(%s) = %v, %v; want a *DecodeError: %s", tt.input, p, err, tt.reason)
			}
			if p != nil {
				t.Errorf("DecodeProgramme returned a programme with its error")
			}
			if de.Field != tt.path || de.File != "" {
				t.Errorf("DecodeError path %q, file %q; want path %q, no file: %s", de.Field, de.File, tt.path, tt.reason)
			}
			checkMessage(t, err.Error(), tt.msg)
		})
	}
}

// checkMessage checks msg against want, or against its start if want ends
// in "...".
func checkMessage(t *testing.T, msg, want string) {
	t.Helper()
	if start, ok := strings.CutSuffix(want, "..."); ok {
		if !strings.HasPrefix(msg, start) {
			t.Errorf("message %q, want it to start %q", msg, start)
		}
		return
	}
	if msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
}

func TestDecodeProgrammeParseError(t *testing.T) {
	_, err := agenda.DecodeProgramme(strings.NewReader(`{"sessions": [{}, {"people": [{"name": "A", "stakeholder": "Academia"}]}]}`))
	var perr *agenda.ParseError
	if !errors.As(err, &perr) || perr.Value != "Academia" {
		t.Errorf("DecodeProgramme error %v, want a *ParseError for \"Academia\"", err)
	}
}

func TestDecodeProgrammeTooLarge(t *testing.T) {
	r := new(endless)
	p, err := agenda.DecodeProgramme(r)
	if !errors.Is(err, agenda.ErrTooLarge) {
		t.Fatalf("DecodeProgramme(endless spaces) = %v, %v; want ErrTooLarge", p, err)
	}
	var de *agenda.DecodeError
	if !errors.As(err, &de) || de.Field != "" {
		t.Errorf("error %v, want a *DecodeError for the whole document", err)
	}
	if r.n > agenda.MaxBytes+1 {
		t.Errorf("DecodeProgramme read %d bytes, want at most MaxBytes+1 = %d", r.n, agenda.MaxBytes+1)
	}

	t.Run("TooManySessions", func(t *testing.T) {
		input := `{"sessions": [` + strings.Repeat(`{},`, agenda.MaxSessions) + `{}]}`
		p, err := agenda.DecodeProgramme(strings.NewReader(input))
		if !errors.Is(err, agenda.ErrTooLarge) {
			t.Fatalf("DecodeProgramme(%d sessions) = %v, %v; want ErrTooLarge", agenda.MaxSessions+1, p, err)
		}
		if !errors.As(err, &de) || de.Field != "sessions" {
			t.Errorf("error %v, want a *DecodeError at sessions", err)
		}
		if le := (*agenda.LimitError)(nil); !errors.As(err, &le) || le.What != "sessions" || le.Limit != "agenda.MaxSessions" {
			t.Errorf("error %v, want a *LimitError of sessions inside", err)
		}
	})

	t.Run("TooManyPeople", func(t *testing.T) {
		input := `{"sessions": [{}, {"title": "Crowded", "people": [` + strings.Repeat(`{},`, agenda.MaxPeople) + `{}]}]}`
		p, err := agenda.DecodeProgramme(strings.NewReader(input))
		var le *agenda.LimitError
		if !errors.Is(err, agenda.ErrTooLarge) || !errors.As(err, &le) || le.What != "people" {
			t.Fatalf("DecodeProgramme(a session of %d people) = %v, %v; want a *LimitError for people", agenda.MaxPeople+1, p, err)
		}
		if !errors.As(err, &de) || de.Field != "sessions[1].people" {
			t.Errorf("error %v, want a *DecodeError at sessions[1].people: each session is held to the limits of one", err)
		}
	})

	t.Run("AtTheLimit", func(t *testing.T) {
		input := `{"sessions": [` + strings.Repeat(`{},`, agenda.MaxSessions-1) + `{}]}`
		p, err := agenda.DecodeProgramme(strings.NewReader(input))
		if err != nil || len(p.Sessions) != agenda.MaxSessions {
			t.Errorf("DecodeProgramme(MaxSessions sessions) = %v; want them all: the limit is inclusive", err)
		}
		data := bytes.Repeat([]byte(" "), agenda.MaxBytes)
		copy(data, `{"title": "edge"}`)
		p, err = agenda.DecodeProgramme(bytes.NewReader(data))
		if err != nil || p.Title != "edge" {
			t.Errorf("DecodeProgramme(MaxBytes bytes) = %v; want the programme: the limit is inclusive", err)
		}
	})

	// The limit is on the input, not on any re-encoding of a session: < and
	// & take six bytes when encoding/json writes them.
	t.Run("LargeStrings", func(t *testing.T) {
		title := strings.Repeat("<&>", agenda.MaxBytes/4)
		input := `{"sessions": [{"title": "` + title + `"}]}`
		p, err := agenda.DecodeProgramme(strings.NewReader(input))
		if err != nil {
			t.Fatalf("DecodeProgramme of %d bytes, under MaxBytes: %v", len(input), err)
		}
		if len(p.Sessions) != 1 || p.Sessions[0].Title != title {
			t.Errorf("the session title did not survive decoding")
		}
	})
}

// endless is an endless reader of spaces that counts the bytes it gives.
type endless struct{ n int }

func (r *endless) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = ' '
	}
	r.n += len(b)
	return len(b), nil
}

// sessionFile returns the JSON of a small valid session.
func sessionFile(title string) []byte {
	return []byte(`{"title": "` + title + `", "format": "onsite", "slot": {"length": "1h"},
  "people": [{"name": "Ana Moderator", "roles": ["moderator"]}],
  "segments": [{"title": "Discussion", "kind": "discussion", "length": "1h"}]}`)
}

func TestReadProgramme(t *testing.T) {
	fsys := fstest.MapFS{
		"b-data-flows.json":  {Data: sessionFile("Data flows")},
		"a-cyber-norms.json": {Data: sessionFile("Cyber norms")},
		"README.md":          {Data: []byte("# Day 1\n")},
		"notes.json.txt":     {Data: []byte("not a session")},
		"drafts/c.json":      {Data: []byte("not read")},
		"old.json/d.json":    {Data: []byte("not read: old.json is a folder")},
		"c-closing.json":     {Data: sessionFile("Closing")},
		"upper.JSON":         {Data: []byte("not read: the suffix is .json")},
	}
	p, err := agenda.ReadProgramme(fsys)
	if err != nil {
		t.Fatalf("ReadProgramme: %v", err)
	}
	var titles []string
	for _, s := range p.Sessions {
		titles = append(titles, s.Title)
	}
	if diff := cmp.Diff([]string{"Cyber norms", "Data flows", "Closing"}, titles); diff != "" {
		t.Errorf("sessions: the .json files of the root in order of name, other files and folders left alone\nmismatch (-want +got):\n%s", diff)
	}
	if p.Title != "" || p.SessionsPerSpeaker != 0 {
		t.Errorf("ReadProgramme set title %q, limit %d; a folder gives neither", p.Title, p.SessionsPerSpeaker)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}

	t.Run("Empty", func(t *testing.T) {
		p, err := agenda.ReadProgramme(fstest.MapFS{"README.md": {}})
		if err != nil || p == nil || len(p.Sessions) != 0 {
			t.Errorf("ReadProgramme(no session files) = %+v, %v; want an empty programme", p, err)
		}
	})

	t.Run("Dir", func(t *testing.T) {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"2.json": sessionFile("Two"), "1.json": sessionFile("One"), "notes.txt": nil} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Mkdir(filepath.Join(dir, "folder.json"), 0o755); err != nil {
			t.Fatal(err)
		}
		p, err := agenda.ReadProgramme(os.DirFS(dir))
		if err != nil {
			t.Fatalf("ReadProgramme(os.DirFS): %v", err)
		}
		if len(p.Sessions) != 2 || p.Sessions[0].Title != "One" || p.Sessions[1].Title != "Two" {
			t.Errorf("ReadProgramme(os.DirFS) read %d sessions, want One and Two", len(p.Sessions))
		}
	})

	t.Run("MissingFolder", func(t *testing.T) {
		p, err := agenda.ReadProgramme(os.DirFS(filepath.Join(t.TempDir(), "missing")))
		var de *agenda.DecodeError
		if !errors.As(err, &de) || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadProgramme(a folder that does not exist) = %+v, %v; want a *DecodeError wrapping fs.ErrNotExist, not an empty programme", p, err)
		}
	})
}

func TestReadProgrammeErrors(t *testing.T) {
	valid := sessionFile("Valid")
	tests := []struct {
		name   string
		fsys   fstest.MapFS
		file   string // DecodeError.File
		path   string // DecodeError.Field
		msg    string
		is     error // what the error wraps, if anything in particular
		reason string
	}{
		{
			name:   "UnknownField",
			fsys:   fstest.MapFS{"a.json": {Data: valid}, "b.json": {Data: []byte(`{"title": "B", "zeta": 1, "alpha": 2}`)}},
			file:   "b.json",
			path:   "zeta",
			msg:    "agenda: decoding b.json zeta: unknown field (known: attendance, attribution, deadlines, format, id, notes, people, questions, room, segments, slot, title)",
			reason: "the error names the file and the first unknown field in it",
		},
		{
			name:   "UnknownRegion",
			fsys:   fstest.MapFS{"day1/x.json": {Data: []byte("{")}, "s.json": {Data: []byte(`{"people": [{"name": "A", "region": "Europe"}]}`)}},
			file:   "s.json",
			path:   "people[0].region",
			msg:    `agenda: decoding s.json people[0].region: unknown regional group "Europe" (valid: ...`,
			reason: "the path within the file follows its name; the broken file in a folder is not read",
		},
		{
			name:   "Truncated",
			fsys:   fstest.MapFS{"a.json": {Data: []byte(`{"title": "A"`)}, "b.json": {Data: []byte(`{"zeta": 1}`)}},
			file:   "a.json",
			msg:    "agenda: decoding a.json: unexpected EOF",
			reason: "the first file in order of name that fails is the one reported",
		},
		{
			name:   "Empty",
			fsys:   fstest.MapFS{"a.json": {Data: nil}},
			file:   "a.json",
			msg:    "agenda: decoding a.json: unexpected EOF",
			reason: "an empty file is no session",
		},
		{
			name:   "TooLarge",
			fsys:   fstest.MapFS{"a.json": {Data: valid}, "big.json": {Data: bytes.Repeat([]byte(" "), agenda.MaxBytes+1)}},
			file:   "big.json",
			msg:    "agenda: decoding big.json: input too large...",
			is:     agenda.ErrTooLarge,
			reason: "each file is held to MaxBytes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := agenda.ReadProgramme(tt.fsys)
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("ReadProgramme = %v, %v; want a *DecodeError: %s", p, err, tt.reason)
			}
			if p != nil {
				t.Errorf("ReadProgramme returned a programme with its error")
			}
			if de.File != tt.file || de.Field != tt.path {
				t.Errorf("DecodeError file %q, path %q; want %q, %q: %s", de.File, de.Field, tt.file, tt.path, tt.reason)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			checkMessage(t, err.Error(), tt.msg)
		})
	}

	t.Run("TooManyFiles", func(t *testing.T) {
		fsys := fstest.MapFS{}
		for i := range agenda.MaxSessions + 1 {
			fsys[fmt.Sprintf("%05d.json", i)] = &fstest.MapFile{Data: []byte("{}")}
		}
		p, err := agenda.ReadProgramme(fsys)
		if !errors.Is(err, agenda.ErrTooLarge) {
			t.Fatalf("ReadProgramme(%d files) = %v, %v; want ErrTooLarge", len(fsys), p, err)
		}
		if le := (*agenda.LimitError)(nil); !errors.As(err, &le) || le.What != "sessions" || le.Count != agenda.MaxSessions+1 {
			t.Errorf("ReadProgramme(%d files) = %v, want a *LimitError of sessions inside", len(fsys), err)
		}
		delete(fsys, "00000.json")
		fsys["00000.txt"] = &fstest.MapFile{}
		p, err = agenda.ReadProgramme(fsys)
		if err != nil || len(p.Sessions) != agenda.MaxSessions {
			t.Errorf("ReadProgramme(MaxSessions files and another) = %v, want MaxSessions sessions", err)
		}
	})
}

// crowded returns n sessions at one time in one room, with one speaker.
func crowded(n int) *agenda.Programme {
	p := &agenda.Programme{SessionsPerSpeaker: 1}
	for i := range n {
		p.Sessions = append(p.Sessions, session(fmt.Sprint("S", i), "Room 1", at(6, 0), time.Hour, speaker("Same Speaker")))
	}
	return p
}

// BenchmarkValidateCrowded validates the worst programme of MaxSessions
// sessions: all at one time in one room, with one person in every one.
func BenchmarkValidateCrowded(b *testing.B) {
	p := crowded(agenda.MaxSessions)
	b.ReportAllocs()
	for b.Loop() {
		p.Validate()
	}
}
