package render_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// renderers are every format, by name.
var renderers = []struct {
	name  string
	write func(io.Writer, *render.Document) error
}{
	{"text", render.Text},
	{"markdown", render.Markdown},
	{"html", render.HTML},
	{"csv", render.CSV},
	{"json", render.JSON},
	{"ics", icsStamped},
	{"svg", render.SVG},
	{"png", render.PNG},
}

// detCase is a session, as JSON, with the policy it is planned under and
// how the document is shown.
type detCase struct {
	name   string
	json   []byte
	policy balance.Policy
	loc    *time.Location // Document.Location
	redact bool
	png    bool // whether to draw the PNG too, which takes a second under the race detector
}

// formats returns the formats to render the case in.
func (c detCase) formats() []string {
	var names []string
	for _, r := range renderers {
		if r.name != "png" || c.png {
			names = append(names, r.name)
		}
	}
	return names
}

// detCases are the five seeds under their promise, and random sessions
// drawn from them (see randomSession). The PNG is drawn for the seeds and
// the first random session: it is the SVG's chart in pixels, so the SVG
// of the others stands in for it.
func detCases(t testing.TB) []detCase {
	t.Helper()
	var cases []detCase
	for _, name := range seeds.Names() {
		data, err := seeds.JSON(name)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, detCase{name: name, json: data, policy: balance.HybridPromise(), png: true})
	}
	rng := rand.New(rand.NewPCG(2026, 6))
	for i := range 6 {
		c := randomSession(t, rng, seeds.Names()[i%len(seeds.Names())])
		c.name = fmt.Sprintf("random%d/%s", i, c.name)
		c.png = i == 0
		cases = append(cases, c)
	}
	return cases
}

// randomSession draws a session from a seed: its people get other modes
// (in a hybrid session), stakeholder and regional groups, its segments other
// lengths, the slot another start and zone or none; the policy another step,
// least turn and hand-over, and the document sometimes another zone or
// redaction. It draws again until the session validates and plans.
func randomSession(t testing.TB, rng *rand.Rand, name string) detCase {
	t.Helper()
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	regions := []agenda.Region{"African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"}
	zones := []string{"UTC", "Europe/Paris", "Asia/Tokyo", "America/Sao_Paulo", "Pacific/Chatham"}
	for {
		s, err := seeds.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range s.People {
			p := &s.People[i]
			if s.Format == agenda.FormatHybrid && p.Mode != "" {
				p.Mode = []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline}[rng.IntN(2)]
			}
			if p.Stakeholder != "" || rng.IntN(3) == 0 {
				p.Stakeholder = stakeholders[rng.IntN(len(stakeholders))]
			}
			if p.Region != "" || rng.IntN(3) == 0 {
				p.Region = regions[rng.IntN(len(regions))]
			}
			if p.Mode == agenda.ModeOnline && rng.IntN(2) == 0 {
				p.Zone = zones[rng.IntN(len(zones))]
			}
		}
		for i := range s.Segments {
			s.Segments[i].Length += time.Duration(rng.IntN(7)-3) * time.Minute
		}
		if rng.IntN(3) > 0 {
			zone := zones[rng.IntN(len(zones))]
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			s.Slot.Start = time.Date(2023, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 6+rng.IntN(12), 15*rng.IntN(4), 0, 0, loc)
		} else {
			s.Slot.Start = time.Time{}
		}
		s.Slot.Length = max(s.Slot.Length, s.Plan().End.Sub(s.Plan().Slot.Start)) + time.Duration(rng.IntN(3))*5*time.Minute
		p := balance.HybridPromise()
		p.Step = []time.Duration{0, 15 * time.Second, time.Minute}[rng.IntN(3)]
		if rng.IntN(2) == 0 {
			p.Handover = 15 * time.Second
		}
		if rng.IntN(3) == 0 {
			p.MinTurn = 2 * time.Minute
		}
		c := detCase{name: name, policy: p, redact: rng.IntN(4) == 0}
		if rng.IntN(3) == 0 {
			c.loc, _ = time.LoadLocation(zones[rng.IntN(len(zones))])
		}
		if _, err := seeds.Plan(s, p); err != nil {
			continue
		}
		if c.json, err = json.Marshal(s); err != nil {
			t.Fatal(err)
		}
		return c
	}
}

// decode decodes the case's session from its JSON.
func (c detCase) decode(t testing.TB) *agenda.Session {
	t.Helper()
	s, err := agenda.Decode(bytes.NewReader(c.json))
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return s
}

// plan plans s under the case's policy into the document to render.
func (c detCase) plan(t testing.TB, s *agenda.Session) *render.Document {
	t.Helper()
	d, err := c.planErr(s)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return d
}

func (c detCase) planErr(s *agenda.Session) (*render.Document, error) {
	d, err := seeds.Plan(s, c.policy)
	if err != nil {
		return nil, err
	}
	d.Location, d.Redact = c.loc, c.redact
	return d, nil
}

// renderAll renders d in every format: the bytes, or the error, by format.
// A session without a start has no calendar: ICS must say so.
func renderAll(t testing.TB, name string, d *render.Document, formats ...string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, r := range renderers {
		if formats != nil && !slices.Contains(formats, r.name) {
			continue
		}
		var buf bytes.Buffer
		err := r.write(&buf, d)
		switch {
		case r.name == "ics" && !d.Slot().Scheduled():
			if !errors.Is(err, render.ErrNoCalendar) {
				t.Errorf("%s: ICS of an unscheduled session: %v, want ErrNoCalendar", name, err)
			}
			continue
		case err != nil:
			t.Errorf("%s: %s: %v", name, r.name, err)
			continue
		case buf.Len() == 0:
			t.Errorf("%s: %s is empty", name, r.name)
		}
		out[r.name] = buf.Bytes()
	}
	return out
}

// sameBytes reports every format in which got differs from want.
func sameBytes(t testing.TB, what string, want, got map[string][]byte) {
	t.Helper()
	if diff := cmp.Diff(slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got))); diff != "" {
		t.Errorf("%s: other formats rendered (-want +got):\n%s", what, diff)
	}
	for _, r := range renderers {
		a, b := want[r.name], got[r.name]
		if bytes.Equal(a, b) {
			continue
		}
		if r.name == "png" {
			t.Errorf("%s: the PNG differs (%d bytes, then %d)", what, len(a), len(b))
			continue
		}
		t.Errorf("%s: %s differs (-want +got):\n%s", what, r.name, cmp.Diff(string(a), string(b)))
	}
}

// TestRenderDeterministic renders every seed and random session in every
// format from plans made apart, each of the session decoded from its JSON on
// its own: first one case after another, then all at once in goroutines,
// twice over. The bytes must be the same.
func TestRenderDeterministic(t *testing.T) {
	cases := detCases(t)
	work := func(c detCase, formats []string) map[string][]byte {
		s, err := agenda.Decode(bytes.NewReader(c.json))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			return nil
		}
		d, err := c.planErr(s)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			return nil
		}
		return renderAll(t, c.name, d, formats...)
	}
	want := make([]map[string][]byte, len(cases))
	for i, c := range cases {
		want[i] = work(c, c.formats())
	}
	const copies = 2 // the PNG is drawn in the first only
	got := make([]map[string][]byte, copies*len(cases))
	var wg sync.WaitGroup
	for i := range got {
		c := cases[i%len(cases)]
		formats := c.formats()
		if i >= len(cases) {
			formats = slices.DeleteFunc(formats, func(f string) bool { return f == "png" })
		}
		wg.Go(func() { got[i] = work(c, formats) })
	}
	wg.Wait()
	for i := range got {
		c, w := cases[i%len(cases)], want[i%len(cases)]
		if i >= len(cases) {
			w = maps.Clone(w)
			delete(w, "png")
		}
		sameBytes(t, fmt.Sprintf("%s, planned again in goroutine %d", c.name, i), w, got[i])
	}
}

// TestRenderPermuted plans every seed and random session with its people,
// the names in each segment and the policy's pins shuffled. The order of
// the turns is the optimiser's, so the run-of-show, the shares and the
// report must be the same. The documents are not, byte for byte: they list
// people in the order of the session (the people, the speaker tables, the
// people of a finding, the speakers of a segment in the calendar), and an
// unattributed or redacted document calls them "person 3" by their place
// in it. So the test checks that the report is the same whatever the order
// of its people; that the permuted plan, put back in the order of the
// session, renders in every format byte for byte as the original (the SVG
// standing in for the PNG, the same chart); and that the CSV, one row per
// turn, is the same straight from the permuted session where people are
// named.
func TestRenderPermuted(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, c := range detCases(t) {
		t.Run(c.name, func(t *testing.T) {
			s := c.decode(t)
			formats := slices.DeleteFunc(c.formats(), func(f string) bool { return f == "png" }) // the SVG stands in for it
			original := c.plan(t, s)
			want := renderAll(t, c.name, original, formats...)
			for k := range 3 {
				shuffled, pins := permute(rng, c.decode(t), c.policy)
				pc := c
				pc.policy = pins
				d := pc.plan(t, shuffled)
				what := fmt.Sprintf("%s, permutation %d", c.name, k)
				if diff := cmp.Diff(original.Report, d.Report, samePeople); diff != "" {
					t.Errorf("%s: the report changed (-want +got):\n%s", what, diff)
				}
				if d.Named() {
					sameBytes(t, what+", CSV straight from the permuted session", map[string][]byte{"csv": want["csv"]}, renderAll(t, what, d, "csv"))
				}
				sameBytes(t, what+", put back in the session's order", want, renderAll(t, what, putBack(t, s, d, c.policy), formats...))
			}
		})
	}
}

// samePeople compares reports whatever the order of their people.
var samePeople = cmp.Options{
	cmpopts.IgnoreFields(balance.Report{}, "Session"),
	cmpopts.SortSlices(func(a, b string) bool { return a < b }),
	cmpopts.SortSlices(func(a, b balance.Speaker) bool { return a.Name < b.Name }),
}

// permute returns s with its people, and the names in each segment,
// shuffled, and p with its pins shuffled.
func permute(rng *rand.Rand, s *agenda.Session, p balance.Policy) (*agenda.Session, balance.Policy) {
	shuffle := func(list []string) []string {
		list = slices.Clone(list)
		rng.Shuffle(len(list), func(a, b int) { list[a], list[b] = list[b], list[a] })
		return list
	}
	rng.Shuffle(len(s.People), func(a, b int) { s.People[a], s.People[b] = s.People[b], s.People[a] })
	for k := range s.Segments {
		s.Segments[k].Speakers = shuffle(s.Segments[k].Speakers)
	}
	p.First, p.Last = shuffle(p.First), shuffle(p.Last)
	return s, p
}

// putBack returns the document of d's plan on session s, of which d's is a
// permutation: the same run-of-show turn by turn, the allocation's
// speakers in the order of s, and the report of the plan on s.
func putBack(t testing.TB, s *agenda.Session, d *render.Document, p balance.Policy) *render.Document {
	t.Helper()
	ros := *d.RunOfShow
	ros.Session = s
	al := *d.Allocation
	place := map[string]int{}
	for i, person := range s.People {
		place[person.Name] = i
	}
	byPlace := func(a, b balance.Speaker) int { return place[a.Name] - place[b.Name] }
	al.Speakers = slices.SortedFunc(slices.Values(al.Speakers), byPlace)
	al.Segments = slices.Clone(al.Segments)
	for k := range al.Segments {
		listed := s.Segments[al.Segments[k].Segment].Speakers
		al.Segments[k].Speakers = slices.SortedFunc(slices.Values(al.Segments[k].Speakers), func(a, b balance.Speaker) int {
			return slices.Index(listed, a.Name) - slices.Index(listed, b.Name)
		})
	}
	report, err := balance.PlanReport(&ros, p)
	if err != nil {
		t.Fatal(err)
	}
	return &render.Document{RunOfShow: &ros, Allocation: &al, Report: report, Location: d.Location, Redact: d.Redact}
}
