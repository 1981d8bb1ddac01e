package agenda

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// This file reads the people of an IGF page: a line of a person, and the
// lines under the role headings, placed by the forms' order when a heading
// was lost.

// igfHonorific matches the titles before a name that one line of a page
// gives and another leaves out ("Dr. Ana Silva", "Ana Silva"), which
// the importer ignores to find the person, keeping the name as first given.
var igfHonorific = regexp.MustCompile(`^(?i)((dr|prof|mr|mrs|ms|mx|h\.\s?e|amb|eng|hon|sir)\.?\s+)+`)

// igfJobTitle matches the words of a job title, which pages give in place
// of the groups ("Ana Silva, Senior Policy Analyst, OECD").
var igfJobTitle = regexp.MustCompile(`(?i)\b(director|analyst|officer|professor|lecturer|head|manager|advis[eo]r|researcher|fellow|chair(person|man|woman)?|president|ceo|cto|coo|founder|co-founder|lead|coordinator|minister|ambassador|secretary|counsel+or|specialist|engineer|consultant|expert|member|partner|vice|deputy|senior|chief|executive|associate|assistant|student|candidate|editor|journalist|attorney|lawyer|judge|commissioner|representative|envoy|delegate|scientist|architect|strategist|leader|principal|dean|dr|phd|programme officer|program officer)\b`)

// igfOrgWord matches the first word of an organization's name, which a
// job title does not start with ("Office of the Special Envoy").
var igfOrgWord = regexp.MustCompile(`(?i)^(office|ministry|department|cent(re|er)|institute|university|council|foundation|association|agency|commission|authority|bureau|network|lab|laboratory|secretariat|coalition|forum|society|union|organi[sz]ation|group|company|the|global|international|national|european|african|world|united)\b`)

// titleLike reports whether a field is a job title: its first or last word
// is a title's ("Senior Policy Analyst", "Head of Cyber Policy"), and its
// first word is not an organization's.
func titleLike(v string) bool {
	w := strings.Fields(v)
	if len(w) == 0 || igfOrgWord.MatchString(v) {
		return false
	}
	first, last := w[0], w[len(w)-1]
	return igfJobTitle.FindString(first) == first || igfJobTitle.FindString(last) == last
}

// igfMode reads a mode a line gives in parentheses, "(online)".
var igfMode = regexp.MustCompile(`(?i)\s*\((online|remote|remotely|virtual|onsite|on-site|in person|in-person)\)\s*`)

// igfFields is what the fields of a person's line say.
type igfFields struct {
	name, org, title string
	nameLocked       bool
	orgLocked        bool // the organization is private, given or not
	stakeholder      Stakeholder
	region           Region
	stakeLocked      bool
	regionLocked     bool
	mode             Mode
	problems         []string // what could not be read, quoting nothing
	unknownGroup     bool     // a field is a group the importer does not know
}

// igfStakeholderLike and igfRegionLike match fields meant as groups that
// are none of the groups ("Academia", "Europe"): a warning, not an
// organization.
var (
	igfStakeholderLike = regexp.MustCompile(`(?i)^(academia|academic|academics|academic community|research|research community|youth|media|ngo|ngos|public sector|international organi[sz]ations?|international|multilateral|parliament|parliamentarian|other)$`)
	igfRegionLike      = regexp.MustCompile(`(?i)^(europe|european|asia|americas?|north america|south america|middle east|mena|arab states|arab region|oceania|global|worldwide|western europe|latin america|south asia|east asia|southeast asia|central asia|caribbean|pacific)( region| group)?$`)
)

// readFields reads "Name, Organization", "Name, Stakeholder, Region",
// "Name, Job title, Organization", with locks and a mode in parentheses. A
// locked field that is no group starts an organization that runs to the
// next group, as a locked organization may hold commas ("🔒SecretOrg,
// Inc."); so does any field that is neither a group nor a job title.
func readFields(text string) igfFields {
	var f igfFields
	if m := igfMode.FindStringSubmatch(text); m != nil {
		f.mode, _ = modes.parse(m[1])
		text = igfMode.ReplaceAllString(text, " ")
	}
	parts := strings.Split(text, ",")
	f.name, f.nameLocked = unlock(parts[0])
	var others []string // fields that are no group, in order
	othersLocked := false
	bareLock := false // a lock alone after the stakeholder group, before any region
	for _, part := range parts[1:] {
		v, locked := unlock(part)
		if v == "" && locked && f.stakeholder != "" && f.region == "" && !bareLock {
			// "Name, Civil Society, 🔒": the lock stands where the region
			// goes, and hides it, unless a region follows.
			bareLock = true
			continue
		}
		// "Intergovernmental Organization" is both: a stakeholder group
		// first, a regional group after one.
		g, gerr := stakeholders.parse(v)
		r, rerr := regions.parse(v)
		switch {
		case v == "":
		case gerr == nil && (f.stakeholder == "" || rerr != nil):
			switch {
			case f.stakeholder == "":
				f.stakeholder, f.stakeLocked = g, locked
			case f.stakeholder != g:
				f.problems = append(f.problems, "two stakeholder groups; the first is kept")
			}
			continue
		case rerr == nil:
			switch {
			case f.region == "":
				f.region, f.regionLocked = r, locked
			case f.region != r:
				f.problems = append(f.problems, "two regional groups; the first is kept")
			}
			continue
		}
		if locked {
			othersLocked = true
		}
		switch {
		case v == "":
		case !locked && f.stakeholder == "" && igfStakeholderLike.MatchString(v):
			f.problems = append(f.problems, "unknown stakeholder group")
			f.unknownGroup = true
		case !locked && f.region == "" && igfRegionLike.MatchString(v):
			f.problems = append(f.problems, "unknown regional group")
			f.unknownGroup = true
		default:
			others = append(others, v)
		}
	}
	if bareLock && f.region == "" {
		f.regionLocked = true
	} else if bareLock {
		othersLocked = true // a locked organization between the groups
	}
	if othersLocked {
		f.orgLocked = true
		f.org = strings.Join(others, ", ")
		return f
	}
	switch {
	case len(others) == 0:
	case len(others) == 1 && titleLike(others[0]) && f.stakeholder == "":
		f.title = others[0]
	case len(others) >= 2 && titleLike(others[0]) && !titleLike(others[len(others)-1]):
		f.title = others[0]
		f.org = strings.Join(others[1:], ", ")
	default:
		f.org = strings.Join(others, ", ")
	}
	return f
}

// person adds or completes a person from the fields of a line, in a role.
// line is the whole line, as a warning shows it.
func (p *igfParser) person(line, fields string, role Role) {
	shown := blankLocks(line)
	f := readFields(fields)
	if f.name == "" {
		p.warn(shown, "%s without a name; not added", aRole(role))
		return
	}
	if isGroup(f.name) {
		p.warn(shown, "%s given by groups only, without a name; not added as a person", aRole(role))
		return
	}
	key := NameKey(igfHonorific.ReplaceAllString(f.name, ""))
	i, existing := p.people[key]
	if existing && NameKey(p.s.People[i].Name) != NameKey(f.name) {
		p.warn(shown, "person %d's name is written with a title on one line and without it on another; taken as one person", i+1)
	}
	if !existing {
		if err := checkPeople(len(p.s.People) + 1); err != nil {
			err.Count = 0 // the rest of the page is not read
			p.err = &DecodeError{Field: fmt.Sprintf("line %d", p.n), Err: err}
			return
		}
		i = len(p.s.People)
		p.people[key] = i
		p.s.People = append(p.s.People, Person{Name: f.name})
		p.firstLine = append(p.firstLine, p.n)
	}
	person := &p.s.People[i]
	private := func(fld string) {
		if !slices.Contains(person.Private, fld) {
			person.Private = append(person.Private, fld)
		}
	}
	if f.nameLocked {
		private(fieldName)
	}
	if existing && slices.Contains(person.Roles, role) {
		p.warn(shown, "person %d is listed as %s twice; kept once", i+1, role)
	}
	if !slices.Contains(person.Roles, role) {
		person.Roles = append(person.Roles, role)
	}
	if role == RoleSpeaker && !p.speaking[key] {
		p.speaking[key] = true
		p.speakers = append(p.speakers, person.Name)
	}
	if f.orgLocked {
		private(fieldOrganization)
	}
	set := func(what string, have *string, v string) {
		switch {
		case v == "":
		case *have == "":
			*have = v
		case NameKey(*have) != NameKey(v):
			p.warn(shown, "person %d's %s differs from an earlier line; the earlier is kept", i+1, what)
		}
	}
	set("organization", &person.Organization, f.org)
	if f.stakeholder != "" {
		g := string(person.Stakeholder)
		set("stakeholder group", &g, string(f.stakeholder))
		person.Stakeholder = Stakeholder(g)
		if f.stakeLocked {
			private(fieldStakeholder)
		}
	}
	if f.region != "" {
		r := string(person.Region)
		set("regional group", &r, string(f.region))
		person.Region = Region(r)
	}
	if f.regionLocked {
		private(fieldRegion)
	}
	if f.mode != "" {
		m := string(person.Mode)
		set("participation mode", &m, string(f.mode))
		person.Mode = Mode(m)
		p.modeGiven[i] = true
	}
	if f.title != "" {
		p.warn(shown, "a job title in place of the groups; the job title is not kept")
	}
	for _, pr := range f.problems {
		p.warn(shown, "%s", pr)
	}
	if f.unknownGroup {
		p.groupWarned[i] = true
	}
}

// igfGroup is a run of lines of people under one role heading, or under
// none.
type igfGroup struct {
	slot  int // -1 for lines under no heading
	lines []igfLine
}

// personLine reports whether a line of the people block is a person's:
// "Name, ..." with a name-like first field, or a name alone.
func personLine(text string) bool {
	if nameLike(text) {
		return true
	}
	name, rest, ok := strings.Cut(text, ",")
	if !ok {
		return false
	}
	name, locked := unlock(name)
	if igfMode.MatchString(name) {
		name = strings.TrimSpace(igfMode.ReplaceAllString(name, " "))
	}
	if name == "" && locked {
		return true
	}
	if !nameLike(name) && !(locked && len(name) <= 60) {
		return false
	}
	// The rest must be fields, not a sentence.
	return len(rest) <= 200 && !strings.ContainsAny(rest, "?!;")
}

// closeBlock places the lines of the people block that were under a role
// heading, or under none after the labeled lines. The IGF's forms list the
// moderator, the online moderator and the rapporteur in that order, each
// under its heading; stored text often loses some of the headings. A line
// under a heading is that role's; lines whose heading was lost are placed
// by their position: the run of lines between two headings (or a heading
// and the end) fills the roles the forms put between them, one line each,
// or, if exactly one role is missing there, all of it. Any other line is a
// warning, never a person.
func (p *igfParser) closeBlock() {
	groups := p.block
	p.block = nil
	n := p.n
	defer func() { p.n = n }()
	for gi, g := range groups {
		if g.slot == slotFacilitator {
			for _, l := range g.lines {
				p.placed(l, RoleFacilitator, "")
			}
			continue
		}
		next := slotEnd
		for _, h := range groups[gi+1:] {
			if h.slot != slotFacilitator {
				next = h.slot
				break
			}
		}
		rest := g.lines
		if g.slot >= 0 && len(rest) > 0 {
			p.placed(rest[0], slotRoles[g.slot], "")
			rest = rest[1:]
		}
		var missing []int
		for k := g.slot + 1; k < next; k++ {
			missing = append(missing, k)
		}
		switch {
		case len(rest) == 0:
		case g.slot >= 0 && len(missing) == 0:
			for _, l := range rest {
				p.placed(l, slotRoles[g.slot], "")
			}
		case !slices.ContainsFunc(rest, func(l igfLine) bool { return !surePerson(l.text, len(groups) > 1) }) && len(missing) == len(rest):
			for k, l := range rest {
				p.placed(l, slotRoles[missing[k]], lostHeading(missing[k]))
			}
		case !slices.ContainsFunc(rest, func(l igfLine) bool { return !surePerson(l.text, len(groups) > 1) }) && len(missing) == 1:
			for _, l := range rest {
				p.placed(l, slotRoles[missing[0]], lostHeading(missing[0]))
			}
		default:
			for _, l := range rest {
				p.n = l.n
				p.warn(blankLocks(l.text), "a person under no role heading, whose role its place does not tell; not added (put it under a \"Moderator\", \"Online Moderator\" or \"Rapporteur\" heading)")
			}
		}
	}
}

// surePerson reports whether a line under no heading is surely a person's,
// to be placed by its position: a line that gives a group or a lock, as
// the forms' lines do, or a name alone in a block that has a role heading,
// and not a phrase such as a subtheme ("Digital Inclusion") that happens to
// follow the speakers.
func surePerson(text string, headed bool) bool {
	if !strings.Contains(text, ",") {
		return headed
	}
	if strings.Contains(text, igfLock) {
		return true
	}
	f := readFields(text)
	return f.stakeholder != "" || f.region != ""
}

// lostHeading is the warning about a line placed by its position.
func lostHeading(slot int) string {
	return fmt.Sprintf("no heading over this line: taken as the %s by its place (the forms list moderator, online moderator, rapporteur in that order)", slotRoles[slot])
}

// placed adds the person of a line in the people block, with a warning if
// the role was taken from the line's place.
func (p *igfParser) placed(l igfLine, role Role, assumed string) {
	p.n = l.n
	if assumed != "" {
		p.warn(blankLocks(l.text), "%s", assumed)
	}
	if role == RoleOnlineModerator {
		p.hybrid = true
	}
	p.person(l.text, l.text, role)
}

// aRole returns the role with its article: "an organizer", "a speaker".
func aRole(r Role) string {
	if strings.ContainsRune("aeiou", rune(string(r)[0])) {
		return "an " + string(r)
	}
	return "a " + string(r)
}
