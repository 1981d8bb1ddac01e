package render_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/render"
)

func TestJSON(t *testing.T) {
	for _, tc := range formatDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.JSON(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, "json/"+tc.name+".golden", buf.Bytes())
		})
	}
}

// TestJSONRoundTrip decodes what JSON writes and encodes it again, which
// must give the same bytes, and the same value as the document gives.
func TestJSONRoundTrip(t *testing.T) {
	for _, tc := range formatDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := render.JSON(&first, tc.doc); err != nil {
				t.Fatal(err)
			}
			out, err := render.DecodeJSON(bytes.NewReader(first.Bytes()))
			if err != nil {
				t.Fatalf("DecodeJSON: %v", err)
			}
			if diff := cmp.Diff(render.NewOutput(tc.doc), out, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("decoded output mismatch (-want +got):\n%s", diff)
			}
			var second bytes.Buffer
			if err := out.Encode(&second); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first.String(), second.String()); diff != "" {
				t.Errorf("re-encoded JSON mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONPrivacy(t *testing.T) {
	for _, tc := range formatPrivacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.JSON(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			formatCheckPrivacy(t, buf.String(), tc.hidden, tc.show)
		})
	}
}

// TestJSONFindingPeople checks that the people of findings are named as
// the rows name them: by name in a named session, as "person 3" otherwise.
func TestJSONFindingPeople(t *testing.T) {
	s := formatPanel()
	for i := range s.People { // one gender for all, so that a finding names people
		s.People[i].Gender = "woman"
	}
	for _, tc := range []struct {
		name   string
		redact bool
		want   string
	}{
		{"named", false, "Sione Tupou"},
		{"redacted", true, "person 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := formatDocument(t, s)
			doc.Redact = tc.redact
			out := render.NewOutput(doc)
			var people []string
			for _, f := range out.Findings {
				people = append(people, f.People...)
			}
			if !slices.Contains(people, tc.want) {
				t.Errorf("findings name %q, want %q among them", people, tc.want)
			}
			if tc.redact && slices.Contains(people, "Sione Tupou") {
				t.Errorf("findings of a redacted document name %q", people)
			}
		})
	}
}

// TestJSONInjection checks that markup is escaped in the JSON text and
// that the names decode whole.
func TestJSONInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := render.JSON(&buf, formatDocument(t, formatInjection())); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<img", "<b>", "</td>", "<i>"} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("JSON contains %q unescaped", bad)
		}
	}
	out, err := render.DecodeJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range out.Rows {
		texts = append(texts, r.Who, r.Organization, r.Title)
		texts = append(texts, r.Leaders...)
	}
	for _, sp := range out.Speaking {
		texts = append(texts, sp.Who)
	}
	for _, want := range append(injectedTexts(), `Panel: </td><script>alert(3)</script>`) {
		if !slices.Contains(texts, want) {
			t.Errorf("nothing decodes as %q", want)
		}
	}
	if want := `Panel <b>bold</b> & "quoted"`; out.Title != want {
		t.Errorf("title decodes as %q, want %q", out.Title, want)
	}
}

// TestDecodeJSONErrors checks that DecodeJSON is strict and says where.
func TestDecodeJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, path string
	}{
		{"unknown field", `{"title":"x","colour":1}`, "colour"},
		{"field given twice", `{"title":"x","title":"y"}`, "title"},
		{"length as a number", `{"slot":{"length":5400000000000}}`, "slot.length"},
		{"negative length", `{"rows":[{"length":"-5m"}]}`, "rows[0].length"},
		{"unknown mode", `{"rows":[{"mode":"telepathic"}]}`, "rows[0].mode"},
		{"time not RFC 3339", `{"rows":[{"start":"10:00"}]}`, "rows[0].start"},
		{"unknown field in a row", `{"rows":[{"person":"x"}]}`, "rows[0].person"},
		{"data after the object", `{"title":"x"} {}`, ""},
		{"not an object", `[1]`, ""},
		{"truncated", `{"title":`, "title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := render.DecodeJSON(strings.NewReader(tc.in))
			var de *agenda.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeJSON(%s) = %v, want a *agenda.DecodeError", tc.in, err)
			}
			if de.Field != tc.path {
				t.Errorf("DecodeJSON(%s): error at %q, want %q (%v)", tc.in, de.Field, tc.path, err)
			}
		})
	}
}

func TestJSONNoSession(t *testing.T) {
	if err := render.JSON(new(bytes.Buffer), &render.Document{}); err == nil {
		t.Error("JSON of a document without a session: no error")
	}
}
