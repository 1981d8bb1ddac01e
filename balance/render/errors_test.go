package render_test

import (
	"errors"
	"io"
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
			{Name: "Anna Berg", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite, Stakeholder: agenda.StakeholderGovernment},
			{Name: "Chen Wei", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline, Stakeholder: agenda.StakeholderCivilSociety},
		},
		Segments: []agenda.Segment{{Title: "Panel", Kind: agenda.KindDiscussion, Length: 30 * time.Minute,
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
	forumDoc := &render.ForumDocument{Forum: forum}
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
		{"TextAudit", func(w io.Writer, d *render.Document) error { return render.TextAudit(w, d, audit) }},
		{"TextReplan", func(w io.Writer, d *render.Document) error {
			return render.TextReplan(w, d, time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC))
		}},
		{"Output.Encode", func(w io.Writer, d *render.Document) error { return render.NewOutput(d).Encode(w) }},
	}
	forumRenderers := []struct {
		name string
		run  func(io.Writer, *render.ForumDocument) error
	}{
		{"ForumText", render.ForumText},
		{"ForumMarkdown", render.ForumMarkdown},
		{"ForumHTML", render.ForumHTML},
		{"ForumCSV", render.ForumCSV},
		{"ForumSVG", render.ForumSVG},
		{"ForumICS", render.ForumICS},
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
		if r.name == "Output.Encode" {
			continue // NewOutput panics, as documented, for a document without a session
		}
		t.Run("nil/"+r.name, func(t *testing.T) {
			if err := r.run(io.Discard, nil); !errors.Is(err, render.ErrNoSession) {
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
			if err := r.run(io.Discard, nil); !errors.Is(err, render.ErrNoForum) {
				t.Errorf("%s of a nil document = %v, want ErrNoForum", r.name, err)
			}
		})
	}

	for _, tt := range []struct {
		name string
		call func() error
		is   error
	}{
		{"TextReplan/draft", func() error {
			return render.TextReplan(io.Discard, &render.Document{Draft: doc.RunOfShow.Session}, time.Time{})
		}, render.ErrNoSession},
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

// TestTextAuditNoAudit checks that a missing audit is an error, not a panic.
func TestTextAuditNoAudit(t *testing.T) {
	s := &agenda.Session{Title: "S", Format: agenda.FormatOnsite}
	s.Slot.Length = time.Hour
	d := &render.Document{Draft: s}
	for _, a := range []*balance.Audit{nil, {}} {
		if err := render.TextAudit(io.Discard, d, a); !errors.Is(err, render.ErrNoAudit) {
			t.Errorf("TextAudit(%v) = %v, want ErrNoAudit", a, err)
		}
	}
}
