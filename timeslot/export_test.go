package timeslot

// ParseError lets the tests of package timeslot_test read the parts of the
// errors of ParseLength, ParseRange and Slot.UnmarshalJSON.
type ParseError = parseError
