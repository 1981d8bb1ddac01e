package balance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
)

// FuzzReadLogCSV checks that ReadLogCSV never panics and that every error
// it returns is a *balance.LogError; that every entry it reads keeps its
// line, the lines rising; that a log of commas read with semicolons in
// their place (where no field is quoted or holds a semicolon) is the same
// log; and that whatever it reads, for the
// scheduled panel of the audit tests and for the same panel unscheduled,
// AuditLog audits without panicking and keeps every entry: one turn each,
// the time of every entry that does not run backwards, and a problem for
// each entry of an unknown name or of someone who is not a speaker; and
// that Rest and Replan take it (see fuzzCheckReplan).
func FuzzReadLogCSV(f *testing.F) {
	for _, s := range []string{
		"name,start,end\nAna Berg,06:20,06:29\nChloe Diaz,06:29:00,06:41:00\n",
		"End, NAME ,Start\n2023-10-10T06:29:30Z,Ana Berg,2023-10-10T06:20:00Z\n",
		"# sheet\nname,start,end\n# q1\nAna Berg,0:05:00,0:12:30\nAudience member,0:12:30,0:14\n",
		"name,start,end\nAna Berg,06:25,06:20\nModerator,06:10,07:00\nBen Okafor,2023-10-10T08:40:30+02:00,2023-10-10T06:48:00.5Z\n",
		"name,start,end\nJames Shires,0:5:3,1:05:00\n",
		"name,start,end\n\"Okafor, Ben\",06:20,06:25\n\"Ana \"\"the\"\" Berg\",06:25,06:26\n",
		"name,start,end\nAna Berg,0001-01-01T00:00:00Z,9999-12-31T23:59:59Z\nAna Berg,0001-01-01T00:00:00Z,9999-12-31T23:59:59Z\n",
		"name,start\n", "name,start,name\n", "name,start,end\n,06:20,06:25\n", "name,start,end\nAna,06:20,soon\n",
		"name,start,end\n\"Ana,06:20,06:25\n",
		"name,start,end,kind\nAna Berg,06:20,,\nAna Berg,06:22,,pause\nAna Berg,06:22,06:23,pause\nfloor,06:24,06:25,point of order\nAna Berg,06:20,06:29,\nBen Okafor,06:29,,\n",
		"kind,name,start,end\nIntervention,Someone,06:20,06:21\nsleep,Ana,06:20,06:21\n", "name,start,end,kind,kind\n", "name,start,end\nAna,06:20,\nAna,06:20,\n", "name,start,end\nAna Berg,2023-10-10T06:20:00Z,2023-10-11T06:25:00+23:60\n", "", "#", "\ufeffname,start,end\n", "\r\n\r\n", "name,start,end\r\nAna Berg,06:20,06:25\r\n",
		"name;start;end\nOkafor, Ben;06:20;06:25\n\"Ana; Berg\";2023-10-10T06:25:00,5Z;06:30\n", "\ufeffName; Start; End\r\nAna Berg;06:20;06:25\r\n",
		"name;start;end\nAna Berg,06:20,06:25\n", "name;start,end\n", "name\tstart\tend\nAna\t06:20\t06:25\n", "# a;b;c\nname,start,end\n",
	} {
		f.Add([]byte(s))
	}
	scheduled, ros := auditPlan(f)
	unscheduled := auditSession()
	unscheduled.Slot.Start = time.Time{}
	unscheduledRos, _, err := balance.Plan(unscheduled, auditPolicy)
	if err != nil {
		f.Fatal(err)
	}
	breakouts := breakoutSession()
	breakoutRos, _, err := balance.Plan(breakouts, auditPolicy)
	if err != nil {
		f.Fatal(err)
	}
	sessions := []struct {
		s   *agenda.Session
		ros *agenda.RunOfShow
	}{{scheduled, ros}, {unscheduled, unscheduledRos}, {unscheduled, nil}, {privateNames(scheduled), nil}, {unattributed(scheduled), nil}, {breakouts, breakoutRos}}

	f.Fuzz(func(t *testing.T, data []byte) {
		for _, c := range sessions {
			log, err := balance.ReadLogCSV(bytes.NewReader(data), c.s)
			if err != nil {
				var le *balance.LogError
				if !errors.As(err, &le) {
					t.Fatalf("ReadLogCSV(%q) error %#v, want a *balance.LogError", data, err)
				}
				if log != nil {
					t.Fatalf("ReadLogCSV(%q) returned a log with its error %v", data, err)
				}
				if !strings.HasPrefix(err.Error(), "balance: log") {
					t.Fatalf("ReadLogCSV(%q) error %q lacks the package prefix", data, err)
				}
				continue
			}
			for i, e := range log.Entries {
				if e.Name == "" || strings.TrimSpace(e.Name) != e.Name {
					t.Fatalf("ReadLogCSV(%q) entry %d has the name %q, empty or untrimmed", data, i, e.Name)
				}
				if e.Line < 2 || i > 0 && e.Line <= log.Entries[i-1].Line {
					t.Fatalf("ReadLogCSV(%q) entry %d is on line %d, after line %d and the header", data, i, e.Line, log.Entries[max(i-1, 0)].Line)
				}
			}
			if !bytes.ContainsAny(data, "\";") {
				semi := bytes.ReplaceAll(data, []byte(","), []byte(";"))
				again, err := balance.ReadLogCSV(bytes.NewReader(semi), c.s)
				if err != nil {
					t.Fatalf("ReadLogCSV(%q) reads, but with semicolons, %q, fails: %v", data, semi, err)
				}
				if diff := cmp.Diff(log, again); diff != "" {
					t.Fatalf("ReadLogCSV(%q) and with semicolons differ (-commas +semicolons):\n%s", data, diff)
				}
			}
			// What WriteLogCSV writes, ReadLogCSV reads back to the same
			// instants, names and kinds.
			var buf bytes.Buffer
			if err := balance.WriteLogCSV(&buf, log); err != nil {
				t.Fatalf("WriteLogCSV of what ReadLogCSV(%q) read: %v", data, err)
			}
			back, err := balance.ReadLogCSV(&buf, c.s)
			if err != nil {
				t.Fatalf("ReadLogCSV of what WriteLogCSV wrote of %q: %v\n%s", data, err, buf.Bytes())
			}
			if diff := cmp.Diff(log, back, ignoreLine, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("round trip of %q mismatch (-read +written and read):\n%s", data, diff)
			}
			fuzzCheckAudit(t, c.s, c.ros, log)
			if c.ros != nil {
				fuzzCheckReplan(t, c.s, log)
			}
		}
	})
}

// fuzzCheckReplan re-plans the rest of s from a log at moments before,
// within and after its panel, and outside its slot: Rest and Replan must
// never panic; outside the slot they fail with a *balance.SessionError;
// within it Rest keeps the segments still to come and Replan plans them or
// finds them infeasible, each planned segment filled exactly.
func fuzzCheckReplan(t *testing.T, s *agenda.Session, log *balance.Log) {
	t.Helper()
	for _, after := range []time.Duration{-time.Second, 0, 5 * time.Minute, 12*time.Minute + 15*time.Second, 34*time.Minute + 59*time.Second, s.Slot.Length - time.Second, s.Slot.Length} {
		at := s.Slot.Start.Add(after)
		rest, err := balance.Rest(s, log, at)
		ros, _, perr := balance.Replan(s, auditPolicy, log, at)
		if after < 0 || after >= s.Slot.Length {
			var se1, se2 *balance.SessionError
			if !errors.As(err, &se1) || !errors.As(perr, &se2) {
				t.Fatalf("Rest and Replan at %v, outside the slot: %v; %v; want *balance.SessionError", after, err, perr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Rest at %v: %v", after, err)
		}
		if perr != nil {
			if !errors.Is(perr, balance.ErrInfeasible) {
				t.Fatalf("Replan at %v: %v, want a plan or an *InfeasibleError", after, perr)
			}
			continue
		}
		if len(ros.Segments) != len(rest.Segments) {
			t.Fatalf("Replan at %v: %d segments for the %d of the rest", after, len(ros.Segments), len(rest.Segments))
		}
		for i, seg := range ros.Segments {
			var sum time.Duration
			for _, turn := range seg.Turns {
				sum += turn.Length()
			}
			if sum != rest.Segments[i].Length {
				t.Fatalf("Replan at %v: segment %d filled with %v, want %v", after, i, sum, rest.Segments[i].Length)
			}
		}
	}
}

// fuzzCheckAudit audits log and checks that nothing in it is lost.
func fuzzCheckAudit(t *testing.T, s *agenda.Session, ros *agenda.RunOfShow, log *balance.Log) {
	t.Helper()
	a, err := balance.AuditLog(s, ros, auditPolicy, log)
	if err != nil {
		t.Fatalf("AuditLog of %+v: %v", log, err)
	}
	if a.Actual == nil || a.Actual.Source != "log" {
		t.Fatalf("Actual = %+v, want a report of the log", a.Actual)
	}
	if (ros == nil) != (a.Planned == nil) {
		t.Fatalf("Planned = %+v with a run-of-show %v", a.Planned, ros != nil)
	}

	var want time.Duration // overflows as AuditLog's sum does, whatever the order
	backwards, duplicates, open, breaks := 0, 0, 0, 0
	for i, e := range log.Entries {
		if slices.ContainsFunc(log.Entries[:i], func(o balance.Entry) bool {
			return agenda.NameKey(o.Name) == agenda.NameKey(e.Name) && o.Start.Equal(e.Start) && o.End.Equal(e.End) && o.Kind.String() == e.Kind.String()
		}) {
			duplicates++ // counted once
			continue
		}
		switch d := e.End.Sub(e.Start); {
		case e.End.IsZero():
			open++
		case d < 0:
			backwards++
			if !e.Speech() {
				breaks++
			}
		case !e.Speech():
			breaks++
		default:
			want += d - interrupted(log, e)
		}
	}
	var actual time.Duration
	turns, speakerTurns, unknownTurns, otherTurns := 0, 0, 0, 0
	for _, p := range a.People {
		if !p.Speaker && p.Turns == 0 {
			t.Fatalf("%+v: neither a speaker nor in the log", p)
		}
		actual += p.Actual
		turns += p.Turns
		switch {
		case !p.Known:
			unknownTurns += p.Turns
		case p.Moderator:
			speakerTurns += p.Turns // moderation, which is not odd
		case !p.Speaker:
			otherTurns += p.Turns
		default:
			speakerTurns += p.Turns
		}
		if ros == nil && p.Planned != 0 {
			t.Fatalf("%s planned %v without a run-of-show", p.Name, p.Planned)
		}
	}
	if turns != len(log.Entries)-duplicates-open-breaks {
		t.Fatalf("%d turns for %d entries, %d of them repeats: %+v", turns, len(log.Entries), duplicates, a.People)
	}
	fuzzCheckAuditPrivacy(t, s, a)
	if actual != want {
		t.Fatalf("the people's actual times add up to %v, the entries to %v", actual, want)
	}

	count := map[string]int{}
	for i, p := range a.Problems {
		if p.Entry < 0 || p.Entry >= len(log.Entries) {
			t.Fatalf("problem %+v names no entry of %d", p, len(log.Entries))
		}
		if p.Line != log.Entries[p.Entry].Line {
			t.Fatalf("problem %+v gives line %d for an entry of line %d", p, p.Line, log.Entries[p.Entry].Line)
		}
		if i > 0 && a.Problems[i-1].Entry > p.Entry {
			t.Fatalf("problems out of order: %+v", a.Problems)
		}
		if !slices.Contains([]string{"unknown name", "overlap", "outside slot", "end before start", "not a speaker", "duplicate", "not ended"}, p.Kind) {
			t.Fatalf("problem of unknown kind: %+v", p)
		}
		count[p.Kind]++
	}
	// Every entry is a speaker's or moderator's turn, or is listed as an
	// unknown name or as someone who is not a speaker.
	if count["unknown name"] != unknownTurns || count["not a speaker"] != otherTurns ||
		speakerTurns+count["unknown name"]+count["not a speaker"]+count["duplicate"]+count["not ended"]+breaks != len(log.Entries) {
		t.Fatalf("%d entries: %d speakers' turns, %d unknown-name and %d not-a-speaker problems; turns %d unknown, %d others",
			len(log.Entries), speakerTurns, count["unknown name"], count["not a speaker"], unknownTurns, otherTurns)
	}
	if count["duplicate"] != duplicates {
		t.Fatalf("%d duplicate problems for %d repeated entries", count["duplicate"], duplicates)
	}
	if count["not ended"] != open {
		t.Fatalf("%d not-ended problems for %d open entries", count["not ended"], open)
	}
	if count["end before start"] != backwards {
		t.Fatalf("%d end-before-start problems for %d backwards entries", count["end before start"], backwards)
	}
	if n := count["overlap"]; n >= max(1, len(log.Entries)) {
		t.Fatalf("%d overlaps among %d entries: the first to start overlaps nothing earlier", n, len(log.Entries))
	}
}

// FuzzReadLogJSON checks that ReadLogJSON never panics, and that whatever it
// reads encodes to JSON that it reads back to an equal log, and encodes
// again to the same bytes, as FuzzUnmarshalJSON in encoding/json does; and
// that AuditLog, Rest and Replan take it, as for FuzzReadLogCSV.
func FuzzReadLogJSON(f *testing.F) {
	for _, s := range []string{
		`{"entries": [{"name": "Ana Berg", "start": "2023-10-10T06:20:00Z", "end": "2023-10-10T06:29:30Z"}]}`,
		`{"entries": [{"end": "2023-10-10T06:41:00Z", "name": "Chloe Diaz", "start": "2023-10-10T08:29:00+02:00"}]}`,
		`{"entries": [{"name": "Ana", "start": "2023-10-10T06:20:00.123456789Z", "end": "0001-01-01T00:00:00Z"}]}`,
		`{"entries": [{"name": "Ana", "start": "2023-10-10T06:20:00,5+05:30", "end": "9999-12-31T23:59:59-23:59"}]}`,
		`{"entries": []}`, `{"entries": null}`, `{}`, `null`, ``, `[]`,
		`{"entries": [{"name": " "}]}`, `{"entries": [{"speaker": "Ana"}]}`, `{"entries": [{"name": "Ana", "name": "Ben"}]}`,
		`{"entries": [{"name": "Ana", "start": "06:20"}]}`, `{"entries": [{"name": "Ana", "start": "2023-10-10T06:20:00+24:00"}]}`, `{"entries": [{"name": "\u00e9\ud800"}]}`,
	} {
		f.Add([]byte(s))
	}
	scheduled, ros := auditPlan(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := balance.ReadLogJSON(bytes.NewReader(data))
		if err != nil {
			if log != nil {
				t.Fatalf("ReadLogJSON(%q) returned a log with its error %v", data, err)
			}
			return
		}
		first, err := json.Marshal(log)
		if err != nil {
			t.Fatalf("ReadLogJSON(%q) = %+v, which json.Marshal refuses: %v", data, log, err)
		}
		back, err := balance.ReadLogJSON(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("ReadLogJSON(%q) = %+v; json.Marshal gives %s, which ReadLogJSON refuses: %v", data, log, first, err)
		}
		if diff := cmp.Diff(log, back); diff != "" {
			t.Fatalf("ReadLogJSON(%q) read back mismatch (-first +back):\n%s", data, diff)
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatalf("json.Marshal(%+v): %v", back, err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("ReadLogJSON(%q): encodings differ:\nfirst  %s\nsecond %s", data, first, second)
		}
		fuzzCheckAudit(t, scheduled, ros, log)
		fuzzCheckReplan(t, scheduled, log)
	})
}

// privateNames returns a copy of s in which the first two people's names
// and organizations are private.
func privateNames(s *agenda.Session) *agenda.Session {
	c := *s
	c.People = slices.Clone(s.People)
	for i := range min(2, len(c.People)) {
		c.People[i].Private = []string{"name", "organization"}
	}
	return &c
}

// unattributed returns a copy of s that is not attributed.
func unattributed(s *agenda.Session) *agenda.Session {
	c := *s
	c.Attribution = "unattributed"
	return &c
}

// logWords returns the words of a name, as an oracle of how the audit
// compares a log's names with hidden ones.
func logWords(text string) string {
	return " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}), " ") + " "
}

// fuzzCheckAuditPrivacy checks that no problem of an audit shows a name or
// organization that the session's outputs may not show, and that every
// name not among the people that holds one is Hidden.
func fuzzCheckAuditPrivacy(t *testing.T, s *agenda.Session, a *balance.Audit) {
	t.Helper()
	var secrets []string
	for _, p := range s.People {
		if !s.Named() || slices.Contains(p.Private, "name") {
			secrets = append(secrets, p.Name)
		}
		if p.Organization != "" && (!s.Named() || slices.Contains(p.Private, "organization")) {
			secrets = append(secrets, p.Organization)
		}
	}
	for _, pa := range a.People {
		if pa.Known {
			continue
		}
		for _, sec := range secrets {
			if strings.TrimSpace(logWords(sec)) == "" {
				continue
			}
			if strings.Contains(logWords(pa.Name), logWords(sec)) && !pa.Hidden {
				t.Fatalf("the log's name %q holds the hidden %q, but is not Hidden", pa.Name, sec)
			}
		}
	}
	for _, p := range a.Problems {
		for _, sec := range secrets {
			if strings.TrimSpace(logWords(sec)) != "" && strings.Contains(logWords(p.Text), logWords(sec)) {
				t.Fatalf("problem %+v shows the hidden %q", p, sec)
			}
		}
	}
}

// interrupted is how much of speech e the closed pauses, points of order and
// interventions of log cover, each instant once: the oracle of what the
// audit takes off a speech, by a sweep over the instants where coverage
// changes.
func interrupted(log *balance.Log, e balance.Entry) time.Duration {
	type edge struct {
		at    time.Time
		delta int
	}
	var edges []edge
	for _, b := range log.Entries {
		if b.Speech() || b.End.IsZero() || !b.End.After(b.Start) || !b.Start.Before(e.End) || !b.End.After(e.Start) {
			continue
		}
		from, to := b.Start, b.End
		if from.Before(e.Start) {
			from = e.Start
		}
		if to.After(e.End) {
			to = e.End
		}
		edges = append(edges, edge{from, +1}, edge{to, -1})
	}
	slices.SortFunc(edges, func(x, y edge) int { return x.at.Compare(y.at) })
	var covered time.Duration
	depth := 0
	for i, ed := range edges {
		if depth > 0 {
			covered += ed.at.Sub(edges[i-1].at)
		}
		depth += ed.delta
	}
	return covered
}
