package balance

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestGroupRowsOfTypes checks that the group rows tallied over the types
// are those tallied over the speakers one by one, under every kind of
// target, with keynotes and speakers who give no group.
func TestGroupRowsOfTypes(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 31))
	targets := []string{"", "headcount", "equal"}
	for c := range 300 {
		n := 2 + rng.IntN(30)
		s := genInternalSession(rng, n, 1+rng.IntN(3))
		p := Policy{People: map[string]Limits{}, Dimensions: []Dimension{
			{By: ByMode, Target: targets[rng.IntN(3)]},
			{By: ByStakeholder, Target: targets[rng.IntN(3)]},
			{By: ByRegion, Target: "explicit", Shares: map[string]float64{"African Group": 0.5, "GRULAC": 0.25, "WEOG": 0.25}},
		}}
		for range rng.IntN(3) { // keynotes, with shares of two or one and a half
			p.People[s.People[1+rng.IntN(n)].Name] = Limits{Share: []float64{2, 1.5}[rng.IntN(2)], Max: time.Hour}
		}
		pr, err := newProblem(s, p, nil)
		if err != nil {
			t.Fatalf("case %d: %v", c, err)
		}
		ks := pr.kinds()
		if diff := cmp.Diff(pr.groupRows(nil), pr.groupRows(ks), cmp.AllowUnexported(groupRow{})); diff != "" {
			t.Errorf("case %d: rows over the types differ from those over the speakers (-speakers +types):\n%s", c, diff)
		}
	}
}
