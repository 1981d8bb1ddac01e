package main

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/examples/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden runs the program on every seed and compares its output with
// testdata/<seed>.txt; -update rewrites them.
func TestGolden(t *testing.T) {
	cases := map[string][]string{"default": nil}
	for _, name := range seeds.Names() {
		cases[name] = []string{"-seed", name}
	}
	cases["panel-in-paris-time"] = []string{"-seed", "multistakeholder-cyber-diplomacy-panel", "-tz", "Europe/Paris"}
	cases["roundtable-audit"] = []string{"-log", filepath.Join("testdata", "roundtable-log.csv")}
	cases["roundtable-redacted"] = []string{"-redact"}
	cases["panel-from-igf-page"] = []string{"-igf", filepath.Join("..", "seeds", "pages", "multistakeholder-cyber-diplomacy-panel.txt")}
	for _, name := range seeds.Names() {
		for _, format := range []string{"markdown", "html", "csv", "json", "ics", "svg"} {
			if format == "ics" && name != "multistakeholder-cyber-diplomacy-panel" && name != "igf-cooperation-roadmap-brainstorm" {
				continue // a calendar needs a start time; only these two seeds have one
			}
			cases[name+"."+format] = []string{"-seed", name, "-format", format}
		}
	}
	cases["roundtable-replan"] = []string{"-log", filepath.Join("testdata", "roundtable-log.csv"), "-at", "50m"}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
			}
			golden := filepath.Join("testdata", name)
			if !strings.Contains(name, ".") {
				golden += ".txt"
			}
			// A calendar is stamped with the time it is written.
			got := dtstamp.ReplaceAll(stdout.Bytes(), []byte("DTSTAMP:(time of writing)"))
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// dtstamp matches the DTSTAMP of a calendar's events.
var dtstamp = regexp.MustCompile(`DTSTAMP:\d{8}T\d{6}Z`)

func TestDefaultIsRoundtable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run(nil, strings.NewReader(""), &stdout, &stderr)
	for _, want := range []string{
		"Cyber diplomacy in action", "Slot:   1h30m, not scheduled", "1:10–1:30    Quickfire poll (poll, 20m)",
		"Planned 1h30m of a 1h30m slot.", "Validation: no problems.",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("default output lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestPrivacyAndAttribution(t *testing.T) {
	tests := []struct {
		seed   string
		reason string
		absent []string
	}{
		{"multistakeholder-cyber-diplomacy-panel", "seed 001 marks Pavel Mraz's organization (Microsoft) private", []string{"Pavel Mraz  organizer  Microsoft", "Mraz[^\n]*Microsoft"}},
		{"igf-cooperation-roadmap-brainstorm", "seed 003 attributes nothing to people or organizations", []string{"Wout", "Natris"}},
		{"cyber-diplomacy-roundtable -redact", "-redact leaves names and organizations out", []string{"Shires", "Fetais", "Centre for Humanitarian Dialogue"}},
	}
	for _, tt := range tests {
		for _, format := range slices.Sorted(maps.Keys(formats)) {
			if format == "png" {
				continue // pixels: the SVG of the same chart is searched instead
			}
			t.Run(tt.seed+"/"+format, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				run(append([]string{"-format", format, "-seed"}, strings.Fields(tt.seed)...), strings.NewReader(""), &stdout, &stderr)
				if stdout.Len() == 0 && !strings.Contains(stderr.String(), "no start time") {
					t.Fatalf("no output: %s", stderr.String())
				}
				for _, pattern := range tt.absent {
					if regexp.MustCompile(pattern).MatchString(stdout.String()) {
						t.Errorf("%s, but the %s output matches %q", tt.reason, format, pattern)
					}
				}
			})
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	overrun := write("overrun.json", `{"title": "T", "format": "onsite", "slot": {"length": "30m"},
		"people": [{"name": "M", "roles": ["moderator"]}],
		"segments": [{"title": "S", "kind": "discussion", "length": "40m"}]}`)
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		inStderr string
		inStdout string
	}{
		{"missing file", []string{"-f", filepath.Join(dir, "nope.json")}, "", 2, "nope.json", ""},
		{"bad JSON", []string{"-f", write("bad.json", `{"title": "T", "nmae": 1}`)}, "", 2, `decoding nmae: unknown field`, ""},
		{"unknown region", []string{"-f", "-"}, `{"people": [{"name": "A", "region": "Europe"}]}`, 2, `people[0].region: unknown regional group "Europe"`, ""},
		{"unknown seed", []string{"-seed", "nope"}, "", 2, "no such session", ""},
		{"unknown zone", []string{"-tz", "Mars/Olympus"}, "", 2, `-tz "Mars/Olympus"`, ""},
		{"unknown flag", []string{"-x"}, "", 2, "flag provided but not defined", ""},
		{"stray argument", []string{"session.json"}, "", 2, "use -f", ""},
		{"missing log", []string{"-log", filepath.Join(dir, "nope.csv")}, "", 2, "nope.csv", ""},
		{"at without log", []string{"-at", "50m"}, "", 2, "-at needs -log", ""},
		{"at outside the slot", []string{"-log", filepath.Join("testdata", "roundtable-log.csv"), "-at", "3h"}, "", 2, "not within the slot", ""},
		{"bad log", []string{"-log", write("bad.csv", "name,start,end\nA,noon,1:00:00\n")}, "", 2, `log line 2 start "noon"`, ""},
		{"invalid session", []string{"-f", overrun}, "", 1, "", "segments overrun the slot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.inStderr)
			}
			if !strings.Contains(stdout.String(), tt.inStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.inStdout, stdout.String())
			}
			if strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("stack trace on bad input:\n%s", stderr.String())
			}
		})
	}
}

// TestNoHiddenNames runs the command on the inputs of issue 13, items 2, 3
// and 4, and checks that neither the output nor standard error shows a
// name that may not be shown: an unattributed session's, a private one,
// any under -redact, or a value an IGF page locks.
func TestNoHiddenNames(t *testing.T) {
	dir := filepath.Join("testdata", "privacy")
	tests := []struct {
		name    string
		args    []string
		secrets []string
	}{
		{"Unattributed", []string{"-f", "02_unattributed_validation_leak.json"},
			[]string{"Priya", "Nomode", "quentin", "Ghost", "Unknownperson", "Zelda", "SecretOrgX", "NoModeOrg"}},
		{"PrivateName", []string{"-f", "02_private_name_validation_leak.json"}, []string{"Priya", "Privname", "PrivOrgY", "Zelda", "SecretOrgX"}},
		{"Redact", []string{"-redact", "-f", "02_named_invalid_for_redact.json"},
			[]string{"Priya", "Nomode", "quentin", "Ghost", "Unknownperson", "Zelda", "SecretOrgX", "NoModeOrg"}},
		{"RedactJSON", []string{"-redact", "-format", "json", "-f", "02_named_invalid_for_redact.json"},
			[]string{"Priya", "Nomode", "quentin", "Ghost", "Unknownperson", "Zelda", "SecretOrgX", "NoModeOrg"}},
		{"IGFLocks", []string{"-igf", "04_igf_redact_stderr.txt"},
			[]string{"SecretOrg", "Inc.", "Hidden Namedperson"}},
		{"IGFRedact", []string{"-redact", "-igf", "04_igf_redact_stderr.txt"},
			[]string{"SecretOrg", "Inc.", "Hidden Namedperson", "Pavel", "John Hering", "Lockname", "Joyce", "Pablo", "Edoardo"}},
		{"LogProblems", []string{"-f", "03_priv_session.json", "-log", "03_private_name_log.csv"}, nil},
		// A plan no allocation meets names the people in conflict: as
		// "person 2" in a session that is not attributed.
		{"PlanningError", []string{"-f", "infeasible_unattributed.json", "-policy", "infeasible_policy.json"},
			[]string{"Alice", "Hiddenname", "Secretname"}},
		{"PlanningErrorJSON", []string{"-format", "json", "-f", "infeasible_unattributed.json", "-policy", "infeasible_policy.json"},
			[]string{"Alice", "Hiddenname", "Secretname"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := slices.Clone(tt.args)
			for i, a := range args {
				if strings.HasSuffix(a, ".json") || strings.HasSuffix(a, ".txt") || strings.HasSuffix(a, ".csv") {
					args[i] = filepath.Join(dir, a)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			if strings.HasPrefix(tt.name, "PlanningError") && (code != 1 || !strings.Contains(stdout.String()+stderr.String(), "person 2 must speak at least 10m")) {
				t.Errorf("exit %d, want 1 and the conflict of person 2:\n%s%s", code, stdout.String(), stderr.String())
			}
			for _, sec := range tt.secrets {
				for what, out := range map[string]string{"output": stdout.String(), "standard error": stderr.String()} {
					if strings.Contains(strings.ToLower(out), strings.ToLower(sec)) {
						t.Errorf("the %s shows %q:\n%s", what, sec, out)
					}
				}
			}
			if tt.name == "LogProblems" {
				_, problems, _ := strings.Cut(stdout.String(), "Problems in the log")
				problems, _, _ = strings.Cut(problems, "Findings of the log")
				if strings.Contains(strings.ToLower(problems), "privnametok") {
					t.Errorf("the log's problems show the private name:\n%s", problems)
				}
			}
		})
	}
}

// TestPolicyAndPresets plans under -policy and checks the plan against
// -presets: the policy's bound holds, each preset is listed as met or not,
// and a bad file is a clear error with exit status 2.
func TestPolicyAndPresets(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.json")
	presets := filepath.Join(dir, "presets.json")
	if err := os.WriteFile(policy, []byte(`{"people": {"Droz Serge": {"max": "6m"}}, "intro": "1m", "online_handover": "30s"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(presets, []byte(`[{"name": "three-groups", "description": "at least 3 stakeholder groups", "constraints": [{"rule": "min-groups", "by": "stakeholder", "min": 3}]},
		{"name": "two-regions", "description": "at least 2 regional groups", "constraints": [{"rule": "min-groups", "by": "region", "min": 2}]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-policy", policy, "-presets", presets}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"  Droz Serge (onsite)        6m     7m47s\n", // the policy's maximum
		"\nPresets\n  three-groups: not met\n",        // Civil Society and Government only
		"    - at least 3 stakeholder groups among speakers\n",
		"  two-regions: met\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, tt := range []struct{ flag, content, want string }{
		{"-policy", `{"dimensions": [{"by": "colour"}]}`, "-policy"},
		{"-presets", `[{"name": ""}]`, "-presets"},
	} {
		bad := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(bad, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{tt.flag, bad}, strings.NewReader(""), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%s %s: exit %d, stderr %q; want 2 and an error naming the flag", tt.flag, tt.content, code, stderr.String())
		}
	}
}
