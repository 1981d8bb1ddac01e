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
)

// csvHeader names the columns [CSV] writes.
var csvHeader = []string{"segment", "track", "start", "end", "minutes", "kind", "person", "organization",
	"role", "mode", "stakeholder", "region", "local_time"}

// CSV writes the run-of-show as comma-separated values, a header and then
// one record per turn, for a spreadsheet:
//
//	segment,track,start,end,minutes,kind,person,organization,role,mode,stakeholder,region,local_time
//
// Start and end are clock times as [Document.Clock] writes them with
// seconds ("10:20:30", or "0:20:30" from the start of a session that is not
// scheduled); minutes is the turn's length as a decimal, such as 1.5,
// rounded to two places; the person of an activity is who leads it. A
// document without a run-of-show gives the header alone.
//
// It is safe to open in a spreadsheet: a cell that begins with = + - @
// (or their full-width forms), alone or after spaces, which a spreadsheet
// could take for a formula, is written with a single quote ' in front, so
// it shows as text. Every value is on one line, as in every format (see
// the package doc), so reading the file back with encoding/csv and dropping
// that quote gives the text as the other formats show it.
//
// It returns [ErrNoSession], [ErrMismatch], a *[TimeError] or an
// *agenda.LimitError for a document it cannot render (see the package
// doc), and the errors of w.
func CSV(w io.Writer, d *Document) error {
	d, err := d.prepare()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range d.Rows() {
		person := r.Who
		if person == "" && len(r.Leaders) > 0 {
			person = strings.Join(r.Leaders, ", ")
		}
		record := []string{r.Title, r.Track, d.Clock(r.Start, true), d.Clock(r.End, true), decimalMinutes(r.Length),
			string(r.Kind), person, r.Organization, r.Role, string(r.Mode), r.Stakeholder, r.Region, r.Local}
		for i := range record {
			record[i] = csvCell(record[i])
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
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
