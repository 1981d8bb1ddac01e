package seeds_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// TestSeedPresets checks each seed's draft against the built-in IGF
// presets. What each seed should meet comes from its source text:
//   - 000 lists seven speakers from Civil Society and Government, from WEOG,
//     the African Group and intergovernmental organizations, and an onsite
//     moderator; its page gives no genders and names no rapporteur.
//   - 001 lists six speakers, five of them WEOG, from Civil Society,
//     Government and the Private Sector, a moderator and a rapporteur; no
//     genders.
//   - 002 is an online web debate: three speakers, two of them women ("She
//     also highlighted", "her research"), both Civil Society, WEOG and
//     GRULAC; nobody onsite.
//   - 003 names only its moderator: inputs are not attributed.
//   - 004 has three speakers (two report-backs and a discussant), one with
//     a stakeholder group given, from the Eastern European Group and WEOG;
//     facilitators, but no moderator and no rapporteur.
func TestSeedPresets(t *testing.T) {
	// failing lists, per seed, the notes of the constraints it fails.
	min2023 := "IGF 2023 minimum criteria: "
	div := "IGF workshop evaluation, diversity: "
	rapporteur := "IGF session reports: a rapporteur"
	want := map[string][]string{
		"cyber-diplomacy-roundtable": {
			min2023 + "one speaker of a different gender from the rest",
			// "Intergovernmental Organization" is not a UN regional group:
			// of the 4 speakers who give one, 3 are WEOG.
			"IGF workshop evaluation, diversity: geography (fairfloor's threshold: at most half of the speakers from one regional group)",
			rapporteur,
		},
		"multistakeholder-cyber-diplomacy-panel": {
			min2023 + "one speaker of a different gender from the rest",
			div + "geography (fairfloor's threshold: at most half of the speakers from one regional group)",
		},
		"cyber-diplomacy-training-webdebate": {
			min2023 + "one speaker of a different gender from the rest",
			min2023 + "at least one moderator onsite",
			min2023 + "at least two speakers onsite",
			div + "speakers from at least two stakeholder groups",
			rapporteur,
		},
		"igf-cooperation-roadmap-brainstorm": {
			min2023 + "at least 3 confirmed speakers",
			min2023 + "one speaker of a different gender from the rest",
			min2023 + "at least two speakers onsite",
			div + "speakers from at least two stakeholder groups",
			div + "speakers from at least two regional groups",
			rapporteur,
		},
		"sssr-concluding-session": {
			min2023 + "one speaker of a different gender from the rest",
			min2023 + "at least one moderator onsite",
			div + "speakers from at least two stakeholder groups",
			div + "geography (fairfloor's threshold: at most half of the speakers from one regional group)",
			rapporteur,
		},
	}
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := balance.DraftReport(load(t, name), promise)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range balance.Presets() {
				vs, err := p.Check(r)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					got = append(got, v.Constraint.Note)
					t.Log(v.Error())
				}
			}
			if diff := cmp.Diff(want[name], got); diff != "" {
				t.Errorf("failed rules mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
