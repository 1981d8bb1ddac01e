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

// exampleDocument plans a 20-minute hybrid talk in UTC: a moderator opens,
// one speaker in the room and one online share 15 minutes at parity, and
// the moderator closes.
func exampleDocument() *render.Document {
	s := &agenda.Session{
		Title:  "Lightning talk",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2025, 3, 1, 14, 0, 0, 0, time.UTC), Length: 20 * time.Minute},
		People: []agenda.Person{
			{Name: "Mia Chen", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Ola Nowak", Organization: "Ministry of Digital Affairs", Roles: []agenda.Role{agenda.RoleSpeaker},
				Mode: agenda.ModeOnsite, Stakeholder: "Government", Region: "Eastern European Group"},
			{Name: "Tui Rangi", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline,
				Stakeholder: "Civil Society", Region: "Asia-Pacific Group", Zone: "Pacific/Auckland"},
		},
		Segments: []agenda.Segment{
			{Title: "Talks", Kind: "discussion", Length: 15 * time.Minute,
				Speakers: []string{"Ola Nowak", "Tui Rangi"}, Facilitators: []string{"Mia Chen"}},
			{Title: "Wrap-up", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Mia Chen"}},
		},
	}
	p := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}, Intro: time.Minute, OnlineHandover: 30 * time.Second}
	ros, al, err := balance.Plan(s, p)
	if err != nil {
		panic(err) // the session above is valid
	}
	report, err := balance.PlanReport(ros, p)
	if err != nil {
		panic(err)
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}
}

func ExampleMarkdown() {
	if err := render.Markdown(os.Stdout, exampleDocument()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Lightning talk
	//
	// - **Slot:** 2025-03-01 14:00–14:20 UTC
	// - **Format:** hybrid
	//
	// ## People
	//
	// | Name | Roles | Stakeholder | Region | Mode | Organization |
	// | --- | --- | --- | --- | --- | --- |
	// | Mia Chen | moderator |  |  | onsite |  |
	// | Ola Nowak | speaker | Government | Eastern European Group | onsite | Ministry of Digital Affairs |
	// | Tui Rangi | speaker | Civil Society | Asia-Pacific Group | online |  |
	//
	// ## Run of show
	//
	// | Time | Segment | Person | Role | Mode | Groups | Minutes |
	// | --- | --- | --- | --- | --- | --- | ---: |
	// | 14:00:00–14:01:00 | Talks | Mia Chen | moderator | onsite |  | 1 |
	// | 14:01:00–14:07:30 |  | Ola Nowak (Ministry of Digital Affairs) | speaker | onsite | Government · Eastern European Group | 6.5 |
	// | 14:07:30–14:08:00 |  | Tui Rangi | hand-over | online (03:07 Pacific/Auckland) | Civil Society · Asia-Pacific Group | 0.5 |
	// | 14:08:00–14:15:00 |  | Tui Rangi | speaker | online (03:08 Pacific/Auckland) | Civil Society · Asia-Pacific Group | 7 |
	// | 14:15:00–14:20:00 | Wrap-up | led by Mia Chen | closing |  |  | 5 |
	//
	// Planned 20m of a 20m slot.
	//
	// ## Speaking time
	//
	// 13m30s among 2 speakers, in steps of 30s.
	//
	// | Speaker | Time | Share | Fair share | Why |
	// | --- | ---: | ---: | ---: | --- |
	// | Ola Nowak | 6m30s | 48.1% | 6m45s | −15s: rounding to steps of 30s |
	// | Tui Rangi | 7m | 51.9% | 6m45s | +15s: rounding to steps of 30s |
	//
	// ### By mode
	//
	// Hard rule: within 0% of target, one step after rounding; evenness 1.00, 1.9% of the time away from target.
	//
	// | Group | Speakers | Time | Share | Target |
	// | --- | ---: | ---: | ---: | ---: |
	// | online | 1 | 7m | 51.9% | 50% |
	// | onsite | 1 | 6m30s | 48.1% | 50% |
	//
	// ## Findings of the line-up
	//
	// 1. every moderator is onsite: nobody moderates from among the online participants
	// 2. no speaker from Private Sector, Technical Community or Intergovernmental Organization
	// 3. no speaker from the African Group, GRULAC or WEOG
	// 4. no speaker gives a gender
	//
	// ## Findings of the plan
	//
	// None.
	//
	// ## Validation
	//
	// - people "online moderator": the format needs a role that nobody holds: a hybrid session needs an online moderator
}

func ExampleCSV() {
	if err := render.CSV(os.Stdout, exampleDocument()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// segment,track,start,end,zone,minutes,kind,person,organization,role,mode,stakeholder,region,local_time
	// Talks,,2025-03-01 14:00:00,2025-03-01 14:01:00,UTC,1,moderation,Mia Chen,,moderator,onsite,,,
	// Talks,,2025-03-01 14:01:00,2025-03-01 14:07:30,UTC,6.5,speech,Ola Nowak,Ministry of Digital Affairs,speaker,onsite,Government,Eastern European Group,
	// Talks,,2025-03-01 14:07:30,2025-03-01 14:08:00,UTC,0.5,handover,Tui Rangi,,speaker,online,Civil Society,Asia-Pacific Group,2025-03-02 03:07 Pacific/Auckland
	// Talks,,2025-03-01 14:08:00,2025-03-01 14:15:00,UTC,7,speech,Tui Rangi,,speaker,online,Civil Society,Asia-Pacific Group,2025-03-02 03:08 Pacific/Auckland
	// Wrap-up,,2025-03-01 14:15:00,2025-03-01 14:20:00,UTC,5,activity,Mia Chen,,facilitator,onsite,,,
}

// Without the allocation and the report, the lists of speaking time,
// groups and findings are empty.
func ExampleJSON() {
	d := exampleDocument()
	d.Allocation, d.Report = nil, nil
	if err := render.JSON(os.Stdout, d); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "title": "Lightning talk",
	//   "slot": {
	//     "start": "2025-03-01T14:00:00Z",
	//     "end": "2025-03-01T14:20:00Z",
	//     "length": "20m"
	//   },
	//   "zone": "UTC",
	//   "rows": [
	//     {
	//       "segment": 0,
	//       "title": "Talks",
	//       "segment_kind": "discussion",
	//       "kind": "moderation",
	//       "start": "2025-03-01T14:00:00Z",
	//       "end": "2025-03-01T14:01:00Z",
	//       "who": "Mia Chen",
	//       "role": "moderator",
	//       "mode": "onsite",
	//       "offset": "0s",
	//       "length": "1m"
	//     },
	//     {
	//       "segment": 0,
	//       "title": "Talks",
	//       "segment_kind": "discussion",
	//       "kind": "speech",
	//       "start": "2025-03-01T14:01:00Z",
	//       "end": "2025-03-01T14:07:30Z",
	//       "who": "Ola Nowak",
	//       "organization": "Ministry of Digital Affairs",
	//       "role": "speaker",
	//       "mode": "onsite",
	//       "stakeholder": "Government",
	//       "region": "Eastern European Group",
	//       "offset": "1m",
	//       "length": "6m30s"
	//     },
	//     {
	//       "segment": 0,
	//       "title": "Talks",
	//       "segment_kind": "discussion",
	//       "kind": "handover",
	//       "start": "2025-03-01T14:07:30Z",
	//       "end": "2025-03-01T14:08:00Z",
	//       "who": "Tui Rangi",
	//       "role": "speaker",
	//       "mode": "online",
	//       "stakeholder": "Civil Society",
	//       "region": "Asia-Pacific Group",
	//       "local": "03:07 Pacific/Auckland",
	//       "offset": "7m30s",
	//       "length": "30s"
	//     },
	//     {
	//       "segment": 0,
	//       "title": "Talks",
	//       "segment_kind": "discussion",
	//       "kind": "speech",
	//       "start": "2025-03-01T14:08:00Z",
	//       "end": "2025-03-01T14:15:00Z",
	//       "who": "Tui Rangi",
	//       "role": "speaker",
	//       "mode": "online",
	//       "stakeholder": "Civil Society",
	//       "region": "Asia-Pacific Group",
	//       "local": "03:08 Pacific/Auckland",
	//       "offset": "8m",
	//       "length": "7m"
	//     },
	//     {
	//       "segment": 1,
	//       "title": "Wrap-up",
	//       "segment_kind": "closing",
	//       "kind": "activity",
	//       "start": "2025-03-01T14:15:00Z",
	//       "end": "2025-03-01T14:20:00Z",
	//       "role": "facilitator",
	//       "leaders": [
	//         "Mia Chen"
	//       ],
	//       "offset": "15m",
	//       "length": "5m"
	//     }
	//   ],
	//   "speaking": [],
	//   "groups": [],
	//   "findings": []
	// }
}
