package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// width is the width text is wrapped to.
const width = 88

// write prints the run-of-show of s, with its clock in loc if loc is not nil,
// and the validation problems.
func write(out io.Writer, s *agenda.Session, loc *time.Location, problems error) error {
	w := bufio.NewWriter(out)
	slot := s.Slot.In(loc)
	plan := slot.Place(blocks(s))

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
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  name\troles\tstakeholder\tregion\tmode\torganization")
	for i := range s.People {
		p := &s.People[i]
		fmt.Fprintln(tw, "  "+strings.Join([]string{label(s, i), joinRoles(p.Roles),
			shown(p, agenda.FieldStakeholder, string(p.Stakeholder)), shown(p, agenda.FieldRegion, string(p.Region)),
			string(p.Mode), organization(s, p)}, "\t"))
	}
	tw.Flush()
	for _, row := range strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n") {
		fmt.Fprintln(w, strings.TrimRight(row, " ")) // tabwriter pads empty last cells
	}

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
		for _, part := range []struct {
			label string
			names []string
		}{{lead, seg.Facilitators}, {"speakers", seg.Speakers}} {
			if len(part.names) > 0 {
				fmt.Fprint(w, wrap(strings.Join(mentions(s, part.names), ", "),
					fmt.Sprintf("%15s%-16s", "", part.label), strings.Repeat(" ", 31)))
			}
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

// blocks returns the segments of s as blocks to place on its slot.
func blocks(s *agenda.Session) []timeslot.Block {
	b := make([]timeslot.Block, len(s.Segments))
	for i, seg := range s.Segments {
		b[i] = timeslot.Block{Length: seg.Length, Track: seg.Track}
	}
	return b
}

// clock writes t as a clock time, or as the time since the start when the
// slot is not scheduled.
func clock(slot timeslot.Slot, t time.Time) string {
	if slot.Scheduled() {
		return t.Format("15:04")
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
		p, ok := s.Person(name)
		if !ok {
			out[i] = name + " (not among the session's people)"
			continue
		}
		for k := range s.People {
			if &s.People[k] == p {
				out[i] = label(s, k)
			}
		}
		if p.Mode != "" {
			out[i] += " (" + string(p.Mode) + ")"
		}
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
