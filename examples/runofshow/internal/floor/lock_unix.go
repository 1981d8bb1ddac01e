//go:build unix

package floor

import (
	"fmt"
	"os"
	"syscall"
)

// lock takes the log for this server alone: a second server on the same
// log would interleave its lines with this one's. The lock goes with the
// process, so a server killed leaves the log free for the next.
func lock(f *os.File) error {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return fmt.Errorf("%s: another server has the log open: %w", f.Name(), err)
	}
	return nil
}
