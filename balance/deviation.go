package balance

import "math"

// Deviation names the cost of a speaker's distance from their fair share.
type Deviation string

// The costs of a deviation, φ in the package documentation.
const (
	// DeviationQuadratic, the default, costs the square of the distance, so
	// a correction is spread over many speakers rather than taken from one,
	// and the optimum is unique.
	DeviationQuadratic Deviation = ""
	// DeviationLinear costs the distance itself, steeper beyond the band:
	// the plain programme of fairfloor's design, kept for comparisons. Its
	// optimum may split time between speakers of different types in any
	// way that costs the same.
	DeviationLinear Deviation = "linear"
)

// UnmarshalText sets d from "quadratic" (or "", both meaning
// [DeviationQuadratic]) or "linear", and refuses anything else with a
// *PolicyError.
func (d *Deviation) UnmarshalText(text []byte) error {
	switch v := Deviation(text); v {
	case "quadratic", DeviationQuadratic:
		*d = DeviationQuadratic
	case DeviationLinear:
		*d = v
	default:
		return &PolicyError{Field: "Deviation", Value: string(text), Reason: "want quadratic (empty) or linear"}
	}
	return nil
}

// MarshalText returns "quadratic" or "linear".
func (d Deviation) MarshalText() ([]byte, error) {
	if d == DeviationQuadratic {
		return []byte("quadratic"), nil
	}
	return []byte(d), nil
}

// The steepness beyond the band: how much more a deviation costs past s·f
// than inside it. For the quadratic cost it multiplies the square of the
// excess, which keeps a soft preference from pushing anyone more than a
// fraction of a step past the band; for the linear cost it multiplies the
// slope, as the design has it.
const (
	steepQuadratic = 100
	steepLinear    = 10
)

// The pieces of the quadratic cost: inside the band, the breakpoints are
// evenly spaced, one step apart or band/maxBandPieces where that is wider;
// beyond it, evenOuterPieces more as wide, then up to maxOuterPieces
// pieces that double in width, the last reaching the bound. A piece is no
// column of the programme, only a point its column passes, so they are
// many: the optimum is unique to within a piece.
const (
	maxBandPieces   = 64
	evenOuterPieces = 32
	maxOuterPieces  = 8
)

// deviation is one speaker's cost as a function of their time: centre f
// (the fair share, or what is left of it in a re-plan), scale F (the fair
// share the band and curvature are taken of), band b = s·F, and weight w =
// w₀·w_i. All in steps.
type deviation struct {
	kind     Deviation
	f, scale float64 // scale is at least one step, so that a share of nothing has a cost
	band     float64
	w        float64
	lo, hi   float64
}

// cost is the speaker's cost at time x:
//
//	quadratic:  w·(u² + steepQuadratic·(|u| − b)₊²)/F
//	linear:     w·(|u| + (steepLinear − 1)·(|u| − b)₊)
//
// with u = x − f.
func (d deviation) cost(x float64) float64 {
	u := math.Abs(x - d.f)
	out := max(0, u-d.band)
	if d.kind == DeviationLinear {
		return d.w * (u + (steepLinear-1)*out)
	}
	return d.w * (u*u + steepQuadratic*out*out) / d.scale
}

// breakpoints returns the distances from f, beyond 0, at which the
// piecewise-linear cost bends on one side, up to and including reach, the
// distance to the bound on that side. The cost between two breakpoints is
// the chord of [deviation.cost].
func (d deviation) breakpoints(reach float64) []float64 {
	if reach <= eps {
		return nil
	}
	if d.kind == DeviationLinear {
		if d.band > eps && d.band < reach-eps {
			return []float64{d.band, reach}
		}
		return []float64{reach}
	}
	inside := min(d.band, reach)
	n := 1
	if inside > 1 {
		n = min(maxBandPieces, int(math.Ceil(inside-eps)))
	}
	bps := make([]float64, 0, n+evenOuterPieces+maxOuterPieces)
	h := inside / float64(n)
	for j := 1; j < n; j++ {
		bps = append(bps, float64(j)*h)
	}
	if inside < reach-eps {
		bps = append(bps, inside)
		width := max(h, 1)
		at := inside
		for k := 0; k < evenOuterPieces+maxOuterPieces-1 && at+width < reach-eps; k++ {
			at += width
			bps = append(bps, at)
			if k >= evenOuterPieces-1 {
				width *= 2
			}
		}
	}
	return append(bps, reach)
}

// pieces returns the clamped centre c = min(max(f, lo), hi), the cost at
// c, and the pieces to move up from c to hi and down from c to lo, cheapest
// first, appended to store.
func (d deviation) pieces(store []piece) (c, base float64, up, down, out []piece) {
	c = min(max(d.f, d.lo), d.hi)
	base = d.cost(c)
	side := func(dir, reach float64) []piece {
		start := len(store)
		from := math.Abs(c - d.f) // c is on this side of f, or at it
		if (c-d.f)*dir < 0 {
			from = -from
		}
		prev, prevCost := from, d.cost(c)
		for _, bp := range d.breakpoints(reach) {
			if bp <= prev+eps {
				continue
			}
			x := d.f + dir*bp
			cost := d.cost(x)
			store = append(store, piece{cost: (cost - prevCost) / (bp - prev), capacity: bp - prev})
			prev, prevCost = bp, cost
		}
		return store[start:len(store):len(store)]
	}
	up = side(1, d.hi-d.f)
	down = side(-1, d.f-d.lo)
	return c, base, up, down, store
}
