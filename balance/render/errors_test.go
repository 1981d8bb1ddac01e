package render_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// errWrite is the error of failingWriter.
var errWrite = errors.New("disk full")

// failingWriter is a writer that always fails.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// errorsDocument returns the plan of a scheduled hybrid panel, with its
// allocation and report: a document every renderer renders.
func errorsDocument(t *testing.T) *render.Document {
	t.Helper()
	s := &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 30 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
			{Name: "Anna Berg", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Stakeholder: "Government"},
			{Name: "Chen Wei", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline, Stakeholder: "Civil Society"},
		},
		Segments: []agenda.Segment{{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
			Speakers: []string{"Anna Berg", "Chen Wei"}, Facilitators: []string{"Moderator", "Online moderator"}}},
	}
	ros, al, err := balance.Plan(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := balance.PlanReport(ros, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}
}

// TestErrors checks the errors every renderer's doc names, with errors.Is:
// those of a writer that always fails, returned as they are, for a
// document each renders; a nil document; a draft given to TextReplan; and
// a reader that fails given to DecodeJSON. Documents past agenda's limits,
// that do not match their session or have none are checked by
// TestRenderLimits, the calendar's sentinels by TestICSErrors, and
// ErrNoForum for documents without a forum report by TestForumNoForum.
func TestErrors(t *testing.T) {
	doc := errorsDocument(t)
	audit, err := balance.AuditLog(doc.RunOfShow.Session, doc.RunOfShow, balance.Policy{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	prog := &agenda.Programme{Sessions: []agenda.Session{*doc.RunOfShow.Session}}
	forum, err := balance.ForumReport(prog, balance.Policy{}, balance.Presets())
	if err != nil {
		t.Fatal(err)
	}
	forumDoc := &render.Document{Forum: forum}
	renderers := []struct {
		name string
		run  func(io.Writer, *render.Document) error
	}{
		{"Text", render.Text},
		{"Markdown", render.Markdown},
		{"HTML", render.HTML},
		{"CSV", render.CSV},
		{"JSON", render.JSON},
		{"ICS", render.ICS},
		{"SVG", render.SVG},
		{"PNG", render.PNG},
		{"Text/audit", func(w io.Writer, d *render.Document) error {
			if d != nil {
				c := *d
				c.Audit, d = audit, &c
			}
			return render.Text(w, d)
		}},
		{"Text/replan", func(w io.Writer, d *render.Document) error {
			if d != nil {
				c := *d
				c.Replanned, d = d.Session(), &c
			}
			return render.Text(w, d)
		}},
	}
	forumRenderers := []struct {
		name string
		run  func(io.Writer, *render.Document) error
	}{
		{"ForumText", render.Text},
		{"ForumMarkdown", render.Markdown},
		{"ForumHTML", render.HTML},
		{"ForumCSV", render.CSV},
		{"ForumSVG", render.SVG},
		{"ForumICS", render.ICS},
	}

	for _, r := range renderers {
		t.Run("writer/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, doc); err != nil {
				t.Fatalf("%s to io.Discard: %v", r.name, err)
			}
			if err := r.run(failingWriter{}, doc); !errors.Is(err, errWrite) {
				t.Errorf("%s to a failing writer = %v, want its error, %v", r.name, err, errWrite)
			}
		})
		t.Run("nil/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, nil); !errors.Is(err, balance.ErrNoSession) {
				t.Errorf("%s of a nil document = %v, want ErrNoSession", r.name, err)
			}
		})
	}
	for _, r := range forumRenderers {
		t.Run("writer/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, forumDoc); err != nil {
				t.Fatalf("%s to io.Discard: %v", r.name, err)
			}
			if err := r.run(failingWriter{}, forumDoc); !errors.Is(err, errWrite) {
				t.Errorf("%s to a failing writer = %v, want its error, %v", r.name, err, errWrite)
			}
		})
		t.Run("nil/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, nil); !errors.Is(err, balance.ErrNoSession) {
				t.Errorf("%s of a nil document = %v, want ErrNoSession", r.name, err)
			}
		})
	}

	for _, tt := range []struct {
		name string
		call func() error
		is   error
	}{
		{"Text/replan of a draft", func() error {
			return render.Text(io.Discard, &render.Document{Draft: doc.RunOfShow.Session, Replanned: doc.RunOfShow.Session})
		}, balance.ErrNoSession},
		{"Text/forum without a programme", func() error {
			return render.Text(io.Discard, &render.Document{Forum: &balance.Forum{}})
		}, balance.ErrNoSession},
		{"Text/forum and audit", func() error {
			return render.Text(io.Discard, &render.Document{Forum: forum, Audit: audit})
		}, errors.ErrUnsupported},
		{"JSON/forum", func() error { return render.JSON(io.Discard, forumDoc) }, errors.ErrUnsupported},
		{"Markdown/audit", func() error {
			return render.Markdown(io.Discard, &render.Document{RunOfShow: doc.RunOfShow, Audit: audit})
		}, errors.ErrUnsupported},
		{"HTML/replan", func() error {
			return render.HTML(io.Discard, &render.Document{RunOfShow: doc.RunOfShow, Replanned: doc.RunOfShow.Session})
		}, errors.ErrUnsupported},
		{"DecodeJSON/reader", func() error { _, err := render.DecodeJSON(iotest.ErrReader(errWrite)); return err }, errWrite},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, tt.is) {
				t.Errorf("error %v, want one matching %v", err, tt.is)
			}
		})
	}
	t.Run("DecodeJSON/type", func(t *testing.T) {
		_, err := render.DecodeJSON(iotest.ErrReader(errWrite))
		var de *agenda.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("DecodeJSON of a failing reader = %v, want an *agenda.DecodeError", err)
		}
	})
}

// TestTextAuditNoReport checks that an audit without a report of what was
// said is an error, not a panic.
func TestTextAuditNoReport(t *testing.T) {
	s := &agenda.Session{Title: "S", Format: agenda.FormatOnsite}
	s.Slot.Length = time.Hour
	d := &render.Document{Draft: s, Audit: &balance.Audit{}}
	if err := render.Text(io.Discard, d); err == nil || !strings.Contains(err.Error(), "Audit.Actual") {
		t.Errorf("Text of an audit without Actual = %v, want an error naming Audit.Actual", err)
	}
}

// TestWhoWithoutSession checks that naming someone in a document without a
// session, or a nil one, does not panic but says they are not among the
// people.
func TestWhoWithoutSession(t *testing.T) {
	for _, d := range []*render.Document{nil, {}, {Forum: &balance.Forum{}}} {
		if got, want := d.Who("Ana"), "someone not among the people"; got != want {
			t.Errorf("Who of %+v = %q, want %q", d, got, want)
		}
		if s := d.Session(); s != nil {
			t.Errorf("Session of %+v = %v, want nil", d, s)
		}
	}
}
