package balance_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// FuzzOrder orders speakers whose names are the fuzzer's, split at "|",
// with pins it writes the same way, and groups drawn from its seed. Order
// must never panic, return the people it was given, each once, and keep
// the pins. When no two names share a name key, as in a valid session, the
// order must not depend on the order of its input; and up to 7 speakers it
// must be the best there is, by brute force.
func FuzzOrder(f *testing.F) {
	f.Add(uint64(1), "Ana|Ben|Chloe|Dana", "ben", "ANA")
	f.Add(uint64(2), strings.Join(orderPool, "|"), "Zainab|nobody", "li  na|Émile")
	f.Add(uint64(3), "Tupou'tuah|tupou’tuah|x", "TUPOU’TUAH", "")
	f.Add(uint64(4), "||  | a ", "", "|")
	f.Add(uint64(5), "a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t", "t|s", "a")
	f.Add(uint64(6), "", "", "")
	f.Fuzz(func(t *testing.T, seed uint64, names, first, last string) {
		rng := rand.New(rand.NewPCG(seed, 7))
		list := strings.Split(names, "|")
		if len(list) > 40 {
			list = list[:40]
		}
		modes := []agenda.Mode{agenda.ModeOnsite, agenda.ModeOnline, ""}
		regions := []agenda.Region{"WEOG", "African Group", "GRULAC", ""}
		stakeholders := []agenda.Stakeholder{"Government", "Civil Society", ""}
		people := make([]*agenda.Person, len(list))
		keys := map[string]bool{}
		for i, name := range list {
			people[i] = &agenda.Person{Name: name, Mode: modes[rng.IntN(len(modes))],
				Region: regions[rng.IntN(len(regions))], Stakeholder: stakeholders[rng.IntN(len(stakeholders))]}
			keys[agenda.NameKey(name)] = true
		}
		firsts, lasts := strings.Split(first, "|"), strings.Split(last, "|")
		got := balance.Order(people, firsts, lasts)
		checkOrderPermutation(t, people, got)
		pins := newOrderPins(people, firsts, lasts)
		if !pins.kept(got) {
			t.Fatalf("Order(%q, %q, %q) = %q does not keep the pins", list, firsts, lasts, orderNames(got))
		}
		if len(keys) < len(people) {
			return // two people with one name key: which goes first is not defined
		}
		shuffled := slices.Clone(people)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(orderNames(got), orderNames(balance.Order(shuffled, firsts, lasts))); diff != "" {
			t.Fatalf("Order of %q, shuffled: mismatch (-want +got):\n%s", orderNames(people), diff)
		}
		if len(people) <= 7 {
			best, bestOrder := orderBest(people, pins.kept)
			if c := orderPenalty(got); c != best {
				t.Fatalf("Order(%s) = %q, penalty %d; the best is %q, penalty %d", orderDescribe(people), orderNames(got), c, orderNames(bestOrder), best)
			}
		}
	})
}
