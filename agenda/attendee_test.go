package agenda_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
)

// entry is a person of a session in an attendee test: a name and an
// organization.
type entry struct{ name, org string }

// programmeOf returns a programme whose session i lists the people of
// sessions[i], each a speaker.
func programmeOf(sessions ...[]entry) *agenda.Programme {
	p := &agenda.Programme{}
	for i, people := range sessions {
		s := agenda.Session{Title: fmt.Sprint("S", i)}
		for _, e := range people {
			s.People = append(s.People, person(e.name, e.org, agenda.RoleSpeaker))
		}
		p.Sessions = append(p.Sessions, s)
	}
	return p
}

// ap returns the appearance of person j in session i.
func ap(i, j int) agenda.Appearance { return agenda.Appearance{Session: i, Person: j} }

func TestAttendees(t *testing.T) {
	tests := []struct {
		name     string
		sessions [][]entry
		want     []agenda.Attendee
		matches  []agenda.PossibleMatch
		reason   string
	}{
		{
			name: "Merged",
			sessions: [][]entry{
				{{"Sione Tupou’tuah", "Tonga Digital"}, {"Dana Speaker", ""}},
				{{"  sione   TUPOU'TUAH ", "tonga  digital"}},
				{{"Dana Speaker", ""}, {"Sione Tupou‘tuah", "Tonga Digital"}},
			},
			want: []agenda.Attendee{
				{Name: "Sione Tupou’tuah", Organization: "Tonga Digital", Appearances: []agenda.Appearance{ap(0, 0), ap(1, 0), ap(2, 1)}},
				{Name: "Dana Speaker", Appearances: []agenda.Appearance{ap(0, 1), ap(2, 0)}},
			},
			reason: "names and organizations compare ignoring case, spacing and the kind of apostrophe; name and organization as first given",
		},
		{
			name: "DifferentOrganizations",
			sessions: [][]entry{
				{{"John Hering", "Microsoft"}},
				{{"john hering", "ECCRI"}},
				{{"John Hering", "microsoft"}},
			},
			want: []agenda.Attendee{
				{Name: "John Hering", Organization: "Microsoft", Appearances: []agenda.Appearance{ap(0, 0), ap(2, 0)}},
				{Name: "john hering", Organization: "ECCRI", Appearances: []agenda.Appearance{ap(1, 0)}},
			},
			matches: []agenda.PossibleMatch{{A: 0, B: 1, Reason: "same name, organizations Microsoft and ECCRI"}},
			reason:  "one name with two organizations is two attendees, flagged, never merged on a guess",
		},
		{
			name: "NoOrganizationWithOne",
			sessions: [][]entry{
				{{"Noora Fetais", ""}},
				{{"Noora Fetais", "Qatar University"}},
				{{"noora fetais", ""}},
			},
			want: []agenda.Attendee{
				{Name: "Noora Fetais", Organization: "Qatar University", Appearances: []agenda.Appearance{ap(0, 0), ap(1, 0), ap(2, 0)}},
			},
			reason: "an entry without an organization joins the only one its name has; the attendee's organization is the first given, though not on the first entry",
		},
		{
			name: "NoOrganizationWithTwo",
			sessions: [][]entry{
				{{"John Hering", "Microsoft"}},
				{{"John Hering", ""}},
				{{"John Hering", "ECCRI"}},
				{{"JOHN HERING", ""}},
			},
			want: []agenda.Attendee{
				{Name: "John Hering", Organization: "Microsoft", Appearances: []agenda.Appearance{ap(0, 0)}},
				{Name: "John Hering", Appearances: []agenda.Appearance{ap(1, 0), ap(3, 0)}},
				{Name: "John Hering", Organization: "ECCRI", Appearances: []agenda.Appearance{ap(2, 0)}},
			},
			matches: []agenda.PossibleMatch{
				{A: 0, B: 1, Reason: "same name, organizations Microsoft and none given"},
				{A: 0, B: 2, Reason: "same name, organizations Microsoft and ECCRI"},
				{A: 1, B: 2, Reason: "same name, organizations none given and ECCRI"},
			},
			reason: "with two organizations for the name, the entries without one are one more attendee, flagged against each of the others",
		},
		{
			name: "BlankOrganization",
			sessions: [][]entry{
				{{"Noora Fetais", "  "}},
				{{"Noora Fetais", "Qatar University"}},
			},
			want: []agenda.Attendee{
				{Name: "Noora Fetais", Organization: "Qatar University", Appearances: []agenda.Appearance{ap(0, 0), ap(1, 0)}},
			},
			reason: "an organization of spaces is none given: it neither splits the name nor stands as the attendee's organization",
		},
		{
			name: "ReversedName",
			sessions: [][]entry{
				{{"Droz Serge", "FIRST"}},
				{{"Serge Droz", "FIRST"}},
				{{"droz serge", ""}},
			},
			want: []agenda.Attendee{
				{Name: "Droz Serge", Organization: "FIRST", Appearances: []agenda.Appearance{ap(0, 0), ap(2, 0)}},
				{Name: "Serge Droz", Organization: "FIRST", Appearances: []agenda.Appearance{ap(1, 0)}},
			},
			matches: []agenda.PossibleMatch{{A: 0, B: 1, Reason: `"Serge Droz" is "Droz Serge" with the name order turned`}},
			reason:  "a surname written first is flagged, never merged, even with the same organization",
		},
		{
			name: "ThreeWords",
			sessions: [][]entry{
				{{"María García López", ""}},
				{{"López María García", ""}},
				{{"García López María", ""}},
				{{"García María López", ""}},
				{{"María López", ""}},
			},
			want: []agenda.Attendee{
				{Name: "María García López", Appearances: []agenda.Appearance{ap(0, 0)}},
				{Name: "López María García", Appearances: []agenda.Appearance{ap(1, 0)}},
				{Name: "García López María", Appearances: []agenda.Appearance{ap(2, 0)}},
				{Name: "García María López", Appearances: []agenda.Appearance{ap(3, 0)}},
				{Name: "María López", Appearances: []agenda.Appearance{ap(4, 0)}},
			},
			matches: []agenda.PossibleMatch{
				{A: 0, B: 1, Reason: `"López María García" is "María García López" with the name order turned`},
				{A: 0, B: 2, Reason: `"García López María" is "María García López" with the name order turned`},
				{A: 1, B: 2, Reason: `"García López María" is "López María García" with the name order turned`},
			},
			reason: "the last word moved to the front or the first to the end is flagged; other orders, and a name with a word left out, are not",
		},
		{
			name: "OrderOfFirstAppearance",
			sessions: [][]entry{
				{{"John Hering", "Microsoft"}},
				{{"Pablo Castro", ""}},
				{{"John Hering", "ECCRI"}, {"Castro Pablo", ""}},
			},
			want: []agenda.Attendee{
				{Name: "John Hering", Organization: "Microsoft", Appearances: []agenda.Appearance{ap(0, 0)}},
				{Name: "Pablo Castro", Appearances: []agenda.Appearance{ap(1, 0)}},
				{Name: "John Hering", Organization: "ECCRI", Appearances: []agenda.Appearance{ap(2, 0)}},
				{Name: "Castro Pablo", Appearances: []agenda.Appearance{ap(2, 1)}},
			},
			matches: []agenda.PossibleMatch{
				{A: 0, B: 2, Reason: "same name, organizations Microsoft and ECCRI"},
				{A: 1, B: 3, Reason: `"Castro Pablo" is "Pablo Castro" with the name order turned`},
			},
			reason: "attendees come in order of their first appearance, though a second attendee of a name appears after other people",
		},
		{
			name: "Nameless",
			sessions: [][]entry{
				{{"", "ECCRI"}, {" \t", ""}, {"Ana", ""}},
				{{"", "ECCRI"}, {"ana", ""}},
			},
			want: []agenda.Attendee{
				{Name: "Ana", Appearances: []agenda.Appearance{ap(0, 2), ap(1, 1)}},
			},
			reason: "a person without a name is nobody to follow; a one-word name has no other order",
		},
		{
			name: "TwiceInOneSession",
			sessions: [][]entry{
				{{"Ana Ana", ""}, {"ana ana", ""}},
			},
			want: []agenda.Attendee{
				{Name: "Ana Ana", Appearances: []agenda.Appearance{ap(0, 0), ap(0, 1)}},
			},
			reason: "both entries are the one attendee; a name that reads the same turned is not flagged against itself",
		},
		{
			name:   "Empty",
			reason: "a programme without people has no attendees",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := programmeOf(tt.sessions...)
			got, matches := p.Attendees()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("attendees: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(tt.matches, matches); diff != "" {
				t.Errorf("possible matches: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			checkAttendees(t, p, got, matches)
		})
	}
}

// checkAttendees checks what the documentation of Programme.Attendees
// promises of any programme, against the programme itself:
//   - every person with a name is in exactly one attendee, and nobody
//     without one is in any;
//   - an attendee's entries share a name key, and either one organization
//     key, or, when their name has at most one organization, none or that
//     one; no two attendees could be merged under the rule;
//   - attendees come in order of first appearance, and each one's
//     appearances in programme order; Name and Organization are as first
//     given;
//   - matches are sorted, between attendees in range, A < B, each pair once;
//     every two attendees of one name are a match, and every other match is
//     between names that are each other's turned order;
//   - a second call gives the same answer, and the programme is unchanged.
func checkAttendees(t *testing.T, p *agenda.Programme, attendees []agenda.Attendee, matches []agenda.PossibleMatch) {
	t.Helper()
	seen := map[agenda.Appearance]int{}
	orgsOf := map[string]map[string]bool{} // name key -> its organization keys
	for i := range p.Sessions {
		for _, pe := range p.Sessions[i].People {
			if key := agenda.NameKey(pe.Name); key != "" {
				if orgsOf[key] == nil {
					orgsOf[key] = map[string]bool{}
				}
				if org := agenda.NameKey(pe.Organization); org != "" {
					orgsOf[key][org] = true
				}
			}
		}
	}
	group := make([]string, len(attendees)) // the organization key of each attendee's entries, or ""
	for a, at := range attendees {
		if len(at.Appearances) == 0 {
			t.Errorf("attendee %d (%q) has no appearances", a, at.Name)
			continue
		}
		first := at.Appearances[0]
		pe := p.Sessions[first.Session].People[first.Person]
		if at.Name != pe.Name {
			t.Errorf("attendee %d is named %q, want %q as first given", a, at.Name, pe.Name)
		}
		key := agenda.NameKey(at.Name)
		wantOrg := ""
		for k, ap := range at.Appearances {
			if prev, ok := seen[ap]; ok {
				t.Errorf("session %d person %d is in attendees %d and %d", ap.Session, ap.Person, prev, a)
			}
			seen[ap] = a
			if k > 0 && !before(at.Appearances[k-1], ap) {
				t.Errorf("attendee %d: appearances %v not in programme order", a, at.Appearances)
			}
			pe := p.Sessions[ap.Session].People[ap.Person]
			if agenda.NameKey(pe.Name) != key {
				t.Errorf("attendee %d (%q) holds %q", a, at.Name, pe.Name)
			}
			org := agenda.NameKey(pe.Organization)
			if wantOrg == "" && org != "" {
				wantOrg = pe.Organization
			}
			if org != "" && group[a] != "" && org != group[a] {
				t.Errorf("attendee %d (%q) holds organizations %q and %q", a, at.Name, group[a], org)
			}
			if org != "" {
				group[a] = org
			}
			if len(orgsOf[key]) >= 2 && org != agenda.NameKey(p.Sessions[first.Session].People[first.Person].Organization) {
				t.Errorf("attendee %d (%q), whose name has %d organizations, mixes %q with another", a, at.Name, len(orgsOf[key]), pe.Organization)
			}
		}
		if at.Organization != wantOrg {
			t.Errorf("attendee %d (%q) has organization %q, want %q, the first given", a, at.Name, at.Organization, wantOrg)
		}
		if a > 0 && len(attendees[a-1].Appearances) > 0 && !before(attendees[a-1].Appearances[0], first) {
			t.Errorf("attendee %d first appears at %v, attendee %d at %v: not in order of first appearance", a-1, attendees[a-1].Appearances[0], a, first)
		}
	}
	for i := range p.Sessions {
		for j, pe := range p.Sessions[i].People {
			_, ok := seen[ap(i, j)]
			if named := agenda.NameKey(pe.Name) != ""; ok != named {
				t.Errorf("session %d person %d (%q): in an attendee %t, named %t", i, j, pe.Name, ok, named)
			}
		}
	}
	// No two attendees the rule would merge.
	for a := range attendees {
		for b := a + 1; b < len(attendees); b++ {
			ka, kb := agenda.NameKey(attendees[a].Name), agenda.NameKey(attendees[b].Name)
			if ka == kb && (group[a] == group[b] || len(orgsOf[ka]) < 2) {
				t.Errorf("attendees %d and %d (%q, organizations %q and %q) are one person under the rule", a, b, attendees[a].Name, group[a], group[b])
			}
		}
	}

	pairs := map[[2]int]bool{}
	for k, m := range matches {
		if m.A < 0 || m.B >= len(attendees) || m.A >= m.B {
			t.Errorf("match %+v out of range or not A < B", m)
			continue
		}
		if pairs[[2]int{m.A, m.B}] {
			t.Errorf("match %d, %d given twice", m.A, m.B)
		}
		pairs[[2]int{m.A, m.B}] = true
		if k > 0 && (matches[k-1].A > m.A || matches[k-1].A == m.A && matches[k-1].B >= m.B) {
			t.Errorf("matches not sorted: %+v before %+v", matches[k-1], m)
		}
		ka, kb := agenda.NameKey(attendees[m.A].Name), agenda.NameKey(attendees[m.B].Name)
		if ka != kb && !turned(ka, kb) {
			t.Errorf("match %+v between %q and %q, which are neither one name nor each other turned", m, attendees[m.A].Name, attendees[m.B].Name)
		}
		if m.Reason == "" {
			t.Errorf("match %+v gives no reason", m)
		}
	}
	for a := range attendees {
		for b := a + 1; b < len(attendees); b++ {
			if agenda.NameKey(attendees[a].Name) == agenda.NameKey(attendees[b].Name) && !pairs[[2]int{a, b}] {
				t.Errorf("attendees %d and %d share the name %q and are not flagged", a, b, attendees[a].Name)
			}
		}
	}

	again, againMatches := p.Attendees()
	if diff := cmp.Diff(attendees, again); diff != "" {
		t.Errorf("a second call gives other attendees:\nmismatch (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(matches, againMatches); diff != "" {
		t.Errorf("a second call gives other matches:\nmismatch (-first +second):\n%s", diff)
	}
}

// before reports whether a comes before b in the programme.
func before(a, b agenda.Appearance) bool {
	return a.Session < b.Session || a.Session == b.Session && a.Person < b.Person
}

// turned reports whether one of two name keys is the other with its first
// word moved to the end or its last word to the front, written plainly.
func turned(a, b string) bool {
	w := strings.Fields(a)
	if len(w) < 2 {
		return false
	}
	lastFirst := append([]string{w[len(w)-1]}, w[:len(w)-1]...)
	firstLast := append(slices.Clone(w[1:]), w[0])
	return b == strings.Join(lastFirst, " ") || b == strings.Join(firstLast, " ")
}

// randomProgramme returns a programme of people drawn from a few names in
// their variants (case, spacing, apostrophes, turned order) with a few
// organizations (including none and blanks), so that every case of the
// rule comes up.
func randomProgramme(rng *rand.Rand) *agenda.Programme {
	names := []string{
		"Sione Tupou’tuah", "sione tupou'tuah", "Tupou’tuah Sione", "SIONE  TUPOU‘TUAH",
		"Serge Droz", "Droz Serge", "serge droz",
		"María García López", "López María García", "García López María",
		"Ana", "ana", "", " ",
	}
	orgs := []string{"", "", "ECCRI", "eccri", "FIRST", "Microsoft", "  "}
	p := &agenda.Programme{}
	for i := range 1 + rng.IntN(8) {
		s := agenda.Session{Title: fmt.Sprint("S", i)}
		for range rng.IntN(6) {
			s.People = append(s.People, person(names[rng.IntN(len(names))], orgs[rng.IntN(len(orgs))], agenda.RoleSpeaker))
		}
		p.Sessions = append(p.Sessions, s)
	}
	return p
}

// TestAttendeesProperties checks the promises of Attendees on random
// programmes, with a fixed seed.
func TestAttendeesProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2017, 2018))
	for n := range 1000 {
		p := randomProgramme(rng)
		before := clone(p)
		attendees, matches := p.Attendees()
		checkAttendees(t, p, attendees, matches)
		if diff := cmp.Diff(before, p); diff != "" {
			t.Fatalf("programme %d: Attendees changed it:\nmismatch (-want +got):\n%s", n, diff)
		}
		if t.Failed() {
			t.Fatalf("programme %d: %+v", n, p.Sessions)
		}
	}
}

// TestAttendeesOrderIndependent checks that the order of the sessions
// changes the order of the attendees and nothing else: who is one person,
// and which attendees of one name are flagged.
func TestAttendeesOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2018))
	for n := range 500 {
		p := randomProgramme(rng)
		perm := rng.Perm(len(p.Sessions)) // session i of q is session perm[i] of p
		q := &agenda.Programme{}
		for _, i := range perm {
			q.Sessions = append(q.Sessions, p.Sessions[i])
		}
		wantGroups, wantPairs := partition(p, nil)
		gotGroups, gotPairs := partition(q, perm)
		if diff := cmp.Diff(wantGroups, gotGroups); diff != "" {
			t.Fatalf("programme %d: sessions in order %v merge other people:\nmismatch (-want +got):\n%s", n, perm, diff)
		}
		if diff := cmp.Diff(wantPairs, gotPairs); diff != "" {
			t.Fatalf("programme %d: sessions in order %v flag other attendees of one name:\nmismatch (-want +got):\n%s", n, perm, diff)
		}
	}
}

// partition returns the attendees of p as sorted lists of appearances, in
// the sessions' original order (session i of p is perm[i] of the original;
// nil for none), themselves sorted, and the pairs of flagged attendees of one
// name, as pairs of those lists.
func partition(p *agenda.Programme, perm []int) ([]string, []string) {
	attendees, matches := p.Attendees()
	groups := make([]string, len(attendees))
	for a, at := range attendees {
		var aps []string
		for _, ap := range at.Appearances {
			i := ap.Session
			if perm != nil {
				i = perm[i]
			}
			aps = append(aps, fmt.Sprintf("%d.%d", i, ap.Person))
		}
		slices.Sort(aps)
		groups[a] = strings.Join(aps, " ")
	}
	var pairs []string
	for _, m := range matches {
		if agenda.NameKey(attendees[m.A].Name) != agenda.NameKey(attendees[m.B].Name) {
			continue // the turned-name flag is between the first attendees of each name, which the order picks
		}
		pair := []string{groups[m.A], groups[m.B]}
		slices.Sort(pair)
		pairs = append(pairs, strings.Join(pair, " | "))
	}
	slices.Sort(groups)
	slices.Sort(pairs)
	return groups, pairs
}

// clone returns a deep copy of the people of p, which is all Attendees reads.
func clone(p *agenda.Programme) *agenda.Programme {
	q := &agenda.Programme{Title: p.Title, SessionsPerSpeaker: p.SessionsPerSpeaker}
	for _, s := range p.Sessions {
		s.People = slices.Clone(s.People)
		for j := range s.People {
			s.People[j].Roles = slices.Clone(s.People[j].Roles)
		}
		q.Sessions = append(q.Sessions, s)
	}
	return q
}

// TestAttendeesDeterministic checks that the answer does not depend on the
// order of Go's maps: many calls on one programme with many names give one
// answer.
func TestAttendeesDeterministic(t *testing.T) {
	var sessions [][]entry
	for i := range 20 {
		var people []entry
		for j := range 20 {
			people = append(people, entry{fmt.Sprintf("Given%d Family%d", (i+j)%13, j%7), []string{"", "A", "B", "C"}[(i*j)%4]})
			people = append(people, entry{fmt.Sprintf("Family%d Given%d", j%7, (i*j)%13), ""})
		}
		sessions = append(sessions, people)
	}
	p := programmeOf(sessions...)
	attendees, matches := p.Attendees()
	checkAttendees(t, p, attendees, matches)
	for range 10 {
		again, againMatches := p.Attendees()
		if !cmp.Equal(attendees, again) || !cmp.Equal(matches, againMatches) {
			t.Fatal("Attendees gives another answer on the same programme")
		}
	}
}

// TestAttendeesCommonName checks that a name with more than eight
// organizations has its first attendee flagged against each of the others,
// not every pair, while eight are all flagged against each other.
func TestAttendeesCommonName(t *testing.T) {
	for _, tc := range []struct{ orgs, want int }{{8, 8 * 7 / 2}, {9, 8}, {2000, 1999}} {
		var people []entry
		for i := range tc.orgs {
			people = append(people, entry{"Maria Garcia", fmt.Sprintf("Org %d", i)})
		}
		attendees, matches := programmeOf(people).Attendees()
		if len(attendees) != tc.orgs || len(matches) != tc.want {
			t.Errorf("%d organizations: %d attendees, %d matches; want %d, %d", tc.orgs, len(attendees), len(matches), tc.orgs, tc.want)
		}
		if tc.orgs > 8 {
			for _, m := range matches {
				if m.A != 0 {
					t.Errorf("%d organizations: match %+v is not against the first", tc.orgs, m)
					break
				}
			}
		}
	}
}
