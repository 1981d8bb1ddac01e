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

// A ten-minute talk in UTC gives the session's event and its segment's.
// The session's ID gives the UIDs, so that they stay when the talk is
// retitled or moved. The file's lines end in CRLF, as RFC 5545 requires;
// the example prints them with LF.
func ExampleICS() {
	s := &agenda.Session{
		ID:     "LT-1",
		Title:  "Lightning talk",
		Format: agenda.FormatOnsite,
		Room:   "Room 1",
		Slot:   timeslot.Slot{Start: time.Date(2025, 3, 1, 14, 0, 0, 0, time.UTC), Length: 10 * time.Minute},
		People: []agenda.Person{
			{Name: "Mia Chen", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Ola Nowak", Organization: "Ministry of Digital Affairs", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
		},
		Segments: []agenda.Segment{
			{Title: "Talk", Kind: "discussion", Length: 10 * time.Minute,
				Speakers: []string{"Ola Nowak"}, Facilitators: []string{"Mia Chen"}},
		},
	}
	ros, _, err := balance.Plan(s, balance.Policy{Intro: time.Minute})
	if err != nil {
		panic(err) // the session above is valid
	}
	var buf bytes.Buffer
	// Stamp fixes DTSTAMP, so that the example prints the same each time;
	// left zero, it is the time of writing.
	stamp := time.Date(2025, 2, 20, 9, 0, 0, 0, time.UTC)
	if err := render.ICS(&buf, &render.Document{RunOfShow: ros, Stamp: stamp}); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// METHOD:PUBLISH
	// PRODID:-//fairfloor//run-of-show//EN
	// VERSION:2.0
	// X-WR-CALNAME:Lightning talk
	// BEGIN:VEVENT
	// DESCRIPTION:Format: onsite\nModerated by: Mia Chen\nSpeakers: Ola Nowak (Mi
	//  nistry of Digital Affairs)\n\nSegments\, times in UTC:\n14:00–14:10 Talk
	// DTEND:20250301T141000Z
	// DTSTAMP:20250220T090000Z
	// DTSTART:20250301T140000Z
	// LOCATION:Room 1
	// SEQUENCE:0
	// SUMMARY:Lightning talk
	// UID:783a7a28a14011582e888e626fdc5257@fairfloor
	// END:VEVENT
	// BEGIN:VEVENT
	// DESCRIPTION:Lightning talk\nModerated by: Mia Chen\nSpeakers: Ola Nowak (Mi
	//  nistry of Digital Affairs)\n\nRun of show\, times in UTC:\n14:00–14:01 m
	//  oderator Mia Chen\n14:01–14:10 speaker Ola Nowak
	// DTEND:20250301T141000Z
	// DTSTAMP:20250220T090000Z
	// DTSTART:20250301T140000Z
	// LOCATION:Room 1
	// RELATED-TO:783a7a28a14011582e888e626fdc5257@fairfloor
	// SEQUENCE:0
	// SUMMARY:Lightning talk – Talk
	// UID:7f65b61c09cf31528bda061a2c896099@fairfloor
	// END:VEVENT
	// END:VCALENDAR
}

// A programme whose sessions carry their own start times, such as a
// timetable gives them, goes into one calendar; ForumICS reads only the
// programme, so no report is needed. The example prints what a calendar
// program lists: each event's start and summary.
func ExampleICS_forum() {
	talk := func(id, title string, start time.Time) agenda.Session {
		return agenda.Session{ID: id, Title: title, Format: agenda.FormatOnsite, Room: "Room 1",
			Slot: timeslot.Slot{Start: start, Length: 30 * time.Minute},
			Segments: []agenda.Segment{
				{ID: "talk", Title: "Talk", Kind: "discussion", Length: 20 * time.Minute},
				{ID: "questions", Title: "Questions", Kind: "plenary", Length: 10 * time.Minute},
			}}
	}
	day := time.Date(2025, 6, 23, 9, 0, 0, 0, time.UTC)
	prog := &agenda.Programme{Title: "Lightning day", Sessions: []agenda.Session{
		talk("LT-1", "Open data", day),
		talk("LT-2", "Open standards", day.Add(time.Hour)),
	}}
	var buf bytes.Buffer
	doc := &render.Document{Forum: &balance.Forum{Programme: prog}, Stamp: day.Add(-24 * time.Hour)}
	if err := render.ICS(&buf, doc); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if strings.HasPrefix(line, "X-WR-CALNAME:") || strings.HasPrefix(line, "DTSTART:") || strings.HasPrefix(line, "SUMMARY:") {
			fmt.Println(line)
		}
	}
	// Output:
	// X-WR-CALNAME:Lightning day
	// DTSTART:20250623T090000Z
	// SUMMARY:Open data
	// DTSTART:20250623T090000Z
	// SUMMARY:Open data – Talk
	// DTSTART:20250623T092000Z
	// SUMMARY:Open data – Questions
	// DTSTART:20250623T100000Z
	// SUMMARY:Open standards
	// DTSTART:20250623T100000Z
	// SUMMARY:Open standards – Talk
	// DTSTART:20250623T102000Z
	// SUMMARY:Open standards – Questions
}
