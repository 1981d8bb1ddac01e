// Command concluding plans the concluding session of the IGF 2019 theme
// "Security, Safety, Stability & Resilience" (seed 004), validates its
// agenda against a 90-minute slot, and reports who took part.
//
// The agenda runs a 5-minute welcome, three break-out groups of 40 minutes
// side by side, each with its facilitator, a 60-minute plenary in which
// each group's report is presented, and a 5-minute conclusion: 110 minutes
// in all, since the break-outs run in parallel. The program prints the
// run-of-show in the two hours the session file gives it, with the three
// reports sharing the plenary equally in the order of the tracks; then it validates a copy of the
// session in a 90-minute slot, which the agenda overruns by 20 minutes; then
// the participation the session report gives: 25 people, 6 of them women,
// 2 connected remotely.
//
// The session promises no balance of groups: its reports stand for the
// three break-out groups, not for their presenters' stakeholder or regional
// groups, so the policy gives each report the same time after a minute for
// whoever opens the plenary.
//
// Usage:
//
//	go run ./examples/concluding
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
)

// policy shares the plenary equally among the three reports: no dimension
// is balanced (an empty, not nil, list), the plenary opens with a minute of
// moderation, and the reports come in the order of the break-out tracks
// (left to itself, the plan orders turns to mix groups).
var policy = balance.Policy{
	Dimensions: []balance.Dimension{},
	Intro:      time.Minute,
	First:      []string{"Alexander Isavnin"},          // Safety, Security
	Last:       []string{"Christopher Treshan Perera"}, // Internet ethics, Human rights
}

// shortSlot is the slot the agenda is validated against.
const shortSlot = 90 * time.Minute

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, with its outputs passed in so that tests can
// drive it. It takes no flags but -h, and returns the exit code of every
// example program (see examples/internal/cli): 0 when the output is
// written, 1 when the session cannot be planned, 2 for a flag or an
// argument.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concluding", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if err := show(stdout); err != nil {
		fmt.Fprintln(stderr, "concluding: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		return cli.Findings
	}
	return cli.OK
}

// show plans the session, validates it in a 90-minute slot and writes both,
// with the participation findings, to stdout.
func show(stdout io.Writer) error {
	s, err := seeds.Load("sssr-concluding-session")
	if err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	ros, al, err := balance.Plan(s, policy)
	if err != nil {
		return err
	}
	report, err := balance.PlanReport(ros, policy)
	if err != nil {
		return err
	}
	// The report's findings are printed below, participation only, so the
	// document leaves them out.
	if err := render.Text(stdout, &render.Document{RunOfShow: ros, Allocation: al}); err != nil {
		return err
	}

	w := bufio.NewWriter(stdout)
	short := *s // a copy: only the slot changes
	short.Slot.Length = shortSlot
	fmt.Fprintf(w, "Validation in a %s slot\n", timeslot.FormatLength(shortSlot))
	problems := problemList(short.Validate())
	if len(problems) == 0 {
		fmt.Fprintln(w, "  no problems")
	}
	for _, p := range problems {
		fmt.Fprintln(w, "  - "+p.Error())
	}

	fmt.Fprintln(w, "\nParticipation")
	found := false
	for _, f := range report.Findings {
		if f.Kind == "participation" {
			fmt.Fprintln(w, "  - "+f.Text)
			found = true
		}
	}
	if !found {
		fmt.Fprintln(w, "  not reported")
	}
	return w.Flush()
}

// problemList returns the problems joined in err by Session.Validate.
func problemList(err error) []error {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		return joined.Unwrap()
	}
	var one *agenda.ValidationError
	if errors.As(err, &one) {
		return []error{one}
	}
	return []error{err}
}
