package render

import (
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

func TestInZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	panel := timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 90 * time.Minute}
	tests := []struct {
		name   string
		slot   timeslot.Slot
		loc    *time.Location
		want   string
		reason string
	}{
		{"Paris", panel, paris, "2023-10-10 08:15–09:45 CEST", "06:15 UTC is 08:15 in Paris in October 2023 (summer time)"},
		{"Unscheduled", timeslot.Slot{Length: 2 * time.Hour}, paris, "2h, not scheduled", "an unscheduled slot has no clock time to convert"},
		{"NilLocation", panel, nil, "2023-10-10 06:15–07:45 UTC", "a nil location leaves the slot as it is instead of panicking"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inZone(tt.slot, tt.loc)
			if got.String() != tt.want {
				t.Errorf("inZone(%v, %v) = %v, want %v (%s)", tt.slot, tt.loc, got, tt.want, tt.reason)
			}
			if !got.Start.Equal(tt.slot.Start) || got.Length != tt.slot.Length {
				t.Errorf("inZone(%v, %v) = %v: moved the slot (%s)", tt.slot, tt.loc, got, tt.reason)
			}
		})
	}
}

func TestProgrammeSpan(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2023, 10, 10, h, 0, 0, 0, time.UTC) }
	session := func(start time.Time, length time.Duration) agenda.Session {
		return agenda.Session{Slot: timeslot.Slot{Start: start, Length: length}}
	}
	p := &agenda.Programme{Sessions: []agenda.Session{
		session(time.Time{}, 10*time.Hour),
		session(at(9), time.Hour),
		session(at(6), 30*time.Minute),
		session(at(8), 4*time.Hour),
	}}
	span, ok := programmeSpan(p)
	if !ok || !span.Start.Equal(at(6)) || !span.End.Equal(at(12)) {
		t.Errorf("programmeSpan = %v–%v, %t; want 06:00–12:00 UTC, true: from the earliest start to the latest end, unscheduled sessions left out", span.Start, span.End, ok)
	}
	if _, ok := programmeSpan(&agenda.Programme{Sessions: p.Sessions[:1]}); ok {
		t.Errorf("programmeSpan of unscheduled sessions reports a span")
	}
}
