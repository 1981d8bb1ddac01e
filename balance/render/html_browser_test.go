package render_test

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/render"
)

// htmlMeasure is the script TestHTMLInBrowser adds to a copy of a page (the
// page itself has none): it lists every element that reaches past the
// right edge of the window, and the page's width if it scrolls sideways,
// in a <pre id="overflow"> that --dump-dom then prints.
const htmlMeasure = `<script>
const w = document.documentElement.clientWidth, out = [];
if (document.documentElement.scrollWidth > w) out.push("the page is " + document.documentElement.scrollWidth + "px wide in a window of " + w + "px");
for (const e of document.querySelectorAll("body *")) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.right > w + 0.5) out.push("<" + e.tagName.toLowerCase() + "> ends at " + Math.round(r.right) + "px: " + (e.textContent || "").slice(0, 60));
}
const pre = document.createElement("pre");
pre.id = "overflow";
pre.textContent = out.join("\n");
document.body.appendChild(pre);
</script>`

// htmlLong is the roundtable with the longest values a page must hold
// without reaching past the window: a title, an organization and a name
// without a space to break at, and a group outside the UN's set.
func htmlLong() *agenda.Session {
	s := roundtable()
	word := "Cyberdiplomatiekonferentiedeelnemersregistratie" // Dutch runs words together
	s.Title = "Cyber diplomacy in action: " + strings.Repeat(word, 3)
	s.Room = strings.Repeat("Zaal", 30)
	s.People[0].Organization = strings.Repeat("ECCRI", 20)
	rename(s, "Bassant Hassib", "Bassant "+strings.Repeat("Abdelrahman", 8))
	s.Segments[1].Title = "Question A: " + strings.Repeat(word, 2)
	s.Segments[1].Track = strings.Repeat("Track", 15)
	s.Questions[0].Text = strings.Repeat(word, 3)
	return s
}

// TestHTMLInBrowser lays the page out in headless Chromium in a window 1,000
// pixels wide, as a laptop shows it, and one 500 wide, where the table
// becomes a list as on a phone, and
// checks that nothing reaches past its right edge: no table, cell, chart
// or text, for the roundtable holding values without a space to break at. examples/runofshow's test of the same name checks that the
// page prints on one A4 page. .ci/run installs Chromium and sets
// FAIRFLOOR_BROWSER=required, so that CI never skips it; elsewhere it is
// skipped when Chromium is missing.
func TestHTMLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("FAIRFLOOR_BROWSER") == "required" {
			t.Fatalf("chromium missing: %v", err)
		}
		t.Skip("chromium is not installed; .ci/run installs it")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		s     *agenda.Session
		width int
	}{
		// The roundtable's own values would do at 1,000 pixels: issue 15
		// found its table of regional groups 5 pixels too wide there.
		{"long values", htmlLong(), 1000},
		{"long values in a narrow window", htmlLong(), 500}, // as narrow as headless Chromium goes; the table is a list there
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // most of the time is Chromium starting
			var buf bytes.Buffer
			if err := render.HTML(&buf, document(t, tc.s)); err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".html")
			if err := os.WriteFile(page, bytes.Replace(buf.Bytes(), []byte("</body>"), []byte(htmlMeasure+"</body>"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			out, err := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(),
				"--window-size="+strconv.Itoa(tc.width)+",900", "--virtual-time-budget=2000", "--dump-dom", "file://"+page).Output()
			if err != nil {
				t.Fatalf("chromium: %v", err)
			}
			m := regexp.MustCompile(`(?s)<pre id="overflow">(.*?)</pre>`).FindSubmatch(out)
			if m == nil {
				t.Fatalf("the measuring script did not run:\n%.2000s", out)
			}
			if found := html.UnescapeString(string(m[1])); found != "" {
				t.Errorf("in a window %dpx wide, the page reaches past its right edge:\n%s", tc.width, found)
			}
		})
	}
}
