package render_test

import (
	"bytes"
	"errors"
	"html"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the speakers' local times need the zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// chartPolicy is the promise of an IGF hybrid session, as the runofshow
// example plans it: onsite and online speakers at parity, stakeholder and
// regional groups balanced, a minute to open each speaking segment and 30
// seconds to hand the floor to someone online.
var chartPolicy = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
}

// cest is a fixed zone, so that the tests do not depend on the zone database's rules.
var cest = time.FixedZone("CEST", 2*60*60)

func person(name, org string, mode agenda.Mode, sh agenda.Stakeholder, region agenda.Region, roles ...agenda.Role) agenda.Person {
	return agenda.Person{Name: name, Organization: org, Roles: roles, Mode: mode, Stakeholder: sh, Region: region}
}

// roundtable is a 90-minute hybrid roundtable like seed 000: seven
// speakers over three question segments, an opening and a 20-minute poll.
func roundtable() *agenda.Session {
	sp := agenda.RoleSpeaker
	s := &agenda.Session{
		Title:  "Cyber diplomacy in action: Europe and the Middle East",
		Format: agenda.FormatHybrid,
		Room:   "Workshop room 4",
		Slot:   timeslot.Slot{Start: time.Date(2025, 6, 24, 10, 0, 0, 0, cest), Length: 90 * time.Minute},
		People: []agenda.Person{
			person("James Shires", "ECCRI", agenda.ModeOnsite, "Civil Society", "WEOG", agenda.RoleOrganizer, sp, agenda.RoleModerator),
			person("Fasya Teixeira", "Centre for Humanitarian Dialogue", agenda.ModeOnline, "Civil Society", "Intergovernmental Organization", agenda.RoleOrganizer, sp, agenda.RoleOnlineModerator),
			person("Elena Rückheim", "Centre for Humanitarian Dialogue", agenda.ModeOnsite, "Civil Society", "Intergovernmental Organization", agenda.RoleOrganizer, sp),
			person("Nadher Alsafvani", "Humanitarian Dialogue Center", agenda.ModeOnline, "Civil Society", "WEOG", agenda.RoleOrganizer, sp),
			person("Bassant Hassib", "", agenda.ModeOnline, "Civil Society", "African Group", sp),
			person("Droz Serge", "", agenda.ModeOnsite, "Government", "WEOG", sp),
			person("Noora Fetais", "", agenda.ModeOnline, "Government", "Intergovernmental Organization", sp),
		},
		Questions: []agenda.Question{
			{ID: "A", Text: "How can diplomatic organizations raise awareness of internet governance?"},
			{ID: "B", Text: "How can cyber diplomacy in the Middle East contribute to development?"},
			{ID: "C", Text: "What obstacles prevent effective cyber diplomacy?"},
		},
		Segments: []agenda.Segment{
			{Title: "Opening and modes of intervention", Kind: "opening", Length: 10 * time.Minute, Facilitators: []string{"James Shires", "Fasya Teixeira"}},
			{Title: "Question A: awareness in diplomatic organizations", Kind: "discussion", Length: 20 * time.Minute,
				Speakers: []string{"Noora Fetais", "Elena Rückheim", "Droz Serge"}, Facilitators: []string{"James Shires", "Fasya Teixeira"}, Questions: []string{"A"}},
			{Title: "Question B: cyber diplomacy in the Middle East", Kind: "discussion", Length: 20 * time.Minute,
				Speakers: []string{"Nadher Alsafvani", "Fasya Teixeira", "Bassant Hassib"}, Facilitators: []string{"James Shires"}, Questions: []string{"B"}},
			{Title: "Question C: obstacles to effective cyber diplomacy", Kind: "discussion", Length: 20 * time.Minute,
				Speakers: []string{"James Shires", "Bassant Hassib", "Droz Serge"}, Facilitators: []string{"Fasya Teixeira"}, Questions: []string{"C"}},
			{Title: "Quickfire poll", Kind: "poll", Length: 20 * time.Minute, Facilitators: []string{"James Shires", "Fasya Teixeira"}},
		},
	}
	s.People[1].Zone = "Europe/Zurich"
	s.People[4].Zone = "Africa/Cairo"
	s.People[6].Zone = "Asia/Qatar"
	return s
}

// breakouts is an unscheduled online workshop whose middle runs in two
// parallel tracks.
func breakouts() *agenda.Session {
	sp := agenda.RoleSpeaker
	return &agenda.Session{
		Title:  "Community networks: two breakouts",
		Format: agenda.FormatOnline,
		Slot:   timeslot.Slot{Length: time.Hour},
		People: []agenda.Person{
			person("Moderator", "", agenda.ModeOnline, "", "", agenda.RoleModerator, agenda.RoleFacilitator),
			person("Facilitator", "", agenda.ModeOnline, "", "", agenda.RoleFacilitator),
			person("Amina Diallo", "", agenda.ModeOnline, "Civil Society", "African Group", sp),
			person("Bruno Costa", "", agenda.ModeOnline, "Private Sector", "GRULAC", sp),
			person("Chen Wei", "", agenda.ModeOnline, "Technical Community", "Asia-Pacific Group", sp),
			person("Dana Novak", "", agenda.ModeOnline, "Government", "Eastern European Group", sp),
		},
		Segments: []agenda.Segment{
			{Title: "Welcome", Kind: "opening", Length: 10 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Rural access", Kind: "discussion", Track: "Room A", Length: 25 * time.Minute,
				Speakers: []string{"Amina Diallo", "Bruno Costa"}, Facilitators: []string{"Moderator"}},
			{Title: "Spectrum policy", Kind: "discussion", Track: "Room B", Length: 25 * time.Minute,
				Speakers: []string{"Chen Wei", "Dana Novak"}, Facilitators: []string{"Facilitator"}},
			{Title: "Report back", Kind: "report-back", Length: 20 * time.Minute, Facilitators: []string{"Moderator", "Facilitator"}},
		},
	}
}

// private is the roundtable with one person's organization marked private.
func private() *agenda.Session {
	s := roundtable()
	s.People[5].Organization = "SecretCorp"
	s.People[5].Private = []string{"organization"}
	return s
}

// unattributed is the roundtable under the rule that nothing said is
// attributed: people are shown by role and group only.
func unattributed() *agenda.Session {
	s := roundtable()
	s.Attribution = "unattributed"
	rename(s, "Droz Serge", "Zelda Hidden")
	for i := range s.People {
		s.People[i].Organization = "Hidden Org"
	}
	return s
}

// injection is the roundtable with names that are code in HTML, SVG or a
// spreadsheet, or that break lines and fields.
func injection() *agenda.Session {
	s := roundtable()
	s.Title = `Panel <b>bold</b> & "quoted"`
	for from, to := range injected {
		rename(s, from, to)
	}
	s.People[0].Organization = `<img src=x onerror=alert(2)>`
	s.Segments[1].Title = `Question A: </td><script>alert(3)</script>`
	return s
}

// injected are the names the injection session gives in place of others.
var injected = map[string]string{
	"Droz Serge":       `<script>alert(1)</script>`,
	"Elena Rückheim":   "Ann\nLee",
	"Noora Fetais":     `Bob "Bobby" O'Neil, Jr.`,
	"Nadher Alsafvani": `=HYPERLINK("http://evil.example","click")`,
}

// rename gives a person another name everywhere in s.
func rename(s *agenda.Session, from, to string) {
	for i := range s.People {
		if s.People[i].Name == from {
			s.People[i].Name = to
		}
	}
	for i := range s.Segments {
		for _, list := range [][]string{s.Segments[i].Speakers, s.Segments[i].Facilitators} {
			for k := range list {
				if list[k] == from {
					list[k] = to
				}
			}
		}
	}
}

// document plans s and reports on the plan.
// onlyText reports whether err, from agenda.Session.Validate, is nil or
// holds only characters agenda refuses in text (an agenda.ErrInvalid saying so): the
// renderers must show safely a session a Go program never validated, and
// the injection cases and the fuzzers' sessions hold such text on purpose.
func onlyText(err error) bool {
	if err == nil {
		return true
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return false
	}
	for _, e := range joined.Unwrap() {
		if !errors.Is(e, agenda.ErrInvalid) || !strings.Contains(e.Error(), "text holds a character it may not") {
			return false
		}
	}
	return true
}

// validExceptText fails t unless s's only problems are those of onlyText.
func validExceptText(t testing.TB, s *agenda.Session) {
	t.Helper()
	if err := s.Validate(); !onlyText(err) {
		t.Fatalf("Validate: %v", err)
	}
}

func document(t testing.TB, s *agenda.Session) *render.Document {
	t.Helper()
	validExceptText(t, s)
	ros, al, err := balance.Plan(s, chartPolicy)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	report, err := balance.PlanReport(ros, chartPolicy)
	if err != nil {
		t.Fatalf("PlanReport: %v", err)
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}
}

// documents are the documents the golden files of every renderer here show.
func documents(t testing.TB) []struct {
	name string
	doc  *render.Document
} {
	redacted := document(t, roundtable())
	redacted.Redact = true
	reportOnly := document(t, roundtable())
	reportOnly.Allocation = nil
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := document(t, roundtable())
	elsewhere.Location = paris
	return []struct {
		name string
		doc  *render.Document
	}{
		{"roundtable", document(t, roundtable())},
		{"breakouts", document(t, breakouts())},
		{"private", document(t, private())},
		{"unattributed", document(t, unattributed())},
		{"redacted", redacted},
		{"report-only", reportOnly},
		{"paris", elsewhere},
		{"draft", &render.Document{Draft: roundtable()}},
		{"injection", document(t, injection())},
	}
}

func TestSVG(t *testing.T) {
	for _, tc := range documents(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.SVG(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, "svg/"+tc.name+".svg", buf.Bytes())
		})
	}
}

// TestPNG checks that the PNG decodes, 1024 pixels wide and two pixels to
// each point of the SVG's height. Drawing pixels is slow under the race
// detector, so it draws the documents that differ in layout.
func TestPNG(t *testing.T) {
	for _, tc := range documents(t) {
		if tc.name != "roundtable" && tc.name != "breakouts" && tc.name != "draft" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var svg, img bytes.Buffer
			if err := render.SVG(&svg, tc.doc); err != nil {
				t.Fatal(err)
			}
			if err := render.PNG(&img, tc.doc); err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(img.Bytes()))
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			if _, err := png.Decode(bytes.NewReader(img.Bytes())); err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			m := regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`).FindSubmatch(svg.Bytes())
			if m == nil {
				t.Fatalf("SVG has no size: %.200s", svg.Bytes())
			}
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if cfg.Width != 1024 || cfg.Width != int(2*w) || cfg.Height != int(2*h) {
				t.Errorf("PNG is %d×%d pixels, want 1024×%d for an SVG of %g×%g points", cfg.Width, cfg.Height, int(2*h), w, h)
			}
		})
	}
}

// TestChartsDeterministic renders every document twice as SVG, and one as PNG.
func TestChartsDeterministic(t *testing.T) {
	for _, tc := range documents(t) {
		for _, r := range []struct {
			name   string
			render func(*bytes.Buffer, *render.Document) error
		}{
			{"SVG", func(b *bytes.Buffer, d *render.Document) error { return render.SVG(b, d) }},
			{"PNG", func(b *bytes.Buffer, d *render.Document) error { return render.PNG(b, d) }},
		} {
			if r.name == "PNG" && tc.name != "roundtable" {
				continue
			}
			var a, b bytes.Buffer
			if err := r.render(&a, tc.doc); err != nil {
				t.Fatal(err)
			}
			if err := r.render(&b, tc.doc); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s of %s: two renders differ", r.name, tc.name)
			}
		}
	}
}

// privacyCases are the documents that must not show some strings, with the
// strings they must show to prove that the check looks at real output.
func privacyCases(t testing.TB) []struct {
	name         string
	doc          *render.Document
	hidden, show []string
} {
	redacted := document(t, roundtable())
	redacted.Redact = true
	return []struct {
		name         string
		doc          *render.Document
		hidden, show []string
	}{
		{"private organization", document(t, private()), []string{"SecretCorp"}, []string{"Droz Serge"}},
		{"unattributed", document(t, unattributed()),
			[]string{"Zelda", "Hidden", "Hidden Org", "James Shires", "Fasya", "Teixeira", "Rückheim", "Bassant", "Noora"},
			[]string{"person 6", "Civil Society"}},
		{"redacted", redacted,
			[]string{"Droz Serge", "James Shires", "Shires", "Teixeira", "Rückheim", "Alsafvani", "Hassib", "Fetais", "ECCRI", "Humanitarian Dialogue"},
			[]string{"person 6", "Civil Society"}},
	}
}

func TestChartsPrivacy(t *testing.T) {
	for _, tc := range privacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.SVG(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			checkPrivacy(t, buf.String(), tc.hidden, tc.show)
		})
	}
}

// checkPrivacy fails if out contains any of hidden, as given or escaped, or
// lacks any of show.
func checkPrivacy(t *testing.T, out string, hidden, show []string) {
	t.Helper()
	for _, s := range hidden {
		for _, form := range []string{s, html.EscapeString(s)} {
			if i := strings.Index(out, form); i >= 0 {
				t.Errorf("output shows private %q: …%s…", s, out[max(0, i-80):min(len(out), i+80)])
			}
		}
	}
	for _, s := range show {
		if !strings.Contains(out, html.EscapeString(s)) {
			t.Errorf("output lacks %q, which it should show", s)
		}
	}
}

// TestSVGInjection checks that names come out as escaped text, whole.
func TestSVGInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := render.SVG(&buf, document(t, injection())); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<b>", "<img", "</td>"} {
		if strings.Contains(out, bad) {
			t.Errorf("SVG contains the tag %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"Ann Lee", // a chart cannot break a label: the line break is a space
		"Bob &#34;Bobby&#34; O&#39;Neil, Jr.",
		"=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)",
		"Panel &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}
