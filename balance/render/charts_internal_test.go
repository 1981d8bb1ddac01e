package render

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// TestChartTickStep checks that the time axis has at most chartMaxTicks
// intervals at a nice step, however long the slot (issue 13, item 5: one
// mark per four hours, with no cap, made a slot of 292 years cost 30 s).
func TestChartTickStep(t *testing.T) {
	nice := func(step float64) bool {
		if slices.Contains(chartTickSteps, step) {
			return true
		}
		days := step / 1440
		for p := 1.0; p <= days; p *= 10 {
			if days == p || days == 2*p || days == 5*p {
				return true
			}
		}
		return false
	}
	for _, minutes := range []float64{1, 5, 59, 90, 100, 400, 1441, 5000, 40000, 1e6, 1.537e8, 5e15} {
		step := chartTickStep(minutes)
		if minutes/step > chartMaxTicks || !nice(step) {
			t.Errorf("chartTickStep(%g) = %g: %g marks, or not a nice step", minutes, step, minutes/step)
		}
		ch := &chart{d: &Document{Draft: newChartTestSession(time.Duration(math.Min(minutes, 1.5e8)) * time.Minute)}}
		if ticks := ch.clockTicks(0, minutes); len(ticks) > chartMaxTicks+1 {
			t.Errorf("clockTicks(0, %g) makes %d marks, more than %d", minutes, len(ticks), chartMaxTicks+1)
		}
	}
	for _, bad := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		ch := &chart{d: &Document{Draft: newChartTestSession(time.Hour)}}
		if ticks := ch.clockTicks(0, bad); len(ticks) != 0 {
			t.Errorf("clockTicks(0, %g) = %d marks, want none", bad, len(ticks))
		}
	}
}

// TestChartFit checks chartFit against the answer of trying every cut, the
// longest that fits, and that a text of 4 MiB is cut in a moment (issue 13,
// item 6: trimming one letter at a time took 24 s for 10,000 letters).
func TestChartFit(t *testing.T) {
	sty := chartText(chartSans, 6.5, color.Black)
	naive := func(s string, width vg.Length) string {
		if sty.Width(s) <= width {
			return s
		}
		r := []rune(s)
		for n := len(r) - 1; n > 0; n-- {
			if c := strings.TrimRight(string(r[:n]), " ") + "…"; sty.Width(c) <= width {
				return c
			}
		}
		return ""
	}
	texts := []string{"", "a", "Ana Moreno", "Workshop 12: Who decides where data lives?", "WWWWWWWWWW iiiiiiiiii", "日本語のタイトル、とても長い", "a b c d e f g h i j k l m n o p"}
	for _, s := range texts {
		for _, width := range []vg.Length{0, 2, 5, 10, 20, 40, 80, 200} {
			if got, want := chartFit(sty, s, width), naive(s, width); got != want {
				t.Errorf("chartFit(%q, %v) = %q, want %q", s, width, got, want)
			}
		}
	}
	huge := strings.Repeat("T", 4<<20) // one character at a time took minutes; the bisection, a few measures
	got := chartFit(sty, huge, 496)
	if sty.Width(got) > 496 || !strings.HasSuffix(got, "…") || len(got) < 10 {
		t.Errorf("chartFit of 4 MiB = %q", got)
	}
	if chartFits(sty, huge, 496) {
		t.Error("chartFits says 4 MiB fits in 496 points")
	}
}

// newChartTestSession returns a scheduled session with a slot of length.
func newChartTestSession(length time.Duration) *agenda.Session {
	return &agenda.Session{Title: "T", Slot: timeslot.Slot{Start: time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC), Length: length}}
}
