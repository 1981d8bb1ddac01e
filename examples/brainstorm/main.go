// Command brainstorm plans the 2-hour brainstorming session "Strengthening
// cooperation within the context of the IGF: creating a roadmap for 2018"
// (seed 003), held at the 12th IGF in Geneva on 17 December 2017 from 16:00
// to 18:00, and prints its run-of-show and the report of the plan without a
// single name or organization.
//
// Inputs to the session were confidential: the session is not attributed,
// so every output shows people by role and group only ("person 1"), never by
// name or organization, though the session file knows both. One moderator
// leads a loose, interactive format in which nobody holds the floor as a
// listed speaker, so there is no speaking time to share and the report has
// nothing to find.
//
// Usage:
//
//	go run ./examples/brainstorm
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	_ "time/tzdata" // the slot is in Europe/Zurich: load it on machines without a zone database

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
	fs := flag.NewFlagSet("brainstorm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if err := show(stdout); err != nil {
		fmt.Fprintln(stderr, "brainstorm: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		return cli.Findings
	}
	return cli.OK
}

// show plans the brainstorm and writes its run-of-show and report to stdout.
// The session is not attributed, so render.Text leaves names and
// organizations out by itself.
func show(stdout io.Writer) error {
	s, err := seeds.Load("igf-cooperation-roadmap-brainstorm")
	if err != nil {
		return err
	}
	doc, err := seeds.Plan(s, balance.HybridPromise())
	if err != nil {
		return err
	}
	return render.Text(stdout, doc)
}
