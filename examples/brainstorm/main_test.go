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

var update = flag.Bool("update", false, "rewrite testdata/output.txt")

// output runs the program and returns what it writes.
func output(t *testing.T) string {
	t.Helper()
	var out bytes.Buffer
	if err := show(&out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestGolden compares the output with testdata/output.txt; -update rewrites it.
func TestGolden(t *testing.T) {
	got := output(t)
	golden := filepath.Join("testdata", "output.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output mismatch (-want +got):\n%s", diff)
	}
}

// TestNotAttributed checks that the moderator's name and organization,
// known to the session file, appear nowhere in the output, in any case, and
// that the output says why.
func TestNotAttributed(t *testing.T) {
	out := output(t)
	lower := strings.ToLower(out)
	for _, never := range []string{"Wout", "Natris", "De Natris Consult"} {
		if strings.Contains(lower, strings.ToLower(never)) {
			t.Errorf("output shows %q, in a session that is not attributed:\n%s", never, out)
		}
	}
	if !strings.Contains(out, "not attributed") {
		t.Errorf("output does not say that the session is not attributed:\n%s", out)
	}
	if !strings.Contains(out, "person 1") {
		t.Errorf("output does not show the moderator by role as person 1:\n%s", out)
	}
}

// TestExitCodes checks the exit codes every example program shares: 0 for
// the run-of-show written, 0 for -h, 2 for a flag or an argument it does
// not take.
func TestExitCodes(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		code   int
		stdout bool // whether anything is written to standard output
	}{
		{nil, 0, true},
		{[]string{"-h"}, 0, false},
		{[]string{"-x"}, 2, false},
		{[]string{"session.json"}, 2, false},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || (stdout.Len() > 0) != tt.stdout {
			t.Errorf("%q: exit %d with %d bytes of output, want %d and output %v; stderr:\n%s", tt.args, code, stdout.Len(), tt.code, tt.stdout, stderr.String())
		}
	}
}
