package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// presetSources is where each built-in preset's rules come from: every
// note of the preset starts with it, so that a violation names its source.
var presetSources = map[string]string{
	balance.PresetIGF2023Minimum: "IGF 2023 minimum criteria: ",
	balance.PresetIGFDiversity:   "IGF workshop evaluation, diversity: ",
	balance.PresetIGFRapporteur:  "IGF session reports: ",
}

// TestPresets: the built-in presets are new on each call, named uniquely,
// and every constraint is valid and names the rule it encodes.
func TestPresets(t *testing.T) {
	want := balance.Presets()

	// Change everything a caller could reach; the next call must not see it.
	got := balance.Presets()
	for i := range got {
		got[i].Name += " (mine)"
		got[i].Description = ""
		for j := range got[i].Constraints {
			got[i].Constraints[j].Min += 10
			got[i].Constraints[j].Note = "mine"
		}
		got[i].Constraints = append(got[i].Constraints, balance.Constraint{Rule: balance.RuleMinCount, Min: 99})
	}
	if diff := gocmp.Diff(want, balance.Presets()); diff != "" {
		t.Errorf("changing one call's presets changed the next call's: mismatch (-want +got):\n%s", diff)
	}

	r := chkReport(t)
	seen := map[string]bool{}
	for _, p := range want {
		if p.Name == "" || seen[p.Name] {
			t.Errorf("preset name %q is empty or given twice", p.Name)
		}
		seen[p.Name] = true
		if p.Description == "" || len(p.Constraints) == 0 {
			t.Errorf("%s: a description %q and %d constraints; want both", p.Name, p.Description, len(p.Constraints))
		}
		source, ok := presetSources[p.Name]
		if !ok {
			t.Errorf("%s: a preset this test does not know the source of", p.Name)
			continue
		}
		notes := map[string]bool{}
		for i, c := range p.Constraints {
			if _, err := balance.Check(r, c); err != nil {
				t.Errorf("%s: constraints[%d] %v is not valid: %v", p.Name, i, c, err)
			}
			rule, ok := strings.CutPrefix(c.Note, source)
			if !ok || rule == "" {
				t.Errorf("%s: constraints[%d] %v has note %q; want %q and the rule", p.Name, i, c, c.Note, source)
			}
			if notes[c.Note] {
				t.Errorf("%s: note %q is on two constraints, so a violation would not say which", p.Name, c.Note)
			}
			notes[c.Note] = true
		}
		if _, err := balance.Check(r, p.Constraints...); err != nil {
			t.Errorf("%s: Check: %v", p.Name, err)
		}
	}
	for name := range presetSources {
		if !seen[name] {
			t.Errorf("no built-in preset %q", name)
		}
	}
}

// presetSession is chkSession with a change to its people: change is
// called with the session, whose people it finds with Roster.Person.
func presetSession(format agenda.Format, change func(s *agenda.Session)) *agenda.Session {
	s := chkSession(format)
	if change != nil {
		change(s)
	}
	return s
}

// presetPerson returns the person of s with the name, and panics if there is
// none: the tests below only name people of chkSession.
func presetPerson(s *agenda.Session, name string) *agenda.Person {
	p, ok := s.Roster().Person(name)
	if !ok {
		panic("no " + name + " in the session")
	}
	return p
}

// TestCheckRole checks constraints that count holders of a role, or
// everyone, and participation modes as the session's format sets them.
// The sessions are chkSession's: a hybrid one has "Moderator" (a
// moderator, onsite) and "Online moderator" (an online moderator, online);
// an onsite or online one has only "Moderator", in its format's mode.
func TestCheckRole(t *testing.T) {
	type C = balance.Constraint
	type V = balance.Violation
	moderatorOnsite := C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 1}
	tests := []struct {
		name   string
		reason string
		format agenda.Format           // hybrid if empty
		change func(s *agenda.Session) // of chkSession, if not nil
		c      C
		want   []V // Constraint is set to c
	}{
		// holders of a role
		{name: "moderator onsite", reason: "the moderator is onsite",
			c: moderatorOnsite},
		{name: "moderators onsite counted", reason: "one moderator onsite, not two; the online moderator is not a moderator",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 2},
			want: []V{{Group: "onsite", Measured: 1, People: []string{"Moderator"}, Text: "1"}}},
		{name: "online moderator not a moderator", reason: "the online moderator moved into the room is still not the moderator, who is online",
			change: func(s *agenda.Session) {
				presetPerson(s, "Moderator").Mode = agenda.ModeOnline
				presetPerson(s, "Online moderator").Mode = agenda.ModeOnsite
			},
			c:    moderatorOnsite,
			want: []V{{Group: "onsite", Measured: 0, Text: "0"}}},
		{name: "moderators counted without a group", reason: "one moderator in all; the online moderator holds another role",
			c:    C{Rule: balance.RuleMinCount, Role: agenda.RoleModerator, Min: 2},
			want: []V{{Measured: 1, People: []string{"Moderator"}, Text: "1"}}},
		{name: "online moderators", reason: "the online moderator is counted as one",
			c: C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "online", Role: agenda.RoleOnlineModerator, Min: 1}},
		{name: "a moderator who speaks", reason: "a speaker who also moderates counts as a moderator, and only once",
			change: func(s *agenda.Session) {
				ana := presetPerson(s, "Ana")
				ana.Roles = append(ana.Roles, agenda.RoleModerator)
			},
			c:    C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 3},
			want: []V{{Group: "onsite", Measured: 2, People: []string{"Moderator", "Ana"}, Text: "2"}}},
		{name: "no rapporteur", reason: "nobody in the session is a rapporteur",
			c:    C{Rule: balance.RuleMinCount, Role: agenda.RoleRapporteur, Min: 1},
			want: []V{{Measured: 0, Text: "0"}}},
		{name: "a rapporteur", reason: "Dee, a speaker, also writes the report",
			change: func(s *agenda.Session) {
				dee := presetPerson(s, "Dee")
				dee.Roles = append(dee.Roles, agenda.RoleRapporteur)
			},
			c: C{Rule: balance.RuleMinCount, Role: agenda.RoleRapporteur, Min: 1}},
		{name: "min-groups over a role", reason: "both moderators are onsite once the online moderator is in the room; the speakers' modes do not count",
			change: func(s *agenda.Session) {
				presetPerson(s, "Online moderator").Roles = []agenda.Role{agenda.RoleModerator}
				presetPerson(s, "Online moderator").Mode = agenda.ModeOnsite
			},
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByMode, Role: agenda.RoleModerator, Min: 2},
			want: []V{{Measured: 1, Text: "1: onsite"}}},
		{name: "min-groups over a role met", reason: "a moderator onsite and another online",
			change: func(s *agenda.Session) {
				presetPerson(s, "Online moderator").Roles = []agenda.Role{agenda.RoleModerator}
			},
			c: C{Rule: balance.RuleMinGroups, By: balance.ByMode, Role: agenda.RoleModerator, Min: 2}},
		{name: "min-groups over a role, none given", reason: "the moderator gives no stakeholder group: the rule cannot be checked, and says so counting moderators",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Role: agenda.RoleModerator, Min: 1},
			want: []V{{Unchecked: true, People: []string{"Moderator"}, Text: "stakeholder group given for 0 of 1 moderator"}}},
		{name: "min-groups over a role nobody holds", reason: "no rapporteurs, no groups",
			c:    C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Role: agenda.RoleRapporteur, Min: 1},
			want: []V{{Measured: 0, Text: "0: none"}}},
		{name: "max-people over a role", reason: "the one moderator is all of the moderators onsite",
			c:    C{Rule: balance.RuleMaxPeople, By: balance.ByMode, Role: agenda.RoleModerator, Max: 0.5},
			want: []V{{Group: "onsite", Measured: 1, People: []string{"Moderator"}, Text: "onsite has 1 of 1 moderator (100%)"}}},
		{name: "max-people over a role met", reason: "one moderator onsite and one online: half each",
			change: func(s *agenda.Session) {
				presetPerson(s, "Online moderator").Roles = []agenda.Role{agenda.RoleModerator}
			},
			c: C{Rule: balance.RuleMaxPeople, By: balance.ByMode, Role: agenda.RoleModerator, Max: 0.5}},
		{name: "max-people of speakers", reason: "WEOG has two of the three speakers with a region",
			c:    C{Rule: balance.RuleMaxPeople, By: balance.ByRegion, Max: 0.5},
			want: []V{{Group: "WEOG", Measured: 2.0 / 3, People: []string{"Ana", "Ben"}, Text: "WEOG has 2 of 3 speakers (66.7%) (UN regional group given for 3 of 4 speakers)"}}},

		// the mode a session's format gives
		{name: "moderator onsite, online session", reason: "nobody is onsite in an online session",
			format: agenda.FormatOnline, c: moderatorOnsite,
			want: []V{{Group: "onsite", Measured: 0, Text: "0"}}},
		{name: "moderator onsite, online session, Mode onsite", reason: "the format, not the person's Mode, says where they are",
			format: agenda.FormatOnline,
			change: func(s *agenda.Session) { presetPerson(s, "Moderator").Mode = agenda.ModeOnsite },
			c:      moderatorOnsite,
			want:   []V{{Group: "onsite", Measured: 0, Text: "0"}}},
		{name: "moderator onsite, onsite session, no Mode", reason: "everyone is onsite in an onsite session, whatever their Mode says",
			format: agenda.FormatOnsite,
			change: func(s *agenda.Session) { presetPerson(s, "Moderator").Mode = "" },
			c:      moderatorOnsite},
		{name: "speakers onsite, onsite session", reason: "Cai and Dee, online in a hybrid session, are onsite in an onsite one",
			format: agenda.FormatOnsite,
			c:      C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Min: 4}},
		{name: "speakers onsite, hybrid session", reason: "in a hybrid session each speaker's Mode counts: Ana and Ben",
			c:    C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Min: 4},
			want: []V{{Group: "onsite", Measured: 2, People: []string{"Ana", "Ben"}, Text: "2"}}},
		{name: "speakers onsite, hybrid session, no Mode", reason: "a hybrid session does not guess a speaker's mode: the note says so",
			change: func(s *agenda.Session) { presetPerson(s, "Ben").Mode = "" },
			c:      C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Min: 2},
			want:   []V{{Unchecked: true, Group: "onsite", Measured: 1, People: []string{"Ana"}, Text: "participation mode given for 3 of 4 speakers, among them 1"}}},
		{name: "speakers onsite, hybrid session, no Mode, violated", reason: "one onsite, and Ben, of no mode, could not make three",
			change: func(s *agenda.Session) { presetPerson(s, "Ben").Mode = "" },
			c:      C{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Min: 3},
			want:   []V{{Group: "onsite", Measured: 1, People: []string{"Ana"}, Text: "1 (participation mode given for 3 of 4 speakers)"}}},

		// min-count without a group
		{name: "min-count of everyone", reason: "four speakers, at least three",
			c: C{Rule: balance.RuleMinCount, Min: 3}},
		{name: "min-count of everyone violated", reason: "four speakers, not five; whether they give groups does not matter",
			c:    C{Rule: balance.RuleMinCount, Min: 5},
			want: []V{{Measured: 4, People: []string{"Ana", "Ben", "Cai", "Dee"}, Text: "4"}}},
		{name: "min-count of everyone, no speakers", reason: "a session of moderators has no speakers to count",
			change: func(s *agenda.Session) {
				s.People = s.People[:2]
				s.Segments[1].Speakers = nil
			},
			c:    C{Rule: balance.RuleMinCount, Min: 3},
			want: []V{{Measured: 0, Text: "0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := tt.format
			if format == "" {
				format = agenda.FormatHybrid
			}
			r, err := balance.DraftReport(presetSession(format, tt.change), balance.Policy{})
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			for i := range tt.want {
				tt.want[i].Constraint = tt.c
			}
			got, err := balance.Check(r, tt.c)
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			if diff := gocmp.Diff(tt.want, got, repApprox); diff != "" {
				t.Errorf("%s: %v: mismatch (-want +got):\n%s", tt.reason, tt.c, diff)
			}
		})
	}
}

// TestCheckRoleMalformed: a role that Check cannot count is a
// *PolicyError naming the constraint's role, as is a count by a grouping
// without a group.
func TestCheckRoleMalformed(t *testing.T) {
	type C = balance.Constraint
	const (
		roles  = "want a role other than speaker (leave it empty for speakers)"
		spoken = " measures speaking time, which only speakers have"
	)
	tests := []struct {
		name   string
		reason string
		c      C
		want   *balance.PolicyError
	}{
		{"max-share of a role", "moderators have no share of the speaking time",
			C{Rule: balance.RuleMaxShare, By: balance.ByRegion, Role: agenda.RoleModerator, Max: 0.5},
			&balance.PolicyError{Field: "constraints[0].role", Value: "moderator", Reason: "rule max-share" + spoken}},
		{"share of a role", "nor do rapporteurs",
			C{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Role: agenda.RoleRapporteur, Min: 0.4, Max: 0.6},
			&balance.PolicyError{Field: "constraints[0].role", Value: "rapporteur", Reason: "rule share" + spoken}},
		{"role in capitals", "a Go value is spelt canonically; only JSON reads variants",
			C{Rule: balance.RuleMinCount, Role: "Moderator", Min: 1},
			&balance.PolicyError{Field: "constraints[0].role", Value: "Moderator", Reason: roles}},
		{"role variant", `"chair" is read as moderator from JSON, but a Go value must say "moderator"`,
			C{Rule: balance.RuleMinCount, Role: "chair", Min: 1},
			&balance.PolicyError{Field: "constraints[0].role", Value: "chair", Reason: roles}},
		{"unknown role", "a keynote is not a role",
			C{Rule: balance.RuleMinGroups, By: balance.ByRegion, Role: "keynote", Min: 1},
			&balance.PolicyError{Field: "constraints[0].role", Value: "keynote", Reason: roles}},
		{"role speaker", "speakers are what an empty role counts: one way to say it",
			C{Rule: balance.RuleMinCount, Role: agenda.RoleSpeaker, Min: 3},
			&balance.PolicyError{Field: "constraints[0].role", Value: "speaker", Reason: roles}},
		{"min-count by a grouping without a group", "counting by gender needs the gender",
			C{Rule: balance.RuleMinCount, By: balance.ByGender, Role: agenda.RoleModerator, Min: 1},
			&balance.PolicyError{Field: "constraints[0].group", Reason: "rule min-count needs a group"}},
		{"min-count of a group without a grouping", "a group of what?",
			C{Rule: balance.RuleMinCount, Group: "onsite", Min: 1},
			&balance.PolicyError{Field: "constraints[0].by", Reason: "want mode, stakeholder, region, gender or label"}},
		{"min-groups without a grouping", "only min-count counts everyone",
			C{Rule: balance.RuleMinGroups, Role: agenda.RoleModerator, Min: 1},
			&balance.PolicyError{Field: "constraints[0].by", Reason: "want mode, stakeholder, region, gender or label"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := balance.Check(chkReport(t), tt.c)
			var got *balance.PolicyError
			if !errors.As(err, &got) {
				t.Fatalf("%s: got %v, %v; want a *PolicyError", tt.reason, vs, err)
			}
			if vs != nil {
				t.Errorf("%s: violations %v alongside the error", tt.reason, vs)
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestViolationErrorNote: a violation's error names the constraint, the
// rule it encodes, and what was found.
func TestViolationErrorNote(t *testing.T) {
	r, err := balance.DraftReport(chkSession(agenda.FormatOnline), balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		reason string
		c      balance.Constraint
		want   string
	}{
		{"a role and a mode, with a note",
			balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 1, Note: "IGF 2023 minimum criteria: at least one moderator onsite"},
			"balance: at least 1 moderator onsite (IGF 2023 minimum criteria: at least one moderator onsite): 0"},
		{"a role without a group",
			balance.Constraint{Rule: balance.RuleMinCount, Role: agenda.RoleRapporteur, Min: 1, Note: "IGF session reports: a rapporteur"},
			"balance: at least 1 rapporteur (IGF session reports: a rapporteur): 0"},
		{"everyone, counted",
			balance.Constraint{Rule: balance.RuleMinCount, Min: 5, Note: "my-preset"},
			"balance: at least 5 speakers (my-preset): 4"},
		{"min-groups over a role, with a note",
			balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByRegion, Role: agenda.RoleOnlineModerator, Min: 2, Note: "house rule"},
			"balance: at least 2 regional groups among online moderators (house rule): 0: none"},
		{"max-people, with a note",
			balance.Constraint{Rule: balance.RuleMaxPeople, By: balance.ByStakeholder, Max: 0.4, Note: "house rule"},
			"balance: no stakeholder group above 40% of speakers (house rule): Government has 2 of 4 speakers (50%)"},
		{"no note, no parentheses",
			balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Min: 2},
			"balance: at least 2 speakers onsite: 0"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			vs, err := balance.Check(r, tt.c)
			if err != nil || len(vs) != 1 {
				t.Fatalf("%s: got %v, %v; want one violation", tt.reason, vs, err)
			}
			var e error = &vs[0]
			if diff := gocmp.Diff(tt.want, e.Error()); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestDecodePresets decodes lists of presets, and refuses malformed ones
// with an error naming where.
func TestDecodePresets(t *testing.T) {
	type C = balance.Constraint
	type P = balance.Preset
	const bys = "want mode, stakeholder, region, gender or label"
	tests := []struct {
		name   string
		reason string
		in     string
		want   []P
		decode *agenda.DecodeError  // its Field, when malformed JSON is wanted
		policy *balance.PolicyError // when a preset that cannot be checked is wanted
	}{{
		name:   "valid",
		reason: "two presets; roles and notes; a note left out is the preset's name",
		in: `[
			{"name": "youth", "description": "a young voice, onsite",
			 "constraints": [
				{"rule": "min-count", "by": "label", "label": "age", "group": "youth", "min": 1, "note": "youth charter"},
				{"rule": "min-count", "by": "mode", "group": "onsite", "role": "moderator", "min": 1}
			 ]},
			{"name": "report", "constraints": [{"rule": "min-count", "role": "rapporteur", "min": 1}]}
		]`,
		want: []P{
			{Name: "youth", Description: "a young voice, onsite", Constraints: []C{
				{Rule: balance.RuleMinCount, By: balance.ByLabel, Label: "age", Group: "youth", Min: 1, Note: "youth charter"},
				{Rule: balance.RuleMinCount, By: balance.ByMode, Group: "onsite", Role: agenda.RoleModerator, Min: 1, Note: "youth"},
			}},
			{Name: "report", Constraints: []C{{Rule: balance.RuleMinCount, Role: agenda.RoleRapporteur, Min: 1, Note: "report"}}},
		},
	}, {
		name: "role spellings", reason: "JSON reads a role as an IGF page spells it",
		in: `[{"name": "chaired", "constraints": [{"rule": "min-count", "role": "Chair", "min": 1}, {"rule": "min-count", "role": "remote moderator", "min": 1}]}]`,
		want: []P{{Name: "chaired", Constraints: []C{
			{Rule: balance.RuleMinCount, Role: agenda.RoleModerator, Min: 1, Note: "chaired"},
			{Rule: balance.RuleMinCount, Role: agenda.RoleOnlineModerator, Min: 1, Note: "chaired"},
		}}},
	}, {
		name: "empty list", reason: "no presets is a list too",
		in: `[]`, want: []P{},
	}, {
		name: "null", reason: "null leaves the list empty, as encoding/json does",
		in: `null`, want: nil,
	}, {
		name: "unknown field", reason: "a misspelt field of a preset is not ignored",
		in:     `[{"name": "a", "title": "A", "constraints": [{"rule": "min-count", "min": 1}]}]`,
		decode: &agenda.DecodeError{Field: "[0].title"},
	}, {
		name: "unknown field in a constraint", reason: "the path goes down to the constraint",
		in:     `[{"name": "a", "constraints": [{"rule": "min-count", "min": 1}]}, {"name": "b", "constraints": [{"rule": "min-count", "min": 1, "maximum": 2}]}]`,
		decode: &agenda.DecodeError{Field: "[1].constraints[0].maximum"},
	}, {
		name: "unknown role", reason: "a keynote is no role",
		in:     `[{"name": "a", "constraints": [{"rule": "min-count", "role": "keynote", "min": 1}]}]`,
		decode: &agenda.DecodeError{Field: "[0].constraints[0].role"},
	}, {
		name: "object, not list", reason: "one preset must still be in a list",
		in:     `{"name": "a", "constraints": [{"rule": "min-count", "min": 1}]}`,
		decode: &agenda.DecodeError{},
	}, {
		name: "empty name", reason: "a violation could not say which preset",
		in:     `[{"name": "", "constraints": [{"rule": "min-count", "min": 1}]}]`,
		policy: &balance.PolicyError{Field: "presets[0].name", Reason: "a preset needs a name"},
	}, {
		name: "no name", reason: "a name left out is empty",
		in:     `[{"description": "nameless", "constraints": [{"rule": "min-count", "min": 1}]}]`,
		policy: &balance.PolicyError{Field: "presets[0].name", Reason: "a preset needs a name"},
	}, {
		name: "duplicate names", reason: "the second of two with one name",
		in:     `[{"name": "a", "constraints": [{"rule": "min-count", "min": 1}]}, {"name": "b", "constraints": [{"rule": "min-count", "min": 2}]}, {"name": "a", "constraints": [{"rule": "min-count", "min": 3}]}]`,
		policy: &balance.PolicyError{Field: "presets[2].name", Value: "a", Reason: "two presets have this name"},
	}, {
		name: "no constraints", reason: "a preset that checks nothing is a mistake",
		in:     `[{"name": "a", "constraints": []}]`,
		policy: &balance.PolicyError{Field: "presets[0].constraints", Value: "a", Reason: "a preset needs at least one constraint"},
	}, {
		name: "constraints left out", reason: "as an empty list",
		in:     `[{"name": "a", "description": "nothing"}]`,
		policy: &balance.PolicyError{Field: "presets[0].constraints", Value: "a", Reason: "a preset needs at least one constraint"},
	}, {
		name: "malformed constraint", reason: "min-groups needs a grouping; the field names the preset and the constraint",
		in:     `[{"name": "a", "constraints": [{"rule": "min-count", "min": 1}]}, {"name": "b", "constraints": [{"rule": "min-groups", "min": 2}]}]`,
		policy: &balance.PolicyError{Field: "presets[1].constraints[0].by", Reason: bys},
	}, {
		name: "role speaker", reason: "speakers are counted with no role",
		in:     `[{"name": "a", "constraints": [{"rule": "min-count", "min": 1}, {"rule": "min-count", "role": "panelist", "min": 3}]}]`,
		policy: &balance.PolicyError{Field: "presets[0].constraints[1].role", Value: "speaker", Reason: "want a role other than speaker (leave it empty for speakers)"},
	}, {
		name: "role with a share", reason: "moderators have no speaking time to share",
		in:     `[{"name": "a", "constraints": [{"rule": "max-share", "by": "region", "role": "moderator", "max": 0.5}]}]`,
		policy: &balance.PolicyError{Field: "presets[0].constraints[0].role", Value: "moderator", Reason: "rule max-share measures speaking time, which only speakers have"},
	}, {
		name: "share over 1", reason: "a percentage where a share is wanted",
		in:     `[{"name": "a", "constraints": [{"rule": "max-share", "by": "region", "max": 40}]}]`,
		policy: &balance.PolicyError{Field: "presets[0].constraints[0]", Value: "min 0, max 40", Reason: "shares are between 0 and 1, min at most max"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := balance.DecodePresets(strings.NewReader(tt.in))
			switch {
			case tt.decode != nil:
				var de *agenda.DecodeError
				if !errors.As(err, &de) {
					t.Fatalf("%s: got %v, %v; want an *agenda.DecodeError", tt.reason, got, err)
				}
				if diff := gocmp.Diff(tt.decode, de, cmpopts.IgnoreFields(agenda.DecodeError{}, "Err")); diff != "" {
					t.Errorf("%s: %v: mismatch (-want +got):\n%s", tt.reason, err, diff)
				}
			case tt.policy != nil:
				var pe *balance.PolicyError
				if !errors.As(err, &pe) {
					t.Fatalf("%s: got %v, %v; want a *balance.PolicyError", tt.reason, got, err)
				}
				if diff := gocmp.Diff(tt.policy, pe); diff != "" {
					t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
				}
				if !strings.HasPrefix(err.Error(), "balance: policy "+tt.policy.Field) {
					t.Errorf("%s: error %q does not start with the field", tt.reason, err)
				}
			case err != nil:
				t.Fatalf("%s: %v", tt.reason, err)
			}
			if err != nil {
				if got != nil {
					t.Errorf("%s: presets %v alongside the error", tt.reason, got)
				}
				return
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
			// Round trip: what decodes re-encodes to the same list.
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("%s: json.Marshal: %v", tt.reason, err)
			}
			again, err := balance.DecodePresets(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: decoding %s: %v", tt.reason, data, err)
			}
			if diff := gocmp.Diff(got, again); diff != "" {
				t.Errorf("%s: round trip through %s: mismatch (-want +got):\n%s", tt.reason, data, diff)
			}
		})
	}
}

// TestPresetsJSON: the built-in presets written as JSON read back as they
// were, so an organizer can start their own from them. A min-count of
// everyone has no grouping, and must still be written.
func TestPresetsJSON(t *testing.T) {
	want := balance.Presets()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatalf("json.Marshal(Presets()): %v", err)
	}
	got, err := balance.DecodePresets(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("round trip through %s: mismatch (-want +got):\n%s", data, diff)
	}
}

// TestDecodePresetsSize: input up to agenda.MaxBytes is read, anything
// longer refused without being read to its end; a reader's own error is
// returned.
func TestDecodePresetsSize(t *testing.T) {
	fits := "[" + strings.Repeat(" ", agenda.MaxBytes-2) + "]"
	got, err := balance.DecodePresets(strings.NewReader(fits))
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("an empty list padded to MaxBytes: got %v, %v; want an empty list", got, err)
	}
	for name, r := range map[string]io.Reader{
		"one byte over": strings.NewReader("[" + strings.Repeat(" ", agenda.MaxBytes-1) + "]"),
		"endless":       endless{},
	} {
		got, err := balance.DecodePresets(r)
		if !errors.Is(err, agenda.ErrTooLarge) || got != nil {
			t.Errorf("%s: got %v, %v; want agenda.ErrTooLarge", name, got, err)
		}
	}
	boom := errors.New("boom")
	if _, err := balance.DecodePresets(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("a failing reader: got %v, want its error", err)
	}
}

// TestPresetUnchecked: a rule of a preset whose field nobody gives, or that
// those who give none could meet, cannot be checked; it is neither met nor
// failed, and says how many give it.
func TestPresetUnchecked(t *testing.T) {
	minimum := balance.Presets()[0]
	if minimum.Name != balance.PresetIGF2023Minimum {
		t.Fatalf("the first preset is %q", minimum.Name)
	}
	gender := minimum.Constraints[1]
	tests := []struct {
		name    string
		reason  string
		genders []string
		want    []balance.Violation
	}{{
		name:    "no genders",
		reason:  "IGF pages give no genders: the rule cannot be checked, and the other rules, met, say nothing",
		genders: []string{"", "", "", ""},
		want: []balance.Violation{{Constraint: gender, Unchecked: true, People: []string{"Ana", "Ben", "Cai", "Dee"},
			Text: "gender given for 0 of 4 speakers"}},
	}, {
		name:    "one gender given",
		reason:  "one woman among the four, and three who could be of another gender: it cannot be checked, saying how many gave one",
		genders: []string{"woman", "", "", ""},
		want: []balance.Violation{{Constraint: gender, Unchecked: true, Measured: 1,
			Text: "gender given for 1 of 4 speakers, among them 1: woman"}},
	}, {
		name:    "one gender among all",
		reason:  "four women: the rule fails",
		genders: []string{"woman", "Woman", "woman", "woman"},
		want:    []balance.Violation{{Constraint: gender, Measured: 1, Text: "1: woman"}},
	}, {
		name:    "two genders",
		reason:  "a woman and a man: met, whatever the others give",
		genders: []string{"woman", "man", "", ""},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := chkSession(agenda.FormatHybrid)
			for i, g := range tt.genders { // the speakers, after the two moderators
				s.People[2+i].Gender = g
				s.People[2+i].Mode = agenda.ModeOnsite
			}
			r, err := balance.DraftReport(s, balance.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := balance.Check(r, minimum.Constraints...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
			}
			for _, v := range got {
				if want := "cannot be checked: " + v.Text; v.Unchecked && !strings.HasSuffix(v.Error(), want) {
					t.Errorf("Error() = %q, want it to end %q", v.Error(), want)
				}
			}
		})
	}
}

// TestCheckOutsideSet: speakers whose region is no UN regional group give
// a value, and a minimum of regional groups fails for them rather than
// waiting on values nobody is missing; a rule about a group outside a
// dimension's set is refused.
func TestCheckOutsideSet(t *testing.T) {
	s := chkSession(agenda.FormatHybrid)
	for i := 2; i < len(s.People); i++ {
		s.People[i].Region = "Intergovernmental Organization"
	}
	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []balance.Constraint{
		{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 2},
		{Rule: balance.RuleMinCount, By: balance.ByRegion, Group: "African Group", Min: 1},
	} {
		vs, err := balance.Check(r, c)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1 || vs[0].Unchecked || vs[0].Measured != 0 {
			t.Errorf("%v, every speaker's region an intergovernmental organization: %+v, want a failure with 0 found", c, vs)
		}
	}
	for _, group := range []string{"Europe", "Intergovernmental Organization"} {
		_, err := balance.Check(r, balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByRegion, Group: group, Min: 1})
		var pe *balance.PolicyError
		if !errors.As(err, &pe) || pe.Field != "constraints[0].group" || pe.Value != group {
			t.Errorf("a rule about region %q: %v, want a *PolicyError at constraints[0].group", group, err)
		}
	}
}
