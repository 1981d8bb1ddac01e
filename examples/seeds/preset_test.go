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
	// want lists, per seed, the notes of the constraints it fails and of
	// those it cannot be checked against: the gender rule, for a page that
	// gives no genders, and a minimum that the speakers who give no value
	// could make up.
	min2023 := "IGF 2023 minimum criteria: "
	div := "IGF workshop evaluation, diversity: "
	rapporteur := "IGF session reports: a rapporteur"
	gender := min2023 + "one speaker of a different gender from the rest"
	geography := div + "geography (fairfloor's threshold: at most half of the speakers from one regional group)"
	type outcomes struct{ Fail, Unchecked []string }
	want := map[string]outcomes{
		// Three of its seven speakers give "Intergovernmental Organization"
		// as their region, which is no UN regional group: of the four from
		// one, three are WEOG.
		"cyber-diplomacy-roundtable": {
			Fail:      []string{geography, rapporteur},
			Unchecked: []string{gender},
		},
		"multistakeholder-cyber-diplomacy-panel": {
			Fail:      []string{geography},
			Unchecked: []string{gender},
		},
		"cyber-diplomacy-training-webdebate": {
			Fail: []string{
				min2023 + "at least one moderator onsite",
				min2023 + "at least two speakers onsite",
				rapporteur,
			},
			Unchecked: []string{
				gender, // two women, and a third who gives no gender
				div + "speakers from at least two stakeholder groups", // two Civil Society, and a third who gives none
			},
		},
		"igf-cooperation-roadmap-brainstorm": {
			Fail: []string{
				min2023 + "at least 3 confirmed speakers",
				gender, // no speakers at all
				min2023 + "at least two speakers onsite",
				div + "speakers from at least two stakeholder groups",
				div + "speakers from at least two regional groups",
				rapporteur,
			},
		},
		"sssr-concluding-session": {
			Fail: []string{
				min2023 + "at least one moderator onsite",
				geography,
				rapporteur,
			},
			Unchecked: []string{
				gender,
				div + "speakers from at least two stakeholder groups", // one Civil Society, and two who give none
			},
		},
	}
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			r, err := balance.DraftReport(load(t, name), promise)
			if err != nil {
				t.Fatal(err)
			}
			var got outcomes
			for _, p := range balance.Presets() {
				vs, err := balance.Check(r, p.Constraints...)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					if !v.Unchecked {
						got.Fail = append(got.Fail, v.Constraint.Note)
					} else {
						got.Unchecked = append(got.Unchecked, v.Constraint.Note)
					}
					t.Log(v.Error())
				}
			}
			if diff := cmp.Diff(want[name], got); diff != "" {
				t.Errorf("rules failed and unchecked mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
