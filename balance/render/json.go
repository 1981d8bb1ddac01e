package render

import (
	stdjson "encoding/json"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/strictjson"
	"github.com/fairfloor/fairfloor/timeslot"
)

// Output is the run-of-show as [JSON] writes it and [DecodeJSON] reads it
// back, privacy applied: names are as [Document.Who] gives them, and fields
// the document may not show are empty.
//
// Lengths are written as strings such as "40m" or "1h30m" (see
// [timeslot.FormatLength]) and times as RFC 3339 in the document's zone.
// Shares and targets are fractions of the speaking time. Lists are written in the order of the session, never of a map,
// so the same document always gives the same bytes.
type Output struct {
	Title string     `json:"title"`
	Slot  OutputSlot `json:"slot"`
	// Zone names the zone of the times, such as "UTC" or "Europe/Paris"; it
	// is empty for a session that is not scheduled.
	Zone     string          `json:"zone,omitempty"`
	Rows     []OutputRow     `json:"rows"`     // every turn, as Document.Rows gives them
	Speaking []OutputSpeaker `json:"speaking"` // every speaker, in the order of Session.People
	Groups   []OutputGroup   `json:"groups"`   // every group of every dimension balanced, dimension by dimension
	Findings []OutputFinding `json:"findings"` // most serious first, those of the line-up and of the plan, as each one's Scope says
}

// OutputSlot is the session's slot. Start and End are left out of a
// session that is not scheduled.
type OutputSlot struct {
	Start  time.Time     `json:"start,omitzero"`
	End    time.Time     `json:"end,omitzero"`
	Length time.Duration `json:"length"`
}

// OutputRow is one turn; see [Row].
type OutputRow struct {
	Segment      int                `json:"segment"` // index in the session's segments
	Title        string             `json:"title"`   // the segment's title
	SegmentKind  agenda.SegmentKind `json:"segment_kind,omitempty"`
	Track        string             `json:"track,omitempty"`
	Questions    []string           `json:"questions,omitempty"`
	Kind         agenda.TurnKind    `json:"kind"`
	Start        time.Time          `json:"start,omitzero"` // left out of a session that is not scheduled
	End          time.Time          `json:"end,omitzero"`
	Who          string             `json:"who,omitempty"`
	Organization string             `json:"organization,omitempty"`
	Role         string             `json:"role,omitempty"`
	Leaders      []string           `json:"leaders,omitempty"`
	Mode         agenda.Mode        `json:"mode,omitempty"`
	Stakeholder  string             `json:"stakeholder,omitempty"`
	Region       string             `json:"region,omitempty"`
	Local        string             `json:"local,omitempty"` // the start in the person's own zone, as "15:20 Asia/Tokyo"
	Offset       time.Duration      `json:"offset"`          // from the start of the session
	Length       time.Duration      `json:"length"`
}

// OutputSpeaker is one speaker's time.
type OutputSpeaker struct {
	Who   string        `json:"who"`
	Why   []string      `json:"why,omitempty"` // what made Time differ from Fair, part by part, when the document has an allocation
	Time  time.Duration `json:"time"`
	Fair  time.Duration `json:"fair,omitzero"` // the fair share, to the second, when the document has an allocation
	Share float64       `json:"share"`         // of all speakers' time
}

// OutputGroup is one group's speaking time against its target.
type OutputGroup struct {
	Dimension string `json:"dimension"` // such as "mode", "region" or "label:age"
	Hard      bool   `json:"hard,omitzero"`
	Group     string `json:"group"`
	Speakers  int    `json:"speakers"`

	// Counted is the number of speakers the dimension's shares are of:
	// those in one of its groups, without those who give no value or a
	// value outside its full set.
	Counted int `json:"counted"`

	// NotGiven marks the row of the speakers who give no value in the
	// dimension, named "(not given)"; Outside a value that is not one of
	// the dimension's full set, such as "Intergovernmental Organization"
	// given as a regional group. Neither has a share or a target.
	NotGiven bool `json:"not_given,omitzero"`
	Outside  bool `json:"outside,omitzero"`

	Time   time.Duration `json:"time"`
	Share  float64       `json:"share"`  // of the time of the dimension's counted speakers; 0 for a row without a share
	Target float64       `json:"target"` // the target share; 0 for a row without a share
}

// OutputFinding is one finding of the report; People are named as
// [Document.Who] names them.
type OutputFinding struct {
	Kind      string   `json:"kind"`
	Scope     string   `json:"scope"` // "line-up", who was invited, or "plan", the time they get
	Dimension string   `json:"dimension,omitempty"`
	Group     string   `json:"group,omitempty"`
	People    []string `json:"people,omitempty"`
	Severity  float64  `json:"severity"`
	Text      string   `json:"text"`
}

// JSON writes the run-of-show as one indented JSON object, an [Output]:
//
//	{"title", "slot", "zone", "rows", "speaking", "groups", "findings"}
//
// Rows, speaking times, groups and findings are empty lists when the
// document has no run-of-show, allocation or report. Markup in names is
// written with < > & escaped as \u003c \u003e \u0026, so the output is safe
// to embed in a page. [DecodeJSON] reads it back.
//
// It returns [ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func JSON(w io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	return NewOutput(d).Encode(w)
}

// NewOutput returns what [JSON] writes for d. It panics if d has neither
// a run-of-show nor a draft, for which JSON returns an error; for a
// document JSON refuses for another reason (see [Document]), its Rows are
// empty.
func NewOutput(d *Document) *Output {
	if p, err := d.prepare(); err == nil {
		d = p
	}
	s := d.Session()
	slot := d.Slot()
	o := &Output{Title: shown(s.Title), Slot: OutputSlot{Length: slot.Length}} // shown already, unless prepare failed
	if slot.Scheduled() {
		o.Slot.Start, o.Slot.End = slot.Start, slot.End()
		o.Zone = slot.Start.Location().String()
	}
	o.Rows = []OutputRow{}
	for _, r := range d.Rows() {
		row := OutputRow{Segment: r.Segment, Title: r.Title, SegmentKind: r.SegmentKind, Track: r.Track, Questions: slices.Clone(r.Questions),
			Kind: r.Kind, Who: r.Who, Organization: r.Organization, Role: r.Role, Leaders: r.Leaders, Mode: r.Mode,
			Stakeholder: r.Stakeholder, Region: r.Region, Local: r.Local, Offset: r.Start.Sub(slot.Start), Length: r.Length}
		if slot.Scheduled() {
			row.Start, row.End = r.Start, r.End
		}
		o.Rows = append(o.Rows, row)
	}
	o.Speaking = outputSpeaking(d)
	o.Groups = outputGroups(d)
	o.Findings = []OutputFinding{}
	if d.Report != nil {
		for _, f := range d.Report.Findings {
			of := OutputFinding{Kind: shown(string(f.Kind)), Scope: string(f.Scope), Dimension: shown(f.Dimension), Group: shown(f.Group), Severity: f.Severity, Text: shown(f.Text)}
			for _, name := range f.People {
				of.People = append(of.People, d.Who(name))
			}
			o.Findings = append(o.Findings, of)
		}
	}
	return o
}

// outputSpeaking returns each speaker's time, from the allocation, or else
// the report.
func outputSpeaking(d *Document) []OutputSpeaker {
	out := []OutputSpeaker{}
	switch {
	case d.Allocation != nil:
		var total time.Duration
		for _, sh := range d.Allocation.Speakers {
			total += sh.Time
		}
		for _, sh := range d.Allocation.Speakers {
			out = append(out, OutputSpeaker{Who: d.Who(sh.Name), Time: sh.Time, Fair: sh.Fair.Round(time.Second), Share: fraction(sh.Time, total), Why: d.Why(sh)})
		}
	case d.Report != nil:
		for _, sp := range d.Report.Speakers {
			out = append(out, OutputSpeaker{Who: d.Who(sp.Name), Time: sp.Time, Share: sp.Share})
		}
	}
	return out
}

// outputGroups returns the groups of every dimension balanced, from the
// allocation, or else the report.
func outputGroups(d *Document) []OutputGroup {
	out := []OutputGroup{}
	balances, _ := d.Balances()
	for _, b := range balances {
		for _, g := range b.Groups {
			out = append(out, OutputGroup{Dimension: shown(b.Dimension.Name()), Hard: b.Dimension.Hard, Group: g.Name, Speakers: g.Speakers,
				Time: g.Time, Share: g.Share, Target: g.Target, Counted: b.Counted, NotGiven: g.NotGiven, Outside: g.Outside})
		}
	}
	return out
}

// fraction returns part/whole, or 0 for no whole.
func fraction(part, whole time.Duration) float64 {
	if whole <= 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// Encode writes o as [JSON] does: indented by two spaces, with a newline
// at the end, and an empty list as [] rather than null. Its errors are a
// *json.UnsupportedValueError of encoding/json for a number JSON cannot
// hold (NaN, an infinity), and those of w.
func (o *Output) Encode(w io.Writer) error {
	c := *o
	if c.Rows == nil {
		c.Rows = []OutputRow{}
	}
	if c.Speaking == nil {
		c.Speaking = []OutputSpeaker{}
	}
	if c.Groups == nil {
		c.Groups = []OutputGroup{}
	}
	if c.Findings == nil {
		c.Findings = []OutputFinding{}
	}
	if err := finite(&c); err != nil {
		return err
	}
	data, err := json.Marshal(c, written)
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// DecodeJSON reads what [JSON] writes, strictly: unknown fields, a field
// given twice, values of the wrong type, unknown spellings of a mode or
// segment kind, negative lengths and anything after the object are errors,
// a *agenda.DecodeError whose Path names the field. It reads at most
// [agenda.MaxBytes]; more, and an error of r, are *agenda.DecodeError
// values too, wrapping an *agenda.LimitError or the error of r.
func DecodeJSON(r io.Reader) (*Output, error) {
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return nil, &agenda.DecodeError{Err: err}
	}
	o := new(Output)
	if err := strictjson.Decode(data, o); err != nil {
		return nil, err
	}
	return o, nil
}

// written are the options Encode writes with, by
// github.com/go-json-experiment/json: the layout and escaping of
// encoding/json's indented Encoder, and lengths as strings such as "40m"
// ([timeslot.FormatLength]) rather than counts of nanoseconds.
var written = json.JoinOptions(
	jsontext.Multiline(true),
	jsontext.WithIndent("  "),
	jsontext.EscapeForHTML(true),
	jsontext.EscapeForJS(true),
	jsontext.AllowInvalidUTF8(true),
	json.FormatNilSliceAsNull(true),
	json.FormatNilMapAsNull(true),
	jsontext.PreserveRawStrings(true), // the invalid UTF-8 below, as written
	json.WithMarshalers(json.JoinMarshalers(
		json.MarshalFunc(func(d time.Duration) ([]byte, error) {
			return jsontext.AppendQuote(nil, timeslot.FormatLength(d))
		}),
		json.MarshalToFunc(func(enc *jsontext.Encoder, s string) error {
			if utf8.ValidString(s) {
				return json.SkipFunc
			}
			// encoding/json writes each invalid byte as \ufffd.
			quoted, err := stdjson.Marshal(s)
			if err != nil {
				return err
			}
			return enc.WriteValue(quoted)
		}),
	)),
)

// finite returns the *json.UnsupportedValueError of encoding/json for a
// share, target or severity that JSON cannot hold, NaN or an infinity.
func finite(o *Output) error {
	var fs []float64
	for _, sp := range o.Speaking {
		fs = append(fs, sp.Share)
	}
	for _, g := range o.Groups {
		fs = append(fs, g.Share, g.Target)
	}
	for _, f := range o.Findings {
		fs = append(fs, f.Severity)
	}
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return &stdjson.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
	}
	return nil
}
