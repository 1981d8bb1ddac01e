package render

import (
	"fmt"
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
)

// dimensionView is one dimension's groups against their targets, as every format
// shows them.
type dimensionView struct {
	Dimension balance.Dimension
	// Groups are the groups by name, then, if some speakers give no value
	// in the dimension, a row of them with NotGiven set.
	Groups []Group
	// Counted is the number of speakers whose time the shares are of: those
	// in one of the dimension's groups, without those who give no value or
	// a value outside its full set. Speakers is the number of all speakers.
	Counted, Speakers int
	// Note says how the dimension is balanced, with the report's evenness
	// and gap when there is a report: "balanced; evenness 0.92, 17% of the
	// time away from target".
	Note string
}

// over says over whom the shares are taken, when not over every speaker:
// "shares of the 3 of 5 speakers who give a regional group"; else "".
func (b dimensionView) over() string {
	if b.Counted == b.Speakers {
		return ""
	}
	noun := groupNounOf(b.Dimension)
	switch {
	case b.Counted == 0 && b.Dimension.By == balance.ByRegion:
		return "no speaker is from a UN regional group"
	case b.Counted == 0:
		return "no speaker gives " + format.A(noun)
	case b.Dimension.By == balance.ByRegion:
		return fmt.Sprintf("shares of the %d of %d speakers who are from a UN regional group", b.Counted, b.Speakers)
	}
	return fmt.Sprintf("shares of the %d of %d speakers who give %s", b.Counted, b.Speakers, format.A(noun))
}

// groupNounOf names a value of a dimension: "stakeholder group", "regional
// group", "gender", "participation mode", or the label's key.
func groupNounOf(d balance.Dimension) string {
	switch d.By {
	case balance.ByStakeholder:
		return "stakeholder group"
	case balance.ByRegion:
		return "regional group"
	case balance.ByMode:
		return "participation mode"
	case balance.ByLabel:
		return d.Label
	}
	return string(d.By)
}

// notGivenRow is the name of the row of the speakers who give no value.
const notGivenRow = "(not given)"

// Group is one group's speaking time against its target, in one
// dimension, as every format shows it and as [JSON] writes it in
// [Output].Groups.
type Group struct {
	Dimension string `json:"dimension"` // the dimension's name, such as "mode", "region" or "label:age"
	Hard      bool   `json:"hard,omitzero"`
	Name      string `json:"group"`
	Speakers  int    `json:"speakers"`

	// Counted is the number of speakers the dimension's shares are of:
	// those in one of its groups, without those who give no value or a
	// value outside its full set.
	Counted int `json:"counted"`

	// NotGiven marks the row of the speakers who give no value in the
	// dimension, named "(not given)"; Outside a value that is not one of
	// the dimension's full set, such as "Intergovernmental Organization"
	// given as a regional group. Neither has a share or a target.
	NotGiven bool `json:"not_given,omitzero"`
	Outside  bool `json:"outside,omitzero"`

	Time   time.Duration `json:"time"`
	Share  float64       `json:"share"`  // of the time of the dimension's counted speakers; 0 for a row without a share, which JSON writes as null
	Target float64       `json:"target"` // the target share; 0 for a row without a share, which JSON writes as null
}

// hasShare reports whether the group has a share and a target to show.
func (g Group) hasShare() bool { return !g.NotGiven && !g.Outside }

// balances returns the groups of every dimension balanced, from the
// allocation or else the report, and the dimensions dropped because they do
// not apply to the session. A group the report marks outside its
// dimension's set is marked so, with no share or target, and the shares of
// the others are of their own time.
func (d *Document) balances() ([]dimensionView, []balance.Dimension) {
	var out []dimensionView
	var dropped []balance.Dimension
	reported := func(dim balance.Dimension) *balance.Balance {
		if d.Report == nil {
			return nil
		}
		for i, dr := range d.Report.Dimensions {
			if dr.Dimension.Name() == dim.Name() {
				return &d.Report.Dimensions[i]
			}
		}
		return nil
	}
	note := func(dim balance.Dimension) string {
		n := "balanced"
		if dim.Hard {
			n = "hard rule: within " + format.Percent(dim.Tolerance) + " of target, one step after rounding"
		}
		if dr := reported(dim); dr != nil {
			n += fmt.Sprintf("; evenness %.2f, %s of the time away from target", dr.Evenness, format.Percent(dr.Gap))
		}
		return n
	}
	switch {
	case d.Allocation != nil:
		for _, b := range d.Allocation.Balance {
			// A re-plan's balance is of the whole session, its people and
			// what they said before, not only of the speakers to come.
			bal := dimensionView{Dimension: b.Dimension, Note: note(b.Dimension), Counted: b.Counted, Speakers: speakersOf(b)}
			var total time.Duration // of the groups of the set
			for _, g := range b.Groups {
				if !g.Outside {
					total += g.Time
				}
			}
			for _, g := range b.Groups {
				gr := Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Outside: g.Outside}
				if !gr.Outside && total > 0 {
					gr.Share, gr.Target = float64(g.Time)/float64(total), float64(g.TargetTime)/float64(total)
				}
				bal.Groups = append(bal.Groups, gr)
			}
			if b.Unknown > 0 {
				bal.Groups = append(bal.Groups, Group{Name: notGivenRow, Speakers: b.Unknown, Time: b.UnknownTime, NotGiven: true})
			}
			out = append(out, bal.labelled())
		}
		dropped = d.Allocation.Dropped
	case d.Report != nil:
		for _, dr := range d.Report.Dimensions {
			bal := dimensionView{Dimension: dr.Dimension, Note: note(dr.Dimension), Counted: dr.Counted, Speakers: speakersOf(dr)}
			for _, g := range dr.Groups {
				bal.Groups = append(bal.Groups, Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Share: g.Share, Target: g.Target, Outside: g.Outside})
			}
			if dr.Unknown > 0 {
				bal.Groups = append(bal.Groups, Group{Name: notGivenRow, Speakers: dr.Unknown, Time: dr.UnknownTime, NotGiven: true})
			}
			out = append(out, bal.labelled())
		}
		dropped = d.Report.Dropped
	}
	return out, dropped
}

// labelled returns the view with its dimension's name, hardness and count
// in each of its groups.
func (b dimensionView) labelled() dimensionView {
	for i := range b.Groups {
		g := &b.Groups[i]
		g.Dimension, g.Hard, g.Counted = shown(b.Dimension.Name()), b.Dimension.Hard, b.Counted
	}
	return b
}

// speakersOf is the number of speakers a balance is of: those its shares
// are of, those in a group outside its set and those who give no value.
func speakersOf(b balance.Balance) int {
	n := b.Counted + b.Unknown
	for _, g := range b.Groups {
		if g.Outside {
			n += g.Speakers
		}
	}
	return n
}

// groupCell names a group for a table: its name, with what it is for a
// value outside the dimension's set: "Intergovernmental Organization (not a
// UN regional group)".
func groupCell(g Group) string {
	if g.Outside {
		return g.Name + " (not a UN regional group)"
	}
	return g.Name
}

// shareCell writes a group's share or target for a table: the percentage,
// or "–" for a row that has none.
func shareCell(g Group, share float64) string {
	if !g.hasShare() {
		return "–"
	}
	return format.Percent(share)
}
