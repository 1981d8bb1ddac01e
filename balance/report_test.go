package balance_test

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// repApprox compares the report's shares, evenness and severities, which
// are quotients, to the values worked out by hand.
var repApprox = cmpopts.EquateApprox(0, 1e-9)

// repSpeaker is a speaker with a mode, a stakeholder group and a regional
// group, and any other roles.
func repSpeaker(name string, mode agenda.Mode, sh agenda.Stakeholder, region agenda.Region, roles ...agenda.Role) agenda.Person {
	return agenda.Person{Name: name, Roles: append([]agenda.Role{agenda.RoleSpeaker}, roles...), Mode: mode, Stakeholder: sh, Region: region}
}

// repSession is a session of one discussion segment of the given length in
// which every speaker speaks, after a five-minute opening without speakers.
// A hybrid session has a moderator onsite and an online moderator online;
// others have one moderator.
func repSession(format agenda.Format, length time.Duration, speakers ...agenda.Person) *agenda.Session {
	s := &agenda.Session{Title: "Report test", Format: format}
	switch format {
	case agenda.FormatHybrid:
		s.People = []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		}
	case agenda.FormatOnline:
		s.People = []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnline}}
	default:
		s.People = []agenda.Person{{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite}}
	}
	panel := agenda.Segment{Title: "Panel", Kind: agenda.SegmentKind("discussion"), Length: length, Facilitators: []string{"Moderator"}}
	for _, sp := range speakers {
		s.People = append(s.People, sp)
		panel.Speakers = append(panel.Speakers, sp.Name)
	}
	s.Segments = []agenda.Segment{
		{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		panel,
	}
	s.Slot.Length = 5*time.Minute + length
	return s
}

// repPanel is the panel of seed 001 in miniature: six onsite government
// speakers, five from WEOG and one from GRULAC, ten minutes each.
func repPanel(format agenda.Format) *agenda.Session {
	var speakers []agenda.Person
	for i := range 6 {
		region := agenda.Region("WEOG")
		if i == 5 {
			region = "GRULAC"
		}
		speakers = append(speakers, repSpeaker(fmt.Sprintf("Speaker %d", i+1), agenda.ModeOnsite, "Government", region))
	}
	return repSession(format, time.Hour, speakers...)
}

// repNoDimensions is a policy with no dimension that applies to a session
// that is not hybrid, so that a report of one has only the findings that
// belong to no dimension.
var repNoDimensions = balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode}}}

// repMixed is a hybrid session of four speakers in a 50-minute panel: three
// onsite, one online; two in government, two in civil society; two from
// WEOG, one from GRULAC and one with no regional group.
func repMixed() *agenda.Session {
	return repSession(agenda.FormatHybrid, 50*time.Minute,
		repSpeaker("Ana", agenda.ModeOnsite, "Government", "WEOG"),
		repSpeaker("Ben", agenda.ModeOnsite, "Civil Society", "WEOG"),
		repSpeaker("Cai", agenda.ModeOnsite, "Government", "GRULAC"),
		repSpeaker("Dee", agenda.ModeOnline, "Civil Society", ""),
	)
}

// repKept keeps 10 of repMixed's 50 minutes: a 2-minute intro, 30 seconds
// before each of the three onsite speakers, 1m30s before the online one and
// 5 minutes of audience questions. 2 + 3·0.5 + 1.5 + 5 = 10.
var repKept = balance.Policy{Intro: 2 * time.Minute, Handover: 30 * time.Second, OnlineHandover: 90 * time.Second, Audience: 5 * time.Minute}

// TestDraftReport reports repMixed under the default dimensions: the 40
// minutes left of the panel go 10 minutes to each of the four speakers.
func TestDraftReport(t *testing.T) {
	r, err := balance.DraftReport(repMixed(), repKept)
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "draft" || r.Speaking != 40*time.Minute {
		t.Errorf("source %q, speaking %v; want draft, 40m (50m less 10m kept)", r.Source, r.Speaking)
	}

	wantSpeakers := []balance.Speaker{
		{Name: "Ana", Roles: []agenda.Role{agenda.RoleSpeaker}, Time: 10 * time.Minute, Share: 0.25},
		{Name: "Ben", Roles: []agenda.Role{agenda.RoleSpeaker}, Time: 10 * time.Minute, Share: 0.25},
		{Name: "Cai", Roles: []agenda.Role{agenda.RoleSpeaker}, Time: 10 * time.Minute, Share: 0.25},
		{Name: "Dee", Roles: []agenda.Role{agenda.RoleSpeaker}, Time: 10 * time.Minute, Share: 0.25},
	}
	if diff := gocmp.Diff(wantSpeakers, r.Speakers, repApprox); diff != "" {
		t.Errorf("Speakers mismatch (-want +got):\n%s", diff)
	}

	// The shares 0.75 and 0.25 have entropy −(0.75 ln 0.75 + 0.25 ln 0.25);
	// the shares 2/3 and 1/3 −(2/3 ln 2/3 + 1/3 ln 1/3); both over ln 2.
	even := func(shares ...float64) float64 {
		h := 0.0
		for _, p := range shares {
			h -= p * math.Log(p)
		}
		return h / math.Log(float64(len(shares)))
	}
	if e := even(0.75, 0.25); math.Abs(e-0.811278) > 1e-6 {
		t.Fatalf("the hand computation is off: evenness of 0.75/0.25 is %v, want 0.811278", e)
	}
	wantDims := []balance.Balance{
		{
			// The default mode rule is by headcount, a hard rule: three
			// onsite speakers and one online one, each with 10 minutes,
			// are on target.
			Dimension: balance.Dimension{By: balance.ByMode, Hard: true},
			Groups: []balance.Group{
				{Group: "online", Speakers: 1, People: []string{"Dee"}, Time: 10 * time.Minute, Share: 0.25, Target: 0.25},
				{Group: "onsite", Speakers: 3, People: []string{"Ana", "Ben", "Cai"}, Time: 30 * time.Minute, Share: 0.75, Target: 0.75},
			},
			Counted:  4,
			Evenness: even(0.75, 0.25),
		},
		{
			// Two groups of two: equal shares, on target.
			Dimension: balance.Dimension{By: balance.ByStakeholder},
			Groups: []balance.Group{
				{Group: "Civil Society", Speakers: 2, People: []string{"Ben", "Dee"}, Time: 20 * time.Minute, Share: 0.5, Target: 0.5},
				{Group: "Government", Speakers: 2, People: []string{"Ana", "Cai"}, Time: 20 * time.Minute, Share: 0.5, Target: 0.5},
			},
			Missing:  []string{"Private Sector", "Technical Community", "Intergovernmental Organization"},
			Counted:  4,
			Evenness: 1,
		},
		{
			// Dee has no region: the shares are of the other three's 30
			// minutes, whose half, 15 minutes, is each group's target.
			Dimension: balance.Dimension{By: balance.ByRegion},
			Groups: []balance.Group{
				{Group: "GRULAC", Speakers: 1, People: []string{"Cai"}, Time: 10 * time.Minute, Share: 1.0 / 3, Target: 0.5, Deviation: -5 * time.Minute},
				{Group: "WEOG", Speakers: 2, People: []string{"Ana", "Ben"}, Time: 20 * time.Minute, Share: 2.0 / 3, Target: 0.5, Deviation: 5 * time.Minute},
			},
			Missing:     []string{"African Group", "Asia-Pacific Group", "Eastern European Group"},
			Unknown:     1,
			UnknownTime: 10 * time.Minute,
			Counted:     3,
			Evenness:    even(2.0/3, 1.0/3),
			Gap:         (1.0/6 + 1.0/6) / 2,
		},
	}
	if diff := gocmp.Diff(wantDims, r.Dimensions, repApprox); diff != "" {
		t.Errorf("Dimensions mismatch (-want +got):\n%s", diff)
	}
	var points []float64
	for _, d := range r.Dimensions {
		for _, g := range d.Groups {
			points = append(points, 100*(g.Share-g.Target))
		}
	}
	if diff := gocmp.Diff([]float64{0, 0, 0, 0, 100.0/3 - 50, 200.0/3 - 50}, points, repApprox); diff != "" {
		t.Errorf("Points mismatch (-want +got):\n%s", diff)
	}

	wantFindings := []balance.Finding{
		// The line-up: 2 of the 3 who give a UN regional group are WEOG,
		// 100·(2/3 − 1/5) points above an equal share of the five.
		{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: []string{"Ana", "Ben"}, Severity: 100 * (2.0/3 - 0.2),
			Text: "2 of 3 speakers from a UN regional group are WEOG"},
		// One finding per dimension for its missing groups, each worth
		// the equal share of one group of five.
		{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
			Text: "no speaker from Private Sector, Technical Community or Intergovernmental Organization"},
		{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
			Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group, among the 3 speakers from a UN regional group"},
		{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: []string{"Ana", "Ben"}, Severity: 200.0/3 - 50,
			Text: "WEOG speakers have 66.7% of the speaking time of the 3 speakers from a UN regional group, against an equal share of 50%"},
		// Dee gives no region, and nobody a gender.
		{Kind: "not given", Scope: "line-up", Dimension: "region", Severity: 10, Text: "1 of 4 speakers gives no regional group"},
		{Kind: "not given", Scope: "line-up", Dimension: "gender", Severity: 2, Text: "no speaker gives a gender"},
	}
	if diff := gocmp.Diff(wantFindings, r.Findings, repApprox); diff != "" {
		t.Errorf("Findings mismatch (-want +got):\n%s", diff)
	}
	if r.Floor != nil || r.Dropped != nil || r.Attendance != (agenda.Attendance{}) {
		t.Errorf("Floor %v, Dropped %v, Attendance %v; want none: nobody holds another role, the session is hybrid and reports no attendance", r.Floor, r.Dropped, r.Attendance)
	}
}

// TestDraftReportTimes checks how a draft's speaking time is shared: each
// speaking segment's, less what the policy keeps, equally among the
// speakers it lists.
func TestDraftReportTimes(t *testing.T) {
	two := func() *agenda.Session {
		s := repSession(agenda.FormatOnsite, 40*time.Minute,
			repSpeaker("Ana", agenda.ModeOnsite, "", ""), repSpeaker("Ben", agenda.ModeOnsite, "", ""),
			repSpeaker("Cai", agenda.ModeOnsite, "", ""), repSpeaker("Dee", agenda.ModeOnsite, "", ""))
		s.Segments = append(s.Segments, agenda.Segment{Title: "Q&A", Kind: "plenary", Length: 10 * time.Minute, Speakers: []string{"Ben", "Dee"}})
		return s
	}
	tests := []struct {
		name   string
		reason string
		s      *agenda.Session
		p      balance.Policy
		want   map[string]time.Duration
	}{{
		name:   "kept time",
		reason: "50m less 2m intro, 3×30s and 1m30s hand-overs and 5m audience leaves 40m for four",
		s:      repMixed(),
		p:      repKept,
		want:   map[string]time.Duration{"Ana": 10 * time.Minute, "Ben": 10 * time.Minute, "Cai": 10 * time.Minute, "Dee": 10 * time.Minute},
	}, {
		name:   "online hand-over",
		reason: "only Dee is online: 50m less 4×1m onsite hand-overs would be 46m, less 3×1m and 1×4m is 43m; 43m/4 = 10m45s",
		s:      repMixed(),
		p:      balance.Policy{Handover: time.Minute, OnlineHandover: 4 * time.Minute},
		want:   map[string]time.Duration{"Ana": 10*time.Minute + 45*time.Second, "Ben": 10*time.Minute + 45*time.Second, "Cai": 10*time.Minute + 45*time.Second, "Dee": 10*time.Minute + 45*time.Second},
	}, {
		name:   "two segments",
		reason: "the panel's 40m gives 10m each; the Q&A's 10m gives Ben and Dee 5m more; the opening lists nobody",
		s:      two(),
		p:      repNoDimensions,
		want:   map[string]time.Duration{"Ana": 10 * time.Minute, "Ben": 15 * time.Minute, "Cai": 10 * time.Minute, "Dee": 15 * time.Minute},
	}, {
		name:   "speaking kinds",
		reason: "Policy.Speaking lists discussions only, so the plenary Q&A carries no speaking time",
		s:      two(),
		p:      balance.Policy{Dimensions: repNoDimensions.Dimensions, Speaking: []agenda.SegmentKind{"discussion"}},
		want:   map[string]time.Duration{"Ana": 10 * time.Minute, "Ben": 10 * time.Minute, "Cai": 10 * time.Minute, "Dee": 10 * time.Minute},
	}, {
		name:   "named twice",
		reason: "a speaker listed twice in a segment has one share of it: 20m for two",
		s: func() *agenda.Session {
			s := repSession(agenda.FormatOnsite, 20*time.Minute, repSpeaker("Ana", agenda.ModeOnsite, "", ""), repSpeaker("Ben", agenda.ModeOnsite, "", ""))
			s.Segments[1].Speakers = []string{"Ana", "ana", "Ben"}
			return s
		}(),
		p:    repNoDimensions,
		want: map[string]time.Duration{"Ana": 10 * time.Minute, "Ben": 10 * time.Minute},
	}, {
		name:   "three ways",
		reason: "10m among three is 3m20s each",
		s: repSession(agenda.FormatOnsite, 10*time.Minute,
			repSpeaker("Ana", agenda.ModeOnsite, "", ""), repSpeaker("Ben", agenda.ModeOnsite, "", ""), repSpeaker("Cai", agenda.ModeOnsite, "", "")),
		p:    repNoDimensions,
		want: map[string]time.Duration{"Ana": 200 * time.Second, "Ben": 200 * time.Second, "Cai": 200 * time.Second},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := balance.DraftReport(tt.s, tt.p)
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			got := map[string]time.Duration{}
			var total time.Duration
			for _, sp := range r.Speakers {
				got[sp.Name] = sp.Time
			}
			for _, d := range tt.want {
				total += d
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: speaker times mismatch (-want +got):\n%s", tt.reason, diff)
			}
			if r.Speaking != total {
				t.Errorf("%s: Speaking %v, want the speakers' %v", tt.reason, r.Speaking, total)
			}
		})
	}
}

// TestDraftReportErrors: a report is refused for what Allocate refuses.
func TestDraftReportErrors(t *testing.T) {
	s := repMixed()
	if _, err := balance.DraftReport(s, balance.Policy{Step: time.Millisecond}); !isPolicyError(err, "Step") {
		t.Errorf("a step under a second: got %v, want a *PolicyError for Step", err)
	}
	s.Segments[1].Speakers = append(s.Segments[1].Speakers, "Nobody")
	if _, err := balance.DraftReport(s, balance.Policy{}); err == nil || !strings.Contains(err.Error(), `segments[1].speakers[4] "Nobody"`) {
		t.Errorf("a speaker not among the people: got %v, want an error naming segments[1].speakers[4]", err)
	}
}

// isPolicyError reports whether err is a *balance.PolicyError for field.
func isPolicyError(err error, field string) bool {
	pe, ok := err.(*balance.PolicyError)
	return ok && pe.Field == field
}

// TestFindings reports small sessions and compares every finding.
func TestFindings(t *testing.T) {
	women := func(genders ...string) *agenda.Session {
		var speakers []agenda.Person
		for i, g := range genders {
			p := repSpeaker(fmt.Sprintf("Speaker %d", i+1), agenda.ModeOnsite, "", "")
			p.Gender = g
			speakers = append(speakers, p)
		}
		return repSession(agenda.FormatOnsite, time.Duration(10*len(genders))*time.Minute, speakers...)
	}
	regions := func(rs ...agenda.Region) *agenda.Session {
		// The stakeholder groups cycle through the full set, so that the
		// line-up has no stakeholder finding while there are five speakers
		// or more.
		all := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
		var speakers []agenda.Person
		for i, r := range rs {
			speakers = append(speakers, repSpeaker(fmt.Sprintf("Speaker %d", i+1), agenda.ModeOnsite, all[i%len(all)], r))
		}
		return repSession(agenda.FormatOnsite, time.Duration(10*len(rs))*time.Minute, speakers...)
	}
	roles := func(rs ...[]agenda.Role) *agenda.Session {
		var speakers []agenda.Person
		for i, r := range rs {
			speakers = append(speakers, repSpeaker(fmt.Sprintf("Speaker %d", i+1), agenda.ModeOnsite, "", "", r...))
		}
		return repSession(agenda.FormatOnsite, time.Duration(10*len(rs))*time.Minute, speakers...)
	}
	modes := func(ms ...agenda.Mode) *agenda.Session {
		var speakers []agenda.Person
		for i, m := range ms {
			speakers = append(speakers, repSpeaker(fmt.Sprintf("Speaker %d", i+1), m, "", ""))
		}
		return repSession(agenda.FormatHybrid, time.Duration(10*len(ms))*time.Minute, speakers...)
	}
	speakers := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("Speaker %d", i+1))
		}
		return out
	}
	W, G, A := agenda.Region("WEOG"), agenda.Region("GRULAC"), agenda.Region("African Group")
	on, off := agenda.ModeOnline, agenda.ModeOnsite
	regionOnly := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByRegion}}}
	modeOnly := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode}}}
	tests := []struct {
		name   string
		reason string
		s      *agenda.Session
		p      balance.Policy
		// all keeps the findings that no speaker gives a field, which the
		// test's sessions mostly do not, left out unless it is set.
		all  bool
		want []balance.Finding
	}{{
		name:   "WEOG panel",
		reason: "the line-up: all 6 in government, 5 of 6 WEOG, by headcount against the full sets; the plan: 50 of 60 minutes are WEOG's, 33.3 points above its equal share of two groups, GRULAC's mirror not repeated; the mode dimension is dropped, all four other stakeholder groups and three regional groups are missing, one finding each",
		s:      repPanel(agenda.FormatOnsite),
		p:      balance.Policy{},
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "stakeholder", Group: "Government", People: speakers(6), Severity: 80,
				Text: "all 6 speakers are from Government"},
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(5), Severity: 100 * (5.0/6 - 0.2),
				Text: "5 of 6 speakers are WEOG"},
			{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(5), Severity: 100 * (5.0/6 - 0.5),
				Text: "WEOG speakers have 83.3% of speaking time against an equal share of 50%"},
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Civil Society, Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Civil Society, Private Sector, Technical Community or Intergovernmental Organization"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group"},
		},
	}, {
		name:   "three regional groups",
		reason: "with three groups the two a third below their equal share (16.7% against 33.3%) are named as well, ties in alphabetical order",
		s:      regions(W, W, W, W, G, A),
		p:      regionOnly,
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(4), Severity: 100 * (4.0/6 - 0.2),
				Text: "4 of 6 speakers are WEOG"},
			{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(4), Severity: 100 * (4.0/6 - 1.0/3),
				Text: "WEOG speakers have 66.7% of speaking time against an equal share of 33.3%"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group or the Eastern European Group"},
			{Kind: "under", Scope: "plan", Dimension: "region", Group: "African Group", People: []string{"Speaker 6"}, Severity: 100 * (1.0/3 - 1.0/6),
				Text: "the only African Group speaker has 16.7% of speaking time against an equal share of 33.3%"},
			{Kind: "under", Scope: "plan", Dimension: "region", Group: "GRULAC", People: []string{"Speaker 5"}, Severity: 100 * (1.0/3 - 1.0/6),
				Text: "the only GRULAC speaker has 16.7% of speaking time against an equal share of 33.3%"},
		},
	}, {
		name:   "exactly the threshold",
		reason: "WEOG 3 of 5 is 60% against 50%, exactly the 10 points that make a finding, less serious than the missing groups",
		s:      regions(W, W, W, G, G),
		p:      regionOnly,
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(3), Severity: 40,
				Text: "3 of 5 speakers are WEOG"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group"},
			{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(3), Severity: 10,
				Text: "WEOG speakers have 60% of speaking time against an equal share of 50%"},
		},
	}, {
		name:   "exactly the threshold under",
		reason: "explicit targets of 50/30/20 for ten speakers 6/2/2: WEOG 10 points over, GRULAC 10 points under (the third group keeps the under one from mirroring), African Group on target",
		s:      regions(W, W, W, W, W, W, G, G, A, A),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByRegion, Target: "explicit",
			Shares: map[string]float64{"WEOG": 0.5, "GRULAC": 0.3, "African Group": 0.2}}}},
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(6), Severity: 40,
				Text: "6 of 10 speakers are WEOG"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group or the Eastern European Group"},
			{Kind: "under", Scope: "plan", Dimension: "region", Group: "GRULAC", People: []string{"Speaker 7", "Speaker 8"}, Severity: 10,
				Text: "GRULAC speakers have 20% of speaking time against a target of 30%"},
			{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(6), Severity: 10,
				Text: "WEOG speakers have 60% of speaking time against a target of 50%"},
		},
	}, {
		name:   "below the threshold",
		reason: "WEOG 4 of 7 is 57.1% of the time against 50%: 7.1 points, no finding of the plan; but 4 of 7 speakers is a majority of the line-up",
		s:      regions(W, W, W, W, G, G, G),
		p:      regionOnly,
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(4), Severity: 100 * (4.0/7 - 0.2),
				Text: "4 of 7 speakers are WEOG"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group"},
		},
	}, {
		name:   "stakeholder group",
		reason: "three of four in government: 75% against 50%",
		s: repSession(agenda.FormatOnsite, 40*time.Minute,
			repSpeaker("Ana", off, "Government", ""), repSpeaker("Ben", off, "Government", ""),
			repSpeaker("Cai", off, "Government", ""), repSpeaker("Dee", off, "Civil Society", "")),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByStakeholder}}},
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "stakeholder", Group: "Government", People: []string{"Ana", "Ben", "Cai"}, Severity: 100 * (3.0/4 - 0.2),
				Text: "3 of 4 speakers are from Government"},
			{Kind: "over", Scope: "plan", Dimension: "stakeholder", Group: "Government", People: []string{"Ana", "Ben", "Cai"}, Severity: 25,
				Text: "Government speakers have 75% of speaking time against an equal share of 50%"},
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Private Sector, Technical Community or Intergovernmental Organization"},
		},
	}, {
		name:   "explicit target",
		reason: "a target of 25% for government, which has 75%: 50 points over, and no note of the equal share among all groups",
		s: repSession(agenda.FormatOnsite, 40*time.Minute,
			repSpeaker("Ana", off, "Government", ""), repSpeaker("Ben", off, "Government", ""),
			repSpeaker("Cai", off, "Government", ""), repSpeaker("Dee", off, "Civil Society", "")),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByStakeholder, Target: "explicit",
			Shares: map[string]float64{"Government": 0.25, "Civil Society": 0.75}}}},
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "stakeholder", Group: "Government", People: []string{"Ana", "Ben", "Cai"}, Severity: 100 * (3.0/4 - 0.2),
				Text: "3 of 4 speakers are from Government"},
			{Kind: "over", Scope: "plan", Dimension: "stakeholder", Group: "Government", People: []string{"Ana", "Ben", "Cai"}, Severity: 50,
				Text: "Government speakers have 75% of speaking time against a target of 25%"},
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Private Sector, Technical Community or Intergovernmental Organization"},
		},
	}, {
		name:   "all onsite in a hybrid session",
		reason: "no online speaker: the missing mode is worth half the time; one group has all of it, on its target",
		s:      modes(off, off),
		p:      modeOnly,
		want: []balance.Finding{
			{Kind: "missing", Scope: "line-up", Dimension: "mode", Group: "online", Severity: 50,
				Text: "no speaker is online"},
		},
	}, {
		name:   "balanced modes",
		reason: "one onsite, one online, ten minutes each, moderators in both places: nothing to say",
		s:      modes(off, on),
		p:      modeOnly,
		want:   nil,
	}, {
		name:   "moderators all onsite",
		reason: "a hybrid session whose online moderator sits in the room",
		s: func() *agenda.Session {
			s := modes(off, on)
			s.People[1].Mode = agenda.ModeOnsite
			return s
		}(),
		p: modeOnly,
		want: []balance.Finding{
			{Kind: "moderation", Scope: "line-up", People: []string{"Moderator", "Online moderator"}, Severity: 25,
				Text: "every moderator is onsite: nobody moderates from among the online participants"},
		},
	}, {
		name:   "moderators onsite, not hybrid",
		reason: "in an onsite session every moderator is onsite, and should be",
		s:      roles(nil, nil),
		p:      repNoDimensions,
		want:   nil,
	}, {
		name:   "both women",
		reason: "two speakers, both women, spelt in two cases",
		s:      women("woman", "Woman"),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "one gender", Scope: "line-up", Dimension: "gender", Group: "woman", People: speakers(2), Severity: 30,
				Text: "both speakers are women"},
		},
	}, {
		name:   "all men",
		reason: "three speakers, all men",
		s:      women("man", "man", " man"),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "one gender", Scope: "line-up", Dimension: "gender", Group: "man", People: speakers(3), Severity: 30,
				Text: "all 3 speakers are men"},
		},
	}, {
		name:   "gender not always given",
		reason: "three of four give their gender, all women",
		s:      women("woman", "", "woman", "woman"),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "one gender", Scope: "line-up", Dimension: "gender", Group: "woman", People: []string{"Speaker 1", "Speaker 3", "Speaker 4"}, Severity: 30,
				Text: "all 3 speakers whose gender is given are women"},
			{Kind: "not given", Scope: "line-up", Dimension: "gender", Severity: 2,
				Text: "1 of 4 speakers gives no gender"},
		},
	}, {
		name:   "mixed genders",
		reason: "a woman and a man",
		s:      women("woman", "man"),
		p:      repNoDimensions,
		want:   nil,
	}, {
		name:   "one woman",
		reason: "one speaker is no pattern",
		s:      women("woman", ""),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "not given", Scope: "line-up", Dimension: "gender", Severity: 2,
				Text: "1 of 2 speakers gives no gender"},
		},
	}, {
		name:   "organizers speak",
		reason: "two of four speakers organize the session: 20 of 40 minutes",
		s:      roles([]agenda.Role{agenda.RoleOrganizer}, nil, []agenda.Role{agenda.RoleOrganizer}, nil),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "roles", Scope: "line-up", Group: "organizer", Severity: 5,
				Text: "2 of 4 speakers are also organizers"},
		},
	}, {
		name:   "one moderator speaks",
		reason: "one of three speakers also moderates: 10 of 30 minutes",
		s:      roles(nil, []agenda.Role{agenda.RoleModerator}, nil),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "roles", Scope: "line-up", Group: "moderator", Severity: 5,
				Text: "1 of 3 speakers is also a moderator"},
		},
	}, {
		name:   "online moderator and rapporteur speak",
		reason: "an online moderator who speaks is named, and so is a rapporteur who speaks, in one finding, by headcount, without the time the plan gives them",
		s:      roles([]agenda.Role{agenda.RoleOnlineModerator}, []agenda.Role{agenda.RoleRapporteur}),
		p:      repNoDimensions,
		want: []balance.Finding{
			{Kind: "roles", Scope: "line-up", Group: "online moderator, rapporteur", Severity: 5,
				Text: "1 of 2 speakers is also an online moderator and 1 also a rapporteur"},
		},
	}, {
		name:   "attendance",
		reason: "seed 004: 25 people, 6 of them women (6/25 = 24%), 2 connected remotely (2/25 = 8%); equal severity, so by text",
		s: func() *agenda.Session {
			s := roles(nil)
			s.Attendance = agenda.Attendance{People: 25, Women: 6, Online: 2}
			return s
		}(),
		p: repNoDimensions,
		want: []balance.Finding{
			{Kind: "participation", Scope: "line-up", Severity: 1,
				Text: "2 participants connected remotely (8%)"},
			{Kind: "participation", Scope: "line-up", Severity: 1,
				Text: "25 people attended, 6 of them women (24%)"},
		},
	}, {
		name:   "headcount only",
		reason: "no women or online participants reported: the headcount alone",
		s: func() *agenda.Session {
			s := roles(nil)
			s.Attendance = agenda.Attendance{People: 40}
			return s
		}(),
		p: repNoDimensions,
		want: []balance.Finding{
			{Kind: "participation", Scope: "line-up", Severity: 1,
				Text: "40 people attended"},
		},
	}, {
		name:   "no headcount",
		reason: "women counted without a headcount give no share to report",
		s: func() *agenda.Session {
			s := roles(nil)
			s.Attendance = agenda.Attendance{Women: 3, Online: 1}
			return s
		}(),
		p:    repNoDimensions,
		want: nil,
	}, {
		name:   "hard mode rule missed",
		reason: "three onsite, one online: online 10 of 40 minutes against the promised 20, 25 points, doubled; a promise names the side it fails, online, not its mirror",
		s:      modes(off, off, off, on),
		p:      balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Target: "equal"}}},
		want: []balance.Finding{
			{Kind: "promise", Scope: "plan", Dimension: "mode", Group: "online", People: []string{"Speaker 4"}, Severity: 50,
				Text: "online speakers hold 25% of speaking time; the policy promises an equal share of 50%"},
		},
	}, {
		name:   "hard mode rule kept within tolerance",
		reason: "onsite is 10 minutes over, exactly the tolerance of 25% of 40 minutes; nor is a hard dimension judged by the soft threshold",
		s:      modes(off, off, off, on),
		p:      balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.25}}},
		want:   nil,
	}, {
		name:   "hard rule over three groups",
		reason: "with three regional groups the ones under the promise are named too: GRULAC and African Group 10 minutes under 20",
		s:      regions(W, W, W, W, G, A),
		p:      balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByRegion, Hard: true}}},
		want: []balance.Finding{
			{Kind: "promise", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(4), Severity: 200 * (4.0/6 - 1.0/3),
				Text: "WEOG speakers hold 66.7% of speaking time; the policy promises an equal share of 33.3%"},
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(4), Severity: 100 * (4.0/6 - 0.2),
				Text: "4 of 6 speakers are WEOG"},
			{Kind: "promise", Scope: "plan", Dimension: "region", Group: "African Group", People: []string{"Speaker 6"}, Severity: 100 * (4.0/6 - 1.0/3),
				Text: "African Group speakers hold 16.7% of speaking time; the policy promises an equal share of 33.3%"},
			{Kind: "promise", Scope: "plan", Dimension: "region", Group: "GRULAC", People: []string{"Speaker 5"}, Severity: 100 * (4.0/6 - 1.0/3),
				Text: "GRULAC speakers hold 16.7% of speaking time; the policy promises an equal share of 33.3%"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group or the Eastern European Group"},
		},
	}, {
		name:   "online only",
		reason: "seed 002: no mode dimension and no mode finding, though one speaker is onsite and a hard mode rule is set; stakeholder and regional groups still count",
		s: repSession(agenda.FormatOnline, 40*time.Minute,
			repSpeaker("Ana", on, "Government", W), repSpeaker("Ben", on, "Civil Society", G),
			repSpeaker("Cai", on, "Government", W), repSpeaker("Dee", off, "Civil Society", G)),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}},
		want: []balance.Finding{
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Private Sector, Technical Community or Intergovernmental Organization"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group"},
		},
	}, {
		name:   "one-region panel",
		reason: "all 4 speakers from the African Group: the worst line-up by region, whatever the plan; the plan's region dimension has one group, on its target, so nothing of the plan",
		s:      regions(A, A, A, A),
		p:      regionOnly,
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "African Group", People: speakers(4), Severity: 80,
				Text: "all 4 speakers are from the African Group"},
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Intergovernmental Organization"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group, GRULAC, WEOG", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group, the Eastern European Group, GRULAC or WEOG"},
		},
	}, {
		name:   "Intergovernmental Organization as region",
		reason: "seed 000 gives IGO as the region of three speakers: it is said as what it is, a value outside the UN regional groups, not a sixth region; the two WEOG of the three from a UN regional group are a majority; IGO is not missing",
		s:      regions(W, W, G, "Intergovernmental Organization", "Intergovernmental Organization"),
		p:      regionOnly,
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "region", Group: "WEOG", People: speakers(2), Severity: 100 * (2.0/3 - 0.2),
				Text: "2 of 3 speakers from a UN regional group are WEOG"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "African Group, Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group, among the 3 speakers from a UN regional group"},
			{Kind: "over", Scope: "plan", Dimension: "region", Group: "WEOG", People: speakers(2), Severity: 100 * (2.0/3 - 0.5),
				Text: "WEOG speakers have 66.7% of the speaking time of the 3 speakers from a UN regional group, against an equal share of 50%"},
			{Kind: "not given", Scope: "line-up", Dimension: "region", Group: "Intergovernmental Organization", People: []string{"Speaker 4", "Speaker 5"}, Severity: 10,
				Text: "2 of 5 speakers give Intergovernmental Organization as region, which is no UN regional group"},
		},
	}, {
		name:   "2 of 3 without stakeholder group",
		reason: "the one who gives a stakeholder group is not a majority of one; the two who give none are said, and the missing groups are among the one who gives one",
		s: repSession(agenda.FormatOnsite, 30*time.Minute,
			repSpeaker("Ana", off, "Civil Society", W), repSpeaker("Ben", off, "", G), repSpeaker("Cai", off, "", A)),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByStakeholder}}},
		want: []balance.Finding{
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Government, Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Government, Private Sector, Technical Community or Intergovernmental Organization, though only one speaker gives a stakeholder group"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group or the Eastern European Group"},
			{Kind: "not given", Scope: "line-up", Dimension: "stakeholder", Severity: 10,
				Text: "2 of 3 speakers give no stakeholder group"},
		},
	}, {
		name:   "2 of 3 Civil Society",
		reason: "the issue's line-up: 2 of 3 speakers are Civil Society, reported though the plan gives the lone Government speaker more time",
		s: repSession(agenda.FormatOnsite, 30*time.Minute,
			repSpeaker("Ana", off, "Civil Society", W), repSpeaker("Ben", off, "Civil Society", G), repSpeaker("Cai", off, "Government", A)),
		p: balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByStakeholder}}},
		want: []balance.Finding{
			{Kind: "headcount", Scope: "line-up", Dimension: "stakeholder", Group: "Civil Society", People: []string{"Ana", "Ben"}, Severity: 100 * (2.0/3 - 0.2),
				Text: "2 of 3 speakers are from Civil Society"},
			{Kind: "missing", Scope: "line-up", Dimension: "stakeholder", Group: "Private Sector, Technical Community, Intergovernmental Organization", Severity: 20,
				Text: "no speaker from Private Sector, Technical Community or Intergovernmental Organization"},
			{Kind: "missing", Scope: "line-up", Dimension: "region", Group: "Asia-Pacific Group, Eastern European Group", Severity: 20,
				Text: "no speaker from the Asia-Pacific Group or the Eastern European Group"},
			{Kind: "over", Scope: "plan", Dimension: "stakeholder", Group: "Civil Society", People: []string{"Ana", "Ben"}, Severity: 100 * (2.0/3 - 0.5),
				Text: "Civil Society speakers have 66.7% of speaking time against an equal share of 50%"},
		},
	}, {
		name:   "no speaker gives a gender",
		reason: "IGF pages give no genders: said once, at a low weight, and no one-gender finding",
		s:      women("", "", ""),
		p:      repNoDimensions,
		all:    true,
		want: []balance.Finding{
			{Kind: "not given", Scope: "line-up", Dimension: "region", Severity: 10, Text: "no speaker gives a regional group"},
			{Kind: "not given", Scope: "line-up", Dimension: "stakeholder", Severity: 10, Text: "no speaker gives a stakeholder group"},
			{Kind: "not given", Scope: "line-up", Dimension: "gender", Severity: 2, Text: "no speaker gives a gender"},
		},
	}, {
		name:   "organizers from one organization",
		reason: "three organizers, one of whom does not speak, all from one organization written in two forms",
		s: func() *agenda.Session {
			s := roles([]agenda.Role{agenda.RoleOrganizer}, []agenda.Role{agenda.RoleOrganizer}, nil)
			s.People[1].Organization, s.People[2].Organization = "Chatham House", "chatham  house"
			s.People = append(s.People, agenda.Person{Name: "Eve", Roles: []agenda.Role{agenda.RoleOrganizer}, Organization: "Chatham House"})
			return s
		}(),
		p: repNoDimensions,
		want: []balance.Finding{
			{Kind: "organization", Scope: "line-up", People: []string{"Speaker 1", "Speaker 2", "Eve"}, Severity: 15, Text: "all 3 organizers are from one organization"},
			{Kind: "roles", Scope: "line-up", Group: "organizer", Severity: 5, Text: "2 of 3 speakers are also organizers"},
		},
	}, {
		name:   "organizers from two organizations",
		reason: "no finding when one organizer is from elsewhere",
		s: func() *agenda.Session {
			s := roles([]agenda.Role{agenda.RoleOrganizer}, []agenda.Role{agenda.RoleOrganizer})
			s.People[1].Organization, s.People[2].Organization = "Chatham House", "ICRC"
			return s
		}(),
		p: repNoDimensions,
		want: []balance.Finding{
			{Kind: "roles", Scope: "line-up", Group: "organizer", Severity: 5, Text: "both speakers are also organizers"},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := balance.DraftReport(tt.s, tt.p)
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			got := slices.DeleteFunc(slices.Clone(r.Findings), func(f balance.Finding) bool {
				return !tt.all && f.Kind == "not given" && strings.HasPrefix(f.Text, "no speaker gives")
			})
			if diff := gocmp.Diff(tt.want, got, repApprox, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: findings mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestFloor reports the time of speakers who hold other roles, role by role.
func TestFloor(t *testing.T) {
	s := repSession(agenda.FormatOnsite, 40*time.Minute,
		repSpeaker("Ana", agenda.ModeOnsite, "", "", agenda.RoleOrganizer, agenda.RoleRapporteur),
		repSpeaker("Ben", agenda.ModeOnsite, "", "", agenda.RoleOrganizer),
		repSpeaker("Cai", agenda.ModeOnsite, "", ""),
		repSpeaker("Dee", agenda.ModeOnsite, "", "", agenda.RoleFacilitator))
	r, err := balance.DraftReport(s, repNoDimensions)
	if err != nil {
		t.Fatal(err)
	}
	want := []balance.FloorReport{
		{Role: agenda.RoleOrganizer, Speakers: 2, Time: 20 * time.Minute, Share: 0.5},
		{Role: agenda.RoleRapporteur, Speakers: 1, Time: 10 * time.Minute, Share: 0.25},
		{Role: agenda.RoleFacilitator, Speakers: 1, Time: 10 * time.Minute, Share: 0.25},
	}
	if diff := gocmp.Diff(want, r.Floor, repApprox); diff != "" {
		t.Errorf("Floor mismatch (-want +got):\n%s", diff)
	}
}

// TestOnlineOnlyReport: the mode dimension of an online-only session is
// dropped, not reported.
func TestOnlineOnlyReport(t *testing.T) {
	s := repSession(agenda.FormatOnline, 20*time.Minute,
		repSpeaker("Ana", agenda.ModeOnline, "Government", "WEOG"),
		repSpeaker("Ben", agenda.ModeOnsite, "Civil Society", "GRULAC"))
	p := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}}
	r, err := balance.DraftReport(s, p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff([]balance.Dimension{{By: balance.ByMode, Hard: true}}, r.Dropped); diff != "" {
		t.Errorf("Dropped mismatch (-want +got):\n%s", diff)
	}
	var dims []string
	for _, d := range r.Dimensions {
		dims = append(dims, d.Dimension.Name())
	}
	if diff := gocmp.Diff([]string{"stakeholder", "region"}, dims); diff != "" {
		t.Errorf("dimensions mismatch (-want +got):\n%s", diff)
	}
	for _, f := range r.Findings {
		if f.Dimension == "mode" || f.Kind == "moderation" || strings.Contains(f.Text, "online") {
			t.Errorf("an online-only session has a mode finding: %+v", f)
		}
	}
}

// TestFindingsSorted reports a session with findings of every weight: they
// come most serious first, ties in the order of their texts.
func TestFindingsSorted(t *testing.T) {
	s := repPanel(agenda.FormatHybrid)
	for i := range s.People[2:] {
		p := &s.People[2+i]
		p.Gender = "woman"
		if i >= 3 {
			p.Mode = agenda.ModeOnline // three onsite, three online: no mode finding
		}
	}
	s.People[1].Mode = agenda.ModeOnsite // the online moderator in the room
	s.People[2].Roles = append(s.People[2].Roles, agenda.RoleOrganizer)
	s.Attendance = agenda.Attendance{People: 25, Women: 6, Online: 2}
	r, err := balance.DraftReport(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	type brief struct {
		Kind     string
		Severity float64
		Text     string
	}
	want := []brief{
		{"headcount", 100 * (1 - 0.2), "all 6 speakers are from Government"},
		{"headcount", 100 * (5.0/6 - 0.2), "5 of 6 speakers are WEOG"},
		{"over", 100 * (5.0/6 - 0.5), "WEOG speakers have 83.3% of speaking time against an equal share of 50%"},
		{"one gender", 30, "all 6 speakers are women"},
		{"moderation", 25, "every moderator is onsite: nobody moderates from among the online participants"},
		{"missing", 20, "no speaker from Civil Society, Private Sector, Technical Community or Intergovernmental Organization"},
		{"missing", 20, "no speaker from the African Group, the Asia-Pacific Group or the Eastern European Group"},
		{"roles", 5, "1 of 6 speakers is also an organizer"},
		{"participation", 1, "2 participants connected remotely (8%)"},
		{"participation", 1, "25 people attended, 6 of them women (24%)"},
	}
	var got []brief
	for _, f := range r.Findings {
		got = append(got, brief{f.Kind, f.Severity, f.Text})
	}
	if diff := gocmp.Diff(want, got, repApprox); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	sorted := func(a, b balance.Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Text, b.Text))
	}
	if !slices.IsSortedFunc(r.Findings, sorted) {
		t.Errorf("findings not sorted by severity, then text: %+v", r.Findings)
	}
}

// TestPlanReport reports the run-of-show Plan makes of repMixed: the times
// are the allocation's, and the report does not vary from run to run.
func TestPlanReport(t *testing.T) {
	plan := func() (*agenda.RunOfShow, *balance.Allocation, *balance.Report) {
		ros, al, err := balance.Plan(repMixed(), repKept)
		if err != nil {
			t.Fatal(err)
		}
		r, err := balance.PlanReport(ros, repKept)
		if err != nil {
			t.Fatal(err)
		}
		return ros, al, r
	}
	ros, al, r := plan()
	if r.Source != "plan" {
		t.Errorf("Source %q, want plan", r.Source)
	}
	// 50 minutes less 10 kept is 40, a whole number of 30-second steps.
	if r.Speaking != 40*time.Minute || r.Speaking != al.Budget {
		t.Errorf("Speaking %v, want the budget %v, 40m", r.Speaking, al.Budget)
	}
	type speaker struct {
		Name string
		Time time.Duration
	}
	var want, got []speaker
	for _, sh := range al.Speakers {
		want = append(want, speaker{sh.Name, sh.Time})
	}
	share := 0.0
	for _, sp := range r.Speakers {
		got = append(got, speaker{sp.Name, sp.Time})
		share += sp.Share
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("speaker times mismatch (-want +got):\n%s", diff)
	}
	if math.Abs(share-1) > 1e-9 {
		t.Errorf("the speakers' shares add up to %v, want 1", share)
	}
	for d, bal := range al.Balance {
		var want, got []speaker
		for _, g := range bal.Groups {
			want = append(want, speaker{g.Group, g.Time})
		}
		for _, g := range r.Dimensions[d].Groups {
			got = append(got, speaker{g.Group, g.Time})
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("%s: group times mismatch (-want +got):\n%s", bal.Dimension.Name(), diff)
		}
	}

	_, _, again := plan()
	if diff := gocmp.Diff(r.Findings, again.Findings); diff != "" {
		t.Errorf("two runs give different findings (-first +second):\n%s", diff)
	}
	if diff := gocmp.Diff(r, again, cmpopts.IgnoreFields(balance.Report{}, "Session")); diff != "" {
		t.Errorf("two runs give different reports (-first +second):\n%s", diff)
	}

	// A speech by someone who is not a speaker is speaking time of nobody's.
	turns := slices.Clone(ros.Segments[1].Turns)
	i := slices.IndexFunc(turns, func(t agenda.Turn) bool { return t.Kind == "speech" })
	stray, who := turns[i].Length(), turns[i].Person
	turns[i].Person = "Somebody else"
	other := *ros
	other.Segments = slices.Clone(ros.Segments)
	other.Segments[1].Turns = turns
	r2, err := balance.PlanReport(&other, repKept)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Speaking != 40*time.Minute-stray {
		t.Errorf("with %s's speech of %v given to somebody else, Speaking %v, want %v", who, stray, r2.Speaking, 40*time.Minute-stray)
	}
	wantFinding := balance.Finding{Kind: "unattributed", Scope: "plan", Severity: 100 * float64(stray) / float64(40*time.Minute),
		Text: timeslot.FormatLength(stray) + " of speaking time was logged for nobody among the session's people"}
	if !slices.ContainsFunc(r2.Findings, func(f balance.Finding) bool { return gocmp.Equal(f, wantFinding, repApprox) }) {
		t.Errorf("findings %+v lack %+v", r2.Findings, wantFinding)
	}
}

// TestLineup counts the line-up's speakers by group against the full sets,
// by people, not by time, whatever the policy balances.
func TestLineup(t *testing.T) {
	off := agenda.ModeOnsite
	W, G, A, IGO := agenda.Region("WEOG"), agenda.Region("GRULAC"), agenda.Region("African Group"), agenda.Region("Intergovernmental Organization")
	CS, Gov := agenda.Stakeholder("Civil Society"), agenda.Stakeholder("Government")
	tests := []struct {
		name   string
		reason string
		s      *agenda.Session
		want   []balance.Balance
	}{{
		name:   "one region",
		reason: "all four from the African Group: every counted speaker in one group of five is the furthest a line-up can be, 0.8",
		s: repSession(agenda.FormatOnsite, 40*time.Minute,
			repSpeaker("Ana", off, Gov, A), repSpeaker("Ben", off, Gov, A), repSpeaker("Cai", off, CS, A), repSpeaker("Dee", off, CS, A)),
		want: []balance.Balance{
			{Dimension: balance.Dimension{By: balance.ByStakeholder},
				Groups:  []balance.Group{{Group: "Civil Society", Speakers: 2, People: []string{"Cai", "Dee"}}, {Group: "Government", Speakers: 2, People: []string{"Ana", "Ben"}}},
				Missing: []string{"Private Sector", "Technical Community", "Intergovernmental Organization"}, Counted: 4,
				// ½(|½−⅕|·2 + ⅕·3)
				Distance: (0.3*2 + 0.2*3) / 2},
			{Dimension: balance.Dimension{By: balance.ByRegion},
				Groups:  []balance.Group{{Group: "African Group", Speakers: 4, People: []string{"Ana", "Ben", "Cai", "Dee"}}},
				Missing: []string{"Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}, Counted: 4, Distance: 0.8},
			{Dimension: balance.Dimension{By: balance.ByGender}, Unknown: 4},
		},
	}, {
		name:   "IGO as region, stakeholder not given",
		reason: "an Intergovernmental Organization in the region field is its own group, outside the set: not counted, not missing; two of three give no stakeholder group",
		s: repSession(agenda.FormatOnsite, 30*time.Minute,
			repSpeaker("Ana", off, CS, W), repSpeaker("Ben", off, "", G), repSpeaker("Cai", off, "", IGO)),
		want: []balance.Balance{
			{Dimension: balance.Dimension{By: balance.ByStakeholder},
				Groups:  []balance.Group{{Group: "Civil Society", Speakers: 1, People: []string{"Ana"}}},
				Missing: []string{"Government", "Private Sector", "Technical Community", "Intergovernmental Organization"}, Unknown: 2, Counted: 1, Distance: 0.8},
			{Dimension: balance.Dimension{By: balance.ByRegion},
				Groups: []balance.Group{{Group: "GRULAC", Speakers: 1, People: []string{"Ben"}},
					{Group: "Intergovernmental Organization", Speakers: 1, People: []string{"Cai"}, Outside: true},
					{Group: "WEOG", Speakers: 1, People: []string{"Ana"}}},
				Missing: []string{"African Group", "Asia-Pacific Group", "Eastern European Group"}, Counted: 2,
				Distance: (0.3*2 + 0.2*3) / 2},
			{Dimension: balance.Dimension{By: balance.ByGender}, Unknown: 3},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The line-up is the same whatever the policy balances.
			for _, p := range []balance.Policy{{}, repNoDimensions} {
				r, err := balance.DraftReport(tt.s, p)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(tt.want, r.Lineup, repApprox); diff != "" {
					t.Errorf("%s: Lineup mismatch (-want +got):\n%s", tt.reason, diff)
				}
			}
		})
	}
}

// TestOutsideSet reports a value that is not a UN regional group as its
// own row, with no share and no target, and the equal targets of the
// regional groups among themselves.
func TestOutsideSet(t *testing.T) {
	off := agenda.ModeOnsite
	s := repSession(agenda.FormatOnsite, 40*time.Minute,
		repSpeaker("Ana", off, "Government", "WEOG"),
		repSpeaker("Ben", off, "Government", "WEOG"),
		repSpeaker("Cai", off, "Government", "GRULAC"),
		repSpeaker("Dee", off, "Intergovernmental Organization", "Intergovernmental Organization"))
	r, err := balance.DraftReport(s, balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByRegion}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []balance.Balance{{
		Dimension: balance.Dimension{By: balance.ByRegion},
		Groups: []balance.Group{
			{Group: "GRULAC", Speakers: 1, People: []string{"Cai"}, Time: 10 * time.Minute, Share: 1.0 / 3, Target: 0.5, Deviation: -5 * time.Minute},
			{Group: "Intergovernmental Organization", Speakers: 1, People: []string{"Dee"}, Time: 10 * time.Minute, Outside: true},
			{Group: "WEOG", Speakers: 2, People: []string{"Ana", "Ben"}, Time: 20 * time.Minute, Share: 2.0 / 3, Target: 0.5, Deviation: 5 * time.Minute},
		},
		Missing:  []string{"African Group", "Asia-Pacific Group", "Eastern European Group"},
		Counted:  3,
		Evenness: 0.9182958340544894,
		Gap:      1.0 / 6,
	}}
	if diff := gocmp.Diff(want, r.Dimensions, repApprox); diff != "" {
		t.Errorf("Dimensions mismatch (-want +got):\n%s", diff)
	}
	for _, f := range r.Findings {
		if f.Kind == "missing" && strings.Contains(f.Text, "Intergovernmental") {
			t.Errorf("an IGO stakeholder is there, and IGO is no region, but a finding says it is missing: %q", f.Text)
		}
	}
}

// TestLineupWhateverThePlan: the findings of the line-up are the same for
// the draft and for the plan, however the plan shares the time, and no
// finding of the plan is about who holds a role.
func TestLineupWhateverThePlan(t *testing.T) {
	sessions := map[string]*agenda.Session{"mixed": repMixed(), "panel": repPanel(agenda.FormatHybrid)}
	online := repSession(agenda.FormatHybrid, 70*time.Minute,
		repSpeaker("Ana", agenda.ModeOnsite, "Government", "WEOG"),
		repSpeaker("Ben", agenda.ModeOnsite, "Civil Society", "WEOG"),
		repSpeaker("Cai", agenda.ModeOnline, "Civil Society", "African Group", agenda.RoleOnlineModerator))
	sessions["lone online moderator"] = online
	for _, name := range slices.Sorted(maps.Keys(sessions)) {
		s := sessions[name]
		t.Run(name, func(t *testing.T) {
			draft, err := balance.DraftReport(s, balance.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			ros, _, err := balance.Plan(s, balance.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			plan, err := balance.PlanReport(ros, balance.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(findingsOf(draft, "line-up"), findingsOf(plan, "line-up"), repApprox); diff != "" {
				t.Errorf("line-up findings of the draft and of the plan differ (-draft +plan):\n%s", diff)
			}
			for _, f := range findingsOf(plan, "plan") {
				if f.Kind == "roles" || strings.Contains(f.Text, "moderator") {
					t.Errorf("a finding of the plan reports a role: %q", f.Text)
				}
			}
			if n := len(findingsOf(draft, "line-up")) + len(findingsOf(draft, "plan")); n != len(draft.Findings) {
				t.Errorf("%d findings are in neither scope", len(draft.Findings)-n)
			}
		})
	}
}

// findingsOf returns the findings of r of one scope, "line-up" or "plan".
func findingsOf(r *balance.Report, scope string) []balance.Finding {
	var out []balance.Finding
	for _, f := range r.Findings {
		if f.Scope == scope {
			out = append(out, f)
		}
	}
	return out
}

// TestPlanReportNoTime checks that a speaker a segment lists but the plan
// gives no time in it, as a segment of fewer steps than speakers leaves
// some, is a finding of the plan, not a 0s turn in silence.
func TestPlanReportNoTime(t *testing.T) {
	s := panelOf(lineup{agenda.ModeOnsite, "Government", "WEOG"}, lineup{agenda.ModeOnsite, "Civil Society", "GRULAC"},
		lineup{agenda.ModeOnsite, "Private Sector", "African Group"}, lineup{agenda.ModeOnline, "Technical Community", "Asia-Pacific Group"},
		lineup{agenda.ModeOnsite, "Civil Society", "Eastern European Group"})
	// A closing round of 2 minutes for five: four steps of 30s.
	s.Segments[2] = agenda.Segment{Title: "Last words", Kind: "discussion", Length: 2 * time.Minute, Speakers: s.Segments[1].Speakers, Facilitators: []string{"Moderator"}}
	s.Slot.Length = 72 * time.Minute
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	ros, _, err := balance.Plan(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := balance.PlanReport(ros, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(r.Findings, func(f balance.Finding) bool { return f.Kind == "no time" })
	if i < 0 {
		t.Fatalf("no finding of a speaker without time: %+v", r.Findings)
	}
	f := r.Findings[i]
	if want := "1 of 5 speakers of “Last words” has no time in it: its 2m of speaking time is 4 steps of 30s, fewer than its speakers"; f.Text != want || f.Scope != "plan" || len(f.People) != 1 {
		t.Errorf("finding %+v, want %q about one person", f, want)
	}
	// And none when every listed speaker speaks.
	s.Segments[2].Length, s.Slot.Length = 10*time.Minute, 80*time.Minute
	ros, _, err = balance.Plan(s, balance.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if r, err = balance.PlanReport(ros, balance.Policy{}); err != nil || slices.ContainsFunc(r.Findings, func(f balance.Finding) bool { return f.Kind == "no time" }) {
		t.Errorf("PlanReport = %+v, %v; want no finding of a speaker without time", r.Findings, err)
	}
}
