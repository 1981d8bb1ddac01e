package balancetest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/balancetest"
)

// recorder is a balancetest.TB that keeps what it is told.
type recorder struct {
	helpers int
	errors  []string
	logs    []string
}

// Logf records a message logged.
func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func (r *recorder) Helper() { r.helpers++ }

// Errorf records the message with go-cmp's randomly chosen non-breaking
// spaces made plain, so that messages compare exactly.
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, strings.ReplaceAll(fmt.Sprintf(format, args...), "\u00a0", " "))
}

// person is a speaker.
type person struct {
	name   string
	mode   agenda.Mode
	sh     agenda.Stakeholder
	region agenda.Region
}

// session is a session titled title of one panel, ten minutes a speaker,
// with a moderator onsite and, in a hybrid session, an online moderator.
func session(title string, format agenda.Format, speakers ...person) *agenda.Session {
	s := &agenda.Session{Title: title, Format: format,
		People: []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite}}}
	if format == agenda.FormatHybrid {
		s.People = append(s.People, agenda.Person{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline})
	}
	panel := agenda.Segment{Title: "Panel", Kind: agenda.SegmentKind("discussion"), Length: time.Duration(10*len(speakers)) * time.Minute, Facilitators: []string{"Moderator"}}
	for _, p := range speakers {
		s.People = append(s.People, agenda.Person{Name: p.name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: p.mode, Stakeholder: p.sh, Region: p.region})
		panel.Speakers = append(panel.Speakers, p.name)
	}
	s.Segments = []agenda.Segment{panel}
	s.Slot.Length = panel.Length
	return s
}

// balanced is a hybrid panel of four: two onsite, two online, each from
// another stakeholder group and another regional group. Every group of
// every dimension is on its target when each has ten minutes, which is
// also everyone's fair share, so the plan gives each ten minutes.
func balanced() *agenda.Session {
	return session("Balanced", agenda.FormatHybrid,
		person{"Ana", agenda.ModeOnsite, "Government", "WEOG"},
		person{"Ben", agenda.ModeOnline, "Civil Society", "African Group"},
		person{"Cai", agenda.ModeOnsite, "Private Sector", "Asia-Pacific Group"},
		person{"Dee", agenda.ModeOnline, "Technical Community", "GRULAC"},
	)
}

// weog is seed 001's imbalance: six government speakers, five from WEOG,
// the last online when the session is hybrid.
func weog(format agenda.Format) *agenda.Session {
	var speakers []person
	for i := range 6 {
		p := person{fmt.Sprintf("Speaker %d", i+1), agenda.ModeOnsite, agenda.Stakeholder("Government"), agenda.Region("WEOG")}
		if i == 5 {
			p.region = "GRULAC"
			if format == agenda.FormatHybrid {
				p.mode = agenda.ModeOnline
			}
		}
		speakers = append(speakers, p)
	}
	return session("Panel", format, speakers...)
}

// rules are the constraints of a call for proposals.
var rules = []balance.Constraint{
	{Rule: balance.RuleMinGroups, By: balance.ByStakeholder, Min: 3},
	{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4},
	{Rule: balance.RuleShare, By: balance.ByMode, Group: "online", Min: 0.45, Max: 0.55},
}

func TestMeets(t *testing.T) {
	const five = "Speaker 1, Speaker 2, Speaker 3, Speaker 4, Speaker 5"
	tests := []struct {
		name        string
		reason      string
		s           *agenda.Session
		p           balance.Policy
		constraints []balance.Constraint
		report      bool     // whether Meets returns a report
		want        []string // the messages, or their beginnings when prefix
		prefix      bool
	}{{
		name:   "balanced",
		reason: "four stakeholder groups, 25% a region, online 50%: nothing to report",
		s:      balanced(), constraints: rules, report: true,
	}, {
		name: "imbalanced",
		reason: "the plan nudges WEOG from 50 minutes to 49 (each speaker gives up a little, " +
			"and the GRULAC speaker gains as much): 81.7%, over 40%; one stakeholder group of three; no gender given, so “at least 1 woman” cannot be checked, logged and not failed; " +
			"the mode rule is skipped in an onsite session",
		s: weog(agenda.FormatOnsite),
		constraints: append(rules[:3:3],
			balance.Constraint{Rule: balance.RuleMinCount, By: balance.ByGender, Group: "woman", Min: 1}),
		report: true,
		want: []string{
			`balancetest: session "Panel" does not meet "at least 3 stakeholder groups among speakers" (1: Government): mismatch (-want +got):` + "\n" +
				"  map[string]string{\n" +
				"- \t\"at least 3 stakeholder groups among speakers\": \"≥ 3\",\n" +
				"+ \t\"at least 3 stakeholder groups among speakers\": \"1\",\n" +
				"  }\n",
			`balancetest: session "Panel" does not meet "no regional group above 40% of speaking time" (WEOG has 81.7%): mismatch (-want +got):` + "\n" +
				"  map[string]string{\n" +
				"- \t\"WEOG\": \"≤ 40%\",\n" +
				"+ \t\"WEOG\": \"81.7% (" + five + ")\",\n" +
				"  }\n",
		},
	}, {
		name:   "infeasible",
		reason: "parity within 5% needs 13m30s online of 30m, but the two online speakers may have 5 minutes each",
		s: session("Hybrid panel", agenda.FormatHybrid,
			person{"Ana", agenda.ModeOnsite, "", ""}, person{"Ben", agenda.ModeOnsite, "", ""}, person{"Cai", agenda.ModeOnline, "", ""}),
		p: balance.Policy{
			Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.05}},
			People:     map[string]balance.Limits{"Cai": {Max: 5 * time.Minute}},
		},
		constraints: rules,
		want:        []string{`balancetest: session "Hybrid panel" cannot be planned: balance: infeasible: `},
		prefix:      true,
	}, {
		name:        "malformed policy",
		reason:      "a step under a second is not a policy",
		s:           balanced(),
		p:           balance.Policy{Step: time.Millisecond},
		constraints: rules,
		want:        []string{`balancetest: session "Balanced" cannot be planned: balance: policy Step "1ms": must be a whole number of seconds, at least one`},
	}, {
		name:        "malformed constraint",
		reason:      "a rule the package does not know, after one that holds: only the error",
		s:           balanced(),
		constraints: []balance.Constraint{rules[0], {Rule: "most", By: balance.ByRegion}},
		report:      true,
		want:        []string{`balancetest: balance: policy constraints[1].rule "most": want min-groups, max-share, share, min-count or max-people`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			r := balancetest.Meets(rec, tt.s, tt.p, tt.constraints...)
			if (r != nil) != tt.report {
				t.Errorf("%s: returned report %v, want one: %v", tt.reason, r != nil, tt.report)
			}
			if rec.helpers == 0 {
				t.Errorf("%s: Helper was not called, so failures would point into balancetest", tt.reason)
			}
			got := rec.errors
			if tt.prefix {
				got = nil
				for i, msg := range rec.errors {
					if i < len(tt.want) && strings.HasPrefix(msg, tt.want[i]) {
						msg = tt.want[i]
					}
					got = append(got, msg)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: messages mismatch (-want +got):\n%s", tt.reason, diff)
			}
			for _, msg := range rec.errors {
				if strings.Contains(msg, "does not meet") && !strings.Contains(msg, "mismatch (-want +got)") {
					t.Errorf("%s: a failure without a diff: %q", tt.reason, msg)
				}
			}
		})
	}
}

// TestReportMeets checks a draft as given, without planning it: the five
// WEOG speakers have 50 of 60 minutes and the online speaker 10.
func TestReportMeets(t *testing.T) {
	r, err := balance.DraftReport(weog(agenda.FormatHybrid), balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	balancetest.ReportMeets(rec, r, rules...)
	want := []string{
		`balancetest: session "Panel" does not meet "at least 3 stakeholder groups among speakers" (1: Government): mismatch (-want +got):` + "\n" +
			"  map[string]string{\n" +
			"- \t\"at least 3 stakeholder groups among speakers\": \"≥ 3\",\n" +
			"+ \t\"at least 3 stakeholder groups among speakers\": \"1\",\n" +
			"  }\n",
		`balancetest: session "Panel" does not meet "no regional group above 40% of speaking time" (WEOG has 83.3%): mismatch (-want +got):` + "\n" +
			"  map[string]string{\n" +
			"- \t\"WEOG\": \"≤ 40%\",\n" +
			"+ \t\"WEOG\": \"83.3% (Speaker 1, Speaker 2, Speaker 3, Speaker 4, Speaker 5)\",\n" +
			"  }\n",
		`balancetest: session "Panel" does not meet "online share within 45%–55%" (online has 16.7%): mismatch (-want +got):` + "\n" +
			"  map[string]string{\n" +
			"- \t\"online\": \"45%–55%\",\n" +
			"+ \t\"online\": \"16.7% (Speaker 6)\",\n" +
			"  }\n",
	}
	if diff := cmp.Diff(want, rec.errors); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
	}

	// A report with no session has no title and knows nobody's groups.
	rec = &recorder{}
	balancetest.ReportMeets(rec, &balance.Report{}, balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 1})
	want = []string{`balancetest: session "" does not meet "at least 1 regional groups among speakers" (0: none): mismatch (-want +got):` + "\n" +
		"  map[string]string{\n" +
		"- \t\"at least 1 regional groups among speakers\": \"≥ 1\",\n" +
		"+ \t\"at least 1 regional groups among speakers\": \"0\",\n" +
		"  }\n"}
	if diff := cmp.Diff(want, rec.errors); diff != "" {
		t.Errorf("no session: messages mismatch (-want +got):\n%s", diff)
	}
}

// TestMeetsPasses uses a real *testing.T: a balanced session passes.
func TestMeetsPasses(t *testing.T) {
	r := balancetest.Meets(t, balanced(), balance.Policy{}, rules...)
	if r == nil {
		t.Fatal("no report")
	}
	for _, sp := range r.Speakers {
		if sp.Time != 10*time.Minute {
			t.Errorf("%s has %v, want 10m: every group is on target at the fair share", sp.Name, sp.Time)
		}
	}
	balancetest.ReportMeets(t, r, rules...)
}

// TestNilInputs checks that a nil session or report is one error naming
// balance.ErrNoSession, reported to t, and not a panic: Meets returns nil
// when it cannot plan, which a test may pass on to ReportMeetsPresets.
func TestNilInputs(t *testing.T) {
	want := "balance: no session"
	for _, tt := range []struct {
		name string
		call func(balancetest.TB)
	}{
		{"Meets", func(tb balancetest.TB) { balancetest.Meets(tb, nil, balance.Policy{}) }},
		{"ReportMeets", func(tb balancetest.TB) { balancetest.ReportMeets(tb, nil) }},
		{"ReportMeetsPresets", func(tb balancetest.TB) { balancetest.ReportMeetsPresets(tb, nil, balance.Presets()[:1]...) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			tt.call(&r)
			if len(r.errors) != 1 || !strings.Contains(r.errors[0], want) {
				t.Errorf("%s(nil) reported %q, want one error containing %q", tt.name, r.errors, want)
			}
		})
	}
}

// TestReportMeetsUnchecked: a rule nobody's field can be checked against is
// logged, not failed, and the rules that can be checked still are.
func TestReportMeetsUnchecked(t *testing.T) {
	s := session("No genders", agenda.FormatOnsite,
		person{"Ana", agenda.ModeOnsite, "Government", "WEOG"},
		person{"Ben", agenda.ModeOnsite, "Civil Society", "WEOG"})
	var rec recorder
	balancetest.Meets(&rec, s, balance.Policy{},
		balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByGender, Min: 2, Note: "IGF 2023"},
		balance.Constraint{Rule: balance.RuleMinGroups, By: balance.ByRegion, Min: 2})
	wantLogs := []string{`balancetest: session "No genders": "at least 2 genders among speakers, IGF 2023" cannot be checked: gender given for 0 of 2 speakers`}
	if diff := cmp.Diff(wantLogs, rec.logs); diff != "" {
		t.Errorf("logs mismatch (-want +got):\n%s", diff)
	}
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "at least 2 regional groups") {
		t.Errorf("errors %q, want one, for the regional groups", rec.errors)
	}
}
