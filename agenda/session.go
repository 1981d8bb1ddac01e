package agenda

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Session is a draft session: who takes part, the segments it runs through,
// and the slot it is given. Its zero value is an empty draft; [Session.Validate]
// says what it still lacks.
type Session struct {
	// ID is a stable identity of the session that its title and slot can
	// change around, such as the IGF's "IGF 2022 WS #123"; calendars take
	// the UIDs of its events from it (see render.ICS). Empty means none.
	ID     string `json:"id,omitempty"`
	Title  string `json:"title"`
	Format Format `json:"format"`
	// Attribution says whether what is said may be attributed to the
	// people who said it: "named" (or empty) or "unattributed", a session
	// whose outputs show groups and roles but never names or organizations.
	// Decoding also accepts "attributed", "not attributed", "anonymous",
	// "confidential" and "Chatham House" and stores the rule they spell;
	// Validate refuses any other value.
	Attribution string        `json:"attribution,omitempty"`
	Room        string        `json:"room,omitempty"`
	Slot        timeslot.Slot `json:"slot"`
	People      []Person      `json:"people,omitempty"`
	Segments    []Segment     `json:"segments,omitempty"`
	Questions   []Question    `json:"questions,omitempty"` // policy questions the segments refer to
	Attendance  Attendance    `json:"attendance,omitzero"`
	Deadlines   []Deadline    `json:"deadlines,omitempty"` // what is due after the session, such as key takeaways
	Notes       string        `json:"notes,omitempty"`     // free text carried from the source
}

// Person is someone who takes part in a session in one or more roles.
// People are identified by name: two people in one session cannot share a
// name, and segments refer to people by name.
type Person struct {
	Name         string      `json:"name"`
	Organization string      `json:"organization,omitempty"`
	Roles        []Role      `json:"roles"`
	Stakeholder  Stakeholder `json:"stakeholder,omitempty"`
	Region       Region      `json:"region,omitempty"`
	Country      string      `json:"country,omitempty"`
	Mode         Mode        `json:"mode,omitempty"`
	Gender       string      `json:"gender,omitempty"` // as the person states it, such as "woman" or "man"
	Zone         string      `json:"zone,omitempty"`   // IANA time zone, such as "Asia/Tokyo", for showing local times

	// Labels are custom dimensions, such as {"age": "youth"}, that a policy
	// can balance like the built-in groups.
	Labels map[string]string `json:"labels,omitempty"`

	// Private lists the fields the source marks private (with a lock on
	// IGF pages) by their JSON names: "name", "organization",
	// "stakeholder", "region", "country", "gender" or "zone". Their values
	// may be known, but no output shows them. Decoding also accepts
	// "organisation", "stakeholder group", "regional group" and "time zone"
	// (in any case, and with hyphens or underscores for spaces) and stores
	// the name; Validate refuses any other entry.
	Private []string `json:"private,omitempty"`
}

// Segment is one timed part of a session.
type Segment struct {
	// ID is a stable identity of the segment within its session, such as
	// "opening", that its title, length and place can change around;
	// calendars take the UID of its event from it. Empty means none.
	ID    string      `json:"id,omitempty"`
	Title string      `json:"title"`
	Kind  SegmentKind `json:"kind"`

	// Track is the parallel track the segment runs in. Consecutive segments
	// with tracks run side by side (see [timeslot.Slot.Place]); an empty
	// Track is a plenary segment.
	Track string `json:"track,omitempty"`

	Speakers     []string `json:"speakers,omitempty"`     // names of the people who speak, in the order given
	Facilitators []string `json:"facilitators,omitempty"` // names of the people who moderate or facilitate it
	Questions    []string `json:"questions,omitempty"`    // IDs of the policy questions it takes up

	Length time.Duration `json:"length"` // written as a string such as "40m"
}

// Question is a policy question a session sets out to answer.
type Question struct {
	ID   string `json:"id"` // short label such as "A"
	Text string `json:"text"`
}

// Deadline is something due by a moment, such as the key takeaways of an
// IGF session, due at the end of the session day.
type Deadline struct {
	What string    `json:"what"`
	Due  time.Time `json:"due"`
}

// Attendance is what a session report says about who attended, such as "25
// people, including 6 women" and "2 participants connected remotely". Zero
// means not reported.
type Attendance struct {
	People int `json:"people,omitempty"`
	Women  int `json:"women,omitempty"`
	Online int `json:"online,omitempty"`
}

// Named reports whether the session's outputs may show names and
// organizations.
func (s *Session) Named() bool { return s.Attribution != attributionNone }

// Roster finds a session's people by name, matched as [Session.Validate]
// matches names: ignoring case, surrounding space and the kind of apostrophe
// (see [NameKey]). An empty name names nobody, even in a session with a
// nameless person. It finds a name in constant time, so a caller that looks
// up many names, such as a planner or a renderer going through every turn,
// makes one roster. A roster shows the people as they were when it was made.
type Roster struct {
	people []Person
	first  map[string]int // name key -> index of the first person with it
}

// Roster returns the roster of the session's people.
func (s *Session) Roster() *Roster {
	r := &Roster{people: s.People, first: make(map[string]int, len(s.People))}
	for i := len(s.People) - 1; i >= 0; i-- {
		if key := NameKey(s.People[i].Name); key != "" {
			r.first[key] = i
		}
	}
	return r
}

// Index returns the index in Session.People of the first person called
// name, or -1 if nobody is.
func (r *Roster) Index(name string) int {
	i, ok := -1, false
	switch {
	case isKey(name):
		i, ok = r.first[name]
	case ascii(name):
		// A planner looks up every name of every segment: the key of an
		// ASCII name is folded on the stack, and a map lookup of a
		// converted byte slice copies nothing.
		var buf [64]byte
		i, ok = r.first[string(appendASCIIKey(buf[:0], name))]
	default:
		i, ok = r.first[NameKey(name)]
	}
	if !ok {
		return -1
	}
	return i
}

// Person returns the first person called name, and whether there is one.
func (r *Roster) Person(name string) (*Person, bool) {
	if i := r.Index(name); i >= 0 {
		return &r.people[i], true
	}
	return nil, false
}

// Plan places the segments on the slot, in order, and returns when each
// starts and ends.
func (s *Session) Plan() timeslot.Plan {
	blocks := make([]timeslot.Block, len(s.Segments))
	for i, seg := range s.Segments {
		blocks[i] = timeslot.Block{Length: seg.Length, Track: seg.Track}
	}
	return s.Slot.Place(blocks)
}

// NameKey returns the form in which names are compared: two names with the
// same key are the same person. The key ignores case, surrounding space, runs
// of spaces and the kind of apostrophe, so "Tupou’tuah" and "tupou'tuah"
// agree, and is in Unicode normalisation form NFC, so a name typed with a
// combining accent ("Ru\u0308ckheim") is the name written with the accented
// letter ("Rückheim").
func NameKey(name string) string {
	if isKey(name) {
		return name
	}
	if ascii(name) {
		var buf [64]byte // one allocation, the string's, for a name of up to 64 bytes
		return string(appendASCIIKey(buf[:0], name))
	}
	var b strings.Builder
	b.Grow(len(name))
	space := false // a space is pending between words
	for _, r := range norm.NFC.String(name) {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '’' || r == '‘':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	// Lower case can undo NFC: "Y\u030A" has no composed form, but its
	// lower case "y\u030A" composes to "ẙ". Normalising again makes the key
	// its own key, the same for both.
	return norm.NFC.String(b.String())
}

// appendASCIIKey appends the key of name, which is all ASCII, to dst:
// lower case, with no space around it and single spaces inside.
func appendASCIIKey(dst []byte, name string) []byte {
	start, space := len(dst), false // a space is pending between words
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == ' ' || ('\t' <= c && c <= '\r'):
			space = len(dst) > start
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	return dst
}

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isKey reports whether name is already its own key, which is the common
// case for names looked up many times.
func isKey(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') || (c != ' ' && c <= ' ') || (c == ' ' && (i == 0 || i == len(name)-1 || name[i-1] == ' ')) {
			return false
		}
	}
	return true
}
