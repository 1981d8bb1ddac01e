package render_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// icsProgramme is a forum of four sessions: the panel in UTC, with an ID;
// the panel in Zurich, which has the same title but no ID; a session
// without a start time; and the panel again, a week later, under the same
// ID as the first, which a calendar tells apart by its occurrence.
func icsProgramme(t *testing.T) *agenda.Programme {
	first := formatPanel()
	first.ID = "IGF 2024 WS #42"
	again := formatPanel()
	again.ID = first.ID
	again.Slot.Start = again.Slot.Start.Add(7 * 24 * time.Hour)
	return &agenda.Programme{Title: "Pacific data week", Sessions: []agenda.Session{*first, *icsZurich(t), *formatBreakouts(), *again}}
}

// icsForum writes the calendar of a programme, stamped as the golden
// files are.
func icsForum(t *testing.T, prog *agenda.Programme, d render.Document) []byte {
	t.Helper()
	d.Forum = &balance.Forum{Programme: prog}
	if d.Stamp.IsZero() {
		d.Stamp = icsStamp
	}
	var buf bytes.Buffer
	if err := render.ICS(&buf, &d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestForumICS checks the calendar of a whole programme against golden
// files and both parsers: it holds every scheduled session's events, each
// with the times and the UIDs that the session's own calendar gives it
// (but for a session whose identity an earlier one has), a VTIMEZONE for
// every zone it uses, and a description that names the sessions it leaves
// out.
func TestForumICS(t *testing.T) {
	seedProg, err := seeds.Programme()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		prog *agenda.Programme
		loc  *time.Location
	}{
		{"seeds", seedProg, nil},
		{"programme", icsProgramme(t), nil},
		{"programme-paris", icsProgramme(t), icsLoad(t, "Europe/Paris")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := icsForum(t, tc.prog, render.Document{Location: tc.loc})
			golden(t, "ics/forum-"+tc.name+".ics", out)
			icsCheckLines(t, out)
			icsCheckTimezones(t, out)
			got := icsReadGoICal(t, out)
			if diff := cmp.Diff(got, icsReadPlain(t, out)); diff != "" {
				t.Errorf("go-ical and the plain reader disagree (-go-ical +plain):\n%s", diff)
			}

			var want []icsEvent
			var left []string
			seen := map[string]bool{} // identities
			for i := range tc.prog.Sessions {
				s := &tc.prog.Sessions[i]
				if !s.Slot.Scheduled() {
					left = append(left, `"`+s.Title+`"`)
					continue
				}
				one := icsRead(t, &render.Document{Draft: s, Location: tc.loc})
				key := s.ID
				if key == "" {
					key = "title " + agenda.NameKey(s.Title)
				}
				if seen[key] {
					for k := range one {
						one[k].UID, one[k].Parent = "", "" // known by its occurrence instead
					}
				}
				seen[key] = true
				want = append(want, one...)
			}
			ignoreUnknown := cmp.FilterPath(func(p cmp.Path) bool {
				f, ok := p.Last().(cmp.StructField)
				if !ok || (f.Name() != "UID" && f.Name() != "Parent") {
					return false
				}
				v, _ := p.Index(-2).Values()
				return v.Interface().(icsEvent).UID == "" // the session seen twice
			}, cmp.Ignore())
			if diff := cmp.Diff(want, got, ignoreUnknown); diff != "" {
				t.Errorf("the sessions' own calendars give other events (-own +programme):\n%s", diff)
			}
			uids := map[string]bool{}
			for _, ev := range got {
				if uids[ev.UID] {
					t.Errorf("UID %s twice", ev.UID)
				}
				uids[ev.UID] = true
			}

			cal, err := ical.NewDecoder(bytes.NewReader(out)).Decode()
			if err != nil {
				t.Fatal(err)
			}
			if name := cal.Props.Get("X-WR-CALNAME"); name == nil || name.Value != tc.prog.Title {
				t.Errorf("X-WR-CALNAME %v, want %q", name, tc.prog.Title)
			}
			desc := cal.Props.Get("X-WR-CALDESC")
			if len(left) == 0 {
				if desc != nil {
					t.Errorf("X-WR-CALDESC %q with every session in the calendar", desc.Value)
				}
				return
			}
			text, _ := desc.Text()
			for _, title := range left {
				if !strings.Contains(text, title) {
					t.Errorf("X-WR-CALDESC %q does not name %s, which has no start time", text, title)
				}
			}
		})
	}
}

// icsRead renders one session's calendar and reads its events.
func icsRead(t *testing.T, d *render.Document) []icsEvent {
	t.Helper()
	return icsReadGoICal(t, icsRender(t, d))
}

// TestForumICSUntitled checks the name of the calendar of a programme
// without a title.
func TestForumICSUntitled(t *testing.T) {
	prog := icsProgramme(t)
	prog.Title = ""
	if lines := icsUnfold(icsForum(t, prog, render.Document{})); !slices.Contains(lines, "X-WR-CALNAME:Programme") {
		t.Errorf("no X-WR-CALNAME:Programme in\n%s", strings.Join(lines, "\n"))
	}
}

func TestForumICSErrors(t *testing.T) {
	unscheduled := &agenda.Programme{Sessions: []agenda.Session{*formatBreakouts()}}
	for _, tc := range []struct {
		name string
		doc  *render.Document
		want error // a sentinel the error matches, or nil for any
	}{
		{"nil", nil, balance.ErrNoSession},
		{"no forum", &render.Document{}, balance.ErrNoSession},
		{"no programme", &render.Document{Forum: &balance.Forum{}}, balance.ErrNoSession},
		{"no session", &render.Document{Forum: &balance.Forum{Programme: &agenda.Programme{}}}, render.ErrNoCalendar},
		{"no start time", &render.Document{Forum: &balance.Forum{Programme: unscheduled}}, render.ErrNoCalendar},
		{"negative sequence", &render.Document{Forum: &balance.Forum{Programme: icsProgramme(t)}, Sequence: -1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := render.ICS(&buf, tc.doc)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "render: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %q before failing", buf.String())
			}
		})
	}
}

// TestICSStamp checks that DTSTAMP is the time of writing unless the
// document fixes it, and that SEQUENCE is the document's.
func TestICSStamp(t *testing.T) {
	d := formatDocument(t, formatPanel())
	d.Sequence = 2
	before := time.Now().UTC().Truncate(time.Second)
	var buf bytes.Buffer
	if err := render.ICS(&buf, d); err != nil {
		t.Fatal(err)
	}
	after := time.Now().UTC()
	cal, err := ical.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range cal.Events() {
		stamp, err := ev.Props.DateTime(ical.PropDateTimeStamp, nil)
		if err != nil {
			t.Fatal(err)
		}
		if stamp.Before(before) || stamp.After(after) {
			t.Errorf("DTSTAMP %v, want the time of writing, between %v and %v", stamp, before, after)
		}
		if seq := ev.Props.Get(ical.PropSequence); seq == nil || seq.Value != "2" {
			t.Errorf("SEQUENCE %v, want 2", seq)
		}
	}

	d.Sequence = -1
	if err := render.ICS(&buf, d); err == nil || !strings.Contains(err.Error(), "Sequence -1") {
		t.Errorf("ICS with Sequence -1: %v, want an error naming it", err)
	}
	d.Sequence, d.Stamp = 0, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	var te *render.TimeError
	if err := render.ICS(&buf, d); !errors.As(err, &te) || te.Field != "stamp" {
		t.Errorf("ICS stamped in year 10000: %v, want a *TimeError for the stamp", err)
	}
}

// FuzzForumICS writes the calendar of the programmes FuzzForumRender
// builds, named and redacted, in their own zones and in others: the file
// keeps to RFC 5545's lines, both parsers read it, with the session's event
// and one per segment of every session that has a start time, and it shows
// no name or organization that no session may show (private, or in a
// session that is not attributed, or any when redacted), and no country,
// zone or private gender, which a calendar never shows.
func FuzzForumICS(f *testing.F) {
	for _, seed := range [][]byte{nil, {2, 0, 0, 3, 0, 0, 0, 0, 1, 2, 3, 4, 0x7f, 1, 1, 0, 0, 0, 0, 0, 1, 7, 5, 3, 1, 0xff, 0x80, 2, 2},
		[]byte("the quick brown fox jumps over the lazy dog; 01:30 Europe/Zurich"), bytes.Repeat([]byte{1, 7, 3, 0xc4}, 60)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pk := &fuzzPicker{data: data}
		prog := forumFuzzProgramme(pk)
		loc := []*time.Location{nil, fuzzLoad(t, "Europe/Paris"), fuzzLoad(t, "America/New_York"), time.FixedZone("", -(9*60+30)*60)}[pk.intn(4)]
		events := 0
		for i := range prog.Sessions {
			if s := &prog.Sessions[i]; s.Slot.Scheduled() {
				events += 1 + len(s.Segments)
			}
		}
		for _, redact := range []bool{false, true} {
			var buf bytes.Buffer
			err := render.ICS(&buf, &render.Document{Forum: &balance.Forum{Programme: prog}, Location: loc, Redact: redact, Stamp: icsStamp})
			if events == 0 {
				if !errors.Is(err, render.ErrNoCalendar) {
					t.Fatalf("ForumICS of a programme without a start time: %v, want ErrNoCalendar", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ForumICS: %v", err)
			}
			out := buf.Bytes()
			icsCheckLines(t, out)
			for parser, got := range map[string][]icsEvent{"go-ical": icsReadGoICal(t, out), "plain": icsReadPlain(t, out)} {
				if len(got) != events {
					t.Fatalf("%s reads %d events, want %d", parser, len(got), events)
				}
			}
			unfolded := strings.Join(icsUnfold(out), "\n")
			for _, form := range []string{string(out), unfolded, strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n").Replace(unfolded)} {
				fuzzCheckHidden(t, "ics", form, icsFuzzHidden(prog, redact))
			}
		}
	})
}

// icsFuzzHidden returns what no calendar of prog may show: a name or an
// organization that no session may show, and every country, zone and
// private gender.
func icsFuzzHidden(prog *agenda.Programme, redact bool) []string {
	shown := map[string]bool{} // names and organizations some session may show
	for i := range prog.Sessions {
		s := &prog.Sessions[i]
		for _, p := range s.People {
			if !redact && s.Named() && !slices.Contains(p.Private, "name") {
				shown[agenda.NameKey(p.Name)] = true
			}
			if !redact && s.Named() && !slices.Contains(p.Private, "organization") {
				shown[agenda.NameKey(p.Organization)] = true
			}
		}
	}
	var hidden []string
	for i := range prog.Sessions {
		for _, p := range prog.Sessions[i].People {
			for _, v := range []string{p.Name, p.Organization} {
				if v != "" && !shown[agenda.NameKey(v)] {
					hidden = append(hidden, v)
				}
			}
			for _, v := range []string{p.Country, p.Zone} {
				if v != "" {
					hidden = append(hidden, v)
				}
			}
			if strings.HasPrefix(p.Gender, fuzzToken) && slices.Contains(p.Private, "gender") {
				hidden = append(hidden, p.Gender)
			}
		}
	}
	return hidden
}
