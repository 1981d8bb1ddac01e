package schedule

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// sessionMeta is what schedule.json carries of a session beyond what its
// event can: under conference.meta.fairfloor.sessions, keyed by the
// event's GUID, the attribution and each written person's roles and
// groups, in the order of the event's persons.
type sessionMeta struct {
	Attribution string       `json:"attribution,omitempty"`
	People      []personMeta `json:"people"`
}

// personMeta is one person of a sessionMeta. Fields the source marks
// private are left out.
type personMeta struct {
	GUID         string             `json:"guid"`
	Roles        []agenda.Role      `json:"roles"`
	Organization string             `json:"organization,omitempty"`
	Stakeholder  agenda.Stakeholder `json:"stakeholder,omitempty"`
	Region       agenda.Region      `json:"region,omitempty"`
	Mode         agenda.Mode        `json:"mode,omitempty"`
}

// shownName reports whether the person's name may be written: the session
// is attributed, the source does not mark the name private, and there is
// one.
func shownName(s *agenda.Session, p *agenda.Person) bool {
	return s.Named() && !slices.Contains(p.Private, "name") && agenda.NameKey(p.Name) != ""
}

// people returns the persons of the session's event, those whose names
// may be shown, in the session's order, and their roles and groups.
func people(s *agenda.Session, keys []string, names namer) ([]person, *sessionMeta) {
	meta := &sessionMeta{Attribution: s.Attribution, People: []personMeta{}}
	var out []person
	for i := range s.People {
		p := &s.People[i]
		if !shownName(s, p) {
			continue
		}
		u := names.person(keys[i])
		out = append(out, person{guid: u, name: p.Name})
		m := personMeta{GUID: u.String(), Roles: slices.Clone(p.Roles)}
		if m.Roles == nil {
			m.Roles = []agenda.Role{}
		}
		if !slices.Contains(p.Private, "organization") {
			m.Organization = p.Organization
		}
		if !slices.Contains(p.Private, "stakeholder") {
			m.Stakeholder = p.Stakeholder
		}
		if !slices.Contains(p.Private, "region") {
			m.Region = p.Region
		}
		m.Mode = p.Mode
		meta.People = append(meta.People, m)
	}
	return out, meta
}

// describe returns the description of a session's event: how many people
// take part, and how many of them are of each stakeholder group, regional
// group and participation mode, counting everyone, named or not, a field
// the source marks private as "not shown" and a missing one as "not
// given". The counts of each come largest first, then by name.
func describe(s *agenda.Session) string {
	if len(s.People) == 0 {
		return ""
	}
	stake := map[string]int{}
	region := map[string]int{}
	mode := map[string]int{}
	for i := range s.People {
		p := &s.People[i]
		stake[value(string(p.Stakeholder), slices.Contains(p.Private, "stakeholder"))]++
		region[value(string(p.Region), slices.Contains(p.Private, "region"))]++
		mode[value(string(p.Mode), false)]++
	}
	return fmt.Sprintf("People: %d. Stakeholder groups: %s. Regional groups: %s. Participation: %s.",
		len(s.People), counts(stake), counts(region), counts(mode))
}

const (
	notGiven = "not given"
	notShown = "not shown"
)

func value(v string, private bool) string {
	switch {
	case private:
		return notShown
	case v == "":
		return notGiven
	}
	return v
}

// counts writes "Civil Society 2, Government 1, not given 1".
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	last := func(k string) bool { return k == notGiven || k == notShown }
	slices.SortFunc(keys, func(a, b string) int {
		if last(a) != last(b) {
			if last(a) {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
