package agenda_test

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"
	"testing/iotest"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// TestErrors calls each function of the package that returns an error with
// an input it refuses, and checks that errors.Is and errors.As find the
// sentinels and types its doc names, through every wrapper on the way: a
// *DecodeError, encoding/json, and the errors.Join of Validate. Limits
// past MaxPeople and MaxSegments, and most messages, are checked by the
// tests of each function.
func TestErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	valid := func() *agenda.Session {
		return &agenda.Session{
			Title: "Valid", Format: agenda.FormatOnsite, Slot: timeslot.Slot{Length: time.Hour},
			People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}}},
			Segments: []agenda.Segment{{Title: "Talk", Kind: "discussion", Length: time.Hour,
				Facilitators: []string{"Moderator"}}},
		}
	}
	if err := valid().Validate(); err != nil {
		t.Fatalf("the valid session: %v", err)
	}
	decode := func(text string) func() error {
		return func() error { _, err := agenda.Decode(strings.NewReader(text)); return err }
	}
	parse := func(f func(string) error) func() error { return func() error { return f("bogus") } }
	tests := []struct {
		name   string
		call   func() error
		is     []error // sentinels errors.Is must find
		as     []any   // pointers to the types errors.As must find
		reason string
	}{
		{
			name: "Decode/reader", call: func() error { _, err := agenda.Decode(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{new(*agenda.DecodeError)},
			reason: "the reader's error, wrapped",
		},
		{
			name: "Decode/syntax", call: decode(`{"title": }`),
			as:     []any{new(*agenda.DecodeError), new(*json.SyntaxError)},
			reason: "text that is not JSON",
		},
		{
			name: "Decode/cut short", call: decode(`{"title": "IGF"`),
			is: []error{io.ErrUnexpectedEOF}, as: []any{new(*agenda.DecodeError)},
			reason: "JSON that ends too soon",
		},
		{
			name: "Decode/enumeration", call: decode(`{"people": [{"name": "A", "region": "Europe"}]}`),
			as:     []any{new(*agenda.DecodeError), new(*agenda.ParseError)},
			reason: "an unknown spelling of a group",
		},
		{
			name: "Decode/slot", call: decode(`{"slot": {"start": "2023-10-10T06:15:00Z", "zone": "Mars/Olympus", "length": "1h"}}`),
			as:     []any{new(*agenda.DecodeError)},
			reason: "the slot's own error, inside the session's",
		},
		{
			name: "Decode/length", call: decode(`{"segments": [{"title": "A", "length": "ages"}]}`),
			as:     []any{new(*agenda.DecodeError)},
			reason: "a length that cannot be read",
		},
		{
			name: "Session.UnmarshalJSON/json.Unmarshal",
			call: func() error {
				var s agenda.Session
				return json.Unmarshal([]byte(`{"title": "A", "colour": "red"}`), &s)
			},
			as:     []any{new(*agenda.DecodeError)},
			reason: "encoding/json returns the error of UnmarshalJSON as it is",
		},
		{
			name: "Segment.UnmarshalJSON",
			call: func() error {
				var seg agenda.Segment
				return seg.UnmarshalJSON([]byte(`{"title": "A", "kind": "keynote"}`))
			},
			as:     []any{new(*agenda.DecodeError), new(*agenda.ParseError)},
			reason: "a segment decodes as strictly as a session",
		},
		{
			name: "Session.UnmarshalJSON/twice",
			call: func() error {
				var s agenda.Session
				return s.UnmarshalJSON([]byte(`{"title": "A", "title": "B"}`))
			},
			as:     []any{new(*agenda.DecodeError)},
			reason: "a field given twice",
		},
		{
			name: "Decode/reader", call: func() error { _, err := agenda.Decode(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{new(*agenda.DecodeError)},
			reason: "Decode wraps the reader's error",
		},
		{
			name: "Decode/too large",
			call: func() error {
				_, err := agenda.Decode(io.LimitReader(zeros{}, agenda.MaxBytes+1))
				return err
			},
			is: []error{agenda.ErrTooLarge}, as: []any{new(*agenda.LimitError)},
			reason: "a reader without a Len, one byte past MaxBytes",
		},
		{
			name: "ParseIGF/reader", call: func() error { _, _, err := agenda.ParseIGF(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{new(*agenda.DecodeError)},
			reason: "the reader's error, wrapped",
		},
		{
			name: "DecodeProgramme/reader", call: func() error { _, err := agenda.DecodeProgramme(iotest.ErrReader(boom)); return err },
			is: []error{boom}, as: []any{new(*agenda.DecodeError)},
			reason: "the reader's error, wrapped",
		},
		{
			name: "DecodeProgramme/session",
			call: func() error {
				_, err := agenda.DecodeProgramme(strings.NewReader(`{"sessions": [{"format": "hybridish"}]}`))
				return err
			},
			as:     []any{new(*agenda.DecodeError), new(*agenda.ParseError)},
			reason: "a session of the programme decodes as strictly as one alone",
		},
		{
			name: "ReadProgramme/file",
			call: func() error {
				_, err := agenda.ReadProgramme(fstest.MapFS{"a.json": {Data: []byte(`{"people": [{"mode": "both"}]}`)}})
				return err
			},
			as:     []any{new(*agenda.DecodeError), new(*agenda.ParseError)},
			reason: "a file's error names the file",
		},
		{name: "Mode.UnmarshalText", call: parse(func(s string) error { var v agenda.Mode; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{name: "Format.UnmarshalText", call: parse(func(s string) error { var v agenda.Format; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{name: "Role.UnmarshalText", call: parse(func(s string) error { var v agenda.Role; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{name: "SegmentKind.UnmarshalText", call: parse(func(s string) error { var v agenda.SegmentKind; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{name: "Stakeholder.UnmarshalText", call: parse(func(s string) error { var v agenda.Stakeholder; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{name: "Region.UnmarshalText", call: parse(func(s string) error { var v agenda.Region; return v.UnmarshalText([]byte(s)) }), as: []any{new(*agenda.ParseError)}},
		{
			name: "Session.Validate",
			call: func() error {
				s := valid()
				s.Format = ""
				s.Segments[0].Length = 2 * time.Hour
				return s.Validate()
			},
			is: []error{agenda.ErrMissing, agenda.ErrOverrun}, as: []any{new(*agenda.ValidationError)},
			reason: "two problems, joined: each kind is found through errors.Join",
		},
		{
			name: "Programme.Validate",
			call: func() error {
				a, b := *valid(), *valid()
				a.Slot.Start = time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC)
				b.Slot.Start = a.Slot.Start
				a.Room, b.Room = "Room B-1", "Room B-1"
				b.Format = ""
				return (&agenda.Programme{Sessions: []agenda.Session{a, b}}).Validate()
			},
			is:     []error{agenda.ErrMissing, agenda.ErrPersonOverlap, agenda.ErrRoomOverlap},
			as:     []any{new(*agenda.ValidationError), new(*agenda.ConflictError)},
			reason: "a session's problem and conflicts across sessions, joined",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatalf("no error\nreason: %s", tt.reason)
			}
			for _, target := range tt.is {
				if !errors.Is(err, target) {
					t.Errorf("errors.Is(%v, %v) = false\nreason: %s", err, target, tt.reason)
				}
			}
			for _, target := range tt.as {
				if !errors.As(err, target) {
					t.Errorf("errors.As(%v, %T) = false\nreason: %s", err, target, tt.reason)
				}
			}
		})
	}
}

// zeros is an endless reader of zero bytes, without a Len.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
