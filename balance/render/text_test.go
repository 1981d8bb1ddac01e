package render_test

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

// TestTextAuditPrivacy checks the problems TextAudit lists under an audit.
// A log problem's text names people as the log spells them; FuzzRender
// found it written as it was in documents that show no names, for an
// unknown name and for the people a turn overlaps.
func TestTextAuditPrivacy(t *testing.T) {
	// A log of the panel: Mere Walker in capitals overlapping Sione Tupou,
	// a stranger, and a rapporteur, who speaks in no speaking segment and
	// facilitates none.
	rapporteur := func(s *agenda.Session) *agenda.Session {
		s.People = append(s.People, formatPerson("Rae Porter", "", agenda.ModeOnsite, "Civil Society", "WEOG", "", agenda.RoleRapporteur))
		return s
	}
	panel := formatPanel()
	at := func(m int) time.Time { return panel.Slot.Start.Add(time.Duration(m) * time.Minute) }
	log := &balance.Log{Entries: []balance.Entry{
		{Name: "Sione Tupou", Start: at(6), End: at(15)},
		{Name: "MERE  WALKER", Start: at(14), End: at(20)},
		{Name: "Xavier Stranger", Start: at(20), End: at(22)},
		{Name: "rae porter", Start: at(22), End: at(23)},
	}}
	redacted := formatDocument(t, rapporteur(formatPanel()))
	redacted.Redact = true
	for _, tc := range []struct {
		name         string
		doc          *render.Document
		hidden, show []string
	}{
		{"unattributed", formatDocument(t, rapporteur(formatUnattributed())),
			[]string{"Sione", "Tupou", "Walker", "Xavier", "Stranger", "Moreno", "Porter"},
			[]string{"the turn overlaps an earlier one", "the name is not among the session's people", "the person speaks in no speaking segment"}},
		{"redacted", redacted,
			[]string{"Sione", "Tupou", "Walker", "Xavier", "Stranger", "Moreno", "Porter"},
			[]string{"the turn overlaps an earlier one", "the name is not among the session's people"}},
		{"private name", formatDocument(t, rapporteur(formatPrivateFields())),
			[]string{"Walker"},
			// The problems that name nobody private keep their words; the
			// private speaker is "person 3".
			[]string{"person 3 (09:14:00–09:20:00) overlaps Sione Tupou", `"Xavier Stranger" is not among the session's people`, "Rae Porter speaks 1m"}},
		{"named", formatDocument(t, rapporteur(formatPanel())),
			nil,
			// The log's spelling is the person of the roster.
			[]string{"Mere Walker (09:14:00–09:20:00) overlaps Sione Tupou", `"Xavier Stranger" is not among the session's people`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.doc.Session()
			a, err := balance.AuditLog(s, tc.doc.RunOfShow, formatPolicy, log)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			d := *tc.doc
			d.Audit = a
			if err := render.Text(&buf, &d); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			_, problems, _ := strings.Cut(out, "Problems in the log")
			lower := strings.ToLower(out)
			for _, h := range tc.hidden {
				if i := strings.Index(lower, strings.ToLower(h)); i >= 0 {
					t.Errorf("shows %q: …%s…", h, out[max(0, i-80):min(len(out), i+80)])
				}
			}
			for _, w := range tc.show {
				if !strings.Contains(strings.Join(strings.Fields(problems), " "), strings.Join(strings.Fields(w), " ")) {
					t.Errorf("the problems lack %q:\n%s", w, problems)
				}
			}
		})
	}
}

// TestFallBackRanges renders a session over the hour that Zurich's clocks
// repeat when summer time ends: "Closing 01:55–01:00" read as ending before
// it starts (issue 13). A clock range across the change names the zone of
// each end, "02:59 CEST–02:30 CET"; every other range ends after it starts.
func TestFallBackRanges(t *testing.T) {
	d := formatDocument(t, icsFallBack(t))
	bare := regexp.MustCompile(`(\d{1,2}:\d\d(?::\d\d)?)–(\d{1,2}:\d\d(?::\d\d)?)`)
	zoned := regexp.MustCompile(`\d{1,2}:\d\d(?::\d\d)? CEST–\d{1,2}:\d\d(?::\d\d)? CET`)
	clock := func(s string) string { // "2:05" → "02:05:00", so that strings compare as times
		if len(s) < 5 || s[2] != ':' {
			s = "0" + s
		}
		if len(s) == 5 {
			s += ":00"
		}
		return s
	}
	for _, r := range []struct {
		name   string
		render func(io.Writer, *render.Document) error
	}{{"text", render.Text}, {"markdown", render.Markdown}, {"html", render.HTML}, {"ics", render.ICS}} {
		var buf bytes.Buffer
		if err := r.render(&buf, d); err != nil {
			t.Fatal(err)
		}
		out := strings.ReplaceAll(buf.String(), "\r\n ", "") // unfold the ICS
		if !zoned.MatchString(out) {
			t.Errorf("%s has no range across the change that names both zones", r.name)
		}
		for _, m := range bare.FindAllStringSubmatch(zoned.ReplaceAllString(out, ""), -1) {
			if clock(m[2]) < clock(m[1]) {
				t.Errorf("%s: %s reads as ending before it starts", r.name, m[0])
			}
		}
	}
}

// TestTextAuditLines checks that the problems of a log read from a CSV
// file are numbered by the file's lines, where the organizer will look,
// and those of a log built otherwise by their place in it.
func TestTextAuditLines(t *testing.T) {
	doc := errorsDocument(t)
	s := doc.RunOfShow.Session
	for _, tc := range []struct {
		name string
		log  func() (*balance.Log, error)
		want string
	}{
		{"CSV", func() (*balance.Log, error) {
			return balance.ReadLogCSV(strings.NewReader("# timekeeper\nname;start;end\nAnna Berg;06:15;06:25\n\n# then\nSomeone;06:25;06:30\n"), s)
		}, "  - line 6, unknown name:"},
		{"JSON", func() (*balance.Log, error) {
			return balance.ReadLogJSON(strings.NewReader(`{"entries": [{"name": "Anna Berg", "start": "2023-10-10T06:15:00Z", "end": "2023-10-10T06:25:00Z"},
				{"name": "Someone", "start": "2023-10-10T06:25:00Z", "end": "2023-10-10T06:30:00Z"}]}`))
		}, "  - entry 2, unknown name:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log, err := tc.log()
			if err != nil {
				t.Fatal(err)
			}
			a, err := balance.AuditLog(s, doc.RunOfShow, balance.Policy{}, log)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			d := *doc
			d.Audit = a
			if err := render.Text(&buf, &d); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("the audit lacks %q:\n%s", tc.want, buf.String())
			}
		})
	}
}

// TestTextWideNames checks that the text's tables and turns line up as a
// terminal shows them when names are written in CJK characters, which take
// two columns each: issue 15 found them aligned by runes, one column too
// few for each character.
func TestTextWideNames(t *testing.T) {
	s := formatPanel()
	rename(s, "Sione Tupou", "山田太郎")
	rename(s, "Mere Walker", "김민준")
	rename(s, "Droz Serge", "Zoë Droz")
	s.People[4].Organization = "ＫＤＤＩ" // full-width letters
	var buf bytes.Buffer
	if err := render.Text(&buf, formatDocument(t, s)); err != nil {
		t.Fatal(err)
	}
	// columns counts the columns of a terminal as an oracle apart from the
	// renderer's: two for Han, kana, Hangul and full-width forms, none for a
	// combining mark.
	columns := func(s string) int {
		n := 0
		for _, r := range s {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF01 && r <= 0xFF60):
				n += 2
			case unicode.Is(unicode.Mn, r):
			default:
				n++
			}
		}
		return n
	}
	lines := strings.Split(buf.String(), "\n")
	table := func(heading string) []string {
		for i, l := range lines {
			if strings.HasPrefix(l, heading) {
				var rows []string
				for _, r := range lines[i+1:] {
					if !strings.HasPrefix(r, "  ") {
						break
					}
					rows = append(rows, r)
				}
				return rows
			}
		}
		t.Fatalf("no %q in\n%s", heading, buf.String())
		return nil
	}
	// Each column of a table starts at the same column of the terminal
	// on every row: where the header's label starts, a cell starts after
	// two spaces.
	for heading, labels := range map[string][]string{
		"People":        {"roles", "stakeholder", "region", "mode", "organization"},
		"Speaking time": {"time", "fair share"},
	} {
		rows := table(heading)
		for _, label := range labels {
			at := columns(rows[0][:strings.Index(rows[0], label)])
			for _, row := range rows[1:] {
				cut := 0 // the byte where the terminal's column at starts
				for cut < len(row) && columns(row[:cut]) < at {
					_, size := utf8.DecodeRuneInString(row[cut:])
					cut += size
				}
				if columns(row[:cut]) != at || row[cut-2:cut] != "  " || (cut < len(row) && row[cut] == ' ') {
					t.Errorf("%s: column %q does not start at column %d in\n%s\n%s", heading, label, at, rows[0], row)
				}
			}
		}
	}
	// The lengths of the turns end in the same column.
	var ends []int
	for _, l := range lines {
		if strings.Contains(l, "山田太郎 (online)") || strings.Contains(l, "김민준 (onsite)") || strings.Contains(l, "Zoë Droz (onsite)") {
			if strings.HasPrefix(strings.TrimSpace(l), "0") {
				ends = append(ends, columns(l))
			}
		}
	}
	if len(ends) < 3 || slices.Min(ends) != slices.Max(ends) {
		t.Errorf("the turns of wide names end in columns %v, want one", ends)
	}
	// The title's underline is as wide as the title.
	s.Title = "太平洋のデータガバナンス"
	buf.Reset()
	if err := render.Text(&buf, formatDocument(t, s)); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(buf.String(), "\n"); columns(lines[1]) != columns(lines[0]) {
		t.Errorf("underline %q under %q", lines[1], lines[0])
	}
}

// TestTextReplanUnscheduled checks that the re-plan of a session without a
// start time, whose start is the zero time, is written as a re-plan and not
// as a run-of-show: Replanned marks it, not its start.
func TestTextReplanUnscheduled(t *testing.T) {
	s := roundtable()
	s.Slot.Start = time.Time{}
	d := document(t, s)
	d.Report, d.Replanned = nil, s
	var buf bytes.Buffer
	if err := render.Text(&buf, d); err != nil {
		t.Fatal(err)
	}
	if want := "Re-plan from 0:00, counting what was said before\n"; !strings.HasPrefix(buf.String(), want) {
		t.Errorf("the re-plan begins %q, want %q", strings.SplitAfter(buf.String(), "\n")[0], want)
	}
}

// TestTextReplanOverFairShare checks how a re-plan shows a speaker who has
// already said more than their fair share of the whole session: what is
// left of it is none, and by how much they are over, not a negative
// length, under a heading that says it is what is left.
func TestTextReplanOverFairShare(t *testing.T) {
	s := roundtable()
	at := func(m int) time.Time { return s.Slot.Start.Add(time.Duration(m) * time.Minute) }
	// Droz Serge speaks 9m of question A, beyond his 7m47s of the whole
	// (54m30s among seven), as the plan of the whole has it.
	log := &balance.Log{Entries: []balance.Entry{{Name: "Droz Serge", Start: at(11), End: at(20)}}}
	out := replanText(t, s, log, at(20))
	for _, want := range []string{"fair share left\n", "none, 1m13s over\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the re-plan lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, " -") {
		t.Errorf("the re-plan shows a negative length:\n%s", out)
	}
}

// TestFindingTextShown checks that a finding quoting a segment's title, as
// the plan's finding of speakers without time does, shows it as every
// format shows a session's text: a bidirectional override or a terminal
// escape in the title does not reach the text or Markdown output.
func TestFindingTextShown(t *testing.T) {
	s := formatPanel()
	s.Segments[1].Title = "Panel \u202eevil\x1b[31m"
	s.Segments[1].Length = time.Minute + 30*time.Second // three speakers in steps of 30s, after the intro and a hand-over
	s.Segments[2].Length += 28*time.Minute + 30*time.Second
	d := formatDocument(t, s)
	if !slices.ContainsFunc(d.Report.Findings, func(f balance.Finding) bool { return f.Kind == "no time" }) {
		t.Fatalf("no finding of speakers without time to show: %+v", d.Report.Findings)
	}
	for name, write := range map[string]func(io.Writer, *render.Document) error{"text": render.Text, "markdown": render.Markdown} {
		var buf bytes.Buffer
		if err := write(&buf, d); err != nil {
			t.Fatal(err)
		}
		if out := buf.String(); strings.ContainsAny(out, "\u202e\x1b") {
			t.Errorf("the %s output holds the title's override or escape", name)
		}
	}
}

// TestTextReplanHeadingSeconds checks that a re-plan from a moment with
// seconds says the seconds, where "Re-plan from 10:20" stood for 10:20:30.
func TestTextReplanHeadingSeconds(t *testing.T) {
	s := roundtable()
	out := replanText(t, s, &balance.Log{}, s.Slot.Start.Add(20*time.Minute+30*time.Second))
	if want := "Re-plan from 10:20:30, counting what was said before\n"; !strings.HasPrefix(out, want) {
		t.Errorf("the re-plan begins %q, want %q", strings.SplitAfter(out, "\n")[0], want)
	}
}

// replanText re-plans s at at, given log, under the hybrid promise, and
// returns the text of the rest.
func replanText(t *testing.T, s *agenda.Session, log *balance.Log, at time.Time) string {
	t.Helper()
	d := document(t, s)
	ros, al, err := balance.Replan(s, balance.HybridPromise(), log, at)
	if err != nil {
		t.Fatal(err)
	}
	d.RunOfShow, d.Allocation, d.Report, d.Replanned = ros, al, nil, s
	var buf bytes.Buffer
	if err := render.Text(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
