package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// width is the width text is wrapped to.
const width = 88

// write prints the run-of-show of s, with its clock in loc if loc is not
// nil: the planned one if ros is not nil, else the draft; then the speaking
// time of al and the findings of report if they are not nil, and the problems.
func write(out io.Writer, s *agenda.Session, ros *agenda.RunOfShow, al *balance.Allocation, report *balance.Report, loc *time.Location, problems error) error {
	w := bufio.NewWriter(out)
	slot := s.Slot.In(loc)
	plan := s.Plan()

	fmt.Fprintln(w, s.Title)
	fmt.Fprintln(w, strings.Repeat("=", len([]rune(s.Title))))
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-8s%s\n", label+":", value)
		}
	}
	line("Format", string(s.Format))
	if !s.Named() {
		line("Names", "not attributed: people are shown by role and group only")
	}
	if slot.Scheduled() {
		line("Slot", slot.String())
	} else {
		line("Slot", slot.String()+"; times count from the start")
	}
	line("Room", s.Room)

	fmt.Fprintln(w, "\nPeople")
	rows := [][]string{{"name", "roles", "stakeholder", "region", "mode", "organization"}}
	for i := range s.People {
		p := &s.People[i]
		rows = append(rows, []string{label(s, i), joinRoles(p.Roles),
			shown(p, agenda.FieldStakeholder, string(p.Stakeholder)), shown(p, agenda.FieldRegion, string(p.Region)),
			string(p.Mode), organization(s, p)})
	}
	table(w, rows)

	if len(s.Questions) > 0 {
		fmt.Fprintln(w, "\nPolicy questions")
		for _, q := range s.Questions {
			fmt.Fprint(w, wrap(q.ID+". "+q.Text, "  ", "     "))
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
		times := clock(slot, span.Start) + "–" + clock(slot, span.End)
		fmt.Fprint(w, wrap(seg.Title+" ("+strings.Join(facts, ", ")+")", fmt.Sprintf("  %-11s  ", times), strings.Repeat(" ", 15)))
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
				fmt.Fprint(w, wrap(strings.Join(mentions(s, part.names), ", "),
					fmt.Sprintf("%15s%-16s", "", part.label), strings.Repeat(" ", 31)))
			}
		}
		if ros != nil {
			writeTurns(w, s, slot, ros.Segments[i].Turns)
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

	if al != nil {
		writeSpeakingTime(w, s, al, report)
	}
	if report != nil {
		writeFindings(w, "Findings of the plan", report)
	}
	if problems == nil {
		fmt.Fprintln(w, "Validation: no problems.")
	} else {
		lines := splitProblems(problems)
		fmt.Fprintf(w, "Validation: %d problem(s):\n", len(lines))
		for _, l := range lines {
			fmt.Fprint(w, wrap(l, "  - ", "    "))
		}
	}
	return w.Flush()
}

// writeTurns prints the turns of a planned segment.
func writeTurns(w io.Writer, s *agenda.Session, slot timeslot.Slot, turns []agenda.Turn) {
	for k, t := range turns {
		var what string
		switch t.Kind {
		case agenda.TurnActivity:
			continue // the segment line says it all
		case agenda.TurnModeration:
			who := "the moderator"
			if t.Person != "" {
				who = mention(s, t.Person, false)
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
			what = "hand-over to " + mention(s, t.Person, true)
		case agenda.TurnSpeech:
			what = mention(s, t.Person, true)
		case agenda.TurnAudience:
			what = "questions from the room and online"
		default:
			what = string(t.Kind)
		}
		times := clockSeconds(slot, t.Start) + "–" + clockSeconds(slot, t.End)
		fmt.Fprintf(w, "%15s%-19s %-44s %6s\n", "", times, what, timeslot.FormatLength(t.Length()))
	}
}

// writeSpeakingTime prints each speaker's time and each group's against its target.
func writeSpeakingTime(w io.Writer, s *agenda.Session, al *balance.Allocation, report *balance.Report) {
	if len(al.Speakers) == 0 {
		fmt.Fprintln(w, "\nNo segment lists speakers: there is no speaking time to share.")
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "\nSpeaking time: %s among %d speakers, in steps of %s\n",
		timeslot.FormatLength(al.Budget), len(al.Speakers), timeslot.FormatLength(al.Step))
	rows := [][]string{{"speaker", "time", "fair share"}}
	for _, sh := range al.Speakers {
		rows = append(rows, []string{mention(s, sh.Name, true), timeslot.FormatLength(sh.Time), timeslot.FormatLength(sh.Fair.Round(time.Second))})
	}
	table(w, rows)
	for _, b := range al.Balance {
		if len(b.Groups) == 0 {
			fmt.Fprintf(w, "\nBy %s: no speaker has a value.\n", b.Dimension.Name())
			continue
		}
		rule := "balanced"
		if b.Dimension.Hard {
			rule = fmt.Sprintf("hard rule: within %s of target, one step after rounding", percent(b.Dimension.Tolerance))
		}
		if report != nil {
			for _, dr := range report.Dimensions {
				if dr.Dimension.Name() == b.Dimension.Name() {
					rule += fmt.Sprintf("; evenness %.2f, %s of the time away from target", dr.Evenness, percent(dr.Gap))
				}
			}
		}
		fmt.Fprintf(w, "\nBy %s (%s)\n", b.Dimension.Name(), rule)
		rows := [][]string{{"group", "speakers", "time", "share", "target"}}
		var total time.Duration
		for _, g := range b.Groups {
			total += g.Time
		}
		for _, g := range b.Groups {
			share := 0.0
			if total > 0 {
				share = float64(g.Time) / float64(total)
			}
			target := 0.0
			if total > 0 {
				target = float64(g.Target) / float64(total)
			}
			rows = append(rows, []string{g.Group, fmt.Sprint(g.Speakers), timeslot.FormatLength(g.Time), percent(share), percent(target)})
		}
		table(w, rows)
	}
	for _, d := range al.Dropped {
		fmt.Fprintf(w, "\nNot balanced by %s: the session is %s.\n", d.Name(), s.Format)
	}
	fmt.Fprintln(w)
}

// writeFindings prints a report's findings, most serious first.
func writeFindings(w io.Writer, title string, r *balance.Report) {
	fmt.Fprintln(w, title)
	if len(r.Findings) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for i, f := range r.Findings {
		fmt.Fprint(w, wrap(f.Text, fmt.Sprintf("  %2d. ", i+1), "      "))
	}
	fmt.Fprintln(w)
}

// writeAudit prints planned against actual speaking time, the log's
// problems and the findings of what was said.
func writeAudit(out io.Writer, s *agenda.Session, a *balance.Audit) error {
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "\nAudit of the speaking log")
	rows := [][]string{{"person", "planned", "actual", "turns", "over"}}
	for _, p := range a.People {
		name := p.Name
		if p.Known {
			name = mention(s, p.Name, false)
		} else {
			name += " (not among the people)"
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
	table(w, rows)
	if len(a.Problems) > 0 {
		fmt.Fprintln(w, "\nProblems in the log")
		for _, p := range a.Problems {
			fmt.Fprint(w, wrap(fmt.Sprintf("entry %d, %s: %s", p.Entry+1, p.Kind, p.Text), "  - ", "    "))
		}
	}
	fmt.Fprintln(w)
	writeFindings(w, "Findings of the log", a.Actual)
	return w.Flush()
}

// writeReplan prints the re-plan of the rest of a session.
func writeReplan(out io.Writer, s *agenda.Session, ros *agenda.RunOfShow, al *balance.Allocation, loc *time.Location) error {
	w := bufio.NewWriter(out)
	slot := s.Slot.In(loc)
	fmt.Fprintf(w, "Re-plan from %s, counting what was said before\n", clock(slot, ros.Session.Slot.Start))
	for i, seg := range ros.Segments {
		fmt.Fprintf(w, "  %-11s  %s\n", clock(slot, seg.Start)+"–"+clock(slot, seg.End), ros.Session.Segments[i].Title)
		writeTurns(w, s, slot, seg.Turns)
	}
	writeSpeakingTime(w, s, al, nil)
	return w.Flush()
}

// percent writes a share as "49.5%".
func percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64) + "%"
}

// table prints rows as aligned columns, indented, without trailing spaces.
func table(w io.Writer, rows [][]string) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for _, row := range rows {
		fmt.Fprintln(tw, "  "+strings.Join(row, "\t"))
	}
	tw.Flush()
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		fmt.Fprintln(w, strings.TrimRight(line, " ")) // tabwriter pads empty last cells
	}
}

// clockSeconds writes t like clock, with seconds.
func clockSeconds(slot timeslot.Slot, t time.Time) string {
	if slot.Scheduled() {
		return t.In(slot.Start.Location()).Format("15:04:05")
	}
	d := t.Sub(slot.Start)
	return fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

// clock writes t as a clock time, or as the time since the start when the
// slot is not scheduled.
func clock(slot timeslot.Slot, t time.Time) string {
	if slot.Scheduled() {
		return t.In(slot.Start.Location()).Format("15:04")
	}
	d := t.Sub(slot.Start)
	return fmt.Sprintf("%d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// label names the i'th person of s: by name when the session is attributed
// and the name is not private, else as "person 3".
func label(s *agenda.Session, i int) string {
	p := &s.People[i]
	if !s.Named() || p.IsPrivate(agenda.FieldName) {
		return fmt.Sprintf("person %d", i+1)
	}
	return p.Name
}

// organization returns p's organization if it may be shown.
func organization(s *agenda.Session, p *agenda.Person) string {
	if !s.Named() {
		return ""
	}
	return shown(p, agenda.FieldOrganization, p.Organization)
}

// shown returns value unless field f of p is private.
func shown(p *agenda.Person, f agenda.Field, value string) string {
	if p.IsPrivate(f) {
		return ""
	}
	return value
}

// mentions names the people called names, each with their mode.
func mentions(s *agenda.Session, names []string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = mention(s, name, true)
	}
	return out
}

// mention names the person called name as the session allows, with their
// mode if withMode.
func mention(s *agenda.Session, name string, withMode bool) string {
	p, ok := s.Person(name)
	if !ok {
		return name + " (not among the session's people)"
	}
	var out string
	for k := range s.People {
		if &s.People[k] == p {
			out = label(s, k)
		}
	}
	if withMode && p.Mode != "" {
		out += " (" + string(p.Mode) + ")"
	}
	return out
}

// joinRoles writes roles as "organizer, speaker".
func joinRoles(roles []agenda.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// wrap breaks text into lines of at most width runes where it can, the
// first starting with first and the rest with indent, each ending in a
// newline. Spacing within text is not kept.
func wrap(text, first, indent string) string {
	var b strings.Builder
	line := first
	fresh := true // nothing but the prefix on the line yet
	for _, word := range strings.Fields(text) {
		if !fresh && len([]rune(line))+1+len([]rune(word)) > width {
			b.WriteString(line + "\n")
			line, fresh = indent, true
		}
		if !fresh {
			line += " "
		}
		line += word
		fresh = false
	}
	b.WriteString(line + "\n")
	return b.String()
}
