package timeslot_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has installed

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// Zones used across the tests.
var (
	paris  = mustLoadLocation("Europe/Paris")
	zurich = mustLoadLocation("Europe/Zurich")
)

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// utc returns the given moment of 10 October 2023 in UTC, the day of seed
// 001.
func utc(hour, min int) time.Time { return time.Date(2023, 10, 10, hour, min, 0, 0, time.UTC) }

// clock writes t with its zone, so that a diff shows where a time is shown as
// well as which moment it is.
func clock(t time.Time) string { return t.Format("2006-01-02 15:04:05 MST -07:00") }

// seed001 is the slot of seed 001: 06:15-07:45 UTC on 10 October 2023.
var seed001 = timeslot.Slot{Start: utc(6, 15), Length: 90 * time.Minute}

// seed003 is the slot of seed 003: 16:00h-18:00h in Geneva on 17 December 2017.
var seed003 = timeslot.Slot{Start: time.Date(2017, 12, 17, 16, 0, 0, 0, zurich), Length: 2 * time.Hour}

func TestSlotEndScheduled(t *testing.T) {
	type result struct {
		End       string
		Scheduled bool
	}
	tests := []struct {
		name   string
		slot   timeslot.Slot
		want   result
		reason string
	}{{
		name:   "Seed001",
		slot:   seed001,
		want:   result{End: "2023-10-10 07:45:00 UTC +00:00", Scheduled: true},
		reason: "06:15 UTC plus 90 minutes ends at 07:45 UTC",
	}, {
		name:   "Seed003",
		slot:   seed003,
		want:   result{End: "2017-12-17 18:00:00 CET +01:00", Scheduled: true},
		reason: "the end is shown in the start's zone",
	}, {
		name:   "AcrossMidnight",
		slot:   timeslot.Slot{Start: utc(23, 30), Length: time.Hour},
		want:   result{End: "2023-10-11 00:30:00 UTC +00:00", Scheduled: true},
		reason: "a slot may end on the next day",
	}, {
		name:   "Unscheduled",
		slot:   timeslot.Slot{Length: 90 * time.Minute},
		want:   result{End: "0001-01-01 01:30:00 UTC +00:00", Scheduled: false},
		reason: "an unscheduled slot counts from the zero time",
	}, {
		name:   "ZeroTimeInAZone",
		slot:   timeslot.Slot{Start: time.Time{}.In(paris), Length: time.Hour},
		want:   result{End: "0001-01-01 01:09:21 LMT +00:09", Scheduled: false},
		reason: "the zero moment shown in another zone is still not a start",
	}, {
		name:   "ZeroLength",
		slot:   timeslot.Slot{Start: utc(9, 0)},
		want:   result{End: "2023-10-10 09:00:00 UTC +00:00", Scheduled: true},
		reason: "a slot of no length ends where it starts",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := result{End: clock(tt.slot.End()), Scheduled: tt.slot.Scheduled()}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%v: End, Scheduled mismatch (-want +got):\n%s\nreason: %s", tt.slot, diff, tt.reason)
			}
		})
	}
}

func TestSlotString(t *testing.T) {
	tests := []struct {
		name   string
		slot   timeslot.Slot
		want   string
		reason string
	}{{
		name:   "Seed001",
		slot:   seed001,
		want:   "2023-10-10 06:15–07:45 UTC",
		reason: "a slot within one day names the date once, with an en dash between the times",
	}, {
		name:   "Seed003",
		slot:   seed003,
		want:   "2017-12-17 16:00–18:00 CET",
		reason: "the times are shown in the start's zone, named by its abbreviation",
	}, {
		name:   "Seed001InParis",
		slot:   timeslot.Slot{Start: seed001.Start.In(paris), Length: seed001.Length},
		want:   "2023-10-10 08:15–09:45 CEST",
		reason: "the zone of the start is the zone String shows",
	}, {
		name:   "AcrossMidnight",
		slot:   timeslot.Slot{Start: utc(23, 30), Length: time.Hour},
		want:   "2023-10-10 23:30 – 2023-10-11 00:30 UTC",
		reason: "a slot across midnight names both dates",
	}, {
		name:   "FixedOffset",
		slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 14, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)), Length: 90 * time.Minute},
		want:   "2023-10-10 14:00–15:30 UTC+2",
		reason: "a fixed zone from ParseRange shows the name it was written with",
	}, {
		name:   "Unscheduled",
		slot:   timeslot.Slot{Length: 90 * time.Minute},
		want:   "1h30m, not scheduled",
		reason: "an unscheduled slot shows its length in the FormatLength form",
	}, {
		name:   "UnscheduledZero",
		slot:   timeslot.Slot{},
		want:   "0s, not scheduled",
		reason: "the zero Slot prints sensibly",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.slot.String()); diff != "" {
				t.Errorf("String mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
}

func TestSlotJSONRoundTrip(t *testing.T) {
	// Not time.Parse, which gives a location named for the machine's zone
	// when it is at +02:00 then.
	fixed, err := time.ParseInLocation(time.RFC3339, "2023-10-10T08:15:00+02:00", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		slot   timeslot.Slot
		want   string
		reason string
	}{{
		name:   "UTC",
		slot:   seed001,
		want:   `{"start":"2023-10-10T06:15:00Z","zone":"UTC","length":"1h30m"}`,
		reason: "seed 001 as examples/seeds writes it",
	}, {
		name:   "Zurich",
		slot:   seed003,
		want:   `{"start":"2017-12-17T16:00:00+01:00","zone":"Europe/Zurich","length":"2h"}`,
		reason: "seed 003 as examples/seeds writes it: the zone name travels with the offset",
	}, {
		name:   "FixedOffsetFromRFC3339",
		slot:   timeslot.Slot{Start: fixed, Length: 90 * time.Minute},
		want:   `{"start":"2023-10-10T08:15:00+02:00","length":"1h30m"}`,
		reason: "a start parsed from RFC 3339 has only its offset, which is all that is written",
	}, {
		name:   "FixedZoneNamedLikeALocation",
		slot:   timeslot.Slot{Start: time.Date(2023, 7, 10, 8, 15, 0, 0, time.FixedZone("CET", 3600)), Length: time.Hour},
		want:   `{"start":"2023-07-10T08:15:00+01:00","length":"1h"}`,
		reason: "regression: a fixed zone called CET at +01:00 in July was written as zone CET, which is at +02:00 then, and the JSON did not decode",
	}, {
		name:   "FixedZoneNamedLocal",
		slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 8, 15, 0, 0, time.FixedZone("Local", 2*3600)), Length: time.Hour},
		want:   `{"start":"2023-10-10T08:15:00+02:00","length":"1h"}`,
		reason: `regression: "Local" reads back with time.LoadLocation, but names the zone of whichever machine reads it`,
	}, {
		name:   "UnnamedOffsetZero",
		slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.FixedZone("", 0)), Length: time.Hour},
		want:   `{"start":"2023-10-10T06:15:00Z","zone":"UTC","length":"1h"}`,
		reason: `regression: offset zero is written "Z", which decodes as UTC, so the zone is written as UTC to make the second encoding equal the first`,
	}, {
		name:   "OffsetZone",
		slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 14, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)), Length: 90 * time.Minute},
		want:   `{"start":"2023-10-10T14:00:00+02:00","length":"1h30m"}`,
		reason: `"UTC+2" from ParseRange is not a zone time.LoadLocation knows`,
	}, {
		name:   "FractionalSecond",
		slot:   timeslot.Slot{Start: utc(6, 15).Add(500 * time.Millisecond), Length: 1500 * time.Millisecond},
		want:   `{"start":"2023-10-10T06:15:00.5Z","zone":"UTC","length":"1.5s"}`,
		reason: "sub-second starts and lengths survive",
	}, {
		name:   "Unscheduled",
		slot:   timeslot.Slot{Length: 2 * time.Hour},
		want:   `{"length":"2h"}`,
		reason: "seed 004 as examples/seeds writes it: no start, no zone",
	}, {
		name:   "ZeroSlot",
		slot:   timeslot.Slot{},
		want:   `{"length":"0s"}`,
		reason: "the zero Slot encodes and decodes",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, err := json.Marshal(tt.slot)
			if err != nil {
				t.Fatalf("Marshal(%v): %v", tt.slot, err)
			}
			if diff := cmp.Diff(tt.want, string(first)); diff != "" {
				t.Errorf("Marshal(%v) mismatch (-want +got):\n%s\nreason: %s", tt.slot, diff, tt.reason)
			}
			var back timeslot.Slot
			if err := json.Unmarshal(first, &back); err != nil {
				t.Fatalf("Unmarshal(%s): %v\nreason: %s", first, err, tt.reason)
			}
			if diff := cmp.Diff(tt.slot, back); diff != "" {
				t.Errorf("Unmarshal(Marshal(slot)) mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			second, err := json.Marshal(back)
			if err != nil {
				t.Fatalf("Marshal(%v): %v", back, err)
			}
			if diff := cmp.Diff(string(first), string(second)); diff != "" {
				t.Errorf("second encoding mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
}

// TestSlotJSONLocal checks a slot in the machine's own zone: whatever that
// zone is, the JSON never names "Local", and it decodes to the same moment.
func TestSlotJSONLocal(t *testing.T) {
	slot := timeslot.Slot{Start: time.Date(2023, 10, 10, 8, 15, 0, 0, time.Local), Length: time.Hour}
	first, err := json.Marshal(slot)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(first), "Local") {
		t.Errorf("Marshal(slot in time.Local) = %s, names the zone Local, which means another zone on another machine", first)
	}
	var back timeslot.Slot
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", first, err)
	}
	if !back.Start.Equal(slot.Start) || back.Length != slot.Length {
		t.Errorf("Unmarshal(%s) = %v, want %v", first, back, slot)
	}
	second, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(first), string(second)); diff != "" {
		t.Errorf("second encoding mismatch (-want +got):\n%s", diff)
	}
}

func TestSlotUnmarshalJSON(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   timeslot.Slot
		reason string
	}{{
		name:   "Seed001",
		in:     `{"start":"2023-10-10T06:15:00Z","zone":"UTC","length":"1h30m"}`,
		want:   seed001,
		reason: "the form MarshalJSON writes",
	}, {
		name:   "SpelledLength",
		in:     `{"start":"2023-10-10T06:15:00Z","length":"90 minutes"}`,
		want:   seed001,
		reason: "the length is read by ParseLength, so a session page's spelling works",
	}, {
		name:   "FieldOrderAndSpace",
		in:     " {\n \"length\": \"2h\",\n \"zone\": \"Europe/Zurich\",\n \"start\": \"2017-12-17T16:00:00+01:00\"\n}\n",
		want:   seed003,
		reason: "hand-written JSON in any order and layout",
	}, {
		name:   "OffsetWithoutZone",
		in:     `{"start":"2023-10-10T08:15:00+02:00","length":"1h30m"}`,
		want:   timeslot.Slot{Start: time.Date(2023, 10, 10, 8, 15, 0, 0, time.FixedZone("", 2*3600)), Length: 90 * time.Minute},
		reason: "regression: without a zone the start keeps its offset; time.Parse put it in the machine's zone when the offsets agreed",
	}, {
		name:   "OffsetZeroWithoutZone",
		in:     `{"start":"2023-10-10T06:15:00+00:00","length":"1h30m"}`,
		want:   seed001,
		reason: "offset zero without a zone is UTC, as \"Z\" is",
	}, {
		name:   "ZeroTimeStart",
		in:     `{"start":"0001-01-01T00:00:00Z","zone":"UTC","length":"1h"}`,
		want:   timeslot.Slot{Length: time.Hour},
		reason: "a start at the zero time is no start at all",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got timeslot.Slot
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal(%s): %v\nreason: %s", tt.in, err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
			}
			if got.Start.Location().String() != tt.want.Start.Location().String() {
				t.Errorf("Unmarshal(%s) start in %v, want %v\nreason: %s", tt.in, got.Start.Location(), tt.want.Start.Location(), tt.reason)
			}
		})
	}
}

func TestSlotUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // a part of the error message
		what    string // the part of the slot the *timeslot.ParseError names
		under   any    // a pointer to the type of the error it wraps, if it wraps one
		reason  string
	}{{
		name:    "UnknownField",
		in:      `{"start":"2023-10-10T06:15:00Z","room":"WS 4 - Room B-1","length":"1h30m"}`,
		wantErr: `unknown field "room"`,
		what:    "slot",
		reason:  "a misspelt or misplaced field is reported, not dropped",
	}, {
		name:    "BadZone",
		in:      `{"start":"2023-10-10T06:15:00Z","zone":"Mars/Olympus","length":"1h30m"}`,
		wantErr: `"Mars/Olympus" as a slot zone`,
		what:    "slot zone",
		reason:  "a zone that does not exist",
	}, {
		name:    "LocalZone",
		in:      `{"start":"2023-10-10T06:15:00Z","zone":"Local","length":"1h30m"}`,
		wantErr: `"Local" as a slot zone: not an IANA zone name`,
		what:    "slot zone",
		reason:  "regression: Local would decode differently on every machine",
	}, {
		name:    "ZoneWithoutStart",
		in:      `{"zone":"UTC","length":"1h30m"}`,
		wantErr: `"UTC" as a slot zone: given without a start`,
		what:    "slot zone",
		reason:  "a zone says where a start is shown; without a start it is a mistake",
	}, {
		name:    "OffsetDisagreesWithZone",
		in:      `{"start":"2017-12-17T16:00:00Z","zone":"Europe/Zurich","length":"2h"}`,
		wantErr: `has offset +00:00, but zone Europe/Zurich is at +01:00 then`,
		what:    "slot start",
		reason:  "seed 003 with its local time written as UTC: which one was meant cannot be guessed",
	}, {
		name:    "BadLength",
		in:      `{"length":"ten minutes"}`,
		wantErr: `slot length`,
		what:    "slot length",
		reason:  "the length must be a number and a unit",
	}, {
		name:    "NegativeLength",
		in:      `{"length":"-5m"}`,
		wantErr: `negative`,
		what:    "slot length",
		reason:  "a slot is never negative",
	}, {
		name:    "MissingLength",
		in:      `{"start":"2023-10-10T06:15:00Z","zone":"UTC"}`,
		wantErr: `empty`,
		what:    "slot length",
		reason:  "the length is required",
	}, {
		name:    "BadStart",
		in:      `{"start":"10 Oct 2023 06:15","length":"1h30m"}`,
		wantErr: `not an RFC 3339 time`,
		what:    "slot start",
		under:   new(*time.ParseError),
		reason:  "the start is RFC 3339 only",
	}, {
		name:    "StartWithoutOffset",
		in:      `{"start":"2023-10-10T06:15:00","zone":"UTC","length":"1h30m"}`,
		wantErr: `not an RFC 3339 time`,
		what:    "slot start",
		under:   new(*time.ParseError),
		reason:  "an RFC 3339 time carries its offset even when a zone is given",
	}, {
		name:    "WrongType",
		in:      `{"length":90}`,
		wantErr: `as a slot: json: `,
		what:    "slot",
		under:   new(*json.UnmarshalTypeError),
		reason:  "the length is a string such as \"1h30m\", not a number of unknown unit",
	}, {
		name:    "NotAnObject",
		in:      `["06:15","07:45"]`,
		wantErr: `as a slot: json: `,
		what:    "slot",
		under:   new(*json.UnmarshalTypeError),
		reason:  "a slot is an object",
	}, {
		name:    "NotJSON",
		in:      `{"length":`,
		wantErr: `as a slot: `,
		what:    "slot",
		reason:  "JSON cut short",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got timeslot.Slot
			err := got.UnmarshalJSON([]byte(tt.in))
			if err == nil {
				t.Fatalf("UnmarshalJSON(%s) = %v, want an error containing %q\nreason: %s", tt.in, got, tt.wantErr, tt.reason)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "timeslot: ") {
				t.Errorf("UnmarshalJSON(%s) error %q, want it to start with %q and contain %q\nreason: %s", tt.in, err, "timeslot: ", tt.wantErr, tt.reason)
			}
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) || pe.What != tt.what {
				t.Errorf("UnmarshalJSON(%s) error %T %q, want a *timeslot.ParseError of a %s", tt.in, err, err, tt.what)
			}
			if tt.under != nil && !errors.As(err, tt.under) {
				t.Errorf("UnmarshalJSON(%s) error %q, want it to wrap a %T", tt.in, err, tt.under)
			}
			if diff := cmp.Diff(timeslot.Slot{}, got); diff != "" {
				t.Errorf("UnmarshalJSON(%s) changed the slot on error (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
