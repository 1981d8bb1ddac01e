package agenda

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenReadDocument is the reader readDocument replaced, on
// json.Decoder.Token: slow, but the reference its results are checked
// against.
func tokenReadDocument(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tree, err := tokenReadValue(dec, "", 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &DecodeError{Err: errors.New("data after the end of the document")}
	}
	return tree, nil
}

// tokenReadValue reads one JSON value as nil, bool, json.Number, string, []any or
// *object, refusing objects that give a key twice and values nested deeper
// than maxDepth.
func tokenReadValue(dec *json.Decoder, path string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, &DecodeError{Path: path, Err: fmt.Errorf("nested more than %d levels deep", maxDepth)}
	}
	tok, err := tokenNext(dec, path)
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('['):
		var list []any
		for dec.More() {
			x, err := tokenReadValue(dec, fmt.Sprintf("%s[%d]", path, len(list)), depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, x)
		}
		return list, tokenClose(dec, path)
	case json.Delim('{'):
		obj := &object{}
		values := map[string]any{}
		for dec.More() {
			tok, err := tokenNext(dec, path)
			if err != nil {
				return nil, err
			}
			key, ok := tok.(string)
			if !ok { // the decoder yields only string keys, but never trust a type assertion with input
				return nil, &DecodeError{Path: path, Err: errors.New("object key is not a string")}
			}
			at := join(path, key)
			if _, dup := values[key]; dup {
				return nil, &DecodeError{Path: at, Err: errors.New("field given twice")}
			}
			x, err := tokenReadValue(dec, at, depth+1)
			if err != nil {
				return nil, err
			}
			obj.keys = append(obj.keys, key)
			obj.values = append(obj.values, x)
			values[key] = x
		}
		return obj, tokenClose(dec, path)
	}
	return tok, nil
}

// tokenClose reads the ] or } that ends a list or object.
func tokenClose(dec *json.Decoder, path string) error {
	_, err := tokenNext(dec, path)
	return err
}

// tokenNext reads the next token of a document that is not finished yet, so the
// end of the input there is io.ErrUnexpectedEOF, never io.EOF, which callers
// take for a clean end.
func tokenNext(dec *json.Decoder, path string) (json.Token, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, &DecodeError{Path: path, Err: err}
	}
	return tok, nil
}

// readDocumentInputs are documents, JSON or not, on which readDocument and
// the Token reader must agree.
var readDocumentInputs = []string{
	``, ` `, `null`, `true`, `false`, `0`, `-1.5e+3`, `"s"`, `[]`, `{}`, `[1, 2, 3]`,
	`{"a": 1, "b": [true, false, null], "c": {"d": "e"}}`,
	`{"title": "caf\u00e9 \"q\" \\ \/", "x": "\ud83d\ude00"}`,
	"{\"bad utf-8\": \"\xff\xfe\"}",
	`{"a": [1, 2 3]}`, `{"a": 1 "b": 2}`, `[1,]`, `{"t": "A"} x`, `{"t": "A`, `{"t"`, `{"t":`, `{"t" 1}`,
	`{"a":01}`, "{\"a\":\"x\x01y\"}", `[}`, `{]`, `{"a":tru}`, `{"a":-}`, `{"a":1.}`, `{"a":1e}`, `{"a":.5}`,
	`{"a": [1, [2, {"b": [}]]}`, `{"a": {"a": {"a": 1, "a": 2}}}`, `[[[`, `]`, `}`, `,`, `:`, `{,}`, `{"a":1,}`,
	`{"title": "A"} {"title": "B"}`, `{"title": "A"}  ` + "\n",
	`{"": 1}`, `{"": {"": [{"": 2}]}}`, `{"a": 1, "": 2, "a": 3}`,
	strings.Repeat("[", 40) + strings.Repeat("]", 40),
	`{"a": ` + strings.Repeat(`{"b": `, 40) + `1` + strings.Repeat("}", 40) + `}`,
}

func TestReadDocumentMatchesToken(t *testing.T) {
	inputs := readDocumentInputs
	for _, tt := range decodeErrorTests {
		inputs = append(inputs, tt.input)
	}
	for _, in := range inputs {
		checkReadDocument(t, []byte(in))
	}
}

// FuzzReadDocument checks readDocument against the Token reader.
func FuzzReadDocument(f *testing.F) {
	for _, in := range readDocumentInputs {
		f.Add([]byte(in))
	}
	for _, tt := range decodeErrorTests {
		f.Add([]byte(tt.input))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkReadDocument(t, data) })
}

// checkReadDocument checks that readDocument reads data as the Token reader
// does: the same tree, or an error at the same path, with io.ErrUnexpectedEOF
// for the same documents.
func checkReadDocument(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := tokenReadDocument(data)
	got, err := readDocument(data, nil)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("readDocument(%q) = %v, %v; the Token reader: %v, %v", data, got, err, want, wantErr)
	}
	if err == nil {
		if !reflect.DeepEqual(want, got) { // cmp.Diff takes exponential time on deeply nested lists
			t.Fatalf("readDocument(%q) mismatch (-Token +readDocument):\n%s", data, cmp.Diff(want, got, cmp.AllowUnexported(object{})))
		}
		return
	}
	var de, wantDE *DecodeError
	if !errors.As(err, &de) || !errors.As(wantErr, &wantDE) {
		t.Fatalf("readDocument(%q) error %T %v, want a *DecodeError as the Token reader's %v", data, err, err, wantErr)
	}
	if de.Path != wantDE.Path {
		t.Errorf("readDocument(%q) error at %q: %v; the Token reader's at %q: %v", data, de.Path, err, wantDE.Path, wantErr)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) != errors.Is(wantErr, io.ErrUnexpectedEOF) {
		t.Errorf("readDocument(%q) error %v; the Token reader's %v: one is io.ErrUnexpectedEOF, the other not", data, err, wantErr)
	}
}
