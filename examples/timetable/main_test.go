package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda/schedule"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the files in testdata")

// TestGolden compares the output, with a forum of 30 sessions so that it
// stays quick under the race detector, with testdata/timetable.txt;
// -update rewrites it.
func TestGolden(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-forum", "30"}, &out, &errs); code != cli.OK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden := filepath.Join("testdata", "timetable.txt")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
	// What the README says: both timetables break no rule, and the seeds'
	// is proved optimal.
	for _, s := range []string{"Violations: none\n", "optimal, proved by branch and bound"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if n := strings.Count(out.String(), "Violations: none\n"); n != 2 {
		t.Errorf("%d timetables without violations, want 2", n)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-forum", "-1"}, {"-forum", "x"}, {"extra"}} {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != cli.Usage {
			t.Errorf("run(%q) exits %d, want %d", args, code, cli.Usage)
		}
	}
}

// TestWrite writes both timetables with -o and reads each schedule.json
// back: every session is there, in the room and at the time the printed
// grid gives.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := run([]string{"-forum", "12", "-o", dir}, &out, &errs); code != cli.OK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for name, sessions := range map[string]int{"seeds": 5, "forum": 12} {
		for _, ext := range []string{".schedule.xml", ".schedule.json", ".ics"} {
			if _, err := os.Stat(filepath.Join(dir, name+ext)); err != nil {
				t.Error(err)
			}
		}
		f, err := os.Open(filepath.Join(dir, name+".schedule.json"))
		if err != nil {
			t.Fatal(err)
		}
		prog, err := schedule.ReadJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(prog.Sessions) != sessions {
			t.Errorf("%s.schedule.json holds %d sessions, want %d", name, len(prog.Sessions), sessions)
		}
		for _, s := range prog.Sessions {
			if s.Room == "" || s.Slot.Start.IsZero() {
				t.Errorf("%s: session %q has no room or start", name, s.Title)
			}
		}
	}
	if code := run([]string{"-forum", "0", "-o", filepath.Join(dir, "missing")}, &out, &errs); code != cli.Findings {
		t.Errorf("writing into a missing folder exits %d, want %d", code, cli.Findings)
	}
}
