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
// -dir reads every *.json file of a folder as one session. -presets adds
// an organizer's own presets, in JSON, to the built-in ones. -format ics
// writes the forum's calendar instead of the report: every session that has
// a start time, with one event for the session and one per segment. What the
// validation finds is written to standard error, after the report.
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
	"github.com/fairfloor/fairfloor/examples/seeds"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "forum: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
		os.Exit(1)
	}
}

// formats are the renderers of a programme report, by flag value.
var formats = map[string]func(io.Writer, *render.ForumDocument) error{
	"text":     render.ForumText,
	"markdown": render.ForumMarkdown,
	"html":     render.ForumHTML,
	"csv":      render.ForumCSV,
	"svg":      render.ForumSVG,
	"ics":      render.ForumICS,
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("forum", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "read the programme from this JSON `file`")
	dir := fs.String("dir", "", "read the programme from this `folder` of session files")
	presetFile := fs.String("presets", "", "add the presets of this JSON `file`")
	format := fs.String("format", "text", "text, markdown, html, csv, svg or ics")
	outFile := fs.String("o", "", "write the report to this `file` instead of standard output")
	redact := fs.Bool("redact", false, "leave every name out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	write, ok := formats[*format]
	if !ok {
		return fmt.Errorf("-format %q: want text, markdown, html, csv, svg or ics", *format)
	}
	prog, err := load(*file, *dir)
	if err != nil {
		return err
	}
	presets := balance.Presets()
	if *presetFile != "" {
		own, err := readPresets(*presetFile)
		if err != nil {
			return err
		}
		presets = append(presets, own...)
	}
	forum, err := balance.ForumReport(prog, balance.HybridPromise(), presets)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := write(&out, &render.ForumDocument{Forum: forum, Redact: *redact}); err != nil {
		return err
	}
	if *outFile != "" {
		err = os.WriteFile(*outFile, out.Bytes(), 0o644)
	} else {
		_, err = stdout.Write(out.Bytes())
	}
	if err != nil {
		return err
	}
	if *format == "ics" {
		unscheduled(stderr, prog)
	}
	problems(stderr, prog, *redact)
	return nil
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
func load(file, dir string) (*agenda.Programme, error) {
	switch {
	case file != "" && dir != "":
		return nil, errors.New("give -f or -dir, not both")
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return agenda.DecodeProgramme(f)
	case dir != "":
		return agenda.ReadProgramme(os.DirFS(dir))
	}
	return seeds.Programme()
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

// problems writes what validation finds across sessions and the people
// who may be one person. With redact it counts them rather than naming
// anyone.
func problems(w io.Writer, prog *agenda.Programme, redact bool) {
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
	fmt.Fprintf(w, "forum: %d sessions, %d people; across sessions: %d conflicts, %d possible matches; %d problems within sessions\n",
		len(prog.Sessions), len(attendees), conflicts, len(matches), other)
}
