package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// textWidth is the width text is wrapped to.
const textWidth = 88

// Text writes the run-of-show as plain text for a terminal or an e-mail:
// the session, its people, its policy questions, every segment and turn on
// the clock, the speaking time of each speaker and group against its target,
// with a "(not given)" row for the speakers who give no value, and the
// findings of the report in two lists, "Findings of the line-up" (who was
// invited) and "Findings of the plan" (the time they get). Without a
// run-of-show it writes the draft
// (Document.Draft) as given.
//
// A document with a Forum is written as the programme's report: the
// programme, the speaking time and headcount of every group over all
// sessions against an equal share, the sessions ranked by how far their
// line-up is from the full sets of stakeholder and regional groups, the
// sessions that fail each preset and why, the people who speak in the most
// sessions, and every person in more than one session. A document with an
// Audit is written as the audit alone: planned against actual speaking
// time per person, the log's problems and the findings of what was said.
// A document with Replanned set is written as the re-plan of the rest of a
// session alone, its clock counting from the start of the session
// Replanned.
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of out.
func Text(out io.Writer, d *Document) error {
	k, err := d.holds("Text", kindForum, kindAudit, kindReplan)
	if err != nil {
		return err
	}
	if k == kindForum {
		return forumText(out, d)
	}
	if k == kindAudit {
		return auditText(out, d)
	}
	if k == kindReplan {
		return replanText(out, d)
	}
	d, err = d.prepare()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	s, ros, al, report := d.Session(), d.RunOfShow, d.Allocation, d.Report
	slot := d.slot()
	plan := s.Plan()

	fmt.Fprintln(w, s.Title)
	fmt.Fprintln(w, strings.Repeat("=", textDisplayWidth(s.Title)))
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-8s%s\n", label+":", value)
		}
	}
	line("Format", string(s.Format))
	if !d.named() {
		line("Names", "not attributed: people are shown by role and group only")
	}
	if slot.Scheduled() {
		line("Slot", d.slotText())
	} else {
		line("Slot", slot.String()+"; times count from the start")
	}
	line("Room", s.Room)

	fmt.Fprintln(w, "\nPeople")
	rows := [][]string{{"name", "roles", "stakeholder", "region", "mode", "organization"}}
	for i := range s.People {
		p := &s.People[i]
		rows = append(rows, []string{d.Who(p.Name), textRoles(p.Roles),
			d.field(p, "stakeholder"), d.field(p, "region"), string(p.Mode), d.field(p, "organization")})
	}
	textTable(w, rows)

	if len(s.Questions) > 0 {
		fmt.Fprintln(w, "\nPolicy questions")
		for _, q := range s.Questions {
			fmt.Fprint(w, textWrap(q.ID+". "+q.Text, "  ", "     "))
		}
	}

	fmt.Fprintln(w, "\nRun of show")
	for i, seg := range s.Segments {
		span := plan.Spans[i]
		facts := []string{string(seg.Kind), timeslot.FormatLength(seg.Length)}
		if seg.Track != "" {
			facts = append(facts, "track: "+seg.Track)
		}
		if len(seg.Questions) > 0 {
			facts = append(facts, "question "+strings.Join(seg.Questions, ", "))
		}
		times := d.clockRange(span.Start, span.End, time.Minute)
		fmt.Fprint(w, textWrap(seg.Title+" ("+strings.Join(facts, ", ")+")", fmt.Sprintf("  %-11s  ", times), strings.Repeat(" ", 15)))
		lead := "moderated by"
		if seg.Kind == "breakout" {
			lead = "facilitated by"
		}
		parts := []struct {
			label string
			names []string
		}{{lead, seg.Facilitators}}
		if ros == nil {
			parts = append(parts, struct {
				label string
				names []string
			}{"speakers", seg.Speakers})
		}
		for _, part := range parts {
			if len(part.names) > 0 {
				fmt.Fprint(w, textWrap(strings.Join(d.textMentions(part.names), ", "),
					fmt.Sprintf("%15s%-16s", "", part.label), strings.Repeat(" ", 31)))
			}
		}
		if ros != nil {
			d.textTurns(w, ros.Segments[i].Turns)
		}
	}
	fmt.Fprintf(w, "\n%s\n", planned(plan, slot.Length))

	for _, dl := range s.Deadlines {
		fmt.Fprintf(w, "Due: %s by %s.\n", dl.What, dl.Due.In(slot.Start.Location()).Format("Monday 2 January 2006, 15:04 MST"))
	}
	if al != nil {
		d.textSpeakingTime(w, al)
	}
	if report != nil {
		textFindings(w, report)
	}
	return w.Flush()
}

// writeTurns prints the turns of a planned segment.
func (d *Document) textTurns(w io.Writer, turns []agenda.Turn) {
	for k, t := range turns {
		var what string
		switch t.Kind {
		case "activity":
			continue // the segment line says it all
		case "moderation":
			who := "the moderator"
			if t.Person != "" {
				who = d.textName(t.Person)
			}
			switch k {
			case 0:
				what = who + " opens"
			case len(turns) - 1:
				what = who + " closes"
			default:
				what = who + " moderates"
			}
		case "handover":
			what = "hand-over to " + d.textMention(t.Person)
		case "speech":
			what = d.textMention(t.Person)
		case "audience":
			what = "questions from the room and online"
		default:
			what = string(t.Kind)
		}
		times := d.clockRange(t.Start, t.End, time.Second)
		fmt.Fprintf(w, "%15s%-19s %s %6s\n", "", times, textPad(what, 44), timeslot.FormatLength(t.Length()))
	}
}

// writeSpeakingTime prints each speaker's time and each group's against its target.
func (d *Document) textSpeakingTime(w io.Writer, al *balance.Allocation) {
	if len(al.Speakers) == 0 {
		fmt.Fprintln(w, "\nNo segment lists speakers: there is no speaking time to share.")
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "\nSpeaking time: %s among %d speakers, in steps of %s\n",
		timeslot.FormatLength(al.Budget), len(al.Speakers), timeslot.FormatLength(al.Step))
	rows := [][]string{{"speaker", "time", "fair share"}}
	if d.Replanned != nil {
		rows[0][2] = "fair share left" // of the whole session's, less what they said
	}
	for _, sh := range al.Speakers {
		fair := timeslot.FormatLength(sh.Fair.Round(time.Second))
		if over := -sh.Fair.Round(time.Second); over > 0 {
			fair = "none, " + timeslot.FormatLength(over) + " over"
		}
		rows = append(rows, []string{d.textMention(sh.Name), timeslot.FormatLength(sh.Time), fair})
	}
	textTable(w, rows)
	heading := false
	for _, sh := range al.Speakers {
		why := d.why(sh)
		if len(why) == 0 {
			continue
		}
		if !heading {
			fmt.Fprintln(w, "\nWhy a time differs from the fair share")
			heading = true
		}
		fmt.Fprint(w, textWrap(d.textName(sh.Name)+": "+strings.Join(why, "; "), "  ", "      "))
	}
	balances, dropped := d.balances()
	for _, b := range balances {
		if len(b.Groups) == 0 {
			fmt.Fprintf(w, "\nBy %s: no speaker has a value.\n", shown(b.Dimension.Name()))
			continue
		}
		fmt.Fprintf(w, "\nBy %s (%s)\n", shown(b.Dimension.Name()), b.Note)
		rows := [][]string{{"group", "speakers", "time", "share", "target"}}
		for _, g := range b.Groups {
			rows = append(rows, []string{groupCell(g), fmt.Sprint(g.Speakers), timeslot.FormatLength(g.Time), shareCell(g, g.Share), shareCell(g, g.Target)})
		}
		textTable(w, rows)
		if over := b.over(); over != "" {
			fmt.Fprintf(w, "  %s\n", over)
		}
	}
	for _, dim := range dropped {
		fmt.Fprintf(w, "\nNot balanced by %s: the session is %s.\n", shown(dim.Name()), d.Session().Format)
	}
	fmt.Fprintln(w)
}

// textFindings prints a report's findings, most serious first, in two
// lists: the line-up's, then the plan's (or the draft's, or the log's).
func textFindings(w io.Writer, r *balance.Report) {
	for _, l := range findingLists(r) {
		fmt.Fprintln(w, l.Title)
		if len(l.Findings) == 0 {
			fmt.Fprintln(w, "  none")
		}
		for i, f := range l.Findings {
			fmt.Fprint(w, textWrap(shown(f.Text), fmt.Sprintf("  %2d. ", i+1), "      "))
		}
		fmt.Fprintln(w)
	}
}

// findingList is one list of a report's findings, with its title.
type findingList struct {
	Title    string
	Findings []balance.Finding
}

// findingLists returns the report's findings in two lists: "Findings of
// the line-up", who was invited, and the findings of the time, titled by
// what the report measures: "Findings of the plan", "of the draft", "of
// the log".
func findingLists(r *balance.Report) []findingList {
	of := "plan"
	switch r.Source {
	case "draft":
		of = "draft"
	case "log":
		of = "log"
	}
	return []findingList{
		{"Findings of the line-up", findingsOf(r, "line-up")},
		{"Findings of the " + of, findingsOf(r, "plan")},
	}
}

// mentions names the people called names, each with their mode.
func (d *Document) textMentions(names []string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = d.textMention(name)
	}
	return out
}

// textName names a person as the document may, or says that the name is
// not among the session's people.
func (d *Document) textName(name string) string {
	p, _, ok := d.person(name)
	if !ok {
		if !d.named() {
			return d.Who(name) // already says so
		}
		return shown(name) + " (not among the session's people)"
	}
	return d.Who(p.Name)
}

// textMention names a person as [Document.textName] does, with their mode:
// "Ana Silva (online)".
func (d *Document) textMention(name string) string {
	out := d.textName(name)
	if p, _, ok := d.person(name); ok && p.Mode != "" {
		out += " (" + string(p.Mode) + ")"
	}
	return out
}

// joinRoles writes roles as "organizer, speaker".
func textRoles(roles []agenda.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// forumText writes the programme's report as plain text: the programme, the
// speaking time and headcount of every group over all sessions against an
// equal share (a "(not given)" row for the speakers who give no value, the
// shares over those who do), the sessions ranked by their line-up's
// distance from the full sets of stakeholder and regional groups,
// the sessions that fail each preset with the rules, counts and people,
// and those it cannot be checked against, the people who speak in the
// most sessions, and every person in more than one session, in any role.
// A session that fails validation is shown "from" "invalid", not "plan".
// Its errors are those of d.forumView and of out.
func forumText(out io.Writer, d *Document) error {
	v, err := d.forumReport()
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
			rows = append(rows, []string{groupCell(g), strconv.Itoa(g.Speakers), timeslot.FormatLength(g.Time), shareCell(g, g.Share), shareCell(g, g.Target)})
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
			s.LineupOff(), s.OffTarget(), strconv.Itoa(s.PresetsFailed), s.Source})
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
			rows = append(rows, []string{p.Who, strconv.Itoa(len(p.Sessions)), timeslot.FormatLength(p.Time), strings.Join(p.Sessions, "; ")})
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

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// findingsOf returns the findings of one scope, "line-up" or "plan", most
// serious first.
func findingsOf(r *balance.Report, scope string) []balance.Finding {
	var out []balance.Finding
	for _, f := range r.Findings {
		if f.Scope == scope {
			out = append(out, f)
		}
	}
	return out
}
