package balance

import (
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// Policy says how a session's speaking time is to be shared. Its zero value
// is the default policy: mode, stakeholder group and regional group balanced
// with equal weight towards equal shares, no hard rules, no bounds beyond the
// segments, 30-second steps, every segment that lists speakers carrying
// speaking time, and no time kept for moderators or the audience.
//
// The promise of a hybrid roundtable, speaking time "evenly weighted between
// online and offline speakers", is one line:
//
//	balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}}}
type Policy struct {
	// Dimensions are the groupings to balance; nil means [DefaultDimensions].
	// A mode dimension is dropped from a session that is not hybrid, since
	// onsite–online parity means nothing there.
	Dimensions []Dimension

	// Fairness is the weight w₀ of each speaker's distance from their fair
	// share, against the dimensions' weights; 0 means [DefaultFairness].
	Fairness float64

	// Spread is the band around each speaker's fair share, as a fraction of
	// it, within which a second away from the fair share costs w₀; beyond
	// the band it costs [Steep] times as much, so that balancing the groups
	// never silences a speaker unless a hard rule demands it. 0 means
	// [DefaultSpread]; +Inf removes the band.
	Spread float64

	// Min and Max bound every speaker's total time; Max 0 means no maximum.
	Min, Max time.Duration

	// MinTurn is the least time a speaker gets in each speaking segment that
	// lists them. 0 means half an equal share of the segment's speaking time,
	// in whole steps, and at least one step when there are enough of them.
	MinTurn time.Duration

	// People sets bounds and weights for particular speakers, by name.
	People map[string]Limits

	// Step is the granularity of the allocation: every speech is a whole
	// number of steps. 0 means [DefaultStep].
	Step time.Duration

	// Speaking lists the kinds of segment that carry speaking time; nil
	// means every segment that lists speakers. Speakers listed in other
	// segments get no speech there.
	Speaking []agenda.SegmentKind

	// Time kept in each speaking segment, taken off its speaking time:
	// Intro for the moderator who opens it, Handover before each onsite
	// speaker's turn, OnlineHandover before each online speaker's turn (a
	// remote hand-over takes longer), and Audience for questions at its end.
	// Zero means none. What is left over after rounding the speaking time to
	// whole steps goes to the moderator's close of the segment.
	Intro, Handover, OnlineHandover, Audience time.Duration

	// First and Last pin people, by name, to the start or end of the turns
	// of every segment they speak in.
	First, Last []string
}

// Limits are the bounds and weight of one speaker. Zero fields fall back to
// the policy's: Min and Max to Policy.Min and Policy.Max, Weight to 1.
type Limits struct {
	Min, Max time.Duration
	Weight   float64 // how much a second away from the fair share costs, relative to others
}

// Dimension is one grouping of speakers whose shares of speaking time are
// balanced: by mode, stakeholder group, regional group, gender or a custom
// label. Speakers with no value in a dimension, or whose value the source
// marks private, are left out of it; the shares of the others are shares of
// their time.
type Dimension struct {
	By    By
	Label string // the key in agenda.Person.Labels, for ByLabel

	// Weight is w_d, the cost of a second away from a group's target; 0 means 1.
	Weight float64

	// Target is how the groups' target shares are set; Shares gives them,
	// by group name, for TargetExplicit, and must add up to 1.
	Target Target
	Shares map[string]float64

	// Hard makes the target a rule rather than a preference: every group's
	// time must be within Tolerance·B of its target (B being the speaking
	// time), exactly before rounding and within one step after.
	Hard      bool
	Tolerance float64
}

// By names what a dimension groups speakers by.
type By string

// String returns b's text.
func (b By) String() string { return string(b) }

// MarshalText returns b's text, or an error if b is not a grouping.
func (b By) MarshalText() ([]byte, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	return []byte(b), nil
}

// UnmarshalText sets b from "mode", "stakeholder", "region", "gender" or
// "label", and refuses anything else.
func (b *By) UnmarshalText(text []byte) error {
	if err := By(text).check(); err != nil {
		return err
	}
	*b = By(text)
	return nil
}

func (b By) check() *PolicyError {
	switch b {
	case ByMode, ByStakeholder, ByRegion, ByGender, ByLabel:
		return nil
	}
	return &PolicyError{Field: "By", Value: string(b), Reason: "want mode, stakeholder, region, gender or label"}
}

// The groupings.
const (
	ByMode        By = "mode"
	ByStakeholder By = "stakeholder"
	ByRegion      By = "region"
	ByGender      By = "gender"
	ByLabel       By = "label"
)

// Target says how the target shares of a dimension's groups are set.
type Target string

// The ways to set targets.
const (
	TargetEqual     Target = ""          // an equal share for each group present
	TargetHeadcount Target = "headcount" // shares proportional to the groups' numbers of speakers
	TargetExplicit  Target = "explicit"  // the shares in Dimension.Shares
)

// Defaults of the zero Policy, and the slope beyond the spread band.
const (
	DefaultStep     = 30 * time.Second
	DefaultFairness = 0.5
	DefaultSpread   = 0.5
	Steep           = 10
)

// DefaultDimensions returns the dimensions of the zero Policy: mode,
// stakeholder group and regional group, each of weight 1, equal shares.
func DefaultDimensions() []Dimension {
	return []Dimension{{By: ByMode}, {By: ByStakeholder}, {By: ByRegion}}
}

// Name returns the dimension's name: its By, or "label:<Label>" for a label.
func (d Dimension) Name() string {
	if d.By == ByLabel {
		return "label:" + d.Label
	}
	return string(d.By)
}

// group returns p's group in dimension d, or "" if p has none. A field the
// source marks private counts as none: what balance works out, it reports,
// and a report must not reveal a private value.
func (d Dimension) group(p *agenda.Person) string {
	switch d.By {
	case ByMode:
		return string(p.Mode)
	case ByStakeholder:
		if !p.IsPrivate(agenda.FieldStakeholder) {
			return string(p.Stakeholder)
		}
	case ByRegion:
		if !p.IsPrivate(agenda.FieldRegion) {
			return string(p.Region)
		}
	case ByGender:
		if !p.IsPrivate(agenda.FieldGender) {
			return p.Gender
		}
	case ByLabel:
		return p.Labels[d.Label]
	}
	return ""
}
