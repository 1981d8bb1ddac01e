//go:build race

package balance_test

// raceEnabled is set when the tests run with the race detector, which slows
// the reference solver's dense tableau tenfold: the costliest comparisons
// run on fewer cases then.
const raceEnabled = true
