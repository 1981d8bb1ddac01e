package timeslot_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// TestErrors calls every function of the package that returns an error
// with an input it refuses, and checks that errors.As finds the
// *timeslot.ParseError its doc names, with the part being parsed and the
// text as given, and the error underneath where it wraps one. The messages
// themselves are checked by the tests of each function.
func TestErrors(t *testing.T) {
	day := time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		call   func() error
		what   string // ParseError.What
		value  string // ParseError.Value
		under  any    // a pointer to the type of the error it wraps, if any
		reason string
	}{{
		name:   "ParseLength",
		call:   func() error { _, err := timeslot.ParseLength("90"); return err },
		what:   "length",
		value:  "90",
		reason: "a bare number is refused rather than guessed",
	}, {
		name:   "ParseRange",
		call:   func() error { _, err := timeslot.ParseRange("06:15-07:45 Mars/Olympus", day); return err },
		what:   "clock range",
		value:  "06:15-07:45 Mars/Olympus",
		reason: "a zone that does not exist",
	}, {
		name: "Slot.UnmarshalJSON/json.Unmarshal",
		call: func() error {
			var s timeslot.Slot
			return json.Unmarshal([]byte(`{"start":"10 Oct 2023","length":"1h"}`), &s)
		},
		what:   "slot start",
		value:  "10 Oct 2023",
		under:  new(*time.ParseError),
		reason: "through encoding/json, which returns the error of UnmarshalJSON as it is",
	}, {
		name: "Slot.UnmarshalJSON/field",
		call: func() error {
			var s timeslot.Slot
			return s.UnmarshalJSON([]byte(`{"length":"1h","room":"B-1"}`))
		},
		what:   "slot",
		value:  `{"length":"1h","room":"B-1"}`,
		reason: "the unknown-field error of encoding/json has no type; the *ParseError gives one",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v, want a *timeslot.ParseError\nreason: %s", err, err, tt.reason)
			}
			if pe.What != tt.what || pe.Value != tt.value {
				t.Errorf("ParseError of %q as a %q, want %q as a %q\nreason: %s", pe.Value, pe.What, tt.value, tt.what, tt.reason)
			}
			if tt.under != nil && !errors.As(err, tt.under) {
				t.Errorf("error %v does not wrap a %T\nreason: %s", err, tt.under, tt.reason)
			}
			if pe.Err != nil && !errors.Is(err, pe.Err) {
				t.Errorf("errors.Is(err, err.Err) = false: Unwrap does not return Err")
			}
		})
	}
}
