package format

import "testing"

func TestPercent(t *testing.T) {
	tests := []struct {
		share float64
		want  string
		why   string
	}{
		{0.5, "50%", "no decimal when none is needed"},
		{0.495, "49.5%", "one decimal"},
		{0.12345, "12.3%", "rounded to one decimal"},
		{0.99996, "100%", "rounds up to a whole"},
		{0, "0%", "zero"},
		{-0.25, "-25%", "a negative share, as a deviation below target is"},
	}
	for _, tt := range tests {
		if got := Percent(tt.share); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q (%s)", tt.share, got, tt.want, tt.why)
		}
	}
}
