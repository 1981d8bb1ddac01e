package balance_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// orderExactLimit is the most speakers Order orders exactly.
const orderExactLimit = 12

// orderPool holds names whose agenda.NameKey order differs from their byte
// order (case, accents, inner spaces), so that a tie broken on raw names
// rather than keys shows.
var orderPool = []string{
	"Zainab", "amara", "Björn", "chen  Wei", "Émile", "dagny", "Ömer", "Ana",
	"ibrahim", "Karin", "li na", "Mateo", "Tupou’tuah", "yusuf",
}

// orderSegment draws the speakers of a segment: n of them, n in [lo, hi],
// onsite or online (rarely neither), with regional and stakeholder groups
// from small sets so that neighbours often share them, some left empty.
func orderSegment(rng *rand.Rand, lo, hi int) []*agenda.Person {
	modes := []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline, agenda.ModeOnsite, agenda.ModeOnline, agenda.ModeOnsite, ""}
	regions := []agenda.Region{"WEOG", "African Group", "GRULAC", ""}
	stakeholders := []agenda.Stakeholder{"Government", "Civil Society", "Private Sector", ""}
	n := lo + rng.IntN(hi-lo+1)
	names := slices.Clone(orderPool)
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for i := len(names); i < n; i++ {
		names = append(names, fmt.Sprintf("Speaker %02d", i))
	}
	people := make([]*agenda.Person, n)
	for i := range people {
		people[i] = &agenda.Person{
			Name:        names[i],
			Roles:       []agenda.Role{agenda.RoleSpeaker},
			Mode:        modes[rng.IntN(len(modes))],
			Region:      regions[rng.IntN(len(regions))],
			Stakeholder: stakeholders[rng.IntN(len(stakeholders))],
		}
	}
	return people
}

// drawOrderPins draws up to two names to pin first and up to two to pin last,
// written in another case than the people's, sometimes naming someone who
// does not speak in the segment, and sometimes the same person both ways.
func drawOrderPins(rng *rand.Rand, people []*agenda.Person) (first, last []string) {
	pick := func() []string {
		var names []string
		for range rng.IntN(3) {
			name := people[rng.IntN(len(people))].Name
			if rng.IntN(2) == 0 {
				name = strings.ToUpper(name)
			}
			names = append(names, name)
		}
		if rng.IntN(8) == 0 {
			names = append(names, "Nobody In This Segment")
		}
		return names
	}
	return pick(), pick()
}

// orderPenalty is the penalty of an order, from the documented constants:
// same mode counts only in a segment with both onsite and online speakers,
// and an empty mode, region or stakeholder group matches nobody.
func orderPenalty(order []*agenda.Person) int {
	onsite, online := false, false
	for _, p := range order {
		onsite = onsite || p.Mode == agenda.ModeOnsite
		online = online || p.Mode == agenda.ModeOnline
	}
	c := 0
	for i := 1; i < len(order); i++ {
		a, b := order[i-1], order[i]
		if onsite && online && a.Mode != "" && a.Mode == b.Mode {
			c += balance.PenaltyMode
		}
		if a.Region != "" && a.Region == b.Region {
			c += balance.PenaltyRegion
		}
		if a.Stakeholder != "" && a.Stakeholder == b.Stakeholder {
			c += balance.PenaltyStakeholder
		}
	}
	return c
}

// orderSameMode counts the neighbours with the same mode.
func orderSameMode(order []*agenda.Person) int {
	n := 0
	for i := 1; i < len(order); i++ {
		if order[i-1].Mode != "" && order[i-1].Mode == order[i].Mode {
			n++
		}
	}
	return n
}

// orderPermutations calls visit with every order of people, reusing one slice.
func orderPermutations(people []*agenda.Person, visit func([]*agenda.Person)) {
	perm := slices.Clone(people)
	var rec func(k int)
	rec = func(k int) {
		if k == len(perm) {
			visit(perm)
			return
		}
		for i := k; i < len(perm); i++ {
			perm[k], perm[i] = perm[i], perm[k]
			rec(k + 1)
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	rec(0)
}

// orderKeysBefore reports whether a comes before b comparing name keys
// position by position.
func orderKeysBefore(a, b []*agenda.Person, key map[*agenda.Person]string) bool {
	for i := range a {
		if ka, kb := key[a[i]], key[b[i]]; ka != kb {
			return ka < kb
		}
	}
	return false
}

// orderBest returns, by brute force over all orders that keep, the least
// penalty and the order that has it whose name keys come first.
func orderBest(people []*agenda.Person, keep func([]*agenda.Person) bool) (int, []*agenda.Person) {
	key := map[*agenda.Person]string{}
	for _, p := range people {
		key[p] = agenda.NameKey(p.Name)
	}
	best, bestOrder := -1, []*agenda.Person(nil)
	orderPermutations(people, func(perm []*agenda.Person) {
		if !keep(perm) {
			return
		}
		c := orderPenalty(perm)
		if best < 0 || c < best || c == best && orderKeysBefore(perm, bestOrder, key) {
			best, bestOrder = c, slices.Clone(perm)
		}
	})
	return best, bestOrder
}

// orderPins is who is pinned first and who last; someone pinned both ways
// counts as first.
type orderPins struct{ first, last map[*agenda.Person]bool }

func newOrderPins(people []*agenda.Person, first, last []string) orderPins {
	set := func(names []string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[agenda.NameKey(n)] = true
		}
		return m
	}
	f, l := set(first), set(last)
	pins := orderPins{first: map[*agenda.Person]bool{}, last: map[*agenda.Person]bool{}}
	for _, p := range people {
		k := agenda.NameKey(p.Name)
		pins.first[p] = f[k]
		pins.last[p] = !f[k] && l[k]
	}
	return pins
}

// kept reports whether an order puts everyone pinned first before everyone
// else and everyone pinned last after everyone else.
func (pins orderPins) kept(order []*agenda.Person) bool {
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			if pins.first[order[j]] && !pins.first[order[i]] || pins.last[order[i]] && !pins.last[order[j]] {
				return false
			}
		}
	}
	return true
}

// checkOrderPermutation fails unless got holds exactly the people of in,
// the same pointers, each once.
func checkOrderPermutation(t *testing.T, in, got []*agenda.Person) {
	t.Helper()
	if len(got) != len(in) {
		t.Fatalf("Order returned %d people, want %d", len(got), len(in))
	}
	left := map[*agenda.Person]int{}
	for _, p := range in {
		left[p]++
	}
	for _, p := range got {
		if left[p] == 0 {
			t.Fatalf("Order returned %q, which is not one of its input or comes twice", p.Name)
		}
		left[p]--
	}
}

func orderNames(people []*agenda.Person) []string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	return names
}

func orderDescribe(people []*agenda.Person) string {
	var b strings.Builder
	for _, p := range people {
		fmt.Fprintf(&b, "\n\t%q {%q %q %q}", p.Name, p.Mode, p.Region, p.Stakeholder)
	}
	return b.String()
}

// TestOrderOptimal checks Order on random segments of up to 7 speakers
// against every order of them: its penalty is the least there is, and among
// the orders with that penalty it is the one whose name keys come first.
func TestOrderOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 300 {
		people := orderSegment(rng, 1, 7)
		t.Run(fmt.Sprintf("case%03d/n=%d", k, len(people)), func(t *testing.T) {
			got := balance.Order(people, nil, nil)
			checkOrderPermutation(t, people, got)
			wantPen, want := orderBest(people, func([]*agenda.Person) bool { return true })
			if gotPen := orderPenalty(got); gotPen != wantPen {
				t.Errorf("penalty %d, want the least over all orders, %d; people:%s", gotPen, wantPen, orderDescribe(people))
			}
			if diff := cmp.Diff(orderNames(want), orderNames(got)); diff != "" {
				t.Errorf("Order: mismatch (-want +got):\n%s\npeople:%s", diff, orderDescribe(people))
			}
		})
	}
}

// TestOrderPins checks First and Last on random segments: the pinned people
// take the first and last places, and the order is the best, and the first
// by name keys, of the orders that keep the pins.
func TestOrderPins(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 300 {
		people := orderSegment(rng, 1, 7)
		first, last := drawOrderPins(rng, people)
		t.Run(fmt.Sprintf("case%03d/n=%d", k, len(people)), func(t *testing.T) {
			got := balance.Order(people, first, last)
			checkOrderPermutation(t, people, got)
			pins := newOrderPins(people, first, last)
			nFirst, nLast := 0, 0
			for _, p := range people {
				nFirst += orderBtoi(pins.first[p])
				nLast += orderBtoi(pins.last[p])
			}
			for i, p := range got {
				if wantFirst, wantLast := i < nFirst, i >= len(got)-nLast; pins.first[p] != wantFirst || pins.last[p] != wantLast {
					t.Errorf("%q is at %d of %d, with %d pinned first (%q) and %d last (%q)", p.Name, i, len(got), nFirst, first, nLast, last)
				}
			}
			wantPen, want := orderBest(people, pins.kept)
			if gotPen := orderPenalty(got); gotPen != wantPen {
				t.Errorf("penalty %d, want the least over the orders keeping the pins, %d; first %q, last %q, people:%s", gotPen, wantPen, first, last, orderDescribe(people))
			}
			if diff := cmp.Diff(orderNames(want), orderNames(got)); diff != "" {
				t.Errorf("Order(first %q, last %q): mismatch (-want +got):\n%s\npeople:%s", first, last, diff, orderDescribe(people))
			}
		})
	}
}

func orderBtoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestOrderIndependentOfInput checks that shuffling the speakers, and the
// names pinned, changes nothing, both where Order is exact (up to 12
// speakers) and where it uses its heuristic.
func TestOrderIndependentOfInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for k := range 40 {
		lo, hi := 1, orderExactLimit
		if k%5 == 4 {
			lo, hi = orderExactLimit+1, 40
		}
		people := orderSegment(rng, lo, hi)
		first, last := drawOrderPins(rng, people)
		t.Run(fmt.Sprintf("case%03d/n=%d", k, len(people)), func(t *testing.T) {
			want := orderNames(balance.Order(people, first, last))
			for range 2 {
				shuffled, f, l := slices.Clone(people), slices.Clone(first), slices.Clone(last)
				rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				rng.Shuffle(len(f), func(i, j int) { f[i], f[j] = f[j], f[i] })
				rng.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
				if diff := cmp.Diff(want, orderNames(balance.Order(shuffled, f, l))); diff != "" {
					t.Fatalf("Order of the shuffled input %q: mismatch (-want +got):\n%s", orderNames(shuffled), diff)
				}
			}
		})
	}
}

// TestOrderHeuristic checks Order above 12 speakers, where it is not exact:
// on random segments it returns a permutation that keeps the pins; on
// segments built to have an order without any penalty it finds one.
func TestOrderHeuristic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for k := range 12 {
		people := orderSegment(rng, orderExactLimit+1, 40)
		first, last := drawOrderPins(rng, people)
		t.Run(fmt.Sprintf("random%02d/n=%d", k, len(people)), func(t *testing.T) {
			got := balance.Order(people, first, last)
			checkOrderPermutation(t, people, got)
			if !newOrderPins(people, first, last).kept(got) {
				t.Errorf("Order(first %q, last %q) = %q does not keep the pins", first, last, orderNames(got))
			}
		})
	}

	// speakers makes n onsite and m online speakers with nothing else in common.
	speakers := func(onsite, online int) []*agenda.Person {
		var out []*agenda.Person
		for i := range onsite + online {
			mode := agenda.ModeOnsite
			if i >= onsite {
				mode = agenda.ModeOnline
			}
			out = append(out, &agenda.Person{Name: fmt.Sprintf("Speaker %02d", i), Mode: mode})
		}
		return out
	}
	for _, tt := range []struct {
		name        string
		reason      string
		people      []*agenda.Person
		first, last []string
		wantPenalty int
	}{{
		name:   "alternating",
		reason: "10 onsite and 10 online can alternate all the way",
		people: speakers(10, 10),
	}, {
		name:   "one more onsite",
		reason: "8 onsite and 7 online alternate when an onsite speaker starts and another ends",
		people: speakers(8, 7),
	}, {
		name:   "one mode",
		reason: "in a segment with one mode, the mode costs nothing",
		people: speakers(15, 0),
	}, {
		name:   "pinned",
		reason: "pins at both ends still leave room to alternate: online first, onsite last",
		people: speakers(10, 10),
		first:  []string{"Speaker 12"},
		last:   []string{"speaker 03"},
	}, {
		name:        "twice as many onsite",
		reason:      "14 onsite among 7 online make at least 6 onsite neighbours",
		people:      speakers(14, 7),
		wantPenalty: 6 * balance.PenaltyMode,
	}} {
		t.Run(tt.name, func(t *testing.T) {
			got := balance.Order(tt.people, tt.first, tt.last)
			checkOrderPermutation(t, tt.people, got)
			if !newOrderPins(tt.people, tt.first, tt.last).kept(got) {
				t.Errorf("Order = %q does not keep the pins first %q, last %q (%s)", orderNames(got), tt.first, tt.last, tt.reason)
			}
			if diff := cmp.Diff(tt.wantPenalty, orderPenalty(got)); diff != "" {
				t.Errorf("penalty of %q: mismatch (-want +got):\n%s(%s)", orderNames(got), diff, tt.reason)
			}
		})
	}
}

// TestOrderCases pins the order of hand-made segments.
func TestOrderCases(t *testing.T) {
	p := func(name string, mode agenda.Mode, region agenda.Region, sh agenda.Stakeholder) *agenda.Person {
		return &agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: mode, Region: region, Stakeholder: sh}
	}
	const (
		on, off = agenda.ModeOnline, agenda.ModeOnsite
		weog    = "WEOG"
		grulac  = "GRULAC"
		african = "African Group"
		gov     = "Government"
		cs      = "Civil Society"
		ps      = "Private Sector"
	)
	for _, tt := range []struct {
		name        string
		reason      string
		people      []*agenda.Person
		first, last []string
		want        []string
	}{{
		name:   "empty",
		reason: "no speakers, no turns",
		want:   []string{},
	}, {
		name:   "one",
		reason: "one speaker is the order",
		people: []*agenda.Person{p("Ana", on, weog, gov)},
		want:   []string{"Ana"},
	}, {
		name:   "name keys break ties",
		reason: "nothing in common: the order is by name key, so lower-case amara comes before Björn and Zainab, and Émile last",
		people: []*agenda.Person{p("Zainab", "", "", ""), p("Émile", "", "", ""), p("Björn", "", "", ""), p("amara", "", "", "")},
		want:   []string{"amara", "Björn", "Zainab", "Émile"},
	}, {
		name:   "modes alternate",
		reason: "two onsite and two online alternate; the onsite Ana starts, being first by name",
		people: []*agenda.Person{p("Ana", off, "", ""), p("Ben", off, "", ""), p("Cai", on, "", ""), p("Dov", on, "", "")},
		want:   []string{"Ana", "Cai", "Ben", "Dov"},
	}, {
		name:   "one mode is no mode",
		reason: "all onsite: the mode costs nothing, the two WEOG speakers are kept apart",
		people: []*agenda.Person{p("Ana", off, weog, ""), p("Ben", off, weog, ""), p("Cai", off, grulac, "")},
		want:   []string{"Ana", "Cai", "Ben"},
	}, {
		name:   "empty groups never match",
		reason: "three speakers with no region or stakeholder group and one mode cost nothing side by side",
		people: []*agenda.Person{p("Cai", "", "", ""), p("Ana", "", "", ""), p("Ben", "", "", "")},
		want:   []string{"Ana", "Ben", "Cai"},
	}, {
		name:   "region before stakeholder",
		reason: "Ana shares a region (2) with Ben and a stakeholder group (1) with Cai: Cai goes between them; weighed alike, the tie would go to Ana Ben Cai",
		people: []*agenda.Person{p("Ana", "", african, gov), p("Ben", "", african, cs), p("Cai", "", grulac, gov)},
		want:   []string{"Ana", "Cai", "Ben"},
	}, {
		name:   "mode before region",
		reason: "Ana shares the mode (4) with Ben, and a region and stakeholder group (2+1) with Cai: Cai goes between them",
		people: []*agenda.Person{p("Ana", off, weog, gov), p("Ben", off, african, cs), p("Cai", on, weog, gov)},
		want:   []string{"Ana", "Cai", "Ben"},
	}, {
		name:   "pins",
		reason: "Dov is pinned first and Ana last, whatever the case of their names; the others fill the middle",
		people: []*agenda.Person{p("Ana", off, "", ""), p("Ben", off, "", ""), p("Cai", on, "", ""), p("Dov", on, "", "")},
		first:  []string{"DOV"},
		last:   []string{" ana "},
		want:   []string{"Dov", "Ben", "Cai", "Ana"},
	}, {
		name:   "pinned both ways",
		reason: "someone pinned first and last goes first; a pin naming someone absent is ignored",
		people: []*agenda.Person{p("Ana", "", "", ""), p("Ben", "", "", ""), p("Cai", "", "", "")},
		first:  []string{"Cai", "Nobody"},
		last:   []string{"Cai", "Ana"},
		want:   []string{"Cai", "Ben", "Ana"},
	}, {
		name:   "two pinned first",
		reason: "the people pinned first are ordered among themselves too",
		people: []*agenda.Person{p("Ana", off, weog, ps), p("Ben", off, grulac, ps), p("Cai", on, weog, cs), p("Dov", on, african, gov)},
		first:  []string{"Cai", "Ben"},
		want:   []string{"Cai", "Ben", "Dov", "Ana"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			got := orderNames(balance.Order(tt.people, tt.first, tt.last))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Order: mismatch (-want +got):\n%s(%s)", diff, tt.reason)
			}
		})
	}
}

// TestOrderPanel orders the speakers of an IGF panel (four onsite, two
// online; five WEOG, one GRULAC). Two online speakers split four onsite ones
// into at most three runs, so at least one pair of neighbours shares the
// mode; the best order has exactly one.
func TestOrderPanel(t *testing.T) {
	people := []*agenda.Person{
		{Name: "Joyce Hakmeh", Mode: agenda.ModeOnsite, Region: "WEOG", Stakeholder: "Civil Society"},
		{Name: "Pablo Castro", Mode: agenda.ModeOnline, Region: "GRULAC", Stakeholder: "Government"},
		{Name: "Marie Humeau", Mode: agenda.ModeOnsite, Region: "WEOG", Stakeholder: "Government"},
		{Name: "Engelbert Theuermann", Mode: agenda.ModeOnsite, Region: "WEOG", Stakeholder: "Government"},
		{Name: "Charlotte Lindsey", Mode: agenda.ModeOnline, Region: "WEOG", Stakeholder: "Civil Society"},
		{Name: "Nick Ashton-Hart", Mode: agenda.ModeOnsite, Region: "WEOG", Stakeholder: "Private Sector"},
	}
	leastSameMode := len(people)
	orderPermutations(people, func(perm []*agenda.Person) { leastSameMode = min(leastSameMode, orderSameMode(perm)) })
	bestPen, best := orderBest(people, func([]*agenda.Person) bool { return true })

	got := balance.Order(people, nil, nil)
	type summary struct {
		LeastSameMode, SameMode, BestPenalty, Penalty int
		Order                                         []string
	}
	want := summary{
		LeastSameMode: 1, SameMode: 1, BestPenalty: 10, Penalty: 10,
		// 4 for Marie and Joyce, both onsite, and 2 for each of the three
		// pairs of WEOG neighbours, which one GRULAC speaker cannot avoid.
		Order: []string{"Engelbert Theuermann", "Charlotte Lindsey", "Marie Humeau", "Joyce Hakmeh", "Pablo Castro", "Nick Ashton-Hart"},
	}
	gotSum := summary{
		LeastSameMode: leastSameMode, SameMode: orderSameMode(got), BestPenalty: bestPen, Penalty: orderPenalty(got),
		Order: orderNames(got),
	}
	if diff := cmp.Diff(want, gotSum); diff != "" {
		t.Errorf("panel: mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(orderNames(best), orderNames(got)); diff != "" {
		t.Errorf("panel against brute force: mismatch (-want +got):\n%s", diff)
	}
}
