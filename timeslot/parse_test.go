package timeslot_test

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

func TestParseLength(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   time.Duration
		reason string
	}{
		{name: "Minutes", in: "90 minutes", want: 90 * time.Minute, reason: `seed 000: "a 90 minute roundtable"`},
		{name: "Min", in: "40 min", want: 40 * time.Minute, reason: `seed 004: "Break-out discussion - 40 mins" and the like`},
		{name: "Mins", in: "5 mins", want: 5 * time.Minute, reason: `seed 004: "Welcome and Introduction - 5 mins"`},
		{name: "Hours", in: "2 hours", want: 2 * time.Hour, reason: "seed 003: a 2-hour brainstorming session"},
		{name: "Hour", in: "1 hour", want: time.Hour, reason: "the singular unit"},
		{name: "HourAndMinutes", in: "1 hour 30 minutes", want: 90 * time.Minute, reason: "two parts add up"},
		{name: "HourAndMinutesWithAnd", in: "1 hour and 30 minutes", want: 90 * time.Minute, reason: `parts may be joined by "and"`},
		{name: "HourCommaMinutes", in: "1 hour, 30 minutes", want: 90 * time.Minute, reason: "parts may be joined by a comma"},
		{name: "Hyphenated", in: "90-minute", want: 90 * time.Minute, reason: `the adjective form, as in "a 90-minute panel"`},
		{name: "Capitalised", in: "90 Min", want: 90 * time.Minute, reason: `seed 001: "Panel - 90 Min"; case does not matter`},
		{name: "Shouted", in: "2 HOURS", want: 2 * time.Hour, reason: "case does not matter"},
		{name: "GoSyntax", in: "1h30m", want: 90 * time.Minute, reason: "the form FormatLength writes and time.ParseDuration reads"},
		{name: "GoMinutes", in: "40m", want: 40 * time.Minute, reason: "the short form"},
		{name: "GoSeconds", in: "45s", want: 45 * time.Second, reason: "seconds in the short form"},
		{name: "SpacedGoSyntax", in: "1h 30m", want: 90 * time.Minute, reason: "short units separated by a space"},
		{name: "HrsWithDot", in: "  2 hrs. ", want: 2 * time.Hour, reason: "an abbreviation with a full stop, and space around it"},
		{name: "Fraction", in: "1.5 hours", want: 90 * time.Minute, reason: "a decimal number of hours"},
		{name: "Seconds", in: "30 seconds", want: 30 * time.Second, reason: "seconds spelled out"},
		{name: "Zero", in: "0", want: 0, reason: "time.ParseDuration reads a bare 0: zero needs no unit, so nothing is guessed"},
		{name: "ZeroMinutes", in: "0 minutes", want: 0, reason: "an empty segment has length zero"},
		{name: "SubSecond", in: "1.5s", want: 1500 * time.Millisecond, reason: "what FormatLength writes for a length with a fraction of a second"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := timeslot.ParseLength(tt.in)
			if err != nil {
				t.Fatalf("ParseLength(%q): %v\nreason: %s", tt.in, err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseLength(%q) mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
			}
		})
	}
}

func TestParseLengthErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantMsg string // a part of ParseError.Msg
		reason  string
	}{
		{name: "Empty", in: "", wantMsg: "empty", reason: "nothing to read"},
		{name: "Blank", in: "  \t", wantMsg: "empty", reason: "space only is empty"},
		{name: "BareNumber", in: "90", wantMsg: "want a number and a unit", reason: "90 what? a bare number is refused rather than guessed"},
		{name: "Words", in: "ten minutes", wantMsg: "want a number and a unit", reason: "numbers are written in digits"},
		{name: "UnknownUnit", in: "5 parsecs", wantMsg: `unknown unit "parsecs"`, reason: "the unit is named in the message"},
		{name: "Days", in: "2 days", wantMsg: `unknown unit "days"`, reason: "sessions are measured in hours at most"},
		{name: "Negative", in: "-5m", wantMsg: "negative", reason: "a length is never negative"},
		{name: "NegativeSpelled", in: "-5 minutes", wantMsg: "want a number and a unit", reason: "a sign in front of a spelled-out length is not read"},
		{name: "Overflow", in: "999999999999 hours", wantMsg: "out of range", reason: "more hours than a time.Duration holds"},
		{name: "OverflowGoSyntax", in: "999999999999h", wantMsg: "out of range", reason: "the same in the short form"},
		{name: "TrailingNumber", in: "1 hour 30", wantMsg: "want a number and a unit", reason: "the second part lacks its unit"},
		{name: "Milliseconds", in: "500 ms", wantMsg: `unknown unit "ms"`, reason: "spelled-out lengths stop at seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := timeslot.ParseLength(tt.in)
			if err == nil {
				t.Fatalf("ParseLength(%q) = %v, want an error\nreason: %s", tt.in, got, tt.reason)
			}
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseLength(%q) error %T %v, want a *timeslot.ParseError", tt.in, err, err)
			}
			want := timeslot.ParseError{What: "length", Value: tt.in, Reason: pe.Reason}
			if diff := cmp.Diff(want, *pe); diff != "" {
				t.Errorf("ParseLength(%q) error mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
			}
			if !strings.Contains(pe.Reason, tt.wantMsg) {
				t.Errorf("ParseLength(%q) error message %q, want it to contain %q\nreason: %s", tt.in, pe.Reason, tt.wantMsg, tt.reason)
			}
		})
	}
}

func TestParseErrorError(t *testing.T) {
	_, err := timeslot.ParseLength("5 parsecs")
	want := `timeslot: cannot parse "5 parsecs" as a length: unknown unit "parsecs"`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("Error mismatch (-want +got):\n%s", diff)
	}
}

func TestFormatLength(t *testing.T) {
	tests := []struct {
		name   string
		in     time.Duration
		want   string
		reason string
	}{
		{name: "Zero", in: 0, want: "0s", reason: "zero is written as time.Duration writes it"},
		{name: "Seconds", in: 30 * time.Second, want: "30s", reason: "seconds only"},
		{name: "Minutes", in: 40 * time.Minute, want: "40m", reason: "no trailing 0s, unlike time.Duration.String's 40m0s"},
		{name: "HourAndHalf", in: 90 * time.Minute, want: "1h30m", reason: "seed 001's slot"},
		{name: "Hours", in: 2 * time.Hour, want: "2h", reason: "seed 003's slot, not 2h0m0s"},
		{name: "NoZeroMinutes", in: time.Hour + 5*time.Second, want: "1h5s", reason: "a zero unit in the middle is left out"},
		{name: "AllUnits", in: time.Hour + 2*time.Minute + 3*time.Second, want: "1h2m3s", reason: "hours, minutes and seconds"},
		{name: "MoreThanADay", in: 49 * time.Hour, want: "49h", reason: "there are no days, as in time.ParseDuration"},
		{name: "SubSecond", in: 1500 * time.Millisecond, want: "1.5s", reason: "a fraction of a second falls back to time.Duration.String"},
		{name: "HourAndAFraction", in: time.Hour + 500*time.Millisecond, want: "1h0m0.5s", reason: "the fallback keeps time.Duration.String's zero units"},
		{name: "Nanosecond", in: time.Nanosecond, want: "1ns", reason: "the smallest length"},
		{name: "Negative", in: -5 * time.Minute, want: "-5m0s", reason: "a negative length falls back to time.Duration.String, which ParseLength refuses"},
		{name: "Largest", in: time.Duration(1<<63 - 1), want: "2562047h47m16.854775807s", reason: "the largest time.Duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := timeslot.FormatLength(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FormatLength(%v) mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
			}
			if tt.in < 0 {
				return
			}
			for name, parse := range map[string]func(string) (time.Duration, error){
				"ParseLength": timeslot.ParseLength, "time.ParseDuration": time.ParseDuration,
			} {
				back, err := parse(got)
				if err != nil || back != tt.in {
					t.Errorf("%s(%q) = %v, %v; want %v", name, got, back, err, tt.in)
				}
			}
		})
	}
}

// shortForm matches a positive whole number of seconds as FormatLength writes
// it: hours, minutes and seconds, each left out when zero, minutes and seconds
// below 60.
var shortForm = regexp.MustCompile(`^(?:[1-9][0-9]*h)?(?:[1-9]m|[1-5][0-9]m)?(?:[1-9]s|[1-5][0-9]s)?$`)

// TestFormatLengthRoundTrip checks, for whole seconds up to two days, that
// ParseLength and time.ParseDuration read back what FormatLength writes, and
// that nothing shorter reads back the same: the form is one number per unit,
// units in decreasing order, none of them zero.
func TestFormatLengthRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		d := time.Duration(rng.Int64N(48*3600+1)) * time.Second
		s := timeslot.FormatLength(d)
		got, err := timeslot.ParseLength(s)
		if err != nil {
			t.Fatalf("ParseLength(FormatLength(%v)) = ParseLength(%q): %v", d, s, err)
		}
		if got != d {
			t.Fatalf("ParseLength(FormatLength(%v)) = ParseLength(%q) = %v", d, s, got)
		}
		if got, err := time.ParseDuration(s); err != nil || got != d {
			t.Fatalf("time.ParseDuration(FormatLength(%v)) = time.ParseDuration(%q) = %v, %v", d, s, got, err)
		}
		if !shortForm.MatchString(s) && s != "0s" {
			t.Fatalf("FormatLength(%v) = %q, want one number per unit, units in decreasing order, none of them zero", d, s)
		}
	}
}

// rangeResult is what a test needs to see of a parsed range: where and when
// it starts, and its length in real time.
type rangeResult struct {
	Start  string
	Length time.Duration
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		day    time.Time
		want   rangeResult
		reason string
	}{{
		name:   "Seed001",
		in:     "06:15-07:45 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "seed 001: Tuesday, 10th October, 2023 (06:15 UTC) - (07:45 UTC)",
	}, {
		name:   "Seed003",
		in:     "16:00h - 18:00h",
		day:    time.Date(2017, 12, 17, 0, 0, 0, 0, zurich),
		want:   rangeResult{Start: "2017-12-17 16:00:00 CET +01:00", Length: 2 * time.Hour},
		reason: "seed 003: 17 Dec 2017 16:00h - 18:00h, Geneva local time; without a zone the day's location is used",
	}, {
		name:   "EnDash",
		in:     "06:15–07:45 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "session pages write ranges with an en dash",
	}, {
		name:   "EmDash",
		in:     "06:15 — 07:45 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "or an em dash with space around it",
	}, {
		name:   "MinusSign",
		in:     "06:15−07:45 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "or a minus sign, U+2212",
	}, {
		name:   "DotsAndTo",
		in:     "9.30 to 11.00 Europe/Paris",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 09:30:00 CEST +02:00", Length: 90 * time.Minute},
		reason: `the "9.30 to 11.00" spelling, a one-digit hour, and an IANA zone`,
	}, {
		name:   "OffsetHours",
		in:     "14:00-15:30 UTC+2",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 14:00:00 UTC+2 +02:00", Length: 90 * time.Minute},
		reason: "a zone written as an offset in hours keeps its spelling as its name",
	}, {
		name:   "OffsetHoursMinutes",
		in:     "10:00-12:00 GMT-03:00",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 10:00:00 GMT-03:00 -03:00", Length: 2 * time.Hour},
		reason: "an offset with minutes, west of Greenwich",
	}, {
		name:   "OffsetWithoutColon",
		in:     "09:00-10:30 UTC+0530",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 09:00:00 UTC+0530 +05:30", Length: 90 * time.Minute},
		reason: "a half-hour offset without a colon",
	}, {
		name:   "LowerCaseUTC",
		in:     "06:15-07:45 utc",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "UTC and GMT in any case",
	}, {
		name:   "GMT",
		in:     "06:15-07:45 GMT",
		day:    time.Date(2023, 10, 10, 0, 0, 0, 0, paris),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "GMT is UTC, whatever the day's location",
	}, {
		name:   "AcrossMidnight",
		in:     "23:30-00:30 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 23:30:00 UTC +00:00", Length: time.Hour},
		reason: "an end before the start is on the next day",
	}, {
		name:   "EndEqualsStart",
		in:     "09:00-09:00 UTC",
		day:    utc(0, 0),
		want:   rangeResult{Start: "2023-10-10 09:00:00 UTC +00:00", Length: 24 * time.Hour},
		reason: "an end at the start is on the next day: a range is never empty",
	}, {
		name:   "DayInAnotherZone",
		in:     "06:15-07:45 UTC",
		day:    time.Date(2023, 10, 10, 0, 30, 0, 0, paris),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "the date is day's date in day's location (10 October in Paris, though 9 October in UTC)",
	}, {
		name:   "DayTimeIgnored",
		in:     "06:15-07:45 UTC",
		day:    utc(22, 59),
		want:   rangeResult{Start: "2023-10-10 06:15:00 UTC +00:00", Length: 90 * time.Minute},
		reason: "only the date of day counts, not its clock",
	}, {
		name:   "SpringForward",
		in:     "01:30-03:30 Europe/Paris",
		day:    time.Date(2023, 3, 26, 0, 0, 0, 0, time.UTC),
		want:   rangeResult{Start: "2023-03-26 01:30:00 CET +01:00", Length: time.Hour},
		reason: "Paris skips 02:00-03:00 on 26 March 2023: two hours on the clock are one hour of real time",
	}, {
		name:   "FallBack",
		in:     "01:30-03:30 Europe/Paris",
		day:    time.Date(2023, 10, 29, 0, 0, 0, 0, time.UTC),
		want:   rangeResult{Start: "2023-10-29 01:30:00 CEST +02:00", Length: 3 * time.Hour},
		reason: "Paris repeats 02:00-03:00 on 29 October 2023: two hours on the clock are three of real time",
	}, {
		name:   "WholeDayTwoHoursBack",
		in:     "00:00-00:00 Antarctica/Troll",
		day:    time.Date(2023, 10, 29, 0, 0, 0, 0, time.UTC),
		want:   rangeResult{Start: "2023-10-29 00:00:00 +02 +02:00", Length: 26 * time.Hour},
		reason: "Troll station moves its clocks by two hours, so a day there can last 26 hours: more than 24h+1h",
	}, {
		name:   "UTCOnAZoneDay",
		in:     "01:30-03:30 UTC",
		day:    time.Date(2023, 3, 26, 0, 0, 0, 0, paris),
		want:   rangeResult{Start: "2023-03-26 01:30:00 UTC +00:00", Length: 2 * time.Hour},
		reason: "the zone in the text decides, not day's location",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slot, err := timeslot.ParseRange(tt.in, tt.day)
			if err != nil {
				t.Fatalf("ParseRange(%q, %v): %v\nreason: %s", tt.in, tt.day, err, tt.reason)
			}
			got := rangeResult{Start: clock(slot.Start), Length: slot.Length}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseRange(%q, %v) mismatch (-want +got):\n%s\nreason: %s", tt.in, tt.day, diff, tt.reason)
			}
		})
	}
}

func TestParseRangeErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		day     time.Time
		wantMsg string // a part of ParseError.Msg
		reason  string
	}{
		{name: "Empty", in: "", wantMsg: `want "hh:mm-hh:mm"`, reason: "nothing to read"},
		{name: "NotATime", in: "25:00-26:00", wantMsg: "25:00 is not a time of day", reason: "hours go up to 23"},
		{name: "EndNotATime", in: "23:00-24:00", wantMsg: "24:00 is not a time of day", reason: "midnight is written 00:00"},
		{name: "MinuteOutOfRange", in: "06:60-07:45", wantMsg: "06:60 is not a time of day", reason: "minutes go up to 59"},
		{name: "UnknownZone", in: "06:15-07:45 Mars/Olympus", wantMsg: `unknown zone "Mars/Olympus"`, reason: "a zone that does not exist"},
		{name: "ZoneWithDotDot", in: "06:15-07:45 ../../etc/passwd", wantMsg: "unknown zone", reason: "a zone name is not a path"},
		{name: "Words", in: "noon to three", wantMsg: `want "hh:mm-hh:mm"`, reason: "times are written in digits"},
		{name: "OneTime", in: "06:15 UTC", wantMsg: `want "hh:mm-hh:mm"`, reason: "a range has two ends"},
		{name: "NoMinutes", in: "16h-18h", wantMsg: `want "hh:mm-hh:mm"`, reason: "minutes are required"},
		{name: "OffsetTooLarge", in: "06:15-07:45 UTC+15", wantMsg: "offset UTC+15 is out of range", reason: "offsets go up to 14 hours"},
		{name: "OffsetMinutesTooLarge", in: "06:15-07:45 UTC+02:60", wantMsg: "out of range", reason: "offset minutes go up to 59"},
		{
			name: "SkippedClockTime", in: "02:30-04:00 Europe/Paris", day: time.Date(2023, 3, 26, 0, 0, 0, 0, time.UTC),
			wantMsg: "2023-03-26 02:30 does not exist in Europe/Paris",
			reason:  "regression: 02:30 was moved to 03:30, so 02:30-03:00 became a 23h30m slot",
		},
		{
			name: "SkippedDay", in: "23:00-00:00 Pacific/Apia", day: time.Date(2011, 12, 29, 0, 0, 0, 0, time.UTC),
			wantMsg: "2011-12-30 00:00 does not exist in Pacific/Apia",
			reason:  "regression: Samoa skipped 30 December 2011, and the slot came out 23 hours long, negative",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := tt.day
			if day.IsZero() {
				day = utc(0, 0)
			}
			got, err := timeslot.ParseRange(tt.in, day)
			if err == nil {
				t.Fatalf("ParseRange(%q, %v) = %v, want an error\nreason: %s", tt.in, day, got, tt.reason)
			}
			var pe *timeslot.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseRange(%q) error %T %v, want a *timeslot.ParseError", tt.in, err, err)
			}
			want := timeslot.ParseError{What: "clock range", Value: tt.in, Reason: pe.Reason}
			if diff := cmp.Diff(want, *pe); diff != "" {
				t.Errorf("ParseRange(%q) error mismatch (-want +got):\n%s\nreason: %s", tt.in, diff, tt.reason)
			}
			if !strings.Contains(pe.Reason, tt.wantMsg) {
				t.Errorf("ParseRange(%q) error message %q, want it to contain %q\nreason: %s", tt.in, pe.Reason, tt.wantMsg, tt.reason)
			}
		})
	}
}
