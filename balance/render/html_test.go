package render_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fairfloor/fairfloor/balance/render"
)

func TestHTML(t *testing.T) {
	for _, tc := range documents(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.HTML(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			golden(t, "html/"+tc.name+".html", buf.Bytes())
		})
	}
}

func TestHTMLDeterministic(t *testing.T) {
	for _, tc := range documents(t) {
		var a, b bytes.Buffer
		if err := render.HTML(&a, tc.doc); err != nil {
			t.Fatal(err)
		}
		if err := render.HTML(&b, tc.doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renders differ", tc.name)
		}
	}
}

func TestHTMLPrivacy(t *testing.T) {
	for _, tc := range privacyCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.HTML(&buf, tc.doc); err != nil {
				t.Fatal(err)
			}
			checkPrivacy(t, buf.String(), tc.hidden, tc.show)
		})
	}
}

// htmlTestTags are the elements the page and its chart are made of.
var htmlTestTags = []string{"b", "body", "caption", "div", "figure", "footer", "g", "h1", "h2", "head", "header", "html",
	"li", "main", "meta", "ol", "p", "path", "span", "style", "svg", "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul"}

// TestHTMLInjection checks that text from the session comes out escaped and
// whole, and never as markup.
func TestHTMLInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := render.HTML(&buf, document(t, injection())); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, m := range regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)`).FindAllStringSubmatch(out, -1) {
		if !slices.Contains(htmlTestTags, strings.ToLower(m[1])) {
			t.Errorf("page has a <%s> element", m[1])
		}
	}
	if m := regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).FindString(out); m != "" {
		t.Errorf("page has an event handler: %s", m)
	}
	for _, bad := range []string{"<b>bold", "</td><script"} {
		if strings.Contains(out, bad) {
			t.Errorf("page contains %q as markup", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"Ann Lee", // a value is on one line in every format
		"Bob &#34;Bobby&#34; O&#39;Neil, Jr.",
		"=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)",
		"&lt;img src=x onerror=alert(2)&gt;",
		"<title>Panel &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34; – run of show</title>",
		"Question A: &lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestHTMLPage checks what makes the page self-contained, responsive and
// printable on one A4 page.
func TestHTMLPage(t *testing.T) {
	var buf bytes.Buffer
	if err := render.HTML(&buf, document(t, roundtable())); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		"@page { size: A4; margin: 12mm; }",
		"@media print",
		"@media (max-width: 40rem)",
		`<svg role="img" aria-label=`,
		`data-label="Person"`,
		`<span class="time">10:10–10:30</span> <b>Question A: awareness in diplomatic organizations</b>`,
		"led by James Shires, Fasya Teixeira",
		" Asia/Qatar</span>", // an online speaker's own clock
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "<img", "src=", "href=", "@import", "url(", "<?xml"} {
		if strings.Contains(out, bad) {
			t.Errorf("page is not self-contained or not plain: it contains %q", bad)
		}
	}
}

func TestChartsNoSession(t *testing.T) {
	for name, r := range map[string]func(*bytes.Buffer, *render.Document) error{
		"HTML": func(b *bytes.Buffer, d *render.Document) error { return render.HTML(b, d) },
		"SVG":  func(b *bytes.Buffer, d *render.Document) error { return render.SVG(b, d) },
		"PNG":  func(b *bytes.Buffer, d *render.Document) error { return render.PNG(b, d) },
	} {
		if err := r(new(bytes.Buffer), &render.Document{}); err == nil {
			t.Errorf("%s of a document without a session: no error", name)
		}
	}
}
