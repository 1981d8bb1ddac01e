package render

import (
	"testing"
	"time"

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
