package balance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/format"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Finding is one imbalance or fact worth an organizer's attention.
type Finding struct {
	// Kind says what the finding is about, with the severity of the kinds
	// that have no distance to a target. Of the line-up:
	//   - "headcount": more than half of the counted speakers, and at least
	//     2, in one stakeholder or regional group: points above an equal
	//     share of the full set
	//   - "missing": no speaker from a group of the full set, among those
	//     who give a value (no finding if none does): its equal share of the
	//     full set
	//   - "not given": speakers who give no stakeholder group, regional
	//     group or gender, or no value of a dimension of the policy, or a
	//     region outside the UN regional groups: 10 (2 for gender)
	//   - "one gender": every speaker whose gender is given has the same: 30
	//   - "organization": every organizer, two or more, from one
	//     organization: 15
	//   - "moderation": every moderator of a hybrid session onsite: 25
	//   - "roles": speakers who also organize, moderate or report, in one
	//     finding: 5
	//   - "participation": attendance as the session reports it: 1
	//
	// Of the plan:
	//   - "over": a group well above its target (10 points or more)
	//   - "under": a group well below its target
	//   - "promise": a hard rule of the policy not kept: twice its points
	//   - "unattributed": speaking time logged for nobody among the people:
	//     its share
	//   - "no time": speakers a speaking segment lists who have no speech
	//     in it, as a segment of fewer steps than speakers leaves some: 20
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
	findingNoTime        = "no time"
)

// threshold is how far, in percentage points, a group of a soft dimension
// may be from its target before the report names it.
const threshold = 10

// pointsEps absorbs the rounding error of a share, so that a group exactly
// threshold points away (60% against 50%) is named: 0.6 − 0.5 is
// 0.09999999999999998 in floating point.
const pointsEps = 1e-9

// findings lists what the report shows, most serious first: the line-up's
// findings from headcounts, and the plan's from time against targets.
func (pr *problem) findings(r *Report, other time.Duration) []Finding {
	var fs []Finding
	add := func(f Finding) { fs = append(fs, f) }
	pr.lineupFindings(r, add)
	for _, dr := range r.Dimensions {
		dim := dr.Dimension
		name := dim.Name()
		inSet, present := 0, 0
		for _, g := range dr.Groups {
			if !g.Outside {
				inSet++
				present += min(g.Speakers, 1)
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
			over, target := overCounted(dim, dr.Counted, len(r.Speakers)), targetPhrase(dim, g.Target, present)
			switch {
			case dim.Hard && math.Abs(float64(g.Deviation)) > dim.Tolerance*float64(r.Speaking)+float64(pr.step):
				add(Finding{Kind: findingPromise, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: 2 * math.Abs(pts),
					Text: fmt.Sprintf("%s hold %s%s; the policy promises %s", groupPhrase(dim, g.Group, true), pct(g.Share), over, target)})
			case !dim.Hard && pts >= threshold-pointsEps:
				add(Finding{Kind: findingOver, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: pts, Text: groupHas(dim, g, over, target)})
			case !dim.Hard && pts <= -threshold+pointsEps:
				add(Finding{Kind: findingUnder, Scope: scopePlan, Dimension: name, Group: g.Group, People: g.People, Severity: -pts, Text: groupHas(dim, g, over, target)})
			}
		}
	}
	if other > 0 {
		add(Finding{Kind: findingUnattributed, Scope: scopePlan, Severity: 100 * float64(other) / float64(other+r.Speaking),
			Text: fmt.Sprintf("%s of speaking time was logged for nobody among the session's people", timeslot.FormatLength(other))})
	}
	sortFindings(fs)
	return fs
}

// sortFindings sorts findings most serious first, and by their words.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Text, b.Text))
	})
}

// groupHas says what share of the time group g of dimension dim has,
// over whom (see overCounted), against what target: "WEOG speakers have
// 64.4% of speaking time against an equal share of 50%", "the only Private
// Sector speaker has …", "no GRULAC speaker, against a target of 20%".
func groupHas(dim Dimension, g Group, over, target string) string {
	switch g.Speakers {
	case 0:
		return fmt.Sprintf("no %s, against %s", groupPhrase(dim, g.Group, false), target)
	case 1:
		return fmt.Sprintf("the only %s has %s%s against %s", groupPhrase(dim, g.Group, false), pct(g.Share), over, target)
	}
	return fmt.Sprintf("%s have %s%s against %s", groupPhrase(dim, g.Group, true), pct(g.Share), over, target)
}

// overCounted says over whom a share of time is taken: " of speaking
// time", or, when it is not every speaker, " of the speaking time of the 3
// speakers who give a stakeholder group,".
func overCounted(d Dimension, counted, n int) string {
	if counted == n {
		return " of speaking time"
	}
	return fmt.Sprintf(" of the speaking time of %s %s,", theSpeakers(counted), givePhrase(d, counted))
}

// theSpeakers writes "the one speaker" or "the 3 speakers".
func theSpeakers(n int) string {
	if n == 1 {
		return "the one speaker"
	}
	return "the " + speakersWord(n)
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
		return format.A(d.Label)
	}
	return format.A(groupNoun(d.By, d.Label))
}

// speakersWord writes "1 speaker", "3 speakers".
func speakersWord(n int) string { return fmt.Sprintf("%d %s", n, plural("speaker", n)) }

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
		if g == "woman" || g == "man" {
			return plural(g, btoi(many)+1)
		}
		return g + " " + plural("speaker", btoi(many)+1) // "non-binary speakers", not "non-binarys"
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

// targetPhrase describes a target share t of a dimension with present
// groups with speakers.
func targetPhrase(d Dimension, t float64, present int) string {
	switch d.target() {
	case targetEqual:
		if present > 0 && math.Abs(t-1/float64(present)) > 1e-9 {
			// Equal shares for the groups, with a speaker's own share
			// (a keynote's double one) on top: not an equal share.
			return "a target of " + pct(t)
		}
		return "an equal share of " + pct(t)
	case targetHeadcount:
		return "a share by headcount of " + pct(t)
	}
	return "a target of " + pct(t)
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
		return format.A(string(r))
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
