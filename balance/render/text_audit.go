package render

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/timeslot"
)

// auditText writes the audit of a speaking log, d.Audit, as plain text
// (see [Text]); an audit without a report of what was said is an error.
func auditText(out io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	a := d.Audit
	if a.Actual == nil {
		return errors.New("render: the audit has no report of what was said (Audit.Actual is nil)")
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "\nAudit of the speaking log")
	rows := [][]string{{"person", "planned", "actual", "turns", "over"}}
	for _, p := range a.People {
		name := "someone not among the people"
		if p.Known {
			name = d.textName(p.Name)
		} else if d.named() && !p.Hidden {
			name = shown(p.Name) + " (not among the people)"
		}
		over := "0s"
		switch d := p.Actual - p.Planned; {
		case d > 0:
			over = "+" + timeslot.FormatLength(d)
		case d < 0:
			over = "−" + timeslot.FormatLength(-d)
		}
		planned := timeslot.FormatLength(p.Planned)
		if p.Moderator {
			// Moderation, which the plan gives no length to: not judged.
			name, planned, over = name+" (moderation)", "–", "–"
		}
		rows = append(rows, []string{name, planned, timeslot.FormatLength(p.Actual), fmt.Sprint(p.Turns), over})
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
var textProblemWords = map[string]string{
	"unknown name":     "the name is not among the session's people",
	"overlap":          "the turn overlaps an earlier one",
	"outside slot":     "the turn starts or ends outside the slot",
	"end before start": "the turn ends before it starts",
	"not a speaker":    "the person speaks in no speaking segment",
	"not ended":        "the entry has no end",
}

// textProblem returns the text of a log problem, which names people as the
// log spells them, or, if the document may not show a name it could give,
// what kind of problem it is in words that name nobody: in a document
// that shows no names, always, and otherwise when the text holds the name
// of someone whose name is private, in any case or spacing.
func (d *Document) textProblem(p balance.LogProblem) string {
	hide := !d.named()
	if !hide {
		text := agenda.NameKey(p.Text)
		for i := range d.Session().People {
			person := &d.Session().People[i]
			if slices.Contains(person.Private, "name") && strings.Contains(text, agenda.NameKey(person.Name)) {
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

// replanText writes the re-plan of the rest of a session as plain text
// (see [Text]): d holds the rest's run-of-show and allocation, and the
// clock counts from the start of d.Replanned, the original session. A draft is
// [balance.ErrNoSession]: a re-plan is a run-of-show.
func replanText(out io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	if d.RunOfShow == nil {
		return fmt.Errorf("render: a re-plan is a run-of-show, and the document has only a draft: %w", balance.ErrNoSession)
	}
	start := d.Replanned.Slot.Start
	w := bufio.NewWriter(out)
	rest := d.RunOfShow.Session
	orig := *d
	orig.RunOfShow = &agenda.RunOfShow{Session: &agenda.Session{People: rest.People, Attribution: rest.Attribution, Format: rest.Format, Slot: timeslot.Slot{Start: start}}}
	fmt.Fprintf(w, "Re-plan from %s, counting what was said before\n", orig.clock(rest.Slot.Start, clockUnit(rest.Slot.Start)))
	for i, seg := range d.RunOfShow.Segments {
		fmt.Fprintf(w, "  %-11s  %s\n", orig.clockRange(seg.Start, seg.End, time.Minute), rest.Segments[i].Title)
		orig.textTurns(w, seg.Turns)
	}
	if d.Allocation != nil {
		orig.textSpeakingTime(w, d.Allocation)
	}
	return w.Flush()
}
