package balance_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestOnePersonOneName writes the same people in other case, spacing and
// Unicode forms in the segments, the policy, the turns and the log, and
// their genders in other cases, and checks that every part of balance
// gives one consistent answer: one person, one group.
func TestOnePersonOneName(t *testing.T) {
	const (
		elenaNFC = "Elena Rückheim"       // ü as one character
		elenaNFD = "ELENA RU\u0308CKHEIM" // u and a combining diaeresis, in capitals
	)
	s := &agenda.Session{
		Title: "One person, one name", Format: agenda.FormatHybrid,
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			{Name: "Ana Berg", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Gender: "Woman", Region: "WEOG"},
			{Name: elenaNFC, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline, Gender: "woman ", Region: "African Group"},
			{Name: "Ben Okafor", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Gender: "man", Region: "African Group"},
		},
		Segments: []agenda.Segment{{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
			Speakers: []string{"ana  BERG", elenaNFD, "ben okafor"}, Facilitators: []string{"moderator", "ONLINE MODERATOR"}}},
	}
	s.Slot.Start = time.Date(2023, 10, 10, 9, 0, 0, 0, time.UTC)
	s.Slot.Length = 30 * time.Minute
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	p := balance.Policy{
		Dimensions: []balance.Dimension{{By: balance.ByGender}},
		People:     map[string]balance.Limits{"ANA BERG": {Max: 8 * time.Minute}},
		First:      []string{"elena  rückheim"},
	}
	ros, al, err := balance.Plan(s, p)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}

	// The allocation and the turns name the people as Session.People does,
	// and the policy's bound found Ana Berg.
	planned := map[string]time.Duration{}
	for _, sh := range al.Speakers {
		planned[sh.Name] = sh.Time
	}
	if planned["Ana Berg"] != 8*time.Minute {
		t.Errorf("Ana Berg has %v, want her maximum of 8m, set as \"ANA BERG\"", planned["Ana Berg"])
	}
	if diff := gocmp.Diff(planned, ros.SpeakingTime()); diff != "" {
		t.Errorf("RunOfShow.SpeakingTime differs from the allocation (-allocation +run-of-show):\n%s", diff)
	}
	if first := ros.Segments[0].Turns; !slicesHasSpeechFirst(first, elenaNFC) {
		t.Errorf("the first speech is not Elena Rückheim's, whom First names in lower case: %+v", first)
	}

	// A run-of-show whose turns spell the names otherwise is reported the same.
	respelled := *ros
	respelled.Segments = append([]agenda.ScheduledSegment(nil), ros.Segments...)
	turns := append([]agenda.Turn(nil), ros.Segments[0].Turns...)
	for i := range turns {
		switch turns[i].Person {
		case "Ana Berg":
			turns[i].Person = "ana berg"
		case elenaNFC:
			turns[i].Person = elenaNFD
		}
	}
	respelled.Segments[0].Turns = turns
	want, err := balance.PlanReport(ros, p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := balance.PlanReport(&respelled, p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want.Speakers, got.Speakers); diff != "" {
		t.Errorf("PlanReport of the respelled turns differs (-as written +respelled):\n%s", diff)
	}
	if diff := gocmp.Diff(planned, respelled.SpeakingTime()); diff != "" {
		t.Errorf("SpeakingTime of the respelled turns differs (-allocation +respelled):\n%s", diff)
	}

	// Genders are one group whatever their case: two women, one man, in
	// the report and in Check.
	var genders []string
	for _, dr := range want.Dimensions {
		for _, g := range dr.Groups {
			genders = append(genders, g.Group)
		}
	}
	if diff := gocmp.Diff([]string{"man", "woman"}, genders); diff != "" {
		t.Errorf("gender groups (-want +got):\n%s", diff)
	}
	vs, err := balance.Check(want, balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "WOMAN", Min: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Measured != 2 {
		t.Errorf("Check of at least 3 women: %+v, want one violation measuring 2", vs)
	}

	// The log names them otherwise again; the audit finds the same people.
	log, err := balance.ReadLogCSV(strings.NewReader("name,start,end\n"+
		"ANA BERG,09:00,09:08\n"+elenaNFD+",09:08,09:20\nBen  Okafor,09:20,09:30\n"), s)
	if err != nil {
		t.Fatalf("ReadLogCSV: %v", err)
	}
	a, err := balance.AuditLog(s, ros, p, log)
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	for _, pa := range a.People {
		if !pa.Known {
			t.Errorf("the audit does not know %q", pa.Name)
			continue
		}
		if pa.Planned != planned[pa.Name] {
			t.Errorf("the audit plans %v for %s, the allocation %v", pa.Planned, pa.Name, planned[pa.Name])
		}
	}
	if len(a.People) != 3 {
		t.Errorf("the audit lists %d people, want the 3 speakers: %+v", len(a.People), a.People)
	}
}

// slicesHasSpeechFirst reports whether the first speech of turns is name's.
func slicesHasSpeechFirst(turns []agenda.Turn, name string) bool {
	for _, t := range turns {
		if t.Kind == "speech" {
			return t.Person == name
		}
	}
	return false
}

// TestBlankSpeakerName checks that a speaker named only with spaces, even
// when a person of that name is on the list, names nobody: Plan refuses
// the session with a *SessionError, as agenda.Roster finds nobody by that
// name, rather than panicking when it lays out the turns
// (FuzzPlanSession found it).
func TestBlankSpeakerName(t *testing.T) {
	for _, name := range []string{"", " ", "\t", " \u00a0"} {
		s := errorsSession()
		s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}})
		s.Segments[0].Speakers = append(s.Segments[0].Speakers, name)
		_, _, err := balance.Plan(s, balance.Policy{})
		var se *balance.SessionError
		if !errors.As(err, &se) {
			t.Errorf("Plan with a speaker named %q: %v, want a *SessionError", name, err)
		}
		if _, err := balance.DraftReport(s, balance.Policy{}); !errors.As(err, &se) {
			t.Errorf("DraftReport with a speaker named %q: %v, want a *SessionError", name, err)
		}
	}
}
