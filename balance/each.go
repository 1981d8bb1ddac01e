package balance

import (
	"fmt"
	"runtime"
	"sync"
)

// each calls f(0), …, f(n-1) on as many goroutines as there are cores. A
// call that panics does not take the process down: its panic is returned,
// at its index, as an error matching [errInternal], and the other calls go
// on. The result is nil when no call panics.
func each(n int, f func(i int)) []error {
	var failed []error
	var failedMu sync.Mutex
	call := func(i int) {
		defer func() {
			if r := recover(); r != nil {
				failedMu.Lock()
				if failed == nil {
					failed = make([]error, n)
				}
				failed[i] = fmt.Errorf("%w: %v", errInternal, r)
				failedMu.Unlock()
			}
		}()
		f(i)
	}
	workers := min(n, runtime.GOMAXPROCS(0))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
	)
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				call(i)
			}
		})
	}
	wg.Wait()
	return failed
}
