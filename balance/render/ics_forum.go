package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// forumICS writes the calendar of a forum's programme (see [ICS]).
func forumICS(w io.Writer, d *Document) error {
	if d.Forum.Programme == nil {
		return errNoProgramme
	}
	prog := d.Forum.Programme
	if err := prog.CheckSize(); err != nil {
		return err
	}
	name := prog.Title
	if strings.TrimSpace(name) == "" {
		name = "Programme"
	}
	c, err := newICSCalendar(name, d.Stamp, d.Sequence)
	if err != nil {
		return err
	}
	keys := make([]string, len(prog.Sessions))
	for i := range prog.Sessions {
		keys[i] = icsSessionKey(&prog.Sessions[i])
	}
	icsNumber(keys)
	var unscheduled []string
	for i := range prog.Sessions {
		doc, err := (&Document{Draft: &prog.Sessions[i], Location: d.Location, Redact: d.Redact}).prepare()
		if err != nil {
			return fmt.Errorf("render: sessions[%d] %q: %w", i, shown(prog.Sessions[i].Title), err)
		}
		if !doc.slot().Scheduled() {
			unscheduled = append(unscheduled, strconv.Quote(doc.Session().Title))
			continue
		}
		c.session(doc, keys[i])
	}
	if len(unscheduled) == len(prog.Sessions) {
		return fmt.Errorf("%w: no session of the programme has a start time", ErrNoCalendar)
	}
	if len(unscheduled) > 0 {
		what := "1 session without a start time is"
		if len(unscheduled) > 1 {
			what = strconv.Itoa(len(unscheduled)) + " sessions without a start time are"
		}
		icsSetX(c.cal.Props, "X-WR-CALDESC", what+" not in this calendar: "+strings.Join(unscheduled, ", "))
	}
	return c.write(w)
}
