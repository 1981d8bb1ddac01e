package render_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// limitRenderers are every renderer, as functions of a document.
var limitRenderers = []struct {
	name string
	run  func(io.Writer, *render.Document) error
	slow bool // draws pixels: only run where it fails before drawing
}{
	{"Text", render.Text, false},
	{"Markdown", render.Markdown, false},
	{"HTML", render.HTML, false},
	{"CSV", render.CSV, false},
	{"JSON", render.JSON, false},
	{"ICS", render.ICS, false},
	{"SVG", render.SVG, false},
	{"PNG", render.PNG, true},
	{"TextAudit", func(w io.Writer, d *render.Document) error {
		return render.TextAudit(w, d, &balance.Audit{Actual: &balance.Report{}})
	}, false},
	{"TextReplan", func(w io.Writer, d *render.Document) error {
		return render.TextReplan(w, d, time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC))
	}, false},
}

// crowdSession is a scheduled hybrid session of n people: a moderator, an
// online moderator and eight speakers in one discussion, and everyone else
// an organizer, who is listed but does not speak.
func crowdSession(n int) *agenda.Session {
	s := &agenda.Session{
		Title: fmt.Sprintf("%d people", n), Format: agenda.FormatHybrid,
		Slot: timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		},
		Segments: []agenda.Segment{{Title: "Discussion", Kind: agenda.KindDiscussion, Length: 40 * time.Minute, Facilitators: []string{"Moderator"}}},
	}
	for i := range n - 2 {
		p := agenda.Person{Name: fmt.Sprintf("Person %04d", i), Roles: []agenda.Role{agenda.RoleOrganizer}}
		if i < 8 {
			p.Roles = []agenda.Role{agenda.RoleSpeaker}
			p.Mode = []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[i%2]
			p.Stakeholder = agenda.StakeholderCivilSociety
			s.Segments[0].Speakers = append(s.Segments[0].Speakers, p.Name)
		}
		s.People = append(s.People, p)
	}
	return s
}

// TestRenderLimits renders a plan of a session of agenda.MaxPeople people
// in every format, which must work, and then documents no renderer may
// render, each with its error and none with a panic: the same plan with
// one person more (which only a program can make, planning within the
// limit and adding after), and documents built by hand whose run-of-show
// is not that of their session, or that have no session.
func TestRenderLimits(t *testing.T) {
	s := crowdSession(agenda.MaxPeople)
	ros, al, err := balance.Plan(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := balance.PlanReport(ros, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	atLimit := &render.Document{RunOfShow: ros, Allocation: al, Report: report}

	over := *s
	over.People = append(over.People[:len(over.People):len(over.People)], agenda.Person{Name: "One too many", Roles: []agenda.Role{agenda.RoleOrganizer}})
	overRos := *ros
	overRos.Session = &over

	fewer := *ros
	fewer.Segments = nil
	more := *ros
	more.Segments = append(more.Segments[:len(more.Segments):len(more.Segments)], ros.Segments[0])

	tooLarge := func(err error) string {
		var le *agenda.LimitError
		if !errors.Is(err, agenda.ErrTooLarge) || !errors.As(err, &le) || le.What != "people" || !strings.Contains(err.Error(), "agenda.MaxPeople") {
			return "an *agenda.LimitError of people, matching agenda.ErrTooLarge"
		}
		return ""
	}
	is := func(target error) func(error) string {
		return func(err error) string {
			if !errors.Is(err, target) {
				return fmt.Sprintf("an error matching %v", target)
			}
			return ""
		}
	}
	for _, tt := range []struct {
		name string
		doc  *render.Document
		want func(error) string // what the error should be; "" if it is
	}{
		{"people+1", &render.Document{RunOfShow: &overRos, Allocation: al, Report: report}, tooLarge},
		{"draft people+1", &render.Document{Draft: &over}, tooLarge},
		{"fewer segments", &render.Document{RunOfShow: &fewer}, is(render.ErrMismatch)},
		{"more segments", &render.Document{RunOfShow: &more}, is(render.ErrMismatch)},
		{"no session", &render.Document{RunOfShow: &agenda.RunOfShow{}}, is(render.ErrNoSession)},
		{"empty", &render.Document{}, is(render.ErrNoSession)},
	} {
		for _, r := range limitRenderers {
			t.Run(tt.name+"/"+r.name, func(t *testing.T) {
				err := r.run(io.Discard, tt.doc)
				if want := tt.want(err); want != "" {
					t.Errorf("%s = %v, want %s", r.name, err, want)
				}
			})
		}
	}
	for _, r := range limitRenderers {
		if r.slow {
			continue // PNG draws what SVG draws, pixel by pixel
		}
		t.Run("people/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, atLimit); err != nil {
				t.Errorf("%s at agenda.MaxPeople: %v", r.name, err)
			}
		})
	}
}
