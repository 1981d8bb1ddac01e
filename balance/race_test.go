//go:build race

package balance_test

// raceEnabled is set when the tests run with the race detector, which slows
// the reference solver's dense tableau tenfold: the comparison with it is
// left to the run without the detector.
const raceEnabled = true
