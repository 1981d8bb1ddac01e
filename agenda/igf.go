package agenda

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Warning is something ParseIGF read but could not place, or had to assume.
//
// No warning shows a value the page locks: Text shows each locked field as
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
// quotes strings, or "<reason>: <text>" for the page as a whole. A warning
// whose Text is emptied, for an output that shows no names or
// organizations, is "line <n>: <reason>".
func (w Warning) String() string {
	s := w.Reason
	if w.Line != 0 {
		s = fmt.Sprintf("line %d: %s", w.Line, w.Reason)
	}
	if w.Text != "" {
		s += ": " + strconv.Quote(w.Text)
	}
	return s
}

// igfDefaultLength is the slot ParseIGF assumes, with a warning, for a page
// that gives neither a time nor a length: the length of most IGF workshops.
const igfDefaultLength = 90 * time.Minute

// ParseIGF reads the text of an IGF session page as it is pasted or saved
// from a browser, of any year since 2019, into a draft session and a list
// of warnings for what it could not place or had to assume. It reads:
//
//   - the title line, "IGF 2022 WS #123 Digital Rights and Connectivity";
//   - the time, "Tuesday, 29th November, 2022 (09:30 UTC) - Tuesday, 29th
//     November, 2022 (11:00 UTC)", and the room, "Conference Room 7",
//     under their headings or not;
//   - "Organizer 1:" and "Speaker 1:" lines, whose fields after the name
//     are the stakeholder and regional groups, an organization (which may
//     hold commas), or a job title and an organization; the job title is
//     not kept. A line that gives groups but no name is a warning, not a
//     person;
//   - the people under the "Moderator", "Online Moderator", "Rapporteur"
//     and "Facilitator" headings. Stored text often loses some of them: a
//     line whose heading was lost is placed by its position, as the forms
//     list the moderator, the online moderator and the rapporteur in that
//     order, with a warning; a line its position does not place is a
//     warning, never a person;
//   - the format name ("Round Table - Circle - 60 Min", "Panel - 90 Min",
//     "Roundtable"), kept as the title of the draft's segment, and the
//     length it or "Duration (minutes): 90" gives;
//   - the policy questions, lettered, numbered, dashed, bulleted or one to a
//     line, under their heading or, lettered or numbered, without it;
//   - whether the session is hybrid, from an online moderator or from the
//     page's words ("Given the hybrid nature of this year's forum");
//   - a lock, 🔒 or its mojibake "πŸ”’", on a field, which keeps the value
//     and marks the field private (see [Person.IsPrivate]); other mojibake
//     of a page saved in the wrong encoding ("RÃ¼ckheim") is repaired, with
//     a warning.
//
// A page without a title line takes its first line as the title, with a
// warning, when that line is a title's and nothing else; a time line that
// names no zone is read as UTC, with a warning.
//
// Every field it could not read or had to assume is a warning naming the
// line, or the page as a whole: a page with neither a time nor a length gets
// 90 minutes; one that does not say it is hybrid is taken as onsite;
// in a hybrid session the online moderator is taken to be online and
// everyone else who speaks or moderates onsite, unless the line says
// "(online)" or "(onsite)". The draft has one segment over the whole slot,
// named after the format (a breakout in a break-out format, else a
// discussion), with every speaker, moderated by the moderators and
// facilitators.
//
// The error is only for input it cannot read, or input beyond the limits:
// more than [MaxBytes], or more than [MaxPeople] people, where it stops at
// the first person past the limit. Either is a *[DecodeError], wrapping the
// error of r or a *[LimitError], matching [ErrTooLarge].
func ParseIGF(r io.Reader) (*Session, []Warning, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, nil, &DecodeError{Err: err}
	}
	var lines []igfLine
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		text, mojibake := cleanLine(string(line))
		lines = append(lines, igfLine{n: n, text: text, mojibake: mojibake})
		data = rest
	}
	return parseIGF(lines)
}

// igfParser is the state of the importer between lines.
type igfParser struct {
	s           *Session
	warnings    []Warning
	n           int // the current line number
	sec         igfSection
	slot        int  // the role of the lines under a secRole heading
	afterTime   bool // the last line was the time, which the room follows
	block       []igfGroup
	inBlock     bool // within the people: after a labeled line or a role heading
	items       []questionItem
	qHeading    bool // the page has a policy questions heading
	headingless int  // the last line of questions read without the heading
	speakers    []string
	hybrid      bool
	hybridLine  int
	formatName  string
	formatLine  int
	minutes     time.Duration // the length the format or a duration gives
	minLine     int
	people      map[string]int  // name key -> index in s.People
	firstLine   []int           // the first line of each person
	modeGiven   map[int]bool    // people whose line gives their mode
	groupWarned map[int]bool    // people with a warning of an unknown group
	speaking    map[string]bool // name keys of the speakers
	err         error           // set when the page is beyond the limits
}

func parseIGF(lines []igfLine) (*Session, []Warning, error) {
	p := igfParser{s: &Session{}, people: map[string]int{}, speaking: map[string]bool{}, modeGiven: map[int]bool{}, groupWarned: map[int]bool{}}
	for _, l := range lines {
		if h, _, ok := heading(l.text); ok && h.sec == secQuestions {
			p.qHeading = true
			break
		}
	}
	for _, l := range lines {
		if p.err != nil {
			break
		}
		p.n = l.n
		if l.mojibake {
			p.warn(l.text, "the line was saved in the wrong encoding (mojibake); read as it was written")
		}
		p.line(l.text)
	}
	if p.err != nil {
		return nil, nil, p.err
	}
	if p.inBlock {
		p.closeBlock()
	}
	if p.err != nil {
		return nil, nil, p.err
	}
	p.firstTitle(lines)
	p.finish()
	// A name or organization locked on one line may be written out on
	// another: no warning shows the text of such a line.
	secrets := p.s.Secrets(false)
	// In the page's order, the page as a whole last.
	slices.SortStableFunc(p.warnings, func(a, b Warning) int {
		return cmp.Compare(uint(a.Line-1), uint(b.Line-1))
	})
	for i := range p.warnings {
		if secrets.In(p.warnings[i].Text) {
			p.warnings[i].Text = ""
		}
	}
	return p.s, p.warnings, nil
}

// warn adds a warning about the current line, shown as text without what
// the page locks (see blankLocks). The reason must quote nothing from the
// page.
func (p *igfParser) warn(text, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{Line: p.n, Text: blankLocks(text), Reason: fmt.Sprintf(format, args...)})
}

func (p *igfParser) line(text string) {
	if text == "" {
		return
	}
	// A list item of the HTML, or a pasted bullet, over a line of its own
	// kind: the bullet is not part of it.
	if bare, ok := strings.CutPrefix(text, "• "); ok && p.sec != secQuestions && !strings.HasSuffix(bare, "?") {
		text = bare
	}
	afterTime := p.afterTime
	p.afterTime = false
	if igfHybrid.MatchString(text) && !igfNotHybrid.MatchString(text) && !p.hybrid {
		p.hybrid, p.hybridLine = true, p.n
	}
	h, rest, isHeading := heading(text)
	m := igfPerson.FindStringSubmatch(text)
	// The people block ends at the first line that is none of its own.
	if p.inBlock && m == nil && !(isHeading && (h.sec == secRole || h.sec == secPeople)) && !personLine(text) {
		p.closeBlock()
		p.inBlock = false
		if p.sec == secRole {
			p.sec = secNone
		}
	}
	if p.sec == secQuestions && !isHeading && m == nil {
		if p.questionLine(text) {
			p.addQuestions(text)
			return
		}
		p.sec = secNone
	}
	switch {
	case m != nil:
		p.sec = secNone
		if !p.inBlock {
			p.inBlock = true
		} else if len(p.block) > 0 {
			// Lines under role headings before more labeled lines.
			p.closeBlock()
		}
		role := RoleOrganizer
		if strings.HasPrefix(strings.ToLower(m[1]), "speaker") || strings.HasPrefix(strings.ToLower(m[1]), "panel") {
			role = RoleSpeaker
		}
		p.person(text, m[2], role)
		return
	case isHeading:
		p.sec, p.slot = h.sec, h.slot
		switch h.sec {
		case secRole:
			p.inBlock = true
			p.block = append(p.block, igfGroup{slot: h.slot})
			if h.slot == slotOnline {
				p.hybrid = true
			}
		case secProse, secPeople:
			// A heading over text the importer does not read, or over
			// labeled lines: it ends what came before, and nothing more.
			if h.sec == secPeople && rest != "" {
				p.warn(text, "people listed on one line after a heading; not read: give each on a line of their own, as \"Speaker 1: Name, Stakeholder group, Regional group\"")
			}
			p.sec = secNone
			return
		}
		if rest != "" {
			p.under(rest, text)
		}
		return
	case p.s.Title == "" && igfTitle.MatchString(text):
		p.s.Title = text
		if m := igfNumber.FindStringSubmatch(text); m != nil {
			// The session's number is its identity, which a calendar
			// keeps when the session is retitled or moved.
			p.s.ID = "IGF " + m[1] + " " + strings.ToUpper(m[2]) + " #" + m[3]
		}
		return
	}
	if p.sec != secNone {
		p.under(text, text)
		return
	}
	switch {
	case p.inBlock && personLine(text):
		if len(p.block) == 0 {
			p.block = append(p.block, igfGroup{slot: -1})
		}
		g := &p.block[len(p.block)-1]
		g.lines = append(g.lines, igfLine{n: p.n, text: text})
	case p.timeLine(text):
	case p.formatName == "" && isFormatName(text):
		p.setFormat(text)
	case p.s.Room == "" && isRoom(text) && (afterTime || igfRoomy.MatchString(text)):
		p.s.Room = text
		if !igfRoomy.MatchString(text) {
			p.warn(text, "taken as the room by its place after the time")
		}
	case !p.qHeading && (hasMarker(text) && !strings.HasPrefix(text, "-") && !strings.HasPrefix(text, "•")) && strings.HasSuffix(text, "?") ||
		!p.qHeading && len(inlineItems(text, p.n)) > 1 && strings.Contains(text, "?"):
		if p.headingless != p.n-1 {
			p.warn("", "policy questions without a \"Policy Question(s)\" heading; read as the policy questions")
		}
		p.headingless = p.n
		p.addQuestions(text)
	case personLine(text) && surePerson(text, false):
		p.warn(text, "a line that looks like a person's, outside the list of people; not added")
	}
}

// under reads a line under a heading (or after its colon).
func (p *igfParser) under(text, line string) {
	switch p.sec {
	case secTime:
		if !p.timeLine(text) {
			p.warn(line, "a time line, but not in the form \"Tuesday, 29th November, 2022 (09:30 UTC) - Tuesday, 29th November, 2022 (11:00 UTC)\"")
		}
	case secRoom:
		if p.s.Room == "" {
			p.s.Room = text
		}
	case secFormat:
		// A format's name, not a description of the format.
		if isFormatName(text) || len(text) <= 60 && !strings.ContainsAny(text, ".:?") {
			p.setFormat(text)
		} else {
			p.warn(line, "a format, but not a format's name such as \"Panel - 90 Min\"; not read")
		}
	case secDuration:
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.ToLower(text), "min")))
		if err != nil || n <= 0 || n > 24*60 {
			p.warn(line, "a duration that is not a number of minutes; not read")
		} else if p.minutes == 0 {
			p.minutes, p.minLine = time.Duration(n)*time.Minute, p.n
		}
	case secQuestions:
		p.addQuestions(text)
		return // the questions go on to the next heading
	case secRole:
		g := &p.block[len(p.block)-1]
		g.lines = append(g.lines, igfLine{n: p.n, text: text})
		return // so do the people under a heading, to the end of the block
	}
	p.sec = secNone
}

// timeLine reads a time line, reporting whether it is one.
func (p *igfParser) timeLine(text string) bool {
	start, length, zoned, ok := igfTimeOf(text)
	if !ok {
		return false
	}
	switch {
	case length == 0:
		p.warn(text, "the start and end of the time line do not make a slot")
	case !p.s.Slot.Start.IsZero():
		if !start.Equal(p.s.Slot.Start) || length != p.s.Slot.Length {
			p.warn(text, "a second time line, unlike the first; the first is kept")
		}
	default:
		p.s.Slot = timeslot.Slot{Start: start, Length: length}
		if !zoned {
			p.warn(text, "the time line names no zone: taken as UTC; correct slot.start if the page means local time")
		}
		p.afterTime = true
	}
	return true
}

// setFormat keeps the format name and the length it gives.
func (p *igfParser) setFormat(text string) {
	if p.formatName != "" {
		return
	}
	p.formatName, p.formatLine = text, p.n
	if d := formatMinutes(text); d > 0 && p.minutes == 0 {
		p.minutes, p.minLine = d, p.n
	}
}

// firstTitle takes a page's first line as its title when no line starts
// "IGF <year>" and the first line is a title's: a phrase that is no
// heading, person, time or format, and not a sentence.
func (p *igfParser) firstTitle(lines []igfLine) {
	if p.s.Title != "" {
		return
	}
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		_, _, isHeading := heading(l.text)
		_, _, _, isTime := igfTimeOf(l.text)
		if isHeading || isTime || igfPerson.MatchString(l.text) || isFormatName(l.text) ||
			len(l.text) > 200 || len(strings.Fields(l.text)) < 3 || strings.HasSuffix(l.text, ".") || strings.Contains(l.text, igfLock) {
			return
		}
		p.s.Title = l.text
		p.n = l.n
		p.warn(l.text, "taken as the title: the first line, though it does not start \"IGF <year>\"")
		return
	}
}
