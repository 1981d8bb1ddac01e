package agenda

import (
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/fairfloor/fairfloor/timeslot"
)

// This file decodes JSON strictly, with github.com/go-json-experiment/json:
// it refuses a name given twice and, told so, an unknown one, and names
// where in the document it failed as a JSON pointer, which decodeError
// writes as a path ("people[2].region") with a message that says what was
// wanted there.

// strict are the options of unmarshalStrict: unknown names are errors;
// lengths are strings such as "40m", read by [timeslot.ParseLength]; times
// are RFC 3339, read by time.Parse; and a list of people or segments is
// refused as soon as it passes [MaxPeople] or [MaxSegments], before the
// rest of it is read.
var strict = json.JoinOptions(
	json.RejectUnknownMembers(true),
	jsontext.AllowInvalidUTF8(true), // replaced by U+FFFD, as encoding/json does
	json.WithUnmarshalers(json.JoinUnmarshalers(
		json.UnmarshalFunc(func(data []byte, d *time.Duration) error {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return fmt.Errorf(`want a length such as "40m", got %s`, kindName(jsontext.Value(data).Kind()))
			}
			length, err := timeslot.ParseLength(s)
			if err != nil {
				return err
			}
			*d = length
			return nil
		}),
		json.UnmarshalFunc(func(data []byte, t *time.Time) error {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return fmt.Errorf("want an RFC 3339 time, got %s", kindName(jsontext.Value(data).Kind()))
			}
			parsed, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return fmt.Errorf("%q is not an RFC 3339 time", s)
			}
			*t = parsed
			return nil
		}),
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, people *[]Person) error {
			if err := limitedList(dec, people, checkPeople); err != nil {
				return err
			}
			return canonicalPrivate(*people)
		}),
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, segments *[]Segment) error {
			return limitedList(dec, segments, checkSegments)
		}),
	)),
)

// written are the options [Segment.MarshalJSON] writes with: lengths as
// [timeslot.FormatLength] writes them, and text escaped as encoding/json
// escapes it (< > & and U+2028, U+2029 as \u003c and so on, invalid UTF-8
// as U+FFFD), so that the JSON is what encoding/json would write.
var written = json.JoinOptions(
	jsontext.EscapeForHTML(true),
	jsontext.EscapeForJS(true),
	jsontext.AllowInvalidUTF8(true),
	json.FormatNilSliceAsNull(true),
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

// limitedList reads a list into list, refusing it with an error of check
// as soon as it holds more elements than check allows.
func limitedList[T any](dec *jsontext.Decoder, list *[]T, check func(int) *LimitError) error {
	if dec.PeekKind() != '[' {
		return json.SkipFunc // null, or the wrong type: the default reports it
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	var out []T
	for {
		switch dec.PeekKind() {
		case ']':
			if _, err := dec.ReadToken(); err != nil {
				return err
			}
			*list = out
			return nil
		case 0: // cut short, where the next element was to be
			return &DecodeError{Field: "[" + strconv.Itoa(len(out)) + "]", Err: io.ErrUnexpectedEOF}
		}
		if err := check(len(out) + 1); err != nil {
			err.Count = 0 // the rest of the list is not read
			return &DecodeError{Err: err}
		}
		var v T
		if err := json.UnmarshalDecode(dec, &v); err != nil {
			return err
		}
		out = append(out, v)
	}
}

// canonicalPrivate replaces the spellings of field names in the Private
// lists of people by the names themselves, as an UnmarshalText method of an
// enumeration does, and refuses text that spells none.
func canonicalPrivate(people []Person) error {
	for i := range people {
		for k, f := range people[i].Private {
			name, err := fields.parse(f)
			if err != nil {
				return &DecodeError{Field: fmt.Sprintf("[%d].private[%d]", i, k), Err: err}
			}
			people[i].Private[k] = name
		}
	}
	return nil
}

// unmarshalStrict decodes one JSON document into the value v points to
// strictly, as [Session.UnmarshalJSON] describes: input beyond [MaxBytes]
// is refused before it is read. Every error is a *DecodeError.
func unmarshalStrict(data []byte, v any) error {
	if err := checkBytes(len(data)); err != nil {
		return &DecodeError{Err: err}
	}
	if err := json.Unmarshal(data, v, strict); err != nil {
		return decodeError(data, err)
	}
	return nil
}

// decodeError turns an error of json.Unmarshal on data into a *DecodeError
// whose Field names the field and whose Err says what is wrong with the
// value found there: "want a number, got a string", "field given twice",
// "unknown field (known: ...)", io.ErrUnexpectedEOF for a document cut
// short, or the *json.SyntaxError of encoding/json for text that is not
// JSON.
func decodeError(data []byte, err error) error {
	var se *json.SemanticError
	var sy *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		path := pointerPath(se.JSONPointer)
		var inner *DecodeError
		var sub *jsontext.SyntacticError
		switch {
		case errors.As(se.Err, &inner): // from a method of a type of this package, or a list past its limit
			return &DecodeError{Field: joinPath(path, inner.Field), Err: inner.Err}
		case errors.As(se.Err, &sub):
			return decodeError(data, sub)
		case errors.Is(se.Err, json.ErrUnknownName):
			return &DecodeError{Field: path, Err: fmt.Errorf("unknown field (known: %s)", strings.Join(knownNames(se.GoType), ", "))}
		case errors.Is(se.Err, io.ErrUnexpectedEOF):
			return &DecodeError{Field: path, Err: io.ErrUnexpectedEOF}
		case se.JSONKind == '0' && strings.HasSuffix(want(se.GoType), "number"): // 1.5 or 1e400 for an int, 1e400 for a float
			return &DecodeError{Field: path, Err: fmt.Errorf("%s is not %s in range", se.JSONValue, want(se.GoType))}
		case se.Err != nil && (se.JSONKind == 0 || fits(se.GoType, se.JSONKind)):
			return &DecodeError{Field: path, Err: se.Err}
		}
		return &DecodeError{Field: path, Err: fmt.Errorf("want %s, got %s", want(se.GoType), kindName(se.JSONKind))}
	case errors.As(err, &sy):
		path := pointerPath(sy.JSONPointer)
		switch {
		case errors.Is(sy.Err, jsontext.ErrDuplicateName):
			return &DecodeError{Field: path, Err: errors.New("field given twice")}
		case errors.Is(sy.Err, io.ErrUnexpectedEOF):
			return &DecodeError{Field: path, Err: io.ErrUnexpectedEOF}
		case strings.Contains(sy.Err.Error(), "after top-level value"):
			return &DecodeError{Err: errors.New("data after the end of the document")}
		}
		var raw stdjson.RawMessage
		if err := stdjson.Unmarshal(data, &raw); err != nil {
			return &DecodeError{Field: path, Err: err} // the *json.SyntaxError of encoding/json
		}
		return &DecodeError{Field: path, Err: sy.Err}
	}
	return &DecodeError{Err: err}
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
)

// want says what a value of Go type t is in JSON.
func want(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t {
	case durationType:
		return `a length such as "40m"`
	case timeType:
		return "an RFC 3339 time"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// fits reports whether a JSON value of kind k is of the JSON type a value
// of Go type t is written as; when not, the error is a wrong type.
func fits(t reflect.Type, k jsontext.Kind) bool {
	if k == 'f' {
		k = 't'
	}
	w := want(t)
	return w == "a value" || w == kindName(k) || k == '"' && (w == want(durationType) || w == want(timeType))
}

// kindName names a kind of JSON value.
func kindName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "true or false"
	case '[':
		return "a list"
	case '{':
		return "an object"
	}
	return "null"
}

// knownNames lists the JSON names of the fields of struct type t, sorted.
func knownNames(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case !f.IsExported() || name == "-":
			continue
		case name == "":
			name = f.Name
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// pointerPath writes a JSON pointer, "/people/2/region", as a path,
// "people[2].region": a token of digits is an index.
func pointerPath(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// joinPath joins a path and a path below it, which may start with an index.
func joinPath(path, below string) string {
	switch {
	case below == "":
		return path
	case path == "" || strings.HasPrefix(below, "["):
		return path + below
	}
	return path + "." + below
}
