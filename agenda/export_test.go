package agenda

// The particular kinds of ErrInvalid, under names the tests of package
// agenda_test can use to tell them apart.
var (
	ErrMissing      = errMissing
	ErrLength       = errLength
	ErrDuplicate    = errDuplicate
	ErrNoPerson     = errNoPerson
	ErrNoQuestion   = errNoQuestion
	ErrUnderfill    = errUnderfill
	ErrDoubleBooked = errDoubleBooked
	ErrModeConflict = errModeConflict
	ErrRoleMissing  = errRoleMissing
	ErrCount        = errCount
	ErrText         = errText
	ErrYear         = errYear
)

// ParseError lets the tests of package agenda_test read the parts of the
// error of an unknown enumeration value.
type ParseError = parseError
