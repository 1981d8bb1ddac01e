package schedule_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
)

// FuzzWrite writes any programme that package agenda decodes: neither
// writer panics, they agree on whether it can be written, what WriteXML
// writes is well-formed XML, and what WriteJSON writes reads back with as
// many sessions, none of them a break.
func FuzzWrite(f *testing.F) {
	for _, p := range []*agenda.Programme{forum(f), one(f)} {
		data, err := json.Marshal(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte(`{"title": "Fuzz forum", "sessions": [{"title": "a", "format": "hybrid", "room": "r",
		"slot": {"start": "2025-06-23T23:30:00+02:00", "length": "2h"}}, {"title": "b", "format": "online", "room": "R",
		"slot": {"start": "2025-06-24T01:45:00+02:00", "length": "15m"}}]}`), "fuzz_forum")
	f.Fuzz(func(t *testing.T, data []byte, acronym string) {
		p, err := agenda.DecodeProgramme(bytes.NewReader(data))
		if err != nil {
			return
		}
		opt := schedule.Options{Acronym: acronym}
		var x, j bytes.Buffer
		errX := schedule.WriteXML(&x, p, opt)
		errJ := schedule.WriteJSON(&j, p, opt)
		if (errX == nil) != (errJ == nil) {
			t.Fatalf("WriteXML: %v; WriteJSON: %v", errX, errJ)
		}
		if errX != nil {
			return
		}
		dec := xml.NewDecoder(&x)
		for {
			if _, err := dec.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("WriteXML wrote XML that is not well-formed: %v\n%s", err, x.Bytes())
				}
				break
			}
		}
		got, err := schedule.ReadJSON(&j)
		if err != nil {
			t.Fatalf("reading what WriteJSON wrote: %v", err)
		}
		if len(got.Sessions) != len(p.Sessions) {
			t.Fatalf("%d sessions, read back %d", len(p.Sessions), len(got.Sessions))
		}
	})
}
