package balance_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// BenchmarkAllocate measures allocation (solve and rounding) for sessions of
// growing size in three dimensions, every speaker with their own bounds.
func BenchmarkAllocate(b *testing.B) {
	for _, n := range []int{6, 12, 60, 150, 1000, 3000} {
		b.Run(fmt.Sprintf("speakers=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(uint64(n), 7))
			s := genSession(rng, n, 1) // one speaking budget, as in the programme of the package doc
			p := genPolicy(rng, s)
			if _, err := balance.Allocate(s, p); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := balance.Allocate(s, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAllocateSegments measures Allocate at 5,000 speakers over 20
// speaking segments, the size of issue 14's last target (20 ms).
func BenchmarkAllocateSegments(b *testing.B) {
	rng := rand.New(rand.NewPCG(5000, 20))
	s := genSession(rng, 4998, 20) // and the two moderators: agenda.MaxPeople
	p := genPolicy(rng, s)
	if _, err := balance.Allocate(s, p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := balance.Allocate(s, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/5000, "ns/speaker")
}

// BenchmarkOrder measures the order of turns of one segment: exact up to 12
// speakers, heuristic above.
func BenchmarkOrder(b *testing.B) {
	for _, n := range []int{6, 12, 13, 30, 60, 300, 3000} {
		b.Run(fmt.Sprintf("speakers=%d", n), func(b *testing.B) {
			s := genSession(rand.New(rand.NewPCG(uint64(n), 9)), n, 1)
			people := make([]*agenda.Person, 0, n)
			for i := 2; i < len(s.People); i++ {
				people = append(people, &s.People[i])
			}
			b.ReportAllocs()
			for b.Loop() {
				balance.Order(people, nil, nil)
			}
		})
	}
}

// BenchmarkPlanRoundtable measures a whole plan, allocation and order of
// turns, of a session shaped like seed 000: seven speakers over three
// questions, some speaking twice, under the parity promise.
func BenchmarkPlanRoundtable(b *testing.B) {
	s := genSession(rand.New(rand.NewPCG(0, 0)), 7, 3)
	p := balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
		Intro: time.Minute, OnlineHandover: 30 * time.Second}
	if _, _, err := balance.Plan(s, p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := balance.Plan(s, p); err != nil {
			b.Fatal(err)
		}
	}
}
