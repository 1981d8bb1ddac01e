package balance_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/balance"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestCPUTmp(t *testing.T) {
	if os.Getenv("CPUTMP") == "" {
		t.Skip()
	}
	for _, c := range []struct{ n, segs, reps int }{{12, 1, 1000}, {150, 1, 100}, {3000, 1, 8}, {4998, 20, 1}} {
		var rng *rand.Rand
		if c.segs == 1 {
			rng = rand.New(rand.NewPCG(uint64(c.n), 7))
		} else {
			rng = rand.New(rand.NewPCG(5000, 20))
		}
		s := genSession(rng, c.n, c.segs)
		p := genPolicy(rng, s)
		balance.Allocate(s, p)
		best := time.Hour
		for range 7 {
			start := cpuNow()
			for range c.reps {
				if _, err := balance.Allocate(s, p); err != nil {
					t.Fatal(err)
				}
			}
			best = min(best, (cpuNow()-start)/time.Duration(c.reps))
		}
		fmt.Printf("%d/%d: %v CPU per op (best of 7)\n", c.n, c.segs, best)
	}
}
