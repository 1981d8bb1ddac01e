package render

import (
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// Row is one turn of the run-of-show as every format shows it, privacy
// applied, and as [JSON] writes it in [Output].Rows.
type Row struct {
	Segment     int                `json:"segment"` // index in Session.Segments
	Title       string             `json:"title"`   // the segment's title
	SegmentKind agenda.SegmentKind `json:"segment_kind,omitempty"`
	Track       string             `json:"track,omitempty"`
	Questions   []string           `json:"questions,omitempty"`
	Kind        string             `json:"kind"`
	// Start and End are in the document's zone; JSON leaves them out of a
	// session that is not scheduled, whose turns Offset places.
	Start        time.Time   `json:"start,omitzero"`
	End          time.Time   `json:"end,omitzero"`
	Who          string      `json:"who,omitempty"` // see Document.Who; "" for audience questions and activities
	Organization string      `json:"organization,omitempty"`
	Role         string      `json:"role,omitempty"`    // the part the turn's person plays here: speaker, moderator, facilitator
	Leaders      []string    `json:"leaders,omitempty"` // for an activity, the facilitators who lead it, named as Who names them
	Mode         agenda.Mode `json:"mode,omitempty"`
	Stakeholder  string      `json:"stakeholder,omitempty"`
	Region       string      `json:"region,omitempty"`
	// Local is the turn's start in the person's own time zone, as
	// "15:20 Asia/Tokyo", for someone online whose zone is known.
	Local  string        `json:"local,omitempty"`
	Offset time.Duration `json:"offset"` // from the start of the session
	Length time.Duration `json:"length"`
}

// rows returns every turn of the run-of-show, segment by segment; nil
// without a run-of-show, or for one whose segments are not those of its
// session.
func (d *Document) rows() []Row {
	if d.RunOfShow == nil {
		return nil
	}
	d, err := d.prepare()
	if err != nil {
		return nil
	}
	s := d.Session()
	loc := d.slot().Start.Location()
	zones := map[string]*time.Location{} // loaded once each: loading reads a file
	var rows []Row
	for i, seg := range d.RunOfShow.Segments {
		sg := &s.Segments[i]
		for _, t := range seg.Turns {
			r := Row{Segment: i, Title: sg.Title, SegmentKind: sg.Kind, Track: sg.Track, Questions: sg.Questions,
				Kind: t.Kind, Start: t.Start.In(loc), End: t.End.In(loc), Offset: t.Start.Sub(d.slot().Start), Length: t.Length()}
			switch t.Kind {
			case "speech", "handover":
				r.Role = string(agenda.RoleSpeaker)
			case "moderation":
				r.Role = string(agenda.RoleModerator)
			case "activity":
				r.Role = string(agenda.RoleFacilitator)
				for _, name := range sg.Facilitators {
					r.Leaders = append(r.Leaders, d.Who(name))
				}
			}
			if p, _, ok := d.person(t.Person); ok && t.Person != "" {
				r.Who = d.Who(p.Name)
				r.Organization = d.field(p, "organization")
				r.Mode = p.Mode
				r.Stakeholder = d.field(p, "stakeholder")
				r.Region = d.field(p, "region")
				if zone := d.field(p, "zone"); zone != "" && p.Mode == agenda.ModeOnline && d.slot().Scheduled() {
					z, seen := zones[zone]
					if !seen {
						z, _ = time.LoadLocation(zone) // nil if it does not load
						zones[zone] = z
					}
					if z != nil {
						r.Local = t.Start.In(z).Format("15:04") + " " + zone
					}
				}
			}
			rows = append(rows, r)
		}
	}
	return rows
}
