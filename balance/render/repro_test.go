package render_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

// The sessions in testdata/repro are the inputs that broke the renderers
// in the attack run of issue 13, one a file, as the README lists
// them. They are decoded and planned, not validated: validation refuses
// some of them (control characters, years past 9999), but a program can
// render a session it never validated, and no renderer may then write a
// malformed file, hang or panic.

// reproSession decodes testdata/repro/name.
func reproSession(t testing.TB, name string) *agenda.Session {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "repro", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := agenda.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Decode %s: %v", name, err)
	}
	return s
}

// reproDocument plans the session of testdata/repro/name under the
// examples' policy, as runofshow does, without validating it.
func reproDocument(t testing.TB, name string) *render.Document {
	t.Helper()
	s := reproSession(t, name)
	ros, al, err := balance.Plan(s, formatPolicy)
	if err != nil {
		t.Fatalf("Plan %s: %v", name, err)
	}
	report, err := balance.PlanReport(ros, formatPolicy)
	if err != nil {
		t.Fatalf("PlanReport %s: %v", name, err)
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}
}

// allRenderers are every format of a run-of-show, PNG included.
var allRenderers = []struct {
	name   string
	render func(io.Writer, *render.Document) error
}{
	{"text", render.Text}, {"markdown", render.Markdown}, {"html", render.HTML}, {"csv", render.CSV},
	{"json", render.JSON}, {"ics", icsStamped}, {"svg", render.SVG}, {"png", render.PNG},
}

// renderOne renders d in format with run and returns the output, failing
// the test on an error (a calendar of an unscheduled session is none). How
// long it takes is measured by BenchmarkRenderLimits, not here.
func renderOne(t *testing.T, format string, run func(io.Writer, *render.Document) error, d *render.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := run(&buf, d)
	if format == "ics" && !d.Slot().Scheduled() && errors.Is(err, render.ErrNoCalendar) {
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// xmlCheck fails unless out is well-formed XML, read to its end.
func xmlCheck(t testing.TB, format string, out []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", format, err)
		}
	}
}

// TestReproLongSlot renders a session whose slot is 292 years long
// (05_long_slot_svg_png.json): the charts took 30 s and 680 MB for the SVG,
// 66 s for the PNG, and the HTML never finished, from one mark of the time
// axis every four hours. The class: the SVG of any slot length is about the
// size of a one-hour slot's.
func TestReproLongSlot(t *testing.T) {
	d := reproDocument(t, "05_long_slot_svg_png.json")
	for _, r := range allRenderers {
		out := renderOne(t, r.name, r.render, d)
		if r.name == "svg" {
			xmlCheck(t, "SVG", out)
		}
	}
	base := 0
	for _, length := range []time.Duration{2 * time.Hour, 30 * time.Hour, 1000 * time.Hour, 100000 * time.Hour, 2562046 * time.Hour} {
		s := reproSession(t, "05_long_slot_svg_png.json")
		s.Segments[1].Length = length
		s.Slot.Length = length + time.Hour
		ros, al, err := balance.Plan(s, formatPolicy)
		if err != nil {
			t.Fatal(err)
		}
		svg := renderOne(t, "svg", render.SVG, &render.Document{RunOfShow: ros, Allocation: al})
		if base == 0 {
			base = len(svg)
		}
		if len(svg) > 2*base {
			t.Errorf("the SVG of a %v slot is %d bytes, of a 3h slot %d", length, len(svg), base)
		}
	}
}

// TestReproLongTitle renders a session whose title is 10,000 characters
// (06_long_title_svg.json), which took 24 s in SVG and PNG when a chart's
// label was trimmed one letter at a time, and the class: a title of almost
// 4 MiB, the most a session can hold, in every format.
func TestReproLongTitle(t *testing.T) {
	d := reproDocument(t, "06_long_title_svg.json")
	for _, r := range allRenderers {
		renderOne(t, r.name, r.render, d)
	}
	s := reproSession(t, "06_long_title_svg.json")
	s.Title = strings.Repeat("T", agenda.MaxBytes-20000)
	for i := range s.Segments {
		s.Segments[i].Title = strings.Repeat("S", 2000)
	}
	ros, al, err := balance.Plan(s, formatPolicy)
	if err != nil {
		t.Fatal(err)
	}
	huge := &render.Document{RunOfShow: ros, Allocation: al}
	for _, r := range allRenderers {
		out := renderOne(t, r.name, r.render, huge)
		if len(out) > 1<<20 {
			t.Errorf("%s writes %d bytes for a title of 4 MiB: more than 1 MiB", r.name, len(out))
		}
	}
}

// reproControl reports whether r is a character no output may hold: a C0
// control but the line break (and the tab and CR, where a format allows
// them: ics, csv), DEL, a C1 control, a noncharacter, or a bidirectional
// embedding, override or isolate.
func reproControl(format string, r rune) bool {
	switch {
	case r == '\n':
		return false
	case r == '\r' && format == "ics": // its lines end in CR LF
		return false
	case r == '\t' && (format == "svg" || format == "html"): // between attributes
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true
	}
	return false
}

// reproCheckControls fails if the output of a format holds a character of
// reproControl or bytes that are not UTF-8.
func reproCheckControls(t testing.TB, format string, out []byte) {
	t.Helper()
	for i, r := range string(out) {
		if r == '\uFFFD' && !strings.HasPrefix(string(out[i:]), "\uFFFD") {
			t.Fatalf("%s holds bytes that are not UTF-8 at %d: …%q…", format, i, out[max(0, i-40):min(len(out), i+40)])
		}
		if reproControl(format, r) {
			t.Fatalf("%s holds %U at %d: …%q…", format, r, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

// TestReproControlCharacters renders a session with a BEL in a name
// (07_svg_control_char.json), which made the SVG malformed, and the class:
// every character that shown replaces, in every text the session holds.
// The SVG must be well-formed XML, no format may hold such a character,
// and every format shows the name alike, with U+FFFD where the BEL was.
func TestReproControlCharacters(t *testing.T) {
	d := reproDocument(t, "07_svg_control_char.json")
	outs := map[string][]byte{}
	for _, r := range allRenderers {
		outs[r.name] = renderOne(t, r.name, r.render, d)
	}
	xmlCheck(t, "SVG", outs["svg"])
	for _, format := range []string{"text", "markdown", "html", "csv", "json", "ics", "svg"} {
		reproCheckControls(t, format, outs[format])
		if !bytes.Contains(outs[format], []byte("Zeta A\uFFFDB")) {
			t.Errorf("%s does not show the name as Zeta A\uFFFDB", format)
		}
		for _, private := range []string{"Privnametok", "OrgPrivtokDelta", "Countrytok", "gendertokprivate"} {
			if bytes.Contains(bytes.ToLower(outs[format]), bytes.ToLower([]byte(private))) {
				t.Errorf("%s shows the private %q", format, private)
			}
		}
	}

	for _, bad := range []string{"\x00", "\x07", "\x1b[2J", "\x7f", "\u0085", "\u009b", "\uFFFE", "\uFFFF", "\U0010FFFF", "\uFDD0", "\u202e", "\u2066", "\xff", "\xed\xa0\x80", "\r", "\n", "]]>", "<!--"} {
		s := reproSession(t, "07_svg_control_char.json")
		s.Title += bad
		s.Room += bad
		s.Questions[0].Text += bad
		s.Segments[1].Title += bad
		s.Segments[2].Track, s.Segments[3].Track = "Track"+bad, "Track"+bad
		s.Deadlines[0].What += bad
		for i := range s.People {
			s.People[i].Organization += bad
			s.People[i].Gender += bad
		}
		rename(s, "Epsilon Plain", "Epsilon"+bad+"Plain")
		ros, al, err := balance.Plan(s, formatPolicy)
		if err != nil {
			t.Fatal(err)
		}
		report, err := balance.PlanReport(ros, formatPolicy)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []*render.Document{{RunOfShow: ros, Allocation: al, Report: report}, {Draft: s}} {
			for _, r := range allRenderers {
				if r.name == "png" {
					continue
				}
				out := renderOne(t, r.name, r.render, d)
				reproCheckControls(t, r.name, out)
				if r.name == "svg" {
					xmlCheck(t, "SVG of "+strings.ToValidUTF8(bad, "?"), out)
				}
			}
		}
	}
}

// TestReproInjection renders the session whose names, organizations,
// titles, room, questions and deadlines hold line breaks, carriage
// returns, terminal escapes, bidirectional overrides and markup
// (08_text_forged_turn.json, 10_injection_suite.json) in every format: no
// output holds a control character but the line break (and CR LF in ICS),
// and the text shows each turn on one line, so a name cannot forge one.
func TestReproInjection(t *testing.T) {
	d := reproDocument(t, "08_text_forged_turn.json")
	var buf bytes.Buffer
	if err := render.Text(&buf, d); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "Mallory") && !strings.Contains(line, "Eve") {
			t.Errorf("a name forges a line of its own: %q", line)
		}
	}

	d = reproDocument(t, "10_injection_suite.json")
	turns := 0
	for _, seg := range d.RunOfShow.Segments {
		for _, turn := range seg.Turns {
			if turn.Kind != "activity" {
				turns++
			}
		}
	}
	for _, r := range allRenderers {
		out := renderOne(t, r.name, r.render, d)
		if r.name == "png" {
			continue
		}
		reproCheckControls(t, r.name, out)
		switch r.name {
		case "svg":
			xmlCheck(t, "SVG", out)
		case "text":
			// Every turn is one line with its clock times, and no other line
			// starts with a clock range of seconds.
			n := 0
			for _, line := range strings.Split(string(out), "\n") {
				if reproTurnLine.MatchString(line) {
					n++
				}
			}
			if n != turns {
				t.Errorf("text shows %d lines of turns, want %d:\n%s", n, turns, out)
			}
		case "csv":
			want := 1 // the header, then a record a turn and, for an activity, a leader
			for _, r := range d.Rows() {
				want += max(1, len(r.Leaders))
			}
			if records := csvRead(t, out); len(records) != want {
				t.Errorf("CSV reads %d records, want %d", len(records), want)
			}
		case "markdown":
			for _, line := range strings.Split(string(out), "\n") {
				if strings.HasPrefix(line, "|") && len(mdCells(line)) != 7 && len(mdCells(line)) != 6 && len(mdCells(line)) != 4 && len(mdCells(line)) != 5 && len(mdCells(line)) != 3 {
					t.Errorf("table row with %d cells: %s", len(mdCells(line)), line)
				}
			}
		}
	}
}

// reproTurnLine matches a line of the text that shows a turn.
var reproTurnLine = regexp.MustCompile(`^ {15}\d{1,2}:\d\d:\d\d–\d{1,2}:\d\d:\d\d `)

// TestReproYear10000 renders a session that ends in year 10000
// (09_year10000_json_ics.json): JSON failed with "year outside of range" and
// the ICS wrote DTEND:100000101T003000Z. Every renderer now refuses it with
// a *render.TimeError naming the field, before writing anything; and so for
// the class: a time past 9999 in the document's zone only, a deadline, a
// year before 0, a draft whose segments run past its slot.
func TestReproYear10000(t *testing.T) {
	d := reproDocument(t, "09_year10000_json_ics.json")
	late := reproSession(t, "09_year10000_json_ics.json")
	late.Slot.Start = time.Date(9999, 12, 31, 9, 0, 0, 0, time.UTC)
	kiritimati, err := time.LoadLocation("Pacific/Kiritimati") // UTC+14
	if err != nil {
		t.Fatal(err)
	}
	deadline := reproSession(t, "09_year10000_json_ics.json")
	deadline.Slot.Start = time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	deadline.Deadlines = []agenda.Deadline{{What: "takeaways", Due: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}
	early := reproSession(t, "09_year10000_json_ics.json")
	early.Slot.Start = time.Date(-1, 12, 31, 23, 30, 0, 0, time.UTC)
	over := reproSession(t, "09_year10000_json_ics.json")
	over.Slot.Start, over.Slot.Length = time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), 30*time.Minute
	for _, tt := range []struct {
		name  string
		doc   *render.Document
		field string
	}{
		{"repro", d, "slot.end"},
		{"draft", &render.Document{Draft: d.Session()}, "slot.end"},
		{"in the document's zone", &render.Document{Draft: late, Location: kiritimati}, "slot.end"},
		{"deadline", &render.Document{Draft: deadline}, "deadlines[0].due"},
		{"before year 0", &render.Document{Draft: early}, "slot.start"},
		{"segments past the slot", &render.Document{Draft: over}, "segments[1].end"},
	} {
		for _, r := range allRenderers {
			t.Run(tt.name+"/"+r.name, func(t *testing.T) {
				var buf bytes.Buffer
				err := r.render(&buf, tt.doc)
				var te *render.TimeError
				if !errors.As(err, &te) || te.Field != tt.field || !strings.Contains(err.Error(), tt.field) {
					t.Fatalf("%s = %v, want a *render.TimeError of %s", r.name, err, tt.field)
				}
				if buf.Len() > 0 {
					t.Errorf("%s wrote %d bytes with its error", r.name, buf.Len())
				}
			})
		}
	}
}

// TestReproNotFinite draws the charts of a report built by hand whose
// shares, targets, evenness and gap are +Inf, -Inf or NaN: the PNG did not
// return within 20 s. Every format returns promptly; the charts draw the
// bar at the axis's end, or none, and the JSON refuses the number.
func TestReproNotFinite(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e300} {
		d := formatDocument(t, formatPanel())
		d.Allocation = nil // the groups come from the report
		report := *d.Report
		report.Dimensions = slices.Clone(report.Dimensions)
		for i := range report.Dimensions {
			dim := &report.Dimensions[i]
			dim.Evenness, dim.Gap = v, v
			dim.Groups = slices.Clone(dim.Groups)
			for k := range dim.Groups {
				dim.Groups[k].Share, dim.Groups[k].Target = v, v
			}
		}
		d.Report = &report
		for _, r := range allRenderers {
			var buf bytes.Buffer
			err := r.render(&buf, d) // a renderer that looped on v would end at the test's timeout
			switch {
			case r.name == "json" && (math.IsInf(v, 0) || math.IsNaN(v)):
				var uve *json.UnsupportedValueError
				if !errors.As(err, &uve) {
					t.Errorf("JSON of a report holding %v: %v, want a *json.UnsupportedValueError", v, err)
				}
			case err != nil:
				t.Errorf("%s of a report holding %v: %v", r.name, v, err)
			case r.name == "svg":
				xmlCheck(t, "SVG", buf.Bytes())
			}
		}
	}
}
