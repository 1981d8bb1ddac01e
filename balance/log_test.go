package balance_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// sameErr compares the Err of a *LogError by errors.Is and message: an
// error of encoding/csv, such as csv.ErrFieldCount, has no fields to
// compare, and an *agenda.LimitError is made anew for each log.
var sameErr = cmp.FilterPath(func(p cmp.Path) bool {
	sf, ok := p.Last().(cmp.StructField)
	return ok && sf.Name() == "Err"
}, cmp.Comparer(func(want, got error) bool {
	if want == nil || got == nil {
		return want == got
	}
	return want.Error() == got.Error() && (errors.Is(got, want) || fmt.Sprintf("%T", want) == fmt.Sprintf("%T", got))
}))

// logSession is a session with only a slot: all ReadLogCSV reads of it.
func logSession(slot timeslot.Slot) *agenda.Session {
	return &agenda.Session{Title: "Log test", Format: agenda.FormatHybrid, Slot: slot}
}

// logZurich loads Europe/Zurich, the zone of seed 003's brainstorm.
func logZurich(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// logUTC is 10 October 2023 (seed 001's day) at a clock time in UTC.
func logUTC(hour, min, sec int) time.Time {
	return time.Date(2023, 10, 10, hour, min, sec, 0, time.UTC)
}

// logFromZero is a moment of an unscheduled session: d after the zero start.
func logFromZero(d time.Duration) time.Time { return time.Time{}.Add(d) }

func TestReadLogCSV(t *testing.T) {
	zurich := logZurich(t)
	utc := logSession(timeslot.Slot{Start: logUTC(6, 15, 0), Length: 90 * time.Minute})
	geneva := logSession(timeslot.Slot{Start: time.Date(2017, 12, 17, 16, 0, 0, 0, zurich), Length: 2 * time.Hour})
	unscheduled := logSession(timeslot.Slot{Length: 90 * time.Minute})

	tests := []struct {
		name   string
		reason string
		s      *agenda.Session
		in     string
		want   *balance.Log
	}{{
		name:   "RFC 3339",
		reason: "the plain case: the header in its documented order, times with a zone",
		s:      utc,
		in:     "name,start,end\nAna Berg,2023-10-10T06:20:00Z,2023-10-10T06:29:30Z\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 30), Line: 2}}},
	}, {
		name:   "RFC 3339 offset and fraction",
		reason: "08:40:30+02:00 is 06:40:30 UTC; fractions of a second are kept",
		s:      utc,
		in:     "name,start,end\nBen Okafor,2023-10-10T08:40:30+02:00,2023-10-10T06:48:00.5Z\n",
		want: &balance.Log{Entries: []balance.Entry{{Name: "Ben Okafor", Start: logUTC(6, 40, 30),
			End: logUTC(6, 48, 0).Add(500 * time.Millisecond), Line: 2}}},
	}, {
		name:   "header in any order",
		reason: "columns are found by name, in any case, with space around them",
		s:      utc,
		in:     "End, NAME ,Start\n2023-10-10T06:29:30Z,Ana Berg,2023-10-10T06:20:00Z\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 30), Line: 2}}},
	}, {
		name:   "comments",
		reason: "lines starting with # are skipped, before the header and between entries; blank lines too",
		s:      utc,
		in:     "# timekeeper's sheet\nname,start,end\n# first question\nAna Berg,06:20,06:29\n\n# second question\nBen Okafor,06:29,06:35\n",
		want: &balance.Log{Entries: []balance.Entry{
			{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 0), Line: 4},
			{Name: "Ben Okafor", Start: logUTC(6, 29, 0), End: logUTC(6, 35, 0), Line: 7}, // after a blank line and a comment
		}},
	}, {
		name:   "clock times on a UTC slot",
		reason: "a slot 2023-10-10T06:15Z: 06:20:00 is 06:20 UTC that day, 06:25 is 06:25",
		s:      utc,
		in:     "name,start,end\nAna Berg,06:20:00,06:25\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 25, 0), Line: 2}}},
	}, {
		name:   "clock times in Europe/Zurich",
		reason: "on 17 December 2017 Zurich is at UTC+1, so 16:05 there is 15:05 UTC; ignoring the zone would give 16:05 UTC",
		s:      geneva,
		in:     "name,start,end\nAna Berg,16:05,16:12:30\n",
		want: &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg",
			Start: time.Date(2017, 12, 17, 15, 5, 0, 0, time.UTC), End: time.Date(2017, 12, 17, 15, 12, 30, 0, time.UTC), Line: 2}}},
	}, {
		name:   "unscheduled slot",
		reason: "an unscheduled session's clock counts from its zero start: 0:12:30 is 12m30s in, 1:05:00 is 1h5m in",
		s:      unscheduled,
		in:     "name,start,end\nJames Shires,0:12:30,1:05:00\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "James Shires", Start: logFromZero(12*time.Minute + 30*time.Second), End: logFromZero(65 * time.Minute), Line: 2}}},
	}, {
		name:   "unscheduled slot, short clock",
		reason: "0:12 is hours and minutes, as 15:04 reads it: 12 minutes in",
		s:      unscheduled,
		in:     "name,start,end\nJames Shires,0:10,0:12\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "James Shires", Start: logFromZero(10 * time.Minute), End: logFromZero(12 * time.Minute), Line: 2}}},
	}, {
		name:   "unscheduled slot, unpadded clock",
		reason: "a stopwatch may write 0:5:3 for 5m3s",
		s:      unscheduled,
		in:     "name,start,end\nJames Shires,0:5:3,0:6:0\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "James Shires", Start: logFromZero(5*time.Minute + 3*time.Second), End: logFromZero(6 * time.Minute), Line: 2}}},
	}, {
		name:   "names kept as written",
		reason: "the name is trimmed but not matched to anyone: that is AuditLog's job",
		s:      utc,
		in:     "name,start,end\n\"Okafor, Ben \",06:20,06:25\nAudience member,06:25,06:26\n",
		want: &balance.Log{Entries: []balance.Entry{
			{Name: "Okafor, Ben", Start: logUTC(6, 20, 0), End: logUTC(6, 25, 0), Line: 2},
			{Name: "Audience member", Start: logUTC(6, 25, 0), End: logUTC(6, 26, 0), Line: 3},
		}},
	}, {
		name:   "end before start",
		reason: "a backwards entry is read as written; AuditLog reports it",
		s:      utc,
		in:     "name,start,end\nAna Berg,06:25,06:20\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: logUTC(6, 25, 0), End: logUTC(6, 20, 0), Line: 2}}},
	}, {
		name:   "semicolons",
		reason: "spreadsheets set to a European language write CSV with semicolons (issue 15); a comma then belongs to the field",
		s:      utc,
		in:     "# Zeitnahme\nName; Start; End\nOkafor, Ben;06:20;06:25\n\"Rückheim; Elena\";2023-10-10T06:25:00,5Z;06:30\n",
		want: &balance.Log{Entries: []balance.Entry{
			{Name: "Okafor, Ben", Start: logUTC(6, 20, 0), End: logUTC(6, 25, 0), Line: 3},
			{Name: "Rückheim; Elena", Start: logUTC(6, 25, 0).Add(500 * time.Millisecond), End: logUTC(6, 30, 0), Line: 4},
		}},
	}, {
		name:   "semicolons with a byte-order mark and CRLF",
		reason: "as Excel writes them",
		s:      utc,
		in:     "\ufeffname;start;end\r\nAna Berg;06:20;06:25\r\n",
		want:   &balance.Log{Entries: []balance.Entry{{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 25, 0), Line: 2}}},
	}, {
		name:   "header only",
		reason: "a log with no entries is empty, not an error",
		s:      utc,
		in:     "name,start,end\n",
		want:   &balance.Log{},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := balance.ReadLogCSV(strings.NewReader(tc.in), tc.s)
			if err != nil {
				t.Fatalf("ReadLogCSV(%q): %v\nreason: %s", tc.in, err, tc.reason)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadLogCSV(%q) mismatch (-want +got):\n%s\nreason: %s", tc.in, diff, tc.reason)
			}
		})
	}
}

// TestReadLogCSVZone checks that clock times are shown in the slot's zone,
// not only at the right instant.
func TestReadLogCSVZone(t *testing.T) {
	zurich := logZurich(t)
	s := logSession(timeslot.Slot{Start: time.Date(2017, 12, 17, 16, 0, 0, 0, zurich), Length: 2 * time.Hour})
	got, err := balance.ReadLogCSV(strings.NewReader("name,start,end\nAna Berg,16:05,16:12:30\n"), s)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2017-12-17 16:05:00 CET", "2017-12-17 16:12:30 CET"}
	e := got.Entries[0]
	if diff := cmp.Diff(want, []string{e.Start.Format(time.DateTime + " MST"), e.End.Format(time.DateTime + " MST")}); diff != "" {
		t.Errorf("clock times mismatch (-want +got):\n%s", diff)
	}
}

func TestReadLogCSVErrors(t *testing.T) {
	utc := logSession(timeslot.Slot{Start: logUTC(6, 15, 0), Length: 90 * time.Minute})
	unscheduled := logSession(timeslot.Slot{Length: 90 * time.Minute})
	const badTime = `want an RFC 3339 time or a clock time such as "15:04:05"`
	const headerWant = "want the columns name, start and end, and optionally kind, separated by commas (name,start,end) or semicolons (name;start;end)"
	const commas = "want the fields of the header, separated by commas as in it"
	const semicolons = "want the fields of the header, separated by semicolons as in it"

	tests := []struct {
		name   string
		reason string
		s      *agenda.Session
		in     string
		want   *balance.LogError
		text   string // the error's message
	}{{
		name:   "unknown column",
		reason: "a column besides name, start and end is refused, as given",
		s:      utc,
		in:     "name,start,Stop\nAna Berg,06:20,06:25\n",
		want:   &balance.LogError{Line: 1, Field: "header", Value: "Stop", Reason: headerWant},
		text:   `balance: log line 1 header "Stop": ` + headerWant,
	}, {
		name:   "unknown column after comments",
		reason: "the header's line counts the comments above it (this said line 1 for a header on line 3)",
		s:      utc,
		in:     "# made up\n# for a test\nspeaker,start,end\n",
		want:   &balance.LogError{Line: 3, Field: "header", Value: "speaker", Reason: headerWant},
	}, {
		name:   "duplicate column",
		reason: "two name columns leave no end column",
		s:      utc,
		in:     "name,start,Name\n",
		want:   &balance.LogError{Line: 1, Field: "header", Value: "Name", Reason: "column given twice"},
	}, {
		name:   "missing column",
		reason: "the three columns are required, and the header names the one missing",
		s:      utc,
		in:     "name,start\nAna Berg,06:20\n",
		want:   &balance.LogError{Line: 1, Field: "header", Value: "name,start", Reason: headerWant},
		text:   `balance: log line 1 header "name,start": ` + headerWant,
	}, {
		name:   "missing field in an entry",
		reason: "an entry with two fields is refused on its own line, after a comment",
		s:      utc,
		in:     "name,start,end\nAna Berg,06:20,06:25\n# Ben forgot to stop the clock\nBen Okafor,06:25\n",
		want:   &balance.LogError{Line: 4, Err: csv.ErrFieldCount, Reason: commas},
	}, {
		name:   "extra field",
		reason: "four fields are as wrong as two",
		s:      utc,
		in:     "name,start,end\nAna Berg,06:20,06:25,online\n",
		want:   &balance.LogError{Line: 2, Err: csv.ErrFieldCount, Reason: commas},
	}, {
		name:   "another separator",
		reason: "a header with neither commas nor semicolons between its columns is refused, with both named (issue 15)",
		s:      utc,
		in:     "name|start|end\nAna Berg|06:20|06:25\n",
		want:   &balance.LogError{Line: 1, Field: "header", Value: "name|start|end", Reason: headerWant},
		text:   `balance: log line 1 header "name|start|end": ` + headerWant,
	}, {
		name:   "semicolon header, comma entry",
		reason: "the header sets the separator for every line, and the error says which",
		s:      utc,
		in:     "name;start;end\nAna Berg;06:20;06:25\nBen Okafor,06:25,06:30\n",
		want:   &balance.LogError{Line: 3, Err: csv.ErrFieldCount, Reason: semicolons},
		text:   "balance: log line 3: wrong number of fields: " + semicolons,
	}, {
		name:   "comma header, semicolon entry",
		reason: "as above, the other way round",
		s:      utc,
		in:     "name,start,end\nAna Berg;06:20;06:25\n",
		want:   &balance.LogError{Line: 2, Err: csv.ErrFieldCount, Reason: commas},
	}, {
		name:   "empty name",
		reason: "a blank name is refused on its line, counting comments",
		s:      utc,
		in:     "# sheet\nname,start,end\nAna Berg,06:20,06:25\n  ,06:25,06:30\n",
		want:   &balance.LogError{Line: 4, Field: "name", Reason: "empty"},
		text:   "balance: log line 4 name: empty",
	}, {
		name:   "quoted empty name",
		reason: `"" is as empty as nothing`,
		s:      utc,
		in:     "name,start,end\n\"\",06:25,06:30\n",
		want:   &balance.LogError{Line: 2, Field: "name", Reason: "empty"},
	}, {
		name:   "bad end time",
		reason: "the field and value are named",
		s:      utc,
		in:     "name,start,end\nAna Berg,06:20,soon\n",
		want:   &balance.LogError{Line: 2, Field: "end", Value: "soon", Reason: badTime},
		text:   `balance: log line 2 end "soon": ` + badTime,
	}, {
		name:   "hour out of range",
		reason: "25:00 is no time of day",
		s:      utc,
		in:     "start,end,name\n25:00,25:10,Ana Berg\n",
		want:   &balance.LogError{Line: 2, Field: "start", Value: "25:00", Reason: badTime},
	}, {
		name:   "RFC 3339 without a zone",
		reason: "a date and time without an offset is neither RFC 3339 nor a clock time",
		s:      utc,
		in:     "name,start,end\nAna Berg,2023-10-10T06:20:00,06:25\n",
		want:   &balance.LogError{Line: 2, Field: "start", Value: "2023-10-10T06:20:00", Reason: badTime},
	}, {
		name:   "offset of 24 hours",
		reason: "time.Parse reads +24:00, but RFC 3339 (and encoding/json) cannot write it back",
		s:      utc,
		in:     "name,start,end\nAna Berg,2023-10-10T06:20:00Z,2023-10-11T06:25:00+24:00\n",
		want: &balance.LogError{Line: 2, Field: "end", Value: "2023-10-11T06:25:00+24:00",
			Reason: "the offset is outside ±23:59, which RFC 3339 cannot write"},
	}, {
		name:   "clock with trailing text, unscheduled",
		reason: "0:12:30x is not 12m30s (a scan that stopped at the third number took it for one)",
		s:      unscheduled,
		in:     "name,start,end\nJames Shires,0:10:00,0:12:30x\n",
		want:   &balance.LogError{Line: 2, Field: "end", Value: "0:12:30x", Reason: badTime},
	}, {
		name:   "signed clock, unscheduled",
		reason: "a clock time has no sign",
		s:      unscheduled,
		in:     "name,start,end\nJames Shires,-0:10:00,0:12:30\n",
		want:   &balance.LogError{Line: 2, Field: "start", Value: "-0:10:00", Reason: badTime},
	}, {
		name:   "unpadded clock, scheduled",
		reason: "only an unscheduled session's stopwatch clock may leave out the zeros",
		s:      utc,
		in:     "name,start,end\nAna Berg,6:5:3,06:25\n",
		want:   &balance.LogError{Line: 2, Field: "start", Value: "6:5:3", Reason: badTime},
	}, {
		name:   "empty input",
		reason: "no header at all",
		s:      utc,
		in:     "",
		want:   &balance.LogError{Reason: "empty: want a header name,start,end"},
		text:   "balance: log: empty: want a header name,start,end",
	}, {
		name:   "comments only",
		reason: "comments are not a header",
		s:      utc,
		in:     "# nothing was logged\n",
		want:   &balance.LogError{Reason: "empty: want a header name,start,end"},
	}, {
		name:   "too large",
		reason: "input over agenda.MaxBytes is refused before it is parsed",
		s:      utc,
		in:     "name,start,end\n" + strings.Repeat("#", agenda.MaxBytes),
		want:   &balance.LogError{Err: &agenda.LimitError{What: "bytes", Max: agenda.MaxBytes, Limit: "agenda.MaxBytes"}},
		text:   "balance: log: input too large: more than 4194304 bytes (agenda.MaxBytes)",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log, err := balance.ReadLogCSV(strings.NewReader(tc.in), tc.s)
			var got *balance.LogError
			if !errors.As(err, &got) {
				t.Fatalf("ReadLogCSV = %v, %v; want a *balance.LogError\nreason: %s", log, err, tc.reason)
			}
			if log != nil {
				t.Errorf("ReadLogCSV returned a log with its error: %v", log)
			}
			if diff := cmp.Diff(tc.want, got, sameErr); diff != "" {
				t.Errorf("ReadLogCSV error mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}
			if tc.text != "" {
				if diff := cmp.Diff(tc.text, err.Error()); diff != "" {
					t.Errorf("error text mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestReadLogCSVMaxBytes checks the limit's edge: agenda.MaxBytes is read,
// one byte more is not.
func TestReadLogCSVMaxBytes(t *testing.T) {
	s := logSession(timeslot.Slot{Start: logUTC(6, 15, 0), Length: 90 * time.Minute})
	header := "name,start,end\n"
	fill := func(n int) string { return header + strings.Repeat("#", n-len(header)-1) + "\n" }
	if _, err := balance.ReadLogCSV(strings.NewReader(fill(agenda.MaxBytes)), s); err != nil {
		t.Errorf("ReadLogCSV of exactly MaxBytes: %v", err)
	}
	if _, err := balance.ReadLogCSV(strings.NewReader(fill(agenda.MaxBytes+1)), s); err == nil {
		t.Errorf("ReadLogCSV of MaxBytes+1: no error")
	}
}

func TestReadLogJSON(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   *balance.Log
	}{{
		name:   "valid",
		reason: "names and RFC 3339 times, in any offset",
		in: `{"entries": [
			{"name": "Ana Berg", "start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:29:30Z"},
			{"end": "2023-10-10T06:41:00Z", "name": "Chloe Diaz", "start": "2023-10-10T08:29:00+02:00"}
		]}`,
		want: &balance.Log{Entries: []balance.Entry{
			{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 30)},
			{Name: "Chloe Diaz", Start: logUTC(6, 29, 0), End: logUTC(6, 41, 0)},
		}},
	}, {
		name:   "empty object",
		reason: "no entries is an empty log",
		in:     `{}`,
		want:   &balance.Log{},
	}, {
		name:   "empty list",
		reason: "an empty list stays an empty list",
		in:     `{"entries": []}`,
		want:   &balance.Log{Entries: []balance.Entry{}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := balance.ReadLogJSON(strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("ReadLogJSON: %v\nreason: %s", err, tc.reason)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadLogJSON mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
			}
		})
	}
}

func TestReadLogJSONErrors(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   error // a *balance.LogError or *agenda.DecodeError, compared field by field
		text   string
	}{{
		name:   "unknown field",
		reason: "a misspelt field is refused at its path, not ignored",
		in:     `{"entries": [{"name": "Ana Berg", "start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:29:30Z"}, {"speaker": "Ben Okafor"}]}`,
		want:   &agenda.DecodeError{Field: "entries[1].speaker"},
		text:   "agenda: decoding entries[1].speaker: unknown field (known: end, kind, name, start)",
	}, {
		name:   "unknown top-level field",
		reason: "the log has only entries",
		in:     `{"entries": [], "session": "roundtable"}`,
		want:   &agenda.DecodeError{Field: "session"},
	}, {
		name:   "clock time",
		reason: "JSON times are RFC 3339 only: without the session there is no day",
		in:     `{"entries": [{"name": "Ana Berg", "start": "06:20", "end": "2023-10-10T06:29:30Z"}]}`,
		want:   &agenda.DecodeError{Field: "entries[0].start"},
	}, {
		name:   "empty name",
		reason: "a blank name is refused at its path",
		in:     `{"entries": [{"name": "Ana Berg", "start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:29:30Z"}, {"name": " ", "start": "2023-10-10T06:29:30Z", "end": "2023-10-10T06:30:00Z"}]}`,
		want:   &balance.LogError{Field: "entries[1].name", Reason: "empty"},
		text:   "balance: log entries[1].name: empty",
	}, {
		name:   "offset of 24 hours",
		reason: "time.Parse reads +23:60, an offset of 24 hours, which json.Marshal then refuses to write: the fuzz test's round trip failed on it",
		in:     `{"entries": [{"name": "Ana Berg", "start": "2023-10-10T06:20:00Z", "end": "2023-10-11T06:25:00+23:60"}]}`,
		want: &balance.LogError{Field: "entries[0].end", Value: "2023-10-11T06:25:00+24:00",
			Reason: "the offset is outside ±23:59, which RFC 3339 cannot write"},
		text: `balance: log entries[0].end "2023-10-11T06:25:00+24:00": the offset is outside ±23:59, which RFC 3339 cannot write`,
	}, {
		name:   "missing name",
		reason: "an entry without a name has an empty one",
		in:     `{"entries": [{"start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:29:30Z"}]}`,
		want:   &balance.LogError{Field: "entries[0].name", Reason: "empty"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log, err := balance.ReadLogJSON(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("ReadLogJSON = %+v, no error\nreason: %s", log, tc.reason)
			}
			switch want := tc.want.(type) {
			case *balance.LogError:
				var got *balance.LogError
				if !errors.As(err, &got) {
					t.Fatalf("ReadLogJSON error %#v, want a *balance.LogError\nreason: %s", err, tc.reason)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("ReadLogJSON error mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
				}
			case *agenda.DecodeError:
				var got *agenda.DecodeError
				if !errors.As(err, &got) {
					t.Fatalf("ReadLogJSON error %#v, want an *agenda.DecodeError\nreason: %s", err, tc.reason)
				}
				if diff := cmp.Diff(want.Field, got.Field); diff != "" {
					t.Errorf("ReadLogJSON error path mismatch (-want +got):\n%s\nreason: %s", diff, tc.reason)
				}
				if !strings.Contains(err.Error(), want.Field) {
					t.Errorf("ReadLogJSON error %q does not mention the path %q", err, want.Field)
				}
			}
			if tc.text != "" {
				if diff := cmp.Diff(tc.text, err.Error()); diff != "" {
					t.Errorf("error text mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}
