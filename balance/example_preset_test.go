package balance_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// The built-in presets, by name, with the rules they encode.
func ExamplePresets() {
	for _, p := range balance.Presets() {
		fmt.Printf("%s: %s\n", p.Name, p.Description)
		for _, c := range p.Constraints {
			fmt.Printf("  %v\n", c)
		}
	}
	// Output:
	// igf-2023-minimum: IGF 2023 workshop review, stage 1 minimum criteria: at least 3 confirmed speakers; one speaker of a different gender from the rest; at least one moderator and two speakers onsite
	//   at least 3 speakers
	//   at least 2 genders among speakers
	//   at least 1 moderator onsite
	//   at least 2 speakers onsite
	// igf-diversity: IGF workshop evaluation since 2017, diversity of speakers: at least two stakeholder groups and two regional groups; at most half of the speakers from one regional group (fairfloor's threshold)
	//   at least 2 stakeholder groups among speakers
	//   at least 2 regional groups among speakers
	//   no regional group above 50% of speakers
	// igf-rapporteur: IGF session reports: a rapporteur who writes the report due after the session
	//   at least 1 rapporteur
}

// A hybrid draft with two speakers, both women, one of them in the room,
// and its moderator online, checked against the IGF 2023 minimum criteria:
// each violation names the criterion it breaks.
func ExamplePresets_check() {
	s := &agenda.Session{
		Title:  "Draft workshop",
		Format: agenda.FormatHybrid,
		People: []agenda.Person{
			{Name: "Lena Okafor", Roles: []agenda.Role{agenda.RoleOrganizer, agenda.RoleModerator}, Mode: agenda.ModeOnline},
			{Name: "Amara Diallo", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Gender: "woman",
				Stakeholder: "Civil Society", Region: "African Group"},
			{Name: "Sofía Reyes", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline, Gender: "woman",
				Stakeholder: "Government", Region: "GRULAC"},
		},
		Segments: []agenda.Segment{{Title: "Discussion", Kind: "discussion", Length: time.Hour,
			Speakers: []string{"Amara Diallo", "Sofía Reyes"}, Facilitators: []string{"Lena Okafor"}}},
	}
	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range balance.Presets() {
		if p.Name != balance.PresetIGF2023Minimum {
			continue
		}
		violations, err := balance.Check(r, p.Constraints...)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, v := range violations {
			fmt.Println(v.Error())
		}
	}
	// Output:
	// balance: at least 3 speakers (IGF 2023 minimum criteria: at least 3 confirmed speakers): 2
	// balance: at least 2 genders among speakers (IGF 2023 minimum criteria: one speaker of a different gender from the rest): 1: woman
	// balance: at least 1 moderator onsite (IGF 2023 minimum criteria: at least one moderator onsite): 0
	// balance: at least 2 speakers onsite (IGF 2023 minimum criteria: at least two speakers onsite): 1
}

// An organizer's own preset, in JSON: a youth speaker (by a label the
// organizer gives their people) and a rapporteur. The constraint without a
// note is given the preset's name, so its violation names the preset. The
// youth rule cannot be checked: the one speaker who gives an age is an
// adult, but the other gives none.
func ExampleDecodePresets() {
	presets, err := balance.DecodePresets(strings.NewReader(`[{
		"name": "youth-track",
		"description": "Youth track: a young voice on every panel, and a report",
		"constraints": [
			{"rule": "min-count", "by": "label", "label": "age", "group": "youth", "min": 1,
			 "note": "Youth track: at least one youth speaker"},
			{"rule": "min-count", "role": "rapporteur", "min": 1}
		]
	}]`))
	if err != nil {
		fmt.Println(err)
		return
	}

	s := &agenda.Session{
		Title:  "Youth and the open internet",
		Format: agenda.FormatOnsite,
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}},
			{Name: "Speaker 1", Roles: []agenda.Role{agenda.RoleSpeaker}, Labels: map[string]string{"age": "adult"}},
			{Name: "Speaker 2", Roles: []agenda.Role{agenda.RoleSpeaker}},
		},
		Segments: []agenda.Segment{{Title: "Panel", Kind: "discussion", Length: 45 * time.Minute,
			Speakers: []string{"Speaker 1", "Speaker 2"}, Facilitators: []string{"Moderator"}}},
	}
	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range presets {
		fmt.Println(p.Name + ":")
		violations, err := balance.Check(r, p.Constraints...)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, v := range violations {
			fmt.Println(" ", v.Error())
		}
	}
	// Output:
	// youth-track:
	//   balance: at least 1 speaker with age youth (Youth track: at least one youth speaker): cannot be checked: age given for 1 of 2 speakers, among them 0
	//   balance: at least 1 rapporteur (youth-track): 0
}
