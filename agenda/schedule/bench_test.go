package schedule_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/fairfloor/fairfloor/agenda/schedule"
)

// BenchmarkReadJSON reads c3voc's example of frab's schedule.json, 79
// events over five days.
func BenchmarkReadJSON(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "frab-camp2019.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := schedule.ReadJSON(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteJSON writes the test forum.
func BenchmarkWriteJSON(b *testing.B) {
	p := forum(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := schedule.WriteJSON(&buf, p, schedule.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
