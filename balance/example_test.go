package balance_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// The promise of a hybrid panel, speaking time evenly weighted between
// online and onsite speakers, as a hard rule: three government speakers from
// WEOG in the room, one civil-society speaker from Africa online. An online
// speaker gets on average what an onsite speaker gets, so the lone online
// speaker has her fair share, 7m30s of the 30 minutes, not half of them;
// the rule fixes the online time, so her being the only civil-society and
// African speaker cannot add to it.
func ExampleAllocate() {
	speaker := func(name string, mode agenda.Mode, sh agenda.Stakeholder, region agenda.Region) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode, Stakeholder: sh, Region: region}
	}
	s := &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			speaker("Anna Berg", agenda.ModeOnsite, "Government", "WEOG"),
			speaker("Claire Dubois", agenda.ModeOnsite, "Government", "WEOG"),
			speaker("Erik Lund", agenda.ModeOnsite, "Government", "WEOG"),
			speaker("Amina Diallo", agenda.ModeOnline, "Civil Society", "African Group"),
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
				Speakers:     []string{"Anna Berg", "Claire Dubois", "Erik Lund", "Amina Diallo"},
				Facilitators: []string{"Moderator", "Online moderator"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		},
	}
	parity := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}}

	al, err := balance.Allocate(s, parity)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("speaking time:", timeslot.FormatLength(al.Budget))
	for _, sh := range al.Speakers {
		fmt.Printf("%-13s %s (fair share %s)\n", sh.Name, timeslot.FormatLength(sh.Time), timeslot.FormatLength(sh.Fair))
	}
	for _, g := range al.Balance[0].Groups {
		fmt.Printf("%s %s: %s, target %s\n", al.Balance[0].Dimension.Name(), g.Group, timeslot.FormatLength(g.Time), timeslot.FormatLength(g.TargetTime))
	}
	// Output:
	// speaking time: 30m
	// Anna Berg     7m30s (fair share 7m30s)
	// Claire Dubois 7m30s (fair share 7m30s)
	// Erik Lund     7m30s (fair share 7m30s)
	// Amina Diallo  7m30s (fair share 7m30s)
	// mode online: 7m30s, target 7m30s
	// mode onsite: 22m30s, target 22m30s
}

// A run-of-show for a scheduled slot: the moderator opens the roundtable,
// each speaker's turn follows a hand-over (longer online), audience
// questions close it, and the clock adds up to the slot.
func ExamplePlan() {
	s := &agenda.Session{
		Title:  "Hybrid roundtable",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 45 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			{Name: "Amina Diallo", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Region: "African Group"},
			{Name: "Bruno Costa", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Region: "GRULAC"},
			{Name: "Chen Wei", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline, Region: "Asia-Pacific Group"},
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Roundtable", Kind: "discussion", Length: 35 * time.Minute,
				Speakers:     []string{"Amina Diallo", "Bruno Costa", "Chen Wei"},
				Facilitators: []string{"Moderator", "Online moderator"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		},
	}
	p := balance.Policy{
		Intro:    2 * time.Minute,
		Handover: 30 * time.Second, OnlineHandover: time.Minute,
		Audience: 8 * time.Minute,
	}

	ros, _, err := balance.Plan(s, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, seg := range ros.Segments {
		fmt.Printf("%s–%s %s\n", seg.Start.Format("15:04:05"), seg.End.Format("15:04:05"), s.Segments[i].Title)
		for _, turn := range seg.Turns {
			line := fmt.Sprintf("  %s–%s %-10s %s", turn.Start.Format("15:04:05"), turn.End.Format("15:04:05"), turn.Kind, turn.Person)
			fmt.Println(strings.TrimRight(line, " "))
		}
	}
	// Output:
	// 06:15:00–06:20:00 Opening
	//   06:15:00–06:20:00 activity
	// 06:20:00–06:55:00 Roundtable
	//   06:20:00–06:22:00 moderation Moderator
	//   06:22:00–06:22:30 handover   Amina Diallo
	//   06:22:30–06:30:30 speech     Amina Diallo
	//   06:30:30–06:31:30 handover   Chen Wei
	//   06:31:30–06:39:00 speech     Chen Wei
	//   06:39:00–06:39:30 handover   Bruno Costa
	//   06:39:30–06:47:00 speech     Bruno Costa
	//   06:47:00–06:55:00 audience
	// 06:55:00–07:00:00 Closing
	//   06:55:00–07:00:00 activity
}

// Order alternates onsite and online speakers first, then keeps people of
// one regional group, then of one stakeholder group, apart. Chen Wei, pinned
// first, opens; after him no two neighbours share a mode, a region or a
// stakeholder group.
func ExampleOrder() {
	speakers := []*agenda.Person{
		{Name: "Amina Diallo", Mode: agenda.ModeOnsite, Region: "African Group", Stakeholder: "Government"},
		{Name: "Bruno Costa", Mode: agenda.ModeOnsite, Region: "GRULAC", Stakeholder: "Government"},
		{Name: "Chen Wei", Mode: agenda.ModeOnsite, Region: "Asia-Pacific Group", Stakeholder: "Civil Society"},
		{Name: "Dana Novak", Mode: agenda.ModeOnline, Region: "WEOG", Stakeholder: "Civil Society"},
		{Name: "Emeka Obi", Mode: agenda.ModeOnline, Region: "African Group", Stakeholder: "Private Sector"},
	}
	for i, p := range balance.Order(speakers, []string{"Chen Wei"}, nil) {
		fmt.Println(i+1, p.Name, p.Mode, p.Region, p.Stakeholder)
	}
	// Output:
	// 1 Chen Wei onsite Asia-Pacific Group Civil Society
	// 2 Emeka Obi online African Group Private Sector
	// 3 Bruno Costa onsite GRULAC Government
	// 4 Dana Novak online WEOG Civil Society
	// 5 Amina Diallo onsite African Group Government
}

// A policy that cannot be met is explained: what conflicts, by how much,
// and the smallest change that would make it feasible.
func Example_infeasible() {
	s := &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Length: 30 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			{Name: "Anna Berg", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
			{Name: "Bruno Costa", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
			{Name: "Chen Wei", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline},
			{Name: "Dana Novak", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline},
		},
		Segments: []agenda.Segment{
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
				Speakers:     []string{"Anna Berg", "Bruno Costa", "Chen Wei", "Dana Novak"},
				Facilitators: []string{"Moderator", "Online moderator"}},
		},
	}
	// Onsite–online parity within 5%, but the online speakers can stay only
	// 5 minutes each.
	p := balance.Policy{
		Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.05}},
		People:     map[string]balance.Limits{"Chen Wei": {Max: 5 * time.Minute}, "Dana Novak": {Max: 5 * time.Minute}},
	}

	_, err := balance.Allocate(s, p)
	fmt.Println(errors.Is(err, balance.ErrInfeasible))
	fmt.Println(err)
	var ie *balance.InfeasibleError
	if errors.As(err, &ie) {
		fmt.Println("people:", ie.People, "groups:", ie.Groups)
		fmt.Println("need:", timeslot.FormatLength(ie.Need), "have:", timeslot.FormatLength(ie.Have))
	}
	// Output:
	// true
	// balance: infeasible: the 2 online speakers (Chen Wei and Dana Novak) can have at most 10m, but the rule wants at least 13m30s (50% ± 5% of 30m); give the 2 online speakers 3m30s more room (their maximums or segments) or widen the tolerance to 16.7%
	// people: [Chen Wei Dana Novak] groups: [mode online]
	// need: 13m30s have: 10m
}
