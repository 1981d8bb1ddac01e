package agenda_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
)

// programmeSeeds are programmes, valid and not, for the fuzz tests to start
// from.
func programmeSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		[]byte(programmeDoc),
		[]byte(`null`),
		[]byte(`{}`),
		[]byte(`{"sessions": null, "sessions_per_speaker": -1}`),
		[]byte(`{"sessions": [null, {}, {"title": "<&>\u2028"}]}`),
		[]byte(`{"sessions": [{"room": "Room 1", "slot": {"start": "2023-10-10T06:15:00Z", "length": "1h"}, "people": [{"name": "Droz Serge", "roles": ["speaker"]}]},
			{"room": " room  1", "slot": {"start": "2023-10-10T08:30:00+02:00", "zone": "Europe/Paris", "length": "1h"}, "people": [{"name": "serge droz", "organization": "FIRST", "roles": ["speaker"]}, {"name": "Serge Droz", "roles": ["organizer"]}]}]}`),
	}
	for _, tt := range decodeProgrammeErrorTests {
		seeds = append(seeds, []byte(tt.input))
	}
	// Programmes written by json.Marshal, as the round trip writes them.
	for _, p := range []*agenda.Programme{
		{Title: "IGF", SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker, Sessions: []agenda.Session{
			session("Cyber norms", "Room B-1", at(6, 15), 90*time.Minute, speaker("Sione Tupou’tuah"), organizer("Dana Speaker")),
			session("Data flows", "room b-1", at(7, 0), time.Hour, speaker("sione tupou'tuah")),
			session("Open forum", "", time.Time{}, time.Hour, person("Tupou’tuah Sione", "Tonga Digital", agenda.RoleSpeaker)),
		}},
	} {
		data, err := json.Marshal(p)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	return seeds
}

// checkProgramme checks that Validate and Attendees take any decoded
// programme without a panic, and that what Validate returns is what it
// documents: *ValidationError and *ConflictError values, the conflicts
// naming sessions in programme order.
func checkProgramme(t *testing.T, p *agenda.Programme) {
	t.Helper()
	for _, e := range unjoin(p.Validate()) {
		var ce *agenda.ConflictError
		var ve *agenda.ValidationError
		switch {
		case errors.As(e, &ce):
			if !slices.Contains(conflictSentinels, ce.Err) {
				t.Errorf("conflict %v of unknown kind %v", ce, ce.Err)
			}
			if len(ce.Sessions) < 2 || !slices.IsSortedFunc(ce.Sessions, func(a, b agenda.SessionRef) int { return a.Index - b.Index }) {
				t.Errorf("conflict %v: want two sessions or more, in programme order", ce)
			}
			for _, r := range ce.Sessions {
				if r.Index < 0 || r.Index >= len(p.Sessions) {
					t.Errorf("conflict %v names session %d of %d", ce, r.Index, len(p.Sessions))
				}
			}
		case errors.As(e, &ve):
			if !strings.HasPrefix(ve.Field, "sessions") {
				t.Errorf("problem %v is not named from the programme", ve)
			}
		default:
			t.Errorf("Validate returned %T %v, want *ValidationError or *ConflictError", e, e)
		}
	}
	attendees, matches := p.Attendees()
	checkAttendees(t, p, attendees, matches)
}

// FuzzDecodeProgramme checks that no input makes DecodeProgramme, Validate
// or Attendees panic, that DecodeProgramme's errors are *DecodeError values,
// and that whatever decodes round-trips through json.Marshal: it decodes
// again to an equal programme, which encodes to the same bytes and has the
// same problems.
func FuzzDecodeProgramme(f *testing.F) {
	for _, seed := range programmeSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := agenda.DecodeProgramme(bytes.NewReader(data))
		if err != nil {
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeProgramme error %T %v, want a *DecodeError", err, err)
			}
			if de.File != "" {
				t.Fatalf("DecodeProgramme error %v names a file", err)
			}
			if p != nil {
				t.Fatalf("DecodeProgramme returned a programme with the error %v", err)
			}
			return
		}
		checkProgramme(t, p)

		first, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("json.Marshal of a decoded programme: %v", err)
		}
		if len(first) > agenda.MaxBytes {
			return // encoding/json writes < as \u003c: the encoding may pass the limit the input kept to
		}
		back, err := agenda.DecodeProgramme(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("DecodeProgramme(json.Marshal(p)): %v\n%s", err, first)
		}
		// An empty list or map is left out of the encoding, and so comes
		// back nil: the same programme.
		if diff := cmp.Diff(p, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("DecodeProgramme(json.Marshal(p)) differs from p:\nmismatch (-want +got):\n%s\nencoding: %s", diff, first)
		}
		for i := range p.Sessions {
			s, b := p.Sessions[i].Slot, back.Sessions[i].Slot
			if s.Scheduled() && s.Start.Location().String() != b.Start.Location().String() {
				t.Fatalf("sessions[%d]: slot location %q came back as %q", i, s.Start.Location(), b.Start.Location())
			}
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatalf("json.Marshal of the decoded encoding: %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("second encoding differs from the first:\nmismatch (-want +got):\n%s", cmp.Diff(string(first), string(second)))
		}
		if diff := cmp.Diff(messages(p.Validate()), messages(back.Validate())); diff != "" {
			t.Fatalf("the round trip changed the problems:\nmismatch (-want +got):\n%s", diff)
		}
	})
}

// messages returns the text of each problem in err.
func messages(err error) []string {
	var out []string
	for _, e := range unjoin(err) {
		out = append(out, e.Error())
	}
	return out
}

// maxFuzzFiles is the most files FuzzReadProgramme makes.
const maxFuzzFiles = 5

// FuzzReadProgramme checks ReadProgramme on folders of a few files: names
// separated by "|", and contents separated by zero bytes, in turn. It must
// not panic, and it must read what Decode reads of each .json file of the
// root, in order of name, or fail as Decode fails on the first file it
// cannot read, naming it.
func FuzzReadProgramme(f *testing.F) {
	seeds := programmeSeeds(f)
	f.Add("b.json|a.json|README.md|drafts/c.json", bytes.Join([][]byte{sessionFile("B"), sessionFile("A"), []byte("# read me"), []byte("{")}, []byte{0}))
	f.Add("a.json|old.json/b.json|a.json.txt", bytes.Join([][]byte{sessionFile("A"), []byte("{"), []byte("{")}, []byte{0}))
	f.Add("1.json|2.json", bytes.Join([][]byte{[]byte(`{"title": "A", "zeta": 1, "alpha": 2}`), []byte(`{"people": [{"name": "A", "region": "Europe"}]}`)}, []byte{0}))
	f.Add(".json|x.JSON|sub/.json", []byte(zurichLike))
	for _, seed := range seeds[:4] {
		f.Add("s.json", seed)
	}

	f.Fuzz(func(t *testing.T, names string, data []byte) {
		list := strings.SplitN(names, "|", maxFuzzFiles)
		contents := bytes.SplitN(data, []byte{0}, maxFuzzFiles)
		fsys := fstest.MapFS{}
		for i, name := range list {
			if !fs.ValidPath(name) || name == "." || fsys[name] != nil {
				t.Skip("a name MapFS would not hold as one file")
			}
			var content []byte
			if i < len(contents) {
				content = contents[i]
			}
			fsys[name] = &fstest.MapFile{Data: content}
		}
		for a := range fsys {
			for b := range fsys {
				if strings.HasPrefix(b, a+"/") {
					t.Skip("a file that is also a folder")
				}
			}
		}

		// What ReadProgramme should do: read the .json files of the root
		// in order of name, as Decode reads each.
		var top []string
		for name := range fsys {
			if !strings.Contains(name, "/") && strings.HasSuffix(name, ".json") {
				top = append(top, name)
			}
		}
		slices.Sort(top)
		var want []agenda.Session
		var wantErr error
		for _, name := range top {
			s, err := agenda.Decode(bytes.NewReader(fsys[name].Data))
			if err != nil {
				wantErr = err
				var de *agenda.DecodeError
				if errors.As(err, &de) {
					de.File = name
				}
				break
			}
			want = append(want, *s)
		}

		p, err := agenda.ReadProgramme(fsys)
		if wantErr != nil {
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("ReadProgramme = %v, want the *DecodeError %v", err, wantErr)
			}
			if p != nil {
				t.Fatalf("ReadProgramme returned a programme with the error %v", err)
			}
			if err.Error() != wantErr.Error() {
				t.Fatalf("ReadProgramme error %q, want %q", err, wantErr)
			}
			return
		}
		if err != nil {
			t.Fatalf("ReadProgramme: %v; each of %q decodes", err, top)
		}
		if diff := cmp.Diff(want, p.Sessions, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ReadProgramme read other sessions than Decode reads of %q:\nmismatch (-want +got):\n%s", top, diff)
		}
		checkProgramme(t, p)
	})
}

// zurichLike is a session of several files' worth, split by zero bytes.
const zurichLike = `{"title": "Hybrid norms lab", "format": "Hybrid", "room": "Room 3",
  "slot": {"start": "2024-06-18T14:00:00+02:00", "zone": "Europe/Zurich", "length": "90 minutes"},
  "people": [{"name": "Ana Moderator", "roles": ["Organiser", "Chair"], "mode": "in person"},
    {"name": "Ben Online", "roles": ["remote moderator"], "mode": "remote"}],
  "segments": [{"title": "Welcome", "kind": "Welcome and Introduction", "length": "5 min"}]}` +
	"\x00" + `{"title": "Second", "room": "room  3", "slot": {"start": "2024-06-18T12:30:00Z", "length": "1h"},
  "people": [{"name": "ana moderator", "roles": ["speaker"]}]}` +
	"\x00" + `not json`
