package render_test

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// icsZurich is the panel held in Geneva, on the clock of Europe/Zurich in
// winter, with a long title in accented letters that must be folded
// without breaking a character.
func icsZurich(t testing.TB) *agenda.Session {
	s := formatPanel()
	s.Title = "Brainstorm on data governance"
	s.Room = "Room XII, Palais des Nations"
	s.Slot.Start = time.Date(2017, 12, 17, 16, 0, 0, 0, icsLoad(t, "Europe/Zurich"))
	s.Segments[1].Title = "Débat : données, décisions et dépendances – qui décide où résident les données des États insulaires ?"
	return s
}

// icsFallBack is a longer panel in Zurich on the night summer time ends,
// when the clock goes from 03:00 CEST back to 02:00 CET: the opening is in
// summer time, the closing in winter time, and the panel and the open
// floor start or end at a time the clock shows twice.
func icsFallBack(t testing.TB) *agenda.Session {
	s := formatPanel()
	s.Slot = timeslot.Slot{Start: time.Date(2024, 10, 26, 23, 50, 0, 0, time.UTC).In(icsLoad(t, "Europe/Zurich")), Length: 150 * time.Minute}
	s.Segments[1].Length = 95 * time.Minute
	s.Segments[2].Length = 45 * time.Minute
	return s
}

func icsLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// icsDocuments are the documents of the iCalendar golden files.
func icsDocuments(t testing.TB) []formatCase {
	paris := formatDocument(t, formatPanel())
	paris.Location = icsLoad(t, "Europe/Paris")
	tokyo := formatDocument(t, formatPanel())
	tokyo.Location = icsLoad(t, "Asia/Tokyo")
	etc := formatDocument(t, formatPanel()) // a zone that has never changed its offset
	etc.Location = icsLoad(t, "Etc/GMT-3")
	fixed := formatDocument(t, formatPanel())
	fixed.Location = time.FixedZone("UTC+2", 2*60*60)
	return []formatCase{
		{"panel", formatDocument(t, formatPanel())},
		{"zurich", formatDocument(t, icsZurich(t))},
		{"fall-back", formatDocument(t, icsFallBack(t))},
		{"paris", paris},
		{"tokyo", tokyo},
		{"etc", etc},
		{"fixed-offset", fixed},
		{"draft", &render.Document{Draft: formatPanel()}},
		{"unattributed", formatDocument(t, formatUnattributed())},
		{"injection", formatDocument(t, icsInjection())},
	}
}

// icsStamp is the DTSTAMP of the files the tests compare, which would
// otherwise hold the time they are written.
var icsStamp = time.Date(2026, 1, 5, 12, 0, 0, 0, time.UTC)

// icsStamped is render.ICS with the DTSTAMP fixed to icsStamp, unless the
// document sets one.
func icsStamped(w io.Writer, d *render.Document) error {
	if d != nil && d.Stamp.IsZero() {
		c := *d
		c.Stamp = icsStamp
		d = &c
	}
	return render.ICS(w, d)
}

// icsEvent is what a reader of the file sees of an event.
type icsEvent struct {
	UID, Summary, Description, Location string
	Parent                              string    // RELATED-TO: the UID of the session's event, for a segment's
	Sequence                            string    // SEQUENCE, as written
	Start, End                          time.Time // compared as instants
	StartZone, EndZone                  string    // the zones they are read in
}

// TestICS checks the files against golden files, and reads them back with
// go-ical and with a second, independent reader, icsReadPlain: both
// must find the session's event, then one per segment, at the times of the
// run-of-show, in the document's zone, each segment's a child of the
// session's.
func TestICS(t *testing.T) {
	for _, tc := range icsDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			out := icsRender(t, tc.doc)
			golden(t, "ics/"+tc.name+".ics", out)
			icsCheckLines(t, out)

			want := icsWant(t, tc.doc)
			got := icsReadGoICal(t, out)
			if diff := cmp.Diff(want, got, cmp.FilterPath(icsIgnoredByWant, cmp.Ignore())); diff != "" {
				t.Errorf("go-ical reads back (-want +got):\n%s", diff)
			}
			other := icsReadPlain(t, out)
			if diff := cmp.Diff(want, other, cmp.FilterPath(icsIgnoredByWant, cmp.Ignore())); diff != "" {
				t.Errorf("the plain reader reads back (-want +got):\n%s", diff)
			}
			// The parsers agree on everything, the UIDs and descriptions
			// that want does not know included.
			if diff := cmp.Diff(got, other); diff != "" {
				t.Errorf("go-ical and the plain reader disagree (-go-ical +plain):\n%s", diff)
			}
			uids := map[string]bool{}
			for _, ev := range got {
				if !regexp.MustCompile(`^[0-9a-f]{32}@fairfloor$`).MatchString(ev.UID) {
					t.Errorf("UID %q is not 32 hex digits @fairfloor", ev.UID)
				}
				if uids[ev.UID] {
					t.Errorf("UID %q twice", ev.UID)
				}
				uids[ev.UID] = true
			}
			for i, ev := range got {
				if want := got[0].UID; i > 0 && ev.Parent != want {
					t.Errorf("event %d has RELATED-TO %q, want the session's %q", i, ev.Parent, want)
				}
				if i == 0 && ev.Parent != "" {
					t.Errorf("the session's event has RELATED-TO %q", ev.Parent)
				}
			}
			icsCheckTimezones(t, out)
		})
	}
}

// icsIgnoredByWant leaves out of the comparison with icsWant the fields
// that only the output itself defines.
func icsIgnoredByWant(p cmp.Path) bool {
	if f, ok := p.Last().(cmp.StructField); ok {
		return f.Name() == "UID" || f.Name() == "Description" || f.Name() == "Parent"
	}
	return false
}

// icsWant returns the events that d should give: the session's, with its
// title, from the start of the slot to its end or the last segment's,
// whichever is later; then one per segment, with the session's title and
// its own, and its times from the run-of-show (or the draft's plan); each
// read in the document's zone when it has an IANA name and neither time
// is one the clock shows twice, and in UTC otherwise.
func icsWant(t *testing.T, d *render.Document) []icsEvent {
	t.Helper()
	s := d.Session()
	var spans []timeslot.Span
	if d.RunOfShow != nil {
		for _, seg := range d.RunOfShow.Segments {
			spans = append(spans, seg.Span)
		}
	} else {
		spans = s.Plan().Spans
	}
	zone := d.Slot().Start.Location().String()
	if _, err := time.LoadLocation(zone); err != nil || zone == "Local" {
		zone = "UTC"
	}
	whole := timeslot.Span{Start: s.Slot.Start, End: s.Slot.End()}
	for _, sp := range spans {
		if sp.End.After(whole.End) {
			whole.End = sp.End
		}
	}
	summaries := []string{oneLine(s.Title)}
	for _, seg := range s.Segments {
		summaries = append(summaries, oneLine(s.Title)+" – "+oneLine(seg.Title))
	}
	var want []icsEvent
	for i, sp := range append([]timeslot.Span{whole}, spans...) {
		ev := icsEvent{Summary: summaries[i], Location: oneLine(s.Room), Sequence: "0", Start: sp.Start, End: sp.End, StartZone: zone, EndZone: zone}
		if zone != "UTC" {
			loc := icsLoad(t, zone)
			for _, at := range []time.Time{sp.Start, sp.End} {
				// Another moment an hour away with the same clock time.
				local := at.In(loc).Format(time.DateTime)
				for _, other := range []time.Time{at.Add(-time.Hour), at.Add(time.Hour)} {
					if other.In(loc).Format(time.DateTime) == local {
						ev.StartZone, ev.EndZone = "UTC", "UTC"
					}
				}
			}
		}
		want = append(want, ev)
	}
	return want
}

func icsRender(t *testing.T, d *render.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := icsStamped(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// icsReadGoICal reads the events of a file with go-ical.
func icsReadGoICal(t *testing.T, out []byte) []icsEvent {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the file: %v", err)
	}
	if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
		t.Errorf("VERSION %q, want 2.0", v)
	}
	if p, _ := cal.Props.Text(ical.PropProductID); p != "-//fairfloor//run-of-show//EN" {
		t.Errorf("PRODID %q", p)
	}
	if p := cal.Props.Get("X-WR-CALNAME"); p == nil || p.Value == "" {
		t.Error("no X-WR-CALNAME")
	}
	var events []icsEvent
	for _, e := range cal.Events() {
		var ev icsEvent
		var errs []error
		text := func(name string) string {
			s, err := e.Props.Text(name)
			errs = append(errs, err)
			return s
		}
		ev.UID, ev.Summary, ev.Description, ev.Location = text(ical.PropUID), text(ical.PropSummary), text(ical.PropDescription), text(ical.PropLocation)
		ev.Parent = text(ical.PropRelatedTo)
		if p := e.Props.Get(ical.PropSequence); p != nil {
			ev.Sequence = p.Value
		}
		var err error
		ev.Start, err = e.DateTimeStart(nil)
		errs = append(errs, err)
		ev.End, err = e.DateTimeEnd(nil)
		errs = append(errs, err)
		_, err = e.Props.DateTime(ical.PropDateTimeStamp, nil)
		errs = append(errs, err)
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("go-ical: %v", err)
		}
		if p := e.Props.Get(ical.PropDateTimeStamp); !strings.HasSuffix(p.Value, "Z") || p.Params.Get(ical.PropTimezoneID) != "" {
			t.Errorf("DTSTAMP %q is not in UTC", p.Value)
		}
		ev.StartZone, ev.EndZone = ev.Start.Location().String(), ev.End.Location().String()
		events = append(events, ev)
	}
	return events
}

// icsReadPlain reads the events of a file as RFC 5545 says, with no
// library: it unfolds the lines, splits each into its name, parameters and
// value, takes the escapes out of TEXT values, and reads DTSTART and DTEND
// in UTC ("Z") or in the IANA zone that their TZID names. It shares no code
// with go-ical, which writes the files and reads them in icsReadGoICal, so
// a mistake that go-ical's writer and reader agree on shows here.
func icsReadPlain(t *testing.T, out []byte) []icsEvent {
	t.Helper()
	var events []icsEvent
	var ev *icsEvent
	for i, line := range icsUnfold(out) {
		head, value, ok := strings.Cut(line, ":") // no parameter written here holds a colon
		if !ok {
			t.Fatalf("line %d has no colon: %q", i+1, line)
		}
		name, params, _ := strings.Cut(head, ";")
		switch {
		case name == "BEGIN" && value == "VEVENT":
			ev = &icsEvent{}
			continue
		case name == "END" && value == "VEVENT":
			events = append(events, *ev)
			ev = nil
			continue
		case ev == nil:
			continue
		}
		switch name {
		case "UID":
			ev.UID = icsUnescape(value)
		case "SUMMARY":
			ev.Summary = icsUnescape(value)
		case "DESCRIPTION":
			ev.Description = icsUnescape(value)
		case "LOCATION":
			ev.Location = icsUnescape(value)
		case "RELATED-TO":
			ev.Parent = icsUnescape(value)
		case "SEQUENCE":
			ev.Sequence = value
		case "DTSTART", "DTEND", "DTSTAMP":
			loc := time.UTC
			for p := range strings.SplitSeq(params, ";") {
				if zone, ok := strings.CutPrefix(p, "TZID="); ok {
					var err error
					if loc, err = time.LoadLocation(zone); err != nil {
						t.Fatalf("line %d: TZID %q: %v", i+1, zone, err)
					}
				}
			}
			utc := strings.HasSuffix(value, "Z")
			if utc == (params != "") {
				t.Errorf("line %d: %s %q is neither in UTC nor in a TZID alone", i+1, name, line)
			}
			at, err := time.ParseInLocation("20060102T150405", strings.TrimSuffix(value, "Z"), loc)
			if err != nil {
				t.Fatalf("line %d: %s: %v", i+1, name, err)
			}
			switch name {
			case "DTSTART":
				ev.Start, ev.StartZone = at, loc.String()
			case "DTEND":
				ev.End, ev.EndZone = at, loc.String()
			case "DTSTAMP":
				if !utc {
					t.Errorf("DTSTAMP %q is not in UTC", value)
				}
			}
		}
	}
	if ev != nil {
		t.Fatal("an event does not end")
	}
	return events
}

// icsUnescape takes the escapes of RFC 5545 out of a TEXT value: \\ \;
// \, and \n (or \N, a line break).
func icsUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// icsUnfold returns the content lines of a file, unfolded.
func icsUnfold(out []byte) []string {
	s := strings.ReplaceAll(string(out), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// icsCheckLines checks the file's lines against RFC 5545: each ends in
// CRLF, is at most 75 octets, and is valid UTF-8 (so a fold never breaks
// a character); and in each TEXT value, ; , and \ are escaped.
func icsCheckLines(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Error("file does not end in CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets, more than 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d is not valid UTF-8: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
	}
	for _, line := range icsUnfold(out) {
		name, value, _ := strings.Cut(line, ":")
		if !slices.Contains([]string{"SUMMARY", "DESCRIPTION", "LOCATION", "TZNAME", "UID"}, name) {
			continue
		}
		for i := 0; i < len(value); i++ {
			switch value[i] {
			case '\\':
				i++
				if i == len(value) || !strings.ContainsRune(`\;,nN`, rune(value[i])) {
					t.Errorf("%s: bad escape in %q", name, value)
				}
			case ';', ',':
				t.Errorf("%s: unescaped %q in %q", name, value[i], value)
			}
		}
	}
}

// icsCheckTimezones checks that every TZID the events use has a VTIMEZONE,
// and that the VTIMEZONE gives the offset that Go's zone database gives
// at every time the events are written in that zone, as a reader without
// the database would work it out.
func icsCheckTimezones(t *testing.T, out []byte) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	type observance struct {
		onset    time.Time // in UTC
		offset   int
		daylight bool
	}
	zones := map[string][]observance{}
	for _, c := range cal.Children {
		if c.Name != ical.CompTimezone {
			continue
		}
		tzid := c.Props.Get(ical.PropTimezoneID).Value
		for _, o := range c.Children {
			start, err := time.Parse("20060102T150405", o.Props.Get(ical.PropDateTimeStart).Value)
			if err != nil {
				t.Fatal(err)
			}
			from, to := icsParseOffset(t, o.Props.Get(ical.PropTimezoneOffsetFrom).Value), icsParseOffset(t, o.Props.Get(ical.PropTimezoneOffsetTo).Value)
			zones[tzid] = append(zones[tzid], observance{start.Add(-time.Duration(from) * time.Second), to, o.Name == ical.CompTimezoneDaylight})
		}
	}
	for _, e := range cal.Events() {
		for _, name := range []string{ical.PropDateTimeStart, ical.PropDateTimeEnd} {
			p := e.Props.Get(name)
			tzid := p.Params.Get(ical.ParamTimezoneID)
			if tzid == "" {
				if !strings.HasSuffix(p.Value, "Z") {
					t.Errorf("%s %q is a floating time", name, p.Value)
				}
				continue
			}
			obs, ok := zones[tzid]
			if !ok {
				t.Errorf("%s uses TZID %q, which has no VTIMEZONE", name, tzid)
				continue
			}
			at, err := p.DateTime(nil)
			if err != nil {
				t.Fatal(err)
			}
			var in *observance
			for i := range obs {
				if !obs[i].onset.After(at) && (in == nil || obs[i].onset.After(in.onset)) {
					in = &obs[i]
				}
			}
			if in == nil {
				t.Errorf("VTIMEZONE %s does not reach back to %s %v", tzid, name, at)
				continue
			}
			if _, offset := at.Zone(); in.offset != offset || in.daylight != at.IsDST() {
				t.Errorf("VTIMEZONE %s gives %s %v offset %d (daylight %v), want %d (%v)", tzid, name, at, in.offset, in.daylight, offset, at.IsDST())
			}
		}
	}
}

// icsParseOffset reads a UTC-OFFSET such as "+0100" as seconds east of UTC.
func icsParseOffset(t *testing.T, s string) int {
	t.Helper()
	m := regexp.MustCompile(`^([+-])(\d\d)(\d\d)(\d\d)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("UTC offset %q", s)
	}
	n := func(s string) int {
		v := 0
		for _, c := range s {
			v = v*10 + int(c-'0')
		}
		return v
	}
	v := n(m[2])*3600 + n(m[3])*60 + n(m[4])
	if m[1] == "-" {
		v = -v
	}
	return v
}

// TestICSZones checks how the zone is written, in the files the golden
// files hold.
func TestICSZones(t *testing.T) {
	docs := map[string]*render.Document{}
	for _, tc := range icsDocuments(t) {
		docs[tc.name] = tc.doc
	}
	for _, tc := range []struct {
		name, doc string
		want      []string // lines that the unfolded file holds
		not       []string // substrings it lacks
	}{
		{"UTC is written with Z and no VTIMEZONE", "panel",
			[]string{"DTSTART:20241217T090000Z", "DTEND:20241217T090500Z", "DTSTAMP:20260105T120000Z"},
			[]string{"TZID", "VTIMEZONE"}},
		{"an IANA zone is named, with its VTIMEZONE", "zurich",
			[]string{"DTSTART;TZID=Europe/Zurich:20171217T160000", "BEGIN:VTIMEZONE", "TZID:Europe/Zurich",
				"DTSTART:20171029T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTAMP:20260105T120000Z"},
			[]string{"BEGIN:DAYLIGHT"}},
		{"the zone a document shows a UTC session in", "paris",
			[]string{"DTSTART;TZID=Europe/Paris:20241217T100000", "DTSTAMP:20260105T120000Z"}, nil},
		{"a zone without summer time has its last change as onset", "tokyo",
			[]string{"DTSTART;TZID=Asia/Tokyo:20241217T180000", "BEGIN:STANDARD", "TZOFFSETTO:+0900", "TZNAME:JST"},
			[]string{"BEGIN:DAYLIGHT"}},
		{"a zone that never changed has its offset since 1970", "etc",
			[]string{"DTSTART;TZID=Etc/GMT-3:20241217T120000", "DTSTART:19700101T000000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300"},
			nil},
		{"a fixed offset without an IANA name falls back to UTC", "fixed-offset",
			[]string{"DTSTART:20241217T090000Z"}, []string{"TZID", "VTIMEZONE"}},
		// The opening at 01:50 CEST is in summer time; the panel ends at
		// 02:30 CET, which the clock showed an hour before in CEST, and
		// the open floor starts then; the closing at 03:15 CET is in
		// winter time. The VTIMEZONE has both observances.
		{"a repeated clock time is written in UTC", "fall-back",
			[]string{"DTSTART;TZID=Europe/Zurich:20241027T015000", "DTSTART:20241026T235500Z", "DTEND:20241027T013000Z",
				"DTSTART:20241027T013000Z", "DTSTART;TZID=Europe/Zurich:20241027T031500", "DTSTAMP:20260105T120000Z",
				"BEGIN:DAYLIGHT", "DTSTART:20240331T020000", "TZNAME:CEST",
				"BEGIN:STANDARD", "DTSTART:20241027T030000", "TZNAME:CET"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := icsRender(t, docs[tc.doc])
			lines := icsUnfold(out)
			for _, w := range tc.want {
				if !slices.Contains(lines, w) {
					t.Errorf("no line %q in\n%s", w, out)
				}
			}
			for _, n := range tc.not {
				if bytes.Contains(out, []byte(n)) {
					t.Errorf("file holds %q", n)
				}
			}
		})
	}
}

// TestICSStableUIDs checks that the UIDs stay the same from run to run and
// when what an organizer changes later changes, so that importing the file
// again updates the events, and that they differ for another session. A
// session and its segments with IDs keep their UIDs through a retitle;
// without IDs they are known by their titles.
func TestICSStableUIDs(t *testing.T) {
	withIDs := func(s *agenda.Session) *agenda.Session {
		s.ID = "IGF 2024 WS #42"
		for i, id := range []string{"opening", "panel", "floor", "closing"} {
			s.Segments[i].ID = id
		}
		return s
	}
	type change struct {
		name    string
		session func(s *agenda.Session)  // before planning
		doc     func(d *render.Document) // after
		same    bool                     // whether every UID stays (else none may: another session)
	}
	none := func(*agenda.Session) {}
	common := []change{
		{"again", none, nil, true},
		{"speakers' times change", func(s *agenda.Session) {
			s.Segments[1].Length += 5 * time.Minute // the panel takes five minutes from the open floor
			s.Segments[2].Length -= 5 * time.Minute
		}, nil, true},
		{"shown in another zone", none, func(d *render.Document) { d.Location = icsLoad(t, "Europe/Paris") }, true},
		{"redacted", none, func(d *render.Document) { d.Redact = true }, true},
		{"the draft before planning", none, func(d *render.Document) { *d = render.Document{Draft: d.Session()} }, true},
		{"moved to another day and room", func(s *agenda.Session) {
			s.Slot.Start = s.Slot.Start.Add(24*time.Hour + 90*time.Minute)
			s.Room = "Room 9"
		}, nil, true},
		{"a later revision", none, func(d *render.Document) { d.Sequence = 3 }, true},
	}
	for _, tc := range []struct {
		name    string
		session func() *agenda.Session
		changes []change
	}{
		{"without IDs", formatPanel, append(common,
			change{"another session title", func(s *agenda.Session) { s.Title += " (2)" }, nil, false},
		)},
		{"with IDs", func() *agenda.Session { return withIDs(formatPanel()) }, append(common,
			change{"retitled", func(s *agenda.Session) {
				s.Title = "Who holds the data of the Pacific?"
				s.Segments[1].Title = "Panel discussion"
			}, nil, true},
			change{"another session", func(s *agenda.Session) { s.ID = "IGF 2024 WS #43" }, nil, false},
		)},
	} {
		base := icsUIDs(t, formatDocument(t, tc.session()))
		for _, c := range tc.changes {
			t.Run(tc.name+"/"+c.name, func(t *testing.T) {
				s := tc.session()
				c.session(s)
				d := formatDocument(t, s)
				if c.doc != nil {
					c.doc(d)
				}
				got := icsUIDs(t, d)
				if c.same {
					if diff := cmp.Diff(base, got); diff != "" {
						t.Errorf("UIDs changed (-before +after):\n%s", diff)
					}
					return
				}
				for _, uid := range got {
					if slices.Contains(base, uid) {
						t.Errorf("UID %s is the same for another session", uid)
					}
				}
			})
		}
	}

	// A segment inserted, with an ID or without, leaves the UIDs of the
	// others as they were, and the new one has a UID of its own.
	for name, s := range map[string]*agenda.Session{"without IDs": formatPanel(), "with IDs": withIDs(formatPanel())} {
		t.Run(name+"/a segment inserted", func(t *testing.T) {
			base := icsUIDs(t, formatDocument(t, s))
			s.Segments[2].Length -= 5 * time.Minute
			// The same title as the next, in a track of its own.
			poll := agenda.Segment{Title: "Open floor", Kind: agenda.SegmentKind("poll"), Length: 5 * time.Minute,
				Facilitators: []string{s.People[0].Name}, Track: "poll"}
			if s.ID != "" {
				poll.ID = "poll"
			}
			s.Segments = slices.Insert(s.Segments, 2, poll)
			got := icsUIDs(t, formatDocument(t, s))
			if want := slices.Insert(slices.Clone(base), 3, got[3]); !cmp.Equal(want, got) || slices.Contains(base, got[3]) {
				t.Errorf("UIDs after inserting a segment third:\n%q\nbefore:\n%q", got, base)
			}
		})
	}

	// Segments that share a title and a track, like the breakouts of a
	// concluding session, each have a UID of their own.
	s := formatPanel()
	s.Segments[2].Title = s.Segments[0].Title
	uids := icsUIDs(t, formatDocument(t, s))
	if slices.Contains(uids[2:], uids[1]) {
		t.Errorf("two segments titled %q share their UID: %q", s.Segments[0].Title, uids)
	}
}

func icsUIDs(t *testing.T, d *render.Document) []string {
	t.Helper()
	var uids []string
	for _, ev := range icsReadGoICal(t, icsRender(t, d)) {
		uids = append(uids, ev.UID)
	}
	return uids
}

func TestICSErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *render.Document
		want error // the sentinel the error matches
	}{
		{"an unscheduled run-of-show", formatDocument(t, formatBreakouts()), render.ErrNoCalendar},
		{"an unscheduled draft", &render.Document{Draft: formatBreakouts()}, render.ErrNoCalendar},
		{"no session", &render.Document{}, balance.ErrNoSession},
		{"no segments", &render.Document{Draft: &agenda.Session{Title: "Empty", Slot: formatPanel().Slot}}, render.ErrNoCalendar},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := render.ICS(&buf, tc.doc)
			if err == nil {
				t.Fatal("no error")
			}
			for _, sentinel := range []error{render.ErrNoCalendar, balance.ErrNoSession, render.ErrNoCalendar} {
				if got := errors.Is(err, sentinel); got != (sentinel == tc.want) {
					t.Errorf("error %q: errors.Is(err, %v) = %v, want %v", err, sentinel, got, !got)
				}
			}
			if !strings.HasPrefix(err.Error(), "render: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %q before failing", buf.String())
			}
		})
	}
}

// TestICSPrivacy searches the file for the strings each document must not
// show: as written, unfolded, and with the escapes taken out, since a fold
// or an escape could hide a name from a plain search.
func TestICSPrivacy(t *testing.T) {
	for _, tc := range formatPrivacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			out := icsRender(t, tc.doc)
			formatCheckPrivacy(t, string(out), tc.hidden, nil)
			unfolded := strings.Join(icsUnfold(out), "\n")
			formatCheckPrivacy(t, unfolded, tc.hidden, tc.show)
			formatCheckPrivacy(t, icsUnescape(unfolded), tc.hidden, tc.show)
			var read []string
			for _, ev := range icsReadPlain(t, out) {
				read = append(read, ev.Summary, ev.Description, ev.Location)
			}
			formatCheckPrivacy(t, strings.Join(read, "\n"), tc.hidden, tc.show)
		})
	}
}

// icsInjection is the panel of formatInjection, whose names hold
// ; , \ and newlines, with a segment title that holds them all as well.
func icsInjection() *agenda.Session {
	s := formatInjection()
	s.Segments[0].Title = "Opening; part 1, \\ with\nnew line <script>alert(4)</script>"
	s.Room = "Room 3; east wing, floor \\2"
	return s
}

// TestICSInjection checks that the special characters of iCalendar in
// titles, names and organizations are escaped in the file and come back
// whole from both parsers.
func TestICSInjection(t *testing.T) {
	s := icsInjection()
	out := icsRender(t, formatDocument(t, s))
	lines := icsUnfold(out)
	for _, want := range []string{
		`SUMMARY:Panel <b>bold</b> & "quoted" – Opening\; part 1\, \\ with new line <script>alert(4)</script>`,
		`SUMMARY:Panel <b>bold</b> & "quoted" – Panel: </td><script>alert(3)</script>`,
		`LOCATION:Room 3\; east wing\, floor \\2`,
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q", want)
		}
	}
	unfolded := strings.Join(lines, "\n")
	for _, want := range []string{`Bob "Bobby" O'Neil\, Jr. | semi\; comma\, back\\slash`, `Ann Lee`, `<script>alert(1)</script>`} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("file lacks %q", want)
		}
	}

	for name, events := range map[string][]icsEvent{"go-ical": icsReadGoICal(t, out), "plain": icsReadPlain(t, out)} {
		if len(events) != 1+len(s.Segments) {
			t.Fatalf("%s reads %d events, want %d", name, len(events), 1+len(s.Segments))
		}
		for i, ev := range events[1:] {
			if want := oneLine(s.Title) + " – " + oneLine(s.Segments[i].Title); ev.Summary != want {
				t.Errorf("%s reads SUMMARY %q, want %q", name, ev.Summary, want)
			}
			if want := oneLine(s.Room); ev.Location != want {
				t.Errorf("%s reads LOCATION %q, want %q", name, ev.Location, want)
			}
		}
		var all string
		for _, ev := range events {
			all += ev.Description + "\n"
		}
		if !strings.Contains(all, s.Title) {
			t.Errorf("%s: no description names the session %q", name, s.Title)
		}
		for _, text := range injectedTexts() {
			// RFC 5545 has no escape for a carriage return: it is read
			// back as the line break it stands for.
			text = strings.ReplaceAll(text, "\r", "\n")
			if !strings.Contains(all, text) {
				t.Errorf("%s: no description holds %q whole", name, text)
			}
		}
	}
}

// TestICSDeterministic checks that the same document gives the same bytes,
// with no clock or map order in them.
func TestICSDeterministic(t *testing.T) {
	first := icsRender(t, formatDocument(t, icsZurich(t)))
	for range 5 {
		if again := icsRender(t, formatDocument(t, icsZurich(t))); !bytes.Equal(first, again) {
			t.Fatal("the same document gives another file")
		}
	}
}

// FuzzICS renders the panel with any segment title, room and speaker name,
// and checks that the file keeps to RFC 5545's lines and that both parsers
// read the title, the room and the name back on one line, as every format
// shows them (see oneLine), when they hold no other control character, are
// valid UTF-8 and are short enough not to be cut.
func FuzzICS(f *testing.F) {
	f.Add("Opening; part 1, \\ with\nnew line", "Room 3", `Bob "Bobby" O'Neil, Jr.`)
	f.Add("Débat : données – qui décide où résident les données des États insulaires ?", "Salle\r\nXII", "Zoë\\n")
	f.Add("\x00\x7f\xff", "\t", "<script>alert(1)</script>")
	f.Fuzz(func(t *testing.T, title, room, name string) {
		s := formatPanel()
		s.Segments[1].Title = title
		s.Room = room
		rename(s, "Droz Serge", name)
		if s.Validate() != nil {
			t.Skip()
		}
		d := formatDocument(t, s)
		out := icsRender(t, d)
		icsCheckLines(t, out)
		clean := func(s string) (string, bool) {
			s = oneLine(s)
			return s, utf8.ValidString(s) && utf8.RuneCountInString(s) < 1000 && !strings.ContainsFunc(s, func(r rune) bool {
				return r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r&0xfffe == 0xfffe || (r >= 0xfdd0 && r <= 0xfdef)
			})
		}
		for parser, events := range map[string][]icsEvent{"go-ical": icsReadGoICal(t, out), "plain": icsReadPlain(t, out)} {
			if len(events) != 1+len(s.Segments) {
				t.Fatalf("%s reads %d events, want %d", parser, len(events), 1+len(s.Segments))
			}
			panel := events[2] // the session's event comes first
			if want, ok := clean(title); ok && panel.Summary != oneLine(s.Title)+" – "+want {
				t.Errorf("%s reads SUMMARY %q, want %q", parser, panel.Summary, want)
			}
			if want, ok := clean(room); ok && panel.Location != want {
				t.Errorf("%s reads LOCATION %q, want %q", parser, panel.Location, want)
			}
			if want, ok := clean(d.Who(name)); ok && !strings.Contains(panel.Description, want) {
				t.Errorf("%s: the description lacks %q:\n%s", parser, want, panel.Description)
			}
		}
	})
}
