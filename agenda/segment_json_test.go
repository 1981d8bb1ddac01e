package agenda

import (
	stdjson "encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
)

// encodingJSON writes seg as encoding/json writes a segment whose length
// is a string: the bytes Segment.MarshalJSON wrote before it used
// go-json-experiment/json, and must still write.
func encodingJSON(seg Segment) ([]byte, error) {
	return stdjson.Marshal(struct {
		segmentJSON
		Length string `json:"length"`
	}{segmentJSON(seg), timeslot.FormatLength(seg.Length)})
}

// TestSegmentMarshalJSONAsEncodingJSON checks that MarshalJSON writes the
// bytes encoding/json writes: escapes (< > & U+2028 U+2029, control
// characters, invalid UTF-8 as \ufffd), empty lists left out, the length
// last, fractions of a second.
func TestSegmentMarshalJSONAsEncodingJSON(t *testing.T) {
	for _, seg := range []Segment{
		{},
		{Title: "a<b>&c\u2028\u2029 \"q\" \\ \x01 \xff é 🔒", Kind: "keynote", Length: 90*time.Minute + 1},
		{ID: "x", Title: "T", Kind: kindBreakout, Length: -time.Minute, Track: "A", Speakers: []string{}, Facilitators: []string{"<i>"}, Questions: []string{"A", "B"}},
		{Title: "T", Speakers: []string{"a\xffb", ""}, Length: 40 * time.Minute},
	} {
		want, err := encodingJSON(seg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := seg.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON(%q): %v", seg.Title, err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("MarshalJSON(%q) mismatch (-encoding/json +MarshalJSON):\n%s", seg.Title, diff)
		}
	}
}
