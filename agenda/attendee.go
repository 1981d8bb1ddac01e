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
//     more attendee, flagged against each of the others. A name with more
//     than 8 such attendees has only its first flagged against each of the
//     others, so that a common name cannot make the matches quadratic.
//   - A name whose first or last word moved to the other end gives another
//     attendee's name ("Droz Serge" and "Serge Droz") is flagged, as the
//     surname may have been written first.
func (p *Programme) Attendees() ([]Attendee, []PossibleMatch) {
	attendees, names, byName := p.attendees()
	return attendees, possibleMatches(attendees, names, byName)
}

// attendees returns the attendees of the programme, the name keys in order
// of first appearance, and the attendees of each name, in order. Validate
// needs no more.
func (p *Programme) attendees() (attendees []Attendee, names []string, byName map[string][]int) {
	type entry struct {
		ap        Appearance
		name, org string // the keys of the name and the organization
	}
	var entries []entry
	orgs := map[string]int{}      // name key -> how many organizations it has
	given := map[[2]string]bool{} // name and organization keys seen
	for i := range p.Sessions {
		for j := range p.Sessions[i].People {
			person := &p.Sessions[i].People[j]
			key := NameKey(person.Name)
			if key == "" {
				continue // a nameless person is nobody to follow; Validate reports them
			}
			org := NameKey(person.Organization)
			entries = append(entries, entry{Appearance{i, j}, key, org})
			if org != "" && !given[[2]string{key, org}] {
				given[[2]string{key, org}] = true
				orgs[key]++
			}
		}
	}
	// One attendee per name and organization, or one per name if it has
	// fewer than two; the entries without one go to the single attendee, or
	// to one of their own when organizations differ. Attendees are made as
	// the entries come, so they come in order of first appearance.
	index := map[[2]string]int{} // name and organization keys -> attendee
	byName = map[string][]int{}
	for _, e := range entries {
		group := [2]string{e.name, e.org}
		if orgs[e.name] < 2 {
			group[1] = ""
		}
		at, ok := index[group]
		if !ok {
			at = len(attendees)
			attendees = append(attendees, Attendee{Name: e.ap.in(p).Name})
			index[group] = at
			if byName[e.name] == nil {
				names = append(names, e.name)
			}
			byName[e.name] = append(byName[e.name], at)
		}
		a := &attendees[at]
		a.Appearances = append(a.Appearances, e.ap)
		if a.Organization == "" && e.org != "" {
			a.Organization = e.ap.in(p).Organization
		}
	}
	return attendees, names, byName
}

// maxPairedNames is the most attendees of one name that are all flagged
// against each other.
const maxPairedNames = 8

// possibleMatches returns the pairs of attendees that may be one person,
// sorted: those of one name, and those whose names are each other's turned
// order.
func possibleMatches(attendees []Attendee, names []string, byName map[string][]int) []PossibleMatch {
	var matches []PossibleMatch
	for _, key := range names {
		same := byName[key]
		for x, a := range same {
			if x > 0 && len(same) > maxPairedNames {
				break // the first against each of the others says as much
			}
			for _, b := range same[x+1:] {
				matches = append(matches, PossibleMatch{A: a, B: b, Reason: fmt.Sprintf("same name, organizations %s and %s",
					orNone(attendees[a].Organization), orNone(attendees[b].Organization))})
			}
		}
	}
	seen := map[[2]int]bool{}
	for _, key := range names {
		for _, other := range rotations(key) {
			them, ok := byName[other]
			if !ok {
				continue
			}
			a, b := min(byName[key][0], them[0]), max(byName[key][0], them[0])
			if a == b || seen[[2]int{a, b}] {
				continue
			}
			seen[[2]int{a, b}] = true
			matches = append(matches, PossibleMatch{A: a, B: b,
				Reason: fmt.Sprintf("%q is %q with the name order turned", attendees[b].Name, attendees[a].Name)})
		}
	}
	slices.SortStableFunc(matches, func(x, y PossibleMatch) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return matches
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
