package agenda_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// igfWant is what a page of testdata/igf gives, field by field, as a reader
// of the page would write it down: a field the page does not give is left
// out and not scored. A participation mode is given only where the page
// says it: for an online moderator, or "(online)" on the line.
type igfWant struct {
	Title     string   `json:"title"`
	Start     string   `json:"start"`  // RFC 3339
	Length    string   `json:"length"` // as time.ParseDuration reads it
	Room      string   `json:"room"`
	Format    string   `json:"format"` // the format name, kept as the title of the segment
	Hybrid    *bool    `json:"hybrid"`
	People    []igfWho `json:"people"`
	Questions []string `json:"questions"`
}

type igfWho struct {
	Name         string   `json:"name"`
	Roles        []string `json:"roles"`
	Organization string   `json:"organization"`
	Stakeholder  string   `json:"stakeholder"`
	Region       string   `json:"region"`
	Mode         string   `json:"mode"`
	Private      []string `json:"private"`
}

// igfScore counts the fields of one page the importer got right.
type igfScore struct {
	right, total int
	wrong        []string
	invented     []string
}

func (s *igfScore) check(field string, want, got any) {
	s.total++
	if fmt.Sprint(want) == fmt.Sprint(got) {
		s.right++
		return
	}
	s.wrong = append(s.wrong, fmt.Sprintf("%s: want %q, got %q", field, fmt.Sprint(want), fmt.Sprint(got)))
}

// scoreIGF scores a draft against what the page gives.
func scoreIGF(want *igfWant, s *agenda.Session) *igfScore {
	sc := &igfScore{}
	sc.check("title", want.Title, s.Title)
	if want.Start != "" {
		sc.check("start", want.Start, s.Slot.Start.Format(time.RFC3339))
	}
	if want.Length != "" {
		d, _ := time.ParseDuration(want.Length)
		sc.check("length", d, s.Slot.Length)
	}
	if want.Room != "" {
		sc.check("room", want.Room, s.Room)
	}
	if want.Format != "" {
		got := ""
		if len(s.Segments) > 0 {
			got = s.Segments[0].Title
		}
		sc.check("format", want.Format, got)
	}
	if want.Hybrid != nil {
		sc.check("hybrid", *want.Hybrid, s.Format == agenda.FormatHybrid)
	}
	sorted := func(xs []string) []string { xs = slices.Clone(xs); slices.Sort(xs); return xs }
	for _, w := range want.People {
		p, ok := s.Roster().Person(w.Name)
		if !ok {
			p = &agenda.Person{}
		}
		at := "person " + w.Name
		sc.check(at+" name", w.Name, p.Name)
		var roles []string
		for _, r := range p.Roles {
			roles = append(roles, string(r))
		}
		sc.check(at+" roles", sorted(w.Roles), sorted(roles))
		if w.Organization != "" {
			sc.check(at+" organization", w.Organization, p.Organization)
		}
		if w.Stakeholder != "" {
			sc.check(at+" stakeholder", w.Stakeholder, p.Stakeholder)
		}
		if w.Region != "" {
			sc.check(at+" region", w.Region, p.Region)
		}
		if w.Mode != "" {
			sc.check(at+" mode", w.Mode, p.Mode)
		}
		if len(w.Private) > 0 {
			var private []string
			for _, f := range p.Private {
				private = append(private, string(f))
			}
			sc.check(at+" private", sorted(w.Private), sorted(private))
		}
	}
	for _, p := range s.People {
		if !slices.ContainsFunc(want.People, func(w igfWho) bool { return agenda.NameKey(w.Name) == agenda.NameKey(p.Name) }) {
			sc.invented = append(sc.invented, p.Name)
		}
	}
	for i, q := range want.Questions {
		got := ""
		if i < len(s.Questions) {
			got = s.Questions[i].Text
		}
		sc.check(fmt.Sprintf("question %d", i+1), q, got)
	}
	if len(s.Questions) > len(want.Questions) {
		sc.total++ // a question the page does not ask is a field wrong
		sc.wrong = append(sc.wrong, fmt.Sprintf("%d questions, want %d", len(s.Questions), len(want.Questions)))
	}
	return sc
}

// TestIGFScore imports every page of testdata/igf, pages of each kind and
// year from 2019 to 2025 as text and as saved HTML, and counts the fields
// it gets right against what each page gives (its .want.json). It fails
// below 95%, and on any person the page does not list.
func TestIGFScore(t *testing.T) {
	wants, err := filepath.Glob(filepath.Join("testdata", "igf", "*.want.json"))
	if err != nil || len(wants) < 12 {
		t.Fatalf("%d pages in testdata/igf, want at least 12 (%v)", len(wants), err)
	}
	right, total := 0, 0
	for _, file := range wants {
		base := strings.TrimSuffix(file, ".want.json")
		name := filepath.Base(base)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var want igfWant
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		s, warnings := importPage(t, base)
		sc := scoreIGF(&want, s)
		right += sc.right
		total += sc.total
		if len(sc.invented) > 0 {
			t.Errorf("%s: invented people %q", name, sc.invented)
		}
		for _, w := range sc.wrong {
			t.Logf("%s: %s", name, w)
		}
		checkWarningsLockFree(t, s, warnings)
		t.Logf("%s: %d of %d fields right", name, sc.right, sc.total)
	}
	pct := 100 * float64(right) / float64(total)
	t.Logf("all pages: %d of %d fields right (%.1f%%)", right, total, pct)
	if pct < 95 {
		t.Errorf("%d of %d fields right (%.1f%%), want at least 95%%", right, total, pct)
	}
}

// importPage imports testdata/igf/<base>.txt or .html.
func importPage(t *testing.T, base string) (*agenda.Session, []agenda.Warning) {
	t.Helper()
	parse, file := agenda.ParseIGF, base+".txt"
	if _, err := os.Stat(file); err != nil {
		parse, file = agenda.ParseIGFHTML, base+".html"
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, warnings, err := parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return s, warnings
}

// TestIGFScoreCounts checks the scoring itself: a draft that misses fields
// scores them wrong, and a person the page does not list is caught.
func TestIGFScoreCounts(t *testing.T) {
	yes := true
	want := &igfWant{Title: "T", Room: "R", Hybrid: &yes,
		People:    []igfWho{{Name: "Ana Silva", Roles: []string{"speaker"}, Stakeholder: "Civil Society"}},
		Questions: []string{"Why?"}}
	right := &agenda.Session{Title: "T", Room: "R", Format: agenda.FormatHybrid, Questions: []agenda.Question{{ID: "1", Text: "Why?"}},
		People: []agenda.Person{{Name: "Ana Silva", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Civil Society"}}}
	if sc := scoreIGF(want, right); sc.right != 7 || sc.total != 7 || len(sc.invented) > 0 {
		t.Errorf("the right draft scores %d of %d, invented %q; want 7 of 7 and none", sc.right, sc.total, sc.invented)
	}
	wrong := &agenda.Session{Title: "", Format: agenda.FormatOnsite,
		People: []agenda.Person{{Name: "Civil Society", Roles: []agenda.Role{agenda.RoleSpeaker}}}}
	if sc := scoreIGF(want, wrong); sc.right != 0 || sc.total != 7 || !slices.Equal(sc.invented, []string{"Civil Society"}) {
		t.Errorf("a wrong draft scores %d of %d, invented %q; want 0 of 7 and the group-named person", sc.right, sc.total, sc.invented)
	}
}

// BenchmarkParseIGF imports every page of testdata/igf, and a page of
// nearly agenda.MaxBytes: the time grows with the page.
func BenchmarkParseIGF(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "igf", "*.txt"))
	var pages [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	b.Run("pages", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				if _, _, err := agenda.ParseIGF(bytes.NewReader(p)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	large := bytes.Repeat(pages[0], agenda.MaxBytes/len(pages[0])-1)
	b.Run("MaxBytes", func(b *testing.B) {
		b.SetBytes(int64(len(large)))
		for b.Loop() {
			if _, _, err := agenda.ParseIGF(bytes.NewReader(large)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
