// Command runofshow plans a session and prints its run-of-show: its slot,
// each segment with its clock times and who moderates, every turn timed, the
// speaking time of each speaker and group against its target, and what
// validation found.
//
// The plan follows the promise of an IGF hybrid session: speaking time
// evenly weighted between onsite and online speakers (a hard rule, dropped in
// a session that is not hybrid), stakeholder and regional groups balanced,
// one minute for the moderator to open each speaking segment and 30 seconds
// to hand the floor to an online speaker.
//
// Usage:
//
//	go run ./examples/runofshow [-f session.json | -igf page.txt | -seed name]
//		[-start 2025-06-23T10:00 [-zone Europe/Oslo]] [-title title] [-room room]
//		[-tz zone] [-format text] [-o file] [-redact] [-log log.csv [-at 50m]]
//		[-policy policy.json] [-presets presets.json]
//
// With no flags it prints the hybrid roundtable of seed 000, embedded in the
// program. -f reads a session from a JSON file (- for standard input), -igf
// imports one from an IGF session page, its text, its saved HTML or its
// https:// address (what the importer could not place or had to assume is
// listed on standard error), -seed picks another of the
// embedded source sessions; only one of the three may be given.
//
// -start, -zone, -title and -room complete the draft: -start sets its start
// time, read in -zone (the venue's IANA zone; the session's own if it has
// one, else UTC, which is then said on standard error), unless it gives its
// own offset (2025-06-23T10:00+02:00). -tz shows clock times in another
// zone, such as Europe/Paris; a session without a start time has no clock
// to show, so -tz is refused for it.
//
// -format chooses the output, in any case: text (the default), markdown
// (or md), html, csv, json, ics, svg, png, or session, which writes the
// draft itself as -f reads it back, so that an imported page can be fixed
// in an editor and planned. -o writes to a file; without -format, its
// extension picks the format (ros.html, ros.md, ros.ics, draft.session.json).
// -redact leaves names and organizations out. -log audits a speaking
// log of the session (who spoke from when to when) against the plan, and -at
// then re-plans the rest of the session from that moment, as a moderator
// would at the break.
//
// -serve 127.0.0.1:8080 serves the live floor of the planned session
// instead: pages for the timekeeper (its address, with a token, is printed
// at start), the moderator and the projector, recording every event in the
// -log file (runofshow-log.csv by default) and resuming from it.
//
// It exits as every example program does (see examples/internal/cli): 0
// when the session is valid and planned; 1 when validation finds problems
// or no plan meets the policy (the draft is printed with the problems under
// it, or with -format session written with the problems on standard error);
// 2 when it cannot read the session or its flags, or flags conflict.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // -tz must work on machines without a zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, with its inputs and outputs passed in so that
// tests can drive it. It returns the exit code: cli.OK, cli.Findings or
// cli.Usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, code, ok := parseOptions(args, stderr)
	if !ok {
		return code
	}
	var err error
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "runofshow: "+format+"\n", args...)
		return cli.Usage
	}
	policy := balance.HybridPromise()
	if o.policyFile != "" {
		if policy, err = readJSON(o.policyFile, balance.DecodePolicy); err != nil {
			return fail("-policy %s: %v", o.policyFile, err)
		}
	}
	var presets []balance.Preset
	if o.presetsFile != "" {
		if presets, err = readJSON(o.presetsFile, balance.DecodePresets); err != nil {
			return fail("-presets %s: %v", o.presetsFile, err)
		}
	}
	var s *agenda.Session
	var warnings []agenda.Warning
	if o.igf != "" {
		s, warnings, err = importPage(o.igf)
	} else {
		s, err = load(o.file, o.seed, stdin)
	}
	if err != nil {
		return fail("%v", err)
	}
	for _, w := range warnings {
		if o.redact {
			w.Text = "" // the page's text holds names
		}
		fmt.Fprintln(stderr, "runofshow: "+o.igf+": "+w.String())
	}
	note, err := complete(s, o)
	if err != nil {
		return fail("%v", err)
	}
	if note != "" {
		fmt.Fprintln(stderr, "runofshow: "+note)
	}
	doc := &render.Document{Draft: s, Redact: o.redact, ByteOrderMark: o.bom}
	if o.tz != "" {
		if doc.Location, err = time.LoadLocation(o.tz); err != nil {
			return fail("-tz %q is not an IANA time zone, such as Europe/Paris", o.tz)
		}
		if !s.Slot.Scheduled() {
			return fail("-tz %s: the session has no start time, so no clock time to show in another zone; give it one with -start, such as -start 2025-06-23T10:00", o.tz)
		}
	}
	problems := s.Validate()
	valid := problems == nil // so that what planning finds is not told as validation's
	if o.redact {
		problems = agenda.Redact(problems) // the session's own problems hide what an unattributed session hides
	}
	if o.format == sessionFormat {
		return writeDraft(o, s, doc, problems, stdout, stderr)
	}
	if problems == nil {
		doc.RunOfShow, doc.Allocation, problems = balance.Plan(s, policy)
	}
	if problems == nil {
		if doc.Report, err = balance.PlanReport(doc.RunOfShow, policy); err != nil {
			return fail("%v", err)
		}
	}
	if o.serve != "" {
		return serve(o.serve, o.logFile, doc, policy, problems, stdout, stderr)
	}
	if problems != nil && o.format != "text" {
		fmt.Fprintln(stderr, "runofshow: the session cannot be planned:")
		listProblems(stderr, hiddenNames(doc), problems)
		return cli.Findings
	}
	var out bytes.Buffer
	if err := formats[o.format](&out, doc); err != nil {
		if errors.Is(err, render.ErrNoCalendar) && !doc.Session().Slot.Scheduled() {
			return fail("-format %s: the session has no start time; give it one with -start, such as -start 2025-06-23T10:00 -zone Europe/Oslo", o.format)
		}
		return fail("%v", err)
	}
	if o.format == "text" {
		writeProblems(&out, hiddenNames(doc), valid, problems)
	}
	if len(presets) > 0 && doc.Report != nil {
		w := io.Writer(&out)
		if o.format != "text" {
			w = stderr // the other formats are files of their own kind
		}
		if err := writePresets(w, doc.Report, presets); err != nil {
			return fail("%v", err)
		}
	}
	if o.logFile != "" && problems == nil {
		if err := audit(&out, o, s, doc, policy); err != nil {
			return fail("%v", err)
		}
	}
	if err := output(o, stdout, out.Bytes()); err != nil {
		return fail("%v", err)
	}
	if problems != nil {
		return cli.Findings
	}
	return cli.OK
}

// writeDraft writes the session itself, as -f reads it back, and lists
// what validation finds on stderr, so that the organizer knows what to
// fix in it.
func writeDraft(o *options, s *agenda.Session, doc *render.Document, problems error, stdout, stderr io.Writer) int {
	if s.ID == "" {
		s.ID = draftID(s)
	}
	var out bytes.Buffer
	if err := writeSession(&out, s); err != nil {
		fmt.Fprintf(stderr, "runofshow: %v\n", err)
		return cli.Usage
	}
	if err := output(o, stdout, out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "runofshow: %v\n", err)
		return cli.Usage
	}
	if problems == nil {
		return cli.OK
	}
	fmt.Fprintln(stderr, "runofshow: the draft is written; fix these in it, then plan it with -f:")
	listProblems(stderr, hiddenNames(doc), problems)
	return cli.Findings
}

// audit writes the audit of -log against the plan and, with -at, the
// re-plan of the rest of the session.
func audit(out io.Writer, o *options, s *agenda.Session, doc *render.Document, policy balance.Policy) error {
	log, err := readLog(o.logFile, s)
	if err != nil {
		return err
	}
	found, err := balance.AuditLog(s, doc.RunOfShow, policy, log)
	if err != nil {
		return err
	}
	audited := *doc
	audited.Audit = found
	if err := render.Text(out, &audited); err != nil {
		return err
	}
	if o.at == "" {
		return nil
	}
	since, err := timeslot.ParseLength(o.at)
	if err != nil {
		return fmt.Errorf("-at %q: %w", o.at, err)
	}
	rest, restAl, err := balance.Replan(s, policy, log, s.Slot.Start.Add(since))
	if err != nil {
		return err
	}
	restDoc := *doc
	restDoc.RunOfShow, restDoc.Allocation, restDoc.Report, restDoc.Replanned = rest, restAl, nil, s
	return render.Text(out, &restDoc)
}

// output writes what the program made to -o, or else to stdout.
func output(o *options, stdout io.Writer, data []byte) error {
	if o.outFile != "" {
		return os.WriteFile(o.outFile, data, 0o644)
	}
	_, err := stdout.Write(data)
	return err
}

// formats are the outputs -format chooses from.
var formats = map[string]func(io.Writer, *render.Document) error{
	"text":     render.Text,
	"markdown": render.Markdown,
	"html":     render.HTML,
	"csv":      render.CSV,
	"json":     render.JSON,
	"ics":      render.ICS,
	"svg":      render.SVG,
	"png":      render.PNG,
}

// writeProblems writes what validation found, or, for a valid session,
// what planning found, under the text, with the names the document may not
// show replaced.
func writeProblems(w io.Writer, hide *strings.Replacer, valid bool, problems error) {
	switch {
	case problems == nil:
		fmt.Fprintln(w, "Validation: no problems.")
		return
	case valid:
		fmt.Fprintln(w, "Validation: no problems.")
		fmt.Fprintln(w, "The session cannot be planned:")
	default:
		fmt.Fprintf(w, "Validation: %s:\n", cli.Count(len(splitProblems(problems)), "problem"))
	}
	listProblems(w, hide, problems)
}

// listProblems writes the problems joined in problems one a line, with the
// names the document may not show replaced.
func listProblems(w io.Writer, hide *strings.Replacer, problems error) {
	for _, l := range splitProblems(problems) {
		fmt.Fprintln(w, "  - "+hide.Replace(l))
	}
}

// hiddenNames replaces, in the text of a problem, the name of everyone the
// document may not name (everyone, in a session that is not attributed or
// under -redact; a private name otherwise) with how the document refers to
// them, "person 3": a planning error names the people in conflict, and
// would otherwise show what the output hides. Longer names go first, so
// that a name holding another is replaced whole.
func hiddenNames(doc *render.Document) *strings.Replacer {
	s := doc.Session()
	var people []agenda.Person
	if s != nil {
		people = slices.Clone(s.People)
	}
	slices.SortStableFunc(people, func(a, b agenda.Person) int { return len(b.Name) - len(a.Name) })
	var pairs []string
	for _, p := range people {
		// Who spells a shown name as the roster first does: only a name
		// it hides is replaced, so that a problem quotes what was written.
		if who := doc.Who(p.Name); p.Name != "" && agenda.NameKey(who) != agenda.NameKey(p.Name) {
			pairs = append(pairs, p.Name, who)
		}
	}
	return strings.NewReplacer(pairs...)
}

// readJSON opens file and decodes it with decode.
func readJSON[T any](file string, decode func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(file)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return decode(f)
}

// writePresets writes, for each preset, whether the plan meets it, naming
// the rules it breaks but none of the people, so that the lines are as safe
// as the redacted output.
func writePresets(w io.Writer, r *balance.Report, presets []balance.Preset) error {
	fmt.Fprintln(w, "\nPresets")
	for _, p := range presets {
		vs, err := balance.Check(r, p.Constraints...)
		if err != nil {
			return err
		}
		// A preset fails if one of its constraints fails; one that fails
		// nothing but has a constraint that cannot be checked is neither
		// met nor failed.
		outcome := "met"
		if len(vs) > 0 {
			outcome = "cannot be checked"
		}
		if slices.ContainsFunc(vs, func(v balance.Violation) bool { return !v.Unchecked }) {
			outcome = "not met"
		}
		fmt.Fprintf(w, "  %s: %s\n", p.Name, outcome)
		for _, v := range vs {
			found := v.Text
			if v.Unchecked && outcome == "not met" { // else the outcome says it
				found = "cannot be checked: " + found
			}
			fmt.Fprintf(w, "    - %s: %s\n", v.Constraint, found)
		}
	}
	return nil
}

// load reads the session from file, or else the embedded seed.
func load(file, seed string, stdin io.Reader) (*agenda.Session, error) {
	switch file {
	case "":
		s, err := seeds.Load(seed)
		if errors.Is(err, seeds.ErrUnknown) {
			msg := fmt.Sprintf("-seed %q: no such session", seed)
			if near := suggest(seed, seeds.Names()); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			return nil, fmt.Errorf("%s (have %s)", msg, strings.Join(seeds.Names(), ", "))
		}
		return s, err
	case "-":
		return cli.DecodeSession("standard input", stdin)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return cli.DecodeSession(file, f)
}

// readLog reads a speaking log: JSON if the file's name ends in .json, else CSV.
func readLog(file string, s *agenda.Session) (*balance.Log, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var log *balance.Log
	if strings.HasSuffix(strings.ToLower(file), ".json") {
		log, err = balance.ReadLogJSON(f)
	} else {
		log, err = balance.ReadLogCSV(f, s)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return log, nil
}

// splitProblems returns the problems joined in err, one per line.
func splitProblems(err error) []string {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		var lines []string
		for _, e := range joined.Unwrap() {
			lines = append(lines, e.Error())
		}
		return lines
	}
	return []string{err.Error()}
}
