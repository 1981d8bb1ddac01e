package floor

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/live"
	"github.com/fairfloor/fairfloor/balance/render"
)

// view is the state as the pages read it: names as the document may show
// them, durations in milliseconds.
type view struct {
	Seq      int       `json:"seq"`
	Floor    floorView `json:"floor"`
	Next     []person  `json:"next"`
	Segment  string    `json:"segment"`
	Speakers []speaker `json:"speakers"`
	Groups   []group   `json:"groups"`
	WrapUp   int64     `json:"wrapUp"`
	Outside  int64     `json:"outside"`
	Paused   int64     `json:"paused"`
}

type person struct {
	Name  string `json:"name"`
	Index int    `json:"index"` // in the session's people: what the timekeeper's buttons send
}

type floorView struct {
	Speaker   string      `json:"speaker"` // empty when nobody
	Mode      agenda.Mode `json:"mode"`
	Spoken    int64       `json:"spoken"`
	Allotted  int64       `json:"allotted"`
	Left      int64       `json:"left"`
	Running   bool        `json:"running"`
	Break     string      `json:"break"` // the kind of interruption under way, if any
	BreakName string      `json:"breakName"`
	Since     int64       `json:"since"` // Unix milliseconds when the turn began
}

type speaker struct {
	Name    string      `json:"name"`
	Mode    agenda.Mode `json:"mode"`
	Planned int64       `json:"planned"`
	Actual  int64       `json:"actual"`
	Turns   int         `json:"turns"`
}

type group struct {
	Dimension string  `json:"dimension"`
	Group     string  `json:"group"`
	Planned   int64   `json:"planned"`
	Actual    int64   `json:"actual"`
	Target    float64 `json:"target"`
	Share     float64 `json:"share"`
}

func ms(d time.Duration) int64 { return d.Milliseconds() }

// newView turns a state into what the pages show of it.
func newView(doc *render.Document, st *live.State) ([]byte, error) {
	s := doc.Session()
	roster := s.Roster()
	v := view{Seq: st.Seq, WrapUp: ms(st.WrapUp), Outside: ms(st.Outside), Paused: ms(st.Paused), Next: []person{}, Speakers: []speaker{}, Groups: []group{}}
	f := st.Floor
	v.Floor = floorView{Mode: f.Mode, Spoken: ms(f.Spoken), Allotted: ms(f.Allotted), Left: ms(f.Left), Running: f.Running, Break: string(f.Break), BreakName: f.BreakName}
	if f.Speaker != "" {
		v.Floor.Speaker = doc.Who(f.Speaker)
		v.Floor.Since = f.Since.UnixMilli()
	}
	if f.Break == "pause" {
		v.Floor.BreakName = v.Floor.Speaker // the pause names the speaker, who may be hidden
	}
	for _, name := range st.Next {
		v.Next = append(v.Next, person{Name: doc.Who(name), Index: roster.Index(name)})
	}
	if st.Segment >= 0 {
		v.Segment = s.Segments[st.Segment].Title
	}
	for _, sp := range st.Speakers {
		v.Speakers = append(v.Speakers, speaker{Name: doc.Who(sp.Name), Mode: sp.Mode, Planned: ms(sp.Planned), Actual: ms(sp.Actual), Turns: sp.Turns})
	}
	for _, g := range st.Groups {
		v.Groups = append(v.Groups, group{Dimension: g.Dimension, Group: g.Group, Planned: ms(g.Planned), Actual: ms(g.Actual), Target: g.Target, Share: g.Share})
	}
	return json.Marshal(v)
}

// speakersOf returns the people who speak in any segment, in the order of
// the session's people, as the timekeeper's buttons list them.
func speakersOf(doc *render.Document) []person {
	s := doc.Session()
	var out []person
	for i, p := range s.People {
		if slices.ContainsFunc(s.Segments, func(seg agenda.Segment) bool {
			return slices.ContainsFunc(seg.Speakers, func(n string) bool { return agenda.NameKey(n) == agenda.NameKey(p.Name) })
		}) {
			out = append(out, person{Name: doc.Who(p.Name), Index: i})
		}
	}
	return out
}
