package schedule_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
	"github.com/fairfloor/fairfloor/timeslot"
)

// A programme of one session, timetabled in Kyoto.
func kyoto() *agenda.Programme {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		panic(err)
	}
	return &agenda.Programme{
		Title: "IGF 2023",
		Sessions: []agenda.Session{{
			Title:  "Open Forum #1: Data and trust",
			Format: agenda.FormatHybrid,
			Room:   "Annex Hall 1",
			Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 15, 15, 0, 0, loc), Length: 90 * time.Minute},
			People: []agenda.Person{
				{Name: "Aiko Tanaka", Roles: []agenda.Role{agenda.RoleModerator}, Stakeholder: "Government",
					Region: "Asia-Pacific Group", Mode: agenda.ModeOnsite},
				{Name: "Bruno Silva", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Civil Society",
					Region: "GRULAC", Mode: agenda.ModeOnline},
			},
		}},
	}
}

func ExampleWriteXML() {
	if err := schedule.WriteXML(os.Stdout, kyoto(), schedule.Options{Version: "2023-10-01"}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <schedule>
	//   <generator name="fairfloor"></generator>
	//   <version>2023-10-01</version>
	//   <conference>
	//     <title>IGF 2023</title>
	//     <acronym>igf_2023</acronym>
	//     <start>2023-10-10</start>
	//     <end>2023-10-10</end>
	//     <days>1</days>
	//     <timeslot_duration>00:15</timeslot_duration>
	//     <time_zone_name>Asia/Tokyo</time_zone_name>
	//   </conference>
	//   <day index="1" date="2023-10-10" start="2023-10-10T15:15:00+09:00" end="2023-10-10T16:45:00+09:00">
	//     <room name="Annex Hall 1" guid="5c0afb6c-3b1c-57c9-b4e4-94f2be1095e5">
	//       <event id="859727217" guid="333e6570-7438-5def-a5b0-9a00d2f382ab">
	//         <room>Annex Hall 1</room>
	//         <title>Open Forum #1: Data and trust</title>
	//         <type>hybrid</type>
	//         <date>2023-10-10T15:15:00+09:00</date>
	//         <start>15:15</start>
	//         <duration>01:30</duration>
	//         <abstract></abstract>
	//         <track></track>
	//         <persons>
	//           <person guid="24f53b36-22a7-5459-a7bb-043c1379aeb5">Aiko Tanaka</person>
	//           <person guid="3abf3d14-15d1-5595-9f70-5f31bbda42f4">Bruno Silva</person>
	//         </persons>
	//         <description>People: 2. Stakeholder groups: Civil Society 1, Government 1. Regional groups: Asia-Pacific Group 1, GRULAC 1. Participation: online 1, onsite 1.</description>
	//       </event>
	//     </room>
	//   </day>
	// </schedule>
}

// WriteJSON writes what ReadJSON reads back: the sessions, their rooms
// and times, and their people with their roles and groups.
func ExampleWriteJSON() {
	var b strings.Builder
	if err := schedule.WriteJSON(&b, kyoto(), schedule.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	p, err := schedule.ReadJSON(strings.NewReader(b.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range p.Sessions {
		fmt.Printf("%s, %s, %s\n", s.Title, s.Room, s.Slot)
		for _, person := range s.People {
			fmt.Printf("  %s: %s, %s, %s, %s\n", person.Name, person.Roles[0], person.Stakeholder, person.Region, person.Mode)
		}
	}
	// Output:
	// Open Forum #1: Data and trust, Annex Hall 1, 2023-10-10 15:15–16:45 JST
	//   Aiko Tanaka: moderator, Government, Asia-Pacific Group, onsite
	//   Bruno Silva: speaker, Civil Society, GRULAC, online
}

// A session that is not ready to be published is reported, with every
// other, by its index in the programme.
func ExampleWriteJSON_errors() {
	p := kyoto()
	p.Sessions = append(p.Sessions, agenda.Session{Title: "Main Session: to be placed", Slot: timeslot.Slot{Length: time.Hour}})
	err := schedule.WriteJSON(os.Stdout, p, schedule.Options{})
	fmt.Println(err)
	// Output:
	// schedule: sessions[1] "Main Session: to be placed": session has no start time
	// schedule: sessions[1] "Main Session: to be placed": session has no room
}

// ReadJSON reads a schedule.json from pretalx or frab, here cut down to
// one event.
func ExampleReadJSON() {
	const doc = `{"schedule": {"version": "v1", "conference": {
	  "acronym": "democon", "title": "DemoCon", "time_zone_name": "Europe/Berlin",
	  "days": [{"index": 1, "date": "2020-12-14", "rooms": {"Gray Room": [{
	    "guid": "8079583e-8321-506c-95af-fd2903a5f075", "date": "2020-12-14T09:00:00+01:00",
	    "start": "09:00", "duration": "00:30", "room": "Gray Room", "type": "Talk",
	    "title": "Focused 5thgeneration hardware", "abstract": "Brand back-end models!",
	    "persons": [{"code": "NQTF8Y", "public_name": "Brian Robinson"}]}]}}]}}}`
	p, err := schedule.ReadJSON(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := p.Sessions[0]
	fmt.Println(p.Title)
	fmt.Println(s.Title, "|", s.Room, "|", s.Slot, "|", s.Slot.Start.Location())
	fmt.Println(s.People[0].Name, s.People[0].Roles, "|", s.Notes)
	// Output:
	// DemoCon
	// Focused 5thgeneration hardware | Gray Room | 2020-12-14 09:00–09:30 CET | Europe/Berlin
	// Brian Robinson [speaker] | Brand back-end models!
}
