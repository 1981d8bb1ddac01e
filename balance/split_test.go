package balance_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestEvenAcrossSegments plans random sessions and checks that speakers who
// speak in the same segments split their time across them alike: what
// each has above the least turns falls in each segment in proportion to
// their total, to within the rounding of a step a segment, rather than
// wherever the optimum's vertex put it (one speaker 1m30s of an open floor
// and another 7m30s, both with their fair share in all).
func TestEvenAcrossSegments(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	pairs := 0
	for c := range 400 {
		s, p := multiSegmentCase(rng)
		al, err := balance.Allocate(s, p)
		if err != nil {
			if !errors.Is(err, balance.ErrInfeasible) {
				t.Fatalf("case %d: %v", c, err)
			}
			continue
		}
		ref := newReference(s, p)
		if len(ref.segs) != len(al.Segments) {
			t.Fatalf("case %d: %d speaking segments, the reference has %d", c, len(al.Segments), len(ref.segs))
		}
		// Per speaker: the steps above the least turn in each segment, or −1
		// where they do not speak.
		above := map[string][]int{}
		for k, seg := range al.Segments {
			for _, sh := range seg.Speakers {
				if above[sh.Name] == nil {
					above[sh.Name] = slices.Repeat([]int{-1}, len(al.Segments))
				}
				above[sh.Name][k] = int(sh.Time/ref.step) - ref.segs[k].minTurn
			}
		}
		names := make([]string, 0, len(above))
		for name, e := range above {
			if len(e)-len(slices.DeleteFunc(slices.Clone(e), func(v int) bool { return v >= 0 })) > 1 {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for a, i := range names {
			for _, j := range names[a+1:] {
				ei, ej := above[i], above[j]
				if !slices.EqualFunc(ei, ej, func(x, y int) bool { return (x < 0) == (y < 0) }) {
					continue // not the same segments
				}
				ti, tj := sum(ei), sum(ej)
				if ti == 0 || tj == 0 {
					continue
				}
				pairs++
				for k := range ei {
					if ei[k] < 0 {
						continue
					}
					// j's split scaled to i's total, and the rounding of both.
					want := float64(ej[k]) * float64(ti) / float64(tj)
					if math.Abs(float64(ei[k])-want) > 1+float64(ti)/float64(tj)+1e-9 {
						t.Errorf("case %d: in segment %d, %s has %d steps above the least turn of %d, %s %d of %d: not alike",
							c, k, i, ei[k], ti, j, ej[k], tj)
					}
				}
			}
		}
	}
	t.Logf("%d pairs of speakers in the same segments compared", pairs)
	if pairs < 500 {
		t.Errorf("only %d pairs compared; the generator needs tuning", pairs)
	}
}

// multiSegmentCase draws a session of genSession's kind in which the
// speakers of a panel also speak, some or all of them, in one to three more
// discussions, such as an open floor, and a policy of randomPolicy's kind
// at steps of a second to the default 30.
func multiSegmentCase(rng *rand.Rand) (*agenda.Session, balance.Policy) {
	s := genSession(rng, 3+rng.IntN(8), 1)
	panel := s.Segments[0].Speakers
	for k := range 1 + rng.IntN(3) {
		seg := agenda.Segment{Title: fmt.Sprintf("Open floor %d", k+1), Kind: "discussion", Facilitators: []string{"Moderator"}}
		for _, name := range panel {
			if rng.IntN(3) > 0 {
				seg.Speakers = append(seg.Speakers, name)
			}
		}
		if len(seg.Speakers) < 2 {
			seg.Speakers = slices.Clone(panel[:2])
		}
		seg.Length = time.Duration(len(seg.Speakers)*(2+rng.IntN(4))) * time.Minute
		s.Segments = append(s.Segments, seg)
		s.Slot.Length += seg.Length
	}
	p := randomPolicy(rng, s)
	p.Step = []time.Duration{0, time.Second, 5 * time.Second, 15 * time.Second}[rng.IntN(4)] // 0: the default
	return s, p
}

func sum(v []int) int {
	s := 0
	for _, x := range v {
		if x > 0 {
			s += x
		}
	}
	return s
}

// TestEvenWithForcedZero plans a session in which every split that meets
// the totals leaves a speaker's cell empty: Zoe has all of a keynote she
// gives alone, and so only her least turn of the panel. The split of the
// others, Ana and Ben, who both have about 30m over the panel and the open
// floor, is still even, where the fitting, approaching Zoe's empty cell a
// little each round, fell short and kept the repair's 29m58s against 1s.
func TestEvenWithForcedZero(t *testing.T) {
	sh := func(name string, st agenda.Stakeholder) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Region: "WEOG", Stakeholder: st}
	}
	s := &agenda.Session{Title: "Keynote and panel", Format: agenda.FormatOnsite,
		People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			sh("Ana", "Government"), sh("Ben", "Civil Society"), sh("Zoe", "Private Sector")},
		Segments: []agenda.Segment{
			{Title: "Keynote", Kind: "discussion", Length: time.Hour, Speakers: []string{"Zoe"}, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute, Speakers: []string{"Ana", "Ben", "Zoe"}, Facilitators: []string{"Moderator"}},
			{Title: "Open floor", Kind: "discussion", Length: 30 * time.Minute, Speakers: []string{"Ana", "Ben"}, Facilitators: []string{"Moderator"}},
		}}
	for _, g := range s.Segments {
		s.Slot.Length += g.Length
	}
	for _, step := range []time.Duration{time.Second, 5 * time.Second, 30 * time.Second} {
		al, err := balance.Allocate(s, balance.Policy{Step: step, MinTurn: step})
		if err != nil {
			t.Fatal(err)
		}
		for _, seg := range al.Segments[1:] {
			in := map[string]time.Duration{}
			for _, x := range seg.Speakers {
				in[x.Name] = x.Time
			}
			if d := in["Ana"] - in["Ben"]; d.Abs() > 2*step {
				t.Errorf("steps of %v, %q: Ana %v, Ben %v; both have about 30m in all", step, s.Segments[seg.Segment].Title, in["Ana"], in["Ben"])
			}
		}
	}
}
