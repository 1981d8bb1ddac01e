// Command roundtable plans the 90-minute hybrid roundtable "Cyber diplomacy
// in action: Europe and the Middle East" (seed 000) under the promise its
// organizers make, and prints its run-of-show and the report of the plan.
//
// The proposal promises speaking times "evenly weighted between online and
// offline speakers": onsite–online parity is a hard rule of the policy, and
// stakeholder and regional groups are balanced as well as they can be
// beside it. The moderator opens each question with a minute, and an online
// speaker's turn starts with 30 seconds of hand-over. Four of the seven
// speakers are also organizers: they are counted as speakers like the
// others, and the report says how much of the floor they hold. The turns are grouped under policy questions A, B and C,
// and the last 20 minutes are kept for the quickfire poll.
//
// Usage:
//
//	go run ./examples/roundtable
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, with its outputs passed in so that tests can
// drive it. It takes no flags but -h, and returns the exit code of every
// example program (see examples/internal/cli): 0 when the output is
// written, 1 when the session cannot be planned, 2 for a flag or an
// argument.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("roundtable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if err := show(stdout); err != nil {
		fmt.Fprintln(stderr, "roundtable: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		return cli.Findings
	}
	return cli.OK
}

// show plans the roundtable and writes its run-of-show and report to stdout.
func show(stdout io.Writer) error {
	s, err := seeds.Load("cyber-diplomacy-roundtable")
	if err != nil {
		return err
	}
	doc, err := seeds.Plan(s, balance.HybridPromise())
	if err != nil {
		return err
	}
	return render.Text(stdout, doc)
}
