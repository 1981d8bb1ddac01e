// Package penalty holds the cost of two consecutive speakers that
// balance.Order minimises over a segment's turns and that package
// balance/live uses to suggest the next speaker, so that both weigh a
// pair alike.
package penalty

import "github.com/fairfloor/fairfloor/agenda"

// The penalties of two consecutive speakers; alternating onsite and
// online matters most.
const (
	Mode        = 4 // same mode, in a segment that has speakers of both
	Region      = 2 // same regional group
	Stakeholder = 1 // same stakeholder group
)

// Of returns the penalty of b speaking right after a; mixed says whether
// the segment has speakers of more than one mode, without which the mode
// costs nothing.
func Of(a, b *agenda.Person, mixed bool) int {
	c := 0
	if mixed && a.Mode != "" && a.Mode == b.Mode {
		c += Mode
	}
	if a.Region != "" && a.Region == b.Region {
		c += Region
	}
	if a.Stakeholder != "" && a.Stakeholder == b.Stakeholder {
		c += Stakeholder
	}
	return c
}
