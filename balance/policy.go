package balance

import (
	"cmp"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/strictjson"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Policy says how a session's speaking time is to be shared. Its zero value
// is the default policy: an equal fair share for
// every speaker; onsite and online speakers getting the same time on
// average, as a hard rule; stakeholder and regional groups nudged towards
// equal shares within a band of ±25% of each fair share; no bounds beyond
// the segments; 30-second steps; every segment that lists speakers
// carrying speaking time; no time kept for moderators or the audience.
//
// [HybridPromise] is the policy of an IGF hybrid session, with time kept for
// the moderator and for online hand-overs.
//
// A policy also reads from JSON with [DecodePolicy], its fields named in
// snake case and its lengths written as strings:
//
//	{"dimensions": [{"by": "mode", "hard": true}, {"by": "stakeholder"}, {"by": "region"}], "intro": "1m", "online_handover": "30s"}
type Policy struct {
	// Dimensions are the groupings to balance. Nil means those of
	// [HybridPromise]: the mode, by headcount as a hard rule, so that an
	// online speaker gets on average what an onsite speaker gets; then
	// stakeholder and regional groups, equal shares as a preference; each of
	// weight 1.
	// A mode dimension is dropped from a session that is not hybrid, since
	// onsite–online parity means nothing there.
	Dimensions []Dimension `json:"dimensions,omitzero"`

	// Fairness is the weight w₀ of each speaker's distance from their fair
	// share, against the dimensions' weights; 0 means 8.
	// The larger it is, the smaller the nudges the groups make.
	Fairness float64 `json:"fairness,omitempty"`

	// Spread is the band s around each speaker's fair share, as a fraction
	// of it, beyond which a deviation costs far more (see the package
	// documentation), so that balancing the groups moves nobody past it
	// unless a bound or a hard rule demands it. 0 means 0.25;
	// +Inf removes the band (JSON has no infinity: a spread of 1e300
	// removes it as well).
	Spread float64 `json:"spread,omitempty"`

	// Deviation is the cost φ of a speaker's distance from their fair
	// share (see the package documentation): "" or "quadratic", the
	// default, costs the square of the distance, so a correction is spread
	// over many speakers rather than taken from one, and the optimum is
	// unique; "linear" costs the distance itself, steeper beyond the band,
	// the plain programme of fairfloor's design, kept for comparisons (its
	// optimum may split time between speakers of different types in any
	// way that costs the same). Anything else is a *PolicyError.
	Deviation string `json:"deviation,omitempty"`

	// Min and Max bound every speaker's total time; Max 0 means no maximum.
	Min time.Duration `json:"min,omitempty"`
	Max time.Duration `json:"max,omitempty"`

	// MinTurn is the least time a speaker gets in each speaking segment that
	// lists them. 0 means half an equal share of the segment's speaking time,
	// in whole steps, and at least one step when there are enough of them.
	MinTurn time.Duration `json:"min_turn,omitempty"`

	// People sets bounds and weights for particular speakers, by name.
	People map[string]Limits `json:"people,omitempty"`

	// Step is the granularity of the allocation: every speech is a whole
	// number of steps. 0 means 30 seconds.
	Step time.Duration `json:"step,omitempty"`

	// Speaking lists the kinds of segment that carry speaking time; nil
	// means every segment that lists speakers. Speakers listed in other
	// segments get no speech there.
	Speaking []agenda.SegmentKind `json:"speaking,omitzero"`

	// Time kept in each speaking segment, taken off its speaking time:
	// Intro for the moderator who opens it, Handover before each onsite
	// speaker's turn, OnlineHandover before each online speaker's turn (a
	// remote hand-over takes longer), and Audience for questions at its end.
	// Zero means none. What is left over after rounding the speaking time to
	// whole steps goes to the moderator's close of the segment.
	Intro          time.Duration `json:"intro,omitempty"`
	Handover       time.Duration `json:"handover,omitempty"`
	OnlineHandover time.Duration `json:"online_handover,omitempty"`
	Audience       time.Duration `json:"audience,omitempty"`

	// First and Last pin people, by name, to the start or end of the turns
	// of every segment they speak in.
	First []string `json:"first,omitempty"`
	Last  []string `json:"last,omitempty"`
}

// Limits are the bounds, share and weight of one speaker. Zero fields fall
// back to the policy's: Min and Max to Policy.Min and Policy.Max, Share and
// Weight to 1.
type Limits struct {
	Min time.Duration `json:"min,omitempty"`
	Max time.Duration `json:"max,omitempty"`

	// Share is the speaker's fair share relative to the others': a keynote
	// of Share 2 has a fair share twice everyone else's.
	Share float64 `json:"share,omitempty"`

	// Weight is how much a deviation from the fair share costs, relative
	// to the others'.
	Weight float64 `json:"weight,omitempty"`
}

// Dimension is one grouping of speakers whose shares of speaking time are
// balanced: by mode, stakeholder group, regional group, gender or a custom
// label. Speakers with no value in a dimension, or whose value the source
// marks private, are left out of it; the shares of the others are shares of
// their time.
type Dimension struct {
	By    By     `json:"by"`
	Label string `json:"label,omitempty"` // the key in agenda.Person.Labels, for ByLabel

	// Weight is w_d, the cost of a second away from a group's target; 0 means 1.
	Weight float64 `json:"weight,omitempty"`

	// Target is how the groups' target shares are set: "equal", an equal
	// share for each group present; "headcount", shares in proportion to
	// the groups' fair shares (their numbers of speakers, when the shares
	// are equal, and a keynote's larger share only as far as their maximum
	// lets them use it); or "explicit", the shares in Shares, by group name, which
	// must add up to 1 and, for a dimension with a full set (the modes, the
	// five stakeholder groups, the five UN regional groups), name groups of
	// it. "" means "headcount" for the mode and "equal" for every other
	// dimension; anything else is a *PolicyError.
	// In JSON (see [DecodePolicy]), a share's group of the mode,
	// stakeholder or regional dimension may be written as a session's JSON
	// may write it, "Africa" for "African Group".
	Target string             `json:"target,omitempty"`
	Shares map[string]float64 `json:"shares,omitempty"`

	// Hard makes the target a rule rather than a preference: every group's
	// time must be within Tolerance·B of its target (B being the speaking
	// time), exactly before rounding; after rounding, exactly whenever a
	// whole-step plan can, and within one step otherwise.
	Hard      bool    `json:"hard,omitempty"`
	Tolerance float64 `json:"tolerance,omitempty"`
}

// By names what a dimension groups speakers by.
type By string

// MarshalText returns b's text, or a *PolicyError if b is not a grouping.
func (b By) MarshalText() ([]byte, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	return []byte(b), nil
}

// UnmarshalText sets b from "mode", "stakeholder", "region", "gender" or
// "label", and refuses anything else with a *PolicyError.
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

// The ways to set a dimension's targets, as Dimension.Target documents them.
const (
	targetEqual     = "equal"
	targetHeadcount = "headcount"
	targetExplicit  = "explicit"
)

// weight returns w_d, d's Weight with the default of 1 resolved.
func (d Dimension) weight() float64 { return cmp.Or(d.Weight, 1) }

// target returns how d's targets are set, with the default resolved: "an
// online speaker gets on average what an onsite speaker gets" is a target
// by headcount; a group of any other dimension has an equal share.
func (d Dimension) target() string {
	if d.Target != "" {
		return d.Target
	}
	if d.By == ByMode {
		return targetHeadcount
	}
	return targetEqual
}

// Defaults of the zero Policy, as its fields document them. defaultFairness against dimensions of
// weight 1 keeps the groups' nudges small: the only speaker of an
// under-represented group gains about a tenth of their fair share, and
// the band is reached only by extreme line-ups.
const (
	defaultStep     = 30 * time.Second
	defaultFairness = 8
	defaultSpread   = 0.25
)

// defaultDimensions returns the dimensions of the zero Policy (see
// Policy.Dimensions).
func defaultDimensions() []Dimension {
	return []Dimension{{By: ByMode, Hard: true}, {By: ByStakeholder}, {By: ByRegion}}
}

// HybridPromise returns the policy of an IGF hybrid session, whose
// organizers promise speaking time "evenly weighted between online and
// offline speakers" with no group dominating: the default dimensions, a
// minute for the moderator to open each speaking segment, and 30 seconds
// to hand the floor to an online speaker. In a session that is not hybrid
// the mode is dropped and the groups are still balanced.
func HybridPromise() Policy {
	return Policy{Dimensions: defaultDimensions(), Intro: time.Minute, OnlineHandover: 30 * time.Second}
}

// Name returns the dimension's name: its By, or "label:<Label>" for a label.
func (d Dimension) Name() string {
	if d.By == ByLabel {
		return "label:" + d.Label
	}
	return string(d.By)
}

// limitsJSON is Limits as JSON writes it, with lengths as strings.
type limitsJSON struct {
	Min    string  `json:"min,omitempty"`
	Max    string  `json:"max,omitempty"`
	Share  float64 `json:"share,omitempty"`
	Weight float64 `json:"weight,omitempty"`
}

// lengthJSON writes a length as [DecodePolicy] reads it, "" for zero.
func lengthJSON(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return timeslot.FormatLength(d)
}

// MarshalJSON writes p as [DecodePolicy] reads it: lengths as strings such
// as "1m" or "30s", and fields at their zero value left out, except an
// empty list of dimensions or of speaking kinds, which means none rather
// than the default. It fails for a policy with a grouping that is not one
// (its *PolicyError, inside the *json.MarshalerError of encoding/json), or
// a number that JSON cannot hold, NaN or an infinity (a
// *json.UnsupportedValueError).
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy // without methods, so json.Marshal does not call this one again
	var people map[string]limitsJSON
	if len(p.People) > 0 {
		people = make(map[string]limitsJSON, len(p.People))
		for name, l := range p.People {
			people[name] = limitsJSON{Min: lengthJSON(l.Min), Max: lengthJSON(l.Max), Share: l.Share, Weight: l.Weight}
		}
	}
	// The fields below hide those of plain with the same JSON names.
	return json.Marshal(struct {
		plain
		Min            string                `json:"min,omitempty"`
		Max            string                `json:"max,omitempty"`
		MinTurn        string                `json:"min_turn,omitempty"`
		People         map[string]limitsJSON `json:"people,omitempty"`
		Step           string                `json:"step,omitempty"`
		Intro          string                `json:"intro,omitempty"`
		Handover       string                `json:"handover,omitempty"`
		OnlineHandover string                `json:"online_handover,omitempty"`
		Audience       string                `json:"audience,omitempty"`
	}{
		plain(p),
		lengthJSON(p.Min), lengthJSON(p.Max), lengthJSON(p.MinTurn), people, lengthJSON(p.Step),
		lengthJSON(p.Intro), lengthJSON(p.Handover), lengthJSON(p.OnlineHandover), lengthJSON(p.Audience),
	})
}

// UnmarshalJSON reads a policy as [DecodePolicy] does, without its limit on
// the size of the input. It replaces all of p, and leaves p unchanged on
// error.
func (p *Policy) UnmarshalJSON(data []byte) error {
	type plain Policy // without methods, so the decoder does not call this one again
	var out plain
	if err := strictjson.Decode(data, &out); err != nil {
		return err
	}
	err := sharesAsSessions(out.Dimensions)
	if err == nil {
		err = Policy(out).validate()
	}
	if err != nil {
		if pe, ok := err.(*PolicyError); ok {
			e := *pe
			e.Field = jsonPath(e.Field)
			return &e
		}
		return err
	}
	*p = Policy(out)
	return nil
}

// DecodePolicy reads a policy from JSON as strictly as [DecodeConstraints]
// reads constraints, and checks it as [Allocate] does. Fields are named in
// snake case ("online_handover", "min_turn"), lengths are strings such as
// "1m" or "30s" (see [timeslot.ParseLength]), and a field left out keeps
// its zero value, the default. The groups of a dimension's explicit shares
// are read as a session's JSON reads them ("Africa" is "African Group",
// "remote" is "online"), and two names of one group are a *PolicyError.
// Unknown fields and groupings, a field given
// twice, data after the policy and input beyond
// [agenda.MaxBytes] are *agenda.DecodeError values naming the path, such as
// "dimensions[1].by"; a value Allocate refuses, such as a negative length,
// a tolerance above 1, a target or deviation that is none, or explicit
// shares that do not add up to 1, is a
// *PolicyError whose Field is the path, such as "dimensions[1].tolerance".
// An error of r is an *agenda.DecodeError wrapping it, and a policy naming
// more than agenda.MaxPeople people the *agenda.LimitError of
// [agenda.Session.CheckSize], matching agenda.ErrTooLarge.
//
// Whether the people it names in "people", "first" and "last" are among a
// session's is left to Allocate, which knows the session; that none is
// blank and no two are one person by [agenda.NameKey] is checked here.
func DecodePolicy(r io.Reader) (Policy, error) {
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return Policy{}, &agenda.DecodeError{Err: err}
	}
	var p Policy
	if err := p.UnmarshalJSON(data); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// policyJSONNames maps the Go names of the fields of Policy, Dimension and
// Limits to their JSON names.
var policyJSONNames = func() map[string]string {
	names := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[Policy](), reflect.TypeFor[Dimension](), reflect.TypeFor[Limits]()} {
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" {
				names[f.Name] = name
			}
		}
	}
	return names
}()

// jsonPath turns the Field of a *PolicyError, a path in Go names such as
// Dimensions[1].Shares["WEOG"], into the path in the JSON document the
// policy was read from, written as agenda.DecodeError writes paths:
// dimensions[1].shares.WEOG.
func jsonPath(field string) string {
	var b strings.Builder
	for field != "" {
		switch field[0] {
		case '.':
			b.WriteByte('.')
			field = field[1:]
		case '[':
			if q, err := strconv.QuotedPrefix(field[1:]); err == nil && strings.HasPrefix(field[1+len(q):], "]") {
				key, _ := strconv.Unquote(q)
				b.WriteString("." + key)
				field = field[len(q)+2:]
				continue
			}
			end := strings.IndexByte(field, ']') + 1
			if end == 0 {
				end = len(field)
			}
			b.WriteString(field[:end])
			field = field[end:]
		default:
			end := strings.IndexAny(field, ".[")
			if end < 0 {
				end = len(field)
			}
			name := field[:end]
			if j, ok := policyJSONNames[name]; ok {
				name = j
			}
			b.WriteString(name)
			field = field[end:]
		}
	}
	return b.String()
}

// sharesAsSessions renames the explicit shares of the mode, stakeholder and
// regional dimensions to the groups that a session's JSON reads the same
// text as, so that a policy file may write "Africa" wherever a session file
// may. Two names of one group are a *PolicyError; a name that is none is
// left for Policy.check to refuse with the groups it wants.
func sharesAsSessions(dims []Dimension) error {
	for i := range dims {
		d := &dims[i]
		var read func(string) (string, bool)
		switch d.By {
		case ByMode:
			read = readAs[agenda.Mode]
		case ByStakeholder:
			read = readAs[agenda.Stakeholder]
		case ByRegion:
			read = readAs[agenda.Region]
		default:
			continue
		}
		renamed := make(map[string]float64, len(d.Shares))
		given := make(map[string]string, len(d.Shares)) // per group, the name its share was given under
		for _, g := range slices.Sorted(maps.Keys(d.Shares)) {
			name, ok := read(g)
			if !ok {
				name = g
			}
			if first, twice := given[name]; twice {
				return &PolicyError{Field: fmt.Sprintf("Dimensions[%d].Shares", i), Value: g, Reason: fmt.Sprintf("is %s, which %q names too", name, first)}
			}
			renamed[name], given[name] = d.Shares[g], g
		}
		if d.Shares != nil {
			d.Shares = renamed
		}
	}
	return nil
}

// readAs returns the value text reads as in a session's JSON, as a string,
// and whether it reads as one.
func readAs[T ~string, PT interface {
	*T
	encoding.TextUnmarshaler
}](text string) (string, bool) {
	var v T
	if err := PT(&v).UnmarshalText([]byte(text)); err != nil || v == "" {
		return "", false
	}
	return string(v), true
}
