//go:build race

package timetable_test

// raceEnabled is set when the tests run with the race detector, which
// slows the search tenfold: the IGF-sized tests run on a smaller forum then.
const raceEnabled = true
