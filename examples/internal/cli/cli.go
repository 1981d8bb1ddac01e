// Package cli holds what the example programs share: their exit codes and
// how they read their flags, so that every program under examples/ exits
// with the same code for the same outcome.
//
// The codes are those of the Unix tools a script already knows (grep,
// diff): 0 when all is well, 1 when the program did its work but found
// problems, 2 when it could not do its work at all.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// The exit codes of every example program.
const (
	// OK: the output is written and nothing is wrong with the input.
	OK = 0

	// Findings: the output is written, but the input has problems the
	// output lists: a session that fails validation, a plan no allocation
	// meets, a file of a folder that cannot be read while the rest is
	// reported.
	Findings = 1

	// Usage: nothing useful could be written: flags or arguments the
	// program refuses, or an input it cannot read at all. -h and -help
	// print the usage and exit with OK.
	Usage = 2
)

// Parse parses args with fs, which must have been made with
// flag.ContinueOnError and write to the program's standard error, and
// refuses arguments after the flags, which no example program takes,
// saying so on stderr with hint, if any, after the message. It returns
// whether to go on, and the exit code to return if not: [OK] for -h or
// -help, [Usage] otherwise.
func Parse(fs *flag.FlagSet, args []string, stderr io.Writer, hint string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return OK, false
		}
		return Usage, false // the flag package has said what is wrong
	}
	if fs.NArg() > 0 {
		if hint == "" {
			hint = "see -help"
		}
		fmt.Fprintf(stderr, "%s: unexpected argument %q: the program takes flags only; %s\n", fs.Name(), fs.Arg(0), hint)
		return Usage, false
	}
	return OK, true
}

// Set returns the names of the flags given on the command line, as
// flag.FlagSet.Visit finds them, so that a program can tell a flag given
// with its default value from one not given.
func Set(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// Count writes n and noun, with an s after the noun unless n is 1: "1
// problem", "3 problems".
func Count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
