// Command timetable places the sessions of two programmes into rooms and
// time slots with package balance/timetable, and prints each timetable: the
// five seed sessions, taken as one forum in three rooms over two days and
// solved exactly, and a generated forum shaped like an IGF (300 sessions,
// 12 rooms, 4 days, about 2,000 people), solved by local search.
//
// For each it prints the grid, a row per slot and a column per room, with
// the diversity of each slot's speakers (Simpson's index over region and
// stakeholder group, from 0 when they all share a group); the breaches of
// the hard rules (none); and the cost against the lower bound.
//
// Usage:
//
//	go run ./examples/timetable [-forum 300] [-seed 1]
//
// -forum sets the number of sessions of the generated forum (0 leaves it
// out), -seed the seed of both the forum and the search.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/balance/timetable/timetabletest"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "timetable: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("timetable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	forum := fs.Int("forum", 300, "sessions of the generated `forum`; 0 leaves it out")
	seed := fs.Uint64("seed", 1, "seed of the generated forum and of the search")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *forum < 0 || *forum > agenda.MaxSessions {
		return fmt.Errorf("-forum %d: want 0 to %d sessions", *forum, agenda.MaxSessions)
	}
	p, err := seedProblem()
	if err != nil {
		return err
	}
	p.Seed = *seed
	if err := show(stdout, p); err != nil {
		return err
	}
	if *forum > 0 {
		fmt.Fprintln(stdout)
		return show(stdout, timetabletest.Forum(*forum, *seed))
	}
	return nil
}

// seedProblem returns the five seed sessions as one forum: three rooms
// (one without online participation) and three slots of two hours on each
// of two days, with each session's themes, and the panel of seed 001 pinned
// to its room and time, as its page gives them.
func seedProblem() (*timetable.Problem, error) {
	prog, err := seeds.Programme()
	if err != nil {
		return nil, err
	}
	p := &timetable.Problem{
		Programme: prog,
		Rooms: []timetable.Room{
			{Name: "WS 4 – Room B-1", Capacity: 80, Online: true},
			{Name: "Annex Hall", Capacity: 200, Online: true},
			{Name: "Room C-2", Capacity: 40},
		},
		Buffer: 15 * time.Minute,
	}
	for day := range 2 {
		for k := range 3 {
			start := time.Date(2023, 10, 10+day, 6, 15, 0, 0, time.UTC).Add(time.Duration(k) * 135 * time.Minute)
			p.Slots = append(p.Slots, timeslot.Slot{Start: start, Length: 2 * time.Hour})
		}
	}
	themes := map[string][]string{
		"cyber-diplomacy-roundtable":             {"Cyber diplomacy", "Capacity building"},
		"multistakeholder-cyber-diplomacy-panel": {"Cyber diplomacy"},
		"cyber-diplomacy-training-webdebate":     {"Capacity building"},
		"igf-cooperation-roadmap-brainstorm":     {"Internet governance"},
		"sssr-concluding-session":                {"Cybersecurity", "Capacity building"},
	}
	for i, name := range seeds.Names() {
		need := timetable.Need{Themes: themes[name]}
		if name == "multistakeholder-cyber-diplomacy-panel" {
			need.Room, need.Start = prog.Sessions[i].Room, prog.Sessions[i].Slot.Start
		}
		p.Needs = append(p.Needs, need)
	}
	return p, nil
}

// show solves p and prints its timetable.
func show(w io.Writer, p *timetable.Problem) error {
	res, err := p.Solve()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d sessions, %d rooms, %d slots\n", p.Programme.Title, len(p.Programme.Sessions), len(p.Rooms), len(p.Slots))
	grid(w, p, res)
	if len(res.Violations) == 0 {
		fmt.Fprintln(w, "Violations: none")
	} else {
		fmt.Fprintf(w, "Violations: %d\n", len(res.Violations))
		for _, v := range res.Violations {
			fmt.Fprintln(w, "  "+v.String())
		}
	}
	c := res.Cost
	fmt.Fprintf(w, "Cost: %.4f (diversity %.4f, themes %.4f, overflow %d, worst %d, hours outside %.2f, changes %d)\n",
		c.Total, c.Diversity, c.Themes, c.Overflow, c.Worst, c.Hours, c.Changes)
	if res.Exact {
		fmt.Fprintf(w, "Bound: %.4f: optimal, proved by branch and bound\n", res.Bound)
	} else {
		fmt.Fprintf(w, "Bound: %.4f: within %.4f (%.2f%%) of the optimum, by local search\n", res.Bound, res.Gap(), 100*res.Gap()/c.Total)
	}
	return nil
}

// grid prints a row per slot, a column per room, each cell the number of
// the session in it (its index in the programme, from 0), and each slot's
// diversity.
func grid(w io.Writer, p *timetable.Problem, res *timetable.Result) {
	cells := make([][]string, len(p.Slots))
	for s := range cells {
		cells[s] = make([]string, len(p.Rooms))
	}
	for i, pl := range res.Timetable {
		if pl.Placed() {
			cells[pl.Slot][pl.Room] = fmt.Sprint(i)
		}
	}
	width := 4
	for _, r := range p.Rooms {
		width = max(width, len([]rune(short(r.Name))))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s", "Slot")
	for _, r := range p.Rooms {
		fmt.Fprintf(&b, " %*s", width, short(r.Name))
	}
	b.WriteString("  Diversity\n")
	for s, slot := range p.Slots {
		fmt.Fprintf(&b, "%-16s", slot.Start.Format("Mon 02 Jan 15:04"))
		for r := range p.Rooms {
			cell := cells[s][r]
			if cell == "" {
				cell = "·"
			}
			fmt.Fprintf(&b, " %*s", width, cell)
		}
		if d := res.Diversity[s]; d >= 0 {
			fmt.Fprintf(&b, "  %.2f\n", d)
		} else {
			b.WriteString("  –\n")
		}
	}
	io.WriteString(w, b.String())
}

// short returns a room's name cut to 15 characters.
func short(name string) string {
	r := []rune(name)
	if len(r) > 15 {
		return string(r[:15])
	}
	return name
}
