package balance_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// TestSegmentShorterThanStep: a valid session whose speaking segment is
// shorter than one step (../shared/repro/01_plan_panic_valid_session.json)
// panicked in the rounding. Every entry point plans it: the speaker gets
// nothing, and the programme report carries the session.
func TestSegmentShorterThanStep(t *testing.T) {
	const repro = `{"title":"t","format":"online","slot":{"length":"10s"},"people":[{"name":"M","roles":["moderator"],"mode":"online"},{"name":"A","roles":["speaker"],"mode":"online"}],"segments":[{"title":"x","kind":"discussion","length":"10s","speakers":["A"],"facilitators":["M"]}]}`
	for _, tt := range []struct {
		name   string
		length time.Duration
		step   time.Duration
	}{
		{"the repro: 10s against the default 30s", 10 * time.Second, 0},
		{"one second short of a step", 29 * time.Second, 0},
		{"shorter than a one-minute step, with several speakers", 50 * time.Second, time.Minute},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := agenda.Decode(strings.NewReader(repro))
			if err != nil {
				t.Fatal(err)
			}
			s.Slot.Length, s.Segments[0].Length = tt.length, tt.length
			if err := s.Validate(); err != nil {
				t.Fatalf("the session must be valid: %v", err)
			}
			p := balance.Policy{Step: tt.step}
			al, err := balance.Allocate(s, p)
			if err != nil {
				t.Fatalf("Allocate: %v", err)
			}
			if al.Budget != 0 || len(al.Speakers) != 1 || al.Speakers[0].Time != 0 {
				t.Errorf("budget %v, speakers %+v; want nothing to share", al.Budget, al.Speakers)
			}
			if _, _, err := balance.Plan(s, p); err != nil {
				t.Errorf("Plan: %v", err)
			}
			prog := &agenda.Programme{Sessions: []agenda.Session{*s, *s}}
			f, err := balance.ForumReport(prog, p, nil)
			if err != nil {
				t.Fatalf("ForumReport: %v", err)
			}
			for _, fs := range f.Sessions {
				if fs.Err != nil || fs.Report == nil {
					t.Errorf("session %d: %v, report %v", fs.Index, fs.Err, fs.Report)
				}
			}
		})
	}
}
