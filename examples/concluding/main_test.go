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

// segmentLine matches a segment of the run-of-show: its clock times and title.
var segmentLine = regexp.MustCompile(`^  (\d+:\d\d–\d+:\d\d) +(.*)$`)

// turnLine matches a timed turn within a segment, and what it is.
var turnLine = regexp.MustCompile(`^ {15}\d+:\d\d:\d\d–\d+:\d\d:\d\d +(.*?) +\S+$`)

// TestParallelBreakouts checks that the three break-out groups run side by
// side, from 0:05 to 0:45, each with its facilitator.
func TestParallelBreakouts(t *testing.T) {
	out := output(t)
	var times []string
	for _, line := range strings.Split(out, "\n") {
		if m := segmentLine.FindStringSubmatch(line); m != nil && strings.HasPrefix(m[2], "Break-out discussion") {
			times = append(times, m[1])
		}
	}
	if len(times) != 3 {
		t.Fatalf("%d break-out lines, want 3:\n%s", len(times), out)
	}
	for _, tm := range times {
		if tm != "0:05–0:45" {
			t.Errorf("a break-out runs %s, want 0:05–0:45 like the others", tm)
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, who := range []string{"Alexander Isavnin", "Amit Ashkenazi", "Sylvia Cadena"} {
		if !strings.Contains(flat, "facilitated by "+who) {
			t.Errorf("no break-out is facilitated by %s:\n%s", who, out)
		}
	}
}

// TestReportBacks checks that the plenary holds the three reports, in the
// order of the break-out tracks.
func TestReportBacks(t *testing.T) {
	out := output(t)
	var reports []string
	in := false
	for _, line := range strings.Split(out, "\n") {
		if m := segmentLine.FindStringSubmatch(line); m != nil {
			in = strings.HasPrefix(m[2], "Plenary Q&A with the three reports (plenary, 1h)")
			continue
		}
		if m := turnLine.FindStringSubmatch(line); in && m != nil && strings.HasSuffix(m[1], "(onsite)") && !strings.HasPrefix(m[1], "hand-over") {
			reports = append(reports, strings.TrimSuffix(m[1], " (onsite)"))
		}
	}
	want := []string{"Alexander Isavnin", "Amit Ashkenazi", "Christopher Treshan Perera"}
	if diff := cmp.Diff(want, reports); diff != "" {
		t.Errorf("reports in the plenary (-want +got):\n%s", diff)
	}
}

// TestOverrun checks that the 110-minute agenda is found to overrun a
// 90-minute slot by 20 minutes, and fits the 2 hours the session is given.
func TestOverrun(t *testing.T) {
	out := output(t)
	for _, want := range []string{
		"\nPlanned 1h50m of a 2h slot: 10m left.\n",
		"\nValidation in a 1h30m slot\n",
		"segments overrun the slot: 1h50m of segments in a 1h30m slot: 20m over\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestParticipation checks the counts of the session report.
func TestParticipation(t *testing.T) {
	out := output(t)
	_, part, ok := strings.Cut(out, "\nParticipation\n")
	if !ok {
		t.Fatalf("no participation section:\n%s", out)
	}
	for _, want := range []string{"25 people attended, 6 of them women (24%)", "2 participants connected remotely (8%)"} {
		if !strings.Contains(part, want) {
			t.Errorf("participation lacks %q:\n%s", want, part)
		}
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
