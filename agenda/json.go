package agenda

import (
	"errors"
	"io"
	"strings"

	"github.com/go-json-experiment/json"
)

// ErrTooLarge is matched by every *[LimitError]: input beyond [MaxBytes],
// [MaxPeople], [MaxSegments] or another of fairfloor's limits.
var ErrTooLarge = errors.New("agenda: input too large")

// DecodeError reports JSON that does not describe a session, or input that
// cannot be read. Its Err is an error listing the valid values for an unknown
// enumeration value, the error of package timeslot for a length or slot that
// cannot be read, a *[LimitError] for input beyond a limit, a *json.SyntaxError
// or [io.ErrUnexpectedEOF] for text that is not JSON, the error of the reader
// or file system, or, for the other problems (an unknown field, a field given
// twice, a value of the wrong type), an error that only says what is wrong.
type DecodeError struct {
	File  string // the file, when reading many (see [ReadProgramme]); empty otherwise
	Field string // where in the document, such as "people[2].region"; empty for the whole document
	Err   error  // what is wrong: see below
}

// Error returns "agenda: decoding <file> <path>: <problem>".
func (e *DecodeError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "agenda: ")
	where := strings.TrimSpace(e.File + " " + e.Field)
	if where == "" {
		return "agenda: decoding: " + msg
	}
	return "agenda: decoding " + where + ": " + msg
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode reads a session from r as JSON. It reads at most [MaxBytes]; see
// [Session.UnmarshalJSON] for how strict it is and for the limits on
// people and segments. It does not validate the session: call
// [Session.Validate] for that. Every error is a *[DecodeError]; one that
// r returns is wrapped in it.
func Decode(r io.Reader) (*Session, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	s := new(Session)
	if err := s.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return s, nil
}

// UnmarshalJSON decodes a session strictly. Unknown fields, a field given
// twice, values of the wrong JSON type, unknown enumeration spellings, and
// anything after the session are errors: a *DecodeError whose Field names the
// field. Durations are strings such as "40m", "1h30m" or "40 min"; times are
// RFC 3339. Input beyond [MaxBytes], and a list of people or segments
// longer than [MaxPeople] or [MaxSegments], is a *DecodeError wrapping a
// *[LimitError], found as soon as the list passes the limit. It replaces
// all of s, and leaves s unchanged on error.
func (s *Session) UnmarshalJSON(data []byte) error {
	type plain Session // without methods, so decode does not call this one again
	var out plain
	if err := unmarshalStrict(data, &out); err != nil {
		return err
	}
	a, err := attributions.parse(out.Attribution)
	if err != nil {
		return &DecodeError{Field: "attribution", Err: err}
	}
	out.Attribution = a
	*s = Session(out)
	return nil
}

// segmentJSON is a Segment without its methods.
type segmentJSON Segment

// MarshalJSON encodes the segment with its length as a string such as
// "40m", as [timeslot.FormatLength] writes it, and its fields in the order
// they are declared. It writes Kind as it is: [Session.Validate] checks it.
func (seg Segment) MarshalJSON() ([]byte, error) {
	return json.Marshal(segmentJSON(seg), written)
}

// UnmarshalJSON decodes a segment as strictly as [Session.UnmarshalJSON],
// with the same *[DecodeError] values.
func (seg *Segment) UnmarshalJSON(data []byte) error {
	var out segmentJSON
	if err := unmarshalStrict(data, &out); err != nil {
		return err
	}
	*seg = Segment(out)
	return nil
}
