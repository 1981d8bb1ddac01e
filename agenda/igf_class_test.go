package agenda_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
)

// TestIGFErrorClasses checks each of the ten kinds of error issue 15 found
// on real pages, on a page of testdata/igf written in the style of that
// year's pages: what the importer must read, and the warning that must say
// what it could not read or had to assume.
func TestIGFErrorClasses(t *testing.T) {
	for _, tt := range []struct {
		name, page string
		check      func(*agenda.Session) string // what is wrong, or ""
		warning    string                       // a warning that must be given, "line <n>: reason" or a reason
		reason     string
	}{
		{
			name: "1/Title", page: "2022-ws-no-headings",
			check:   field("title", func(s *agenda.Session) any { return s.Title }, "IGF 2022 WS #123 Digital Rights and Connectivity in Rural Ethiopia"),
			warning: "", reason: "the title line was never read, while a warning said pages carry no title",
		},
		{
			name: "2/TimeAndRoomWithoutHeadings", page: "2022-ws-no-headings",
			check: field("slot and room", func(s *agenda.Session) any { return []any{s.Slot.Start, s.Slot.Length, s.Room} },
				[]any{time.Date(2022, 11, 29, 9, 30, 0, 0, time.UTC), 90 * time.Minute, "Conference Room 7"}),
			reason: "time and room were read only after a Time or Room heading, else ignored",
		},
		{
			name: "3/LostHeadings", page: "2023-ws-lost-moderator",
			check: roles(map[string][]agenda.Role{
				"Kenji Watanabe":  {agenda.RoleOrganizer, agenda.RoleModerator},
				"Sarah Whitfield": {agenda.RoleOnlineModerator},
				"Tavita Leota":    {agenda.RoleRapporteur},
			}),
			warning: "line 15: no heading over this line: taken as the moderator by its place (the forms list moderator, online moderator, rapporteur in that order)",
			reason:  "unlabeled lines around the remaining Online Moderator heading became speakers, or lost their role",
		},
		{
			name: "3/LostHeadingsNamesOnly", page: "2019-ws-lost-headings",
			check: roles(map[string][]agenda.Role{
				"Mateo Fernández": {agenda.RoleModerator},
				"Chidi Eze":       {agenda.RoleOnlineModerator},
				"Lucía Paredes":   {agenda.RoleRapporteur},
			}),
			warning: "line 16: no heading over this line: taken as the rapporteur by its place (the forms list moderator, online moderator, rapporteur in that order)",
			reason:  "name-only lines were dropped silently",
		},
		{
			name: "4/OrganizersByGroupsOnly", page: "2022-ws-no-headings",
			check:   count(7),
			warning: "line 4: an organizer given by groups only, without a name; not added as a person",
			reason:  "\"Organizer 1: Private Sector, Asia-Pacific Group\" became a person named after a group",
		},
		{
			name: "5/JobTitleAndOrganization", page: "2025-ws-job-titles",
			check:   wholePerson("Ana Silva", agenda.Person{Name: "Ana Silva", Organization: "OECD", Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnsite}),
			warning: "line 7: a job title in place of the groups; the job title is not kept",
			reason:  "a job title was stored as the organization, with unknown-group warnings",
		},
		{
			name: "5/OrganizationWithCommas", page: "2024-ws-commas-no-question-heading",
			check: field("organization", func(s *agenda.Session) any {
				p, _ := s.Roster().Person("Layla Haddad")
				return p.Organization
			}, "Digital Lab, Arab League Educational Council"),
			reason: "an organization holding a comma was cut at it",
		},
		{
			name: "6/NumberedDashedBulleted", page: "2021-ws-panel-headings",
			check:  questions("Which legal protections do researchers who report vulnerabilities need?", "How can coordinated disclosure work across borders?", "What should vendors commit to when they receive a report?"),
			reason: "\"1 -\" lists were merged into one question, and only the first line after the heading was read",
		},
		{
			name: "6/QuestionsWithoutHeading", page: "2024-ws-commas-no-question-heading",
			check:   questions("Who should own the Arabic datasets that train large language models?", "How can dialects be represented without erasing them into one standard?", "What labour protections do annotators of Arabic data need?"),
			warning: "line 21: policy questions without a \"Policy Question(s)\" heading; read as the policy questions",
			reason:  "questions without a heading were ignored",
		},
		{
			name: "7/RegionalGroupSpelling", page: "2021-ws-panel-headings",
			check: field("region", func(s *agenda.Session) any {
				p, _ := s.Roster().Person("Jae-won Park")
				return p.Region
			}, agenda.Region("Asia-Pacific Group")),
			reason: "\"Asia Pacific Regional Group\" was refused",
		},
		{
			name: "8/LockMojibake", page: "2023-ws-lost-moderator",
			check: field("private", func(s *agenda.Session) any {
				p, _ := s.Roster().Person("Kenji Watanabe")
				return []any{p.Organization, p.Private}
			}, []any{"", []string{"organization"}}),
			reason: "\"πŸ”’\" was stored as an organization instead of marking the field private",
		},
		{
			name: "8/LockAfterName", page: "2023-ws-locks",
			check: field("private", func(s *agenda.Session) any {
				p, _ := s.Roster().Person("Ana Berg")
				return []any{p.Stakeholder, p.Region, slices.Contains(p.Private, "name")}
			}, []any{agenda.Stakeholder("Civil Society"), agenda.Region("WEOG"), true}),
			reason: "\"Ana Berg 🔒, Civil Society, WEOG\" lost the groups under bogus warnings and the name was not marked private",
		},
		{
			name: "8/MojibakeNames", page: "2022-ws-mojibake",
			check: field("names", func(s *agenda.Session) any {
				p, _ := s.Roster().Person("José Martínez")
				return []any{p != nil && slices.Contains(p.Private, "organization"), len(s.People)}
			}, []any{true, 6}),
			warning: "line 4: the line was saved in the wrong encoding (mojibake); read as it was written",
			reason:  "a page saved in the wrong encoding shows its names as mojibake too, and its lock",
		},
		{
			name: "9/NoDuration", page: "2024-of-no-duration",
			check:   field("length", func(s *agenda.Session) any { return s.Slot.Length }, 90*time.Minute),
			warning: "no time line, length or format with minutes on the page: the slot is assumed to be 1h30m long and is not scheduled; set slot.start and slot.length",
			reason:  "a page with no duration gave a 0-second slot and two validation errors",
		},
		{
			name: "10/FormatName", page: "2019-ws-roundtable-circle",
			check: field("format name", func(s *agenda.Session) any { return []any{s.Segments[0].Title, s.Slot.Length} },
				[]any{"Round Table - Circle - 60 Min", time.Hour}),
			reason: "the format name was dropped",
		},
		{
			name: "10/HybridFromWords", page: "2022-of-hybrid-words",
			check:  field("format", func(s *agenda.Session) any { return s.Format }, agenda.FormatHybrid),
			reason: "hybrid was inferred only from an Online Moderator heading",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, warnings := importPage(t, "testdata/igf/"+tt.page)
			if problem := tt.check(s); problem != "" {
				t.Errorf("%s (%s)", problem, tt.reason)
			}
			if tt.warning != "" && !slices.ContainsFunc(warnings, func(w agenda.Warning) bool { return agenda.Redacted(w) == tt.warning }) {
				t.Errorf("no warning %q among:\n%s", tt.warning, redacted(warnings))
			}
			if _, err := json.Marshal(s); err != nil {
				t.Errorf("the draft does not encode: %v", err)
			}
		})
	}
}

func redacted(warnings []agenda.Warning) string {
	var b strings.Builder
	for _, w := range warnings {
		b.WriteString("  " + agenda.Redacted(w) + "\n")
	}
	return b.String()
}

// field checks one value of the draft.
func field(what string, get func(*agenda.Session) any, want any) func(*agenda.Session) string {
	return func(s *agenda.Session) string {
		if diff := cmp.Diff(want, get(s)); diff != "" {
			return what + " mismatch (-want +got):\n" + diff
		}
		return ""
	}
}

// roles checks the roles of the people named.
func roles(want map[string][]agenda.Role) func(*agenda.Session) string {
	return func(s *agenda.Session) string {
		got := map[string][]agenda.Role{}
		for name := range want {
			if p, ok := s.Roster().Person(name); ok {
				got[name] = p.Roles
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			return "roles mismatch (-want +got):\n" + diff
		}
		return ""
	}
}

// count checks how many people the draft has.
func count(n int) func(*agenda.Session) string {
	return field("people", func(s *agenda.Session) any { return len(s.People) }, n)
}

// wholePerson checks one person whole.
func wholePerson(name string, want agenda.Person) func(*agenda.Session) string {
	return field(name, func(s *agenda.Session) any {
		p, _ := s.Roster().Person(name)
		if p == nil {
			return nil
		}
		return *p
	}, want)
}

// questions checks the texts of the policy questions.
func questions(want ...string) func(*agenda.Session) string {
	return field("questions", func(s *agenda.Session) any {
		var got []string
		for _, q := range s.Questions {
			got = append(got, q.Text)
		}
		return got
	}, want)
}

// TestDecodeRegionalGroupSpelling checks that the JSON decoder reads the
// "Regional Group" spellings the importer reads (issue 15, error class 7).
func TestDecodeRegionalGroupSpelling(t *testing.T) {
	s, err := agenda.Decode(strings.NewReader(`{"title": "T", "format": "onsite", "slot": {"length": "1h"},
		"people": [{"name": "Mei Tanaka", "roles": ["speaker"], "region": "Asia Pacific Regional Group"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.People[0].Region; got != agenda.Region("Asia-Pacific Group") {
		t.Errorf("region %q, want %q", got, "Asia-Pacific Group")
	}
}

// TestIGFPersonFields reads the fields after a name in the shapes pages
// give them, one speaker line each.
func TestIGFPersonFields(t *testing.T) {
	type got struct {
		Org         string
		Stakeholder agenda.Stakeholder
		Region      agenda.Region
		Mode        agenda.Mode
		Private     []string
	}
	for _, tt := range []struct {
		line   string
		want   got
		reason string
	}{
		{"Ana Silva, Civil Society, WEOG", got{"", "Civil Society", "WEOG", "", nil}, "the shape of the forms"},
		{"Ana Silva, Senior Policy Analyst, OECD", got{"OECD", "", "", "", nil}, "a job title is not the organization"},
		{"Ana Silva, Head of Policy, Digital Lab, Example Council", got{"Digital Lab, Example Council", "", "", "", nil}, "a title, then an organization with a comma"},
		{"Ana Silva, Digital Lab, Example Council", got{"Digital Lab, Example Council", "", "", "", nil}, "an organization with a comma"},
		{"Ana Silva, Office of the Special Envoy on Technology", got{"Office of the Special Envoy on Technology", "", "", "", nil}, "an organization holding a title's word"},
		{"Ana Silva, 🔒Grant, Hale & Partners, Private Sector, WEOG", got{"Grant, Hale & Partners", "Private Sector", "WEOG", "", []string{"organization"}}, "a locked organization runs to the groups"},
		{"Ana Silva, Civil Society, Intergovernmental Organization", got{"", "Civil Society", "Intergovernmental Organization", "", nil}, "IGO is a region after a stakeholder group"},
		{"Ana Silva, Civil Society, Asia Pacific Regional Group (online)", got{"", "Civil Society", "Asia-Pacific Group", agenda.ModeOnline, nil}, "a mode in parentheses"},
		{"Ana Silva, Academia, Europe", got{"", "", "", "", nil}, "groups that are none of the groups are warnings, not an organization"},
	} {
		s, _, err := agenda.ParseIGF(strings.NewReader("Speaker 1: " + tt.line))
		if err != nil || len(s.People) != 1 {
			t.Fatalf("%q: %v, %d people", tt.line, err, len(s.People))
		}
		p := s.People[0]
		mode := p.Mode
		if mode == agenda.ModeOnsite {
			mode = "" // assumed, in a hybrid session
		}
		if diff := cmp.Diff(tt.want, got{p.Organization, p.Stakeholder, p.Region, mode, p.Private}); diff != "" || p.Name != "Ana Silva" {
			t.Errorf("%q (%s): name %q, mismatch (-want +got):\n%s", tt.line, tt.reason, p.Name, diff)
		}
	}
}

// TestParseIGFHTMLLines checks that a warning about a page's HTML names the
// line of the HTML where the text starts, and that the text a browser does
// not show as the page's (scripts, navigation, sidebars) is not read.
func TestParseIGFHTMLLines(t *testing.T) {
	s, warnings := importPage(t, "testdata/igf/2022-ws-saved")
	want := agenda.Warning{Line: 8, Text: "Organizer 2: Private Sector, Western European and Others Group (WEOG)", Reason: "an organizer given by groups only, without a name; not added as a person"}
	if !slices.Contains(warnings, want) {
		t.Errorf("no warning %v among:\n%s", want, redacted(warnings))
	}
	s2, _ := importPage(t, "testdata/igf/2023-ws-saved")
	for _, name := range []string{"Nobody Real", "Sidebar Person"} {
		if _, ok := s2.Roster().Person(name); ok {
			t.Errorf("%s, in a script or a sidebar, was read as a person", name)
		}
	}
	if s.Title != "IGF 2022 WS #350 Cloud Sovereignty Without Fragmentation" {
		t.Errorf("title %q, want the <title> without the site's name", s.Title)
	}
}

// TestIGFUnplaced checks that a line the importer cannot place is a
// warning naming the line, never a person.
func TestIGFUnplaced(t *testing.T) {
	for _, tt := range []struct {
		page    string
		people  []string // the people the page lists as they may be read
		warning string
	}{
		{"Speakers: Ana Silva (Civil Society), Bo Li (Government)", nil,
			"line 1: people listed on one line after a heading; not read: give each on a line of their own, as \"Speaker 1: Name, Stakeholder group, Regional group\""},
		{"Organizer 1: Civil Society, WEOG", nil, "line 1: an organizer given by groups only, without a name; not added as a person"},
		{"Description\nAna Silva, Civil Society, WEOG\nFormat", nil, "line 2: a line that looks like a person's, outside the list of people; not added"},
		// Two lines after the speakers, no heading: which two of the three
		// roles they hold the page does not tell.
		{"Speaker 1: Cy Do, Government, GRULAC\nAna Silva, Civil Society, WEOG\nBo Li, Government, WEOG\nFormat\nPanel - 90 Min", []string{"Cy Do"},
			"line 2: a person under no role heading, whose role its place does not tell; not added (put it under a \"Moderator\", \"Online Moderator\" or \"Rapporteur\" heading)"},
		// A subtheme after the speakers is no moderator.
		{"Speaker 1: Cy Do, Government, GRULAC\nDigital Inclusion\nFormat\nPanel - 90 Min", []string{"Cy Do"}, ""},
		{"Speaker 1: 🔒, Government, GRULAC", nil, "line 1: a speaker without a name; not added"},
	} {
		s, warnings, err := agenda.ParseIGF(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		var people []string
		for _, p := range s.People {
			people = append(people, p.Name)
		}
		if diff := cmp.Diff(tt.people, people); diff != "" {
			t.Errorf("%q: people mismatch (-want +got):\n%s", tt.page, diff)
		}
		if tt.warning != "" && !slices.ContainsFunc(warnings, func(w agenda.Warning) bool { return agenda.Redacted(w) == tt.warning }) {
			t.Errorf("%q: no warning %q among:\n%s", tt.page, tt.warning, redacted(warnings))
		}
	}
}

// TestIGFNumberIsID reads the session's number from its title line as its
// ID, which keeps its calendar's UIDs when it is retitled or moved; a
// title without a number gives none, rather than one made up.
func TestIGFNumberIsID(t *testing.T) {
	for _, tt := range []struct{ title, id string }{
		{"IGF 2022 WS #123 Digital Rights and Connectivity in Rural Ethiopia", "IGF 2022 WS #123"},
		{"IGF 2019 OF # 7 Open Forum on Data", "IGF 2019 OF #7"},
		{"IGF2024 ws #45: Youth voices", "IGF 2024 WS #45"},
		{"IGF 2023 Day 0 Event #12 Launch", ""},
		{"IGF 2021 Town Hall on connectivity", ""},
	} {
		s, _, err := agenda.ParseIGF(strings.NewReader(tt.title + "\nSpeaker 1: Ana Berg, Civil Society, WEOG\n"))
		if err != nil {
			t.Fatal(err)
		}
		if s.ID != tt.id || s.Title != tt.title {
			t.Errorf("%q: ID %q, title %q; want ID %q and the title as it is", tt.title, s.ID, s.Title, tt.id)
		}
	}
}
