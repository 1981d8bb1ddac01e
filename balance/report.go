package balance

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
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

// Finding is one imbalance or fact worth an organizer's attention.
type Finding struct {
	// Kind says what the finding is about, with the severity of the kinds
	// that have no distance to a target. Of the line-up:
	//   - "headcount": more than half of the counted speakers, and at least 2, in one stakeholder or regional group: points above an equal share of the full set
	//   - "missing": no speaker from a group of the full set, among those who give a value (no finding if none does): its equal share of the full set
	//   - "not given": speakers who give no stakeholder group, regional group or gender, or no value of a dimension of the policy, or a region outside the UN regional groups: 10 (2 for gender)
	//   - "one gender": every speaker whose gender is given has the same: 30
	//   - "organization": every organizer, two or more, from one organization: 15
	//   - "moderation": every moderator of a hybrid session onsite: 25
	//   - "roles": speakers who also organize, moderate or report, in one finding: 5
	//   - "participation": attendance as the session reports it: 1
	//
	// Of the plan:
	//   - "over": a group well above its target (10 points or more)
	//   - "under": a group well below its target
	//   - "promise": a hard rule of the policy not kept: twice its points
	//   - "unattributed": speaking time logged for nobody among the people: its share
	Kind string

	// Scope says what the finding judges: "line-up", who was invited, by
	// headcount, whatever time the plan gives each speaker; or "plan", the
	// speaking time against the targets, of the plan, of the draft or of
	// the log, as the report's Source says.
	Scope     string
	Dimension string // the dimension's name, if the finding is about one
	Group     string
	People    []string
	// Severity ranks the findings: percentage points away from a target, or
	// a fixed weight for the kinds that have none (see Kind).
	Severity float64
	Text     string // the finding in plain words
}

// The kinds of finding, as Finding.Kind lists them.
const (
	findingHeadcount     = "headcount"
	findingMissing       = "missing"
	findingNotGiven      = "not given"
	findingOneGender     = "one gender"
	findingOrganization  = "organization"
	findingModeration    = "moderation"
	findingRoles         = "roles"
	findingParticipation = "participation"
	findingOver          = "over"
	findingUnder         = "under"
	findingPromise       = "promise"
	findingUnattributed  = "unattributed"
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
	var other time.Duration
	for _, seg := range ros.Segments {
		for _, t := range seg.Turns {
			if t.Kind != agenda.TurnSpeech {
				continue
			}
			if i, ok := speakerOf[roster.Index(t.Person)]; ok {
				times[i] += t.Length()
			} else {
				other += t.Length()
			}
		}
	}
	return pr.report(sourcePlan, times, other), nil
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
	rows := pr.groupRows()
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
// is reported with no share and no target, and the targets of the others
// are scaled to add up to what the rows give them all, so that an equal
// share is among the groups of the set.
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
	sum, inSet := 0.0, 0.0
	for g, t := range targets {
		if groups[g] == nil {
			groups[g] = &Group{Group: g, Outside: dim.outsideSet(g)}
		}
		sum += t
		if !dim.outsideSet(g) {
			inSet += t
		}
	}
	var shares []float64
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		g := groups[name]
		if !g.Outside {
			if known > 0 {
				g.Share = float64(g.Time) / float64(known)
			}
			if g.Target = targets[name]; inSet > 0 && inSet != sum {
				g.Target *= sum / inSet
			}
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

// lineupDimensions are the dimensions of a report's [Balance]s.
var lineupDimensions = []Dimension{{By: ByStakeholder}, {By: ByRegion}, {By: ByGender}}

// headcount counts the speakers of each group of dim.
func (pr *problem) headcount(dim Dimension) Balance {
	h := Balance{Dimension: dim}
	groups := map[string]*Group{}
	for i := range pr.speakers {
		p := pr.speakers[i].person
		g := dim.groupOf(pr.s, p)
		if g == "" {
			h.Unknown++
			continue
		}
		gc := groups[g]
		if gc == nil {
			gc = &Group{Group: g, Outside: dim.outsideSet(g)}
			groups[g] = gc
		}
		gc.Speakers++
		gc.People = append(gc.People, p.Name)
		if !gc.Outside {
			h.Counted++
		}
	}
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		h.Groups = append(h.Groups, *groups[name])
	}
	u := universe(dim)
	for _, g := range u {
		if groups[g] == nil {
			h.Missing = append(h.Missing, g)
		}
	}
	if len(u) > 0 && h.Counted > 0 {
		k := float64(len(u))
		for _, g := range u {
			n := 0
			if groups[g] != nil {
				n = groups[g].Speakers
			}
			h.Distance += math.Abs(float64(n)/float64(h.Counted)-1/k) / 2
		}
	}
	return h
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

// findings lists what the report shows, most serious first: the line-up's
// findings from headcounts, and the plan's from time against targets.
func (pr *problem) findings(r *Report, other time.Duration) []Finding {
	var fs []Finding
	add := func(f Finding) { fs = append(fs, f) }
	pr.lineupFindings(r, add)
	for _, dr := range r.Dimensions {
		dim := dr.Dimension
		name := dim.Name()
		inSet := 0
		for _, g := range dr.Groups {
			if !g.Outside {
				inSet++
			}
		}
		for _, g := range dr.Groups {
			if g.Outside || dr.Counted == 0 {
				continue
			}
			pts := g.points()
			// With two groups, one mirrors the other: name the group above its
			// target, or, for a promise, the one the promise fails.
			if inSet == 2 && (pts < 0) != dim.Hard {
				continue
			}
			switch {
			case dim.Hard && math.Abs(float64(g.Deviation)) > dim.Tolerance*float64(r.Speaking)+float64(pr.step):
				add(Finding{Kind: findingPromise, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: 2 * math.Abs(pts),
					Text: fmt.Sprintf("%s hold %s%s; the policy promises %s", groupPhrase(dim, g.Group, true), pct(g.Share), overCounted(dim, dr.Counted, len(r.Speakers)), targetPhrase(dim, g.Target))})
			case !dim.Hard && pts >= threshold-pointsEps:
				add(Finding{Kind: findingOver, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: pts,
					Text: fmt.Sprintf("%s %s %s%s against %s",
						groupPhrase(dim, g.Group, g.Speakers != 1), have(g.Speakers), pct(g.Share), overCounted(dim, dr.Counted, len(r.Speakers)), targetPhrase(dim, g.Target))})
			case !dim.Hard && pts <= -threshold+pointsEps:
				add(Finding{Kind: findingUnder, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: -pts,
					Text: fmt.Sprintf("%s %s %s%s against %s",
						groupPhrase(dim, g.Group, g.Speakers != 1), have(g.Speakers), pct(g.Share), overCounted(dim, dr.Counted, len(r.Speakers)), targetPhrase(dim, g.Target))})
			}
		}
	}
	if other > 0 {
		add(Finding{Kind: findingUnattributed, Scope: scopePlan, Severity: 100 * float64(other) / float64(other+r.Speaking),
			Text: fmt.Sprintf("%s of speaking time was logged for nobody among the session's people", timeslot.FormatLength(other))})
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Text, b.Text))
	})
	return fs
}

// overCounted says over whom a share of time is taken: " of speaking
// time", or, when it is not every speaker, " of the speaking time of the 3
// speakers who give a stakeholder group,".
func overCounted(d Dimension, counted, n int) string {
	if counted == n {
		return " of speaking time"
	}
	return fmt.Sprintf(" of the speaking time of the %s %s,", speakersWord(counted), givePhrase(d, counted))
}

// givePhrase completes "the 3 speakers …" for those counted in a
// dimension: "who give a stakeholder group", "from a UN regional group".
func givePhrase(d Dimension, n int) string {
	if d.By == ByRegion {
		return "from a UN regional group"
	}
	if n == 1 {
		return "who gives " + aNoun(d)
	}
	return "who give " + aNoun(d)
}

// aNoun names one value of a dimension: "a stakeholder group", "a gender".
func aNoun(d Dimension) string {
	switch d.By {
	case ByGender:
		return "a gender"
	case ByLabel:
		return "a " + d.Label
	}
	return "a " + groupNoun(d.By, d.Label)
}

// speakersWord writes "1 speaker", "3 speakers".
func speakersWord(n int) string { return fmt.Sprintf("%d %s", n, plural("speaker", n)) }

// lineupFindings adds the findings of the line-up: who was invited, by
// headcount, whatever time the plan gives them.
func (pr *problem) lineupFindings(r *Report, add func(Finding)) {
	n := len(r.Speakers)
	if n == 0 {
		return
	}
	counted := map[By]bool{}
	for _, h := range r.Lineup {
		dim := h.Dimension
		counted[dim.By] = true
		name := dim.Name()
		k := len(universe(dim))
		if k > 0 {
			for _, g := range h.Groups {
				if g.Outside || g.Speakers < 2 || 2*g.Speakers <= h.Counted {
					continue
				}
				share := float64(g.Speakers) / float64(h.Counted)
				who := fmt.Sprintf("%d of %d speakers", g.Speakers, h.Counted)
				switch {
				case g.Speakers == h.Counted && g.Speakers == 2:
					who = "both speakers"
				case g.Speakers == h.Counted:
					who = fmt.Sprintf("all %d speakers", g.Speakers)
				}
				if h.Counted < n {
					who += " " + givePhrase(dim, h.Counted)
				}
				add(Finding{Kind: findingHeadcount, Scope: scopeLineup, Dimension: name, Group: g.Group, People: g.People,
					Severity: 100 * (share - 1/float64(k)),
					Text:     fmt.Sprintf("%s %s %s", who, isAre(g.Speakers), memberWord(dim, g.Group))})
			}
			// Where nobody gives a value, every group is missing from the
			// data, not from the line-up: the not-given finding says so.
			if len(h.Missing) > 0 && h.Counted > 0 {
				text := "no speaker " + fromPhrase(dim, h.Missing)
				if h.Counted < n {
					text += ", among the " + speakersWord(h.Counted) + " " + givePhrase(dim, h.Counted)
				}
				add(Finding{Kind: findingMissing, Scope: scopeLineup, Dimension: name, Group: strings.Join(h.Missing, ", "), Severity: 100 / float64(k),
					Text: text})
			}
		}
		for _, g := range h.Groups {
			if g.Outside {
				add(Finding{Kind: findingNotGiven, Scope: scopeLineup, Dimension: name, Group: g.Group, People: g.People, Severity: 10,
					Text: fmt.Sprintf("%s %s as region, which is no UN regional group", speakersGive(g.Speakers, n), g.Group)})
			}
		}
		if h.Unknown > 0 {
			add(notGiven(dim, h.Unknown, n))
		}
	}
	for _, dr := range r.Dimensions {
		dim := dr.Dimension
		if counted[dim.By] && dim.By != ByLabel {
			continue
		}
		if dim.By == ByMode && len(dr.Missing) > 0 {
			add(Finding{Kind: findingMissing, Scope: scopeLineup, Dimension: dim.Name(), Group: strings.Join(dr.Missing, ", "), Severity: 50,
				Text: "no speaker " + fromPhrase(dim, dr.Missing)})
		}
		if dr.Unknown > 0 {
			add(notGiven(dim, dr.Unknown, n))
		}
	}
	pr.genderFinding(add)
	pr.organizationFinding(add)
	pr.moderationFinding(add)
	// One finding for the speakers who also organize, moderate or report:
	// "4 of 7 speakers are also organizers and 1 also a moderator".
	var roles, parts []string
	for _, f := range r.Floor {
		if f.Role == agenda.RoleFacilitator {
			continue
		}
		roles = append(roles, string(f.Role))
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("%s %s also %s", someSpeakers(f.Speakers, n), isAre(f.Speakers), roleNoun(f.Role, f.Speakers)))
		} else {
			parts = append(parts, fmt.Sprintf("%d also %s", f.Speakers, roleNoun(f.Role, f.Speakers)))
		}
	}
	if len(parts) > 0 {
		text := parts[0]
		if k := len(parts) - 1; k > 0 {
			text = strings.Join(parts[:k], ", ") + " and " + parts[k]
		}
		add(Finding{Kind: findingRoles, Scope: scopeLineup, Group: strings.Join(roles, ", "), Severity: 5, Text: text})
	}
	if a := r.Attendance; a.People > 0 {
		text := fmt.Sprintf("%d people attended", a.People)
		if a.Women > 0 {
			text += fmt.Sprintf(", %d of them women (%s)", a.Women, pct(float64(a.Women)/float64(a.People)))
		}
		add(Finding{Kind: findingParticipation, Scope: scopeLineup, Severity: 1, Text: text})
		if a.Online > 0 {
			add(Finding{Kind: findingParticipation, Scope: scopeLineup, Severity: 1,
				Text: fmt.Sprintf("%d participants connected remotely (%s)", a.Online, pct(float64(a.Online)/float64(a.People)))})
		}
	}
}

// notGiven is the finding that unknown of n speakers give no value in dim.
func notGiven(dim Dimension, unknown, n int) Finding {
	text := fmt.Sprintf("%s no %s", speakersGive(unknown, n), aNoun(dim)[2:]) // without its article
	if unknown == n {
		text = fmt.Sprintf("no speaker gives %s", aNoun(dim))
	}
	severity := 10.0
	if dim.By == ByGender {
		severity = 2 // IGF pages give none: worth knowing, not worth leading with
	}
	return Finding{Kind: findingNotGiven, Scope: scopeLineup, Dimension: dim.Name(), Severity: severity, Text: text}
}

// someSpeakers writes k of n speakers as the subject of a sentence: "2 of 5
// speakers", "both speakers", "all 3 speakers", "the only speaker".
func someSpeakers(k, n int) string {
	switch {
	case k == n && n == 1:
		return "the only speaker"
	case k == n && n == 2:
		return "both speakers"
	case k == n:
		return fmt.Sprintf("all %d speakers", n)
	}
	return fmt.Sprintf("%d of %d speakers", k, n)
}

// speakersGive starts a sentence about k of n speakers: "2 of 5 speakers
// give", "1 of 5 speakers gives", "all 3 speakers give".
func speakersGive(k, n int) string {
	switch {
	case k == n && n == 1:
		return "the only speaker gives"
	case k == n && n == 2:
		return "both speakers give"
	case k == n:
		return fmt.Sprintf("all %d speakers give", n)
	case k == 1:
		return fmt.Sprintf("1 of %d speakers gives", n)
	}
	return fmt.Sprintf("%d of %d speakers give", k, n)
}

// memberWord completes "4 speakers are …" for a group: "from the African
// Group", "WEOG", "from Civil Society".
func memberWord(d Dimension, g string) string {
	if d.By == ByRegion {
		if strings.HasSuffix(g, "Group") {
			return "from the " + g
		}
		return g
	}
	return groupWord(d, g)
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
		add(Finding{Kind: findingOneGender, Scope: scopeLineup, Dimension: string(ByGender), Group: g, People: people, Severity: 30, Text: text})
	}
}

// organizationFinding notes a session whose organizers, two or more, are
// all from one organization, as given (case, spacing and Unicode form
// ignored). An organizer whose organization is private or not given is
// from an organization nobody knows, and so no finding is made.
func (pr *problem) organizationFinding(add func(Finding)) {
	var names []string
	org := ""
	for i := range pr.s.People {
		p := &pr.s.People[i]
		if !p.Has(agenda.RoleOrganizer) {
			continue
		}
		key := agenda.NameKey(p.Organization)
		if key == "" || p.IsPrivate(agenda.FieldOrganization) || (org != "" && key != org) {
			return
		}
		org = key
		names = append(names, p.Name)
	}
	if len(names) > 1 {
		all := fmt.Sprintf("all %d organizers are", len(names))
		if len(names) == 2 {
			all = "both organizers are"
		}
		add(Finding{Kind: findingOrganization, Scope: scopeLineup, People: names, Severity: 15,
			Text: all + " from one organization"})
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
		add(Finding{Kind: findingModeration, Scope: scopeLineup, People: names, Severity: 25,
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
	case ByMode, ByStakeholder, ByRegion:
		return g + " " + plural("speaker", btoi(many)+1)
	case ByGender:
		return plural(g, btoi(many)+1)
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
