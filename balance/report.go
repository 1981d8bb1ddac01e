package balance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/gonum/stat"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Source says what a [Report] measures.
type Source string

// The sources of a report.
const (
	SourceDraft Source = "draft" // the draft as given: each speaking segment's time shared equally among the speakers it lists
	SourcePlan  Source = "plan"  // the speeches of a planned run-of-show
	SourceLog   Source = "log"   // what was actually said, from a speaking log
)

// Report says who holds the floor in a session, group by group, against
// the policy's targets, and lists every imbalance it finds, most serious
// first.
type Report struct {
	Session  *agenda.Session // the session reported on
	Source   Source
	Speaking time.Duration // the speaking time measured, over all speakers
	Speakers []SpeakerReport
	// Dimensions reports each dimension of the policy that applies to the
	// session; Dropped lists those that do not (mode in a session that is
	// not hybrid).
	Dimensions []DimensionReport
	Dropped    []Dimension
	Floor      []FloorReport     // the roles, besides speaker, of the people who hold the floor
	Attendance agenda.Attendance // as the session reports it
	Findings   []Finding         // most serious first
}

// SpeakerReport is one speaker's time.
type SpeakerReport struct {
	Name  string
	Roles []agenda.Role
	Time  time.Duration
	Share float64 // of Report.Speaking
}

// DimensionReport is how one dimension's groups fare.
type DimensionReport struct {
	Dimension Dimension
	Groups    []GroupReport // the groups with speakers, and those the policy names, by name

	// Missing lists the groups of the dimension's full set (the five UN
	// regional groups, the five stakeholder groups, onsite and online) that
	// no speaker belongs to.
	Missing []string

	// Unknown counts the speakers with no value in the dimension; they are
	// left out of its shares.
	Unknown int

	// Evenness is the normalised entropy of the groups' shares of time,
	// −Σ p_g·ln p_g / ln k over the k groups that have speakers: 1 when
	// they share the time equally, 0 when one group has it all. It is 1 for
	// a single group.
	Evenness float64

	// Gap is half the sum over groups of |share − target|: the share of the
	// time that would have to change hands to meet every target.
	Gap float64
}

// GroupReport is one group's time against its target.
type GroupReport struct {
	Group     string
	Speakers  int
	People    []string // the speakers in the group, in the order of Session.People
	Time      time.Duration
	Share     float64       // of the time of speakers with a value in the dimension
	Target    float64       // the target share
	Deviation time.Duration // Time less the target's time
}

// Points returns the group's distance from its target in percentage points,
// positive when it has more than its target.
func (g GroupReport) Points() float64 { return 100 * (g.Share - g.Target) }

// FloorReport is the speaking time held by the speakers who hold a role
// besides speaker, such as organizers who also speak.
type FloorReport struct {
	Role     agenda.Role
	Speakers int
	Time     time.Duration
	Share    float64 // of Report.Speaking
}

// Finding is one imbalance or fact worth an organizer's attention.
type Finding struct {
	Kind      FindingKind
	Dimension string // the dimension's name, if the finding is about one
	Group     string
	People    []string
	// Severity ranks the findings: percentage points away from a target, or
	// a fixed weight for the kinds that have none (see FindingKind).
	Severity float64
	Text     string // the finding in plain words
}

// FindingKind says what a finding is about.
type FindingKind string

// The kinds of finding, with the severity of those that have no distance to
// a target.
const (
	FindingOver          FindingKind = "over"          // a group well above its target (10 points or more)
	FindingUnder         FindingKind = "under"         // a group well below its target
	FindingPromise       FindingKind = "promise"       // a hard rule of the policy not kept: twice its points
	FindingMissing       FindingKind = "missing"       // no speaker from a group of the full set: its equal share of the full set
	FindingOneGender     FindingKind = "one gender"    // every speaker whose gender is given has the same: 30
	FindingModeration    FindingKind = "moderation"    // every moderator of a hybrid session onsite: 25
	FindingRoles         FindingKind = "roles"         // speakers who also hold another role: 5
	FindingParticipation FindingKind = "participation" // attendance as the session reports it: 1
	FindingUnattributed  FindingKind = "unattributed"  // speaking time logged for nobody among the people: its share
)

// threshold is how far, in percentage points, a group of a soft dimension
// may be from its target before the report names it.
const threshold = 10

// pointsEps absorbs the rounding error of a share, so that a group exactly
// threshold points away (60% against 50%) is named: 0.6 − 0.5 is
// 0.09999999999999998 in floating point.
const pointsEps = 1e-9

// universe returns the full set of groups of a dimension, if it has one.
func universe(d Dimension) []string {
	switch d.By {
	case ByRegion:
		return []string{string(agenda.RegionAfrican), string(agenda.RegionAsiaPacific), string(agenda.RegionEasternEuropean), string(agenda.RegionGRULAC), string(agenda.RegionWEOG)}
	case ByStakeholder:
		return []string{string(agenda.StakeholderGovernment), string(agenda.StakeholderCivilSociety), string(agenda.StakeholderPrivateSector), string(agenda.StakeholderTechnicalCommunity), string(agenda.StakeholderIntergovernmental)}
	case ByMode:
		return []string{string(agenda.ModeOnsite), string(agenda.ModeOnline)}
	}
	return nil
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
	return pr.report(SourceDraft, times, 0), nil
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
	byName := make(map[string]int, len(pr.speakers))
	for i := range pr.speakers {
		byName[pr.speakers[i].person.Name] = i
	}
	times := make([]time.Duration, len(pr.speakers))
	var other time.Duration
	for _, seg := range ros.Segments {
		for _, t := range seg.Turns {
			if t.Kind != agenda.TurnSpeech {
				continue
			}
			if i, ok := byName[t.Person]; ok {
				times[i] += t.Length()
			} else {
				other += t.Length()
			}
		}
	}
	return pr.report(SourcePlan, times, other), nil
}

// report builds the report of the speakers' times; other is speaking time
// that belongs to nobody among them.
func (pr *problem) report(source Source, times []time.Duration, other time.Duration) *Report {
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
		r.Speakers = append(r.Speakers, SpeakerReport{Name: p.Name, Roles: p.Roles, Time: times[i], Share: share(times[i], r.Speaking)})
	}
	rows := pr.groupRows()
	for d, dim := range pr.dims {
		dr := DimensionReport{Dimension: dim}
		var known time.Duration
		for i := range pr.speakers {
			if pr.speakers[i].groups[d] == "" {
				dr.Unknown++
			} else {
				known += times[i]
			}
		}
		var shares []float64
		for _, row := range rows {
			if row.dim != d {
				continue
			}
			g := GroupReport{Group: row.group, Speakers: row.count, Target: row.target}
			for i := range pr.speakers {
				if pr.speakers[i].groups[d] == row.group {
					g.Time += times[i]
					g.People = append(g.People, pr.speakers[i].person.Name)
				}
			}
			g.Share = share(g.Time, known)
			g.Deviation = g.Time - time.Duration(math.Round(row.target*float64(known)))
			dr.Gap += math.Abs(g.Share-g.Target) / 2
			if g.Speakers > 0 {
				shares = append(shares, g.Share)
			}
			dr.Groups = append(dr.Groups, g)
		}
		dr.Evenness = 1
		if len(shares) > 1 {
			dr.Evenness = stat.Entropy(shares) / math.Log(float64(len(shares)))
		}
		for _, g := range universe(dim) {
			if !slices.ContainsFunc(dr.Groups, func(gr GroupReport) bool { return gr.Group == g && gr.Speakers > 0 }) {
				dr.Missing = append(dr.Missing, g)
			}
		}
		r.Dimensions = append(r.Dimensions, dr)
	}
	r.Floor = pr.floor(times, r.Speaking)
	r.Findings = pr.findings(r, other)
	return r
}

// floor reports the time of the speakers who hold each role besides speaker.
func (pr *problem) floor(times []time.Duration, total time.Duration) []FloorReport {
	var out []FloorReport
	for _, role := range roleOrder {
		f := FloorReport{Role: role}
		for i := range pr.speakers {
			if pr.speakers[i].person.Has(role) {
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

// findings lists what the report shows, most serious first.
func (pr *problem) findings(r *Report, other time.Duration) []Finding {
	var fs []Finding
	add := func(f Finding) { fs = append(fs, f) }
	n := len(r.Speakers)
	for _, dr := range r.Dimensions {
		dim := dr.Dimension
		name := dim.Name()
		for _, g := range dr.Groups {
			pts := g.Points()
			// With two groups, one mirrors the other: name the group above its
			// target, or, for a promise, the one the promise fails.
			if len(dr.Groups) == 2 && (pts < 0) != dim.Hard {
				continue
			}
			switch {
			case dim.Hard && math.Abs(float64(g.Deviation)) > dim.Tolerance*float64(r.Speaking)+float64(pr.step):
				add(Finding{Kind: FindingPromise, Dimension: name, Group: g.Group, People: g.People, Severity: 2 * math.Abs(pts),
					Text: fmt.Sprintf("%s hold %s of speaking time; the policy promises %s", groupPhrase(dim, g.Group, true), pct(g.Share), targetPhrase(dim, g.Target))})
			case !dim.Hard && pts >= threshold-pointsEps:
				add(Finding{Kind: FindingOver, Dimension: name, Group: g.Group, People: g.People, Severity: pts,
					Text: fmt.Sprintf("%d of %d speakers %s %s: %s of speaking time against %s%s",
						g.Speakers, n, isAre(g.Speakers), groupWord(dim, g.Group), pct(g.Share), targetPhrase(dim, g.Target), universeNote(dim))})
			case !dim.Hard && pts <= -threshold+pointsEps:
				add(Finding{Kind: FindingUnder, Dimension: name, Group: g.Group, People: g.People, Severity: -pts,
					Text: fmt.Sprintf("%s %s %s of speaking time against %s (%s)",
						groupPhrase(dim, g.Group, g.Speakers != 1), have(g.Speakers), pct(g.Share), targetPhrase(dim, g.Target), countOf(g.Speakers, n))})
			}
		}
		if len(dr.Missing) > 0 && n > 0 {
			add(Finding{Kind: FindingMissing, Dimension: name, Group: strings.Join(dr.Missing, ", "), Severity: 100 / float64(len(universe(dim))),
				Text: "no speaker " + fromPhrase(dim, dr.Missing)})
		}
	}
	pr.genderFinding(add)
	pr.moderationFinding(add)
	for _, f := range r.Floor {
		if f.Role == agenda.RoleOrganizer || f.Role == agenda.RoleModerator || f.Role == agenda.RoleOnlineModerator {
			add(Finding{Kind: FindingRoles, Group: string(f.Role), Severity: 5,
				Text: fmt.Sprintf("%d of %d speakers %s also %s, with %s of speaking time", f.Speakers, n, isAre(f.Speakers), roleNoun(f.Role, f.Speakers), pct(f.Share))})
		}
	}
	if other > 0 {
		add(Finding{Kind: FindingUnattributed, Severity: 100 * float64(other) / float64(other+r.Speaking),
			Text: fmt.Sprintf("%s of speaking time was logged for nobody among the session's people", timeslot.FormatLength(other))})
	}
	if a := r.Attendance; a.People > 0 {
		text := fmt.Sprintf("%d people attended", a.People)
		if a.Women > 0 {
			text += fmt.Sprintf(", %d of them women (%s)", a.Women, pct(float64(a.Women)/float64(a.People)))
		}
		add(Finding{Kind: FindingParticipation, Severity: 1, Text: text})
		if a.Online > 0 {
			add(Finding{Kind: FindingParticipation, Severity: 1,
				Text: fmt.Sprintf("%d participants connected remotely (%s)", a.Online, pct(float64(a.Online)/float64(a.People)))})
		}
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Text, b.Text))
	})
	return fs
}

// genderFinding notes speakers who all share one gender.
func (pr *problem) genderFinding(add func(Finding)) {
	genders := map[string][]string{}
	for i := range pr.speakers {
		if g := (Dimension{By: ByGender}).groupOf(pr.s, pr.speakers[i].person); g != "" {
			genders[g] = append(genders[g], pr.speakers[i].person.Name)
		}
	}
	if len(genders) != 1 {
		return
	}
	for g, people := range genders {
		if len(people) < 2 {
			return
		}
		all := fmt.Sprintf("all %d", len(people))
		if len(people) == 2 {
			all = "both"
		}
		text := fmt.Sprintf("%s speakers whose gender is given are %s", all, plural(g, 2))
		if len(people) == len(pr.speakers) {
			text = fmt.Sprintf("%s speakers are %s", all, plural(g, 2))
		}
		add(Finding{Kind: FindingOneGender, Dimension: string(ByGender), Group: g, People: people, Severity: 30, Text: text})
	}
}

// moderationFinding notes a hybrid session whose moderators are all onsite.
func (pr *problem) moderationFinding(add func(Finding)) {
	if pr.s.Format != agenda.FormatHybrid {
		return
	}
	var names []string
	for _, p := range pr.s.People {
		if p.Has(agenda.RoleModerator) || p.Has(agenda.RoleOnlineModerator) {
			if p.Mode != agenda.ModeOnsite {
				return
			}
			names = append(names, p.Name)
		}
	}
	if len(names) > 0 {
		add(Finding{Kind: FindingModeration, People: names, Severity: 25,
			Text: "every moderator is onsite: nobody moderates from among the online participants"})
	}
}

// groupWord names a group as in "5 of 6 speakers are WEOG".
func groupWord(d Dimension, g string) string {
	switch d.By {
	case ByMode:
		return g
	case ByStakeholder:
		return "from " + g
	case ByGender:
		return plural(g, 2)
	case ByLabel:
		return d.Label + " " + g
	}
	return g
}

// groupPhrase names a group's speakers as the subject of a sentence:
// "online speakers", "Civil Society speakers", "GRULAC".
func groupPhrase(d Dimension, g string, many bool) string {
	switch d.By {
	case ByMode, ByStakeholder:
		return g + " " + plural("speaker", btoi(many)+1)
	case ByLabel:
		return d.Label + " " + g
	}
	return g
}

// fromPhrase completes "no speaker …" for the missing groups of a dimension.
func fromPhrase(d Dimension, groups []string) string {
	if d.By == ByMode {
		return "is " + strings.Join(groups, " or ")
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g
		if d.By == ByRegion && strings.HasSuffix(g, "Group") {
			names[i] = "the " + g
		}
	}
	if len(names) == 1 {
		return "from " + names[0]
	}
	return "from " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// targetPhrase describes a target share.
func targetPhrase(d Dimension, t float64) string {
	switch d.target() {
	case TargetEqual:
		return "an equal share of " + pct(t)
	case TargetHeadcount:
		return "a share by headcount of " + pct(t)
	}
	return "a target of " + pct(t)
}

// universeNote adds the equal share among the full set of groups, where a
// dimension has one and the policy's equal share is among fewer.
func universeNote(d Dimension) string {
	u := universe(d)
	if d.target() != TargetEqual || len(u) == 0 || d.By == ByMode {
		return ""
	}
	set := map[By]string{ByRegion: "UN regional groups", ByStakeholder: "stakeholder groups"}
	return fmt.Sprintf(" (%s among all %d %s)", pct(1/float64(len(u))), len(u), set[d.By])
}

func have(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func countOf(n, of int) string { return fmt.Sprintf("%d of %d speakers", n, of) }

// roleNoun writes a role for n people: "a moderator", "organizers".
func roleNoun(r agenda.Role, n int) string {
	if n == 1 {
		if r == agenda.RoleOrganizer || r == agenda.RoleOnlineModerator {
			return "an " + string(r)
		}
		return "a " + string(r)
	}
	return plural(string(r), n)
}

// plural writes a word for n things: "organizer", "organizers", "woman", "women".
func plural(word string, n int) string {
	if n == 1 {
		return word
	}
	switch word {
	case "woman":
		return "women"
	case "man":
		return "men"
	case "online moderator":
		return "online moderators"
	}
	return word + "s"
}
