package balance_test

import (
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// forumSession is a 40-minute onsite panel of speakers with the given
// stakeholder groups and regions, named by title.
func forumSession(title string, people ...agenda.Person) agenda.Session {
	s := repSession(agenda.FormatOnsite, time.Duration(10*len(people))*time.Minute, people...)
	s.Title = title
	return *s
}

// forumPeople returns n speakers, prefixed by title so that no one speaks
// in two sessions, each with a stakeholder group and a region from the
// lists, cycled.
func forumPeople(title string, n int, sh []agenda.Stakeholder, rs []agenda.Region) []agenda.Person {
	var out []agenda.Person
	for i := range n {
		out = append(out, repSpeaker(title+" "+string(rune('A'+i)), agenda.ModeOnsite, sh[i%len(sh)], rs[i%len(rs)]))
	}
	return out
}

// TestForumRanking ranks sessions by their line-up's distance from the full
// sets: a session whose speakers all come from one region ranks worst, not
// "0% off target", and one whose speakers give no group cannot be judged.
func TestForumRanking(t *testing.T) {
	all := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	prog := &agenda.Programme{Title: "Ranking", Sessions: []agenda.Session{
		forumSession("Spread", forumPeople("Spread", 5, all, regions)...),
		forumSession("One region", forumPeople("One", 4, all, regions[:1])...),
		forumSession("Nothing given", forumPeople("Nothing", 3, []agenda.Stakeholder{""}, []agenda.Region{""})...),
		forumSession("Two regions", forumPeople("Two", 4, all, regions[3:])...),
	}}
	f, err := balance.ForumReport(prog, balance.Policy{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range f.Ranked {
		got = append(got, prog.Sessions[i].Title)
	}
	want := []string{"One region", "Two regions", "Spread", "Nothing given"}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("ranking mismatch (-want +got):\n%s", diff)
	}
	// One region: stakeholder groups 4 of 5 present, one each, ½(4·|¼−⅕| + ⅕);
	// regions all in one, 0.8.
	distances := []float64{0, (0.8 + (4*0.05+0.2)/2) / 2, 0, (0.6 + (4*0.05+0.2)/2) / 2}
	for i, want := range distances {
		if got := f.Sessions[i].Distance; gocmp.Diff(want, got, repApprox) != "" {
			t.Errorf("%s: Distance %v, want %v", prog.Sessions[i].Title, got, want)
		}
	}
}

// TestForumOutsideAndNotGiven: an Intergovernmental Organization given as
// a region is its own group, with no share and no target, so the equal
// region targets add up to 100%; speakers who give no gender are counted
// as such, and the shares say over whom they are.
func TestForumOutsideAndNotGiven(t *testing.T) {
	igo := repSpeaker("Ida", agenda.ModeOnsite, agenda.Stakeholder("Intergovernmental Organization"), agenda.Region("Intergovernmental Organization"))
	woman := repSpeaker("Wen", agenda.ModeOnsite, agenda.Stakeholder("Government"), agenda.Region("WEOG"))
	woman.Gender = "woman"
	prog := &agenda.Programme{Title: "IGO", Sessions: []agenda.Session{
		forumSession("Panel", woman, igo, repSpeaker("Ola", agenda.ModeOnsite, "Civil Society", "African Group")),
	}}
	f, err := balance.ForumReport(prog, balance.Policy{}, balance.Presets())
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range f.Dimensions {
		total := 0.0
		for _, g := range fd.Groups {
			total += g.Target
		}
		if fd.Dimension.By != balance.ByGender && gocmp.Diff(1.0, total, repApprox) != "" {
			t.Errorf("%s: targets add up to %v, want 100%%", fd.Dimension.Name(), total)
		}
		switch fd.Dimension.By {
		case balance.ByRegion:
			want := balance.Balance{Dimension: fd.Dimension, Counted: 2, Time: 20 * time.Minute, Groups: []balance.Group{
				{Group: "African Group", Speakers: 1, Time: 10 * time.Minute, Share: 0.5, Target: 0.2},
				{Group: "Asia-Pacific Group", Target: 0.2},
				{Group: "Eastern European Group", Target: 0.2},
				{Group: "GRULAC", Target: 0.2},
				{Group: "Intergovernmental Organization", Speakers: 1, Time: 10 * time.Minute, Outside: true},
				{Group: "WEOG", Speakers: 1, Time: 10 * time.Minute, Share: 0.5, Target: 0.2},
			}}
			if diff := gocmp.Diff(want, fd, repApprox); diff != "" {
				t.Errorf("region mismatch (-want +got):\n%s", diff)
			}
		case balance.ByGender:
			want := balance.Balance{Dimension: fd.Dimension, Unknown: 2, UnknownTime: 20 * time.Minute, Counted: 1, Time: 10 * time.Minute,
				Groups: []balance.Group{{Group: "woman", Speakers: 1, Time: 10 * time.Minute, Share: 1, Target: 1}}}
			if diff := gocmp.Diff(want, fd, repApprox); diff != "" {
				t.Errorf("gender mismatch (-want +got):\n%s", diff)
			}
		}
	}
	for _, pr := range f.Presets {
		for _, pf := range pr.Failing {
			for _, v := range pf.Violations {
				if v.Constraint.By == balance.ByGender {
					t.Errorf("%s: one woman among three, and two who give no gender, fails the gender rule, which they could meet: %v", pr.Preset.Name, &v)
				}
			}
		}
	}
}

// TestForumSeedsUnchecked: the IGF 2023 gender rule cannot be checked for
// a seed whose speakers give no gender (the pages of 000, 001 and 004 give
// none), nor for one whose speakers who give none could make it up (002:
// two of three speakers are women, and the third gives no gender); it
// fails only if every speaker gives the same gender.
func TestForumSeedsUnchecked(t *testing.T) {
	prog, err := seeds.Programme()
	if err != nil {
		t.Fatal(err)
	}
	f, err := balance.ForumReport(prog, balance.HybridPromise(), balance.Presets())
	if err != nil {
		t.Fatal(err)
	}
	minimum := f.Presets[0]
	if minimum.Preset.Name != balance.PresetIGF2023Minimum {
		t.Fatalf("first preset %q", minimum.Preset.Name)
	}
	outcome := map[int]string{} // "fail" or "cannot be checked"
	for _, pf := range append(minimum.Failing, minimum.Unchecked...) {
		for _, v := range pf.Violations {
			if v.Constraint.By == balance.ByGender {
				outcome[pf.Session] = "fail"
				if v.Unchecked {
					outcome[pf.Session] = "cannot be checked"
				}
			}
		}
	}
	for i := range prog.Sessions {
		r := f.Sessions[i].Report
		if r == nil || len(r.Speakers) == 0 {
			continue // 003 lists no speakers: the rule fails, with every other
		}
		given, genders := 0, 0
		for _, h := range r.Lineup {
			if h.Dimension.By == balance.ByGender {
				given, genders = h.Counted, len(h.Groups)
			}
		}
		want := "cannot be checked"
		switch {
		case genders >= 2:
			want = ""
		case given == len(r.Speakers):
			want = "fail"
		}
		if outcome[i] != want {
			t.Errorf("%s: %d speakers give a gender; the gender rule is %q, want %q", prog.Sessions[i].Title, given, outcome[i], want)
		}
	}
}

// TestForumJudged: a session's line-up is judged, and ranked by its
// distance, only if it has speakers who give a stakeholder group or a
// region; seed 003 lists no speaker, and ranks last, unjudged.
func TestForumJudged(t *testing.T) {
	prog, err := seeds.Programme()
	if err != nil {
		t.Fatal(err)
	}
	f, err := balance.ForumReport(prog, balance.HybridPromise(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, fs := range f.Sessions {
		speakers := fs.Report != nil && len(fs.Report.Speakers) > 0
		if fs.Judged != speakers {
			t.Errorf("%s: judged %v with speakers %v", prog.Sessions[i].Title, fs.Judged, speakers)
		}
		if !fs.Judged && fs.Distance != 0 {
			t.Errorf("%s: not judged, yet %v off", prog.Sessions[i].Title, fs.Distance)
		}
	}
	if last := f.Ranked[len(f.Ranked)-1]; f.Sessions[last].Judged {
		t.Errorf("the last ranked, %s, is judged", prog.Sessions[last].Title)
	}
}
