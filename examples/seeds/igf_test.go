package seeds_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestIGFPagesMatchJSON imports the session pages of the seeds that list
// their people (000 and 001) with agenda.ParseIGF and compares the people,
// roles, groups, organizations, private fields, slot and room with the
// hand-written JSON. What the JSON had to assume because the page is silent
// is left out of the comparison: participation modes, and, for seed 000,
// the roles. Its page lost the headings over the three lines after the
// speakers; the importer places them by the forms' order (moderator, online
// moderator, rapporteur), where the JSON, written before, made them
// speakers and gave the moderators' roles to others: roles holds what the
// page gives.
func TestIGFPagesMatchJSON(t *testing.T) {
	for _, tt := range []struct {
		name  string
		roles map[string][]agenda.Role // the roles the page gives, where the JSON assumed others
	}{
		{"cyber-diplomacy-roundtable", map[string][]agenda.Role{
			"James Shires":     {agenda.RoleOrganizer, agenda.RoleSpeaker},
			"Fasya Teixeira":   {agenda.RoleOrganizer, agenda.RoleRapporteur},
			"Elena Rückheim":   {agenda.RoleOrganizer, agenda.RoleOnlineModerator},
			"Nadher Alsafvani": {agenda.RoleOrganizer, agenda.RoleModerator},
		}},
		{"multistakeholder-cyber-diplomacy-panel", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("pages", tt.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, warnings, err := agenda.ParseIGF(f)
			if err != nil {
				t.Fatal(err)
			}
			want := load(t, tt.name)
			for i, p := range want.People {
				if roles, ok := tt.roles[p.Name]; ok {
					want.People[i].Roles = roles
				}
			}
			sortRoles := cmpopts.SortSlices(func(a, b agenda.Role) bool { return a < b })
			if diff := cmp.Diff(want.People, got.People, sortRoles, cmpopts.IgnoreFields(agenda.Person{}, "Mode")); diff != "" {
				t.Errorf("people mismatch (-json +page):\n%s", diff)
			}
			if !want.Slot.Start.Equal(got.Slot.Start) || want.Slot.Length != got.Slot.Length || want.Room != got.Room {
				t.Errorf("slot %v room %q from the page, want %v room %q", got.Slot, got.Room, want.Slot, want.Room)
			}
			if diff := cmp.Diff(want.Questions, got.Questions); diff != "" {
				t.Errorf("policy questions mismatch (-json +page):\n%s", diff)
			}
			if got.Format != want.Format {
				t.Errorf("format %q from the page, want %q", got.Format, want.Format)
			}
			if tt.name == "multistakeholder-cyber-diplomacy-panel" &&
				!slices.ContainsFunc(warnings, func(w agenda.Warning) bool {
					return w.Line == 14 && w.Reason == "person 2 is listed as organizer twice; kept once"
				}) {
				t.Errorf("seed 001 lists John Hering as Organizer 2 and 4; no warning says so: %v", warnings)
			}
		})
	}
}

// TestIGFReportsWarn imports the seeds whose documents are event reports,
// not session pages (002, 003, 004): they list nobody in the page's shape,
// and the importer says so rather than guessing.
func TestIGFReportsWarn(t *testing.T) {
	for _, name := range []string{"cyber-diplomacy-training-webdebate", "igf-cooperation-roadmap-brainstorm", "sssr-concluding-session"} {
		f, err := os.Open(filepath.Join("pages", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		s, warnings, err := agenda.ParseIGF(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(s.People) != 0 || !slices.ContainsFunc(warnings, func(w agenda.Warning) bool {
			return strings.HasPrefix(w.Reason, "no organizer, speaker or moderator found")
		}) {
			t.Errorf("%s: %d people and warnings %v; want none and a warning that says so", name, len(s.People), warnings)
		}
	}
}

// TestIGFPagesPlanOrSay imports every bundled page, as `runofshow -igf`
// does: each page either validates and plans under the hybrid promise, or
// its warnings say what is missing and how to add it, for each problem
// validation finds.
func TestIGFPagesPlanOrSay(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("pages", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("%d bundled pages, want 5 (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			s, warnings, err := agenda.ParseIGF(f)
			if err != nil {
				t.Fatal(err)
			}
			problems := s.Validate()
			if problems == nil {
				if _, _, err := balance.Plan(s, balance.HybridPromise()); err != nil {
					t.Errorf("the page validates but does not plan: %v", err)
				}
				return
			}
			says := func(what string) bool {
				return slices.ContainsFunc(warnings, func(w agenda.Warning) bool { return strings.Contains(w.Reason, what) })
			}
			// The problems of a draft from a page are what the page lacks:
			// the people, or the moderator, and the segment made of them.
			if problems != nil && !says("add them so") && !says("add a \"Moderator\" heading") {
				t.Errorf("validation finds %v, and no warning says how to add what is missing: %v", problems, warnings)
			}
			for _, err := range problems.(interface{ Unwrap() []error }).Unwrap() {
				if msg := err.Error(); !strings.Contains(msg, "needs a role that nobody holds") && !strings.Contains(msg, "leave too much of the slot unplanned") {
					t.Errorf("a problem no warning explains: %v", err)
				}
			}
			if !says("title") && s.Title == "" {
				t.Errorf("the title is empty and no warning says so")
			}
		})
	}
}
