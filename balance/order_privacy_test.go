package balance_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestOrderNilPerson: a nil entry is nobody, left out, not a panic.
func TestOrderNilPerson(t *testing.T) {
	a := &agenda.Person{Name: "Ana", Mode: agenda.ModeOnsite}
	b := &agenda.Person{Name: "Ben", Mode: agenda.ModeOnline}
	got := balance.Order([]*agenda.Person{nil, a, nil, b}, nil, nil)
	if len(got) != 2 || slices.Contains(got, nil) {
		t.Errorf("Order = %v, want Ana and Ben", got)
	}
	if got := balance.Order([]*agenda.Person{nil}, nil, nil); len(got) != 0 {
		t.Errorf("Order of nobody = %v, want none", got)
	}
}

// TestUnattributedOrderHidesNames: in a session that is not attributed,
// the order of turns does not depend on the hidden names (it was a side
// channel: ties went to the name that came first). Two sessions that
// differ only in their names get their turns in the same places.
func TestUnattributedOrderHidesNames(t *testing.T) {
	session := func(name func(i int) string) *agenda.Session {
		s := &agenda.Session{Title: "Brainstorm", Format: agenda.FormatOnsite, Attribution: "unattributed",
			People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}}}}
		s.Slot.Length = time.Hour
		seg := agenda.Segment{Title: "Ideas", Kind: agenda.SegmentKind("discussion"), Length: time.Hour, Facilitators: []string{"Moderator"}}
		for i := range 6 { // all alike: every order costs the same, so ties decide
			s.People = append(s.People, agenda.Person{Name: name(i), Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Civil Society"})
			seg.Speakers = append(seg.Speakers, name(i))
		}
		s.Segments = []agenda.Segment{seg}
		return s
	}
	places := func(s *agenda.Session) []int {
		ros, _, err := balance.Plan(s, balance.Policy{})
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, turn := range ros.Segments[0].Turns {
			if turn.Kind == "speech" {
				out = append(out, slices.IndexFunc(s.People, func(p agenda.Person) bool { return p.Name == turn.Person }))
			}
		}
		return out
	}
	ascending := places(session(func(i int) string { return fmt.Sprintf("Person %c", 'A'+i) }))
	descending := places(session(func(i int) string { return fmt.Sprintf("Person %c", 'Z'-i) }))
	if !slices.Equal(ascending, descending) {
		t.Errorf("the hidden names change the order of turns: %v against %v", ascending, descending)
	}
}
