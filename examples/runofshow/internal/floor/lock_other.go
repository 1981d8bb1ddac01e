//go:build !unix

package floor

import "os"

// lock does nothing where there is no flock: one server per log is then the
// user's to keep.
func lock(*os.File) error { return nil }
