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

	// Stamp and Sequence are the DTSTAMP and SEQUENCE of the events
	// [ForumICS] writes, as [Document.Stamp] and [Document.Sequence] are
	// for one session's.
	Stamp    time.Time
	Sequence int

	// ByteOrderMark makes [ForumCSV] begin with the UTF-8 byte-order mark,
	// as [Document.ByteOrderMark] does for [CSV].
	ByteOrderMark bool
}

// forumView is what every format of a forum report shows, privacy applied.
type forumView struct {
	Title    string
	Facts    []htmlFact
	Dims     []forumDim
	Sessions []forumSession // in the forum's rank: the line-up furthest from the full sets first
	Presets  []forumPreset
	Frequent []forumPerson
	Repeated []forumRepeated
}

type forumDim struct {
	Title  string // "By region"
	Dim    balance.Dimension
	Groups []Group // by name, then a row of the speakers who give no value, if any
	Over   string  // over whom the shares are, if not over every speaker: "shares of the 2 of 19 speakers who give a gender"
}

// forumGroups returns the rows of a forum dimension as a report's are
// shown: its groups, then the speakers who give no value.
func forumGroups(fd balance.Balance) []Group {
	var out []Group
	for _, g := range fd.Groups {
		out = append(out, Group{Name: shown(g.Group), Speakers: g.Speakers, Time: g.Time, Share: g.Share, Target: g.Target, Outside: g.Outside})
	}
	if fd.Unknown > 0 {
		out = append(out, Group{Name: NotGivenRow, Speakers: fd.Unknown, Time: fd.UnknownTime, NotGiven: true})
	}
	return out
}

type forumSession struct {
	Rank           int
	Index          int
	Title          string
	When, Room     string
	Speakers       int
	Distance       float64 // the line-up's distance from the full sets
	Gap            float64
	Source         string // see sessionSource
	PresetsFailed  int
	ConstraintsNot int
}

type forumPreset struct {
	Name, Description string
	// Passing counts the sessions checked that neither fail nor have a
	// rule that cannot be checked; Unchecked those that do not fail but
	// have such a rule.
	Passing, UncheckedOnly, Of int
	Failing                    []forumFailure
	Unchecked                  []forumFailure // the rules that cannot be checked, of every session with one
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
		b := Balance{Dimension: fd.Dimension, Groups: forumGroups(fd), Counted: fd.Counted, Speakers: fd.Counted + fd.Unknown + outsideCount(forumGroups(fd))}
		v.Dims = append(v.Dims, forumDim{Title: chartDimTitle(fd.Dimension), Dim: fd.Dimension, Groups: b.Groups, Over: b.Over()})
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
	failure := func(pf balance.PresetFailure) forumFailure {
		ff := forumFailure{Session: shown(prog.Sessions[pf.Session].Title), Index: pf.Session}
		for _, vi := range pf.Violations {
			rule := forumRule{Rule: shown(vi.Constraint.String()), Note: shown(vi.Constraint.Note), Found: shown(vi.Text)}
			if vi.Unchecked {
				rule.Found = "cannot be checked: " + shown(vi.Text)
			} else {
				for _, name := range vi.People {
					rule.People = append(rule.People, doc(pf.Session).Who(name))
				}
			}
			ff.Rules = append(ff.Rules, rule)
		}
		return ff
	}
	for _, pr := range f.Presets {
		fp := forumPreset{Name: pr.Preset.Name, Description: pr.Preset.Description, Of: len(prog.Sessions)}
		failing := map[int]bool{}
		for _, pf := range pr.Failing {
			failing[pf.Session] = true
			failed[pf.Session].PresetsFailed++
			failed[pf.Session].ConstraintsNot += len(pf.Violations)
			fp.Failing = append(fp.Failing, failure(pf))
		}
		for _, pf := range pr.Unchecked {
			if !failing[pf.Session] {
				fp.UncheckedOnly++
			}
			fp.Unchecked = append(fp.Unchecked, failure(pf))
		}
		fp.Passing = checked - len(pr.Failing) - fp.UncheckedOnly
		v.Presets = append(v.Presets, fp)
	}

	for rank, i := range f.Ranked {
		fs := f.Sessions[i]
		s := &prog.Sessions[i]
		row := forumSession{Rank: rank + 1, Index: i, Title: shown(s.Title), Room: shown(s.Room), Distance: fs.Distance, Gap: fs.Gap, Source: sessionSource(fs),
			PresetsFailed: failed[i].PresetsFailed, ConstraintsNot: failed[i].ConstraintsNot}
		if fs.Report != nil {
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
		for _, ap := range fr.Appearances {
			p.Sessions = append(p.Sessions, shown(prog.Sessions[ap.Session].Title))
		}
		v.Frequent = append(v.Frequent, p)
	}
	v.Repeated = d.repeatedView(f)
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
// equal share (a "(not given)" row for the speakers who give no value, the
// shares over those who do), the sessions ranked by their line-up's
// distance from the full sets of stakeholder and regional groups,
// the sessions that fail each preset with the rules, counts and people,
// and those it cannot be checked against, the people who speak in the
// most sessions, and every person in more than one session, in any role.
// A session that fails validation is shown "from" "invalid", not "plan".
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
	fmt.Fprintln(w, strings.Repeat("=", textDisplayWidth(v.Title)))
	for _, f := range v.Facts {
		fmt.Fprintf(w, "%-10s%s\n", f.Label+":", f.Value)
	}

	fmt.Fprintln(w, "\nSpeaking time by group, over all sessions")
	for _, dim := range v.Dims {
		fmt.Fprintf(w, "\n%s\n", dim.Title)
		rows := [][]string{{"group", "speakers", "time", "share", "equal share"}}
		for _, g := range dim.Groups {
			rows = append(rows, []string{forumGroupCell(g), strconv.Itoa(g.Speakers), minutes(g.Time), shareCell(g, g.Share), shareCell(g, g.Target)})
		}
		textTable(w, rows)
		if dim.Over != "" {
			fmt.Fprintf(w, "  %s\n", dim.Over)
		}
	}

	fmt.Fprintln(w, "\nSessions, the line-up furthest from the full sets first")
	rows := [][]string{{"#", "session", "when", "room", "speakers", "line-up off", "time off target", "presets failed", "from"}}
	for _, s := range v.Sessions {
		rows = append(rows, []string{strconv.Itoa(s.Rank), s.Title, orDash(s.When), orDash(s.Room), strconv.Itoa(s.Speakers),
			Percent(s.Distance), Percent(s.Gap), strconv.Itoa(s.PresetsFailed), s.Source})
	}
	textTable(w, rows)
	fmt.Fprint(w, textWrap(lineupNote, "  ", "  "))

	for _, p := range v.Presets {
		fmt.Fprintf(w, "\nPreset %s: %s\n", p.Name, p.Summary())
		fmt.Fprint(w, textWrap(p.Description, "  ", "  "))
		for _, f := range p.Failing {
			fmt.Fprint(w, textWrap(f.Session, "  ✗ ", "    "))
			for _, r := range f.Rules {
				fmt.Fprint(w, textWrap(r.Text(), "    - ", "      "))
			}
		}
		for _, f := range p.Unchecked {
			fmt.Fprint(w, textWrap(f.Session, "  ? ", "    "))
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
	forumRepeatedText(w, v)
	return w.Flush()
}

// lineupNote says what the sessions' "line-up off" is.
const lineupNote = "line-up off: the share of a session's speakers that would have to be in another " +
	"stakeholder or regional group for the line-up to spread equally over the five of each (80% when all are in one); " +
	"time off target: the share of speaking time that would have to change hands to meet the plan's targets"

// Summary says how many sessions pass the preset, fail it, and cannot be
// checked against it: "2 of 5 sessions pass, 1 cannot be checked".
func (p forumPreset) Summary() string {
	s := fmt.Sprintf("%d of %d sessions pass", p.Passing, p.Of)
	if p.UncheckedOnly > 0 {
		s += fmt.Sprintf(", %d cannot be checked", p.UncheckedOnly)
	}
	return s
}

// forumGroupCell names a group of a forum table, as [groupCell] does.
func forumGroupCell(g Group) string { return groupCell(Balance{}, g) }

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
			mdRow(&b, forumGroupCell(g), strconv.Itoa(g.Speakers), minutes(g.Time), shareCell(g, g.Share), shareCell(g, g.Target))
		}
		if dim.Over != "" {
			fmt.Fprintf(&b, "\n%s.\n", strings.ToUpper(dim.Over[:1])+dim.Over[1:])
		}
	}
	b.WriteString("\n## Sessions, the line-up furthest from the full sets first\n\n")
	mdRow(&b, "#", "Session", "When", "Room", "Speakers", "Line-up off", "Time off target", "Presets failed", "From")
	b.WriteString("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n")
	for _, s := range v.Sessions {
		mdRow(&b, strconv.Itoa(s.Rank), s.Title, orDash(s.When), orDash(s.Room), strconv.Itoa(s.Speakers),
			Percent(s.Distance), Percent(s.Gap), strconv.Itoa(s.PresetsFailed), s.Source)
	}
	fmt.Fprintf(&b, "\n%s.\n", strings.ToUpper(lineupNote[:1])+lineupNote[1:])
	for _, p := range v.Presets {
		fmt.Fprintf(&b, "\n## Preset %s: %s\n\n%s\n", mdEscape(p.Name), p.Summary(), mdEscape(p.Description))
		if len(p.Failing)+len(p.Unchecked) > 0 {
			b.WriteString("\n")
		}
		for _, f := range p.Failing {
			fmt.Fprintf(&b, "- **%s**\n", mdEscape(f.Session))
			for _, r := range f.Rules {
				fmt.Fprintf(&b, "  - %s\n", mdEscape(r.Text()))
			}
		}
		for _, f := range p.Unchecked {
			fmt.Fprintf(&b, "- **%s** (cannot be checked)\n", mdEscape(f.Session))
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
	forumRepeatedMarkdown(&b, v)
	_, err = w.Write(b.Bytes())
	return err
}

// ForumCSV writes the programme's report as one CSV table in long form, for
// a spreadsheet to filter on its first column: a "group" row for each
// group of each dimension (and a "(not given)" row; a row without a share,
// such as that one, leaves share and target empty), a "session" row for
// each session in rank order (its source "plan", "invalid" for one that
// fails validation, which is not planned, or "draft" for one no plan
// meets; lineup_off its line-up's distance from the full sets,
// off_target its time's), a "violation" row for each rule a session fails
// in each preset (outcome "fail") or cannot be checked against (outcome
// "cannot be checked"), and a
// "speaker" row for each of the people who speak in the most sessions, in
// rank order, with their sessions' titles and how many there are, and a
// "person" row for each person in more than one session, in any role,
// with each session's title and roles. Cells
// that a spreadsheet would take for a formula are quoted as text. With
// ByteOrderMark set the file begins with the UTF-8 byte-order mark, for
// Excel. Its errors are those of [ForumText].
func ForumCSV(w io.Writer, d *ForumDocument) error {
	v, err := d.view()
	if err != nil {
		return err
	}
	if d.ByteOrderMark {
		if _, err := io.WriteString(w, csvBOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	columns := []string{"table", "rank", "session", "when", "room", "source", "dimension", "group", "preset", "rule", "outcome", "found", "people",
		"speakers", "sessions", "minutes", "share", "target", "lineup_off", "off_target", "presets_failed"}
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
			cells := map[string]string{"table": "group", "dimension": dim.Dim.Name(), "group": forumGroupCell(g), "speakers": strconv.Itoa(g.Speakers),
				"minutes": decimalMinutes(g.Time)}
			if g.HasShare() { // a row without a share leaves share and target empty
				cells["share"], cells["target"] = share(g.Share), share(g.Target)
			}
			row(cells)
		}
	}
	for _, s := range v.Sessions {
		row(map[string]string{"table": "session", "rank": strconv.Itoa(s.Rank), "session": s.Title, "when": s.When, "room": s.Room,
			"source": s.Source, "speakers": strconv.Itoa(s.Speakers), "lineup_off": share(s.Distance), "off_target": share(s.Gap), "presets_failed": strconv.Itoa(s.PresetsFailed)})
	}
	for _, p := range v.Presets {
		for k, list := range [][]forumFailure{p.Failing, p.Unchecked} {
			outcome := []string{"fail", "cannot be checked"}[k]
			for _, f := range list {
				for _, r := range f.Rules {
					rule := r.Rule
					if r.Note != "" {
						rule += " (" + r.Note + ")"
					}
					row(map[string]string{"table": "violation", "session": f.Session, "preset": p.Name, "rule": rule, "outcome": outcome,
						"found": strings.TrimPrefix(r.Found, "cannot be checked: "), "people": strings.Join(r.People, "; ")})
				}
			}
		}
	}
	for i, p := range v.Frequent {
		row(map[string]string{"table": "speaker", "rank": strconv.Itoa(i + 1), "session": strings.Join(p.Sessions, "; "), "people": p.Who,
			"sessions": strconv.Itoa(len(p.Sessions)), "minutes": decimalMinutes(p.Time)})
	}
	forumRepeatedCSV(row, v)
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
	"share":   shareCell,
	"group":   forumGroupCell,
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
		Chart      template.HTML
		LineupNote string
	}{v, htmlInlineSVG(svg, "Each group's share of speaking time over the programme against an equal share"), strings.ToUpper(lineupNote[:1]) + lineupNote[1:] + "."}
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
		var partial bool
		if dim.groups, partial = chartGroups(fd.Groups); partial {
			dim.title += ": shares of all speaking time"
		}
		if len(dim.groups) > 0 {
			ch.dims = append(ch.dims, dim)
		}
	}
	ch.layout()
	return ch.svg()
}
