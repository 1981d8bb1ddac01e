package balance

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFamilySides checks that a speaker's pieces cut from their family's
// shared list are the pieces of their own cost, for speakers of random
// fair shares, bands, weights and bounds, most of them in a family.
func TestFamilySides(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	shared := 0
	for c := range 2000 {
		budget := 20 + rng.IntN(400)
		cs := newCosts(float64(budget) + 1)
		linear := false
		if rng.IntN(4) == 0 {
			linear = true
		}
		f := float64(budget) / float64(1+rng.IntN(12))
		spread := []float64{0, 0.1, 0.25, 0.5, 2}[rng.IntN(5)]
		for range 6 {
			lo := float64(rng.IntN(min(int(f)+3, budget)))
			hi := lo + float64(rng.IntN(budget-int(lo)+1))
			d := deviation{linear: linear, f: f, scale: max(f, 1), band: spread * f, w: 8, lo: lo, hi: hi}
			got := cs.of(d)
			for _, s := range []struct {
				side       side
				dir, reach float64
			}{{got.up, 1, hi - f}, {got.down, -1, f - lo}} {
				var have []piece
				s.side.each(func(p piece) { have = append(have, p) })
				want := d.pieces(got.clamped, s.dir, s.reach)
				if len(have) != len(want) {
					t.Fatalf("case %d %+v dir %v: %d pieces, want %d:\n%v\n%v", c, d, s.dir, len(have), len(want), have, want)
				}
				for j := range want {
					if math.Abs(have[j].cost-want[j].cost) > 1e-9*(1+math.Abs(want[j].cost)) || math.Abs(have[j].capacity-want[j].capacity) > 1e-9 {
						t.Fatalf("case %d %+v dir %v: piece %d is %v, want %v", c, d, s.dir, j, have[j], want[j])
					}
				}
				room := 0.0
				for _, p := range want {
					room += p.capacity
				}
				if math.Abs(s.side.room()-room) > 1e-9 {
					t.Errorf("case %d: room %v, want %v", c, s.side.room(), room)
				}
				for range 4 { // fill and below against a walk along the pieces
					amount := rng.Float64() * (room + 2)
					walk, left := 0.0, amount
					for _, p := range want {
						take := min(left, p.capacity)
						walk += take * p.cost
						left -= take
					}
					if got := s.side.fill(amount); math.Abs(got-walk) > 1e-9*(1+walk) {
						t.Fatalf("case %d: fill(%v) = %v, want %v", c, amount, got, walk)
					}
					if len(want) == 0 {
						continue
					}
					level := want[rng.IntN(len(want))].cost
					var under, at float64
					for _, p := range have {
						if p.cost < level {
							under += p.capacity
						} else if p.cost == level {
							at += p.capacity
						}
					}
					if gu, ga := s.side.below(level); gu != under || ga != at {
						t.Fatalf("case %d: below(%v) = %v, %v; want %v, %v", c, level, gu, ga, under, at)
					}
				}
				if len(s.side.list.pieces) > s.side.n || s.side.tail.capacity > 0 && s.side.n < len(s.side.list.pieces) {
					shared++
				}
			}
		}
	}
	if shared < 5000 {
		t.Errorf("only %d sides cut from a shared list; the generator needs tuning", shared)
	}
}

// TestMerge checks a type's merged pieces against every member's pieces
// sorted by cost, those of one cost added up: for members of one family,
// of several, and with pieces of their own, in one merger reused from
// type to type.
func TestMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 40))
	var mg merger
	var out []piece
	several := 0
	for c := range 1000 {
		budget := 40 + rng.IntN(400)
		cs := newCosts(float64(budget) + 1)
		families := []float64{float64(budget) / float64(2+rng.IntN(10)), float64(budget) / float64(2+rng.IntN(10))}
		var sides []side
		lists := map[*pieceList]bool{}
		for range 1 + rng.IntN(12) {
			f := families[rng.IntN(1+rng.IntN(2))]
			lo := float64(rng.IntN(int(f) + 1))
			hi := f + float64(rng.IntN(budget-int(f)+1))
			d := deviation{f: f, scale: f, band: 0.25 * f, w: 1 + float64(rng.IntN(2)), lo: lo, hi: hi}
			cost := cs.of(d)
			sd := cost.up
			if rng.IntN(2) == 0 {
				sd = cost.down
			}
			sides = append(sides, sd)
			lists[sd.list] = true
		}
		if len(lists) > 1 {
			several++
		}
		var want []piece
		for _, sd := range sides {
			sd.each(func(p piece) { want = append(want, p) })
		}
		slices.SortStableFunc(want, func(a, b piece) int { return cmp.Compare(a.cost, b.cost) })
		merged := want[:0]
		for _, p := range want {
			if n := len(merged); n > 0 && merged[n-1].cost == p.cost {
				merged[n-1].capacity += p.capacity
				continue
			}
			merged = append(merged, p)
		}
		out = mg.merge(out, sides)
		if len(out) != len(merged) {
			t.Fatalf("case %d: %d pieces merged, want %d:\n%v\n%v", c, len(out), len(merged), out, merged)
		}
		for j := range merged {
			if out[j].cost != merged[j].cost || math.Abs(out[j].capacity-merged[j].capacity) > 1e-9*(1+merged[j].capacity) {
				t.Fatalf("case %d: piece %d is %+v, want %+v", c, j, out[j], merged[j])
			}
		}
	}
	if several < 300 {
		t.Errorf("only %d of 1000 types had pieces of several lists; the generator needs tuning", several)
	}
}
