package schedule_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
	"github.com/fairfloor/fairfloor/timeslot"
)

// randomForum returns a programme of n sessions over three days and four
// rooms, on a 15-minute grid, with people drawn from a pool so that many
// are in several sessions, groups and private fields at random, some
// sessions unattributed and some titles shared.
func randomForum(t testing.TB, rng *rand.Rand, n int) *agenda.Programme {
	loc := oslo(t)
	stakeholders := []agenda.Stakeholder{"", "Government", "Civil Society",
		"Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"", "African Group", "Asia-Pacific Group", "Eastern European Group",
		"GRULAC", "WEOG"}
	modes := []agenda.Mode{"", agenda.ModeOnsite, agenda.ModeOnline}
	roles := []agenda.Role{agenda.RoleSpeaker, agenda.RoleModerator, agenda.RoleOrganizer, agenda.RoleRapporteur}
	private := []string{"name", "organization", "stakeholder", "region"}
	p := &agenda.Programme{Title: "Random Forum"}
	for i := range n {
		title := fmt.Sprintf("Workshop %d: élan & <data>", i)
		if rng.IntN(10) == 0 && i > 0 {
			title = fmt.Sprintf("Workshop %d: élan & <data>", rng.IntN(i)) // shared with an earlier one
		}
		start := time.Date(2025, 6, 23+rng.IntN(3), 9+rng.IntN(9), 15*rng.IntN(4), 0, 0, loc)
		s := agenda.Session{
			Title:  title,
			Format: []agenda.Format{agenda.FormatHybrid, agenda.FormatOnsite, agenda.FormatOnline}[rng.IntN(3)],
			Room:   fmt.Sprintf("Room %d", 1+rng.IntN(4)),
			Slot:   timeslot.Slot{Start: start, Length: time.Duration(30+15*rng.IntN(7)) * time.Minute},
		}
		if rng.IntN(8) == 0 {
			s.Attribution = "unattributed"
		}
		seen := map[int]bool{}
		for range rng.IntN(6) {
			k := rng.IntN(40)
			if seen[k] {
				continue
			}
			seen[k] = true
			person := agenda.Person{
				Name:         fmt.Sprintf("Person %d", k),
				Organization: fmt.Sprintf("Org %d", k%7),
				Roles:        []agenda.Role{roles[rng.IntN(len(roles))]},
				Stakeholder:  stakeholders[rng.IntN(len(stakeholders))],
				Region:       regions[rng.IntN(len(regions))],
				Mode:         modes[rng.IntN(len(modes))],
			}
			if rng.IntN(6) == 0 {
				person.Private = []string{private[rng.IntN(len(private))]}
			}
			s.People = append(s.People, person)
		}
		p.Sessions = append(p.Sessions, s)
	}
	return p
}

// TestRandomForums writes random programmes (fixed seeds) and checks each
// against both schemas and the JSON round trip. Programmes where two
// sessions share a title and a start are skipped, as WriteXML refuses
// them (TestWriteErrors).
func TestRandomForums(t *testing.T) {
	sch := jsonSchema(t)
	lint := xmllint(t)
	if lint == "" {
		t.Log(noXmllint + ": schedule.xml not checked")
	}
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 17))
		p := randomForum(t, rng, 30)
		var x, j bytes.Buffer
		if err := schedule.WriteXML(&x, p, schedule.Options{}); err != nil {
			t.Logf("seed %d: %v", seed, err)
			continue
		}
		if err := schedule.WriteJSON(&j, p, schedule.Options{}); err != nil {
			t.Fatalf("seed %d: WriteXML wrote, WriteJSON: %v", seed, err)
		}
		if lint != "" {
			if out, ok := validateXML(t, x.Bytes()); !ok {
				t.Errorf("seed %d: xmllint: %s", seed, out)
			}
		}
		if err := validateJSON(t, sch, j.Bytes()); err != nil {
			t.Errorf("seed %d: %v", seed, err)
		}
		got, err := schedule.ReadJSON(&j)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if diff := gocmp.Diff(carried(p), got, sameInstant); diff != "" {
			t.Errorf("seed %d: round trip mismatch (-want +got):\n%s", seed, diff)
		}
	}
}

// BenchmarkWriteForum writes an IGF-sized programme, 300 sessions, in
// both formats.
func BenchmarkWriteForum(b *testing.B) {
	p := randomForum(b, rand.New(rand.NewPCG(1, 2)), 300)
	for i := range p.Sessions { // no shared title and start
		p.Sessions[i].Title = fmt.Sprintf("Session %d", i)
	}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"xml", func(w *bytes.Buffer) error { return schedule.WriteXML(w, p, schedule.Options{}) }},
		{"json", func(w *bytes.Buffer) error { return schedule.WriteJSON(w, p, schedule.Options{}) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := f.write(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
