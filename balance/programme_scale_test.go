package balance_test

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// progPolicy is the policy the examples plan under, balance.HybridPromise:
// onsite and online speakers evenly weighted (a hard rule), stakeholder
// and regional groups balanced, a minute for the moderator to open each
// discussion and 30 seconds to hand the floor to an online speaker.
var progPolicy = balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}, Intro: time.Minute, OnlineHandover: 30 * time.Second}

// progSeed is the seed of the programmes below.
const progSeed = 2023

// progFull is the programme of the issue: 300 sessions of 2,000 people over
// 4 days in 12 rooms. progSmall is a quarter of it, for the tests that plan
// it several times (under -race too).
var (
	progFull  = defaultProgrammeSpec(progSeed, 300, 2000, 4, 12)
	progSmall = defaultProgrammeSpec(progSeed, 75, 500, 4, 3)
)

// progErrors compares errors by their text, the only thing every error
// value offers.
var progErrors = gocmp.Comparer(func(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Error() == b.Error()
})

// TestGenerateProgramme checks that the generator is deterministic and
// that what it makes is shaped as it says: a different seed gives a
// different programme; WEOG has the most speakers; most people are in one
// session, a few in four or more; every session is scheduled in the forum's
// days, between 09:00 and 18:00 in Asia/Tokyo.
func TestGenerateProgramme(t *testing.T) {
	for _, spec := range []programmeSpec{progFull, progSmall} {
		t.Run(fmt.Sprint(spec.Sessions), func(t *testing.T) {
			p1, planted1 := spec.generate()
			p2, planted2 := spec.generate()
			if diff := gocmp.Diff(p1, p2); diff != "" {
				t.Fatalf("the same seed gives two programmes (-first +second):\n%s", diff)
			}
			if diff := gocmp.Diff(planted1, planted2, cmpopts.EquateErrors()); diff != "" {
				t.Fatalf("the same seed plants different problems (-first +second):\n%s", diff)
			}
			other := generateProgramme(spec.Seed+1, spec.Sessions, spec.People, spec.Days, spec.Rooms)
			if slices.EqualFunc(p1.Sessions, other.Sessions, func(a, b agenda.Session) bool {
				return a.Title == b.Title && a.Slot.Start.Equal(b.Slot.Start) && a.People[0].Name == b.People[0].Name
			}) {
				t.Errorf("seeds %d and %d give the same programme", spec.Seed, spec.Seed+1)
			}
			if len(p1.Sessions) != spec.Sessions {
				t.Errorf("%d sessions, want %d", len(p1.Sessions), spec.Sessions)
			}

			first := time.Date(2023, time.October, 9, 0, 0, 0, 0, p1.Sessions[0].Slot.Start.Location())
			if name := first.Location().String(); name != "Asia/Tokyo" {
				t.Errorf("sessions in %s, want Asia/Tokyo", name)
			}
			for i, s := range p1.Sessions {
				start, end := s.Slot.Start, s.Slot.End()
				day := int(start.Sub(first) / (24 * time.Hour))
				at := start.Sub(first.AddDate(0, 0, day))
				if day < 0 || day >= spec.Days || at < 9*time.Hour || at+s.Slot.Length > 18*time.Hour || end.Day() != start.Day() {
					t.Errorf("sessions[%d] %q at %s, outside the forum's days", i, s.Title, s.Slot)
				}
			}

			attendees, _ := p1.Attendees()
			sessions := map[int]int{} // how many people are in n sessions
			for _, a := range attendees {
				sessions[len(a.Appearances)]++
			}
			regions := map[agenda.Region]int{}
			formats := map[agenda.Format]int{}
			for _, s := range p1.Sessions {
				formats[s.Format]++
				for _, p := range s.People {
					if slices.Contains(p.Roles, agenda.RoleSpeaker) {
						regions[p.Region]++
					}
				}
			}
			t.Logf("%d attendees of a pool of %d; people by the sessions they are in: %v", len(attendees), spec.People, sessions)
			t.Logf("speaker entries by region: %v; sessions by format: %v; planted: %d", regions, formats, len(planted1))
			if most := slices.MaxFunc(slices.Collect(maps.Keys(regions)), func(a, b agenda.Region) int { return cmp.Compare(regions[a], regions[b]) }); most != agenda.Region("WEOG") {
				t.Errorf("%s has the most speakers, want WEOG: %v", most, regions)
			}
			var many int
			for n, count := range sessions {
				if n >= 4 {
					many += count
				}
			}
			if sessions[1] < len(attendees)/2 || many == 0 || many > len(attendees)/10 {
				t.Errorf("people by the sessions they are in: %v, want most in one and a few in four or more", sessions)
			}
		})
	}
}

// TestProgrammeValidateFindsPlanted checks that every generated session
// validates on its own, and that Programme.Validate finds exactly the
// problems the generator planted, each a *agenda.ConflictError.
func TestProgrammeValidateFindsPlanted(t *testing.T) {
	for _, spec := range []programmeSpec{progFull, progSmall} {
		t.Run(fmt.Sprint(spec.Sessions), func(t *testing.T) {
			prog, planted := spec.generate()
			for i := range prog.Sessions {
				if err := prog.Sessions[i].Validate(); err != nil {
					t.Errorf("sessions[%d] %q does not validate:\n%v", i, prog.Sessions[i].Title, err)
				}
			}
			want := map[error]int{agenda.ErrPersonOverlap: spec.Overlaps, agenda.ErrRoomOverlap: spec.RoomClashes, agenda.ErrTooManySessions: spec.OverLimit}
			got := map[error]int{}
			for _, c := range planted {
				got[c.Err]++
			}
			if diff := gocmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("the generator did not plant what it was asked to (-want +got):\n%s", diff)
			}

			err := prog.Validate()
			var found []plantedConflict
			for _, e := range progUnjoin(err) {
				var ce *agenda.ConflictError
				if !errors.As(e, &ce) {
					t.Errorf("Validate: %v is a %T, want a *agenda.ConflictError", e, e)
					continue
				}
				c := plantedConflict{Err: ce.Err, Person: ce.Person, Room: ce.Room}
				for _, r := range ce.Sessions {
					c.Sessions = append(c.Sessions, r.Index)
				}
				if ce.Err == agenda.ErrTooManySessions && ce.Limit != agenda.IGFSessionsPerSpeaker {
					t.Errorf("%v: limit %d, want %d", ce, ce.Limit, agenda.IGFSessionsPerSpeaker)
				}
				found = append(found, c)
			}
			sortConflicts(planted)
			sortConflicts(found)
			if diff := gocmp.Diff(planted, found, cmpopts.EquateErrors(), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Validate finds other problems than the planted (-planted +found):\n%s\n%v", diff, err)
			}
		})
	}
}

func sortConflicts(cs []plantedConflict) {
	slices.SortFunc(cs, func(a, b plantedConflict) int {
		return cmp.Or(strings.Compare(a.Err.Error(), b.Err.Error()), strings.Compare(a.Person, b.Person),
			strings.Compare(a.Room, b.Room), slices.Compare(a.Sessions, b.Sessions))
	})
}

// progUnjoin returns the errors err joins, or err alone.
func progUnjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// withProcs runs f with runtime.GOMAXPROCS(n), and restores it.
func withProcs(n int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
	f()
}

// TestPlanProgrammeMatchesSequential checks that PlanProgramme, which plans
// on all cores, gives what planning the sessions one at a time with Plan
// gives: the same run-of-shows and errors, on one core, on all, and with
// more goroutines than cores, run after run.
func TestPlanProgrammeMatchesSequential(t *testing.T) {
	prog, _ := progSmall.generate()
	want := make([]*agenda.RunOfShow, len(prog.Sessions))
	var wantErrs []error
	for i := range prog.Sessions {
		ros, _, err := balance.Plan(&prog.Sessions[i], progPolicy)
		if err != nil {
			wantErrs = append(wantErrs, &balance.ProgrammeError{Index: i, Title: prog.Sessions[i].Title, Err: err})
			continue
		}
		want[i] = ros
	}
	if len(wantErrs) > 0 {
		t.Errorf("%d generated sessions cannot be planned, want none:\n%v", len(wantErrs), errors.Join(wantErrs...))
	}
	wantErr := errors.Join(wantErrs...)
	for _, run := range []struct {
		name  string
		procs int
	}{
		{"one core", 1},
		{"all cores", runtime.NumCPU()},
		{"all cores again", runtime.NumCPU()},
		{"more goroutines than cores", 4 * runtime.NumCPU()},
	} {
		t.Run(run.name, func(t *testing.T) {
			var got []*agenda.RunOfShow
			var err error
			withProcs(run.procs, func() { got, err = balance.PlanProgramme(prog, progPolicy) })
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("PlanProgramme on %d procs differs from planning one at a time (-sequential +parallel):\n%s", run.procs, diff)
			}
			if diff := gocmp.Diff(wantErr, err, progErrors); diff != "" {
				t.Errorf("PlanProgramme on %d procs: errors differ from planning one at a time (-sequential +parallel):\n%s", run.procs, diff)
			}
		})
	}
}

// TestForumReportAtScale checks that ForumReport is deterministic, the
// same on all cores as on one, and that its totals are those of the plans: each
// dimension's groups hold the planned speaking time and the distinct
// speakers with a value in it, and no group has more speakers than the
// programme.
func TestForumReportAtScale(t *testing.T) {
	prog, _ := progSmall.generate()
	var reports []*balance.Forum
	for _, procs := range []int{runtime.NumCPU(), 1} {
		withProcs(procs, func() {
			f, err := balance.ForumReport(prog, progPolicy, balance.Presets())
			if err != nil {
				t.Fatal(err)
			}
			reports = append(reports, f)
		})
	}
	for _, f := range reports[1:] {
		if diff := gocmp.Diff(reports[0], f, progErrors); diff != "" {
			t.Fatalf("ForumReport differs from one run to the next (-first +later):\n%s", diff)
		}
	}
	f := reports[0]

	plans, err := balance.PlanProgramme(prog, progPolicy)
	if err != nil {
		t.Fatalf("PlanProgramme: %v", err)
	}
	type group struct {
		people map[string]bool
		time   time.Duration
	}
	dims := balance.ForumDimensions()
	groups := make([]map[string]*group, len(dims))
	unknown := make([]map[string]bool, len(dims))
	totals := make([]time.Duration, len(dims))
	for d := range dims {
		groups[d], unknown[d] = map[string]*group{}, map[string]bool{}
	}
	speakers := map[string]bool{}
	for i, ros := range plans {
		s := &prog.Sessions[i]
		if f.Sessions[i].Err != nil {
			t.Errorf("sessions[%d]: %v", i, f.Sessions[i].Err)
		}
		times := ros.SpeakingTime()
		for _, name := range slices.Sorted(maps.Keys(times)) {
			person, ok := s.Roster().Person(name)
			if !ok {
				t.Fatalf("sessions[%d]: %q speaks but is not among the people", i, name)
			}
			speakers[name] = true
			for d, dim := range dims {
				var value string
				switch dim.By {
				case balance.ByMode:
					value = string(person.Mode)
					if s.Format != agenda.FormatHybrid {
						value = string(s.Format)
					}
				case balance.ByStakeholder:
					value = string(person.Stakeholder)
				case balance.ByRegion:
					value = string(person.Region)
				case balance.ByGender:
					value = strings.ToLower(strings.TrimSpace(person.Gender))
				}
				if value == "" {
					unknown[d][name] = true
					continue
				}
				if groups[d][value] == nil {
					groups[d][value] = &group{people: map[string]bool{}}
				}
				groups[d][value].people[name] = true
				groups[d][value].time += times[name]
				if dim.By != balance.ByRegion || value != string("Intergovernmental Organization") {
					totals[d] += times[name] // an IGO is no UN regional group: not in the shares
				}
			}
		}
	}
	if f.Speakers != len(speakers) {
		t.Errorf("Speakers = %d, want %d distinct people who speak in the plans", f.Speakers, len(speakers))
	}
	if len(f.Dimensions) != len(dims) {
		t.Fatalf("%d dimensions, want %d", len(f.Dimensions), len(dims))
	}
	for d, fd := range f.Dimensions {
		var sum time.Duration
		var share float64
		for _, g := range fd.Groups {
			if g.Outside != (fd.Dimension.By == balance.ByRegion && g.Group == string("Intergovernmental Organization")) {
				t.Errorf("%s %s: Outside %v", fd.Dimension.Name(), g.Group, g.Outside)
			}
			if g.Outside {
				if g.Share != 0 || g.Target != 0 {
					t.Errorf("%s %s: outside the set, but share %v, target %v", fd.Dimension.Name(), g.Group, g.Share, g.Target)
				}
				continue
			}
			sum += g.Time
			share += g.Share
			if g.Speakers > f.Speakers {
				t.Errorf("%s %s: %d speakers, more than the %d of the programme", fd.Dimension.Name(), g.Group, g.Speakers, f.Speakers)
			}
		}
		if sum != fd.Time || fd.Time != totals[d] {
			t.Errorf("%s: groups' time %v, Time %v, want the planned speaking time of the people with a value, %v", fd.Dimension.Name(), sum, fd.Time, totals[d])
		}
		if fd.Time > 0 && (share < 1-1e-9 || share > 1+1e-9) {
			t.Errorf("%s: shares add up to %v, want 1", fd.Dimension.Name(), share)
		}
		want := make(map[string][2]int64, len(groups[d]))
		for name, g := range groups[d] {
			want[name] = [2]int64{int64(len(g.people)), int64(g.time)}
		}
		got := make(map[string][2]int64, len(fd.Groups))
		for _, g := range fd.Groups {
			got[g.Group] = [2]int64{int64(g.Speakers), int64(g.Time)}
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("%s: groups (speakers, time) differ from the plans (-plans +report):\n%s", fd.Dimension.Name(), diff)
		}
		if fd.Unknown != len(unknown[d]) {
			t.Errorf("%s: Unknown = %d, want %d", fd.Dimension.Name(), fd.Unknown, len(unknown[d]))
		}
	}
}

// progSizes are the sizes the benchmarks run at: the programme (300
// sessions of 2,000 people in 12 rooms over 4 days) times a quarter, a
// half, one, two and four, with rooms in proportion.
var progSizes = []float64{0.25, 0.5, 1, 2, 4}

// benchProgrammes runs f on a programme of each size, as a sub-benchmark
// named by its sessions, and reports the bytes allocated per session.
func benchProgrammes(b *testing.B, f func(b *testing.B, prog *agenda.Programme)) {
	for _, scale := range progSizes {
		spec := defaultProgrammeSpec(progSeed, int(300*scale), int(2000*scale), 4, int(12*scale))
		b.Run(fmt.Sprintf("sessions=%d", spec.Sessions), func(b *testing.B) {
			prog, _ := spec.generate()
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				f(b, prog)
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(prog.Sessions)), "B/session")
		})
	}
}

// BenchmarkProgrammeValidate measures Programme.Validate: every session on
// its own, then people, rooms and sessions per speaker across them.
func BenchmarkProgrammeValidate(b *testing.B) {
	benchProgrammes(b, func(b *testing.B, prog *agenda.Programme) {
		if err := prog.Validate(); err == nil {
			b.Fatal("Validate finds nothing, want the planted problems")
		}
	})
}

// BenchmarkForumReport measures ForumReport with the IGF presets: planning
// every session on all cores, reporting each, checking the presets and
// adding up the programme.
func BenchmarkForumReport(b *testing.B) {
	presets := balance.Presets()
	benchProgrammes(b, func(b *testing.B, prog *agenda.Programme) {
		if _, err := balance.ForumReport(prog, progPolicy, presets); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkValidateAndReport measures what a programme committee runs on a
// programme: Validate, then ForumReport with the IGF presets. The issue's
// target is 100 ms at 300 sessions.
func BenchmarkValidateAndReport(b *testing.B) {
	benchProgrammes(b, func(b *testing.B, prog *agenda.Programme) {
		if err := prog.Validate(); err == nil {
			b.Fatal("Validate finds nothing, want the planted problems")
		}
		if _, err := balance.ForumReport(prog, progPolicy, balance.Presets()); err != nil {
			b.Fatal(err)
		}
	})
}
