package seeds_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// counts is what a seed says about its people.
type counts struct {
	People     int
	ByRole     map[agenda.Role]int
	ByMode     map[agenda.Mode]int        // of speakers
	ByRegion   map[agenda.Region]int      // of speakers
	ByStake    map[agenda.Stakeholder]int // of speakers
	SpeakTwice int                        // organizers who also speak
	Private    map[string][]string        // name -> private fields
}

func tally(s *agenda.Session) counts {
	c := counts{
		People: len(s.People), ByRole: map[agenda.Role]int{}, ByMode: map[agenda.Mode]int{},
		ByRegion: map[agenda.Region]int{}, ByStake: map[agenda.Stakeholder]int{}, Private: map[string][]string{},
	}
	for _, p := range s.People {
		for _, r := range p.Roles {
			c.ByRole[r]++
		}
		if slices.Contains(p.Roles, agenda.RoleSpeaker) {
			c.ByMode[p.Mode]++
			c.ByRegion[p.Region]++
			c.ByStake[p.Stakeholder]++
			if slices.Contains(p.Roles, agenda.RoleOrganizer) {
				c.SpeakTwice++
			}
		}
		if len(p.Private) > 0 {
			c.Private[p.Name] = p.Private
		}
	}
	return c
}

func load(t *testing.T, name string) *agenda.Session {
	t.Helper()
	s, err := seeds.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeedsDecodeValidateRoundTrip(t *testing.T) {
	if got := len(seeds.Names()); got != 5 {
		t.Fatalf("got %d seeds, want the 5 source sessions", got)
	}
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			if err := s.Validate(); err != nil {
				t.Errorf("Validate() = %v, want no problems", err)
			}
			first, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			again := new(agenda.Session)
			if err := json.Unmarshal(first, again); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(s, again); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
			if s.Slot.Start.Location().String() != again.Slot.Start.Location().String() {
				t.Errorf("slot zone %q came back as %q", s.Slot.Start.Location(), again.Slot.Start.Location())
			}
			second, _ := json.Marshal(again)
			if string(first) != string(second) {
				t.Errorf("second encoding differs:\n%s\n%s", first, second)
			}
		})
	}
}

func TestSeedCounts(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		want   counts
	}{{
		name:   "cyber-diplomacy-roundtable",
		reason: "seed 000: 4 organizers, 4 numbered speakers plus 3 organizers who also speak (Organizer 1 is Speaker 2), an onsite and an online moderator",
		want: counts{
			People:     7,
			ByRole:     map[agenda.Role]int{agenda.RoleOrganizer: 4, agenda.RoleSpeaker: 7, agenda.RoleModerator: 1, agenda.RoleOnlineModerator: 1},
			ByMode:     map[agenda.Mode]int{agenda.ModeOnsite: 3, agenda.ModeOnline: 4},
			ByRegion:   map[agenda.Region]int{"African Group": 1, "WEOG": 3, "Intergovernmental Organization": 3},
			ByStake:    map[agenda.Stakeholder]int{"Civil Society": 5, "Government": 2},
			SpeakTwice: 4,
			Private:    map[string][]string{},
		},
	}, {
		name:   "multistakeholder-cyber-diplomacy-panel",
		reason: "seed 001: 6 organizer lines but John Hering twice, 6 speakers of whom 5 WEOG, a moderator, an online moderator and a rapporteur",
		want: counts{
			People:     10,
			ByRole:     map[agenda.Role]int{agenda.RoleOrganizer: 5, agenda.RoleSpeaker: 6, agenda.RoleModerator: 1, agenda.RoleOnlineModerator: 1, agenda.RoleRapporteur: 1},
			ByMode:     map[agenda.Mode]int{agenda.ModeOnsite: 4, agenda.ModeOnline: 2},
			ByRegion:   map[agenda.Region]int{"WEOG": 5, "GRULAC": 1},
			ByStake:    map[agenda.Stakeholder]int{"Government": 3, "Civil Society": 2, "Private Sector": 1},
			SpeakTwice: 1,
			Private: map[string][]string{
				"Pavel Mraz": {"organization"}, "Edoardo Ravaioli": {"organization"}, "Joyce Hakmeh": {"organization"},
			},
		},
	}, {
		name:   "cyber-diplomacy-training-webdebate",
		reason: "seed 002: an online-only debate with three speakers",
		want: counts{
			People:   4,
			ByRole:   map[agenda.Role]int{agenda.RoleSpeaker: 3, agenda.RoleModerator: 1},
			ByMode:   map[agenda.Mode]int{agenda.ModeOnline: 3},
			ByRegion: map[agenda.Region]int{"": 1, "WEOG": 1, "GRULAC": 1},
			ByStake:  map[agenda.Stakeholder]int{"": 1, "Civil Society": 2},
			Private:  map[string][]string{},
		},
	}, {
		name:   "igf-cooperation-roadmap-brainstorm",
		reason: "seed 003: one moderator; participants are not attributed",
		want: counts{
			People: 1, ByRole: map[agenda.Role]int{agenda.RoleModerator: 1},
			ByMode: map[agenda.Mode]int{}, ByRegion: map[agenda.Region]int{}, ByStake: map[agenda.Stakeholder]int{},
			Private: map[string][]string{},
		},
	}, {
		name:   "sssr-concluding-session",
		reason: "seed 004: three facilitators, three reporters (two of them facilitators)",
		want: counts{
			People:   4,
			ByRole:   map[agenda.Role]int{agenda.RoleFacilitator: 3, agenda.RoleSpeaker: 3},
			ByMode:   map[agenda.Mode]int{agenda.ModeOnsite: 3},
			ByRegion: map[agenda.Region]int{"Eastern European Group": 1, "WEOG": 2},
			ByStake:  map[agenda.Stakeholder]int{"Civil Society": 1, "": 2},
			Private:  map[string][]string{},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tally(load(t, tt.name))); diff != "" {
				t.Errorf("%s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestRoundtableKeepsLastTwentyMinutesForPoll(t *testing.T) {
	s := load(t, "cyber-diplomacy-roundtable")
	plan := s.Plan()
	last := len(s.Segments) - 1
	if s.Segments[last].Kind != "poll" {
		t.Fatalf("last segment is %q, want the quickfire poll", s.Segments[last].Kind)
	}
	if got := plan.Spans[last].Length(); got != 20*time.Minute {
		t.Errorf("poll takes %v, want 20m", got)
	}
	if !plan.Spans[last].End.Equal(s.Slot.End()) {
		t.Errorf("poll ends at %v, want the end of the slot %v", plan.Spans[last].End, s.Slot.End())
	}
	var questions []string
	for _, seg := range s.Segments {
		questions = append(questions, seg.Questions...)
	}
	if diff := cmp.Diff([]string{"A", "B", "C"}, questions); diff != "" {
		t.Errorf("policy questions across segments mismatch (-want +got):\n%s", diff)
	}
}

func TestPanelSlotRoomAndPrivateOrganization(t *testing.T) {
	s := load(t, "multistakeholder-cyber-diplomacy-panel")
	if got, want := s.Slot.String(), "2023-10-10 06:15–07:45 UTC"; got != want {
		t.Errorf("slot %q, want %q", got, want)
	}
	if got, want := s.Room, "WS 4 – Room B-1"; got != want {
		t.Errorf("room %q, want %q", got, want)
	}
	p, ok := s.Roster().Person("Pavel Mraz")
	if !ok || p.Organization != "Microsoft" || !slices.Contains(p.Private, "organization") {
		t.Errorf("Pavel Mraz = %+v, want organization Microsoft, marked private", p)
	}
	if _, ok := s.Roster().Person("Tupou'tuah Baravilala"); !ok {
		t.Error("Tupou’tuah Baravilala not found under a straight apostrophe")
	}
}

func TestWebDebateIsOnlineOnly(t *testing.T) {
	s := load(t, "cyber-diplomacy-training-webdebate")
	if s.Format != agenda.FormatOnline {
		t.Errorf("format %q, want online", s.Format)
	}
	for _, p := range s.People {
		if p.Mode != agenda.ModeOnline {
			t.Errorf("%s is %q in an online-only session", p.Name, p.Mode)
		}
	}
}

func TestBrainstormIsNotAttributed(t *testing.T) {
	s := load(t, "igf-cooperation-roadmap-brainstorm")
	if s.Named() {
		t.Error("Named() = true, want false: the source attributes nothing to people or organizations")
	}
	if got, want := s.Slot.String(), "2017-12-17 16:00–18:00 CET"; got != want {
		t.Errorf("slot %q, want %q", got, want)
	}
}

func TestConcludingSessionTracksAndTotal(t *testing.T) {
	s := load(t, "sssr-concluding-session")
	plan := s.Plan()
	if got := plan.End.Sub(plan.Slot.Start); got != 110*time.Minute {
		t.Errorf("segments take %v, want 110m (5+40+60+5)", got)
	}
	var tracks []string
	for i, seg := range s.Segments {
		if seg.Kind != "breakout" {
			continue
		}
		tracks = append(tracks, seg.Track)
		if plan.Spans[i] != plan.Spans[1] {
			t.Errorf("breakout %q runs %v, want the same time as the first, %v", seg.Track, plan.Spans[i], plan.Spans[1])
		}
		if len(seg.Facilitators) != 1 {
			t.Errorf("breakout %q has facilitators %v, want one", seg.Track, seg.Facilitators)
		}
	}
	slices.Sort(tracks)
	if len(slices.Compact(tracks)) != 3 {
		t.Errorf("breakout tracks %v, want three different ones", tracks)
	}
	if diff := cmp.Diff(agenda.Attendance{People: 25, Women: 6, Online: 2}, s.Attendance); diff != "" {
		t.Errorf("attendance mismatch (-want +got):\n%s", diff)
	}

	s.Slot.Length = 90 * time.Minute
	err := s.Validate()
	var ve *agenda.ValidationError
	if !errors.Is(err, agenda.ErrOverrun) || !errors.As(err, &ve) || ve.Value != "1h50m" {
		t.Errorf("against a 90-minute slot Validate() = %v, want ErrOverrun for 1h50m", err)
	}
	if joined, ok := err.(interface{ Unwrap() []error }); !ok || len(joined.Unwrap()) != 1 {
		t.Errorf("against a 90-minute slot got %v, want only the overrun", err)
	}
}

func TestLoadUnknown(t *testing.T) {
	if _, err := seeds.Load("no-such-session"); !errors.Is(err, seeds.ErrUnknown) {
		t.Errorf("Load(unknown) = %v, want ErrUnknown", err)
	}
}

// TestRoundtablePlanKeepsPromise plans seed 000 under its own promise,
// speaking times "evenly weighted between online and offline speakers", and
// checks the run-of-show: every turn timed, 90 minutes exactly, the poll in
// the last 20 minutes, and online and onsite each within one step of half.
func TestRoundtablePlanKeepsPromise(t *testing.T) {
	s := load(t, "cyber-diplomacy-roundtable")
	promise := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}}
	promise.Intro, promise.OnlineHandover = time.Minute, 30*time.Second
	ros, al, err := balance.Plan(s, promise)
	if err != nil {
		t.Fatal(err)
	}
	var total, online, onsite time.Duration
	at := s.Slot.Start
	for i, seg := range ros.Segments {
		var segTotal time.Duration
		for _, turn := range seg.Turns {
			if !turn.Start.Equal(at) {
				t.Errorf("segment %d: a turn starts at %v, want %v: turns must follow each other", i, turn.Start, at)
			}
			at = turn.End
			segTotal += turn.Length()
			if turn.Kind == "speech" {
				p, _ := s.Roster().Person(turn.Person)
				switch p.Mode {
				case agenda.ModeOnline:
					online += turn.Length()
				case agenda.ModeOnsite:
					onsite += turn.Length()
				}
			}
		}
		if segTotal != s.Segments[i].Length {
			t.Errorf("segment %q: turns add up to %v, want %v", s.Segments[i].Title, segTotal, s.Segments[i].Length)
		}
		total += segTotal
	}
	if total != 90*time.Minute {
		t.Errorf("turns add up to %v, want 90m", total)
	}
	if online+onsite != al.Budget {
		t.Errorf("speeches add up to %v, want the speaking budget %v", online+onsite, al.Budget)
	}
	// Evenly weighted: an online speaker gets on average what an onsite
	// speaker gets, so each mode has its headcount's share of the time.
	count := map[agenda.Mode]int{}
	for _, sh := range al.Speakers {
		p, _ := s.Roster().Person(sh.Name)
		count[p.Mode]++
	}
	for mode, got := range map[agenda.Mode]time.Duration{agenda.ModeOnline: online, agenda.ModeOnsite: onsite} {
		want := al.Budget * time.Duration(count[mode]) / time.Duration(len(al.Speakers))
		if d := got - want; d > al.Step || -d > al.Step {
			t.Errorf("%s speakers (%d of %d) have %v, more than one step (%v) from their %v", mode, count[mode], len(al.Speakers), got, al.Step, want)
		}
	}
	last := ros.Segments[len(ros.Segments)-1]
	if s.Segments[len(s.Segments)-1].Kind != "poll" || last.Length() != 20*time.Minute || !last.End.Equal(s.Slot.End()) {
		t.Errorf("the last 20 minutes are not the poll: %v", last.Span)
	}
	for i, seg := range s.Segments {
		if len(seg.Questions) == 0 {
			continue
		}
		speeches := 0
		for _, turn := range ros.Segments[i].Turns {
			if turn.Kind == "speech" {
				speeches++
			}
		}
		if speeches != len(seg.Speakers) {
			t.Errorf("question %v: %d speeches, want one per speaker, %d", seg.Questions, speeches, len(seg.Speakers))
		}
	}
}

// TestSeedsPlan plans every seed under the same promise: a session that is
// not hybrid drops the mode rule rather than failing it.
func TestSeedsPlan(t *testing.T) {
	promise := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}}
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			s := load(t, name)
			_, al, err := balance.Plan(s, promise)
			if err != nil {
				t.Fatal(err)
			}
			if dropped := len(al.Dropped) == 1; dropped != (s.Format != agenda.FormatHybrid) {
				t.Errorf("format %s: dropped dimensions %+v", s.Format, al.Dropped)
			}
		})
	}
}
