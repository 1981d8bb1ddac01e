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
	for _, c := range []struct{ n, segs, reps int }{{12, 1, 3000}, {150, 1, 300}, {3000, 1, 20}, {4998, 20, 2}} {
		var rng *rand.Rand
		if c.segs == 1 {
			rng = rand.New(rand.NewPCG(uint64(c.n), 7))
		} else {
			rng = rand.New(rand.NewPCG(5000, 20))
		}
		s := genSession(rng, c.n, c.segs)
		p := genPolicy(rng, s)
		balance.Allocate(s, p)
		start := cpuNow()
		for range c.reps {
			if _, err := balance.Allocate(s, p); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Printf("%d/%d: %v CPU per op\n", c.n, c.segs, (cpuNow()-start)/time.Duration(c.reps))
	}
}
