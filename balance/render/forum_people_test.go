package render_test

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/timeslot"
)

// TestForumInvalidAndRepeated renders a programme in which one session
// fails validation and people appear in two sessions in different roles:
// every format marks the invalid session "invalid", not "plan", and lists
// each person in more than one session with the roles of each, a private
// name as one that is not shown.
func TestForumInvalidAndRepeated(t *testing.T) {
	session := func(title string, people ...agenda.Person) agenda.Session {
		s := agenda.Session{Title: title, Format: agenda.FormatOnsite, Slot: timeslot.Slot{Length: 20 * time.Minute}, People: people}
		var speakers []string
		for _, p := range people {
			if slices.Contains(p.Roles, agenda.RoleSpeaker) {
				speakers = append(speakers, p.Name)
			}
		}
		s.Segments = []agenda.Segment{{Title: "Talks", Kind: "discussion", Length: 20 * time.Minute, Speakers: speakers, Facilitators: []string{people[0].Name}}}
		return s
	}
	role := func(r ...agenda.Role) []agenda.Role { return r }
	valid := session("Valid talk",
		agenda.Person{Name: "Mia Chen", Roles: role(agenda.RoleModerator), Mode: agenda.ModeOnsite},
		agenda.Person{Name: "Sekrit Person", Roles: role(agenda.RoleSpeaker), Mode: agenda.ModeOnsite, Private: []string{"name"}},
		agenda.Person{Name: "Ola Nowak", Roles: role(agenda.RoleSpeaker), Mode: agenda.ModeOnsite})
	invalid := session("Overrun talk",
		agenda.Person{Name: "Ola Nowak", Roles: role(agenda.RoleModerator), Mode: agenda.ModeOnsite},
		agenda.Person{Name: "Sekrit Person", Roles: role(agenda.RoleSpeaker), Mode: agenda.ModeOnsite})
	invalid.Slot.Length = 10 * time.Minute // the talks take 20
	forum, err := balance.ForumReport(&agenda.Programme{Sessions: []agenda.Session{valid, invalid}}, balance.Policy{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]func(io.Writer, *render.Document) error{
		"text": render.Text, "markdown": render.Markdown, "html": render.HTML, "csv": render.CSV,
	}
	for name, write := range formats {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf, &render.Document{Forum: forum}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, row := range []string{`Valid talk[^\n]*\bplan\b`, `Overrun talk[^\n]*\binvalid\b`} {
				if !regexp.MustCompile(row).MatchString(out) {
					t.Errorf("the %s report has no session row matching %q:\n%s", name, row, out)
				}
			}
			for _, want := range []string{"Ola Nowak", "Valid talk (speaker)", "Overrun talk (moderator)", "a person whose name is not shown"} {
				if !strings.Contains(out, want) {
					t.Errorf("the %s report lacks %q:\n%s", name, want, out)
				}
			}
			if strings.Contains(out, "Sekrit") {
				t.Errorf("the %s report shows a private name:\n%s", name, out)
			}
		})
	}
}
