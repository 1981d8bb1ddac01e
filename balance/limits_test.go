package balance_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// limitSession returns a valid hybrid session of exactly people people, a
// moderator, an online moderator and speakers of random modes and groups
// (the same for the same arguments), spread over segs discussion segments
// of four minutes a speaker.
func limitSession(people, segs int) *agenda.Session {
	rng := rand.New(rand.NewPCG(uint64(people), uint64(segs)))
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	s := &agenda.Session{
		Title:  fmt.Sprintf("%d people over %d segments", people, segs),
		Format: agenda.FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC)},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		},
	}
	for i := range people - 2 {
		s.People = append(s.People, agenda.Person{
			Name: fmt.Sprintf("Speaker %04d", i), Roles: []agenda.Role{agenda.RoleSpeaker},
			Mode:        []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[rng.IntN(2)],
			Stakeholder: stakeholders[rng.IntN(len(stakeholders))], Region: regions[rng.IntN(len(regions))],
		})
	}
	for k := range segs {
		s.Segments = append(s.Segments, agenda.Segment{Title: fmt.Sprintf("Discussion %d", k+1), Kind: "discussion",
			Length: 4 * time.Minute, Facilitators: []string{"Moderator"}})
	}
	for i, p := range s.People[2:] {
		seg := &s.Segments[i%segs]
		seg.Speakers = append(seg.Speakers, p.Name)
	}
	for k := range s.Segments {
		seg := &s.Segments[k]
		seg.Length = time.Duration(max(1, len(seg.Speakers))) * 4 * time.Minute
		s.Slot.Length += seg.Length
	}
	return s
}

// limitLog is a log of n turns of one second each, back to back from the
// session's start, by its first speaker.
func limitLog(s *agenda.Session, n int) *balance.Log {
	log := &balance.Log{Entries: make([]balance.Entry, n)}
	for i := range log.Entries {
		start := s.Slot.Start.Add(time.Duration(i) * time.Second)
		log.Entries[i] = balance.Entry{Name: s.People[2].Name, Start: start, End: start.Add(time.Second)}
	}
	return log
}

// checkLimit checks that err is nil when want is nil, and otherwise that
// it matches agenda.ErrTooLarge and holds a *agenda.LimitError equal to
// want, and that its text names the limit.
func checkLimit(t *testing.T, err error, want *agenda.LimitError) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("at the limit: %v, want no error", err)
		}
		return
	}
	if !errors.Is(err, agenda.ErrTooLarge) {
		t.Fatalf("past the limit: %v, want an error matching agenda.ErrTooLarge", err)
	}
	var got *agenda.LimitError
	if !errors.As(err, &got) {
		t.Fatalf("past the limit: %T %v, want an *agenda.LimitError inside", err, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LimitError mismatch (-want +got):\n%s", diff)
	}
	for _, part := range []string{want.What, want.Limit, fmt.Sprint(want.Max)} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not name %q", err, part)
		}
	}
}

// TestSessionLimits runs every function of the package that takes a
// session at agenda.MaxPeople and agenda.MaxSegments, where it must work,
// and one past, where it must refuse the session before any other work with
// the *agenda.LimitError of agenda.Session.CheckSize; a Go program can
// build a session that was never validated.
func TestSessionLimits(t *testing.T) {
	entries := []struct {
		name string
		run  func(*agenda.Session) error
	}{
		{"Allocate", func(s *agenda.Session) error { _, err := balance.Allocate(s, balance.Policy{}); return err }},
		{"Plan", func(s *agenda.Session) error { _, _, err := balance.Plan(s, balance.Policy{}); return err }},
		{"DraftReport", func(s *agenda.Session) error { _, err := balance.DraftReport(s, balance.Policy{}); return err }},
		{"PlanReport", func(s *agenda.Session) error {
			ros, _, err := balance.Plan(s, balance.Policy{})
			if err != nil {
				ros = &agenda.RunOfShow{Session: s} // a run-of-show made by hand
			}
			_, err = balance.PlanReport(ros, balance.Policy{})
			return err
		}},
		{"AuditLog", func(s *agenda.Session) error {
			_, err := balance.AuditLog(s, nil, balance.Policy{}, limitLog(s, 10))
			return err
		}},
		{"Rest", func(s *agenda.Session) error {
			_, err := balance.Rest(s, limitLog(s, 10), s.Slot.Start.Add(time.Minute))
			return err
		}},
		{"Replan", func(s *agenda.Session) error {
			_, _, err := balance.Replan(s, balance.Policy{}, limitLog(s, 10), s.Slot.Start.Add(time.Minute))
			return err
		}},
	}
	sizes := []struct {
		name    string
		session *agenda.Session
		want    *agenda.LimitError
	}{
		{"people", limitSession(agenda.MaxPeople, 10), nil},
		{"people+1", limitSession(agenda.MaxPeople+1, 10), &agenda.LimitError{What: "people", Count: agenda.MaxPeople + 1, Max: agenda.MaxPeople, Limit: "agenda.MaxPeople"}},
		{"segments", limitSession(2*agenda.MaxSegments, agenda.MaxSegments), nil},
		{"segments+1", limitSession(2*agenda.MaxSegments, agenda.MaxSegments+1), &agenda.LimitError{What: "segments", Count: agenda.MaxSegments + 1, Max: agenda.MaxSegments, Limit: "agenda.MaxSegments"}},
	}
	for _, size := range sizes {
		for _, e := range entries {
			t.Run(e.name+"/"+size.name, func(t *testing.T) {
				checkLimit(t, e.run(size.session), size.want)
			})
		}
	}
}

// TestLogLimits reads, audits and re-plans logs of balance.MaxLogEntries
// entries, which must work, and of one more, which must fail with a
// *LogError wrapping an *agenda.LimitError.
func TestLogLimits(t *testing.T) {
	s := limitSession(10, 1)
	s.Slot.Length = (balance.MaxLogEntries + 1) * time.Second // every entry inside the slot
	past := &agenda.LimitError{What: "log entries", Count: balance.MaxLogEntries + 1, Max: balance.MaxLogEntries, Limit: "balance.MaxLogEntries"}
	csvLog := func(n int) string {
		var b strings.Builder
		b.WriteString("name,start,end\n")
		b.WriteString(strings.Repeat("S,0:00:00,0:00:01\n", n))
		return b.String()
	}
	jsonLog := func(n int) string {
		return `{"entries": [` + strings.TrimSuffix(strings.Repeat(`{"name": "S"},`, n), ",") + `]}`
	}
	unscheduled := &agenda.Session{Slot: timeslot.Slot{Length: 30 * time.Hour}} // clock times count from the start
	tests := []struct {
		name string
		run  func(n int) error
		want *agenda.LimitError // past the limit
		line int                // of a CSV log, where reading stopped
	}{
		{"ReadLogCSV", func(n int) error { _, err := balance.ReadLogCSV(strings.NewReader(csvLog(n)), unscheduled); return err },
			&agenda.LimitError{What: "log entries", Max: balance.MaxLogEntries, Limit: "balance.MaxLogEntries"}, balance.MaxLogEntries + 2},
		{"ReadLogJSON", func(n int) error { _, err := balance.ReadLogJSON(strings.NewReader(jsonLog(n))); return err }, past, 0},
		{"AuditLog", func(n int) error { _, err := balance.AuditLog(s, nil, balance.Policy{}, limitLog(s, n)); return err }, past, 0},
		{"Rest", func(n int) error { _, err := balance.Rest(s, limitLog(s, n), s.Slot.Start.Add(time.Hour)); return err }, past, 0},
		{"Replan", func(n int) error {
			_, _, err := balance.Replan(s, balance.Policy{}, limitLog(s, n), s.Slot.Start.Add(time.Hour))
			return err
		}, past, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLimit(t, tt.run(balance.MaxLogEntries), nil)
			err := tt.run(balance.MaxLogEntries + 1)
			checkLimit(t, err, tt.want)
			var le *balance.LogError
			if !errors.As(err, &le) || le.Field != "entries" || le.Line != tt.line {
				t.Errorf("%v, want a *LogError of the entries at line %d", err, tt.line)
			}
		})
	}
}

// TestLogBytesLimit: a CSV or JSON log of more than agenda.MaxBytes is
// refused, matching agenda.ErrTooLarge.
func TestLogBytesLimit(t *testing.T) {
	big := "name,start,end\n" + strings.Repeat("#", agenda.MaxBytes)
	past := &agenda.LimitError{What: "bytes", Max: agenda.MaxBytes, Limit: "agenda.MaxBytes"}
	_, err := balance.ReadLogCSV(strings.NewReader(big), &agenda.Session{})
	checkLimit(t, err, past)
	_, err = balance.ReadLogJSON(strings.NewReader(big))
	checkLimit(t, err, past)
}

// BenchmarkLimits measures validating and planning a session, and reading
// and auditing a log, at a tenth, a quarter, half and all of
// agenda.MaxPeople and balance.MaxLogEntries, so that B/op shows memory
// growing in proportion: B/person and B/entry stay flat. The last
// ValidatePlan is MaxPeople people over 20 speaking segments.
func BenchmarkLimits(b *testing.B) {
	plan := func(s *agenda.Session) func() error {
		return func() error {
			if err := s.Validate(); err != nil {
				return err
			}
			_, _, err := balance.Plan(s, balance.Policy{})
			return err
		}
	}
	for _, n := range []int{agenda.MaxPeople / 10, agenda.MaxPeople / 4, agenda.MaxPeople / 2, agenda.MaxPeople} {
		b.Run(fmt.Sprintf("ValidatePlan/people=%d", n), func(b *testing.B) {
			measure(b, n, "person", plan(limitSession(n, 10)))
		})
	}
	// MaxPeople speakers over MaxSegments segments, each speaker of one of
	// 50 kinds in each segment, are 5,000 types of speaker, past
	// balance.MaxProgramme (they took 7 s and 360 MB): 20 segments are the
	// most such a session plans in.
	b.Run(fmt.Sprintf("ValidatePlan/people=%d/segments=20", agenda.MaxPeople), func(b *testing.B) {
		measure(b, agenda.MaxPeople, "person", plan(limitSession(agenda.MaxPeople, 20)))
	})
	s := limitSession(10, 1)
	s.Slot.Length = balance.MaxLogEntries * time.Second
	for _, n := range []int{balance.MaxLogEntries / 10, balance.MaxLogEntries / 4, balance.MaxLogEntries / 2, balance.MaxLogEntries} {
		log := limitLog(s, n)
		var csv strings.Builder
		csv.WriteString("name,start,end\n")
		for _, e := range log.Entries {
			fmt.Fprintf(&csv, "%s,%s,%s\n", e.Name, e.Start.Format("15:04:05"), e.End.Format("15:04:05"))
		}
		b.Run(fmt.Sprintf("ReadLogCSV/entries=%d", n), func(b *testing.B) {
			measure(b, n, "entry", func() error {
				_, err := balance.ReadLogCSV(strings.NewReader(csv.String()), s)
				return err
			})
		})
		b.Run(fmt.Sprintf("AuditLog/entries=%d", n), func(b *testing.B) {
			measure(b, n, "entry", func() error {
				_, err := balance.AuditLog(s, nil, balance.Policy{}, log)
				return err
			})
		})
	}
}

// measure runs f in a benchmark loop and reports, besides ns/op and B/op,
// the bytes allocated per op for each of n units.
func measure(b *testing.B, n int, unit string, f func() error) {
	b.Helper()
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(n), "B/"+unit)
}

// programmeSession has segs discussion segments of per speakers each, every
// speaker in two neighbouring segments and of a type of their own (mode,
// stakeholder and region varied): the programme's shape that grows
// fastest, a row and many columns for every speaker.
func programmeSession(segs, per int) *agenda.Session {
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	s := &agenda.Session{
		Title: fmt.Sprintf("%d segments of %d speakers", segs, per), Format: agenda.FormatHybrid,
		Slot: timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC)},
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		},
	}
	n := segs * per / 2
	for i := range n {
		s.People = append(s.People, agenda.Person{Name: fmt.Sprintf("Speaker %04d", i), Roles: []agenda.Role{agenda.RoleSpeaker},
			Mode: []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[i%2], Stakeholder: stakeholders[i/2%5], Region: regions[i/10%5]})
	}
	for k := range segs {
		seg := agenda.Segment{Title: fmt.Sprintf("Discussion %d", k+1), Kind: agenda.SegmentKind("discussion"), Length: 30 * time.Minute,
			Facilitators: []string{"Moderator", "Online moderator"}}
		for j := range per {
			seg.Speakers = append(seg.Speakers, s.People[2+(k*per/2+j)%n].Name)
		}
		s.Segments = append(s.Segments, seg)
	}
	s.Slot.Length = time.Duration(segs) * 30 * time.Minute
	return s
}

// TestMaxProgramme: a programme past balance.MaxProgramme is refused with
// an *agenda.LimitError before its tableau is built; one within it plans.
func TestMaxProgramme(t *testing.T) {
	for _, tt := range []struct {
		name    string
		segs    int
		per     int
		refused bool
		reason  string
	}{
		{"within", 20, 10, false, "100 speakers of their own types in 20 segments"},
		{"past", 100, 14, true, "700 speakers of their own types, each in two of 100 segments"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := programmeSession(tt.segs, tt.per)
			if err := s.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			_, _, err := balance.Plan(s, balance.HybridPromise())
			var le *agenda.LimitError
			switch {
			case tt.refused && (!errors.Is(err, agenda.ErrTooLarge) || !errors.As(err, &le) || le.Limit != "balance.MaxProgramme" || le.Count <= balance.MaxProgramme):
				t.Errorf("Plan: %v, want the *agenda.LimitError of balance.MaxProgramme: %s", err, tt.reason)
			case !tt.refused && err != nil:
				t.Errorf("Plan: %v: %s", err, tt.reason)
			}
		})
	}
}

// BenchmarkMaxProgramme plans the costliest programme found within
// balance.MaxProgramme: 30 segments of 14 speakers, each speaker in two of
// them and of a type of their own (README.md, "Limits").
func BenchmarkMaxProgramme(b *testing.B) {
	s := programmeSession(30, 14)
	p := balance.HybridPromise()
	if _, _, err := balance.Plan(s, p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		balance.Plan(s, p)
	}
}
