package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/fairfloor/fairfloor/agenda"
)

// TestLine finds the line of each kind of decoding error in a session file.
func TestLine(t *testing.T) {
	const good = "{\n  \"title\": \"T\",\n  \"people\": [\n    {\"name\": \"A\"},\n    {\"name\": \"B\",\n     \"region\": \"Europe\"}\n  ]\n}\n"
	tests := []struct {
		name, data string
		line       int
		reason     string
	}{
		{"unknown spelling", good, 6, "people[1].region is on line 6"},
		{"unknown field", strings.Replace(good, `"title"`, `"titel"`, 1), 2, "the line of the misspelt key"},
		{"syntax", "{\n  \"title\": \"T\",\n  \"people\": [}\n", 3, "the offset of the syntax error"},
		{"cut short", "{\n  \"title\": \"T\",\n", 3, "text cut short ends on its last line"},
		{"wrong type", "{\n\n  \"slot\": {\"length\": 90}\n}", 3, "a value of the wrong type"},
		{"cut short in a list", "{\"00000\":[{\"", 1, "a key of digits, which the error's path writes as an index, found on its line; and the walk ends where the document breaks off (it once counted a list's items without end)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agenda.Decode(strings.NewReader(tt.data))
			if err == nil {
				t.Fatalf("%s: Decode accepts %q", tt.reason, tt.data)
			}
			if got := Line([]byte(tt.data), err); got != tt.line {
				t.Errorf("%s: Line = %d, want %d (error %v)", tt.reason, got, tt.line, err)
			}
		})
	}
	if got := Line(nil, io.EOF); got != 0 {
		t.Errorf("Line of an error that says nowhere = %d, want 0", got)
	}
	// A path not in a document that breaks off inside a list: the walk
	// stops where it breaks (it once counted the list's items without end).
	for _, data := range []string{`{"people":[{"`, `{"people":[1,`, `[[[`, `{"a":{"b":[{"c":`} {
		if got := Line([]byte(data), &agenda.DecodeError{Field: "title", Err: errors.New("unknown field")}); got != 0 {
			t.Errorf("Line(%q) for a path it does not hold = %d, want 0", data, got)
		}
	}
}

// TestParse checks the exit codes of the flags every program shares.
func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		code int
		ok   bool
		err  string
	}{
		{nil, OK, true, ""},
		{[]string{"-v"}, OK, true, ""},
		{[]string{"-h"}, OK, false, "Usage of prog"},
		{[]string{"-help"}, OK, false, "Usage of prog"},
		{[]string{"-x"}, Usage, false, "flag provided but not defined: -x"},
		{[]string{"file.json"}, Usage, false, `prog: unexpected argument "file.json": the program takes flags only; use -f`},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("prog", flag.ContinueOnError)
		var stderr bytes.Buffer
		fs.SetOutput(&stderr)
		fs.Bool("v", false, "verbose")
		code, ok := Parse(fs, tt.args, &stderr, "use -f")
		if code != tt.code || ok != tt.ok || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("Parse(%q) = %d, %v, stderr %q; want %d, %v and %q", tt.args, code, ok, stderr.String(), tt.code, tt.ok, tt.err)
		}
	}
}

// FuzzLine checks that Line never panics and gives a line of the document,
// or 0, for whatever Decode refuses.
func FuzzLine(f *testing.F) {
	f.Add([]byte("{\n  \"people\": [{\"name\": \"A\", \"region\": \"Europe\"}]\n}"))
	f.Add([]byte("{\"title\": \"T\", \"segments\": [{\"length\": \"ten\"}]}"))
	f.Add([]byte("[1, 2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := agenda.Decode(bytes.NewReader(data))
		if err == nil {
			return
		}
		if got, lines := Line(data, err), bytes.Count(data, []byte("\n"))+1; got < 0 || got > lines {
			t.Fatalf("Line = %d for a document of %d lines; error %v", got, lines, err)
		}
	})
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 problems", 1: "1 problem", 2: "2 problems"} {
		if got := Count(n, "problem"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
