package agenda

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// problemLines returns the message of every problem joined in err.
func problemLines(err error) []string {
	var lines []string
	for _, e := range unjoin(err) {
		lines = append(lines, e.Error())
	}
	return lines
}

// leaks returns the secrets that appear in any of the lines, compared
// ignoring case: an independent check of what Hidden promises.
func leaks(lines []string, secrets []string) []string {
	var found []string
	for _, l := range lines {
		for _, sec := range secrets {
			if strings.Contains(strings.ToLower(l), strings.ToLower(sec)) {
				found = append(found, fmt.Sprintf("%q in %q", sec, l))
			}
		}
	}
	return found
}

// TestValidateHidesNames checks the sessions of issue 13, item 2: their
// problems name no one whose name the outputs may not show, and still say
// which field is wrong.
func TestValidateHidesNames(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		redact  bool     // the problems as an output that leaves names out shows them
		secrets []string // text no problem may show
		fields  []string // the fields of the problems, in order
		reason  string
	}{
		{
			name:    "Unattributed",
			file:    "02_unattributed_validation_leak.json",
			secrets: []string{"Priya", "Nomode", "quentin", "Ghost", "Unknownperson", "Zelda", "SecretOrgX", "NoModeOrg"},
			fields:  []string{"people[2].mode", "people[4].name", "segments[0].speakers[2]"},
			reason:  "an unattributed session shows no names, not even in its problems: 'whether Priya Nomode is onsite or online' was printed",
		},
		{
			name:    "PrivateName",
			file:    "02_private_name_validation_leak.json",
			secrets: []string{"Priya", "Privname", "PrivOrgY", "Zelda"},
			fields:  []string{"people[2].mode"},
			reason:  "a name marked private is not shown in a problem about its person",
		},
		{
			name:    "Redacted",
			file:    "02_named_invalid_for_redact.json",
			redact:  true,
			secrets: []string{"Priya", "Nomode", "quentin", "Ghost", "Unknownperson"},
			fields:  []string{"people[2].mode", "people[4].name", "segments[0].speakers[2]"},
			reason:  "Redact hides every name, for runofshow -redact",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readTestSession(t, filepath.Join("testdata", "privacy", tt.file))
			err := s.Validate()
			if tt.redact {
				err = Redact(err)
			}
			var fields []string
			for _, e := range unjoin(err) {
				var ve *ValidationError
				if !errors.As(e, &ve) {
					t.Fatalf("problem %v is not a *ValidationError", e)
				}
				fields = append(fields, ve.Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields: mismatch (-want +got):\n%s", diff)
			}
			if found := leaks(problemLines(err), tt.secrets); len(found) > 0 {
				t.Errorf("problems show what they may not (%s):\n%s", tt.reason, strings.Join(found, "\n"))
			}
		})
	}
}

// TestRedact checks that Redact hides the names of a named session's
// problems, keeps the rest, and leaves other errors as they are.
func TestRedact(t *testing.T) {
	if Redact(nil) != nil {
		t.Errorf("Redact(nil) != nil")
	}
	other := errors.New("other")
	if got := Redact(other); got != other {
		t.Errorf("Redact(other) = %v, want it unchanged", got)
	}
	name := &ValidationError{Field: "people[1].name", Value: "Ana", Err: errDuplicate, Personal: true}
	room := &ValidationError{Field: "room", Value: "R\x00", Err: errText}
	got := problemLines(Redact(errors.Join(name, room, other)))
	want := []string{
		`agenda: people[1].name (hidden): listed twice`,
		`agenda: room "R\x00": text holds a character it may not`,
		"other",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if name.Hidden {
		t.Errorf("Redact changed the problem it was given")
	}
}

// TestValidateHidesSecretsRandom is the property behind
// TestValidateHidesNames, on random sessions with a fixed seed: people
// with private or unattributed names and organizations, and every kind
// of problem that may quote one (a duplicate, a missing mode, a name not
// among the people that spells a private one with more words, a control
// character, a double booking, a private zone or group that is not
// valid). No problem shows a secret; under Redact, no problem shows any
// name or organization.
func TestValidateHidesSecretsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	word := func() string {
		b := []byte("zq")
		for range 6 {
			b = append(b, byte('a'+rng.IntN(26)))
		}
		return string(b)
	}
	for n := range 300 {
		s := &Session{Title: "T", Format: FormatHybrid, Slot: validSession().Slot}
		if rng.IntN(3) == 0 {
			s.Attribution = "unattributed"
		}
		var secrets, all []string
		count := 2 + rng.IntN(6)
		for i := range count {
			p := Person{Name: word() + " " + word(), Organization: word(), Roles: []Role{RoleSpeaker}}
			if i == 0 {
				p.Roles = []Role{RoleModerator, RoleOnlineModerator}
			}
			if rng.IntN(2) == 0 {
				p.Mode = ModeOnline
			}
			for _, f := range []string{"name", "organization", "zone", "stakeholder"} {
				if rng.IntN(2) == 0 {
					p.Private = append(p.Private, f)
				}
			}
			if slices.Contains(p.Private, "zone") && rng.IntN(2) == 0 {
				p.Zone = "Mars/" + word()
				secrets = append(secrets, p.Zone)
			}
			if slices.Contains(p.Private, "stakeholder") && rng.IntN(2) == 0 {
				p.Stakeholder = Stakeholder(word())
				secrets = append(secrets, string(p.Stakeholder))
			}
			if rng.IntN(4) == 0 {
				p.Name += "\x07"
			}
			if rng.IntN(4) == 0 {
				p.Organization += "\u202e"
			}
			for _, w := range strings.Fields(p.Name) {
				w = strings.TrimSuffix(w, "\x07")
				all = append(all, w)
				if !s.Named() || slices.Contains(p.Private, "name") {
					secrets = append(secrets, w)
				}
			}
			org := strings.TrimSuffix(p.Organization, "\u202e")
			all = append(all, org)
			if !s.Named() || slices.Contains(p.Private, "organization") {
				secrets = append(secrets, org)
			}
			s.People = append(s.People, p)
		}
		// A duplicate in another case, of anyone.
		of := s.People[rng.IntN(len(s.People))]
		s.People = append(s.People, Person{Name: strings.ToUpper(of.Name), Roles: []Role{RoleSpeaker}, Mode: of.Mode})
		var names []string
		for _, p := range s.People {
			names = append(names, p.Name)
		}
		// A name not among the people that holds someone's, and two
		// parallel segments that share everyone.
		ghost := "Dr " + s.People[rng.IntN(count)].Name + " (chair)"
		s.Segments = []Segment{
			{Title: "A", Kind: kindBreakout, Length: 30 * time.Minute, Track: "A", Speakers: append(names, ghost)},
			{Title: "B", Kind: kindBreakout, Length: 30 * time.Minute, Track: "B", Speakers: names},
		}
		lines := problemLines(s.Validate())
		if len(lines) == 0 {
			t.Fatalf("session %d: no problems", n)
		}
		if found := leaks(lines, secrets); len(found) > 0 {
			t.Fatalf("session %d (attribution %q): problems show secrets:\n%s", n, s.Attribution, strings.Join(found, "\n"))
		}
		if found := leaks(problemLines(Redact(s.Validate())), all); len(found) > 0 {
			t.Fatalf("session %d: redacted problems show names or organizations:\n%s", n, strings.Join(found, "\n"))
		}
	}
}

// refused is an oracle for what free text may hold, written from the
// package doc with package unicode rather than from badRune's ranges.
func refused(r rune, lines bool) bool {
	switch {
	case lines && (r == '\n' || r == '\t'):
		return false
	case unicode.Is(unicode.Cc, r):
		return true
	case unicode.In(r, unicode.Bidi_Control) && r != 0x061c && r != 0x200e && r != 0x200f:
		return true // the embeddings, overrides and isolates; the marks are harmless
	case unicode.In(r, unicode.Noncharacter_Code_Point):
		return true
	}
	return false
}

// TestValidateText checks the rule for free text of the package doc,
// "Text", on every field that holds free text, against an oracle: a
// character is refused with the field path and the character as U+XXXX
// exactly when the doc says so.
func TestValidateText(t *testing.T) {
	fields := []struct {
		path  string
		lines bool
		set   func(s *Session, text string)
	}{
		{"title", false, func(s *Session, x string) { s.Title = x }},
		{"room", false, func(s *Session, x string) { s.Room = x }},
		{"notes", true, func(s *Session, x string) { s.Notes = x }},
		{"people[0].name", false, func(s *Session, x string) {
			s.People[0].Name = x
			for i := range s.Segments {
				for k, f := range s.Segments[i].Facilitators {
					if f == "Ana Moderator" {
						s.Segments[i].Facilitators[k] = x
					}
				}
			}
		}},
		{"people[1].organization", false, func(s *Session, x string) { s.People[1].Organization = x }},
		{"people[1].country", false, func(s *Session, x string) { s.People[1].Country = x }},
		{"people[1].gender", false, func(s *Session, x string) { s.People[1].Gender = x }},
		{`people[1].labels["age"]`, false, func(s *Session, x string) { s.People[1].Labels = map[string]string{"age": x} }},
		{"segments[0].title", false, func(s *Session, x string) { s.Segments[0].Title = x }},
		{"questions[0].text", false, func(s *Session, x string) { s.Questions = []Question{{ID: "A", Text: x}} }},
		{"deadlines[0].what", false, func(s *Session, x string) {
			s.Deadlines = []Deadline{{What: x, Due: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}
		}},
	}
	runes := []rune{0, '\t', '\n', '\r', 0x1b, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 'é', 0x200e, 0x202a, 0x202e, 0x2066, 0x2069, 0x206a,
		0xfdd0, 0xfdef, 0xfdf0, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x1fffe, 0x10ffff, 0x1f512}
	for _, f := range fields {
		for _, r := range runes {
			s := validSession()
			f.set(s, "Ab"+string(r)+"c")
			var got *ValidationError
			for _, e := range unjoin(s.Validate()) {
				var ve *ValidationError
				if errors.As(e, &ve) && errors.Is(ve, errText) && ve.Field == f.path {
					got = ve
				}
			}
			want := refused(r, f.lines)
			switch {
			case want && got == nil:
				t.Errorf("%s holding U+%04X: no errText, want one", f.path, r)
			case !want && got != nil:
				t.Errorf("%s holding U+%04X: %v, want no errText", f.path, r, got)
			case got != nil:
				if got.Field != f.path || !strings.Contains(got.Reason, fmt.Sprintf("U+%04X at byte 2", r)) {
					t.Errorf("%s holding U+%04X: field %q, detail %q; want the field and the character", f.path, r, got.Field, got.Reason)
				}
				if !utf8.ValidString(got.Error()) || strings.ContainsRune(got.Error(), r) {
					t.Errorf("%s holding U+%04X: the message %q holds the character raw", f.path, r, got.Error())
				}
			}
		}
	}
	s := validSession()
	s.People[1].Organization = "Org\xff"
	if err := s.Validate(); !errors.Is(err, errText) || !strings.Contains(err.Error(), `byte 3 is invalid UTF-8 (byte 0xFF)`) {
		t.Errorf("invalid UTF-8: %v, want errText naming the byte", err)
	}
}

// TestValidateTextRepro checks the sessions of issue 13 that put control
// characters and newlines in names, titles, rooms and organizations: each
// is refused with errText, naming the fields.
func TestValidateTextRepro(t *testing.T) {
	tests := []struct {
		file   string
		fields []string // some of the fields refused
	}{
		{"07_svg_control_char.json", []string{"people[5].name", "segments[1].speakers[3]"}},
		{"08_text_forged_turn.json", []string{"people[1].name", "segments[0].speakers[0]"}},
		{"10_injection_suite.json", []string{"title", "room", "people[1].organization"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := readTestSession(t, filepath.Join("testdata", "privacy", tt.file))
			got := map[string]bool{}
			for _, e := range unjoin(s.Validate()) {
				var ve *ValidationError
				if errors.As(e, &ve) && errors.Is(ve, errText) {
					got[ve.Field] = true
				}
			}
			for _, f := range tt.fields {
				if !got[f] {
					t.Errorf("%s: no errText for %s; got %v", tt.file, f, got)
				}
			}
		})
	}
}

// TestValidateYear checks issue 13, item 9: a slot that starts or ends
// outside the years 0001–9999 is refused, naming slot.start or slot.length
// and the value.
func TestValidateYear(t *testing.T) {
	s := readTestSession(t, filepath.Join("testdata", "privacy", "09_year10000_json_ics.json"))
	want := []string{`agenda: slot.length "1h": time outside the years 0001–9999: the slot ends in year 10000`}
	if diff := cmp.Diff(want, problemLines(s.Validate())); diff != "" {
		t.Errorf("09_year10000_json_ics.json: mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		name  string
		start time.Time
		field string // "" for no problem
	}{
		{"LastSlotOf9999", time.Date(9999, 12, 31, 22, 0, 0, 0, time.UTC), ""},
		{"EndsAtMidnight10000", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), "slot.length"},
		{"StartsIn10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "slot.start"},
		{"StartsInYear0", time.Date(0, 12, 31, 12, 0, 0, 0, time.UTC), "slot.start"},
		{"Year1InUTCButNotLocally", time.Date(1, 1, 1, 0, 30, 0, 0, time.FixedZone("W", -3600)), ""},
		{"Year1LocallyButNotInUTC", time.Date(1, 1, 1, 0, 30, 0, 0, time.FixedZone("E", 3600)), "slot.start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSession()
			s.Slot.Start = tt.start
			var got string
			for _, e := range unjoin(s.Validate()) {
				var ve *ValidationError
				if errors.As(e, &ve) && errors.Is(ve, errYear) {
					got = ve.Field
				}
			}
			if got != tt.field {
				t.Errorf("start %v: errYear on %q, want %q", tt.start, got, tt.field)
			}
		})
	}
}

// readTestSession decodes a session file.
func readTestSession(t *testing.T, file string) *Session {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
