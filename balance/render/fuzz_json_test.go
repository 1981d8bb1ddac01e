package render_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/balance/render"
)

// FuzzDecodeJSON checks that DecodeJSON never panics, and that whatever it
// decodes encodes, decodes to the same value, and encodes to the same
// bytes again, as encoding/json's FuzzUnmarshalJSON does for its types.
func FuzzDecodeJSON(f *testing.F) {
	// Small seeds: the fuzzer minimizes every input that finds new code,
	// for up to a minute each, and a run-of-show of 90 minutes makes a seed
	// too large to minimize in that time.
	bare := exampleDocument()
	bare.Allocation, bare.Report = nil, nil
	for _, d := range []*render.Document{exampleDocument(), bare} {
		var buf bytes.Buffer
		if err := render.JSON(&buf, d); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	for _, seed := range []string{
		`{}`,
		`null`,
		`{"title":"x","slot":{"length":"90 minutes"},"rows":null}`,
		`{"slot":{"start":"2025-06-24T10:00:00+02:00","length":"1h30m"},"zone":"Europe/Paris"}`,
		`{"rows":[{"kind":"speech","mode":"remote","segment_kind":"Panel","start":"2006-01-02T15:04:05.999-07:00","offset":"1.5s","length":"0s"}]}`,
		`{"speaking":[{"who":"a","time":"7m30s","fair":"0s","share":-0}],"groups":[{"dimension":"mode","hard":true,"group":"online","speakers":1,"time":"1h","share":0.5,"target":1e-3}]}`,
		`{"findings":[{"kind":"over","people":["person 1"],"severity":12.5,"text":"\u003cscript\u003e"}]}`,
		// A row without a share is written with null for its share and
		// target, and read back as 0.
		`{"groups":[{"dimension":"region","group":"(not given)","speakers":2,"counted":1,"not_given":true,"time":"5m","share":null,"target":null}]}`,
		`{"groups":[{"dimension":"region","group":"(not given)","speakers":2,"counted":1,"not_given":true,"time":"5m","share":0.5,"target":0}]}`,
		`{"title":"\ud800"}`,
		`{"title":"x","title":"y"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := render.DecodeJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var enc1 bytes.Buffer
		if err := first.Encode(&enc1); err != nil {
			t.Fatalf("Encode of what DecodeJSON read: %v\ninput: %q", err, data)
		}
		second, err := render.DecodeJSON(bytes.NewReader(enc1.Bytes()))
		if err != nil {
			t.Fatalf("DecodeJSON of what Encode wrote: %v\nwritten: %s", err, enc1.Bytes())
		}
		if diff := cmp.Diff(first, second, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("decoded again mismatch (-first +second):\n%s", diff)
		}
		var enc2 bytes.Buffer
		if err := second.Encode(&enc2); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(enc1.String(), enc2.String()); diff != "" {
			t.Fatalf("encoded again mismatch (-first +second):\n%s", diff)
		}
	})
}
