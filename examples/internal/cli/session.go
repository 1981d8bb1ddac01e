package cli

import (
	"fmt"
	"io"

	"github.com/fairfloor/fairfloor/agenda"
)

// DecodeSession reads a session's JSON from r, named name in an error,
// with the line of the problem where it has one ("draft.json:12: agenda:
// decoding …"), so that the organizer who edited the file finds it.
func DecodeSession(name string, r io.Reader) (*agenda.Session, error) {
	data, err := agenda.ReadInput(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := new(agenda.Session)
	if err := s.UnmarshalJSON(data); err != nil {
		if line := Line(data, err); line > 0 {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}
