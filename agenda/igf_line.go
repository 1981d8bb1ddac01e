package agenda

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file reads what one line of an IGF page says on its own: a heading,
// a title, a time, a room, a format name, a lock.

// igfLine is a line of a page: its number, counting from 1, and its text,
// trimmed, with runs of space as one space and the lock's mojibake as the
// lock.
type igfLine struct {
	n        int
	text     string
	mojibake bool // the text was repaired
}

// igfLock marks a field the page keeps private.
const igfLock = "🔒"

// igfMojibake are the lock as pages saved in a legacy encoding show it:
// its UTF-8 bytes read as Windows-1253 and Windows-1252, and as Latin-1.
var igfMojibake = strings.NewReplacer("πŸ”’", igfLock, "ðŸ”’", igfLock, "ð\u009f\u0094\u0092", igfLock)

// cleanLine returns a line as the importer reads it: without surrounding
// space, with every run of space (tabs and no-break spaces included) as one
// space, the lock's mojibake as the lock, and other mojibake repaired (see
// unmojibake), and whether it had any.
func cleanLine(s string) (string, bool) {
	locks := igfMojibake.Replace(s)
	parts := strings.Split(locks, igfLock)
	repaired := false
	for i, part := range parts {
		if fixed, ok := unmojibake(part); ok {
			parts[i], repaired = fixed, true
		}
	}
	s2 := strings.Join(parts, igfLock)
	return strings.Join(strings.FieldsFunc(s2, unicode.IsSpace), " "), repaired || locks != s
}

// unmojibake repairs text whose UTF-8 was read as Windows-1252 and saved
// again as UTF-8 ("RÃ¼ckheim", "Tupouâ€™tuah"), as pages saved with the
// wrong encoding show names: it reports whether the text, written back in
// Windows-1252, is UTF-8 that holds a character of more than one byte,
// which text in Windows-1252 almost never is.
func unmojibake(s string) (string, bool) {
	if !strings.ContainsAny(s, "ÂÃÄÅÆÇÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö") {
		return s, false
	}
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil || !utf8.ValidString(b) || utf8.RuneCountInString(b) == len(b) {
		return s, false
	}
	return b, true
}

// igfSection is what the lines under a heading are.
type igfSection int

const (
	secNone      igfSection = iota
	secTime                 // the time line
	secRoom                 // the room
	secFormat               // the format name
	secDuration             // the length in minutes
	secQuestions            // the policy questions
	secRole                 // people in one role: see igfHeading.slot
	secPeople               // a heading over labeled lines, such as "Speakers"
	secProse                // a description, or any text the importer does not read
)

// The roles of the headings in the people block, in the order the IGF's
// forms list them: their place identifies lines whose heading was lost.
const (
	slotModerator = iota
	slotOnline
	slotRapporteur
	slotEnd         // after the rapporteur
	slotFacilitator // not in the forms' order
)

var slotRoles = [...]Role{RoleModerator, RoleOnlineModerator, RoleRapporteur, "", RoleFacilitator}

// igfHeading is what a heading says.
type igfHeading struct {
	sec  igfSection
	slot int // for secRole
}

// igfHeadings are the headings of IGF pages, folded by fold, as they
// appear alone on a line or before a colon.
var igfHeadings = map[string]igfHeading{}

func init() {
	add := func(h igfHeading, labels ...string) {
		for _, l := range labels {
			igfHeadings[fold(l)] = h
		}
	}
	add(igfHeading{sec: secTime}, "Time", "Date", "Date and time", "Date & Time", "Session time")
	add(igfHeading{sec: secRoom}, "Room", "Venue", "Session room")
	add(igfHeading{sec: secFormat}, "Format", "Session Format", "Session type", "Type of session")
	add(igfHeading{sec: secDuration}, "Duration (minutes)", "Duration", "Session length")
	add(igfHeading{sec: secQuestions}, "Policy Question(s)", "Policy Questions", "Policy Question", "Key Policy Questions", "Policy questions to be addressed")
	add(igfHeading{sec: secRole, slot: slotModerator}, "Moderator", "Moderators", "Moderator(s)", "Onsite Moderator", "On-site Moderator", "Onsite Moderators", "In-person Moderator", "Chair")
	add(igfHeading{sec: secRole, slot: slotOnline}, "Online Moderator", "Online Moderators", "Remote Moderator")
	add(igfHeading{sec: secRole, slot: slotRapporteur}, "Rapporteur", "Rapporteurs", "Rapporteur(s)")
	add(igfHeading{sec: secRole, slot: slotFacilitator}, "Facilitator", "Facilitators")
	add(igfHeading{sec: secPeople}, "Speakers", "Speaker(s)", "Organizers", "Organisers", "Co-organizers", "Organizer(s)", "Panelists", "Panellists")
	add(igfHeading{sec: secProse}, "Description", "Session description", "Expected Outcomes", "Subtheme", "Theme", "Issues",
		"Key Takeaways", "Key Takeaways (* deadline at the end of the session day)", "Call to Action",
		"Call to Action (* deadline at the end of the session day)", "Session Report", "Hybrid Format",
		"Online Participation", "SDGs", "Targets", "Relevance to Internet Governance", "Relevance to Theme",
		"Discussion Facilitation", "Connection with previous Messages", "Format description", "Agenda",
		"Event summary", "Event report", "Event description", "Event recording", "Session", "Content", "Tags",
		"Speakers' bios", "Additional Speakers", "Background Paper", "Session Objectives", "Links",
		"Subtheme(s)", "Subthemes", "Proposed Additional Tools", "Reference Document", "Relevance to Theme",
		"What will participants gain from attending this session?")
}

// heading returns the heading a line is, and the text after its colon if
// the line goes on ("Room: Hall A").
func heading(text string) (igfHeading, string, bool) {
	if h, ok := igfHeadings[fold(strings.TrimSuffix(text, ":"))]; ok {
		return h, "", true
	}
	label, rest, ok := strings.Cut(text, ":")
	if !ok || len(label) > 60 {
		return igfHeading{}, "", false
	}
	h, ok := igfHeadings[fold(label)]
	return h, strings.TrimSpace(rest), ok
}

// igfWhatParticipantsGain and the like open paragraphs that end a list of
// policy questions although they begin with a question.
var igfProseOpeners = []string{"what will participants gain", "how will you facilitate", "please explain", "please describe"}

var (
	igfTitle  = regexp.MustCompile(`^IGF\s?(19|20)\d\d\s+\S`)
	igfNumber = regexp.MustCompile(`^IGF\s?((?:19|20)\d\d)\s+([A-Za-z]{2,12})\s*#\s*(\d{1,5})\b`) // "IGF 2022 WS #123": the session's number
	igfPerson = regexp.MustCompile(`^(?i)(Organi[sz]er|Co-?organi[sz]er|Speaker|Panell?ist)\s*#?\s*\d*\s*:\s*(.*)$`)
	igfRoomy  = regexp.MustCompile(`(?i)\b(room|hall|saal|salle|auditorium|ballroom|annex)\b`)
	// "Panel - 90 Min", "Round Table - Circle - 60 Min", "Roundtable",
	// "Break-out Group Discussions - Flexible Seating - 90 Min".
	igfFormatName = regexp.MustCompile(`(?i)^(round ?table|panel|debate|break-?out group discussions?|birds of a feather|tutorial|classroom|theat(er|re)|fishbowl|speed dialogue|lightning talk|open forum|networking session|workshop|town hall|hackathon|other)(\s*[-–,]\s*[\w ,/&()-]+?)?(\s*[-–]\s*\d{2,3}\s*min(ute)?s?)?$`)
	igfMinutes    = regexp.MustCompile(`(?i)\b(\d{2,3})\s*min(ute)?s?\b`)
	// "Tuesday, 29th November, 2022 (09:30 UTC) - Tuesday, 29th November,
	// 2022 (11:00 UTC)", and the same day written once.
	igfTime = regexp.MustCompile(`(?i)^(?:\w+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}),?\s*\(?\s*(\d{1,2}[:.]\d{2})\s*h?\s*(UTC|GMT)?\s*\)?\s*[-–—]+\s*(?:(?:\w+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}),?\s*)?\(?\s*(\d{1,2}[:.]\d{2})\s*h?\s*(UTC|GMT)?\s*\)?$`)
	// "Monday, June 23, 2025 09:00 UTC - 10:30 UTC", month before day.
	igfTimeUS = regexp.MustCompile(`(?i)^(?:\w+day,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?\s*\(?\s*(\d{1,2}[:.]\d{2})\s*h?\s*(UTC|GMT)?\s*\)?\s*[-–—]+\s*(?:(?:\w+day,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?\s*)?\(?\s*(\d{1,2}[:.]\d{2})\s*h?\s*(UTC|GMT)?\s*\)?$`)
	igfHybrid = regexp.MustCompile(`(?i)\bhybrid\b`)
	// "not hybrid", "non-hybrid": the words that say a session is not.
	igfNotHybrid = regexp.MustCompile(`(?i)\b(not|non|no)[\s-]+hybrid\b`)
)

// igfTimeOf reads a time line: the slot it gives, whether it names the
// zone, and whether it is a time line at all; ok with a zero slot is a time
// line whose start and end make no slot.
func igfTimeOf(text string) (start time.Time, length time.Duration, zoned, ok bool) {
	var day1, mon1, year1, clock1, zone1, day2, mon2, year2, clock2, zone2 string
	// Most lines are not times: the regular expressions only see lines
	// short enough, with a clock in them.
	if len(text) > 160 || !strings.ContainsAny(text, ":.") || !strings.ContainsAny(text, "0123456789") {
		return time.Time{}, 0, false, false
	}
	// "Time Monday, 9th October, …", the heading and the time on one line.
	for _, label := range []string{"Time ", "Date ", "Time: ", "Date: "} {
		text = strings.TrimPrefix(text, label)
	}
	if m := igfTime.FindStringSubmatch(text); m != nil {
		day1, mon1, year1, clock1, zone1, day2, mon2, year2, clock2, zone2 = m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10]
	} else if m := igfTimeUS.FindStringSubmatch(text); m != nil {
		mon1, day1, year1, clock1, zone1, mon2, day2, year2, clock2, zone2 = m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10]
	} else {
		return time.Time{}, 0, false, false
	}
	if year2 == "" {
		day2, mon2, year2 = day1, mon1, year1
	}
	s, err1 := igfDate(day1, mon1, year1, clock1)
	e, err2 := igfDate(day2, mon2, year2, clock2)
	if err1 != nil || err2 != nil || !e.After(s) || e.Sub(s) > 24*time.Hour {
		return time.Time{}, 0, false, true
	}
	return s, e.Sub(s), zone1 != "" || zone2 != "", true
}

// igfDate reads "29", "November" or "Nov", "2022", "09:30", in UTC.
func igfDate(day, month, year, clock string) (time.Time, error) {
	clock = strings.Replace(clock, ".", ":", 1)
	if len(month) > 3 && !strings.EqualFold(month, "sept") {
		if t, err := time.ParseInLocation("2 January 2006 15:04", day+" "+month+" "+year+" "+clock, time.UTC); err == nil {
			return t, nil
		}
	}
	if len(month) >= 3 {
		month = month[:3]
	}
	return time.ParseInLocation("2 Jan 2006 15:04", day+" "+month+" "+year+" "+clock, time.UTC)
}

// isFormatName reports whether a line is a format's name.
func isFormatName(text string) bool {
	return len(text) <= 120 && igfFormatName.MatchString(text)
}

// formatMinutes returns the minutes a format name gives, "Panel - 90 Min".
func formatMinutes(name string) time.Duration {
	m := igfMinutes.FindStringSubmatch(name)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return time.Duration(n) * time.Minute
}

// isRoom reports whether a line may be a room ("Conference Room 7", "WS 4 –
// Room B-1"): short, one phrase, not a sentence.
func isRoom(text string) bool {
	return len(text) <= 60 && len(strings.Fields(text)) <= 8 && !strings.ContainsAny(text, ":?!;,") &&
		!strings.HasSuffix(text, ".") && !igfMinutes.MatchString(text)
}

// nameLike reports whether text may be a person's name alone: two to six
// words, each starting with a letter that is not lower case (or a particle
// such as "de" or "bin"), without digits or the punctuation of a sentence
// or a label.
func nameLike(text string) bool {
	if len(text) > 60 || strings.ContainsAny(text, ":;?!,()[]/&@#0123456789") || strings.Contains(text, igfLock) {
		return false
	}
	w := strings.Fields(text)
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	if _, ok := igfHeadings[fold(text)]; ok {
		return false
	}
	for _, word := range w {
		r := []rune(word)[0]
		if unicode.IsLower(r) && !igfParticles[strings.ToLower(word)] {
			return false
		}
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return !isFormatName(text) && !igfRoomy.MatchString(text)
}

// igfParticles are the lower-case words names hold.
var igfParticles = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true,
	"di": true, "du": true, "van": true, "von": true, "der": true, "den": true, "ter": true, "bin": true, "binti": true,
	"bint": true, "al": true, "el": true, "la": true, "le": true, "y": true, "e": true, "ibn": true, "ben": true}

// blankLocks returns text with each comma-separated field that holds a
// lock shown as the lock alone, keeping a line's label: "Speaker 3: Jane
// Doe 🔒, Government" becomes "Speaker 3: 🔒, Government", as a warning may
// show the line. A locked organization may hold commas ("🔒SecretOrg,
// Inc."): what follows a locked field that starts with the lock and is no
// group is blanked up to the next group.
func blankLocks(text string) string {
	if !strings.Contains(text, igfLock) {
		return text
	}
	parts := strings.Split(text, ",")
	inOrg := false
	for i, part := range parts {
		label := ""
		if i == 0 {
			if k := strings.Index(part, ":"); k >= 0 && !strings.Contains(part[:k], igfLock) {
				label, part = part[:k+1]+" ", part[k+1:]
			}
		}
		v, locked := unlock(part)
		if inOrg && !locked && !isGroup(v) {
			parts[i] = " " + igfLock
			continue
		}
		inOrg = false
		if locked {
			parts[i] = label + igfLock
			if i > 0 && strings.HasPrefix(strings.TrimSpace(part), igfLock) && !isGroup(v) {
				inOrg = true
			}
			if i > 0 {
				parts[i] = " " + igfLock
			}
		}
	}
	return strings.Join(parts, ",")
}

// unlock returns a field of a line without the lock, and whether it had one.
func unlock(field string) (string, bool) {
	if !strings.Contains(field, igfLock) {
		return strings.TrimSpace(field), false
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(field, igfLock, " ")), " "), true
}

// isGroup reports whether a field is a stakeholder or regional group.
func isGroup(v string) bool {
	if v == "" {
		return false
	}
	_, err1 := stakeholders.parse(v)
	_, err2 := regions.parse(v)
	return err1 == nil || err2 == nil
}
