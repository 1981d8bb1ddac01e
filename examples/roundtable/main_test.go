package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/timeslot"
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

// length reads a length as the output writes it, such as "27m30s".
func length(t *testing.T, s string) time.Duration {
	t.Helper()
	d, err := timeslot.ParseLength(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestEvenlyWeighted reads the "By mode" table: onsite and online speakers
// each hold half the speaking time, within one step (30 seconds).
func TestEvenlyWeighted(t *testing.T) {
	out := output(t)
	m := regexp.MustCompile(`(?m)^Speaking time: (\S+) among \d+ speakers, in steps of (\S+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no speaking time line in:\n%s", out)
	}
	total, step := length(t, m[1]), length(t, m[2])
	if step != 30*time.Second {
		t.Errorf("step %s, want 30s", step)
	}
	_, table, ok := strings.Cut(out, "\nBy mode (hard rule")
	if !ok {
		t.Fatalf("no hard-rule \"By mode\" table in:\n%s", out)
	}
	table, _, _ = strings.Cut(table, "\n\n")
	// Evenly weighted: an online speaker gets on average what an onsite
	// speaker gets, each group's time in proportion to its speakers.
	row := regexp.MustCompile(`(?m)^  (onsite|online) +(\d+) +(\S+) `)
	seen := map[string]bool{}
	speakers := 0
	rows := row.FindAllStringSubmatch(table, -1)
	for _, m := range rows {
		n, _ := strconv.Atoi(m[2])
		speakers += n
	}
	for _, m := range rows {
		seen[m[1]] = true
		n, _ := strconv.Atoi(m[2])
		got, want := length(t, m[3]), total*time.Duration(n)/time.Duration(speakers)
		if diff := (got - want).Abs(); diff > step {
			t.Errorf("%s speakers (%d of %d) hold %s of %s: %s away from their %s, more than one step", m[1], n, speakers, got, total, diff, want)
		}
	}
	if !seen["onsite"] || !seen["online"] {
		t.Errorf("the By mode table lacks onsite or online:%s", table)
	}
}

// segmentLine matches a segment of the run-of-show: its clock times and title.
var segmentLine = regexp.MustCompile(`^  (\d+:\d\d)–(\d+:\d\d) +(.*)$`)

// turnLine matches a timed turn within a segment.
var turnLine = regexp.MustCompile(`^ {15}\d+:\d\d:\d\d–\d+:\d\d:\d\d `)

// runOfShow returns the lines of the run-of-show section.
func runOfShow(t *testing.T, out string) []string {
	t.Helper()
	_, section, ok := strings.Cut(out, "\nRun of show\n")
	if !ok {
		t.Fatalf("no run-of-show in:\n%s", out)
	}
	section, _, _ = strings.Cut(section, "\n\n")
	return strings.Split(section, "\n")
}

// TestQuickfirePollLast checks that the last 20 minutes of the 90 are the poll.
func TestQuickfirePollLast(t *testing.T) {
	out := output(t)
	if !strings.Contains(out, "Slot:   1h30m,") || !strings.Contains(out, "Planned 1h30m of a 1h30m slot.") {
		t.Errorf("the plan does not fill the 90-minute slot:\n%s", out)
	}
	var last []string
	for _, line := range runOfShow(t, out) {
		if m := segmentLine.FindStringSubmatch(line); m != nil {
			last = m
		}
	}
	if last == nil || last[1] != "1:10" || last[2] != "1:30" || !strings.HasPrefix(last[3], "Quickfire poll (poll, 20m)") {
		t.Errorf("the last segment is %q, want the quickfire poll from 1:10 to 1:30", last)
	}
}

// TestTurnsUnderQuestions checks that every timed turn falls under one of
// the segments of policy questions A, B and C, and that each has turns.
func TestTurnsUnderQuestions(t *testing.T) {
	out := output(t)
	segment := ""
	turns := map[string]int{}
	for _, line := range runOfShow(t, out) {
		if m := segmentLine.FindStringSubmatch(line); m != nil {
			segment = m[3]
			continue
		}
		if turnLine.MatchString(line) {
			if !strings.HasPrefix(segment, "Question ") {
				t.Errorf("turn %q is under %q, not under a policy question", strings.TrimSpace(line), segment)
				continue
			}
			turns[segment[:len("Question A")]]++
		}
	}
	for _, q := range []string{"Question A", "Question B", "Question C"} {
		if turns[q] == 0 {
			t.Errorf("no turns under %s", q)
		}
	}
}

// TestOrganizersCountedAsSpeakers checks that the organizers who also speak
// are counted among the speakers and named in the findings: organizer 1 is
// speaker 2 as well, and organizers 2 to 4 are listed as speakers without a
// number.
func TestOrganizersCountedAsSpeakers(t *testing.T) {
	out := output(t)
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "4 of 7 speakers are also organizers") {
		t.Errorf("the findings do not say that 4 of 7 speakers are also organizers:\n%s", out)
	}
	if !strings.Contains(out, "among 7 speakers") {
		t.Errorf("the speaking time is not shared among 7 speakers:\n%s", out)
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
