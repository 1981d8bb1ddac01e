package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fairfloor/fairfloor/examples/internal/cli"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// options are the program's flags, read and checked against each other.
type options struct {
	file, igf, seed string // where the session comes from: at most one is given
	tz              string // the zone clock times are shown in
	format          string // a key of formats, or sessionFormat
	outFile         string
	redact          bool
	bom             bool // begin a CSV with the UTF-8 byte-order mark
	logFile, at     string
	policyFile      string
	presetsFile     string
	serve           string // the address of the live floor, if it is served

	// What completes the draft: a start time read in a zone, a title, a
	// room. Each is applied only when its flag is given.
	start, zone, title, room string

	set map[string]bool // the flags given on the command line
}

// sessionFormat is the -format that writes the session itself, as -f reads
// it, rather than its run-of-show.
const sessionFormat = "session"

// formatAliases are other spellings -format accepts, and the names the
// file extensions of -o stand for.
var formatAliases = map[string]string{"md": "markdown", "txt": "text", "htm": "html", "ical": "ics"}

// formatNames returns the formats -format accepts, sorted.
func formatNames() []string {
	names := append(slices.Collect(maps.Keys(formats)), sessionFormat)
	slices.Sort(names)
	return names
}

// parseFormat returns the format a -format value names, ignoring case and
// accepting the aliases, or "" for none.
func parseFormat(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if alias, ok := formatAliases[name]; ok {
		name = alias
	}
	if formats[name] != nil || name == sessionFormat {
		return name
	}
	return ""
}

// formatOfFile returns the format the name of an -o file stands for: that
// of its extension, "session" for a name ending in ".session.json" (a
// draft, as -f reads it), text for a name without an extension. The
// boolean is false for an extension that names no format.
func formatOfFile(name string) (string, bool) {
	lower := strings.ToLower(filepath.Base(name))
	if strings.HasSuffix(lower, ".session.json") {
		return sessionFormat, true
	}
	ext := strings.TrimPrefix(filepath.Ext(lower), ".")
	if ext == "" {
		return "text", true
	}
	if f := parseFormat(ext); f != "" && f != sessionFormat {
		return f, true
	}
	return "", false
}

// parseOptions reads the flags and refuses those that cannot go together.
// On false, the message is written and code is the exit code.
func parseOptions(args []string, stderr io.Writer) (o *options, code int, ok bool) {
	flags := flag.NewFlagSet("runofshow", flag.ContinueOnError)
	flags.SetOutput(stderr)
	o = new(options)
	flags.StringVar(&o.file, "f", "", "read the session from this JSON `file` (- for standard input), as -format session writes it")
	flags.StringVar(&o.igf, "igf", "", "import the session from this IGF session `page`: its text, its saved HTML, or its https:// address")
	flags.StringVar(&o.seed, "seed", seeds.Default, "show this embedded source `session`: "+strings.Join(seeds.Names(), ", "))
	flags.StringVar(&o.tz, "tz", "", "show clock times in this IANA time `zone`, such as Europe/Paris (the session needs a start time)")
	flags.StringVar(&o.format, "format", "text", "write this `format`, in any case: "+strings.Join(formatNames(), ", ")+
		" (md for markdown); session writes the draft itself, for -f to read back; without -format, -o picks it from its extension")
	flags.StringVar(&o.outFile, "o", "", "write to this `file` rather than standard output; its extension (.html, .md, .ics, .session.json …) picks the format")
	flags.BoolVar(&o.bom, "bom", false, "begin -format csv with the UTF-8 byte-order mark, so that Excel reads names such as Rückheim right")
	flags.BoolVar(&o.redact, "redact", false, "leave names and organizations out, as for a session that is not attributed")
	flags.StringVar(&o.logFile, "log", "", "audit this speaking `log` (CSV name,start,end, or JSON if it ends in .json) against the plan")
	flags.StringVar(&o.at, "at", "", "with -log, re-plan the rest of the session from this `time` after its start, such as 50m")
	flags.StringVar(&o.policyFile, "policy", "", "plan under the policy in this JSON `file` (balance.DecodePolicy) rather than balance.HybridPromise")
	flags.StringVar(&o.presetsFile, "presets", "", "check the plan against the presets in this JSON `file` (balance.DecodePresets)")
	flags.StringVar(&o.serve, "serve", "", "serve the live floor on this `address`, such as 127.0.0.1:8080, recording the speaking log in the -log file (see serve.go)")
	flags.StringVar(&o.start, "start", "", "start the session at this `time`, such as 2025-06-23T10:00 (in -zone) or 2025-06-23T10:00+02:00")
	flags.StringVar(&o.zone, "zone", "", "read -start in this IANA time `zone`, the venue's, such as Europe/Oslo (default: the session's own, else UTC)")
	flags.StringVar(&o.title, "title", "", "set the session's `title`")
	flags.StringVar(&o.room, "room", "", "set the session's `room`")
	if code, ok := cli.Parse(flags, args, stderr, "use -f to read a file"); !ok {
		return nil, code, false
	}
	o.set = cli.Set(flags)
	if msg := o.check(); msg != "" {
		fmt.Fprintln(stderr, "runofshow: "+msg)
		return nil, cli.Usage, false
	}
	return o, cli.OK, true
}

// check settles the format and returns what is wrong with the flags taken
// together, or "".
func (o *options) check() string {
	switch {
	case o.set["format"]:
		f := parseFormat(o.format)
		if f == "" {
			return fmt.Sprintf("-format %q: want one of %s (in any case; md for markdown)", o.format, strings.Join(formatNames(), ", "))
		}
		o.format = f
	case o.outFile != "":
		f, ok := formatOfFile(o.outFile)
		if !ok {
			return fmt.Sprintf("-o %s: %s names no format; give -format, one of %s", o.outFile, filepath.Ext(o.outFile), strings.Join(formatNames(), ", "))
		}
		o.format = f
	}
	var sources []string
	for _, name := range []string{"f", "igf", "seed"} {
		if o.set[name] {
			sources = append(sources, "-"+name)
		}
	}
	switch {
	case len(sources) > 1:
		return fmt.Sprintf("%s each name the session; give one of them", strings.Join(sources, " and "))
	case o.at != "" && o.logFile == "":
		return "-at needs -log: a re-plan starts from what was said"
	case (o.logFile != "" || o.at != "") && o.format != "text":
		return fmt.Sprintf("-log and -at write text only, not -format %s", o.format)
	case o.serve != "" && (o.at != "" || o.set["format"] || o.outFile != ""):
		return "-serve serves the live floor, recording in -log; -at, -format and -o are for a run-of-show written once"
	case o.bom && o.format != "csv":
		return fmt.Sprintf("-bom marks a CSV file for Excel; -format %s has no use for it", o.format)
	case o.set["zone"] && !o.set["start"]:
		return "-zone is the zone -start is read in; give -start too, or -tz to show the clock in another zone"
	}
	if o.format == sessionFormat {
		// The draft is written as it is read: whatever would change only
		// how it is shown or planned has no place in it.
		for _, name := range []string{"redact", "tz", "policy", "presets"} {
			if o.set[name] {
				return fmt.Sprintf("-format session writes the draft as -f reads it, names, zone and all; -%s is for the run-of-show: plan the draft with -f and use -%s then", name, name)
			}
		}
	}
	return ""
}
