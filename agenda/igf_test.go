package agenda_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
)

const igfPage = `Time
    Tuesday, 10th October, 2023 (06:15 UTC) - Tuesday, 10th October, 2023 (07:45 UTC)
    Room
    WS 4 – Room B-1
    Organizer 1: Pavel Mraz, 🔒Microsoft
    Organizer 2: Edoardo Ravaioli, 🔒
    Speaker 1: Joyce Hakmeh, Civil Society, Western European and Others Group (WEOG)
    Speaker 2: Pablo Castro, Government, Latin American and Caribbean Group (GRULAC)
    Speaker 3: Ana O’Neil, Academia, Europe
    Moderator

    Pavel Mraz, Private Sector, Western European and Others Group (WEOG)

    Online Moderator

    Edoardo Ravaioli, Private Sector, WEOG
    Format

    Panel - 90 Min

    Policy Question(s)

    A. Which processes? B. How can they? C.Why not?
`

func TestParseIGF(t *testing.T) {
	s, warnings, err := agenda.ParseIGF(strings.NewReader(igfPage))
	if err != nil {
		t.Fatal(err)
	}
	want := []agenda.Person{
		{Name: "Pavel Mraz", Organization: "Microsoft", Roles: []agenda.Role{agenda.RoleOrganizer, agenda.RoleModerator},
			Stakeholder: agenda.StakeholderPrivateSector, Region: agenda.RegionWEOG, Mode: agenda.ModeOnsite, Private: []agenda.Field{agenda.FieldOrganization}},
		{Name: "Edoardo Ravaioli", Roles: []agenda.Role{agenda.RoleOrganizer, agenda.RoleOnlineModerator},
			Stakeholder: agenda.StakeholderPrivateSector, Region: agenda.RegionWEOG, Mode: agenda.ModeOnline, Private: []agenda.Field{agenda.FieldOrganization}},
		{Name: "Joyce Hakmeh", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: agenda.StakeholderCivilSociety, Region: agenda.RegionWEOG, Mode: agenda.ModeOnsite},
		{Name: "Pablo Castro", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: agenda.StakeholderGovernment, Region: agenda.RegionGRULAC, Mode: agenda.ModeOnsite},
		{Name: "Ana O’Neil", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite},
	}
	if diff := cmp.Diff(want, s.People); diff != "" {
		t.Errorf("people mismatch (-want +got):\n%s", diff)
	}
	if s.Slot.Start != time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC) || s.Slot.Length != 90*time.Minute || s.Room != "WS 4 – Room B-1" || s.Format != agenda.FormatHybrid {
		t.Errorf("slot %v, room %q, format %q", s.Slot, s.Room, s.Format)
	}
	if diff := cmp.Diff([]agenda.Question{{ID: "A", Text: "Which processes?"}, {ID: "B", Text: "How can they?"}, {ID: "C", Text: "Why not?"}}, s.Questions); diff != "" {
		t.Errorf("questions mismatch (-want +got):\n%s", diff)
	}
	var lines []string
	for _, w := range warnings {
		if w.Line > 0 {
			lines = append(lines, w.String())
		}
	}
	wantLines := []string{
		`line 9: unknown stakeholder group "Academia": "Speaker 3: Ana O’Neil, Academia, Europe"`,
		`line 9: unknown regional group "Europe": "Speaker 3: Ana O’Neil, Academia, Europe"`,
	}
	if diff := cmp.Diff(wantLines, lines); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
}

func TestParseIGFEmpty(t *testing.T) {
	s, warnings, err := agenda.ParseIGF(strings.NewReader(""))
	if err != nil || len(s.People) != 0 || len(warnings) == 0 {
		t.Errorf("empty page: %+v, %v, %v; want an empty draft with warnings", s, warnings, err)
	}
}

// FuzzParseIGF feeds arbitrary text to the importer: it never fails on text
// it can read, never panics, and what it makes is a session that encodes,
// decodes and validates without panicking.
func FuzzParseIGF(f *testing.F) {
	f.Add(igfPage)
	f.Add("Speaker 1: A, Civil Society, WEOG\nB , Government, African Group\nDuration (minutes): 90\nHybrid Format: x")
	f.Add("Organizer 1: , 🔒\nModerator\n🔒, ,\nTime\nMonday, 1st May, 2023 (23:00 UTC) - Tuesday, 2nd May, 2023 (00:30 UTC)")
	f.Fuzz(func(t *testing.T, page string) {
		s, _, err := agenda.ParseIGF(strings.NewReader(page))
		if err != nil {
			return
		}
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("the draft does not encode: %v", err)
		}
		var back agenda.Session
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("the draft does not decode: %v\n%s", err, data)
		}
		_ = back.Validate()
	})
}

func TestDeadlineValidation(t *testing.T) {
	s := &agenda.Session{Deadlines: []agenda.Deadline{{What: "Key takeaways", Due: time.Date(2023, 10, 10, 23, 59, 0, 0, time.UTC)}, {}}}
	var fields []string
	for _, err := range s.Validate().(interface{ Unwrap() []error }).Unwrap() {
		if ve, ok := err.(*agenda.ValidationError); ok && strings.HasPrefix(ve.Field, "deadlines") {
			fields = append(fields, ve.Field)
		}
	}
	if diff := cmp.Diff([]string{"deadlines[1].what", "deadlines[1].due"}, fields); diff != "" {
		t.Errorf("deadline problems mismatch (-want +got):\n%s", diff)
	}
}
