package agenda

import (
	"encoding"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// enumeration is one enumeration of this package seen through strings, so
// that a single table can test them all.
type enumeration struct {
	name   string                       // the Type of its *ParseError
	parse  func(string) (string, error) // its Parse function
	values []string                     // its canonical values, in order
	// newValue returns a pointer to a fresh zero value, as the marshaling
	// interfaces see it.
	newValue func() textValue
	// of converts text to a value of the type without parsing it, as Go
	// code may: Region("Mars").
	of func(string) textValue
}

// textValue is a pointer to a value of one of the enumerations.
type textValue interface {
	encoding.TextUnmarshaler
}

// str returns the text of the value v points to.
func str(v textValue) string { return reflect.ValueOf(v).Elem().String() }

// wrap turns the parse function of an enumeration into one on strings.
func wrap[T ~string](parse func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := parse(s)
		return string(v), err
	}
}

// strs returns the values as strings.
func strs[T ~string](values ...T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// marshal returns the text of the value v points to, or the *ParseError of
// the check that Session.Validate makes of a value built in Go.
func marshal(v textValue) ([]byte, error) {
	var err *ParseError
	switch v := v.(type) {
	case *Mode:
		err = modes.check(*v)
	case *Format:
		err = formats.check(*v)
	case *Role:
		err = roles.check(*v)
	case *SegmentKind:
		err = kinds.check(*v)
	case *Stakeholder:
		err = stakeholders.check(*v)
	case *Region:
		err = regions.check(*v)
	}
	if err != nil {
		return nil, err
	}
	return []byte(str(v)), nil
}

var enumerations = []enumeration{
	{
		name: "participation mode", parse: wrap(modes.parse),
		values:   strs(ModeOnsite, ModeOnline),
		newValue: func() textValue { return new(Mode) },
		of:       func(s string) textValue { v := Mode(s); return &v },
	},
	{
		name: "session format", parse: wrap(formats.parse),
		values:   strs(FormatHybrid, FormatOnsite, FormatOnline),
		newValue: func() textValue { return new(Format) },
		of:       func(s string) textValue { v := Format(s); return &v },
	},
	{
		name: "role", parse: wrap(roles.parse),
		values:   strs(RoleOrganizer, RoleSpeaker, RoleModerator, RoleOnlineModerator, RoleRapporteur, RoleFacilitator),
		newValue: func() textValue { return new(Role) },
		of:       func(s string) textValue { v := Role(s); return &v },
	},
	{
		name: "segment kind", parse: wrap(kinds.parse),
		values:   strs(kindOpening, kindDiscussion, kindPoll, kindBreakout, kindPlenary, kindReportBack, kindClosing),
		newValue: func() textValue { return new(SegmentKind) },
		of:       func(s string) textValue { v := SegmentKind(s); return &v },
	},
	{
		name: "stakeholder group", parse: wrap(stakeholders.parse),
		values:   strs(stakeholderGovernment, stakeholderCivilSociety, stakeholderPrivateSector, stakeholderTechnicalCommunity, stakeholderIntergovernmental),
		newValue: func() textValue { return new(Stakeholder) },
		of:       func(s string) textValue { v := Stakeholder(s); return &v },
	},
	{
		name: "regional group", parse: wrap(regions.parse),
		values:   strs(regionAfrican, regionAsiaPacific, regionEasternEuropean, regionGRULAC, regionWEOG, regionIntergovernmental),
		newValue: func() textValue { return new(Region) },
		of:       func(s string) textValue { v := Region(s); return &v },
	},
}

// enumNamed returns the enumeration whose *ParseError has Type name.
func enumNamed(t *testing.T, name string) enumeration {
	t.Helper()
	for _, e := range enumerations {
		if e.name == name {
			return e
		}
	}
	t.Fatalf("no enumeration %q", name)
	return enumeration{}
}

// parseTests are spellings from session pages and what they parse to.
var parseTests = []struct {
	name   string
	enum   string // the enumeration, by the Type of its *ParseError
	text   string
	want   string
	reason string
}{
	// Stakeholder groups, as IGF session pages spell them.
	{"CivilSociety", "stakeholder group", "Civil Society", string(stakeholderCivilSociety), "the spelling of session pages"},
	{"CivilSocietyLower", "stakeholder group", "civil society", string(stakeholderCivilSociety), "case does not matter"},
	{"PrivateSector", "stakeholder group", "Private Sector", string(stakeholderPrivateSector), "the spelling of session pages"},
	{"Government", "stakeholder group", "Government", string(stakeholderGovernment), "the spelling of session pages"},
	{"IGOStakeholder", "stakeholder group", "Intergovernmental Organization", string(stakeholderIntergovernmental), "pages list IGOs as a stakeholder group"},
	{"IGOStakeholderBritish", "stakeholder group", "Intergovernmental Organisation", string(stakeholderIntergovernmental), "British spelling"},
	{"TechnicalSpaces", "stakeholder group", "  Technical   Community ", string(stakeholderTechnicalCommunity), "surrounding and repeated spaces are folded"},

	// Regional groups.
	{"WEOGLong", "regional group", "Western European and Others Group (WEOG)", string(regionWEOG), "the long form of session pages"},
	{"WEOG", "regional group", "WEOG", string(regionWEOG), "the acronym"},
	{"WEOGLower", "regional group", "weog", string(regionWEOG), "case does not matter"},
	{"GRULACLong", "regional group", "Latin American and Caribbean Group (GRULAC)", string(regionGRULAC), "the long form of session pages"},
	{"GRULAC", "regional group", "GRULAC", string(regionGRULAC), "the acronym"},
	{"AsiaPacific", "regional group", "Asia-Pacific Group", string(regionAsiaPacific), "the hyphenated canonical spelling"},
	{"AsiaPacificUnderscore", "regional group", "ASIA_PACIFIC_GROUP", string(regionAsiaPacific), "underscores fold like hyphens"},
	{"African", "regional group", "African Group", string(regionAfrican), "the spelling of session pages"},
	{"IGORegion", "regional group", "Intergovernmental Organization", string(regionIntergovernmental), "pages put IGO in the region field too"},
	{"AsiaPacificRegional", "regional group", "Asia Pacific Regional Group", string(regionAsiaPacific), "issue 15: the spelling of 2022 pages, refused before"},
	{"AfricanRegional", "regional group", "African Regional Group", string(regionAfrican), "the same \"Regional Group\" spelling of another group"},
	{"WEOGRegional", "regional group", "Western European and Others Regional Group (WEOG)", string(regionWEOG), "the same with the acronym"},
	{"GRULACRegional", "regional group", "Latin American and Caribbean Regional Group", string(regionGRULAC), "the same without it"},
	{"EEGRegional", "regional group", "Eastern European Regional Group", string(regionEasternEuropean), "the same for the fifth group"},

	// Roles.
	{"OnlineModeratorLower", "role", "online moderator", string(RoleOnlineModerator), "the canonical spelling"},
	{"OnlineModeratorTitle", "role", "Online Moderator", string(RoleOnlineModerator), "title case on session pages"},
	{"OnlineModeratorHyphen", "role", "online-moderator", string(RoleOnlineModerator), "a hyphen folds to a space"},
	{"Organiser", "role", "organiser", string(RoleOrganizer), "British spelling"},
	{"CoOrganizer", "role", "Co-organizer", string(RoleOrganizer), "the hyphenated variant"},
	{"RemoteModerator", "role", "Remote Moderator", string(RoleOnlineModerator), "another name for the online moderator"},

	// Segment kinds.
	{"Welcome", "segment kind", "Welcome and Introduction", string(kindOpening), "seed 004 agenda heading"},
	{"BreakOut", "segment kind", "Break-out discussion", string(kindBreakout), "seed 004 agenda heading"},
	{"PlenaryQA", "segment kind", "Plenary Q&A", string(kindPlenary), "seed 004 agenda heading"},
	{"Conclusion", "segment kind", "Conclusion", string(kindClosing), "seed 004 agenda heading"},
	{"ReportBack", "segment kind", "report-back", string(kindReportBack), "the canonical spelling with its hyphen"},
	{"ReportBackSpace", "segment kind", "Report back", string(kindReportBack), "without the hyphen"},

	// Modes, formats, attribution, fields.
	{"Offline", "participation mode", "offline", string(ModeOnsite), "offline means in the room"},
	{"Remote", "participation mode", "remote", string(ModeOnline), "remote means online"},
	{"OnSiteHyphen", "participation mode", "On-site", string(ModeOnsite), "hyphenated spelling"},
	{"OnsiteOnly", "session format", "Onsite only", string(FormatOnsite), "proposal forms say onsite only"},
	{"Hybrid", "session format", "Hybrid", string(FormatHybrid), "title case"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			e := enumNamed(t, tt.enum)
			got, err := e.parse(tt.text)
			if err != nil {
				t.Fatalf("parse %s %q: %v (%s)", tt.enum, tt.text, err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parse %s %q: %s\nmismatch (-want +got):\n%s", tt.enum, tt.text, tt.reason, diff)
			}
		})
	}
}

// parseUnknownTests are spellings no enumeration accepts.
var parseUnknownTests = []struct {
	name   string
	enum   string
	text   string
	reason string
}{
	{"Academia", "stakeholder group", "Academia", "academia is part of the technical community, not a group of its own"},
	{"Europe", "regional group", "Europe", "not a UN regional group: Western or Eastern?"},
	{"Keynote", "segment kind", "keynote", "not a kind this package knows"},
	{"Hybridish", "session format", "hybrid-ish", "a near miss is still refused"},
	{"Attendee", "role", "attendee", "attendees hold no role"},
	{"Both", "participation mode", "both", "a person is either onsite or online"},
	{"Dash", "regional group", "-", "folds to nothing, but is not empty text"},
}

func TestParseUnknown(t *testing.T) {
	for _, tt := range parseUnknownTests {
		t.Run(tt.name, func(t *testing.T) {
			e := enumNamed(t, tt.enum)
			got, err := e.parse(tt.text)
			var perr *ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("parse %s %q = %q, %v; want a *ParseError (%s)", tt.enum, tt.text, got, err, tt.reason)
			}
			if got != "" {
				t.Errorf("parse %s %q = %q with an error, want the zero value", tt.enum, tt.text, got)
			}
			want := &ParseError{Type: tt.enum, Value: tt.text, Valid: e.values}
			if diff := cmp.Diff(want, perr); diff != "" {
				t.Errorf("parse %s %q: %s\nmismatch (-want +got):\n%s", tt.enum, tt.text, tt.reason, diff)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := regions.parse("Europe")
	want := `agenda: unknown regional group "Europe" (valid: African Group, Asia-Pacific Group, Eastern European Group, GRULAC, WEOG, Intergovernmental Organization)`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("regions.parse(%q) error:\nmismatch (-want +got):\n%s", "Europe", diff)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, e := range enumerations {
		t.Run(e.name, func(t *testing.T) {
			for _, text := range []string{"", " ", "\t\n"} {
				got, err := e.parse(text)
				if err != nil || got != "" {
					t.Errorf("parse %s %q = %q, %v; want the zero value and no error: empty text means not given", e.name, text, got, err)
				}
			}
		})
	}
}

func TestTextRoundTrip(t *testing.T) {
	for _, e := range enumerations {
		t.Run(e.name, func(t *testing.T) {
			for _, want := range e.values {
				v := e.of(want)
				if got := str(v); got != want {
					t.Errorf("String() = %q, want the canonical %q", got, want)
				}
				text, err := marshal(v)
				if err != nil {
					t.Errorf("MarshalText(%q): %v", want, err)
					continue
				}
				if string(text) != want {
					t.Errorf("MarshalText(%q) = %q, want it unchanged", want, text)
				}
				back := e.newValue()
				if err := back.UnmarshalText(text); err != nil {
					t.Errorf("UnmarshalText(%q): %v", text, err)
					continue
				}
				if diff := cmp.Diff(want, str(back)); diff != "" {
					t.Errorf("UnmarshalText(MarshalText(%q)):\nmismatch (-want +got):\n%s", want, diff)
				}
				if got, err := e.parse(want); err != nil || got != want {
					t.Errorf("parse(%q) = %q, %v; want the canonical value back", want, got, err)
				}
			}
		})
	}
}

func TestMarshalTextInvalid(t *testing.T) {
	tests := []struct {
		name   string
		value  textValue
		enum   string
		text   string
		reason string
	}{
		{"Mars", func() textValue { v := Region("Mars"); return &v }(), "regional group", "Mars", "not a region"},
		{"WEOGLong", func() textValue { v := Region("Western European and Others Group (WEOG)"); return &v }(), "regional group", "Western European and Others Group (WEOG)",
			"a spelling Parse accepts is still not a canonical value when built in Go"},
		{"LowerCase", func() textValue { v := Stakeholder("civil society"); return &v }(), "stakeholder group", "civil society", "canonical values are case-sensitive"},
		{"Keynote", func() textValue { v := SegmentKind("keynote"); return &v }(), "segment kind", "keynote", "not a kind"},
		{"Both", func() textValue { v := Mode("both"); return &v }(), "participation mode", "both", "not a mode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := marshal(tt.value)
			var perr *ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("MarshalText(%q) = %q, %v; want a *ParseError (%s)", tt.text, text, err, tt.reason)
			}
			want := &ParseError{Type: tt.enum, Value: tt.text, Valid: enumNamed(t, tt.enum).values}
			if diff := cmp.Diff(want, perr); diff != "" {
				t.Errorf("MarshalText(%q): %s\nmismatch (-want +got):\n%s", tt.text, tt.reason, diff)
			}
		})
	}
}

func TestMarshalTextZero(t *testing.T) {
	for _, e := range enumerations {
		t.Run(e.name, func(t *testing.T) {
			text, err := marshal(e.newValue())
			if err != nil || len(text) != 0 {
				t.Errorf("MarshalText of the zero value = %q, %v; want empty text: the zero value means not given", text, err)
			}
		})
	}
}

func TestUnmarshalTextKeepsValueOnError(t *testing.T) {
	r := regionWEOG
	err := r.UnmarshalText([]byte("Europe"))
	var perr *ParseError
	if !errors.As(err, &perr) {
		t.Fatalf("UnmarshalText(%q) = %v, want a *ParseError", "Europe", err)
	}
	if r != regionWEOG {
		t.Errorf("after a failed UnmarshalText, the region is %q, want it unchanged, %q", r, regionWEOG)
	}
	if err := r.UnmarshalText([]byte("African Group")); err != nil || r != regionAfrican {
		t.Errorf("UnmarshalText(%q) = %v, region %q; want %q", "African Group", err, r, regionAfrican)
	}
}
