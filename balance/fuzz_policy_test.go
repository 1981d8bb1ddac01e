package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// FuzzDecodePolicy feeds arbitrary bytes to DecodePolicy: it must never
// panic, and fail only with a *agenda.DecodeError or a *balance.PolicyError
// and the zero policy. Whatever decodes must encode with json.Marshal to
// bytes that decode to the same policy (an empty list of dimensions or of
// speaking kinds staying empty, not nil) and encode again to the same bytes,
// as encoding/json's FuzzUnmarshalJSON does. And Allocate must agree with
// it: the audit tests' panel, given a person for each name the policy
// gives, is planned under the policy, drafted and reported without a
// *balance.PolicyError.
func FuzzDecodePolicy(f *testing.F) {
	for _, seed := range []string{
		promiseJSON,
		`{}`, `null`, ``, `[]`, `{} {}`, `{"dimensions": []}`, `{"speaking": []}`,
		`{"dimensions": [{"by": "region", "weight": 2, "target": "explicit", "shares": {"WEOG": 0.25, "African Group": 0.75}, "hard": true, "tolerance": 0.1}]}`,
		`{"dimensions": [{"by": "label", "label": "age", "target": "headcount"}, {"by": "gender", "target": "equal"}]}`,
		`{"fairness": 1.5, "spread": 0.25, "min": "2m", "max": "12 minutes", "min_turn": "1m30s", "step": "15s"}`,
		`{"people": {"Ana Berg": {"min": "5m", "max": "10m", "weight": 2}, "Zoe": {}}, "first": ["Ana Berg"], "last": ["chloe diaz", "Moderator"]}`,
		`{"speaking": ["discussion", "Panel"], "intro": "1m", "handover": "10s", "online_handover": "30 seconds", "audience": "5m"}`,
		`{"people": {"Ana Berg": {}, "ana berg": {}}}`,
		`{"dimensions": [{"by": "mode"}, {"by": "mode"}]}`,
		`{"dimensions": [{"by": "region", "target": "explicit", "shares": {"WEOG": 1e-300}}]}`,
		`{"step": "1.5s", "spread": 1e300, "fairness": -0}`,
		`{"min": "2562047h47m16s", "max": "1ns", "intro": "0s"}`,
		`{"people": {"": {}, " ": {}}}`,
		"{\"first\": [\"\\u00e9\\ud800\", \"\xff\"]}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := balance.DecodePolicy(bytes.NewReader(data))
		if err != nil {
			var de *agenda.DecodeError
			var pe *balance.PolicyError
			if !errors.As(err, &de) && !errors.As(err, &pe) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			if diff := cmp.Diff(balance.Policy{}, p); diff != "" {
				t.Fatalf("a policy alongside the error %v:\n%s", err, diff)
			}
			return
		}
		first, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("decoded %+v, which does not encode: %v", p, err)
		}
		back, err := balance.DecodePolicy(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("decoded %+v, encoded as %s, which does not decode: %v", p, first, err)
		}
		if diff := cmp.Diff(p, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip through %s: mismatch (-want +got):\n%s", first, diff)
		}
		if (p.Dimensions == nil) != (back.Dimensions == nil) || (p.Speaking == nil) != (back.Speaking == nil) {
			t.Fatalf("round trip through %s: nil dimensions or speaking kinds %v %v came back as %v %v",
				first, p.Dimensions == nil, p.Speaking == nil, back.Dimensions == nil, back.Speaking == nil)
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("encodings differ:\nfirst  %s\nsecond %s", first, second)
		}

		s := auditSession()
		for _, name := range slices.Concat(slices.Sorted(maps.Keys(p.People)), p.First, p.Last) {
			if _, ok := s.Roster().Person(name); !ok && agenda.NameKey(name) != "" {
				s.People = append(s.People, agenda.Person{Name: name, Roles: []agenda.Role{agenda.RoleSpeaker}, Mode: agenda.ModeOnline})
			}
		}
		if !policyNamesFound(s, p) {
			return // a name Roster.Person cannot find, such as "": Allocate refuses it, as it should
		}
		var pe *balance.PolicyError
		ros, _, err := balance.Plan(s, p)
		if errors.As(err, &pe) {
			t.Fatalf("DecodePolicy accepted %s, which Plan refuses: %v", data, err)
		}
		if _, err := balance.DraftReport(s, p); errors.As(err, &pe) {
			t.Fatalf("DecodePolicy accepted %s, which DraftReport refuses: %v", data, err)
		}
		if ros != nil {
			if _, err := balance.PlanReport(ros, p); err != nil {
				t.Fatalf("PlanReport of a plan under %s: %v", data, err)
			}
		}
	})
}

// policyNamesFound reports whether every name the policy gives is one of
// the session's people.
func policyNamesFound(s *agenda.Session, p balance.Policy) bool {
	for name := range p.People {
		if _, ok := s.Roster().Person(name); !ok {
			return false
		}
	}
	for _, name := range slices.Concat(p.First, p.Last) {
		if _, ok := s.Roster().Person(name); !ok {
			return false
		}
	}
	return true
}
