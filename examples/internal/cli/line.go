package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/fairfloor/fairfloor/agenda"
)

// Line returns the line of data, counted from 1, at which err, an error of
// decoding data, finds its problem: the offset of a *json.SyntaxError, the
// value at the Path of an *agenda.DecodeError, the last line for text cut
// short. It returns 0 when the error says nowhere in particular, such as
// a document too large.
func Line(data []byte, err error) int {
	var syntax *json.SyntaxError
	var de *agenda.DecodeError
	switch {
	case errors.As(err, &syntax):
		return lineAt(data, int(syntax.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return lineAt(data, len(data))
	case errors.As(err, &de) && de.Field != "":
		if off, ok := locate(data, de.Field); ok {
			return lineAt(data, off)
		}
	}
	return 0
}

// lineAt returns the line of the byte at offset off.
func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// locate returns the offset in data at which the value at path, such as
// "people[2].region", starts, walking the document token by token: slow,
// but only ever asked once, for an error.
func locate(data []byte, path string) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	// start returns where the next token starts: after the whitespace, and
	// the colon or comma, that follow the last one read.
	start := func() int {
		off := int(dec.InputOffset())
		for off < len(data) && bytes.IndexByte([]byte(" \t\r\n:,"), data[off]) >= 0 {
			off++
		}
		return off
	}
	// broken is set when a token cannot be read: the document ends or goes
	// wrong there, and nothing after it can be found (dec.More may still
	// say there is more).
	broken := false
	var walk func(at string) (int, bool)
	walk = func(at string) (int, bool) {
		if at == path {
			return start(), true
		}
		tok, err := dec.Token()
		if err != nil {
			broken = true
			return 0, false
		}
		switch tok {
		case json.Delim('{'):
			for !broken && dec.More() {
				key, err := dec.Token()
				if err != nil {
					broken = true
					return 0, false
				}
				name, _ := key.(string)
				field := name
				switch _, err := strconv.Atoi(name); {
				case err == nil: // a key of digits, which agenda's paths write as an index
					field = at + "[" + name + "]"
				case at != "":
					field = at + "." + name
				}
				if off, ok := walk(field); ok {
					return off, true
				}
			}
		case json.Delim('['):
			for i := 0; !broken && dec.More(); i++ {
				if off, ok := walk(at + "[" + strconv.Itoa(i) + "]"); ok {
					return off, true
				}
			}
		default:
			return 0, false // a scalar, not on the path
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			broken = true
		}
		return 0, false
	}
	return walk("")
}
