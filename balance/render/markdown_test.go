package render_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the speakers' local times need the zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

func TestMarkdown(t *testing.T) {
	for _, tc := range formatDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Markdown(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, "markdown/"+tc.name+".golden", buf.Bytes())
			mdCheckInert(t, buf.String())
		})
	}
}

func TestMarkdownPrivacy(t *testing.T) {
	for _, tc := range formatPrivacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Markdown(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			// Escaping could hide a name from the search, so search the
			// text with the escapes taken out as well.
			formatCheckPrivacy(t, buf.String(), tc.hidden, tc.show)
			formatCheckPrivacy(t, mdUnescape(buf.String()), tc.hidden, tc.show)
		})
	}
}

// The sessions below are those the Markdown, CSV and JSON tests share.

// formatPolicy is the promise of an IGF hybrid session, as the runofshow
// example plans it: onsite and online speakers at parity, stakeholder and
// regional groups balanced, a minute to open each speaking segment and 30
// seconds to hand the floor to someone online.
var formatPolicy = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
}

func formatPerson(name, org string, mode agenda.Mode, sh agenda.Stakeholder, region agenda.Region, zone string, roles ...agenda.Role) agenda.Person {
	return agenda.Person{Name: name, Organization: org, Roles: roles, Mode: mode, Stakeholder: sh, Region: region, Zone: zone}
}

// formatPanel is a one-hour hybrid panel in UTC: three speakers, two of
// them onsite, a plenary without speakers, and moderators in both places.
func formatPanel() *agenda.Session {
	sp := agenda.RoleSpeaker
	return &agenda.Session{
		Title:  "Data governance in the Pacific",
		Format: agenda.FormatHybrid,
		Room:   "Room 3",
		Slot:   timeslot.Slot{Start: time.Date(2024, 12, 17, 9, 0, 0, 0, time.UTC), Length: time.Hour},
		People: []agenda.Person{
			formatPerson("Ana Moreno", "Internet Society", agenda.ModeOnsite, "Civil Society", "GRULAC", "", agenda.RoleOrganizer, agenda.RoleModerator),
			formatPerson("Sione Tupou", "Ministry of ICT, Tonga", agenda.ModeOnline, "Government", "Asia-Pacific Group", "Pacific/Tongatapu", sp),
			formatPerson("Mere Walker", "University of Auckland", agenda.ModeOnsite, "Technical Community", "WEOG", "", sp),
			formatPerson("Droz Serge", "Federal Office of Communications", agenda.ModeOnsite, "Government", "WEOG", "", sp),
			formatPerson("Lea Kim", "", agenda.ModeOnline, "Private Sector", "Asia-Pacific Group", "Asia/Seoul", agenda.RoleOnlineModerator),
		},
		Questions: []agenda.Question{
			{ID: "A", Text: "Who should hold the data of small island states?"},
			{ID: "B", Text: "What would make cross-border data flows fair?"},
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Ana Moreno"}},
			{Title: "Panel", Kind: "discussion", Length: 35 * time.Minute, Questions: []string{"A"},
				Speakers: []string{"Sione Tupou", "Mere Walker", "Droz Serge"}, Facilitators: []string{"Ana Moreno", "Lea Kim"}},
			{Title: "Open floor", Kind: "plenary", Length: 15 * time.Minute, Questions: []string{"B"}, Facilitators: []string{"Ana Moreno", "Lea Kim"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Ana Moreno"}},
		},
	}
}

// formatBreakouts is an unscheduled online workshop whose middle runs in
// two parallel tracks.
func formatBreakouts() *agenda.Session {
	sp := agenda.RoleSpeaker
	return &agenda.Session{
		Title:  "Community networks: two breakouts",
		Format: agenda.FormatOnline,
		Slot:   timeslot.Slot{Length: 45 * time.Minute},
		People: []agenda.Person{
			formatPerson("Moderator", "", agenda.ModeOnline, "", "", "", agenda.RoleModerator, agenda.RoleFacilitator),
			formatPerson("Facilitator", "", agenda.ModeOnline, "", "", "", agenda.RoleFacilitator),
			formatPerson("Amina Diallo", "", agenda.ModeOnline, "Civil Society", "African Group", "Africa/Dakar", sp),
			formatPerson("Bruno Costa", "", agenda.ModeOnline, "Private Sector", "GRULAC", "", sp),
			formatPerson("Chen Wei", "", agenda.ModeOnline, "Technical Community", "Asia-Pacific Group", "", sp),
			formatPerson("Dana Novak", "", agenda.ModeOnline, "Government", "Eastern European Group", "", sp),
		},
		Segments: []agenda.Segment{
			{Title: "Welcome", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Rural access", Kind: "discussion", Track: "Room A", Length: 25 * time.Minute,
				Speakers: []string{"Amina Diallo", "Bruno Costa"}, Facilitators: []string{"Moderator"}},
			{Title: "Spectrum policy", Kind: "discussion", Track: "Room B", Length: 25 * time.Minute,
				Speakers: []string{"Chen Wei", "Dana Novak"}, Facilitators: []string{"Facilitator"}},
			{Title: "Report back", Kind: "report-back", Length: 15 * time.Minute, Facilitators: []string{"Moderator", "Facilitator"}},
		},
	}
}

// formatPrivate is the panel with one person's organization marked private.
func formatPrivate() *agenda.Session {
	s := formatPanel()
	s.People[3].Organization = "SecretCorp"
	s.People[3].Private = []string{"organization"}
	return s
}

// formatPrivateFields is the panel with a private name, zone and region.
func formatPrivateFields() *agenda.Session {
	s := formatPanel()
	s.People[2].Private = []string{"name", "region"}
	s.People[1].Private = []string{"zone"}
	return s
}

// formatUnattributed is the panel under the rule that nothing said is
// attributed: people are shown by role and group only.
func formatUnattributed() *agenda.Session {
	s := formatPanel()
	s.Attribution = "unattributed"
	rename(s, "Droz Serge", "Zelda Hidden")
	for i := range s.People {
		s.People[i].Organization = "Hidden Org"
	}
	return s
}

// formatInjection is the panel with names and organizations that are code
// in HTML, Markdown or a spreadsheet, or that break lines and fields, or
// hold the special characters of iCalendar (; , \).
func formatInjection() *agenda.Session {
	s := formatPanel()
	s.Title = `Panel <b>bold</b> & "quoted"`
	s.Segments[1].Title = `Panel: </td><script>alert(3)</script>`
	s.Segments[2].Facilitators = []string{"Lea Kim", "Ana Moreno"}
	for from, to := range formatInjected {
		rename(s, from, to)
	}
	s.People[0].Organization = "\r<img src=x onerror=alert(2)>"
	s.People[1].Organization = "@SUM(A1:A2)"
	s.People[2].Organization = "+1 Org"
	s.People[3].Organization = "\t=1+2"
	return s
}

// formatInjected are the names formatInjection gives in place of others.
var formatInjected = map[string]string{
	"Droz Serge":  `<script>alert(1)</script>`,
	"Mere Walker": "Ann\nLee",
	"Sione Tupou": `=HYPERLINK("http://evil.example","click")`,
	"Ana Moreno":  `Bob "Bobby" O'Neil, Jr. | semi; comma, back\slash`,
	"Lea Kim":     "-Lea *bold* _it_ `code` [link](http://x.example) #tag ~s~ &amp; <i>",
}

// injectedTexts are the names and organizations of formatInjection, each
// of which must come out whole, on one line as every format shows a value
// (see oneLine).
func injectedTexts() []string {
	var out []string
	for _, name := range formatInjected {
		out = append(out, oneLine(name))
	}
	slices.Sort(out)
	return append(out, oneLine("\r<img src=x onerror=alert(2)>"), "@SUM(A1:A2)", "+1 Org", oneLine("\t=1+2"))
}

// oneLine returns s as every format shows a value from the session: each
// line break (CR LF as one) and tab a space.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ").Replace(s)
}

// formatDocument validates and plans s and reports on the plan.
func formatDocument(t testing.TB, s *agenda.Session) *render.Document {
	t.Helper()
	validExceptText(t, s)
	ros, al, err := balance.Plan(s, formatPolicy)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	report, err := balance.PlanReport(ros, formatPolicy)
	if err != nil {
		t.Fatalf("PlanReport: %v", err)
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}
}

type formatCase struct {
	name string
	doc  *render.Document
}

// formatDocuments are the documents of the golden files of Markdown, CSV
// and JSON.
func formatDocuments(t testing.TB) []formatCase {
	redacted := formatDocument(t, formatPanel())
	redacted.Redact = true
	reportOnly := formatDocument(t, formatPanel())
	reportOnly.Allocation = nil
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := formatDocument(t, formatPanel())
	elsewhere.Location = paris
	return []formatCase{
		{"panel", formatDocument(t, formatPanel())},
		{"breakouts", formatDocument(t, formatBreakouts())},
		{"private", formatDocument(t, formatPrivate())},
		{"private-fields", formatDocument(t, formatPrivateFields())},
		{"unattributed", formatDocument(t, formatUnattributed())},
		{"redacted", redacted},
		{"report-only", reportOnly},
		{"paris", elsewhere},
		{"draft", &render.Document{Draft: formatPanel()}},
		{"injection", formatDocument(t, formatInjection())},
	}
}

// formatPrivacyCase is a document that must not show some strings, with
// strings it must show, to prove that the check looks at real output.
type formatPrivacyCase struct {
	name         string
	doc          *render.Document
	hidden, show []string
}

func formatPrivacyCases(t testing.TB) []formatPrivacyCase {
	redacted := formatDocument(t, formatPanel())
	redacted.Redact = true
	return []formatPrivacyCase{
		{"private organization", formatDocument(t, formatPrivate()), []string{"SecretCorp"}, []string{"Droz Serge", "Internet Society"}},
		{"private name, region and zone", formatDocument(t, formatPrivateFields()),
			[]string{"Mere Walker", "Walker", "Pacific/Tongatapu"}, []string{"person 3", "Sione Tupou", "University of Auckland"}},
		{"unattributed", formatDocument(t, formatUnattributed()),
			[]string{"Zelda", "Hidden", "Hidden Org", "Ana Moreno", "Moreno", "Sione", "Tupou", "Walker", "Lea Kim", "Internet Society"},
			[]string{"person 4", "Government"}},
		{"redacted", redacted,
			[]string{"Droz Serge", "Ana Moreno", "Moreno", "Sione", "Tupou", "Walker", "Lea Kim", "Internet Society", "Ministry of ICT", "Auckland", "Federal Office"},
			[]string{"person 4", "Government"}},
	}
}

// formatCheckPrivacy fails if out contains any of hidden, or lacks any of show.
func formatCheckPrivacy(t *testing.T, out string, hidden, show []string) {
	t.Helper()
	for _, s := range hidden {
		if i := strings.Index(out, s); i >= 0 {
			t.Errorf("output shows private %q: …%s…", s, out[max(0, i-80):min(len(out), i+80)])
		}
	}
	for _, s := range show {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q, which it should show", s)
		}
	}
}

// TestMarkdownInjection checks that names come out escaped, each in its
// own cell, and whole once the escapes are taken out.
func TestMarkdownInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := render.Markdown(&buf, formatDocument(t, formatInjection())); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	mdCheckInert(t, out)
	var cells []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "|") {
			row := mdCells(line)
			if len(row) != 7 && len(row) != 6 && len(row) != 5 && len(row) != 4 && len(row) != 3 {
				t.Errorf("table row with %d cells: %s", len(row), line)
			}
			for _, c := range row {
				cells = append(cells, mdUnescape(c))
			}
		}
	}
	all := strings.Join(cells, "\n")
	for _, want := range injectedTexts() {
		// A line break would end the table's row, and Markdown trims the
		// space at the ends of a cell.
		want = strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(want))
		if !strings.Contains(all, want) {
			t.Errorf("no cell shows %q", want)
		}
	}
	for _, want := range []string{
		`# Panel \<b\>bold\</b\> \& "quoted"`,
		`| Panel: \</td\>\<script\>alert(3)\</script\> |`,
		`\<script\>alert(1)\</script\>`,
		`Bob "Bobby" O'Neil, Jr. \| semi; comma, back\\slash`,
		"-Lea \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](http://x.example) \\#tag \\~s\\~ \\&amp; \\<i\\>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// mdCheckInert fails if any line of the Markdown that Markdown writes has
// a character that makes markup, outside the markup the renderer writes
// itself, without a backslash before it.
func mdCheckInert(t *testing.T, out string) {
	t.Helper()
	for n, line := range strings.Split(out, "\n") {
		var texts []string
		switch {
		case strings.HasPrefix(line, "| ---"):
			continue // a table's delimiter row
		case strings.HasPrefix(line, "|"):
			texts = mdCells(line)
		case strings.HasPrefix(line, "- **"):
			_, rest, ok := strings.Cut(line[len("- **"):], "** ")
			if !ok {
				t.Errorf("line %d: list item without a label: %s", n+1, line)
			}
			texts = []string{rest}
		default:
			text := strings.TrimLeft(line, "#")
			if i := strings.Index(text, ". "); i > 0 && strings.Trim(text[:i], "0123456789") == "" {
				text = text[i+2:] // an item of a numbered list
			}
			texts = []string{text}
		}
		for _, text := range texts {
			for i := 0; i < len(text); i++ {
				switch c := text[i]; {
				case c == '\\':
					i++ // the escaped character is text
				case strings.IndexByte("|*_`[]<>#&~\r\n", c) >= 0:
					t.Errorf("line %d: unescaped %q in %q", n+1, c, text)
				}
			}
		}
	}
}

// mdCells splits a table row into its cells, at the | that have no
// backslash before them, and trims each.
func mdCells(line string) []string {
	var cells []string
	var cell strings.Builder
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			cell.WriteByte('\\')
			if i+1 < len(line) {
				i++
				cell.WriteByte(line[i])
			}
		case '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// mdUnescape takes out the backslash escapes of Markdown, as a Markdown
// reader does.
func mdUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestMarkdownNoSession(t *testing.T) {
	if err := render.Markdown(new(bytes.Buffer), &render.Document{}); err == nil {
		t.Error("Markdown of a document without a session: no error")
	}
}

// TestMarkdownComplete checks that the Markdown shows what the text shows
// (issue 15): every person with their roles and groups, what is due after
// the session, and what validation finds, hiding under Redact what
// agenda.Redact hides.
func TestMarkdownComplete(t *testing.T) {
	s := formatPanel()
	s.Deadlines = []agenda.Deadline{{What: "Key takeaways", Due: time.Date(2024, 12, 17, 23, 59, 0, 0, time.UTC)}}
	for _, d := range []*render.Document{formatDocument(t, s), {Draft: s}} {
		var md, text bytes.Buffer
		if err := render.Markdown(&md, d); err != nil {
			t.Fatal(err)
		}
		if err := render.Text(&text, d); err != nil {
			t.Fatal(err)
		}
		for _, p := range s.People {
			var roles []string
			for _, r := range p.Roles {
				roles = append(roles, string(r))
			}
			row := fmt.Sprintf("| %s | %s | %s | %s | %s |", p.Name, strings.Join(roles, ", "), p.Stakeholder, p.Region, p.Mode)
			if !strings.Contains(md.String(), row) {
				t.Errorf("Markdown lacks the row %q", row)
			}
		}
		due := "Key takeaways by Tuesday 17 December 2024, 23:59 UTC"
		if !strings.Contains(text.String(), "Due: "+due) || !strings.Contains(md.String(), "- **Due:** "+due) {
			t.Errorf("the text or the Markdown lacks %q:\n%s", due, md.String())
		}
		if !strings.HasSuffix(md.String(), "\n## Validation\n\nNo problems.\n") {
			t.Errorf("Markdown of a valid session does not end with its validation:\n%s", md.String())
		}
	}

	bad := formatPanel()
	bad.People[2].Mode = ""                                                  // a hybrid session must know it
	bad.Segments[1].Speakers = append(bad.Segments[1].Speakers, "Zed Quill") // nobody of that name
	for _, tc := range []struct {
		name   string
		doc    *render.Document
		want   []string
		hidden []string
	}{
		{"named", &render.Document{Draft: bad}, []string{"people[2].mode", `segments[1].speakers[3] "Zed Quill"`}, nil},
		{"redacted", &render.Document{Draft: bad, Redact: true}, []string{"people[2].mode", "segments[1].speakers[3]"}, []string{"Zed Quill"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Markdown(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			_, section, ok := strings.Cut(buf.String(), "\n## Validation\n\n")
			if !ok {
				t.Fatalf("no validation in\n%s", buf.String())
			}
			section = mdUnescape(section)
			problems := strings.Count(section, "\n- ") + 1
			if want := len(strings.Split(bad.Validate().Error(), "\n")); problems != want || !strings.HasPrefix(section, "- ") {
				t.Errorf("%d problems listed, want %d:\n%s", problems, want, section)
			}
			for _, w := range tc.want {
				if !strings.Contains(section, w) {
					t.Errorf("validation lacks %q:\n%s", w, section)
				}
			}
			for _, h := range tc.hidden {
				if strings.Contains(buf.String(), h) {
					t.Errorf("Markdown shows %q:\n%s", h, section)
				}
			}
		})
	}
}
