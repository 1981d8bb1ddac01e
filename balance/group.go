package balance

import (
	"slices"

	"github.com/fairfloor/fairfloor/agenda"
)

// groupOf returns the group of dimension d that person p of session s is
// in, or "" if p gives none. It is the one rule by which the allocation, the
// reports, the checks and the forum sort people into groups:
//   - a field the source marks private counts as none: what balance works
//     out, it reports, and a report must not reveal a private value;
//   - in a session that is all onsite or all online (s not nil), everyone's
//     mode is the session's format;
//   - genders are folded by [genderKey], so that "Woman" and "female" are
//     "woman".
func (d Dimension) groupOf(s *agenda.Session, p *agenda.Person) string {
	switch d.By {
	case ByMode:
		if s != nil && s.Format != agenda.FormatHybrid && s.Format != "" {
			return string(s.Format)
		}
		return string(p.Mode)
	case ByStakeholder:
		if !slices.Contains(p.Private, "stakeholder") {
			return string(p.Stakeholder)
		}
	case ByRegion:
		if !slices.Contains(p.Private, "region") {
			return string(p.Region)
		}
	case ByGender:
		if !slices.Contains(p.Private, "gender") {
			return genderKey(p.Gender)
		}
	case ByLabel:
		return p.Labels[d.Label]
	}
	return ""
}

// outsideSet reports whether group g of dimension d is a value that is not
// one of the dimension's groups: "Intergovernmental Organization" written
// as a regional group, which IGF pages do, is not one of the five UN
// regional groups. Such a group is shown as what it is, in a row of its
// own, but takes no part in the dimension's targets.
func (d Dimension) outsideSet(g string) bool {
	return d.By == ByRegion && g == "Intergovernmental Organization"
}

// genderKey is the form in which genders are compared: case, surrounding
// space, runs of spaces and Unicode normalisation ignored, as names are by
// agenda.NameKey, so that "Woman " is "woman"; and "female" and "male",
// which registration forms ask for where session pages say "woman" and
// "man", are "woman" and "man", so that one line-up's women are one group
// and a rule on women counts them all.
func genderKey(g string) string {
	switch key := agenda.NameKey(g); key {
	case "female":
		return "woman"
	case "male":
		return "man"
	default:
		return key
	}
}
