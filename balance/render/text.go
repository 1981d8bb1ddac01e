package render

import (
	"bufio"
	"fmt"
	"io"
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
// It returns [ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of out.
func Text(out io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	s, ros, al, report := d.Session(), d.RunOfShow, d.Allocation, d.Report
	slot := d.Slot()
	plan := s.Plan()

	fmt.Fprintln(w, s.Title)
	fmt.Fprintln(w, strings.Repeat("=", textDisplayWidth(s.Title)))
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-8s%s\n", label+":", value)
		}
	}
	line("Format", string(s.Format))
	if !d.Named() {
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
			d.Field(p, agenda.FieldStakeholder), d.Field(p, agenda.FieldRegion), string(p.Mode), d.Field(p, agenda.FieldOrganization)})
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
		times := d.clockRange(span.Start, span.End, false)
		fmt.Fprint(w, textWrap(seg.Title+" ("+strings.Join(facts, ", ")+")", fmt.Sprintf("  %-11s  ", times), strings.Repeat(" ", 15)))
		lead := "moderated by"
		if seg.Kind == agenda.KindBreakout {
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
	fmt.Fprintf(w, "\nPlanned %s of a %s slot", timeslot.FormatLength(plan.Used()), timeslot.FormatLength(slot.Length))
	switch {
	case plan.Overrun() > 0:
		fmt.Fprintf(w, ": %s over.\n", timeslot.FormatLength(plan.Overrun()))
	case plan.Left() > 0:
		fmt.Fprintf(w, ": %s left.\n", timeslot.FormatLength(plan.Left()))
	default:
		fmt.Fprintln(w, ".")
	}

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
		case agenda.TurnActivity:
			continue // the segment line says it all
		case agenda.TurnModeration:
			who := "the moderator"
			if t.Person != "" {
				who = d.textMention(t.Person, false)
			}
			switch k {
			case 0:
				what = who + " opens"
			case len(turns) - 1:
				what = who + " closes"
			default:
				what = who + " moderates"
			}
		case agenda.TurnHandover:
			what = "hand-over to " + d.textMention(t.Person, true)
		case agenda.TurnSpeech:
			what = d.textMention(t.Person, true)
		case agenda.TurnAudience:
			what = "questions from the room and online"
		default:
			what = string(t.Kind)
		}
		times := d.clockRange(t.Start, t.End, true)
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
	for _, sh := range al.Speakers {
		rows = append(rows, []string{d.textMention(sh.Name, true), timeslot.FormatLength(sh.Time), timeslot.FormatLength(sh.Fair.Round(time.Second))})
	}
	textTable(w, rows)
	heading := false
	for _, sh := range al.Speakers {
		why := d.Why(sh)
		if len(why) == 0 {
			continue
		}
		if !heading {
			fmt.Fprintln(w, "\nWhy a time differs from the fair share")
			heading = true
		}
		fmt.Fprint(w, textWrap(d.textMention(sh.Name, false)+": "+strings.Join(why, "; "), "  ", "      "))
	}
	balances, dropped := d.Balances()
	for _, b := range balances {
		if len(b.Groups) == 0 {
			fmt.Fprintf(w, "\nBy %s: no speaker has a value.\n", shown(b.Dimension.Name()))
			continue
		}
		fmt.Fprintf(w, "\nBy %s (%s)\n", shown(b.Dimension.Name()), b.Note)
		rows := [][]string{{"group", "speakers", "time", "share", "target"}}
		for _, g := range b.Groups {
			rows = append(rows, []string{groupCell(b, g), fmt.Sprint(g.Speakers), timeslot.FormatLength(g.Time), shareCell(g, g.Share), shareCell(g, g.Target)})
		}
		textTable(w, rows)
		if over := b.Over(); over != "" {
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
			fmt.Fprint(w, textWrap(f.Text, fmt.Sprintf("  %2d. ", i+1), "      "))
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

// TextAudit writes an audit of a speaking log as plain text: planned
// against actual speaking time per person, the log's problems and the
// findings of what was said. Its errors are those of [Text], and
// [ErrNoAudit] for a nil audit or one without a report of what was said.
func TextAudit(out io.Writer, d *Document, a *balance.Audit) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	if a == nil || a.Actual == nil {
		return ErrNoAudit
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "\nAudit of the speaking log")
	rows := [][]string{{"person", "planned", "actual", "turns", "over"}}
	for _, p := range a.People {
		name := "someone not among the people"
		if p.Known {
			name = d.textMention(p.Name, false)
		} else if d.Named() && !p.Hidden {
			name = shown(p.Name) + " (not among the people)"
		}
		over := "0s"
		switch d := p.Over(); {
		case d > 0:
			over = "+" + timeslot.FormatLength(d)
		case d < 0:
			over = "−" + timeslot.FormatLength(-d)
		}
		rows = append(rows, []string{name, timeslot.FormatLength(p.Planned), timeslot.FormatLength(p.Actual), fmt.Sprint(p.Turns), over})
	}
	textTable(w, rows)
	if a.Paused > 0 || a.Outside > 0 {
		fmt.Fprintf(w, "\nOutside the budgets: %s of points of order and interventions, %s paused.\n", timeslot.FormatLength(a.Outside), timeslot.FormatLength(a.Paused))
	}
	if len(a.Problems) > 0 {
		fmt.Fprintln(w, "\nProblems in the log")
		for _, p := range a.Problems {
			where := fmt.Sprintf("entry %d", p.Entry+1)
			if p.Line > 0 {
				where = fmt.Sprintf("line %d", p.Line) // of the file, where the organizer will look
			}
			fmt.Fprint(w, textWrap(fmt.Sprintf("%s, %s: %s", where, p.Kind, d.textProblem(p)), "  - ", "    "))
		}
	}
	fmt.Fprintln(w)
	textFindings(w, a.Actual)
	return w.Flush()
}

// textProblemWords say what each kind of log problem is without naming
// anyone, for a document that may not show the names a problem's text gives.
var textProblemWords = map[balance.LogProblemKind]string{
	balance.LogUnknownName: "the name is not among the session's people",
	balance.LogOverlap:     "the turn overlaps an earlier one",
	balance.LogOutsideSlot: "the turn starts or ends outside the slot",
	balance.LogBackwards:   "the turn ends before it starts",
	balance.LogNotSpeaker:  "the person speaks in no speaking segment",
	balance.LogOpen:        "the entry has no end",
}

// textProblem returns the text of a log problem, which names people as the
// log spells them, or, if the document may not show a name it could give,
// what kind of problem it is in words that name nobody: in a document
// that shows no names, always, and otherwise when the text holds the name
// of someone whose name is private, in any case or spacing.
func (d *Document) textProblem(p balance.LogProblem) string {
	hide := !d.Named()
	if !hide {
		text := agenda.NameKey(p.Text)
		for i := range d.Session().People {
			person := &d.Session().People[i]
			if person.IsPrivate(agenda.FieldName) && strings.Contains(text, agenda.NameKey(person.Name)) {
				hide = true
				break
			}
		}
	}
	if !hide {
		return shown(p.Text)
	}
	if words, ok := textProblemWords[p.Kind]; ok {
		return words
	}
	return "see the log"
}

// TextReplan writes the re-plan of the rest of a session (balance.Replan)
// as plain text; d holds the rest's run-of-show and allocation, and the
// clock counts from start, the original session's start. Its errors are
// those of [Text], and [ErrNoSession] also for a document without a
// run-of-show.
func TextReplan(out io.Writer, d *Document, start time.Time) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	if d.RunOfShow == nil {
		return fmt.Errorf("%w: a re-plan is a run-of-show", ErrNoSession)
	}
	w := bufio.NewWriter(out)
	rest := d.RunOfShow.Session
	orig := *d
	orig.RunOfShow = &agenda.RunOfShow{Session: &agenda.Session{People: rest.People, Attribution: rest.Attribution, Format: rest.Format, Slot: timeslot.Slot{Start: start}}}
	fmt.Fprintf(w, "Re-plan from %s, counting what was said before\n", orig.Clock(rest.Slot.Start, false))
	for i, seg := range d.RunOfShow.Segments {
		fmt.Fprintf(w, "  %-11s  %s\n", orig.clockRange(seg.Start, seg.End, false), rest.Segments[i].Title)
		orig.textTurns(w, seg.Turns)
	}
	if d.Allocation != nil {
		orig.textSpeakingTime(w, d.Allocation)
	}
	return w.Flush()
}

// textTable prints rows as columns two spaces apart, indented, without
// trailing spaces, each column as wide as its widest cell as a terminal
// shows it (see [textDisplayWidth]), so that CJK names line up too.
func textTable(w io.Writer, rows [][]string) {
	var widths []int
	cells := make([][]string, len(rows))
	for k, row := range rows {
		cells[k] = make([]string, len(row))
		for i, c := range row {
			c = shown(c) // a cell is one line, or the table breaks
			cells[k][i] = c
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textDisplayWidth(c))
		}
	}
	var line strings.Builder
	for _, row := range cells {
		line.Reset()
		line.WriteString("  ")
		for i, c := range row {
			if i < len(row)-1 {
				c = textPad(c, widths[i]+2)
			}
			line.WriteString(c)
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " ")) // an empty last cell leaves the padding of the one before
	}
}

// mentions names the people called names, each with their mode.
func (d *Document) textMentions(names []string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = d.textMention(name, true)
	}
	return out
}

// mention names a person as the document may, with their mode if withMode.
func (d *Document) textMention(name string, withMode bool) string {
	p, _, ok := d.person(name)
	if !ok {
		if !d.Named() {
			return d.Who(name) // already says so
		}
		return shown(name) + " (not among the session's people)"
	}
	out := d.Who(p.Name)
	if withMode && p.Mode != "" {
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

// textWrap breaks text into lines of at most textWidth columns (as
// [textDisplayWidth] counts them) where it can, the first starting with
// first and the rest with indent, each ending in a newline. Spacing within
// text is not kept.
func textWrap(text, first, indent string) string {
	var b strings.Builder
	line, at := first, textDisplayWidth(first) // at: the columns the line takes
	fresh := true                              // nothing but the prefix on the line yet
	for _, word := range strings.Fields(text) {
		w := textDisplayWidth(word)
		if !fresh && at+1+w > textWidth {
			b.WriteString(line + "\n")
			line, at, fresh = indent, textDisplayWidth(indent), true
		}
		if !fresh {
			line += " "
			at++
		}
		line += word
		at += w
		fresh = false
	}
	b.WriteString(line + "\n")
	return b.String()
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
