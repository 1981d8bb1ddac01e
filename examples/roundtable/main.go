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
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// policy is the roundtable's promise: onsite and online speakers evenly
// weighted, stakeholder and regional groups balanced, a minute for the
// moderator to open each question and 30 seconds to hand the floor to an
// online speaker.
var policy = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
}

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
	return render.Text(stdout, &render.Document{RunOfShow: ros, Allocation: al, Report: report})
}
