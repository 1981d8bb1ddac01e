package balance

import (
	"cmp"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// RepeatedPerson is one person across the sessions of a programme. In
// Forum.Repeated it is someone who appears in more than one session, in any
// role: a speaker in one session and the moderator of another is listed as
// much as a speaker in two, since a programme committee spreads people,
// not only speakers. In Forum.Frequent it is a speaker, with the sessions
// they speak in and their time there.
type RepeatedPerson struct {
	Name        string              // as first given
	Appearances []RepeatedInSession // one per session, in programme order

	// Time is their planned speaking time over all sessions, in
	// Forum.Frequent, whose Appearances are the sessions they speak in.
	Time time.Duration

	// Private is set when the name may not be shown: it is marked private
	// in one of the sessions, or one of them is not attributed.
	Private bool
}

// RepeatedInSession is what a repeated person is in one session.
type RepeatedInSession struct {
	Session int           // in Programme.Sessions
	Roles   []agenda.Role // as the session gives them
}

// repeated returns the people of the programme who appear in more than
// one session, identified as agenda.Programme.Attendees says: those in the
// most sessions first, then in the order of their first appearance.
func repeated(prog *agenda.Programme) []RepeatedPerson {
	attendees, _ := prog.Attendees()
	var out []RepeatedPerson
	for _, a := range attendees {
		rp := RepeatedPerson{Name: a.Name}
		for _, ap := range a.Appearances {
			s := &prog.Sessions[ap.Session]
			person := &s.People[ap.Person]
			rp.Private = rp.Private || slices.Contains(person.Private, "name") || !s.Named()
			if n := len(rp.Appearances); n > 0 && rp.Appearances[n-1].Session == ap.Session {
				// One session lists the person twice: one appearance, all roles.
				last := &rp.Appearances[n-1]
				for _, r := range person.Roles {
					if !slices.Contains(last.Roles, r) {
						last.Roles = append(last.Roles, r)
					}
				}
				continue
			}
			rp.Appearances = append(rp.Appearances, RepeatedInSession{Session: ap.Session, Roles: slices.Clone(person.Roles)})
		}
		if len(rp.Appearances) > 1 {
			out = append(out, rp)
		}
	}
	slices.SortStableFunc(out, func(a, b RepeatedPerson) int { return cmp.Compare(len(b.Appearances), len(a.Appearances)) })
	return out
}
