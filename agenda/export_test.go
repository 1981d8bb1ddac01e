package agenda

// The particular kinds of ErrInvalid, under names the tests of package
// agenda_test can use to tell them apart.
var (
	ErrMissing         = errMissing
	ErrLength          = errLength
	ErrDuplicate       = errDuplicate
	ErrNoPerson        = errNoPerson
	ErrNoQuestion      = errNoQuestion
	ErrUnderfill       = errUnderfill
	ErrDoubleBooked    = errDoubleBooked
	ErrModeConflict    = errModeConflict
	ErrRoleMissing     = errRoleMissing
	ErrCount           = errCount
	ErrText            = errText
	ErrTooManyProblems = errTooManyProblems
	ErrYear            = errYear
)

// ParseError lets the tests of package agenda_test read the parts of the
// error of an unknown enumeration value.
type ParseError = parseError

// Redacted returns w as String writes it without its Text, as an output that
// shows no names writes it.
func Redacted(w Warning) string {
	w.Text = ""
	return w.String()
}

// Text returns what ConflictError.Error writes for r.
func (r SessionRef) Text() string { return r.text() }
