package balance

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Audit compares what was said in a session with its plan.
type Audit struct {
	Actual  *Report       // the speakers' time as logged
	Planned *Report       // the plan's, if there was one
	People  []PersonAudit // every speaker, then everyone else the log names, in the order of Session.People, then the unknown names by name
	// Problems lists what is wrong with the log: every entry stays counted,
	// and every oddity is listed here rather than dropped.
	Problems []LogProblem

	// Paused is the time of the log's pauses, and Outside that of its
	// points of order and interventions (see [EntryKind]): both are left
	// out of the speakers' time, as they are of any budget.
	Paused, Outside time.Duration
}

// PersonAudit is one person's planned and actual speaking time.
type PersonAudit struct {
	Name    string
	Known   bool // among the session's people
	Speaker bool // listed as a speaker in a speaking segment

	// Moderator is set for someone who is no speaker but facilitates a
	// segment: their logged time is moderation, which the plan gives no
	// length to (it lays out the segments without speakers as one
	// activity), so their Planned is 0 and their time is not judged.
	Moderator bool

	// Hidden is set for a name not among the people that the session's
	// outputs may not show: any, in a session that is not attributed, and
	// otherwise one that mentions a name or organization the session marks
	// private, such as "Dr Jane Doe (chair)" for a private "Jane Doe" (see
	// agenda.Session.Secrets). An output shows it as it shows someone not
	// among the people, as LogProblem.Text does.
	Hidden bool

	Planned time.Duration
	Actual  time.Duration
	Turns   int
}

// LogProblem is something odd in a speaking log.
type LogProblem struct {
	Entry int // index in Log.Entries
	Line  int // the entry's line in the CSV file it was read from (Entry.Line); 0 if none
	// Kind says what is odd about the entry, one of:
	//   - "unknown name": nobody in the session has the name; the time
	//     counts as unattributed;
	//   - "overlap": the entry overlaps an earlier one of its track (see
	//     [AuditLog]); both count in full;
	//   - "outside slot": the entry starts or ends outside the session's
	//     slot (of an unscheduled session, only an entry whose start counts
	//     from it, within a day); it counts in full;
	//   - "end before start": the entry ends before it starts; it counts as
	//     nothing;
	//   - "not a speaker": a person who speaks in no speaking segment and
	//     facilitates none; the time is theirs but not speaking time in the
	//     report;
	//   - "duplicate": the entry repeats an earlier one, the same name,
	//     start, end and kind; it counts once;
	//   - "not ended": the entry has no end, as a live session left it; it
	//     counts as nothing.
	Kind string
	// Text says what is odd. It names people as the session's outputs may:
	// someone whose name may not be shown as "person 3" (their place among
	// the session's people), and a Hidden name not among the people as "a
	// name not among the people".
	Text string
}

// The kinds of log problem, as LogProblem.Kind documents them.
const (
	logUnknownName = "unknown name"
	logOverlap     = "overlap"
	logOutsideSlot = "outside slot"
	logBackwards   = "end before start"
	logNotSpeaker  = "not a speaker"
	logDuplicate   = "duplicate"
	logOpen        = "not ended"
)

// AuditLog compares a speaking log with the run-of-show planned for the
// session (ros may be nil when there was none), under policy p. Its errors
// are those of [Allocate] and [PlanReport], and a *LogError for a log of
// more than [MaxLogEntries] entries; a nil log is an empty one. An entry
// that repeats an earlier one exactly (the same name, as agenda.NameKey
// compares names, start, end and kind), as a log exported twice holds,
// counts once and is a "duplicate" problem. A speech counts without the
// pauses, points of order and interventions within it, which count in
// Audit.Paused and Audit.Outside and name nobody of the audit. A speech
// that starts before an earlier one ends is an "overlap" unless the two are
// in different parallel tracks (see agenda.Segment.Track), as two
// breakouts under way at once are: a speech's track is that of the
// segments its speaker speaks in or facilitates when those are all of one
// track, else that of the one of them whose planned time holds its start,
// else the plenary's, which overlaps every track.
func AuditLog(s *agenda.Session, ros *agenda.RunOfShow, p Policy, log *Log) (*Audit, error) {
	pr, err := newProblem(s, p, nil)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = &Log{}
	}
	if err := checkEntries(len(log.Entries), 0); err != nil {
		return nil, err
	}
	a := &Audit{}
	if ros != nil {
		if a.Planned, err = PlanReport(ros, p); err != nil {
			return nil, err
		}
	}
	people := map[string]*PersonAudit{} // by name key
	roster := s.Roster()
	secrets := s.Secrets(false)
	var unknown []string
	audit := func(name string) *PersonAudit {
		key := agenda.NameKey(name)
		if pa, ok := people[key]; ok {
			return pa
		}
		pa := &PersonAudit{Name: name}
		if person, ok := roster.Person(name); ok {
			pa.Name, pa.Known = person.Name, true
		} else {
			unknown = append(unknown, key)
			pa.Hidden = secrets.In(name) || !s.Named()
		}
		people[key] = pa
		return pa
	}
	for i := range pr.speakers {
		audit(pr.speakers[i].person.Name).Speaker = true
	}
	for _, seg := range s.Segments {
		for _, name := range seg.Facilitators {
			if roster.Index(name) >= 0 {
				if pa := audit(name); !pa.Speaker {
					pa.Moderator = true
				}
			}
		}
	}
	if a.Planned != nil {
		for _, sp := range a.Planned.Speakers {
			audit(sp.Name).Planned = sp.Time
		}
	}
	// who names a person of the log in a problem's text, as LogProblem says.
	who := func(name string) string {
		if i := roster.Index(name); i >= 0 {
			if !s.Named() || slices.Contains(s.People[i].Private, "name") {
				return fmt.Sprintf("person %d", i+1)
			}
			return s.People[i].Name
		}
		if !s.Named() || secrets.In(name) {
			return "a name not among the people"
		}
		return name
	}
	duplicate := repeats(log)
	problem := func(i int, kind string, format string, args ...any) {
		a.Problems = append(a.Problems, LogProblem{Entry: i, Line: log.Entries[i].Line, Kind: kind, Text: fmt.Sprintf(format, args...)})
	}
	// fromStart reports whether t counts from the start of an unscheduled
	// session, as a stopwatch time of the log does, rather than being a
	// moment of a clock, as a live session records them.
	fromStart := func(t time.Time) bool {
		d := t.Sub(s.Slot.Start)
		return !s.Slot.Scheduled() && -24*time.Hour < d && d < 24*time.Hour
	}
	clock := func(t time.Time) string {
		switch {
		case s.Slot.Scheduled():
			return t.In(s.Slot.Start.Location()).Format("15:04:05")
		case fromStart(t):
			return "+" + timeslot.FormatLength(t.Sub(s.Slot.Start))
		}
		return t.Format(time.RFC3339)
	}
	var other time.Duration
	order := make([]int, len(log.Entries)) // entries by start, to find overlaps
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return log.Entries[x].Start.Compare(log.Entries[y].Start) })
	// Per track, in the order the tracks first speak, the entry that ends
	// latest so far, in start order: a speech overlaps the latest of its
	// own track and of the plenary, and a plenary speech that of any
	// track, so that two breakouts under way at once overlap nothing.
	type latest struct {
		track string
		end   time.Time
		entry int
	}
	var lanes []latest
	trackOf := speechTracks(s, roster)
	for _, i := range order {
		e := log.Entries[i]
		if duplicate[i] > 0 || !e.Speech() {
			continue // said below; it overlaps only the entry it repeats. An interruption is within a speech by design
		}
		track := trackOf(e)
		over, lane := -1, -1
		for k, l := range lanes {
			if l.track == track {
				lane = k
			}
			if (l.track == track || l.track == "" || track == "") && e.Start.Before(l.end) && (over < 0 || l.end.After(lanes[over].end)) {
				over = k
			}
		}
		if over >= 0 {
			problem(i, logOverlap, "%s (%s–%s) overlaps %s", who(e.Name), clock(e.Start), clock(e.End), who(log.Entries[lanes[over].entry].Name))
		}
		switch {
		case lane < 0:
			lanes = append(lanes, latest{track, e.End, i})
		case e.End.After(lanes[lane].end):
			lanes[lane].end, lanes[lane].entry = e.End, i
		}
	}
	spoken := speaking(log, duplicate, time.Time{}, false)
	for i, e := range log.Entries {
		if duplicate[i] > 0 {
			problem(i, logDuplicate, "%s (%s–%s) repeats entry %d; counted once", who(e.Name), clock(e.Start), clock(e.End), duplicate[i])
			continue
		}
		if e.End.IsZero() {
			problem(i, logOpen, "%s (%s from %s) has no end; counted as nothing", who(e.Name), e.Kind, clock(e.Start))
			continue
		}
		length := spoken[i]
		if e.End.Before(e.Start) {
			problem(i, logBackwards, "%s ends at %s, before starting at %s", who(e.Name), clock(e.End), clock(e.Start))
		} else if !e.Speech() {
			if e.Kind == EntryPause {
				a.Paused += e.End.Sub(e.Start)
			} else {
				a.Outside += e.End.Sub(e.Start)
			}
		}
		// An unscheduled session's slot has no place on a clock: only the
		// times that count from its start can be outside it.
		if s.Slot.Length > 0 && (s.Slot.Scheduled() || fromStart(e.Start)) && (e.Start.Before(s.Slot.Start) || e.End.After(s.Slot.End())) {
			problem(i, logOutsideSlot, "%s speaks %s–%s, outside the slot %s", who(e.Name), clock(e.Start), clock(e.End), s.Slot)
		}
		if !e.Speech() {
			continue // outside the budgets, and its name may be anyone's words
		}
		pa := audit(e.Name)
		pa.Actual += length
		pa.Turns++
		switch {
		case !pa.Known && pa.Hidden:
			problem(i, logUnknownName, "a name not among the people")
			other += length
		case !pa.Known:
			problem(i, logUnknownName, "%q is not among the session's people", e.Name)
			other += length
		case !pa.Speaker && !pa.Moderator:
			problem(i, logNotSpeaker, "%s speaks %s but is listed as a speaker in no speaking segment", who(pa.Name), timeslot.FormatLength(length))
		}
	}
	times := make([]time.Duration, len(pr.speakers))
	for i := range pr.speakers {
		times[i] = people[agenda.NameKey(pr.speakers[i].person.Name)].Actual
	}
	a.Actual = pr.report(sourceLog, times, other)
	for _, person := range s.People {
		if pa, ok := people[agenda.NameKey(person.Name)]; ok && (pa.Speaker || pa.Turns > 0) {
			a.People = append(a.People, *pa)
			delete(people, agenda.NameKey(person.Name))
		}
	}
	slices.Sort(unknown)
	for _, key := range unknown {
		a.People = append(a.People, *people[key])
	}
	slices.SortStableFunc(a.Problems, func(x, y LogProblem) int { return cmp.Compare(x.Entry, y.Entry) })
	return a, nil
}

// speechTracks returns the parallel track each speech of a log of session s
// was given in, "" for the plenary: the track of the segments the speaker
// speaks in or facilitates, if those are all of one track, which holds
// however far the session drifts from its plan; else the track of the one
// of them whose planned span holds the speech's start; else the plenary's.
func speechTracks(s *agenda.Session, roster *agenda.Roster) func(Entry) string {
	var plan timeslot.Plan
	segs := make([][]int, len(s.People)) // per person, their segments
	tracked := false
	for k, seg := range s.Segments {
		tracked = tracked || seg.Track != ""
		for _, list := range [][]string{seg.Speakers, seg.Facilitators} {
			for _, name := range list {
				if i := roster.Index(name); i >= 0 && !slices.Contains(segs[i], k) {
					segs[i] = append(segs[i], k)
				}
			}
		}
	}
	if tracked {
		plan = s.Plan()
	}
	return func(e Entry) string {
		i := roster.Index(e.Name)
		if !tracked || i < 0 || len(segs[i]) == 0 {
			return ""
		}
		track := s.Segments[segs[i][0]].Track
		for _, k := range segs[i] {
			if s.Segments[k].Track != track {
				track = ""
			}
		}
		if track != "" {
			return track
		}
		for _, k := range segs[i] {
			if sp := plan.Spans[k]; !e.Start.Before(sp.Start) && e.Start.Before(sp.End) {
				return s.Segments[k].Track
			}
		}
		return ""
	}
}
