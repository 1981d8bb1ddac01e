package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// FuzzDecodeConstraints feeds arbitrary bytes to DecodeConstraints, as
// encoding/json's FuzzUnmarshalJSON does: it must never panic; whatever
// decodes must re-encode with json.Marshal and decode to an equal list; and
// Check must take the decoded list against a fixed report without panic or
// error, finding violations only of the constraints it was given.
func FuzzDecodeConstraints(f *testing.F) {
	for _, seed := range []string{
		`[{"rule":"min-groups","by":"stakeholder","min":3},{"rule":"max-share","by":"region","max":0.4}]`,
		`[{"rule":"share","by":"mode","group":"online","min":0.45,"max":0.55}]`,
		`[{"rule":"min-count","by":"gender","group":"Woman","min":2}]`,
		`[{"rule":"max-share","by":"gender","group":" woman ","max":0.5}]`,
		`[{"rule":"min-groups","by":"label","label":"age","min":2,"max":1}]`,
		`[{"rule":"max-share","by":"region","group":"WEOG","max":0}]`,
		`[{"rule":"min-count","by":"region","group":"African Group","min":1e308}]`,
		`[{"rule":"min-groups","by":"region","min":-0}]`,
		`[]`, `null`, `[null]`, ``, `[] []`, `{"rule":"share"}`,
		`[{"rule":"most","by":"region"}]`, `[{"rule":"share","by":"mode"}]`,
		`[{"rule":"share","by":"mode","group":"online","min":0.6,"max":0.4}]`,
		`[{"rule":"share","rule":"share"}]`, `[{"rule":3}]`, `[{"rule":"min-groups","by":"region","min":1e400}]`,
		"[{\"rule\":\"min-count\",\"by\":\"label\",\"label\":\"\xff\",\"group\":\"\\u00e9\",\"min\":1}]",
	} {
		f.Add([]byte(seed))
	}
	r := chkReport(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := balance.DecodeConstraints(bytes.NewReader(data))
		if err != nil {
			var de *agenda.DecodeError
			var pe *balance.PolicyError
			if !errors.As(err, &de) && !errors.As(err, &pe) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			if cs != nil {
				t.Fatalf("constraints %v alongside the error %v", cs, err)
			}
			return
		}
		out, err := json.Marshal(cs)
		if err != nil {
			t.Fatalf("decoded %v, which does not encode: %v", cs, err)
		}
		again, err := balance.DecodeConstraints(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("decoded %v, encoded as %s, which does not decode: %v", cs, out, err)
		}
		if diff := gocmp.Diff(cs, again); diff != "" {
			t.Fatalf("round trip through %s: mismatch (-want +got):\n%s", out, diff)
		}
		vs, err := balance.Check(r, cs...)
		if err != nil {
			t.Fatalf("decoded constraints that Check refuses: %v", err)
		}
		for _, v := range vs {
			if !slices.ContainsFunc(cs, func(c balance.Constraint) bool { return gocmp.Equal(c, v.Constraint) }) {
				t.Fatalf("a violation of %v, which was not asked for", v.Constraint)
			}
			if math.IsNaN(v.Measured) || v.Measured < 0 {
				t.Fatalf("%v: measured %v", v.Constraint, v.Measured)
			}
			if v.Text == "" || v.Error() == "" {
				t.Fatalf("%v: a violation without words", v.Constraint)
			}
		}
	})
}
