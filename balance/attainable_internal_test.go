package balance

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestWaterLevel checks the level at which bounded shares meet a budget,
// against levels worked out by hand.
func TestWaterLevel(t *testing.T) {
	type sp struct {
		lo, hi int
		share  float64
	}
	tests := []struct {
		name          string
		speakers      []sp
		budget, plain float64
		want          float64
		ok            bool
	}{
		{"no one held", []sp{{0, 100, 1}, {0, 100, 1}}, 40, 20, 20, true},
		{"one capped", []sp{{0, 10, 2}, {0, 100, 1}, {0, 100, 1}}, 40, 10, 15, true},
		{"one raised", []sp{{30, 100, 1}, {0, 100, 1}, {0, 100, 1}}, 60, 20, 15, true},
		{"a keynote raised and one capped", []sp{{50, 100, 2}, {0, 5, 1}, {0, 100, 1}}, 80, 20, 25, true},
		// Everyone held over a stretch of levels: the one nearest plain.
		{"all capped, plain inside", []sp{{0, 10, 1}, {0, 10, 1}}, 20, 12, 12, true},
		{"all capped, plain below", []sp{{0, 10, 1}, {0, 10, 1}}, 20, 4, 10, true},
		{"all at their floors", []sp{{10, 100, 1}, {10, 100, 1}}, 20, 12, 10, true},
		{"floors too high", []sp{{30, 100, 1}, {0, 100, 1}}, 20, 10, 0, false},
		{"caps too low", []sp{{0, 5, 1}, {0, 5, 1}}, 20, 10, 0, false},
		{"bounds that meet", []sp{{7, 7, 1}, {0, 100, 1}}, 20, 10, 13, true},
		// The maximums add up to the budget exactly, with shares that are
		// no whole numbers: the sum carried from point to point ends a
		// rounding error short of it, and the level is still found.
		{"maximums that add up to the budget", []sp{{15, 31, 1.3}, {10, 20, 1}, {18, 37, 1}, {17, 35, 0.1}, {11, 22, 1.1}, {14, 29, 0.6}, {9, 19, 1.2}}, 193, 193 / 6.3, 350, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			speakers := make([]speaker, len(tt.speakers))
			for i, s := range tt.speakers {
				speakers[i] = speaker{lo: s.lo, hi: s.hi, share: s.share}
			}
			got, ok := waterLevel(speakers, tt.budget, tt.plain)
			if ok != tt.ok || math.Abs(got-tt.want) > 1e-9*max(1, tt.want) {
				t.Errorf("waterLevel = %g, %v; want %g, %v", got, ok, tt.want, tt.ok)
			}
			// The level does not depend on the order of the speakers.
			for range 20 {
				rand.Shuffle(len(speakers), func(i, j int) { speakers[i], speakers[j] = speakers[j], speakers[i] })
				if again, okAgain := waterLevel(speakers, tt.budget, tt.plain); again != got || okAgain != ok {
					t.Fatalf("in another order, waterLevel = %g, %v; first %g, %v", again, okAgain, got, ok)
				}
			}
			if !ok {
				return
			}
			sum := 0.0
			for _, sp := range speakers {
				sum += min(max(got*sp.share, float64(sp.lo)), float64(sp.hi))
			}
			if math.Abs(sum-tt.budget) > 1e-9 {
				t.Errorf("at level %g the shares add up to %g, not the budget %g", got, sum, tt.budget)
			}
		})
	}
}
