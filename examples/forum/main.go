// Command forum reports on a whole programme: the five seed sessions taken
// as one forum, unless it is given another programme. It validates the
// programme across sessions (a person or room in two sessions at once, a
// speaker in more than three sessions, the IGF's rule for 2017 and 2018),
// flags people who may be one person under two spellings, plans every
// session in parallel, checks each against the IGF presets, and prints the
// programme report: speaking time and headcount by region, stakeholder
// group, gender and mode over all sessions; the sessions ranked by how far
// they are from their targets; the sessions that fail each preset, with the
// rule, the counts and the people; and the people who speak most often.
//
// Usage:
//
//	go run ./examples/forum [-f programme.json | -dir folder] [-presets presets.json] [-format text|markdown|html|csv|svg|ics] [-o file] [-redact]
//
// -f reads a programme from one JSON file ({"title": …, "sessions": […]});
// -dir reads every *.json file of a folder as one session: a file that
// cannot be read (bad JSON, an unknown spelling) is named on standard error
// with the line of its problem, and the report goes on with the others.
// -presets adds an organizer's own presets, in JSON, to the built-in ones.
// A session that fails validation is not planned: the report shows it
// "from" "invalid", and standard error names it. What the validation finds
// across sessions is written to standard error, after the report. -format
// ics writes the forum's calendar instead of the report: every session that
// has a start time, with one event for the session and one per segment; the
// sessions without one are named on standard error.
//
// It exits as every example program does (see examples/internal/cli): 0
// when the report is written and the programme has no problems; 1 when it
// is written but a file was left out, a session fails validation or cannot
// be planned, or sessions conflict; 2 for flags it refuses or a programme
// it cannot read at all.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// formats are the renderers of a programme report, by flag value.
var formats = map[string]func(io.Writer, *render.Document) error{
	"text":     render.Text,
	"markdown": render.Markdown,
	"html":     render.HTML,
	"csv":      render.CSV,
	"svg":      render.SVG,
	"ics":      render.ICS,
}

// run is the whole program, with its outputs passed in so that tests can
// drive it. It returns the exit code: cli.OK, cli.Findings or cli.Usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("forum", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "read the programme from this JSON `file`")
	dir := fs.String("dir", "", "read the programme from this `folder` of session files")
	presetFile := fs.String("presets", "", "add the presets of this JSON `file`")
	format := fs.String("format", "text", "text, markdown (or md), html, csv, svg or ics, in any case")
	outFile := fs.String("o", "", "write the report to this `file` instead of standard output")
	redact := fs.Bool("redact", false, "leave every name out")
	if code, ok := cli.Parse(fs, args, stderr, "use -f or -dir to read a programme"); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "forum: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return cli.Usage
	}
	name := strings.ToLower(*format)
	if name == "md" {
		name = "markdown"
	}
	write, ok := formats[name]
	if !ok {
		return fail(fmt.Errorf("-format %q: want text, markdown, html, csv, svg or ics", *format))
	}
	if *file != "" && *dir != "" {
		return fail(errors.New("-f and -dir each name the programme; give one of them"))
	}
	prog, files, left, err := load(*file, *dir)
	if err != nil {
		return fail(err)
	}
	presets := balance.Presets()
	if *presetFile != "" {
		own, err := readPresets(*presetFile)
		if err != nil {
			return fail(err)
		}
		presets = append(presets, own...)
	}
	forum, err := balance.ForumReport(prog, balance.HybridPromise(), presets)
	if err != nil {
		return fail(err)
	}
	var out bytes.Buffer
	if err := write(&out, &render.Document{Forum: forum, Redact: *redact}); err != nil {
		return fail(err)
	}
	if *outFile != "" {
		err = os.WriteFile(*outFile, out.Bytes(), 0o644)
	} else {
		_, err = stdout.Write(out.Bytes())
	}
	if err != nil {
		return fail(err)
	}
	if name == "ics" {
		unscheduled(stderr, prog)
	}
	for _, problem := range left {
		fmt.Fprintln(stderr, "forum: "+problem)
	}
	if problems(stderr, forum, files, len(left), *redact) || len(left) > 0 {
		return cli.Findings
	}
	return cli.OK
}

// unscheduled names the sessions without a start time, which a calendar
// leaves out.
func unscheduled(w io.Writer, prog *agenda.Programme) {
	for i := range prog.Sessions {
		if !prog.Sessions[i].Slot.Scheduled() {
			fmt.Fprintf(w, "forum: sessions[%d] %q has no start time and is not in the calendar\n", i, prog.Sessions[i].Title)
		}
	}
}

// load reads the programme from a file or a folder, or returns the seeds.
// For a folder, it also returns the file of each session read, and a line
// for each file left out: its name, the line of its problem, the problem.
func load(file, dir string) (prog *agenda.Programme, files []string, left []string, err error) {
	switch {
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return nil, nil, nil, err
		}
		defer f.Close()
		prog, err := agenda.DecodeProgramme(f)
		return prog, nil, nil, err
	case dir != "":
		return readFolder(dir)
	}
	prog, err = seeds.Programme()
	return prog, nil, nil, err
}

func readPresets(name string) ([]balance.Preset, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps, err := balance.DecodePresets(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ps, nil
}

// problems writes the sessions that fail validation or cannot be planned,
// what validation finds across sessions, and the people who may be one
// person, and reports whether there is any problem: a session left
// unplanned or a conflict. files names the file of each session, when it
// came from a folder. With redact it counts people rather than naming them.
func problems(w io.Writer, forum *balance.Forum, files []string, left int, redact bool) bool {
	prog := forum.Programme
	found := false
	for _, fs := range forum.Sessions {
		if fs.Err == nil {
			continue
		}
		found = true
		where := fmt.Sprintf("sessions[%d] %q", fs.Index, prog.Sessions[fs.Index].Title)
		hint := ""
		if fs.Index < len(files) {
			where += " (" + files[fs.Index] + ")"
			hint = "; go run ./examples/runofshow -f " + files[fs.Index] + " says why"
		}
		// The problems themselves name people, whom a session may not
		// show: the report counts them, runofshow shows them as it may.
		switch {
		case fs.Report == nil:
			fmt.Fprintf(w, "forum: %s can be neither planned nor reported%s\n", where, hint)
		case fs.Invalid:
			n := 1
			var pe *balance.ProgrammeError
			if errors.As(fs.Err, &pe) {
				if joined, ok := pe.Err.(interface{ Unwrap() []error }); ok {
					n = len(joined.Unwrap())
				}
			}
			fmt.Fprintf(w, "forum: %s fails validation (%s): reported from its draft, not planned%s\n", where, cli.Count(n, "problem"), hint)
		default:
			fmt.Fprintf(w, "forum: %s cannot be planned under the policy: reported from its draft%s\n", where, hint)
		}
	}
	var conflicts, other int
	if err := prog.Validate(); err != nil {
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var ce *agenda.ConflictError
			if errors.As(e, &ce) {
				conflicts++
				if !redact {
					fmt.Fprintln(w, "forum:", e)
				}
			} else {
				other++
			}
		}
	}
	attendees, matches := prog.Attendees()
	if !redact {
		for _, m := range matches {
			fmt.Fprintf(w, "forum: possible match, not merged: %s\n", m.Reason)
		}
	}
	people, matchesWord := "people", "possible matches"
	if len(attendees) == 1 {
		people = "person"
	}
	if len(matches) == 1 {
		matchesWord = "possible match"
	}
	summary := fmt.Sprintf("forum: %s, %d %s; across sessions: %s, %d %s; %s within sessions",
		cli.Count(len(prog.Sessions), "session"), len(attendees), people, cli.Count(conflicts, "conflict"), len(matches), matchesWord, cli.Count(other, "problem"))
	if left > 0 {
		summary += fmt.Sprintf("; %s left out", cli.Count(left, "file"))
	}
	fmt.Fprintln(w, summary)
	return found || conflicts > 0
}
