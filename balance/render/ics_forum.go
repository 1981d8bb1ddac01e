package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// forumICS writes a programme as one iCalendar file, for a forum's
// calendar: every session that has a start time, each as [ICS] writes it,
// with its own event and one per segment, at the times its segments fall
// on its own slot, and with the same UIDs as ICS gives it. Two sessions
// known by the same identity (the same ID, or, without IDs, the same
// title) are told apart by the number of the occurrence, "#2" after the
// second. The calendar is named after the programme, or "Programme"
// without a title; sessions without a start time are not in it, and its
// description (X-WR-CALDESC) names them. Clock times are in each session's
// zone, or in Location when it is set.
//
// It reads only the forum's programme, not its report, so a programme
// placed in rooms and times but never reported on can be written too:
//
//	render.forumICS(w, &render.ForumDocument{Forum: &balance.Forum{Programme: prog}})
//
// forumICS returns [ErrNoForum] for a document without a programme,
// [ErrUnscheduled] for a programme without a session that has a start
// time, an error for a negative Sequence, an *agenda.LimitError for a
// programme beyond agenda.MaxSessions, the error of the first session no
// renderer can render (see the package doc), with the session named, and
// the errors of w. Nothing is written to w when it returns an error of its
// own.
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
		return fmt.Errorf("%w: no session of the programme has one", ErrUnscheduled)
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
