package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
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
		{"line of an edit", []string{"-f", write("edited.json", "{\"title\": \"T\",\n \"people\": [\n  {\"name\": \"A\", \"mode\": \"both\"}]}")}, "", 2,
			`edited.json:3: agenda: decoding people[0].mode: unknown participation mode "both"`, ""},
		{"line of standard input", []string{"-f", "-"}, "{\n\"title\": 1}", 2, `standard input:2: agenda: decoding title: want a string`, ""},
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
			// A valid session that cannot be planned is told as such, not
			// as what validation found.
			if tt.name == "PlanningError" && !strings.Contains(stdout.String(), "Validation: no problems.\nThe session cannot be planned:\n  - ") {
				t.Errorf("the planning error is not told under its own heading:\n%s", stdout.String())
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
// -presets: the policy's bound holds, each preset is listed as met, not
// met with what was found, or cannot be checked with how many give the field,
// and a bad file is a clear error with exit status 2.
func TestPolicyAndPresets(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.json")
	presets := filepath.Join(dir, "presets.json")
	if err := os.WriteFile(policy, []byte(`{"people": {"Droz Serge": {"max": "6m"}}, "intro": "1m", "online_handover": "30s"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(presets, []byte(`[{"name": "three-groups", "description": "at least 3 stakeholder groups", "constraints": [{"rule": "min-groups", "by": "stakeholder", "min": 3}]},
		{"name": "two-regions", "description": "at least 2 regional groups", "constraints": [{"rule": "min-groups", "by": "region", "min": 2}]},
		{"name": "two-genders", "description": "at least 2 genders", "constraints": [{"rule": "min-groups", "by": "gender", "min": 2}]}]`), 0o644); err != nil {
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
		"    - at least 3 stakeholder groups among speakers: 2: Civil Society, Government\n",
		"  two-regions: met\n",
		// The seed gives no genders: neither met nor failed.
		"  two-genders: cannot be checked\n    - at least 2 genders among speakers: gender given for 0 of 7 speakers\n",
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

// TestFlags runs every path of the flags that complete a draft, choose the
// output and refuse what cannot go together, and checks the exit code and
// what is written where.
func TestFlags(t *testing.T) {
	dir := t.TempDir()
	panelPage := filepath.Join("..", "seeds", "pages", "multistakeholder-cyber-diplomacy-panel.txt")
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout []string // each must be in the output (in the -o file, if one is named in file)
		inStderr string
		notErr   string // must not be in stderr
		file     string // the -o file, relative to dir
		reason   string
	}{
		{name: "format upper case", args: []string{"-format", "MARKDOWN"}, inStdout: []string{"# Cyber diplomacy in action"},
			reason: "-format is case-insensitive"},
		{name: "format md", args: []string{"-format", "md"}, inStdout: []string{"# Cyber diplomacy in action"}, reason: "md is markdown"},
		{name: "bom", args: []string{"-format", "csv", "-bom"}, inStdout: []string{"\ufeffsegment,"}, reason: "-bom begins the CSV with the byte-order mark Excel needs"},
		{name: "bom without csv", args: []string{"-bom"}, code: 2, inStderr: "-bom marks a CSV file for Excel"},
		{name: "format session mixed case", args: []string{"-format", "Session"}, inStdout: []string{`"title": "Cyber diplomacy in action`}},
		{name: "format unknown", args: []string{"-format", "pdf"}, code: 2, inStderr: `-format "pdf": want one of csv, html, ics, json, markdown, png, session, svg, text`},
		{name: "o html", args: []string{"-o", "ros.html"}, file: "ros.html", inStdout: []string{"<!DOCTYPE html>"}, reason: "-o picks html from .html"},
		{name: "o md upper", args: []string{"-o", "ROS.MD"}, file: "ROS.MD", inStdout: []string{"# Cyber diplomacy in action"}},
		{name: "o session.json", args: []string{"-o", "draft.session.json"}, file: "draft.session.json", inStdout: []string{`"segments": [`},
			reason: "a name ending in .session.json is a draft"},
		{name: "o json", args: []string{"-o", "ros.json"}, file: "ros.json", inStdout: []string{`"rows": [`}},
		{name: "format beats o", args: []string{"-format", "session", "-o", "draft.json"}, file: "draft.json", inStdout: []string{`"people": [`},
			reason: "an explicit -format wins over the extension"},
		{name: "o no extension", args: []string{"-o", "ros"}, file: "ros", inStdout: []string{"Validation: no problems."}},
		{name: "o unknown extension", args: []string{"-o", "ros.pdf"}, code: 2, inStderr: "ros.pdf: .pdf names no format; give -format"},
		{name: "start in UTC", args: []string{"-start", "2025-06-23T10:00"}, inStdout: []string{"Slot:   2025-06-23 10:00–11:30 UTC"},
			inStderr: "-start 2025-06-23T10:00 is read as UTC; give -zone", reason: "the zone assumed is said"},
		{name: "start in zone", args: []string{"-start", "2025-06-23T10:00", "-zone", "Europe/Oslo"}, inStdout: []string{"Slot:   2025-06-23 10:00–11:30 CEST"},
			notErr: "read as UTC"},
		{name: "start with seconds", args: []string{"-start", "2025-06-23T10:00:30", "-zone", "Europe/Oslo"}, inStdout: []string{"10:00–11:30 CEST"}},
		{name: "start with offset", args: []string{"-start", "2025-06-23T08:00Z", "-zone", "Europe/Oslo"}, inStdout: []string{"Slot:   2025-06-23 10:00–11:30 CEST"},
			reason: "a moment with its offset is shown in -zone"},
		{name: "start RFC 3339", args: []string{"-start", "2025-06-23T10:00:00+02:00"}, inStdout: []string{"2025-06-23 10:00–11:30"}, notErr: "read as UTC"},
		{name: "start moves in own zone", args: []string{"-seed", "igf-cooperation-roadmap-brainstorm", "-start", "2018-12-12T10:00", "-format", "session"},
			inStdout: []string{`"start": "2018-12-12T10:00:00+01:00"`, `"zone": "Europe/Zurich"`}, notErr: "read as UTC",
			reason: "a session moved stays in the zone it is held in"},
		{name: "start then tz", args: []string{"-start", "2025-06-23T10:00", "-zone", "Europe/Oslo", "-tz", "Asia/Tokyo"}, inStdout: []string{"2025-06-23 17:00–18:30 JST"}},
		{name: "start unreadable", args: []string{"-start", "tomorrow"}, code: 2, inStderr: `-start "tomorrow": want a date and a time such as 2025-06-23T10:00`},
		{name: "zone unknown", args: []string{"-start", "2025-06-23T10:00", "-zone", "Mars/Olympus"}, code: 2, inStderr: `-zone "Mars/Olympus" is not an IANA time zone`},
		{name: "zone without start", args: []string{"-zone", "Europe/Oslo"}, code: 2, inStderr: "-zone is the zone -start is read in"},
		{name: "title and room", args: []string{"-title", "Open data, open doors", "-room", "Conference Room 7"},
			inStdout: []string{"Open data, open doors\n=====", "Room:   Conference Room 7"}},
		{name: "seed near miss", args: []string{"-seed", "cyber-diplomacy-roundtabel"}, code: 2, inStderr: `did you mean "cyber-diplomacy-roundtable"?`},
		{name: "seed word", args: []string{"-seed", "panel"}, code: 2, inStderr: `did you mean "multistakeholder-cyber-diplomacy-panel"?`},
		{name: "seed far", args: []string{"-seed", "zzz"}, code: 2, inStderr: `-seed "zzz": no such session (have cyber-diplomacy-roundtable,`, notErr: "did you mean"},
		{name: "f and seed", args: []string{"-f", "x.json", "-seed", "panel"}, code: 2, inStderr: "-f and -seed each name the session; give one of them"},
		{name: "igf and seed", args: []string{"-igf", panelPage, "-seed", seeds.Default}, code: 2, inStderr: "-igf and -seed each name the session",
			reason: "-seed given with its default value is still given"},
		{name: "igf and f", args: []string{"-igf", panelPage, "-f", "x.json"}, code: 2, inStderr: "-f and -igf each name the session"},
		{name: "tz unscheduled", args: []string{"-tz", "Europe/Paris"}, code: 2, inStderr: "-tz Europe/Paris: the session has no start time",
			reason: "-tz on an unscheduled session is not ignored silently"},
		{name: "ics unscheduled", args: []string{"-format", "ics"}, code: 2, inStderr: "give it one with -start"},
		{name: "ics with start", args: []string{"-format", "ics", "-start", "2025-06-23T10:00"}, inStdout: []string{"BEGIN:VCALENDAR", "DTSTART:20250623T100000Z"}},
		{name: "session redact", args: []string{"-format", "session", "-redact"}, code: 2, inStderr: "-redact is for the run-of-show"},
		{name: "session tz", args: []string{"-seed", "multistakeholder-cyber-diplomacy-panel", "-format", "session", "-tz", "Europe/Paris"}, code: 2, inStderr: "-tz is for the run-of-show"},
		{name: "session policy", args: []string{"-format", "session", "-policy", "p.json"}, code: 2, inStderr: "-policy is for the run-of-show"},
		{name: "log html", args: []string{"-log", "l.csv", "-o", "ros.html"}, code: 2, inStderr: "-log and -at write text only, not -format html"},
		{name: "help", args: []string{"-h"}, code: 0, inStderr: "-start time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := slices.Clone(tt.args)
			for i := range args {
				if i > 0 && args[i-1] == "-o" {
					args[i] = filepath.Join(dir, args[i])
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("%s: exit %d, want %d; stderr:\n%s", tt.reason, code, tt.code, stderr.String())
			}
			out := stdout.String()
			if tt.file != "" {
				data, err := os.ReadFile(filepath.Join(dir, tt.file))
				if err != nil {
					t.Fatalf("%s: %v", tt.reason, err)
				}
				if stdout.Len() > 0 {
					t.Errorf("with -o, standard output holds %q", out)
				}
				out = string(data)
			}
			for _, want := range tt.inStdout {
				if !strings.Contains(out, want) {
					t.Errorf("%s: output lacks %q:\n%s", tt.reason, want, out)
				}
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.reason, tt.inStderr, stderr.String())
			}
			if tt.notErr != "" && strings.Contains(stderr.String(), tt.notErr) {
				t.Errorf("%s: stderr holds %q:\n%s", tt.reason, tt.notErr, stderr.String())
			}
			if code == 2 && stdout.Len() > 0 {
				t.Errorf("a refusal writes output:\n%s", out)
			}
		})
	}
}

// TestFormatAliases checks that the spellings of a format give the same
// bytes as its name.
func TestFormatAliases(t *testing.T) {
	for alias, name := range map[string]string{"md": "markdown", "MD": "markdown", "Txt": "text", "HTML": "html", "ical": "ics"} {
		args := []string{"-seed", "multistakeholder-cyber-diplomacy-panel", "-format"}
		var want, got, stderr bytes.Buffer
		if code := run(append(args, name), strings.NewReader(""), &want, &stderr); code != 0 {
			t.Fatalf("-format %s: exit %d: %s", name, code, stderr.String())
		}
		if code := run(append(args, alias), strings.NewReader(""), &got, &stderr); code != 0 {
			t.Fatalf("-format %s: exit %d: %s", alias, code, stderr.String())
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("-format %s differs from -format %s (-want +got):\n%s", alias, name, diff)
		}
	}
}

// draftOf runs the program with args and -format session, checks the
// exit code, 0 for a valid draft and 1 for one with problems, and decodes
// what it writes.
func draftOf(t *testing.T, want int, args ...string) (*agenda.Session, []byte) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append(args, "-format", "session"), strings.NewReader(""), &stdout, &stderr); code != want {
		t.Fatalf("%v -format session: exit %d, want %d:\n%s", args, code, want, stderr.String())
	}
	if want == 1 && !strings.Contains(stderr.String(), "the draft is written; fix these in it") {
		t.Errorf("the problems of the draft are not on stderr:\n%s", stderr.String())
	}
	s, err := agenda.Decode(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("-f cannot read what -format session writes: %v\n%s", err, stdout.String())
	}
	return s, stdout.Bytes()
}

// checkSame fails unless got is want, to the zone of the start and the
// bytes of a second encoding.
func checkSame(t *testing.T, want, got *agenda.Session, first []byte) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decode(-format session) mismatch (-want +got):\n%s", diff)
	}
	if w, g := want.Slot.Start.Location().String(), got.Slot.Start.Location().String(); w != g {
		t.Errorf("the start's zone %q came back as %q", w, g)
	}
	var again bytes.Buffer
	if err := writeSession(&again, got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(first), again.String()); diff != "" {
		t.Errorf("a second encoding differs (-first +second):\n%s", diff)
	}
}

// TestSessionRoundTrip checks that -format session writes what -f reads
// back as the same session, every field included (private fields, labels,
// lengths to the nanosecond, a zone), and that the draft read back plans
// to the same run-of-show as the original.
func TestSessionRoundTrip(t *testing.T) {
	for _, name := range seeds.Names() {
		t.Run(name, func(t *testing.T) {
			want, err := seeds.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			got, first := draftOf(t, 0, "-seed", name)
			checkSame(t, want, got, first)

			file := filepath.Join(t.TempDir(), "draft.json")
			if err := os.WriteFile(file, first, 0o644); err != nil {
				t.Fatal(err)
			}
			var fromSeed, fromDraft, stderr bytes.Buffer
			run([]string{"-seed", name}, strings.NewReader(""), &fromSeed, &stderr)
			run([]string{"-f", file}, strings.NewReader(""), &fromDraft, &stderr)
			if diff := cmp.Diff(fromSeed.String(), fromDraft.String()); diff != "" {
				t.Errorf("the draft read back plans differently (-seed +draft):\n%s", diff)
			}
		})
	}
	t.Run("every field", func(t *testing.T) {
		zurich, err := time.LoadLocation("Europe/Zurich")
		if err != nil {
			t.Fatal(err)
		}
		want := &agenda.Session{
			Title: "Open <data> & doors", Format: agenda.FormatHybrid, Attribution: "unattributed", Room: "Room 3",
			Slot: timeslot.Slot{Start: time.Date(2025, 6, 23, 10, 0, 0, 0, zurich), Length: 90*time.Minute + 1500*time.Millisecond},
			People: []agenda.Person{
				{Name: "Ana Berg", Organization: "ECCRI", Roles: []agenda.Role{agenda.RoleOrganizer, agenda.RoleModerator},
					Stakeholder: "Civil Society", Region: "WEOG", Country: "Switzerland", Mode: agenda.ModeOnsite,
					Gender: "woman", Zone: "Europe/Zurich", Labels: map[string]string{"age": "youth"},
					Private: []string{"name", "organization"}},
				{Name: "Ben Osei", Roles: []agenda.Role{agenda.RoleSpeaker}, Stakeholder: "Technical Community",
					Region: "African Group", Mode: agenda.ModeOnline, Zone: "Africa/Accra"},
			},
			Segments: []agenda.Segment{
				{Title: "Welcome", Kind: "opening", Length: 5 * time.Minute, Facilitators: []string{"Ana Berg"}},
				{Title: "Breakout A", Kind: "breakout", Length: 40*time.Minute + 1, Track: "A", Speakers: []string{"Ben Osei"}, Questions: []string{"Q1"}},
			},
			Questions:  []agenda.Question{{ID: "Q1", Text: "What next?"}},
			Attendance: agenda.Attendance{People: 25, Women: 6, Online: 2},
			Deadlines:  []agenda.Deadline{{What: "key takeaways", Due: time.Date(2025, 6, 23, 18, 0, 0, 0, time.UTC)}},
			Notes:      "Tags <b> & entities stay as they are.",
			ID:         "IGF 2025 WS #7",
		}
		data, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "all.json")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, first := draftOf(t, 1, "-f", file) // a hybrid session without an online moderator, a slot left unplanned
		checkSame(t, want, got, first)
	})
	t.Run("completed", func(t *testing.T) {
		want, err := seeds.Load(seeds.Default)
		if err != nil {
			t.Fatal(err)
		}
		oslo, _ := time.LoadLocation("Europe/Oslo")
		want.Title, want.Room, want.Slot.Start = "Retitled", "Conference Room 7", time.Date(2025, 6, 23, 10, 0, 0, 0, oslo)
		got, first := draftOf(t, 0, "-start", "2025-06-23T10:00", "-zone", "Europe/Oslo", "-title", "Retitled", "-room", "Conference Room 7")
		checkSame(t, want, got, first)
	})
	t.Run("offset", func(t *testing.T) {
		want, err := seeds.Load(seeds.Default)
		if err != nil {
			t.Fatal(err)
		}
		want.Slot.Start = time.Date(2025, 6, 23, 10, 0, 0, 0, time.FixedZone("", 2*60*60))
		got, first := draftOf(t, 0, "-start", "2025-06-23T10:00:00+02:00")
		checkSame(t, want, got, first)
	})
	t.Run("imported", func(t *testing.T) {
		page := filepath.Join("..", "seeds", "pages", "multistakeholder-cyber-diplomacy-panel.txt")
		want, _, err := importPage(page)
		if err != nil {
			t.Fatal(err)
		}
		want.ID = draftID(want) // the page gives no number: the draft gets an ID of its own, which keeps its calendar's UIDs
		got, first := draftOf(t, 0, "-igf", page)
		checkSame(t, want, got, first)
	})
}

// TestDraftPath follows the organizer's path: import a page, write the
// draft, change a speaker's mode in an editor, and plan the draft.
func TestDraftPath(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.json")
	page := filepath.Join("..", "seeds", "pages", "multistakeholder-cyber-diplomacy-panel.txt")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-igf", page, "-format", "session", "-o", draft, "-start", "2025-06-23T10:00", "-zone", "Europe/Oslo", "-title", "Cyber voices"},
		strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("import: exit %d:\n%s", code, stderr.String())
	}

	// The edit, as in an editor: the text of the file changes, one mode.
	data, err := os.ReadFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	s, err := agenda.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	speaker := ""
	for _, p := range slices.Backward(s.People) {
		if slices.Contains(p.Roles, agenda.RoleSpeaker) && p.Mode == agenda.ModeOnsite && speaker == "" {
			speaker = p.Name
		}
	}
	if speaker == "" {
		t.Fatalf("the imported draft has no onsite speaker:\n%s", data)
	}
	at := bytes.Index(data, []byte(`"name": "`+speaker+`"`))
	mode := bytes.Index(data[at:], []byte(`"mode": "onsite"`))
	if at < 0 || mode < 0 {
		t.Fatalf("no mode for %s in the draft:\n%s", speaker, data)
	}
	edited := slices.Concat(data[:at+mode], []byte(`"mode": "online"`), data[at+mode+len(`"mode": "onsite"`):])
	if err := os.WriteFile(draft, edited, 0o644); err != nil {
		t.Fatal(err)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-f", draft}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("plan: exit %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"Cyber voices\n", "Slot:   2025-06-23 10:00–11:30 CEST", "  " + speaker + " (online)", "Validation: no problems."} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the plan of the edited draft lacks %q:\n%s", want, stdout.String())
		}
	}
}

// TestCalendarWithStart puts the default session, which has no start time,
// into a calendar with -start, and reads it back with a second iCalendar
// parser: the session and every segment is an event, at its time in the
// zone given, and the UIDs stay when the session is retitled and moved.
func TestCalendarWithStart(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-format", "ics", "-start", "2025-06-23T10:00", "-zone", "Europe/Oslo"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	cal, err := ical.NewDecoder(bytes.NewReader(stdout.Bytes())).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v\n%s", err, stdout.String())
	}
	s, err := seeds.Load(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	oslo, _ := time.LoadLocation("Europe/Oslo")
	start := time.Date(2025, 6, 23, 10, 0, 0, 0, oslo)
	summaries := map[string]bool{}
	first, last := time.Time{}, time.Time{}
	for _, e := range cal.Events() {
		from, err := e.DateTimeStart(nil)
		if err != nil {
			t.Fatalf("DTSTART: %v", err)
		}
		to, err := e.DateTimeEnd(nil)
		if err != nil {
			t.Fatalf("DTEND: %v", err)
		}
		if first.IsZero() || from.Before(first) {
			first = from
		}
		if to.After(last) {
			last = to
		}
		if summary, err := e.Props.Text(ical.PropSummary); err == nil {
			summaries[summary] = true
		}
	}
	if !first.Equal(start) || !last.Equal(start.Add(s.Slot.Length)) {
		t.Errorf("the events run %v to %v, want %v to %v", first, last, start, start.Add(s.Slot.Length))
	}
	// The session's event, and one per segment whose summary says whose
	// segment it is.
	for _, want := range append([]string{s.Title}, func() (titles []string) {
		for _, seg := range s.Segments {
			titles = append(titles, s.Title+" – "+seg.Title)
		}
		return titles
	}()...) {
		if !summaries[want] {
			t.Errorf("no event %q; have %v", want, slices.Sorted(maps.Keys(summaries)))
		}
	}

	// The UIDs stay when the session is retitled and moved, so that a
	// calendar imports the new file as changes to the events it holds.
	uids := func(args ...string) []string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"-format", "ics"}, args...), strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d:\n%s", args, code, stderr.String())
		}
		cal, err := ical.NewDecoder(bytes.NewReader(stdout.Bytes())).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range cal.Events() {
			uid, err := e.Props.Text(ical.PropUID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, uid)
		}
		return out
	}
	before := uids("-start", "2025-06-23T10:00", "-zone", "Europe/Oslo")
	after := uids("-start", "2025-06-24T14:30", "-zone", "Europe/Oslo", "-title", "Cyber diplomacy, retitled")
	if len(before) != 1+len(s.Segments) || !slices.Equal(before, after) {
		t.Errorf("UIDs before a retitle and a move:\n%q\nafter:\n%q", before, after)
	}
}

// TestREADMECommands runs, in order and in one folder, every runofshow
// command of this program's README and of the top README, as a reader
// would from the root of the repository: each must exit 0 and write what
// it says.
func TestREADMECommands(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var commands [][]string
	for _, readme := range []string{filepath.Join(root, "examples", "runofshow", "README.md"), filepath.Join(root, "README.md")} {
		data, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			if rest, ok := strings.CutPrefix(line, "go run ./examples/runofshow"); ok {
				rest, _, _ = strings.Cut(rest, "#") // a comment after the command
				if args := shellWords(rest); !slices.Contains(args, "-serve") {
					commands = append(commands, args) // the live floor serves until stopped: TestLiveFloorInBrowser runs it
				}
			}
		}
	}
	if len(commands) < 8 {
		t.Fatalf("found %d runofshow commands in the READMEs, want the organizer's path", len(commands))
	}
	t.Chdir(t.TempDir())
	for _, args := range commands {
		for i, a := range args {
			if strings.HasPrefix(a, "examples/") {
				args[i] = filepath.Join(root, a)
			}
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Errorf("go run ./examples/runofshow %s: exit %d:\n%s", strings.Join(args, " "), code, stderr.String())
			continue
		}
		if i := slices.Index(args, "-o"); i >= 0 {
			if info, err := os.Stat(args[i+1]); err != nil || info.Size() == 0 {
				t.Errorf("%s: no %s written: %v", strings.Join(args, " "), args[i+1], err)
			}
		} else if stdout.Len() == 0 {
			t.Errorf("%s: no output", strings.Join(args, " "))
		}
	}
}

// shellWords splits a command line as the shell would, for the commands of
// a README: words separated by spaces, double quotes keeping spaces.
func shellWords(line string) []string {
	var words []string
	var word strings.Builder
	quoted, in := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case (r == ' ' || r == '\t' || r == '\n') && !quoted:
			if in {
				words = append(words, word.String())
				word.Reset()
				in = false
			}
		default:
			word.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, word.String())
	}
	return words
}

// FuzzParseStart checks that -start never panics, and that what it reads
// is a moment it reads again, written in its first layout, to the same
// moment.
func FuzzParseStart(f *testing.F) {
	for _, s := range []string{"2025-06-23T10:00", "2025-06-23T10:00:30", "2025-06-23 10:00", "2025-06-23T10:00:00+02:00", "2025-06-23T10:00Z", "2025-13-40T25:61", ""} {
		f.Add(s)
	}
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, value string) {
		got, _, err := parseStart(value, oslo)
		if err != nil {
			if !strings.Contains(err.Error(), "-start") {
				t.Fatalf("the error %q does not name the flag", err)
			}
			return
		}
		if got.Year() < 0 || got.Year() > 9999 {
			return // beyond what RFC 3339 writes
		}
		again, _, err := parseStart(got.Format(time.RFC3339Nano), oslo)
		if err != nil || !again.Equal(got) {
			t.Fatalf("parseStart(%q) = %v, which reads back as %v, %v", value, got, again, err)
		}
	})
}

// FuzzArgs runs the program on command lines of any words: it never
// panics, and exits 0, 1 or 2. Command lines that write a file (-o) or
// name a URL are left out.
func FuzzArgs(f *testing.F) {
	for _, s := range []string{"", "-format md", "-start 2025-06-23T10:00 -format ics", "-seed panel", "-f - -format session", "-tz Europe/Paris -start 2025-06-23T10:00",
		"-zone UTC", "-format session -redact", "-title x -room y -format SESSION", "-at 3m"} {
		f.Add(s, `{"title": "T"}`)
	}
	f.Fuzz(func(t *testing.T, line, stdin string) {
		args := strings.Fields(line)
		for _, a := range args {
			if strings.HasPrefix(strings.TrimLeft(a, "-"), "o") || strings.Contains(a, "://") || strings.Contains(a, "log") {
				return
			}
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(stdin), &stdout, &stderr); code < 0 || code > 2 {
			t.Fatalf("%q: exit %d", args, code)
		}
	})
}

// TestProblemQuotesInput: a validation problem quotes the value as the
// draft writes it, not as the roster first spells that person, and counts
// one problem as one. The draft lists Elena Rückheim twice, the second time
// in capitals.
func TestProblemQuotesInput(t *testing.T) {
	s, _ := draftOf(t, 0)
	dup := s.People[2]
	dup.Name = strings.ToUpper(dup.Name)
	s.People = append(s.People, dup)
	in, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-f", "-"}, bytes.NewReader(in), &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stderr.String())
	}
	out := stdout.String() + stderr.String()
	for _, want := range []string{"Validation: 1 problem:\n", "people[" + strconv.Itoa(len(s.People)-1) + "].name " + strconv.Quote(dup.Name) + ": listed twice: same person as people[2]"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
