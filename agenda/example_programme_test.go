package agenda_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"testing/fstest"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

func ExampleProgramme_Validate() {
	kyoto, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		log.Fatal(err)
	}
	day := func(d, hh, mm int) time.Time { return time.Date(2023, 10, d, hh, mm, 0, 0, kyoto) }
	// workshop returns an onsite workshop of 90 minutes in room at start,
	// with a moderator and speakers.
	workshop := func(title, room string, start time.Time, moderator string, speakers ...string) agenda.Session {
		s := agenda.Session{
			Title:    title,
			Format:   agenda.FormatOnsite,
			Room:     room,
			Slot:     timeslot.Slot{Start: start, Length: 90 * time.Minute},
			People:   []agenda.Person{{Name: moderator, Roles: []agenda.Role{agenda.RoleModerator}}},
			Segments: []agenda.Segment{{Title: "Discussion", Kind: "discussion", Length: 90 * time.Minute, Speakers: speakers}},
		}
		for _, name := range speakers {
			s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}})
		}
		return s
	}
	p := &agenda.Programme{
		Title:              "IGF 2023",
		SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker,
		Sessions: []agenda.Session{
			workshop("Cyber norms", "WS 4 – Room B-1", day(10, 15, 15), "Ana Moderator", "Sione Tupou’tuah"),
			workshop("Data flows", "Room K", day(10, 16, 0), "Ben Chair", "sione tupou'tuah"),
			workshop("AI and youth", "ws 4 – room b-1", day(10, 16, 30), "Eve Chair", "Dana Speaker"),
			workshop("Open standards", "Room K", day(11, 9, 0), "Ben Chair", "Sione Tupou’tuah"),
			workshop("Closing", "Main Hall", day(12, 9, 0), "Ana Moderator", "Sione Tupou’tuah"),
		},
	}
	err = p.Validate()
	for _, problem := range err.(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(problem)
	}
	fmt.Println("person overlap:", errors.Is(err, agenda.ErrPersonOverlap))
	var conflict *agenda.ConflictError
	if errors.As(err, &conflict) {
		fmt.Printf("first conflict: %s in sessions %d and %d\n", conflict.Person, conflict.Sessions[0].Index, conflict.Sessions[1].Index)
	}
	// Output:
	// agenda: Sione Tupou’tuah: person in two sessions at once: sessions[0] "Cyber norms" (2023-10-10 15:15–16:45 JST), sessions[1] "Data flows" (2023-10-10 16:00–17:30 JST)
	// agenda: room WS 4 – Room B-1: room holds two sessions at once: sessions[0] "Cyber norms" (2023-10-10 15:15–16:45 JST), sessions[2] "AI and youth" (2023-10-10 16:30–18:00 JST)
	// agenda: Sione Tupou’tuah: person speaks in more sessions than allowed (4, limit 3): sessions[0] "Cyber norms" (2023-10-10 15:15–16:45 JST), sessions[1] "Data flows" (2023-10-10 16:00–17:30 JST), sessions[3] "Open standards" (2023-10-11 09:00–10:30 JST), sessions[4] "Closing" (2023-10-12 09:00–10:30 JST)
	// person overlap: true
	// first conflict: Sione Tupou’tuah in sessions 0 and 1
}

func ExampleProgramme_Attendees() {
	people := [][]agenda.Person{
		{{Name: "Serge Droz", Organization: "FIRST"}, {Name: "John Hering", Organization: "Microsoft"}},
		{{Name: "serge droz"}, {Name: "John Hering", Organization: "ECCRI"}},
		{{Name: "Droz Serge", Organization: "FIRST"}, {Name: "Noora Fetais"}},
	}
	p := &agenda.Programme{}
	for i, list := range people {
		p.Sessions = append(p.Sessions, agenda.Session{Title: fmt.Sprint("Session ", i), People: list})
	}
	attendees, matches := p.Attendees()
	for i, a := range attendees {
		fmt.Printf("%d. %s (%s): %d sessions\n", i, a.Name, a.Organization, len(a.Appearances))
	}
	for _, m := range matches {
		fmt.Printf("%d and %d may be one person: %s\n", m.A, m.B, m.Reason)
	}
	// Output:
	// 0. Serge Droz (FIRST): 2 sessions
	// 1. John Hering (Microsoft): 1 sessions
	// 2. John Hering (ECCRI): 1 sessions
	// 3. Droz Serge (FIRST): 1 sessions
	// 4. Noora Fetais (): 1 sessions
	// 0 and 3 may be one person: "Droz Serge" is "Serge Droz" with the name order turned
	// 1 and 2 may be one person: same name, organizations Microsoft and ECCRI
}

func ExampleDecodeProgramme() {
	const doc = `{
  "title": "IGF 2023, day 1",
  "sessions_per_speaker": 3,
  "sessions": [
    {"title": "Cyber norms", "format": "onsite", "room": "Room B-1",
     "slot": {"start": "2023-10-10T06:15:00Z", "length": "90 minutes"},
     "people": [{"name": "Ana Moderator", "roles": ["moderator"]}, {"name": "Sione Tupou’tuah", "roles": ["speaker"]}],
     "segments": [{"title": "Discussion", "kind": "discussion", "length": "90m", "speakers": ["Sione Tupou’tuah"]}]},
    {"title": "Data flows", "format": "onsite", "room": "Room K",
     "slot": {"start": "2023-10-10T07:00:00Z", "length": "1h"},
     "people": [{"name": "Ben Chair", "roles": ["moderator"]}, {"name": "sione tupou'tuah", "roles": ["speaker"]}],
     "segments": [{"title": "Discussion", "kind": "discussion", "length": "1h"}]}
  ]
}`
	p, err := agenda.DecodeProgramme(strings.NewReader(doc))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Title, "with", len(p.Sessions), "sessions")
	fmt.Println(p.Validate())

	_, err = agenda.DecodeProgramme(strings.NewReader(`{"sessions": [{"title": "A", "people": [{"name": "B", "region": "Europe"}]}]}`))
	var de *agenda.DecodeError
	if errors.As(err, &de) {
		fmt.Println("error at", de.Field)
	}
	// Output:
	// IGF 2023, day 1 with 2 sessions
	// agenda: Sione Tupou’tuah: person in two sessions at once: sessions[0] "Cyber norms" (2023-10-10 06:15–07:45 UTC), sessions[1] "Data flows" (2023-10-10 07:00–08:00 UTC)
	// error at sessions[0].people[0].region
}

func ExampleReadProgramme() {
	session := func(title string) []byte {
		return []byte(`{"title": "` + title + `", "format": "online", "slot": {"length": "1h"},
  "people": [{"name": "Mei Tanaka", "roles": ["moderator"]}],
  "segments": [{"title": "Discussion", "kind": "discussion", "length": "1h"}]}`)
	}
	// A folder of session files, such as os.DirFS("programme").
	folder := fstest.MapFS{
		"02-data-flows.json":   {Data: session("Data flows")},
		"01-cyber-norms.json":  {Data: session("Cyber norms")},
		"README.md":            {Data: []byte("Not a session: left alone.")},
		"drafts/03-draft.json": {Data: []byte("In a folder: left alone.")},
	}
	p, err := agenda.ReadProgramme(folder)
	if err != nil {
		log.Fatal(err)
	}
	for i, s := range p.Sessions {
		fmt.Println(i, s.Title)
	}

	folder["03-broken.json"] = &fstest.MapFile{Data: []byte(`{"title": "Broken", "formats": "online"}`)}
	_, err = agenda.ReadProgramme(folder)
	var de *agenda.DecodeError
	if errors.As(err, &de) {
		fmt.Println("file", de.File, "field", de.Field)
	}
	// Output:
	// 0 Cyber norms
	// 1 Data flows
	// file 03-broken.json field formats
}
