package render_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

func TestCSV(t *testing.T) {
	for _, tc := range formatDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.CSV(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, "csv/"+tc.name+".golden", buf.Bytes())
			records := csvRead(t, buf.Bytes())
			want := []string{"segment", "track", "start", "end", "zone", "minutes", "kind", "person", "organization",
				"role", "mode", "stakeholder", "region", "local_time"}
			if diff := cmp.Diff(want, records[0]); diff != "" {
				t.Errorf("header mismatch (-want +got):\n%s", diff)
			}
			turns := 0 // one record a turn, but an activity has one for each who leads it
			for _, r := range tc.doc.Rows() {
				turns += max(1, len(r.Leaders))
			}
			if got := len(records) - 1; got != turns {
				t.Errorf("%d records, want one per turn and leader: %d", got, turns)
			}
		})
	}
}

func TestCSVPrivacy(t *testing.T) {
	for _, tc := range formatPrivacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.CSV(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			formatCheckPrivacy(t, buf.String(), tc.hidden, tc.show)
		})
	}
}

// TestCSVInjection checks that no cell can start a formula, that every
// record keeps its columns whatever the names hold, and that the names
// read back whole once the quote put before a formula is dropped.
func TestCSVInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := render.CSV(&buf, formatDocument(t, formatInjection())); err != nil {
		t.Fatal(err)
	}
	records := csvRead(t, buf.Bytes())
	var cells []string
	for _, rec := range records[1:] {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q could start a formula", c)
			}
			if len(c) > 1 && c[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(c[1])) {
				c = c[1:]
			}
			cells = append(cells, c)
		}
	}
	for _, want := range injectedTexts() {
		// The leaders of an activity share a cell.
		if !slices.ContainsFunc(cells, func(c string) bool { return strings.Contains(c, want) }) {
			t.Errorf("no cell reads back as %q", want)
		}
	}
	for _, want := range []string{`'=HYPERLINK(""http://evil.example"",""click"")`, `,'-Lea *bold*`, "'@SUM(A1:A2)", "'+1 Org", "' =1+2", `" <img`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("CSV lacks %q", want)
		}
	}
}

// TestCSVMinutes checks the decimal minutes of turns that do not last
// whole minutes.
func TestCSVMinutes(t *testing.T) {
	var buf bytes.Buffer
	if err := render.CSV(&buf, formatDocument(t, formatPanel())); err != nil {
		t.Fatal(err)
	}
	records := csvRead(t, buf.Bytes())
	var minutes []string
	for _, rec := range records[1:] {
		if rec[6] == "handover" {
			minutes = append(minutes, rec[5])
		}
	}
	if !slices.Contains(minutes, "0.5") {
		t.Errorf("online hand-overs last %v minutes, want 0.5 among them", minutes)
	}
}

func TestCSVNoSession(t *testing.T) {
	if err := render.CSV(new(bytes.Buffer), &render.Document{}); err == nil {
		t.Error("CSV of a document without a session: no error")
	}
}

// csvRead reads CSV back as encoding/csv does, requiring every record to
// have as many fields as the header.
func csvRead(t *testing.T, data []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	if len(records) == 0 {
		t.Fatal("CSV has no header")
	}
	return records
}

// TestCSVPerson checks that every record of a person gives the same
// organization, mode and groups, the activities they lead included, which
// issue 15 found without them; and that no record names two people.
func TestCSVPerson(t *testing.T) {
	for _, tc := range formatDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.CSV(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			records := csvRead(t, buf.Bytes())
			about := map[string][]string{} // person -> organization, mode, stakeholder, region
			for _, rec := range records[1:] {
				who, facts := rec[7], []string{rec[8], rec[10], rec[11], rec[12]}
				if who == "" {
					continue
				}
				if strings.Contains(who, ", ") && !strings.Contains(who, "Jr.") {
					t.Errorf("record %q names more than one person", rec)
				}
				if before, ok := about[who]; ok && !slices.Equal(before, facts) {
					t.Errorf("%s: %q in one record, %q in another", who, before, facts)
				}
				about[who] = facts
			}
		})
	}
}

// TestCSVTimes checks that each record gives the date and time of its
// turn with the zone and its offset, so that it reads back as the same
// moment: across the night summer time ends too, where the offset
// changes within the session.
func TestCSVTimes(t *testing.T) {
	for name, d := range map[string]*render.Document{
		"panel":     formatDocument(t, formatPanel()),
		"fall-back": formatDocument(t, icsFallBack(t)),
		"zurich":    formatDocument(t, icsZurich(t)),
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.CSV(&buf, d); err != nil {
				t.Fatal(err)
			}
			records := csvRead(t, buf.Bytes())[1:]
			rows := d.Rows()
			k := 0
			offsets := map[string]bool{}
			for _, r := range rows {
				for range max(1, len(r.Leaders)) {
					rec := records[k]
					k++
					zone, utc, ok := strings.Cut(strings.TrimSuffix(rec[4], ")"), " (UTC")
					if !ok {
						zone, utc = rec[4], "+00:00"
					}
					from, to, ok := strings.Cut(utc, " to UTC")
					if !ok {
						to = from
					}
					offsets[from], offsets[to] = true, true
					for i, want := range []time.Time{r.Start, r.End} {
						at, err := time.Parse("2006-01-02 15:04:05-07:00", rec[2+i]+[]string{from, to}[i])
						if err != nil {
							t.Fatalf("record %q: %v", rec, err)
						}
						if !at.Equal(want) {
							t.Errorf("record %q reads as %v, want %v", rec, at, want)
						}
					}
					if loc, err := time.LoadLocation(zone); err != nil || loc.String() != d.Slot().Start.Location().String() {
						t.Errorf("record %q: zone %q, want %q", rec, zone, d.Slot().Start.Location())
					}
				}
			}
			if name == "fall-back" && len(offsets) != 2 {
				t.Errorf("offsets %v across the change of the clock, want two", offsets)
			}
		})
	}
}

// TestCSVByteOrderMark checks that ByteOrderMark puts the UTF-8 mark before
// the same file, for the run-of-show and the forum's report alike, and
// that the file has none without it.
func TestCSVByteOrderMark(t *testing.T) {
	const bom = "\uFEFF"
	d := formatDocument(t, formatPanel())
	var plain, marked bytes.Buffer
	if err := render.CSV(&plain, d); err != nil {
		t.Fatal(err)
	}
	d.ByteOrderMark = true
	if err := render.CSV(&marked, d); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(plain.String(), bom) || marked.String() != bom+plain.String() {
		t.Errorf("with ByteOrderMark:\n%q\nwithout:\n%q", marked.String()[:20], plain.String()[:20])
	}

	f := &render.Document{Forum: forumReport(t, forumSeeds(t), balance.Presets())}
	plain.Reset()
	marked.Reset()
	if err := render.CSV(&plain, f); err != nil {
		t.Fatal(err)
	}
	f.ByteOrderMark = true
	if err := render.CSV(&marked, f); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(plain.String(), bom) || marked.String() != bom+plain.String() {
		t.Errorf("ForumCSV with ByteOrderMark:\n%q\nwithout:\n%q", marked.String()[:20], plain.String()[:20])
	}
}
