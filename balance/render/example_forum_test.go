package render_test

import (
	"fmt"
	"os"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// exampleForum reports on a programme of two 20-minute hybrid talks in
// UTC, a day apart, in each of which Ola Nowak speaks in the room and
// someone else online, under one preset: speakers from at least two
// regional groups.
func exampleForum() *render.Document {
	talk := func(title string, day int, online agenda.Person) agenda.Session {
		return agenda.Session{
			Title:  title,
			Format: agenda.FormatHybrid,
			Room:   "Room 1",
			Slot:   timeslot.Slot{Start: time.Date(2025, 3, day, 14, 0, 0, 0, time.UTC), Length: 20 * time.Minute},
			People: []agenda.Person{
				{Name: "Mia Chen", Roles: []agenda.Role{agenda.RoleModerator, agenda.RoleOnlineModerator}, Mode: agenda.ModeOnsite},
				{Name: "Ola Nowak", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite,
					Stakeholder: "Government", Region: "Eastern European Group", Gender: "woman"},
				online,
			},
			Segments: []agenda.Segment{
				{Title: "Talks", Kind: "discussion", Length: 15 * time.Minute,
					Speakers: []string{"Ola Nowak", online.Name}, Facilitators: []string{"Mia Chen"}},
				{Title: "Wrap-up", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Mia Chen"}},
			},
		}
	}
	prog := &agenda.Programme{Title: "Digital week", Sessions: []agenda.Session{
		talk("Open data", 3, agenda.Person{Name: "Tui Rangi", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline,
			Stakeholder: "Civil Society", Region: "Asia-Pacific Group", Gender: "man"}),
		talk("Open source", 4, agenda.Person{Name: "Ivan Petrov", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline,
			Stakeholder: "Technical Community", Region: "Eastern European Group", Gender: "man"}),
	}}
	policy := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}, Intro: time.Minute, OnlineHandover: 30 * time.Second}
	presets := []balance.Preset{{
		Name:        "two-regions",
		Description: "Speakers from at least two regional groups.",
		Constraints: []balance.Constraint{{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 2}},
	}}
	forum, err := balance.ForumReport(prog, policy, presets)
	if err != nil {
		panic(err) // the presets above are well formed
	}
	return &render.Document{Forum: forum}
}

func ExampleText_forum() {
	if err := render.Text(os.Stdout, exampleForum()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Digital week
	// ============
	// Sessions: 2
	// From:     Mon 3 Mar 2025 14:00 UTC
	// To:       Tue 4 Mar 2025 14:20 UTC
	// Speakers: 3 people
	//
	// Speaking time by group, over all sessions
	//
	// By region
	//   group                   speakers  time  share  equal share
	//   African Group           0         0s    0%     20%
	//   Asia-Pacific Group      1         7m    25.9%  20%
	//   Eastern European Group  2         20m   74.1%  20%
	//   GRULAC                  0         0s    0%     20%
	//   WEOG                    0         0s    0%     20%
	//
	// By stakeholder
	//   group                           speakers  time  share  equal share
	//   Civil Society                   1         7m    25.9%  20%
	//   Government                      1         13m   48.1%  20%
	//   Intergovernmental Organization  0         0s    0%     20%
	//   Private Sector                  0         0s    0%     20%
	//   Technical Community             1         7m    25.9%  20%
	//
	// By gender
	//   group  speakers  time  share  equal share
	//   man    2         14m   51.9%  50%
	//   woman  1         13m   48.1%  50%
	//
	// By mode
	//   group   speakers  time  share  equal share
	//   online  2         14m   51.9%  50%
	//   onsite  1         13m   48.1%  50%
	//
	// Sessions, the line-up furthest from the full sets first
	//   #  session      when                        room    speakers  line-up off  time off target  presets failed  from
	//   1  Open source  2025-03-04 14:00–14:20 UTC  Room 1  2         70%          1.9%             1               plan
	//   2  Open data    2025-03-03 14:00–14:20 UTC  Room 1  2         60%          1.9%             0               plan
	//   line-up off: the share of a session's speakers that would have to be in another
	//   stakeholder or regional group for the line-up to spread equally over the five of each
	//   (80% when all are in one); time off target: the share of speaking time that would have
	//   to change hands to meet the plan's targets
	//
	// Preset two-regions: 1 of 2 sessions pass
	//   Speakers from at least two regional groups.
	//   ✗ Open source
	//     - at least 2 regional groups among speakers: 1: Eastern European Group
	//
	// People who speak in the most sessions
	//   person       sessions  time  titles
	//   Ola Nowak    2         13m   Open data; Open source
	//   Tui Rangi    1         7m    Open data
	//   Ivan Petrov  1         7m    Open source
	//
	// People in more than one session, in any role
	//   person     sessions  as
	//   Mia Chen   2         Open data (moderator, online moderator); Open source (moderator, online moderator)
	//   Ola Nowak  2         Open data (speaker); Open source (speaker)
}

func ExampleCSV_forum() {
	if err := render.CSV(os.Stdout, exampleForum()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// table,rank,session,when,room,source,dimension,group,preset,rule,outcome,found,people,speakers,sessions,minutes,share,target,lineup_off,off_target,presets_failed
	// group,,,,,,region,African Group,,,,,,0,,0,0.0000,0.2000,,,
	// group,,,,,,region,Asia-Pacific Group,,,,,,1,,7,0.2593,0.2000,,,
	// group,,,,,,region,Eastern European Group,,,,,,2,,20,0.7407,0.2000,,,
	// group,,,,,,region,GRULAC,,,,,,0,,0,0.0000,0.2000,,,
	// group,,,,,,region,WEOG,,,,,,0,,0,0.0000,0.2000,,,
	// group,,,,,,stakeholder,Civil Society,,,,,,1,,7,0.2593,0.2000,,,
	// group,,,,,,stakeholder,Government,,,,,,1,,13,0.4815,0.2000,,,
	// group,,,,,,stakeholder,Intergovernmental Organization,,,,,,0,,0,0.0000,0.2000,,,
	// group,,,,,,stakeholder,Private Sector,,,,,,0,,0,0.0000,0.2000,,,
	// group,,,,,,stakeholder,Technical Community,,,,,,1,,7,0.2593,0.2000,,,
	// group,,,,,,gender,man,,,,,,2,,14,0.5185,0.5000,,,
	// group,,,,,,gender,woman,,,,,,1,,13,0.4815,0.5000,,,
	// group,,,,,,mode,online,,,,,,2,,14,0.5185,0.5000,,,
	// group,,,,,,mode,onsite,,,,,,1,,13,0.4815,0.5000,,,
	// session,1,Open source,2025-03-04 14:00–14:20 UTC,Room 1,plan,,,,,,,,2,,,,,0.7000,0.0185,1
	// session,2,Open data,2025-03-03 14:00–14:20 UTC,Room 1,plan,,,,,,,,2,,,,,0.6000,0.0185,0
	// violation,,Open source,,,,,,two-regions,at least 2 regional groups among speakers,fail,1: Eastern European Group,,,,,,,,,
	// speaker,1,Open data; Open source,,,,,,,,,,Ola Nowak,,2,13,,,,,
	// speaker,2,Open data,,,,,,,,,,Tui Rangi,,1,7,,,,,
	// speaker,3,Open source,,,,,,,,,,Ivan Petrov,,1,7,,,,,
	// person,,"Open data (moderator, online moderator); Open source (moderator, online moderator)",,,,,,,,,,Mia Chen,,2,,,,,,
	// person,,Open data (speaker); Open source (speaker),,,,,,,,,,Ola Nowak,,2,,,,,,
}
