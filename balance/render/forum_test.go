package render_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"math/bits"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// forumFormats are the renderers of a programme report, with the extension
// of their golden files and a function that takes the format's escapes out
// of its output, so that a search of the output finds a text however the
// format writes it.
var forumFormats = []struct {
	name, ext string
	render    func(io.Writer, *render.Document) error
	plain     func(t *testing.T, out []byte) string
}{
	{"text", "txt", render.Text, nil},
	{"markdown", "md", render.Markdown, func(_ *testing.T, out []byte) string { return mdUnescape(string(out)) }},
	{"html", "html", render.HTML, func(_ *testing.T, out []byte) string { return html.UnescapeString(string(out)) }},
	{"csv", "csv", render.CSV, func(t *testing.T, out []byte) string {
		var cells []string
		for _, rec := range csvRead(t, out) {
			cells = append(cells, rec...)
		}
		return strings.Join(cells, "\n")
	}},
	{"svg", "svg", render.SVG, func(_ *testing.T, out []byte) string { return html.UnescapeString(string(out)) }},
}

// forumCSVHeader is the header of ForumCSV.
var forumCSVHeader = []string{"table", "rank", "session", "when", "room", "source", "dimension", "group", "preset", "rule", "outcome", "found", "people",
	"speakers", "sessions", "minutes", "share", "target", "lineup_off", "off_target", "presets_failed"}

// forumCol returns the index of the CSV column called name.
func forumCol(name string) int {
	i := slices.Index(forumCSVHeader, name)
	if i < 0 {
		panic("no CSV column " + name)
	}
	return i
}

// forumRender renders d in every format, failing the test on an error, and
// returns the outputs by format name.
func forumRender(t *testing.T, d *render.Document) map[string][]byte {
	t.Helper()
	outs := map[string][]byte{}
	for _, f := range forumFormats {
		var buf bytes.Buffer
		if err := f.render(&buf, d); err != nil {
			t.Fatalf("Forum %s: %v", f.name, err)
		}
		outs[f.name] = buf.Bytes()
	}
	return outs
}

// forumReport reports on the programme under the seeds' promise.
func forumReport(t testing.TB, prog *agenda.Programme, presets []balance.Preset) *balance.Forum {
	t.Helper()
	f, err := balance.ForumReport(prog, balance.HybridPromise(), presets)
	if err != nil {
		t.Fatalf("ForumReport: %v", err)
	}
	return f
}

// forumSeeds is the five seeds as one programme.
func forumSeeds(t testing.TB) *agenda.Programme {
	t.Helper()
	prog, err := seeds.Programme()
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestForumGolden compares every format of the seeds' report, under the
// built-in presets, with its golden file in testdata/forum (-update
// rewrites them): named, redacted, and the text in Paris time.
func TestForumGolden(t *testing.T) {
	forum := forumReport(t, forumSeeds(t), balance.Presets())
	for _, tc := range []struct {
		name string
		doc  *render.Document
	}{
		{"seeds", &render.Document{Forum: forum}},
		{"seeds-redacted", &render.Document{Forum: forum, Redact: true}},
		{"seeds-paris", &render.Document{Forum: forum, Location: fuzzLoad(t, "Europe/Paris")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			outs := forumRender(t, tc.doc)
			for _, f := range forumFormats {
				switch {
				case tc.name == "seeds-paris" && f.name != "text":
					continue // the zone changes only the clock times, which the text shows as the others do
				case tc.name == "seeds-redacted" && f.name == "svg":
					continue // a chart shows groups, never people
				}
				golden(t, "forum/"+tc.name+"."+f.ext, outs[f.name])
			}
			forumMdCheckInert(t, string(outs["markdown"]))
			forumCSVRead(t, outs["csv"])
			forumSVGRead(t, outs["svg"])
		})
	}
}

// forumMdCheckInert runs mdCheckInert on a programme report's Markdown,
// whose items naming a failing session, "- **<title>**", are given the
// label that mdCheckInert expects of a bold item.
func forumMdCheckInert(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		if inner, ok := strings.CutPrefix(line, "- **"); ok && strings.HasSuffix(inner, "**") && !strings.Contains(inner, "** ") {
			lines[i] = "- **session:** " + strings.TrimSuffix(inner, "**")
		}
	}
	mdCheckInert(t, strings.Join(lines, "\n"))
}

// forumCSVRead reads a programme report's CSV back, checks that it has
// the header, that every record has the header's columns (csvRead) and
// that no cell could start a formula, and returns the records after the
// header with the quote put before a formula taken out.
func forumCSVRead(t *testing.T, out []byte) [][]string {
	t.Helper()
	records := csvRead(t, out)
	if diff := cmp.Diff(forumCSVHeader, records[0]); diff != "" {
		t.Errorf("CSV header mismatch (-want +got):\n%s", diff)
	}
	for _, rec := range records[1:] {
		if len(rec) != len(forumCSVHeader) {
			t.Errorf("record of %d cells, want %d: %q", len(rec), len(forumCSVHeader), rec)
		}
		for i, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q could start a formula", c)
			}
			if len(c) > 1 && c[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(c[1])) {
				rec[i] = c[1:]
			}
		}
	}
	return records[1:]
}

// forumSVGRead checks that an SVG is well-formed XML with no element but
// those of a chart.
func forumSVGRead(t *testing.T, out []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && !slices.Contains([]string{"svg", "g", "path", "text", "rect", "defs", "clipPath", "style"}, el.Name.Local) {
			t.Errorf("SVG has a <%s> element", el.Name.Local)
		}
	}
}

// forumHTMLCheckInert fails if the page has an element that is not one of
// the page's and the chart's own, or an event handler.
func forumHTMLCheckInert(t *testing.T, out string) {
	t.Helper()
	for _, m := range regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)`).FindAllStringSubmatch(out, -1) {
		if !slices.Contains(htmlTestTags, strings.ToLower(m[1])) {
			t.Errorf("page has a <%s> element", m[1])
		}
	}
	if m := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(out); m != "" {
		t.Errorf("page has an event handler: %s", m)
	}
}

// What forumPrivacyProgramme keeps private.
const (
	forumSecret       = "Sabine Secret"  // private name, region, gender, organization, country and zone
	forumSecretGender = "Secretgender"   // her gender, private
	forumSecretOrg    = "Secret Org Ltd" // her organization, private
	forumSecretLand   = "Secretland"     // her country, private
	forumSecretZone   = "Asia/Kathmandu" // her zone, private
	forumHiddenOrg    = "Hidden Org"     // the organizations of the session that is not attributed
)

// forumUnnamed are the names the session that is not attributed gives in
// place of formatPanel's; Sione Tupou keeps his, without an organization,
// and so is one person with the Sione Tupou of the other sessions.
var forumUnnamed = map[string]string{
	"Ana Moreno":   "Uma Unnamed",
	"Mere Walker":  "Ugo Unnamed",
	"Zelda Hidden": "Zelda Unseen",
	"Lea Kim":      "Una Unnamed",
}

// forumPeoplePresets are presets whose violations list people: the room
// holding more than half of the speakers, and fewer than two online.
func forumPeoplePresets() []balance.Preset {
	return []balance.Preset{
		{Name: "max-half-onsite", Description: "At most half of the speakers onsite.", Constraints: []balance.Constraint{
			{Rule: balance.RuleMaxPeople, By: balance.ByMode, Max: 0.5, Note: "fairfloor test: at most half of the speakers in the room"}}},
		{Name: "min-two-online", Description: "At least two speakers online.", Constraints: []balance.Constraint{
			{Rule: balance.RuleMinCount, By: balance.ByMode, Group: string(agenda.ModeOnline), Min: 2}}},
	}
}

// forumPrivacyProgramme is three sessions: two attributed panels in which
// Sabine Secret speaks, her name, region (the only GRULAC speaker), gender,
// organization, country and zone private, and a session that is not
// attributed, whose people are nobody else but Sione Tupou, who speaks in
// all three.
func forumPrivacyProgramme() *agenda.Programme {
	secret := func(s *agenda.Session) {
		rename(s, "Droz Serge", forumSecret)
		p := &s.People[3]
		p.Organization, p.Region, p.Gender, p.Country, p.Zone = forumSecretOrg, "GRULAC", forumSecretGender, forumSecretLand, forumSecretZone
		p.Private = []string{"name", "organization", "region", "gender", "country", "zone"}
		s.People[1].Gender, s.People[2].Gender = "man", "woman"
	}
	a := formatPanel()
	secret(a)
	b := formatPanel()
	secret(b)
	b.Title = "Data flows across the Pacific"
	b.Slot.Start = b.Slot.Start.Add(24 * time.Hour)
	c := formatUnattributed()
	c.Title = "Closed consultation"
	c.Slot.Start = c.Slot.Start.Add(48 * time.Hour)
	for from, to := range forumUnnamed {
		rename(c, from, to)
	}
	for i := range c.People {
		c.People[i].Organization = forumHiddenOrg
	}
	c.People[1].Organization = "" // Sione Tupou
	return &agenda.Programme{Title: "Pacific data week", Sessions: []agenda.Session{*a, *b, *c}}
}

// TestForumPrivacy searches every format's bytes, as written and with the
// format's escapes taken out, for what the programme keeps private: Sabine
// Secret's name and private fields, the names and organizations of the
// session that is not attributed, and, redacted, every name. Each output
// must show what proves the search looks at real output: the names that
// may be shown, "person N" for those that may not, and "a person whose
// name is not shown" for Sabine Secret and Sione Tupou among the frequent
// speakers, he for speaking in a session that is not attributed.
func TestForumPrivacy(t *testing.T) {
	prog := forumPrivacyProgramme()
	for i := range prog.Sessions {
		validExceptText(t, &prog.Sessions[i])
	}
	forum := forumReport(t, prog, append(balance.Presets(), forumPeoplePresets()...))

	// Every name of the programme, and the parts of each long enough not
	// to be part of another word.
	var names []string
	for i := range prog.Sessions {
		for _, p := range prog.Sessions[i].People {
			names = append(names, p.Name)
			for _, w := range strings.Fields(p.Name) {
				if len(w) >= 5 {
					names = append(names, w)
				}
			}
		}
	}
	private := []string{forumSecret, "Sabine", forumSecretGender, forumSecretOrg, forumSecretLand, forumSecretZone,
		forumHiddenOrg, "Internet Society", "Ministry of ICT", "Auckland", "Federal Office"}
	for _, name := range forumUnnamed {
		private = append(private, name)
	}
	private = append(private, "Unnamed", "Unseen", "Zelda")
	for _, tc := range []struct {
		name         string
		doc          *render.Document
		hidden, show []string
	}{
		{"named", &render.Document{Forum: forum}, private,
			[]string{"Sione Tupou", "Mere Walker", "person 4", "a person whose name is not shown"}},
		{"redacted", &render.Document{Forum: forum, Redact: true}, append(slices.Clone(private), names...),
			[]string{"person 4", "a person whose name is not shown"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			outs := forumRender(t, tc.doc)
			for _, f := range forumFormats {
				forms := []string{string(outs[f.name])}
				if f.plain != nil {
					forms = append(forms, f.plain(t, outs[f.name]))
				}
				for _, form := range forms {
					fuzzCheckHidden(t, f.name, form, tc.hidden)
				}
				if f.name == "svg" {
					continue // a chart shows groups, never people
				}
				// A line of text may wrap between the words of what it shows.
				words := strings.Join(strings.Fields(forms[len(forms)-1]), " ")
				for _, s := range tc.show {
					if f.name == "csv" && s == "a person whose name is not shown" {
						continue // the CSV does not list the frequent speakers
					}
					if !strings.Contains(words, s) {
						t.Errorf("%s lacks %q, which it should show", f.name, s)
					}
				}
			}
			hiddenRows := regexp.MustCompile(`(?m)^  a person whose name is not shown +([0-9]) `).FindAllSubmatch(outs["text"], -1)
			if len(hiddenRows) < 2 || string(hiddenRows[0][1]) != "3" || string(hiddenRows[1][1]) != "2" {
				t.Errorf("the text does not list Sione Tupou (3 sessions) and Sabine Secret (2) as people whose names are not shown:\n%s", outs["text"])
			}
			// Her region, private, counts as not given: GRULAC has no speaker.
			for _, rec := range forumCSVRead(t, outs["csv"]) {
				speakers, minutes := rec[forumCol("speakers")], rec[forumCol("minutes")]
				if rec[0] == "group" && rec[forumCol("dimension")] == "region" && rec[forumCol("group")] == string("GRULAC") && (speakers != "0" || minutes != "0") {
					t.Errorf("GRULAC has %s speakers and %s minutes; its only speaker keeps her region private", speakers, minutes)
				}
			}
		})
	}
}

// forumInjected are the texts of forumInjectionProgramme that are code in
// HTML, SVG, Markdown or a spreadsheet, or that break lines and cells.
var forumInjected = struct {
	programme, room, gender, presetName, presetDescription, presetNote string
	titles                                                             []string
}{
	programme:         `Forum <script>alert(0)</script> | *bold* & "quoted"`,
	room:              "=Room|*3*",
	gender:            "<img src=x onerror=alert(4)> | *x*",
	presetName:        "=preset|*x*_y_",
	presetDescription: "<script>alert(5)</script>\n| not a cell",
	presetNote:        "@note <b>x</b> | *y*",
	titles: []string{
		`Panel <b>bold</b> & "quoted"`,
		"+1 session\n-2 line | *star* _under_ `tick`",
		"@SUM(A1:A2) [link](http://x.example) #tag ~s~",
	},
}

// forumInjectionProgramme is formatInjection's session three times, under
// forumInjected's titles, with its speakers in every session and a gender
// that is markup, checked against a preset whose name, description and
// note are markup and formulas.
func forumInjectionProgramme() (*agenda.Programme, []balance.Preset) {
	prog := &agenda.Programme{Title: forumInjected.programme}
	for i, title := range forumInjected.titles {
		s := formatInjection()
		s.Title = title
		s.Room = forumInjected.room
		s.Slot.Start = s.Slot.Start.Add(time.Duration(i) * 24 * time.Hour)
		s.People[1].Gender = forumInjected.gender // the speaker named =HYPERLINK(…)
		s.People[2].Gender = "-woman"
		prog.Sessions = append(prog.Sessions, *s)
	}
	presets := append(balance.Presets(), forumPeoplePresets()...)
	presets = append(presets, balance.Preset{Name: forumInjected.presetName, Description: forumInjected.presetDescription,
		Constraints: []balance.Constraint{{Rule: balance.RuleMaxPeople, By: balance.ByRegion, Max: 0.5, Note: forumInjected.presetNote}}})
	return prog, presets
}

// TestForumInjection checks that every format writes the texts of the
// programme as text: escaped by html/template in HTML and by vgsvg in SVG,
// with a backslash before Markdown's markup and each text in its own cell,
// and in CSV cells that read back whole, with a quote before a formula.
func TestForumInjection(t *testing.T) {
	prog, presets := forumInjectionProgramme()
	for i := range prog.Sessions {
		validExceptText(t, &prog.Sessions[i])
	}
	outs := forumRender(t, &render.Document{Forum: forumReport(t, prog, presets)})
	var names []string // of the speakers, the frequent speakers of the programme
	for _, name := range formatInjected {
		if p, ok := prog.Sessions[0].Roster().Person(name); ok && slices.Contains(p.Roles, agenda.RoleSpeaker) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	oneLine := func(s string) string { return strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(s)) }

	t.Run("html", func(t *testing.T) {
		out := string(outs["html"])
		forumHTMLCheckInert(t, out)
		for _, bad := range []string{"<script", "<b>bold", "<b>x", "<img", "</td><script"} {
			if strings.Contains(out, bad) {
				t.Errorf("page contains %q as markup", bad)
			}
		}
		for _, want := range []string{
			"<title>Forum &lt;script&gt;alert(0)&lt;/script&gt; | *bold* &amp; &#34;quoted&#34; – programme report</title>",
			"<td>Panel &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;</td>",
			"&lt;img src=x onerror=alert(4)&gt; | *x*",
			"&lt;script&gt;alert(5)&lt;/script&gt;",
			"@note &lt;b&gt;x&lt;/b&gt; | *y*",
			"&lt;script&gt;alert(1)&lt;/script&gt;",
			"=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("page lacks %q", want)
			}
		}
	})

	t.Run("svg", func(t *testing.T) {
		out := string(outs["svg"])
		forumSVGRead(t, outs["svg"])
		for _, bad := range []string{"<script", "<b>", "<img"} {
			if strings.Contains(out, bad) {
				t.Errorf("SVG contains %q as markup", bad)
			}
		}
		for _, want := range []string{
			"Forum &lt;script&gt;alert(0)&lt;/script&gt; | *bold* &amp; &#34;quoted&#34;",
			"&lt;img src=x onerror=alert(4)&gt; | *x*",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("SVG lacks %q", want)
			}
		}
	})

	t.Run("markdown", func(t *testing.T) {
		out := string(outs["markdown"])
		forumMdCheckInert(t, out)
		// Each text is one cell, which reads back as the text once the
		// escapes are taken out.
		want := map[string][]string{
			"## Sessions, the line-up furthest from the full sets first": nil,
			"## People who speak in the most sessions":                   nil,
			"### By gender": {"-woman", oneLine(forumInjected.gender), "(not given)"}, // a speaker gives no gender
		}
		for _, title := range forumInjected.titles {
			want["## Sessions, the line-up furthest from the full sets first"] = append(want["## Sessions, the line-up furthest from the full sets first"], oneLine(title))
		}
		for _, name := range names {
			want["## People who speak in the most sessions"] = append(want["## People who speak in the most sessions"], oneLine(name))
		}
		column := map[string]int{"## Sessions, the line-up furthest from the full sets first": 1}
		for heading, texts := range want {
			var got []string
			for _, row := range forumMdTable(t, out, heading) {
				got = append(got, row[column[heading]])
			}
			if diff := cmp.Diff(texts, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("%s: cells mismatch (-want +got):\n%s", heading, diff)
			}
		}
		plain := mdUnescape(out)
		for _, want := range []string{
			"# " + forumInjected.programme,
			"## Preset " + forumInjected.presetName + ": 0 of 3 sessions pass",
			oneLine(forumInjected.presetDescription),
			forumInjected.presetNote,
			"=HYPERLINK(\"http://evil.example\",\"click\")",
		} {
			if !strings.Contains(plain, want) {
				t.Errorf("Markdown, its escapes taken out, lacks %q", want)
			}
		}
		for _, want := range []string{
			`# Forum \<script\>alert(0)\</script\> \| \*bold\* \& "quoted"`,
			`| Panel \<b\>bold\</b\> \& "quoted" |`,
			`\<img src=x onerror=alert(4)\> \| \*x\*`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("Markdown lacks %q", want)
			}
		}
	})

	t.Run("csv", func(t *testing.T) {
		records := forumCSVRead(t, outs["csv"])
		var titles, rooms, genders, presets, rules, people []string
		for _, rec := range records {
			switch rec[0] {
			case "session":
				titles, rooms = append(titles, rec[forumCol("session")]), append(rooms, rec[forumCol("room")])
			case "group":
				genders = append(genders, rec[forumCol("group")])
			case "violation":
				presets, rules, people = append(presets, rec[forumCol("preset")]), append(rules, rec[forumCol("rule")]), append(people, rec[forumCol("people")])
			}
		}
		cells := strings.Join(slices.Concat(titles, rooms, genders, presets, rules, people), "\n")
		for _, want := range slices.Concat(forumInjected.titles, names,
			[]string{forumInjected.room, forumInjected.gender, forumInjected.presetName, forumInjected.presetNote}) {
			if want = oneLine(want); !strings.Contains(cells, want) {
				t.Errorf("no cell reads back as %q", want)
			}
		}
		for _, title := range forumInjected.titles {
			if title = oneLine(title); !slices.Contains(titles, title) {
				t.Errorf("no session's cell is %q: %q", title, titles)
			}
		}
		if !slices.Contains(people, formatInjected["Sione Tupou"]) {
			t.Errorf("no violation names only the online speaker, %q: %q", formatInjected["Sione Tupou"], people)
		}
	})
}

// forumMdTable returns the rows of the Markdown table under the heading,
// after its header, each as its cells with the escapes taken out.
func forumMdTable(t *testing.T, out, heading string) [][]string {
	t.Helper()
	_, after, ok := strings.Cut(out, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("Markdown has no heading %q", heading)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimLeft(after, "\n"), "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		rows = append(rows, mdCells(line))
	}
	if len(rows) < 2 {
		t.Fatalf("no table under %q", heading)
	}
	rows = rows[2:] // the header and the delimiter
	for _, row := range rows {
		for i := range row {
			row[i] = mdUnescape(row[i])
		}
	}
	return rows
}

// TestForumNoForum checks that a document without a forum report, or
// with one without a programme, is ErrNoForum in every format, with
// nothing written; and that an empty programme, and one whose session can
// be neither planned nor reported, render.
func TestForumNoForum(t *testing.T) {
	for _, d := range []*render.Document{
		{},
		{Redact: true, Location: time.UTC},
		{Forum: &balance.Forum{}},
		{Forum: &balance.Forum{Sessions: []balance.ForumSession{{Index: 0}}, Ranked: []int{0}, Speakers: 1}},
	} {
		for _, f := range forumFormats {
			var buf bytes.Buffer
			if err := f.render(&buf, d); !errors.Is(err, balance.ErrNoSession) {
				t.Errorf("Forum %s of %+v: %v, want ErrNoForum", f.name, d, err)
			}
			if buf.Len() > 0 {
				t.Errorf("Forum %s of %+v wrote %q", f.name, d, buf.Bytes())
			}
		}
	}

	t.Run("empty", func(t *testing.T) {
		outs := forumRender(t, &render.Document{Forum: forumReport(t, &agenda.Programme{}, balance.Presets())})
		for _, want := range []string{"Programme\n=========\n", "Sessions: 0\n", "Speakers: 0 people\n", "nobody speaks",
			"Preset igf-rapporteur: 0 of 0 sessions pass"} {
			if !strings.Contains(string(outs["text"]), want) {
				t.Errorf("text lacks %q:\n%s", want, outs["text"])
			}
		}
		if records := forumCSVRead(t, outs["csv"]); slices.ContainsFunc(records, func(rec []string) bool { return rec[0] != "group" }) {
			t.Errorf("CSV of an empty programme has rows other than its groups: %q", records)
		}
		forumMdCheckInert(t, string(outs["markdown"]))
		forumSVGRead(t, outs["svg"])
	})

	t.Run("unreportable", func(t *testing.T) {
		// A session beyond agenda's limits can be neither planned nor
		// reported; one that cannot keep the hard rule of parity, its one
		// online speaker alone in a short segment, is reported from its
		// draft.
		tooLarge := agenda.Session{Title: "Too large", Segments: make([]agenda.Segment, agenda.MaxSegments+1)}
		uneven := formatPanel()
		uneven.Title = "Uneven"
		uneven.Segments[1].Speakers = []string{"Mere Walker", "Droz Serge"}
		uneven.Segments[2].Speakers = []string{"Sione Tupou"}
		uneven.Segments[2].Length = 5 * time.Minute
		uneven.Segments[3].Length = 15 * time.Minute
		prog := &agenda.Programme{Title: "Broken", Sessions: []agenda.Session{tooLarge, *uneven, *formatPanel()}}
		speaker := balance.Preset{Name: "a-speaker", Description: "At least one speaker.", Constraints: []balance.Constraint{{Rule: balance.RuleMinCount, Min: 1}}}
		forum := forumReport(t, prog, append(balance.Presets(), speaker))
		if fs := forum.Sessions[0]; fs.Report != nil || fs.Err == nil {
			t.Errorf("a session beyond the limits is reported (%v), or has no error (%v)", fs.Report != nil, fs.Err)
		}
		if fs := forum.Sessions[1]; fs.Report == nil || fs.Err == nil {
			t.Errorf("a session that cannot be planned is not reported from its draft (%v), or has no error (%v)", fs.Report == nil, fs.Err)
		}
		outs := forumRender(t, &render.Document{Forum: forum})
		for _, want := range []string{`(?m)^  3 +Too large +– +– +0 +– +– +0 +none$`, `(?m)^  \d +Uneven .* draft$`} {
			if !regexp.MustCompile(want).Match(outs["text"]) {
				t.Errorf("text has no line %s:\n%s", want, outs["text"])
			}
		}
		// No session has a rapporteur, and the one that cannot be reported
		// cannot be checked: it does not pass either.
		for _, want := range []string{"Preset igf-rapporteur: 0 of 3 sessions pass\n", "Preset a-speaker: 2 of 3 sessions pass\n"} {
			if !strings.Contains(string(outs["text"]), want) {
				t.Errorf("text lacks %q", want)
			}
		}
		if strings.Contains(string(outs["html"]), "Every session passes") {
			t.Error("the page says every session passes a preset, but one cannot be checked")
		}
		forumCSVRead(t, outs["csv"])
	})
}

// TestForumDeterministic renders the seeds' report twice in every format,
// and the report of a second ForumReport, and compares the bytes; then it
// reports the programme with its sessions in other orders, which must give
// the same group tables, headcount and preset counts.
func TestForumDeterministic(t *testing.T) {
	prog := forumSeeds(t)
	forum := forumReport(t, prog, balance.Presets())
	for _, redact := range []bool{false, true} {
		first := forumRender(t, &render.Document{Forum: forum, Redact: redact})
		for _, again := range []*balance.Forum{forum, forumReport(t, prog, balance.Presets())} {
			outs := forumRender(t, &render.Document{Forum: again, Redact: redact})
			for _, f := range forumFormats {
				if !bytes.Equal(first[f.name], outs[f.name]) {
					t.Errorf("%s, redact %v: two renders differ:\n%s", f.name, redact, cmp.Diff(string(first[f.name]), string(outs[f.name])))
				}
			}
		}
	}

	type summary struct {
		Speakers   int
		Dimensions []balance.Balance
		Passing    map[string]int
	}
	summarize := func(f *balance.Forum) summary {
		s := summary{Speakers: f.Speakers, Dimensions: f.Dimensions, Passing: map[string]int{}}
		for _, p := range f.Presets {
			s.Passing[p.Preset.Name] = len(f.Sessions) - len(p.Failing)
		}
		return s
	}
	want := summarize(forum)
	n := len(prog.Sessions)
	for name, order := range map[string][]int{
		"reversed": {4, 3, 2, 1, 0},
		"rotated":  {2, 3, 4, 0, 1},
		"shuffled": {3, 0, 4, 1, 2},
	} {
		t.Run(name, func(t *testing.T) {
			if len(order) != n {
				t.Fatalf("the order has %d sessions, the programme %d", len(order), n)
			}
			other := &agenda.Programme{Title: prog.Title, SessionsPerSpeaker: prog.SessionsPerSpeaker}
			for _, i := range order {
				other.Sessions = append(other.Sessions, prog.Sessions[i])
			}
			got := summarize(forumReport(t, other, balance.Presets()))
			if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("ForumReport mismatch (-programme order +%s):\n%s", name, diff)
			}
		})
	}
}

// FuzzForumRender builds a programme of two to four sessions from the
// fuzzer's bytes, each a session of fuzzSession (random people, groups,
// modes, private fields, attribution, slot and room), its people renamed so
// that the first five characters of each name and gender are its own, and
// some of them, under a shared name, in several sessions. It reports the
// programme under the seeds' promise with the built-in presets and renders
// every format, named and redacted: none may fail, the CSV must read back
// with every record as long as the header and no cell a formula, the HTML
// and SVG hold no element of the programme's, and no output may show an
// organization, a country or a zone (a programme report shows none), a
// private gender, or a name that no session may show (private, or in a
// session that is not attributed, or any name when redacted); searched as
// fuzzCheckHidden searches, as written and with each format's escapes
// taken out.
func FuzzForumRender(f *testing.F) {
	for _, seed := range [][]byte{
		nil, // two hybrid, scheduled sessions, all choices 0
		{2, 0, 0, 3, 0, 0, 0, 0, 1, 2, 3, 4, 0x7f, 1, 1, 0, 0, 0, 0, 0, 1, 7, 5, 3, 1, 0xff, 0x80, 2, 2},
		{1, 2, 1, 5, 1, 1, 2, 3, 0xff, 4, 5, 6, 7, 8, 9, 3, 2, 1, 0, 1, 2, 2, 2, 0x81, 0x90, 3, 3},
		[]byte("the quick brown fox jumps over the lazy dog; 01:30 Europe/Zurich"),
		bytes.Repeat([]byte{1, 7, 3, 0xc4}, 60),
	} {
		f.Add(seed)
	}
	// Inputs long enough for every choice of four sessions, where short
	// ones leave the last sessions all choices 0: no private field, no
	// speaker in a segment.
	rng := rand.New(rand.NewPCG(2025, 11))
	for range 4 {
		seed := make([]byte, 1000)
		for i := range seed {
			seed[i] = byte(rng.Uint32())
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pk := &fuzzPicker{data: data}
		prog := forumFuzzProgramme(pk)
		for i := range prog.Sessions {
			validExceptText(t, &prog.Sessions[i]) // the generator's text is hostile on purpose
		}
		forum, err := balance.ForumReport(prog, balance.HybridPromise(), balance.Presets())
		if err != nil {
			t.Fatalf("ForumReport: %v", err)
		}
		loc := []*time.Location{nil, fuzzLoad(t, "Europe/Paris"), fuzzLoad(t, "America/New_York"), time.FixedZone("", -(9*60+30)*60)}[pk.intn(4)]
		for _, redact := range []bool{false, true} {
			d := &render.Document{Forum: forum, Location: loc, Redact: redact}
			hidden := forumFuzzHidden(prog, redact)
			for _, f := range forumFormats {
				var buf bytes.Buffer
				if err := f.render(&buf, d); err != nil {
					t.Fatalf("Forum %s: %v", f.name, err)
				}
				out := buf.Bytes()
				forms := []string{string(out)}
				if f.plain != nil {
					forms = append(forms, f.plain(t, out))
				}
				for _, form := range forms {
					fuzzCheckHidden(t, f.name, form, hidden)
				}
				switch f.name {
				case "csv":
					forumCSVRead(t, out)
				case "html":
					forumHTMLCheckInert(t, string(out))
				case "svg":
					forumSVGRead(t, out)
				}
			}
		}
		// Every speaker has a mode, the session's format where it is not
		// hybrid: the mode table holds all the time the reports give.
		var total time.Duration
		for _, fs := range forum.Sessions {
			if fs.Report != nil {
				for _, sp := range fs.Report.Speakers {
					total += sp.Time
				}
			}
		}
		for _, fd := range forum.Dimensions {
			if fd.Dimension.By == balance.ByMode && (fd.Time != total || fd.Unknown != 0) {
				t.Fatalf("the mode table holds %v, %d speakers without a mode; the sessions' reports give %v", fd.Time, fd.Unknown, total)
			}
		}
	})
}

// forumFuzzProgramme builds a programme of two to four sessions of
// fuzzSession. Person j of session k is renamed "ZqN<k><j>…", their
// organization "ZqO<k><j>…" and a gender of theirs that fuzzSession made a
// token "ZqG<k><j>", so that the first five characters of each are the
// person's own in the whole programme;
// then up to three speakers, each renamed "ZqS0<m>…", speak in two
// sessions or more. The choices of the programme come first, so that
// those of the sessions cannot use up the bytes.
func forumFuzzProgramme(pk *fuzzPicker) *agenda.Programme {
	prog := &agenda.Programme{Title: pick(pk, "", "IGF <2025> | *week*", "=forum\nweek")}
	if pk.intn(4) == 0 {
		prog.SessionsPerSpeaker = agenda.IGFSessionsPerSpeaker
	}
	n := 2 + pk.intn(3)
	decor := []string{"", " Lee", " <i>x</i>", " =SUM(A1)", " | *b*"}
	type share struct {
		name, org string
		in        int    // the sessions, as a mask of at least two
		who       [4]int // which of each session's speakers
	}
	shares := make([]share, pk.intn(4))
	for m := range shares {
		sh := &shares[m]
		sh.name = fmt.Sprintf("%sS0%d%s", fuzzToken, m, decor[pk.intn(len(decor))])
		sh.org = pick(pk, "", fmt.Sprintf("%sO9%d", fuzzToken, m))
		if sh.in = pk.intn(1 << n); bits.OnesCount(uint(sh.in)) < 2 {
			sh.in |= 3
		}
		for k := range sh.who {
			sh.who[k] = pk.intn(256)
		}
	}
	for k := range n {
		s, _ := fuzzSession(pk)
		for j := range s.People {
			p := &s.People[j]
			// fuzzSession names person j fuzzToken+"N%02d"+decoration.
			rename(s, p.Name, fmt.Sprintf("%sN%d%d%s", fuzzToken, k, j, p.Name[len(fuzzToken)+3:]))
			if strings.HasPrefix(p.Organization, fuzzToken+"O") { // and their organization "ZqO%02d…"
				p.Organization = fmt.Sprintf("%sO%d%d%s", fuzzToken, k, j, p.Organization[len(fuzzToken)+3:])
			}
			if strings.HasPrefix(p.Gender, fuzzToken) {
				p.Gender = fmt.Sprintf("%sG%d%d", fuzzToken, k, j)
			}
		}
		for _, sh := range shares {
			var speakers []int // not shared already
			for j := range s.People {
				if slices.Contains(s.People[j].Roles, agenda.RoleSpeaker) && !strings.HasPrefix(s.People[j].Name, fuzzToken+"S") {
					speakers = append(speakers, j)
				}
			}
			if sh.in&(1<<k) == 0 || len(speakers) == 0 {
				continue
			}
			j := speakers[sh.who[k]%len(speakers)]
			rename(s, s.People[j].Name, sh.name)
			s.People[j].Organization = sh.org
		}
		prog.Sessions = append(prog.Sessions, *s)
	}
	return prog
}

// forumFuzzHidden returns what a report on prog may not show: every
// organization, country and zone, which a programme report never shows;
// every gender kept private; and every name that no session may show,
// which is any name when redacted.
func forumFuzzHidden(prog *agenda.Programme, redact bool) []string {
	shown := map[string]bool{} // names some session may show
	for i := range prog.Sessions {
		s := &prog.Sessions[i]
		for _, p := range s.People {
			if !redact && s.Named() && !slices.Contains(p.Private, "name") {
				shown[agenda.NameKey(p.Name)] = true
			}
		}
	}
	var hidden []string
	for i := range prog.Sessions {
		for _, p := range prog.Sessions[i].People {
			if !shown[agenda.NameKey(p.Name)] {
				hidden = append(hidden, p.Name)
			}
			for _, v := range []string{p.Organization, p.Country, p.Zone} {
				if v != "" {
					hidden = append(hidden, v)
				}
			}
			if strings.HasPrefix(p.Gender, fuzzToken) && slices.Contains(p.Private, "gender") {
				hidden = append(hidden, p.Gender)
			}
		}
	}
	return hidden
}

// TestForumTextLineBreaks checks that a title with line breaks and tabs
// stays on its row of the text tables.
func TestForumTextLineBreaks(t *testing.T) {
	prog := forumSeeds(t)
	prog.Sessions[0].Title = "Cyber\r\ndiplomacy\tin action"
	var out bytes.Buffer
	if err := render.Text(&out, &render.Document{Forum: forumReport(t, prog, balance.Presets())}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "diplomacy") || strings.Contains(line, "\r") || strings.Contains(line, "\t") {
			t.Errorf("a title broke its row: %q", line)
		}
	}
}
