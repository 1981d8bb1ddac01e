package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the files in testdata")

// TestGolden compares the output, with a forum of 30 sessions so that it
// stays quick under the race detector, with testdata/timetable.txt;
// -update rewrites it.
func TestGolden(t *testing.T) {
	var out, errs bytes.Buffer
	if err := run([]string{"-forum", "30"}, &out, &errs); err != nil {
		t.Fatal(err)
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
		if err := run(args, &out, &errs); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
