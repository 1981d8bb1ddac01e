package strictjson

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// doc is a document of the kinds of value balance reads.
type doc struct {
	Name    string                   `json:"name"`
	Count   int                      `json:"count,omitempty"`
	Share   float64                  `json:"share,omitempty"`
	Length  time.Duration            `json:"length,omitempty"`
	At      time.Time                `json:"at,omitzero"`
	Role    agenda.Role              `json:"role,omitempty"`
	Entries []struct{ Speaker bool } `json:"entries,omitempty"`
	Labels  map[string]string        `json:"labels,omitempty"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, path, msg string
		reason              string
	}{
		{"unknown", `{"name": "a", "colour": 1}`, "colour", "unknown field (known: at, count, entries, labels, length, name, role, share)",
			"an unknown field names the fields there are"},
		{"twice", `{"name": "a", "name": "b"}`, "name", "field given twice", "encoding/json keeps the last of two"},
		{"type", `{"count": "3"}`, "count", "want a whole number, got a string", "a quoted number is a string"},
		{"range", `{"count": 1e400}`, "count", "1e400 is not a whole number in range", "the value is named"},
		{"length", `{"length": 40}`, "length", `want a length such as "40m", got a number`, "a length is a string"},
		{"bad length", `{"length": "forty"}`, "length", `"forty"`, "the error of timeslot.ParseLength, naming the value"},
		{"time", `{"at": "10:00"}`, "at", `"10:00" is not an RFC 3339 time`, "a time is RFC 3339"},
		{"role", `{"role": "juggler"}`, "role", `unknown role "juggler"`, "the *agenda.ParseError of Role.UnmarshalText"},
		{"index", `{"entries": [{"Speaker": true}, {"Speaker": 1}]}`, "entries[1].Speaker", "want true or false, got a number",
			"a JSON pointer's index is written in brackets"},
		{"digits key", `{"labels": {"7": 1}}`, "labels[7]", "want a string, got a number",
			"a key of digits reads as an index: agenda's paths cannot tell them apart"},
		{"after", `{"name": "a"} {}`, "", "data after the end of the document", "one document only"},
		{"cut", `{"name": `, "name", "unexpected EOF", "io.ErrUnexpectedEOF where the value was to be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode([]byte(tt.in), &d)
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode(%s) = %v, want an *agenda.DecodeError (%s)", tt.in, err, tt.reason)
			}
			if de.Field != tt.path || !strings.Contains(de.Err.Error(), tt.msg) {
				t.Errorf("Decode(%s) = %q at %q, want %q at %q (%s)", tt.in, de.Err, de.Field, tt.msg, tt.path, tt.reason)
			}
		})
	}
}

func TestReadInput(t *testing.T) {
	data, err := ReadInput(strings.NewReader("\xEF\xBB\xBF{}"))
	if err != nil || string(data) != "{}" {
		t.Errorf("ReadInput of a document after a byte-order mark = %q, %v; want it without the mark", data, err)
	}
	_, err = ReadInput(io.LimitReader(zeros{}, agenda.MaxBytes+1))
	var le *agenda.LimitError
	if !errors.As(err, &le) || !errors.Is(err, agenda.ErrTooLarge) {
		t.Errorf("ReadInput of agenda.MaxBytes+1 bytes = %v, want an *agenda.LimitError", err)
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// FuzzDecode checks that Decode never panics and that every error is an
// *agenda.DecodeError; balance's fuzz tests round-trip what its decoders
// read.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{`{}`, `{"name": "a", "length": "40m", "entries": [{"Speaker": true}]}`, `{"count": 1e400}`, `[`, `{"name": "\xff"}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		err := Decode(data, &d)
		var de *agenda.DecodeError
		if err != nil && !errors.As(err, &de) {
			t.Fatalf("Decode(%q) = %v, not an *agenda.DecodeError", data, err)
		}
	})
}
