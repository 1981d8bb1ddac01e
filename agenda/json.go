package agenda

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// ErrTooLarge is matched by every *[LimitError]: input beyond [MaxBytes],
// [MaxPeople], [MaxSegments] or another of fairfloor's limits.
var ErrTooLarge = errors.New("agenda: input too large")

// DecodeError reports JSON that does not describe a session, or input that
// cannot be read. Its Err is a *[ParseError] for an unknown enumeration
// value, a *timeslot.ParseError for a length or slot that cannot be read, a
// *[LimitError] for input beyond a limit, a *json.SyntaxError or
// [io.ErrUnexpectedEOF] for text that is not JSON, the error of the reader
// or file system, or, for the other problems (an unknown field, a field
// given twice, a value of the wrong type), an error that only says what is
// wrong.
type DecodeError struct {
	File string // the file, when reading many (see [ReadProgramme]); empty otherwise
	Path string // where in the document, such as "people[2].region"; empty for the whole document
	Err  error  // what is wrong: see below
}

// Error returns "agenda: decoding <file> <path>: <problem>".
func (e *DecodeError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "agenda: ")
	where := strings.TrimSpace(e.File + " " + e.Path)
	if where == "" {
		return "agenda: decoding: " + msg
	}
	return "agenda: decoding " + where + ": " + msg
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode reads a session from r as JSON. It reads at most [MaxBytes]; see
// [Session.UnmarshalJSON] for how strict it is and for the limits on
// people and segments. It does not validate the session: call
// [Session.Validate] for that. Every error is a *[DecodeError]; one that
// r returns is wrapped in it.
func Decode(r io.Reader) (*Session, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	s := new(Session)
	if err := s.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return s, nil
}

// UnmarshalJSON decodes a session strictly. Unknown fields, a field given
// twice, values of the wrong JSON type, unknown enumeration spellings, and
// anything after the session are errors: a *DecodeError whose Path names the
// field. Durations are strings such as "40m", "1h30m" or "40 min"; times are
// RFC 3339. Input beyond [MaxBytes], and a list of people or segments
// longer than [MaxPeople] or [MaxSegments], is a *DecodeError wrapping a
// *[LimitError], found as soon as the list passes the limit. It replaces
// all of s, and leaves s unchanged on error.
func (s *Session) UnmarshalJSON(data []byte) error {
	type plain Session // without methods, so decode does not call this one again
	var out plain
	if err := unmarshalStrict(data, &out, sessionLists); err != nil {
		return err
	}
	*s = Session(out)
	return nil
}

// segmentJSON writes the length of a segment as "40m" rather than a count
// of nanoseconds.
type segmentJSON Segment

// MarshalJSON encodes the segment with its length as a string such as
// "40m". It writes Kind as it is: [Session.Validate] checks it.
func (seg Segment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		segmentJSON
		Length string `json:"length"`
	}{segmentJSON(seg), timeslot.FormatLength(seg.Length)})
}

// UnmarshalJSON decodes a segment as strictly as [Session.UnmarshalJSON],
// with the same *[DecodeError] values.
func (seg *Segment) UnmarshalJSON(data []byte) error {
	var out segmentJSON
	if err := unmarshalStrict(data, &out, nil); err != nil {
		return err
	}
	*seg = Segment(out)
	return nil
}

// listCheck is the check of a list's length: nil while the list is within
// its limit.
type listCheck func(count int) *LimitError

// sessionLists are the checks of a session's lists, by field.
var sessionLists = map[string]listCheck{"people": checkPeople, "segments": checkSegments}

// unmarshalStrict decodes one JSON document into the struct v points to
// strictly, as [Session.UnmarshalJSON] describes, and checks the lists of
// the document's top-level fields named in lists as it reads them, so that a
// list past its limit is refused before the rest of it is read.
func unmarshalStrict(data []byte, v any, lists map[string]listCheck) error {
	if err := checkBytes(len(data)); err != nil {
		return &DecodeError{Err: err}
	}
	tree, err := readDocument(data, lists)
	if err != nil {
		return err
	}
	return fill(reflect.ValueOf(v).Elem(), tree, documentPath())
}

// join appends a field name to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var (
	durationType    = reflect.TypeFor[time.Duration]()
	timeType        = reflect.TypeFor[time.Time]()
	segmentType     = reflect.TypeFor[Segment]()
	stringsType     = reflect.TypeFor[[]string]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// fill stores the decoded value x in v, which must be settable.
func fill(v reflect.Value, x any, at *jsonPath) error {
	if x == nil {
		return nil // null leaves the zero value, as encoding/json does
	}
	fail := func(format string, args ...any) error {
		return &DecodeError{Path: at.String(), Err: fmt.Errorf(format, args...)}
	}
	wrongType := func(want string) error { return fail("want %s, got %s", want, jsonType(x)) }
	t := v.Type()
	switch {
	case t == durationType:
		s, ok := x.(string)
		if !ok {
			return wrongType(`a length such as "40m"`)
		}
		d, err := timeslot.ParseLength(s)
		if err != nil {
			return &DecodeError{Path: at.String(), Err: err}
		}
		v.SetInt(int64(d))
		return nil
	case t == timeType:
		s, ok := x.(string)
		if !ok {
			return wrongType("an RFC 3339 time")
		}
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fail("%q is not an RFC 3339 time", s)
		}
		v.Set(reflect.ValueOf(tm))
		return nil
	case t == segmentType:
		// Fill the segment from the values already read, as its UnmarshalJSON
		// would. Writing them out as JSON for it would sort the keys, so that
		// an error could name the wrong unknown field, and could make a
		// segment longer than MaxBytes: encoding/json writes < as \u003c.
		return fill(v.Addr().Convert(reflect.TypeFor[*segmentJSON]()).Elem(), x, at)
	case reflect.PointerTo(t).Implements(unmarshalerType):
		raw, err := json.Marshal(toPlain(x))
		if err != nil {
			return fail("%v", err)
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			var inner *DecodeError
			if errors.As(err, &inner) {
				return &DecodeError{Path: joinPath(at.String(), inner.Path), Err: inner.Err}
			}
			return &DecodeError{Path: at.String(), Err: err}
		}
		return nil
	case reflect.PointerTo(t).Implements(textType):
		s, ok := x.(string)
		if !ok {
			return wrongType("a string")
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &DecodeError{Path: at.String(), Err: err}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return wrongType("a string")
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return wrongType("true or false")
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := x.(json.Number)
		if !ok {
			return wrongType("a whole number")
		}
		i, err := strconv.ParseInt(n.String(), 10, t.Bits())
		if err != nil {
			return fail("%s is not a whole number in range", n)
		}
		v.SetInt(i)
	case reflect.Float32, reflect.Float64:
		n, ok := x.(json.Number)
		if !ok {
			return wrongType("a number")
		}
		f, err := strconv.ParseFloat(n.String(), t.Bits())
		if err != nil {
			return fail("%s is not a number in range", n)
		}
		v.SetFloat(f)
	case reflect.Slice:
		list, ok := x.([]any)
		if !ok {
			return wrongType("a list")
		}
		if t == stringsType { // a list of names: no reflection per name
			names := make([]string, len(list))
			for i, item := range list {
				switch item := item.(type) {
				case string:
					names[i] = item
				case nil: // null leaves the empty name
				default:
					return fill(reflect.New(t.Elem()).Elem(), item, at.elem(i)) // the error of a name that is not a string
				}
			}
			v.Set(reflect.ValueOf(names))
			return nil
		}
		out := reflect.MakeSlice(t, len(list), len(list))
		for i, item := range list {
			if err := fill(out.Index(i), item, at.elem(i)); err != nil {
				return err
			}
		}
		v.Set(out)
	case reflect.Map:
		obj, ok := x.(*object)
		if !ok || t.Key().Kind() != reflect.String {
			return wrongType("an object")
		}
		out := reflect.MakeMapWithSize(t, len(obj.keys))
		for k, key := range obj.keys {
			elem := reflect.New(t.Elem()).Elem()
			if err := fill(elem, obj.values[k], at.field(key)); err != nil {
				return err
			}
			out.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
		}
		v.Set(out)
	case reflect.Struct:
		obj, ok := x.(*object)
		if !ok {
			return wrongType("an object")
		}
		fields := jsonFields(t)
		for k, key := range obj.keys {
			i, ok := fields[key]
			if !ok {
				names := slices.Sorted(maps.Keys(fields))
				return &DecodeError{Path: at.field(key).String(), Err: fmt.Errorf("unknown field (known: %s)", strings.Join(names, ", "))}
			}
			if err := fill(v.Field(i), obj.values[k], at.field(key)); err != nil {
				return err
			}
		}
	default:
		return fail("cannot decode into %s", t) // a Go type this decoder was never meant for
	}
	return nil
}

// joinPath joins a path and a path below it, which may start with an index.
func joinPath(path, below string) string {
	if below == "" || strings.HasPrefix(below, "[") {
		return path + below
	}
	return join(path, below)
}

// fieldCache holds the result of jsonFields for each struct type.
var fieldCache sync.Map // reflect.Type -> map[string]int

// jsonFields maps the JSON names of a struct's exported fields to their
// index. The map is shared: callers only read it.
func jsonFields(t reflect.Type) map[string]int {
	if fields, ok := fieldCache.Load(t); ok {
		return fields.(map[string]int)
	}
	fields := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		fields[name] = i
	}
	fieldCache.Store(t, fields)
	return fields
}

// toPlain turns a decoded value back into values json.Marshal writes as they
// were read.
func toPlain(x any) any {
	switch x := x.(type) {
	case *object:
		m := make(map[string]any, len(x.keys))
		for i, k := range x.keys {
			m[k] = toPlain(x.values[i])
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = toPlain(item)
		}
		return out
	}
	return x
}

// jsonType names the JSON type of a decoded value for error messages.
func jsonType(x any) string {
	switch x.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case *object:
		return "an object"
	}
	return "null"
}
