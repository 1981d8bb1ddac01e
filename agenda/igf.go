package agenda

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Warning is something ParseIGF read but could not place, or had to assume.
//
// No warning shows a value the page locks: Text shows each locked value as
// the lock alone, and is empty when it would show a locked name or
// organization the page gives elsewhere. Reason quotes nothing from the
// page, and names people by their place among the session's people, as
// "person 3", so that [Warning.Redacted] is safe to show where names may not
// be.
type Warning struct {
	Line   int    // the line of the page, counting from 1; 0 for the page as a whole
	Text   string // the line as it is on the page, locked values shown as 🔒; for the page as a whole, the names it concerns, if any
	Reason string // what is wrong, in words that quote nothing from the page
}

// String returns "line <n>: <reason>: <text>", with the text quoted as Go
// quotes strings, or "<reason>: <text>" for the page as a whole.
func (w Warning) String() string {
	s := w.Redacted()
	if w.Text != "" {
		s += ": " + strconv.Quote(w.Text)
	}
	return s
}

// Redacted returns the warning without its Text, "line <n>: <reason>", for
// an output that shows no names or organizations.
func (w Warning) Redacted() string {
	if w.Line == 0 {
		return w.Reason
	}
	return fmt.Sprintf("line %d: %s", w.Line, w.Reason)
}

var (
	igfPerson   = regexp.MustCompile(`^(Organizer|Organiser|Speaker)\s*\d*\s*:\s*(.+)$`)
	igfHeading  = regexp.MustCompile(`^(Moderator|Online Moderator|Onsite Moderator|Rapporteur|Facilitator)s?\s*$`)
	igfTime     = regexp.MustCompile(`^\w+,\s*(\d{1,2})\w*\s+(\w+),\s*(\d{4})\s*\((\d{1,2}:\d{2})\s*(UTC|GMT)\)\s*[-–]\s*\w+,\s*(\d{1,2})\w*\s+(\w+),\s*(\d{4})\s*\((\d{1,2}:\d{2})\s*(UTC|GMT)\)$`)
	igfMinutes  = regexp.MustCompile(`(?i)(?:Duration \(minutes\):\s*(\d+))|(?:-\s*(\d+)\s*Min\b)`)
	igfQuestion = regexp.MustCompile(`(?:^|\s)([A-Z])\.\s*`)
)

// igfLock marks a field the page keeps private.
const igfLock = "🔒"

// ParseIGF reads the plain text of an IGF session page, in the shape of the
// proposals and reports on the IGF site ("Organizer 1: Name, Organization",
// "Speaker 2: Name, Civil Society, Western European and Others Group
// (WEOG)", "Moderator" headings, "Panel - 90 Min", the time line in UTC,
// "Room", "Policy Question(s)"), into a draft session and a list of
// warnings for what it could not place or had to assume. It never guesses
// silently: a person listed twice becomes one person and a warning, an
// unknown group spelling a warning naming the line, a missing length or
// time a warning. Fields marked with a lock ("🔒SecretOrg, Inc.",
// "🔒Civil Society") are kept and marked private (see [Person.IsPrivate]);
// a locked value that does not parse is left out, and no warning shows it
// (see [Warning]).
//
// The draft has one discussion segment over the whole slot, with every
// speaker, moderated by the moderators. Participation modes are not on IGF
// pages: in a hybrid session the online moderator is taken to be online and
// everyone else who speaks or moderates onsite, with a warning naming them.
//
// The error is only for input it cannot read, or input beyond the limits:
// more than [MaxBytes], or more than [MaxPeople] people, where it stops at
// the first person past the limit. Either is a *[DecodeError], wrapping the
// error of r or a *[LimitError], matching [ErrTooLarge].
func ParseIGF(r io.Reader) (*Session, []Warning, error) {
	data, err := ReadInput(r)
	if err != nil {
		return nil, nil, &DecodeError{Err: err}
	}
	p := igfParser{s: &Session{Format: FormatOnsite}, people: map[string]int{}, speaking: map[string]bool{}}
	for len(data) > 0 && p.err == nil {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		p.line(strings.TrimSuffix(string(line), "\r"))
		data = rest
	}
	if p.err != nil {
		return nil, nil, p.err
	}
	p.finish()
	// A name or organization locked on one line may be written out on
	// another: no warning shows the text of such a line.
	secrets := p.s.Secrets(false)
	for i := range p.warnings {
		if secrets.In(p.warnings[i].Text) {
			p.warnings[i].Text = ""
		}
	}
	return p.s, p.warnings, nil
}

// igfParser is the state of ParseIGF between lines.
type igfParser struct {
	s        *Session
	warnings []Warning
	n        int    // the current line number
	heading  string // the last heading, which says what the next lines are
	speakers []string
	hybrid   bool
	people   map[string]int  // name key -> index in s.People
	speaking map[string]bool // name keys of the speakers
	err      error           // set when the page is beyond the limits
}

// warn adds a warning about the current line, shown as text without what
// the page locks (see blankLocks). The reason must quote nothing from the
// page.
func (p *igfParser) warn(text, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{Line: p.n, Text: blankLocks(text), Reason: fmt.Sprintf(format, args...)})
}

// unlock returns a field of a line without the lock, and whether it had one.
func unlock(field string) (string, bool) {
	if !strings.Contains(field, igfLock) {
		return strings.TrimSpace(field), false
	}
	return strings.TrimSpace(strings.ReplaceAll(field, igfLock, "")), true
}

// blankLocks returns text with what follows a lock in each of its
// comma-separated fields left out: "Speaker 3: 🔒Jane Doe, Government"
// becomes "Speaker 3: 🔒, Government", as a warning may show the line.
func blankLocks(text string) string {
	if !strings.Contains(text, igfLock) {
		return text
	}
	parts := strings.Split(text, ",")
	for i, part := range parts {
		if k := strings.Index(part, igfLock); k >= 0 {
			parts[i] = part[:k+len(igfLock)]
		}
	}
	return strings.Join(parts, ",")
}

func (p *igfParser) line(raw string) {
	p.n++
	text := strings.TrimSpace(raw)
	if text == "" {
		return
	}
	switch {
	case igfHeading.MatchString(text):
		p.heading = strings.TrimSuffix(strings.TrimSpace(text), "s")
		return
	case text == "Time" || text == "Room" || strings.HasPrefix(text, "Policy Question"):
		p.heading = text
		return
	case strings.HasPrefix(text, "Hybrid Format"):
		p.hybrid = true
	}
	if m := igfPerson.FindStringSubmatch(text); m != nil {
		role := RoleSpeaker
		if m[1] != "Speaker" {
			role = RoleOrganizer
		}
		p.person(text, m[2], role)
		p.heading = ""
		return
	}
	if m := igfMinutes.FindStringSubmatch(text); m != nil && p.s.Slot.Length == 0 {
		n, _ := strconv.Atoi(m[1] + m[2])
		p.s.Slot.Length = time.Duration(n) * time.Minute
	}
	switch p.heading {
	case "Time":
		p.time(text)
	case "Room":
		p.s.Room = text
	case "Moderator", "Onsite Moderator":
		p.person(text, text, RoleModerator)
	case "Online Moderator":
		p.person(text, text, RoleOnlineModerator)
		p.hybrid = true
	case "Rapporteur":
		p.person(text, text, RoleRapporteur)
	case "Facilitator":
		p.person(text, text, RoleFacilitator)
	default:
		if strings.HasPrefix(p.heading, "Policy Question") || (strings.HasPrefix(text, "A. ") && strings.Contains(text, " B.")) {
			p.questions(text)
		} else if len(p.speakers) > 0 && strings.Count(text, ",") == 2 && p.groupsParse(text) {
			// A speaker line without its number, as some pages list organizers who also speak.
			p.person(text, text, RoleSpeaker)
		}
	}
	p.heading = ""
}

// groupsParse reports whether the last two fields of "Name, Group, Group"
// are groups, locked or not.
func (p *igfParser) groupsParse(text string) bool {
	f := strings.Split(text, ",")
	g, _ := unlock(f[1])
	r, _ := unlock(f[2])
	_, err1 := ParseStakeholder(g)
	_, err2 := ParseRegion(r)
	return err1 == nil && err2 == nil
}

// person adds or updates a person from "Name, Organization" or "Name,
// Stakeholder, Region", with a role. A lock on the name, the organization,
// the stakeholder group or the regional group keeps the value and marks it
// private. A locked organization may hold commas ("🔒SecretOrg, Inc."): a
// locked field after the name that is not a stakeholder group starts an
// organization that runs to the end of the line.
func (p *igfParser) person(text, fields string, role Role) {
	parts := strings.Split(fields, ",")
	name, nameLocked := unlock(parts[0])
	rest := parts[1:]
	first, firstLocked := "", false
	if len(rest) > 0 {
		first, firstLocked = unlock(rest[0])
	}
	_, firstErr := ParseStakeholder(first)
	lockedOrg := firstLocked && (first == "" || firstErr != nil) && len(rest) > 1
	// The line as a warning may show it: locked values as the lock alone,
	// and all of a locked organization.
	shown := blankLocks(text)
	if lockedOrg {
		shown = blankLocks(text[:len(text)-len(fields)] + strings.Join(parts[:2], ","))
	}
	if name == "" {
		p.warn(shown, "no name")
		return
	}
	key := NameKey(name)
	i, existing := p.people[key]
	if !existing {
		if err := checkPeople(len(p.s.People) + 1); err != nil {
			err.Count = 0 // the rest of the page is not read
			p.err = &DecodeError{Path: fmt.Sprintf("line %d", p.n), Err: err}
			return
		}
		i = len(p.s.People)
		p.people[key] = i
		p.s.People = append(p.s.People, Person{Name: name})
	}
	person := &p.s.People[i]
	private := func(f Field) {
		if !person.IsPrivate(f) {
			person.Private = append(person.Private, f)
		}
	}
	if nameLocked {
		private(FieldName)
	}
	if existing && person.Has(role) {
		p.warn(shown, "person %d is listed as %s twice; kept once", i+1, role)
	}
	if !person.Has(role) {
		person.Roles = append(person.Roles, role)
	}
	if role == RoleSpeaker && !p.speaking[key] {
		p.speaking[key] = true
		p.speakers = append(p.speakers, person.Name)
	}
	switch {
	case len(rest) == 0:
	case len(rest) == 1 || lockedOrg: // Organization, perhaps private
		org, locked := unlock(strings.Join(rest, ","))
		if locked {
			private(FieldOrganization)
		}
		if org != "" && person.Organization == "" {
			person.Organization = org
		}
	default: // Stakeholder, Region; anything more is left as a warning
		if g, err := ParseStakeholder(first); err != nil {
			if firstLocked {
				p.warn(shown, "a locked stakeholder group that is none of the groups; left out")
			} else {
				p.warn(shown, "unknown stakeholder group")
			}
		} else if g != "" {
			person.Stakeholder = g
			if firstLocked {
				private(FieldStakeholder)
			}
		}
		region, locked := unlock(strings.Join(rest[1:], ","))
		if r, err := ParseRegion(region); err != nil {
			if locked {
				p.warn(shown, "a locked regional group that is none of the groups; left out")
			} else {
				p.warn(shown, "unknown regional group")
			}
		} else if r != "" {
			person.Region = r
			if locked {
				private(FieldRegion)
			}
		}
	}
}

// time reads "Tuesday, 10th October, 2023 (06:15 UTC) - Tuesday, 10th
// October, 2023 (07:45 UTC)".
func (p *igfParser) time(text string) {
	m := igfTime.FindStringSubmatch(text)
	if m == nil {
		p.warn(text, "a time line, but not in the form \"Tuesday, 10th October, 2023 (06:15 UTC) - …\"")
		return
	}
	parse := func(day, month, year, clock string) (time.Time, error) {
		return time.ParseInLocation("2 January 2006 15:04", day+" "+month+" "+year+" "+clock, time.UTC)
	}
	start, err1 := parse(m[1], m[2], m[3], m[4])
	end, err2 := parse(m[6], m[7], m[8], m[9])
	if err1 != nil || err2 != nil || !end.After(start) {
		p.warn(text, "the start and end of the time line do not make a slot")
		return
	}
	p.s.Slot = timeslot.Slot{Start: start, Length: end.Sub(start)}
}

// questions reads "A. … B. … C. …".
func (p *igfParser) questions(text string) {
	idx := igfQuestion.FindAllStringSubmatchIndex(text, -1)
	if len(idx) == 0 {
		p.s.Questions = append(p.s.Questions, Question{ID: strconv.Itoa(len(p.s.Questions) + 1), Text: text})
		return
	}
	for k, m := range idx {
		end := len(text)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		p.s.Questions = append(p.s.Questions, Question{ID: text[m[2]:m[3]], Text: strings.TrimSpace(text[m[1]:end])})
	}
}

// finish sets what the page implies as a whole, and warns of what it lacks.
func (p *igfParser) finish() {
	p.n = 0
	if p.hybrid {
		p.s.Format = FormatHybrid
	}
	if len(p.s.People) == 0 {
		p.warn("", "no organizer, speaker or moderator found: the page lists nobody in the shape \"Speaker 1: Name, Group, Region\"")
	}
	if p.s.Slot.Length == 0 {
		p.warn("", "no length or time found: the slot is empty")
	}
	if p.s.Title == "" {
		p.warn("", "session pages do not carry a title in their text: the title is empty")
	}
	var mods []string
	for _, person := range p.s.People {
		if person.Has(RoleModerator) || person.Has(RoleOnlineModerator) {
			mods = append(mods, person.Name)
		}
	}
	if len(p.speakers) > 0 || len(mods) > 0 {
		p.s.Segments = []Segment{{Title: "Discussion", Kind: KindDiscussion, Length: p.s.Slot.Length, Speakers: p.speakers, Facilitators: mods}}
		p.warn("", "the page has no agenda: one discussion segment over the whole slot is assumed")
	}
	if p.s.Format == FormatHybrid {
		// Pages do not say who is in the room; a hybrid session cannot be
		// checked or planned without it. Assume the room, but the online
		// moderator online, and say so.
		var assumed, names []string
		for i := range p.s.People {
			person := &p.s.People[i]
			switch {
			case person.Has(RoleOnlineModerator):
				person.Mode = ModeOnline
			case person.Has(RoleSpeaker) || person.Has(RoleModerator):
				person.Mode = ModeOnsite
				assumed = append(assumed, "person "+strconv.Itoa(i+1))
				if !person.IsPrivate(FieldName) {
					names = append(names, person.Name)
				}
			}
		}
		if len(assumed) > 0 {
			p.warn(strings.Join(names, ", "), "the page does not say who takes part online: %s assumed onsite; set their modes", strings.Join(assumed, ", "))
		}
	}
}
