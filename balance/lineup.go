package balance

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// universe returns the full set of groups of a dimension, if it has one.
func universe(d Dimension) []string {
	switch d.By {
	case ByRegion:
		return []string{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	case ByStakeholder:
		return []string{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	case ByMode:
		return []string{string(agenda.ModeOnsite), string(agenda.ModeOnline)}
	}
	return nil
}

// notInSet returns why g is none of dimension d's full set of groups, as
// the Reason of a *PolicyError, or "" if it is one or d has no full set.
func notInSet(d Dimension, g string) string {
	set := universe(d)
	if set == nil || slices.Contains(set, g) {
		return ""
	}
	return fmt.Sprintf("not a %s: want one of %s", groupNoun(d.By, d.Label), strings.Join(set, ", "))
}

// lineupDimensions are the dimensions of a report's [Balance]s.
var lineupDimensions = []Dimension{{By: ByStakeholder}, {By: ByRegion}, {By: ByGender}}

// headcount counts the speakers of each group of dim.
func (pr *problem) headcount(dim Dimension) Balance {
	h := Balance{Dimension: dim}
	groups := map[string]*Group{}
	for i := range pr.speakers {
		p := pr.speakers[i].person
		g := dim.groupOf(pr.s, p)
		if g == "" {
			h.Unknown++
			continue
		}
		gc := groups[g]
		if gc == nil {
			gc = &Group{Group: g, Outside: dim.outsideSet(g)}
			groups[g] = gc
		}
		gc.Speakers++
		gc.People = append(gc.People, p.Name)
		if !gc.Outside {
			h.Counted++
		}
	}
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		h.Groups = append(h.Groups, *groups[name])
	}
	u := universe(dim)
	for _, g := range u {
		if groups[g] == nil {
			h.Missing = append(h.Missing, g)
		}
	}
	if len(u) > 0 && h.Counted > 0 {
		k := float64(len(u))
		for _, g := range u {
			n := 0
			if groups[g] != nil {
				n = groups[g].Speakers
			}
			h.Distance += math.Abs(float64(n)/float64(h.Counted)-1/k) / 2
		}
	}
	return h
}

// lineupFindings adds the findings of the line-up: who was invited, by
// headcount, whatever time the plan gives them.
func (pr *problem) lineupFindings(r *Report, add func(Finding)) {
	n := len(r.Speakers)
	if n == 0 {
		return
	}
	counted := map[By]bool{}
	for _, h := range r.Lineup {
		dim := h.Dimension
		counted[dim.By] = true
		name := dim.Name()
		k := len(universe(dim))
		if k > 0 {
			for _, g := range h.Groups {
				if g.Outside || g.Speakers < 2 || 2*g.Speakers <= h.Counted {
					continue
				}
				share := float64(g.Speakers) / float64(h.Counted)
				who := fmt.Sprintf("%d of %d speakers", g.Speakers, h.Counted)
				switch {
				case g.Speakers == h.Counted && g.Speakers == 2:
					who = "both speakers"
				case g.Speakers == h.Counted:
					who = fmt.Sprintf("all %d speakers", g.Speakers)
				}
				if h.Counted < n {
					who += " " + givePhrase(dim, h.Counted)
				}
				add(Finding{Kind: findingHeadcount, Scope: scopeLineup, Dimension: name, Group: g.Group, People: g.People,
					Severity: 100 * (share - 1/float64(k)),
					Text:     fmt.Sprintf("%s %s %s", who, isAre(g.Speakers), memberWord(dim, g.Group))})
			}
			// Where nobody gives a value, every group is missing from the
			// data, not from the line-up: the not-given finding says so.
			if len(h.Missing) > 0 && h.Counted > 0 {
				text := "no speaker " + fromPhrase(dim, h.Missing)
				switch {
				case h.Counted < n && h.Counted == 1 && dim.By == ByRegion:
					text += ", though only one speaker is from a UN regional group"
				case h.Counted < n && h.Counted == 1:
					text += ", though only one speaker gives " + aNoun(dim)
				case h.Counted < n:
					text += ", among " + theSpeakers(h.Counted) + " " + givePhrase(dim, h.Counted)
				}
				add(Finding{Kind: findingMissing, Scope: scopeLineup, Dimension: name, Group: strings.Join(h.Missing, ", "), Severity: 100 / float64(k),
					Text: text})
			}
		}
		for _, g := range h.Groups {
			if g.Outside {
				add(Finding{Kind: findingNotGiven, Scope: scopeLineup, Dimension: name, Group: g.Group, People: g.People, Severity: 10,
					Text: fmt.Sprintf("%s %s as region, which is no UN regional group", speakersGive(g.Speakers, n), g.Group)})
			}
		}
		if h.Unknown > 0 {
			add(notGiven(dim, h.Unknown, n))
		}
	}
	for _, dr := range r.Dimensions {
		dim := dr.Dimension
		if counted[dim.By] && dim.By != ByLabel {
			continue
		}
		if dim.By == ByMode && len(dr.Missing) > 0 {
			add(Finding{Kind: findingMissing, Scope: scopeLineup, Dimension: dim.Name(), Group: strings.Join(dr.Missing, ", "), Severity: 50,
				Text: "no speaker " + fromPhrase(dim, dr.Missing)})
		}
		if dr.Unknown > 0 {
			add(notGiven(dim, dr.Unknown, n))
		}
	}
	pr.genderFinding(add)
	pr.organizationFinding(add)
	pr.moderationFinding(add)
	// One finding for the speakers who also organize, moderate or report:
	// "4 of 7 speakers are also organizers and 1 also a moderator".
	var roles, parts []string
	for _, f := range r.Floor {
		if f.Role == agenda.RoleFacilitator {
			continue
		}
		roles = append(roles, string(f.Role))
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("%s %s also %s", someSpeakers(f.Speakers, n), isAre(f.Speakers), roleNoun(f.Role, f.Speakers)))
		} else {
			parts = append(parts, fmt.Sprintf("%d also %s", f.Speakers, roleNoun(f.Role, f.Speakers)))
		}
	}
	if len(parts) > 0 {
		text := parts[0]
		if k := len(parts) - 1; k > 0 {
			text = strings.Join(parts[:k], ", ") + " and " + parts[k]
		}
		add(Finding{Kind: findingRoles, Scope: scopeLineup, Group: strings.Join(roles, ", "), Severity: 5, Text: text})
	}
	if a := r.Attendance; a.People > 0 {
		text := fmt.Sprintf("%d people attended", a.People)
		if a.Women > 0 {
			text += fmt.Sprintf(", %d of them women (%s)", a.Women, pct(float64(a.Women)/float64(a.People)))
		}
		add(Finding{Kind: findingParticipation, Scope: scopeLineup, Severity: 1, Text: text})
		if a.Online > 0 {
			add(Finding{Kind: findingParticipation, Scope: scopeLineup, Severity: 1,
				Text: fmt.Sprintf("%d participants connected remotely (%s)", a.Online, pct(float64(a.Online)/float64(a.People)))})
		}
	}
}

// notGiven is the finding that unknown of n speakers give no value in dim.
func notGiven(dim Dimension, unknown, n int) Finding {
	text := fmt.Sprintf("%s no %s", speakersGive(unknown, n), aNoun(dim)[2:]) // without its article
	if unknown == n {
		text = fmt.Sprintf("no speaker gives %s", aNoun(dim))
	}
	severity := 10.0
	if dim.By == ByGender {
		severity = 2 // IGF pages give none: worth knowing, not worth leading with
	}
	return Finding{Kind: findingNotGiven, Scope: scopeLineup, Dimension: dim.Name(), Severity: severity, Text: text}
}

// genderFinding notes speakers who all share one gender.
func (pr *problem) genderFinding(add func(Finding)) {
	genders := map[string][]string{}
	for i := range pr.speakers {
		if g := (Dimension{By: ByGender}).groupOf(pr.s, pr.speakers[i].person); g != "" {
			genders[g] = append(genders[g], pr.speakers[i].person.Name)
		}
	}
	if len(genders) != 1 {
		return
	}
	for g, people := range genders {
		if len(people) < 2 {
			return
		}
		all := fmt.Sprintf("all %d", len(people))
		if len(people) == 2 {
			all = "both"
		}
		text := fmt.Sprintf("%s speakers whose gender is given are %s", all, plural(g, 2))
		if len(people) == len(pr.speakers) {
			text = fmt.Sprintf("%s speakers are %s", all, plural(g, 2))
		}
		add(Finding{Kind: findingOneGender, Scope: scopeLineup, Dimension: string(ByGender), Group: g, People: people, Severity: 30, Text: text})
	}
}

// organizationFinding notes a session whose organizers, two or more, are
// all from one organization, as given (case, spacing and Unicode form
// ignored). An organizer whose organization is private or not given is
// from an organization nobody knows, and so no finding is made.
func (pr *problem) organizationFinding(add func(Finding)) {
	var names []string
	org := ""
	for i := range pr.s.People {
		p := &pr.s.People[i]
		if !slices.Contains(p.Roles, agenda.RoleOrganizer) {
			continue
		}
		key := agenda.NameKey(p.Organization)
		if key == "" || slices.Contains(p.Private, "organization") || (org != "" && key != org) {
			return
		}
		org = key
		names = append(names, p.Name)
	}
	if len(names) > 1 {
		all := fmt.Sprintf("all %d organizers are", len(names))
		if len(names) == 2 {
			all = "both organizers are"
		}
		add(Finding{Kind: findingOrganization, Scope: scopeLineup, People: names, Severity: 15,
			Text: all + " from one organization"})
	}
}

// moderationFinding notes a hybrid session whose moderators are all onsite.
func (pr *problem) moderationFinding(add func(Finding)) {
	if pr.s.Format != agenda.FormatHybrid {
		return
	}
	var names []string
	for _, p := range pr.s.People {
		if slices.Contains(p.Roles, agenda.RoleModerator) || slices.Contains(p.Roles, agenda.RoleOnlineModerator) {
			if p.Mode != agenda.ModeOnsite {
				return
			}
			names = append(names, p.Name)
		}
	}
	if len(names) > 0 {
		add(Finding{Kind: findingModeration, Scope: scopeLineup, People: names, Severity: 25,
			Text: "every moderator is onsite: nobody moderates from among the online participants"})
	}
}
