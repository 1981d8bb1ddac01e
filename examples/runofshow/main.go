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
//	go run ./examples/runofshow [-f session.json | -seed name] [-tz zone] [-log log.csv [-at 50m]]
//
// With no flags it prints the hybrid roundtable of seed 000, embedded in the
// program. -f reads a session from a JSON file (- for standard input), -seed
// picks another of the embedded source sessions, and -tz shows clock times
// in another IANA time zone, such as Europe/Paris. -log audits a speaking
// log of the session (who spoke from when to when) against the plan, and -at
// then re-plans the rest of the session from that moment, as a moderator
// would at the break.
//
// It exits 0 when the session is valid and planned, 1 when validation finds
// problems or no plan meets the policy (the draft is printed with the
// problems under it), and 2 when it cannot read the session or its flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // -tz must work on machines without a zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
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
	seed := flags.String("seed", seeds.Default, "show this embedded source `session`: "+strings.Join(seeds.Names(), ", "))
	zone := flags.String("tz", "", "show clock times in this IANA time `zone`, such as Europe/Paris")
	logFile := flags.String("log", "", "audit this speaking `log` (CSV name,start,end, or JSON if it ends in .json) against the plan")
	at := flags.String("at", "", "with -log, re-plan the rest of the session from this `time` after its start, such as 50m")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "runofshow: unexpected argument %q; use -f to read a file\n", flags.Arg(0))
		return 2
	}
	s, err := load(*file, *seed, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "runofshow:", err)
		return 2
	}
	var loc *time.Location
	if *zone != "" {
		if loc, err = time.LoadLocation(*zone); err != nil {
			fmt.Fprintf(stderr, "runofshow: -tz %q is not an IANA time zone, such as Europe/Paris\n", *zone)
			return 2
		}
	}
	var ros *agenda.RunOfShow
	var al *balance.Allocation
	var report *balance.Report
	problems := s.Validate()
	if problems == nil {
		ros, al, problems = balance.Plan(s, policy)
	}
	if problems == nil {
		if report, err = balance.PlanReport(ros, policy); err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
	}
	if *at != "" && *logFile == "" {
		fmt.Fprintln(stderr, "runofshow: -at needs -log: a re-plan starts from what was said")
		return 2
	}
	var audit *balance.Audit
	var log *balance.Log
	if *logFile != "" && problems == nil {
		if log, err = readLog(*logFile, s); err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
		if audit, err = balance.AuditLog(s, ros, log, policy); err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
	}
	var replan func(io.Writer) error
	if *at != "" && log != nil {
		since, err := timeslot.ParseLength(*at)
		if err != nil {
			fmt.Fprintf(stderr, "runofshow: -at %q: %v\n", *at, err)
			return 2
		}
		rest, restAl, err := balance.Replan(s, policy, log, s.Slot.Start.Add(since))
		if err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
		replan = func(w io.Writer) error { return writeReplan(w, s, rest, restAl, loc) }
	}
	if err := write(stdout, s, ros, al, report, loc, problems); err != nil {
		fmt.Fprintln(stderr, "runofshow:", err)
		return 2
	}
	if audit != nil {
		if err := writeAudit(stdout, s, audit); err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
	}
	if replan != nil {
		if err := replan(stdout); err != nil {
			fmt.Fprintln(stderr, "runofshow:", err)
			return 2
		}
	}
	if problems != nil {
		return 1
	}
	return 0
}

// policy is the promise of an IGF hybrid session; see the command's doc.
var policy = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
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
