package schedule_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/agenda/schedule"
)

// xmllint returns the path of xmllint, from Debian's libxml2-utils, the
// validator c3voc's own validator/xsd/validate_schedule_xml.sh runs, or ""
// if it is not installed. .ci/run installs it and sets
// FAIRFLOOR_XMLLINT=required, so that CI never skips the check: then a
// missing xmllint fails the test.
func xmllint(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("FAIRFLOOR_XMLLINT") == "required" {
			t.Fatalf("xmllint is missing (apt-get install libxml2-utils): %v", err)
		}
		return ""
	}
	return path
}

const noXmllint = "xmllint is not installed (Debian's libxml2-utils); .ci/run installs it"

// validateXML checks doc against testdata/schedule.xml.xsd with xmllint,
// and returns what xmllint says when it does not validate. It skips the
// test when xmllint is not installed, outside CI.
func validateXML(t *testing.T, doc []byte) (string, bool) {
	t.Helper()
	lint := xmllint(t)
	if lint == "" {
		t.Skip(noXmllint)
	}
	file := filepath.Join(t.TempDir(), "schedule.xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--nonet", "--schema", filepath.Join("testdata", "schedule.xml.xsd"), file).CombinedOutput()
	return string(out), err == nil
}

// jsonSchema compiles testdata/schema.json, as draft-06 as its $schema
// says, asserting formats (uri, date, date-time, uuid) rather than only
// noting them, as c3voc's check-jsonschema does.
func jsonSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft6)
	c.AssertFormat()
	const url = "https://c3voc.de/schedule/schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateJSON(t *testing.T, sch *jsonschema.Schema, doc []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(v)
}

// TestXMLSchema writes the test forum, and a programme of one session,
// and checks each against the c3voc XSD; then checks that the validator
// does refuse a document the schema forbids, so that the check can fail.
func TestXMLSchema(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  func(t *testing.T) []byte
		ok   bool
	}{
		{"forum", func(t *testing.T) []byte { return writeXML(t, forum(t)) }, true},
		{"one session", func(t *testing.T) []byte { return writeXML(t, one(t)) }, true},
		{"an event without its guid", func(t *testing.T) []byte {
			doc := writeXML(t, one(t))
			return []byte(strings.Replace(string(doc), ` guid="`, ` guide="`, 1))
		}, false},
		{"two events of one id", func(t *testing.T) []byte {
			doc := string(writeXML(t, forum(t)))
			first := doc[strings.Index(doc, `<event id="`)+len(`<event id="`):]
			id := first[:strings.IndexByte(first, '"')]
			last := strings.LastIndex(doc, `<event id="`) + len(`<event id="`)
			end := last + strings.IndexByte(doc[last:], '"')
			return []byte(doc[:last] + id + doc[end:])
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			out, ok := validateXML(t, doc)
			if ok != tc.ok {
				t.Errorf("xmllint: valid %v, want %v:\n%s\n%s", ok, tc.ok, out, doc)
			}
		})
	}
}

// TestJSONSchema checks the written schedule.json against the c3voc JSON
// Schema, and that the schema refuses its own invalid example and a
// written document with an event's required field taken out.
func TestJSONSchema(t *testing.T) {
	sch := jsonSchema(t)
	invalid := read(t, "invalid-example.json")
	for _, tc := range []struct {
		name string
		doc  func(t *testing.T) []byte
		ok   bool
	}{
		{"forum", func(t *testing.T) []byte { return writeJSON(t, forum(t)) }, true},
		{"one session", func(t *testing.T) []byte { return writeJSON(t, one(t)) }, true},
		{"c3voc's invalid example", func(t *testing.T) []byte { return invalid }, false},
		{"c3voc's pretalx example, which its validator passes", func(t *testing.T) []byte { return read(t, "pretalx-democon.json") }, true},
		{"an event without its slug", func(t *testing.T) []byte {
			return []byte(strings.Replace(string(writeJSON(t, one(t))), `"slug":`, `"slug_":`, 1))
		}, false},
		{"a person of frab's and pretalx's kinds at once", func(t *testing.T) []byte {
			return []byte(strings.Replace(string(writeJSON(t, forum(t))), `"public_name":`, `"id": 1, "public_name":`, 1))
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := validateJSON(t, sch, tc.doc(t))
			if (err == nil) != tc.ok {
				t.Errorf("valid %v, want %v: %v", err == nil, tc.ok, err)
			}
		})
	}
}

func writeXML(t testing.TB, p *agenda.Programme) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, p, schedule.Options{Version: "1.0"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeJSON(t testing.TB, p *agenda.Programme) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := schedule.WriteJSON(&b, p, schedule.Options{Version: "1.0"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// read returns the file of testdata.
func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
