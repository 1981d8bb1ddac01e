package render

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fairfloor/fairfloor/agenda"
)

// csvHeader names the columns [CSV] writes.
var csvHeader = []string{"segment", "track", "start", "end", "zone", "minutes", "kind", "person", "organization",
	"role", "mode", "stakeholder", "region", "local_time"}

// csvBOM is the UTF-8 byte-order mark, by which Excel knows a CSV file's
// encoding.
const csvBOM = "\uFEFF"

// CSV writes the run-of-show as comma-separated values, a header and then
// one record per turn, for a spreadsheet:
//
//	segment,track,start,end,zone,minutes,kind,person,organization,role,mode,stakeholder,region,local_time
//
// Start and end are the date and clock time, with seconds, in the
// document's zone ("2024-12-17 10:20:30", which spreadsheets read as a
// date and time); zone names that zone, by its IANA name or else its
// abbreviation, with its offset from UTC at the start of the turn
// ("Europe/Paris (UTC+01:00)", or "UTC"), and at its end too when the
// clock changes during the turn ("Europe/Zurich (UTC+02:00 to
// UTC+01:00)"), so that a row says when it is wherever it is read. For a session that is not scheduled, start and end
// count from its start ("0:20:30") and zone is empty.
// Minutes is the turn's length as a decimal, such as 1.5, rounded to two
// places. An activity has a record for each person who leads it, one
// without a person if nobody does, so that every record of a person names
// them alone, with the same organization, mode and groups as all their
// other records. Local_time is the start in an online speaker's own zone,
// with its date: "2024-12-17 22:16 Pacific/Tongatapu". A document without
// a run-of-show gives the header alone.
//
// With [Document.ByteOrderMark] set the file begins with the UTF-8
// byte-order mark, so that Excel shows "Rückheim" rather than "RÃ¼ckheim".
//
// It is safe to open in a spreadsheet: a cell that begins with = + - @
// (or their full-width forms), alone or after spaces, which a spreadsheet
// could take for a formula, is written with a single quote ' in front, so
// it shows as text. Every value is on one line, as in every format (see
// the package doc), so reading the file back with encoding/csv and dropping
// that quote gives the text as the other formats show it.
//
// A document with a Forum is written as the programme's report in one
// table in long form, for a spreadsheet to filter on its first column,
// "table": a "group" row for each group of each dimension (a row without a
// share, such as "(not given)", leaves share and target empty), a
// "session" row for each session in rank order (its source "plan",
// "invalid" for one that fails validation, or "draft" for one no plan
// meets), a "violation" row for each rule a session fails in each preset
// (outcome "fail") or cannot be checked against ("cannot be checked"), a
// "speaker" row for each of the people who speak in the most sessions, and
// a "person" row for each person in more than one session, in any role.
//
// It returns [balance.ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func CSV(w io.Writer, d *Document) error {
	k, err := d.holds("CSV", kindForum)
	if err != nil {
		return err
	}
	if k == kindForum {
		return forumCSV(w, d)
	}
	d, err = d.prepare()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if d.ByteOrderMark {
		b.WriteString(csvBOM)
	}
	cw := csv.NewWriter(&b)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	s := d.Session()
	scheduled := d.slot().Scheduled()
	zones := map[string]*time.Location{} // loaded once each
	for _, r := range d.rows() {
		start, end, zone := d.clock(r.Start, time.Second), d.clock(r.End, time.Second), ""
		if scheduled {
			start, end, zone = r.Start.Format(csvTime), r.End.Format(csvTime), csvZone(r.Start, r.End)
		}
		person := func(who, org string, mode agenda.Mode, stakeholder, region string) []string {
			return []string{r.Title, r.Track, start, end, zone, decimalMinutes(r.Length),
				string(r.Kind), who, org, r.Role, string(mode), stakeholder, region, csvLocal(r, zones)}
		}
		records := [][]string{person(r.Who, r.Organization, r.Mode, r.Stakeholder, r.Region)}
		if r.Kind == "activity" && r.Who == "" {
			leaders := s.Segments[r.Segment].Facilitators
			if len(leaders) > 0 {
				records = records[:0]
			}
			for _, name := range leaders {
				p, _, ok := d.person(name)
				if !ok {
					records = append(records, person(d.Who(name), "", "", "", ""))
					continue
				}
				records = append(records, person(d.Who(name), d.field(p, "organization"), p.Mode,
					d.field(p, "stakeholder"), d.field(p, "region")))
			}
		}
		for _, record := range records {
			for i := range record {
				record[i] = csvCell(record[i])
			}
			if err := cw.Write(record); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// csvTime is how [CSV] writes a date and clock time.
const csvTime = "2006-01-02 15:04:05"

// csvZone names the zone of a turn from start to end (both shown in it),
// by its IANA name or, for a zone without one, its abbreviation, with its
// offset at start, and at end if that differs: "Europe/Paris (UTC+01:00)",
// "Europe/Zurich (UTC+02:00 to UTC+01:00)", or "UTC" for UTC.
func csvZone(start, end time.Time) string {
	name := start.Location().String()
	if name == "" || name == "Local" {
		name, _ = start.Zone()
	}
	_, from := start.Zone()
	_, to := end.Zone()
	switch {
	case from == 0 && to == 0 && name == "UTC":
		return name
	case from != to:
		return name + " (UTC" + start.Format("-07:00") + " to UTC" + end.Format("-07:00") + ")"
	}
	return name + " (UTC" + start.Format("-07:00") + ")"
}

// csvLocal writes the start of a turn in its online speaker's own zone, with
// its date, as Row.Local names the zone: "2024-12-17 22:16
// Pacific/Tongatapu"; "" for a row without a local time.
func csvLocal(r Row, zones map[string]*time.Location) string {
	_, zone, ok := strings.Cut(r.Local, " ")
	if !ok {
		return r.Local
	}
	loc, seen := zones[zone]
	if !seen {
		loc, _ = time.LoadLocation(zone) // it loaded for Rows
		zones[zone] = loc
	}
	if loc == nil {
		return r.Local
	}
	return r.Start.In(loc).Format("2006-01-02 15:04") + " " + zone
}

// csvCell neutralises a cell that a spreadsheet would read as a formula,
// as OWASP's advice on CSV injection lists them: one that begins with = +
// - @, a tab, a carriage return, a line feed or NUL, or with spaces, tabs
// or NULs before = + - @ (which some spreadsheets skip), or with the
// full-width ＝ ＋ － ＠ that some convert; it gets a single quote in front.
func csvCell(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("\t\r\n\x00", rune(s[0])) {
		return "'" + s
	}
	t := strings.TrimLeft(s, " \t\x00")
	if t == "" {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("=+-@＝＋－＠", r) {
		return "'" + s
	}
	return s
}

// decimalMinutes writes a length in minutes as a decimal rounded to two
// places: "1.5", "20", "0.33".
func decimalMinutes(d time.Duration) string {
	return strconv.FormatFloat(math.Round(d.Minutes()*100)/100, 'f', -1, 64)
}

// forumCSV writes the programme's report as one CSV table in long form, for
// a spreadsheet to filter on its first column: a "group" row for each
// group of each dimension (and a "(not given)" row; a row without a share,
// such as that one, leaves share and target empty), a "session" row for
// each session in rank order (its source "plan", "invalid" for one that
// fails validation, which is not planned, or "draft" for one no plan
// meets; lineup_off its line-up's distance from the full sets,
// off_target its time's), a "violation" row for each rule a session fails
// in each preset (outcome "fail") or cannot be checked against (outcome
// "cannot be checked"), and a
// "speaker" row for each of the people who speak in the most sessions, in
// rank order, with their sessions' titles and how many there are, and a
// "person" row for each person in more than one session, in any role,
// with each session's title and roles. Cells
// that a spreadsheet would take for a formula are quoted as text. With
// ByteOrderMark set the file begins with the UTF-8 byte-order mark, for
// Excel. Its errors are those of forumText.
func forumCSV(w io.Writer, d *Document) error {
	v, err := d.forumReport()
	if err != nil {
		return err
	}
	if d.ByteOrderMark {
		if _, err := io.WriteString(w, csvBOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	columns := []string{"table", "rank", "session", "when", "room", "source", "dimension", "group", "preset", "rule", "outcome", "found", "people",
		"speakers", "sessions", "minutes", "share", "target", "lineup_off", "off_target", "presets_failed"}
	cw.Write(columns)
	// row writes the cells given by column, the others empty; an error, if
	// any, comes from Flush.
	row := func(cells map[string]string) {
		out := make([]string, len(columns))
		for i, c := range columns {
			out[i] = csvCell(cells[c])
		}
		cw.Write(out)
	}
	for _, dim := range v.Dims {
		for _, g := range dim.Groups {
			cells := map[string]string{"table": "group", "dimension": dim.Dim.Name(), "group": groupCell(g), "speakers": strconv.Itoa(g.Speakers),
				"minutes": decimalMinutes(g.Time)}
			if g.hasShare() { // a row without a share leaves share and target empty
				cells["share"], cells["target"] = share(g.Share), share(g.Target)
			}
			row(cells)
		}
	}
	for _, s := range v.Sessions {
		row(map[string]string{"table": "session", "rank": strconv.Itoa(s.Rank), "session": s.Title, "when": s.When, "room": s.Room,
			"source": s.Source, "speakers": strconv.Itoa(s.Speakers), "lineup_off": judged(s.Judged, s.Distance), "off_target": judged(s.Speakers > 0, s.Gap), "presets_failed": strconv.Itoa(s.PresetsFailed)})
	}
	for _, p := range v.Presets {
		for k, list := range [][]forumFailure{p.Failing, p.Unchecked} {
			outcome := []string{"fail", "cannot be checked"}[k]
			for _, f := range list {
				for _, r := range f.Rules {
					rule := r.Rule
					if r.Note != "" {
						rule += " (" + r.Note + ")"
					}
					row(map[string]string{"table": "violation", "session": f.Session, "preset": p.Name, "rule": rule, "outcome": outcome,
						"found": strings.TrimPrefix(r.Found, "cannot be checked: "), "people": strings.Join(r.People, "; ")})
				}
			}
		}
	}
	for i, p := range v.Frequent {
		row(map[string]string{"table": "speaker", "rank": strconv.Itoa(i + 1), "session": strings.Join(p.Sessions, "; "), "people": p.Who,
			"sessions": strconv.Itoa(len(p.Sessions)), "minutes": decimalMinutes(p.Time)})
	}
	forumRepeatedCSV(row, v)
	cw.Flush()
	return cw.Error()
}

// share writes a share as a decimal with at most four places: "0.8333".
func share(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// judged writes share x, or nothing where there is nothing it measures.
func judged(ok bool, x float64) string {
	if !ok {
		return ""
	}
	return share(x)
}
