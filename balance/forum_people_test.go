package balance_test

import (
	"errors"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestForumRepeated lists every person in more than one session in any
// role, not only repeat speakers: a speaker of one session who moderates
// another is listed, with the roles of each session.
func TestForumRepeated(t *testing.T) {
	gov, weog := agenda.Stakeholder("Government"), agenda.Region("WEOG")
	one := forumSession("One", repSpeaker("Ana Berg", agenda.ModeOnsite, gov, weog), repSpeaker("Ben Osei", agenda.ModeOnsite, gov, weog))
	two := forumSession("Two", repSpeaker("ana berg", agenda.ModeOnsite, gov, weog), repSpeaker("Cleo Dias", agenda.ModeOnsite, gov, weog))
	two.People[0].Name = "Ben Osei" // Two's moderator is One's speaker
	for i := range two.Segments {
		two.Segments[i].Facilitators = []string{"Ben Osei"}
	}
	three := forumSession("Three", repSpeaker("Ana Berg", agenda.ModeOnsite, gov, weog, agenda.RoleOrganizer))
	three.Attribution = "unattributed"
	prog := &agenda.Programme{Sessions: []agenda.Session{one, two, three}}
	f, err := balance.ForumReport(prog, balance.Policy{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	speaker, moderator := []agenda.Role{agenda.RoleSpeaker}, []agenda.Role{agenda.RoleModerator}
	want := []balance.RepeatedPerson{
		{Name: "Ana Berg", Private: true, Appearances: []balance.RepeatedInSession{ // Three is not attributed
			{Session: 0, Roles: speaker}, {Session: 1, Roles: speaker}, {Session: 2, Roles: []agenda.Role{agenda.RoleSpeaker, agenda.RoleOrganizer}}}},
		{Name: "Moderator", Private: true, Appearances: []balance.RepeatedInSession{{Session: 0, Roles: moderator}, {Session: 2, Roles: moderator}}},
		{Name: "Ben Osei", Appearances: []balance.RepeatedInSession{{Session: 0, Roles: speaker}, {Session: 1, Roles: moderator}}},
	}
	if diff := gocmp.Diff(want, f.Repeated); diff != "" {
		t.Errorf("Repeated mismatch (-want +got):\n%s", diff)
	}
}

// TestForumInvalid: a session that fails validation is not planned and
// shown as planned: it is reported from its draft, marked Invalid, with
// what validation finds in its Err.
func TestForumInvalid(t *testing.T) {
	gov, weog := agenda.Stakeholder("Government"), agenda.Region("WEOG")
	valid := forumSession("Valid", repSpeaker("Ana Berg", agenda.ModeOnsite, gov, weog))
	overrun := forumSession("Overrun", repSpeaker("Ben Osei", agenda.ModeOnsite, gov, weog))
	overrun.Slot.Length = 10 * time.Minute // the segments take 15m
	prog := &agenda.Programme{Sessions: []agenda.Session{valid, overrun}}
	f, err := balance.ForumReport(prog, balance.Policy{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fs := f.Sessions[0]; fs.Invalid || fs.Err != nil {
		t.Errorf("the valid session: Invalid %v, Err %v", fs.Invalid, fs.Err)
	}
	fs := f.Sessions[1]
	var ve *agenda.ValidationError
	var pe *balance.ProgrammeError
	if !fs.Invalid || !errors.As(fs.Err, &pe) || pe.Index != 1 || !errors.As(fs.Err, &ve) {
		t.Errorf("the overrun session: Invalid %v, Err %v; want Invalid and a *ProgrammeError of session 1 wrapping a *agenda.ValidationError", fs.Invalid, fs.Err)
	}
	if fs.Report == nil || fs.Report.Source != "draft" {
		t.Errorf("the overrun session is reported from a plan, or not at all: %+v", fs.Report)
	}
}
