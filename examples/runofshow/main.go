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
//	go run ./examples/runofshow [-f session.json | -igf page.txt | -seed name] [-tz zone] [-format text] [-o file] [-redact] [-log log.csv [-at 50m]]
//
// With no flags it prints the hybrid roundtable of seed 000, embedded in the
// program. -f reads a session from a JSON file (- for standard input), -igf
// imports one from an IGF session page, its text, its saved HTML or its
// https:// address (what the importer could not place or had to assume is
// listed on standard error), -seed
// picks another of the embedded source sessions, and -tz shows clock times
// in another IANA time zone, such as Europe/Paris. -format chooses the output
// (text by default; see -help for the others) and -o writes it to a file.
// -redact leaves names and organizations out. -log audits a speaking
// log of the session (who spoke from when to when) against the plan, and -at
// then re-plans the rest of the session from that moment, as a moderator
// would at the break.
//
// It exits 0 when the session is valid and planned, 1 when validation finds
// problems or no plan meets the policy (the draft is printed with the
// problems under it), and 2 when it cannot read the session or its flags.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // -tz must work on machines without a zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, with its inputs and outputs passed in so that
// tests can drive it. It returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("runofshow", flag.ContinueOnError)
	flags.SetOutput(stderr)
	file := flags.String("f", "", "read the session from this JSON `file` (- for standard input)")
	igf := flags.String("igf", "", "import the session from this IGF session `page`: its text, its saved HTML, or its https:// address")
	seed := flags.String("seed", seeds.Default, "show this embedded source `session`: "+strings.Join(seeds.Names(), ", "))
	zone := flags.String("tz", "", "show clock times in this IANA time `zone`, such as Europe/Paris")
	format := flags.String("format", "text", "write this `format`: "+strings.Join(slices.Sorted(maps.Keys(formats)), ", "))
	outFile := flags.String("o", "", "write to this `file` rather than standard output")
	redact := flags.Bool("redact", false, "leave names and organizations out, as for a session that is not attributed")
	logFile := flags.String("log", "", "audit this speaking `log` (CSV name,start,end, or JSON if it ends in .json) against the plan")
	at := flags.String("at", "", "with -log, re-plan the rest of the session from this `time` after its start, such as 50m")
	policyFile := flags.String("policy", "", "plan under the policy in this JSON `file` (balance.DecodePolicy) rather than balance.HybridPromise")
	presetsFile := flags.String("presets", "", "check the plan against the presets in this JSON `file` (balance.DecodePresets)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	var err error
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "runofshow: "+format+"\n", args...)
		return 2
	}
	switch {
	case flags.NArg() > 0:
		return fail("unexpected argument %q; use -f to read a file", flags.Arg(0))
	case formats[*format] == nil:
		return fail("-format %q: want one of %s", *format, strings.Join(slices.Sorted(maps.Keys(formats)), ", "))
	case *at != "" && *logFile == "":
		return fail("-at needs -log: a re-plan starts from what was said")
	case (*logFile != "" || *at != "") && *format != "text":
		return fail("-log and -at write text only")
	}
	if *igf != "" && *file != "" {
		return fail("-igf and -f both name the session; give one")
	}
	policy := balance.HybridPromise()
	if *policyFile != "" {
		if policy, err = readJSON(*policyFile, balance.DecodePolicy); err != nil {
			return fail("-policy %s: %v", *policyFile, err)
		}
	}
	var presets []balance.Preset
	if *presetsFile != "" {
		if presets, err = readJSON(*presetsFile, balance.DecodePresets); err != nil {
			return fail("-presets %s: %v", *presetsFile, err)
		}
	}
	var s *agenda.Session
	var warnings []agenda.Warning
	if *igf != "" {
		s, warnings, err = importPage(*igf)
	} else {
		s, err = load(*file, *seed, stdin)
	}
	if err != nil {
		return fail("%v", err)
	}
	for _, w := range warnings {
		text := w.String()
		if *redact {
			text = w.Redacted() // without the page's text, which holds names
		}
		fmt.Fprintln(stderr, "runofshow: "+*igf+": "+text)
	}
	doc := &render.Document{Draft: s, Redact: *redact}
	if *zone != "" {
		if doc.Location, err = time.LoadLocation(*zone); err != nil {
			return fail("-tz %q is not an IANA time zone, such as Europe/Paris", *zone)
		}
	}
	problems := s.Validate()
	if *redact {
		problems = agenda.Redact(problems) // the session's own problems hide what an unattributed session hides
	}
	if problems == nil {
		doc.RunOfShow, doc.Allocation, problems = balance.Plan(s, policy)
	}
	if problems == nil {
		if doc.Report, err = balance.PlanReport(doc.RunOfShow, policy); err != nil {
			return fail("%v", err)
		}
	}
	if problems != nil && *format != "text" {
		fmt.Fprintln(stderr, "runofshow: the session cannot be planned:")
		for _, line := range splitProblems(problems) {
			line = hiddenNames(doc).Replace(line)
			fmt.Fprintln(stderr, "  - "+line)
		}
		return 1
	}
	var out bytes.Buffer
	if err := formats[*format](&out, doc); err != nil {
		return fail("%v", err)
	}
	if *format == "text" {
		writeProblems(&out, hiddenNames(doc), problems)
	}
	if len(presets) > 0 && doc.Report != nil {
		w := io.Writer(&out)
		if *format != "text" {
			w = stderr // the other formats are files of their own kind
		}
		if err := writePresets(w, doc.Report, presets); err != nil {
			return fail("%v", err)
		}
	}
	if *logFile != "" && problems == nil {
		log, err := readLog(*logFile, s)
		if err != nil {
			return fail("%v", err)
		}
		audit, err := balance.AuditLog(s, doc.RunOfShow, log, policy)
		if err != nil {
			return fail("%v", err)
		}
		if err := render.TextAudit(&out, doc, audit); err != nil {
			return fail("%v", err)
		}
		if *at != "" {
			since, err := timeslot.ParseLength(*at)
			if err != nil {
				return fail("-at %q: %v", *at, err)
			}
			rest, restAl, err := balance.Replan(s, policy, log, s.Slot.Start.Add(since))
			if err != nil {
				return fail("%v", err)
			}
			restDoc := *doc
			restDoc.RunOfShow, restDoc.Allocation, restDoc.Report = rest, restAl, nil
			if err := render.TextReplan(&out, &restDoc, s.Slot.Start); err != nil {
				return fail("%v", err)
			}
		}
	}
	if *outFile != "" {
		if err := os.WriteFile(*outFile, out.Bytes(), 0o644); err != nil {
			return fail("%v", err)
		}
	} else if _, err := stdout.Write(out.Bytes()); err != nil {
		return fail("%v", err)
	}
	if problems != nil {
		return 1
	}
	return 0
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

// writeProblems writes what validation or planning found, under the text,
// with the names the document may not show replaced.
func writeProblems(w io.Writer, hide *strings.Replacer, problems error) {
	if problems == nil {
		fmt.Fprintln(w, "Validation: no problems.")
		return
	}
	lines := splitProblems(problems)
	fmt.Fprintf(w, "Validation: %d problem(s):\n", len(lines))
	for _, l := range lines {
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
		if who := doc.Who(p.Name); p.Name != "" && who != p.Name {
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
		vs, err := p.Check(r)
		if err != nil {
			return err
		}
		if len(vs) == 0 {
			fmt.Fprintf(w, "  %s: met\n", p.Name)
			continue
		}
		fmt.Fprintf(w, "  %s: not met\n", p.Name)
		for _, v := range vs {
			fmt.Fprintf(w, "    - %s\n", v.Constraint)
		}
	}
	return nil
}

// load reads the session from file, or else the embedded seed.
func load(file, seed string, stdin io.Reader) (*agenda.Session, error) {
	switch file {
	case "":
		return seeds.Load(seed)
	case "-":
		return agenda.Decode(stdin)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := agenda.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return s, nil
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
