package balance_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/balance"
)

// TestReadLogCSVLive reads logs as a live session appends them: an entry
// when it starts, with no end, and again when it ends, with the
// interruptions of a turn as entries of their own kind.
func TestReadLogCSVLive(t *testing.T) {
	s := auditSession()
	at := func(m, sec int) time.Time { return logUTC(6, m, sec) }
	for _, tt := range []struct {
		name, reason, in string
		want             []balance.Entry
	}{{
		name:   "closed",
		reason: "the line with the end closes the open entry, in its place",
		in:     "name,start,end,kind\nAna Berg,06:20,,\nBen Okafor,06:21,,intervention\nBen Okafor,06:21,06:22,intervention\nAna Berg,06:20,06:25,\n",
		want: []balance.Entry{
			{Name: "Ana Berg", Start: at(20, 0), End: at(25, 0)},
			{Name: "Ben Okafor", Start: at(21, 0), End: at(22, 0), Kind: balance.EntryIntervention},
		},
	}, {
		name:   "left open",
		reason: "a server killed mid-turn leaves the turn open: it stays open",
		in:     "name,start,end,kind\nAna Berg,06:20,06:25,\nChloe Diaz,06:25,,\nChloe Diaz,06:26,,Pause\n",
		want: []balance.Entry{
			{Name: "Ana Berg", Start: at(20, 0), End: at(25, 0)},
			{Name: "Chloe Diaz", Start: at(25, 0)},
			{Name: "Chloe Diaz", Start: at(26, 0), Kind: balance.EntryPause},
		},
	}, {
		name:   "other kind does not close",
		reason: "a pause of the same name and start does not close the speech",
		in:     "name,start,end,kind\nAna Berg,06:20,,\nAna Berg,06:20,06:21,pause\n",
		want: []balance.Entry{
			{Name: "Ana Berg", Start: at(20, 0)},
			{Name: "Ana Berg", Start: at(20, 0), End: at(21, 0), Kind: balance.EntryPause},
		},
	}, {
		name:   "name key",
		reason: "the closing line may spell the name in another case, as agenda.NameKey compares",
		in:     "name,start,end,kind\nAna Berg,06:20,,speech\nana  berg,06:20,06:21,\n",
		want:   []balance.Entry{{Name: "Ana Berg", Start: at(20, 0), End: at(21, 0)}},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			log, err := balance.ReadLogCSV(strings.NewReader(tt.in), s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, log.Entries, ignoreLine); diff != "" {
				t.Errorf("entries mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
	if _, err := balance.ReadLogCSV(strings.NewReader("name,start,end,kind\nAna,06:20,06:21,nap\n"), s); err == nil ||
		err.Error() != `balance: log line 2 kind "nap": want one of speech, pause, point of order, intervention` {
		t.Errorf("an unknown kind: %v", err)
	}
}

// TestAppendLogCSV writes a live session's lines one event at a time and
// reads the file back: the log is the one of the closed entries.
func TestAppendLogCSV(t *testing.T) {
	s := auditSession()
	start := logUTC(6, 20, 0).Add(250 * time.Millisecond)
	ana := balance.Entry{Name: "Ana Berg", Start: start}
	pause := balance.Entry{Name: "Ana Berg", Start: start.Add(time.Minute), Kind: balance.EntryPause}
	buf := bytes.NewBufferString("name,start,end,kind\n")
	for _, lines := range [][]balance.Entry{{ana}, {pause}} {
		if err := balance.AppendLogCSV(buf, lines...); err != nil {
			t.Fatal(err)
		}
	}
	pause.End = start.Add(90 * time.Second)
	ana.End = start.Add(5 * time.Minute)
	if err := balance.AppendLogCSV(buf, pause, ana); err != nil {
		t.Fatal(err)
	}
	want := "name,start,end,kind\n" +
		"Ana Berg,2023-10-10T06:20:00.25Z,,\n" +
		"Ana Berg,2023-10-10T06:21:00.25Z,,pause\n" +
		"Ana Berg,2023-10-10T06:21:00.25Z,2023-10-10T06:21:30.25Z,pause\n" +
		"Ana Berg,2023-10-10T06:20:00.25Z,2023-10-10T06:25:00.25Z,\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("file mismatch (-want +got):\n%s", diff)
	}
	log, err := balance.ReadLogCSV(buf, s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]balance.Entry{ana, pause}, log.Entries, ignoreLine); diff != "" {
		t.Errorf("entries mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []balance.Entry{{Name: " ", Start: start}, {Name: "Ana", Start: start, Kind: "nap"}} {
		var b bytes.Buffer
		if err := balance.AppendLogCSV(&b, ana, bad); err == nil || b.Len() > 0 {
			t.Errorf("AppendLogCSV(%+v) = %v, wrote %q; want an error and nothing written", bad, err, b.String())
		}
	}
}

// TestWriteLogCSVNames writes entries whose names CSV must quote, or that
// a reader could take for a comment, and reads them back unchanged.
func TestWriteLogCSVNames(t *testing.T) {
	start := logUTC(6, 20, 0)
	var entries []balance.Entry
	for i, name := range []string{"#1 speaker", `#"Ana", of "Berg"`, "Ana #2", `Ana "the" Berg, Jr.`, "Ana; Berg", "#"} {
		at := start.Add(time.Duration(i) * time.Minute)
		entries = append(entries, balance.Entry{Name: name, Start: at, End: at.Add(30 * time.Second)})
	}
	var b bytes.Buffer
	if err := balance.WriteLogCSV(&b, &balance.Log{Entries: entries}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n\"#1 speaker\",") {
		t.Errorf("a name starting with # is not quoted: %q", b.String())
	}
	log, err := balance.ReadLogCSV(&b, auditSession())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(entries, log.Entries, ignoreLine); diff != "" {
		t.Errorf("entries mismatch (-want +got):\n%s\nfile:\n%s", diff, b.String())
	}
}

// TestAuditInterruptions audits a turn with a pause and a point of order in
// it, and an intervention when nobody has the floor: the speech counts
// without them, and they count apart.
func TestAuditInterruptions(t *testing.T) {
	s, ros := auditPlan(t)
	at := func(m, sec int) time.Time { return logUTC(6, m, sec) }
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: at(20, 0), End: at(28, 0)},
		{Name: "Ana Berg", Start: at(21, 0), End: at(22, 0), Kind: balance.EntryPause},
		{Name: "Ana Berg", Start: at(21, 30), End: at(22, 30), Kind: balance.EntryPause}, // overlaps the first: the minute and a half counts once
		{Name: "a delegate", Start: at(24, 0), End: at(25, 0), Kind: balance.EntryPointOfOrder},
		{Name: "Audience member", Start: at(29, 0), End: at(30, 0), Kind: balance.EntryIntervention},
		{Name: "Ben Okafor", Start: at(30, 0)},
	}}
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.People[0]; got.Name != "Ana Berg" || got.Actual != 8*time.Minute-90*time.Second-time.Minute || got.Turns != 1 {
		t.Errorf("Ana Berg audited as %+v, want 5m30s in 1 turn", got)
	}
	if a.Paused != 2*time.Minute || a.Outside != 2*time.Minute {
		t.Errorf("paused %v, outside %v; want 2m each (pauses counted as logged)", a.Paused, a.Outside)
	}
	if len(a.Problems) != 1 || a.Problems[0].Kind != "not ended" || a.Problems[0].Entry != 5 {
		t.Errorf("problems %+v, want the open entry 5 only", a.Problems)
	}
	for _, p := range a.People {
		if !p.Known {
			t.Errorf("%+v: an interruption's name is nobody of the audit", p)
		}
	}
}

// TestAuditUnscheduledClock audits a log of clock times, as a live session
// records them, against an unscheduled session: no entry is outside its
// slot, which has no place on the clock, and a problem names the moment as
// RFC 3339 (this once printed an offset of 2562047 hours). A stopwatch time
// past the slot is still outside it.
func TestAuditUnscheduledClock(t *testing.T) {
	s := auditSession()
	s.Slot.Start = time.Time{}
	ros, _, err := balance.Plan(s, auditPolicy)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 2, 13, 0, 0, 0, time.UTC)
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: at, End: at.Add(5 * time.Minute)},
		{Name: "Ben Okafor", Start: at.Add(5 * time.Minute)},
		{Name: "Chloe Diaz", Start: s.Slot.Start.Add(39 * time.Minute), End: s.Slot.Start.Add(41 * time.Minute)},
	}}
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}
	want := []balance.LogProblem{
		{Entry: 1, Kind: "not ended", Text: "Ben Okafor (speech from 2026-12-02T13:05:00Z) has no end; counted as nothing"},
		{Entry: 2, Kind: "outside slot", Text: "Chloe Diaz speaks +39m–+41m, outside the slot 40m, not scheduled"},
	}
	if diff := cmp.Diff(want, a.Problems); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

// ignoreLine compares entries without the line of the file they were read
// from, which a log written anew does not keep.
var ignoreLine = cmpopts.IgnoreFields(balance.Entry{}, "Line")
