package balance_test

import (
	"cmp"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/balance"
)

// FuzzPlan feeds random sessions and policies, valid and not, to the
// planner: it must never panic, and whatever it plans must add up exactly,
// in whole steps, within every bound.
func FuzzPlan(f *testing.F) {
	f.Add(uint64(1), uint8(6), uint8(1), uint8(0), int16(60), int16(0), int16(30))
	f.Add(uint64(2), uint8(12), uint8(3), uint8(1), int16(0), int16(600), int16(0))
	f.Add(uint64(3), uint8(1), uint8(1), uint8(2), int16(-5), int16(-1), int16(7))
	f.Add(uint64(4), uint8(40), uint8(5), uint8(3), int16(90), int16(1200), int16(1))
	f.Add(uint64(5), uint8(0), uint8(0), uint8(4), int16(0), int16(0), int16(0))
	f.Fuzz(func(t *testing.T, seed uint64, n, segs, kind uint8, intro, maxSec, stepSec int16) {
		rng := rand.New(rand.NewPCG(seed, uint64(n)<<8|uint64(segs)))
		s := genSession(rng, int(n%60), int(segs%6)+1)
		p := balance.Policy{
			Intro:          time.Duration(intro) * time.Second,
			OnlineHandover: time.Duration(rng.IntN(60)) * time.Second,
			Max:            time.Duration(maxSec) * time.Second,
			Step:           time.Duration(stepSec) * time.Second,
		}
		switch kind % 5 {
		case 1:
			p.Dimensions = []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: rng.Float64() / 4}, {By: balance.ByRegion, Target: "headcount"}}
		case 2:
			p.Dimensions = []balance.Dimension{{By: balance.ByStakeholder, Target: "explicit", Hard: true, Tolerance: 0.1,
				Shares: map[string]float64{"Government": 0.5, "Civil Society": 0.5}}}
		case 3:
			p.Dimensions = []balance.Dimension{{By: balance.ByLabel, Label: "age"}, {By: balance.ByGender, Weight: math.Inf(1)}}
		case 4:
			p.Fairness, p.Spread, p.MinTurn = rng.Float64()*5, rng.Float64(), time.Duration(rng.IntN(300))*time.Second
			p.First, p.Last = []string{"Speaker 0000"}, []string{"Speaker 0001", "Moderator"}
			// A keynote, whose share a bound may keep them from using.
			p.People = map[string]balance.Limits{"Speaker 0000": {Share: 1 + 3*rng.Float64(), Min: time.Duration(rng.IntN(600)) * time.Second, Max: time.Duration(rng.IntN(1800)) * time.Second}}
		}
		if n%7 == 3 && len(s.People) > 2 {
			s.People[2].Mode = "" // a hybrid session with a speaker of unknown mode
		}
		ros, al, err := balance.Plan(s, p)
		if err != nil {
			var inf *balance.InfeasibleError
			var pol *balance.PolicyError
			var ses *balance.SessionError
			if !errors.As(err, &inf) && !errors.As(err, &pol) && !errors.As(err, &ses) {
				t.Fatalf("untyped error: %v", err)
			}
			return
		}
		var speech time.Duration
		for i, seg := range ros.Segments {
			var sum time.Duration
			for _, turn := range seg.Turns {
				if turn.Length() < 0 {
					t.Fatalf("segment %d: a turn of %v", i, turn.Length())
				}
				sum += turn.Length()
				if turn.Kind == "speech" {
					speech += turn.Length()
					if turn.Length()%al.Step != 0 {
						t.Fatalf("a speech of %v is not whole steps of %v", turn.Length(), al.Step)
					}
				}
			}
			if sum != s.Segments[i].Length {
				t.Fatalf("segment %d: turns add up to %v, want %v", i, sum, s.Segments[i].Length)
			}
		}
		if speech != al.Budget {
			t.Fatalf("speeches add up to %v, want the budget %v", speech, al.Budget)
		}
		for _, sh := range al.Speakers {
			l := p.People[sh.Name]
			if most := cmp.Or(l.Max, p.Max); most > 0 && sh.Time > most {
				t.Fatalf("%s has %v, over the maximum %v", sh.Name, sh.Time, most)
			}
			if least := cmp.Or(l.Min, p.Min); sh.Time < least {
				t.Fatalf("%s has %v, under the minimum %v", sh.Name, sh.Time, least)
			}
		}
	})
}
