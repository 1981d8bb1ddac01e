// Package timeslot implements the clock arithmetic of one session: the slot
// it is given, the segments placed back to back on it, and the parallel tracks
// that run side by side.
//
// A [Slot] is a start time in a location and a length. A session that has a
// length but no start yet (a proposal not yet scheduled) has the zero start
// time; everything still works, measured from the zero time.
//
// [Slot.Place] lays [Block] values on a slot in order and returns a [Plan]:
// where each block starts and ends, how much of the slot is left, and by how
// much the plan overruns it. Consecutive blocks that carry a track run in
// parallel: each track starts when the parallel run starts, the blocks of one
// track follow each other, and the run ends when its longest track ends. A
// block without a track is a plenary block that everyone attends.
//
// [ParseRange] and [ParseLength] read the spellings that session pages use,
// such as "06:15-07:45 UTC", "16:00h - 18:00h", "90 minutes" and "40 min".
// [FormatLength] writes a length in the short form "1h30m" that ParseLength
// and [time.ParseDuration] both read back.
//
// The package uses the standard library only.
package timeslot
