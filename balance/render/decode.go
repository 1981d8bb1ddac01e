package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// DecodeJSON reads what [JSON] writes, strictly: unknown fields, a field
// given twice, values of the wrong type, unknown spellings of a mode or
// segment kind, negative lengths and anything after the object are errors,
// a *agenda.DecodeError whose Path names the field. It reads at most
// [agenda.MaxBytes]; more, and an error of r, are *agenda.DecodeError
// values too, wrapping an *agenda.LimitError or the error of r.
func DecodeJSON(r io.Reader) (*Output, error) {
	data, err := io.ReadAll(io.LimitReader(r, agenda.MaxBytes+1))
	if err != nil {
		return nil, &agenda.DecodeError{Err: err}
	}
	if len(data) > agenda.MaxBytes {
		return nil, &agenda.DecodeError{Err: &agenda.LimitError{What: "bytes", Max: agenda.MaxBytes, Limit: "agenda.MaxBytes"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a byte-order mark, as agenda drops it
	o := new(Output)
	if err := json.Unmarshal(data, o, strict); err != nil {
		return nil, decodeError(err)
	}
	return o, nil
}

// strict are the options DecodeJSON decodes with, by
// github.com/go-json-experiment/json, which refuses a name given twice:
// unknown names are errors too, and lengths are strings such as "40m", read
// by [timeslot.ParseLength].
var strict = json.JoinOptions(
	json.RejectUnknownMembers(true),
	jsontext.AllowInvalidUTF8(true), // replaced by U+FFFD, as encoding/json does
	json.WithUnmarshalers(json.UnmarshalFunc(func(data []byte, d *time.Duration) error {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return errors.New(`want a length such as "40m"`)
		}
		length, err := timeslot.ParseLength(s)
		if err != nil {
			return err
		}
		*d = length
		return nil
	})),
)

// decodeError turns an error of json.Unmarshal into an *agenda.DecodeError
// whose Path is the JSON pointer of the error written as package agenda
// writes paths, "rows[0].length".
func decodeError(err error) error {
	var se *json.SemanticError
	var sy *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		if errors.Is(se.Err, json.ErrUnknownName) {
			return &agenda.DecodeError{Path: pointerPath(se.JSONPointer), Err: errors.New("unknown field")}
		}
		if se.Err != nil {
			return &agenda.DecodeError{Path: pointerPath(se.JSONPointer), Err: se.Err}
		}
		return &agenda.DecodeError{Path: pointerPath(se.JSONPointer), Err: fmt.Errorf("cannot read JSON %s %s as %v", se.JSONKind, se.JSONValue, se.GoType)}
	case errors.As(err, &sy):
		if errors.Is(sy.Err, jsontext.ErrDuplicateName) {
			return &agenda.DecodeError{Path: pointerPath(sy.JSONPointer), Err: errors.New("field given twice")}
		}
		return &agenda.DecodeError{Path: pointerPath(sy.JSONPointer), Err: sy.Err}
	}
	return &agenda.DecodeError{Err: err}
}

// pointerPath writes a JSON pointer, "/rows/0/length", as a path,
// "rows[0].length": a token of digits is an index.
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
