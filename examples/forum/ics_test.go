package main

import (
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"github.com/fairfloor/fairfloor/examples/seeds"
)

// TestICS checks that -format ics writes one calendar for the forum that a
// calendar parser (go-ical) reads: each seed session with a start time, as one event
// for the session and one per segment, and the sessions without one named
// on standard error.
func TestICS(t *testing.T) {
	out, errs := output(t, "-format", "ics")
	cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v", err)
	}
	prog, err := seeds.Programme()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for i := range prog.Sessions {
		s := &prog.Sessions[i]
		if !s.Slot.Scheduled() {
			if line := `has no start time and is not in the calendar`; !strings.Contains(errs, `"`+s.Title+`" `+line) {
				t.Errorf("standard error does not name %q, which has no start time:\n%s", s.Title, errs)
			}
			continue
		}
		want += 1 + len(s.Segments)
		found := false
		for _, ev := range cal.Events() {
			if summary, err := ev.Props.Text(ical.PropSummary); err == nil && summary == s.Title {
				found = true
			}
		}
		if !found {
			t.Errorf("no event is the session %q", s.Title)
		}
	}
	if got := len(cal.Events()); got != want {
		t.Errorf("%d events, want %d", got, want)
	}
	if !strings.Contains(out, "\r\nX-WR-CALNAME:"+prog.Title+"\r\n") {
		t.Errorf("the calendar is not named %q", prog.Title)
	}
}
