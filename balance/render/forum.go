package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

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
		out = append(out, Group{Name: notGivenRow, Speakers: fd.Unknown, Time: fd.UnknownTime, NotGiven: true})
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
	Judged         bool    // whether Distance judges a line-up (see balance.ForumSession.Judged)
	Gap            float64
	Source         string // see sessionSource
	PresetsFailed  int
	ConstraintsNot int
}

// LineupOff is Distance as a percentage, or "–" for a session whose
// line-up is not judged: one without speakers, or whose speakers give no
// stakeholder group and no region.
func (s forumSession) LineupOff() string {
	if !s.Judged {
		return "–"
	}
	return format.Percent(s.Distance)
}

// OffTarget is Gap as a percentage, or "–" for a session without
// speakers, whose plan has no time to be off target.
func (s forumSession) OffTarget() string {
	if s.Speakers == 0 {
		return "–"
	}
	return format.Percent(s.Gap)
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

// forumReport gathers what the forum formats show.
func (d *Document) forumReport() (*forumView, error) {
	if d.Forum.Programme == nil {
		return nil, errNoProgramme
	}
	f := d.Forum
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
	if span, ok := programmeSpan(prog); ok {
		v.Facts = append(v.Facts, htmlFact{"From", d.forumClock(span.Start)}, htmlFact{"To", d.forumClock(span.End)})
	}
	v.Facts = append(v.Facts, htmlFact{"Speakers", fmt.Sprintf("%d people", f.Speakers)})
	if prog.SessionsPerSpeaker > 0 {
		v.Facts = append(v.Facts, htmlFact{"Limit", fmt.Sprintf("%d sessions per speaker", prog.SessionsPerSpeaker)})
	}

	for _, fd := range f.Dimensions {
		b := dimensionView{Dimension: fd.Dimension, Groups: forumGroups(fd), Counted: fd.Counted, Speakers: speakersOf(fd)}
		v.Dims = append(v.Dims, forumDim{Title: chartDimTitle(fd.Dimension), Dim: fd.Dimension, Groups: b.labelled().Groups, Over: b.over()})
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
		row := forumSession{Rank: rank + 1, Index: i, Title: shown(s.Title), Room: shown(s.Room), Distance: fs.Distance, Judged: fs.Judged, Gap: fs.Gap, Source: sessionSource(fs),
			PresetsFailed: failed[i].PresetsFailed, ConstraintsNot: failed[i].ConstraintsNot}
		if fs.Report != nil {
			row.Speakers = len(fs.Report.Speakers)
		}
		if slot := inZone(s.Slot, d.Location); slot.Scheduled() {
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

// forumClock writes a moment as "Tue 10 Oct 2023 06:15 UTC", in the document's
// zone if it has one.
func (d *Document) forumClock(t time.Time) string {
	if d.Location != nil {
		t = t.In(d.Location)
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}

// programmeSpan returns the time from the earliest start of a scheduled
// session of p to the latest end, and whether any session is scheduled.
func programmeSpan(p *agenda.Programme) (timeslot.Span, bool) {
	var span timeslot.Span
	found := false
	for i := range p.Sessions {
		slot := p.Sessions[i].Slot
		if !slot.Scheduled() {
			continue
		}
		if !found || slot.Start.Before(span.Start) {
			span.Start = slot.Start
		}
		if !found || slot.End().After(span.End) {
			span.End = slot.End()
		}
		found = true
	}
	return span, found
}
