package render

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrNoForum is returned by the forum renderers for a document without a
// forum report, or a nil document.
var ErrNoForum = errors.New("render: the document has no forum report")

// ForumDocument is a programme's report, ready to render. Names come
// through the same privacy rules as in a [Document]: a name marked private,
// or from a session that is not attributed, is never shown.
type ForumDocument struct {
	Forum *balance.Forum

	// Location shows clock times in another zone; nil keeps each session's.
	Location *time.Location

	// Redact leaves every name out.
	Redact bool
}

// forumView is what every format of a forum report shows, privacy applied.
type forumView struct {
	Title    string
	Facts    []htmlFact
	Dims     []forumDim
	Sessions []forumSession // furthest from their targets first
	Presets  []forumPreset
	Frequent []forumPerson
}

type forumDim struct {
	Title   string // "By region"
	Dim     balance.Dimension
	Groups  []balance.ForumGroup
	Unknown int // speakers with no value
}

type forumSession struct {
	Rank           int
	Index          int
	Title          string
	When, Room     string
	Speakers       int
	Gap            float64
	Source         string // "plan", or "draft" for a session that cannot be planned
	PresetsFailed  int
	ConstraintsNot int
}

type forumPreset struct {
	Name, Description string
	Passing, Of       int // Passing counts the sessions checked that do not fail
	Failing           []forumFailure
}

type forumFailure struct {
	Session string
	Index   int
	Rules   []forumRule
}

type forumRule struct {
	Rule, Note, Found string
	People            []string // as the session's document may name them
}

// Text returns the rule as one line: "<rule> (<note>): <found>: <people>".
func (r forumRule) Text() string {
	s := r.Rule
	if r.Note != "" {
		s += " (" + r.Note + ")"
	}
	s += ": " + r.Found
	if len(r.People) > 0 {
		s += " – " + strings.Join(r.People, ", ")
	}
	return s
}

type forumPerson struct {
	Who      string
	Sessions []string // titles
	Time     time.Duration
}

// view gathers what the forum formats show.
func (d *ForumDocument) view() (*forumView, error) {
	if d == nil || d.Forum == nil || d.Forum.Programme == nil {
		return nil, ErrNoForum
	}
	f := d.Forum
	if f == nil {
		return nil, ErrNoForum
	}
	prog := f.Programme
	v := &forumView{Title: shown(prog.Title)}
	if v.Title == "" {
		v.Title = "Programme"
	}
	scheduled := 0
	for i := range prog.Sessions {
		if prog.Sessions[i].Slot.Scheduled() {
			scheduled++
		}
	}
	sessions := fmt.Sprintf("%d", len(prog.Sessions))
	if scheduled < len(prog.Sessions) {
		sessions += fmt.Sprintf(" (%d without a start time)", len(prog.Sessions)-scheduled)
	}
	v.Facts = append(v.Facts, htmlFact{"Sessions", sessions})
	if span, ok := prog.Span(); ok {
		v.Facts = append(v.Facts, htmlFact{"From", d.clock(span.Start)}, htmlFact{"To", d.clock(span.End)})
	}
	v.Facts = append(v.Facts, htmlFact{"Speakers", fmt.Sprintf("%d people", f.Speakers)})
	if prog.SessionsPerSpeaker > 0 {
		v.Facts = append(v.Facts, htmlFact{"Limit", fmt.Sprintf("%d sessions per speaker", prog.SessionsPerSpeaker)})
	}

	for _, fd := range f.Dimensions {
		groups := slices.Clone(fd.Groups)
		for i := range groups {
			groups[i].Group = shown(groups[i].Group)
		}
		v.Dims = append(v.Dims, forumDim{Title: chartDimTitle(fd.Dimension), Dim: fd.Dimension, Groups: groups, Unknown: fd.Unknown})
	}

	docs := make([]*Document, len(prog.Sessions))
	doc := func(i int) *Document {
		if docs[i] == nil {
			docs[i] = &Document{Draft: &prog.Sessions[i], Location: d.Location, Redact: d.Redact}
		}
		return docs[i]
	}
	failed := make([]forumSession, len(prog.Sessions))
	checked := 0 // a session without a report is not checked: it does not pass
	for _, fs := range f.Sessions {
		if fs.Report != nil {
			checked++
		}
	}
	for _, pr := range f.Presets {
		fp := forumPreset{Name: pr.Preset.Name, Description: pr.Preset.Description, Of: len(prog.Sessions), Passing: checked - len(pr.Failing)}
		for _, pf := range pr.Failing {
			ff := forumFailure{Session: shown(prog.Sessions[pf.Session].Title), Index: pf.Session}
			for _, vi := range pf.Violations {
				rule := forumRule{Rule: shown(vi.Constraint.String()), Note: shown(vi.Constraint.Note), Found: shown(vi.Text)}
				for _, name := range vi.People {
					rule.People = append(rule.People, doc(pf.Session).Who(name))
				}
				ff.Rules = append(ff.Rules, rule)
			}
			failed[pf.Session].PresetsFailed++
			failed[pf.Session].ConstraintsNot += len(pf.Violations)
			fp.Failing = append(fp.Failing, ff)
		}
		v.Presets = append(v.Presets, fp)
	}

	for rank, i := range f.Ranked {
		fs := f.Sessions[i]
		s := &prog.Sessions[i]
		row := forumSession{Rank: rank + 1, Index: i, Title: shown(s.Title), Room: shown(s.Room), Gap: fs.Gap, Source: "plan",
			PresetsFailed: failed[i].PresetsFailed, ConstraintsNot: failed[i].ConstraintsNot}
		if fs.Err != nil {
			row.Source = "draft"
		}
		if fs.Report == nil {
			row.Source = "none"
		} else {
			row.Speakers = len(fs.Report.Speakers)
		}
		if slot := s.Slot.In(d.Location); slot.Scheduled() {
			row.When = slot.String()
		}
		v.Sessions = append(v.Sessions, row)
	}

	for _, fr := range f.Frequent {
		p := forumPerson{Who: shown(fr.Name), Time: fr.Time}
		if fr.Private || d.Redact {
			p.Who = "a person whose name is not shown"
		}
		for _, i := range fr.Sessions {
			p.Sessions = append(p.Sessions, shown(prog.Sessions[i].Title))
		}
		v.Frequent = append(v.Frequent, p)
	}
	return v, nil
}

// clock writes a moment as "Tue 10 Oct 2023 06:15 UTC", in the document's
// zone if it has one.
func (d *ForumDocument) clock(t time.Time) string {
	if d.Location != nil {
		t = t.In(d.Location)
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}

// minutes writes a length as "40m" or "2h10m30s".
func minutes(d time.Duration) string { return timeslot.FormatLength(d) }

// ForumText writes the programme's report as plain text: the programme, the
// speaking time and headcount of every group over all sessions against an
// equal share, the sessions ranked by their distance from their targets,
// the sessions that fail each preset with the rules, counts and people,
// and the people who speak in the most sessions.
//
// It returns [ErrNoForum] for a document without a forum report, and the
// errors of out.
func ForumText(out io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, v.Title)
	fmt.Fprintln(w, strings.Repeat("=", len([]rune(v.Title))))
	for _, f := range v.Facts {
		fmt.Fprintf(w, "%-10s%s\n", f.Label+":", f.Value)
	}

	fmt.Fprintln(w, "\nSpeaking time by group, over all sessions")
	for _, dim := range v.Dims {
		fmt.Fprintf(w, "\n%s\n", dim.Title)
		rows := [][]string{{"group", "speakers", "time", "share", "equal share"}}
		for _, g := range dim.Groups {
			rows = append(rows, []string{g.Group, strconv.Itoa(g.Speakers), minutes(g.Time), Percent(g.Share), Percent(g.Target)})
		}
		textTable(w, rows)
		if dim.Unknown > 0 {
			fmt.Fprintf(w, "  %s no %s\n", speakersGive(dim.Unknown), dim.Dim.Name())
		}
	}

	fmt.Fprintln(w, "\nSessions, furthest from their targets first")
	rows := [][]string{{"#", "session", "when", "room", "speakers", "off target", "presets failed", "from"}}
	for _, s := range v.Sessions {
		rows = append(rows, []string{strconv.Itoa(s.Rank), s.Title, orDash(s.When), orDash(s.Room), strconv.Itoa(s.Speakers),
			Percent(s.Gap), strconv.Itoa(s.PresetsFailed), s.Source})
	}
	textTable(w, rows)

	for _, p := range v.Presets {
		fmt.Fprintf(w, "\nPreset %s: %d of %d sessions pass\n", p.Name, p.Passing, p.Of)
		fmt.Fprint(w, textWrap(p.Description, "  ", "  "))
		for _, f := range p.Failing {
			fmt.Fprint(w, textWrap(f.Session, "  ✗ ", "    "))
			for _, r := range f.Rules {
				fmt.Fprint(w, textWrap(r.Text(), "    - ", "      "))
			}
		}
	}

	fmt.Fprintln(w, "\nPeople who speak in the most sessions")
	if len(v.Frequent) == 0 {
		fmt.Fprintln(w, "  nobody speaks")
	} else {
		rows := [][]string{{"person", "sessions", "time", "titles"}}
		for _, p := range v.Frequent {
			rows = append(rows, []string{p.Who, strconv.Itoa(len(p.Sessions)), minutes(p.Time), strings.Join(p.Sessions, "; ")})
		}
		textTable(w, rows)
	}
	return w.Flush()
}

// speakersGive writes "1 speaker gives" or "3 speakers give".
func speakersGive(n int) string {
	if n == 1 {
		return "1 speaker gives"
	}
	return fmt.Sprintf("%d speakers give", n)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// ForumMarkdown writes the programme's report as Markdown, with the same
// parts as [ForumText]; every text from the programme is escaped. Its
// errors are those of [ForumText].
func ForumMarkdown(w io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(v.Title))
	for _, f := range v.Facts {
		fmt.Fprintf(&b, "- **%s:** %s\n", f.Label, mdEscape(f.Value))
	}
	b.WriteString("\n## Speaking time by group, over all sessions\n")
	for _, dim := range v.Dims {
		fmt.Fprintf(&b, "\n### %s\n\n", mdEscape(dim.Title))
		mdRow(&b, "Group", "Speakers", "Time", "Share", "Equal share")
		b.WriteString("| --- | ---: | ---: | ---: | ---: |\n")
		for _, g := range dim.Groups {
			mdRow(&b, g.Group, strconv.Itoa(g.Speakers), minutes(g.Time), Percent(g.Share), Percent(g.Target))
		}
		if dim.Unknown > 0 {
			fmt.Fprintf(&b, "\n%s no %s.\n", speakersGive(dim.Unknown), dim.Dim.Name())
		}
	}
	b.WriteString("\n## Sessions, furthest from their targets first\n\n")
	mdRow(&b, "#", "Session", "When", "Room", "Speakers", "Off target", "Presets failed", "From")
	b.WriteString("| ---: | --- | --- | --- | ---: | ---: | ---: | --- |\n")
	for _, s := range v.Sessions {
		mdRow(&b, strconv.Itoa(s.Rank), s.Title, orDash(s.When), orDash(s.Room), strconv.Itoa(s.Speakers),
			Percent(s.Gap), strconv.Itoa(s.PresetsFailed), s.Source)
	}
	for _, p := range v.Presets {
		fmt.Fprintf(&b, "\n## Preset %s: %d of %d sessions pass\n\n%s\n", mdEscape(p.Name), p.Passing, p.Of, mdEscape(p.Description))
		if len(p.Failing) > 0 {
			b.WriteString("\n")
		}
		for _, f := range p.Failing {
			fmt.Fprintf(&b, "- **%s**\n", mdEscape(f.Session))
			for _, r := range f.Rules {
				fmt.Fprintf(&b, "  - %s\n", mdEscape(r.Text()))
			}
		}
	}
	b.WriteString("\n## People who speak in the most sessions\n\n")
	if len(v.Frequent) == 0 {
		b.WriteString("Nobody speaks.\n")
	} else {
		mdRow(&b, "Person", "Sessions", "Time", "Titles")
		b.WriteString("| --- | ---: | ---: | --- |\n")
		for _, p := range v.Frequent {
			mdRow(&b, p.Who, strconv.Itoa(len(p.Sessions)), minutes(p.Time), strings.Join(p.Sessions, "; "))
		}
	}
	_, err = w.Write(b.Bytes())
	return err
}

// ForumCSV writes the programme's report as one CSV table in long form, for
// a spreadsheet to filter on its first column: a "group" row for each
// group of each dimension, a "session" row for each session in rank order
// (its source "plan", or "draft" for one that cannot be planned), a
// "violation" row for each rule a session fails in each preset, and a
// "speaker" row for each of the people who speak in the most sessions, in
// rank order, with their sessions' titles and how many there are. Cells
// that a spreadsheet would take for a formula are quoted as text. Its
// errors are those of [ForumText].
func ForumCSV(w io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	columns := []string{"table", "rank", "session", "when", "room", "source", "dimension", "group", "preset", "rule", "found", "people",
		"speakers", "sessions", "minutes", "share", "target", "off_target", "presets_failed"}
	cw.Write(columns)
	// row writes the cells given by column, the others empty; an error, if
	// any, comes from Flush.
	row := func(cells map[string]string) {
		out := make([]string, len(columns))
		for i, c := range columns {
			out[i] = csvCell(cells[c])
		}
		cw.Write(out)
	}
	for _, dim := range v.Dims {
		for _, g := range dim.Groups {
			row(map[string]string{"table": "group", "dimension": dim.Dim.Name(), "group": g.Group, "speakers": strconv.Itoa(g.Speakers),
				"minutes": decimalMinutes(g.Time), "share": share(g.Share), "target": share(g.Target)})
		}
	}
	for _, s := range v.Sessions {
		row(map[string]string{"table": "session", "rank": strconv.Itoa(s.Rank), "session": s.Title, "when": s.When, "room": s.Room,
			"source": s.Source, "speakers": strconv.Itoa(s.Speakers), "off_target": share(s.Gap), "presets_failed": strconv.Itoa(s.PresetsFailed)})
	}
	for _, p := range v.Presets {
		for _, f := range p.Failing {
			for _, r := range f.Rules {
				rule := r.Rule
				if r.Note != "" {
					rule += " (" + r.Note + ")"
				}
				row(map[string]string{"table": "violation", "session": f.Session, "preset": p.Name, "rule": rule, "found": r.Found,
					"people": strings.Join(r.People, "; ")})
			}
		}
	}
	for i, p := range v.Frequent {
		row(map[string]string{"table": "speaker", "rank": strconv.Itoa(i + 1), "session": strings.Join(p.Sessions, "; "), "people": p.Who,
			"sessions": strconv.Itoa(len(p.Sessions)), "minutes": decimalMinutes(p.Time)})
	}
	cw.Flush()
	return cw.Error()
}

// share writes a share as a decimal with at most four places: "0.8333".
func share(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

//go:embed forum.tmpl
var forumSource string

// forumTemplate shares the run-of-show page's style.
var forumTemplate = template.Must(template.Must(htmlTemplate.Clone()).New("forum").Funcs(template.FuncMap{
	"percent": Percent,
	"length":  minutes,
	"dash":    orDash,
	"give":    speakersGive,
}).Parse(forumSource))

// ForumHTML writes the programme's report as one self-contained HTML page,
// with its style inline and no script: the parts of [ForumText], with a
// chart of each dimension's groups (their share of speaking time against an
// equal share) drawn inline as SVG. All text from the programme is escaped.
// Its errors are those of [ForumText].
func ForumHTML(w io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	svg, err := forumSVG(v, false)
	if err != nil {
		return err
	}
	page := struct {
		*forumView
		Chart template.HTML
	}{v, htmlInlineSVG(svg, "Each group's share of speaking time over the programme against an equal share")}
	var out bytes.Buffer
	if err := forumTemplate.Execute(&out, page); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// ForumSVG draws each dimension's groups over the programme, their share of
// speaking time against an equal share, as one SVG image 512 points wide.
// Its errors are those of [ForumText].
func ForumSVG(w io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	svg, err := forumSVG(v, true)
	if err != nil {
		return err
	}
	_, err = w.Write(svg)
	return err
}

func forumSVG(v *forumView, header bool) ([]byte, error) {
	ch := &chart{header: header, title: v.Title, heading: "Speaking time by group over the programme", target: "equal share"}
	var facts []string
	for _, f := range v.Facts {
		facts = append(facts, f.Label+" "+f.Value)
	}
	ch.sub = strings.Join(facts, " · ")
	for _, fd := range v.Dims {
		dim := chartDim{title: fd.Title, mode: fd.Dim.By == balance.ByMode}
		for _, g := range fd.Groups {
			dim.groups = append(dim.groups, chartGroup{name: shown(g.Group), share: g.Share, target: g.Target})
		}
		if len(dim.groups) > 0 {
			ch.dims = append(ch.dims, dim)
		}
	}
	ch.layout()
	return ch.svg()
}
