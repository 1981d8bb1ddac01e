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
	fs := flag.NewFlagSet("webdebate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if err := show(stdout); err != nil {
		fmt.Fprintln(stderr, "webdebate: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		return cli.Findings
	}
	return cli.OK
}

// show plans the web debate and writes its run-of-show and report to stdout.
func show(stdout io.Writer) error {
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
