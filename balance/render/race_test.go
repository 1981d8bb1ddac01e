//go:build race

package render_test

// raceEnabled is set when the tests run with the race detector, which slows
// rendering tenfold: the worst cases are left to the run without it.
const raceEnabled = true
