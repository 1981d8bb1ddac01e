// Command webdebate plans the online-only Diplo WebDebate "Improving the
// practice of cyber diplomacy: training, tools and other resources" (seed
// 002) and prints its run-of-show and the report of the plan.
//
// It applies the same policy as the hybrid sessions, the promise of an IGF
// hybrid session, to show what happens to it in a session that is not
// hybrid: onsite–online parity means nothing when everyone is online, so the
// mode dimension is dropped (the output says so), while stakeholder and
// regional groups are still balanced and reported. Every speaker is online,
// so each turn starts with 30 seconds of hand-over.
//
// Usage:
//
//	go run ./examples/webdebate
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

// policy is the promise of an IGF hybrid session: onsite and online
// speakers evenly weighted (dropped here: the session is online only),
// stakeholder and regional groups balanced, a minute for the moderator to
// open each segment and 30 seconds to hand the floor to an online speaker.
var policy = balance.Policy{
	Dimensions:     []balance.Dimension{{By: balance.ByMode, Hard: true}, {By: balance.ByStakeholder}, {By: balance.ByRegion}},
	Intro:          time.Minute,
	OnlineHandover: 30 * time.Second,
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "webdebate: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		os.Exit(1)
	}
}

// run plans the web debate and writes its run-of-show and report to stdout.
func run(stdout io.Writer) error {
	s, err := seeds.Load("cyber-diplomacy-training-webdebate")
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
