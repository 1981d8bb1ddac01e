package balance

import (
	"fmt"
	"io"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/strictjson"
)

// Preset is a named set of constraints that a programme committee applies
// to every session, such as the IGF's minimum criteria for a workshop. Each
// constraint's Note says which rule it encodes, so that a violation names
// the rule. Organizers write their own as JSON (see [DecodePresets]).
type Preset struct {
	Name        string       `json:"name"`        // short and unique, such as "igf-2023-minimum"
	Description string       `json:"description"` // the rule in words, with its year and source
	Constraints []Constraint `json:"constraints"`
}

// The names of the built-in presets, as Presets documents them.
const (
	presetIGF2023Minimum = "igf-2023-minimum"
	presetIGFDiversity   = "igf-diversity"
	presetIGFRapporteur  = "igf-rapporteur"
)

// Presets returns the built-in presets, new on each call:
//
//   - "igf-2023-minimum": the minimum criteria of the IGF 2023
//     workshop review, stage 1, that a session's people can show: at least 3
//     provisionally confirmed speakers; one speaker of a different gender
//     from the rest (at least two genders among the speakers: for a session
//     whose speakers give no gender, as IGF pages never do, or only one
//     while some give none, the rule cannot be checked,
//     Violation.Unchecked, and neither passes nor fails); at
//     least one moderator and two speakers onsite.
//   - "igf-diversity": the speaker diversity the IGF's workshop
//     evaluation has asked for since 2017 ("gender, geography, stakeholder
//     group, policy perspective and/or age"): speakers from at least two
//     stakeholder groups and two regional groups, and, as fairfloor reads
//     "geography", at most half of the speakers from one regional group.
//     The half is fairfloor's threshold, not the IGF's; it counts people
//     rather than time, as the IGF judges a proposal by who speaks.
//   - "igf-rapporteur": a rapporteur, who writes the session report
//     that the IGF requires after every session (a proposer who did not
//     report on a past workshop is declined, 2017–2023).
func Presets() []Preset {
	const min2023 = "IGF 2023 minimum criteria: "
	const div = "IGF workshop evaluation, diversity: "
	return []Preset{
		{
			Name:        presetIGF2023Minimum,
			Description: "IGF 2023 workshop review, stage 1 minimum criteria: at least 3 confirmed speakers; one speaker of a different gender from the rest; at least one moderator and two speakers onsite",
			Constraints: []Constraint{
				{Rule: RuleMinCount, Min: 3, Note: min2023 + "at least 3 confirmed speakers"},
				{Rule: RuleMinGroups, By: ByGender, Min: 2, Note: min2023 + "one speaker of a different gender from the rest"},
				{Rule: RuleMinCount, By: ByMode, Group: string(agenda.ModeOnsite), Role: agenda.RoleModerator, Min: 1, Note: min2023 + "at least one moderator onsite"},
				{Rule: RuleMinCount, By: ByMode, Group: string(agenda.ModeOnsite), Min: 2, Note: min2023 + "at least two speakers onsite"},
			},
		},
		{
			Name:        presetIGFDiversity,
			Description: "IGF workshop evaluation since 2017, diversity of speakers: at least two stakeholder groups and two regional groups; at most half of the speakers from one regional group (fairfloor's threshold)",
			Constraints: []Constraint{
				{Rule: RuleMinGroups, By: ByStakeholder, Min: 2, Note: div + "speakers from at least two stakeholder groups"},
				{Rule: RuleMinGroups, By: ByRegion, Min: 2, Note: div + "speakers from at least two regional groups"},
				{Rule: RuleMaxPeople, By: ByRegion, Max: 0.5, Note: div + "geography (fairfloor's threshold: at most half of the speakers from one regional group)"},
			},
		},
		{
			Name:        presetIGFRapporteur,
			Description: "IGF session reports: a rapporteur who writes the report due after the session",
			Constraints: []Constraint{
				{Rule: RuleMinCount, Role: agenda.RoleRapporteur, Min: 1, Note: "IGF session reports: a rapporteur"},
			},
		},
	}
}

// DecodePresets reads a JSON list of presets as strictly as
// [DecodeConstraints] reads constraints. Each preset needs a name, unique
// in the list, and at least one constraint; a constraint without a note is
// given the preset's name as its note, so that a violation names the
// preset. Errors are a *agenda.DecodeError for malformed JSON, an error of
// r or input beyond agenda.MaxBytes (wrapping an *agenda.LimitError), and a
// *PolicyError, whose Field names the preset and constraint, for a preset
// that cannot be checked.
func DecodePresets(r io.Reader) ([]Preset, error) {
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return nil, &agenda.DecodeError{Err: err}
	}
	var ps []Preset
	if err := strictjson.Decode(data, &ps); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for i, p := range ps {
		field := fmt.Sprintf("presets[%d]", i)
		switch {
		case p.Name == "":
			return nil, &PolicyError{Field: field + ".name", Reason: "a preset needs a name"}
		case seen[p.Name]:
			return nil, &PolicyError{Field: field + ".name", Value: p.Name, Reason: "two presets have this name"}
		case len(p.Constraints) == 0:
			return nil, &PolicyError{Field: field + ".constraints", Value: p.Name, Reason: "a preset needs at least one constraint"}
		}
		seen[p.Name] = true
		for j, c := range p.Constraints {
			if err := c.validate(j); err != nil {
				err.Field = field + "." + err.Field
				return nil, err
			}
			if c.Note == "" {
				p.Constraints[j].Note = p.Name
			}
		}
	}
	return ps, nil
}
