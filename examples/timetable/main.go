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
//	go run ./examples/timetable [-forum 300] [-seed 1] [-o dir]
//
// -forum sets the number of sessions of the generated forum (0 leaves it
// out), -seed the seed of both the forum and the search. -o writes each
// timetable into folder dir in the formats conference apps read, as
// seeds.schedule.xml and seeds.schedule.json (frab/c3voc, with package
// agenda/schedule) and seeds.ics (one iCalendar for the whole timetable),
// and the same for forum.
//
// It exits as every example program does (see examples/internal/cli): 0
// when the timetables are printed, 1 when one cannot be made or written,
// 2 for a flag it refuses.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/balance/timetable"
	"github.com/fairfloor/fairfloor/balance/timetable/timetabletest"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
	"github.com/fairfloor/fairfloor/timeslot"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, with its outputs passed in so that tests can
// drive it; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timetable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	forum := fs.Int("forum", 300, "sessions of the generated `forum`; 0 leaves it out")
	seed := fs.Uint64("seed", 1, "seed of the generated forum and of the search")
	dir := fs.String("o", "", "write each timetable's schedule.xml, schedule.json and .ics into `folder`")
	if code, ok := cli.Parse(fs, args, stderr, ""); !ok {
		return code
	}
	if *forum < 0 || *forum > agenda.MaxSessions {
		fmt.Fprintf(stderr, "timetable: -forum %d: want 0 to %d sessions\n", *forum, agenda.MaxSessions)
		return cli.Usage
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "timetable: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return cli.Findings
	}
	p, err := seedProblem()
	if err != nil {
		return fail(err)
	}
	p.Seed = *seed
	problems := map[string]*timetable.Problem{"seeds": p}
	names := []string{"seeds"}
	if *forum > 0 {
		problems["forum"] = timetabletest.Forum(*forum, *seed)
		names = append(names, "forum")
	}
	for i, name := range names {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		res, err := show(stdout, problems[name])
		if err != nil {
			return fail(err)
		}
		if *dir != "" {
			if err := write(*dir, name, problems[name], res); err != nil {
				return fail(err)
			}
		}
	}
	return cli.OK
}

// write writes the timetable res of p into folder dir as name.schedule.xml,
// name.schedule.json and name.ics.
func write(dir, name string, p *timetable.Problem, res *timetable.Result) error {
	prog, err := p.Apply(res.Timetable)
	if err != nil {
		return err
	}
	opt := schedule.Options{Acronym: "fairfloor_" + name}
	outputs := []struct {
		file  string
		write func(io.Writer) error
	}{
		{name + ".schedule.xml", func(w io.Writer) error { return schedule.WriteXML(w, prog, opt) }},
		{name + ".schedule.json", func(w io.Writer) error { return schedule.WriteJSON(w, prog, opt) }},
		{name + ".ics", func(w io.Writer) error {
			return render.ICS(w, &render.Document{Forum: &balance.Forum{Programme: prog}})
		}},
	}
	for _, o := range outputs {
		var b bytes.Buffer
		if err := o.write(&b); err != nil {
			return fmt.Errorf("%s: %w", o.file, err)
		}
		if err := os.WriteFile(filepath.Join(dir, o.file), b.Bytes(), 0o644); err != nil {
			return err
		}
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

// show solves p, prints its timetable and returns it.
func show(w io.Writer, p *timetable.Problem) (*timetable.Result, error) {
	res, err := p.Solve()
	if err != nil {
		return nil, err
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
	return res, nil
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
