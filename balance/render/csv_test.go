package render_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
			want := []string{"segment", "track", "start", "end", "minutes", "kind", "person", "organization",
				"role", "mode", "stakeholder", "region", "local_time"}
			if diff := cmp.Diff(want, records[0]); diff != "" {
				t.Errorf("header mismatch (-want +got):\n%s", diff)
			}
			if got, want := len(records)-1, len(tc.doc.Rows()); got != want {
				t.Errorf("%d records, want one per turn: %d", got, want)
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
	for _, want := range []string{`'=HYPERLINK(""http://evil.example"",""click"")`, `"'-Lea *bold*`, "'@SUM(A1:A2)", "'+1 Org", "' =1+2", `" <img`} {
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
		if rec[5] == "handover" {
			minutes = append(minutes, rec[4])
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
