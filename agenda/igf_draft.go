package agenda

import (
	"slices"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/timeslot"
)

// finish sets what the page implies as a whole, and warns, saying how to
// add it, of every field the page does not give or the importer assumed.
func (p *igfParser) finish() {
	p.setQuestions()
	p.n = 0
	if p.s.Title == "" {
		p.warn("", "no title line (\"IGF 2023 WS #123 Title\") on the page: the title is empty; set \"title\" in the session")
	}
	switch {
	case p.s.Slot.Length == 0 && p.minutes > 0:
		p.s.Slot.Length = p.minutes
		p.warn("", "no time line (\"Tuesday, 29th November, 2022 (09:30 UTC) - …\") on the page: the slot is not scheduled; set slot.start")
	case p.s.Slot.Length == 0:
		p.s.Slot.Length = igfDefaultLength
		p.warn("", "no time line, length or format with minutes on the page: the slot is assumed to be %s long and is not scheduled; set slot.start and slot.length", timeslot.FormatLength(igfDefaultLength))
	case p.minutes > 0 && p.minutes != p.s.Slot.Length:
		p.n = p.minLine
		p.warn("", "the length this line gives differs from the time line's; the time line's is kept")
		p.n = 0
	}
	if p.s.Room == "" && !p.s.Slot.Start.IsZero() {
		p.warn("", "no room on the page: set \"room\" in the session")
	}
	if p.hybrid {
		p.s.Format = FormatHybrid
	} else {
		p.s.Format = FormatOnsite
		p.warn("", "the page does not say the session is hybrid: taken as onsite; set \"format\" to \"hybrid\" if it is")
	}
	if len(p.s.People) == 0 {
		p.warn("", "no organizer, speaker or moderator found, and so no segment: the page lists nobody in the shape \"Speaker 1: Name, Stakeholder group, Regional group\" or under a \"Moderator\" heading; add them so, or write the people and segments in the session's JSON")
	}
	p.segment()
	p.groupsGiven()
	p.modes()
}

// segment makes the one segment of the draft, named after the format.
func (p *igfParser) segment() {
	var mods []string
	for _, person := range p.s.People {
		if slices.Contains(person.Roles, RoleModerator) || slices.Contains(person.Roles, RoleOnlineModerator) || slices.Contains(person.Roles, RoleFacilitator) {
			mods = append(mods, person.Name)
		}
	}
	if len(p.s.People) > 0 && len(mods) == 0 {
		p.warn("", "the page names no moderator: add a \"Moderator\" heading with \"Name, Stakeholder group, Regional group\" under it, or give a person the role \"moderator\" in the session's JSON")
	}
	if len(p.speakers) == 0 && len(mods) == 0 {
		return
	}
	title, kind := "Discussion", kindDiscussion
	if p.formatName != "" {
		title = p.formatName
		if f := fold(p.formatName); strings.Contains(f, "break out") || strings.Contains(f, "breakout") {
			kind = kindBreakout
		}
	} else {
		p.warn("", "no format name (\"Panel - 90 Min\", \"Roundtable\") on the page: the segment is called \"Discussion\"")
	}
	p.s.Segments = []Segment{{Title: title, Kind: kind, Length: p.s.Slot.Length, Speakers: p.speakers, Facilitators: mods}}
	p.warn("", "the page has no agenda: one discussion segment over the whole slot is assumed")
}

// groupsGiven warns of each speaker or moderator whose groups no line gives.
func (p *igfParser) groupsGiven() {
	for i := range p.s.People {
		person := &p.s.People[i]
		if !slices.Contains(person.Roles, RoleSpeaker) && !slices.Contains(person.Roles, RoleModerator) && !slices.Contains(person.Roles, RoleOnlineModerator) {
			continue
		}
		var missing []string
		if person.Stakeholder == "" && !slices.Contains(person.Private, fieldStakeholder) {
			missing = append(missing, "stakeholder group")
		}
		if person.Region == "" && !slices.Contains(person.Private, fieldRegion) {
			missing = append(missing, "regional group")
		}
		if len(missing) > 0 && !p.groupWarned[i] {
			p.n = p.firstLine[i]
			p.warn("", "the page gives no %s for person %d: add \", Stakeholder group, Regional group\" to a line of theirs, or set them in the session's JSON", strings.Join(missing, " or "), i+1)
		}
	}
	p.n = 0
}

// modes sets the participation modes a hybrid session needs. Pages do not
// say who is in the room; a hybrid session cannot be checked or planned
// without it. The online moderator is online, as the role says; everyone
// else who speaks or moderates is assumed in the room, and the warning says
// so, unless their line gives their mode.
func (p *igfParser) modes() {
	if p.s.Format != FormatHybrid {
		return
	}
	var assumed, names []string
	for i := range p.s.People {
		person := &p.s.People[i]
		switch {
		case p.modeGiven[i]:
		case slices.Contains(person.Roles, RoleOnlineModerator):
			person.Mode = ModeOnline
		case slices.Contains(person.Roles, RoleSpeaker) || slices.Contains(person.Roles, RoleModerator) || slices.Contains(person.Roles, RoleFacilitator):
			person.Mode = ModeOnsite
			assumed = append(assumed, "person "+strconv.Itoa(i+1))
			if !slices.Contains(person.Private, fieldName) {
				names = append(names, person.Name)
			}
		}
	}
	if len(assumed) > 0 {
		p.warn(strings.Join(names, ", "), "the page does not say who takes part online: %s assumed onsite; set their modes", strings.Join(assumed, ", "))
	}
}
