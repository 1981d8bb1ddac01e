package balance_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// A draft panel where five of six speakers come from WEOG, all of them in
// government, checked against the rules a call for proposals might set.
// Each speaker has ten of the sixty minutes, so WEOG holds 50 of them.
func ExampleCheck() {
	s := &agenda.Session{
		Title:  "Panel",
		Format: agenda.FormatOnsite,
		People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}}},
	}
	panel := agenda.Segment{Title: "Panel", Kind: agenda.SegmentKind("discussion"), Length: time.Hour, Facilitators: []string{"Moderator"}}
	for i, region := range []agenda.Region{"WEOG", "WEOG", "WEOG", "WEOG", "WEOG", "GRULAC"} {
		name := fmt.Sprintf("Speaker %d", i+1)
		s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker},
			Stakeholder: "Government", Region: region, Gender: []string{"woman", "man"}[i%2]})
		panel.Speakers = append(panel.Speakers, name)
	}
	s.Segments = []agenda.Segment{panel}

	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	violations, err := balance.Check(r,
		balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
		balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4},
		balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 2},
		balance.Constraint{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55}, // not hybrid: skipped
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range violations {
		fmt.Println(v.Error())
		fmt.Printf("  measured %.3g, speakers %q\n", v.Measured, v.People)
	}
	// Output:
	// balance: at least 3 stakeholder groups among speakers: 1: Government
	//   measured 1, speakers []
	// balance: no regional group above 40% of speaking time: WEOG has 83.3%
	//   measured 0.833, speakers ["Speaker 1" "Speaker 2" "Speaker 3" "Speaker 4" "Speaker 5"]
}

// Constraints decode from JSON, as a proposal form or a CI job carries
// them, strictly: a misspelt field is an error naming where it is.
func ExampleDecodeConstraints() {
	cs, err := balance.DecodeConstraints(strings.NewReader(`[
		{"rule": "min-groups", "by": "stakeholder", "min": 3},
		{"rule": "max-share", "by": "region", "max": 0.4},
		{"rule": "share", "by": "mode", "group": "online", "min": 0.45, "max": 0.55},
		{"rule": "min-count", "by": "gender", "group": "woman", "min": 1}
	]`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		fmt.Println(c)
	}

	_, err = balance.DecodeConstraints(strings.NewReader(`[{"rule": "max-share", "by": "region", "maximum": 0.4}]`))
	fmt.Println(err)
	// Output:
	// at least 3 stakeholder groups among speakers
	// no regional group above 40% of speaking time
	// online share within 45%–55%
	// at least 1 woman among speakers
	// agenda: decoding [0].maximum: unknown field (known: by, group, label, max, min, note, role, rule)
}
