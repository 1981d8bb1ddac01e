// Package strictjson decodes the JSON inputs of package balance and its
// renderers strictly, as package agenda decodes a session, with
// github.com/go-json-experiment/json: it refuses a name given twice and,
// told so, an unknown one, and names where in the document it failed as a
// JSON pointer, which [Decode] writes as package agenda writes paths
// ("entries[1].speaker").
package strictjson

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// byteOrderMark begins the "CSV UTF-8" export of a spreadsheet.
var byteOrderMark = []byte{0xEF, 0xBB, 0xBF}

// ReadInput reads r to its end, but no more than agenda.MaxBytes: longer
// input is an *agenda.LimitError, matching agenda.ErrTooLarge, after
// reading MaxBytes+1 bytes. A leading byte-order mark is dropped.
func ReadInput(r io.Reader) ([]byte, error) {
	var data []byte
	var err error
	if lr, ok := r.(interface{ Len() int }); ok {
		// A bytes.Reader or strings.Reader says how much is left: read it
		// into a buffer of its size, rather than one grown and copied as
		// io.ReadAll grows it (a log of 100,000 entries took half as much
		// again).
		data = make([]byte, min(lr.Len(), agenda.MaxBytes+1))
		var n int
		n, err = io.ReadFull(r, data)
		data = data[:n]
		if err == io.ErrUnexpectedEOF {
			err = nil // shorter than it said: what there was is the input
		}
	} else {
		data, err = io.ReadAll(io.LimitReader(r, agenda.MaxBytes+1))
	}
	if err != nil {
		return nil, err
	}
	if len(data) > agenda.MaxBytes {
		return nil, &agenda.LimitError{What: "bytes", Max: agenda.MaxBytes, Limit: "agenda.MaxBytes"}
	}
	return bytes.TrimPrefix(data, byteOrderMark), nil
}

// strict are the options [Decode] decodes with: unknown names are
// errors, and lengths are strings such as "40m" or "1h30m", read by
// [timeslot.ParseLength].
var strict = json.JoinOptions(
	json.RejectUnknownMembers(true),
	jsontext.AllowInvalidUTF8(true), // replaced by U+FFFD, as encoding/json does
	json.WithUnmarshalers(json.JoinUnmarshalers(json.UnmarshalFunc(func(data []byte, d *time.Duration) error {
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
	}), json.UnmarshalFunc(func(data []byte, t *time.Time) error {
		// time.Parse, as agenda reads times: a log's checks refuse what
		// RFC 3339 cannot write back, naming the entry.
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
	}))),
)

// Decode reads the JSON document data into the value v points to,
// strictly: an unknown field or one given twice, a value of the wrong type
// and data after the document are errors. Lengths are strings such as
// "40m" ([timeslot.ParseLength]) and times RFC 3339. Every error is an
// *agenda.DecodeError naming the path, with a message that says what was
// wanted there, as package agenda's decoder says it.
func Decode(data []byte, v any) error {
	if err := json.Unmarshal(data, v, strict); err != nil {
		return decodeError(data, err)
	}
	return nil
}

// decodeError turns an error of json.Unmarshal on data into a *agenda.DecodeError
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
		var inner *agenda.DecodeError
		var sub *jsontext.SyntacticError
		switch {
		case errors.As(se.Err, &inner): // from a method of a type of package agenda
			return &agenda.DecodeError{Field: joinPath(path, inner.Field), Err: inner.Err}
		case errors.As(se.Err, &sub):
			return decodeError(data, sub)
		case errors.Is(se.Err, json.ErrUnknownName):
			return &agenda.DecodeError{Field: path, Err: fmt.Errorf("unknown field (known: %s)", strings.Join(knownNames(se.GoType), ", "))}
		case errors.Is(se.Err, io.ErrUnexpectedEOF):
			return &agenda.DecodeError{Field: path, Err: io.ErrUnexpectedEOF}
		case se.JSONKind == '0' && strings.HasSuffix(want(se.GoType), "number"): // 1.5 or 1e400 for an int, 1e400 for a float
			return &agenda.DecodeError{Field: path, Err: fmt.Errorf("%s is not %s in range", se.JSONValue, want(se.GoType))}
		case se.Err != nil && (se.JSONKind == 0 || fits(se.GoType, se.JSONKind)):
			return &agenda.DecodeError{Field: path, Err: se.Err}
		}
		return &agenda.DecodeError{Field: path, Err: fmt.Errorf("want %s, got %s", want(se.GoType), kindName(se.JSONKind))}
	case errors.As(err, &sy):
		path := pointerPath(sy.JSONPointer)
		switch {
		case errors.Is(sy.Err, jsontext.ErrDuplicateName):
			return &agenda.DecodeError{Field: path, Err: errors.New("field given twice")}
		case errors.Is(sy.Err, io.ErrUnexpectedEOF):
			return &agenda.DecodeError{Field: path, Err: io.ErrUnexpectedEOF}
		case strings.Contains(sy.Err.Error(), "after top-level value"):
			return &agenda.DecodeError{Err: errors.New("data after the end of the document")}
		}
		var raw stdjson.RawMessage
		if err := stdjson.Unmarshal(data, &raw); err != nil {
			return &agenda.DecodeError{Field: path, Err: err} // the *json.SyntaxError of encoding/json
		}
		return &agenda.DecodeError{Field: path, Err: sy.Err}
	}
	return &agenda.DecodeError{Err: err}
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
