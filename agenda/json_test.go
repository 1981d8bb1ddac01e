package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// seedFile is the sample session of the examples.
var seedFile = filepath.Join("..", "examples", "seeds", "cyber-diplomacy-roundtable.json")

// zurich is a scheduled session in a named zone, with every kind of field set.
const zurich = `{
  "title": "Hybrid norms lab",
  "format": "Hybrid",
  "attribution": "Chatham House",
  "room": "Room 3",
  "slot": {"start": "2024-06-18T14:00:00+02:00", "zone": "Europe/Zurich", "length": "90 minutes"},
  "people": [
    {"name": "Ana Moderator", "organization": "ECCRI", "roles": ["Organiser", "Chair"], "stakeholder": "civil society",
     "region": "Western European and Others Group (WEOG)", "country": "Switzerland", "mode": "in person", "gender": "woman",
     "zone": "Europe/Zurich", "labels": {"age": "youth", "language": "fr"}, "private": ["organisation", "gender"]},
    {"name": "Ben Online", "roles": ["remote moderator"], "stakeholder": "IGO", "region": "Intergovernmental Organization", "mode": "remote"}
  ],
  "segments": [
    {"title": "Welcome", "kind": "Welcome and Introduction", "length": "5 min", "facilitators": ["Ana Moderator"]},
    {"title": "Breakout A", "kind": "Break-out discussion", "length": "40m", "track": "A", "speakers": ["Ana Moderator"], "questions": ["Q1"]},
    {"title": "Breakout B", "kind": "breakout", "length": "40m", "track": "B", "facilitators": ["Ben Online"]},
    {"title": "Wrap-up", "kind": "Conclusion", "length": "1 hour 30 minutes"}
  ],
  "questions": [{"id": "Q1", "text": "What next?"}],
  "attendance": {"people": 25, "women": 6, "online": 2},
  "notes": "Tags <b> & entities stay as they are."
}`

// decodeString decodes a session from s.
func decodeString(t *testing.T, s string) *Session {
	t.Helper()
	got, err := Decode(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return got
}

// roundTrip checks that s encodes, decodes to an equal session, and encodes
// again to the same bytes. It returns the first encoding.
func roundTrip(t *testing.T, s *Session) []byte {
	t.Helper()
	first, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	back, err := Decode(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("Decode(json.Marshal(s)): %v\n%s", err, first)
	}
	if diff := cmp.Diff(s, back); diff != "" {
		t.Errorf("Decode(json.Marshal(s)) differs from s:\nmismatch (-want +got):\n%s", diff)
	}
	second, err := json.Marshal(back)
	if err != nil {
		t.Fatalf("json.Marshal of the decoded session: %v", err)
	}
	if diff := cmp.Diff(string(first), string(second)); diff != "" {
		t.Errorf("second encoding differs from the first:\nmismatch (-want +got):\n%s", diff)
	}
	return first
}

func TestDecodeSeed(t *testing.T) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	s := decodeString(t, string(data))

	if want := "Cyber diplomacy in action: Europe and the Middle East"; s.Title != want {
		t.Errorf("Title = %q, want %q", s.Title, want)
	}
	if s.Format != FormatHybrid || s.Slot.Length != 90*time.Minute || s.Slot.Scheduled() {
		t.Errorf("Format, Slot = %q, %v; want hybrid, 90 minutes, not scheduled", s.Format, s.Slot)
	}
	var names []string
	for _, p := range s.People {
		names = append(names, p.Name)
	}
	wantNames := []string{"James Shires", "Fasya Teixeira", "Elena Rückheim", "Nadher Alsafvani", "Bassant Hassib", "Droz Serge", "Noora Fetais"}
	if diff := cmp.Diff(wantNames, names); diff != "" {
		t.Errorf("people:\nmismatch (-want +got):\n%s", diff)
	}
	wantFasya := Person{
		Name: "Fasya Teixeira", Organization: "Centre for Humanitarian Dialogue",
		Roles:       []Role{RoleOrganizer, RoleSpeaker, RoleOnlineModerator},
		Stakeholder: stakeholderCivilSociety, Region: regionIntergovernmental, Mode: ModeOnline,
	}
	if diff := cmp.Diff(wantFasya, s.People[1]); diff != "" {
		t.Errorf("people[1]:\nmismatch (-want +got):\n%s", diff)
	}
	if s.People[0].Region != regionWEOG {
		t.Errorf("people[0].Region = %q, want %q from the long spelling", s.People[0].Region, regionWEOG)
	}
	var lengths []time.Duration
	for _, seg := range s.Segments {
		lengths = append(lengths, seg.Length)
	}
	m := time.Minute
	if diff := cmp.Diff([]time.Duration{10 * m, 20 * m, 20 * m, 20 * m, 20 * m}, lengths); diff != "" {
		t.Errorf("segment lengths:\nmismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"A"}, s.Segments[1].Questions); diff != "" {
		t.Errorf("segments[1].Questions:\nmismatch (-want +got):\n%s", diff)
	}
	if len(s.Questions) != 3 || s.Questions[2].ID != "C" {
		t.Errorf("Questions = %+v, want A, B and C", s.Questions)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("the seed does not validate: %v", err)
	}
	roundTrip(t, s)
}

func TestDecodeRoundTrip(t *testing.T) {
	s := decodeString(t, zurich)

	if got := s.Slot.Start.Location().String(); got != "Europe/Zurich" {
		t.Errorf("slot location = %q, want %q", got, "Europe/Zurich")
	}
	if got, want := s.Slot.Start, time.Date(2024, 6, 18, 12, 0, 0, 0, time.UTC); !got.Equal(want) || got.Hour() != 14 {
		t.Errorf("slot start = %v, want %v shown as 14:00 in Zurich", got, want)
	}
	want := &Session{
		Title: "Hybrid norms lab", Format: FormatHybrid, Attribution: "unattributed", Room: "Room 3",
		Slot: timeslot.Slot{Start: time.Date(2024, 6, 18, 12, 0, 0, 0, time.UTC), Length: 90 * time.Minute},
		People: []Person{
			{Name: "Ana Moderator", Organization: "ECCRI", Roles: []Role{RoleOrganizer, RoleModerator}, Stakeholder: stakeholderCivilSociety,
				Region: regionWEOG, Country: "Switzerland", Mode: ModeOnsite, Gender: "woman", Zone: "Europe/Zurich",
				Labels: map[string]string{"age": "youth", "language": "fr"}, Private: []string{"organization", "gender"}},
			{Name: "Ben Online", Roles: []Role{RoleOnlineModerator}, Stakeholder: stakeholderIntergovernmental,
				Region: regionIntergovernmental, Mode: ModeOnline},
		},
		Segments: []Segment{
			{Title: "Welcome", Kind: kindOpening, Length: 5 * time.Minute, Facilitators: []string{"Ana Moderator"}},
			{Title: "Breakout A", Kind: kindBreakout, Length: 40 * time.Minute, Track: "A", Speakers: []string{"Ana Moderator"}, Questions: []string{"Q1"}},
			{Title: "Breakout B", Kind: kindBreakout, Length: 40 * time.Minute, Track: "B", Facilitators: []string{"Ben Online"}},
			{Title: "Wrap-up", Kind: kindClosing, Length: 90 * time.Minute},
		},
		Questions:  []Question{{ID: "Q1", Text: "What next?"}},
		Attendance: Attendance{People: 25, Women: 6, Online: 2},
		Notes:      "Tags <b> & entities stay as they are.",
	}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Decode:\nmismatch (-want +got):\n%s", diff)
	}

	encoded := roundTrip(t, s)
	for _, part := range []string{
		`"slot":{"start":"2024-06-18T14:00:00+02:00","zone":"Europe/Zurich","length":"1h30m"}`,
		`"format":"hybrid"`, `"attribution":"unattributed"`, `"region":"WEOG"`, `"roles":["organizer","moderator"]`,
		`"kind":"opening"`, `"length":"5m"`, `"length":"40m"`, `"private":["organization","gender"]`,
	} {
		if !bytes.Contains(encoded, []byte(part)) {
			t.Errorf("encoding lacks %s:\n%s", part, encoded)
		}
	}
	back := decodeString(t, string(encoded))
	if got := back.Slot.Start.Location().String(); got != "Europe/Zurich" {
		t.Errorf("after a round trip the slot location is %q, want %q", got, "Europe/Zurich")
	}
}

func TestRoundTripBuiltInGo(t *testing.T) {
	tests := []struct {
		name   string
		s      *Session
		reason string
	}{
		{"Valid", validSession(), "the session of the validation tests"},
		{"Breakouts", func() *Session { s := validSession(); withBreakouts(s); return s }(), "tracks survive"},
		{"Seed004", seed004(90 * time.Minute), "an unscheduled slot"},
		{"Odd lengths", &Session{Title: "x", Slot: timeslot.Slot{Length: 90*time.Minute + 1500*time.Millisecond},
			Segments: []Segment{{Title: "a", Length: 1}, {Title: "b", Length: 36 * time.Hour}}},
			"lengths with fractions of a second are written so they read back exactly"},
		{"Zero", &Session{}, "the empty draft"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roundTrip(t, tt.s)
		})
	}
}

func TestDecodeNull(t *testing.T) {
	s := decodeString(t, "null")
	if diff := cmp.Diff(&Session{}, s); diff != "" {
		t.Errorf("Decode(null), as encoding/json reads null:\nmismatch (-want +got):\n%s", diff)
	}
}

// Parts of the inputs of decodeErrorTests.
const (
	person  = `{"name": "A", "roles": ["speaker"]}`
	segment = `{"title": "S", "kind": "discussion", "length": "10m"}`
)

// decodeErrorTests are documents Decode refuses, and where it says the
// problem is.
var decodeErrorTests = []struct {
	name   string
	input  string
	path   string
	is     error // a wrapped error errors.Is must find, if any
	as     any   // a pointer to a type errors.As must find, if any
	reason string
}{
	{name: "PrivateNotAField", input: `{"people": [` + person + `, {"name": "B", "roles": ["speaker"], "private": ["zone", "email"]}]}`, path: "people[1].private[1]",
		as: new(*ParseError), reason: "an entry of private that spells no field is refused where it is"},
	{name: "ProgrammePrivate", input: `{"people": [{"name": "B", "roles": ["speaker"], "private": ["Time Zone", "e-mail"]}]}`, path: "people[0].private[1]",
		as: new(*ParseError), reason: "the spellings of the page are accepted, others are not"},
	{name: "AttributionSecret", input: `{"title": "T", "attribution": "secret"}`, path: "attribution",
		as: new(*ParseError), reason: "an attribution that spells no rule is refused"},
	{name: "UnknownTopLevel", input: `{"title": "T", "venue": "Kyoto"}`, path: "venue",
		reason: "a misspelt or unknown field is not silently dropped"},
	{name: "UnknownInPerson", input: `{"people": [` + person + `, {"nmae": "B", "roles": ["speaker"]}]}`, path: "people[1].nmae",
		reason: "the path gives the index of the list element"},
	{name: "UnknownInSegment", input: `{"segments": [` + segment + `, ` + segment + `, {"title": "S", "lenght": "10m"}]}`, path: "segments[2].lenght",
		reason: "segments decode through their own UnmarshalJSON, and the path still reaches into them"},
	{name: "UnknownInSlot", input: `{"slot": {"length": "90m", "strat": "2023-10-10T06:15:00Z"}}`, path: "slot",
		reason: "timeslot.Slot decodes itself, and its errors do not carry a path below the slot"},
	{name: "UnknownInQuestion", input: `{"questions": [{"id": "A", "txt": "?"}]}`, path: "questions[0].txt",
		reason: "every struct is strict"},
	{name: "UnknownInAttendance", input: `{"attendance": {"people": 5, "men": 3}}`, path: "attendance.men",
		reason: "every struct is strict"},
	{name: "TwiceTopLevel", input: `{"title": "A", "title": "B"}`, path: "title",
		reason: "encoding/json would keep the last silently"},
	{name: "TwiceInPerson", input: `{"people": [{"name": "A", "roles": [], "name": "B"}]}`, path: "people[0].name",
		reason: "a field given twice is refused at any depth"},
	{name: "TwiceInSlot", input: `{"slot": {"length": "90m", "length": "1h"}}`, path: "slot.length",
		reason: "duplicates are found before the slot decodes itself"},
	{name: "TwiceInLabels", input: `{"people": [{"name": "A", "labels": {"age": "youth", "age": "senior"}}]}`, path: "people[0].labels.age",
		reason: "maps too"},
	{name: "UnknownRegion", input: `{"people": [{"name": "A", "roles": ["speaker"], "region": "Europe"}]}`, path: "people[0].region",
		as: new(*ParseError), reason: "an unknown spelling is a *ParseError inside the *DecodeError"},
	{name: "UnknownRole", input: `{"people": [` + person + `, {"name": "B", "roles": ["speaker", "keynote"]}]}`, path: "people[1].roles[1]",
		as: new(*ParseError), reason: "the path reaches into lists of enumerations"},
	{name: "UnknownKind", input: `{"segments": [{"title": "S", "kind": "keynote", "length": "10m"}]}`, path: "segments[0].kind",
		as: new(*ParseError), reason: "enumerations inside segments"},
	{name: "RolesString", input: `{"people": [{"name": "A", "roles": "speaker"}]}`, path: "people[0].roles",
		reason: "a string is not a list of roles"},
	{name: "RegionNumber", input: `{"people": [{"name": "A", "region": 5}]}`, path: "people[0].region",
		reason: "an enumeration is a string"},
	{name: "TitleNumber", input: `{"title": 5}`, path: "title",
		reason: "strings are strings"},
	{name: "PeopleObject", input: `{"people": {"name": "A"}}`, path: "people",
		reason: "a list of people is a list"},
	{name: "LabelsList", input: `{"people": [{"name": "A", "labels": ["youth"]}]}`, path: "people[0].labels",
		reason: "labels are an object"},
	{name: "LabelNumber", input: `{"people": [{"name": "A", "labels": {"age": 30}}]}`, path: "people[0].labels.age",
		reason: "label values are strings"},
	{name: "LengthNumber", input: `{"segments": [{"title": "S", "length": 40}]}`, path: "segments[0].length",
		reason: "a bare number could be minutes or nanoseconds; lengths are strings"},
	{name: "LengthBad", input: `{"segments": [` + segment + `, {"title": "S", "length": "40 parsecs"}]}`, path: "segments[1].length",
		reason: "the length parser's error is kept"},
	{name: "LengthNegative", input: `{"segments": [{"title": "S", "length": "-5m"}]}`, path: "segments[0].length",
		reason: "lengths are never negative"},
	{name: "SlotLengthNumber", input: `{"slot": {"length": 90}}`, path: "slot",
		reason: "the slot's length is a string too"},
	{name: "StartNotRFC3339", input: `{"slot": {"start": "2023-10-10 06:15", "length": "90m"}}`, path: "slot",
		reason: "times are RFC 3339"},
	{name: "ZoneDisagrees", input: `{"slot": {"start": "2024-06-18T14:00:00+01:00", "zone": "Europe/Zurich", "length": "90m"}}`, path: "slot",
		reason: "Zurich is at +02:00 in June"},
	{name: "CountFraction", input: `{"attendance": {"people": 2.5}}`, path: "attendance.people",
		reason: "counts are whole numbers"},
	{name: "CountHuge", input: `{"attendance": {"people": 99999999999999999999}}`, path: "attendance.people",
		reason: "counts must fit an int"},
	{name: "CountString", input: `{"attendance": {"people": "25"}}`, path: "attendance.people",
		reason: "counts are numbers"},
	{name: "SyntaxInValue", input: `{"title": }`, path: "title",
		reason: "a syntax error names where it happened"},
	{name: "Truncated", input: `{"people": [{"name": "A"`, path: "people[0]",
		is: io.ErrUnexpectedEOF, reason: "a cut-off document"},
	{name: "TruncatedAfterComma", input: `{"title": "A",`, path: "",
		is: io.ErrUnexpectedEOF, reason: "the end of input inside an object is unexpected, not a clean io.EOF"},
	{name: "TruncatedInList", input: `{"people": [{"name": "A"}, `, path: "people[1]",
		is: io.ErrUnexpectedEOF, reason: "inside a list too"},
	{name: "TruncatedAfterKey", input: `{"title"`, path: "title",
		is: io.ErrUnexpectedEOF, reason: "a key without its value"},
	{name: "TrailingDocument", input: `{"title": "A"} {"title": "B"}`, path: "",
		reason: "one document only"},
	{name: "TrailingGarbage", input: `{"title": "A"} x`, path: "",
		reason: "nothing may follow the document"},
	{name: "Empty", input: ``, path: "",
		is: io.ErrUnexpectedEOF, reason: "no input is not a session"},
	{name: "Blank", input: " \n\t ", path: "",
		is: io.ErrUnexpectedEOF, reason: "white space is no input either"},
	{name: "TopLevelList", input: `[{"title": "A"}]`, path: "",
		reason: "a session is an object"},
	{name: "TopLevelString", input: `"session"`, path: "",
		reason: "a session is an object"},
	{name: "TooDeep", input: `{"notes": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
		path: "notes", reason: "a list nested where text belongs is refused at its field, however deep it goes"},
	{name: "TooDeepObjects", input: `{"people": [{"labels": ` + strings.Repeat(`{"a": `, 40) + `1` + strings.Repeat("}", 40) + `}]}`,
		path: "people[0].labels.a", reason: "an object nested where a label's text belongs is refused at the label"},
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range decodeErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Decode(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("Decode(%q) = %+v, nil; want an error at %q: %s", tt.input, s, tt.path, tt.reason)
			}
			if s != nil {
				t.Errorf("Decode returned a session with the error %v", err)
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode(%q) error %T %v, want a *DecodeError", tt.input, err, err)
			}
			if diff := cmp.Diff(tt.path, de.Field); diff != "" {
				t.Errorf("Decode(%q) path: %s\nmismatch (-want +got):\n%s\nerror: %v", tt.input, tt.reason, diff, err)
			}
			msg := err.Error()
			if want := "agenda: decoding " + tt.path; tt.path != "" && !strings.HasPrefix(msg, want+": ") {
				t.Errorf("error %q does not start with %q", msg, want+": ")
			}
			if tt.path == "" && !strings.HasPrefix(msg, "agenda: decoding: ") {
				t.Errorf("error %q does not start with %q", msg, "agenda: decoding: ")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			if tt.as != nil && !errors.As(err, tt.as) {
				t.Errorf("errors.As(%v, %T) = false", err, tt.as)
			}
		})
	}
}

func TestDecodeParseErrorDetails(t *testing.T) {
	_, err := Decode(strings.NewReader(`{"people": [{"name": "A", "roles": ["speaker"], "region": "Europe"}]}`))
	var perr *ParseError
	if !errors.As(err, &perr) {
		t.Fatalf("Decode error %v holds no *ParseError", err)
	}
	want := &ParseError{Type: "regional group", Value: "Europe", Valid: strs(regionAfrican, regionAsiaPacific, regionEasternEuropean, regionGRULAC, regionWEOG, regionIntergovernmental)}
	if diff := cmp.Diff(want, perr); diff != "" {
		t.Errorf("ParseError:\nmismatch (-want +got):\n%s", diff)
	}
	wantMsg := `agenda: decoding people[0].region: unknown regional group "Europe" (valid: African Group, Asia-Pacific Group, Eastern European Group, GRULAC, WEOG, Intergovernmental Organization)`
	if diff := cmp.Diff(wantMsg, err.Error()); diff != "" {
		t.Errorf("message:\nmismatch (-want +got):\n%s", diff)
	}
}

// spaces is an endless reader of spaces that counts the bytes it gives.
type spaces struct{ n int64 }

func (r *spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestDecodeTooLarge(t *testing.T) {
	r := new(spaces)
	s, err := Decode(r)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Decode(endless spaces) = %v, %v; want an error wrapping ErrTooLarge", s, err)
	}
	var de *DecodeError
	if !errors.As(err, &de) || de.Field != "" {
		t.Errorf("Decode(endless spaces) error %v, want a *DecodeError for the whole document", err)
	}
	if r.n != MaxBytes+1 {
		t.Errorf("Decode read %d bytes, want MaxBytes+1 = %d: enough to know the input is too long, and no more", r.n, MaxBytes+1)
	}

	t.Run("UnmarshalJSON", func(t *testing.T) {
		data := bytes.Repeat([]byte(" "), MaxBytes+1)
		copy(data, `{}`)
		s := Session{Title: "kept"}
		if err := s.UnmarshalJSON(data); !errors.Is(err, ErrTooLarge) {
			t.Errorf("UnmarshalJSON(MaxBytes+1 bytes) = %v, want ErrTooLarge", err)
		}
		if s.Title != "kept" {
			t.Errorf("a failed UnmarshalJSON changed the session")
		}
	})

	t.Run("AtTheLimit", func(t *testing.T) {
		data := bytes.Repeat([]byte(" "), MaxBytes)
		copy(data, `{"title": "edge"}`)
		s, err := Decode(bytes.NewReader(data))
		if err != nil || s.Title != "edge" {
			t.Errorf("Decode(MaxBytes bytes) = %+v, %v; want the session: the limit is inclusive", s, err)
		}
	})
}

// TestDecodeLargeStrings checks that the limit applies to the input, not to
// any re-encoding of it: characters such as < and & take six bytes when
// encoding/json writes them.
func TestDecodeLargeStrings(t *testing.T) {
	title := strings.Repeat("<&>", MaxBytes/4)
	input := `{"segments": [{"title": "` + title + `", "kind": "discussion", "length": "10m"}]}`
	if len(input) > MaxBytes {
		t.Fatalf("test input of %d bytes is over the limit", len(input))
	}
	s, err := Decode(strings.NewReader(input))
	if err != nil {
		t.Fatalf("Decode of %d bytes, under MaxBytes: %v", len(input), err)
	}
	if len(s.Segments) != 1 || s.Segments[0].Title != title {
		t.Errorf("the segment title did not survive decoding")
	}
}

// TestDecodeFirstUnknownField checks that of several unknown fields, the
// error names the first in the document, inside segments as elsewhere.
func TestDecodeFirstUnknownField(t *testing.T) {
	tests := []struct {
		name, input, path, reason string
	}{
		{"Session", `{"zeta": 1, "alpha": 2}`, "zeta", "the top level reads in document order"},
		{"Segment", `{"segments": [{"title": "S", "zeta": 1, "alpha": 2}]}`, "segments[0].zeta", "so do segments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.input))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode(%q) = %v, want a *DecodeError", tt.input, err)
			}
			if diff := cmp.Diff(tt.path, de.Field); diff != "" {
				t.Errorf("path: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSessionUnmarshalJSONKeepsSessionOnError(t *testing.T) {
	s := validSession()
	before := validSession()
	if err := json.Unmarshal([]byte(`{"title": "new", "people": [{"name": "A", "region": "Europe"}]}`), s); err == nil {
		t.Fatal("json.Unmarshal with an unknown region succeeded")
	}
	if diff := cmp.Diff(before, s); diff != "" {
		t.Errorf("a failed UnmarshalJSON changed the session:\nmismatch (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"title": "new"}`), s); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&Session{Title: "new"}, s); diff != "" {
		t.Errorf("UnmarshalJSON replaces all of the session:\nmismatch (-want +got):\n%s", diff)
	}
}

func TestSegmentJSON(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		want   Segment
		output string
		reason string
	}{
		{
			name:   "Minutes",
			input:  `{"title": "Breakout", "kind": "Break-out discussion", "length": "40m", "track": "A", "speakers": ["Ana"]}`,
			want:   Segment{Title: "Breakout", Kind: kindBreakout, Length: 40 * time.Minute, Track: "A", Speakers: []string{"Ana"}},
			output: `{"title":"Breakout","kind":"breakout","track":"A","speakers":["Ana"],"length":"40m"}`,
			reason: "a length of 40m reads and writes as 40m, and the kind as its canonical spelling",
		},
		{
			name:   "SpelledOut",
			input:  `{"title": "Plenary", "kind": "Plenary Q&A", "length": "1 hour 30 minutes", "questions": ["A"]}`,
			want:   Segment{Title: "Plenary", Kind: kindPlenary, Length: 90 * time.Minute, Questions: []string{"A"}},
			output: `{"title":"Plenary","kind":"plenary","questions":["A"],"length":"1h30m"}`,
			reason: "the spellings of session pages read, and write back short",
		},
		{
			name:   "Empty",
			input:  `{}`,
			want:   Segment{},
			output: `{"title":"","kind":"","length":"0s"}`,
			reason: "a zero length is written as 0s, which reads back",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Segment
			if err := json.Unmarshal([]byte(tt.input), &got); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", tt.input, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("json.Unmarshal: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			out, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("json.Marshal: %v", err)
			}
			if diff := cmp.Diff(tt.output, string(out)); diff != "" {
				t.Errorf("json.Marshal: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			var back Segment
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", out, err)
			}
			if diff := cmp.Diff(got, back); diff != "" {
				t.Errorf("round trip:\nmismatch (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("Strict", func(t *testing.T) {
		var seg Segment
		err := json.Unmarshal([]byte(`{"title": "S", "lenght": "40m"}`), &seg)
		var de *DecodeError
		if !errors.As(err, &de) || de.Field != "lenght" {
			t.Errorf("json.Unmarshal with a misspelt field = %v, want a *DecodeError at %q", err, "lenght")
		}
	})
}

// BenchmarkDecode decodes a session at the limits of people and segments,
// a document of about a megabyte: the strict decoder must read the largest
// input it accepts in milliseconds, not seconds.
func BenchmarkDecode(b *testing.B) {
	s := &Session{Title: "Crowded", Format: FormatHybrid, Slot: timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 90 * time.Minute}}
	for i := range MaxPeople {
		s.People = append(s.People, Person{Name: fmt.Sprintf("Person %d", i), Organization: "Org", Roles: []Role{RoleSpeaker},
			Stakeholder: stakeholderCivilSociety, Region: regionWEOG, Mode: ModeOnline, Labels: map[string]string{"age": "30-39"}})
	}
	for i := range MaxSegments {
		s.Segments = append(s.Segments, Segment{Title: fmt.Sprintf("Segment %d", i), Kind: kindDiscussion, Length: time.Minute,
			Speakers: []string{"Person 1", "Person 2"}})
	}
	data, err := json.Marshal(s)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDecodeAttributionSpellings(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"named", "named", "canonical"},
		{"unattributed", "unattributed", "canonical"},
		{"not attributed", "unattributed", "the words of the seed notes"},
		{"Chatham House", "unattributed", "the Chatham House rule means unattributed"},
		{"Attributed", "named", "case is folded"},
		{"", "", "not given"},
	}
	for _, tt := range tests {
		s, err := Decode(strings.NewReader(`{"title": "T", "attribution": "` + tt.in + `"}`))
		if err != nil {
			t.Fatalf("Decode attribution %q: %v (%s)", tt.in, err, tt.reason)
		}
		if s.Attribution != tt.want {
			t.Errorf("Decode attribution %q = %q, want %q (%s)", tt.in, s.Attribution, tt.want, tt.reason)
		}
	}
}
