package balancetest_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/balancetest"
)

// fakeT stands in for *testing.T so that the example can show the failure.
// go-cmp varies the spaces of its diffs on purpose (so that nobody relies on
// their exact form); the fake evens them out to give the example a fixed output.
type fakeT struct{}

func (fakeT) Helper()                         {}
func (fakeT) Logf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (fakeT) Errorf(format string, args ...any) {
	fmt.Println(strings.ReplaceAll(fmt.Sprintf(format, args...), "\u00a0", " "))
}

// A panel where five of six speakers come from one regional group fails a
// cap of 40% of speaking time per regional group; the failure shows the
// wanted and the measured share.
func ExampleMeets() {
	s := &agenda.Session{
		Title:  "Panel",
		Format: agenda.FormatOnsite,
		People: []agenda.Person{{Name: "Mod", Roles: []agenda.Role{agenda.RoleModerator}}},
	}
	seg := agenda.Segment{Title: "Panel", Kind: agenda.SegmentKind("discussion"), Length: time.Hour, Facilitators: []string{"Mod"}}
	for i, region := range []agenda.Region{"WEOG", "WEOG", "WEOG", "WEOG", "WEOG", "GRULAC"} {
		name := fmt.Sprintf("Speaker %d", i+1)
		s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Region: region, Stakeholder: "Government"})
		seg.Speakers = append(seg.Speakers, name)
	}
	s.Segments = []agenda.Segment{seg}
	s.Slot.Length = time.Hour

	balancetest.Meets(fakeT{}, s, balance.Policy{},
		balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4})
	// Output:
	// balancetest: session "Panel" does not meet "no regional group above 40% of speaking time" (WEOG has 81.7%): mismatch (-want +got):
	//   map[string]string{
	// - 	"WEOG": "≤ 40%",
	// + 	"WEOG": "81.7% (Speaker 1, Speaker 2, Speaker 3, Speaker 4, Speaker 5)",
	//   }
}

// A draft panel checked against the IGF presets: five of its six speakers
// are WEOG, which fails; no speaker gives a gender, so the gender rule
// cannot be checked, which is logged and does not fail.
func ExampleReportMeetsPresets() {
	s := &agenda.Session{
		Title:  "Panel",
		Format: agenda.FormatOnsite,
		People: []agenda.Person{
			{Name: "Mod", Roles: []agenda.Role{agenda.RoleModerator}},
			{Name: "Rap", Roles: []agenda.Role{agenda.RoleRapporteur}},
		},
	}
	seg := agenda.Segment{Title: "Panel", Kind: agenda.SegmentKind("discussion"), Length: time.Hour, Facilitators: []string{"Mod"}}
	groups := []agenda.Stakeholder{"Government", "Civil Society"}
	for i, region := range []agenda.Region{"WEOG", "WEOG", "WEOG", "WEOG", "WEOG", "GRULAC"} {
		name := fmt.Sprintf("Speaker %d", i+1)
		s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Region: region, Stakeholder: groups[i%2]})
		seg.Speakers = append(seg.Speakers, name)
	}
	s.Segments = []agenda.Segment{seg}
	s.Slot.Length = time.Hour

	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	balancetest.ReportMeetsPresets(fakeT{}, r, balance.Presets()...)
	// Output:
	// balancetest: session "Panel": "at least 2 genders among speakers, IGF 2023 minimum criteria: one speaker of a different gender from the rest" cannot be checked: gender given for 0 of 6 speakers
	// balancetest: session "Panel" does not meet "no regional group above 50% of speakers, IGF workshop evaluation, diversity: geography (fairfloor's threshold: at most half of the speakers from one regional group)" (WEOG has 5 of 6 speakers (83.3%)): mismatch (-want +got):
	//   map[string]string{
	// - 	"WEOG": "≤ 50%",
	// + 	"WEOG": "83.3% (Speaker 1, Speaker 2, Speaker 3, Speaker 4, Speaker 5)",
	//   }
}
