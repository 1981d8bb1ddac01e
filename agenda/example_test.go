package agenda_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

func ExampleDecode() {
	const doc = `{
  "title": "Youth voices on AI governance",
  "format": "hybrid",
  "slot": {"start": "2023-10-10T06:15:00Z", "length": "90 minutes"},
  "people": [
    {"name": "Kofi Mensah", "roles": ["moderator"], "stakeholder": "Civil Society", "region": "African Group", "mode": "onsite"},
    {"name": "Mei Tanaka", "roles": ["online moderator", "speaker"], "stakeholder": "Private Sector", "region": "Asia-Pacific Group", "mode": "online"},
    {"name": "Lucía Pérez", "roles": ["speaker"], "stakeholder": "Government", "region": "Latin American and Caribbean Group (GRULAC)", "mode": "onsite"}
  ],
  "segments": [
    {"title": "Welcome and Introduction", "kind": "opening", "length": "5 min"},
    {"title": "Panel", "kind": "discussion", "length": "1h", "speakers": ["Mei Tanaka", "Lucía Pérez"]},
    {"title": "Plenary Q&A", "kind": "Plenary Q&A", "length": "25m"}
  ]
}`
	s, err := agenda.Decode(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Title)
	fmt.Println(len(s.People), "people")
	for _, seg := range s.Segments {
		fmt.Printf("%s (%s, %v)\n", seg.Title, seg.Kind, seg.Length)
	}
	fmt.Println(s.People[2].Region)
	// Output:
	// Youth voices on AI governance
	// 3 people
	// Welcome and Introduction (opening, 5m0s)
	// Panel (discussion, 1h0m0s)
	// Plenary Q&A (plenary, 25m0s)
	// GRULAC
}

func ExampleSession_Validate() {
	s := &agenda.Session{
		Title:  "Community networks",
		Format: agenda.FormatOnsite,
		Slot:   timeslot.Slot{Length: time.Hour},
		People: []agenda.Person{
			{Name: "Kofi Mensah", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Mei Tanaka", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline},
		},
		Segments: []agenda.Segment{
			{Title: "Panel", Kind: "discussion", Length: 50 * time.Minute, Speakers: []string{"Mei Tanaka"}},
			{Title: "Q&A", Kind: "plenary", Length: 20 * time.Minute},
		},
	}
	err := s.Validate()
	for _, problem := range err.(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(problem)
	}
	fmt.Println("overrun:", errors.Is(err, agenda.ErrOverrun))
	var ve *agenda.ValidationError
	if errors.As(err, &ve) {
		fmt.Printf("first problem: field %s, value %q\n", ve.Field, ve.Value)
	}
	// Output:
	// agenda: people[1].mode "online": participation mode does not fit the session format: people[1] is online in an onsite session
	// agenda: segments "1h10m": segments overrun the slot: 1h10m of segments in a 1h slot: 10m over
	// overrun: true
	// first problem: field people[1].mode, value "online"
}

func ExampleRegion_UnmarshalText() {
	for _, text := range []string{"Western European and Others Group (WEOG)", "WEOG", "weog", "Europe"} {
		var r agenda.Region
		if err := r.UnmarshalText([]byte(text)); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q is %s\n", text, r)
	}
	// Output:
	// "Western European and Others Group (WEOG)" is WEOG
	// "WEOG" is WEOG
	// "weog" is WEOG
	// agenda: unknown regional group "Europe" (valid: African Group, Asia-Pacific Group, Eastern European Group, GRULAC, WEOG, Intergovernmental Organization)
}

func ExampleSession_Plan() {
	s := &agenda.Session{
		Slot: timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 90 * time.Minute},
		Segments: []agenda.Segment{
			{Title: "Welcome and Introduction", Length: 5 * time.Minute},
			{Title: "Break-out: access", Length: 40 * time.Minute, Track: "A"},
			{Title: "Break-out: skills", Length: 30 * time.Minute, Track: "B"},
			{Title: "Plenary Q&A", Length: 35 * time.Minute},
			{Title: "Conclusion", Length: 5 * time.Minute},
		},
	}
	plan := s.Plan()
	for i, span := range plan.Spans {
		fmt.Printf("%s-%s %s\n", span.Start.Format("15:04"), span.End.Format("15:04"), s.Segments[i].Title)
	}
	fmt.Println("left:", s.Slot.End().Sub(plan.End))
	// Output:
	// 06:15-06:20 Welcome and Introduction
	// 06:20-07:00 Break-out: access
	// 06:20-06:50 Break-out: skills
	// 07:00-07:35 Plenary Q&A
	// 07:35-07:40 Conclusion
	// left: 5m0s
}

func ExampleParseIGF() {
	page := `IGF 2022 WS #123 Digital Rights and Connectivity
Tuesday, 29th November, 2022 (09:30 UTC) - Tuesday, 29th November, 2022 (11:00 UTC)
Conference Room 7
Organizer 1: Private Sector, Asia-Pacific Group
Organizer 2: Pavel Mraz, 🔒Microsoft
Speaker 1: Joyce Hakmeh, Civil Society, Western European and Others Group (WEOG)
Speaker 2: Ana Silva, Senior Policy Analyst, OECD
Moderator
John Hering, Private Sector, Western European and Others Group (WEOG)
Online Moderator
Mei Tanaka, Technical Community, Asia Pacific Regional Group
Format
Round Table - Circle - 90 Min
Policy Question(s)
1. How can connectivity reach the last billion?
2. Who pays for it?`
	s, warnings, err := agenda.ParseIGF(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Title)
	fmt.Println(s.Slot.Start.Format(time.RFC3339), s.Slot.Length, s.Room, s.Format, s.Segments[0].Title)
	for _, p := range s.People {
		fmt.Printf("%s %v %q %q %q %s %v\n", p.Name, p.Roles, p.Organization, p.Stakeholder, p.Region, p.Mode, p.Private)
	}
	for _, q := range s.Questions {
		fmt.Println(q.ID, q.Text)
	}
	for _, w := range warnings {
		w.Text = "" // the line of the page, which may hold names
		fmt.Println(w)
	}
	// Output:
	// IGF 2022 WS #123 Digital Rights and Connectivity
	// 2022-11-29T09:30:00Z 1h30m0s Conference Room 7 hybrid Round Table - Circle - 90 Min
	// Pavel Mraz [organizer] "Microsoft" "" ""  [organization]
	// Joyce Hakmeh [speaker] "" "Civil Society" "WEOG" onsite []
	// Ana Silva [speaker] "OECD" "" "" onsite []
	// John Hering [moderator] "" "Private Sector" "WEOG" onsite []
	// Mei Tanaka [online moderator] "" "Technical Community" "Asia-Pacific Group" online []
	// 1 How can connectivity reach the last billion?
	// 2 Who pays for it?
	// line 4: an organizer given by groups only, without a name; not added as a person
	// line 7: a job title in place of the groups; the job title is not kept
	// line 7: the page gives no stakeholder group or regional group for person 3: add ", Stakeholder group, Regional group" to a line of theirs, or set them in the session's JSON
	// the page has no agenda: one discussion segment over the whole slot is assumed
	// the page does not say who takes part online: person 2, person 3, person 4 assumed onsite; set their modes
}

func ExampleParseIGFHTML() {
	page := `<html><head><title>IGF 2023 WS #77 Satellite Broadband | Internet Governance Forum</title></head>
<body><nav><a href="/">Home</a></nav>
<main>
<div class="field__label">Time</div>
<div class="field__item">Thursday, 12th October, 2023 (00:30 UTC) - Thursday, 12th October, 2023 (02:00 UTC)</div>
<div class="field__label">Room</div><div class="field__item">WS 10 &ndash; Room J</div>
<p>Speaker 1: Fatou Sarr, Technical Community, African Group<br>
Speaker 2: Rohan Das &#x1F512;, Private Sector, Asia-Pacific Group</p>
<div class="field__label">Online Moderator</div><div class="field__item">Hiroshi Kato, Technical Community, Asia-Pacific Group</div>
<div class="field__label">Policy Question(s)</div>
<ol><li>Who assigns the spectrum?</li><li>What may regulators require?</li></ol>
</main></body></html>`
	s, warnings, err := agenda.ParseIGFHTML(strings.NewReader(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Title, "|", s.Room, "|", s.Slot.Start.Format(time.RFC3339), s.Slot.Length)
	for _, p := range s.People {
		fmt.Println(p.Name, p.Roles, p.Mode, p.Private)
	}
	for _, q := range s.Questions {
		fmt.Println(q.ID, q.Text)
	}
	for _, w := range warnings {
		w.Text = "" // the line of the page, which may hold names
		fmt.Println(w)
	}
	// Output:
	// IGF 2023 WS #77 Satellite Broadband | WS 10 – Room J | 2023-10-12T00:30:00Z 1h30m0s
	// Fatou Sarr [speaker] onsite []
	// Rohan Das [speaker] onsite [name]
	// Hiroshi Kato [online moderator] online []
	// 1 Who assigns the spectrum?
	// 2 What may regulators require?
	// no format name ("Panel - 90 Min", "Roundtable") on the page: the segment is called "Discussion"
	// the page has no agenda: one discussion segment over the whole slot is assumed
	// the page does not say who takes part online: person 1, person 2 assumed onsite; set their modes
}
