package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/examples/internal/cli"
)

// readFolder reads every *.json file of dir, in the order of their names,
// as one session each, as agenda.ReadProgramme does, but goes on past a
// file it cannot read: it returns the sessions of the others with the name
// of the file of each, and for each file left out a line naming it, the
// line of its problem and the problem. The error is for a folder that
// cannot be read at all.
func readFolder(dir string) (prog *agenda.Programme, files, left []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	prog = new(agenda.Programme)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		s, err := readSessionFile(path)
		if err != nil {
			left = append(left, err.Error())
			continue
		}
		if s != nil {
			prog.Sessions = append(prog.Sessions, *s)
			files = append(files, path)
		}
	}
	if err := prog.CheckSize(); err != nil {
		return nil, nil, nil, err
	}
	return prog, files, left, nil
}

// readSessionFile reads the session in path, or returns nil for a folder a
// link leads to. Its error names the file and, where known, the line:
// "sessions/b.json:6: agenda: decoding people[1].region: …".
func readSessionFile(path string) (*agenda.Session, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, nil
	}
	return cli.DecodeSession(path, f)
}
