package agenda_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

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
			Stakeholder: "Private Sector", Region: "WEOG", Mode: agenda.ModeOnsite, Private: []string{"organization"}},
		{Name: "Edoardo Ravaioli", Roles: []agenda.Role{agenda.RoleOrganizer, agenda.RoleOnlineModerator},
			Stakeholder: "Private Sector", Region: "WEOG", Mode: agenda.ModeOnline, Private: []string{"organization"}},
		{Name: "Joyce Hakmeh", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Civil Society", Region: "WEOG", Mode: agenda.ModeOnsite},
		{Name: "Pablo Castro", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Government", Region: "GRULAC", Mode: agenda.ModeOnsite},
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
		`line 9: unknown stakeholder group: "Speaker 3: Ana O’Neil, Academia, Europe"`,
		`line 9: unknown regional group: "Speaker 3: Ana O’Neil, Academia, Europe"`,
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
// it can read, never panics, never shows a locked value in a warning, never
// makes a person whose name is not on the page, and what it makes is a
// session that encodes, decodes and validates without panicking.
func FuzzParseIGF(f *testing.F) {
	f.Add(igfPage)
	f.Add("Speaker 1: A, Civil Society, WEOG\nB , Government, African Group\nDuration (minutes): 90\nHybrid Format: x")
	f.Add("Organizer 1: , 🔒\nModerator\n🔒, ,\nTime\nMonday, 1st May, 2023 (23:00 UTC) - Tuesday, 2nd May, 2023 (00:30 UTC)")
	f.Add("Speaker 1: Ana Berg πŸ”’, Civil Society, WEOG\nAna Berg, Civil Society\nOnline Moderator\nBo Li\nCy Do\nPolicy Question(s)\n1 - Why?\n• How?")
	pages, _ := filepath.Glob(filepath.Join("testdata", "igf", "*.txt"))
	for _, file := range pages {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, page string) {
		s, warnings, err := agenda.ParseIGF(strings.NewReader(page))
		if err != nil {
			return
		}
		checkWarningsLockFree(t, s, warnings)
		checkNamesOnPage(t, s, page)
		checkDraft(t, s)
	})
}

// FuzzParseIGFHTML feeds arbitrary HTML to the importer, as FuzzParseIGF
// feeds it text.
func FuzzParseIGFHTML(f *testing.F) {
	f.Add("<p>Speaker 1: A B, Civil Society, WEOG</p><script>Speaker 2: C D</script><ol><li>Why?<li>How?</ol>")
	f.Add("<title>IGF 2023 WS #1 T | IGF</title><nav><header>Speaker 1: X Y</nav><pre>Moderator\nE F, Government, GRULAC</pre><img alt=\"🔒\">")
	f.Add("<div>Organizer 1: G H, &#x1F512;Org, Inc.</div><svg/><aside><aside></aside><li>")
	pages, _ := filepath.Glob(filepath.Join("testdata", "igf", "*.html"))
	for _, file := range pages {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	f.Fuzz(func(t *testing.T, page string) {
		s, warnings, err := agenda.ParseIGFHTML(strings.NewReader(page))
		if err != nil {
			return
		}
		checkWarningsLockFree(t, s, warnings)
		checkDraft(t, s)
	})
}

// checkDraft checks that a draft encodes, decodes and validates.
func checkDraft(t *testing.T, s *agenda.Session) {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("the draft does not encode: %v", err)
	}
	var back agenda.Session
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("the draft does not decode: %v\n%s", err, data)
	}
	_ = back.Validate()
}

// checkNamesOnPage checks that nothing is invented: every person's name is
// words of the page, in order.
func checkNamesOnPage(t *testing.T, s *agenda.Session, page string) {
	t.Helper()
	strip := strings.NewReplacer("🔒", " ", "πŸ”’", " ", "ðŸ”’", " ")
	text := " " + strings.Join(strings.Fields(strip.Replace(page)), " ") + " "
	for _, p := range s.People {
		name := strings.Join(strings.Fields(p.Name), " ")
		// A name the importer repaired is on the page as mojibake.
		garbled, _ := charmap.Windows1252.NewDecoder().String(name)
		if name == "" || !strings.Contains(text, name) && !strings.Contains(text, garbled) {
			t.Fatalf("person %q is not on the page", p.Name)
		}
	}
}

// wordsIn reports whether the words of secret appear in text one after
// another, whole, ignoring case: "Ber" is in "Ana Ber, X" but not in "BerA".
func wordsIn(text, secret string) bool {
	split := func(s string) string {
		f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
		return " " + strings.Join(f, " ") + " "
	}
	w := split(secret)
	return w != "  " && strings.Contains(split(text), w)
}

// checkWarningsLockFree checks what Warning promises: no warning shows a
// locked value (a lock in Text is followed by nothing of its field), the
// reason quotes nothing of the page, and no Text holds a name or
// organization the draft marks private.
func checkWarningsLockFree(t *testing.T, s *agenda.Session, warnings []agenda.Warning) {
	t.Helper()
	var secrets []string
	for _, p := range s.People {
		if slices.Contains(p.Private, "name") && len(p.Name) >= 3 {
			secrets = append(secrets, strings.ToLower(p.Name))
		}
		if slices.Contains(p.Private, "organization") && len(p.Organization) >= 3 {
			secrets = append(secrets, strings.ToLower(p.Organization))
		}
	}
	for _, w := range warnings {
		for i, field := range strings.Split(w.Text, ",") {
			if !strings.Contains(field, "🔒") {
				continue
			}
			if label, rest, ok := strings.Cut(field, ":"); i == 0 && ok && !strings.Contains(label, "🔒") {
				field = rest
			}
			if strings.TrimSpace(field) != "🔒" {
				t.Fatalf("warning %q shows what a lock hides", w.String())
			}
		}
		if strings.Contains(w.Reason, "🔒") {
			t.Fatalf("warning %q: the reason quotes the page", w.String())
		}
		for _, sec := range secrets {
			if wordsIn(w.Text, sec) {
				t.Fatalf("warning %q shows the private %q", w.String(), sec)
			}
		}
	}
}

// TestParseIGFLocks checks the page of issue 13, item 4: locked values are
// kept and marked private, a locked organization may hold a comma, and no
// warning, plain or redacted, quotes a locked value or, redacted, any name.
func TestParseIGFLocks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "privacy", "04_igf_redact_stderr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s, warnings, err := agenda.ParseIGF(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Name, Organization string
		Stakeholder        agenda.Stakeholder
		Region             agenda.Region
		Private            []string
	}
	want := []got{
		{"Pavel Secretperson", "SecretOrgOne, Inc.", "", "", []string{"organization"}},
		{"John Hering", "Microsoft", "Private Sector", "WEOG", nil},
		{"Lockname Person", "SecretOrgTwo", "Private Sector", "WEOG", []string{"organization"}},
		{"Joyce Hakmeh", "", "Civil Society", "WEOG", []string{"stakeholder", "region"}},
		{"Pablo Castro", "", "Government", "GRULAC", nil},
		{"Hidden Namedperson", "", "Government", "GRULAC", []string{"name"}},
		{"Edoardo Ravaioli", "", "Private Sector", "WEOG", nil},
	}
	var people []got
	for _, p := range s.People {
		people = append(people, got{p.Name, p.Organization, p.Stakeholder, p.Region, p.Private})
	}
	if diff := cmp.Diff(want, people); diff != "" {
		t.Errorf("people mismatch (-want +got):\n%s", diff)
	}
	checkWarningsLockFree(t, s, warnings)
	for _, w := range warnings {
		for _, locked := range []string{"SecretOrg", "Inc.", "Hidden", "Namedperson", "Civil Society", "Western European"} {
			if strings.Contains(w.String(), locked) {
				t.Errorf("warning %q shows the locked %q", w.String(), locked)
			}
		}
		for _, name := range []string{"Pavel", "John", "Lockname", "Joyce", "Pablo", "Edoardo"} {
			if strings.Contains(agenda.Redacted(w), name) {
				t.Errorf("redacted warning %q shows the name %q", agenda.Redacted(w), name)
			}
		}
	}
}

// TestParseIGFLockedRegion checks a bare lock where a speaker's region
// goes, "Tariq Aziz, Technical Community, 🔒": the region is private, not
// missing, and no organization; an organizer's bare lock, and one a
// region follows, is an organization's.
func TestParseIGFLockedRegion(t *testing.T) {
	page := `IGF 2024 WS #51 Open Data for Climate
Wednesday, 18th December, 2024 (09:00 UTC) - Wednesday, 18th December, 2024 (10:00 UTC)
Organizer 1: Samuel Osei, 🔒
Speaker 1: Lina Haddad, Civil Society, African Group
Speaker 2: Tariq Aziz, Technical Community, 🔒
Speaker 3: Mei Chen, Private Sector, 🔒, Asia-Pacific Group
Moderator
Samuel Osei, Civil Society, African Group
Format
Roundtable - 60 Min
`
	s, warnings, err := agenda.ParseIGF(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		if strings.Contains(w.String(), "no regional group") {
			t.Errorf("warning %q: the region is private, not missing", w.String())
		}
	}
	type got struct {
		Name, Organization string
		Region             agenda.Region
		Private            []string
	}
	var people []got
	for _, p := range s.People {
		people = append(people, got{p.Name, p.Organization, p.Region, p.Private})
	}
	want := []got{
		{"Samuel Osei", "", "African Group", []string{"organization"}},
		{"Lina Haddad", "", "African Group", nil},
		{"Tariq Aziz", "", "", []string{"region"}},
		{"Mei Chen", "", "Asia-Pacific Group", []string{"organization"}}, // a region follows: the lock is an organization's
	}
	if diff := cmp.Diff(want, people); diff != "" {
		t.Errorf("people mismatch (-want +got):\n%s", diff)
	}
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
