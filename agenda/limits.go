package agenda

import (
	"bytes"
	"fmt"
	"io"
)

// The limits of a session. Every function of fairfloor that takes a session
// or reads one refuses a session beyond them with a *[LimitError], which
// matches [ErrTooLarge], before doing any work that grows with it; within
// them, time and memory grow in proportion to the session (see README.md,
// "Limits", for the measurements).
const (
	// MaxBytes is the largest input, in bytes, that [Decode],
	// [Session.UnmarshalJSON], [ParseIGF] and the
	// readers of other packages accept. It is a thousand times a seed
	// session (a few kilobytes), and keeps a huge or endless input from
	// being read into memory.
	MaxBytes = 4 << 20

	// MaxPeople is the most people a session may list. It is hundreds of
	// times the people of a real session (the seed sessions list at most
	// ten), and keeps validating and planning a session within about 50
	// milliseconds and 20 MB (see README.md).
	MaxPeople = 5000

	// MaxSegments is the most segments a session may have. Real sessions
	// have a handful (the seed sessions at most six). Planning time grows
	// with the number of speaking segments times the number of speakers,
	// and at 100 segments shared by MaxPeople speakers it stays under about
	// half a second.
	MaxSegments = 100

	// MaxListed is the most names the segments of a session may list, its
	// speakers and facilitators counted once per segment that lists them.
	// A real session lists a few dozen; ten thousand is hundreds of times
	// that. Planning, ordering the turns and drawing the run-of-show grow
	// with it, so it bounds every output: without it, MaxPeople speakers in
	// each of MaxSegments segments would be half a million turns.
	MaxListed = 10000

	// maxProblems is the most problems [Session.Validate] lists; past it,
	// one more problem says how many are left out. A draft with a
	// thousand problems needs its first ones fixed before the rest, and
	// the cap keeps a session within the other limits from listing
	// millions: a hundred parallel breakouts sharing five hundred
	// facilitators are 2,475,000 double bookings.
	maxProblems = 1000
)

// LimitError reports input beyond one of fairfloor's limits: [MaxBytes],
// [MaxPeople], [MaxSegments], [MaxListed], or a limit of another package such as
// balance.MaxLogEntries. It matches [ErrTooLarge], so one errors.Is tells a
// caller that the input is simply too large, and errors.As gives what,
// how many and the limit.
type LimitError struct {
	What  string // what there is too much of: "bytes", "people", "segments", "log entries"
	Count int    // how many the input holds; 0 when reading stopped at the limit, before counting them all
	Max   int    // the limit
	Limit string // the name of the limit, such as "agenda.MaxPeople"
}

// Error returns "agenda: input too large: 5001 people, more than 5000
// (agenda.MaxPeople)", or "agenda: input too large: more than 4194304 bytes
// (agenda.MaxBytes)" when the count is not known.
func (e *LimitError) Error() string {
	if e.Count > 0 {
		return fmt.Sprintf("%s: %d %s, more than %d (%s)", ErrTooLarge, e.Count, e.What, e.Max, e.Limit)
	}
	return fmt.Sprintf("%s: more than %d %s (%s)", ErrTooLarge, e.Max, e.What, e.Limit)
}

// Unwrap returns [ErrTooLarge].
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// CheckSize returns a *[LimitError] if s lists more than [MaxPeople] people,
// more than [MaxSegments] segments or more than [MaxListed] names in its
// segments, and nil otherwise. It takes time in proportion to the number of
// segments, at most MaxSegments. [Session.Validate] and every function of package balance that takes
// a session call it before anything else.
func (s *Session) CheckSize() error {
	if err := checkPeople(len(s.People)); err != nil {
		return err
	}
	if err := checkSegments(len(s.Segments)); err != nil {
		return err
	}
	listed := 0
	for i := range s.Segments {
		listed += len(s.Segments[i].Speakers) + len(s.Segments[i].Facilitators)
	}
	if listed > MaxListed {
		return &LimitError{What: "names listed in segments", Count: listed, Max: MaxListed, Limit: "agenda.MaxListed"}
	}
	return nil
}

// checkPeople is the one check of MaxPeople: it returns nil for count
// people within it. A reader that stops at the first person past the limit
// sets Count to 0, as it has not counted them all.
func checkPeople(count int) *LimitError {
	if count > MaxPeople {
		return &LimitError{What: "people", Count: count, Max: MaxPeople, Limit: "agenda.MaxPeople"}
	}
	return nil
}

// checkSegments is the one check of MaxSegments.
func checkSegments(count int) *LimitError {
	if count > MaxSegments {
		return &LimitError{What: "segments", Count: count, Max: MaxSegments, Limit: "agenda.MaxSegments"}
	}
	return nil
}

// checkBytes is the one check of MaxBytes. Readers stop at MaxBytes+1, and
// set Count to 0.
func checkBytes(count int) *LimitError {
	if count > MaxBytes {
		return &LimitError{What: "bytes", Count: count, Max: MaxBytes, Limit: "agenda.MaxBytes"}
	}
	return nil
}

// readInput reads r to its end, but no more than [MaxBytes]: longer input
// is a *[LimitError], matching [ErrTooLarge], after reading MaxBytes+1
// bytes. Every reader of fairfloor's inputs (sessions, programmes, pages,
// policies, constraints, logs) reads with it; other errors are those of r.
// Every input is UTF-8 text, so a leading byte-order mark (EF BB BF), as
// the "CSV UTF-8" export of a spreadsheet writes, is dropped.
func readInput(r io.Reader) ([]byte, error) {
	var data []byte
	var err error
	if lr, ok := r.(interface{ Len() int }); ok {
		// A bytes.Reader or strings.Reader says how much is left: read it
		// into a buffer of its size, rather than one grown and copied as
		// io.ReadAll grows it.
		data = make([]byte, min(lr.Len(), MaxBytes+1))
		var n int
		n, err = io.ReadFull(r, data)
		data = data[:n]
		if err == io.ErrUnexpectedEOF {
			err = nil // shorter than it said: what there was is the input
		}
	} else {
		data, err = io.ReadAll(io.LimitReader(r, MaxBytes+1))
	}
	if err != nil {
		return nil, err
	}
	if err := checkBytes(len(data)); err != nil {
		err.Count = 0 // not read to the end
		return nil, err
	}
	return bytes.TrimPrefix(data, byteOrderMark), nil
}

// byteOrderMark is U+FEFF in UTF-8, which some programs write at the start
// of a UTF-8 file.
var byteOrderMark = []byte("\uFEFF")
