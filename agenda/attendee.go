package agenda

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Attendee is one person across the sessions of a programme.
type Attendee struct {
	Name         string       // as first given in the programme
	Organization string       // the first organization given, if any
	Appearances  []Appearance // where the person appears, in programme order
}

// Appearance is a person's entry in one session of a programme.
type Appearance struct {
	Session int // index in Programme.Sessions
	Person  int // index in that session's People
}

// in returns the person's entry in the session of programme p.
func (a Appearance) in(p *Programme) *Person { return &p.Sessions[a.Session].People[a.Person] }

// PossibleMatch is two attendees who may be one person, which
// [Programme.Attendees] flags rather than merges.
type PossibleMatch struct {
	A, B   int    // indexes into the attendees, A < B
	Reason string // why they may be one person, in words
}

// Attendees returns the people of the programme, each once, in the order of
// their first appearance, and the pairs of attendees that may be one
// person. The rule, which never merges two entries on a guess:
//
//   - Two entries are one person when their names are the same as
//     [NameKey] compares them (ignoring case, spacing and the kind of
//     apostrophe) and so are their organizations, or when one of them gives
//     no organization and the name has at most one organization in the
//     whole programme.
//   - Entries of one name with different organizations are different
//     attendees, flagged as a possible match (someone may have changed
//     employer); entries of that name without an organization are then one
//     more attendee, flagged against each of the others.
//   - A name whose first or last word moved to the other end gives another
//     attendee's name ("Droz Serge" and "Serge Droz") is flagged, as the
//     surname may have been written first.
func (p *Programme) Attendees() ([]Attendee, []PossibleMatch) {
	type entry struct {
		ap  Appearance
		org string // the organization's key
	}
	byName := map[string][]entry{}
	var names []string // name keys in order of first appearance
	for i := range p.Sessions {
		for j := range p.Sessions[i].People {
			person := &p.Sessions[i].People[j]
			key := NameKey(person.Name)
			if key == "" {
				continue // a nameless person is nobody to follow; Validate reports them
			}
			if byName[key] == nil {
				names = append(names, key)
			}
			byName[key] = append(byName[key], entry{Appearance{i, j}, NameKey(person.Organization)})
		}
	}
	var (
		attendees []Attendee
		matches   []PossibleMatch
		first     = map[string]int{} // name key -> its first attendee
	)
	add := func(ap Appearance) int {
		person := ap.in(p)
		attendees = append(attendees, Attendee{Name: person.Name, Organization: person.Organization})
		return len(attendees) - 1
	}
	for _, key := range names {
		entries := byName[key]
		var orgs []string
		for _, e := range entries {
			if e.org != "" && !slices.Contains(orgs, e.org) {
				orgs = append(orgs, e.org)
			}
		}
		// One attendee per organization, or one for all if there are fewer
		// than two; the entries without one go to the single attendee, or to
		// one of their own when organizations differ.
		index := map[string]int{}
		start := len(attendees)
		for _, e := range entries {
			group := e.org
			if len(orgs) < 2 {
				group = ""
			}
			at, ok := index[group]
			if !ok {
				at = add(e.ap)
				index[group] = at
			}
			a := &attendees[at]
			a.Appearances = append(a.Appearances, e.ap)
			if a.Organization == "" {
				a.Organization = e.ap.in(p).Organization
			}
		}
		for a := start; a < len(attendees); a++ {
			for b := a + 1; b < len(attendees); b++ {
				matches = append(matches, PossibleMatch{A: a, B: b, Reason: fmt.Sprintf("same name, organizations %s and %s",
					orNone(attendees[a].Organization), orNone(attendees[b].Organization))})
			}
		}
		first[key] = start
	}
	seen := map[[2]int]bool{}
	for _, key := range names {
		for _, other := range rotations(key) {
			at, ok := first[other]
			a, b := min(first[key], at), max(first[key], at)
			if !ok || a == b || seen[[2]int{a, b}] {
				continue
			}
			seen[[2]int{a, b}] = true
			matches = append(matches, PossibleMatch{A: a, B: b,
				Reason: fmt.Sprintf("%q is %q with the name order turned", attendees[b].Name, attendees[a].Name)})
		}
	}
	slices.SortStableFunc(matches, func(x, y PossibleMatch) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return attendees, matches
}

// rotations returns the name key with its last word moved to the front and
// with its first word moved to the end, for a name of two words or more.
func rotations(key string) []string {
	words := strings.Fields(key)
	if len(words) < 2 {
		return nil
	}
	last := strings.Join(append([]string{words[len(words)-1]}, words[:len(words)-1]...), " ")
	first := strings.Join(append(slices.Clone(words[1:]), words[0]), " ")
	if last == first {
		return []string{last}
	}
	return []string{last, first}
}

func orNone(org string) string {
	if org == "" {
		return "none given"
	}
	return org
}
