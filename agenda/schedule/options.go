package schedule

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/fairfloor/fairfloor/agenda"
)

// Options are the settings of [WriteXML] and [WriteJSON]. The zero value
// gives the documented default of each.
type Options struct {
	// Acronym is the conference's short name, 4 or more of a-z, 0-9 and
	// _, which both schemas require. Every GUID depends on it, so it is
	// the one setting to keep fixed from one version of a schedule to the
	// next. Empty means the programme's title in lower case, accents
	// dropped, each run of other characters an underscore ("IGF 2025" is
	// "igf_2025"); a title that gives fewer than 4 is [ErrAcronym].
	Acronym string

	// Location is the time zone the days are counted in and the times
	// written in. Nil means the zone of the sessions' starts, which must
	// then be one ([ErrLocation]).
	Location *time.Location

	// Version is the schedule's version, which apps show to tell one
	// release of a schedule from the next, written as it is.
	Version string
}

// acronymPattern is the stricter of the two schemas' patterns for an
// acronym: the XSD's is [a-z0-9_-]{4,}, the JSON Schema's
// ^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$, and the slug of each
// event is the acronym, a hyphen and more, which schedule.xml requires to
// start with [a-z0-9_]{4,}.
var acronymPattern = regexp.MustCompile(`^[a-z0-9_]{4,}$`)

// acronym returns the acronym Options.Acronym gives, or the one made of
// title.
func (o *Options) acronym(title string) (string, error) {
	a := o.Acronym
	if a == "" {
		a = fold(title, '_')
	}
	if !acronymPattern.MatchString(a) {
		return "", &OptionError{Field: "Acronym", Value: a, Err: ErrAcronym}
	}
	return a, nil
}

// fold returns text in lower case with accents dropped, each run of
// characters other than a-z and 0-9 one sep, none at either end.
func fold(text string, sep byte) string {
	var b strings.Builder
	pending := false
	for _, r := range norm.NFKD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		default:
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(sep)
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// location returns Options.Location, or the one zone of the sessions'
// starts: the same name, or for zones without a name the same offset.
func (o *Options) location(p *agenda.Programme) (*time.Location, error) {
	if o.Location != nil {
		return o.Location, nil
	}
	var loc *time.Location
	key := ""
	for i := range p.Sessions {
		start := p.Sessions[i].Slot.Start
		k := zoneKey(start)
		switch {
		case loc == nil:
			loc, key = start.Location(), k
		case k != key:
			return nil, &OptionError{Field: "Location", Value: key + " and " + k, Err: ErrLocation}
		}
	}
	return loc, nil
}

// zoneKey names the zone of t: its location's name, or its offset for a
// location without one.
func zoneKey(t time.Time) string {
	if name := t.Location().String(); name != "" {
		return name
	}
	return t.Format("-07:00")
}

// zonePattern is the JSON Schema's pattern for time_zone_name.
var zonePattern = regexp.MustCompile(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`)

// zoneName returns the IANA name of loc that the schedule writes as its
// time_zone_name, or "" if loc has none ("Local" or a fixed offset).
func zoneName(loc *time.Location) string {
	name := loc.String()
	if name == "" || name == "Local" {
		return ""
	}
	if _, err := time.LoadLocation(name); err != nil {
		return ""
	}
	return name
}
