package balance_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// readPrivacySession reads a session of testdata/privacy.
func readPrivacySession(t *testing.T, name string) *agenda.Session {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "privacy", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := agenda.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAuditHidesPrivateNames checks issue 13, item 3: a log that spells a
// private name with more words ("Dr Privnametok Gamma") is Hidden in the
// audit's people, and no problem's text shows it.
func TestAuditHidesPrivateNames(t *testing.T) {
	s := readPrivacySession(t, "03_priv_session.json")
	data, err := os.ReadFile(filepath.Join("testdata", "privacy", "03_private_name_log.csv"))
	if err != nil {
		t.Fatal(err)
	}
	log, err := balance.ReadLogCSV(bytes.NewReader(data), s)
	if err != nil {
		t.Fatal(err)
	}
	for _, attribution := range []string{"named", "unattributed"} {
		s.Attribution = attribution
		a, err := balance.AuditLog(s, nil, balance.Policy{}, log)
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			Name          string
			Known, Hidden bool
		}
		var got []row
		for _, p := range a.People {
			if !p.Known {
				got = append(got, row{p.Name, p.Known, p.Hidden})
			}
		}
		want := []row{{"Dr Privnametok Gamma", false, true}, {"Privnametok Gamma Jr", false, true}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("attribution %q: names not among the people: mismatch (-want +got):\n%s", attribution, diff)
		}
		for _, p := range a.Problems {
			if strings.Contains(strings.ToLower(p.Text), "privnametok") {
				t.Errorf("attribution %q: problem %+v shows the private name", attribution, p)
			}
		}
	}
}

// TestReadLogCSVNilSession checks issue 13, item 10: a nil session is
// ErrNoSession, not a panic.
func TestReadLogCSVNilSession(t *testing.T) {
	log, err := balance.ReadLogCSV(strings.NewReader("name,start,end\nA,06:20,06:25\n"), nil)
	if log != nil || !errors.Is(err, balance.ErrNoSession) {
		t.Errorf("ReadLogCSV(nil session) = %v, %v; want nil, ErrNoSession", log, err)
	}
}

// TestReadLogByteOrderMark checks that a log with the byte-order mark a
// spreadsheet's "CSV UTF-8" export writes reads as one without it.
func TestReadLogByteOrderMark(t *testing.T) {
	s := auditSession()
	const csv = "name,start,end\nAna Berg,06:20,06:29\n"
	want, err := balance.ReadLogCSV(strings.NewReader(csv), s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := balance.ReadLogCSV(strings.NewReader("\ufeff"+csv), s)
	if err != nil {
		t.Fatalf("with a byte-order mark: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if _, err := balance.ReadLogJSON(strings.NewReader("\ufeff{\"entries\": []}")); err != nil {
		t.Errorf("JSON log with a byte-order mark: %v", err)
	}
}

// TestAuditDuplicates checks that an entry repeated exactly (a log
// exported twice) counts once, with a "duplicate" problem: 34 minutes
// "actual" in a 14m30s window was the bug.
func TestAuditDuplicates(t *testing.T) {
	s, ros := auditPlan(t)
	at := func(m int) time.Time { return s.Slot.Start.Add(time.Duration(m) * time.Minute) }
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Ana Berg", Start: at(5), End: at(12)},
		{Name: "ana  berg", Start: at(5), End: at(12)},
		{Name: "Ana Berg", Start: at(5), End: at(13)},
	}}
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatal(err)
	}
	if p := a.People[0]; p.Name != "Ana Berg" || p.Actual != 15*time.Minute || p.Turns != 2 {
		t.Errorf("Ana Berg: %+v, want 15m in 2 turns: the repeat counted once", p)
	}
	var kinds []string
	for _, p := range a.Problems {
		kinds = append(kinds, p.Kind)
	}
	if diff := cmp.Diff([]string{"duplicate", "overlap"}, kinds); diff != "" {
		t.Errorf("problems: mismatch (-want +got):\n%s\n%+v", diff, a.Problems)
	}
}
