package render

import (
	"io"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// What the formats read through unexported methods, for the tests of
// package render_test to check against what they write; not part of the
// API.

func (d *Document) Rows() []Row {
	p, err := d.prepare()
	if err != nil {
		return nil
	}
	return p.rows()
}

func (d *Document) Slot() timeslot.Slot { return d.slot() }

func (d *Document) Named() bool { return d.named() }

func (d *Document) Balances() ([]dimensionView, []balance.Dimension) { return d.balances() }

func (b dimensionView) Over() string { return b.over() }

func (g Group) HasShare() bool { return g.hasShare() }

// NewOutput returns what JSON writes for d, or nil for a document JSON
// refuses.
func NewOutput(d *Document) *Output {
	p, err := d.prepare()
	if err != nil {
		return nil
	}
	return newOutput(p)
}

func (o *Output) Encode(w io.Writer) error { return o.encode(w) }
