package balance_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// auditSession is a hybrid panel on 10 October 2023, 06:15–06:55 UTC: a
// moderator who speaks in no segment, two onsite speakers and one online,
// with a 30-minute panel from 06:20 to 06:50 between a 5-minute opening and
// a 5-minute closing.
func auditSession() *agenda.Session {
	speaker := func(name string, mode agenda.Mode) agenda.Person {
		return agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode}
	}
	return &agenda.Session{
		Title:  "Hybrid panel",
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: logUTC(6, 15, 0), Length: 40 * time.Minute},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Rapporteur", Roles: []agenda.Role{agenda.RoleRapporteur}, Mode: agenda.ModeOnsite},
			speaker("Ana Berg", agenda.ModeOnsite),
			speaker("Ben Okafor", agenda.ModeOnsite),
			speaker("Chloe Diaz", agenda.ModeOnline),
		},
		Segments: []agenda.Segment{
			{Title: "Opening", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
			{Title: "Panel", Kind: "discussion", Length: 30 * time.Minute,
				Speakers: []string{"Ana Berg", "Ben Okafor", "Chloe Diaz"}, Facilitators: []string{"Moderator"}},
			{Title: "Closing", Kind: "closing", Length: 5 * time.Minute, Facilitators: []string{"Moderator"}},
		},
	}
}

// breakoutSession is auditSession with two breakouts in parallel,
// 06:20–06:40: Ana Berg and Ben Okafor in track A, Chloe Diaz in track B;
// Ana Berg and Chloe Diaz speak again in the closing, 06:40–06:55.
func breakoutSession() *agenda.Session {
	s := auditSession()
	s.Segments = []agenda.Segment{
		s.Segments[0],
		{Title: "Breakout A", Kind: "discussion", Track: "A", Length: 20 * time.Minute, Speakers: []string{"Ana Berg", "Ben Okafor"}, Facilitators: []string{"Moderator"}},
		{Title: "Breakout B", Kind: "discussion", Track: "B", Length: 20 * time.Minute, Speakers: []string{"Chloe Diaz"}, Facilitators: []string{"Rapporteur"}},
		{Title: "Closing", Kind: "discussion", Length: 15 * time.Minute, Speakers: []string{"Ana Berg", "Chloe Diaz"}, Facilitators: []string{"Moderator"}},
	}
	return s
}

// auditPolicy promises onsite–online parity: Chloe Diaz, alone online, gets
// half of the panel's 30 minutes, and the two onsite speakers share the
// other half equally, 7m30s each.
// The 50/50 reading of the mode rule, so that the lone online speaker has half.
var auditPolicy = balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true, Target: "equal"}}}

// auditPlan plans auditSession under auditPolicy.
func auditPlan(t testing.TB) (*agenda.Session, *agenda.RunOfShow) {
	t.Helper()
	s := auditSession()
	ros, _, err := balance.Plan(s, auditPolicy)
	if err != nil {
		t.Fatal(err)
	}
	return s, ros
}

// auditLog is what was said on the panel, with one oddity of each kind:
//
//	0 Ana Berg     06:20:00–06:29:00  9m, 1m30s over her 7m30s
//	1 Chloe Diaz   06:29:00–06:41:00  12m
//	2 Ben Okafor   06:40:30–06:48:00  7m30s, starts 30s before Chloe is done: overlap
//	3 Rapporteur   06:48:00–06:49:00  1m, not a speaker
//	4 Audience     06:49:00–06:51:00  2m, nobody among the people
//	5 Ana Berg     06:54:00–06:56:00  2m, ending after the slot's 06:55
//	6 Ben Okafor   06:52:00–06:51:00  ends before it starts: nothing
//
// Ana Berg speaks 11m in all (3m30s over), Ben Okafor 7m30s (as planned),
// Chloe Diaz 12m (3m under).
func auditLog() *balance.Log {
	return &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 0)},
		{Name: "Chloe Diaz", Start: logUTC(6, 29, 0), End: logUTC(6, 41, 0)},
		{Name: "Ben Okafor", Start: logUTC(6, 40, 30), End: logUTC(6, 48, 0)},
		{Name: "Rapporteur", Start: logUTC(6, 48, 0), End: logUTC(6, 49, 0)},
		{Name: "Audience member", Start: logUTC(6, 49, 0), End: logUTC(6, 51, 0)},
		{Name: "Ana Berg", Start: logUTC(6, 54, 0), End: logUTC(6, 56, 0)},
		{Name: "Ben Okafor", Start: logUTC(6, 52, 0), End: logUTC(6, 51, 0)},
	}}
}

// auditCheckKept checks that AuditLog dropped nothing: every entry is one
// turn of one person, and the people's actual times add up to the entries'
// lengths, a backwards entry counting as nothing.
func auditCheckKept(t *testing.T, log *balance.Log, a *balance.Audit) {
	t.Helper()
	var want, got time.Duration
	for _, e := range log.Entries {
		want += max(0, e.End.Sub(e.Start))
	}
	turns := 0
	for _, p := range a.People {
		got += p.Actual
		turns += p.Turns
	}
	if got != want {
		t.Errorf("the people's actual times add up to %v, want the entries' %v", got, want)
	}
	if turns != len(log.Entries) {
		t.Errorf("the people's turns add up to %d, want %d, one per entry", turns, len(log.Entries))
	}
}

func TestAuditLog(t *testing.T) {
	s, ros := auditPlan(t)
	log := auditLog()
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}

	// The plan's speeches, read off the run-of-show, are what the audit
	// calls planned: 7m30s, 7m30s and 15m, as auditPolicy says.
	planned := ros.SpeakingTime()
	if diff := cmp.Diff(map[string]time.Duration{"Ana Berg": 7*time.Minute + 30*time.Second, "Ben Okafor": 7*time.Minute + 30*time.Second, "Chloe Diaz": 15 * time.Minute}, planned); diff != "" {
		t.Fatalf("the plan's speeches mismatch (-want +got):\n%s", diff)
	}

	// In the order of Session.People, speakers or not, then unknown names.
	want := []balance.PersonAudit{
		{Name: "Rapporteur", Known: true, Speaker: false, Planned: 0, Actual: time.Minute, Turns: 1},
		{Name: "Ana Berg", Known: true, Speaker: true, Planned: planned["Ana Berg"], Actual: 11 * time.Minute, Turns: 2},
		{Name: "Ben Okafor", Known: true, Speaker: true, Planned: planned["Ben Okafor"], Actual: 7*time.Minute + 30*time.Second, Turns: 2},
		{Name: "Chloe Diaz", Known: true, Speaker: true, Planned: planned["Chloe Diaz"], Actual: 12 * time.Minute, Turns: 1},
		{Name: "Audience member", Known: false, Speaker: false, Planned: 0, Actual: 2 * time.Minute, Turns: 1},
	}
	if diff := cmp.Diff(want, a.People); diff != "" {
		t.Errorf("People mismatch (-want +got):\n%s", diff)
	}
	auditCheckKept(t, log, a)

	wantOver := map[string]time.Duration{
		"Rapporteur":      time.Minute,
		"Ana Berg":        3*time.Minute + 30*time.Second,
		"Ben Okafor":      0,
		"Chloe Diaz":      -3 * time.Minute,
		"Audience member": 2 * time.Minute,
	}
	gotOver := map[string]time.Duration{}
	for _, p := range a.People {
		gotOver[p.Name] = p.Actual - p.Planned
	}
	if diff := cmp.Diff(wantOver, gotOver); diff != "" {
		t.Errorf("Over mismatch (-want +got):\n%s", diff)
	}

	wantProblems := []balance.LogProblem{
		{Entry: 2, Kind: "overlap", Text: "Ben Okafor (06:40:30–06:48:00) overlaps Chloe Diaz"},
		{Entry: 3, Kind: "not a speaker", Text: "Rapporteur speaks 1m but is listed as a speaker in no speaking segment"},
		{Entry: 4, Kind: "unknown name", Text: `"Audience member" is not among the session's people`},
		{Entry: 5, Kind: "outside slot", Text: "Ana Berg speaks 06:54:00–06:56:00, outside the slot 2023-10-10 06:15–06:55 UTC"},
		{Entry: 6, Kind: "end before start", Text: "Ben Okafor ends at 06:51:00, before starting at 06:52:00"},
	}
	if diff := cmp.Diff(wantProblems, a.Problems); diff != "" {
		t.Errorf("Problems mismatch (-want +got):\n%s", diff)
	}

	// The report of what was said counts the speakers only: 11m + 7m30s +
	// 12m. The moderator's minute is nobody's speaking time; the audience
	// member's 2 minutes are unattributed.
	if a.Actual.Source != "log" {
		t.Errorf("Actual.Source = %q, want %q", a.Actual.Source, "log")
	}
	if a.Planned == nil || a.Planned.Source != "plan" {
		t.Errorf("Planned = %+v, want a report of source %q", a.Planned, "plan")
	}
	type speakerTime struct {
		Name string
		Time time.Duration
	}
	var gotSpeakers []speakerTime
	for _, sp := range a.Actual.Speakers {
		gotSpeakers = append(gotSpeakers, speakerTime{sp.Name, sp.Time})
	}
	wantSpeakers := []speakerTime{{"Ana Berg", 11 * time.Minute}, {"Ben Okafor", 7*time.Minute + 30*time.Second}, {"Chloe Diaz", 12 * time.Minute}}
	if diff := cmp.Diff(wantSpeakers, gotSpeakers); diff != "" {
		t.Errorf("Actual.Speakers mismatch (-want +got):\n%s", diff)
	}
	if want := 30*time.Minute + 30*time.Second; a.Actual.Speaking != want {
		t.Errorf("Actual.Speaking = %v, want %v", a.Actual.Speaking, want)
	}
	var unattributed []balance.Finding
	for _, f := range a.Actual.Findings {
		if f.Kind == "unattributed" {
			unattributed = append(unattributed, f)
		}
	}
	wantUnattributed := []balance.Finding{{
		Kind:     "unattributed",
		Scope:    "plan",
		Severity: 100 * 2 / 32.5, // 2m of the 32m30s logged for speakers and nobody
		Text:     "2m of speaking time was logged for nobody among the session's people",
	}}
	if diff := cmp.Diff(wantUnattributed, unattributed, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("unattributed findings mismatch (-want +got):\n%s", diff)
	}
}

func TestAuditWithoutPlan(t *testing.T) {
	s := auditSession()
	// Ben Okafor never speaks; he still has a line, with no turns.
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "ana berg", Start: logUTC(6, 20, 0), End: logUTC(6, 30, 0)},
		{Name: "Chloe  Diaz ", Start: logUTC(6, 30, 0), End: logUTC(6, 45, 0)},
	}}
	a, err := balance.AuditLog(s, nil, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}
	if a.Planned != nil {
		t.Errorf("Planned = %+v, want nil without a run-of-show", a.Planned)
	}
	// Names match as Roster.Person matches them, and are shown as People
	// writes them.
	want := []balance.PersonAudit{
		{Name: "Ana Berg", Known: true, Speaker: true, Actual: 10 * time.Minute, Turns: 1},
		{Name: "Ben Okafor", Known: true, Speaker: true},
		{Name: "Chloe Diaz", Known: true, Speaker: true, Actual: 15 * time.Minute, Turns: 1},
	}
	if diff := cmp.Diff(want, a.People); diff != "" {
		t.Errorf("People mismatch (-want +got):\n%s", diff)
	}
	if len(a.Problems) != 0 {
		t.Errorf("Problems = %+v, want none", a.Problems)
	}
}

// TestAuditProblems gives each kind of problem its own log, and checks the
// entries it names, in the order of the log.
func TestAuditProblems(t *testing.T) {
	s, ros := auditPlan(t)
	unscheduled := auditSession()
	unscheduled.Slot.Start = time.Time{}
	at := func(d time.Duration) time.Time { return time.Time{}.Add(d) }
	breakouts := breakoutSession()
	e := func(name string, start, end time.Time) balance.Entry {
		return balance.Entry{Name: name, Start: start, End: end}
	}

	type problem struct {
		Entry int
		Kind  string
	}
	tests := []struct {
		name    string
		reason  string
		s       *agenda.Session
		entries []balance.Entry
		want    []problem
	}{{
		name:   "clean",
		reason: "back to back, inside the slot, all speakers: nothing to say",
		s:      s,
		entries: []balance.Entry{
			e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 27, 30)),
			e("Chloe Diaz", logUTC(6, 27, 30), logUTC(6, 42, 30)),
			e("Ben Okafor", logUTC(6, 42, 30), logUTC(6, 50, 0)),
		},
	}, {
		name:    "empty log",
		reason:  "no entries, no problems",
		s:       s,
		entries: nil,
	}, {
		name:    "unknown name",
		reason:  "a name nobody in the session has",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 27, 30)), e("Dana Novak", logUTC(6, 27, 30), logUTC(6, 30, 0))},
		want:    []problem{{1, "unknown name"}},
	}, {
		name:    "unknown name, every turn",
		reason:  "each of an unknown person's turns is listed",
		s:       s,
		entries: []balance.Entry{e("Audience", logUTC(6, 20, 0), logUTC(6, 21, 0)), e("Ana Berg", logUTC(6, 21, 0), logUTC(6, 22, 0)), e("audience", logUTC(6, 22, 0), logUTC(6, 23, 0))},
		want:    []problem{{0, "unknown name"}, {2, "unknown name"}},
	}, {
		name:    "other spelling",
		reason:  "case, spaces and the kind of apostrophe do not make a name unknown",
		s:       s,
		entries: []balance.Entry{e(" ANA  berg", logUTC(6, 20, 0), logUTC(6, 27, 30))},
	}, {
		name:    "overlap",
		reason:  "the later-starting of two overlapping entries is named",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 28, 0)), e("Chloe Diaz", logUTC(6, 27, 30), logUTC(6, 40, 0))},
		want:    []problem{{1, "overlap"}},
	}, {
		name:   "overlap with an earlier, longer entry",
		reason: "Ben's 06:35 start is after Chloe's end but within Ana's, which runs to 06:40",
		s:      s,
		entries: []balance.Entry{
			e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 40, 0)),
			e("Chloe Diaz", logUTC(6, 25, 0), logUTC(6, 30, 0)),
			e("Ben Okafor", logUTC(6, 35, 0), logUTC(6, 45, 0)),
		},
		want: []problem{{1, "overlap"}, {2, "overlap"}},
	}, {
		name:    "overlap out of order",
		reason:  "entries are compared by start, not by their place in the log: entry 0 starts inside entry 1",
		s:       s,
		entries: []balance.Entry{e("Chloe Diaz", logUTC(6, 30, 0), logUTC(6, 40, 0)), e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 31, 0))},
		want:    []problem{{0, "overlap"}},
	}, {
		name:    "touching",
		reason:  "one turn ending as the next starts is no overlap",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 30, 0)), e("Chloe Diaz", logUTC(6, 30, 0), logUTC(6, 40, 0))},
	}, {
		name:    "same start",
		reason:  "two entries starting together overlap; the second in the log is named",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 30, 0)), e("Chloe Diaz", logUTC(6, 20, 0), logUTC(6, 25, 0))},
		want:    []problem{{1, "overlap"}},
	}, {
		name:   "parallel breakouts",
		reason: "speeches of two tracks under way at once overlap nothing; Ana Berg, who also speaks in the closing, is in track A by the plan's time",
		s:      breakouts,
		entries: []balance.Entry{
			e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 30, 0)),
			e("Chloe Diaz", logUTC(6, 21, 0), logUTC(6, 35, 0)),
			e("Ben Okafor", logUTC(6, 30, 0), logUTC(6, 40, 0)),
		},
	}, {
		name:   "overlap within a breakout",
		reason: "Ben Okafor starts before Ana Berg, of his track, is done; Chloe Diaz, of the other, is no overlap",
		s:      breakouts,
		entries: []balance.Entry{
			e("Chloe Diaz", logUTC(6, 20, 0), logUTC(6, 40, 0)),
			e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 31, 0)),
			e("Ben Okafor", logUTC(6, 30, 0), logUTC(6, 40, 0)),
		},
		want: []problem{{2, "overlap"}},
	}, {
		name:   "plenary over a breakout",
		reason: "Ana Berg's closing speech starts before Chloe Diaz's breakout speech ends: the plenary overlaps every track",
		s:      breakouts,
		entries: []balance.Entry{
			e("Chloe Diaz", logUTC(6, 35, 0), logUTC(6, 42, 0)),
			e("Ana Berg", logUTC(6, 41, 0), logUTC(6, 50, 0)),
		},
		want: []problem{{1, "overlap"}},
	}, {
		name:    "before the slot",
		reason:  "a turn starting at 06:14, before the 06:15 start",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 14, 0), logUTC(6, 20, 0))},
		want:    []problem{{0, "outside slot"}},
	}, {
		name:    "after the slot",
		reason:  "a turn ending at 06:55:01, after the 06:55 end; ending at 06:55 is inside",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 50, 0), logUTC(6, 55, 0)), e("Ben Okafor", logUTC(6, 55, 0), logUTC(6, 55, 1))},
		want:    []problem{{1, "outside slot"}},
	}, {
		name:    "after an unscheduled slot",
		reason:  "an unscheduled slot runs from the zero time for its length, 40 minutes here",
		s:       unscheduled,
		entries: []balance.Entry{e("Ana Berg", at(30*time.Minute), at(40*time.Minute)), e("Ben Okafor", at(40*time.Minute), at(41*time.Minute))},
		want:    []problem{{1, "outside slot"}},
	}, {
		name:    "end before start",
		reason:  "a backwards entry counts as nothing",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 30, 0), logUTC(6, 20, 0))},
		want:    []problem{{0, "end before start"}},
	}, {
		name:    "not a speaker",
		reason:  "the rapporteur is among the people but listed as a speaker in no segment, and facilitates none",
		s:       s,
		entries: []balance.Entry{e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 27, 30)), e("Rapporteur", logUTC(6, 27, 30), logUTC(6, 28, 0))},
		want:    []problem{{1, "not a speaker"}},
	}, {
		name:    "a moderator",
		reason:  "the moderator speaks in no segment but facilitates them: their time is moderation, not odd",
		s:       s,
		entries: []balance.Entry{e("Moderator", logUTC(6, 15, 0), logUTC(6, 16, 0)), e("Ana Berg", logUTC(6, 20, 0), logUTC(6, 27, 30))},
	}, {
		name:   "several at once",
		reason: "one entry can be odd in several ways; its problems come in the order overlap, backwards, outside, name",
		s:      s,
		entries: []balance.Entry{
			e("Ana Berg", logUTC(6, 10, 0), logUTC(6, 30, 0)),
			e("Nobody", logUTC(6, 14, 0), logUTC(6, 12, 0)),
		},
		want: []problem{
			{0, "outside slot"},
			{1, "overlap"}, {1, "end before start"}, {1, "outside slot"}, {1, "unknown name"},
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := &balance.Log{Entries: tc.entries}
			a, err := balance.AuditLog(tc.s, ros, auditPolicy, log)
			if err != nil {
				t.Fatal(err)
			}
			var got []problem
			for _, p := range a.Problems {
				got = append(got, problem{p.Entry, p.Kind})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Problems mismatch (-want +got):\n%s\nreason: %s\nall: %+v", diff, tc.reason, a.Problems)
			}
			auditCheckKept(t, log, a)
		})
	}
}

// TestAuditUnattributed checks that time logged for unknown names is not
// lost: it is in People, and in a finding of the report of what was said,
// though not in the speakers' time.
func TestAuditUnattributed(t *testing.T) {
	s, ros := auditPlan(t)
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: logUTC(6, 20, 0), End: logUTC(6, 29, 0)},
		{Name: "Audience member", Start: logUTC(6, 29, 0), End: logUTC(6, 30, 0)},
		{Name: "Remote participant", Start: logUTC(6, 30, 0), End: logUTC(6, 30, 30)},
		{Name: "audience member", Start: logUTC(6, 30, 30), End: logUTC(6, 31, 0)},
	}}
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}
	if want := 9 * time.Minute; a.Actual.Speaking != want {
		t.Errorf("Actual.Speaking = %v, want only Ana Berg's %v", a.Actual.Speaking, want)
	}
	var got []balance.Finding
	for _, f := range a.Actual.Findings {
		if f.Kind == "unattributed" {
			got = append(got, f)
		}
	}
	want := []balance.Finding{{
		Kind:     "unattributed",
		Scope:    "plan",
		Severity: 100 * 2 / 11.0, // 1m30s + 30s of the 11m logged
		Text:     "2m of speaking time was logged for nobody among the session's people",
	}}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("unattributed findings mismatch (-want +got):\n%s", diff)
	}
	// The unknown names come after the session's people, by name key; two
	// spellings of one name are one line, named as first written.
	var names []string
	for _, p := range a.People {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"Ana Berg", "Ben Okafor", "Chloe Diaz", "Audience member", "Remote participant"}, names); diff != "" {
		t.Errorf("People mismatch (-want +got):\n%s", diff)
	}
	auditCheckKept(t, log, a)
}

func TestAuditLogPolicyError(t *testing.T) {
	s, ros := auditPlan(t)
	_, err := balance.AuditLog(s, ros, balance.Policy{Step: time.Millisecond}, auditLog())
	if err == nil {
		t.Fatal("AuditLog with a policy of 1ms steps: no error")
	}
}
