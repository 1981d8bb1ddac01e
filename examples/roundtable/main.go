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
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "roundtable: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}

// run plans the roundtable and writes its run-of-show and report to stdout.
func run(stdout io.Writer) error {
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
