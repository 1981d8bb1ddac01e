package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/fairfloor/fairfloor/agenda"
)

// DecodeSession reads a session's JSON from r, named name in an error,
// with the line of the problem where it has one ("draft.json:12: agenda:
// decoding …"), so that the organizer who edited the file finds it.
func DecodeSession(name string, r io.Reader) (*agenda.Session, error) {
	// Read at most one byte more than agenda reads, so that UnmarshalJSON
	// refuses what is too long, and keep the bytes to find the line.
	data, err := io.ReadAll(io.LimitReader(r, agenda.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a byte-order mark, as agenda.Decode drops it
	s := new(agenda.Session)
	if err := s.UnmarshalJSON(data); err != nil {
		if line := Line(data, err); line > 0 {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}
