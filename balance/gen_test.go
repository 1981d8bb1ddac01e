package balance_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// genSession builds a valid hybrid session with n speakers spread over
// segs discussion segments (each speaker in one, some in two), with modes,
// stakeholder and regional groups drawn at random, and a moderator and an
// online moderator. The same seed gives the same session.
func genSession(rng *rand.Rand, n, segs int) *agenda.Session {
	stakeholders := []agenda.Stakeholder{agenda.StakeholderGovernment, agenda.StakeholderCivilSociety, agenda.StakeholderPrivateSector, agenda.StakeholderTechnicalCommunity, agenda.StakeholderIntergovernmental}
	regions := []agenda.Region{agenda.RegionAfrican, agenda.RegionAsiaPacific, agenda.RegionEasternEuropean, agenda.RegionGRULAC, agenda.RegionWEOG}
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
		seg := agenda.Segment{Title: fmt.Sprintf("Discussion %d", k+1), Kind: agenda.KindDiscussion, Facilitators: []string{"Moderator"}}
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
