package agenda

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// validator collects the problems of one session.
type validator struct {
	problemList
	zones   map[string]bool // whether each time zone seen loads, as loading one reads a file
	secrets *Secrets        // the names and organizations the session's outputs may not show
}

// hiding says whether a problem's value may be shown: see
// ValidationError.Hidden and Personal.
type hiding struct{ hidden, personal bool }

// shown is the hiding of a value any output may show.
var shown hiding

// field returns the hiding of field f of person p in session s. A name or
// organization is also hidden when it mentions one the outputs may not
// show, such as the name of a person listed twice whose other entry marks
// it private.
func (v *validator) field(s *Session, p *Person, f string) hiding {
	h := hiding{hidden: slices.Contains(p.Private, f)}
	switch f {
	case fieldName:
		h = hiding{hidden: h.hidden || !s.Named() || v.secrets.In(p.Name), personal: true}
	case fieldOrganization:
		h = hiding{hidden: h.hidden || !s.Named() || v.secrets.In(p.Organization), personal: true}
	}
	return h
}

// add lists a problem, formatting its detail only if there is room for it.
func (v *validator) add(field, value string, kind error, detail string, args ...any) {
	if v.room() == 0 {
		v.omitted++
		return
	}
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	v.push(&ValidationError{Field: field, Value: value, Err: kind, Reason: detail})
}

// addHiding is add for a value hidden as h says.
func (v *validator) addHiding(field, value string, h hiding, kind error, detail string, args ...any) {
	if v.room() == 0 {
		v.omitted++
		return
	}
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	v.push(&ValidationError{Field: field, Value: value, Err: kind, Reason: detail, Hidden: h.hidden, Personal: h.personal})
}

// enumCheck reports value if the enumeration e does not hold it.
func enumCheck[T ~string](v *validator, field string, e *enum[T], value T) {
	enumCheckHiding(v, field, e, value, shown)
}

// enumCheckHiding is enumCheck for a value hidden as h says.
func enumCheckHiding[T ~string](v *validator, field string, e *enum[T], value T, h hiding) {
	if err := e.check(value); err != nil {
		v.addHiding(field, string(value), h, ErrInvalid, "valid: %s", strings.Join(err.Valid, ", "))
	}
}

// year reports a time outside the years 0001–9999, in its own zone or in
// UTC: JSON writes the one, ICS the other.
func (v *validator) year(field, value string, t time.Time, what string) {
	for _, y := range []int{t.Year(), t.UTC().Year()} {
		if y < 1 || y > 9999 {
			v.add(field, value, errYear, "%s in year %d", what, y)
			return
		}
	}
}

func (v *validator) session(s *Session) {
	if s.Format == "" {
		v.add("format", "", errMissing, "want one of %s", strings.Join(formats.error("").Valid, ", "))
	}
	enumCheck(v, "format", formats, s.Format)
	enumCheck(v, "attribution", attributions, s.Attribution)
	if s.Slot.Length <= 0 {
		v.add("slot.length", timeslot.FormatLength(s.Slot.Length), errLength, "")
	}
	if !s.Slot.Start.IsZero() {
		before := len(v.problems) + v.omitted
		v.year("slot.start", s.Slot.Start.Format(time.RFC3339), s.Slot.Start, "the slot starts")
		if len(v.problems)+v.omitted == before {
			v.year("slot.length", timeslot.FormatLength(s.Slot.Length), s.Slot.End(), "the slot ends")
		}
	}
	v.text("id", s.ID, false, shown)
	v.text("title", s.Title, false, shown)
	v.text("room", s.Room, false, shown)
	v.text("notes", s.Notes, true, shown)

	people := map[string]int{} // name key -> index of first person with it
	for i := range s.People {
		v.person(s, i)
		key := NameKey(s.People[i].Name)
		if key == "" {
			continue
		}
		if j, ok := people[key]; ok {
			h := v.field(s, &s.People[i], fieldName)
			h.hidden = h.hidden || v.field(s, &s.People[j], fieldName).hidden
			v.addHiding(fmt.Sprintf("people[%d].name", i), s.People[i].Name, h, errDuplicate, "same person as people[%d]", j)
			continue
		}
		people[key] = i
	}

	questions := map[string]bool{}
	for i, q := range s.Questions {
		field := fmt.Sprintf("questions[%d].id", i)
		switch {
		case strings.TrimSpace(q.ID) == "":
			v.add(field, "", errMissing, "a policy question needs an ID")
		case questions[q.ID]:
			v.add(field, q.ID, errDuplicate, "")
		}
		questions[q.ID] = true
		v.text(field, q.ID, false, shown)
		v.text(fmt.Sprintf("questions[%d].text", i), q.Text, false, shown)
	}

	plan := s.Plan()
	for i := range s.Segments {
		v.segment(s, i, people, questions)
	}
	v.parallel(s, plan, people)
	v.roles(s)
	v.fit(s, plan)
	v.attendance(s.Attendance)
	for i, d := range s.Deadlines {
		if strings.TrimSpace(d.What) == "" {
			v.add(fmt.Sprintf("deadlines[%d].what", i), "", errMissing, "say what is due")
		}
		v.text(fmt.Sprintf("deadlines[%d].what", i), d.What, false, shown)
		if d.Due.IsZero() {
			v.add(fmt.Sprintf("deadlines[%d].due", i), "", errMissing, "say when it is due")
		} else {
			v.year(fmt.Sprintf("deadlines[%d].due", i), d.Due.Format(time.RFC3339), d.Due, "it is due")
		}
	}
}

func (v *validator) person(s *Session, i int) {
	p := &s.People[i]
	at := fmt.Sprintf("people[%d]", i)
	if strings.TrimSpace(p.Name) == "" {
		v.addHiding(at+".name", p.Name, v.field(s, p, fieldName), errMissing, "a person needs a name")
	}
	v.text(at+".name", p.Name, false, v.field(s, p, fieldName))
	v.text(at+".organization", p.Organization, false, v.field(s, p, fieldOrganization))
	v.text(at+".country", p.Country, false, v.field(s, p, fieldCountry))
	v.text(at+".gender", p.Gender, false, v.field(s, p, fieldGender))
	v.text(at+".zone", p.Zone, false, v.field(s, p, fieldZone))
	for _, k := range sortedKeys(p.Labels) {
		v.text(fmt.Sprintf("%s.labels[%q]", at, k), k, false, shown)
		v.text(fmt.Sprintf("%s.labels[%q]", at, k), p.Labels[k], false, shown)
	}
	if len(p.Roles) == 0 {
		v.add(at+".roles", "", errMissing, "a person needs at least one role")
	}
	for k, r := range p.Roles {
		if r == "" {
			v.add(fmt.Sprintf("%s.roles[%d]", at, k), "", errMissing, "empty role")
		}
		enumCheck(v, fmt.Sprintf("%s.roles[%d]", at, k), roles, r)
	}
	enumCheckHiding(v, at+".stakeholder", stakeholders, p.Stakeholder, v.field(s, p, fieldStakeholder))
	enumCheckHiding(v, at+".region", regions, p.Region, v.field(s, p, fieldRegion))
	enumCheck(v, at+".mode", modes, p.Mode)
	for k, f := range p.Private {
		enumCheck(v, fmt.Sprintf("%s.private[%d]", at, k), fields, f)
	}
	if p.Zone != "" {
		ok, seen := v.zones[p.Zone]
		if !seen {
			_, err := time.LoadLocation(p.Zone)
			ok = err == nil
			v.zones[p.Zone] = ok
		}
		if !ok {
			v.addHiding(at+".zone", p.Zone, v.field(s, p, fieldZone), ErrInvalid, "not an IANA time zone")
		}
	}
	switch {
	case s.Format == FormatOnsite && p.Mode == ModeOnline:
		v.add(at+".mode", string(p.Mode), errModeConflict, "%s is online in an onsite session", at)
	case s.Format == FormatOnline && p.Mode == ModeOnsite:
		v.add(at+".mode", string(p.Mode), errModeConflict, "%s is onsite in an online session", at)
	case s.Format == FormatHybrid && p.Mode == "" && (slices.Contains(p.Roles, RoleSpeaker) || slices.Contains(p.Roles, RoleModerator) || slices.Contains(p.Roles, RoleOnlineModerator)):
		v.add(at+".mode", "", errMissing, "a hybrid session needs to know whether %s is onsite or online", at)
	}
}

func (v *validator) segment(s *Session, i int, people map[string]int, questions map[string]bool) {
	seg := &s.Segments[i]
	at := fmt.Sprintf("segments[%d]", i)
	if strings.TrimSpace(seg.Title) == "" {
		v.add(at+".title", "", errMissing, "a segment needs a title")
	}
	v.text(at+".id", seg.ID, false, shown)
	v.text(at+".title", seg.Title, false, shown)
	v.text(at+".track", seg.Track, false, shown)
	if seg.Kind == "" {
		v.add(at+".kind", "", errMissing, "want one of %s", strings.Join(kinds.error("").Valid, ", "))
	}
	enumCheck(v, at+".kind", kinds, seg.Kind)
	if seg.Length <= 0 {
		v.add(at+".length", timeslot.FormatLength(seg.Length), errLength, "")
	}
	for _, ref := range references(seg) {
		h := v.reference(s, people, ref.name)
		if _, ok := people[NameKey(ref.name)]; !ok {
			v.addHiding(at+ref.field(), ref.name, h, errNoPerson, "not among the session's people")
		}
		v.text(at+ref.field(), ref.name, false, h)
	}
	for k, q := range seg.Questions {
		if !questions[q] {
			v.add(fmt.Sprintf("%s.questions[%d]", at, k), q, errNoQuestion, "not among the session's questions")
		}
		v.text(fmt.Sprintf("%s.questions[%d]", at, k), q, false, shown)
	}
}

// parallel reports people in two segments that overlap in time: for each
// pair of overlapping segments i < j in one run of parallel tracks (only
// segments on different tracks of a run can overlap), every name in i that
// is also in j, in the order of i, j and the names of i.
//
// Each segment's people are a set of bits, so a pair of segments costs a
// few words to compare however many people they share; the names of i are
// gone through only while there is room to list what they find. The work
// grows with the names in the segments and the square of MaxSegments, not
// with the square of the names.
func (v *validator) parallel(s *Session, plan timeslot.Plan, people map[string]int) {
	id := map[string]int{} // name key -> person number
	refs := make([][]reference, len(s.Segments))
	who := make([][]int, len(s.Segments)) // per segment: the person number of each of refs
	for i := range s.Segments {
		if s.Segments[i].Track == "" {
			continue // a plenary segment never runs beside another
		}
		refs[i] = references(&s.Segments[i])
		who[i] = make([]int, len(refs[i]))
		for k, ref := range refs[i] {
			key := NameKey(ref.name)
			n, ok := id[key]
			if !ok {
				n = len(id)
				id[key] = n
			}
			who[i][k] = n
		}
	}
	words := (len(id) + 63) / 64
	sets := make([][]uint64, len(s.Segments)) // per segment: its people
	times := make([][]int, len(s.Segments))   // per segment named more than once in it: how often each person is, else nil
	for i := range s.Segments {
		if who[i] == nil {
			continue
		}
		sets[i] = make([]uint64, words)
		for _, n := range who[i] {
			if sets[i][n/64]&(1<<(n%64)) != 0 && times[i] == nil {
				times[i] = make([]int, len(id))
			}
			sets[i][n/64] |= 1 << (n % 64)
		}
		if times[i] != nil {
			for _, n := range who[i] {
				times[i][n]++
			}
		}
	}
	found := 0 // double bookings, listed or not
	for i := range s.Segments {
		for j := i + 1; j < len(s.Segments) && sets[i] != nil && sets[j] != nil; j++ {
			if !overlaps(plan.Spans[i], plan.Spans[j]) {
				continue
			}
			shared := 0 // names of i whose person is in j
			for w := range words {
				both := sets[i][w] & sets[j][w]
				if times[i] == nil {
					shared += bits.OnesCount64(both)
					continue
				}
				for ; both != 0; both &= both - 1 {
					shared += times[i][w*64+bits.TrailingZeros64(both)]
				}
			}
			found += shared
			for k, n := range who[i] {
				if shared == 0 || v.room() == 0 {
					break
				}
				if sets[j][n/64]&(1<<(n%64)) != 0 {
					v.addHiding(fmt.Sprintf("segments[%d]%s", i, refs[i][k].field()), refs[i][k].name, v.reference(s, people, refs[i][k].name), errDoubleBooked,
						"also in segments[%d] (track %q) at the same time", j, s.Segments[j].Track)
					shared--
					found--
				}
			}
		}
	}
	v.omitted += found
}

// reference returns the hiding of a name a segment gives: that of the
// person's name, or, for a name not among the people, hidden if it
// mentions a name or organization the outputs may not show.
func (v *validator) reference(s *Session, people map[string]int, name string) hiding {
	if j, ok := people[NameKey(name)]; ok {
		return v.field(s, &s.People[j], fieldName)
	}
	return hiding{hidden: !s.Named() || v.secrets.In(name), personal: true}
}

// sortedKeys returns the keys of a map of labels in order, so that problems
// come in a fixed order.
func sortedKeys(m map[string]string) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// reference is a name in a segment, with where it is within the segment.
type reference struct {
	facilitator bool // among the facilitators rather than the speakers
	index       int  // in its list
	name        string
}

// field returns the path to the name within the segment, such as
// ".speakers[2]"; it is only written for a problem.
func (r reference) field() string {
	if r.facilitator {
		return fmt.Sprintf(".facilitators[%d]", r.index)
	}
	return fmt.Sprintf(".speakers[%d]", r.index)
}

// references returns every name in a segment, speakers first.
func references(seg *Segment) []reference {
	refs := make([]reference, 0, len(seg.Speakers)+len(seg.Facilitators))
	for k, name := range seg.Speakers {
		refs = append(refs, reference{false, k, name})
	}
	for k, name := range seg.Facilitators {
		refs = append(refs, reference{true, k, name})
	}
	return refs
}

// roles reports the roles the format needs and nobody holds.
func (v *validator) roles(s *Session) {
	held := map[Role]bool{}
	for _, p := range s.People {
		for _, r := range p.Roles {
			held[r] = true
		}
	}
	switch s.Format {
	case FormatHybrid:
		for _, r := range []Role{RoleModerator, RoleOnlineModerator} {
			if !held[r] {
				article := "a"
				if r == RoleOnlineModerator {
					article = "an"
				}
				v.add("people", string(r), errRoleMissing, "a hybrid session needs %s %s", article, r)
			}
		}
	case FormatOnsite, FormatOnline:
		if !held[RoleModerator] && !held[RoleOnlineModerator] && !held[RoleFacilitator] {
			v.add("people", string(RoleModerator), errRoleMissing, "an %s session needs someone who moderates or facilitates", s.Format)
		}
	}
}

// overlaps reports whether a and b share any moment; spans that only touch,
// one ending as the other starts, do not.
func overlaps(a, b timeslot.Span) bool { return a.Start.Before(b.End) && b.Start.Before(a.End) }

// fit reports segments that overrun the slot or leave too much of it unplanned.
func (v *validator) fit(s *Session, plan timeslot.Plan) {
	if s.Slot.Length <= 0 {
		return // already reported; there is nothing to fit into
	}
	used := timeslot.FormatLength(plan.End.Sub(s.Slot.Start))
	slot := timeslot.FormatLength(s.Slot.Length)
	if over := plan.End.Sub(s.Slot.End()); over > 0 {
		v.add("segments", used, ErrOverrun, "%s of segments in a %s slot: %s over", used, slot, timeslot.FormatLength(over))
	}
	if left := s.Slot.End().Sub(plan.End); float64(left) > maxUnplanned*float64(s.Slot.Length) {
		v.add("segments", used, errUnderfill, "%s of segments in a %s slot: %s unplanned", used, slot, timeslot.FormatLength(left))
	}
}

func (v *validator) attendance(a Attendance) {
	for _, c := range []struct {
		field string
		n     int
	}{{"attendance.people", a.People}, {"attendance.women", a.Women}, {"attendance.online", a.Online}} {
		if c.n < 0 {
			v.add(c.field, strconv.Itoa(c.n), errCount, "a count cannot be negative")
		}
	}
	if a.People > 0 {
		if a.Women > a.People {
			v.add("attendance.women", strconv.Itoa(a.Women), errCount, "more than attendance.people (%d)", a.People)
		}
		if a.Online > a.People {
			v.add("attendance.online", strconv.Itoa(a.Online), errCount, "more than attendance.people (%d)", a.People)
		}
	}
}
