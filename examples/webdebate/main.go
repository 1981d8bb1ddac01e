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

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

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
	doc, err := seeds.Plan(s, balance.HybridPromise())
	if err != nil {
		return err
	}
	return render.Text(stdout, doc)
}
