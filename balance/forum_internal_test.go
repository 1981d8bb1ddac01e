package balance

import (
	"errors"
	"testing"
)

// TestEachRecovers: a call of a worker that panics becomes an error at its
// index, matching errInternal, and the other calls still run.
func TestEachRecovers(t *testing.T) {
	ran := make([]bool, 8)
	failed := each(len(ran), func(i int) {
		if i == 3 {
			var none []int
			_ = none[i] // index out of range, as the bug of issue 13 was
		}
		ran[i] = true
	})
	for i, ok := range ran {
		if ok != (i != 3) {
			t.Errorf("call %d ran: %v", i, ok)
		}
	}
	if len(failed) != len(ran) || !errors.Is(failed[3], errInternal) {
		t.Fatalf("failed = %v, want errInternal at index 3", failed)
	}
	for i, err := range failed {
		if i != 3 && err != nil {
			t.Errorf("call %d: %v, want nil", i, err)
		}
	}
	if got := each(4, func(int) {}); got != nil {
		t.Errorf("no panic: %v, want nil", got)
	}
}
