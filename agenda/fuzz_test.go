package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/unicode/norm"
)

// FuzzDecode checks that no input makes Decode or Validate panic, that
// Decode's errors are *DecodeError values, and that whatever decodes
// round-trips through json.Marshal: it decodes again to an equal session,
// which encodes to the same bytes and has the same problems.
func FuzzDecode(f *testing.F) {
	if data, err := os.ReadFile(seedFile); err == nil {
		f.Add(data)
	}
	f.Add([]byte(zurich))
	for _, s := range []*Session{validSession(), seed004(90 * time.Minute), {}} {
		data, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tt := range decodeErrorTests {
		f.Add([]byte(tt.input))
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`{"slot": {"start": "2024-03-31T02:30:00+01:00", "zone": "Europe/Zurich", "length": "90m"}}`))
	f.Add([]byte(`{"people": [], "segments": [null], "questions": [{}], "attendance": {"people": -0}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(bytes.NewReader(data))
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode error %T %v, want a *DecodeError", err, err)
			}
			if s != nil {
				t.Fatalf("Decode returned a session with the error %v", err)
			}
			return
		}
		problemsBefore := problems(t, s.Validate())
		checkProblemsHide(t, s, s.Validate())

		first, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded session: %v", err)
		}
		back, err := Decode(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("Decode(json.Marshal(s)): %v\n%s", err, first)
		}
		// An empty list or map is left out of the encoding, and so comes
		// back nil: the same session.
		if diff := cmp.Diff(s, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Decode(json.Marshal(s)) differs from s:\nmismatch (-want +got):\n%s\nencoding: %s", diff, first)
		}
		if got, want := back.Slot.Start.Location().String(), s.Slot.Start.Location().String(); s.Slot.Scheduled() && got != want {
			t.Fatalf("slot location %q came back as %q", want, got)
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatalf("json.Marshal of the decoded encoding: %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("second encoding differs from the first:\nmismatch (-want +got):\n%s", cmp.Diff(string(first), string(second)))
		}
		if diff := cmp.Diff(problemsBefore, problems(t, back.Validate()), cmpopts.EquateErrors()); diff != "" {
			t.Fatalf("the round trip changed the problems:\nmismatch (-want +got):\n%s", diff)
		}
	})
}

// checkProblemsHide checks what ValidationError.Hidden promises: a hidden
// value is not in the message; a problem about a person's field that is
// private, or a name or organization of a session that is not attributed,
// is hidden; so is a name a segment gives that mentions a secret; and
// Redact hides every Personal one.
func checkProblemsHide(t *testing.T, s *Session, err error) {
	t.Helper()
	secrets := s.Secrets(false)
	for _, e := range unjoin(Redact(err)) {
		var ve *ValidationError
		if errors.As(e, &ve) && ve.Personal && !ve.Hidden {
			t.Fatalf("Redact left %v shown", ve)
		}
	}
	for _, e := range unjoin(err) {
		var ve *ValidationError
		if !errors.As(e, &ve) {
			continue
		}
		if ve.Hidden {
			if ve.Value != "" && strings.Contains(ve.Error(), strconv.Quote(ve.Value)) {
				t.Fatalf("%q shows its hidden value", ve.Error())
			}
			continue
		}
		var i int
		var f string
		if n, _ := fmt.Sscanf(ve.Field, "people[%d].%s", &i, &f); n == 2 && i < len(s.People) {
			field, ok := f, fields.check(f) == nil
			if ok && (slices.Contains(s.People[i].Private, field) || (!s.Named() && (field == "name" || field == "organization"))) {
				t.Fatalf("%q shows a value the outputs may not show", ve.Error())
			}
		}
		if ve.Personal && secrets.In(ve.Value) {
			t.Fatalf("%q shows a name that mentions a secret", ve.Error())
		}
	}
}

// FuzzParseEnums checks that no text makes a Parse function panic, that
// failures are *ParseError values naming the text, and that a parsed value
// writes with MarshalText as text that parses back to it.
func FuzzParseEnums(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.text)
	}
	for _, tt := range parseUnknownTests {
		f.Add(tt.text)
	}
	for _, e := range enumerations {
		for _, v := range e.values {
			f.Add(v)
		}
	}
	f.Add("")
	f.Add(" \t")
	f.Add("Tupou’tuah")

	f.Fuzz(func(t *testing.T, text string) {
		for _, e := range enumerations {
			got, err := e.parse(text)
			if err != nil {
				var perr *ParseError
				if !errors.As(err, &perr) {
					t.Fatalf("parse %s %q: error %T %v, want a *ParseError", e.name, text, err, err)
				}
				want := &ParseError{Type: e.name, Value: text, Valid: e.values}
				if diff := cmp.Diff(want, perr); diff != "" {
					t.Fatalf("parse %s %q:\nmismatch (-want +got):\n%s", e.name, text, diff)
				}
				if got != "" {
					t.Fatalf("parse %s %q = %q with an error, want the zero value", e.name, text, got)
				}
				continue
			}
			v := e.of(got)
			out, err := marshal(v)
			if err != nil {
				t.Fatalf("MarshalText(%q), parsed from %q: %v", got, text, err)
			}
			again, err := e.parse(string(out))
			if err != nil || again != got {
				t.Fatalf("parse %s %q = %q, which writes as %q, which parses as %q, %v", e.name, text, got, out, again, err)
			}
			u := e.newValue()
			if err := u.UnmarshalText([]byte(text)); err != nil || str(u) != got {
				t.Fatalf("UnmarshalText(%q) = %v, %q; want %q as parse gives", text, err, str(u), got)
			}
		}
	})
}

// nameKeyReference is NameKey written plainly, to check the fast one against.
func nameKeyReference(name string) string {
	name = strings.NewReplacer("’", "'", "‘", "'").Replace(norm.NFC.String(name))
	return norm.NFC.String(strings.ToLower(strings.Join(strings.Fields(name), " ")))
}

// FuzzNameKey checks NameKey, which takes short cuts for ASCII names and
// names that are already keys, against the plain definition, that a key is
// its own key, and that a roster, which folds ASCII names on its own, finds
// the name by its key.
func FuzzNameKey(f *testing.F) {
	for _, tt := range nameKeyTests {
		f.Add(tt.name)
	}
	for _, p := range validSession().People {
		f.Add(p.Name)
	}
	f.Add("  Ana   Maria " + strings.Repeat("Berg-", 20) + "Lund  ") // a key longer than a roster's buffer
	f.Fuzz(func(t *testing.T, name string) {
		got := NameKey(name)
		if want := nameKeyReference(name); got != want {
			t.Fatalf("NameKey(%q) = %q, want %q", name, got, want)
		}
		if again := NameKey(got); again != got {
			t.Fatalf("NameKey(NameKey(%q)) = %q, want the key %q unchanged", name, again, got)
		}
		s := &Session{People: []Person{{Name: "Someone Else"}, {Name: got}}}
		want := 1
		switch got {
		case "":
			want = -1
		case "someone else":
			want = 0
		}
		if i := s.Roster().Index(name); i != want {
			t.Fatalf("Roster.Index(%q) = %d, want %d, the person called its key %q", name, i, want, got)
		}
	})
}
