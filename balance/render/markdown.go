package render

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Markdown writes the run-of-show as GitHub-flavoured Markdown, for a wiki
// or a session page, as complete as [Text]: the title, the slot (or that it
// is not scheduled), the people with their roles, groups, modes and
// organizations, the policy questions, the run-of-show as a table with one
// row per turn (clock
// times, segment, person, role, mode, groups and minutes; an activity shows
// who leads it), then, when the document has them, each speaker's and each
// group's speaking time against its target (a "(not given)" row for the
// speakers who give no value, the shares over those who do), what is due
// after the session, the findings of the report as two numbered lists, of
// the line-up and of the plan, and what [agenda.Session.Validate] finds in
// the session ("No problems." or a list), values the session's outputs may
// not show left out as validation leaves them out, and as agenda.Redact
// does under Redact. Without a run-of-show the table lists the speakers of
// each segment of the draft.
//
// Every piece of text from the session is escaped, with a backslash before
// each character that makes Markdown or HTML and each line break turned
// into a space, so that Markdown or HTML in a name shows as written, on one
// line of the table, and never as markup. Names, organizations and groups
// come through the document's accessors, so privacy holds as for every
// format. A document with a Forum is written as the programme's report,
// with the parts [Text] gives it.
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func Markdown(w io.Writer, d *Document) error {
	k, err := d.holds("Markdown", kindForum)
	if err != nil {
		return err
	}
	if k == kindForum {
		return forumMarkdown(w, d)
	}
	d, err = d.prepare()
	if err != nil {
		return err
	}
	problems := d.validation()
	s := d.Session()
	var b bytes.Buffer
	slot := d.slot()
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(s.Title))
	fact := func(label, value string) {
		if value != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", label, value)
		}
	}
	fact("Slot", mdEscape(d.slotText()))
	fact("Format", mdEscape(string(s.Format)))
	fact("Room", mdEscape(s.Room))
	if !d.named() {
		fact("Names", "not attributed: people are shown by role and group only")
	}
	b.WriteString("\n## People\n\n")
	if len(s.People) == 0 {
		b.WriteString("None listed.\n")
	} else {
		b.WriteString("| Name | Roles | Stakeholder | Region | Mode | Organization |\n| --- | --- | --- | --- | --- | --- |\n")
		for i := range s.People {
			p := &s.People[i]
			mdRow(&b, d.Who(p.Name), textRoles(p.Roles), d.field(p, "stakeholder"), d.field(p, "region"),
				string(p.Mode), d.field(p, "organization"))
		}
	}
	if len(s.Questions) > 0 {
		b.WriteString("\n## Policy questions\n\n")
		for _, q := range s.Questions {
			fmt.Fprintf(&b, "- **%s.** %s\n", mdEscape(q.ID), mdEscape(q.Text))
		}
	}

	b.WriteString("\n## Run of show\n\n")
	if d.RunOfShow != nil {
		mdRunOfShow(&b, d)
	} else {
		mdDraft(&b, d)
	}
	plan := s.Plan()
	b.WriteString("\n" + planned(plan, slot.Length) + "\n")
	if len(s.Deadlines) > 0 {
		b.WriteString("\n")
	}
	for _, dl := range s.Deadlines {
		fmt.Fprintf(&b, "- **Due:** %s by %s\n", mdEscape(dl.What), dl.Due.In(slot.Start.Location()).Format("Monday 2 January 2006, 15:04 MST"))
	}

	out := newOutput(d)
	if d.Allocation != nil || d.Report != nil {
		mdSpeaking(&b, d, out)
	}
	if d.Report != nil {
		for _, l := range findingLists(d.Report) {
			fmt.Fprintf(&b, "\n## %s\n\n", l.Title)
			if len(l.Findings) == 0 {
				b.WriteString("None.\n")
			}
			for i, f := range l.Findings {
				fmt.Fprintf(&b, "%d. %s\n", i+1, mdEscape(shown(f.Text)))
			}
		}
	}
	b.WriteString("\n## Validation\n\n")
	if len(problems) == 0 {
		b.WriteString("No problems.\n")
	}
	for _, p := range problems {
		fmt.Fprintf(&b, "- %s\n", mdEscape(p))
	}
	_, err = w.Write(b.Bytes())
	return err
}

// mdRunOfShow writes the table of the run-of-show's turns.
func mdRunOfShow(b *bytes.Buffer, d *Document) {
	rows := d.rows()
	slot := d.slot()
	unit := time.Minute // time.Second if any turn starts or ends within a minute
	for _, r := range rows {
		for _, t := range []time.Time{r.Start, r.End} {
			if t.Sub(slot.Start)%time.Minute != 0 {
				unit = time.Second
			}
		}
	}
	mdHeader(b)
	for k, r := range rows {
		segment := ""
		if k == 0 || rows[k-1].Segment != r.Segment {
			segment = r.Title
			if r.Track != "" {
				segment += " (track " + r.Track + ")"
			}
		}
		who, role := r.Who, r.Role
		switch r.Kind {
		case "moderation":
			if who == "" {
				who = "the moderator"
			}
		case "handover":
			role = "hand-over"
		case "audience":
			who, role = "questions from the room and online", "audience"
		case "activity":
			role = string(r.SegmentKind)
			if len(r.Leaders) > 0 {
				who = "led by " + strings.Join(r.Leaders, ", ")
			}
		}
		if r.Organization != "" {
			who += " (" + r.Organization + ")"
		}
		mode := string(r.Mode)
		if r.Local != "" {
			mode += " (" + r.Local + ")"
		}
		mdRow(b, d.clockRange(r.Start, r.End, unit), segment, who, role, mode,
			join(r.Stakeholder, r.Region), decimalMinutes(r.Length))
	}
}

// mdDraft writes the table of a draft's segments, with the speakers each
// lists and no times for them.
func mdDraft(b *bytes.Buffer, d *Document) {
	s := d.Session()
	mdHeader(b)
	for i, span := range s.Plan().Spans {
		seg := &s.Segments[i]
		title := seg.Title
		if seg.Track != "" {
			title += " (track " + seg.Track + ")"
		}
		lead := make([]string, len(seg.Facilitators))
		for k, name := range seg.Facilitators {
			lead[k] = d.Who(name)
		}
		who := ""
		if len(lead) > 0 {
			who = "led by " + strings.Join(lead, ", ")
		}
		mdRow(b, d.clockRange(span.Start, span.End, time.Minute), title, who, string(seg.Kind), "", "", decimalMinutes(span.Length()))
		for _, name := range seg.Speakers {
			who, mode, groups := d.Who(name), "", ""
			if p, _, ok := d.person(name); ok {
				if org := d.field(p, "organization"); org != "" {
					who += " (" + org + ")"
				}
				mode = string(p.Mode)
				groups = join(d.field(p, "stakeholder"), d.field(p, "region"))
			}
			mdRow(b, "", "", who, string(agenda.RoleSpeaker), mode, groups, "")
		}
	}
}

func mdHeader(b *bytes.Buffer) {
	b.WriteString("| Time | Segment | Person | Role | Mode | Groups | Minutes |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | ---: |\n")
}

// mdRow writes one row of a table, escaping every cell.
func mdRow(b *bytes.Buffer, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + mdEscape(c) + " |")
	}
	b.WriteString("\n")
}

// mdSpeaking writes each speaker's time, and each group's against its target.
func mdSpeaking(b *bytes.Buffer, d *Document, out *Output) {
	b.WriteString("\n## Speaking time\n\n")
	if len(out.Speaking) == 0 {
		b.WriteString("No segment lists speakers: there is no speaking time to share.\n")
	} else {
		if d.Allocation != nil {
			fmt.Fprintf(b, "%s among %d speakers, in steps of %s.\n\n",
				timeslot.FormatLength(d.Allocation.Budget), len(out.Speaking), timeslot.FormatLength(d.Allocation.Step))
			b.WriteString("| Speaker | Time | Share | Fair share | Why |\n| --- | ---: | ---: | ---: | --- |\n")
		} else {
			fmt.Fprintf(b, "%s among %d speakers.\n\n", timeslot.FormatLength(d.Report.Speaking), len(out.Speaking))
			b.WriteString("| Speaker | Time | Share |\n| --- | ---: | ---: |\n")
		}
		for _, sp := range out.Speaking {
			cells := []string{sp.Who, timeslot.FormatLength(sp.Time), format.Percent(sp.Share)}
			if d.Allocation != nil {
				cells = append(cells, timeslot.FormatLength(sp.Fair), strings.Join(sp.Why, "; "))
			}
			mdRow(b, cells...)
		}
	}

	balances, dropped := d.balances()
	for _, bal := range balances {
		fmt.Fprintf(b, "\n### By %s\n\n", mdEscape(shown(bal.Dimension.Name())))
		b.WriteString(strings.ToUpper(bal.Note[:1]) + bal.Note[1:] + ".\n\n")
		b.WriteString("| Group | Speakers | Time | Share | Target |\n| --- | ---: | ---: | ---: | ---: |\n")
		for _, g := range bal.Groups {
			mdRow(b, groupCell(g), strconv.Itoa(g.Speakers), timeslot.FormatLength(g.Time), shareCell(g, g.Share), shareCell(g, g.Target))
		}
		if over := bal.over(); over != "" {
			b.WriteString("\n" + strings.ToUpper(over[:1]) + over[1:] + ".\n")
		}
	}
	for _, dim := range dropped {
		fmt.Fprintf(b, "\nNot balanced by %s: the session is %s.\n", mdEscape(shown(dim.Name())), mdEscape(string(d.Session().Format)))
	}
}

// mdEscaper escapes the characters that make Markdown or HTML, and turns
// line breaks, which would end a table row, into spaces.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "&", `\&`, "~", `\~`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdEscape returns s as Markdown text that shows s as written: it puts a
// backslash before \ | * _ ` [ ] < > # & and ~, so that no emphasis,
// code, link, heading, HTML tag or entity, and no table cell boundary, can
// come from s, and turns each line break into a space, so that s stays on
// one line of a table.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

// forumMarkdown writes the programme's report as Markdown, with the same
// parts as forumText; every text from the programme is escaped. Its
// errors are those of forumText.
func forumMarkdown(w io.Writer, d *Document) error {
	v, err := d.forumReport()
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
			mdRow(&b, groupCell(g), strconv.Itoa(g.Speakers), timeslot.FormatLength(g.Time), shareCell(g, g.Share), shareCell(g, g.Target))
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
			s.LineupOff(), s.OffTarget(), strconv.Itoa(s.PresetsFailed), s.Source)
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
			mdRow(&b, p.Who, strconv.Itoa(len(p.Sessions)), timeslot.FormatLength(p.Time), strings.Join(p.Sessions, "; "))
		}
	}
	forumRepeatedMarkdown(&b, v)
	_, err = w.Write(b.Bytes())
	return err
}
