package timeslot_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// FuzzParseLength checks that ParseLength never panics, never returns a
// negative length, and reads back exactly what FormatLength writes for it.
func FuzzParseLength(f *testing.F) {
	for _, s := range []string{
		"90 minutes", "40 min", "5 mins", "2 hours", "1 hour 30 minutes", "90-minute", "90 Min",
		"1h30m", "40m", "  2 hrs. ", "1 hour and 30 minutes", "1.5 hours", "0", "1.5s",
		"", "90", "ten minutes", "5 parsecs", "-5m", "999999999999 hours", "2562047h47m16.854775807s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := timeslot.ParseLength(s)
		if err != nil {
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) || pe.Value != s || pe.What != "length" {
				t.Fatalf("ParseLength(%q) error %#v, want a *ParseError of a length with Value %q", s, err, s)
			}
			return
		}
		if d < 0 {
			t.Fatalf("ParseLength(%q) = %v, a negative length", s, d)
		}
		text := timeslot.FormatLength(d)
		back, err := timeslot.ParseLength(text)
		if err != nil || back != d {
			t.Fatalf("ParseLength(%q) = %v; ParseLength(FormatLength(%v)) = ParseLength(%q) = %v, %v", s, d, d, text, back, err)
		}
	})
}

// fuzzDays are the days FuzzParseRange reads ranges on: ordinary days, days
// when clocks change, and the day Samoa skipped.
var fuzzDays = []time.Time{
	time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC),  // seed 001
	time.Date(2017, 12, 17, 0, 0, 0, 0, zurich),    // seed 003
	time.Date(2023, 3, 26, 0, 0, 0, 0, paris),      // clocks spring forward in Europe
	time.Date(2023, 10, 29, 0, 0, 0, 0, paris),     // clocks fall back in Europe
	time.Date(2023, 3, 12, 0, 0, 0, 0, time.UTC),   // clocks spring forward in the United States
	time.Date(2011, 12, 29, 0, 0, 0, 0, time.UTC),  // the day before the day Samoa skipped
	time.Date(2011, 12, 30, 0, 0, 0, 0, time.UTC),  // the day Samoa skipped
	time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC), // a leap day
}

// FuzzParseRange checks that ParseRange never panics; that a range it reads
// has a positive length of at most a day plus the change of offset over it
// (a day in Antarctica/Troll can last 26 hours); and that reading the same
// text on the same day gives the same slot.
func FuzzParseRange(f *testing.F) {
	for _, c := range []struct {
		s   string
		day uint8
	}{
		{"06:15-07:45 UTC", 0}, {"16:00h - 18:00h", 1}, {"06:15–07:45 UTC", 0}, {"9.30 to 11.00 Europe/Paris", 0},
		{"14:00-15:30 UTC+2", 0}, {"10:00-12:00 GMT-03:00", 0}, {"23:30-00:30 UTC", 0}, {"01:30-03:30 Europe/Paris", 2},
		{"01:30-03:30 Europe/Paris", 3}, {"02:30-02:30 Europe/Paris", 3}, {"00:00-00:00 Antarctica/Troll", 3},
		{"01:30-03:30 America/New_York", 4}, {"23:00-00:00 Pacific/Apia", 5}, {"00:00-23:00 Pacific/Apia", 6},
		{"25:00-26:00", 0}, {"06:15-07:45 Mars/Olympus", 0}, {"noon to three", 0}, {"06:15-07:45 UTC+15", 0},
	} {
		f.Add(c.s, c.day)
	}
	f.Fuzz(func(t *testing.T, s string, dayIndex uint8) {
		day := fuzzDays[int(dayIndex)%len(fuzzDays)]
		slot, err := timeslot.ParseRange(s, day)
		if err != nil {
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) || pe.Value != s || pe.What != "clock range" {
				t.Fatalf("ParseRange(%q, %v) error %#v, want a *ParseError of a clock range with Value %q", s, day, err, s)
			}
			return
		}
		_, startOffset := slot.Start.Zone()
		_, endOffset := slot.End().Zone()
		limit := 24*time.Hour + max(time.Hour, time.Duration(startOffset-endOffset)*time.Second)
		if slot.Length <= 0 || slot.Length > limit {
			t.Fatalf("ParseRange(%q, %v) = %v, length %v: want it in (0, %v]", s, day, slot, slot.Length, limit)
		}
		again, err := timeslot.ParseRange(s, day)
		if err != nil {
			t.Fatalf("ParseRange(%q, %v) read once, then failed: %v", s, day, err)
		}
		if diff := cmp.Diff(slot, again); diff != "" || slot.String() != again.String() {
			t.Fatalf("ParseRange(%q, %v) twice mismatch (-first +second):\n%s\n%v\n%v", s, day, diff, slot, again)
		}
	})
}

// FuzzSlotJSON checks that UnmarshalJSON never panics, and that whatever it
// decodes encodes to JSON that decodes and encodes again to the same bytes,
// as FuzzUnmarshalJSON in encoding/json does.
func FuzzSlotJSON(f *testing.F) {
	for _, s := range []string{
		`{"start":"2023-10-10T06:15:00Z","zone":"UTC","length":"1h30m"}`,
		`{"start":"2017-12-17T16:00:00+01:00","zone":"Europe/Zurich","length":"2h"}`,
		`{"start":"2023-10-10T08:15:00+02:00","length":"1h30m"}`,
		`{"start":"2023-10-10T06:15:00+00:00","length":"90 minutes"}`,
		`{"start":"2023-10-10T06:15:00.5Z","zone":"Etc/UTC","length":"1.5s"}`,
		`{"length":"2h"}`,
		`{"start":"0001-01-01T00:00:00Z","zone":"UTC","length":"1h"}`,
		`{"start":"2023-10-10T06:15:00Z","room":"WS 4 - Room B-1","length":"1h30m"}`,
		`{"start":"2023-10-10T06:15:00Z","zone":"Mars/Olympus","length":"1h30m"}`,
		`{"start":"2023-10-10T06:15:00Z","zone":"Local","length":"1h30m"}`,
		`{"zone":"UTC","length":"1h30m"}`,
		`{"start":"2017-12-17T16:00:00Z","zone":"Europe/Zurich","length":"2h"}`,
		`{"length":"ten minutes"}`,
		`{"start":"10 Oct 2023 06:15","length":"1h30m"}`,
		`null`, `[]`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var slot timeslot.Slot
		if slot.UnmarshalJSON(data) != nil {
			return
		}
		first, err := slot.MarshalJSON()
		if err != nil {
			t.Fatalf("UnmarshalJSON(%q) = %v, which MarshalJSON refuses: %v", data, slot, err)
		}
		var back timeslot.Slot
		if err := back.UnmarshalJSON(first); err != nil {
			t.Fatalf("UnmarshalJSON(%q) = %v; MarshalJSON gives %s, which UnmarshalJSON refuses: %v", data, slot, first, err)
		}
		if !back.Start.Equal(slot.Start) || back.Length != slot.Length {
			t.Fatalf("UnmarshalJSON(%q) = %v; after MarshalJSON and UnmarshalJSON, %v", data, slot, back)
		}
		second, err := back.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON(%v): %v", back, err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("UnmarshalJSON(%q) = %v; encodings differ:\nfirst  %s\nsecond %s", data, slot, first, second)
		}
	})
}
