package balance_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// promiseJSON is the promise of an IGF hybrid session, as examples/seeds
// gives it, written as DecodePolicy reads it.
const promiseJSON = `{"dimensions":[{"by":"mode","hard":true},{"by":"stakeholder"},{"by":"region"}],"intro":"1m","online_handover":"30s"}`

// promise is promiseJSON as a Go value.
var promise = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
}

func TestDecodePolicy(t *testing.T) {
	for _, tt := range []struct {
		reason string
		input  string
		want   balance.Policy
	}{
		{"the examples' promise", promiseJSON, promise},
		{"nothing given is the default policy", `{}`, balance.Policy{}},
		{"null is the default policy, as encoding/json reads it", `null`, balance.Policy{}},
		{"an empty list of dimensions balances none, unlike a missing one", `{"dimensions": []}`, balance.Policy{Dimensions: []balance.Dimension{}}},
		{"an empty list of speaking kinds gives no segment speaking time", `{"speaking": []}`, balance.Policy{Speaking: []agenda.SegmentKind{}}},
		{"every field", `{
			"dimensions": [{"by": "region", "weight": 2, "target": "explicit", "shares": {"WEOG": 0.25, "African Group": 0.75}, "hard": true, "tolerance": 0.1},
			               {"by": "label", "label": "age", "target": "headcount"}],
			"fairness": 1.5, "spread": 0.25, "min": "2m", "max": "12 minutes", "min_turn": "1m30s",
			"people": {"Ana Berg": {"min": "5m", "max": "10m", "weight": 2}, "Ben Okafor": {}},
			"step": "15s", "speaking": ["discussion", "Panel"],
			"intro": "1m", "handover": "10s", "online_handover": "30 seconds", "audience": "5m",
			"first": ["Ana Berg"], "last": ["Chloe Diaz", "Moderator"]}`,
			balance.Policy{
				Dimensions: []balance.Dimension{
					{By: balance.ByRegion, Weight: 2, Target: "explicit", Shares: map[string]float64{"WEOG": 0.25, "African Group": 0.75}, Hard: true, Tolerance: 0.1},
					{By: balance.ByLabel, Label: "age", Target: "headcount"},
				},
				Fairness: 1.5, Spread: 0.25, Min: 2 * time.Minute, Max: 12 * time.Minute, MinTurn: 90 * time.Second,
				People: map[string]balance.Limits{"Ana Berg": {Min: 5 * time.Minute, Max: 10 * time.Minute, Weight: 2}, "Ben Okafor": {}},
				Step:   15 * time.Second, Speaking: []agenda.SegmentKind{"discussion", "discussion"},
				Intro: time.Minute, Handover: 10 * time.Second, OnlineHandover: 30 * time.Second, Audience: 5 * time.Minute,
				First: []string{"Ana Berg"}, Last: []string{"Chloe Diaz", "Moderator"},
			}},
		{`"equal" on the mode is the 50/50 reading, not the default by headcount`, `{"dimensions": [{"by": "mode", "target": "equal"}]}`,
			balance.Policy{Dimensions: []balance.Dimension{{By: balance.ByMode, Target: "equal"}}}},
		{"a keynote's share and the linear deviation", `{"deviation": "linear", "people": {"Ana Berg": {"share": 2}}}`,
			balance.Policy{Deviation: "linear", People: map[string]balance.Limits{"Ana Berg": {Share: 2}}}},
		{"shares name groups as a session file may: Africa, remote, IGO", `{"dimensions": [
			{"by": "region", "target": "explicit", "shares": {"Africa": 0.5, "Western European and Others Group (WEOG)": 0.5}},
			{"by": "mode", "target": "explicit", "shares": {"remote": 0.4, "onsite": 0.6}},
			{"by": "stakeholder", "target": "explicit", "shares": {"IGO": 0.4, "civil society": 0.6}},
			{"by": "label", "label": "age", "target": "explicit", "shares": {"Youth": 1}}]}`,
			balance.Policy{Dimensions: []balance.Dimension{
				{By: balance.ByRegion, Target: "explicit", Shares: map[string]float64{"African Group": 0.5, "WEOG": 0.5}},
				{By: balance.ByMode, Target: "explicit", Shares: map[string]float64{"online": 0.4, "onsite": 0.6}},
				{By: balance.ByStakeholder, Target: "explicit", Shares: map[string]float64{"Intergovernmental Organization": 0.4, "Civil Society": 0.6}},
				{By: balance.ByLabel, Label: "age", Target: "explicit", Shares: map[string]float64{"Youth": 1}},
			}}},
		{"one person named in the policy and in first", `{"people": {"Ana Berg": {"max": "5m"}}, "first": ["ana  berg"]}`,
			balance.Policy{People: map[string]balance.Limits{"Ana Berg": {Max: 5 * time.Minute}}, First: []string{"ana  berg"}}},
	} {
		got, err := balance.DecodePolicy(strings.NewReader(tt.input))
		if err != nil {
			t.Errorf("%s: DecodePolicy: %v", tt.reason, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
		}
	}
}

// TestDecodePolicyErrors checks that every error names the path of what is
// wrong in the document: a *agenda.DecodeError for what does not decode, a
// *balance.PolicyError for a value Allocate refuses.
func TestDecodePolicyErrors(t *testing.T) {
	for _, tt := range []struct {
		reason string
		input  string
		decode bool   // an *agenda.DecodeError, not a *balance.PolicyError
		path   string // DecodeError.Field or PolicyError.Field
		value  string // PolicyError.Value
	}{
		{"a Go field name is not the JSON name", `{"OnlineHandover": "30s"}`, true, "OnlineHandover", ""},
		{"a misspelt field", `{"dimensions": [{"by": "mode", "tolerence": 0.1}]}`, true, "dimensions[0].tolerence", ""},
		{"an unknown grouping", `{"dimensions": [{"by": "age"}]}`, true, "dimensions[0].by", ""},
		{"an unknown target", `{"dimensions": [{"by": "mode", "target": "even"}]}`, false, "dimensions[0].target", "even"},
		{"an unknown deviation", `{"deviation": "cubic"}`, false, "deviation", "cubic"},
		{"an unknown segment kind", `{"speaking": ["discussion", "lunch"]}`, true, "speaking[1]", ""},
		{"a length as a number of nanoseconds", `{"intro": 60000000000}`, true, "intro", ""},
		{"a negative length", `{"people": {"Ana Berg": {"min": "-1m"}}}`, true, "people.Ana Berg.min", ""},
		{"a field given twice", `{"intro": "1m", "intro": "2m"}`, true, "intro", ""},
		{"a number beyond float64", `{"fairness": 1e400}`, true, "fairness", ""},
		{"data after the policy", `{} {}`, true, "", ""},
		{"not an object", `[]`, true, "", ""},
		{"a dimension without a grouping", `{"dimensions": [{}]}`, false, "dimensions[0].by", ""},
		{"a label dimension without its key", `{"dimensions": [{"by": "label"}]}`, false, "dimensions[0].label", ""},
		{"a dimension given twice", `{"dimensions": [{"by": "region"}, {"by": "region", "hard": true}]}`, false, "dimensions[1]", "region"},
		{"a negative weight", `{"dimensions": [{"by": "mode", "weight": -1}]}`, false, "dimensions[0].weight", "-1"},
		{"a tolerance above 1", `{"dimensions": [{"by": "mode", "hard": true, "tolerance": 1.5}]}`, false, "dimensions[0].tolerance", "1.5"},
		{"a negative explicit share", `{"dimensions": [{"by": "region", "target": "explicit", "shares": {"WEOG": -0.5, "GRULAC": 1.5}}]}`, false, "dimensions[0].shares.WEOG", "-0.5"},
		{"explicit shares that do not add up to 1", `{"dimensions": [{"by": "region", "target": "explicit", "shares": {"WEOG": 0.5}}]}`, false, "dimensions[0].shares", "0.5"},
		{"a negative fairness", `{"fairness": -0.5}`, false, "fairness", "-0.5"},
		{"a negative spread", `{"spread": -1}`, false, "spread", "-1"},
		{"a step with a fraction of a second", `{"step": "1.5s"}`, false, "step", "1.5s"},
		{"a negative weight of a person", `{"people": {"Ana Berg": {"weight": -2}}}`, false, "people.Ana Berg.weight", "-2"},
		{"an explicit target for no regional group", `{"dimensions": [{"by": "region", "target": "explicit", "shares": {"WEOG": 0.5, "Europe": 0.5}}]}`, false, "dimensions[0].shares", "Europe"},
		{"an explicit target for a region outside the set", `{"dimensions": [{"by": "region", "target": "explicit", "shares": {"WEOG": 0.5, "Intergovernmental Organization": 0.5}}]}`, false, "dimensions[0].shares", "Intergovernmental Organization"},
		{"two names of one regional group", `{"dimensions": [{"by": "region", "target": "explicit", "shares": {"Africa": 0.5, "African Group": 0.5}}]}`, false, "dimensions[0].shares", "African Group"},
		{"a negative share of a person", `{"people": {"Ana Berg": {"max": "10m", "share": -1}}}`, false, "people.Ana Berg.share", "-1"},
		{"one person given twice, by name key", `{"people": {"Ana Berg": {}, "ana berg": {"max": "5m"}}}`, false, "people", "Ana Berg"},
		// Allocate missed this pair, the empty name counting as no name given,
		// as often as Go's map order put the empty name first.
		{"a blank name and an empty one", `{"people": {"": {}, " ": {}}}`, false, "people", ""},
		{"a blank name in last", `{"last": ["Ana Berg", "\t"]}`, false, "last[1]", "\t"},
	} {
		p, err := balance.DecodePolicy(strings.NewReader(tt.input))
		if err == nil {
			t.Errorf("%s: DecodePolicy(%s) = %+v, want an error", tt.reason, tt.input, p)
			continue
		}
		if diff := cmp.Diff(balance.Policy{}, p); diff != "" {
			t.Errorf("%s: a policy with the error %v:\n%s", tt.reason, err, diff)
		}
		var de *agenda.DecodeError
		var pe *balance.PolicyError
		switch {
		case tt.decode && errors.As(err, &de):
			if de.Field != tt.path {
				t.Errorf("%s: error %q at %q, want %q", tt.reason, err, de.Field, tt.path)
			}
		case !tt.decode && errors.As(err, &pe):
			if pe.Field != tt.path || pe.Value != tt.value {
				t.Errorf("%s: error %q: field %q value %q, want %q %q", tt.reason, err, pe.Field, pe.Value, tt.path, tt.value)
			}
		default:
			t.Errorf("%s: error %T %q, want a DecodeError %v", tt.reason, err, err, tt.decode)
		}
	}

	big := `{"first": ["` + strings.Repeat("a", agenda.MaxBytes) + `"]}`
	if _, err := balance.DecodePolicy(strings.NewReader(big)); !errors.Is(err, agenda.ErrTooLarge) {
		t.Errorf("DecodePolicy of %d bytes: %v, want agenda.ErrTooLarge", len(big), err)
	}
}

// TestPolicyJSON checks what MarshalJSON writes: lengths as DecodePolicy
// reads them, and nothing for the defaults but what tells them apart.
func TestPolicyJSON(t *testing.T) {
	for _, tt := range []struct {
		reason string
		policy balance.Policy
		want   string
	}{
		{"the examples' promise", promise, promiseJSON},
		{"the default policy", balance.Policy{}, `{}`},
		{"no dimensions is not the default dimensions", balance.Policy{Dimensions: []balance.Dimension{}, Speaking: []agenda.SegmentKind{}}, `{"dimensions":[],"speaking":[]}`},
		{"lengths of people, a fraction of a second, and empty maps and lists left out",
			balance.Policy{People: map[string]balance.Limits{"Ben": {Max: 90 * time.Minute}, "Ana": {Weight: 0.5}}, Audience: 1500 * time.Millisecond,
				First: []string{}, Dimensions: []balance.Dimension{{By: balance.ByGender, Shares: map[string]float64{}}}},
			`{"dimensions":[{"by":"gender"}],"people":{"Ana":{"weight":0.5},"Ben":{"max":"1h30m"}},"audience":"1.5s"}`},
	} {
		got, err := json.Marshal(tt.policy)
		if err != nil {
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		if diff := cmp.Diff(tt.want, string(got)); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.reason, diff)
		}
		var back balance.Policy
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("%s: json.Unmarshal(%s): %v", tt.reason, got, err)
		}
	}
	if data, err := json.Marshal(balance.Policy{Dimensions: []balance.Dimension{{By: "age"}}}); err == nil {
		t.Errorf("json.Marshal of a dimension by age = %s, want an error", data)
	}
}
