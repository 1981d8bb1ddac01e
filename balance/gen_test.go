package balance_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// genSession builds a valid hybrid session with n speakers spread over
// segs discussion segments (each speaker in one, some in two), with modes,
// stakeholder and regional groups drawn at random, and a moderator and an
// online moderator. The same seed gives the same session.
func genSession(rng *rand.Rand, n, segs int) *agenda.Session {
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	modes := []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}
	s := &agenda.Session{
		Title:  fmt.Sprintf("generated %d/%d", n, segs),
		Format: agenda.FormatHybrid,
		People: []agenda.Person{
			{Name: "Moderator", Roles: []agenda.Role{agenda.RoleModerator}, Mode: agenda.ModeOnsite},
			{Name: "Online moderator", Roles: []agenda.Role{agenda.RoleOnlineModerator}, Mode: agenda.ModeOnline},
		},
	}
	for i := range n {
		s.People = append(s.People, agenda.Person{
			Name:        fmt.Sprintf("Speaker %04d", i),
			Roles:       []agenda.Role{agenda.RoleSpeaker},
			Mode:        modes[rng.IntN(len(modes))],
			Stakeholder: stakeholders[rng.IntN(len(stakeholders))],
			Region:      regions[rng.IntN(len(regions))],
		})
	}
	perSeg := max(1, (n+segs-1)/segs)
	total := time.Duration(0)
	for k := range segs {
		seg := agenda.Segment{Title: fmt.Sprintf("Discussion %d", k+1), Kind: agenda.SegmentKind("discussion"), Facilitators: []string{"Moderator"}}
		for i := k * perSeg; i < min(n, (k+1)*perSeg); i++ {
			seg.Speakers = append(seg.Speakers, s.People[2+i].Name)
		}
		if k > 0 && n > 1 && rng.IntN(2) == 0 { // someone from another segment speaks here too
			seg.Speakers = append(seg.Speakers, s.People[2+rng.IntN(min(n, k*perSeg))].Name)
		}
		seg.Length = time.Duration(max(1, len(seg.Speakers))*(4+rng.IntN(5))) * time.Minute
		total += seg.Length
		s.Segments = append(s.Segments, seg)
	}
	s.Slot.Length = total
	return s
}

// genPolicy gives every speaker individual bounds around an even share.
func genPolicy(rng *rand.Rand, s *agenda.Session) balance.Policy {
	p := balance.Policy{People: map[string]balance.Limits{}}
	for _, person := range s.People[2:] {
		p.People[person.Name] = balance.Limits{
			Min: time.Duration(rng.IntN(3)) * 30 * time.Second,
			Max: time.Duration(8+rng.IntN(20)) * time.Minute,
		}
	}
	return p
}

// randomCase draws a small session and a policy, some with hard rules.
func randomCase(rng *rand.Rand) (*agenda.Session, balance.Policy) {
	s := genSession(rng, 2+rng.IntN(6), 1+rng.IntN(2))
	return s, randomPolicy(rng, s)
}

// randomPolicy draws a policy for s: bounds around an even share, or
// moderation time and none; the default dimensions or one of three sets,
// with hard rules; sometimes a higher fairness weight.
func randomPolicy(rng *rand.Rand, s *agenda.Session) balance.Policy {
	p := balance.Policy{Intro: time.Duration(rng.IntN(3)) * 30 * time.Second, OnlineHandover: time.Duration(rng.IntN(2)) * 30 * time.Second}
	if rng.IntN(2) == 0 {
		p = genPolicy(rng, s)
	}
	switch rng.IntN(4) {
	case 0:
		p.Dimensions = []balance.Dimension{{By: balance.ByMode, Hard: true, Tolerance: 0.05 * float64(rng.IntN(3))}, {By: balance.ByStakeholder}, {By: balance.ByRegion, Weight: 2}}
	case 1:
		p.Dimensions = []balance.Dimension{{By: balance.ByRegion, Target: "headcount"}, {By: balance.ByMode, Weight: 0.5}}
	case 2:
		p.Dimensions = []balance.Dimension{{By: balance.ByMode, Target: "explicit", Shares: map[string]float64{"onsite": 0.6, "online": 0.4}, Hard: true, Tolerance: 0.1}}
	}
	if rng.IntN(3) == 0 {
		p.Fairness = 2
	}
	if rng.IntN(4) == 0 && len(s.People) > 2 { // a keynote
		if p.People == nil {
			p.People = map[string]balance.Limits{}
		}
		l := p.People[s.People[2].Name]
		l.Share = float64(2 + rng.IntN(2))
		p.People[s.People[2].Name] = l
	}
	return p
}

// scaleCase draws a case of randomCase's kind at any size, from two
// speakers in one segment to 150 over six, with every knob of the policy
// turned at random: the session is varied by varySession, the policy drawn
// by randomPolicy and varied by varyPolicy.
func scaleCase(rng *rand.Rand) (*agenda.Session, balance.Policy) {
	var n, segs int
	switch r := rng.IntN(10); {
	case r < 6:
		n, segs = 2+rng.IntN(11), 1+rng.IntN(3)
	case r < 9:
		n, segs = 13+rng.IntN(28), 1+rng.IntN(4)
	default:
		n, segs = 41+rng.IntN(110), 2+rng.IntN(5)
	}
	s := genSession(rng, n, segs)
	twins := varySession(rng, s)
	p := randomPolicy(rng, s)
	varyPolicy(rng, s, &p, twins)
	return s, p
}

// varySession gives some speakers a gender, a label, an unknown mode or a
// private field, makes twins of some (the same person under another name,
// in the same segments), makes a segment an opening and adds a poll without
// speakers. It returns the twins, by name, with the name of their original.
func varySession(rng *rand.Rand, s *agenda.Session) map[string]string {
	speakers := s.People[2:]
	if rng.IntN(3) == 0 {
		genders := []string{"woman", "man", "non-binary"}
		for i := range speakers {
			if rng.IntN(5) > 0 {
				speakers[i].Gender = genders[rng.IntN(len(genders))]
			}
		}
	}
	if rng.IntN(3) == 0 {
		ages := []string{"youth", "adult", "senior"}
		for i := range speakers {
			if rng.IntN(4) > 0 {
				speakers[i].Labels = map[string]string{"age": ages[rng.IntN(len(ages))]}
			}
		}
	}
	if rng.IntN(8) == 0 {
		speakers[rng.IntN(len(speakers))].Mode = "" // a hybrid session with a speaker of unknown mode
	}
	if rng.IntN(6) == 0 {
		fields := []string{"stakeholder", "region", "gender"}
		for range 1 + rng.IntN(3) {
			p := &speakers[rng.IntN(len(speakers))]
			p.Private = append(p.Private, fields[rng.IntN(len(fields))])
		}
	}
	twins := map[string]string{}
	if rng.IntN(3) == 0 {
		for range 1 + rng.IntN(min(4, len(speakers))) {
			orig := s.People[2+rng.IntN(len(speakers))]
			if _, ok := twins[orig.Name+" twin"]; ok {
				continue
			}
			twin := orig
			twin.Name += " twin"
			twin.Private = slices.Clone(orig.Private)
			twins[twin.Name] = orig.Name
			s.People = append(s.People, twin)
			for k := range s.Segments {
				if slices.Contains(s.Segments[k].Speakers, orig.Name) {
					s.Segments[k].Speakers = append(s.Segments[k].Speakers, twin.Name)
					s.Segments[k].Length += 5 * time.Minute
					s.Slot.Length += 5 * time.Minute
				}
			}
		}
	}
	if len(s.Segments) > 1 && rng.IntN(6) == 0 {
		s.Segments[0].Kind = "opening"
	}
	if rng.IntN(4) == 0 {
		poll := agenda.Segment{Title: "Poll", Kind: agenda.SegmentKind("poll"), Length: 10 * time.Minute, Facilitators: []string{"Online moderator"}}
		s.Segments = slices.Insert(s.Segments, rng.IntN(len(s.Segments)+1), poll)
		s.Slot.Length += poll.Length
	}
	return twins
}

// varyPolicy turns the knobs randomPolicy leaves alone: the step, the time
// kept for moderation, hand-overs and audience, the least turn, bounds for
// everyone, weights, the spread band, the kinds of segment that carry
// speaking time, pins, and dimensions by gender and label. Twins get the
// limits of their originals, so that they stay interchangeable.
func varyPolicy(rng *rand.Rand, s *agenda.Session, p *balance.Policy, twins map[string]string) {
	speakers := s.People[2:]
	p.Step = []time.Duration{0, 0, 0, 10 * time.Second, 15 * time.Second, 45 * time.Second, time.Minute}[rng.IntN(7)]
	if rng.IntN(3) == 0 {
		p.Handover = time.Duration(rng.IntN(3)) * 15 * time.Second
		p.Audience = time.Duration(rng.IntN(3)) * time.Minute
	}
	if rng.IntN(5) == 0 {
		p.MinTurn = time.Duration(1+rng.IntN(4)) * 30 * time.Second
	}
	if rng.IntN(6) == 0 {
		p.Min = time.Duration(rng.IntN(4)) * 30 * time.Second
		p.Max = time.Duration(6+rng.IntN(20)) * time.Minute
	}
	if rng.IntN(4) == 0 {
		if p.People == nil {
			p.People = map[string]balance.Limits{}
		}
		for range 1 + rng.IntN(3) {
			name := speakers[rng.IntN(len(speakers))].Name
			l := p.People[name]
			l.Weight = []float64{0.5, 2, 3}[rng.IntN(3)]
			p.People[name] = l
		}
	}
	for twin, orig := range twins {
		if l, ok := p.People[orig]; ok {
			p.People[twin] = l
		}
	}
	p.Spread = []float64{0, 0, 0.25, 1, math.Inf(1)}[rng.IntN(5)]
	if rng.IntN(5) == 0 {
		p.Fairness = 0.1
	}
	if rng.IntN(5) == 0 {
		p.Speaking = []agenda.SegmentKind{"discussion"}
	}
	if rng.IntN(3) == 0 {
		pick := func() []string {
			var names []string
			for range 1 + rng.IntN(2) {
				name := speakers[rng.IntN(len(speakers))].Name
				if rng.IntN(2) == 0 {
					name = strings.ToLower(name) // the same person, written otherwise
				}
				names = append(names, name)
			}
			return names
		}
		p.First, p.Last = pick(), pick()
	}
	switch rng.IntN(5) {
	case 0:
		p.Dimensions = append(p.Dimensions, balance.Dimension{By: balance.ByGender, Weight: 1.5})
	case 1:
		p.Dimensions = []balance.Dimension{{By: balance.ByLabel, Label: "age", Target: "headcount"},
			{By: balance.ByStakeholder, Hard: true, Tolerance: 0.15 + 0.05*float64(rng.IntN(3))}}
	}
}
