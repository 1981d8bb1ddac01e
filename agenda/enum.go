package agenda

import (
	"fmt"
	"slices"
	"strings"
)

// parseError reports text that is not one of the values of an enumeration.
type parseError struct {
	Type  string   // the enumeration, such as "stakeholder group"
	Value string   // the text as given
	Valid []string // the canonical spellings it could have been
}

// Error returns "agenda: unknown <type> <value> (valid: ...)".
func (e *parseError) Error() string {
	return fmt.Sprintf("agenda: unknown %s %q (valid: %s)", e.Type, e.Value, strings.Join(e.Valid, ", "))
}

// enum is the table behind one enumeration: its canonical values in order,
// and every spelling it accepts, folded by [fold].
type enum[T ~string] struct {
	name   string
	values []T
	lookup map[string]T
}

// newEnum builds the table of an enumeration; aliases are extra spellings.
func newEnum[T ~string](name string, values []T, aliases map[string]T) *enum[T] {
	e := &enum[T]{name: name, values: values, lookup: map[string]T{}}
	for _, v := range values {
		e.lookup[fold(string(v))] = v
	}
	for spelling, v := range aliases {
		e.lookup[fold(spelling)] = v
	}
	return e
}

// parse returns the value s spells. Empty text is the zero value, which
// stands for "not given".
func (e *enum[T]) parse(s string) (T, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if v, ok := e.lookup[fold(s)]; ok {
		return v, nil
	}
	return "", e.error(s)
}

// check returns an error if v, which may have been built in Go from any
// string, is neither zero nor one of the canonical values.
func (e *enum[T]) check(v T) *parseError {
	// A canonical value is one of a handful: comparing with each is much
	// cheaper than folding v, and validation checks every person's values.
	if v == "" || slices.Contains(e.values, v) {
		return nil
	}
	return e.error(string(v))
}

func (e *enum[T]) error(s string) *parseError {
	valid := make([]string, len(e.values))
	for i, v := range e.values {
		valid[i] = string(v)
	}
	return &parseError{Type: e.name, Value: s, Valid: valid}
}

// foldSeparators straightens apostrophes and turns word separators into spaces.
var foldSeparators = strings.NewReplacer("’", "'", "‘", "'", "-", " ", "–", " ", "_", " ")

// fold reduces a spelling to the form the tables are keyed by: lower case,
// straight apostrophes, and hyphens, underscores and runs of spaces as one
// space, so that "Asia-Pacific", "asia pacific" and "ASIA_PACIFIC" agree.
func fold(s string) string {
	s = strings.ToLower(s)
	s = foldSeparators.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// Mode is how a person takes part: in the room or online.
type Mode string

// The participation modes.
const (
	ModeOnsite Mode = "onsite"
	ModeOnline Mode = "online"
)

var modes = newEnum("participation mode", []Mode{ModeOnsite, ModeOnline}, map[string]Mode{
	"on site": ModeOnsite, "in person": ModeOnsite, "in the room": ModeOnsite, "offline": ModeOnsite,
	"remote": ModeOnline, "remotely": ModeOnline, "virtual": ModeOnline,
})

// UnmarshalText sets m from a participation mode: "onsite" (also "on-site", "in
// person", "offline") or "online" (also "remote", "virtual"). Any other text is
// an error ("agenda: unknown <what> <text> (valid: ...)"), leaving m unchanged;
// blank text is the zero value, "not given".
func (m *Mode) UnmarshalText(text []byte) error { return set(m, modes, text) }

// Format is the way a session runs: with everyone in the room, everyone
// online, or both.
type Format string

// The session formats.
const (
	FormatHybrid Format = "hybrid"
	FormatOnsite Format = "onsite"
	FormatOnline Format = "online"
)

var formats = newEnum("session format", []Format{FormatHybrid, FormatOnsite, FormatOnline}, map[string]Format{
	"onsite only": FormatOnsite, "on site": FormatOnsite, "in person": FormatOnsite,
	"online only": FormatOnline, "virtual": FormatOnline, "remote": FormatOnline,
})

// UnmarshalText sets f from a session format: "hybrid", "onsite" (also
// "onsite-only", "in person") or "online" (also "online-only", "virtual"). Any
// other text is an error ("agenda: unknown <what> <text> (valid: ...)"),
// leaving f unchanged; blank text is the zero value, "not given".
func (f *Format) UnmarshalText(text []byte) error { return set(f, formats, text) }

// attributionNone is the Session.Attribution of a session whose outputs
// show groups and roles but never names or organizations.
const attributionNone = "unattributed"

// attributions reads Session.Attribution; the decoder turns the other
// spellings into "named" or "unattributed", and Validate checks it.
var attributions = newEnum("attribution rule", []string{"named", attributionNone}, map[string]string{
	"attributed": "named", "not attributed": attributionNone, "anonymous": attributionNone,
	"confidential": attributionNone, "chatham house": attributionNone,
})

// Role is a part a person plays in a session. One person may hold several.
type Role string

// The roles.
const (
	RoleOrganizer       Role = "organizer"
	RoleSpeaker         Role = "speaker"
	RoleModerator       Role = "moderator" // moderates in the room, or in an online-only session
	RoleOnlineModerator Role = "online moderator"
	RoleRapporteur      Role = "rapporteur"
	RoleFacilitator     Role = "facilitator"
)

var roles = newEnum("role", []Role{RoleOrganizer, RoleSpeaker, RoleModerator, RoleOnlineModerator, RoleRapporteur, RoleFacilitator}, map[string]Role{
	"organiser": RoleOrganizer, "co organizer": RoleOrganizer, "co organiser": RoleOrganizer,
	"panelist": RoleSpeaker, "panellist": RoleSpeaker, "discussant": RoleSpeaker,
	"onsite moderator": RoleModerator, "chair": RoleModerator,
	"remote moderator": RoleOnlineModerator,
	"reporter":         RoleRapporteur,
})

// UnmarshalText sets r from a role: "organizer", "speaker", "moderator",
// "online moderator", "rapporteur" or "facilitator", and common variants such
// as "organiser", "panelist", "onsite moderator" and "remote moderator". Any
// other text is an error ("agenda: unknown <what> <text> (valid: ...)"),
// leaving r unchanged; blank text is the zero value, "not given".
func (r *Role) UnmarshalText(text []byte) error { return set(r, roles, text) }

// SegmentKind is what happens in a segment: "opening", "discussion",
// "poll", "breakout", "plenary", "report-back" or "closing". A Go program
// writes the value itself, Kind: "discussion"; Validate refuses any other.
type SegmentKind string

// The segment kinds.
const (
	kindOpening    SegmentKind = "opening"
	kindDiscussion SegmentKind = "discussion"
	kindPoll       SegmentKind = "poll"
	kindBreakout   SegmentKind = "breakout"
	kindPlenary    SegmentKind = "plenary"
	kindReportBack SegmentKind = "report-back"
	kindClosing    SegmentKind = "closing"
)

var kinds = newEnum("segment kind", []SegmentKind{kindOpening, kindDiscussion, kindPoll, kindBreakout, kindPlenary, kindReportBack, kindClosing}, map[string]SegmentKind{
	"welcome": kindOpening, "introduction": kindOpening, "welcome and introduction": kindOpening,
	"panel": kindDiscussion, "roundtable": kindDiscussion, "debate": kindDiscussion,
	"quickfire": kindPoll, "quickfire poll": kindPoll, "survey": kindPoll,
	"break out": kindBreakout, "breakout discussion": kindBreakout, "break out discussion": kindBreakout,
	"q&a": kindPlenary, "plenary q&a": kindPlenary,
	"report": kindReportBack, "report back": kindReportBack,
	"conclusion": kindClosing, "wrap up": kindClosing,
})

// UnmarshalText sets k from a segment kind: "opening", "discussion", "poll",
// "breakout", "plenary", "report-back" or "closing", and the words agendas use
// for them, such as "Welcome and Introduction", "Break-out discussion",
// "Plenary Q&A" and "Conclusion". Any other text is an error ("agenda: unknown
// <what> <text> (valid: ...)"), leaving k unchanged; blank text is the zero
// value, "not given".
func (k *SegmentKind) UnmarshalText(text []byte) error { return set(k, kinds, text) }

// Stakeholder is the stakeholder group a person speaks for, one of the
// IGF's five: "Government", "Civil Society", "Private Sector", "Technical
// Community" or "Intergovernmental Organization". A Go program writes the
// value itself, Stakeholder: "Civil Society"; Validate refuses any other.
type Stakeholder string

// The stakeholder groups of the IGF.
const (
	stakeholderGovernment         Stakeholder = "Government"
	stakeholderCivilSociety       Stakeholder = "Civil Society"
	stakeholderPrivateSector      Stakeholder = "Private Sector"
	stakeholderTechnicalCommunity Stakeholder = "Technical Community"
	stakeholderIntergovernmental  Stakeholder = "Intergovernmental Organization"
)

var stakeholders = newEnum("stakeholder group", []Stakeholder{stakeholderGovernment, stakeholderCivilSociety, stakeholderPrivateSector, stakeholderTechnicalCommunity, stakeholderIntergovernmental}, map[string]Stakeholder{
	"governments":                 stakeholderGovernment,
	"private sector and business": stakeholderPrivateSector, "business": stakeholderPrivateSector,
	"technical and academic community": stakeholderTechnicalCommunity,
	"intergovernmental organisation":   stakeholderIntergovernmental, "intergovernmental organizations": stakeholderIntergovernmental,
	"intergovernmental": stakeholderIntergovernmental, "igo": stakeholderIntergovernmental,
})

// UnmarshalText sets g from a stakeholder group as session pages spell it:
// "Government", "Civil Society", "Private Sector", "Technical Community" or
// "Intergovernmental Organization" (also "Intergovernmental Organisation",
// "IGO"). Any other text is an error ("agenda: unknown <what> <text> (valid:
// ...)"), leaving g unchanged; blank text is the zero value, "not given".
func (g *Stakeholder) UnmarshalText(text []byte) error { return set(g, stakeholders, text) }

// Region is the UN regional group a person comes from: "African Group",
// "Asia-Pacific Group", "Eastern European Group", "GRULAC" or "WEOG".
// Session pages also put "Intergovernmental Organization" in this field for
// people who work for one, so it is a value here too. A Go program writes
// the value itself, Region: "GRULAC"; Validate refuses any other.
type Region string

// The five UN regional groups, and the intergovernmental label.
const (
	regionAfrican           Region = "African Group"
	regionAsiaPacific       Region = "Asia-Pacific Group"
	regionEasternEuropean   Region = "Eastern European Group"
	regionGRULAC            Region = "GRULAC"
	regionWEOG              Region = "WEOG"
	regionIntergovernmental Region = "Intergovernmental Organization"
)

var regions = newEnum("regional group", []Region{regionAfrican, regionAsiaPacific, regionEasternEuropean, regionGRULAC, regionWEOG, regionIntergovernmental}, map[string]Region{
	"african": regionAfrican, "africa": regionAfrican, "african states": regionAfrican,
	"asia pacific": regionAsiaPacific, "asia and the pacific": regionAsiaPacific, "asia pacific states": regionAsiaPacific,
	"eastern european": regionEasternEuropean, "eastern europe": regionEasternEuropean, "eastern european states": regionEasternEuropean,
	"latin american and caribbean group (grulac)": regionGRULAC, "latin american and caribbean group": regionGRULAC,
	"latin american and caribbean states": regionGRULAC, "latin america and caribbean": regionGRULAC,
	"western european and others group (weog)": regionWEOG, "western european and others group": regionWEOG,
	"western european and other states": regionWEOG, "western european and others": regionWEOG,
	"intergovernmental organisation": regionIntergovernmental, "intergovernmental": regionIntergovernmental, "igo": regionIntergovernmental,
	// The "Regional Group" spellings of IGF pages and the UN's lists.
	"african regional group": regionAfrican, "african group of states": regionAfrican,
	"asia pacific regional group": regionAsiaPacific, "asia pacific group of states": regionAsiaPacific,
	"group of asia pacific states": regionAsiaPacific, "asia and pacific group": regionAsiaPacific,
	"eastern european regional group": regionEasternEuropean, "eastern european group of states": regionEasternEuropean,
	"latin american and caribbean regional group": regionGRULAC, "latin american and caribbean regional group (grulac)": regionGRULAC,
	"latin american and caribbean group of states": regionGRULAC, "latin american and caribbean states (grulac)": regionGRULAC,
	"western european and others regional group": regionWEOG, "western european and others regional group (weog)": regionWEOG,
	"western european and other states group": regionWEOG, "western european and others group of states": regionWEOG,
})

// UnmarshalText sets r from a regional group as session pages spell it:
// "African Group", "Asia-Pacific Group", "Eastern European Group", "Latin
// American and Caribbean Group (GRULAC)" or "GRULAC", "Western European and
// Others Group (WEOG)" or "WEOG", and "Intergovernmental Organization", also
// with "Regional Group" for "Group" ("Asia Pacific Regional Group"). Any other
// text is an error ("agenda: unknown <what> <text> (valid: ...)"), leaving r
// unchanged; blank text is the zero value, "not given".
func (r *Region) UnmarshalText(text []byte) error { return set(r, regions, text) }

// The fields of a person that Person.Private may list.
const (
	fieldName         = "name"
	fieldOrganization = "organization"
	fieldStakeholder  = "stakeholder"
	fieldRegion       = "region"
	fieldCountry      = "country"
	fieldGender       = "gender"
	fieldZone         = "zone"
)

// fields reads the entries of Person.Private; the decoder turns their other
// spellings into the canonical names, and Validate checks them.
var fields = newEnum("person field", []string{fieldName, fieldOrganization, fieldStakeholder, fieldRegion, fieldCountry, fieldGender, fieldZone}, map[string]string{
	"organisation": fieldOrganization, "stakeholder group": fieldStakeholder, "regional group": fieldRegion,
	"time zone": fieldZone,
})

// set is the body of every UnmarshalText: it leaves *v unchanged on error.
func set[T ~string](v *T, e *enum[T], text []byte) error {
	parsed, err := e.parse(string(text))
	if err != nil {
		return err
	}
	*v = parsed
	return nil
}
