package render

import (
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// validation returns what agenda.Session.Validate finds in the session as
// given, one problem each, on one line as every format shows a value, with
// what validation hides hidden and, under Redact, what agenda.Redact hides.
func (d *Document) validation() []string {
	s := d.source
	if s == nil {
		s = d.Session()
	}
	err := s.Validate()
	if d.Redact {
		err = agenda.Redact(err)
	}
	if err == nil {
		return nil
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = shown(strings.TrimPrefix(e.Error(), "agenda: "))
	}
	return out
}
