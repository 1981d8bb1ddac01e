package agenda

import (
	"bytes"
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
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

// MaxBytes is the largest JSON input [Decode] and [Session.UnmarshalJSON]
// accept. It is far above any real session (seed sessions take a few
// kilobytes) and keeps a huge or endless input from being read into memory.
const MaxBytes = 4 << 20

// ErrTooLarge is returned, wrapped in a *DecodeError, for input longer than [MaxBytes].
var ErrTooLarge = errors.New("agenda: input too large")

// DecodeError reports JSON that does not describe a session.
type DecodeError struct {
	File string // the file, when reading many (see [ReadProgramme]); empty otherwise
	Path string // where in the document, such as "people[2].region"; empty for the whole document
	Err  error  // what is wrong; a *ParseError for an unknown enumeration value
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
// [Session.UnmarshalJSON] for how strict it is. It does not validate the
// session: call [Session.Validate] for that.
func Decode(r io.Reader) (*Session, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
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
// RFC 3339. It replaces all of s, and leaves s unchanged on error.
func (s *Session) UnmarshalJSON(data []byte) error {
	type plain Session // without methods, so decode does not call this one again
	var out plain
	if err := UnmarshalStrict(data, &out); err != nil {
		return err
	}
	*s = Session(out)
	return nil
}

// segmentJSON writes the length of a segment as "40m" rather than a count
// of nanoseconds.
type segmentJSON Segment

// MarshalJSON encodes the segment with its length as a string such as "40m".
func (seg Segment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		segmentJSON
		Length string `json:"length"`
	}{segmentJSON(seg), timeslot.FormatLength(seg.Length)})
}

// UnmarshalJSON decodes a segment as strictly as [Session.UnmarshalJSON].
func (seg *Segment) UnmarshalJSON(data []byte) error {
	var out segmentJSON
	if err := UnmarshalStrict(data, &out); err != nil {
		return err
	}
	*seg = Segment(out)
	return nil
}

// UnmarshalStrict decodes one JSON document into the struct v points to, as
// strictly as [Session.UnmarshalJSON] decodes a session: unknown fields, a
// field given twice, values of the wrong JSON type, unknown enumeration
// spellings and data after the document are *DecodeError values naming the
// path; lengths are strings such as "40m", times RFC 3339; input beyond
// [MaxBytes] is refused. Other fairfloor packages decode their inputs
// (policies, constraints, logs) with it. v must be a non-nil pointer;
// UnmarshalStrict panics otherwise, as that is a programming error.
func UnmarshalStrict(data []byte, v any) error {
	if len(data) > MaxBytes {
		return &DecodeError{Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxBytes)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tree, err := readValue(dec, "", 0)
	if err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &DecodeError{Err: errors.New("data after the end of the document")}
	}
	return fill(reflect.ValueOf(v).Elem(), tree, "")
}

// object is a decoded JSON object that remembers the order of its keys.
type object struct {
	keys   []string
	values map[string]any
}

// maxDepth is how deeply JSON values may nest; a session needs five levels.
const maxDepth = 32

// readValue reads one JSON value as nil, bool, json.Number, string, []any or
// *object, refusing objects that give a key twice and values nested deeper
// than maxDepth.
func readValue(dec *json.Decoder, path string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, &DecodeError{Path: path, Err: fmt.Errorf("nested more than %d levels deep", maxDepth)}
	}
	tok, err := token(dec, path)
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('['):
		var list []any
		for dec.More() {
			x, err := readValue(dec, fmt.Sprintf("%s[%d]", path, len(list)), depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, x)
		}
		return list, closeToken(dec, path)
	case json.Delim('{'):
		obj := &object{values: map[string]any{}}
		for dec.More() {
			tok, err := token(dec, path)
			if err != nil {
				return nil, err
			}
			key, ok := tok.(string)
			if !ok { // the decoder yields only string keys, but never trust a type assertion with input
				return nil, &DecodeError{Path: path, Err: errors.New("object key is not a string")}
			}
			at := join(path, key)
			if _, dup := obj.values[key]; dup {
				return nil, &DecodeError{Path: at, Err: errors.New("field given twice")}
			}
			x, err := readValue(dec, at, depth+1)
			if err != nil {
				return nil, err
			}
			obj.keys = append(obj.keys, key)
			obj.values[key] = x
		}
		return obj, closeToken(dec, path)
	}
	return tok, nil
}

// closeToken reads the ] or } that ends a list or object.
func closeToken(dec *json.Decoder, path string) error {
	_, err := token(dec, path)
	return err
}

// token reads the next token of a document that is not finished yet, so the
// end of the input there is io.ErrUnexpectedEOF, never io.EOF, which callers
// take for a clean end.
func token(dec *json.Decoder, path string) (json.Token, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, &DecodeError{Path: path, Err: err}
	}
	return tok, nil
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
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// fill stores the decoded value x in v, which must be settable.
func fill(v reflect.Value, x any, path string) error {
	if x == nil {
		return nil // null leaves the zero value, as encoding/json does
	}
	fail := func(format string, args ...any) error {
		return &DecodeError{Path: path, Err: fmt.Errorf(format, args...)}
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
			return &DecodeError{Path: path, Err: err}
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
		return fill(v.Addr().Convert(reflect.TypeFor[*segmentJSON]()).Elem(), x, path)
	case reflect.PointerTo(t).Implements(unmarshalerType):
		raw, err := json.Marshal(toPlain(x))
		if err != nil {
			return fail("%v", err)
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			var inner *DecodeError
			if errors.As(err, &inner) {
				return &DecodeError{Path: joinPath(path, inner.Path), Err: inner.Err}
			}
			return &DecodeError{Path: path, Err: err}
		}
		return nil
	case reflect.PointerTo(t).Implements(textType):
		s, ok := x.(string)
		if !ok {
			return wrongType("a string")
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &DecodeError{Path: path, Err: err}
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
		out := reflect.MakeSlice(t, len(list), len(list))
		for i, item := range list {
			if err := fill(out.Index(i), item, fmt.Sprintf("%s[%d]", path, i)); err != nil {
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
		for _, key := range obj.keys {
			elem := reflect.New(t.Elem()).Elem()
			if err := fill(elem, obj.values[key], join(path, key)); err != nil {
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
		for _, key := range obj.keys {
			i, ok := fields[key]
			if !ok {
				names := slices.Sorted(maps.Keys(fields))
				return &DecodeError{Path: join(path, key), Err: fmt.Errorf("unknown field (known: %s)", strings.Join(names, ", "))}
			}
			if err := fill(v.Field(i), obj.values[key], join(path, key)); err != nil {
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

// jsonFields maps the JSON names of a struct's exported fields to their index.
func jsonFields(t reflect.Type) map[string]int {
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
	return fields
}

// toPlain turns a decoded value back into values json.Marshal writes as they
// were read.
func toPlain(x any) any {
	switch x := x.(type) {
	case *object:
		m := make(map[string]any, len(x.keys))
		for _, k := range x.keys {
			m[k] = toPlain(x.values[k])
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
