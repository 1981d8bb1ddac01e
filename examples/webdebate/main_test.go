package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
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

// TestNoModeParity checks that onsite–online parity is not applied to a
// session that is online only, and that the output says so.
func TestNoModeParity(t *testing.T) {
	out := output(t)
	if strings.Contains(out, "By mode") {
		t.Errorf("output balances by mode, in an online-only session:\n%s", out)
	}
	if !strings.Contains(out, "\nNot balanced by mode: the session is online.\n") {
		t.Errorf("output does not say that mode is not balanced:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "onsite") {
			t.Errorf("a line mentions onsite speakers in an online-only session: %q", line)
		}
	}
}

// TestStakeholderAndRegionalBalance checks that stakeholder and regional
// groups are still balanced and reported, each in a table of groups.
func TestStakeholderAndRegionalBalance(t *testing.T) {
	out := output(t)
	for _, want := range []string{
		`\nBy stakeholder \(balanced; `,
		`\n  Civil Society +2 `,
		`\nBy region \(balanced; `,
		`\n  GRULAC +1 `,
		`\n  WEOG +1 `,
		// Wallace gives neither: a row of their own, and the shares are of
		// the other two.
		`\n  \(not given\) +1 +\S+ +– +–\n  shares of the 2 of 3 speakers who give a stakeholder group\n`,
		`\n  \(not given\) +1 +\S+ +– +–\n  shares of the 2 of 3 speakers who are from a UN regional group\n`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n  group "); n != 2 {
		t.Errorf("%d tables of groups, want 2 (stakeholder, region):\n%s", n, out)
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
