package balance

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// TestUniqueFromAnyStart solves random programmes twice, the second time
// with the columns of the types in reverse order, which sends the simplex
// down another path to its optimum: the objective is the same, and every
// speaker's time before rounding is within a step of the first solve's,
// as the strictly convex cost makes the optimum unique to within a step.
func TestUniqueFromAnyStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1000))
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector"}
	regions := []agenda.Region{"African Group", "GRULAC", "WEOG", "Asia-Pacific Group"}
	compared := 0
	for c := range 1000 {
		s := &agenda.Session{Title: "random", Format: agenda.FormatHybrid,
			People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite}}}
		n, segs := 2+rng.IntN(9), 1+rng.IntN(3)
		for i := range n {
			s.People = append(s.People, agenda.Person{Name: fmt.Sprintf("Speaker %d", i), Roles: []agenda.Role{agenda.RoleSpeaker},
				Mode: []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[rng.IntN(2)], Stakeholder: stakeholders[rng.IntN(3)], Region: regions[rng.IntN(4)]})
		}
		for k := range segs {
			seg := agenda.Segment{Title: fmt.Sprint("Part ", k), Kind: agenda.SegmentKind("discussion"), Length: time.Duration(10+rng.IntN(30)) * time.Minute}
			for i := range n {
				if rng.IntN(segs) == 0 || i%segs == k {
					seg.Speakers = append(seg.Speakers, s.People[1+i].Name)
				}
			}
			s.Segments = append(s.Segments, seg)
		}
		p := Policy{Dimensions: []Dimension{{By: ByMode, Weight: 1 + float64(rng.IntN(3))}, {By: ByStakeholder}, {By: ByRegion, Weight: 0.5 + rng.Float64()}}}
		if rng.IntN(3) == 0 {
			p.Step = time.Second * time.Duration(1+rng.IntN(60))
		}
		pr, err := newProblem(s, p, nil)
		if err != nil {
			continue
		}
		ks := pr.kinds()
		first, err := pr.solve(ks)
		if err != nil {
			continue
		}
		reversed := slices.Clone(ks)
		slices.Reverse(reversed)
		second, err := pr.solve(reversed)
		if err != nil {
			t.Fatalf("case %d: the reversed programme fails: %v", c, err)
		}
		if math.Abs(first.objective-second.objective) > 1e-6*(1+math.Abs(first.objective)) {
			t.Errorf("case %d: objective %v, reversed %v", c, first.objective, second.objective)
		}
		a, b := pr.perSpeaker(first.ks, first.total), pr.perSpeaker(second.ks, second.total)
		for i := range a {
			// Within a piece: inside the band (the default Spread of a
			// quarter), a sixth of a step, or the band's maxBandPieces'th
			// where that is wider; beyond it, a step.
			sp := &pr.speakers[i]
			band := DefaultSpread * sp.fair
			piece := max(1.0/piecesPerStep, band/maxBandPieces)
			if math.Abs(a[i]-sp.fair) > band-1e-9 || math.Abs(b[i]-sp.fair) > band-1e-9 {
				piece = max(1, band/maxBandPieces)
			}
			if math.Abs(a[i]-b[i]) > piece+1e-6 {
				t.Errorf("case %d: %s has %.3f steps, %.3f from the reversed start: more than a piece (%.3f) apart (fair %.2f, up %v down %v)", c, sp.person.Name, a[i], b[i], piece, sp.fair, pr.cost(i).up, pr.cost(i).down)
			}
		}
		compared++
	}
	if compared < 800 {
		t.Errorf("only %d programmes compared; the generator needs tuning", compared)
	}
}
