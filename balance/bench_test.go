package balance_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

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
