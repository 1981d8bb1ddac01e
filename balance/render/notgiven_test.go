package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

// notGiven is the roundtable with two of its seven speakers giving no
// stakeholder group: the table of stakeholder groups has a "(not given)"
// row, and its shares are of the other five.
func notGiven() *agenda.Session {
	s := roundtable()
	s.People[4].Stakeholder = "" // Bassant Hassib
	s.People[5].Stakeholder = "" // Droz Serge
	return s
}

// TestNotGivenRows: every format shows the speakers who give no value as a
// row of their own, without a share, says over whom the shares are, and
// shows a region outside the UN regional groups as what it is.
func TestNotGivenRows(t *testing.T) {
	doc := document(t, notGiven())
	balances, _ := doc.Balances()
	for _, b := range balances {
		last := b.Groups[len(b.Groups)-1]
		switch b.Dimension.Name() {
		case "stakeholder":
			if !last.NotGiven || last.Name != "(not given)" || last.Speakers != 2 || last.HasShare() {
				t.Errorf("stakeholder: last row %+v, want (not given), 2 speakers, no share", last)
			}
			if want := "shares of the 5 of 7 speakers who give a stakeholder group"; b.Over() != want {
				t.Errorf("stakeholder: Over() = %q, want %q", b.Over(), want)
			}
			total := 0.0
			for _, g := range b.Groups {
				total += g.Share
			}
			if total < 1-1e-9 || total > 1+1e-9 {
				t.Errorf("stakeholder: shares add up to %v, want 1 over the speakers who give a group", total)
			}
		case "region":
			for _, g := range b.Groups {
				if g.Outside != (g.Name == string("Intergovernmental Organization")) || (g.Outside && g.HasShare()) {
					t.Errorf("region: %+v", g)
				}
			}
		}
	}
	tests := []struct {
		name   string
		render func(*bytes.Buffer, *render.Document) error
		want   []string // regular expressions
	}{
		{"text", func(b *bytes.Buffer, d *render.Document) error { return render.Text(b, d) }, []string{
			`\n  \(not given\) +2 +\S+ +– +–\n  shares of the 5 of 7 speakers who give a stakeholder group\n`,
			`\n  Intergovernmental Organization \(not a UN regional group\) +3 +\S+ +– +–\n`,
			`\nFindings of the line-up\n`, `\nFindings of the plan\n`,
			`2 of 7 speakers give no stakeholder group`,
		}},
		{"markdown", func(b *bytes.Buffer, d *render.Document) error { return render.Markdown(b, d) }, []string{
			`\| \(not given\) \| 2 \| \S+ \| – \| – \|`,
			`Shares of the 5 of 7 speakers who give a stakeholder group\.`,
			`## Findings of the line-up`, `## Findings of the plan`,
		}},
		{"html", func(b *bytes.Buffer, d *render.Document) error { return render.HTML(b, d) }, []string{
			`<td>\(not given\)</td><td class="num">2</td><td class="num">\S+</td><td class="num">–</td><td class="num">–</td>`,
			`shares of the 5 of 7 speakers who give a stakeholder group`,
			`<h2>Findings of the line-up</h2>`, `<h2>Findings of the plan</h2>`,
		}},
		{"json", func(b *bytes.Buffer, d *render.Document) error { return render.JSON(b, d) }, []string{
			`"group": "\(not given\)",\s+"speakers": 2,\s+"counted": 5,\s+"not_given": true`,
			`"outside": true`, `"scope": "line-up"`, `"scope": "plan"`,
		}},
		{"svg", func(b *bytes.Buffer, d *render.Document) error { return render.SVG(b, d) }, []string{
			`By stakeholder: shares of all speaking time`, `>\(not given\)<`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, doc); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !regexp.MustCompile(w).MatchString(buf.String()) {
					t.Errorf("output lacks %s", w)
				}
			}
			if strings.Contains(buf.String(), "no speaker from the African Group, the Asia-Pacific Group, the Eastern European Group, GRULAC or WEOG") {
				t.Errorf("every region is reported missing")
			}
		})
	}
}

// TestForumNotGiven: of the seeds' 19 speakers, 2 give a gender, both
// women. The forum's chart draws them as their share of all speaking time,
// beside a bar of the 17 who give none, not as "woman 100%"; its tables
// have a "(not given)" row and say over whom the shares are.
func TestForumNotGiven(t *testing.T) {
	doc := &render.Document{Forum: forumReport(t, forumSeeds(t), balance.Presets())}
	var svg, text bytes.Buffer
	if err := render.SVG(&svg, doc); err != nil {
		t.Fatal(err)
	}
	if err := render.Text(&text, doc); err != nil {
		t.Fatal(err)
	}
	labels := regexp.MustCompile(`>([^<>]*)</text>`).FindAllStringSubmatch(svg.String(), -1)
	var gender []string
	in := false
	for _, m := range labels {
		switch {
		case strings.HasPrefix(m[1], "By gender"):
			in = true
		case strings.HasPrefix(m[1], "By "):
			in = false
		case in:
			gender = append(gender, m[1])
		}
	}
	joined := strings.Join(gender, "|")
	if !strings.Contains(joined, "(not given)") || strings.Contains(joined, "100% (target") {
		t.Errorf("the gender chart shows %q; want a (not given) bar and no group at 100%%", joined)
	}
	for _, w := range []string{
		`\n  \(not given\) +17 +\S+ +– +–\n  shares of the 2 of 19 speakers who give a gender\n`,
		`\n  Intergovernmental Organization \(not a UN regional group\) +3 +\S+ +– +–\n`,
	} {
		if !regexp.MustCompile(w).MatchString(text.String()) {
			t.Errorf("forum text lacks %s", w)
		}
	}
}
