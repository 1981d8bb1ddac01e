package render_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// A ten-minute talk in UTC gives one event. The file's lines end in CRLF,
// as RFC 5545 requires; the example prints them with LF.
func ExampleICS() {
	s := &agenda.Session{
		Title:  "Lightning talk",
		Format: agenda.FormatOnsite,
		Room:   "Room 1",
		Slot:   timeslot.Slot{Start: time.Date(2025, 3, 1, 14, 0, 0, 0, time.UTC), Length: 10 * time.Minute},
		People: []agenda.Person{
			{Name: "Mia Chen", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Ola Nowak", Organization: "Ministry of Digital Affairs", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
		},
		Segments: []agenda.Segment{
			{Title: "Talk", Kind: agenda.KindDiscussion, Length: 10 * time.Minute,
				Speakers: []string{"Ola Nowak"}, Facilitators: []string{"Mia Chen"}},
		},
	}
	ros, _, err := balance.Plan(s, balance.Policy{Intro: time.Minute})
	if err != nil {
		panic(err) // the session above is valid
	}
	var buf bytes.Buffer
	if err := render.ICS(&buf, &render.Document{RunOfShow: ros}); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// PRODID:-//fairfloor//run-of-show//EN
	// VERSION:2.0
	// BEGIN:VEVENT
	// DESCRIPTION:Lightning talk\nModerated by: Mia Chen\nSpeakers: Ola Nowak (Mi
	//  nistry of Digital Affairs)\n\nRun of show\, times in UTC:\n14:00–14:01 m
	//  oderator Mia Chen\n14:01–14:10 speaker Ola Nowak
	// DTEND:20250301T141000Z
	// DTSTAMP:20250301T140000Z
	// DTSTART:20250301T140000Z
	// LOCATION:Room 1
	// SUMMARY:Talk
	// UID:11b6f8715f492382d6aaad7e99e2676b@fairfloor
	// END:VEVENT
	// END:VCALENDAR
}
