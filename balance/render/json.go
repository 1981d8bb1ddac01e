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
// Shares and targets are fractions of the speaking time, null for a group
// row that has none (see [Group]). Lists are written in the order of the
// session, never of a map, so the same document always gives the same
// bytes.
type Output struct {
	Title string     `json:"title"`
	Slot  OutputSlot `json:"slot"`
	// Zone names the zone of the times, such as "UTC" or "Europe/Paris"; it
	// is empty for a session that is not scheduled.
	Zone     string          `json:"zone,omitempty"`
	Rows     []Row           `json:"rows"`     // every turn
	Speaking []OutputSpeaker `json:"speaking"` // every speaker, in the order of Session.People
	Groups   []Group         `json:"groups"`   // every group of every dimension balanced, dimension by dimension
	Findings []OutputFinding `json:"findings"` // most serious first, those of the line-up and of the plan, as each one's Scope says
}

// OutputSlot is the session's slot. Start and End are left out of a
// session that is not scheduled.
type OutputSlot struct {
	Start  time.Time     `json:"start,omitzero"`
	End    time.Time     `json:"end,omitzero"`
	Length time.Duration `json:"length"`
}

// OutputSpeaker is one speaker's time.
type OutputSpeaker struct {
	Who   string        `json:"who"`
	Why   []string      `json:"why,omitempty"` // what made Time differ from Fair, part by part, when the document has an allocation
	Time  time.Duration `json:"time"`
	Fair  time.Duration `json:"fair,omitzero"` // the fair share, to the second, when the document has an allocation
	Share float64       `json:"share"`         // of all speakers' time
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
// to embed in a page. [DecodeJSON] reads it back. A forum report, an
// audit or a re-plan has no JSON form: for a document holding one, JSON
// returns an error that wraps [errors.ErrUnsupported].
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func JSON(w io.Writer, d *Document) error {
	if _, err := d.holds("JSON"); err != nil {
		return err
	}
	d, err := d.prepare()
	if err != nil {
		return err
	}
	return newOutput(d).encode(w)
}

// newOutput returns what [JSON] writes for d, a prepared document.
func newOutput(d *Document) *Output {
	s := d.Session()
	slot := d.slot()
	o := &Output{Title: s.Title, Slot: OutputSlot{Length: slot.Length}}
	if slot.Scheduled() {
		o.Slot.Start, o.Slot.End = slot.Start, slot.End()
		o.Zone = slot.Start.Location().String()
	}
	o.Rows = []Row{}
	for _, r := range d.rows() {
		r.Questions = slices.Clone(r.Questions)
		if !slot.Scheduled() {
			r.Start, r.End = time.Time{}, time.Time{}
		}
		o.Rows = append(o.Rows, r)
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
			out = append(out, OutputSpeaker{Who: d.Who(sh.Name), Time: sh.Time, Fair: sh.Fair.Round(time.Second), Share: fraction(sh.Time, total), Why: d.why(sh)})
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
func outputGroups(d *Document) []Group {
	out := []Group{}
	balances, _ := d.balances()
	for _, b := range balances {
		out = append(out, b.Groups...)
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

// encode writes o as [JSON] does: indented by two spaces, with a newline
// at the end, and an empty list as [] rather than null. Its errors are
// those of encoding/json, a *json.UnsupportedValueError for a number JSON
// cannot hold (NaN, an infinity), and those of w.
func (o *Output) encode(w io.Writer) error {
	c := *o
	if c.Rows == nil {
		c.Rows = []Row{}
	}
	if c.Speaking == nil {
		c.Speaking = []OutputSpeaker{}
	}
	if c.Groups == nil {
		c.Groups = []Group{}
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
// a *agenda.DecodeError whose Field names the field. It reads at most
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

// written are the options encode writes with, by
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
		json.MarshalToFunc(func(enc *jsontext.Encoder, g Group) error {
			if g.hasShare() || g.Share != 0 || g.Target != 0 {
				return json.SkipFunc // a share, even where none belongs (as a document read back may have), is written as it is
			}
			// A row of the speakers who give no value, or of a value outside
			// the dimension's set, has no share and no target: null, as a
			// share of 0 would read as a group given no time.
			type shareless struct {
				Group
				Share  *float64 `json:"share"`
				Target *float64 `json:"target"`
			}
			return json.MarshalEncode(enc, shareless{Group: g})
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
