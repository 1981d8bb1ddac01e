package balance_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// A timekeeper's sheet: the columns in any order, comments, clock times on
// the session's day and in its zone, and RFC 3339 times in any offset.
func ExampleReadLogCSV() {
	s := &agenda.Session{
		Title: "Hybrid panel",
		Slot:  timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 40 * time.Minute},
	}
	const sheet = `# Hybrid panel, 10 October 2023
start,end,name
06:20,06:29,Ana Berg
06:29:00,06:41:00,Chloe Diaz
2023-10-10T08:40:30+02:00,2023-10-10T06:48:00Z,Ben Okafor
`
	log, err := balance.ReadLogCSV(strings.NewReader(sheet), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range log.Entries {
		fmt.Printf("%s–%s %s (%s)\n", e.Start.UTC().Format("15:04:05"), e.End.UTC().Format("15:04:05"), e.Name, timeslot.FormatLength(e.End.Sub(e.Start)))
	}

	_, err = balance.ReadLogCSV(strings.NewReader("name,start,end\nAna Berg,06:20,soon\n"), s)
	fmt.Println(err)
	// Output:
	// 06:20:00–06:29:00 Ana Berg (9m)
	// 06:29:00–06:41:00 Chloe Diaz (12m)
	// 06:40:30–06:48:00 Ben Okafor (7m30s)
	// balance: log line 2 end "soon": want an RFC 3339 time or a clock time such as "15:04:05"
}

// exampleHybridPanel is the panel of ExampleReadLogCSV, with its people:
// parity between onsite and online gives Chloe Diaz, alone online, 15 of the
// panel's 30 minutes, and Ana Berg and Ben Okafor 7m30s each.
func exampleHybridPanel() (*agenda.Session, balance.Policy) {
	speaker := func(name string, mode agenda.Mode) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode}
	}
	s := &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			speaker("Ana Berg", agenda.ModeOnsite),
			speaker("Ben Okafor", agenda.ModeOnsite),
			speaker("Chloe Diaz", agenda.ModeOnline),
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
				Speakers: []string{"Ana Berg", "Ben Okafor", "Chloe Diaz"}, Facilitators: []string{"Moderator"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		},
	}
	return s, balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}}
}

// An audit of the panel: Ana Berg ran over, into the closing and past the
// end of the slot; Chloe Diaz, online, was cut short; Ben Okafor started
// before she was done; the moderator and an audience member spoke too, the
// moderator's minute being moderation rather than an oddity. Every entry
// counts, and every oddity is listed.
func ExampleAuditLog() {
	s, parity := exampleHybridPanel()
	ros, _, err := balance.Plan(s, parity)
	if err != nil {
		fmt.Println(err)
		return
	}
	const sheet = `name,start,end
Ana Berg,06:20,06:29
Chloe Diaz,06:29,06:41
Ben Okafor,06:40:30,06:48
Moderator,06:48,06:49
Audience member,06:49,06:51
Ana Berg,06:54,06:56
`
	log, err := balance.ReadLogCSV(strings.NewReader(sheet), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := balance.AuditLog(s, ros, parity, log)
	if err != nil {
		fmt.Println(err)
		return
	}
	signed := func(d time.Duration) string {
		switch {
		case d < 0:
			return "−" + timeslot.FormatLength(-d)
		case d > 0:
			return "+" + timeslot.FormatLength(d)
		}
		return "0s"
	}
	for _, p := range a.People {
		fmt.Printf("%-15s planned %-5s actual %-5s turns %d over %s\n", p.Name, timeslot.FormatLength(p.Planned), timeslot.FormatLength(p.Actual), p.Turns, signed(p.Actual-p.Planned))
	}
	for _, p := range a.Problems {
		fmt.Printf("entry %d, %s: %s\n", p.Entry, p.Kind, p.Text)
	}
	most := slices.MaxFunc(a.People, func(x, y balance.PersonAudit) int {
		return cmp.Compare(x.Actual-x.Planned, y.Actual-y.Planned)
	})
	fmt.Println("most over:", most.Name)
	// Output:
	// Moderator       planned 0s    actual 1m    turns 1 over +1m
	// Ana Berg        planned 10m   actual 11m   turns 2 over +1m
	// Ben Okafor      planned 10m   actual 7m30s turns 1 over −2m30s
	// Chloe Diaz      planned 10m   actual 12m   turns 1 over +2m
	// Audience member planned 0s    actual 2m    turns 1 over +2m
	// entry 2, overlap: Ben Okafor (06:40:30–06:48:00) overlaps Chloe Diaz
	// entry 4, unknown name: "Audience member" is not among the session's people
	// entry 5, outside slot: Ana Berg speaks 06:54:00–06:56:00, outside the slot 2023-10-10 06:15–06:55 UTC
	// most over: Chloe Diaz
}

// A re-plan at the break of a two-question roundtable. On the first
// question Ana Berg, onsite, took 13 minutes and Dana Novak, online, 7: the
// room is 6 minutes ahead. The second question's 20 minutes go 13 to Eve
// Tan, online, and 7 to Ben Okafor, so that over the whole session online
// and onsite each have their 20 minutes.
func ExampleReplan() {
	speaker := func(name string, mode agenda.Mode) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode}
	}
	start := time.Date(2023, 10, 10, 9, 0, 0, 0, time.UTC)
	s := &agenda.Session{
		Title:  "Roundtable",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: start, Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			speaker("Ana Berg", agenda.ModeOnsite), speaker("Dana Novak", agenda.ModeOnline),
			speaker("Ben Okafor", agenda.ModeOnsite), speaker("Eve Tan", agenda.ModeOnline),
		},
		Segments: []agenda.Segment{
			{Title: "Question A", Kind: "discussion", Length: 20 * time.Minute,
				Speakers: []string{"Ana Berg", "Dana Novak"}, Facilitators: []string{"Moderator"}},
			{Title: "Question B", Kind: "discussion", Length: 20 * time.Minute,
				Speakers: []string{"Ben Okafor", "Eve Tan"}, Facilitators: []string{"Moderator"}},
		},
	}
	parity := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}}}
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: start, End: start.Add(13 * time.Minute)},
		{Name: "Dana Novak", Start: start.Add(13 * time.Minute), End: start.Add(20 * time.Minute)},
	}}

	ros, al, err := balance.Replan(s, parity, log, start.Add(20*time.Minute))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, seg := range ros.Segments {
		fmt.Printf("%s–%s %s\n", seg.Start.Format("15:04"), seg.End.Format("15:04"), ros.Session.Segments[i].Title)
		for _, turn := range seg.Turns {
			if turn.Kind == "speech" {
				fmt.Printf("  %s–%s %s\n", turn.Start.Format("15:04"), turn.End.Format("15:04"), turn.Person)
			}
		}
	}
	for _, g := range al.Balance[0].Groups {
		fmt.Printf("whole session, %s: %s, target %s\n", g.Group, timeslot.FormatLength(g.Time), timeslot.FormatLength(g.TargetTime))
	}
	// Output:
	// 09:20–09:40 Question B
	//   09:20–09:27 Ben Okafor
	//   09:27–09:40 Eve Tan
	// whole session, online: 20m, target 20m
	// whole session, onsite: 20m, target 20m
}

// A live timekeeper appends a line when a turn starts, with no end, and the
// same line with its end when it stops; a pause within the turn is a line
// of its own kind. ReadLogCSV reads the file back to the closed entries.
func ExampleAppendLogCSV() {
	s := &agenda.Session{
		Title: "Hybrid panel",
		Slot:  timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 40 * time.Minute},
	}
	at := func(m int) time.Time { return s.Slot.Start.Add(time.Duration(m) * time.Minute) }
	var file strings.Builder
	balance.WriteLogCSV(&file, nil) // the header
	turn := balance.Entry{Name: "Ana Berg", Start: at(5)}
	pause := balance.Entry{Name: "Ana Berg", Start: at(7), Kind: balance.EntryPause}
	balance.AppendLogCSV(&file, turn)  // she takes the floor
	balance.AppendLogCSV(&file, pause) // her microphone fails
	pause.End, turn.End = at(8), at(12)
	balance.AppendLogCSV(&file, pause) // it works again
	balance.AppendLogCSV(&file, turn)  // she yields
	fmt.Print(file.String())

	log, err := balance.ReadLogCSV(strings.NewReader(file.String()), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range log.Entries {
		fmt.Printf("%s: %s %s–%s\n", e.Kind, e.Name, e.Start.Format("15:04"), e.End.Format("15:04"))
	}
	// Output:
	// name,start,end,kind
	// Ana Berg,2023-10-10T06:20:00Z,,
	// Ana Berg,2023-10-10T06:22:00Z,,pause
	// Ana Berg,2023-10-10T06:22:00Z,2023-10-10T06:23:00Z,pause
	// Ana Berg,2023-10-10T06:20:00Z,2023-10-10T06:27:00Z,
	// speech: Ana Berg 06:20–06:27
	// pause: Ana Berg 06:22–06:23
}
