// Command panel plans the 90-minute hybrid panel "Multistakeholder voices in
// cyber diplomacy" (seed 001), held on 10 October 2023 from 06:15 to 07:45
// UTC in WS 4 – Room B-1, and prints its run-of-show, the report of the
// plan, and the smallest change to the panel that would keep every regional
// group to at most 40% of the speaking time.
//
// Five of the six speakers are from the Western European and Others Group
// (WEOG). However the speaking time is shared, the report names the
// imbalance, and [balance.Check] finds that a 40% cap per regional group is
// broken. The program then counts, group by group rather than name by name,
// how many WEOG speakers would have to be swapped for speakers of the
// regional groups the panel lacks, or how many speakers of other groups
// would have to be added, assuming every speaker gets the same time.
//
// Organizer 1's organization is marked private on the session page, so it
// appears nowhere in the output; the key takeaways, due at the end of the
// session day, are shown under the run-of-show.
//
// Usage:
//
//	go run ./examples/panel
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// regionCap is the cap: no regional group above 40% of speaking time.
var regionCap = balance.Constraint{Rule: balance.RuleMaxShare, By: balance.ByRegion, Max: 0.4}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, with its outputs passed in so that tests can
// drive it. It takes no flags but -h, and returns the exit code of every
// example program (see examples/internal/cli): 0 when the output is
// written, 1 when the session cannot be planned, 2 for a flag or an
// argument.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("panel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if err := show(stdout); err != nil {
		fmt.Fprintln(stderr, "panel: "+strings.ReplaceAll(err.Error(), "\n", "; "))
		return cli.Findings
	}
	return cli.OK
}

// show plans the panel and writes its run-of-show, its report and the
// changes that would meet the cap to stdout.
func show(stdout io.Writer) error {
	s, err := seeds.Load("multistakeholder-cyber-diplomacy-panel")
	if err != nil {
		return err
	}
	doc, err := seeds.Plan(s, balance.HybridPromise())
	if err != nil {
		return err
	}
	if err := render.Text(stdout, doc); err != nil {
		return err
	}
	return writeCap(stdout, doc.Report, regionCap)
}

// writeCap checks the report against a cap on the share of any one group
// and, for each group above it, writes the smallest change to the panel
// that would bring it under: speakers of that group swapped for speakers of
// the groups that have none, or speakers of other groups added. It counts
// speakers, not minutes: it assumes every speaker gets the same time.
func writeCap(out io.Writer, r *balance.Report, c balance.Constraint) error {
	violations, err := balance.Check(r, c)
	if err != nil {
		return err
	}
	var dim *balance.Balance
	for i := range r.Dimensions {
		if r.Dimensions[i].Dimension.By == c.By {
			dim = &r.Dimensions[i]
		}
	}
	if dim == nil {
		return fmt.Errorf("the report has no %s dimension", c.By)
	}
	n := 0 // speakers whose group in the dimension is known
	for _, g := range dim.Groups {
		n += g.Speakers
	}

	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "Meeting a %s cap per regional group\n", percent(c.Max))
	fmt.Fprintf(w, "Rule: %s.\n", c)
	if len(violations) == 0 {
		fmt.Fprintln(w, "The plan meets it: no change is needed.")
		return w.Flush()
	}
	for _, v := range violations {
		ng := len(v.People)
		fmt.Fprint(w, "\n"+wrap(fmt.Sprintf("%s holds %s of the planned speaking time, with %d of the %d speakers whose regional group is given; counted as speakers, each with the same time, that is %s. The smallest change to the panel, by regional group, is either to",
			v.Group, percent(v.Measured), ng, n, percent(float64(ng)/float64(n))), "", ""))

		// Swap: keep at most floor(Max·n) of the group's speakers.
		keep := int(math.Floor(c.Max*float64(n) + 1e-9))
		swap := ng - keep
		from := "speakers of other regional groups"
		if len(dim.Missing) > 0 {
			from = "speakers from " + groupList(dim.Missing)
		}
		fmt.Fprint(w, wrap(fmt.Sprintf("swap %d of the %d %s speakers for %s: %s keeps %d of %d speakers (%s), so long as no other group has more than %d of the %d; or to",
			swap, ng, v.Group, from, v.Group, keep, n, percent(float64(keep)/float64(n)), keep, n), "  - ", "    "))

		// Add: the smallest k with ng/(n+k) ≤ Max, ceil(ng/Max − n).
		add := max(0, int(math.Ceil(float64(ng)/c.Max-float64(n)-1e-9)))
		cap := int(math.Floor(c.Max*float64(n+add) + 1e-9))
		fmt.Fprint(w, wrap(fmt.Sprintf("add %d speakers from regional groups other than %s: %s then has %d of %d speakers (%s), so long as no other group has more than %d of the %d.",
			add, v.Group, v.Group, ng, n+add, percent(float64(ng)/float64(n+add)), cap, n+add), "  - ", "    "))
	}
	return w.Flush()
}

// groupList names regional groups as a sentence does: "the African Group,
// the Asia-Pacific Group or GRULAC".
func groupList(groups []string) string {
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g
		if strings.HasSuffix(g, "Group") {
			names[i] = "the " + g
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// percent writes a share as "33.3%".
func percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}

// wrap breaks text into lines of at most 88 characters, the first starting
// with first and the rest with indent.
func wrap(text, first, indent string) string {
	var b strings.Builder
	line := first
	for i, word := range strings.Fields(text) {
		if i > 0 && len([]rune(line))+1+len([]rune(word)) > 88 {
			b.WriteString(line + "\n")
			line = indent + word
			continue
		}
		if i > 0 {
			line += " "
		}
		line += word
	}
	return b.String() + line + "\n"
}
