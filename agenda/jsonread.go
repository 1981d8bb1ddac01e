package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads a JSON document into a tree of plain values, as fast as
// the input allows: a document of MaxBytes is read in tens of milliseconds,
// where json.Decoder.Token, which the reader used before, took seconds.
// json.Valid checks the syntax first, so the reader itself walks text known
// to be JSON; for text that is not, it walks up to the syntax error and
// reports it at the path of the value it was reading, as Token did.

// object is a decoded JSON object that remembers the order of its keys.
type object struct {
	keys   []string
	values []any // values[i] is the value of keys[i]
}

// smallObject is the most keys an object may have before the reader finds
// a key given twice with a map rather than by going through the keys.
const smallObject = 16

// maxDepth is how deeply JSON values may nest; a session needs five levels.
const maxDepth = 32

// jsonPath is a path into a document, written out only when an error names
// it. Its steps live in an arena, one for each level of depth, as only one
// path is walked at a time: a document is read without a step allocated
// for each of its values.
type jsonPath struct {
	parent  *jsonPath // nil for the document itself
	arena   *pathArena
	depth   int    // 0 for the document
	key     string // a field
	index   int    // an element of a list, if isIndex
	isIndex bool
}

// pathArena holds a path's steps, by depth: the document, and a step for
// each level a value may be nested, and one more for the value that is
// refused for being nested deeper.
type pathArena [maxDepth + 2]jsonPath

// documentPath returns the path of a document, in a new arena.
func documentPath() *jsonPath {
	arena := new(pathArena)
	arena[0].arena = arena
	return &arena[0]
}

// String returns the path as "people[2].region", or "" for the document.
func (p *jsonPath) String() string {
	var parts []*jsonPath
	for q := p; q != nil && q.depth > 0; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		q := parts[i]
		if q.isIndex {
			b.WriteString("[" + strconv.Itoa(q.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.key)
	}
	return b.String()
}

// field returns the path of field key of the object at p. It replaces the
// last path made at its depth.
func (p *jsonPath) field(key string) *jsonPath {
	c := &p.arena[p.depth+1]
	*c = jsonPath{parent: p, arena: p.arena, depth: p.depth + 1, key: key}
	return c
}

// elem returns the path of element i of the list at p. It replaces the
// last path made at its depth.
func (p *jsonPath) elem(i int) *jsonPath {
	c := &p.arena[p.depth+1]
	*c = jsonPath{parent: p, arena: p.arena, depth: p.depth + 1, index: i, isIndex: true}
	return c
}

// jsonReader reads one document.
type jsonReader struct {
	data  []byte
	pos   int
	end   int   // reading stops here: at len(data), or at the byte of a syntax error
	bad   error // the error at end when the document is not JSON: a *json.SyntaxError or io.ErrUnexpectedEOF
	lists map[string]listCheck
	stack []any // the elements of the lists being read, which get a slice of their length at their end

	keys   []string // the keys of the objects being read, and
	values []any    // their values, which, likewise, get slices of their length at their end

	seen map[string]string // the keys read so far, up to maxKeys of them
}

// readDocument reads data as one JSON document of nil, bool, json.Number,
// string, []any and *object values, refusing objects that give a key
// twice, values nested deeper than maxDepth, anything after the document,
// and lists of the document's top-level fields longer than the checks in
// lists allow; those are refused as soon as they pass their limit.
func readDocument(data []byte, lists map[string]listCheck) (any, error) {
	r := &jsonReader{data: data, end: len(data), lists: lists}
	if !json.Valid(data) {
		// Find the first byte that is not JSON. A NUL is never JSON, so with
		// one after the end the scanner stops at or before it; stopping at
		// it means the document is cut short rather than wrong.
		var raw json.RawMessage
		err := json.Unmarshal(append(data[:len(data):len(data)], 0), &raw)
		var se *json.SyntaxError
		if errors.As(err, &se) && int(se.Offset) <= len(data) {
			r.end, r.bad = max(int(se.Offset)-1, 0), se
		} else {
			r.bad = io.ErrUnexpectedEOF
		}
	}
	tree, err := r.value(documentPath(), 0)
	if err != nil {
		return nil, err
	}
	r.space()
	if r.pos < len(r.data) {
		return nil, &DecodeError{Err: errors.New("data after the end of the document")}
	}
	return tree, nil
}

// fail reports that the document ends, or stops being JSON, where the value
// at path was to be read.
func (r *jsonReader) fail(at *jsonPath) error {
	err := r.bad
	if err == nil { // not reached: the document is JSON, and JSON is never cut short
		err = io.ErrUnexpectedEOF
	}
	return &DecodeError{Path: at.String(), Err: err}
}

// space skips white space.
func (r *jsonReader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// more reports whether a list or object has another member: whether the
// next byte, past white space, is not the end of the list or object, as
// json.Decoder.More does.
func (r *jsonReader) more() bool {
	r.space()
	return r.pos < len(r.data) && r.data[r.pos] != ']' && r.data[r.pos] != '}'
}

// take consumes c, the next byte past white space, or returns false.
func (r *jsonReader) take(c byte) bool {
	r.space()
	if r.pos < r.end && r.data[r.pos] == c {
		r.pos++
		return true
	}
	return false
}

// deep refuses a value at path at nested more than maxDepth levels deep,
// before the comma or colon in front of it is read.
func deep(at *jsonPath, depth int) error {
	if depth > maxDepth {
		return &DecodeError{Path: at.String(), Err: fmt.Errorf("nested more than %d levels deep", maxDepth)}
	}
	return nil
}

// value reads the value at path at, nested depth levels deep.
func (r *jsonReader) value(at *jsonPath, depth int) (any, error) {
	if err := deep(at, depth); err != nil {
		return nil, err
	}
	r.space()
	if r.pos >= r.end {
		return nil, r.fail(at)
	}
	switch c := r.data[r.pos]; c {
	case '[':
		r.pos++
		return r.list(at, depth)
	case '{':
		r.pos++
		return r.object(at, depth)
	case '"':
		s, ok := r.str()
		if !ok {
			return nil, r.fail(at)
		}
		return s, nil
	case 't', 'f', 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if lit[0] == c {
				if r.pos+len(lit) > r.end || string(r.data[r.pos:r.pos+len(lit)]) != lit {
					return nil, r.fail(at)
				}
				r.pos += len(lit)
				switch lit {
				case "true":
					return true, nil
				case "false":
					return false, nil
				}
				return nil, nil
			}
		}
	default:
		if n, ok := r.number(); ok {
			return n, nil
		}
	}
	return nil, r.fail(at)
}

// list reads the rest of a list after its [.
func (r *jsonReader) list(at *jsonPath, depth int) (any, error) {
	var check listCheck
	if at.depth == 1 && !at.isIndex {
		check = r.lists[at.key]
	}
	base := len(r.stack)
	defer func() { r.stack = r.stack[:base] }()
	for r.more() {
		n := len(r.stack) - base
		elem := at.elem(n)
		if err := deep(elem, depth+1); err != nil {
			return nil, err
		}
		if n > 0 && !r.take(',') {
			return nil, r.fail(elem)
		}
		x, err := r.value(elem, depth+1)
		if err != nil {
			return nil, err
		}
		r.stack = append(r.stack, x)
		if check != nil {
			if err := check(n + 1); err != nil {
				err.Count = 0 // the rest of the list is not read
				return nil, &DecodeError{Path: at.String(), Err: err}
			}
		}
	}
	if !r.take(']') {
		return nil, r.fail(at)
	}
	if len(r.stack) == base {
		return []any(nil), nil // as json.Decoder's reader had it: an empty list is a nil []any
	}
	return slices.Clone(r.stack[base:]), nil
}

// object reads the rest of an object after its {.
func (r *jsonReader) object(at *jsonPath, depth int) (any, error) {
	base := len(r.keys)
	defer func() { r.keys, r.values = r.keys[:base], r.values[:base] }()
	var seen map[string]bool // the keys of a large object
	for r.more() {
		keys := r.keys[base:]
		if len(keys) > 0 && !r.take(',') {
			return nil, r.fail(at)
		}
		r.space()
		if r.pos >= r.end || r.data[r.pos] != '"' {
			return nil, r.fail(at)
		}
		key, ok := r.key()
		if !ok {
			return nil, r.fail(at)
		}
		field := at.field(key)
		dup := false
		switch {
		case len(keys) < smallObject:
			dup = slices.Contains(keys, key)
		case seen == nil:
			seen = make(map[string]bool, 2*smallObject)
			for _, k := range keys {
				seen[k] = true
			}
			fallthrough
		default:
			dup = seen[key]
			seen[key] = true
		}
		if dup {
			return nil, &DecodeError{Path: field.String(), Err: errors.New("field given twice")}
		}
		if err := deep(field, depth+1); err != nil {
			return nil, err
		}
		if !r.take(':') {
			return nil, r.fail(field)
		}
		x, err := r.value(field, depth+1)
		if err != nil {
			return nil, err
		}
		r.keys, r.values = append(r.keys, key), append(r.values, x)
	}
	if !r.take('}') {
		return nil, r.fail(at)
	}
	if len(r.keys) == base {
		return &object{}, nil
	}
	return &object{keys: slices.Clone(r.keys[base:]), values: slices.Clone(r.values[base:])}, nil
}

// maxKeys is how many distinct keys the reader keeps one string for.
const maxKeys = 256

// key reads the key of a field. The keys of a document repeat, one set for
// each person or entry, and each is made a string once.
func (r *jsonReader) key() (string, bool) {
	end := bytes.IndexByte(r.data[r.pos+1:min(r.end, len(r.data))], '"')
	if end < 0 || bytes.IndexByte(r.data[r.pos+1:r.pos+1+end], '\\') >= 0 {
		return r.str()
	}
	raw := r.data[r.pos+1 : r.pos+1+end]
	if key, ok := r.seen[string(raw)]; ok { // no string is made to look it up
		r.pos += end + 2
		return key, true
	}
	key, ok := r.str()
	if ok && len(r.seen) < maxKeys {
		if r.seen == nil {
			r.seen = map[string]string{}
		}
		r.seen[key] = key
	}
	return key, ok
}

// str reads a string, as encoding/json does: escapes decoded, and invalid
// UTF-8 replaced by U+FFFD.
func (r *jsonReader) str() (string, bool) {
	start := r.pos
	escaped := false
	for i := start + 1; i < r.end; i++ {
		switch c := r.data[i]; {
		case c == '\\':
			escaped = true
			i++ // the escaped byte cannot end the string
		case c == '"':
			r.pos = i + 1
			raw := r.data[start+1 : i]
			if !escaped && utf8.Valid(raw) {
				return string(raw), true
			}
			var s string
			if err := json.Unmarshal(r.data[start:i+1], &s); err != nil {
				return "", false // not reached: json.Valid has seen the string
			}
			return s, true
		case c < ' ':
			return "", false
		}
	}
	return "", false
}

// number reads a number, as json.Number.
func (r *jsonReader) number() (json.Number, bool) {
	start, i := r.pos, r.pos
	digits := func() bool {
		from := i
		for i < r.end && '0' <= r.data[i] && r.data[i] <= '9' {
			i++
		}
		return i > from
	}
	if i < r.end && r.data[i] == '-' {
		i++
	}
	switch {
	case i < r.end && r.data[i] == '0':
		i++
	case !digits():
		return "", false
	}
	if i < r.end && r.data[i] == '.' {
		i++
		if !digits() {
			return "", false
		}
	}
	if i < r.end && (r.data[i] == 'e' || r.data[i] == 'E') {
		i++
		if i < r.end && (r.data[i] == '+' || r.data[i] == '-') {
			i++
		}
		if !digits() {
			return "", false
		}
	}
	r.pos = i
	return json.Number(r.data[start:i]), true
}
