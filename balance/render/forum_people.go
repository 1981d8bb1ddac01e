package render

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/balance"
)

// forumRepeated is a person in more than one session, as the forum formats
// show them.
type forumRepeated struct {
	Who      string
	Sessions []string // "Title (speaker)", one per session, in programme order
}

// forumRepeatedHeading heads the list of people in more than one session.
const forumRepeatedHeading = "People in more than one session, in any role"

// repeatedView returns the people of the forum in more than one session,
// privacy applied as for the frequent speakers.
func (d *Document) repeatedView(f *balance.Forum) []forumRepeated {
	var out []forumRepeated
	for _, rp := range f.Repeated {
		p := forumRepeated{Who: shown(rp.Name)}
		if rp.Private || d.Redact {
			p.Who = "a person whose name is not shown"
		}
		for _, ap := range rp.Appearances {
			roles := make([]string, len(ap.Roles))
			for i, r := range ap.Roles {
				roles[i] = string(r)
			}
			if len(roles) == 0 {
				roles = []string{"no role given"}
			}
			p.Sessions = append(p.Sessions, fmt.Sprintf("%s (%s)", shown(f.Programme.Sessions[ap.Session].Title), strings.Join(roles, ", ")))
		}
		out = append(out, p)
	}
	return out
}

// forumRepeatedText writes the people in more than one session as a
// text table.
func forumRepeatedText(w *bufio.Writer, v *forumView) {
	fmt.Fprintf(w, "\n%s\n", forumRepeatedHeading)
	if len(v.Repeated) == 0 {
		fmt.Fprintln(w, "  nobody")
		return
	}
	rows := [][]string{{"person", "sessions", "as"}}
	for _, p := range v.Repeated {
		rows = append(rows, []string{p.Who, strconv.Itoa(len(p.Sessions)), strings.Join(p.Sessions, "; ")})
	}
	textTable(w, rows)
}

// forumRepeatedMarkdown writes the people in more than one session as a
// Markdown table.
func forumRepeatedMarkdown(b *bytes.Buffer, v *forumView) {
	fmt.Fprintf(b, "\n## %s\n\n", forumRepeatedHeading)
	if len(v.Repeated) == 0 {
		b.WriteString("Nobody.\n")
		return
	}
	mdRow(b, "Person", "Sessions", "As")
	b.WriteString("| --- | ---: | --- |\n")
	for _, p := range v.Repeated {
		mdRow(b, p.Who, strconv.Itoa(len(p.Sessions)), strings.Join(p.Sessions, "; "))
	}
}

// forumRepeatedCSV writes a "person" row for each person in more than one
// session, with row, the cell writer of [forumCSV].
func forumRepeatedCSV(row func(map[string]string), v *forumView) {
	for _, p := range v.Repeated {
		row(map[string]string{"table": "person", "session": strings.Join(p.Sessions, "; "), "people": p.Who, "sessions": strconv.Itoa(len(p.Sessions))})
	}
}

// sessionSource returns where a session's report comes from: "plan",
// "invalid" for a session that fails validation and is reported from its
// draft, "draft" for one no plan meets, "none" for one that cannot be
// reported.
func sessionSource(fs balance.ForumSession) string {
	switch {
	case fs.Report == nil:
		return "none"
	case fs.Invalid:
		return "invalid"
	case fs.Err != nil:
		return "draft"
	}
	return "plan"
}
