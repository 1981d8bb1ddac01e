package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// FuzzDecodePresets feeds arbitrary bytes to DecodePresets, as
// FuzzDecodeConstraints does: it must never panic; an error is typed and
// comes alone; whatever decodes has unique names, constraints and a note on
// each, is checked by Check against fixed reports (hybrid and
// online) without error, and re-encodes with json.Marshal to an equal list.
func FuzzDecodePresets(f *testing.F) {
	for _, seed := range []string{
		`[{"name":"youth","description":"a young voice","constraints":[{"rule":"min-count","by":"label","label":"age","group":"youth","min":1,"note":"youth charter"}]}]`,
		`[{"name":"a","constraints":[{"rule":"min-count","min":3}]},{"name":"b","constraints":[{"rule":"min-count","role":"rapporteur","min":1}]}]`,
		`[{"name":"onsite","constraints":[{"rule":"min-count","by":"mode","group":"onsite","role":"moderator","min":1}]}]`,
		`[{"name":"groups","constraints":[{"rule":"min-groups","by":"mode","role":"online moderator","min":2},{"rule":"max-people","by":"region","max":0.5}]}]`,
		`[{"name":"chair","constraints":[{"rule":"min-count","role":"Chair","min":1},{"rule":"max-people","by":"gender","group":"Woman","role":"remote moderator","max":0}]}]`,
		`[{"name":"shares","constraints":[{"rule":"share","by":"mode","group":"online","min":0.45,"max":0.55},{"rule":"max-share","by":"region","max":0.4}]}]`,
		`[]`, `null`, `[null]`, ``, `{}`, `[{}]`, `[] []`,
		`[{"name":"a","constraints":[]}]`,
		`[{"name":"a","constraints":[{"rule":"min-count","min":1}]},{"name":"a","constraints":[{"rule":"min-count","min":1}]}]`,
		`[{"name":"a","constraints":[{"rule":"min-groups","min":1}]}]`,
		`[{"name":"a","constraints":[{"rule":"min-count","role":"speaker","min":1}]}]`,
		`[{"name":"a","constraints":[{"rule":"max-share","by":"region","role":"moderator","max":0.5}]}]`,
		`[{"name":"a","constraints":[{"rule":"min-count","by":"","min":1}]}]`,
		`[{"name":"a","title":"b","constraints":[{"rule":"min-count","min":1}]}]`,
		`[{"name":"a","constraints":[{"rule":"min-count","min":1e400}]}]`,
		"[{\"name\":\"\xff\",\"constraints\":[{\"rule\":\"min-count\",\"min\":1,\"note\":\"\\ud800\"}]}]",
	} {
		f.Add([]byte(seed))
	}
	reports := []*balance.Report{chkReport(f)}
	online, err := balance.DraftReport(chkSession(agenda.FormatOnline), balance.Policy{})
	if err != nil {
		f.Fatal(err)
	}
	reports = append(reports, online)
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := balance.DecodePresets(bytes.NewReader(data))
		if err != nil {
			var de *agenda.DecodeError
			var pe *balance.PolicyError
			if !errors.As(err, &de) && !errors.As(err, &pe) && !errors.Is(err, agenda.ErrTooLarge) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			if ps != nil {
				t.Fatalf("presets %v alongside the error %v", ps, err)
			}
			return
		}
		names := map[string]bool{}
		for _, p := range ps {
			if p.Name == "" || names[p.Name] {
				t.Fatalf("preset name %q is empty or given twice", p.Name)
			}
			names[p.Name] = true
			if len(p.Constraints) == 0 {
				t.Fatalf("%s: no constraints", p.Name)
			}
			for _, c := range p.Constraints {
				if c.Note == "" {
					t.Fatalf("%s: %v has no note", p.Name, c)
				}
			}
			for _, r := range reports {
				vs, err := balance.Check(r, p.Constraints...)
				if err != nil {
					t.Fatalf("%s: decoded constraints that Check refuses: %v", p.Name, err)
				}
				for _, v := range vs {
					if !slices.ContainsFunc(p.Constraints, func(c balance.Constraint) bool { return gocmp.Equal(c, v.Constraint) }) {
						t.Fatalf("%s: a violation of %v, which was not asked for", p.Name, v.Constraint)
					}
					if math.IsNaN(v.Measured) || v.Measured < 0 {
						t.Fatalf("%s: %v: measured %v", p.Name, v.Constraint, v.Measured)
					}
					if v.Text == "" || !strings.Contains(v.Error(), "("+v.Constraint.Note+")") {
						t.Fatalf("%s: %v: violation %q does not quote the note", p.Name, v.Constraint, v.Error())
					}
				}
			}
		}
		out, err := json.Marshal(ps)
		if err != nil {
			t.Fatalf("decoded %v, which does not encode: %v", ps, err)
		}
		again, err := balance.DecodePresets(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("decoded %v, encoded as %s, which does not decode: %v", ps, out, err)
		}
		if diff := gocmp.Diff(ps, again); diff != "" {
			t.Fatalf("round trip through %s: mismatch (-want +got):\n%s", out, diff)
		}
	})
}
