package balance

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/stat"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// The values of Report.Source and Finding.Scope.
const (
	sourceDraft = "draft"
	sourcePlan  = "plan"
	sourceLog   = "log"
	scopeLineup = "line-up"
	scopePlan   = "plan"
)

// Report says who holds the floor in a session, group by group, against
// the policy's targets, and lists every imbalance it finds, most serious
// first. It judges two things apart: the line-up, who was invited, by
// headcount against the full sets of stakeholder and regional groups
// (Lineup, and the findings of scope "line-up"), reported whatever time the
// speakers get; and the time, of the plan, draft or log, against the
// targets (Dimensions, and the findings of scope "plan"). Speakers who give
// no value in a dimension are counted as such (Unknown), and its shares
// are of the others.
type Report struct {
	Session *agenda.Session // the session reported on
	// Source says what the report measures: "draft", the draft as given,
	// each speaking segment's time shared equally among the speakers it
	// lists ([DraftReport]); "plan", the speeches of a planned run-of-show
	// ([PlanReport]); "log", what was actually said, from a speaking log
	// ([AuditLog]).
	Source   string
	Speaking time.Duration // the speaking time measured, over all speakers
	Speakers []Speaker
	// Dimensions reports each dimension of the policy that applies to the
	// session; Dropped lists those that do not (mode in a session that is
	// not hybrid).
	Dimensions []Balance
	Dropped    []Dimension
	Floor      []FloorReport     // the roles, besides speaker, of the people who hold the floor
	Attendance agenda.Attendance // as the session reports it

	// Lineup counts the speakers of each group by stakeholder group,
	// regional group and gender, whatever the policy balances and whatever
	// time they get: who was invited.
	Lineup []Balance

	// Findings are those of the line-up and of the plan, most serious
	// first; each one's Scope says which.
	Findings []Finding
}

// FloorReport is the speaking time held by the speakers who hold a role
// besides speaker, such as organizers who also speak.
type FloorReport struct {
	Role     agenda.Role
	Speakers int
	Time     time.Duration
	Share    float64 // of Report.Speaking
}

// DraftReport reports a draft session as given: the speaking time of each
// speaking segment (its length less the time the policy keeps for
// moderation and audience) shared equally among the speakers it lists.
// Its errors are those of [Allocate], but a draft is reported whatever the
// hard rules between groups: an *InfeasibleError is only for a segment too
// short for its hand-overs or a speaker whose minimum is more than they can
// get.
func DraftReport(s *agenda.Session, p Policy) (*Report, error) {
	pr, err := newProblem(s, p, nil)
	if err != nil {
		return nil, err
	}
	times := make([]time.Duration, len(pr.speakers))
	for _, sg := range pr.segs {
		speaking := s.Segments[sg.index].Length - sg.kept
		for _, i := range sg.speakers {
			times[i] += speaking / time.Duration(len(sg.speakers))
		}
	}
	return pr.report(sourceDraft, times, 0), nil
}

// PlanReport reports a planned run-of-show: the time of every speech. A
// nil run-of-show, or one without a session, is [ErrNoSession]; its other
// errors are those of [DraftReport].
func PlanReport(ros *agenda.RunOfShow, p Policy) (*Report, error) {
	if ros == nil {
		return nil, ErrNoSession
	}
	pr, err := newProblem(ros.Session, p, nil)
	if err != nil {
		return nil, err
	}
	// A turn names its speaker as the roster finds them, in any case,
	// spacing or Unicode form.
	roster := ros.Session.Roster()
	speakerOf := make(map[int]int, len(pr.speakers)) // index in Session.People -> speaker
	for i := range pr.speakers {
		speakerOf[pr.speakers[i].index] = i
	}
	times := make([]time.Duration, len(pr.speakers))
	heard := map[[2]int]bool{} // per segment of the session and speaker: a speech of some length
	var other time.Duration
	for k, seg := range ros.Segments {
		for _, t := range seg.Turns {
			if t.Kind != "speech" {
				continue
			}
			if i, ok := speakerOf[roster.Index(t.Person)]; ok {
				times[i] += t.Length()
				heard[[2]int{k, i}] = heard[[2]int{k, i}] || t.Length() > 0
			} else {
				other += t.Length()
			}
		}
	}
	r := pr.report(sourcePlan, times, other)
	r.Findings = append(r.Findings, pr.unheard(heard)...)
	sortFindings(r.Findings)
	return r, nil
}

// unheard finds, in each speaking segment, the speakers it lists who have
// no speech in it, as heard has them by segment and speaker: a segment of
// fewer steps than speakers, whose least turn is then none, leaves some
// out.
func (pr *problem) unheard(heard map[[2]int]bool) []Finding {
	var fs []Finding
	for _, sg := range pr.segs {
		var names []string
		for _, i := range sg.speakers {
			if !heard[[2]int{sg.index, i}] {
				names = append(names, pr.speakers[i].person.Name)
			}
		}
		if len(names) == 0 {
			continue
		}
		n := len(sg.speakers)
		text := fmt.Sprintf("%s of “%s” %s no time in it", someSpeakers(len(names), n), pr.s.Segments[sg.index].Title, hasHave(len(names)))
		if sg.capacity < n {
			text += fmt.Sprintf(": its %s of speaking time is %s of %s, fewer than its speakers", timeslot.FormatLength(time.Duration(sg.capacity)*pr.step),
				plural(fmt.Sprint(sg.capacity)+" step", sg.capacity), timeslot.FormatLength(pr.step))
		}
		fs = append(fs, Finding{Kind: findingNoTime, Scope: scopePlan, People: names, Severity: 20, Text: text})
	}
	return fs
}

// hasHave is the verb of k speakers: "has" for one.
func hasHave(k int) string {
	if k == 1 {
		return "has"
	}
	return "have"
}

// report builds the report of the speakers' times; other is speaking time
// that belongs to nobody among them.
func (pr *problem) report(source string, times []time.Duration, other time.Duration) *Report {
	s := pr.s
	r := &Report{Session: s, Source: source, Dropped: pr.dropped, Attendance: s.Attendance}
	for _, t := range times {
		r.Speaking += t
	}
	share := func(part, whole time.Duration) float64 {
		if whole <= 0 {
			return 0
		}
		return float64(part) / float64(whole)
	}
	for i := range pr.speakers {
		p := pr.speakers[i].person
		r.Speakers = append(r.Speakers, Speaker{Name: p.Name, Roles: p.Roles, Time: times[i], Share: share(times[i], r.Speaking)})
	}
	rows := pr.groupRows(nil)
	for d, dim := range pr.dims {
		r.Dimensions = append(r.Dimensions, pr.dimensionReport(d, dim, rows, times))
	}
	for _, dim := range lineupDimensions {
		r.Lineup = append(r.Lineup, pr.headcount(dim))
	}
	r.Floor = pr.floor(times, r.Speaking)
	r.Findings = pr.findings(r, other)
	return r
}

// dimensionReport reports dimension d of the problem: each group's time
// against the target of its row. A group outside the dimension's full set
// has no row, and is reported with no share and no target.
func (pr *problem) dimensionReport(d int, dim Dimension, rows []groupRow, times []time.Duration) Balance {
	dr := Balance{Dimension: dim}
	targets := map[string]float64{}
	for _, row := range rows {
		if row.dim == d {
			targets[row.group] = row.target
		}
	}
	var known time.Duration
	groups := map[string]*Group{}
	for i := range pr.speakers {
		g := dim.groupOf(pr.s, pr.speakers[i].person) // with a value outside the set, which the programme leaves out
		if g == "" {
			dr.Unknown++
			dr.UnknownTime += times[i]
			continue
		}
		gr := groups[g]
		if gr == nil {
			gr = &Group{Group: g, Outside: dim.outsideSet(g)}
			groups[g] = gr
		}
		gr.Speakers++
		gr.Time += times[i]
		gr.People = append(gr.People, pr.speakers[i].person.Name)
		if !gr.Outside {
			known += times[i]
			dr.Counted++
		}
	}
	for g := range targets {
		if groups[g] == nil {
			groups[g] = &Group{Group: g} // a target with no speaker
		}
	}
	var shares []float64
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		g := groups[name]
		if !g.Outside {
			if known > 0 {
				g.Share = float64(g.Time) / float64(known)
			}
			g.Target = targets[name]
			g.Deviation = g.Time - time.Duration(math.Round(g.Target*float64(known)))
			dr.Gap += math.Abs(g.Share-g.Target) / 2
			if g.Speakers > 0 {
				shares = append(shares, g.Share)
			}
		}
		dr.Groups = append(dr.Groups, *g)
	}
	dr.Evenness = 1
	if len(shares) > 1 {
		dr.Evenness = stat.Entropy(shares) / math.Log(float64(len(shares)))
	}
	for _, g := range universe(dim) {
		if groups[g] == nil || groups[g].Speakers == 0 {
			dr.Missing = append(dr.Missing, g)
		}
	}
	return dr
}

// floor reports the time of the speakers who hold each role besides speaker.
func (pr *problem) floor(times []time.Duration, total time.Duration) []FloorReport {
	var out []FloorReport
	for _, role := range roleOrder {
		f := FloorReport{Role: role}
		for i := range pr.speakers {
			if slices.Contains(pr.speakers[i].person.Roles, role) {
				f.Speakers++
				f.Time += times[i]
			}
		}
		if f.Speakers > 0 {
			if total > 0 {
				f.Share = float64(f.Time) / float64(total)
			}
			out = append(out, f)
		}
	}
	return out
}

// roleOrder lists the roles a speaker may also hold.
var roleOrder = []agenda.Role{agenda.RoleOrganizer, agenda.RoleModerator, agenda.RoleOnlineModerator, agenda.RoleRapporteur, agenda.RoleFacilitator}
