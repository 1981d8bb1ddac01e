package render_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

// FuzzRender builds a valid session from the fuzzer's bytes (formats,
// attribution, people with random groups, modes, zones and private fields,
// segments on parallel tracks or not, a slot on a day clocks change or
// none), then may make it one that validation refuses but a program can
// still render (see fuzzHostile: control characters, line breaks, terminal
// escapes, bidirectional overrides, noncharacters and bytes that are not
// UTF-8 in every text; or a slot that ends in year 10000), plans it under
// the examples' policy, and renders every format, named and redacted, in
// the slot's zone and another: the plan, the plan without its allocation,
// the draft, the audit of a log of the plan and the re-plan of its second
// half. No renderer may fail on any of them, but ICS on a session that is
// not scheduled, with ErrNoCalendar, and every renderer on a session that
// ends past year 9999, with a *render.TimeError and nothing written. The
// SVG must be well-formed XML, read to its end; no output may hold a
// control character but its line breaks (CR LF in ICS, and tabs between an
// SVG's attributes), so that no value can forge a line of the text, nor a
// noncharacter, a bidirectional override or bytes that are not UTF-8. No
// output, and no error, may show a private field's value, nor, when the
// session is not attributed or the document redacted, anyone's name or
// organization, or a name the log gives that is nobody's; searched as
// written and with each format's escapes and folds taken out, and by the
// first five characters of each value, which a chart that shortens a long
// text would keep.
//
// PNG draws pixels, a hundred times slower than the rest: it is drawn for
// one input in 64, chosen by a checksum of the bytes so that the fuzzer,
// which favours inputs that reach new code, does not learn to draw it for
// most; that is enough to find a failure that depends only on the layout
// the SVG shares.
func FuzzRender(f *testing.F) {
	for _, seed := range [][]byte{
		nil, // a hybrid, scheduled session with one speaker, all choices 0
		{0, 0, 0, 3, 0, 0, 0, 0, 1, 2, 3, 4, 0x7f, 1, 1, 0, 0, 0, 0, 0, 1},
		{1, 2, 1, 5, 1, 1, 2, 3, 0xff, 4, 5, 6, 7, 8, 9, 3, 2, 1, 0, 1},
		{2, 1, 2, 7, 2, 3, 1, 4, 0x55, 1, 2, 2, 0, 3, 1, 2, 1, 4, 4, 0, 1, 3, 2},
		[]byte("the quick brown fox jumps over the lazy dog; 01:30 Europe/Zurich"),
		bytes.Repeat([]byte{1, 7, 3}, 40),
	} {
		f.Add(seed)
	}
	f.Fuzz(fuzzRenderOne)
}

// fuzzRenderOne is one run of FuzzRender, on the fuzzer's bytes.
func fuzzRenderOne(t *testing.T, data []byte) {
	pk := &fuzzPicker{data: data}
	s, unknown := fuzzSession(pk)
	if err := s.Validate(); err != nil {
		t.Fatalf("the generated session is not valid: %v", err)
	}
	// What validation refuses, or may, a program can still render.
	late := fuzzHostile(pk, s)
	withPNG := crc32.ChecksumIEEE(data)%64 == 0

	var docs []*render.Document
	draft, err := balance.DraftReport(s, formatPolicy)
	if err != nil {
		t.Fatalf("DraftReport: %v", err)
	}
	docs = append(docs, &render.Document{Draft: s, Report: draft})
	ros, al, err := balance.Plan(s, formatPolicy)
	switch {
	case errors.Is(err, balance.ErrInfeasible):
	case err != nil:
		t.Fatalf("Plan of a valid session: %v, want a plan or an *InfeasibleError", err)
	default:
		report, err := balance.PlanReport(ros, formatPolicy)
		if err != nil {
			t.Fatalf("PlanReport: %v", err)
		}
		docs = append(docs, &render.Document{RunOfShow: ros, Allocation: al, Report: report})
		if pk.intn(4) == 0 {
			docs = append(docs, &render.Document{RunOfShow: ros, Report: report})
		}
	}
	loc := []*time.Location{nil, fuzzLoad(t, "Europe/Paris"), fuzzLoad(t, "America/New_York"), time.FixedZone("", -(9*60+30)*60)}[pk.intn(4)]
	for _, base := range docs {
		for _, redact := range []bool{false, true} {
			d := *base
			d.Redact, d.Location = redact, loc
			fuzzRenderAll(t, &d, withPNG, late)
			withPNG = false
			if ros != nil && d.RunOfShow != nil && d.Allocation != nil && !late {
				fuzzAuditAndReplan(t, &d, unknown)
			}
		}
	}
}

// FuzzRenderDraft renders whatever agenda.Decode reads as a draft, valid or
// not, in every format, as runofshow prints a draft with the problems
// Validate finds under it: no renderer may panic, and for a valid session
// none may fail, but ICS on a session that is not scheduled, with
// ErrNoCalendar, and any on a time past year 9999, with a
// *render.TimeError. What a renderer writes is checked as FuzzRender checks
// it (see fuzzCheckOutput): the SVG well-formed, no control characters. A
// valid session that plans is rendered planned as well. The corpus holds
// the repro files of issue 13 (testdata/repro).
func FuzzRenderDraft(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []*agenda.Session{formatPanel(), formatBreakouts(), formatPrivateFields(), formatUnattributed(), formatInjection()} {
		data, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"hybrid","slot":{"start":"2023-10-29T01:30:00+02:00","zone":"Europe/Paris","length":"2h"},"people":[{"name":"A","roles":["speaker"],"zone":"Mars/Olympus"}],` +
		`"segments":[{"title":"x","kind":"discussion","length":"3h","speakers":["A","B"],"facilitators":["C"],"questions":["Q"],"track":"1"},{"title":"","kind":"poll","length":"-1m","track":"2"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := agenda.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		valid := onlyText(s.Validate())
		docs := []*render.Document{{Draft: s}, {Draft: s, Redact: true}}
		if valid {
			if ros, al, err := balance.Plan(s, formatPolicy); err == nil {
				report, err := balance.PlanReport(ros, formatPolicy)
				if err != nil {
					t.Fatalf("PlanReport: %v", err)
				}
				docs = append(docs, &render.Document{RunOfShow: ros, Allocation: al, Report: report})
			}
		}
		for _, d := range docs {
			for _, r := range []struct {
				name   string
				render func(io.Writer, *render.Document) error
			}{
				{"Text", render.Text}, {"Markdown", render.Markdown}, {"HTML", render.HTML}, {"CSV", render.CSV},
				{"JSON", render.JSON}, {"ICS", render.ICS}, {"SVG", render.SVG},
			} {
				var buf bytes.Buffer
				err := r.render(&buf, d)
				var te *render.TimeError
				if err == nil {
					fuzzCheckOutput(t, r.name, buf.Bytes())
				}
				switch {
				case !valid, errors.As(err, &te): // validation refuses a year past 9999, or will
				case r.name == "ICS" && !d.Slot().Scheduled():
					if !errors.Is(err, render.ErrNoCalendar) {
						t.Fatalf("ICS of a valid session that is not scheduled: %v, want ErrNoCalendar", err)
					}
				case err != nil:
					t.Fatalf("%s of a valid session: %v", r.name, err)
				}
			}
		}
	})
}

// fuzzPicker makes the choices of a fuzz test from its bytes: each choice
// takes one byte, and once they run out every choice is the first.
type fuzzPicker struct{ data []byte }

// intn returns a choice in [0, n).
func (p *fuzzPicker) intn(n int) int {
	if n <= 1 || len(p.data) == 0 {
		return 0
	}
	b := p.data[0]
	p.data = p.data[1:]
	return int(b) % n
}

// pick returns one of the choices.
func pick[T any](p *fuzzPicker, choices ...T) T { return choices[p.intn(len(choices))] }

func fuzzLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// The values of the fields a fuzzed session's people may keep private
// start with fuzzToken, a field letter and the person's index in two
// digits, so that the first five characters of each are its own.
const fuzzToken = "Zq"

// fuzzPersonZones are the zones people are in; no slot is in one of them,
// so that a zone in the output is a person's.
var fuzzPersonZones = []string{"Asia/Tokyo", "Africa/Dakar", "America/Lima", "Pacific/Tongatapu", "Asia/Kolkata"}

// fuzzSession builds a valid session from the picker's choices, and a
// name that is nobody's for the log to give.
func fuzzSession(pk *fuzzPicker) (*agenda.Session, string) {
	format := pick(pk, agenda.FormatHybrid, agenda.FormatOnsite, agenda.FormatOnline)
	s := &agenda.Session{
		Title:       "Session" + pick(pk, "", ` <b>bold</b> & "quoted"`, ": données – qui décide ?", "; =1+2"),
		Format:      format,
		Attribution: pick(pk, "", "named", "unattributed"),
		Room:        pick(pk, "", "Room 3", `WS 4 – Room B-1; "East", \ wing`),
	}
	modes := map[agenda.Format][]agenda.Mode{
		agenda.FormatHybrid: {agenda.ModeOnsite, agenda.ModeOnline},
		agenda.FormatOnsite: {agenda.ModeOnsite, ""},
		agenda.FormatOnline: {agenda.ModeOnline, ""},
	}[format]
	decor := []string{"", " Lee", " <i>x</i>", `, "Bobby" Jr.`, " @Next", " =SUM(A1)", " | *b* _i_", " ; \\ ,"}
	fields := []string{"name", "organization", "stakeholder", "region", "country", "gender", "zone"}
	person := func(roles ...agenda.Role) agenda.Person {
		i := len(s.People)
		p := agenda.Person{
			Name:        fmt.Sprintf("%sN%02d%s", fuzzToken, i, decor[pk.intn(len(decor))]),
			Roles:       roles,
			Stakeholder: pick[agenda.Stakeholder](pk, "", "Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"),
			Region:      pick[agenda.Region](pk, "", "African Group", "Asia-Pacific Group", "Eastern European Group", "GRULAC", "WEOG"),
			Mode:        modes[pk.intn(len(modes))],
			Gender:      pick(pk, "", "woman", "man", fmt.Sprintf("%sG%02d", fuzzToken, i)),
			Zone:        pick(pk, append([]string{""}, fuzzPersonZones...)...),
		}
		if pk.intn(3) > 0 {
			p.Organization = fmt.Sprintf("%sO%02d%s", fuzzToken, i, decor[pk.intn(len(decor))])
		}
		if pk.intn(2) == 0 {
			p.Country = fmt.Sprintf("%sC%02d", fuzzToken, i)
		}
		mask := pk.intn(256)
		if mask >= 128 { // half the people keep nothing private
			for k, f := range fields {
				if mask&(1<<k) != 0 {
					p.Private = append(p.Private, f)
				}
			}
		}
		s.People = append(s.People, p)
		return p
	}

	// Moderators first; in a hybrid session, one in the room and one online.
	var mods []string
	switch format {
	case agenda.FormatHybrid:
		m := person(agenda.RoleModerator)
		om := person(agenda.RoleOnlineModerator)
		mods = append(mods, m.Name, om.Name)
	default:
		m := person(pick(pk, agenda.RoleModerator, agenda.RoleFacilitator, agenda.RoleOnlineModerator))
		mods = append(mods, m.Name)
	}
	var speakers []string
	for i := range mods {
		if pk.intn(4) == 0 { // a moderator who also speaks
			s.People[i].Roles = append(s.People[i].Roles, agenda.RoleSpeaker)
		}
	}
	n := 1 + pk.intn(8)
	for range n {
		p := person(pick(pk, []agenda.Role{agenda.RoleSpeaker}, []agenda.Role{agenda.RoleOrganizer, agenda.RoleSpeaker})...)
		speakers = append(speakers, p.Name)
	}

	if pk.intn(2) == 0 {
		s.Questions = []agenda.Question{{ID: "A", Text: "Who holds the data?"}, {ID: "B", Text: "What is fair <here>?"}}
	}
	kinds := []agenda.SegmentKind{"discussion", "opening", "poll", "breakout", "plenary", "report-back", "closing"}
	// choose picks a non-empty subset of names, in order.
	choose := func(names []string) []string {
		var out []string
		mask := pk.intn(256)
		for k, name := range names {
			if mask&(1<<(k%8)) != 0 {
				out = append(out, name)
			}
		}
		if len(out) == 0 && len(names) > 0 {
			out = []string{names[0]} // not names[:1], which an append would write through
		}
		return out
	}
	segs := 1 + pk.intn(5)
	for k := 0; k < segs; k++ {
		seg := agenda.Segment{
			Title:  fmt.Sprintf("Segment %d%s", k+1, pick(pk, "", ": </td><script>x</script>", "; part 1, \\ with new line")),
			Kind:   pick(pk, kinds...),
			Length: time.Duration(5+5*pk.intn(8)) * time.Minute,
		}
		if len(s.Questions) > 0 && pk.intn(2) == 0 {
			seg.Questions = []string{pick(pk, "A", "B")}
		}
		if k+1 < segs && len(speakers) >= 2 && pk.intn(4) == 0 {
			// Two parallel tracks, their people apart.
			a := seg
			a.Track = "Room A"
			b := agenda.Segment{Title: fmt.Sprintf("Segment %d", k+2), Kind: agenda.SegmentKind("breakout"), Track: "Room B", Length: a.Length}
			a.Speakers = choose(speakers[:len(speakers)/2])
			b.Speakers = choose(speakers[len(speakers)/2:])
			a.Facilitators = mods[:1]
			b.Facilitators = mods[1:]
			s.Segments = append(s.Segments, a, b)
			k++
			continue
		}
		if pk.intn(3) > 0 {
			seg.Speakers = choose(speakers)
			if pk.intn(4) == 0 {
				for _, m := range mods {
					if p, _ := s.Roster().Person(m); slices.Contains(p.Roles, agenda.RoleSpeaker) {
						seg.Speakers = append(seg.Speakers, m)
					}
				}
			}
		}
		seg.Facilitators = choose(mods)
		s.Segments = append(s.Segments, seg)
	}

	// The slot: on an ordinary day, a day clocks change, the day Samoa
	// skipped, or not scheduled; as long as the segments, or a little more.
	if pk.intn(3) > 0 {
		zone := pick(pk, "UTC", "Europe/Zurich", "America/New_York", "Pacific/Apia", "Europe/Paris")
		loc, err := time.LoadLocation(zone)
		if err != nil {
			panic(err)
		}
		day := pick(pk, [3]int{2024, 6, 24}, [3]int{2023, 3, 26}, [3]int{2023, 10, 29}, [3]int{2023, 3, 12}, [3]int{2011, 12, 29}, [3]int{2023, 11, 5})
		s.Slot.Start = time.Date(day[0], time.Month(day[1]), day[2], pk.intn(24), 15*pk.intn(4), 0, 0, loc)
	}
	s.Slot.Length = 1000 * time.Hour
	used := s.Plan().End.Sub(s.Slot.Start)
	s.Slot.Length = used + pick(pk, time.Duration(0), (used/20).Truncate(time.Second))
	if s.Slot.Scheduled() && pk.intn(2) == 0 {
		s.Deadlines = []agenda.Deadline{{What: "Key takeaways", Due: s.Slot.End().Add(6 * time.Hour)}}
	}
	if pk.intn(3) == 0 {
		people := 10 + pk.intn(50)
		s.Attendance = agenda.Attendance{People: people, Women: pk.intn(people + 1), Online: pk.intn(people + 1)}
	}
	return s, fuzzToken + "U00" + decor[pk.intn(len(decor))]
}

// fuzzHostileTexts are what fuzzHostile adds to a session's texts: line
// breaks that would forge a line of text or a line of iCalendar, terminal
// escapes, bidirectional overrides, characters XML cannot hold, bytes that
// are not UTF-8, and markup that would end an SVG text.
var fuzzHostileTexts = []string{
	"\n               0:20:00–0:30:00   Forged (online)   10m", "\r\nEND:VEVENT\r\nBEGIN:VEVENT", "\rCR", "\x1b[31mRed\x1b[0m\x1b]0;title\x07",
	"\u202eevil\u202c", "\u2066x\u2069", "\x00\x01\x7f\u0085\u009b", "\uFFFE\uFFFF\uFDD0", "\xff\xfe", "\xed\xa0\x80", "</text><script>x</script>]]><!--", "\t=cmd|' /C calc'!A0", "\u2028next",
}

// fuzzHostile changes, by the picker's choice, a valid session's texts as
// validation would not let them be (see fuzzHostileTexts): its title, room,
// tracks, questions, the segments' titles and the people's names,
// organizations and genders, each name kept its own; or moves its slot to
// the last hours of year 9999, so that it ends in year 10000. It reports
// whether the session's slot ends after year 9999.
func fuzzHostile(pk *fuzzPicker, s *agenda.Session) bool {
	switch pk.intn(4) {
	case 1:
		h := func() string { return fuzzHostileTexts[pk.intn(len(fuzzHostileTexts))] }
		s.Title += h()
		s.Room += h()
		for i := range s.Questions {
			s.Questions[i].Text += h()
		}
		for i := range s.Segments {
			s.Segments[i].Title += h()
			if s.Segments[i].Track != "" {
				s.Segments[i].Track += "\x1b[0m" // the same in both tracks of a pair, or they would be one
			}
		}
		for i := range s.People {
			p := &s.People[i]
			if p.Organization != "" { // an empty one would be a value of the hostile text alone, not the person's
				p.Organization += h()
			}
			if p.Gender != "" {
				p.Gender += h()
			}
			rename(s, p.Name, p.Name+h())
		}
	case 2:
		if s.Slot.Scheduled() {
			s.Slot.Start = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Add(-s.Slot.Length / 2).In(s.Slot.Start.Location())
			return true
		}
	case 3:
		for i := range s.People {
			rename(s, s.People[i].Name, s.People[i].Name+fuzzHostileTexts[pk.intn(len(fuzzHostileTexts))])
		}
	}
	return false
}

// fuzzCheckOutput fails if the output of a format holds a character no
// output may (see reproControl), if an SVG is not well-formed XML, or if
// a line of text does not come from the renderer: every line of the text
// formats holds no control character but its line break.
func fuzzCheckOutput(t *testing.T, format string, out []byte) {
	t.Helper()
	reproCheckControls(t, strings.ToLower(format), out)
	if format == "SVG" {
		xmlCheck(t, "SVG", out)
	}
}

// fuzzRenderAll renders d in every format, and checks that none fails, but
// with a *render.TimeError for a session that ends past year 9999 (late),
// none writes what no format may hold (see fuzzCheckOutput), and none
// shows, in its output or its error, what it must not.
func fuzzRenderAll(t *testing.T, d *render.Document, withPNG, late bool) {
	t.Helper()
	hidden := fuzzHidden(d, d.Session(), "")
	for _, r := range []struct {
		name   string
		render func(*bytes.Buffer, *render.Document) error
		forms  func([]byte) []string // the output with its escapes and folds taken out
	}{
		{"Text", func(b *bytes.Buffer, d *render.Document) error { return render.Text(b, d) }, nil},
		{"Markdown", func(b *bytes.Buffer, d *render.Document) error { return render.Markdown(b, d) },
			func(out []byte) []string { return []string{mdUnescape(string(out))} }},
		{"HTML", func(b *bytes.Buffer, d *render.Document) error { return render.HTML(b, d) },
			func(out []byte) []string { return []string{html.UnescapeString(string(out))} }},
		{"CSV", func(b *bytes.Buffer, d *render.Document) error { return render.CSV(b, d) }, nil},
		{"JSON", func(b *bytes.Buffer, d *render.Document) error { return render.JSON(b, d) }, nil},
		{"ICS", func(b *bytes.Buffer, d *render.Document) error { return render.ICS(b, d) },
			func(out []byte) []string {
				unfolded := strings.Join(icsUnfold(out), "\n")
				return []string{unfolded, strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n").Replace(unfolded)}
			}},
		{"SVG", func(b *bytes.Buffer, d *render.Document) error { return render.SVG(b, d) },
			func(out []byte) []string { return []string{html.UnescapeString(string(out))} }},
	} {
		var buf bytes.Buffer
		err := r.render(&buf, d)
		if err != nil {
			fuzzCheckHidden(t, r.name+"'s error", err.Error(), hidden)
		}
		if late {
			var te *render.TimeError
			if !errors.As(err, &te) || buf.Len() > 0 {
				t.Fatalf("%s of a session that ends in year 10000: %v, %d bytes; want a *render.TimeError and nothing written", r.name, err, buf.Len())
			}
			continue
		}
		if r.name == "ICS" && !d.Slot().Scheduled() {
			if !errors.Is(err, render.ErrNoCalendar) {
				t.Fatalf("ICS of a session that is not scheduled: %v, want ErrNoCalendar", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		out := buf.Bytes()
		fuzzCheckOutput(t, r.name, out)
		forms := []string{string(out)}
		if r.forms != nil {
			forms = append(forms, r.forms(out)...)
		}
		for _, form := range forms {
			fuzzCheckHidden(t, r.name, form, hidden)
		}
		switch r.name {
		case "JSON":
			if _, err := render.DecodeJSON(bytes.NewReader(out)); err != nil {
				t.Fatalf("DecodeJSON of what JSON wrote: %v", err)
			}
		case "ICS":
			icsCheckLines(t, out)
			icsCheckTimezones(t, out)
		}
	}
	if withPNG {
		if err := render.PNG(new(bytes.Buffer), d); err != nil && !late {
			t.Fatalf("PNG: %v", err)
		}
	}
}

// fuzzAuditAndReplan audits a log of d's plan, with a turn by the name that
// is nobody's, and re-plans the second half of the session, and checks that
// their text shows nothing it must not.
func fuzzAuditAndReplan(t *testing.T, d *render.Document, unknown string) {
	t.Helper()
	s := d.Session()
	log := &balance.Log{}
	for _, seg := range d.RunOfShow.Segments {
		for _, turn := range seg.Turns {
			if turn.Kind == "speech" {
				log.Entries = append(log.Entries, balance.Entry{Name: strings.ToUpper(turn.Person), Start: turn.Start, End: turn.End.Add(20 * time.Second)})
			}
		}
	}
	if len(log.Entries) > 0 {
		last := log.Entries[len(log.Entries)-1]
		log.Entries = append(log.Entries, balance.Entry{Name: unknown, Start: last.Start, End: last.End})
	}
	a, err := balance.AuditLog(s, d.RunOfShow, formatPolicy, log)
	if err != nil {
		t.Fatalf("AuditLog of the plan's own log: %v", err)
	}
	var buf bytes.Buffer
	audited := *d
	audited.Audit = a
	if err := render.Text(&buf, &audited); err != nil {
		t.Fatalf("TextAudit: %v", err)
	}
	fuzzCheckOutput(t, "text", buf.Bytes())
	fuzzCheckHidden(t, "TextAudit", buf.String(), fuzzHidden(d, s, unknown))

	at := s.Slot.Start.Add(s.Slot.Length / 2).Truncate(time.Minute)
	if at.Before(s.Slot.Start) {
		at = s.Slot.Start
	}
	ros, al, err := balance.Replan(s, formatPolicy, log, at)
	switch {
	case errors.Is(err, balance.ErrInfeasible):
		return
	case err != nil:
		t.Fatalf("Replan at %v: %v", at, err)
	}
	rest := &render.Document{RunOfShow: ros, Allocation: al, Location: d.Location, Redact: d.Redact, Replanned: s}
	buf.Reset()
	if err := render.Text(&buf, rest); err != nil {
		t.Fatalf("TextReplan: %v", err)
	}
	fuzzCheckOutput(t, "text", buf.Bytes())
	fuzzCheckHidden(t, "TextReplan", buf.String(), fuzzHidden(rest, s, ""))
}

// fuzzHidden returns the values d must not show of the people of s: the
// private fields' values, and if d does not show names, every name and
// organization and the name unknown, which is nobody's.
func fuzzHidden(d *render.Document, s *agenda.Session, unknown string) []string {
	var hidden []string
	named := d.Named()
	if !named && unknown != "" {
		hidden = append(hidden, unknown)
	}
	for _, p := range s.People {
		if !named || slices.Contains(p.Private, "name") {
			hidden = append(hidden, p.Name)
		}
		if p.Organization != "" && (!named || slices.Contains(p.Private, "organization")) {
			hidden = append(hidden, p.Organization)
		}
		if p.Country != "" && slices.Contains(p.Private, "country") {
			hidden = append(hidden, p.Country)
		}
		if strings.HasPrefix(p.Gender, fuzzToken) && slices.Contains(p.Private, "gender") {
			hidden = append(hidden, p.Gender)
		}
		if p.Zone != "" && slices.Contains(p.Private, "zone") {
			shown := false // by someone else who does not keep it private
			for _, q := range s.People {
				shown = shown || (q.Zone == p.Zone && !slices.Contains(q.Private, "zone"))
			}
			if !shown {
				hidden = append(hidden, p.Zone)
			}
		}
	}
	return hidden
}

// fuzzCheckHidden fails if out shows any of hidden, whole or, for the
// fuzzed values, by their first five characters; in any case, as a log may
// write a name in capitals.
func fuzzCheckHidden(t *testing.T, format, out string, hidden []string) {
	t.Helper()
	lower := strings.ToLower(out)
	for _, h := range hidden {
		forms := []string{strings.ToLower(h)}
		if strings.HasPrefix(h, fuzzToken) {
			forms = append(forms, strings.ToLower(h[:5]))
		}
		for _, form := range forms {
			if i := strings.Index(lower, form); i >= 0 {
				t.Fatalf("%s shows %q, which it must not: …%s…", format, h, out[max(0, i-100):min(len(out), i+100)])
			}
		}
	}
}
