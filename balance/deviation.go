package balance

import (
	"math"
	"slices"
)

// linearDeviation is Policy.Deviation for the linear cost φ; "" and
// "quadratic" are the quadratic one.
const linearDeviation = "linear"

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
// evenly spaced, 1/piecesPerStep of a step apart or band/maxBandPieces
// where that is wider; beyond it, evenOuterPieces more as wide or a step
// wide if that is wider, or as many as reach evenOuterReach·F from the
// fair share (at most maxEvenOuterPieces), then up to maxOuterPieces
// pieces that double in width, the last reaching the bound. A piece is no
// column of the programme, only a point its column passes, so they are
// many: the optimum is unique to within a piece, and so, where the band
// holds few steps (as it does at 30-second steps), to within the sixth of
// a step below which an explanation lists no part (see explainShares):
// speakers alike but for a group are explained alike, where pieces a step
// wide would leave a group's correction of less than a step to whichever
// of them the solver's path puts on the next point.
const (
	piecesPerStep      = 6
	maxBandPieces      = 64
	evenOuterPieces    = 32
	evenOuterReach     = 2   // times the scale F: how far from the fair share the even pieces go on
	maxEvenOuterPieces = 512 // as many as the default band of 64 pieces needs to reach 2F
	maxOuterPieces     = 8
)

// deviation is one speaker's cost as a function of their time: centre f
// (the fair share, or what is left of it in a re-plan), scale F (the fair
// share the band and curvature are taken of), band b = s·F, and weight w =
// w₀·w_i. All in steps.
type deviation struct {
	linear   bool
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
	if d.linear {
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
	if d.linear {
		if d.band > eps && d.band < reach-eps {
			return []float64{d.band, reach}
		}
		return []float64{reach}
	}
	inside := min(d.band, reach)
	n := 1
	if inside*piecesPerStep > 1 {
		n = min(maxBandPieces, int(math.Ceil(inside*piecesPerStep-eps)))
	}
	bps := make([]float64, 0, n+evenOuterPieces+maxOuterPieces) // the most pieces, but where the even ones reach further
	h := inside / float64(n)
	for j := 1; j < n; j++ {
		bps = append(bps, float64(j)*h)
	}
	if inside < reach-eps {
		bps = append(bps, inside)
		width := max(h, 1)
		at := inside
		even := d.evenOuter(inside, width)
		for k := 0; k < even+maxOuterPieces-1 && at+width < reach-eps; k++ {
			at += width
			bps = append(bps, at)
			if k >= even-1 {
				width *= 2
			}
		}
	}
	return append(bps, reach)
}

// evenOuter returns how many pieces of the given width follow the band,
// of width inside, before the pieces that double: evenOuterPieces, or as
// many as reach twice the scale from the fair share, up to
// maxEvenOuterPieces. Speakers the segments hold far from their fair share
// (a lightning round's, or two sharing a long segment) are then still on
// pieces about a step wide, where a wide piece would let a group's nudge
// move them anywhere in it: minutes apart at 1-second steps.
func (d deviation) evenOuter(inside, width float64) int {
	n := int(math.Floor((evenOuterReach*d.scale-inside)/width + eps))
	return min(maxEvenOuterPieces, max(evenOuterPieces, n))
}

// family is what a speaker's pieces depend on but their bounds: speakers
// of one family whose bounds are beyond their band, which most are, have
// the pieces of one list, each cut at their own bound.
type family struct {
	linear   bool
	f, scale float64
	band     float64
	w        float64
}

// costs builds the pieces of speakers' costs, and shares them: between
// speakers of the same cost, and between speakers of a family.
type costs struct {
	reach    float64        // beyond every speaker's bound, for a family's list
	byDev    map[devKey]int // index in list
	list     []cost
	families map[family]*[2]*pieceList // per family: the list up, and down
}

// devKey is a deviation's bits: hashed as one block of memory, where the
// deviation's floats would be hashed one by one, which a session's
// thousands of speakers make a tenth of the time of sorting them into
// types. The values are finite and not −0, so equal bits are equal values.
type devKey [7]uint64

func (d deviation) key() devKey {
	bits := math.Float64bits
	return devKey{uint64(btoi(d.linear)), bits(d.f), bits(d.scale), bits(d.band), bits(d.w), bits(d.lo), bits(d.hi)}
}

// cost is a speaker's cost, as the programme and the rounding use it.
type cost struct {
	index    int     // the same for speakers of the same cost
	clamped  float64 // c_i
	base     float64 // the cost at c_i
	up, down side    // the ways to move from c_i, cheapest first
}

func newCosts(reach float64) *costs {
	return &costs{reach: reach, byDev: map[devKey]int{}, families: map[family]*[2]*pieceList{}}
}

// of returns d's cost, built the first time d is asked for.
func (cs *costs) of(d deviation) cost {
	key := d.key()
	if i, ok := cs.byDev[key]; ok {
		return cs.list[i]
	}
	c := cost{index: len(cs.list), clamped: min(max(d.f, d.lo), d.hi)}
	c.base = d.cost(c.clamped)
	c.up = cs.side(d, c.clamped, 1, d.hi-d.f)
	c.down = cs.side(d, c.clamped, -1, d.f-d.lo)
	cs.byDev[key] = c.index
	cs.list = append(cs.list, c)
	return c
}

// side returns the pieces from c in direction dir, to reach from f: the
// family's list cut at reach where c is f and reach is beyond the band,
// which gives the same pieces as [deviation.pieces], or a list of its own.
func (cs *costs) side(d deviation, c, dir, reach float64) side {
	if c != d.f || reach < d.band+eps || d.band <= eps || reach <= eps {
		return ownSide(d.pieces(c, dir, reach))
	}
	fam := family{linear: d.linear, f: d.f, scale: d.scale, band: d.band, w: d.w}
	lists := cs.families[fam]
	if lists == nil {
		lists = new([2]*pieceList)
		cs.families[fam] = lists
	}
	which := 0
	if dir < 0 {
		which = 1
	}
	list := lists[which]
	if list == nil {
		list = newPieceList(d.pieces(c, dir, max(cs.reach, reach+1)))
		lists[which] = list
	}
	if reach > list.cum[len(list.pieces)]-1 {
		return ownSide(d.pieces(c, dir, reach)) // beyond the list
	}
	// The list's breakpoints below reach are this speaker's too, and its
	// last piece ends at reach: breakpoints are the same sequence cut short.
	n, _ := slices.BinarySearch(list.cum[1:], reach-eps)
	s := side{list: list, n: n}
	if from := list.cum[n]; reach > from {
		s.tail = piece{cost: (d.cost(d.f+dir*reach) - d.cost(d.f+dir*from)) / (reach - from), capacity: reach - from}
	}
	return s
}

// pieces returns the pieces from c in direction dir up to reach from f,
// cheapest first: the chords of [deviation.cost] between its breakpoints.
func (d deviation) pieces(c, dir, reach float64) []piece {
	from := math.Abs(c - d.f) // c is on this side of f, or at it
	if (c-d.f)*dir < 0 {
		from = -from
	}
	bps := d.breakpoints(reach)
	out := make([]piece, 0, len(bps))
	prev, prevCost := from, d.cost(c)
	for _, bp := range bps {
		if bp <= prev+eps {
			continue
		}
		cost := d.cost(d.f + dir*bp)
		out = append(out, piece{cost: (cost - prevCost) / (bp - prev), capacity: bp - prev})
		prev, prevCost = bp, cost
	}
	return out
}
