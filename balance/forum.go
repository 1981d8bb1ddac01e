package balance

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// Forum is the report on a whole programme: who speaks, by group, over all
// its sessions; the sessions furthest from their targets; the sessions that
// fail each preset; the people who speak most often; and the people in
// more than one session.
type Forum struct {
	Programme *agenda.Programme
	Sessions  []ForumSession // in programme order

	// Ranked lists the indexes of Sessions, the line-up furthest from the
	// full sets first (see ForumSession.Distance), then by their Gap;
	// sessions whose speakers give no stakeholder or regional group come
	// after those whose speakers do, and sessions with no speakers last.
	Ranked []int

	Speakers   int              // the people who speak in at least one session
	Dimensions []Balance        // region, stakeholder group, gender and mode
	Presets    []PresetResult   // in the order of the presets given
	Frequent   []RepeatedPerson // the ten who speak in the most sessions, as speakers: see [RepeatedPerson]

	// Repeated lists every person who appears in more than one session,
	// in any role: see [RepeatedPerson].
	Repeated []RepeatedPerson
}

// ForumSession is one session of the programme.
type ForumSession struct {
	Index  int     // in Programme.Sessions
	Report *Report // of the plan or, if the session cannot be planned, of the draft; nil if neither can be made
	Err    error   // why the session cannot be planned (a *ProgrammeError), or nil

	// Invalid is set for a session that fails agenda.Session.Validate: it
	// is not planned, its Report is of the draft, and its Err wraps what
	// validation finds.
	Invalid bool

	// Distance is how far the session's line-up is from the full sets of
	// groups: the mean [Balance] Distance of its stakeholder and regional
	// groups, over those that any of its speakers gives. It is 0.8 for a
	// session whose speakers all come from one stakeholder group and one
	// region, the furthest a line-up can be, and 0 for one spread equally
	// over the five of each, or whose speakers give neither.
	Distance float64

	// Judged says whether Distance judges a line-up: it is false for a
	// session without speakers, or whose speakers give no stakeholder
	// group and no region, whose Distance of 0 is no finding.
	Judged bool

	// Gap is the mean Gap of the report's dimensions: the share of
	// speaking time that would have to change hands to meet its targets.
	Gap float64
}

// PresetResult is the sessions that fail one preset, and those it cannot
// be checked against.
type PresetResult struct {
	Preset  Preset
	Failing []PresetFailure // in programme order, with the rules each fails

	// Unchecked lists, in programme order, the sessions with a rule of the
	// preset that cannot be checked (Violation.Unchecked), with those rules:
	// a session may be in both lists, for different rules.
	Unchecked []PresetFailure
}

// PresetFailure is one session that fails a preset, or that some of its
// rules cannot be checked against.
type PresetFailure struct {
	Session    int // in Programme.Sessions
	Violations []Violation
}

// forumDimensions are the dimensions of a [Forum]: regional group,
// stakeholder group, gender and participation mode.
func forumDimensions() []Dimension {
	return []Dimension{{By: ByRegion}, {By: ByStakeholder}, {By: ByGender}, {By: ByMode}}
}

// maxFrequent is how many people a [Forum] lists in Frequent.
const maxFrequent = 10

// ForumReport plans every session of the programme under the policy (see
// [PlanProgramme]) and reports on the whole: the headcount and planned
// speaking time of each group over all sessions, the sessions ranked by
// their distance from their targets, the sessions that fail each preset,
// the ten people who speak in the most sessions, and every person
// in more than one session in any role (people identified as
// [agenda.Programme.Attendees] says).
//
// A session that fails validation is not planned: it is reported from its
// draft, marked Invalid, with what validation finds in its Err. A session
// that cannot be planned is reported from its draft too, with the reason
// in its Err; one that cannot even be reported has a nil Report. It
// returns an error only for a malformed preset (a *PolicyError), a nil
// programme ([ErrNoSession]) or one of more than agenda.MaxSessions
// sessions (an *agenda.LimitError).
func ForumReport(prog *agenda.Programme, p Policy, presets []Preset) (*Forum, error) {
	if prog == nil {
		return nil, ErrNoSession
	}
	if err := prog.CheckSize(); err != nil {
		return nil, err
	}
	for i, pr := range presets {
		for j, c := range pr.Constraints {
			if err := c.validate(j); err != nil {
				err.Field = fmt.Sprintf("presets[%d].%s", i, err.Field)
				return nil, err
			}
		}
	}
	f := &Forum{Programme: prog, Sessions: make([]ForumSession, len(prog.Sessions))}
	// Each session is planned, reported and checked on its own core; the
	// violations, by session and preset, are gathered in order after.
	violations := make([][][]Violation, len(prog.Sessions))
	failed := each(len(prog.Sessions), func(i int) {
		fs := forumSession(prog, i, p)
		f.Sessions[i] = fs
		if fs.Report == nil {
			return
		}
		violations[i] = make([][]Violation, len(presets))
		for k, pr := range presets {
			violations[i][k], _ = Check(fs.Report, pr.Constraints...) // validated above
		}
	})
	for i, err := range failed {
		if err != nil {
			f.Sessions[i] = ForumSession{Index: i, Err: &ProgrammeError{Index: i, Title: prog.Sessions[i].Title, Err: err}}
			violations[i] = nil
		}
	}
	for k, pr := range presets {
		res := PresetResult{Preset: pr}
		for i := range f.Sessions {
			if violations[i] == nil {
				continue
			}
			var fails, unchecked []Violation
			for _, v := range violations[i][k] {
				if !v.Unchecked {
					fails = append(fails, v)
				} else {
					unchecked = append(unchecked, v)
				}
			}
			if len(fails) > 0 {
				res.Failing = append(res.Failing, PresetFailure{Session: i, Violations: fails})
			}
			if len(unchecked) > 0 {
				res.Unchecked = append(res.Unchecked, PresetFailure{Session: i, Violations: unchecked})
			}
		}
		f.Presets = append(f.Presets, res)
	}
	f.rank()
	f.tally()
	f.Repeated = repeated(prog)
	return f, nil
}

// forumSession plans and reports session i.
func forumSession(prog *agenda.Programme, i int, p Policy) ForumSession {
	s := &prog.Sessions[i]
	fs := ForumSession{Index: i}
	var err error
	if verr := s.Validate(); verr != nil {
		fs.Invalid, fs.Err = true, &ProgrammeError{Index: i, Title: s.Title, Err: verr}
		fs.Report, err = DraftReport(s, p)
	} else if ros, _, perr := Plan(s, p); perr == nil {
		fs.Report, err = PlanReport(ros, p)
	} else {
		fs.Err = &ProgrammeError{Index: i, Title: s.Title, Err: perr}
		fs.Report, err = DraftReport(s, p)
	}
	if err != nil {
		fs.Report = nil
		if fs.Err == nil {
			fs.Err = &ProgrammeError{Index: i, Title: s.Title, Err: err}
		}
		return fs
	}
	for _, d := range fs.Report.Dimensions {
		fs.Gap += d.Gap / float64(len(fs.Report.Dimensions))
	}
	fs.Distance, fs.Judged = lineupDistance(fs.Report)
	return fs
}

// lineupDistance returns the mean Distance of the report's stakeholder and
// regional headcounts, over those that any speaker gives, and whether any
// does.
func lineupDistance(r *Report) (float64, bool) {
	sum, n := 0.0, 0
	for _, h := range r.Lineup {
		if (h.Dimension.By == ByStakeholder || h.Dimension.By == ByRegion) && h.Counted > 0 {
			sum += h.Distance
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// rank orders the sessions by their line-up's distance from the full sets,
// then by their gap; sessions whose line-up cannot be judged come after
// those it can, and sessions without speakers last.
func (f *Forum) rank() {
	f.Ranked = make([]int, len(f.Sessions))
	for i := range f.Ranked {
		f.Ranked[i] = i
	}
	// class is 0 for a session judged by its line-up, 1 for one whose
	// speakers give no group, 2 for one without speakers.
	class := func(i int) int {
		r := f.Sessions[i].Report
		if r == nil || len(r.Speakers) == 0 {
			return 2
		}
		if !f.Sessions[i].Judged {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(f.Ranked, func(a, b int) int {
		return cmp.Or(cmp.Compare(class(a), class(b)),
			cmp.Compare(f.Sessions[b].Distance, f.Sessions[a].Distance),
			cmp.Compare(f.Sessions[b].Gap, f.Sessions[a].Gap))
	})
}

// tally adds up the groups and finds the frequent speakers.
func (f *Forum) tally() {
	prog := f.Programme
	attendees, _ := prog.Attendees()
	// Which attendee each session's person is.
	who := make([][]int, len(prog.Sessions))
	for i := range prog.Sessions {
		who[i] = make([]int, len(prog.Sessions[i].People))
		for j := range who[i] {
			who[i][j] = -1
		}
	}
	for a, at := range attendees {
		for _, ap := range at.Appearances {
			who[ap.Session][ap.Person] = a
		}
	}
	dims := forumDimensions()
	type group struct {
		people map[int]bool
		time   time.Duration
	}
	groups := make([]map[string]*group, len(dims))
	unknown := make([]map[int]bool, len(dims))
	unknownTime := make([]time.Duration, len(dims))
	for d := range dims {
		groups[d], unknown[d] = map[string]*group{}, map[int]bool{}
	}
	// inReport returns the group of each speaker of the report by each
	// dimension of its line-up, as the report counts them: the forum reads
	// the report's tallies rather than sorting people again.
	inReport := func(r *Report) []map[string]string {
		out := make([]map[string]string, len(dims))
		for d, dim := range dims {
			for _, h := range r.Lineup {
				if h.Dimension.By != dim.By {
					continue
				}
				out[d] = map[string]string{}
				for _, g := range h.Groups {
					for _, name := range g.People {
						out[d][name] = g.Group
					}
				}
			}
		}
		return out
	}
	frequent := map[int]*RepeatedPerson{}
	for _, fs := range f.Sessions {
		if fs.Report == nil {
			continue
		}
		s := &prog.Sessions[fs.Index]
		index := make(map[string]int, len(s.People))
		for j := range s.People {
			index[s.People[j].Name] = j
		}
		reported := inReport(fs.Report)
		for _, sp := range fs.Report.Speakers {
			j, ok := index[sp.Name]
			if !ok || who[fs.Index][j] < 0 {
				continue
			}
			person, a := &s.People[j], who[fs.Index][j]
			for d, dim := range dims {
				var g string
				if reported[d] != nil {
					g = reported[d][sp.Name]
				} else {
					g = dim.groupOf(s, person)
				}
				if g == "" {
					unknown[d][a] = true
					unknownTime[d] += sp.Time
					continue
				}
				if groups[d][g] == nil {
					groups[d][g] = &group{people: map[int]bool{}}
				}
				groups[d][g].people[a] = true
				groups[d][g].time += sp.Time
			}
			fr := frequent[a]
			if fr == nil {
				fr = &RepeatedPerson{Name: attendees[a].Name}
				frequent[a] = fr
			}
			if n := len(fr.Appearances); n == 0 || fr.Appearances[n-1].Session != fs.Index {
				fr.Appearances = append(fr.Appearances, RepeatedInSession{Session: fs.Index, Roles: slices.Clone(person.Roles)})
			}
			fr.Time += sp.Time
			fr.Private = fr.Private || slices.Contains(person.Private, "name") || !s.Named()
		}
	}
	f.Speakers = len(frequent)
	for d, dim := range dims {
		fd := Balance{Dimension: dim, Unknown: len(unknown[d]), UnknownTime: unknownTime[d]}
		counted := map[int]bool{}
		for name, g := range groups[d] {
			if dim.outsideSet(name) {
				continue
			}
			fd.Time += g.time
			for a := range g.people {
				counted[a] = true
			}
		}
		fd.Counted = len(counted)
		// Every group of the full set is listed, those without speakers at 0.
		for _, name := range universe(dim) {
			if groups[d][name] == nil {
				groups[d][name] = &group{}
			}
		}
		k := len(universe(dim))
		if k == 0 {
			for name := range groups[d] {
				if !dim.outsideSet(name) {
					k++
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(groups[d])) {
			g := groups[d][name]
			fg := Group{Group: name, Speakers: len(g.people), Time: g.time, Outside: dim.outsideSet(name)}
			if !fg.Outside {
				fg.Target = 1 / float64(k)
				if fd.Time > 0 {
					fg.Share = float64(g.time) / float64(fd.Time)
				}
			}
			fd.Groups = append(fd.Groups, fg)
		}
		f.Dimensions = append(f.Dimensions, fd)
	}
	for _, fr := range frequent {
		f.Frequent = append(f.Frequent, *fr)
	}
	slices.SortFunc(f.Frequent, func(a, b RepeatedPerson) int {
		return cmp.Or(cmp.Compare(len(b.Appearances), len(a.Appearances)), cmp.Compare(b.Time, a.Time),
			cmp.Compare(a.Appearances[0].Session, b.Appearances[0].Session), strings.Compare(a.Name, b.Name))
	})
	f.Frequent = f.Frequent[:min(len(f.Frequent), maxFrequent)]
}
